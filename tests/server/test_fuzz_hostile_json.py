"""Hypothesis over push and sign-in bodies with hostile values (issue 13, finding 9).

Whatever the value and wherever it sits, the server answers in words (4xx), never
500; values it cannot store (NaN, Infinity, 1e400, lone surrogates, NUL) are 422.
Schemathesis covers the documented shapes; this covers what JSON itself can hide.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.server.conftest import Api
from tests.server.test_api import conv_insert

UNSTORABLE = ["NaN", "Infinity", "-Infinity", "1e400", '"\\ud800"', '"a\\u0000b"',
              '{"k\\udfff": 1}', '["\\u0000"]']
ODD = ['"' + "x" * 70_000 + '"', "[" * 3000 + "]" * 3000, '{"a":' * 200 + "1" + "}" * 200,
       "-0", "1e-400", "123456789012345678901234567890", '"\\u202e\\u0000"'.replace(
           "\\u0000", ""), "true", "null", '"<img src=\\"/dev/zero\\">"', "{}", "[]"]
PLACEHOLDER = "__HOSTILE__"

_settings = settings(max_examples=60, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture,
                                            HealthCheck.too_slow])


def _push_body(field: str, token: str) -> bytes:
    mutation = conv_insert(1, "c-fuzz", "dev-alice")
    fields = dict(mutation["fields"])  # type: ignore[arg-type]
    fields[field] = PLACEHOLDER
    body = json.dumps({"mutations": [{**mutation, "fields": fields}]})
    return body.replace(json.dumps(PLACEHOLDER), token).encode()


@_settings
@given(field=st.sampled_from(["subject", "status", "created_at", "unread", "snippet", "x"]),
       token=st.sampled_from(UNSTORABLE + ODD))
def test_push_with_hostile_values(api: Api, field: str, token: str) -> None:
    headers = {**api.token("alice"), "Content-Type": "application/json"}
    resp = api.client.post("/sync/push", content=_push_body(field, token), headers=headers)
    assert resp.status_code < 500, (token[:40], resp.text[:200])
    if token in UNSTORABLE:
        assert resp.status_code == 422, (token, resp.text[:200])
    else:  # stored, or refused in words (too deep, too long, wrong type)
        assert resp.status_code == 200 or 400 <= resp.status_code < 500, resp.text[:200]


@_settings
@given(key=st.sampled_from(["user", "password", "device_name", "device_id", "extra"]),
       token=st.sampled_from(UNSTORABLE + ODD))
def test_sign_in_with_hostile_values(api: Api, key: str, token: str) -> None:
    body = {"user": "alice", "password": "nope-nope", "device_name": "x", "device_id": "d"}
    body[key] = PLACEHOLDER
    raw = json.dumps(body).replace(json.dumps(PLACEHOLDER), token).encode()
    resp = api.client.post("/auth/login", content=raw,
                           headers={"Content-Type": "application/json"})
    assert resp.status_code < 500, (token[:40], resp.text[:200])
    if token in UNSTORABLE:
        assert resp.status_code == 422
