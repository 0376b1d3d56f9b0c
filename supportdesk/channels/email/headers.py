"""Header helpers shared by parsing and composing.

Everything here is pure and never raises on odd input: header text from the
wire is decoded leniently, and what could not be read is described in plain
words in a ``notes`` list that the caller shows on the message.
"""

from __future__ import annotations

import binascii
import codecs
import functools
import hashlib
import re
from email.utils import getaddresses
from urllib.parse import unquote_to_bytes

MAX_PARAMS = 64
"""Parameters read from one Content-Type / Content-Disposition header."""
MAX_PARAM_SECTIONS = 64
"""RFC 2231 continuation sections joined for one parameter."""
MAX_MESSAGE_ID_CHARS = 250
"""Longer Message-IDs are replaced by a stable hash of themselves."""
MAX_ADDRESSES = 500
"""Addresses read from one address header."""

_CONTROL_RUN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_ENCODED_WORD = re.compile(r"=\?([^?\s]{1,64})\?([bBqQ])\?([^?\s]*)\?=")
_WORD_RUN = re.compile(
    r"=\?[^?\s]{1,64}\?[bBqQ]\?[^?\s]*\?=(?:\s+=\?[^?\s]{1,64}\?[bBqQ]\?[^?\s]*\?=)*"
)
_TOKEN = re.compile(r"\ue000(\d{1,6})\ue001")
_ID_TOKEN = re.compile(r"<([^<>]*)>")
_PARAM = re.compile(
    r";\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*=\s*(\"(?:[^\"\\]|\\.)*\"|[^;]*)", re.DOTALL
)
_QUOTED_PAIR = re.compile(r"\\(.)", re.DOTALL)
_PLAIN_ADDRESS = re.compile(r"[^\s<>,;:\"()\[\]\\]+@[^\s<>,;:\"()\[\]\\]+")
_ADDRESS_OK = re.compile(r"[^\s@<>,;]+@[^\s@<>,;]+")
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/]")

# Names mail software uses that Python spells differently, or that browsers
# read as a superset (WHATWG encoding standard).
_CHARSET_ALIASES = {
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "euc-kr": "cp949",
    "x-sjis": "cp932",
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "windows-31j": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-8-i": "iso-8859-8",
    "iso-8859-6-i": "iso-8859-6",
    "tis-620": "cp874",
    "windows-874": "cp874",
    "unicode-1-1-utf-7": "utf-7",
    "x-mac-roman": "mac-roman",
    "macintosh": "mac-roman",
    "utf8": "utf-8",
}
_ASCII_NAMES = frozenset({"us-ascii", "ascii", "us_ascii", "ansi_x3.4-1968", "646"})
# Codecs that are text encodings to Python but make no sense for mail.
_REFUSED_CODECS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "mbcs", "oem"}
)
_ALL_ASCII = bytes(range(128))
_SEVEN_BIT_STATEFUL = ("iso2022", "utf-7", "utf_7", "hz")


def strip_crlf(value: str) -> str:
    """Replace CR, LF and every other control character by a space; trim the ends.

    Use it on any header value taken from incoming mail before it goes into
    outgoing mail or a protocol command.
    """
    return _CONTROL_RUN.sub(" ", value).strip()


def clean_line(value: str) -> str:
    """Return ``value`` on one line: control characters gone, whitespace folded."""
    return " ".join(_CONTROL_RUN.sub(" ", value).split())


def shown(value: str, limit: int = 60) -> str:
    """Return a short, single-line version of untrusted text for a note."""
    text = clean_line(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@functools.lru_cache(maxsize=256)
def codec_for(charset: str) -> str | None:
    """Return Python's codec name for a MIME charset, or None when unknown."""
    name = charset.strip().strip("\"'").lower()
    if not name or len(name) > 40:
        return None
    if name in _ASCII_NAMES:
        return "ascii"
    name = _CHARSET_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED_CODECS:
        return None
    return info.name


@functools.lru_cache(maxsize=256)
def _ascii_compatible(codec: str) -> bool:
    """True when ``codec`` reads plain ASCII bytes as the same characters."""
    if codec.startswith(_SEVEN_BIT_STATEFUL):
        return False  # ISO-2022-JP and friends are pure ASCII bytes with escapes
    try:
        return _ALL_ASCII.decode(codec) == _ALL_ASCII.decode("ascii")
    except (UnicodeError, LookupError, ValueError):
        return False


def decode_text(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """Decode ``data`` in its declared ``charset`` without ever failing.

    Returns:
        The text and a plain-words note when something had to be guessed.
    """
    codec = codec_for(charset) if charset else "ascii"
    if (codec is None or _ascii_compatible(codec)) and data.isascii():
        return data.decode("ascii"), None
    if codec == "ascii":
        # Undeclared or "US-ASCII" but 8-bit: nearly always UTF-8 in practice.
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            return _decode_cp1252(data), None
    if codec is None:
        label = shown(charset or "", 40)
        try:
            return data.decode("utf-8"), f"unknown charset {label}; shown as UTF-8"
        except UnicodeDecodeError:
            return data.decode("latin-1"), f"unknown charset {label}; shown as Latin-1"
    try:
        return data.decode(codec), None
    except UnicodeError:
        pass
    except (LookupError, ValueError):
        return data.decode("latin-1"), f"charset {shown(codec, 40)} failed; shown as Latin-1"
    if codec != "utf-8":
        try:
            return data.decode("utf-8"), f"text marked as {codec} was really UTF-8"
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode(codec, "replace")
    except (UnicodeError, LookupError, ValueError):
        text = data.decode("latin-1")
    return text, f"some {codec} text could not be read and is shown as \ufffd"


def _decode_cp1252(data: bytes) -> str:
    """Decode as Windows-1252, letting its five unused bytes fall back to Latin-1."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def header_text(raw: bytes, fallback_charset: str | None = None) -> str:
    """Turn raw header bytes into text: ASCII, else UTF-8, else the fallback charset."""
    if raw.isascii():
        return raw.decode("ascii")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = codec_for(fallback_charset) if fallback_charset else None
    if codec and codec not in ("ascii", "utf-8"):
        try:
            return raw.decode(codec)
        except (UnicodeError, LookupError, ValueError):
            pass
    return _decode_cp1252(raw)


def _decode_word_payload(encoding: str, payload: str, charset: str) -> bytes:
    """Decode the text of one RFC 2047 encoded word, leniently.

    Raw 8-bit bytes inside a word (invalid, but seen) are turned back into
    bytes in the word's own charset, so they decode as the sender meant.
    """
    data = b""
    if not payload.isascii():
        codec = codec_for(charset)
        try:
            data = payload.encode(codec or "utf-8")
        except (UnicodeError, LookupError, ValueError):
            data = b""
    data = data or payload.encode("utf-8", "surrogateescape")
    if encoding in "qQ":
        return binascii.a2b_qp(data, header=True)
    return lenient_base64(data)[0]


def lenient_base64(data: bytes) -> tuple[bytes, bool]:
    """Decode base64, repairing bad padding and junk; second item tells if repaired."""
    try:
        return binascii.a2b_base64(data), False
    except (binascii.Error, ValueError):
        pass
    clean = _NOT_BASE64.sub(b"", data)
    clean = clean[: len(clean) - (len(clean) % 4 == 1)]
    clean += b"=" * (-len(clean) % 4)
    try:
        return binascii.a2b_base64(clean), True
    except (binascii.Error, ValueError):
        return b"", True


def decode_words(value: str, notes: list[str] | None = None) -> str:
    """Decode RFC 2047 encoded words (``=?charset?B|Q?...?=``) in a header value.

    Adjacent words in the same charset are joined before decoding, so a
    character split across two words still comes out whole.
    """
    if "=?" not in value:
        return value
    out: list[str] = []
    pending = bytearray()
    pending_charset = ""
    pos = 0
    after_word = False

    def flush() -> None:
        nonlocal pending, pending_charset
        if pending:
            text, note = decode_text(bytes(pending), pending_charset)
            out.append(text)
            if note and notes is not None:
                notes.append(note)
        pending = bytearray()

    for match in _ENCODED_WORD.finditer(value):
        between = value[pos : match.start()]
        if between and not (after_word and between.isspace()):
            flush()
            out.append(between)
        charset = match.group(1).split("*", 1)[0].lower()
        if pending and charset != pending_charset:
            flush()
        pending_charset = charset
        pending += _decode_word_payload(match.group(2), match.group(3), charset)
        pos = match.end()
        after_word = True
    flush()
    out.append(value[pos:])
    return "".join(out)


def normalise_message_id(value: str) -> str:
    """Normalise one Message-ID: no angle brackets, no whitespace, domain lowercased.

    The part before the last ``@`` keeps its case (RFC 5322 compares ids
    exactly; domains are case-insensitive). Ids longer than
    ``MAX_MESSAGE_ID_CHARS`` become a stable hash. Idempotent.
    """
    match = _ID_TOKEN.search(value)
    core = match.group(1) if match else value
    core = "".join(_CONTROL_RUN.sub("", core).split()).replace("<", "").replace(">", "")
    if "@" in core:
        local, _, domain = core.rpartition("@")
        core = f"{local}@{domain.lower()}"
    if len(core) > MAX_MESSAGE_ID_CHARS:
        digest = hashlib.sha256(core.encode("utf-8", "surrogatepass")).hexdigest()[:40]
        core = f"long-{digest}@id.supportdesk.invalid"
    return core


def message_ids_in(value: str, limit: int = 1000) -> list[str]:
    """Return the normalised Message-IDs in a References / In-Reply-To value, in order."""
    tokens = _ID_TOKEN.findall(value)
    if not tokens:
        tokens = [t for t in re.split(r"[\s,]+", value) if "@" in t]
    seen: set[str] = set()
    ids: list[str] = []
    for token in tokens:
        mid = normalise_message_id(token)
        if mid and mid not in seen:
            seen.add(mid)
            ids.append(mid)
            if len(ids) >= limit:
                break
    return ids


def parse_addresses(value: str, notes: list[str] | None = None) -> list[tuple[str, str]]:
    """Parse an address header into ``(display name, lowercased address)`` pairs."""
    # Encoded words may hide specials (":", "@", ",") that would confuse the
    # address parser; swap each run of them for an inert token first.
    runs: list[str] = []

    def hide(match: re.Match[str]) -> str:
        runs.append(match.group())
        return f"\ue000{len(runs) - 1}\ue001"

    if "=?" in value:
        value = _WORD_RUN.sub(hide, value)
    pairs: list[tuple[str, str]]
    if value.count("(") > 20 or value.count(":") > 20:
        pairs = [("", addr) for addr in _PLAIN_ADDRESS.findall(value)]
    else:
        try:
            pairs = getaddresses([value])
        except (RecursionError, ValueError, IndexError):
            pairs = [("", addr) for addr in _PLAIN_ADDRESS.findall(value)]
    if any(_looks_broken(addr) for _, addr in pairs):
        # e.g. "From: Big Bug bb@bug.com" or two bare addresses without a comma
        names = {addr.lower(): name for name, addr in pairs if not _looks_broken(addr)}
        pairs = [(names.get(a.lower(), ""), a) for a in _PLAIN_ADDRESS.findall(value)]
    out: list[tuple[str, str]] = []
    for name, addr in pairs:
        address = "".join(_CONTROL_RUN.sub("", addr).split()).lower()
        if not address:
            continue
        if runs:
            name, address = _reveal(name, runs, notes), _reveal(address, runs, None)
        out.append((clean_line(decode_words(name, notes)), address))
        if len(out) >= MAX_ADDRESSES:
            if notes is not None:
                notes.append(f"only the first {MAX_ADDRESSES} addresses of a list were read")
            break
    return out


def _reveal(text: str, runs: list[str], notes: list[str] | None) -> str:
    """Put hidden encoded-word runs back: decoded in names (notes given), raw elsewhere."""

    def swap(match: re.Match[str]) -> str:
        index = int(match.group(1))
        if index >= len(runs):
            return match.group()
        return decode_words(runs[index], notes) if notes is not None else runs[index]

    return _TOKEN.sub(swap, text)


def _looks_broken(addr: str) -> bool:
    """True for an address getaddresses could not make sense of."""
    addr = addr.strip()
    return "@" in addr and not _ADDRESS_OK.fullmatch(addr)


def parse_params(value: str) -> tuple[str, dict[str, str]]:
    """Split ``type/sub; a=1; b="2"`` into a lowercased main value and parameters.

    Linear in the header length. Handles quoted strings and RFC 2231
    (``name*=charset''%xx`` and ``name*0*=`` continuations). Names are
    lowercased; the first occurrence of a name wins.
    """
    main, sep, rest = value.partition(";")
    params: dict[str, str] = {}
    if not sep:
        return main.strip().lower(), params
    sections: dict[str, dict[int, tuple[bool, str]]] = {}
    count = 0
    for match in _PARAM.finditer(";" + rest):
        count += 1
        if count > MAX_PARAMS:
            break
        name = match.group(1).lower()
        raw = match.group(2).strip()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            raw = _QUOTED_PAIR.sub(r"\1", raw[1:-1])
        if "*" not in name:
            params.setdefault(name, raw)
            continue
        base, _, index = name.partition("*")
        encoded = index.endswith("*") or index == ""
        index = index.rstrip("*")
        number = int(index) if index.isdigit() and len(index) < 4 else 0
        if number < MAX_PARAM_SECTIONS:
            sections.setdefault(base, {}).setdefault(number, (encoded, raw))
    for base, parts in sections.items():
        params[base] = _join_rfc2231(parts)
    return main.strip().lower(), params


def _join_rfc2231(parts: dict[int, tuple[bool, str]]) -> str:
    """Join RFC 2231 continuation sections and decode them."""
    charset = "us-ascii"
    data = bytearray()
    for number in sorted(parts):
        encoded, raw = parts[number]
        if encoded and number == 0 and raw.count("'") >= 2:
            charset, _, raw = raw.split("'", 2)
        if encoded:
            data += unquote_to_bytes(raw)
        else:
            data += raw.encode("utf-8", "surrogateescape")
    return decode_text(bytes(data), charset or "us-ascii")[0]
