"""Records: JSON (one object or a list), JSON Lines, CSV and TSV.

Each record is one article. Fields: ``id``, ``text`` (or ``content``/``body``),
``title``, ``published`` (or ``date``), ``url``, ``source``, ``language``. For CSV/TSV,
``columns`` maps those field names to the file's column names, e.g.
``{"id": "unit_id", "text": "article_content", "published": "date"}``; unmapped fields
use the same-named column. A bad record yields an IngestError naming ``file:LINE``
(``file#N`` for the N-th item of a JSON list) and the other records still yield.
"""
from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator, Mapping
from pathlib import Path

from eventsift.errors import IngestError
from eventsift.ingest.detect import Format
from eventsift.ingest.text import Meta, build_article, parse_date
from eventsift.model import Article

log = logging.getLogger(__name__)

FIELDS = ("id", "text", "title", "published", "url", "source", "language")
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id"),
    "text": ("text", "content", "body"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publish_date"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "sitename"),
    "language": ("language", "lang"),
}


def read_records(text: str, path: Path, fmt: Format, *, columns: Mapping[str, str] | None = None,
                 manifest_meta: Mapping[str, Meta] | None = None,
                 remove_comments: bool = True) -> Iterator[Article | IngestError]:
    """Articles (and per-record IngestErrors) from the decoded contents of ``path``."""
    if fmt is Format.JSONL:
        rows = _jsonl_rows(text, path)
    elif fmt is Format.JSON:
        rows = _json_rows(text, path)
    else:
        rows = _csv_rows(text, path, delimiter="\t" if fmt is Format.TSV else ",", columns=columns)
    for where, n, row in rows:
        if isinstance(row, IngestError):
            yield row
            continue
        try:
            yield _article(row, where=where, fallback_id=f"{path.stem}-{n}",
                           manifest_meta=manifest_meta, remove_comments=remove_comments)
        except IngestError as e:
            yield e


Row = tuple[str, int, "dict[str, object] | IngestError"]


def _jsonl_rows(text: str, path: Path) -> Iterator[Row]:
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield where, n, IngestError(where, "malformed", f"not JSON: {e.msg} at column {e.colno}")
            continue
        except RecursionError:
            yield where, n, IngestError(where, "malformed", "JSON nested too deeply")
            continue
        yield where, n, obj if isinstance(obj, dict) else IngestError(
            where, "malformed", f"expected a JSON object, got {type(obj).__name__}")


def _json_rows(text: str, path: Path) -> Iterator[Row]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise IngestError(f"{path}:{e.lineno}", "malformed", f"not JSON: {e.msg} at column {e.colno}") from None
    except RecursionError:
        raise IngestError(str(path), "malformed", "JSON nested too deeply") from None
    if isinstance(data, dict):
        yield str(path), 1, data
        return
    if not isinstance(data, list):
        raise IngestError(str(path), "malformed", f"expected a JSON object or list, got {type(data).__name__}")
    for i, obj in enumerate(data, 1):
        where = f"{path}#{i}"
        yield where, i, obj if isinstance(obj, dict) else IngestError(
            where, "malformed", f"item {i} is a {type(obj).__name__}, not an object")


def _csv_rows(text: str, path: Path, *, delimiter: str, columns: Mapping[str, str] | None) -> Iterator[Row]:
    if csv.field_size_limit() < len(text):
        csv.field_size_limit(len(text) + 1)  # article bodies are long; process-wide setting
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise IngestError(str(path), "empty", "no header row") from None
    except csv.Error as e:
        raise IngestError(f"{path}:1", "malformed", f"bad header row: {e}") from None
    columns = dict(columns or {})
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise IngestError(str(path), "malformed", f"columns maps unknown fields {unknown}; fields are {list(FIELDS)}")
    missing = sorted(c for c in columns.values() if c not in header)
    if missing:
        raise IngestError(str(path), "malformed", f"mapped columns {missing} not in the header {header}")
    index = {name: i for i, name in enumerate(header)}
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            where = f"{path}:{start}"
            yield where, start, IngestError(where, "malformed", f"bad CSV row: {e}")
            start = reader.line_num + 1
            continue
        where, n, start = f"{path}:{start}", start, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            yield where, n, IngestError(where, "malformed", f"{len(values)} fields, the header has {len(header)}")
            continue
        row: dict[str, object] = {}
        for name, i in index.items():
            row[name] = values[i]
        for fld, col in columns.items():  # mapped columns win over same-named ones
            row[fld] = values[index[col]]
        yield where, n, row


def _field(row: Mapping[str, object], name: str) -> object:
    for key in ALIASES[name]:
        v = row.get(key)
        if v is not None and str(v).strip() != "":
            return v
    return None


def _article(row: Mapping[str, object], *, where: str, fallback_id: str,
             manifest_meta: Mapping[str, Meta] | None, remove_comments: bool) -> Article:
    text = _field(row, "text")
    if not isinstance(text, str):
        if text is None:
            raise IngestError(where, "empty", "record has no text (fields text, content, body)")
        raise IngestError(where, "malformed", f"text is a {type(text).__name__}, not a string")
    raw_date = _field(row, "published")
    published = parse_date(raw_date)
    if published is None and raw_date is not None:
        log.warning("%s: cannot read the date %r; published left empty", where, raw_date)
    rid = _field(row, "id")
    meta = Meta(id=str(rid).strip() if rid is not None else None,
                **{k: _opt(_field(row, k)) for k in ("title", "url", "source", "language")},
                published=published)
    if meta.id and manifest_meta:
        meta = meta.over(manifest_meta.get(meta.id))
    meta = meta.over(Meta(id=fallback_id))
    return build_article(text, meta, origin=where, remove_comments=remove_comments)


def _opt(v: object) -> str | None:
    return None if v is None else str(v).strip() or None
