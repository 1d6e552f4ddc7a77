"""Place phrase -> :class:`~eventsift.model.Place`: pure ranking over a :class:`Gazetteer`.

A phrase is first taken apart ("the outskirts of Resafa" -> qualifier "outskirts",
core "Resafa"; "southern Raqqa countryside" -> the admin1 of Raqqa), then the core's
candidates are ranked by, in order of weight: how well the name matched (exact >
alternate > loose > skeleton), the article's focus countries, the kind of place
(country > region > admin1 > city), log population, and nearness to places already
resolved (distance counts against a far candidate only beside one that is not far), and
a town of a country the text names. A bare name that is both an admin1 and a city in it
("Raqqa", "Hama") resolves to the city. A small town of the focus country that nothing in
the text ties down (its admin1 or county named, a town near it) gives way to a namesake
abroad ``FAMOUS_RATIO`` times bigger ("Paris" in an American story naming no Texas place), or
known by ``RENOWN_RATIO`` times as many names ("Venice"). Weak matches return ``None``: a
wrong point is worse than none, so a village far from every town the text names, a county met
by its bare name far from them, and a town spelled as an acronym ("CHU") are not candidates.

>>> split_qualifier("the outskirts of Resafa")
('outskirts', 'Resafa')
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from eventsift.geo.airports import AVIATION
from eventsift.geo.gazetteer import Entry, Gazetteer, Kind, Tier, km
from eventsift.geo.normalize import demonym_country, fold, is_demonym, loose
from eventsift.model import Place, Precision

__all__ = ["resolve", "split_qualifier", "country_focus", "to_place"]

_DIR = r"(?:north|south|east|west|north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west)"
_DIR_ADJ = r"(?:northern|southern|eastern|western|central|north[- ]?eastern|north[- ]?western|south[- ]?eastern|south[- ]?western)"
_PART = r"(?:sector|sectors|part|parts|section|side|flank|corner|areas|reaches)"  # "the eastern part of"
_AROUND = r"(outskirts|suburbs|vicinity|environs|edge|edges|periphery|surroundings|outskirt)"
_PREFIXES = (
    (re.compile(rf"^(?:on|in|at|to|from)?\s*(?:the\s+)?{_AROUND}\s+of\s+(.+)$", re.I), None),
    (re.compile(rf"^((?:\d+(?:\.\d+)?|a few|several|some)\s*(?:-\s*)?(?:km|kms|kilometers?|kilometres?|miles?)\s+"
                rf"(?:\(\s*\d+\s*\w+\s*\)\s+)?{_DIR}\s+of)\s+(.+)$", re.I), None),
    (re.compile(rf"^({_DIR}\s+of)\s+(.+)$", re.I), None),
    (re.compile(rf"^(?:the\s+)?({_DIR_ADJ})\s+{_PART}\s+of\s+(.+)$", re.I), None),
    (re.compile(r"^(near|nearby|outside|around|close to|next to|just outside|not far from|in the vicinity of)\s+(.+)$",
                re.I), None),
    (re.compile(r"^(?:the\s+)?(?:city|town|village|villages|hamlet|area|neighbou?rhood|district|camp|port|"
                r"municipality|settlement|capital)\s+of\s+(.+)$", re.I), ""),
)
_ADMIN_WORDS = r"(countryside|province|governorate|provinces|region|state|oblast|prefecture|wilayah?|muhafazah?|countrysides)"
_ADMIN_SUFFIX = re.compile(rf"^(.+?)(?:'s|’s|')?\s+(?:({_DIR_ADJ})\s+)?{_ADMIN_WORDS}$", re.I)
_ADMIN_PREFIX = re.compile(rf"^(?:({_DIR_ADJ})\s+)?{_ADMIN_WORDS}\s+of\s+(.+)$", re.I)
_RURAL = re.compile(r"^(?:({_DIR_ADJ})\s+)?rural\s+(.+)$".replace("{_DIR_ADJ}", _DIR_ADJ), re.I)
_DIR_LEAD = re.compile(rf"^({_DIR_ADJ})\s+(.+)$", re.I)
_GENERIC = re.compile(rf"^(?:the\s+)?(?:{_DIR_ADJ}|{_DIR}|upper|lower|middle)\s+{_ADMIN_WORDS}$", re.I)
# a part of whatever city the story is about ("the Old City", "the old town"), not a place of its own
_PART_OF_CITY = re.compile(r"^(?:the\s+)?(?:old|new)\s+(?:city|town|quarter)$", re.I)
_DISTRICT = re.compile(r"^(.+?)\s+(district|area|city|town|village|camp|neighbou?rhood)$", re.I)
_ARTICLE = re.compile(r"^the\s+", re.I)
_TRAIL = re.compile(r"[\s,.;:!?)\]\"'”’]+$")
_LEAD = re.compile(r"^[\s(\[\"'“‘]+")

TIER_WEIGHT = {Tier.EXACT: 5.0, Tier.LOOSE: 3.0, Tier.SKELETON: 0.0}
KIND_WEIGHT = {Kind.COUNTRY: 5.0, Kind.REGION: 4.0, Kind.ADMIN1: -0.3, Kind.CITY: 0.0, Kind.ADMIN2: 0.0,
               Kind.FACILITY: 0.0}
FOCUS_WEIGHT = 8.0  # for the first focus country; one less for each rank below, down to three less
POP_WEIGHT = 1.0  # per tenfold population
NEAR_WEIGHT = 3.0  # for a candidate next to a place already resolved, fading to 0 at NEAR_KM
NEAR_KM = 200.0
FAR_WEIGHT = 2  # against a candidate another continent away from every place already resolved, from FAR_KM
# (only where another candidate is not: between two far ones distance says nothing)
FAR_KM = 3000.0  # ... growing to the full weight at twice that
SAME_ADMIN1_WEIGHT = 2.0
ADMIN2_ALIAS_WEIGHT = -1.0  # a county met by its bare name ("Shelby"): the town or state of that name first
SAME_ADMIN2_WEIGHT = 3.0  # for a town in a county the document names, or that its other towns lie in
REGION_POPULATION = 1_000_000  # a sea or region of many countries, of no known population, ranks as a city this big
COUNTRY_NAMED_WEIGHT = 2.0  # a town of a country the text names
CAPITAL_WEIGHT = 1.5  # a country's capital is the likelier of its namesakes
ADMIN1_SHARE_FULL = 3.0  # the admin1 bonus is full once a third of the context lies in that admin1
LONE_TOWN_POPULATION = 100_000
LONE_TOWN_WEIGHT = -4.0
FAMOUS_RATIO = 20  # a city abroad this many times bigger than a focus-country namesake ...
FAMOUS_POPULATION = 200_000  # ... and at least this big is meant, unless the text ties the namesake down
RENOWN_NAMES = 40  # ... as is one known by this many names (GeoNames' alternates: Venice, Italy has 66,
RENOWN_RATIO = 3  # Venice, California 15) and this many times the namesake's, if no smaller than it
ALT_NAME_WEIGHT = -8.0  # a town met by an alternate name that is no spelling of its own, where another
# place has the name as its own ("Jerusalem" for Funkstown, Maryland; "Venice" for Dayton)
ALT_ABROAD_POPULATION = FAMOUS_POPULATION  # a town abroad met only by an alternate name that is no
# spelling of its own ("Suluk" for Jolo) is meant only this big, in an article about elsewhere ...
LOOSE_ALT_ABROAD_POPULATION = 1_000_000  # ... and this big where even that name met only loosely ("Kuriya", Korla)
ALT_VOTE_POPULATION = 15_000  # a town found (with no focus) by another of its names votes for its country this big
FUZZY_FAR_KM = 800.0  # a loose or skeleton match this far from every place the document names is dropped
STRAY_TOWN_POPULATION = 10_000  # a town this small, far from all the text names, is not meant
MEMO_LIMIT = 200_000


def _clean(text: str) -> str:
    return " ".join(_TRAIL.sub("", _LEAD.sub("", text)).split())


def split_qualifier(text: str) -> tuple[str | None, str]:
    """('outskirts', 'Resafa') from 'the outskirts of Resafa'; (None, text) when none.

    Recognises "near X", "outside X", "east of X", "10 km north of X", "the outskirts
    of X", "northern X", and drops "the town/village/city of" (no qualifier).
    """
    core = _ARTICLE.sub("", _clean(text))
    for rx, fixed in _PREFIXES:
        m = rx.match(core)
        if m:
            if fixed is not None:
                return None, _ARTICLE.sub("", m.group(1))
            q = " ".join(m.group(1).lower().split())
            return ("outskirts" if q in ("outskirt", "edges") else q), _ARTICLE.sub("", m.group(2))
    m = _DIR_LEAD.match(core)
    if m:
        return m.group(1).lower(), m.group(2)
    return None, core


def _admin_form(core: str) -> tuple[str, str | None, str] | None:
    """(core name, direction, marker) for 'Hasaka province', 'rural Damascus',
    "Aleppo's eastern countryside", 'the northern region of Idlib'."""
    m = _RURAL.match(core)
    if m:
        return m.group(2), m.group(1), "countryside"
    m = _ADMIN_PREFIX.match(core)
    if m:
        return _ARTICLE.sub("", m.group(3)), m.group(1), m.group(2).lower()
    m = _ADMIN_SUFFIX.match(core)
    if m:
        return m.group(1), m.group(2), m.group(3).lower()
    return None


def _close(query: str, name: str) -> bool:
    """A skeleton match must still look like the place's own name, and not be its
    nisba adjective ('Baghdadi' is a person or a demonym, not Baghdad)."""
    a, b = loose(query), loose(name)
    if a.endswith("i") and not b.endswith("i"):
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def _inside(e: Entry, within: Place | None) -> bool:
    if within is None:
        return True
    if within.precision is Precision.ADMIN1:
        return e.admin1_code == within.admin1_code and e.kind != Kind.ADMIN1
    return e.country == within.country and e.kind != Kind.COUNTRY


def _context_admin2(context: Sequence[Place], gazetteer: Gazetteer) -> frozenset[int]:
    """The counties the context places are or lie in: "Paris" next to "Henry County", or
    next to another town of Henry County, is the Paris in it."""
    return frozenset(a for a in (gazetteer.admin2_of(p.geonames_id) for p in context) if a is not None)


def _ranked(name: str, gazetteer: Gazetteer, focus: Sequence[str], context: Sequence[Place],
            *, prefer_admin: bool = False, within: Place | None = None,
            speaks_of_airports: bool = False) -> list[tuple[float, Entry, Tier]]:
    """Acceptable candidates for ``name`` (inside ``within``, where given), best first."""
    q = fold(name)
    fpos = {c: i for i, c in reversed(list(enumerate(focus)))}
    ctx_codes = Counter(p.admin1_code for p in context if p.admin1_code)
    ctx_total = sum(ctx_codes.values())
    ctx_countries = {p.country for p in context if p.country}
    named_countries = {p.country for p in context if p.country and p.precision is Precision.COUNTRY}
    ctx_points = [(p.lat, p.lon) for p in context if p.lat is not None and p.lon is not None]
    ctx_admin2 = _context_admin2(context, gazetteer)
    out = []
    dist: list[float | None] = []  # each candidate's distance to the nearest context place
    tied: set[int] = set()  # focus-country candidates the context ties down (same admin1 or county, nearby)
    found = [(gazetteer.entry(i), tier) for i, tier in gazetteer.lookup(name)]
    found = [(e, t) for e, t in found if _inside(e, within)]
    own_name = any(t == Tier.EXACT and fold(e.name) == q for e, t in found)
    ctx_pts = [(p.lat, p.lon) for p in context
               if p.lat is not None and p.lon is not None and p.precision is Precision.POINT]
    found = _near_only(found, ctx_codes, ctx_pts)
    generic = bool(focus) and (_GENERIC.match(q) is not None or _PART_OF_CITY.match(q) is not None)
    acronym = name.isupper() and len(name.replace(".", "").strip()) <= 3
    stray = any(t == Tier.EXACT and e.kind == Kind.CITY and e.country in fpos and fold(e.name) == q
                and _stray(e, ctx_codes, ctx_pts) for e, t in found)
    for e, tier in found:
        in_focus = e.country in fpos
        if e.kind == Kind.FACILITY and tier == Tier.SKELETON:
            continue
        # confidence gates: loose keys need the focus or a big place; skeletons need the focus
        if tier == Tier.SKELETON and not (in_focus and len(q) >= 4 and _close(name, e.name)):
            continue
        if tier == Tier.LOOSE and not (in_focus or e.kind != Kind.CITY or e.population >= 100_000):
            continue
        canonical = fold(e.name) == q
        if acronym and e.kind == Kind.CITY and canonical:
            continue  # "CHU" (a hospital) is no town Chũ: a town is not written as an acronym
        if focus and not in_focus and e.kind == Kind.CITY and e.country not in ctx_countries and (
                e.population < 15_000 or not canonical and e.population < 100_000):
            continue  # a small namesake abroad, in an article about elsewhere
        if focus and not in_focus and e.kind == Kind.CITY and e.country not in ctx_countries and (
                e.population < (ALT_ABROAD_POPULATION if tier == Tier.EXACT else LOOSE_ALT_ABROAD_POPULATION)
                and not _shares_word(q, e.name)):
            continue  # a town abroad met only by another of its names: the name is likelier one the data lacks
        if generic and not in_focus:
            continue  # "the Northern Province" in a Syrian story is none of Sri Lanka's or Zambia's
        if e.kind == Kind.ADMIN2 and not canonical and (ctx_codes or ctx_pts) and not _in_area(
                e, ctx_codes, ctx_pts, NEAR_KM):
            continue  # "Grand" in a Chicago story is a street, not Grand County, Colorado
        if e.kind == Kind.CITY and in_focus and (_stray(e, ctx_codes, ctx_pts) or stray and tier != Tier.EXACT):
            continue  # a small town far from every place the text names ("Stonewall" in a Virginia story is
            # no town in Louisiana), or a town merely like the name of such a town ("Holiday" for "Holliday")
        s = TIER_WEIGHT[tier] + (1.0 if canonical else 0.0)
        if in_focus:
            s += FOCUS_WEIGHT - min(fpos[e.country], 3)
        elif e.kind == Kind.REGION and not e.country and focus:  # a sea or a region of many countries
            s += FOCUS_WEIGHT - 1
        if e.kind != Kind.COUNTRY and e.country in named_countries:
            s += COUNTRY_NAMED_WEIGHT
        s += KIND_WEIGHT[e.kind] + (3.0 if prefer_admin and e.kind == Kind.ADMIN1 else 0.0)
        if e.kind == Kind.ADMIN2 and not canonical:
            s += ADMIN2_ALIAS_WEIGHT
        if e.kind == Kind.CITY and tier == Tier.EXACT and own_name and not _shares_word(q, e.name):
            s += ALT_NAME_WEIGHT
        pop = e.population or (REGION_POPULATION if e.kind == Kind.REGION and not e.country else 0)
        s += POP_WEIGHT * math.log10(pop + 1) + (CAPITAL_WEIGHT if e.capital else 0.0)
        if e.admin1_code and e.admin1_code in ctx_codes:  # more for the admin1 most of the others are in
            s += SAME_ADMIN1_WEIGHT * min(1.0, ADMIN1_SHARE_FULL * ctx_codes[e.admin1_code] / ctx_total)
        if e.admin1_code and e.admin1_code in ctx_codes:
            tied.add(e.index)
        if ctx_admin2 and (canonical or e.kind == Kind.ADMIN2) and (
                e.index if e.kind == Kind.ADMIN2 else e.admin2_index) in ctx_admin2:
            s += SAME_ADMIN2_WEIGHT  # not for a town met by an alternate name ("Minnesota" for Minneota)
            tied.add(e.index)
        d = None
        if ctx_points and e.lat is not None and e.lon is not None:
            d = min(km(e.lat, e.lon, la, lo) for la, lo in ctx_points)
            s += NEAR_WEIGHT * max(0.0, 1.0 - d / NEAR_KM)
            if d <= NEAR_KM:
                tied.add(e.index)
        if (in_focus and e.kind == Kind.CITY and e.population < LONE_TOWN_POPULATION and context
                and e.admin1_code not in ctx_codes and (d is None or d > NEAR_KM)):
            s += LONE_TOWN_WEIGHT  # a small town of the focus country that nothing else named is near
        out.append((s, e, tier))
        dist.append(d)
    if any(d is not None and d <= FAR_KM for d in dist):  # far only beside a candidate that is not
        out = [(s - FAR_WEIGHT * min(1.0, max(0.0, d - FAR_KM) / FAR_KM) if d is not None else s, e, t)
               for (s, e, t), d in zip(out, dist)]
    out.sort(key=lambda x: (-x[0], x[1].index))
    return _facilities_last(_famous_first(out, q, fpos, tied), name, tied, speaks_of_airports=speaks_of_airports)


def _facilities_last(ranked: list[tuple[float, Entry, Tier]], name: str, tied: set[int], *,
                     speaks_of_airports: bool) -> list[tuple[float, Entry, Tier]]:
    """An airport never outranks a place of the same name unless the phrase says it is an
    airport ("Heathrow Airport": no town has that name anyway), or the text speaks of
    airports (``speaks_of_airports``) and the place is a small town (under
    ``LONE_TOWN_POPULATION``) that nothing in it ties down: "Heathrow" in a story about
    airports is not the hamlet in Florida."""
    places = [r for r in ranked if r[1].kind != Kind.FACILITY]
    if not places or len(places) == len(ranked) or AVIATION.search(name):
        return ranked
    facilities = [r for r in ranked if r[1].kind == Kind.FACILITY]
    top = places[0][1]
    if (speaks_of_airports and top.kind == Kind.CITY and top.population < LONE_TOWN_POPULATION
            and top.index not in tied and facilities[0][2] == Tier.EXACT):
        return [facilities[0], *places, *facilities[1:]]
    return places + facilities


_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


def _shares_word(q: str, name: str) -> bool:
    """A folded query and a place's own name are spellings of one name: a word in common,
    abbreviations written out ("st petersburg", "Saint Petersburg"), or nearly the same
    letters ("middletown", "Middlestown"). An alternate name that is neither is another
    name altogether ("Berea", an old name of Aleppo)."""
    def words(s: str) -> set[str]:
        return {loose(_ABBREVIATIONS.get(w, w)) for w in s.split() if len(w) > 1}
    return bool(words(q) & words(fold(name))) or SequenceMatcher(None, loose(q), loose(name)).ratio() >= 0.8


def _in_area(e: Entry, codes: Counter, points: Sequence[tuple[float, float]], radius: float) -> bool:
    if e.admin1_code and e.admin1_code in codes:
        return True
    return e.lat is not None and any(km(e.lat, e.lon, la, lo) <= radius for la, lo in points)


def _stray(e: Entry, codes: Counter, points: Sequence[tuple[float, float]]) -> bool:
    """A town under ``STRAY_TOWN_POPULATION`` outside the admin1s of a text that names two or
    more towns and ``FUZZY_FAR_KM`` from all of them: the name is likelier a street, a building
    or a place the data lacks near them (a wrong point is worse than the document's own)."""
    return (e.population < STRAY_TOWN_POPULATION and len(points) >= 2
            and not _in_area(e, codes, points, FUZZY_FAR_KM))


def _near_only(found: list[tuple[Entry, Tier]], codes: Counter,
               points: Sequence[tuple[float, float]]) -> list[tuple[Entry, Tier]]:
    """Without the name's exact form (:func:`_resolve` tries that first), a loose or
    skeleton match is a guess, and only a guess in the document's area is worth making:
    where the document names towns, a town matched so and ``FUZZY_FAR_KM`` from all of
    them (and outside their admin1s) is dropped ("Neches" in a Texas story is not Naches,
    Washington; the name is likelier a river or a place the gazetteer lacks)."""
    if not points:
        return found
    return [(e, t) for e, t in found
            if t == Tier.EXACT or e.kind != Kind.CITY or _in_area(e, codes, points, FUZZY_FAR_KM)]


def _famous_first(ranked: list[tuple[float, Entry, Tier]], q: str, fpos: dict[str, int],
                  tied: set[int]) -> list[tuple[float, Entry, Tier]]:
    """A world city beats a small namesake of the focus country that nothing in the text
    ties down (its admin1 or county named, a town near it): "Paris" in an American story
    that names no place in Texas or Kentucky is Paris, France. The city must be matched as
    well, have the name (``q``, folded) as its own, and be ``FAMOUS_RATIO`` times bigger or,
    a city of old renown that population understates ("Venice"), known by ``RENOWN_RATIO``
    times as many names. A town met only by an alternate name ("Rome" for Rhome, Texas)
    gives way even where the text ties it down: the name is the famous city's own."""
    if not ranked:
        return ranked
    top_s, top, tier = ranked[0]
    alias = fold(top.name) != q
    if top.kind != Kind.CITY or top.country not in fpos or top.index in tied and not alias:
        return ranked
    for n, (s, e, t) in enumerate(ranked[1:], 1):
        if e.kind != Kind.CITY or e.country in fpos:
            continue
        same = t <= tier and fold(e.name) in (fold(top.name), q) or t < tier
        big = e.population >= FAMOUS_POPULATION and e.population >= FAMOUS_RATIO * max(top.population, 1)
        renowned = (e.renown >= RENOWN_NAMES and e.renown >= RENOWN_RATIO * max(top.renown, 1)
                    and e.population >= top.population)
        if same and (big or renowned) and (not alias or fold(e.name) == q):
            return [(top_s + 1e-6, e, t), *ranked[:n], *ranked[n + 1:]]
    return ranked


def _prefer_city(ranked: list[tuple[float, Entry, Tier]]) -> Entry:
    """The top entry, except that an admin1 gives way to a sizeable same-named city in it."""
    top, tier = ranked[0][1], ranked[0][2]
    if top.kind == Kind.ADMIN1:
        for _, e, t in ranked[1:]:
            if (e.kind == Kind.CITY and e.admin1_code == top.code and e.country == top.country and t <= tier + 1
                    and e.population >= 5_000):
                return e
    return top


def _place(e: Entry, *, text: str, qualifier: str | None, precision: Precision | None = None) -> Place:
    if precision is None:
        precision = {Kind.COUNTRY: Precision.COUNTRY, Kind.ADMIN1: Precision.ADMIN1,
                     Kind.REGION: Precision.REGION, Kind.ADMIN2: Precision.REGION}.get(e.kind, Precision.POINT)
    if e.kind == Kind.ADMIN1:
        admin1, admin1_code = e.name, e.code
    else:
        admin1, admin1_code = e.admin1, e.admin1_code
    point = precision is not Precision.COUNTRY
    return Place(name=e.name, country=e.country, admin1=admin1, admin1_code=admin1_code,
                 lat=e.lat if point else None, lon=e.lon if point else None, geonames_id=e.geonames_id,
                 precision=precision, qualifier=qualifier, text=text)


def to_place(e: Entry, *, text: str | None = None) -> Place:
    """The :class:`Place` for a gazetteer entry, at the entry's own precision."""
    return _place(e, text=text or e.name, qualifier=None)


def _admin_of(e: Entry, gazetteer: Gazetteer) -> Entry:
    if e.kind in (Kind.CITY, Kind.FACILITY) and e.admin1_code:
        return gazetteer.admin1(e.admin1_code) or e
    return e


def _resolve(text: str, gazetteer: Gazetteer, focus: Sequence[str], context: Sequence[Place],
             qualifier: str | None, within: Place | None = None, *, speaks_of_airports: bool = False) -> Place | None:
    cleaned = _clean(text)
    core = _ARTICLE.sub("", cleaned)
    if not core or is_demonym(core):
        return None
    # 1. the whole phrase may be a name ("Damascus Countryside", "the Gulf", "Gaza Strip")
    for whole in dict.fromkeys((cleaned, core)):
        exact = [r for r in _ranked(whole, gazetteer, focus, context, within=within,
                                    speaks_of_airports=speaks_of_airports)
                 if r[2] == Tier.EXACT]
        if exact:
            return _place(_prefer_city(exact), text=text, qualifier=qualifier)
    q, core = split_qualifier(core)
    qualifier = qualifier or q
    # 2. admin1 forms: "Hasaka province", "rural Damascus", "southern Raqqa countryside"
    form = _admin_form(core)
    if form is not None:
        name, direction, marker = form
        name = _ARTICLE.sub("", name)
        if is_demonym(name) or re.fullmatch(rf"{_DIR_ADJ}|{_DIR}", name, re.I):
            return None  # "Northern Province" names no province by "Northern"
        qual = " ".join(x for x in (qualifier, direction, "countryside" if marker.startswith("countryside") else None)
                        if x) or None
        if marker.startswith("countryside"):
            exact = [r for r in _ranked(f"{name} countryside", gazetteer, focus, context, within=within,
                                        speaks_of_airports=speaks_of_airports) if r[2] == Tier.EXACT]
            if exact and exact[0][1].kind == Kind.ADMIN1:
                return _place(exact[0][1], text=text, qualifier=qual)
        ranked = _ranked(name, gazetteer, focus, context, prefer_admin=True, within=within,
                         speaks_of_airports=speaks_of_airports)
        if not ranked:
            return None
        # a city whose admin1 the data lacks keeps its own point, qualified
        return _place(_admin_of(ranked[0][1], gazetteer), text=text, qualifier=qual)
    # 3. "Idlib district", "Raqqa city": the name, qualified
    ranked = _ranked(core, gazetteer, focus, context, within=within, speaks_of_airports=speaks_of_airports)
    if not ranked:
        m = _DISTRICT.match(core)
        if m:
            ranked = _ranked(m.group(1), gazetteer, focus, context, within=within,
                             speaks_of_airports=speaks_of_airports)
            if m.group(2).lower() == "district":
                qualifier = qualifier or "district"
    if not ranked:
        return None
    return _place(_prefer_city(ranked), text=text, qualifier=qualifier)


def resolve(name: str, *, gazetteer: Gazetteer, focus: Sequence[str] = (), context: Sequence[Place] = (),
            qualifier: str | None = None, within: Place | None = None,
            speaks_of_airports: bool = False) -> Place | None:
    """The place a phrase names, or None when no candidate is convincing.

    ``focus``: the article's countries (ISO2), most named first; ``context``: places
    already resolved in the article (nearby candidates win ties); ``qualifier``: the
    caller's own ("near"), else one read from the phrase; ``within``: an admin1 or country
    the place must lie in ("Alexandria, La."); ``speaks_of_airports``: the text speaks of
    airports, so an airport's short name may beat a small town of that name that nothing
    ties down.

    >>> resolve("Hasaka province", gazetteer=gaz, focus=["SY"]).admin1_code  # doctest: +SKIP
    'SY-HA'
    """
    ctx = tuple((p.admin1_code, p.country, p.lat, p.lon) for p in context)
    key = (name, tuple(focus), ctx, qualifier, within and (within.precision, within.admin1_code, within.country),
           speaks_of_airports)
    memo = gazetteer.memo
    try:
        return memo[key]
    except KeyError:
        pass
    place = _resolve(name, gazetteer, tuple(focus), tuple(context), qualifier, within,
                     speaks_of_airports=speaks_of_airports)
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[key] = place
    return place


def country_focus(names: Iterable[str], gazetteer: Gazetteer) -> list[str]:
    """ISO2 codes ranked by how often the names (entity texts of one article) name the
    country, its demonym, or a place in it; ties keep first-mention order."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for n, name in enumerate(names):
        code = demonym_country(name)
        if code is None and not is_demonym(name):
            place = resolve(name, gazetteer=gazetteer)
            code = place.country if place is not None and not _weak_vote(name, place, gazetteer) else None
        if code:
            counts[code] += 1
            first.setdefault(code, n)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))


def _weak_vote(name: str, place: Place, gazetteer: Gazetteer) -> bool:
    """A town found, with no focus to go by, only under another of its names ("Mare" for
    Mar'yanovka, "Al-Quriyah" loosely for Korla) says little of the article's country
    unless it is a sizeable town (``ALT_VOTE_POPULATION``; a city of a million where the
    name met it only loosely): the name is likelier a place the data lacks."""
    if _PART_OF_CITY.match(name.strip()):
        return True  # "the Old City" says nothing of the country
    if place.precision is not Precision.POINT or _shares_word(fold(name), place.name):
        return False
    i = gazetteer.by_geonames_id(place.geonames_id)
    if i is None:
        return True
    tier = dict(gazetteer.lookup(name)).get(i, Tier.EXACT)
    return gazetteer.entry(i).population < (ALT_VOTE_POPULATION if tier == Tier.EXACT
                                            else LOOSE_ALT_ABROAD_POPULATION)
