"""Geoparsing and event-location figures on the public gold corpora.

    .venv/bin/python bench/geo_eval.py resolve  [--split dev|test|all] [--corpus lgl ...]
    .venv/bin/python bench/geo_eval.py find     [--split ...]   # toponym P/R/F1, no gold spans
    .venv/bin/python bench/geo_eval.py eventloc [--split dev|test]

Data is read by path (``--data``, default ../shared/data). Splits: in each geoparsing
corpus the articles at even positions (0, 2, 4, ...) are dev and those at odd positions
are test; for event_location, the 496 hand-relabelled records (source RELABEL) are test
and the other accepted records are dev. Tune on dev, report test.

``resolve`` writes predictions with ``eventsift geoparse``'s own code, then scores them
with the independent scorer (``--scorer``, default ../shared/tools/score_geo.py) on a
split copy of the corpus, and adds mean error and AUC (Gritta et al. 2018: area under
the curve of log(1 + error km) / log(20039), lower is better).
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from eventsift.geo import Gazetteer
from eventsift.geo.corpus import read_corpus
from eventsift.geo.geoparse import find_toponyms, geoparse

CORPORA = {"lgl": "geoparsing/lgl.xml", "trnews": "geoparsing/TR-News.xml", "gwn": "geoparsing/GeoWebNews_GWN.xml"}
MORDECAI3 = {"lgl": 0.827, "trnews": 0.873, "gwn": 0.941}  # published acc@161km (Halterman 2023)
EARTH_HALF = 20038.0


def km(a: float, b: float, c: float, d: float) -> float:
    p = math.pi / 180
    x = 0.5 - math.cos((c - a) * p) / 2 + math.cos(a * p) * math.cos(c * p) * (1 - math.cos((d - b) * p)) / 2
    return 12742 * math.asin(math.sqrt(max(0.0, x)))


def in_split(n: int, split: str) -> bool:
    return split == "all" or (n % 2 == 0) == (split == "dev")


def split_xml(src: Path, split: str, dest: Path) -> None:
    tree = ET.parse(src)
    root = tree.getroot()
    for n, art in enumerate(list(root.findall("article"))):
        if not in_split(n, split):
            root.remove(art)
    tree.write(dest, encoding="utf-8")


def resolve_cmd(args: argparse.Namespace, gaz: Gazetteer) -> None:
    for name in args.corpus:
        path = args.data / CORPORA[name]
        t0 = time.perf_counter()
        errs, rows, misses, gid_errs = [], [], [], []
        for n, doc in enumerate(read_corpus(path)):
            if not in_split(n, args.split):
                continue
            gold = [t for t in doc.toponyms if t.lat is not None]
            placed = geoparse(doc.text, [(t.start, t.end) for t in gold], gazetteer=gaz,
                              names=[t.text for t in gold])
            for g, t in zip(gold, placed):
                p = t.place
                if p is not None and p.lat is not None:
                    rows.append({"doc": doc.id, "start": t.start, "end": t.end, "lat": p.lat, "lon": p.lon,
                                 "geonames_id": p.geonames_id})
                if g.lat is None:
                    continue
                e = km(g.lat, g.lon, p.lat, p.lon) if p is not None and p.lat is not None else EARTH_HALF
                errs.append(e)
                if g.geonames_id:
                    gid_errs.append(e)
                if e > 161:
                    misses.append((round(e), doc.id, g.text, p.name if p else None, p.country if p else None,
                                   t.how))
        with tempfile.TemporaryDirectory() as tmp:
            pred, gold = Path(tmp) / "pred.jsonl", Path(tmp) / "gold.xml"
            pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            split_xml(path, args.split, gold)
            scored = subprocess.run([sys.executable, str(args.scorer), str(gold), str(pred)], capture_output=True,
                                    text=True, check=True).stdout.strip()
        auc = statistics.fmean(math.log(1 + e) / math.log(EARTH_HALF) for e in errs)
        gid_acc = sum(e <= 161 for e in gid_errs) / max(len(gid_errs), 1)
        print(f"{name:7s} {args.split:4s} {scored} mean_km={statistics.fmean(errs):.0f} auc={auc:.3f} "
              f"acc@161km_geonames_only={gid_acc:.3f} (n={len(gid_errs)}) "
              f"(Mordecai 3 acc@161km {MORDECAI3[name]:.3f}) [{time.perf_counter() - t0:.0f}s]")
        if args.misses:
            for m in sorted(misses, reverse=True)[: args.misses]:
                print("   ", m)


def find_cmd(args: argparse.Namespace, gaz: Gazetteer) -> None:
    from eventsift.nlp import build_nlp

    nlp = build_nlp()
    for name in args.corpus:
        docs = [d for n, d in enumerate(read_corpus(args.data / CORPORA[name])) if in_split(n, args.split)]
        tp_exact = tp_over = n_pred = n_gold = placed_ok = 0
        for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=8)):
            pred = find_toponyms(parsed, gazetteer=gaz)
            gold = [(t.start, t.end, t) for t in doc.toponyms if t.lat is not None]
            n_pred += len(pred)
            n_gold += len(gold)
            pset = set(pred)
            tp_exact += sum((s, e) in pset for s, e, _ in gold)
            placed = geoparse(doc.text, pred, gazetteer=gaz)
            for s, e, g in gold:
                hit = next((t for t in placed if t.start < e and s < t.end), None)
                if hit is None:
                    continue
                tp_over += 1
                p = hit.place
                if p is not None and p.lat is not None and km(g.lat, g.lon, p.lat, p.lon) <= 161:
                    placed_ok += 1
        for label, tp in (("exact", tp_exact), ("overlap", tp_over)):
            prec, rec = tp / max(n_pred, 1), tp / max(n_gold, 1)
            f1 = 2 * prec * rec / max(prec + rec, 1e-9)
            print(f"{name:7s} {args.split:4s} {label:7s} P={prec:.3f} R={rec:.3f} F1={f1:.3f}")
        print(f"{name:7s} {args.split:4s} end-to-end acc@161km of gold toponyms={placed_ok / max(n_gold, 1):.3f}")


def eventloc_records(data: Path, split: str) -> list[dict]:
    with zipfile.ZipFile(data / "event_location" / "labeled_text.jsonl.zip") as z:
        name = next(n for n in z.namelist() if n.endswith("labeled_text.jsonl") and "MACOSX" not in n)
        records = json.loads(z.read(name))
    out = []
    for r in records:
        if r.get("answer") != "accept" or not any(s["label"] == "VERB" for s in r.get("spans", [])):
            continue
        if (r.get("source") == "RELABEL") == (split == "test"):
            out.append(r)
    return out


def _char_span(r: dict, s: dict) -> tuple[int, int]:
    """Some records give token indices where character offsets belong; the tokens
    (or the span's own text) put them right."""
    text, toks = r["text"], r.get("tokens", [])
    if s.get("text") and text[s["start"]:s["end"]] == s["text"]:
        return s["start"], s["end"]
    if 0 <= s.get("token_start", -1) <= s.get("token_end", -1) < len(toks):
        a, b = toks[s["token_start"]]["start"], toks[s["token_end"]]["end"]
        if not s.get("text") or text[a:b] == s["text"]:
            return a, b
    if s.get("text") and s["text"] in text:
        a = text.index(s["text"])
        return a, a + len(s["text"])
    return s["start"], s["end"]


def eventloc_cmd(args: argparse.Namespace, gaz: Gazetteer) -> None:
    from eventsift.geo.eventloc import event_location
    from eventsift.nlp import build_nlp

    nlp = build_nlp()
    recs = eventloc_records(args.data, args.split)
    if args.limit:
        recs = recs[: args.limit]
    right = has_gold = right_when_gold = predicted = pred_right = naive = 0
    wrong = []
    for r, doc in zip(recs, nlp.pipe((r["text"] for r in recs), batch_size=64)):
        verb = next(_char_span(r, s) for s in r["spans"] if s["label"] == "VERB")
        gold = [_char_span(r, s) for s in r["spans"] if s["label"] == "LOCATION"]
        span = event_location(doc, verb, gazetteer=gaz)
        ok = (span is None and not gold) or (span is not None and any(s < span[1] and span[0] < e for s, e in gold))
        first = next(((e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")), None)
        naive += (first is None and not gold) or (first is not None and any(s < first[1] and first[0] < e
                                                                            for s, e in gold))
        right += ok
        if gold:
            has_gold += 1
            right_when_gold += ok
        if span is not None:
            predicted += 1
            pred_right += ok
        if not ok:
            wrong.append((r["text"], [r["text"][s:e] for s, e in gold], r["text"][span[0]:span[1]] if span else None,
                          r["text"][verb[0]:verb[1]]))
    n = len(recs)
    prec, rec = pred_right / max(predicted, 1), right_when_gold / max(has_gold, 1)
    print(f"event_location {args.split}: records={n} accuracy={right / n:.3f} "
          f"(with a gold place: {right_when_gold}/{has_gold}={rec:.3f}; precision of picks={prec:.3f}, "
          f"F1={2 * prec * rec / max(prec + rec, 1e-9):.3f}); first place named: {naive / n:.3f}, "
          f"never a place: {sum(not any(s['label'] == 'LOCATION' for s in r['spans']) for r in recs) / n:.3f}")
    for w in wrong[: args.misses]:
        print("   ", w)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["resolve", "find", "eventloc"])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="test")
    ap.add_argument("--corpus", nargs="+", choices=list(CORPORA), default=list(CORPORA))
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--scorer", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_geo.py")
    ap.add_argument("--cache-dir", type=Path)
    ap.add_argument("--misses", type=int, default=0, help="print this many of the worst errors")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    gaz = Gazetteer.load(args.cache_dir)
    {"resolve": resolve_cmd, "find": find_cmd, "eventloc": eventloc_cmd}[args.what](args, gaz)


if __name__ == "__main__":
    main()
