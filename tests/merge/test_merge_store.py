"""Merging into a store, on the real pipeline's mentions of the sample articles.

Incremental merging equals a full merge, whatever the order articles arrive in; a
second run of the same articles changes nothing; stories and the timeline come from
the stored events.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventsift.cli import cli
from eventsift.ingest import read_inputs
from eventsift.merge import merge_events, merge_store
from eventsift.model import Article
from eventsift.pipeline import Settings, process_batch, run_articles
from eventsift.serialize import event_to_dict
from eventsift.stories import group_stories
from eventsift.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds"


@pytest.fixture(scope="module")
def results(loaded):
    arts = [a for a in read_inputs([SEEDS], manifest=SEEDS / "manifest.jsonl") if isinstance(a, Article)]
    assert len(arts) == 5
    return process_batch(arts, loaded)


def snapshot(store: Store) -> list[str]:
    return sorted(json.dumps(event_to_dict(e), sort_keys=True) for e in store.events())


def build(path: Path, batches) -> Store:
    with Store.open(path) as store:
        for batch in batches:
            store.add_article_results(batch)
            merge_store(store)
        return snapshot(store), [m.mention_id for m, eid in store.mentions() if eid is None]


def test_merge_store_links_reports_across_outlets(results, tmp_path):
    full, unmerged = build(tmp_path / "full.duckdb", [results])
    assert not unmerged
    events = [json.loads(e) for e in full]
    multi = [e for e in events if len(e["doc_ids"]) > 1]
    assert multi, "the seed articles share incidents (Paris, 13 Nov 2015): some event must have two sources"
    for e in multi:
        assert all(set(c) == {"field", "values"} for c in e["conflicts"])


def test_merge_store_incremental_equals_full_in_any_order(results, tmp_path):
    full, _ = build(tmp_path / "full.duckdb", [results])
    rng = random.Random(11)
    for i in range(4):
        order = results[:]
        rng.shuffle(order)
        one_by_one, unmerged = build(tmp_path / f"inc{i}.duckdb", [[r] for r in order])
        assert not unmerged
        assert one_by_one == full, [a.id for a, _ in order]


def test_merge_events_shuffled_mentions_give_the_same_events(results):
    mentions = [m for _, ms in results for m in ms]
    base = merge_events(mentions)
    rng = random.Random(3)
    for _ in range(10):
        rng.shuffle(mentions)
        assert merge_events(mentions) == base


def test_merge_store_second_run_changes_nothing(results, loaded, tmp_path):
    path = tmp_path / "twice.duckdb"
    with Store.open(path) as store:
        store.add_article_results(results)
        merge_store(store)
        before, times = snapshot(store), store.event_times()
        report = run_articles(iter([a for a, _ in results]), loaded, store, settings=Settings())
        assert report.articles == 0 and report.skipped_known == len(results)
        merge_store(store)
        assert snapshot(store) == before
        assert store.event_times() == times


def test_merge_store_new_article_leaves_unrelated_events_alone(results, tmp_path):
    first, last = results[:-1], results[-1:]  # the last sample (Raqqa, 2021) shares nothing with 2015
    with Store.open(tmp_path / "inc.duckdb") as store:
        store.add_article_results(first)
        merge_store(store)
        times = store.event_times()
        store.add_article_results(last)
        merge_store(store)
        after = store.event_times()
    assert set(times) <= set(after)
    assert all(after[k] == v for k, v in times.items())


def test_merge_store_keeps_stories_of_its_events(results, tmp_path):
    with Store.open(tmp_path / "stories.duckdb") as store:
        store.add_article_results(results)
        merge_store(store)
        assert store.stories() == group_stories(store.events())
        ids = {e.event_id for e in store.events()}
        assert all(set(s.event_ids) <= ids and len(s.event_ids) >= 2 for s in store.stories())


def test_merge_timeline_command_prints_days_sources_and_stays_in_range(results, tmp_path):
    db = tmp_path / "tl.duckdb"
    with Store.open(db) as store:
        store.add_article_results(results)
        merge_store(store)
    out = CliRunner().invoke(cli, ["timeline", "--db", str(db), "--from", "2015-11-01", "--to", "2015-11-30"])
    assert out.exit_code == 0, out.output
    assert "Fri 13 Nov 2015" in out.output and "Paris, FR" in out.output
    assert "Tue 17 Nov 2015" in out.output and "Ar Raqqah" in out.output
    assert "2021" not in out.output and "Resafa" not in out.output
    assert "sources:" in out.output
    syria = CliRunner().invoke(cli, ["timeline", "--db", str(db), "--country", "SY"])
    assert syria.exit_code == 0 and "Paris" not in syria.output and "Jan 2021" in syria.output
