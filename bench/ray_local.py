"""Ray on this machine: extraction with 1 vs 2 CPUs (one actor per CPU), same articles.

    python bench/ray_local.py [ARTICLES...] [--columns MAP] [--cpus 1,2] [--repeat N]

For each CPU count, starts local Ray with that many CPUs, then times (1) reading and
extraction into Parquet shards on the actor pool and (2) loading the shards into a fresh
store as ``eventsift run --ray`` does, and checks that the stored mentions are the same
as a one-process run's. Ray's start-up (seconds) is printed apart and not counted.
Needs the [ray] extra.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from common import columns_of, corpus_args, spread

from eventsift.pipeline import Settings, load, run_articles
from eventsift.runners.ray import connect, extract_to_shards, load_shards
from eventsift.runners.sources import plan, read_units
from eventsift.store import Store


def code_stamp() -> float:
    """The newest modification time of the package's source (Ray workers import it afresh)."""
    import eventsift

    return max(p.stat().st_mtime for p in Path(eventsift.__file__).parent.rglob("*.py"))


def stored_mentions(store) -> list:
    return store.query("SELECT mention_id, json FROM mentions ORDER BY mention_id")


def main() -> None:
    import ray

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    corpus_args(ap)
    ap.add_argument("--cpus", default="1,2")
    args = ap.parse_args()
    args.repeat = max(1, args.repeat)
    columns = columns_of(args)
    settings = Settings()
    units = plan(args.inputs)
    stamp = code_stamp()
    loaded = load(settings)
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "seq.duckdb") as store:
            from eventsift.ingest import LanguageDetector

            run_articles(read_units(units, columns=columns, max_bytes=settings.max_bytes,
                                    languages=LanguageDetector.load()), loaded, store, settings=settings)
            reference = stored_mentions(store)
    results: dict[int, list[tuple[float, float]]] = {}
    for cpus in (int(c) for c in args.cpus.split(",")):
        t0 = time.perf_counter()
        connect(None, cpus=cpus)
        print(f"local Ray with {cpus} CPU(s) started in {time.perf_counter() - t0:.1f}s", flush=True)
        for rep in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                t0 = time.perf_counter()
                extract_to_shards(units, str(Path(tmp) / "shards"), settings=settings, columns=columns, actors=cpus)
                t1 = time.perf_counter()
                with Store.open(Path(tmp) / "r.duckdb") as store:
                    load_shards(str(Path(tmp) / "shards"), loaded, store, settings=settings)
                    got = stored_mentions(store)
                    same = got == reference
                t2 = time.perf_counter()
            print(f"  {cpus} CPU(s), repetition {rep + 1}: extract {t1 - t0:.2f}s, load into store {t2 - t1:.2f}s",
                  flush=True)
            if not same:
                changed = code_stamp() != stamp
                print(f"WARNING: Ray with {cpus} CPUs stored {len(got)} mentions, a one-process run {len(reference)}, "
                                 f"not all the same" + ("; the package's source changed during this run, so the "
                                                        "Ray workers ran other code: run again" if changed else ""), flush=True)
            results.setdefault(cpus, []).append((t1 - t0, t2 - t1))
        ray.shutdown()
    base = min(results)
    for cpus, runs in results.items():
        ex = [r[0] for r in runs]
        print(f"{cpus} CPU(s): extract {spread(ex)} s; load {spread([r[1] for r in runs])} s"
              + (f"; speedup vs {base}: {min(results[base])[0] / min(ex):.2f} (best of each)" if cpus != base else ""))
    print(f"mentions of a one-process run: {len(reference)}; cores {os.cpu_count()}, "
          f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
