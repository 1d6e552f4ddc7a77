"""What kind of file is this, and what does it say as text?

``detect_format`` reads the extension and, where that says nothing, the first bytes.
``read_bytes`` and ``decode`` turn a file into ``str`` or raise :class:`IngestError`
with a short reason: ``missing``, ``unreadable``, ``too_large``, ``empty``, ``binary``,
``encoding``. Encodings are never assumed: valid UTF-8 (with or without BOM) is taken
as such, a UTF-16/32 BOM is honoured, a charset an HTML page declares is tried next,
and anything else is left to charset-normalizer.
"""
from __future__ import annotations

import codecs
import enum
import errno
import logging
import re
import stat
from pathlib import Path

from eventsift.errors import IngestError

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class Format(enum.StrEnum):
    TEXT = "text"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"


EXTENSIONS: dict[str, Format] = {
    ".txt": Format.TEXT, ".text": Format.TEXT,
    ".html": Format.HTML, ".htm": Format.HTML, ".xhtml": Format.HTML,
    ".json": Format.JSON,
    ".jsonl": Format.JSONL, ".ndjson": Format.JSONL,
    ".csv": Format.CSV,
    ".tsv": Format.TSV, ".tab": Format.TSV,
}

# Magic numbers of formats that are never article text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x1f\x8b", "gzip"),
    (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
    (b"\xd0\xcf\x11\xe0", "OLE/Word"), (b"{\\rtf", "RTF"), (b"7z\xbc\xaf", "7z"),
    (b"Rar!", "RAR"), (b"\x7fELF", "ELF"), (b"SQLite format 3", "SQLite"),
    (b"PAR1", "Parquet"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def detect_format(path: Path, head: bytes = b"") -> Format | None:
    """The format of ``path``: by extension, else by sniffing ``head``; None if unknown.

    >>> detect_format(Path("a.jsonl"))
    <Format.JSONL: 'jsonl'>
    """
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is Format.TEXT and _HTML_START.match(head):
        return Format.HTML  # a saved web page named .txt
    if fmt is not None or not head:
        return fmt
    if _HTML_START.match(head):
        return Format.HTML
    stripped = head.lstrip()
    if stripped.startswith(b"["):
        return Format.JSON
    if stripped.startswith(b"{"):
        lines = [ln for ln in stripped.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in lines[1:4]):
            return Format.JSONL
        return Format.JSON
    return Format.TEXT


def read_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refusing missing, oversized, empty and non-regular files.

    At most ``max_bytes + 1`` bytes are read, so a file that grows after it was
    measured cannot slip past the limit.
    """
    src = str(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IngestError(src, "unreadable", "is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(src, "unreadable", "not a regular file (a pipe, socket or device)")
        if st.st_size > max_bytes:
            raise IngestError(src, "too_large", f"file is {st.st_size:,} bytes, over the limit of "
                              f"{max_bytes:,} (raise it with --max-bytes / max_bytes)")
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        if path.is_symlink():
            raise IngestError(src, "missing", "broken symlink: its target does not exist") from None
        raise IngestError(src, "missing", "no such file (it may have been removed during the run)") from None
    except IsADirectoryError:
        raise IngestError(src, "unreadable", "is a directory, not a file") from None
    except PermissionError:
        raise IngestError(src, "unreadable", "permission denied") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise IngestError(src, "symlink_loop", "symlink loop: the link never reaches a real file") from None
        raise IngestError(src, "unreadable", f"cannot read: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise IngestError(src, "too_large", f"file grew past the limit of {max_bytes:,} bytes while being read")
    if not data.strip():
        raise IngestError(src, "empty", "file is empty")
    return data


def binary_kind(data: bytes) -> str | None:
    """A name for the binary format ``data`` is in, or None when it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16/32 without a BOM puts NULs in every other byte; binary data does not.
        nul_even = head[0::2].count(0) / max(1, len(head[0::2]))
        nul_odd = head[1::2].count(0) / max(1, len(head[1::2]))
        if max(nul_even, nul_odd) > 0.3 and min(nul_even, nul_odd) < 0.05:
            return None
        # A stray NUL in a text dump (one bad JSONL line) is that line's problem, not
        # the file's: binary data has them by the hundred.
        if head.count(0) > max(2, len(head) // 200):
            return "binary data (NUL bytes)"
    return None


def decode(data: bytes, source: str, *, html: bool = False) -> str:
    """``data`` as text, with its encoding detected, never assumed."""
    kind = binary_kind(data)
    if kind is not None:
        raise IngestError(source, "binary", f"not text: looks like {kind}")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise IngestError(source, "encoding", f"starts with a {codec} BOM but does not decode as {codec}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "replace")
            try:
                text = data.decode(declared)
                log.debug("%s: decoded with the declared charset %s", source, declared)
                return text
            except (LookupError, UnicodeDecodeError):
                log.debug("%s: declared charset %s does not fit", source, declared)
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise IngestError(source, "encoding", "not UTF-8, and no encoding fits its bytes")
    log.debug("%s: detected encoding %s", source, best.encoding)
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise IngestError(source, "binary", f"not text: decodes as {best.encoding} into control characters")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) <= 0x9F)
    return bad / max(1, len(sample))
