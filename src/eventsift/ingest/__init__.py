"""Ingest: files in, ``Article``s out.

    >>> for item in read_inputs(["corpus/"], manifest="corpus/manifest.jsonl"):  # doctest: +SKIP
    ...     if isinstance(item, IngestError):
    ...         rejects.append(item)      # item.source, item.reason, item.detail
    ...     else:
    ...         articles.append(item)

Inputs are files or folders (walked recursively, in sorted order, hidden entries
skipped; a folder that cannot be listed and a symlink back into a folder already being
walked are reported, and the walk goes on). Formats: ``.txt``, ``.html``/``.htm``, ``.json``, ``.jsonl``,
``.csv``, ``.tsv`` (by extension, else by sniffing the first bytes). A folder's own
``manifest.jsonl`` is used as its manifest when none is given, and is not read as
articles. Every input that cannot be read becomes one :class:`IngestError` with a short
``reason``: missing, unreadable, symlink_loop, too_large, empty, binary, encoding,
malformed, unsupported. With ``on_error="skip"`` (the default) those are yielded in the stream
and the run goes on; with ``on_error="raise"`` the first one is raised.
"""
from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal

from eventsift.errors import IngestError
from eventsift.ingest.comments import find_comment_section, strip_comments
from eventsift.ingest.detect import DEFAULT_MAX_BYTES, EXTENSIONS, Format, decode, detect_format, read_bytes
from eventsift.ingest.html import parse_html
from eventsift.ingest.language import LanguageDetector
from eventsift.ingest.manifest import MANIFEST_NAME, Manifest
from eventsift.ingest.records import read_records
from eventsift.ingest.text import Meta, content_hash, normalize_text, parse_date, parse_text
from eventsift.model import Article

__all__ = [
    "DEFAULT_MAX_BYTES", "Format", "LanguageDetector", "Manifest", "content_hash", "detect_format",
    "find_comment_section", "iter_files", "normalize_text", "parse_date", "read_file",
    "read_inputs", "strip_comments", "walk_files",
]

log = logging.getLogger(__name__)

OnError = Literal["raise", "skip"]


def read_inputs(
    paths: Iterable[str | os.PathLike[str]] = (),
    *,
    manifest: str | os.PathLike[str] | Manifest | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: OnError = "skip",
    remove_comments: bool = True,
    languages: LanguageDetector | None = None,
) -> Iterator[Article | IngestError]:
    """Articles from files and folders; unreadable inputs as IngestErrors (or raised).

    With no ``paths``, the files the manifest lists are read, in its order.
    ``columns`` maps field names to CSV/TSV column names (see ``ingest.records``).
    With ``languages``, each article's ``language`` is what its text is detected to be
    (see ``ingest.language``); without, it is what the input declares, else ``"en"``.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    man = manifest if isinstance(manifest, Manifest) or manifest is None else Manifest.from_path(manifest)
    seen_manifests: set[Path] = set()

    def emit_manifest_errors(m: Manifest | None) -> Iterator[IngestError]:
        if m is not None and m.path not in seen_manifests:
            seen_manifests.add(m.path)
            yield from m.errors

    items: list[tuple[Path | IngestError, Manifest | None]] = []
    inputs = [Path(p) for p in paths]
    if not inputs and man is not None:
        items = [(f, man) for f in man.files]
    for p in inputs:
        if p.is_dir():
            own = man
            if own is None and (p / MANIFEST_NAME).is_file():
                try:
                    own = Manifest.from_path(p / MANIFEST_NAME)
                except IngestError as e:  # a folder's own manifest: report it, read the files
                    own = Manifest(p / MANIFEST_NAME, errors=(e,))
            items.extend((f, own) for f in walk_files(p)
                         if own is None or isinstance(f, IngestError) or not own.is_manifest(f))
        else:
            items.append((p, man))

    for path, m in items:
        found = [path] if isinstance(path, IngestError) else read_file(
            path, manifest=m, columns=columns, max_bytes=max_bytes, remove_comments=remove_comments)
        for item in (*emit_manifest_errors(m), *found):
            if isinstance(item, IngestError):
                log.info("rejected %s (%s): %s", item.source, item.reason, item.detail)
                if on_error == "raise":
                    raise item
            elif languages is not None:
                item = languages.label(item)
            yield item


def read_file(
    path: str | os.PathLike[str],
    *,
    manifest: Manifest | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    remove_comments: bool = True,
) -> Iterator[Article | IngestError]:
    """The articles of one file; a file that cannot be read yields one IngestError."""
    path = Path(path)
    src = str(path)
    try:
        data = read_bytes(path, max_bytes=max_bytes)
        fmt = detect_format(path, data[:4096])
        if fmt is None:
            raise IngestError(src, "unsupported", f"unknown file type {path.suffix!r}; "
                              f"known: {', '.join(sorted(EXTENSIONS))}")
        text = decode(data, src, html=fmt is Format.HTML)
        if not text.strip():
            raise IngestError(src, "empty", "file has no text")
        meta = manifest.lookup(path) if manifest is not None else None
        if fmt in (Format.TEXT, Format.HTML):
            meta = (meta or Meta()).over(Meta(id=path.stem))
            parse = parse_html if fmt is Format.HTML else parse_text
            yield parse(text, meta, origin=src, remove_comments=remove_comments)
        else:
            yield from read_records(text, path, fmt, columns=columns,
                                    manifest_meta=manifest.by_id if manifest is not None else None,
                                    remove_comments=remove_comments)
    except IngestError as e:
        yield e


def iter_files(folder: str | os.PathLike[str]) -> Iterator[Path]:
    """Files under ``folder`` with a known extension: sorted, recursive, no hidden
    entries, each real folder visited once (symlink loops end)."""
    for item in walk_files(folder):
        if isinstance(item, Path):
            yield item


def walk_files(folder: str | os.PathLike[str]) -> Iterator[Path | IngestError]:
    """Like :func:`iter_files`, with an IngestError for each folder that cannot be
    listed (``unreadable``) and each symlink that leads back into a folder on the way
    down (``symlink_loop``). A second link to a folder already read elsewhere is
    passed over quietly: its files are read once, under their first path."""
    seen: set[tuple[int, int]] = set()

    def walk(d: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Path | IngestError]:
        try:
            st = d.stat()
        except OSError as e:
            yield _os_error(d, e, what="folder")
            return
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            yield IngestError(str(d), "symlink_loop",
                              f"symlink loop: leads back to {_target(d)}, which is being read; skipped")
            return
        if key in seen:
            log.debug("%s: already visited through another link, skipped", d)
            return
        seen.add(key)
        try:
            entries = sorted(d.iterdir(), key=lambda p: p.name)
        except OSError as e:
            yield _os_error(d, e, what="folder")
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            if _is_dir(e):
                yield from walk(e, (*ancestors, key))
            elif e.suffix.lower() in EXTENSIONS:
                yield e
            else:
                log.debug("%s: not an article file, skipped", e)

    yield from walk(Path(folder), ())


def _is_dir(p: Path) -> bool:
    try:
        return p.is_dir()
    except OSError:  # a symlink loop raises ELOOP on some Pythons; read_bytes reports it
        return False


def _target(p: Path) -> str:
    try:
        return str(p.resolve())
    except (OSError, RuntimeError):
        return str(p)


def _os_error(p: Path, e: OSError, *, what: str) -> IngestError:
    if isinstance(e, PermissionError):
        return IngestError(str(p), "unreadable", f"cannot read this {what}: permission denied")
    if isinstance(e, FileNotFoundError):
        return IngestError(str(p), "missing", f"{what} vanished before it could be read")
    if e.errno == errno.ELOOP:
        return IngestError(str(p), "symlink_loop", "symlink loop: the link never reaches a real file")
    return IngestError(str(p), "unreadable", f"cannot read this {what}: {e.strerror or e}")
