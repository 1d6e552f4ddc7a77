"""What a run reads, cut into units that can be read apart: the same for every runner.

    >>> units = plan(["shards/*.jsonl", "more/"])            # doctest: +SKIP
    >>> for unit in units:
    ...     for item in read_unit(unit, columns=None):       # Article | IngestError
    ...         ...

Inputs are files, folders or glob patterns (``shards/*.parquet``, ``data/**/*.jsonl``;
matches in sorted order). A folder without its own manifest becomes one unit per file,
so a folder of shards is read in parallel; a folder with a manifest, or any input when
``--manifest`` is given, stays one unit read by :func:`eventsift.ingest.read_inputs`
as a whole. Reading the units one after the other yields what ``read_inputs`` yields
for the same inputs, in the same order, plus Parquet files (read with pyarrow, which
the ``[ray]`` extra installs; their rows are records, as in JSON Lines).
"""
from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventsift.errors import ConfigError, IngestError
from eventsift.ingest import LanguageDetector, read_inputs, walk_files
from eventsift.ingest.detect import DEFAULT_MAX_BYTES, Format
from eventsift.ingest.manifest import MANIFEST_NAME
from eventsift.ingest.records import read_records
from eventsift.model import Article

PARQUET = (".parquet", ".pq")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Unit:
    """One read task: paths read together, or an input that could not even be listed."""
    paths: tuple[str, ...] = ()
    manifest: str | None = None
    error: tuple[str, str, str] | None = None  # IngestError (source, reason, detail)


def expand(inputs: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Inputs with glob patterns replaced by their matches (sorted); a pattern matching nothing stays."""
    out: list[Path] = []
    for p in inputs:
        s = str(p)
        if _GLOB_CHARS & set(s) and not Path(s).exists():
            matches = [Path(m) for m in sorted(glob.glob(s, recursive=True)) if not Path(m).is_dir()]
            out.extend(matches or [Path(s)])
        else:
            out.append(Path(s))
    return out


def plan(inputs: Sequence[str | os.PathLike[str]], *, manifest: str | os.PathLike[str] | None = None) -> list[Unit]:
    """The units to read, in input order."""
    paths = expand(inputs)
    if manifest is not None:
        return [Unit(paths=tuple(map(str, paths)), manifest=str(manifest))]
    units: list[Unit] = []
    for p in paths:
        if p.is_dir() and not (p / MANIFEST_NAME).is_file():
            for f in walk_files(p):
                units.append(Unit(error=(f.source, f.reason, f.detail)) if isinstance(f, IngestError)
                             else Unit(paths=(str(f),)))
            units.extend(Unit(paths=(str(f),)) for f in sorted(p.rglob("*"))
                         if f.suffix.lower() in PARQUET and not any(x.startswith(".") for x in f.parts[len(p.parts):]))
        else:
            units.append(Unit(paths=(str(p),)))
    return units


def read_unit(unit: Unit, *, columns: Mapping[str, str] | None, max_bytes: int = DEFAULT_MAX_BYTES,
              languages: LanguageDetector | None = None) -> Iterator[Article | IngestError]:
    """The articles (and IngestErrors) of one unit, in order."""
    if unit.error is not None:
        yield IngestError(*unit.error)
        return
    if len(unit.paths) == 1 and unit.manifest is None and Path(unit.paths[0]).suffix.lower() in PARQUET:
        for item in read_parquet(Path(unit.paths[0]), columns=columns):
            yield languages.label(item) if languages is not None and isinstance(item, Article) else item
        return
    yield from read_inputs(unit.paths, manifest=unit.manifest, columns=columns, max_bytes=max_bytes,
                           languages=languages)


def read_units(units: Sequence[Unit], **kwargs) -> Iterator[Article | IngestError]:
    for unit in units:
        yield from read_unit(unit, **kwargs)


def read_parquet(path: Path, *, columns: Mapping[str, str] | None = None) -> Iterator[Article | IngestError]:
    """Articles from a Parquet file: each row is a record, with fields as in JSON Lines."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("reading Parquet needs pyarrow: pip install 'eventsift[ray]'") from None
    try:
        table = pq.read_table(path)
    except FileNotFoundError:
        yield IngestError(str(path), "missing", "no such file")
        return
    except OSError as e:  # pyarrow raises ArrowInvalid (an OSError/ValueError) on a broken file
        yield IngestError(str(path), "malformed", f"not a Parquet file: {e}")
        return
    except ValueError as e:
        yield IngestError(str(path), "malformed", f"not a Parquet file: {e}")
        return
    missing = sorted(c for c in (columns or {}).values() if c not in table.column_names)
    if missing:
        yield IngestError(str(path), "malformed", f"mapped columns {missing} not in {table.column_names}")
        return
    lines = []
    for row in table.to_pylist():
        for fld, col in (columns or {}).items():  # mapped columns win over same-named ones
            row[fld] = row[col]
        lines.append(json.dumps(row, default=str, ensure_ascii=False))
    yield from read_records("\n".join(lines), path, Format.JSONL)
