"""Ranking and phrase forms, on the 36-row fixture gazetteer."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventsift.geo import Gazetteer, country_focus, resolve, split_qualifier
from eventsift.model import Place, Precision

FIXTURE = Path(__file__).parents[1] / "fixtures" / "geo" / "places.tsv"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_tsv(FIXTURE)


@pytest.mark.parametrize("text", ["Raqqa", "Raqqah", "Ar-Raqqah", "al-Raqqa", "Raqa"])
def test_geo_resolve_spellings_to_city(gaz, text):
    p = resolve(text, gazetteer=gaz, focus=["SY"])
    assert (p.name, p.geonames_id, p.precision, p.admin1_code) == ("Ar Raqqah", 172955, Precision.POINT, "SY-RA")
    assert p.text == text


@pytest.mark.parametrize("text", ["Deir-ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour"])
def test_geo_resolve_deir_ez_zor(gaz, text):
    assert resolve(text, gazetteer=gaz, focus=["SY"]).geonames_id == 170794


def test_geo_bare_admin1_name_is_the_city(gaz):
    for text, gid in (("Hama", 170017), ("Idlib", 169389), ("Raqqa", 172955), ("Hasakah", 173811)):
        p = resolve(text, gazetteer=gaz, focus=["SY"])
        assert (p.geonames_id, p.precision) == (gid, Precision.POINT), text


def test_geo_focus_decides_namesakes(gaz):
    assert resolve("Hama", gazetteer=gaz, focus=["SY"]).country == "SY"
    assert resolve("Hama", gazetteer=gaz, focus=["AO"]).country == "AO"
    assert resolve("Hama", gazetteer=gaz).country == "SY"  # no focus: the most populous
    assert resolve("Paris", gazetteer=gaz).country == "FR"
    # a small focus-country namesake that nothing ties down gives way to the world city ...
    assert resolve("Paris", gazetteer=gaz, focus=["US"]).country == "FR"
    state = Place(name="Georgia", country="US", admin1_code="US-GA", precision=Precision.ADMIN1)
    assert resolve("Paris", gazetteer=gaz, focus=["US"], context=[state]).country == "US"  # ... unless its state is named
    assert resolve("Halab", gazetteer=gaz, focus=["SY"]).geonames_id == 170063


def test_geo_context_breaks_ties(gaz):
    near_angola = Place(name="x", country="AO", lat=-14.85, lon=13.55)
    assert resolve("Hama", gazetteer=gaz, context=[near_angola]).country == "AO"


@pytest.mark.parametrize("text, code, qualifier", [
    ("Hasaka province", "SY-HA", None),
    ("Idlib governorate", "SY-ID", None),
    ("the province of Hama", "SY-HM", None),
    ("the Aleppo countryside", "SY-HL", "countryside"),
    ("southern Raqqa countryside", "SY-RA", "southern countryside"),
    ("Aleppo's eastern countryside", "SY-HL", "eastern countryside"),
    ("the northern region of Idlib", "SY-ID", "northern"),
    ("rural Damascus", "SY-RD", "countryside"),
    ("Damascus countryside", "SY-RD", None),
    ("Anbar", "IQ-AN", None),
])
def test_geo_admin1_forms(gaz, text, code, qualifier):
    p = resolve(text, gazetteer=gaz, focus=["SY"])
    assert (p.precision, p.admin1_code, p.qualifier) == (Precision.ADMIN1, code, qualifier)
    admin = gaz.admin1(code)
    assert (p.name, p.lat, p.lon) == (admin.name, admin.lat, admin.lon)


@pytest.mark.parametrize("text, qualifier, core", [
    ("near Raqqa", "near", "Raqqa"),
    ("the outskirts of Resafa", "outskirts", "Resafa"),
    ("on the outskirts of Resafa", "outskirts", "Resafa"),
    ("east of Hama", "east of", "Hama"),
    ("10 km north-east of Idlib", "10 km north-east of", "Idlib"),
    ("the village of al-Lataminah", None, "al-Lataminah"),
    ("northern Syria", "northern", "Syria"),
    ("Raqqa", None, "Raqqa"),
])
def test_geo_split_qualifier(text, qualifier, core):
    assert split_qualifier(text) == (qualifier, core)


def test_geo_qualified_point(gaz):
    p = resolve("the outskirts of Resafa", gazetteer=gaz, focus=["SY"])
    assert (p.name, p.qualifier, p.precision, p.admin1_code) == ("Resafa", "outskirts", Precision.POINT, "SY-RA")
    assert resolve("Raqqa", gazetteer=gaz, qualifier="near").qualifier == "near"


def test_geo_country_has_no_point(gaz):
    p = resolve("Syria", gazetteer=gaz)
    assert (p.precision, p.country, p.lat, p.lon) == (Precision.COUNTRY, "SY", None, None)
    assert resolve("the U.S.", gazetteer=gaz).country == "US"


def test_geo_bare_georgia(gaz):
    assert resolve("Georgia", gazetteer=gaz).precision == Precision.COUNTRY
    p = resolve("Georgia", gazetteer=gaz, focus=["US"])
    assert (p.precision, p.admin1_code) == (Precision.ADMIN1, "US-GA")


def test_geo_region(gaz):
    p = resolve("Sinai", gazetteer=gaz)
    assert (p.name, p.country, p.precision, p.lat) == ("Sinai Peninsula", "EG", Precision.REGION, 29.5)


@pytest.mark.parametrize("text", ["Syrian", "the Russians", "French", "Kurdish", "", "  ", "Rqq", "Tuesday"])
def test_geo_no_place(gaz, text):
    assert resolve(text, gazetteer=gaz, focus=["SY"]) is None


def test_geo_demonym_never_resolves_even_where_a_place_matches(gaz):
    assert resolve("Arab", gazetteer=gaz, focus=["US"]) is None  # Arab, Alabama exists
    assert resolve("Iraqi", gazetteer=gaz, focus=["IQ"]) is None  # skeleton of "Iraq"
    assert resolve("Iraq", gazetteer=gaz, focus=["IQ"]).precision == Precision.COUNTRY


def test_geo_skeleton_match_needs_focus(gaz):
    assert resolve("Rusafah", gazetteer=gaz, focus=["SY"]).name == "Resafa"  # exact alternate
    assert resolve("Rasafeh", gazetteer=gaz, focus=["SY"]).name == "Resafa"  # skeleton, in focus
    assert resolve("Rasafeh", gazetteer=gaz, focus=["FR"]) is None


def test_geo_memo_is_per_call_arguments(gaz):
    a = resolve("Hama", gazetteer=gaz, focus=["AO"])
    b = resolve("Hama", gazetteer=gaz, focus=["SY"])
    assert a.country == "AO" and b.country == "SY"
    assert resolve("Hama", gazetteer=gaz, focus=["SY"]) is b


def test_geo_country_focus(gaz):
    names = ["Syrian", "Raqqa", "Paris", "Deir Ezzor", "Syria", "French", "Russian", "nothing"]
    assert country_focus(names, gaz) == ["SY", "FR", "RU"]
    assert country_focus([], gaz) == []
