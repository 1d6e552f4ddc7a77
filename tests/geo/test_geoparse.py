"""Placing a document's toponyms with the whole document as context."""
from __future__ import annotations

import pytest

from eventsift.geo.geoparse import document_focus, geoparse
from eventsift.model import Precision
from geo_text import name_spans



def _place(text, *names, gaz):
    return [t.place for t in geoparse(text, name_spans(text, *names), gazetteer=gaz)]


def test_geoparse_focus_shares_an_ambiguous_vote(gaz):
    assert document_focus(["Georgia", "Atlanta", "Savannah"], gaz)[0] == "US"
    assert document_focus(["Alexandria", "Egypt"], gaz)[0] == "EG"


def test_geoparse_comma_puts_a_town_inside_its_state(gaz):
    text = "A fire in Alexandria, La. and later in Alexandria again."
    a, la, again = _place(text, "Alexandria", "La.", "Alexandria", gaz=gaz)
    assert (a.geonames_id, la.admin1_code, again.geonames_id) == (4314550, "US-LA", 4314550)


def test_geoparse_country_name_is_the_country(gaz):
    (italy,) = _place("Italy won the match.", "Italy", gaz=gaz)
    assert (italy.precision, italy.country, italy.lat) == (Precision.COUNTRY, "IT", 42.83)


def test_geoparse_state_of_the_focus_beats_the_country(gaz):
    text = "Georgia police in Atlanta and Savannah."
    ga, *_ = _place(text, "Georgia", "Atlanta", "Savannah", gaz=gaz)
    assert (ga.precision, ga.admin1_code) == (Precision.ADMIN1, "US-GA")


def test_geoparse_county_picks_the_town_and_state(gaz):
    text = "Paris police in Henry County said."
    paris, county = _place(text, "Paris", "Henry County", gaz=gaz)
    assert paris.geonames_id == 4646571  # Paris, Tennessee: Henry County is there
    assert (county.admin1_code, county.lat, county.lon) == ("US-TN", paris.lat, paris.lon)


def test_geoparse_unknown_name_takes_the_document_place(gaz):
    text = "Shelling hit Raqqa near the Old Clock Tower and Raqqa again."
    toponyms = geoparse(text, name_spans(text, "Raqqa", "Old Clock Tower", "Raqqa"), gazetteer=gaz)
    assert toponyms[1].how == "document" and toponyms[1].place.geonames_id == 172955
    assert toponyms[1].text == "Old Clock Tower"


@pytest.mark.parametrize("word,code", [("Syrian", "SY"), ("Italians", "IT")])
def test_geoparse_adjectives_take_their_country(gaz, word, code):
    text = f"The {word} side said."
    (p,) = _place(text, word, gaz=gaz)
    assert (p.country, p.precision) == (code, Precision.COUNTRY)


def test_geoparse_lowercase_words_are_no_places(gaz):
    (t,) = geoparse("the alley was dark", [(4, 9)], gazetteer=gaz)
    assert t.place is None and t.how is None


def test_geoparse_names_override_drifting_offsets(gaz):
    (t,) = geoparse("xxIn Italy.", [(3, 8)], gazetteer=gaz, names=["Italy"])
    assert t.place.country == "IT" and (t.start, t.end) == (3, 8)
