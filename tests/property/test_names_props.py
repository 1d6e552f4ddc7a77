"""Name normalisers on arbitrary text: no exception, and stable normal forms."""
from __future__ import annotations

from functools import cache

from hypothesis import given, settings, strategies as st

from eventsift.actors import ActorTable, normalize_actor
from eventsift.geo.normalize import demonym_country, fold, is_demonym, loose, skeleton, variants
from eventsift.model import Actor

NAMES = st.sampled_from(["Raqqa", "Ar-Raqqah", "Deir ez-Zor", "Dayr ‘Aţīyah", "al-", "Ḩ", "'", "-", " ", "Île",
                         "Russian", "Syrian", "army", "forces", "warplanes", "ISIS", "Islamic State", "the", "U.S.",
                         "police", "rebels", "Hezbollah", "ﻻ", "ß", "İ", "\u0301", "0", "Moscow", "Kurdish"])
TEXT = st.one_of(st.text(max_size=60), st.lists(NAMES, max_size=6).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_names_geo_normalize_total_and_stable(name):
    f = fold(name)
    assert fold(f) == f  # folding a folded name changes nothing
    assert isinstance(loose(name), str) and isinstance(skeleton(name), str)
    assert all(isinstance(v, str) for v in variants(name))
    assert isinstance(is_demonym(name), bool)
    code = demonym_country(name)
    assert code is None or (len(code) == 2 and code.isupper())


@cache
def table() -> ActorTable:
    return ActorTable.load()


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(TEXT, max_size=3), st.one_of(st.none(), TEXT), st.booleans())
def test_names_normalize_actor_total(phrase, country_words, head, subject):
    got = normalize_actor(phrase, table=table(), country_words=tuple(country_words), head=head, subject=subject)
    assert got is None or (isinstance(got, Actor) and got.name.strip())
    if got is not None and got.country is not None:
        assert len(got.country) == 2
