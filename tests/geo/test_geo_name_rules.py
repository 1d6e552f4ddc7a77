"""How well a name must match: alternate names against a place's own name, loose and
skeleton keys far from the story, a state's name against a county's alias, and an
adjective of a part of a country. Each rule on rows written for it."""
from __future__ import annotations

import pytest

from eventsift.geo import Gazetteer, Kind, PlaceRow
from eventsift.geo.geoparse import geoparse
from eventsift.geo.resolve import _shares_word, resolve
from eventsift.model import Place, Precision

ROWS = [
    PlaceRow(kind=Kind.COUNTRY, name="Freedonia", country="FD", code="FD", lat=10.0, lon=10.0, population=5_000_000),
    PlaceRow(kind=Kind.COUNTRY, name="Sylvania", country="SV", code="SV", lat=10.0, lon=30.0, population=9_000_000),
    PlaceRow(kind=Kind.ADMIN1, name="North March", country="FD", code="FD-NM"),
    PlaceRow(kind=Kind.ADMIN1, name="South March", country="FD", code="FD-SM"),
    PlaceRow(kind=Kind.CITY, name="Oxmoor", country="FD", admin1="FD-NM", lat=11.2, lon=11.2, population=90_000),
    # a village known locally by the name of a great city abroad
    PlaceRow(kind=Kind.CITY, name="Quietvale", country="FD", admin1="FD-NM", lat=11.1, lon=11.1, population=900,
             alt_names=("Salem",)),
    PlaceRow(kind=Kind.CITY, name="Salem", country="SV", lat=10.0, lon=30.0, population=500_000),
    # a town of Freedonia whose own name is a Sylvanian town's, abbreviated
    PlaceRow(kind=Kind.CITY, name="Mount Hollow", country="FD", admin1="FD-SM", lat=30.0, lon=30.0,
             population=20_000, alt_names=("Mt. Hollow",)),
    PlaceRow(kind=Kind.CITY, name="Mt Hollow", country="SV", lat=10.5, lon=30.5, population=30_000),
    # a far town whose name is spelt like a river the story names
    PlaceRow(kind=Kind.CITY, name="Naches", country="FD", admin1="FD-SM", lat=40.0, lon=40.0, population=5_000),
]
OXMOOR = Place(name="Oxmoor", country="FD", lat=11.2, lon=11.2, precision=Precision.POINT)


def _gaz() -> Gazetteer:
    return Gazetteer.from_rows(ROWS)


def test_an_alternate_name_does_not_beat_a_place_whose_own_name_it_is():
    p = resolve("Salem", gazetteer=_gaz(), focus=["FD"], context=[OXMOOR])
    assert (p.name, p.country) == ("Salem", "SV")


def test_an_abbreviated_spelling_is_no_other_name():
    assert _shares_word("mt hollow", "Mount Hollow") and _shares_word("middletown", "Middlestown")
    assert not _shares_word("salem", "Quietvale")
    p = resolve("Mt. Hollow", gazetteer=_gaz(), focus=["FD"])
    assert (p.name, p.country) == ("Mount Hollow", "FD")


def test_a_loose_match_far_from_every_place_named_is_dropped():
    assert resolve("Neches", gazetteer=_gaz(), focus=["FD"]).name == "Naches"  # nothing to say otherwise
    assert resolve("Neches", gazetteer=_gaz(), focus=["FD"], context=[OXMOOR]) is None


STATES = [
    PlaceRow(kind=Kind.COUNTRY, name="United States", country="US", code="US", lat=39.8, lon=-98.5,
             population=310_000_000),
    PlaceRow(kind=Kind.ADMIN1, name="Indiana", country="US", code="US-IN"),
    PlaceRow(kind=Kind.ADMIN1, name="Delaware", country="US", code="US-DE"),
    PlaceRow(kind=Kind.ADMIN2, name="Delaware County", country="US", admin1="US-IN", code="IN-DEL",
             alt_names=("Delaware",)),
    PlaceRow(kind=Kind.CITY, name="Indianapolis", country="US", admin1="US-IN", lat=39.77, lon=-86.16,
             population=860_000),
    PlaceRow(kind=Kind.CITY, name="Muncie", country="US", admin1="US-IN", admin2="IN-DEL", lat=40.19, lon=-85.39,
             population=70_000),
    PlaceRow(kind=Kind.CITY, name="Dover", country="US", admin1="US-DE", lat=39.16, lon=-75.52, population=38_000),
    PlaceRow(kind=Kind.COUNTRY, name="United Kingdom", country="GB", code="GB", lat=54.0, lon=-2.0,
             population=66_000_000),
    PlaceRow(kind=Kind.ADMIN1, name="England", country="GB", code="GB-ENG"),
    PlaceRow(kind=Kind.CITY, name="London", country="GB", admin1="GB-ENG", lat=51.51, lon=-0.13,
             population=8_900_000),
    PlaceRow(kind=Kind.CITY, name="Leeds", country="GB", admin1="GB-ENG", lat=53.80, lon=-1.55, population=450_000),
]


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    out, at = [], 0
    for n in names:
        s = text.index(n, at)
        out.append((s, s + len(n)))
        at = s + len(n)
    return out


def test_a_bare_state_name_is_the_state_not_a_county_called_after_it():
    gaz = Gazetteer.from_rows(STATES)
    text = "The firm has offices in Indianapolis, Indiana and in Delaware."
    p = geoparse(text, _spans(text, ["Indianapolis", "Indiana", "Delaware"]), gazetteer=gaz)[2].place
    assert (p.precision, p.admin1_code) == (Precision.ADMIN1, "US-DE")


def test_an_adjective_of_a_part_of_a_country_is_that_part():
    gaz = Gazetteer.from_rows(STATES)
    text = "English fans travelled from Leeds to London."
    p = geoparse(text, _spans(text, ["English", "Leeds", "London"]), gazetteer=gaz)[0].place
    assert (p.precision, p.admin1_code) == (Precision.ADMIN1, "GB-ENG")


@pytest.mark.slow
def test_the_old_city_is_part_of_the_story_s_city_not_a_place_abroad(loaded):
    from eventsift.geo.resolve import country_focus, resolve

    gaz = loaded.res.gazetteer
    assert resolve("Old City", gazetteer=gaz, focus=["PS"]) is not None  # the gazetteer has one
    assert resolve("the Old City", gazetteer=gaz, focus=["SY"]) is None   # a Syrian story's is no such place
    assert country_focus(["Aleppo", "the Old City"], gaz) == ["SY"]      # nor does it vote for a country
