"""Run the pipeline on a Ray cluster: ``eventsift run --ray [ADDRESS] INPUTS``.

    units (driver) ──read, Ray tasks──▶ article rows ──map_batches, actor pool──▶ Parquet shards
        ──driver, in input order──▶ run_articles (skip known, copies, rejects) ──▶ store ──▶ merge ──▶ exports

Every actor holds one loaded pipeline (spaCy, gazetteer, actors) and runs the same
:func:`eventsift.pipeline.process_or_reject` as the local runners. The shards hold one
row per input record: the article, and its mentions as JSON (``mentions``) or why the
stages failed on it (``failed_reason``/``failed_detail``). The driver then replays the
articles in input order through :func:`eventsift.pipeline.run_articles` with those
outcomes, so what is new, what is a copy and what is rejected is decided exactly as in a
one-process run, and the store ends up the same.

Ray is an optional dependency (``pip install 'eventsift[ray]'``), imported only here.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from eventsift.errors import ConfigError, IngestError
from eventsift.model import Article
from eventsift.pipeline import Loaded, Outcome, RunReport, Settings, _unfit, load, process_or_reject
from eventsift.runners.sources import Unit, plan, read_unit
from eventsift.serialize import mention_from_dict, mention_to_dict

log = logging.getLogger(__name__)

MISSING = "eventsift run --ray needs Ray: pip install 'eventsift[ray]'"
ARTICLE_FIELDS = ("id", "text", "title", "published", "source", "url", "language", "origin", "content_hash",
                  "country")


def _import_ray():
    try:
        import pyarrow
        import ray
        import ray.data
    except ImportError:
        raise ConfigError(MISSING) from None
    return ray, pyarrow


def _row_schema(pa):
    return pa.schema([("unit", pa.int64()), ("seq", pa.int64()), ("kind", pa.string()),
                      *[(f, pa.date32() if f == "published" else pa.large_string() if f == "text" else pa.string())
                        for f in ARTICLE_FIELDS],
                      ("reject_reason", pa.string()), ("reject_detail", pa.string())])


def _shard_schema(pa):
    return _row_schema(pa).append(pa.field("mentions", pa.large_string())).append(
        pa.field("failed_reason", pa.string())).append(pa.field("failed_detail", pa.string()))


def _item_row(unit: int, seq: int, item: Article | IngestError) -> dict[str, Any]:
    row: dict[str, Any] = {"unit": unit, "seq": seq, **dict.fromkeys(ARTICLE_FIELDS),
                           "reject_reason": None, "reject_detail": None}
    if isinstance(item, IngestError):
        row.update(kind="reject", origin=item.source, reject_reason=item.reason, reject_detail=item.detail)
    else:
        row.update(kind="article", **{f: getattr(item, f) for f in ARTICLE_FIELDS})
    return row


def _read(batch, *, units: Sequence[Unit], columns: dict[str, str] | None, max_bytes: int,
          detect_language: bool, chunk: int):
    """Ray task: read the units in ``batch`` into article rows, ``chunk`` rows a block (one actor batch)."""
    import pyarrow as pa

    from eventsift.ingest import LanguageDetector

    schema = _row_schema(pa)
    languages = LanguageDetector.load() if detect_language else None
    for unit in batch["unit"].to_pylist():
        rows = []
        for seq, item in enumerate(read_unit(units[unit], columns=columns, max_bytes=max_bytes,
                                             languages=languages)):
            rows.append(_item_row(unit, seq, item))
            if len(rows) >= chunk:
                yield pa.Table.from_pylist(rows, schema=schema)
                rows = []
        if rows:
            yield pa.Table.from_pylist(rows, schema=schema)


def _to_article(row: dict[str, Any]) -> Article:
    return Article(**{f: row[f] for f in ARTICLE_FIELDS})


class Extractor:
    """Ray actor: loads the pipeline once, then parses and extracts batches of article rows."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loaded = load(settings)

    def __call__(self, table):
        import pyarrow as pa

        rows = table.to_pylist()
        todo = [i for i, r in enumerate(rows) if r["kind"] == "article"
                and _unfit(_to_article(r), self.settings, self.loaded.nlp.lang) is None]
        done = process_or_reject([_to_article(rows[i]) for i in todo], self.loaded,
                                 batch_size=self.settings.batch_size)
        for r in rows:
            r.update(mentions=None, failed_reason=None, failed_detail=None)
        for i, (_, got) in zip(todo, done):
            if isinstance(got, IngestError):
                rows[i].update(failed_reason=got.reason, failed_detail=got.detail)
            else:
                rows[i]["mentions"] = json.dumps([mention_to_dict(m) for m in got], ensure_ascii=False)
        return pa.Table.from_pylist(rows, schema=_shard_schema(pa))


def extract_to_shards(units: Sequence[Unit], shards: str, *, settings: Settings, columns: dict[str, str] | None,
                      actors: int) -> None:
    """Read ``units`` and extract their mentions on the connected Ray cluster into Parquet under ``shards``."""
    ray, _ = _import_ray()
    ray.data.DataContext.get_current().enable_progress_bars = False

    class BoundExtractor(Extractor):  # settings travel with the class: no constructor arguments to keep
        def __init__(self) -> None:
            super().__init__(settings)

    ds = ray.data.from_items([{"unit": i} for i in range(len(units))], override_num_blocks=max(1, len(units)))
    # Reading is light: its tasks take no CPU slot, so they run even where the actors hold every one.
    ds = ds.map_batches(_read, batch_size=1, batch_format="pyarrow", num_cpus=0,
                        fn_kwargs={"units": list(units), "columns": columns, "max_bytes": settings.max_bytes,
                                   "detect_language": settings.detect_language, "chunk": settings.batch_size})
    ds = ds.map_batches(BoundExtractor, batch_size=settings.batch_size, batch_format="pyarrow", num_cpus=1,
                        compute=ray.data.ActorPoolStrategy(size=actors))
    ds.write_parquet(shards)


def read_shards(shards: str) -> Iterator[tuple[Article | IngestError, Outcome | None]]:
    """The shards' rows in input order: each input item with its outcome (None where not extracted)."""
    import pyarrow.dataset as pds

    table = pds.dataset(shards, format="parquet").to_table()
    table = table.sort_by([("unit", "ascending"), ("seq", "ascending")])
    for batch in table.to_batches(max_chunksize=1024):
        for row in batch.to_pylist():
            if row["kind"] == "reject":
                yield IngestError(row["origin"], row["reject_reason"], row["reject_detail"]), None
                continue
            art = _to_article(row)
            if row["failed_reason"] is not None:
                yield art, IngestError(art.origin or art.id, row["failed_reason"], row["failed_detail"])
            elif row["mentions"] is not None:
                yield art, [mention_from_dict(d) for d in json.loads(row["mentions"])]
            else:
                yield art, None


def load_shards(shards: str, loaded: Loaded, store, *, settings: Settings, **callbacks) -> RunReport:
    """Store the shards' articles and mentions exactly as a one-process run would."""
    from eventsift.pipeline import run_articles

    outcomes: dict[int, Outcome] = {}

    def items() -> Iterator[Article | IngestError]:
        for item, got in read_shards(shards):
            if got is not None:
                outcomes[id(item)] = got
            yield item

    def process(batches: Iterable[list[Article]]) -> Iterator[list[tuple[Article, Outcome]]]:
        for batch in batches:
            out = []
            for a in batch:
                if id(a) not in outcomes:
                    raise ConfigError(f"article {a.id!r} ({a.origin}) has no extraction in the shards {shards}; "
                                      "were they written with other settings?")
                out.append((a, outcomes.pop(id(a))))
            yield out

    return run_articles(items(), loaded, store, settings=settings, process=process, **callbacks)


def connect(address: str | None, *, cpus: int | None) -> int:
    """Join the cluster at ``address`` (or start Ray here); returns its CPU count."""
    ray, _ = _import_ray()
    if not ray.is_initialized():
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
        else:
            ray.init(num_cpus=cpus or os.cpu_count() or 1, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
    if not log.isEnabledFor(logging.DEBUG):
        for name in ("ray", "ray.data"):  # Ray Data's plan and progress lines
            logging.getLogger(name).setLevel(logging.WARNING)
    return int(ray.cluster_resources().get("CPU", 1))


def run_ray(inputs: list[Path], *, address: str | None, manifest: Path | None, columns: dict[str, str] | None,
            db: Path, out_dir: Path | None, settings: Settings, workers: int | None = None,
            shards: str | None = None, on_reject=lambda e: None) -> tuple[RunReport, int]:
    """Extract on Ray, then load, merge and export here. Returns the report and the number of events."""
    from eventsift.export import write_outputs
    from eventsift.merge import merge_store
    from eventsift.store import Store

    cpus = connect(address, cpus=workers)
    actors = max(1, min(workers or cpus, cpus))
    units = plan(inputs, manifest=manifest)
    tmp = None
    if shards is None:
        tmp = tempfile.mkdtemp(prefix=f".{db.name}.shards-", dir=db.parent if str(db.parent) else None)
        shards = tmp
    try:
        log.info("extracting %d input units on %d actors into %s", len(units), actors, shards)
        extract_to_shards(units, shards, settings=settings, columns=columns, actors=actors)
        loaded = load(settings)
        with Store.open(db) as store:
            report = load_shards(shards, loaded, store, settings=settings, on_reject=on_reject)
            events = merge_store(store)
            if out_dir is not None:
                write_outputs(store, out_dir)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return report, len(events)


__all__ = ["Extractor", "connect", "extract_to_shards", "load_shards", "read_shards", "run_ray"]
