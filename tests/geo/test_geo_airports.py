"""Airports and air bases as facility rows: their names, and how they rank against towns
of the same name (rows and sentences written for these tests)."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventsift.geo import Gazetteer, Kind, PlaceRow, Tier
from eventsift.geo.airports import airport_names, read_airports, unique_short_forms
from eventsift.geo.geoparse import document_focus, geoparse
from eventsift.geo.resolve import resolve
from eventsift.model import Place, Precision

ROWS = [
    PlaceRow(kind=Kind.COUNTRY, name="United Kingdom", country="GB", code="GB", lat=54.0, lon=-2.0,
             population=66_000_000, geonames_id=2635167),
    PlaceRow(kind=Kind.COUNTRY, name="United States", country="US", code="US", lat=39.76, lon=-98.5,
             population=310_000_000, geonames_id=6252001),
    PlaceRow(kind=Kind.ADMIN1, name="England", country="GB", code="GB-ENG", geonames_id=6269131),
    PlaceRow(kind=Kind.ADMIN1, name="Florida", country="US", code="US-FL", geonames_id=4155751),
    PlaceRow(kind=Kind.CITY, name="London", country="GB", admin1="GB-ENG", lat=51.51, lon=-0.13,
             population=8_900_000, geonames_id=2643743),
    PlaceRow(kind=Kind.CITY, name="Heathrow", country="US", admin1="US-FL", lat=28.76, lon=-81.37,
             population=5_900, geonames_id=4157000),
    PlaceRow(kind=Kind.CITY, name="Sanford", country="US", admin1="US-FL", lat=28.80, lon=-81.27,
             population=58_000, geonames_id=4172086),
    PlaceRow(kind=Kind.FACILITY, name="London Heathrow Airport", country="GB", admin1="GB-ENG",
             lat=51.47, lon=-0.46, alt_names=("Heathrow Airport", "Heathrow")),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_rows(ROWS)


# -- names ----------------------------------------------------------------------------
def test_airport_names_drop_the_town_for_the_short_form():
    names, short = airport_names("Bristol Lulsgate International Airport", city="Bristol")
    assert short == "Lulsgate"
    assert {"Bristol Lulsgate International Airport", "Lulsgate Airport", "Lulsgate International Airport",
            "Lulsgate Airfield"} <= set(names)


def test_airport_names_give_no_short_form_to_a_one_word_civil_airport():
    names, short = airport_names("Pemberton Airport", city="Oakvale")  # a person's name, or a town's
    assert short is None and "Pemberton Airport" in names


def test_airport_names_give_an_air_base_its_bare_name():
    assert airport_names("Karvash Air Base", city="Dorin")[1] == "Karvash"


@pytest.mark.parametrize("name,city", [("Oakvale Regional Airport", "Oakvale"),  # the town's own name
                                       ("Oakvale International Airport", "Oakvale"),
                                       ("Oakvale Municipal Airport", ""),
                                       ("Oakvale Gateway Airport", "Oakvale")])  # a word, not a name
def test_airport_names_keep_no_town_or_common_word_as_a_short_form(name, city):
    assert airport_names(name, city=city)[1] is None


@pytest.mark.parametrize("name,city", [("Oakvale Army Air Base", "Oakvale"), ("Oakvale Military Airport", "Oakvale")])
def test_airport_names_without_the_town_are_no_common_phrase(name, city):
    # "clashes near the army airport" names no particular one
    names, short = airport_names(name, city=city)
    assert short is None and name in names
    assert not any(n.split()[0] in ("Army", "Military") for n in names)


def test_read_airports_keeps_coded_airports_and_air_bases_and_writes_out_abbreviations(tmp_path: Path):
    csv = tmp_path / "airports.csv"
    csv.write_text('"icao","iata","name","city","subd","country","elevation","lat","lon","tz","lid"\n'
                   '"XXAA","OKV","Oakvale Intl Airport","Oakvale","Wessex","GB",10,51.0,-2.0,"Europe/London",""\n'
                   '"XXAB","","Karvash Air Base","","Ostria","TR",100,38.0,35.0,"Europe/Istanbul",""\n'
                   '"XXAC","","Miller Ranch Airport","Dorin","Texas","US",300,31.0,-99.0,"America/Chicago",""\n',
                   encoding="utf-8")
    airports = read_airports(csv)
    assert [a.name for a in airports] == ["Oakvale International Airport", "Karvash Air Base"]
    assert unique_short_forms(airports) == {1: "Karvash"}


def test_unique_short_forms_drop_a_short_form_two_airports_share(tmp_path: Path):
    csv = tmp_path / "airports.csv"
    csv.write_text('"icao","iata","name","city","subd","country","elevation","lat","lon","tz","lid"\n'
                   '"XXAA","AAA","Oakvale Lulsgate Airport","Oakvale","","GB",0,51.0,-2.0,"",""\n'
                   '"XXAB","AAB","Dorin Lulsgate Airport","Dorin","","US",0,31.0,-99.0,"",""\n', encoding="utf-8")
    assert unique_short_forms(read_airports(csv)) == {}


# -- ranking ----------------------------------------------------------------------------
def test_airport_never_outranks_a_town_of_its_name(gaz):
    p = resolve("Heathrow", gazetteer=gaz, focus=["US"])
    assert (p.country, p.admin1_code) == ("US", "US-FL")


def test_airport_named_as_one_wins(gaz):
    p = resolve("Heathrow Airport", gazetteer=gaz, focus=["US"])
    assert p.name == "London Heathrow Airport" and p.precision is Precision.POINT and p.admin1_code == "GB-ENG"


def test_airport_short_form_wins_an_untied_small_town_where_the_text_speaks_of_airports(gaz):
    p = resolve("Heathrow", gazetteer=gaz, focus=["US"], speaks_of_airports=True)
    assert p.name == "London Heathrow Airport"


def test_airport_short_form_gives_way_to_a_town_the_text_ties_down(gaz):
    sanford = Place(name="Sanford", country="US", admin1="Florida", admin1_code="US-FL", lat=28.80, lon=-81.27,
                    geonames_id=4172086, precision=Precision.POINT)
    p = resolve("Heathrow", gazetteer=gaz, focus=["US"], context=[sanford], speaks_of_airports=True)
    assert p.country == "US"


def test_airport_is_not_met_by_a_consonant_skeleton(gaz):
    assert all(gaz.entry(i).kind != Kind.FACILITY for i, t in gaz.lookup("Hithraw") if t == Tier.SKELETON)
    p = resolve("Hithraw", gazetteer=gaz, focus=["GB"])
    assert p is None or p.name != "London Heathrow Airport"


def test_airport_casts_no_vote_for_the_focus(gaz):
    assert document_focus(["Heathrow Airport", "Heathrow"], gaz) == []


def test_geoparse_places_an_airport_the_story_is_about(gaz):
    text = "Fog grounded flights at Heathrow on Monday, and the airport told travellers to stay home."
    (t,) = geoparse(text, [(24, 32)], gazetteer=gaz)
    assert t.place.name == "London Heathrow Airport"


def test_geoparse_keeps_the_town_in_a_story_about_the_town(gaz):
    text = "A new library opened in Heathrow, north of Sanford, on Saturday."
    places = geoparse(text, [(24, 32), (43, 50)], gazetteer=gaz)
    assert [t.place.country for t in places] == ["US", "US"]


def test_geoparse_places_a_building_of_the_airport_at_it(gaz):
    text = "Staff of the Heathrow Cargo Centre said the airport handled 400 horses. Heathrow is west of London."
    places = geoparse(text, [(13, 34), (72, 80), (92, 98)], gazetteer=gaz)
    assert places[0].place.name == "London Heathrow Airport"


# -- the full gazetteer -------------------------------------------------------------------
@pytest.mark.slow
def test_full_gazetteer_has_airports_as_facilities(full_gazetteer):
    full = full_gazetteer
    dulles = [full.entry(i) for i, t in full.lookup("Dulles International Airport") if t == Tier.EXACT]
    assert any(e.kind == Kind.FACILITY and e.country == "US" and e.admin1_code == "US-VA" for e in dulles)
    assert any(full.entry(i).kind == Kind.FACILITY for i, t in full.lookup("Heathrow") if t == Tier.EXACT)
    # a short form a sizeable town has ("Boston", of Manchester-Boston Regional Airport) is the town's alone
    assert not any(full.entry(i).kind == Kind.FACILITY for i, t in full.lookup("Boston") if t == Tier.EXACT)
