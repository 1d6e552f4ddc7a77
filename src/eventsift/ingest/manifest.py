"""A manifest: one JSON object a line, giving metadata for the files of a corpus.

    {"id": "004_5518", "file": "004_5518.txt", "published": "2021-01-22", "source": null, "url": null}

``file`` is relative to the manifest's folder. A file matches a line by that path, or
by its stem equalling the line's ``id``. Unknown keys (``note``) are ignored.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from eventsift.errors import IngestError
from eventsift.ingest.detect import decode, read_bytes
from eventsift.ingest.text import Meta, parse_date

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.jsonl"


@dataclass(frozen=True, slots=True)
class Manifest:
    path: Path
    by_file: dict[Path, Meta] = field(default_factory=dict)
    by_id: dict[str, Meta] = field(default_factory=dict)
    files: tuple[Path, ...] = ()  # in manifest order
    errors: tuple[IngestError, ...] = ()  # malformed lines, reported by read_inputs

    @classmethod
    def from_path(cls, path: str | Path) -> Manifest:
        """Read a manifest; raises IngestError if the file itself cannot be read."""
        path = Path(path)
        text = decode(read_bytes(path), str(path))
        folder = path.parent
        by_file: dict[Path, Meta] = {}
        by_id: dict[str, Meta] = {}
        files: list[Path] = []
        errors: list[IngestError] = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(IngestError(where, "malformed", f"not JSON: {e.msg} at column {e.colno}"))
                continue
            except RecursionError:
                errors.append(IngestError(where, "malformed", "JSON nested too deeply"))
                continue
            if not isinstance(obj, dict) or not (obj.get("id") or obj.get("file")):
                errors.append(IngestError(where, "malformed", "a manifest line needs an object with 'id' or 'file'"))
                continue
            meta = Meta(id=_str(obj.get("id")), title=_str(obj.get("title")),
                        published=parse_date(obj.get("published") or obj.get("date")),
                        source=_str(obj.get("source")), url=_str(obj.get("url")),
                        language=_str(obj.get("language") or obj.get("lang")))
            if meta.published is None and (obj.get("published") or obj.get("date")):
                log.warning("%s: cannot read the date %r", where, obj.get("published") or obj.get("date"))
            if obj.get("file"):
                f = _resolve(folder / str(obj["file"]))
                by_file[f] = meta
                files.append(folder / str(obj["file"]))
            if meta.id:
                by_id[meta.id] = meta
        return cls(path, by_file, by_id, tuple(files), tuple(errors))

    def lookup(self, file: Path) -> Meta | None:
        """The metadata for ``file``: by its path, else by its stem as an id."""
        return self.by_file.get(_resolve(file)) or self.by_id.get(file.stem)

    def is_manifest(self, file: Path) -> bool:
        return _resolve(file) == _resolve(self.path)


def _resolve(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()


def _str(v: object) -> str | None:
    return None if v is None or str(v).strip() == "" else str(v).strip()
