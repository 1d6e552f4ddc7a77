"""World regions at GeoNames' points, cities of renown against namesakes, the document's
area as its anchor, and names that are no town (stray namesakes, far counties, acronyms):
each rule on text and rows written for it."""
from __future__ import annotations


import pytest

from eventsift.geo.gazetteer import km as _km
from eventsift.geo import Gazetteer, Kind, PlaceRow
from eventsift.geo.geoparse import geoparse
from eventsift.geo.resolve import resolve
from eventsift.model import Precision
from geo_text import name_spans


ROWS = [
    PlaceRow(kind=Kind.COUNTRY, name="Freedonia", country="FD", code="FD", lat=10.0, lon=10.0, population=5_000_000),
    PlaceRow(kind=Kind.COUNTRY, name="Sylvania", country="SV", code="SV", lat=40.0, lon=60.0, population=9_000_000),
    PlaceRow(kind=Kind.ADMIN1, name="North March", country="FD", code="FD-NM"),
    PlaceRow(kind=Kind.ADMIN1, name="South March", country="FD", code="FD-SM"),
    PlaceRow(kind=Kind.ADMIN1, name="Lowlands", country="SV", code="SV-LO"),
    PlaceRow(kind=Kind.REGION, name="South America", lat=-14.6, lon=-57.7, alt_names=("Latin America",)),
    # a city abroad known by scores of names, and its smaller-named namesake at home
    PlaceRow(kind=Kind.CITY, name="Lagunetta", country="SV", admin1="SV-LO", lat=40.0, lon=61.0,
             population=52_000, renown=64),
    PlaceRow(kind=Kind.CITY, name="Lagunetta", country="FD", admin1="FD-SM", lat=2.0, lon=12.0,
             population=41_000, renown=14),
    # a world city, and a small town of the focus country that has the city's name among its alternates
    PlaceRow(kind=Kind.CITY, name="Castellon", country="SV", admin1="SV-LO", lat=41.0, lon=59.0,
             population=2_000_000, renown=70),
    PlaceRow(kind=Kind.CITY, name="Chastellon", country="FD", admin1="FD-NM", lat=11.5, lon=11.5,
             population=1_600, alt_names=("Castellon",)),
    # the towns of North March, and a bigger town in the south
    PlaceRow(kind=Kind.CITY, name="Oxmoor", country="FD", admin1="FD-NM", lat=11.0, lon=11.0, population=45_000),
    PlaceRow(kind=Kind.CITY, name="Greyhaven", country="FD", admin1="FD-NM", lat=11.3, lon=10.8, population=30_000),
    PlaceRow(kind=Kind.CITY, name="Port Sel", country="FD", admin1="FD-SM", lat=2.5, lon=12.5, population=400_000),
    # a village far from North March, and a county of the same name there too
    PlaceRow(kind=Kind.CITY, name="Millbrook", country="FD", admin1="FD-SM", lat=1.0, lon=13.0, population=900),
    PlaceRow(kind=Kind.ADMIN2, name="Tolland County", country="FD", code="fd-tolland", admin1="FD-SM",
             alt_names=("Tolland",)),
    PlaceRow(kind=Kind.CITY, name="Tolland Springs", country="FD", admin1="FD-SM", admin2="fd-tolland",
             lat=1.5, lon=13.5, population=2_000),
    # a big city of Sylvania, and a town of Sylvania spelled like an acronym
    PlaceRow(kind=Kind.CITY, name="Varnholm", country="SV", admin1="SV-LO", lat=42.0, lon=62.0,
             population=3_000_000, renown=90),
    PlaceRow(kind=Kind.CITY, name="Ulm", country="SV", admin1="SV-LO", lat=39.0, lon=58.0, population=120_000),
]


@pytest.fixture(scope="module")
def world() -> Gazetteer:
    return Gazetteer.from_rows(ROWS)


def _placed(gaz: Gazetteer, text: str, *names: str):
    return {t.text: t for t in geoparse(text, name_spans(text, *names), gazetteer=gaz)}


# -- cities of renown ---------------------------------------------------------------
def test_geo_a_city_of_renown_abroad_beats_a_namesake_nothing_ties_down(world):
    text = "Freedonia's ministers flew to Lagunetta for the art fair, Freedonia said."
    placed = _placed(world, text, "Freedonia", "Lagunetta", "Freedonia")
    assert placed["Lagunetta"].place.country == "SV"


def test_geo_renown_does_not_move_a_namesake_the_text_ties_down(world):
    text = "Floods reached Port Sel and then Lagunetta, South March officials said."
    placed = _placed(world, text, "Port Sel", "Lagunetta", "South March")
    assert placed["Lagunetta"].place.country == "FD"


def test_geo_a_town_met_only_by_an_alternate_name_gives_way_to_the_city_of_that_name(world):
    # Oxmoor ties Chastellon down (same admin1, nearby); the name is still Castellon's own
    p = resolve("Castellon", gazetteer=world, focus=["FD"],
                context=[resolve("Oxmoor", gazetteer=world, focus=["FD"])])
    assert (p.name, p.country) == ("Castellon", "SV")


# -- regions ------------------------------------------------------------------------
def test_geo_an_adjective_of_a_region_known_by_another_name(world):
    text = "Freedonia courts Latin American buyers."
    placed = _placed(world, text, "Freedonia", "Latin American")
    p = placed["Latin American"].place
    assert p.precision is Precision.REGION and p.name == "South America"


@pytest.mark.slow
@pytest.mark.parametrize("name, lat, lon", [
    ("the Middle East", 33.14, 35.86),  # GeoNames' point, not the middle of Western Asia's countries
    ("Atlantic", 10.0, -25.0),
    ("the Mediterranean", 35.0, 20.0),
    ("Central America", 25.32, -99.67),  # an M49 region given GeoNames' point in the extra table
    ("Latin America", -14.60, -57.66),
    ("Siberia", 60.0, 100.0),
])
def test_geo_world_regions_sit_at_geonames_points(full_gazetteer, name, lat, lon):
    p = resolve(name, gazetteer=full_gazetteer, focus=["GB"])
    assert p is not None and p.precision is Precision.REGION
    assert _km(p.lat, p.lon, lat, lon) < 25


# -- the document's own place ---------------------------------------------------------
def test_geo_the_anchor_is_the_town_of_the_area_the_text_is_about(world):
    text = ("Port Sel fans drove north. The new stadium by Oxmoor opened near Greyhaven in North March; "
            "Riverside Arena sold out.")
    placed = _placed(world, text, "Port Sel", "Oxmoor", "Greyhaven", "North March", "Riverside Arena")
    assert placed["Riverside Arena"].how == "document"
    assert placed["Riverside Arena"].place.admin1_code == "FD-NM"


def test_geo_a_building_named_after_a_big_city_of_a_country_the_text_names(world):
    text = "Freedonia and Sylvania met at the Freedonia Embassy Varnholm."
    placed = _placed(world, text, "Freedonia", "Sylvania", "Freedonia Embassy Varnholm")
    assert placed["Freedonia Embassy Varnholm"].place.name == "Varnholm"


def test_geo_a_far_village_namesake_is_not_meant(world):
    text = "In Oxmoor and Greyhaven the Millbrook bakery reopened."
    placed = _placed(world, text, "Oxmoor", "Greyhaven", "Millbrook")
    p = placed["Millbrook"]
    assert p.how == "document" and p.place.admin1_code == "FD-NM"


def test_geo_a_county_met_by_its_bare_name_far_from_the_text_is_not_meant(world):
    text = "Shops on Tolland in Oxmoor and Greyhaven closed."
    placed = _placed(world, text, "Tolland", "Oxmoor", "Greyhaven")
    assert placed["Tolland"].place.admin1_code == "FD-NM"


def test_geo_an_acronym_is_no_town_of_that_spelling(world):
    assert resolve("ULM", gazetteer=world, focus=["SV"]) is None
    assert resolve("Ulm", gazetteer=world, focus=["SV"]).name == "Ulm"
