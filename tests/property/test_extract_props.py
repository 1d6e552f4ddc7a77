"""The whole text stage on generated articles: no exception, and every mention's evidence
offsets lie inside the article and cut out exactly its sentence."""
from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from eventsift.serialize import mention_to_dict

pytestmark = pytest.mark.slow

WORDS = st.sampled_from([
    "Russian", "warplanes", "struck", "Raqqa", "on", "Tuesday", ",", "killing", "12", "civilians", ".",
    "Gunmen", "attacked", "a", "checkpoint", "near", "Deir", "ez-Zor", "wounding", "dozens", "of", "soldiers",
    "the", "Syrian", "Observatory", "said", "\n", "\n\n", "at", "least", "1,200", "people", "were", "killed",
    "in", "airstrikes", "last", "month", "protesters", "rallied", "Aleppo", "police", "fired", "tear", "gas",
    "Islamic", "State", "claimed", "responsibility", "\u2028", "«", "»", "—", "“", "”", "Mosul", "(", ")",
])
TEXT = st.one_of(st.lists(WORDS, min_size=1, max_size=80).map(" ".join),
                 st.text(min_size=1, max_size=300))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1))))
def test_extract_props_offsets_inside_text(extract, text, published):
    for m in extract(text, published=published):
        ev = m.evidence
        assert 0 <= ev.start < ev.end <= len(text)
        assert text[ev.start:ev.end] == ev.sentence
        if m.date is not None:
            assert m.date.start <= m.date.end
        assert m.fatalities is None or m.fatalities >= 0
        json.loads(json.dumps(mention_to_dict(m), ensure_ascii=False))
