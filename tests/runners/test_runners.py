"""Runners: --workers N and --ray give the store and exports a one-process run gives.

The corpus is the bundled sample articles cut into two JSON Lines shards, with a copy of
one article under another id and a malformed line, so that the copy and reject paths
run too.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from eventsift.errors import ConfigError
from eventsift.ingest import read_inputs
from eventsift.model import Article
from eventsift.pipeline import Settings
from eventsift.runners.sources import Unit, expand, plan, read_unit, read_units

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "samples" / "seeds"
TIMES = ("added_at", "seen_at", "first_seen", "updated_at")
HAS_RAY = importlib.util.find_spec("ray") is not None and importlib.util.find_spec("pyarrow") is not None


def _records() -> list[dict]:
    arts = [a for a in read_inputs([SEEDS]) if isinstance(a, Article)]
    return [{"id": a.id, "text": a.text, "title": a.title, "source": a.source,
             "published": a.published.isoformat() if a.published else None} for a in arts]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("shards")
    recs = _records()
    lines1 = [json.dumps(r) for r in recs[:3]]
    copy = dict(recs[0], id="copy-of-first", source="another outlet")
    lines2 = [json.dumps(r) for r in recs[3:]] + ["{not json", json.dumps(copy)]
    (folder / "part-0001.jsonl").write_text("\n".join(lines1) + "\n", encoding="utf-8")
    (folder / "part-0002.jsonl").write_text("\n".join(lines2) + "\n", encoding="utf-8")
    return folder


def snapshot(db: Path, out: Path) -> dict:
    from eventsift.store import Store

    snap = {}
    with Store.open(db, read_only=True) as store:
        for table in ("articles", "copies", "mentions", "events", "rejects"):
            rows = store.query(f"SELECT * FROM {table}")
            snap[table] = sorted(json.dumps({k: v for k, v in r.items() if k not in TIMES}, default=str,
                                            sort_keys=True) for r in rows)
    for name in ("mentions.jsonl", "events.jsonl", "events.csv", "events.geojson"):
        snap[name] = (out / name).read_text(encoding="utf-8")
    return snap


@pytest.fixture(scope="module")
def sequential(corpus, tmp_path_factory) -> dict:
    from eventsift.runners.local import run_local

    tmp = tmp_path_factory.mktemp("seq")
    report = run_local([corpus], manifest=None, columns=None, db=tmp / "s.duckdb", out_dir=tmp / "out",
                       settings=Settings())
    assert report.articles == 5 and report.copies == 1 and len(report.rejects) == 1
    assert report.mentions > 0
    return snapshot(tmp / "s.duckdb", tmp / "out")


@pytest.mark.slow
def test_runners_two_workers_same_as_one_process(corpus, sequential, tmp_path):
    from eventsift.runners.local import run_local

    run_local([corpus], manifest=None, columns=None, db=tmp_path / "w.duckdb", out_dir=tmp_path / "out",
              settings=Settings(batch_size=2), workers=2)
    assert snapshot(tmp_path / "w.duckdb", tmp_path / "out") == sequential


@pytest.mark.slow
@pytest.mark.skipif(not HAS_RAY, reason="Ray is not installed: pip install 'eventsift[ray]' to run this test")
def test_runners_ray_same_as_one_process(corpus, sequential, tmp_path):
    import ray

    from eventsift.runners.ray import run_ray

    try:
        report, _ = run_ray([corpus / "*.jsonl"], address=None, manifest=None, columns=None, db=tmp_path / "r.duckdb",
                            out_dir=tmp_path / "out", settings=Settings(batch_size=2), workers=2,
                            shards=str(tmp_path / "shards"))
    finally:
        ray.shutdown()
    assert report.articles == 5
    assert sorted(p.suffix for p in (tmp_path / "shards").iterdir()) and all(
        p.suffix == ".parquet" for p in (tmp_path / "shards").iterdir())
    assert snapshot(tmp_path / "r.duckdb", tmp_path / "out") == sequential


def test_runners_plan_globs_and_folders(corpus, tmp_path):
    assert expand([corpus / "*.jsonl"]) == [corpus / "part-0001.jsonl", corpus / "part-0002.jsonl"]
    assert expand([tmp_path / "none-*.jsonl"]) == [tmp_path / "none-*.jsonl"]  # read later as missing
    # a folder without a manifest: one unit per file, so shards are read in parallel
    assert plan([corpus]) == [Unit(paths=(str(corpus / "part-0001.jsonl"),)),
                              Unit(paths=(str(corpus / "part-0002.jsonl"),))]
    # a folder with its own manifest, or a --manifest: read whole, as read_inputs reads it
    assert plan([SEEDS]) == [Unit(paths=(str(SEEDS),))]
    assert len(plan([corpus], manifest=SEEDS / "manifest.jsonl")) == 1


def test_runners_units_read_as_read_inputs(corpus):
    def key(items):
        return [(type(i).__name__, getattr(i, "id", None) or getattr(i, "source", None)) for i in items]

    assert key(read_units(plan([corpus]), columns=None)) == key(read_inputs([corpus]))
    assert key(read_units(plan([SEEDS]), columns=None)) == key(read_inputs([SEEDS]))


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="pyarrow not installed ([ray] extra)")
def test_runners_parquet_rows_read_as_jsonl_records(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = _records()[:2]
    pq.write_table(pa.Table.from_pylist([{"doc": r["id"], "body": r["text"], "published": r["published"]}
                                         for r in recs]), tmp_path / "a.parquet")
    got = list(read_unit(Unit(paths=(str(tmp_path / "a.parquet"),)), columns={"id": "doc", "text": "body"}))
    want = [a for a in read_inputs([SEEDS]) if isinstance(a, Article)][:2]
    assert [(a.id, a.text, a.published, a.content_hash) for a in got] == \
        [(a.id, a.text, a.published, a.content_hash) for a in want]
    assert [a.origin for a in got] == [f"{tmp_path / 'a.parquet'}:1", f"{tmp_path / 'a.parquet'}:2"]


def test_runners_ray_missing_says_which_extra(monkeypatch):
    from eventsift.runners import ray as ray_runner

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ConfigError, match=r"pip install 'eventsift\[ray\]'"):
        ray_runner.connect(None, cpus=1)


def test_runners_device_is_reported():
    import spacy

    from eventsift.nlp import describe_device, gpu_in_use

    nlp = spacy.blank("en")
    assert not gpu_in_use(nlp)
    assert describe_device(nlp).startswith("CPU")
