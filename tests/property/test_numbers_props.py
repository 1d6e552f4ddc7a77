"""numbers never raises on arbitrary text, and spans point into the sentence."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from eventsift.numbers import find_casualties, find_quantities, parse_number

WORDS = st.sampled_from([
    "killed", "killing", "wounded", "at", "least", "12", "1,200", "people", "soldiers", "and",
    "were", "twenty-five", "dozens", "of", "death", "toll", "rose", "to", "airstrikes", "cruise",
    "missiles", "Su-24", "$3", "million", "40%", "a", "an", "no", "one", "between", "-", ",", ".",
    "others", "left", "dead", "lives", "lost", "the", "2015", "hundred", "Article", "51",
])
TEXT = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=25).map(" ".join))


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_numbers_casualties_well_formed(text):
    c = find_casualties(text)
    for count, high, span in ((c.killed, c.killed_max, c.killed_text), (c.injured, c.injured_max, c.injured_text)):
        assert (count is None) == (span is None)
        if span is not None:
            assert 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text
            assert count >= 0 and (high is None or high > count)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_numbers_quantities_well_formed(text):
    for q in find_quantities(text):
        assert q.text in text and q.unit and q.value >= 0


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_numbers_parse_number_total(text):
    got = parse_number(text)
    assert got is None or (isinstance(got, int) and got >= 0)
