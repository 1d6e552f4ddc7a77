"""A run over a messy folder: it keeps going, counts what it skipped by reason, records
copies as extra sources, and a second run changes nothing."""
from __future__ import annotations

import json
import os
import random
from dataclasses import replace

import pytest
from robust_corpus import article_text

from eventsift.ingest import LanguageDetector, content_hash, read_inputs
from eventsift.model import Article
from eventsift.pipeline import Settings, run_articles
from eventsift.store import Store

pytestmark = pytest.mark.slow

ARABIC = ("قتل أربعة مدنيين وأصيب عشرة آخرون في غارة جوية شنتها طائرات حربية على حي سكني في مدينة الرقة صباح "
          "اليوم، بحسب المرصد السوري لحقوق الإنسان. وقال سكان إن الطائرات حلقت فوق المدينة لساعات.\n")


def messy_folder(root, rng):
    texts = {f"art{i}": article_text(rng) for i in range(6)}
    for name, text in texts.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    title, _, body = texts["art0"].partition("\n\n")
    (root / "zz_same.txt").write_text(texts["art0"], encoding="utf-8")  # exact copy, another name
    (root / "zz_syndicated.txt").write_text(  # another headline, a credit line
        "Wire: " + title + "\n\n" + body.strip() + "\n\n(Reporting by Jane Doe; Editing by John Smith)\n",
        encoding="utf-8")
    (root / "zz_updated.txt").write_text(texts["art1"].replace("killing", "killing at least", 1)
                                         .replace(" said.", " said on Wednesday, raising the toll.", 1),
                                         encoding="utf-8")
    (root / "pdf.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    (root / "empty.txt").write_bytes(b"")
    (root / "arabic.txt").write_bytes(("غارة على الرقة\n\n" + ARABIC).encode("cp1256"))
    (root / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": article_text(rng)}) + "\n{\"id\": \"j2\", \"te\n"
        + json.dumps({"id": "j3", "text": article_text(rng)}) + "\n", encoding="utf-8")
    (root / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "</body></html>", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "art2.txt").write_text(article_text(rng), encoding="utf-8")  # id art2 taken, other text
    os.symlink(root, root / "sub" / "loop")
    return texts


def run(folder, db, loaded, settings):
    lines = []
    with Store.open(db) as store:
        report = run_articles(read_inputs([folder], languages=LanguageDetector.load()), loaded, store,
                              settings=settings, on_reject=lambda e: lines.append(str(e)))
        state = {
            "articles": store.query("SELECT doc_id, content_hash, n_mentions FROM articles ORDER BY doc_id"),
            "copies": store.copies(),
            "mentions": store.query("SELECT mention_id, doc_id FROM mentions ORDER BY mention_id"),
            "rejects": store.query("SELECT source, reason, detail FROM rejects ORDER BY source, reason"),
            "ids": store.article_ids(),
        }
    return report, lines, state


def test_robustness_run_over_a_messy_folder(tmp_path, loaded):
    folder = tmp_path / "in"
    folder.mkdir()
    messy_folder(folder, random.Random(5))
    db = tmp_path / "s.duckdb"
    report, lines, state = run(folder, db, loaded, Settings(batch_size=3))

    assert report.skipped_by_reason() == {"binary": 1, "duplicate_id": 1, "empty": 1, "language": 1,
                                          "malformed": 2, "symlink_loop": 1}
    assert len(lines) == 7 and all("\n" not in ln for ln in lines)
    assert report.copies == 2 and report.articles == 9  # art0-5, zz_updated, j1, j3
    assert {(c["doc_id"], c["copy_of"]) for c in state["copies"]} == {("zz_same", "art0"),
                                                                       ("zz_syndicated", "art0")}
    assert {"zz_same", "zz_syndicated", "art0"} <= state["ids"]
    assert "zz_updated" in {a["doc_id"] for a in state["articles"]}  # a changed figure: its own report
    assert not any(m["doc_id"].startswith("zz_s") for m in state["mentions"])  # copies not processed
    by_reason = {r["reason"]: r for r in state["rejects"]}
    assert by_reason["language"]["source"].endswith("arabic.txt") and "'ar'" in by_reason["language"]["detail"]
    assert by_reason["duplicate_id"]["source"].endswith("sub/art2.txt")

    again, _, state2 = run(folder, db, loaded, Settings(batch_size=3))
    assert again.articles == 0 and again.copies == 0 and again.skipped_known == 11
    assert state2 == state  # nothing new, nothing doubled, rejects included


def test_robustness_copy_of_an_article_stored_by_an_earlier_run(tmp_path, loaded):
    rng = random.Random(8)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    text = article_text(rng)
    (first / "orig.txt").write_text(text, encoding="utf-8")
    (second / "later.txt").write_text(text.rstrip() + "\n\nThis story was first published by Wire.\n",
                                      encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run(first, db, loaded, Settings())
    with Store.open(db) as store:  # as after a run stopped before it fingerprinted its articles
        store.con.execute("DELETE FROM fingerprints")
    report, _, state = run(second, db, loaded, Settings())
    assert report.copies == 1 and report.articles == 0
    assert [(c["doc_id"], c["copy_of"]) for c in state["copies"]] == [("later", "orig")]
    with Store.open(db, read_only=True) as store:
        assert set(store.fingerprints()) == {"orig"}


def test_robustness_article_too_long_for_the_parser(tmp_path, loaded):
    long_text = article_text(random.Random(1)) * 40
    arts = [Article(id="long", text=long_text, origin="long.txt"),
            Article(id="ok", text=article_text(random.Random(2)), origin="ok.txt")]
    with Store.open(tmp_path / "s.duckdb") as store:
        report = run_articles(arts, loaded, store, settings=Settings(max_chars=len(long_text) - 1))
        assert report.articles == 1 and report.skipped_by_reason() == {"too_large": 1}
        assert "raise max_chars" in report.rejects[0].detail


def test_robustness_failing_article_is_rejected_not_fatal(tmp_path, loaded):
    good = Article(id="ok", text=article_text(random.Random(2)), origin="ok.txt")
    # A text the parser cannot take: over nlp.max_length, let through by a lax max_chars.
    text = "x " * (loaded.nlp.max_length // 2 + 10)
    bad = replace(good, id="bad", origin="bad.txt", text=text, content_hash=content_hash(text))
    bad_copy = replace(bad, id="bad2", origin="bad2.txt")
    with Store.open(tmp_path / "s.duckdb") as store:
        report = run_articles([bad, good, bad_copy], loaded, store,
                              settings=Settings(max_chars=10 * loaded.nlp.max_length, batch_size=4))
        assert report.articles == 1 and report.skipped_by_reason() == {"failed": 2}
        assert store.article_ids() == {"ok"} and store.copies() == []  # no copy of an article not stored
        assert set(store.fingerprints()) == {"ok"}


def test_robustness_names_and_texts_no_store_can_hold(tmp_path, loaded):
    folder = tmp_path / "in"
    folder.mkdir()
    good = article_text(random.Random(4))
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(good, encoding="utf-8")  # a Latin-1 file name
    (folder / os.fsdecode(b"bad\xff.txt")).write_bytes(b"%PDF-1.4 binary")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "s\ud800", "title": "\udfff",
                                                   "text": article_text(random.Random(6)) + " \ud800"}) + "\n",
                                       encoding="utf-8")
    with Store.open(tmp_path / "s.duckdb") as store:
        report = run_articles(read_inputs([folder]), loaded, store, settings=Settings())
        assert report.articles == 2 and report.skipped_by_reason() == {"binary": 1}
        assert store.article_ids() == {"caf?", "s?"}
        assert store.rejects()[0]["source"].endswith("bad?.txt")


def test_robustness_copies_report_their_article_mentions_in_the_export(tmp_path, loaded):
    from eventsift.export import write_outputs
    text = "Government shelling killed 12 civilians in Douma on Tuesday, the Syrian Observatory said.\n"
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("again", "orig"):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    report, _, state = run(folder, tmp_path / "s.duckdb", loaded, Settings())
    assert report.articles == 1 and report.copies == 1
    stored = state["articles"][0]["doc_id"]
    with Store.open(tmp_path / "s.duckdb") as store:
        write_outputs(store, tmp_path / "out")
    rows = [json.loads(line) for line in (tmp_path / "out" / "mentions.jsonl").read_text().splitlines()]
    assert sorted(r["doc_id"] for r in rows) == ["again", "orig"]
    # the copy's evidence counts in the stored article's text, which its provenance names
    assert {r["provenance"]["article_id"] for r in rows} == {stored}
    assert rows[0]["evidence"] == rows[1]["evidence"]
