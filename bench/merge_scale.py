"""Merge scaling: time of ``merge_events`` (and ``merge_store``) over 1k, 10k and 100k mentions.

    python bench/merge_scale.py [--sizes 1000,10000,100000] [--store-sizes 1000,10000] [--reuse-cache]

The mentions are synthetic but made from real ones: FA-KES is extracted once (cached
like ``merge_quality.py`` does), and each further copy of its mentions is one more
"conflict" elsewhere and at another time. A copy moves every place to a real gazetteer
place (one country to another, each province to a province of that country, each town
to a town in that province, the same way throughout the copy), shifts every date by the
same whole number of weeks, and gives every article a new id. Evidence sentences,
actors and tolls are kept, so blocks hold as many mentions, as alike, as the real
corpus does. A set of size n is the first n mentions, in date order, of as many copies
as it takes, so the mentions per block and day stay those of the real corpus.

Prints, per size: seconds, microseconds per mention, the number of events, and the
growth factor from the previous size (linear is about 10x per 10x). The store figures
time ``merge_store`` on a fresh DuckDB store (a full merge through the store) and then
again after adding the last tenth of the articles (the incremental path).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from merge_quality import FAKES_COLUMNS, extracted

from eventsift.geo.gazetteer import Gazetteer, Kind
from eventsift.ingest import read_inputs
from eventsift.merge import merge_events, merge_store
from eventsift.model import Article, Mention, Place, Precision, TimeSpan
from eventsift.store import Store

ROOT = Path(__file__).resolve().parent.parent
MIN_POPULATION = 20000  # towns a copy may move a point to


class Places:
    """Real places by country and province, to move a copy's mentions to."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.towns: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        t = gazetteer._t
        for i in range(len(gazetteer)):
            if t.kinds[i] == Kind.CITY and t.pop[i] >= MIN_POPULATION:
                e = gazetteer.entry(i)
                if e.country and e.admin1_code and e.lat is not None:
                    self.towns[e.country][e.admin1_code].append(e)
        # countries with several provinces that have towns: room for a conflict
        self.countries = sorted(c for c, prov in self.towns.items() if len(prov) >= 4)
        self.gazetteer = gazetteer


def _shift(d: TimeSpan | None, days: int) -> TimeSpan | None:
    return None if d is None else replace(d, start=d.start + timedelta(days=days), end=d.end + timedelta(days=days))


def copy_mentions(mentions: list[Mention], r: int, places: Places) -> list[Mention]:
    """Copy ``r`` of the corpus (0 is the corpus itself): other places, other weeks, new ids."""
    if r == 0:
        return list(mentions)
    rng = random.Random(r)
    days = 7 * rng.randint(-260, 260)
    country_map: dict[str, str] = {}
    admin_map: dict[str, str] = {}
    town_map: dict[str, object] = {}

    def country(c: str) -> str:
        if c not in country_map:
            country_map[c] = rng.choice(places.countries)
        return country_map[c]

    def province(code: str | None, c: str) -> str:
        key = f"{c}/{code}"
        if key not in admin_map:
            admin_map[key] = rng.choice(sorted(places.towns[country(c)]))
        return admin_map[key]

    def move(p: Place | None) -> Place | None:
        if p is None or p.country is None:
            return p
        c = country(p.country)
        if p.precision is Precision.COUNTRY or (p.admin1_code is None and p.precision is not Precision.POINT):
            e = places.gazetteer.country(c)
            return replace(p, name=e.name if e else c, country=c, admin1=None, admin1_code=None,
                           geonames_id=e.geonames_id if e else None)
        code = province(p.admin1_code, p.country)
        if p.precision is Precision.POINT and p.lat is not None:
            key = f"{p.country}/{p.name}"
            if key not in town_map:
                town_map[key] = rng.choice(places.towns[c][code])
            e = town_map[key]
            return replace(p, name=e.name, country=c, admin1=e.admin1, admin1_code=code, lat=e.lat, lon=e.lon,
                           geonames_id=e.geonames_id)
        a = places.gazetteer.admin1(code)
        return replace(p, name=a.name if a else code, country=c, admin1=a.name if a else None, admin1_code=code,
                       lat=a.lat if a else None, lon=a.lon if a else None, geonames_id=a.geonames_id if a else None)

    out = []
    for m in mentions:
        aid = f"{m.article_id}~{r}"
        out.append(replace(m, article_id=aid, date=_shift(m.date, days), location=move(m.location),
                           provenance=replace(m.provenance, article_id=aid) if m.provenance else None))
    return out


def synthetic(mentions: list[Mention], n: int, places: Places) -> list[Mention]:
    """The first ``n`` mentions in date order of as many copies as it takes."""
    out: list[Mention] = []
    r = 0
    while len(out) < n:
        out.extend(sorted(copy_mentions(mentions, r, places),
                          key=lambda m: (str(m.date.start) if m.date else "", m.mention_id)))
        r += 1
    return out[:n]


def timed(fn, *args, **kw) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn(*args, **kw)
    return time.perf_counter() - t0, result


def store_times(mentions: list[Mention], published: dict, sources: dict) -> tuple[float, float, int]:
    """merge_store on a fresh store, then after adding the last tenth of the articles."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    ids = list(by_article)
    cut = len(ids) - max(1, len(ids) // 10)

    def article(aid: str) -> Article:
        base = aid.split("~")[0]
        return Article(id=aid, text="", published=published.get(base), source=sources.get(base), content_hash=aid)

    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "full.duckdb") as store:
            store.add_article_results([(article(a), by_article[a]) for a in ids])
            full_s, events = timed(merge_store, store)
        with Store.open(Path(tmp) / "incr.duckdb") as store:
            store.add_article_results([(article(a), by_article[a]) for a in ids[:cut]])
            merge_store(store)
            store.add_article_results([(article(a), by_article[a]) for a in ids[cut:]])
            incr_s, _ = timed(merge_store, store)
    return full_s, incr_s, len(ids) - cut


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cache", type=Path, default=ROOT / "out" / "bench-cache")
    ap.add_argument("--reuse-cache", action="store_true",
                    help="use the latest cached extraction even if the extraction code changed since")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--store-sizes", default="1000,10000")
    ap.add_argument("--max-seconds", type=float, default=60.0,
                    help="skip the next size when one takes longer than this")
    args = ap.parse_args()
    fakes_csv = args.shared / "data" / "fakes" / "FA-KES-Dataset.csv"
    fakes = [a for a in read_inputs([fakes_csv], columns={**FAKES_COLUMNS, "source": "source", "published": "date"})
             if isinstance(a, Article)]
    sources = {a.id: a.source for a in fakes}
    real, published = extracted("fakes", fakes, args.cache, reuse=args.reuse_cache)
    places = Places(Gazetteer.load())
    print(f"{len(real)} FA-KES mentions; {len(places.countries)} countries to copy them to", flush=True)
    pub = {}
    prev = None
    for n in (int(x) for x in args.sizes.split(",")):
        ms = synthetic(real, n, places)
        for m in ms:
            base = m.article_id.split("~")[0]
            pub[m.article_id] = published.get(base)
        src = {m.article_id: sources.get(m.article_id.split("~")[0]) for m in ms}
        secs, events = timed(merge_events, ms, published=pub, sources=src)
        growth = f"{secs / prev[1]:5.1f}x for {n / prev[0]:.0f}x mentions" if prev else ""
        print(f"merge_events {n:>7} mentions: {secs:8.2f}s  {secs / n * 1e6:7.0f} us/mention  "
              f"{len(events):>6} events  {growth}", flush=True)
        if str(n) in args.store_sizes.split(","):
            full_s, incr_s, added = store_times(ms, published, sources)
            print(f"merge_store  {n:>7} mentions: {full_s:8.2f}s full ({full_s / n * 1e6:.0f} us/mention), "
                  f"{incr_s:.2f}s incremental after adding {added} articles", flush=True)
        prev = (n, secs)
        if secs > args.max_seconds:
            print(f"stopping: {n} mentions took over {args.max_seconds:.0f}s", file=sys.stderr)
            break


if __name__ == "__main__":
    main()
