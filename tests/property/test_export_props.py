"""Exported files always parse, whatever the text in the records (strict JSON: no NaN)."""
from __future__ import annotations

import csv
import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings, strategies as st

from eventsift.export import write_csv, write_geojson, write_jsonl
from eventsift.model import (Actor, ActorKind, Evidence, EventType, Mention, Place, Precision, SubEventType,
                             TimeSpan)
from eventsift.numbers import find_quantities
from eventsift.serialize import mention_from_dict

TXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
QUANT_TEXT = st.lists(st.sampled_from(["12", "1e999", "$3", "million", "40%", "1,200", "tons", "km", "of",
                                       "rockets", "nan", "inf", "0.5", "billion", "dollars"]),
                      max_size=8).map(" ".join)


def strict(s: str):
    def refuse(c):
        raise ValueError(f"not JSON: {c}")
    return json.loads(s, parse_constant=refuse)


@st.composite
def mentions(draw):
    sentence = draw(TXT)
    qtext = draw(QUANT_TEXT)
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
    return Mention(
        article_id=draw(TXT) or "a", event_type=EventType.BATTLES, sub_event_type=SubEventType.ARMED_CLASH,
        evidence=Evidence(sentence=sentence + " " + qtext, start=0, end=len(sentence) + 1 + len(qtext)),
        trigger=draw(TXT), date=TimeSpan(start=day, end=day, text=draw(TXT)),
        location=draw(st.one_of(st.none(), st.builds(
            Place, name=TXT, country=st.sampled_from([None, "SY", "IQ"]), admin1=st.one_of(st.none(), TXT),
            lat=st.one_of(st.none(), st.floats(-90, 90)), lon=st.one_of(st.none(), st.floats(-180, 180)),
            precision=st.sampled_from(list(Precision))))),
        actor1=draw(st.one_of(st.none(), st.builds(Actor, name=TXT, kind=st.sampled_from(list(ActorKind))))),
        fatalities=draw(st.one_of(st.none(), st.integers(0, 10**6))),
        quantities=tuple(find_quantities(qtext)), weapons=tuple(draw(st.lists(TXT, max_size=3))),
        attributed_to=draw(st.one_of(st.none(), TXT)))


@settings(max_examples=150, deadline=None)
@given(st.lists(mentions(), min_size=1, max_size=4))
def test_export_props_files_always_parse(ms):
    records = [(m, f"ev-{i}") for i, m in enumerate(ms)]
    with tempfile.TemporaryDirectory() as d:
        out = Path(d)
        assert write_jsonl(records, out / "m.jsonl") == len(ms)
        with (out / "m.jsonl").open(encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")[:-1]  # JSON Lines: records end at \n and only there
        assert len(lines) == len(ms)
        for line, m in zip(lines, ms):
            back = mention_from_dict(strict(line))
            assert back.evidence == m.evidence and back.location == m.location and back.actor1 == m.actor1
        write_geojson(records, out / "m.geojson")
        gj = strict((out / "m.geojson").read_text(encoding="utf-8"))
        assert len(gj["features"]) == len(ms)
        write_csv(records, out / "m.csv")
        with (out / "m.csv").open(encoding="utf-8", newline="") as f:
            assert len(list(csv.DictReader(f))) == len(ms)
