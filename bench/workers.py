"""Worker processes: ``--workers 1`` vs ``--workers N`` on the same articles, in one run.

    python bench/workers.py [ARTICLES...] [--columns MAP] [--workers 2] [--repeat N]

Each measurement reads the inputs and runs parse, extraction and store writes into a
fresh store (the merge after it is the same single-process step in both, so it is left
out). The two configurations alternate, and every run's mentions are checked to be the
same as the first one's. Prints the wall times, the speedup per repetition and its
median. The speedup is bounded by the cores the machine can actually give: on a
machine others are using, read it against ``os.cpu_count()`` and the load average it
prints, and the cores each run actually obtained (CPU time of this process and its
workers over wall time): the speedup cannot exceed the ratio of those.
"""
from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from common import children_peak_rss_mib, columns_of, corpus_args, peak_rss_mib, spread

from eventsift.ingest import LanguageDetector
from eventsift.pipeline import Settings, load, run_articles
from eventsift.runners.pool import worker_pool
from eventsift.runners.sources import plan, read_units
from eventsift.store import Store


def cpu_seconds() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def one_run(loaded, inputs, columns, settings: Settings, languages, workers: int) -> tuple[float, float, list]:
    with tempfile.TemporaryDirectory() as tmp:
        c0, t0 = cpu_seconds(), time.perf_counter()
        pool = worker_pool(loaded, settings, workers=workers) if workers > 1 else None
        process = pool.__enter__() if pool is not None else None
        try:
            with Store.open(Path(tmp) / "bench.duckdb") as store:
                run_articles(read_units(plan(inputs), columns=columns, max_bytes=settings.max_bytes,
                                        languages=languages), loaded, store, settings=settings, process=process)
                rows = store.query("SELECT mention_id, json FROM mentions ORDER BY mention_id")
        finally:
            if pool is not None:
                pool.__exit__(None, None, None)
        return time.perf_counter() - t0, cpu_seconds() - c0, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    corpus_args(ap)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    columns = columns_of(args)
    settings = Settings()
    loaded = load(settings)
    languages = LanguageDetector.load() if settings.detect_language else None
    times: dict[int, list[float]] = {1: [], args.workers: []}
    cores: dict[int, list[float]] = {1: [], args.workers: []}
    reference = None
    for rep in range(args.repeat):
        for n in ((1, args.workers) if rep % 2 == 0 else (args.workers, 1)):
            seconds, cpu, rows = one_run(loaded, args.inputs, columns, settings, languages, n)
            reference = reference if reference is not None else rows
            assert rows == reference, f"{n} workers stored other mentions than the first run"
            times[n].append(seconds)
            cores[n].append(cpu / seconds)
            print(f"  repetition {rep + 1}: {n} worker(s) {seconds:.2f}s wall, {cpu:.1f}s CPU: "
                  f"{cpu / seconds:.2f} cores obtained", flush=True)
    speedups = [a / b for a, b in zip(times[1], times[args.workers])]
    print(f"1 worker : {spread(times[1])} s")
    print(f"{args.workers} workers: {spread(times[args.workers])} s")
    print(f"speedup {args.workers} vs 1 per repetition: {', '.join(f'{s:.2f}' for s in speedups)}; {spread(speedups)}")
    print(f"cores obtained (CPU time / wall time): 1 worker {spread(cores[1])}; "
          f"{args.workers} workers {spread(cores[args.workers])}")
    print(f"same mentions in every run: yes ({len(reference)} mentions)")
    print(f"cores: {os.cpu_count()}; load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())}; "
          f"peak RSS parent {peak_rss_mib():.0f} MiB, largest worker {children_peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
