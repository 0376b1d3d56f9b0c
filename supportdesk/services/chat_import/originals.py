"""Keeping the export itself in the profile, so a later version can import it again."""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

from supportdesk.store.blobs import BlobStore

CHUNK = 1 << 20
#: A folder export is kept as a zip of its files; past this size, only its
#: documents (.json, .txt, .csv, .html) are kept (its media are stored as
#: attachments anyway).
MAX_FOLDER_BYTES = 1 << 30
_DOCUMENTS = (".json", ".txt", ".csv", ".html", ".htm")
#: Fixed member time, so zipping the same folder twice gives the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def keep_original(blobs: BlobStore, path: Path) -> tuple[str, int, list[str]]:
    """Store the export (a file as it is, a folder as a zip); return sha256, size, notes.

    The file is copied in chunks (flat memory for huge exports) and fsynced
    before it is renamed into place, like every blob.
    """
    notes: list[str] = []
    if path.is_dir():
        with tempfile.TemporaryDirectory(prefix="supportdesk-export-") as tmp:
            packed = Path(tmp) / "export.zip"
            if not _zip_folder(path, packed, documents_only=False):
                _zip_folder(path, packed, documents_only=True)
                notes.append(
                    f"the folder is larger than {MAX_FOLDER_BYTES >> 30} GiB: only its documents "
                    "were kept as the original (media are kept as attachments)"
                )
            digest, size = _put_file(blobs, packed)
        return digest, size, notes
    digest, size = _put_file(blobs, path)
    return digest, size, notes


def _put_file(blobs: BlobStore, path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    digest = h.hexdigest()
    target = blobs.path_for(digest)
    if target.exists():
        return digest, size
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        copy = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                copy.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if copy.hexdigest() != digest:
            raise OSError(f"{path} changed while it was being copied; import it again")
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return digest, size


def _zip_folder(folder: Path, dest: Path, *, documents_only: bool) -> bool:
    """Zip a folder's files in a fixed order; False when it grew past the limit."""
    total = 0
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            for name in sorted(filenames):
                file = Path(dirpath) / name
                if documents_only and not name.lower().endswith(_DOCUMENTS):
                    continue
                if not file.is_file():
                    continue
                total += file.stat().st_size
                if not documents_only and total > MAX_FOLDER_BYTES:
                    return False
                info = zipfile.ZipInfo(file.relative_to(folder).as_posix(), _ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(file, "rb") as src, zf.open(info, "w", force_zip64=True) as out:
                    while chunk := src.read(CHUNK):
                        out.write(chunk)
    return True
