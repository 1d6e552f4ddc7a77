"""Airports and air bases as facility rows: the ``airportsdata`` package's table (MIT).

Of its 28,000 airports and landing strips, those a reader may meet in the news are kept:
the ones with an IATA code (7,900: scheduled or notable service) and the military air
bases (their names say so: "Shayrat Air Base", "Dumayr Air Base"). Each is named

- by its own name ("London Heathrow Airport", "RAF Lakenheath") where that says what it
  is, and by its core with each word a writer uses for one ("Heathrow Airport",
  "Shayrat airbase", "Dulles International Airport": the town it serves left off where
  the name starts with it);
- by a bare short form: the one word left where the name is its town's followed by that
  word ("Heathrow" from "London Heathrow Airport", "Dulles"), or an air base's one-word name
  ("Incirlik Air Base"); not a word of a type or place ("International", "Gateway"), not
  the town's or its subdivision's name, and not the short form of another airport. A
  civil airport's name of one word ("Wilson Airport") is often a person's or a common
  word, and gets no short form.

The table's abbreviations are written out ("Intl", "Ntl"). Names are read from the CSV
file the package ships, not through its API.

>>> names, short = airport_names("London Heathrow Airport", city="London")
>>> names[:2], short
(('London Heathrow Airport', 'London Heathrow Airfield'), 'Heathrow')
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eventsift.geo.normalize import fold

__all__ = ["Airport", "AVIATION", "airport_names", "read_airports", "unique_short_forms"]

AVIATION = re.compile(r"\b(?:air ?ports?|air ?fields?|air ?bases?|air force bases?|aerodromes?|airstrips?)\b", re.I)
_MILITARY = re.compile(r"\b(?:air ?base|air force base|afb|air station|raf|cfb|rnas|nas)\b", re.I)
_TYPE = re.compile(r"(?:\s+(?:international|intercontinental|regional|municipal|national|domestic|metropolitan))*"
                   r"\s+(?:airport|airfield|air field|air ?base|air force base|aerodrome|airstrip)$", re.I)
_ABBREVIATIONS = ((re.compile(r"\bIntl\b\.?|\bInt'l\b", re.I), "International"),
                  (re.compile(r"\bNtl\b\.?", re.I), "National"))
_WORD = re.compile(r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*")  # one capitalised word ("O'Hare", "Cointrin")
KINDS = ("Airport", "Airfield", "Air Base", "Airbase")  # what a writer calls a military one
CIVIL_KINDS = ("Airport", "Airfield")
# Words of a type or a place, never a name of its own; a few ("Internationa", "Pounds") are as
# the table spells or splits them
GENERIC = frozenset(fold(w) for w in (
    "International Intercontinental Regional Municipal National Domestic Metropolitan Central City County "
    "Memorial Executive Downtown General Field Island Airport Airpark Air Base Army Naval Station Industrial "
    "Camp Castle Park Landing Strip Heliport Seaplane Aeroclub Aeroclube Gateway Town Basin Community Hole "
    "Narrows Pounds Intermountain Internationa Mid Junction Union Range Area Valley Lakes Capital "
    "University Skypark Riverside Military Force Forces Joint Reserve Guard Navy Marine Corps Base Royal "
    "Aviation Helicopter "
    "North South East West Northeast Northwest Southeast Southwest New Old Upper Lower Grand Great").split())


@dataclass(frozen=True, slots=True, kw_only=True)
class Airport:
    """One row of the table: ``subdivision`` is its admin1 by name ("England")."""
    name: str
    city: str
    subdivision: str
    country: str
    lat: float
    lon: float
    iata: str


def read_airports(path: Path) -> list[Airport]:
    """The airports with an IATA code and the military air bases of ``airports.csv``."""
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if not (r.get("iata") or _MILITARY.search(r.get("name") or "")) or not r.get("lat") or not r.get("lon"):
                continue
            name = r["name"].strip()
            for rx, full in _ABBREVIATIONS:
                name = rx.sub(full, name)
            out.append(Airport(name=" ".join(name.split()), city=(r.get("city") or "").strip(),
                               subdivision=(r.get("subd") or "").strip(), country=(r.get("country") or "").strip(),
                               lat=float(r["lat"]), lon=float(r["lon"]), iata=(r.get("iata") or "").strip()))
    return out


def airport_names(name: str, *, city: str = "", subdivision: str = "") -> tuple[tuple[str, ...], str | None]:
    """The names that say an airport is meant (own name, then core + each of ``KINDS``,
    with and without the town it serves), and its bare short form or None."""
    names: list[str] = []
    if AVIATION.search(name) or _MILITARY.search(name):
        names.append(name)
    if "/" in name:  # "Trieste / Ronchi Dei Legionari": two names in one; the own name only
        return (tuple(names) or (f"{name} Airport",)), None
    m = _TYPE.search(name)
    core = name[:m.start()].strip(" -,") if m else name
    international = bool(m and re.search(r"\binternational\b", m.group(0), re.I))
    cores = [core]
    rest = _after_town(core, city)
    if rest and set(fold(rest).split()) <= GENERIC:
        rest = None  # "Boden Army Air Base" is no "Army Airport": a phrase any story uses of any airport
    if rest:
        cores.append(rest)
    kinds = KINDS if _MILITARY.search(name) else CIVIL_KINDS  # a civil airport is no "air base"
    for c in cores:
        names.extend(f"{c} {k}" for k in kinds)
        if international:
            names.append(f"{c} International Airport")
    bare = rest or (core if _MILITARY.search(name) else "")
    short = bare if (_WORD.fullmatch(bare) and len(fold(bare)) >= 4 and not GENERIC & set(fold(bare).split())
                     and fold(bare) not in (fold(city), fold(subdivision)) and not bare.isupper()) else None
    return tuple(dict.fromkeys(names)), short


def _after_town(core: str, city: str) -> str | None:
    """What follows the town's name at the start of ``core`` ("Heathrow" in "London Heathrow")."""
    if not city or not fold(core).startswith(fold(city) + " "):
        return None
    words = core.split()
    for k in range(1, len(words)):
        if fold(" ".join(words[:k])) == fold(city):
            return " ".join(words[k:]).strip(" -,") or None
    return None


def unique_short_forms(airports: list[Airport]) -> dict[int, str]:
    """Position in ``airports`` -> its bare short form, for short forms only one airport has."""
    shorts = {i: s for i, a in enumerate(airports)
              if (s := airport_names(a.name, city=a.city, subdivision=a.subdivision)[1]) is not None}
    counts = Counter(fold(s) for s in shorts.values())
    return {i: s for i, s in shorts.items() if counts[fold(s)] == 1}
