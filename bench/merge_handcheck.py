"""Samples of a store's merge decisions, printed for a person to judge by reading.

    python bench/merge_handcheck.py --db events.duckdb [--n 20] [--seed 5]

1. Merged: ``n`` events, drawn at random, whose mentions come from two or more
   articles. Is each one real incident?
2. Not merged: ``n`` pairs of mentions from different articles that sit in different
   events although they name places in the same province (admin1 code) and their date
   spans overlap. Should any of them have been one event?

Each mention prints with its article's title, publication date and source, the date,
place, perpetrator and toll it was read with, and its evidence sentence. The draw
depends only on the seed and the store, so a second reader sees the same samples.
"""
from __future__ import annotations

import argparse
import random
from collections import Counter
from itertools import combinations
from pathlib import Path

from eventsift.model import Event, Mention
from eventsift.store import Store


def _span(m: Mention) -> str:
    if m.date is None:
        return "no date"
    d = m.date.start.isoformat() if m.date.start == m.date.end else f"{m.date.start}..{m.date.end}"
    return d + (f' ("{m.date.text}")' if m.date.text else " (publication date)")


def show(m: Mention, titles: dict[str, str | None], meta: dict) -> str:
    published, source = meta.get(m.article_id, (None, None))
    place = m.location
    where = f"{place.name} [{place.precision}, {place.admin1_code or place.country}]" if place else "no place"
    who = m.actor1.name if m.actor1 else "-"
    toll = f", {m.fatalities} killed" if m.fatalities is not None else ""
    return (f"  - article {m.article_id} ({source}, published {published}): {titles.get(m.article_id)!r}\n"
            f"    {m.sub_event_type} | {_span(m)} | {where} | {who}{toll}\n"
            f"    \"{m.evidence.sentence.strip()}\"")


def overlap(a: Mention, b: Mention) -> bool:
    return a.date is not None and b.date is not None and a.date.start <= b.date.end and b.date.start <= a.date.end


def unmerged_pairs(events: list[Event], *, max_span: int | None = None) -> list[tuple[Mention, Mention]]:
    """Pairs from different articles and events, same admin1 code, overlapping dates
    (with ``max_span``: only dates the articles state, at most that many days long)."""
    owner = {m.mention_id: e.event_id for e in events for m in e.mentions}
    by_code: dict[str, list[Mention]] = {}
    for e in events:
        for m in e.mentions:
            short = max_span is None or (m.date and m.date.text and (m.date.end - m.date.start).days < max_span)
            if m.location and m.location.admin1_code and m.date and short:
                by_code.setdefault(m.location.admin1_code, []).append(m)
    pairs = []
    for code in sorted(by_code):
        ms = sorted(by_code[code], key=lambda m: m.mention_id)
        for a, b in combinations(ms, 2):
            if a.article_id != b.article_id and owner[a.mention_id] != owner[b.mention_id] and overlap(a, b):
                pairs.append((a, b))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--max-span", type=int, default=None,
                    help="unmerged pairs only between stated dates at most this many days long (3: a sharper "
                         "sample than the default, which long spans such as 'since 2012' dominate)")
    args = ap.parse_args()
    with Store.open(args.db, read_only=True) as store:
        events = store.events()
        meta = store.article_meta()
        titles = {a.id: a.title for a in store.articles()}
    mentions = sum(len(e.mentions) for e in events)
    articles = Counter(len({m.article_id for m in e.mentions}) for e in events)
    multi = [e for e in events if len({m.article_id for m in e.mentions}) > 1]
    print(f"{len(events)} events from {mentions} mentions; {len(multi)} events from 2+ articles, "
          f"{sum(1 for e in events if len(e.sources) > 1)} from 2+ sources; articles per event: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(articles.items())))
    rng = random.Random(args.seed)
    print(f"\n== {args.n} merged events from 2+ articles (seed {args.seed}) ==")
    for i, e in enumerate(rng.sample(sorted(multi, key=lambda e: e.event_id), min(args.n, len(multi))), 1):
        print(f"\n[M{i}] {e.event_id} {e.sub_event_type} {e.date.start if e.date else None} "
              f"{e.location.name if e.location else None} sources={len(e.sources)}")
        for m in e.mentions:
            print(show(m, titles, meta))
    pairs = unmerged_pairs(events, max_span=args.max_span)
    span = f", stated dates under {args.max_span} days" if args.max_span else ""
    print(f"\n== {args.n} of {len(pairs)} unmerged pairs: same admin1, overlapping dates{span} (seed {args.seed}) ==")
    for i, (a, b) in enumerate(rng.sample(pairs, min(args.n, len(pairs))), 1):
        print(f"\n[U{i}]")
        print(show(a, titles, meta))
        print(show(b, titles, meta))


if __name__ == "__main__":
    main()
