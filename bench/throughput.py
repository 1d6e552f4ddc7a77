"""Throughput: spaCy parse alone vs the whole pipeline, on the same articles, in one run.

    python bench/throughput.py [ARTICLES...] [--repeat N]

Without arguments it reads the bundled sample articles. Prints articles/s and words/s
for (a) nlp.pipe over the texts and (b) parse + extraction + resolution + store writes,
and the ratio (b)/(a) of their wall times. Use a large corpus (e.g. the FA-KES CSV with
--columns) for figures worth quoting: on five short articles, start-up noise dominates.
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from eventsift.ingest import read_inputs
from eventsift.model import Article
from eventsift.pipeline import Settings, load, run_articles
from eventsift.store import Store

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", type=Path, default=[ROOT / "samples" / "seeds"])
    ap.add_argument("--manifest", type=Path)
    ap.add_argument("--columns", help="CSV column mapping, as for eventsift run")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the corpus N times (distinct ids)")
    args = ap.parse_args()
    columns = dict(p.split("=", 1) for p in args.columns.split(",")) if args.columns else None
    base = [a for a in read_inputs(args.inputs, manifest=args.manifest, columns=columns) if isinstance(a, Article)]
    from dataclasses import replace

    articles = [replace(a, id=f"{a.id}#{r}", content_hash=f"{a.content_hash}#{r}")
                for r in range(args.repeat) for a in base]
    words = sum(len(a.text.split()) for a in articles)
    settings = Settings()
    t0 = time.perf_counter()
    loaded = load(settings)
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in loaded.nlp.pipe((a.text for a in articles), batch_size=settings.batch_size):
        pass
    parse_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "bench.duckdb") as store:
            t0 = time.perf_counter()
            report = run_articles(iter(articles), loaded, store, settings=settings)
            full_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(articles)
    print(f"articles: {n}  words: {words}  mentions: {report.mentions}  (load once: {load_s:.1f}s)")
    print(f"(a) spaCy parse only : {n / parse_s:8.1f} articles/s {words / parse_s:10.0f} words/s  ({parse_s:.2f}s)")
    print(f"(b) whole pipeline   : {n / full_s:8.1f} articles/s {words / full_s:10.0f} words/s  ({full_s:.2f}s)")
    print(f"ratio (b)/(a) wall time: {full_s / parse_s:.2f}   peak RSS: {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
