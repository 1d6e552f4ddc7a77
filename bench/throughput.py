"""Throughput: spaCy parse alone vs the whole pipeline, on the same articles, in one run.

    python bench/throughput.py [ARTICLES...] [--columns MAP] [--repeat N]

Loads the pipeline once, then measures, alternating their order on each repetition so
that drift in the machine's load hits both alike:

(a) spaCy parse only: ``nlp.pipe`` over the article texts, already in memory;
(b) the whole run: reading and ingesting the files (language, comments, hashes), skip
    and copy checks, parse, extraction (rules, dates, numbers, gazetteer, actors), store
    writes, then the cross-article merge and the exports, as ``eventsift run --out``.

It prints articles/s and words/s for each, the ratio (b)/(a) of wall times per
repetition (what eventsift adds on top of spaCy is ratio - 1), where (b)'s time goes,
and peak memory. Without arguments it reads FA-KES. On a shared machine, quote the
median ratio, not one timing.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import (copies, corpus_args, columns_of, peak_rss_mib, rate_line, read_articles, spread, words)

from eventsift.export import write_outputs
from eventsift.ingest import LanguageDetector
from eventsift.merge import merge_store
from eventsift.nlp import describe_device
from eventsift.pipeline import Settings, load, run_articles
from eventsift.runners.sources import plan, read_units
from eventsift.store import Store


def parse_only(loaded, texts: list[str], batch_size: int) -> float:
    t0 = time.perf_counter()
    for _ in loaded.nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def whole_run(loaded, inputs: list[Path], columns, settings: Settings, languages) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "bench.duckdb") as store:
            t0 = time.perf_counter()
            report = run_articles(read_units(plan(inputs), columns=columns, max_bytes=settings.max_bytes,
                                             languages=languages), loaded, store, settings=settings)
            t1 = time.perf_counter()
            merge_store(store)
            t2 = time.perf_counter()
            write_outputs(store, Path(tmp) / "out")
            t3 = time.perf_counter()
    return {"extract+store": t1 - t0, "merge": t2 - t1, "exports": t3 - t2, "total": t3 - t0,
            "mentions": report.mentions, "articles": report.articles}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    corpus_args(ap)
    ap.add_argument("--batch-size", type=int, default=Settings().batch_size)
    args = ap.parse_args()
    columns = columns_of(args)
    settings = Settings(batch_size=args.batch_size)
    t0 = time.perf_counter()
    loaded = load(settings)
    languages = LanguageDetector.load() if settings.detect_language else None
    load_s = time.perf_counter() - t0
    articles = read_articles(args.inputs, columns)
    texts = [a.text for a in copies(articles, 1)]
    n, w = len(articles), words(articles)

    parse_s, full, ratios, peaks = [], [], [], {}
    for rep in range(args.repeat):
        for which in (("a", "b") if rep % 2 == 0 else ("b", "a")):
            if which == "a":
                parse_s.append(parse_only(loaded, texts, settings.batch_size))
            else:
                full.append(whole_run(loaded, args.inputs, columns, settings, languages))
            peaks.setdefault(which, peak_rss_mib())
        ratios.append(full[-1]["total"] / parse_s[-1])

    best_a = min(parse_s)
    best_b = min(full, key=lambda r: r["total"])
    print(f"corpus: {n} articles, {w} words; {best_b['articles']} stored, {best_b['mentions']} mentions; "
          f"load once: {load_s:.1f}s; device: {describe_device(loaded.nlp)}")
    print(rate_line("(a) spaCy parse only", n, w, best_a))
    print(rate_line("(b) whole pipeline", n, w, best_b["total"]))
    print(f"    of which extract+store {best_b['extract+store']:.2f}s (ingest, parse, rules, store), "
          f"merge {best_b['merge']:.2f}s, exports {best_b['exports']:.2f}s")
    print(f"ratio (b)/(a) per repetition: {', '.join(f'{r:.2f}' for r in ratios)}; {spread(ratios)}")
    print(f"ratio without merge and exports: "
          f"{spread([f['extract+store'] / p for f, p in zip(full, parse_s)])}")
    print(f"peak RSS (this process, monotonic): {peaks['a']:.0f} MiB after (a) first ran, "
          f"{peaks['b']:.0f} MiB after (b) first ran")


if __name__ == "__main__":
    main()
