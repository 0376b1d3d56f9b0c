"""Make HTML mail safe to show, with nh3 (ammonia).

What survives: text formatting, tables, lists, links and images. What goes:

- scripts, event handlers, forms and their controls, iframes, frames,
  object/embed/applet, SVG and MathML, ``<style>``/``<title>``/``<head>``
  blocks with their contents, ``<base>``/``<meta>``/``<link>``, comments;
- links other than http, https, mailto and tel (so no ``javascript:``,
  ``vbscript:``, ``data:`` or ``file:`` links); links get
  ``rel="noopener noreferrer"``;
- in ``style`` attributes: any declaration with ``url()``, ``@import``,
  ``expression()``, ``image()``, ``behavior``/``-moz-binding``, a backslash
  escape, a comment or angle brackets, and any property outside a list of
  presentational ones (no ``position``, ``z-index`` or ``content``, so mail
  cannot draw over the app);
- ``data:`` URIs are allowed only as ``<img src>`` and only for png, gif,
  jpeg, webp and bmp (not SVG);
- remote ``<img src="http(s)://...">`` becomes ``REMOTE_IMAGE_PLACEHOLDER``
  (counted in ``blocked_remote``) unless ``allow_remote``;
- ``cid:`` image sources are looked up in ``cid_map`` (Content-ID without
  angle brackets, matched case-insensitively) and replaced by the ``file:``
  or ``data:image`` URI the UI gives; unknown cids lose their ``src``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote

import nh3

REMOTE_IMAGE_PLACEHOLDER = (
    "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
)
"""A 1x1 transparent GIF; the UI may style ``img[src=<this>]`` as "image blocked"."""

_TAGS = (set(nh3.ALLOWED_TAGS) - {"area", "map"}) | {"font", "big", "center", "span", "div"}
_CLEAN_CONTENT = {
    "script", "style", "title", "head", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "noembed", "noframes", "svg", "math", "select", "textarea",
}  # fmt: skip
_CELL = {"width", "height", "bgcolor", "colspan", "rowspan", "valign", "align", "nowrap"}
_ATTRIBUTES = {
    "*": {"style", "title", "dir", "lang", "align"},
    "a": {"href", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "border"},
    "table": {"width", "border", "cellpadding", "cellspacing", "bgcolor", "summary"},
    "td": _CELL | {"headers"},
    "th": _CELL | {"headers", "scope"},
    "tr": {"bgcolor", "valign"},
    "tbody": {"valign"},
    "thead": {"valign"},
    "tfoot": {"valign"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "font": {"color", "face", "size"},
    "ol": {"start", "type"},
    "ul": {"type"},
    "li": {"value"},
    "hr": {"width", "size", "noshade"},
}
_URL_SCHEMES = {"http", "https", "mailto", "tel", "cid", "data"}
_LINK_SCHEMES = ("http", "https", "mailto", "tel")
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_DATA_IMAGE = re.compile(r"data:image/(?:png|gif|jpeg|jpg|webp|bmp);base64,[A-Za-z0-9+/=\s]*\Z")
_STYLE_PROPERTY = re.compile(
    r"color|background|background-color|font|font-[a-z]+|line-height|letter-spacing"
    r"|word-spacing|text-(?:align|decoration|indent|transform|shadow)|white-space"
    r"|word-(?:break|wrap)|overflow-wrap|vertical-align|direction"
    r"|(?:margin|padding)(?:-(?:top|right|bottom|left))?|border(?:-[a-z]+){0,3}"
    r"|(?:min-|max-)?(?:width|height)|display|list-style(?:-type|-position)?"
    r"|table-layout|border-collapse|border-spacing|caption-side|float|clear"
)
_STYLE_FORBIDDEN = re.compile(
    r"url\s*\(|expression\s*\(|image\s*\(|image-set|element\s*\(|javascript:|vbscript:"
    r"|@import|behavior|binding|[\\<>\x00-\x1f\x7f]|/\*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SanitizedHtml:
    """Safe HTML and how many remote images were replaced by the placeholder."""

    html: str
    blocked_remote: int


def clean_style(value: str) -> str:
    """Keep only harmless presentational CSS declarations from a style attribute."""
    if "@import" in value.lower():
        return ""
    kept: list[str] = []
    for declaration in value.split(";"):
        name, colon, setting = declaration.partition(":")
        name, setting = name.strip().lower(), setting.strip()
        if not colon or not setting or not _STYLE_PROPERTY.fullmatch(name):
            continue
        if _STYLE_FORBIDDEN.search(setting):
            continue
        kept.append(f"{name}: {setting}")
    return "; ".join(kept)


def _scheme(url: str) -> str:
    """Return the lowercased scheme of a URL the way a browser reads it ('' if none)."""
    compact = _IGNORED_IN_SCHEME.sub("", url)
    scheme, colon, _ = compact.partition(":")
    if not colon or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*", scheme):
        return ""
    return scheme.lower()


class _Filter:
    """nh3 attribute filter for one call; counts blocked remote images."""

    def __init__(self, allow_remote: bool, cid_map: Mapping[str, str]) -> None:
        self.allow_remote = allow_remote
        self.cid_map = {key.strip().strip("<>").lower(): value for key, value in cid_map.items()}
        self.blocked = 0

    def __call__(self, tag: str, attribute: str, value: str) -> str | None:
        """Return the value to keep, a replacement, or None to drop the attribute."""
        try:
            if attribute == "style":
                return clean_style(value) or None
            if tag == "img" and attribute == "src":
                return self.image(value.strip())
            if attribute == "href":
                return self.link(value.strip())
            if attribute in ("src", "cite", "background", "action", "poster", "srcset"):
                return None
            return value
        except Exception:  # fail closed: an attribute we could not judge is dropped
            return None

    def link(self, url: str) -> str | None:
        """Keep web, mail and phone links and in-page anchors."""
        if url.startswith("#"):
            return url
        return url if _scheme(url) in _LINK_SCHEMES else None

    def image(self, src: str) -> str | None:
        """Map cid:, keep small data: images, block or keep remote images."""
        scheme = _scheme(src)
        if scheme == "cid":
            key = unquote(src.partition(":")[2]).strip().strip("<>").lower()
            mapped = self.cid_map.get(key)
            if mapped is None:
                return None
            if _scheme(mapped) == "file" or _DATA_IMAGE.match(mapped):
                return mapped
            return None
        if scheme == "data":
            return src if _DATA_IMAGE.match(src) else None
        if scheme in ("http", "https") or (not scheme and src.startswith("//")):
            if self.allow_remote:
                return src if scheme else f"https:{src}"
            self.blocked += 1
            return REMOTE_IMAGE_PLACEHOLDER
        return None


def sanitize_html(html: str, *, allow_remote: bool, cid_map: Mapping[str, str]) -> SanitizedHtml:
    """Return HTML safe to render with no network and no local file access.

    Args:
        html: raw HTML from a message.
        allow_remote: keep remote images (the rep allowed them for this sender).
        cid_map: Content-ID -> ``file:`` or ``data:image`` URI for inline images.
    """
    attribute_filter = _Filter(allow_remote, cid_map)
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags=_CLEAN_CONTENT,
        attributes=_ATTRIBUTES,
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel="noopener noreferrer",
        url_schemes=_URL_SCHEMES,
    )
    return SanitizedHtml(html=cleaned, blocked_remote=attribute_filter.blocked)
