"""Soak test of `eventsift watch`: many polling cycles against a local news site that misbehaves.

    python bench/watch_soak.py [--cycles 200] [--failure-rate 0.15] [--seed 7]

A news site on 127.0.0.1 publishes 0-3 new articles per cycle across three RSS feeds,
an Atom feed and a sitemap; feeds list only their latest 15 items, so an article whose
page fails must be retried from the watcher's own memory, not from the feed. About one
article in eight re-publishes an earlier text under a new address, about one in seven
reports an earlier incident again with a higher toll, and some are listed in two feeds
(one with tracking parameters). Every request but robots.txt fails at
``--failure-rate`` with 503, 500, 429, a dropped connection, a slow answer (past the
timeout) or, for feeds, a truncated body. Half way, the watcher is stopped and started
again on the same store. After the cycles, failures are switched off and the watcher
runs until nothing is pending.

Prints: articles published / stored / recorded as copies / lost, texts stored twice,
articles that went through the pipeline (each exactly once), alerts and repeated
alerts, webhook posts, the failures injected and seen, resident memory at cycles 1, 10,
50, 100, 150 and the last (``--trace`` adds where the Python heap grew), and time per
cycle. Exits 1 if anything was processed twice, stored twice, lost, or alerted twice.
"""
from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "watch"))

from newssite import Chaos, NewsSite  # noqa: E402

from eventsift.pipeline import Settings, load  # noqa: E402
from eventsift.store import Store  # noqa: E402
from eventsift.watch import FetchSettings, Rule, Source, WatchConfig, Watcher  # noqa: E402
from eventsift.watch.feeds import canonical_url  # noqa: E402
from eventsift.watch.fetch import Fetcher  # noqa: E402

TOWNS = ["Douma", "Idlib", "Aleppo", "Raqqa", "Homs", "Deir ez-Zor", "Kandahar", "Mosul", "Kirkuk", "Donetsk",
         "Kharkiv", "Mogadishu", "Gao", "Maiduguri", "Benghazi", "Sanaa", "Taiz", "Goma"]
TEMPLATES = [
    "Government shelling killed {n} civilians in {town} on {day}, activists said.",
    "An air strike killed {n} people in {town} on {day}, rescue workers said.",
    "A roadside bomb killed {n} soldiers near {town} on {day}, officials said.",
    "Gunmen abducted {n} aid workers near {town} on {day}, the United Nations said.",
    "Police arrested {n} protesters in {town} on {day}, witnesses said.",
    "Clashes between the army and rebels killed {n} fighters outside {town} on {day}, a monitor said.",
]
FOLLOW = ["Residents said the area had been quiet for weeks.", "Hospitals in the area were overwhelmed.",
          "No group claimed responsibility.", "The reports could not be independently verified."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FEEDS = ["/world.xml", "/mideast.xml", "/africa.xml", "/atom.xml", "/sitemap.xml"]
RULES = (Rule(name="deadly", min_fatalities=5), Rule(name="syria", country=("SY",), updates=True))


def rss_kb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024


class Newsroom:
    """Publishes articles to the site and keeps the feeds current."""

    def __init__(self, site: NewsSite, rng: random.Random) -> None:
        self.site, self.rng = site, rng
        self.listed: dict[str, list[str]] = {f: [] for f in FEEDS}
        self.texts: list[str] = []
        self.incidents: list[tuple[str, str, int, str]] = []  # (template, town, toll, day) reported so far
        self.urls: list[str] = []  # every article address published
        self.dup_urls = 0

    def publish(self) -> None:
        for _ in range(self.rng.choice([0, 1, 1, 2, 2, 3])):
            k = len(self.urls)
            if self.texts and self.rng.random() < 0.125:
                text = self.rng.choice(self.texts)  # the same wire story under another address
                self.dup_urls += 1
            else:
                if self.incidents and self.rng.random() < 0.15:  # another outlet, a higher toll
                    tpl, town, n, day = self.rng.choice(self.incidents)
                    n += self.rng.randint(1, 5)
                else:
                    tpl, town, n, day = (self.rng.choice(TEMPLATES), self.rng.choice(TOWNS), self.rng.randint(2, 40),
                                         self.rng.choice(DAYS))
                self.incidents.append((tpl, town, n, day))
                text = tpl.format(n=n, town=town, day=day) + " " + self.rng.choice(FOLLOW) + f" Dispatch {k}."
                self.texts.append(text)
            path = f"/news/{k}"
            self.site.article(path, text, published=date(2024, 3, 12))
            self.urls.append(self.site.url(path))
            feeds = self.rng.sample(FEEDS, self.rng.choice([1, 1, 2]))
            for i, f in enumerate(feeds):
                self.listed[f].insert(0, path + ("?utm_source=feed" if i else ""))
                del self.listed[f][15:]
        self.site.rss("/world.xml", self.listed["/world.xml"])
        self.site.rss("/mideast.xml", self.listed["/mideast.xml"])
        self.site.rss("/africa.xml", self.listed["/africa.xml"])
        self.site.atom("/atom.xml", self.listed["/atom.xml"])
        self.site.sitemap("/sitemap.xml", self.listed["/sitemap.xml"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cycles", type=int, default=200)
    ap.add_argument("--failure-rate", type=float, default=0.15)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--trace", action="store_true", help="also show where Python memory grew (tracemalloc; slower)")
    args = ap.parse_args()

    logging.basicConfig(level=logging.ERROR)  # the watcher's per-failure warnings would drown the figures
    rng = random.Random(args.seed)
    fetch = FetchSettings(timeout=0.5, retries=1, backoff=0.01, backoff_max=0.2, host_delay=0.0, max_attempts=12)
    t0 = time.perf_counter()
    loaded = load(Settings())
    load_s = time.perf_counter() - t0
    snapshots = []
    if args.trace:
        tracemalloc.start(8)
    with tempfile.TemporaryDirectory() as tmp, NewsSite() as site:
        site.chaos = Chaos(rate=args.failure_rate, seed=args.seed, slow=0.8)  # slower than the timeout
        room = Newsroom(site, rng)
        room.publish()
        sources = tuple(Source(url=site.url(f), interval=0.0, name=f"Desk {f[1:-4]}") for f in FEEDS)
        cfg = WatchConfig(sources=sources, rules=RULES, fetch=fetch, alert_log=Path(tmp) / "alerts.jsonl",
                          webhook=site.url("/hook"))
        db = Path(tmp) / "soak.duckdb"
        memory: dict[int, float] = {}
        totals: Counter[str] = Counter()
        cycle_s: list[float] = []

        def run(cycles: range, *, drain: bool = False) -> None:
            with Store.open(db) as store, Fetcher(cfg.fetch) as fetcher:
                w = Watcher(cfg, store=store, loaded=loaded, fetcher=fetcher)
                for c in cycles:
                    if not drain:
                        room.publish()
                    t = time.perf_counter()
                    r = w.cycle()
                    cycle_s.append(time.perf_counter() - t)
                    with site.lock:
                        site.hits.clear()  # the server's request log is for tests; here it would only grow
                    totals.update(articles=r.articles, duplicates=r.duplicates, alerts=len(r.alerts),
                                  source_errors=len(r.source_errors), page_errors=len(r.page_errors))
                    if c in (1, 10, 50, 100, 150, args.cycles):
                        gc.collect()
                        memory[c] = rss_kb()
                        if args.trace and c in (50, args.cycles):
                            snapshots.append(tracemalloc.take_snapshot())
                    if drain:
                        if c > args.cycles + 1 and not w.state.url_counts().get("failed"):
                            break
                        time.sleep(fetch.backoff_max)  # let every paused source and page come due
                totals["requests"] += fetcher.stats["requests"]
                totals["retries"] += fetcher.stats["retries"]

        half = args.cycles // 2
        run(range(1, half + 1))
        run(range(half + 1, args.cycles + 1))  # a restart half way
        injected = dict(site.chaos.injected)
        site.chaos = Chaos(rate=0.0)
        for path in FEEDS:  # a fresh poll of every feed, failures off
            site.routes[path].fail.clear()
        run(range(args.cycles + 1, args.cycles + 11), drain=True)

        db_mib = db.stat().st_size / 1024 / 1024
        with Store.open(db, read_only=True) as store:
            articles = store.articles()
            copies = store.copies()
            marks = {r["url"]: r["status"] for r in store.query("SELECT url, status FROM watch_urls")}
        published = [canonical_url(u) for u in room.urls]
        lost = [u for u in published if marks.get(u) not in ("done", "duplicate")]
        hashes = Counter(a.content_hash for a in articles)
        twice = sum(1 for n in hashes.values() if n > 1)
        served_twice = sum(1 for p, n in site.served.items() if p.startswith("/news/") and n > 1)
        alerts = [json.loads(x) for x in (Path(tmp) / "alerts.jsonl").read_text().splitlines()] \
            if (Path(tmp) / "alerts.jsonl").exists() else []
        seen: set[tuple[str, str]] = set()
        repeated = 0
        for a in alerts:
            if a["kind"] != "new":
                continue
            mids = {(a["rule"], m["mention_id"]) for m in a["event"]["mentions"]}
            repeated += bool(mids & seen)
            seen |= mids
        hook_ids = [json.loads(b)["alert_id"] for p, b in site.posts if p == "/hook"]
        hooks = f"{len(set(hook_ids))} distinct" + (f" ({len(hook_ids) - len(set(hook_ids))} resent after a timeout)"
                                                    if len(hook_ids) > len(set(hook_ids)) else "")

    processed = totals["articles"]  # articles that went through the pipeline, summed over cycles
    ok = (not lost and not twice and processed == len(articles) and repeated == 0
          and set(hook_ids) == {a["alert_id"] for a in alerts} and len(set(hook_ids)) == len(alerts))
    mem = " ".join(f"c{c}={kb / 1024:.1f}" for c, kb in sorted(memory.items()))
    first, last = memory.get(10) or memory[min(memory)], memory[max(memory)]
    print(f"cycles                 {args.cycles} (+ drain), restart after cycle {half}, "
          f"failure rate {args.failure_rate}")
    print(f"articles published     {len(room.urls)} addresses, {len(room.texts)} distinct texts, "
          f"{room.dup_urls} re-published under another address")
    print(f"stored                 {len(articles)} articles, {len(copies)} copies; "
          f"lost {len(lost)}; texts stored twice {twice}")
    print(f"processed              {processed} articles through the pipeline "
          f"(once each: {processed == len(articles)}); pages downloaded twice {served_twice} (answers that arrived after the client's timeout)")
    print(f"alerts                 {len(alerts)} ({sum(a['kind'] == 'new' for a in alerts)} new, "
          f"{sum(a['kind'] == 'update' for a in alerts)} update), webhook posts {hooks}, "
          f"repeated new alerts {repeated}")
    print(f"failures injected      {sum(injected.values())}: " + ", ".join(f"{k} {v}" for k, v in sorted(
        injected.items(), key=lambda kv: str(kv[0]))))
    print(f"watcher saw            {totals['source_errors']} source errors, {totals['page_errors']} page errors, "
          f"{totals['requests']} requests, {totals['retries']} in-fetch retries")
    print(f"memory (RSS, MiB)      {mem}; growth cycle 10 -> {max(memory)}: {(last - first) / 1024:+.1f} MiB "
          f"(store file {db_mib:.1f} MiB)")
    cycle_s.sort()
    print(f"time                   model load {load_s:.1f}s; per cycle median {cycle_s[len(cycle_s) // 2]:.3f}s, "
          f"p95 {cycle_s[int(len(cycle_s) * 0.95)]:.3f}s, total {sum(cycle_s):.1f}s")
    if len(snapshots) == 2:
        diff = snapshots[1].compare_to(snapshots[0], "filename")
        print(f"python heap growth     cycle 50 -> {args.cycles}: "
              f"{sum(d.size_diff for d in diff) / 1024 / 1024:+.1f} MiB; largest:")
        for d in diff[:8]:
            print(f"    {d.size_diff / 1024:+9.0f} KiB  {d.traceback[0].filename}")
    print("result                 " + ("OK: no duplicates, nothing lost" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
