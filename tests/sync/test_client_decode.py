"""Big answers are parsed a row at a time, to the same result as ``json.loads``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.sync import pieces
from supportdesk.sync.client import loads_in_pieces
from supportdesk.sync.protocol import ProtocolError

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(), inner, max_size=4), max_leaves=20)


@pytest.fixture
def always_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "PIECEWISE_BYTES", 0)


@pytest.mark.usefixtures("always_in_pieces")
@settings(max_examples=300, deadline=None)
@given(doc=st.dictionaries(st.text(), values | st.lists(values)), indent=st.sampled_from(
    [None, 0, 2]), ascii_only=st.booleans())
def test_same_result_as_json_loads(doc: dict[str, Any], indent: int | None,
                                   ascii_only: bool) -> None:
    raw = json.dumps(doc, indent=indent, ensure_ascii=ascii_only).encode()
    assert loads_in_pieces(raw) == json.loads(raw)


@pytest.mark.usefixtures("always_in_pieces")
def test_a_page_with_rows_and_spaces_everywhere() -> None:
    raw = (' \n{ "rows" : [ {"entity":"messages","fields":{"body_text":"Þórður, ]} here"}} ,'
           '\t{"entity":"notes"} ] , "next" : null ,"total":2 } \r\n').encode()
    assert loads_in_pieces(raw) == json.loads(raw)
    assert loads_in_pieces(b'[1, 2]') == [1, 2]  # not an object: parsed whole
    assert loads_in_pieces(b'{"rows": []}') == {"rows": []}


@pytest.mark.usefixtures("always_in_pieces")
@pytest.mark.parametrize("raw", [
    b'{"rows": [1, 2}', b'{"rows": [1 2]}', b'{"a": 1', b'{"a" 1}', b'{1: 2}',
    b'{"a": 1} x', b'{"a": [1, 2], }', b'{"a": "\xff"}', b'', b'{"rows": [',
])
def test_broken_answers_are_protocol_errors(raw: bytes) -> None:
    with pytest.raises(ProtocolError):
        loads_in_pieces(raw)
    with pytest.raises(ValueError):
        json.loads(raw)  # the same answers json.loads refuses
