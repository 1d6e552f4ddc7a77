"""Namesakes abroad in an article about one country: a town abroad met only by another of
its names, a generic "Northern Province", a focus vote from such a town, an article run
into a name after Deir, a region's admin1, "the eastern part of X". Each rule on rows
written for it (the Golan row is the packaged table's)."""
from __future__ import annotations

import csv
from importlib import resources

import pytest

from eventsift.geo import Gazetteer, Kind, PlaceRow, country_focus
from eventsift.geo.normalize import loose
from eventsift.geo.resolve import resolve, split_qualifier
from eventsift.model import Precision

ROWS = [
    PlaceRow(kind=Kind.COUNTRY, name="Freedonia", country="FD", code="FD", lat=10.0, lon=10.0, population=5_000_000),
    PlaceRow(kind=Kind.COUNTRY, name="Sylvania", country="SV", code="SV", lat=10.0, lon=60.0, population=9_000_000),
    PlaceRow(kind=Kind.ADMIN1, name="North March", country="FD", code="FD-NM"),
    PlaceRow(kind=Kind.ADMIN1, name="South March", country="FD", code="FD-SM"),
    PlaceRow(kind=Kind.ADMIN1, name="Northern Province", country="SV", code="SV-NP"),
    PlaceRow(kind=Kind.CITY, name="Oxmoor", country="FD", admin1="FD-NM", lat=11.2, lon=11.2, population=90_000),
    PlaceRow(kind=Kind.CITY, name="Deir Ez-Zaur", country="FD", admin1="FD-SM", lat=12.0, lon=12.0,
             population=250_000, alt_names=("Dayr az Zur",)),
    # a Sylvanian town that some spell the way Freedonians write a village of theirs
    PlaceRow(kind=Kind.CITY, name="Brantor", country="SV", admin1="SV-NP", lat=10.1, lon=60.1, population=120_000,
             alt_names=("Quvale",)),
    # a Sylvanian city of which one old spelling is loosely a Freedonian village's
    PlaceRow(kind=Kind.CITY, name="Kestrelburg", country="SV", admin1="SV-NP", lat=10.2, lon=60.2,
             population=600_000, alt_names=("Kuriya",)),
    # a Sylvanian hamlet that one source also calls by a Freedonian village's name
    PlaceRow(kind=Kind.CITY, name="Ostrovka", country="SV", admin1="SV-NP", lat=10.3, lon=60.3, population=2_500,
             alt_names=("Marre",)),
    # a great city abroad known by an old name: still meant by it
    PlaceRow(kind=Kind.CITY, name="Grandport", country="SV", admin1="SV-NP", lat=10.4, lon=60.4,
             population=3_000_000, alt_names=("Oldharbour",)),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_rows(ROWS)


def test_a_small_town_abroad_met_by_another_of_its_names_is_not_the_focus_countrys_village(gaz):
    assert resolve("Quvale", gazetteer=gaz, focus=["FD"]) is None
    assert resolve("Quvale", gazetteer=gaz, focus=["SV"]).name == "Brantor"  # at home it is
    assert resolve("Oldharbour", gazetteer=gaz, focus=["FD"]).name == "Grandport"  # a great city is


def test_a_loose_match_of_another_name_abroad_needs_a_very_large_city(gaz):
    assert loose("Al-Quriyah") == loose("Kuriya")
    assert resolve("Al-Quriyah", gazetteer=gaz, focus=["FD"]) is None


def test_a_generic_province_name_is_only_the_focus_countrys(gaz):
    assert resolve("the Northern Province", gazetteer=gaz, focus=["FD"]) is None
    assert resolve("Northern Province", gazetteer=gaz, focus=["SV"]).admin1_code == "SV-NP"


def test_a_small_town_found_by_another_name_casts_no_focus_vote(gaz):
    # "Marre" alone would be Ostrovka, Sylvania; it should not outvote the Freedonian town named
    assert resolve("Marre", gazetteer=gaz).country == "SV"
    assert country_focus(["Marre city", "Marre city", "Marre", "Oxmoor"], gaz) == ["FD"]
    assert country_focus(["Al-Quriyah", "Al-Quriyah", "Oxmoor"], gaz) == ["FD"]


@pytest.mark.parametrize("text", ["Deir Ezour", "Deir Ezzour", "Dair az-Zur", "Deir Azour"])
def test_an_article_run_into_the_name_after_deir_still_matches_loosely(gaz, text):
    assert loose(text) == loose("Dayr az Zur")
    p = resolve(text, gazetteer=gaz)  # no focus: a loose match of a big town is enough
    assert p is not None and p.name == "Deir Ez-Zaur"


@pytest.mark.parametrize("text, qualifier", [
    ("the southwestern sector of the Oxmoor", "southwestern"),
    ("the eastern part of Oxmoor", "eastern"),
    ("northern parts of Oxmoor", "northern"),
])
def test_a_directional_part_of_a_place_is_the_place_qualified(gaz, text, qualifier):
    assert split_qualifier(text) == (qualifier, "Oxmoor")
    p = resolve(text, gazetteer=gaz, focus=["FD"])
    assert (p.name, p.qualifier, p.admin1_code) == ("Oxmoor", qualifier, "FD-NM")


def test_a_region_row_that_lies_in_one_admin1_names_it():
    text = resources.files("eventsift").joinpath("data/places_extra.tsv").read_text("utf-8")
    rows = csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t")
    golan = next(r for r in rows if r[1] == "Golan Heights")
    assert golan[0] == "region" and golan[4] == "SY-QU"
    gaz = Gazetteer.from_rows([
        PlaceRow(kind=Kind.ADMIN1, name="Al Qunayţirah", country="SY", code="SY-QU"),
        PlaceRow(kind=Kind.REGION, name=golan[1], country="SY", admin1=golan[4], lat=33.0, lon=35.75)])
    p = resolve("the Golan Heights", gazetteer=gaz, focus=["SY"])
    assert (p.precision, p.admin1_code) == (Precision.REGION, "SY-QU")
