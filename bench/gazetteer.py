"""Gazetteer figures: cache build time, cache size, load time, look-ups per second.

    .venv/bin/python bench/gazetteer.py            # builds into a fresh temp folder
    .venv/bin/python bench/gazetteer.py --cache-dir ~/.cache/eventsift --no-build
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from eventsift.geo import Gazetteer, cache_path, resolve

NAMES = ["Raqqa", "Deir Ezzor", "Dayr az Zawr", "al-Lataminah", "the outskirts of Resafa", "Hama", "Homs",
         "Hasaka province", "southern Raqqa countryside", "rural Damascus", "Aleppo", "Idlib", "Syria", "Syrian",
         "Paris", "Moscow", "Washington", "Sinai Peninsula", "Mosul", "Kabul", "near Palmyra", "Douma", "Ghouta",
         "Khan Sheikhoun", "Tuesday", "ISIS", "Kobani", "Afrin", "Manbij", "Daraa"]
FOCI = [(), ("SY",), ("SY", "RU"), ("IQ",), ("US",)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache-dir", type=Path)
    ap.add_argument("--no-build", action="store_true", help="reuse an existing cache instead of timing a build")
    ap.add_argument("--seconds", type=float, default=2.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = args.cache_dir or Path(tmp)
        if not args.no_build:
            cache_path(cache_dir).unlink(missing_ok=True)
            t = time.perf_counter()
            Gazetteer.load(cache_dir)
            print(f"cache build      {time.perf_counter() - t:8.2f} s")
        path = cache_path(cache_dir)
        t = time.perf_counter()
        gaz = Gazetteer.load(cache_dir)
        print(f"cache load       {time.perf_counter() - t:8.2f} s   ({len(gaz):,} entries)")
        print(f"cache size       {path.stat().st_size / 2**20:8.1f} MiB  {path.name}")

        queries = [(n, f) for n in NAMES for f in FOCI]
        t, n = time.perf_counter(), 0
        for name, focus in queries:  # cold: every (name, focus) resolved from scratch
            gaz.memo.clear()
            resolve(name, gazetteer=gaz, focus=focus)
            n += 1
        cold = n / (time.perf_counter() - t)
        t, n = time.perf_counter(), 0
        while time.perf_counter() - t < args.seconds:  # warm: the memo answers
            for name, focus in queries:
                resolve(name, gazetteer=gaz, focus=focus)
            n += len(queries)
        warm = n / (time.perf_counter() - t)
        print(f"look-ups cold    {cold:10,.0f} /s")
        print(f"look-ups warm    {warm:10,.0f} /s")


if __name__ == "__main__":
    main()
