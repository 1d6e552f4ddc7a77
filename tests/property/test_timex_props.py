"""timex never raises on arbitrary text, and what it returns is well formed."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from eventsift.timex import find_times, normalize_time, parse_date_value, read_dateline

WORDS = st.sampled_from([
    "on", "Tuesday", "last", "Friday's", "week", "month", "the", "past", "four", "days", "ago",
    "since", "in", "2014", "March", "Nov.", "17", "31", "2015", ",", "yesterday", "[", "]", "-",
    "12/31/2019", "2019-02-30", "of", "early", "24", "hours", "this", "year", "killed", "Feb", "29",
])
TEXT = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=25).map(" ".join))
ANCHOR = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))


@settings(max_examples=150, deadline=None)
@given(TEXT, ANCHOR)
def test_timex_find_times_is_well_formed(text, anchor):
    last_end = 0
    for ref in find_times(text, anchor=anchor):
        assert 0 <= ref.start < ref.end <= len(text)
        assert text[ref.start:ref.end] == ref.text
        assert ref.start >= last_end  # sorted, non-overlapping
        last_end = ref.end
        if ref.span is not None:
            assert ref.span.start <= ref.span.end


@settings(max_examples=100, deadline=None)
@given(TEXT, ANCHOR)
def test_timex_readers_never_raise(text, anchor):
    got = read_dateline(text, anchor=anchor)
    assert got is None or isinstance(got, date)
    got = parse_date_value(text)
    assert got is None or isinstance(got, date)


@settings(max_examples=150, deadline=None)
@given(TEXT, ANCHOR)
def test_timex_normalize_time_range_is_ordered(text, anchor):
    span = normalize_time(text, anchor=anchor)
    if span is not None:
        assert span.start <= span.end
        if anchor is not None and span.text and not any(c.isdigit() for c in span.text):
            # Relative expressions ("last Friday", "last year") land within two years of the anchor.
            assert abs((span.start - anchor).days) <= 731 and abs((span.end - anchor).days) <= 731
