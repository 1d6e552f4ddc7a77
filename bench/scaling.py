"""Scaling: cost per article over 1x, 4x and 16x the corpus, in one run.

    python bench/scaling.py [ARTICLES...] [--columns MAP] [--times 1,4,16] [--merge]

The corpus is repeated with distinct ids and hashes (and the near-duplicate check off,
since every copy is one), so each copy goes through the whole per-article pipeline:
ingest is done once up front and not timed; parse, extraction, skip checks and store
writes into one fresh store are. Prints CPU ms per article for each size (CPU time of
this process: on a machine others are using, wall time per article moves with their
load, CPU time much less) and its spread around the 1x figure. The cross-article merge is left out by default: copies of one
text are the same incidents, so merging them measures a worst case of the merge's
blocking rather than its cost on real news; ``--merge`` times it too.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import columns_of, copies, corpus_args, peak_rss_mib, read_articles

from eventsift.merge import merge_store
from eventsift.pipeline import Settings, load, run_articles
from eventsift.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    corpus_args(ap)
    ap.add_argument("--times", default="1,4,16")
    ap.add_argument("--merge", action="store_true")
    ap.add_argument("--limit", type=int, help="use the first N articles of the corpus as 1x")
    args = ap.parse_args()
    settings = Settings(near_duplicates=False)
    loaded = load(settings)
    base = read_articles(args.inputs, columns_of(args))[:args.limit]
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "warm.duckdb") as store:
        run_articles(base[:64], loaded, store, settings=settings)  # first-call costs out of the 1x figure
    per_article = {}
    for k in (int(x) for x in args.times.split(",")):
        articles = copies(base, k)
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "scale.duckdb") as store:
            c0, t0 = time.process_time(), time.perf_counter()
            report = run_articles(articles, loaded, store, settings=settings)
            c1, t1 = time.process_time(), time.perf_counter()
            merge_s = None
            if args.merge:
                merge_store(store)
                merge_s = time.perf_counter() - t1
        per_article[k] = (c1 - c0) / report.articles * 1000
        print(f"{k:>3}x: {report.articles:>6} articles, {report.mentions:>7} mentions, {t1 - t0:7.1f}s wall, "
              f"{per_article[k]:6.1f} CPU ms/article ({(t1 - t0) / report.articles * 1000:.1f} wall ms/article)"
              + (f"; merge {merge_s:.1f}s ({merge_s / report.articles * 1000:.1f} ms/article)" if args.merge else "")
              + f"; peak RSS {peak_rss_mib():.0f} MiB", flush=True)
    first = per_article[min(per_article)]
    worst = max(abs(v / first - 1) for v in per_article.values())
    print(f"CPU cost per article vs {min(per_article)}x: "
          + ", ".join(f"{k}x {v / first:.2f}" for k, v in per_article.items())
          + f"; largest deviation {worst:.0%}")


if __name__ == "__main__":
    main()
