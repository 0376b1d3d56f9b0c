"""Reading exports: a file, a zip, a folder or bytes in memory, with hard limits.

An export is hostile input. Attachments resolve only inside the export's zip or
folder (after symlinks and ``..`` are resolved); a single file has no attachments
unless the rep names the folder that holds them (``attachments_from``). Every
decompressed stream stops at :data:`MAX_TOTAL_BYTES` (JSON at ``MAX_JSON_BYTES``),
a zip that unpacks to more is refused unread, a zip lists at most
:data:`MAX_MEMBERS` files, and a member packed more than :data:`MAX_RATIO` times
is refused before it is read (a zip bomb, not an export).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal

from supportdesk.channels.chat.model import NO_MEDIA, ChatImportError, MediaLocator

#: Longest text line accepted; a chat line past this means the file is not a chat.
MAX_LINE_CHARS = 1 << 20
#: Largest JSON document read into memory.
MAX_JSON_BYTES = 1 << 30
#: Most entries listed when walking a folder.
MAX_DIR_ENTRIES = 200_000
#: Most files a zip export may list.
MAX_MEMBERS = 200_000
#: Most bytes read (decompressed) from one export, all members together.
MAX_TOTAL_BYTES = 2 << 30
#: Largest compression ratio of a big member (real JSON and text exports pack
#: 5-20 times; a bomb packs hundreds of times).
MAX_RATIO = 100
#: Members smaller than this are not checked for their ratio.
RATIO_FLOOR_BYTES = 8 << 20
CHUNK_BYTES = 1 << 20
HEAD_BYTES = 64 * 1024

SourceKind = Literal["file", "zip", "dir"]


class Source:
    """An export the rep picked: one file, a zip or a folder (or bytes in tests).

    Members are posix paths: the zip's names, paths under the folder, or the
    file's own name. Media lookups resolve relative to the member that names
    them; for a single file that means its sibling files.
    """

    def __init__(
        self,
        path: Path,
        kind: SourceKind,
        *,
        zf: zipfile.ZipFile | None = None,
        data: bytes | None = None,
        in_memory: bool = False,
        attachments_from: Path | None = None,
    ) -> None:
        self.path = path
        self.kind: SourceKind = kind
        #: for a single file: the folder the rep confirmed holds its attachments
        self.attachments_from = attachments_from
        self._zf = zf
        self._data = data
        self._in_memory = in_memory
        self._members: list[str] | None = None
        self._member_set: frozenset[str] | None = None

    # -- construction -------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, attachments_from: Path | None = None) -> Source:
        """Open a path; raise ChatImportError when it is missing or a bad zip.

        Args:
            attachments_from: for a single file, the folder its attachments are in
                (only when the rep said so); ignored for a zip or a folder.
        """
        path = Path(path)
        try:
            if path.is_dir():
                return cls(path, "dir")
            with open(path, "rb") as fh:
                magic = fh.read(4)
        except OSError as exc:
            raise ChatImportError(path, None, f"cannot open this file ({_os_reason(exc)})") from exc
        if magic[:2] == b"PK" or path.suffix.lower() == ".zip":
            return cls(path, "zip", zf=_open_zip(path, path))
        return cls(path, "file", attachments_from=attachments_from)

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "export") -> Source:
        """Wrap bytes (a file's content or a whole zip) for parsing without disk."""
        path = Path(name)
        if data[:2] == b"PK":
            return cls(path, "zip", zf=_open_zip(io.BytesIO(data), path), in_memory=True)
        return cls(path, "file", data=data, in_memory=True)

    def close(self) -> None:
        """Release the zip handle, if any."""
        if self._zf is not None:
            self._zf.close()
            self._zf = None

    def __enter__(self) -> Source:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- members ------------------------------------------------------------

    @property
    def main(self) -> str:
        """The member to parse when the source is a single file."""
        return self.path.name

    def members(self) -> list[str]:
        """All member names (files only), in a stable order."""
        if self._members is None:
            if self.kind == "zip":
                assert self._zf is not None
                self._members = [i.filename for i in self._zf.infolist() if not i.is_dir()]
            elif self.kind == "dir":
                self._members = _walk(self.path)
            else:
                self._members = [self.main]
        return self._members

    def only(self, ext: str) -> str | None:
        """The single member with this extension (the file itself for a file source)."""
        if self.kind == "file":
            return self.main
        found = [m for m in self.members() if m.lower().endswith(ext)]
        return found[0] if len(found) == 1 else None

    def single(self, ext: str) -> str:
        """Like :meth:`only`, but raise when there is not exactly one such member."""
        found = self.only(ext)
        if found is None:
            count = sum(m.lower().endswith(ext) for m in self.members())
            raise self.error(None, f"expected exactly one {ext} file here, found {count}")
        return found

    def has(self, member: str) -> bool:
        """True when the member exists (for a file source: a sibling file)."""
        if self.kind == "zip":
            if self._member_set is None:
                self._member_set = frozenset(self.members())
            return member in self._member_set
        if self._in_memory:
            return False
        if self.kind == "file" and self.attachments_from is None:
            return False  # never a file beside the export unless the rep said so
        root = self.path if self.kind == "dir" else Path(self.attachments_from or "")
        try:
            target = (root / member).resolve()
            return target.is_relative_to(root.resolve()) and target.is_file()
        except (OSError, ValueError):
            return False

    def media(self) -> MediaLocator:
        """Where :meth:`Transcript.open_attachment` finds members later."""
        if self._in_memory:
            return NO_MEDIA
        if self.kind == "zip":
            return MediaLocator("zip", self.path)
        if self.kind == "dir":
            return MediaLocator("dir", self.path)
        if self.attachments_from is not None:
            return MediaLocator("dir", self.attachments_from)
        return NO_MEDIA

    def size(self, member: str) -> int:
        """Uncompressed size of a member in bytes."""
        if self.kind == "zip":
            assert self._zf is not None
            try:
                return self._zf.getinfo(member).file_size
            except KeyError:
                return 0
        if self._data is not None:
            return len(self._data)
        try:
            return self._file_path(member).stat().st_size
        except OSError:
            return 0

    def _file_path(self, member: str) -> Path:
        if self.kind == "dir":
            return self.path / member
        return self.path

    def open_member(self, member: str) -> IO[bytes]:
        """Open a member for binary reading."""
        try:
            if self._data is not None:
                return io.BytesIO(self._data)
            if self.kind == "zip":
                assert self._zf is not None
                return self._zf.open(member)
            return open(self._file_path(member), "rb")
        except KeyError as exc:
            raise ChatImportError(self.path, None, "the file is missing", member=member) from exc
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
            raise self.error(None, f"the zip file is damaged or encrypted ({exc})", member) from exc
        except OSError as exc:
            raise self.error(None, f"cannot open this file ({_os_reason(exc)})", member) from exc

    def read(self, member: str, limit: int) -> bytes:
        """Read at most ``limit`` bytes of a member (raises if it is longer)."""
        with self.open_member(member) as fh:
            data = _guarded_read(self, member, fh, limit + 1)
        if len(data) > limit:
            raise self.error(
                None, f"this file is larger than {_size(limit)}; split the export", member
            )
        return data

    def head(self, member: str, n: int = HEAD_BYTES) -> bytes:
        """The first ``n`` bytes of a member."""
        with self.open_member(member) as fh:
            return _guarded_read(self, member, fh, n)

    def error(self, line: int | None, reason: str, member: str | None = None) -> ChatImportError:
        """Build a ChatImportError located in this source."""
        if member == self.main and self.kind == "file":
            member = None
        return ChatImportError(self.path, line, reason, member=member)

    # -- text ---------------------------------------------------------------

    def line_blocks(self, member: str, max_line: int = MAX_LINE_CHARS) -> Iterator[list[str]]:
        """Yield lists of complete lines (without line ends), a chunk at a time.

        Decodes UTF-8 (BOM optional) or BOM-marked UTF-16 incrementally, so
        memory stays bounded; a line longer than ``max_line`` characters or a
        byte sequence that is not valid text raises ChatImportError naming the
        line.
        """
        with self.open_member(member) as fh:
            yield from _line_blocks(self, member, fh, max_line)

    def text(self, member: str, limit: int | None = None) -> str:
        """The whole member as text (UTF-8 with optional BOM, or UTF-16 with BOM)."""
        return decode_text(self, member, self.read(member, limit or MAX_JSON_BYTES))

    def json(self, member: str, *, repair: Callable[[str], str] | None = None) -> Any:
        """Parse a JSON member; ``repair`` gets a second chance at broken text."""
        head = self.head(member, 4096)
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if not head.strip():
            raise self.error(None, "the file is empty", member)
        if start not in (b"{", b"[") and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            line = head.count(b"\n", 0, head.find(start)) + 1 if start else 1
            raise self.error(line, "this is not JSON (it should start with { or [)", member)
        try:
            text = self.text(member)
            if not text.strip():
                raise self.error(None, "the file is empty", member)
            return _loads(text)
        except MemoryError as exc:
            raise self.error(None, "this JSON is too large to read with the memory this "
                             "computer has; split the export", member) from exc
        except json.JSONDecodeError as exc:
            if repair is not None:
                fixed = repair(text)
                if fixed != text:
                    try:
                        return _loads(fixed)
                    except (json.JSONDecodeError, ValueError, RecursionError):
                        pass
            raise self.error(
                exc.lineno, f"this is not valid JSON ({exc.msg} at column {exc.colno})", member
            ) from exc
        except RecursionError as exc:
            raise self.error(
                None, "this JSON is nested too deeply to be a chat export", member
            ) from exc
        except ValueError as exc:
            raise self.error(None, f"this is not valid JSON ({exc})", member) from exc


def _size(n: int) -> str:
    if n >= 1 << 30:
        return f"{n / (1 << 30):g} GiB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):g} MiB"
    return f"{n / 1024:g} KiB"


def _loads(text: str) -> Any:
    return json.loads(text)


def _os_reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _open_zip(target: Path | IO[bytes], path: Path) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(target)
    except zipfile.BadZipFile as exc:
        raise ChatImportError(
            path, None, "the zip file is damaged or incomplete (maybe the download stopped early)"
        ) from exc
    except (OSError, ValueError, EOFError) as exc:
        raise ChatImportError(path, None, f"cannot open this zip file ({exc})") from exc
    try:
        _check_zip(zf, path)
    except ChatImportError:
        zf.close()
        raise
    return zf


def _check_zip(zf: zipfile.ZipFile, path: Path) -> None:
    """Refuse a zip that lists too many files, unpacks too big, or packs like a bomb."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ChatImportError(path, None, f"the zip lists {len(infos):,} files, more than "
                              f"the {MAX_MEMBERS:,} an export may have")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise ChatImportError(path, None, f"the zip unpacks to {_size(total)}, more than "
                              f"{_size(MAX_TOTAL_BYTES)}; split it into smaller exports")
    for info in infos:
        if (info.file_size > RATIO_FLOOR_BYTES
                and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise ChatImportError(
                path, None, f"{info.filename} unpacks to {_size(info.file_size)} from "
                f"{_size(info.compress_size)}: packed like a zip bomb, not like an export",
                member=info.filename)


def _walk(root: Path) -> list[str]:
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            out.append(name if rel == "." else posixpath.join(Path(rel).as_posix(), name))
            if len(out) >= MAX_DIR_ENTRIES:
                return out
    return out


def _guarded_read(src: Source, member: str, fh: IO[bytes], n: int) -> bytes:
    try:
        data = fh.read(n)
    except MemoryError as exc:
        raise src.error(None, "this file is too large to read with the memory this "
                        "computer has; split the export", member) from exc
    except (zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError) as exc:
        raise src.error(None, f"the zip file is damaged ({exc})", member) from exc
    except OSError as exc:
        raise src.error(None, f"cannot read this file ({_os_reason(exc)})", member) from exc
    return data


def _encoding_for(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"


def _bad_text(
    src: Source, member: str, exc: UnicodeDecodeError, done: int = 0, carried: int = 0
) -> ChatImportError:
    data: bytes = exc.object
    start = min(exc.start, max(len(data) - 1, 0))
    nl = data.rfind(b"\n", 0, start)
    col = start - nl if nl >= 0 else start + 1 + carried
    bad = f"byte 0x{data[start]:02x} " if data else ""
    return src.error(
        done + data.count(b"\n", 0, start) + 1,
        f"this is not UTF-8 text ({bad}at position {col} of the line); "
        "export it again or save it as UTF-8",
        member,
    )


def decode_text(src: Source, member: str, data: bytes) -> str:
    """Decode a whole member, naming the line of the first undecodable byte."""
    enc = _encoding_for(data[:2])
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        if enc == "utf-16":
            raise src.error(None, "this UTF-16 text is damaged", member) from exc
        raise _bad_text(src, member, exc) from exc


def _line_blocks(src: Source, member: str, fh: IO[bytes], max_line: int) -> Iterator[list[str]]:
    chunk = _guarded_read(src, member, fh, CHUNK_BYTES)
    read = len(chunk)
    enc = _encoding_for(chunk[:2])
    decoder = codecs.getincrementaldecoder(enc)("strict")
    pending = ""
    done = 0  # lines already yielded; ``pending`` is the start of line done + 1
    while True:
        final = not chunk
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as exc:
            if enc == "utf-16" or not chunk:
                raise src.error(done + 1, "this text is damaged or not UTF-8", member) from exc
            raise _bad_text(src, member, exc, done, len(pending)) from exc
        buf = pending + text
        if "\r" in buf:
            buf = buf.replace("\r\n", "\n")
        lines = buf.split("\n")
        if final:
            last = lines.pop()
            if last.endswith("\r"):
                last = last[:-1]
            if last:
                lines.append(last)
        else:
            pending = lines.pop()
            if len(pending) > max_line:
                raise _too_long(src, member, done + len(lines) + 1, max_line)
        if len(buf) > max_line:
            for i, ln in enumerate(lines):
                if len(ln) > max_line:
                    raise _too_long(src, member, done + i + 1, max_line)
        done += len(lines)
        if lines:
            yield lines
        if final:
            return
        chunk = _guarded_read(src, member, fh, CHUNK_BYTES)
        read += len(chunk)
        if read > MAX_TOTAL_BYTES:
            raise src.error(None, f"this file is larger than {_size(MAX_TOTAL_BYTES)}; "
                            "split the export", member)


def _too_long(src: Source, member: str, line: int, max_line: int) -> ChatImportError:
    return src.error(
        line,
        f"this line is longer than {max_line:,} characters, so this is not a chat export "
        "(or it is damaged)",
        member,
    )


def _physical_lines(src: Source, member: str) -> Iterator[str]:
    for block in src.line_blocks(member):
        for line in block:
            yield line + "\n"


def sniff_delimiter(header: str) -> str:
    """The most frequent of comma, semicolon and tab in a header line."""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(
    src: Source, member: str, delimiter: str | None = None
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, cells)`` for each CSV record, header included.

    Quoted cells may span lines; the line number is where the record starts.
    Lines are bounded like every text format, and malformed quoting raises
    ChatImportError naming the line.
    """
    lines = _physical_lines(src, member)
    first = next(lines, None)
    if first is None:
        raise src.error(None, "the file is empty", member)
    delim = delimiter or sniff_delimiter(first)

    def chained() -> Iterator[str]:
        yield first
        yield from lines

    reader = csv.reader(chained(), delimiter=delim, strict=False)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise src.error(start, f"this CSV is malformed ({exc})", member) from exc
