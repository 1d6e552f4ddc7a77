"""kill -9 in the middle of a run: the store stays readable and consistent, and re-running
ends in exactly the state of a run never interrupted.

The kill points are random; set ES_CRASH_SEED to replay a failing sequence, and
ES_CRASH_KILLS to try more of them than the three ``make test`` does (e.g. 21: seven
rounds of three kills, each round on a fresh store).
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from robust_corpus import article_text

from eventsift.store import Store

pytestmark = pytest.mark.slow

N_ARTICLES = 80
KILLS = int(os.environ.get("ES_CRASH_KILLS") or 3)
PER_ROUND = 3


def make_corpus(root: Path) -> None:
    rng = random.Random(2024)
    texts = [article_text(rng) for _ in range(N_ARTICLES)]
    for i, text in enumerate(texts):
        (root / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    for i in (3, 40, 77):  # copies, near and exact, spread through the batches
        (root / f"copy{i:03d}.txt").write_text(texts[i].rstrip() + "\n\n(Editing by Jo Bloggs)\n", encoding="utf-8")
        (root / f"same{i:03d}.txt").write_text(texts[i], encoding="utf-8")
    (root / "b_pdf.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    (root / "b_empty.txt").write_bytes(b"")
    (root / "b_feed.jsonl").write_text('{"id": "j1", "text": "Jets struck Raqqa on Monday, killing 4 people, '
                                       'activists said."}\n{"id": \n', encoding="utf-8")


def start(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "eventsift", "run", str(corpus), "--db", str(db),
                             "--batch-size", "5"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen) -> None:
    _, err = proc.communicate(timeout=600)
    text = err.decode(errors="replace")
    assert proc.returncode in (0, 1) and "Traceback" not in text, text[-2000:]  # 1: some inputs skipped


def wait_for_writes(db: Path, proc: subprocess.Popen) -> None:
    """Until the run writes to the store (its write-ahead log changes): the model is loaded."""
    wal = Path(f"{db}.wal")

    def mark():
        try:
            st = wal.stat()
        except FileNotFoundError:
            return None
        return st.st_mtime_ns, st.st_size

    before = mark()
    while mark() == before and proc.poll() is None:
        time.sleep(0.01)


def state(db: Path) -> dict[str, list]:
    """Everything a run leaves, less the wall-clock times."""
    queries = {
        "articles": "SELECT doc_id, content_hash, title, published, source, url, language, origin, text, n_mentions "
                    "FROM articles ORDER BY doc_id",
        "mentions": "SELECT mention_id, doc_id, event_id, json FROM mentions ORDER BY mention_id",
        "events": "SELECT event_id, json FROM events ORDER BY event_id",
        "copies": "SELECT doc_id, copy_of, origin FROM copies ORDER BY doc_id",
        "rejects": "SELECT source, reason, detail FROM rejects ORDER BY source, reason, detail",
        "fingerprints": "SELECT doc_id, minhash FROM fingerprints ORDER BY doc_id",
    }
    with Store.open(db, read_only=True) as store:
        return {name: [tuple(r.values()) for r in store.query(sql)] for name, sql in queries.items()}


def check_consistent(db: Path, where: str) -> dict[str, list]:
    got = state(db)
    arts = {a[0]: a[-1] for a in got["articles"]}
    per_doc: dict[str, int] = {}
    for _, doc_id, _, _ in got["mentions"]:
        assert doc_id in arts, f"{where}: mention of an article not stored: {doc_id}"
        per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
    for doc_id, n in arts.items():
        assert per_doc.get(doc_id, 0) == n, f"{where}: {doc_id} has {per_doc.get(doc_id, 0)} of its {n} mentions"
    for doc_id, copy_of, _ in got["copies"]:
        assert copy_of in arts, f"{where}: copy {doc_id} points at {copy_of}, not stored"
    assert {f[0] for f in got["fingerprints"]} <= set(arts), f"{where}: fingerprint of an article not stored"
    return got


def test_robustness_kill_9_mid_run_then_resume(tmp_path):
    seed = int(os.environ.get("ES_CRASH_SEED") or random.SystemRandom().randrange(10**6))
    rng = random.Random(seed)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_corpus(corpus)

    ref = tmp_path / "ref.duckdb"
    t0 = time.monotonic()
    proc = start(corpus, ref)
    wait_for_writes(ref, proc)
    t_writing = time.monotonic()
    finish(proc)
    busy = time.monotonic() - t_writing  # how long the run writes, once the model is loaded
    expected = state(ref)
    assert len(expected["articles"]) == N_ARTICLES + 1 and len(expected["copies"]) == 6
    assert len(expected["rejects"]) == 3 and expected["events"], f"load {t_writing - t0:.1f}s"

    # Kills come in rounds of at most PER_ROUND, each round on a fresh store and resumed to
    # the end: after a few kills the store holds every article, and later kills would only
    # ever land in merging and export.
    kills = []
    for r, first in enumerate(range(0, KILLS, PER_ROUND)):
        db = tmp_path / f"crash{r}.duckdb"
        n = min(PER_ROUND, KILLS - first)
        for k in range(n):
            proc = start(corpus, db)
            wait_for_writes(db, proc)
            # Early kills land among the batches; a round's last may land in merging and export too.
            delay = rng.uniform(0.0, busy * (0.5 if k < n - 1 else 1.0))
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            proc.stderr.close()
            got = check_consistent(db, f"seed {seed}, round {r}, kill {k} at +{delay:.2f}s")
            kills.append((round(delay, 2), len(got["articles"])))
        finish(start(corpus, db))
        final = check_consistent(db, f"seed {seed}, round {r}, after resuming")
        for name in expected:
            assert final[name] == expected[name], f"seed {seed}, round {r}, kills {kills}: table {name} differs"
    # At least one kill should have landed mid-batch-stream, or the test proved little.
    mid = sum(0 < n < N_ARTICLES + 1 for _, n in kills)
    assert mid, f"seed {seed}, kills {kills}"
    print(f"seed {seed}: {len(kills)} kills in {r + 1} rounds, {mid} mid-stream, each round resumed to the "
          f"state of an uninterrupted run; (seconds after writes began, articles stored) {kills}")
