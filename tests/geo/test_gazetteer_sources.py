"""What the full gazetteer gains from its sources: continents, US counties, AP state
abbreviations, capitals, fair area points (built from the registry packages; cached)."""
from __future__ import annotations


import pytest

from eventsift.geo.gazetteer import km as _km
from eventsift.geo import Gazetteer, Kind, resolve
from eventsift.geo.gazetteer import middle
from eventsift.model import Precision

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def full(full_gazetteer) -> Gazetteer:
    return full_gazetteer


def test_gazetteer_middle_ignores_outliers_when_trimmed():
    pts = [(0.0, float(i)) for i in range(100)] + [(0.0, 1000.0)]
    assert middle(pts, trim=0.0) == (0.0, 500.0)
    assert middle(pts, trim=0.02) == (0.0, 50.0)


@pytest.mark.parametrize("abbrev,code", [("Pa.", "US-PA"), ("Tenn.", "US-TN"), ("N.Y.", "US-NY"), ("BC", "CA-BC"),
                                         ("B.C.", "CA-BC"), ("Sask.", "CA-SK"), ("Alta.", "CA-AB"),
                                         ("NSW", "AU-NSW"), ("ACT", "AU-ACT")])
def test_gazetteer_state_abbreviations(full, abbrev, code):
    p = resolve(abbrev, gazetteer=full, focus=["US", "CA"])
    assert (p.precision, p.admin1_code) == (Precision.ADMIN1, code)


def test_gazetteer_continents_and_eu(full):
    for name in ("Europe", "EU", "European Union"):
        p = resolve(name, gazetteer=full)
        assert p.precision is Precision.REGION and _km(p.lat, p.lon, 48.7, 9.1) < 50, name
    assert resolve("Africa", gazetteer=full).lat is not None


def test_gazetteer_us_counties_sit_in_their_states(full):
    kinds = {(full.entry(i).kind, full.entry(i).admin1_code) for i, _ in full.lookup("Henry County")}
    assert (Kind.ADMIN2, "US-TN") in kinds and (Kind.ADMIN2, "US-GA") in kinds


def test_gazetteer_capital_wins_its_namesakes(full):
    p = resolve("Washington", gazetteer=full, focus=["US"])
    assert p.admin1_code == "US-DC"


@pytest.mark.parametrize("code,lat,lon", [("US", 39.76, -98.5), ("SY", 35.0, 38.0), ("IQ", 33.0, 44.0)])
def test_gazetteer_country_points_are_fair(full, code, lat, lon):
    c = full.country(code)
    assert _km(c.lat, c.lon, lat, lon) < 161


def test_gazetteer_admin1_point_is_inside_the_state(full):
    tx = full.admin1("US-TX")
    assert 26 < tx.lat < 36 and -106 < tx.lon < -94


def test_gazetteer_county_sits_among_its_towns(full):
    (county,) = [full.entry(i) for i, _ in full.lookup("Henry County") if full.entry(i).admin1_code == "US-TN"]
    assert county.geonames_id and _km(county.lat, county.lon, 36.30, -88.33) < 40  # around Paris, its seat
    paris = next(full.entry(i) for i, _ in full.lookup("Paris") if full.entry(i).admin1_code == "US-TN")
    assert paris.admin2_index == county.index
