"""Publish the public articles as a self-contained static help site.

One page per article, an index per tag and per language, a start page with a
client-side search. Every link is relative and nothing is loaded from
elsewhere (no scripts, fonts, styles or images from other sites), so the
folder works opened from disk or served from any path of any web server.

Publishing again is incremental: a manifest (``.supportdesk-site.json``)
remembers the files the last run wrote and their hashes; unchanged files are
left alone, changed ones are replaced atomically, and files of articles that
are no longer published are removed. Nothing the manifest does not list is
ever touched, and a non-empty folder without a manifest is refused.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path, PurePosixPath

import nh3

from supportdesk.services.kb.articles import ArticleInfo
from supportdesk.services.kb.site_assets import LANGUAGE_NAMES, SEARCH_JS, STYLE_CSS, labels
from supportdesk.store import search as search_index
from supportdesk.store.atomic import NotAPlainFileError, replace_file

MANIFEST = ".supportdesk-site.json"
GENERATOR = "supportdesk-kb"
#: what an article body may hold on the site: structure and text, no styling, no
#: obsolete presentational tags, images only inline (data:)
_SITE_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "b", "strong", "i", "em",
    "u", "s", "code", "pre", "blockquote", "a", "img", "table", "thead", "tbody", "tr", "th",
    "td", "hr", "span", "div", "sub", "sup", "dl", "dt", "dd",
}  # fmt: skip
_SITE_ATTRS = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"},
               "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}, "*": {"lang", "dir"}}
_DATA_IMAGE = re.compile(r"^data:image/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\s]+$")
_IMG_NO_ALT = re.compile(r"<img(?![^>]*\balt=)")
_WORDS = re.compile(r"\w+", re.UNICODE)
_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
#: letters whose folding the browser must learn from the generator
_FOLD_EXTRA = "ðþæøœßёйÐÞÆØŒЁЙ"


class PublishError(Exception):
    """The site cannot be written there; the message says why."""


@dataclass
class PublishResult:
    """What a run did."""

    articles: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def _attr(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        # In-page anchors, and mail or phone links, stay; links out become text.
        return value if value.startswith("#") or value.startswith(("mailto:", "tel:")) else None
    if tag == "img" and attribute == "src":
        return value if _DATA_IMAGE.match(value) else None
    if attribute in ("width", "height"):
        return value if value.isdigit() else None
    return value


def site_body(html: str) -> str:
    """An article body as the site shows it: valid, self-contained HTML."""
    cleaned = nh3.clean(html, tags=_SITE_TAGS, attributes=_SITE_ATTRS, attribute_filter=_attr,
                        strip_comments=True, link_rel=None,
                        url_schemes={"mailto", "tel", "data"})
    cleaned = re.sub(r"<img(?![^>]*\bsrc=)[^>]*>", "", cleaned)  # an image with no source
    return _IMG_NO_ALT.sub('<img alt=""', cleaned)


_TRANSLIT = str.maketrans({
    "ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
})  # fmt: skip


def slug(text: str, limit: int = 60) -> str:
    """A file-name part: folded, transliterated ASCII words joined by hyphens (may be empty)."""
    folded = search_index.fold(text).translate(_TRANSLIT)
    words = [w for w in _WORDS.findall(folded) if w.isascii()]
    return "-".join(words)[:limit].strip("-").lower()


def article_path(article: ArticleInfo) -> str:
    """The article's page, relative to the site root (stable while its title stays)."""
    key = hashlib.sha256(article.id.encode()).hexdigest()[:10]
    name = slug(article.title)
    return f"a/{name}-{key}.html" if name else f"a/{key}.html"


def tag_path(tag: str) -> str:
    """The page listing a tag's articles."""
    key = hashlib.sha256(tag.encode()).hexdigest()[:6]
    name = slug(tag, 40)
    return f"tag/{name}-{key}.html" if name else f"tag/{key}.html"


def public_link(base_url: str, article: ArticleInfo) -> str:
    """The article's address on the published site."""
    return base_url.rstrip("/") + "/" + article_path(article)


class _Site:
    def __init__(self, articles: list[ArticleInfo], title: str) -> None:
        self.articles = sorted(articles, key=lambda a: (a.language, a.title.casefold()))
        self.title = title
        self.files: dict[str, bytes] = {}

    def page(self, path: str, lang: str, title: str, main: str, *, live: bool = False) -> None:
        depth = path.count("/")
        root = "../" * depth
        words = labels(lang)
        results = (f'<ul id="results" class="list" data-live="1" aria-live="polite"></ul>'
                   f'<p id="no-results" class="hint" hidden>{escape(words["none"])}</p>'
                   if live else "")
        html = (
            f'<!DOCTYPE html>\n<html lang="{escape(lang)}" data-root="{root}">\n<head>\n'
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n"
            '<link rel="icon" href="data:,">\n'
            f'<link rel="stylesheet" href="{root}style.css">\n</head>\n<body>\n'
            f'<header><a class="home" href="{root}index.html">{escape(self.title)}</a>'
            f'<form class="search" role="search" action="{root}index.html" method="get">'
            f'<input type="search" id="q" name="q" aria-label="{escape(words["search"])}" '
            f'placeholder="{escape(words["placeholder"])}">'
            f'<button type="submit">{escape(words["search"])}</button></form></header>\n'
            f"<main>\n{results}{main}\n</main>\n"
            f'<footer>{escape(self.title)}</footer>\n'
            f'<script src="{root}search-index.js"></script>\n'
            f'<script src="{root}search.js"></script>\n'
            "</body>\n</html>\n"
        )
        self.files[path] = html.encode("utf-8")

    def _list(self, arts: Iterable[ArticleInfo], root: str) -> str:
        items = "".join(f'<li><a href="{root}{article_path(a)}">{escape(a.title)}</a></li>'
                        for a in arts)
        return f'<ul class="list">{items}</ul>'

    def _tags(self, tags: Iterable[str], root: str) -> str:
        links = "".join(f'<a href="{root}{tag_path(t)}">{escape(t)}</a>' for t in tags)
        return f'<p class="tags">{links}</p>' if links else ""

    def build(self) -> dict[str, bytes]:
        by_tag: dict[str, list[ArticleInfo]] = {}
        by_lang: dict[str, list[ArticleInfo]] = {}
        for a in self.articles:
            by_lang.setdefault(a.language, []).append(a)
            for t in a.tags:
                by_tag.setdefault(t, []).append(a)
        for a in self.articles:
            words = labels(a.language)
            when = a.updated_at.date().isoformat()
            main = (f'<article lang="{escape(a.language)}"><h1>{escape(a.title)}</h1>'
                    f'<p class="meta">{escape(words["updated"])} '
                    f'<time datetime="{when}">{when}</time></p>'
                    f"{site_body(a.body_html)}</article>"
                    f"{self._tags(a.tags, '../')}")
            self.page(article_path(a), a.language, f"{a.title} · {self.title}", main)
        for tag, arts in sorted(by_tag.items()):
            lang = arts[0].language if len({x.language for x in arts}) == 1 else "en"
            main = f"<h1>{escape(tag)}</h1>{self._list(arts, '../')}"
            self.page(tag_path(tag), lang, f"{tag} · {self.title}", main)
        for lang, arts in sorted(by_lang.items()):
            tags = sorted({t for a in arts for t in a.tags})
            name = LANGUAGE_NAMES.get(lang, lang)
            main = (f"<h1>{escape(name)}</h1>{self._tags(tags, '../')}"
                    f"{self._list(arts, '../')}")
            self.page(f"lang/{lang}.html", lang, f"{name} · {self.title}", main)
        words = labels("en")
        langs = "".join(f'<li><a href="lang/{escape(lang)}.html" lang="{escape(lang)}">'
                        f"{escape(LANGUAGE_NAMES.get(lang, lang))}</a> ({len(arts)})</li>"
                        for lang, arts in sorted(by_lang.items()))
        sections = "".join(
            f'<h2 lang="{escape(lang)}">{escape(LANGUAGE_NAMES.get(lang, lang))}</h2>'
            f"{self._list(arts, '')}" for lang, arts in sorted(by_lang.items()))
        main = (f"<h1>{escape(self.title)}</h1>"
                f'<noscript><p class="hint">{escape(words["noscript"])}</p></noscript>'
                f'<h2>{escape(words["languages"])}</h2><ul class="list">{langs}</ul>'
                f'<h2>{escape(words["tags"])}</h2>{self._tags(sorted(by_tag), "")}'
                f"{sections}")
        self.page("index.html", "en", self.title, main, live=True)
        self.files["style.css"] = STYLE_CSS.encode("utf-8")
        self.files["search.js"] = SEARCH_JS.encode("utf-8")
        self.files["search-index.js"] = self._index()
        return self.files

    def _index(self) -> bytes:
        fold = search_index.fold
        chars: set[str] = set(_FOLD_EXTRA)
        docs = []
        for a in self.articles:
            text = f"{a.title} {' '.join(a.tags)} {a.body_text}"
            chars.update(text)
            chars.update(text.upper())
            words = sorted(set(_WORDS.findall(fold(text))))
            docs.append({"title": a.title, "url": article_path(a), "lang": a.language,
                         "words": " ".join(words)})
        table = {c: fold(c) for c in sorted(chars) if not c.isascii() and fold(c) != c.lower()}
        payload = json.dumps({"articles": docs, "fold": table}, ensure_ascii=True,
                             sort_keys=True)
        return f"window.SUPPORTDESK_SEARCH = {payload};\n".encode()


def build_site(articles: Iterable[ArticleInfo], title: str = "Help centre") -> dict[str, bytes]:
    """Every file of the site (relative path -> content) for the published public articles."""
    shown = [replace(a, language=safe_language(a.language)) for a in articles
             if a.published and a.visibility == "public"]
    return _Site(shown, title).build()


def safe_language(language: str) -> str:
    """A language tag fit for a file name and ``lang=`` (synced rows may hold anything)."""
    return language if _LANG.fullmatch(language) else "und"


def _read_manifest(out: Path) -> dict[str, str] | None:
    path = out / MANIFEST
    if not path.exists() and not path.is_symlink():
        return None
    path = _inside(out, MANIFEST)  # a plain file, not a link or a device
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ValueError("too large")
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise PublishError(f"{path} is damaged ({exc}); move the folder aside and publish "
                           "again.") from exc
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("generator") != GENERATOR \
            or not isinstance(files, dict):
        raise PublishError(f"{path} was not written by SupportDesk; choose another folder.")
    return {str(k): str(v) for k, v in files.items()}


def _inside(out: Path, rel: str) -> Path:
    """``rel`` under ``out``, refusing anything that could lead elsewhere.

    No part of the way may be a link, and what is already there must be a plain
    file or folder: the publisher never writes through a link, never replaces or
    removes a device, pipe or socket.
    """
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise PublishError(f"The manifest names a file outside the folder: {rel!r}")
    path = out
    for i, part in enumerate(pure.parts):
        path = path / part
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            break
        last = i == len(pure.parts) - 1
        if not (stat.S_ISREG(mode) if last else stat.S_ISDIR(mode)):
            raise PublishError(f"{path} is in the way (not a plain {'file' if last else 'folder'}"
                               "); move it aside and publish again.")
    return out.joinpath(*pure.parts)


def _write_atomic(path: Path, data: bytes) -> None:
    """Replace a plain file (or make a new one) in one step; anything else is refused."""
    try:
        replace_file(path, data)
    except NotAPlainFileError as exc:
        raise PublishError(str(exc)) from exc


def write_site(files: dict[str, bytes], out: Path) -> PublishResult:
    """Bring a folder in step with the site's files (incrementally).

    Raises:
        PublishError: the folder holds other things, or cannot be written.
    """
    out = out.expanduser()
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise PublishError(f"{out} is not a folder; choose an empty folder for the site.")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PublishError(f"Cannot create {out}: {exc.strerror}.") from exc
    old = _read_manifest(out)
    if old is None and any(out.iterdir()):
        raise PublishError(f"{out} is not empty and was not made by SupportDesk; choose an "
                           "empty folder (or the one you published to before).")
    old = old or {}
    result = PublishResult(articles=sum(1 for p in files if p.startswith("a/")))
    hashes: dict[str, str] = {}
    try:
        for rel, data in sorted(files.items()):
            digest = hashlib.sha256(data).hexdigest()
            hashes[rel] = digest
            path = _inside(out, rel)
            if old.get(rel) == digest and path.is_file():
                result.unchanged += 1
                continue
            _write_atomic(path, data)
            result.written.append(rel)
        for rel in sorted(set(old) - set(files)):
            path = _inside(out, rel)
            if path.exists():  # a plain file: _inside refused anything else
                path.unlink()
            result.removed.append(rel)
            parent = path.parent
            if parent != out and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
        manifest = {"generator": GENERATOR, "files": hashes}
        text = json.dumps(manifest, indent=1, sort_keys=True)
        _write_atomic(_inside(out, MANIFEST), text.encode())
    except OSError as exc:
        raise PublishError(f"Cannot write the site to {out}: {exc.strerror or exc}.") from exc
    return result


def publish(articles: Iterable[ArticleInfo], out: Path,
            title: str = "Help centre") -> PublishResult:
    """Build the site from the articles and write it to ``out`` (incrementally)."""
    return write_site(build_site(articles, title), out)
