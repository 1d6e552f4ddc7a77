"""A timed fuzz campaign over the ingest and text stages (run by hand, not in CI).

    nice python bench/fuzz_ingest.py --minutes 10 [--json fuzz.json] [--no-extract]

Round-robin over the targets below, each round a hypothesis run of ``--chunk`` inputs
with a fresh random seed, until the time is up. A target passes an input when nothing
but an ``IngestError`` (for the readers) escapes and its invariants hold. Failures are
shrunk by hypothesis and printed with the minimal input; the closing table gives the
inputs tried and the failures per target.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from eventsift.actors import ActorTable, normalize_actor
from eventsift.errors import IngestError
from eventsift.geo.normalize import demonym_country, fold, loose, skeleton, variants
from eventsift.ingest import LanguageDetector, content_hash, read_file, read_inputs
from eventsift.ingest.dedupe import fingerprint, is_copy
from eventsift.model import Article
from eventsift.numbers import find_casualties, find_quantities, parse_number, parse_range
from eventsift.timex import find_times, normalize_time, parse_date_value, read_dateline

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1256", "cp1252", "latin-1", "koi8-r",
             "shift_jis", "gb18030", "iso-8859-7", "euc-kr", "big5"]
PIECES = ['{"id": 1, "text": "a"}', '{"text": 5}', "[", "{}", "a,b\n1", '"x"\t"y"', "<html><p>hi</p>", "</p>",
          "Reply", "Comments (3)", "", "ok.", "[1,2]", '{"id": "\\ud800", "text": "x\\udfff"}', "<div>" * 400,
          "%PDF-1.4", "\x00", "id,text\n1,\"unterminated", "\ufeff", "\r\n", "<meta charset=cp1256>",
          '<html lang="ar">', "<![CDATA[", "<!--", "&#0;", "&#xD800;", "<script>", "\u2028", "[" * 5000,
          '{"id": "a", "text": "Jets struck Raqqa on Tuesday, killing 12 people.", "published": "2015-13-45"}',
          "Title\n\nGunmen attacked a checkpoint on Sunday, killing two soldiers, officials said."]
BYTES = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda t, enc: t.encode(enc, "ignore"), st.text(max_size=800), st.sampled_from(ENCODINGS)),
    st.lists(st.sampled_from(PIECES), max_size=12).map(lambda xs: "\n".join(xs).encode("utf-8")),
    st.builds(lambda xs, enc: "\n".join(xs).encode(enc, "ignore"), st.lists(st.sampled_from(PIECES), max_size=8),
              st.sampled_from(ENCODINGS)),
)
EXTS = [".txt", ".html", ".htm", ".json", ".jsonl", ".csv", ".tsv", ".xml", ".dat", ""]
WORDS = st.sampled_from([
    "on", "Tuesday", "last", "Friday's", "week", "month", "past", "four", "days", "ago", "since", "in", "2014",
    "March", "Nov.", "17", "31", "2015", ",", "yesterday", "[", "]", "-", "12/31/2019", "2019-02-30", "early",
    "24", "hours", "this", "year", "killed", "Feb", "29", "at", "least", "1,200", "people", "soldiers",
    "twenty-five", "dozens", "death", "toll", "rose", "to", "airstrikes", "Su-24", "$3", "million", "40%",
    "between", "and", "wounded", "Russian", "warplanes", "struck", "Raqqa", "Deir", "ez-Zor", "Ar-Raqqah",
    "Islamic", "State", "police", "rebels", "the", "U.S.", "Kurdish", "Hezbollah", "\n", "—", "«", "9999",
    "0", "-1", "1e9", "nine hundred", "hundreds", "overnight", "BEIRUT", "(Reuters)", "Jan", "1", "1970",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=60).map(" ".join))
ANCHOR = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
COUNTS: dict[str, int] = {}


def check_article(a: Article) -> None:
    assert a.id and a.text.strip() and "\r" not in a.text
    assert a.content_hash == content_hash(a.text)
    for value in (a.id, a.text, a.title or "", a.source or "", a.origin or "", a.url or ""):
        value.encode("utf-8")


def t_read_file(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"f{ext}"
        p.write_bytes(data)
        for item in read_file(p, max_bytes=1500):
            if isinstance(item, Article):
                check_article(item)
            else:
                assert isinstance(item, IngestError) and item.reason and "\n" not in item.reason


def t_read_tree(tree: list[tuple[str, str, bytes]], loop: bool) -> None:
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        for folder, name, data in tree:
            (root / folder).mkdir(parents=True, exist_ok=True)
            (root / folder / name).write_bytes(data)
        if loop:
            (root / "a").mkdir(exist_ok=True)
            (root / "a" / "up").symlink_to(root)
            (root / "self.txt").symlink_to("self.txt")
        for item in read_inputs([root, root / "nope"], languages=detector):
            if isinstance(item, Article):
                check_article(item)


def t_timex(text: str, anchor: date | None) -> None:
    last = 0
    for ref in find_times(text, anchor=anchor):
        assert 0 <= ref.start < ref.end <= len(text) and text[ref.start:ref.end] == ref.text
        assert ref.start >= last
        last = ref.end
        if ref.span is not None:
            assert ref.span.start <= ref.span.end
    span = normalize_time(text, anchor=anchor)
    assert span is None or span.start <= span.end
    read_dateline(text, anchor=anchor)
    parse_date_value(text)


def t_numbers(text: str) -> None:
    c = find_casualties(text)
    for count, high, span in ((c.killed, c.killed_max, c.killed_text), (c.injured, c.injured_max, c.injured_text)):
        assert (count is None) == (span is None)
        if span is not None:
            assert 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text
            assert count >= 0 and (high is None or high > count)
    for q in find_quantities(text):
        assert q.text in text and q.unit and q.value >= 0 and q.value == q.value
    n = parse_number(text)
    assert n is None or n >= 0
    r = parse_range(text)
    assert r is None or r[0] <= r[1]


def t_names(text: str, words: list[str], subject: bool) -> None:
    f = fold(text)
    assert fold(f) == f
    loose(text), skeleton(text), variants(text), demonym_country(text)
    got = normalize_actor(text, table=actors, country_words=tuple(words), head=words[0] if words else None,
                          subject=subject)
    assert got is None or got.name.strip()


def t_dedupe(a: str, b: str) -> None:
    assert isinstance(is_copy(a, b), bool)
    assert len(fingerprint(a)) == 256
    got = detector.detect(a)
    assert got is None or isinstance(got, str)


def t_extract(text: str, published: date | None) -> None:
    from eventsift.pipeline import process_batch

    art = Article(id="f", text=text, published=published)
    for m in process_batch([art], loaded)[0][1]:
        ev = m.evidence
        assert 0 <= ev.start < ev.end <= len(text) and text[ev.start:ev.end] == ev.sentence
        assert m.date is None or m.date.start <= m.date.end
        json.dumps(m.fatalities)


TREE = st.lists(st.tuples(st.sampled_from(["a", "b", "a/c", ".h"]),
                          st.sampled_from(["n.txt", "m.html", "r.jsonl", "s.csv", "z.pdf", "q"]), BYTES), max_size=6)
TARGETS: dict[str, tuple[Callable, tuple]] = {
    "ingest.read_file": (t_read_file, (BYTES, st.sampled_from(EXTS))),
    "ingest.read_inputs(tree)": (t_read_tree, (TREE, st.booleans())),
    "timex": (t_timex, (TEXT, ANCHOR)),
    "numbers": (t_numbers, (TEXT,)),
    "geo.normalize+actors": (t_names, (TEXT, st.lists(TEXT, max_size=3), st.booleans())),
    "dedupe+language": (t_dedupe, (TEXT, TEXT)),
    "extract(spaCy)": (t_extract, (TEXT, ANCHOR)),
}


def counted(name: str, fn: Callable) -> Callable:
    @functools.wraps(fn)  # hypothesis reads the target's own signature
    def run(*args, **kwargs):
        COUNTS[name] = COUNTS.get(name, 0) + 1
        fn(*args, **kwargs)
    return run


def main() -> int:
    global actors, detector, loaded
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--chunk", type=int, default=300, help="inputs per round per target")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    ap.add_argument("--no-extract", action="store_true", help="leave out the spaCy text stage")
    args = ap.parse_args()
    actors = ActorTable.load()
    detector = LanguageDetector.load()
    if args.no_extract:
        TARGETS.pop("extract(spaCy)")
    else:
        from eventsift.pipeline import Settings, load

        loaded = load(Settings())
    failures: dict[str, list[str]] = {name: [] for name in TARGETS}
    end = time.monotonic() + args.minutes * 60
    rounds = 0
    while time.monotonic() < end:
        rounds += 1
        for name, (fn, strategies) in TARGETS.items():
            if time.monotonic() >= end:
                break
            chunk = args.chunk // 10 if name.startswith(("extract", "ingest.read_inputs")) else args.chunk
            test = settings(max_examples=chunk, deadline=None, database=None, print_blob=True,
                            suppress_health_check=list(HealthCheck))(given(*strategies)(counted(name, fn)))
            try:
                test()
            except Exception as exc:  # noqa: BLE001 - a fuzz finding: record it, go on fuzzing
                msg = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                if msg not in failures[name]:
                    failures[name].append(msg)
                    print(f"FAIL {name}: {msg}\n{traceback.format_exc()}", file=sys.stderr)
    figures = {"minutes": args.minutes, "rounds": rounds, "python": sys.version.split()[0],
               "targets": {n: {"inputs": COUNTS.get(n, 0), "failures": failures[n]} for n in TARGETS},
               "total_inputs": sum(COUNTS.values()), "total_failures": sum(len(f) for f in failures.values())}
    width = max(len(n) for n in TARGETS)
    for n, f in figures["targets"].items():
        print(f"{n:<{width}}  {f['inputs']:>9,} inputs  {len(f['failures'])} failures")
    print(f"{'total':<{width}}  {figures['total_inputs']:>9,} inputs  {figures['total_failures']} failures "
          f"in {args.minutes:g} min ({rounds} rounds)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 1 if figures["total_failures"] else 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
