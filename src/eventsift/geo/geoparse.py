"""Geoparsing a whole text: find its toponyms, then place each one using all the others.

:func:`geoparse` is pure (text + spans + gazetteer -> placed toponyms); :func:`find_toponyms`
is the only part that needs a parsed spaCy ``Doc``.

Resolution reads the document as a whole, as a reader does:

1. the article's country focus is counted from every toponym (and demonym) it names,
   each mention's vote shared among the countries its name can mean (:func:`document_focus`);
2. every distinct name is resolved with that focus, and the confident answers (countries,
   admin1s, places that are big or in the focus) become the document's context;
3. every name is resolved again with the context of the *other* names, so "Alexandria"
   next to "Rapides Parish" and "Louisiana" lands in Louisiana;
4. one sense per document: a name keeps one place however often it recurs, and "X, Y"
   (Alexandria, La.) puts X inside Y wherever X recurs; a country's name is the country;
5. a name the gazetteer lacks (a street, a building, a county) takes the place the
   document is mostly about -- its most named town, else its admin1, else its country;
   a demonym takes its country.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from eventsift.geo.airports import AVIATION
from eventsift.geo.gazetteer import Entry, Gazetteer, Kind, Tier, km
from eventsift.geo.normalize import demonym_country, fold, is_demonym
from eventsift.geo.resolve import resolve, to_place
from eventsift.model import Place, Precision

__all__ = ["Toponym", "document_focus", "geoparse", "find_toponyms", "TOPONYM_LABELS"]

log = logging.getLogger(__name__)

TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})
FOCUS_SHARE = 0.25  # a country joins the focus with at least this share of the top country's votes
FOCUS_MAX = 4
VOTING_POPULATION = 15_000  # a town this big makes its country a candidate for the focus
STATE_OVER_TOWN = 100_000  # a town of this size keeps its name from the state's (Washington, D.C.)
PASSES = 2
ANCHOR_POP = 0.5  # per tenfold population, in mentions
ANCHOR_FOCUS = 1.0  # for a place in the document's first focus country, in mentions
ANCHOR_AREA = 0.5  # for each mention of another place in the town's admin1, in mentions
COUNTY_STATES = 12  # a county name found in more states than this says nothing of the state
_ADMIN2 = re.compile(r"^(.+?)\s+(?:county|parish|borough|township|district|municipality|shire)$", re.I)
_COUNTY_LIST = re.compile(r"^(?:\s*(?:,|,?\s+and|,?\s+or|&)\s+(?:[A-Z][\w.'’-]*\s+){0,2}?[A-Z][\w.'’-]*)*"
                          r"\s+(counties|parishes|county|parish)\b")
_ADJECTIVE = re.compile(r"(?:ian|ean|an|ese|ish|i)s?$")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Toponym:
    """A span of the text that names a place, and the place it was resolved to.

    ``how`` says how the point was chosen: "gazetteer" (the name was found), "country"
    (a demonym or a country-level name), or "document" (the name was not found and took
    the place the document is about); None when nothing could be placed.
    """
    start: int
    end: int
    text: str
    place: Place | None = None
    how: str | None = None


def _name(text: str) -> str:
    return _POSSESSIVE.sub("", " ".join(text.split())).strip(" .,;:")


def _with_point(p: Place, gazetteer: Gazetteer) -> Place:
    """A country-precision place with the country's representative point filled in."""
    if p.lat is not None or not p.country:
        return p
    c = gazetteer.country(p.country)
    if c is None or c.lat is None:
        return p
    return replace(p, lat=c.lat, lon=c.lon)


def _country_place(code: str, gazetteer: Gazetteer, text: str) -> Place | None:
    c = gazetteer.country(code)
    if c is None:
        return None
    return Place(name=c.name, country=c.country, lat=c.lat, lon=c.lon, geonames_id=c.geonames_id,
                 precision=Precision.COUNTRY, text=text)


def _demonym_place(name: str, gazetteer: Gazetteer, focus: Sequence[str]) -> Place | None:
    """The area an adjective of no one country names: 'European' -> Europe, 'Korean' -> Korea."""
    base = name[4:] if name.lower().startswith("the ") else name
    base = base[:-1] if base.endswith("s") else base
    if not base.endswith("an"):
        return None
    for stem in (base[:-1], base[:-2]):
        p = resolve(stem, gazetteer=gazetteer, focus=focus)
        if p is not None and p.precision in (Precision.COUNTRY, Precision.REGION):
            return p
    return None


def document_focus(names: Sequence[str], gazetteer: Gazetteer) -> list[str]:
    """The countries a document is about, most first. Each mention votes for the countries
    its name can mean (an exact name of a country, admin1, region or sizeable town there,
    or a demonym), its one vote shared among them: "Georgia" next to "Atlanta" and
    "Savannah" is the state, next to "Tbilisi" the country."""
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    size: Counter[str] = Counter()  # ties go to the country of the biggest place named
    memo: dict[str, dict[str, int]] = {}
    for n, name in enumerate(names):
        key = fold(name)
        if key not in memo:
            code = demonym_country(name)
            found: dict[str, int] = {code: 0} if code else {}
            if not code:
                for e in (gazetteer.entry(i) for i, tier in gazetteer.lookup(name) if tier == Tier.EXACT):
                    if not e.country or e.kind == Kind.FACILITY:  # a story names an airport it flies to or from
                        continue
                    if e.kind != Kind.CITY or e.population >= VOTING_POPULATION:
                        found[e.country] = max(found.get(e.country, 0), e.population)
            memo[key] = found
        for c, pop in memo[key].items():
            votes[c] += 1 / len(memo[key])
            first.setdefault(c, n)
            size[c] = max(size[c], pop)
    ranked = sorted(votes, key=lambda c: (-round(votes[c], 6), first[c], -size[c], c))
    return [c for c in ranked if votes[c] >= FOCUS_SHARE * votes[ranked[0]]][:FOCUS_MAX]


def _proper(text: str) -> bool:
    """A proper name has a capital letter: 'alley' and 'the region' name no place."""
    return any(c.isupper() for c in text)


def _country_named(name: str, gazetteer: Gazetteer) -> Entry | None:
    for i, tier in gazetteer.lookup(name):
        e = gazetteer.entry(i)
        if tier == Tier.EXACT and e.kind == Kind.COUNTRY:
            return e
    return None


def _population(p: Place, name: str, gazetteer: Gazetteer) -> int:
    return max((e.population for e in (gazetteer.entry(i) for i, _ in gazetteer.lookup(name))
                if e.geonames_id == p.geonames_id and e.name == p.name), default=0)


def _admin1_named(name: str, gazetteer: Gazetteer, country: str) -> Entry | None:
    for i, tier in gazetteer.lookup(name):
        e = gazetteer.entry(i)
        if tier == Tier.EXACT and e.kind == Kind.ADMIN1 and e.country == country and fold(e.name) == fold(name):
            return e
    return None


def _resolve_name(name: str, gazetteer: Gazetteer, focus: Sequence[str], context: Sequence[Place],
                  within: Place | None = None, *, named: Sequence[Place] | None = None,
                  speaks_of_airports: bool = False) -> Place | None:
    """An admin1's name in the focus country means the admin1 ('Oregon', not Oregon,
    Wisconsin), unless the town lies in it ('New York'). A country's name means the
    country ('Italy', not Italy, Texas) unless the focus
    country has an admin1 of that name ('Georgia' in an American story), the text puts the
    name inside a place ('Palestine, Texas'), or the document names nothing else in that
    country while a town of the name lies among the other places it names."""
    if within is not None:
        p = resolve(name, gazetteer=gazetteer, focus=focus, context=context, within=within,
                    speaks_of_airports=speaks_of_airports)
        if p is not None:
            return p
    country = _country_named(name, gazetteer)
    if country is None or not country.country:
        p = resolve(name, gazetteer=gazetteer, focus=focus, context=context, speaks_of_airports=speaks_of_airports)
        state = _admin1_named(name, gazetteer, focus[0]) if focus and p is not None else None
        if (state is not None and p.precision is Precision.POINT and p.admin1_code != state.code
                and _population(p, name, gazetteer) < STATE_OVER_TOWN):
            return to_place(state, text=name)  # "Oregon" in an American story is the state
        if state is not None and p.precision is Precision.REGION and fold(p.name) != fold(name):
            return to_place(state, text=name)  # "Delaware" is the state, not a Delaware County
        return p
    if focus and focus[0] != country.country:
        home = Place(name=focus[0], country=focus[0], precision=Precision.COUNTRY)
        p = resolve(name, gazetteer=gazetteer, focus=focus, context=context, within=home,
                    speaks_of_airports=speaks_of_airports)
        if p is not None and fold(p.name) == fold(name) and (
                p.precision is Precision.ADMIN1 or _among(p, named if named is not None else context) and not any(
                    c.country == country.country for c in context)):
            return p
    return _country_place(country.country, gazetteer, name)


def _among(p: Place, context: Sequence[Place]) -> bool:
    """``p`` lies in an admin1 that another place of the document is in or is."""
    return p.admin1_code is not None and any(c.admin1_code == p.admin1_code for c in context)


def _containers(text: str, spans: Sequence[tuple[int, int]], names: Sequence[str],
                first: dict[str, Place | None]) -> dict[str, Place]:
    """Names written as 'X, Y' where Y is an admin1 or country: Y contains X."""
    out: dict[str, Place] = {}
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for a, b in zip(order, order[1:]):
        gap = text[spans[a][1]:spans[b][0]]
        box = first.get(names[b])
        if gap.strip() != "," or len(gap) > 3 or not names[a] or box is None:
            continue
        if box.precision in (Precision.ADMIN1, Precision.COUNTRY) and first.get(names[a]) != box:
            out.setdefault(names[a], box)
    return out


def _county_boxes(names: Sequence[str], gazetteer: Gazetteer) -> dict[str, Place]:
    """Names a county the text names ties to one state: "Paris" and "Henry County" in
    one story are the Paris in Henry County, Tennessee, though Paris, France is bigger and
    other states have a Henry County. A county and a town (or two counties' towns) meet
    by chance too, so a name is boxed only where every meeting puts it in one state."""
    by_county: dict[int, set[str]] = {}
    explicit: set[str] = set()
    for n in names:
        for i, tier in gazetteer.lookup(n):
            e = gazetteer.entry(i)
            if tier != Tier.EXACT:
                continue
            if e.kind == Kind.ADMIN2:
                if fold(e.name) != fold(n):
                    continue  # "Shelby" alone is a town or a person, not Shelby County
                explicit.add(n)
            key = e.index if e.kind == Kind.ADMIN2 else e.admin2_index
            if key is not None and e.kind in (Kind.ADMIN2, Kind.CITY):
                by_county.setdefault(key, set()).add(n)
    states: dict[str, set[str]] = {}
    for key, found in by_county.items():
        if len(found) < 2 or not found & explicit:
            continue
        code = gazetteer.entry(key).admin1_code
        for n in found:
            states.setdefault(n, set()).add(code or "")
    out = {}
    for n, codes in states.items():
        if len(codes) == 1 and (box := gazetteer_admin1(gazetteer, next(iter(codes)))) is not None:
            out[n] = box
    return out


def _state_or_country(name: str, gazetteer: Gazetteer) -> bool:
    return any(t == Tier.EXACT and gazetteer.entry(i).kind in (Kind.COUNTRY, Kind.ADMIN1)
               for i, t in gazetteer.lookup(name))


def _bare_counties(names: Sequence[str], gazetteer: Gazetteer) -> list[str]:
    """A story that names "DeKalb County" means the county by "DeKalb" alone too (its
    namesake town, if any, lies in or near it); not so "Georgia" beside "Georgia County"."""
    counties = {fold(n): n for n in names if n and _ADMIN2.match(n)}
    out = []
    for n in names:
        county = next((counties[k] for k in (fold(f"{n} county"), fold(f"{n} parish")) if k in counties), None) \
            if n and not _ADMIN2.match(n) else None
        out.append(county if county is not None and not _state_or_country(n, gazetteer) else n)
    return out


def _county_listed(name: str, text: str, end: int, gazetteer: Gazetteer) -> str:
    """'Jackson' in "Jackson and Barrow counties" (or "Jackson County", spanned without its
    last word) names the county: 'Jackson County'; but "Indiana counties" are Indiana's."""
    if not name or _ADMIN2.match(name):
        return name
    m = _COUNTY_LIST.match(text[end:end + 120])
    if m is None:
        return name
    county = f"{name} {'Parish' if m.group(1).lower().startswith('parish') else 'County'}"
    if _state_or_country(name, gazetteer):
        return name
    if not any(gazetteer.entry(i).kind == Kind.ADMIN2 and fold(gazetteer.entry(i).name) == fold(county)
               for i, _ in gazetteer.lookup(county)):
        return name
    return county


_OF_PLACE = re.compile(r"^(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+of\s+(?:the\s+)?(.+)$")


def _embedded_place(name: str, placed: dict[str, Place | None], gazetteer: Gazetteer,
                    focus: Sequence[str]) -> Place | None:
    """An institution "of" a place the gazetteer lacks is there: "Bank of England",
    "University of Iowa". The place must be one the document names itself, or a country,
    admin1 or region (a street or a building is better placed by the document's town)."""
    m = _OF_PLACE.match(name)
    if m is None or is_demonym(m.group(1)):
        return None
    sub = m.group(1)
    for other, q in placed.items():
        if q is not None and fold(other) == fold(sub):
            return q
    p = _resolve_name(sub, gazetteer, focus, [q for q in placed.values() if q is not None])
    if p is not None and p.precision in (Precision.COUNTRY, Precision.ADMIN1, Precision.REGION) \
            and fold(p.name) == fold(sub) or p is not None and _country_named(sub, gazetteer) is not None:
        return p
    return None


_WORDS = re.compile(r"[^\s/]+")
_STREET = re.compile(r"^(?:street|st\.?|avenue|ave\.?|road|rd\.?|place|pl\.?|boulevard|blvd\.?|lane|drive|way|square)$",
                     re.I)
INNER_POPULATION = 100_000  # a town named inside a building's name is taken alone at this size


def _named_within(name: str, placed: dict[str, Place | None], gazetteer: Gazetteer,
                  focus: Sequence[str], *, speaks_of_airports: bool = False) -> Place | None:
    """A building or facility the gazetteer lacks, named after a town: "Windsor Castle",
    "Dulles International Airport", "Old Town Manassas". The longest run of its words that
    is exactly a town's (or admin1's) name, where that town is big and in the first focus
    country or a country the document names ("British Embassy Tokyo" beside "Japan"), or lies
    near a place it names; else None (the document's place is used)."""
    words = _WORDS.findall(name)
    if len(words) < 2 or _STREET.match(words[-1]):
        return None  # a street is named after anything; the document's town is the better guess
    context = [q for q in placed.values() if q is not None]
    points = [(q.lat, q.lon) for q in context if q.lat is not None and q.precision is Precision.POINT]
    named = {q.country for q in context if q.precision is Precision.COUNTRY}
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            sub = " ".join(words[i:i + size]).strip(" ,.'’-")
            if len(sub) < 4 or not sub[0].isupper() or is_demonym(sub) or demonym_country(sub):
                continue
            p = resolve(sub, gazetteer=gazetteer, focus=focus, context=context, speaks_of_airports=speaks_of_airports)
            facility = p is not None and _facility_named(sub, p, gazetteer)
            if p is None or p.lat is None or fold(p.name) != fold(sub) and not facility or \
                    p.precision not in (Precision.POINT, Precision.ADMIN1):
                continue
            near = any(km(p.lat, p.lon, la, lo) <= NEAR_INNER_KM for la, lo in points)
            if near or (p.precision is Precision.POINT and (p.country in focus[:1] or p.country in named)
                        and (facility or _population(p, sub, gazetteer) >= INNER_POPULATION)):
                return p
    return None


NEAR_INNER_KM = 100.0


def _facility_named(name: str, p: Place, gazetteer: Gazetteer) -> bool:
    """``p`` is an airport that ``name`` is exactly one of the names of ("Heathrow")."""
    return any(t == Tier.EXACT and (e := gazetteer.entry(i)).kind == Kind.FACILITY and (e.lat, e.lon) == (p.lat, p.lon)
               for i, t in gazetteer.lookup(name))


def _near_context(p: Place | None, context: Sequence[Place]) -> Place | None:
    """``p`` if it shares an admin1 with a context place (or there is no context to check)."""
    if p is None or p.precision is not Precision.POINT:
        return None
    codes = {c.admin1_code for c in context if c.admin1_code}
    return p if not codes or p.admin1_code in codes else None


_ADJECTIVE_ENDINGS = (("ians", ("ia", "y", "")), ("ian", ("ia", "y", "", "a")), ("ean", ("e", "ea")),
                      ("vian", ("",)), ("ans", ("a", "")), ("an", ("a", "")), ("ese", ("", "a")),
                      ("ish", ("en", "and", "")), ("is", ("",)), ("i", ("",)))


def _adjective_place(name: str, gazetteer: Gazetteer, focus: Sequence[str]) -> Place | None:
    """The country, admin1 or region an adjective the demonym table lacks points to:
    'Peruvian' -> Peru, 'Jamaican' -> Jamaica, 'Sicilian' -> Sicily, 'Nepalese' -> Nepal,
    'Latin American' -> South America (a region, by one of its names)."""
    words = name.split()
    last = words[-1] if words else ""
    for ending, repl in _ADJECTIVE_ENDINGS:
        if not last.endswith(ending) or len(last) - len(ending) < 3:
            continue
        for r in repl:
            stem = " ".join([*words[:-1], last[: -len(ending)] + r])
            p = resolve(stem, gazetteer=gazetteer, focus=focus)
            if p is not None and p.lat is not None and fold(p.name) == fold(stem) or (
                    p is not None and p.precision is Precision.COUNTRY and _country_named(stem, gazetteer)) or (
                    p is not None and p.precision is Precision.REGION and _region_named(stem, gazetteer)):
                return _with_point(p, gazetteer)
    return None


def _region_named(name: str, gazetteer: Gazetteer) -> bool:
    """``name`` is exactly one of a region's names ("Latin America" for South America)."""
    return any(t == Tier.EXACT and gazetteer.entry(i).kind == Kind.REGION for i, t in gazetteer.lookup(name))


def _in_context(n: str, context: dict[str, Place], counties: dict[str, frozenset[str]], alone: Place | None,
                within: Place | None, gazetteer: Gazetteer, focus: Sequence[str], *,
                speaks_of_airports: bool = False) -> Place | None:
    """``n`` resolved among the places the rest of the document names."""
    named = [p for m, p in context.items() if fold(m) != fold(n)]
    # a county named in the text makes its states likelier ("Paris" near "Henry County")
    others = named + [Place(name=m, country="US", admin1_code=c, precision=Precision.ADMIN1)
                      for m, codes in counties.items() if m != n and len(codes) <= COUNTY_STATES for c in codes]
    if not others:
        return alone
    p = _resolve_name(n, gazetteer, focus, others, within, named=named, speaks_of_airports=speaks_of_airports)
    if p is None and (m := _ADMIN2.match(n)):  # "Madison County": its namesake town, if nearby
        p = _near_context(resolve(m.group(1), gazetteer=gazetteer, focus=focus, context=others), others)
    return p


def _point_inside(p: Place, placed: dict[str, Place | None], counts: Counter, gazetteer: Gazetteer) -> Place | None:
    """A point for an area the gazetteer has no point for: the most named town of the
    document in its admin1 (a county's town), else its namesake town there, else its
    admin1's point; None (the document's place is used) for areas in no admin1."""
    if not p.admin1_code:
        return None
    inside = Counter({n: counts[fold(n)] for n, q in placed.items()
                      if q is not None and q.precision is Precision.POINT and q.admin1_code == p.admin1_code})
    if inside:
        q = placed[inside.most_common(1)[0][0]]
        return replace(p, lat=q.lat, lon=q.lon)
    m = _ADMIN2.match(p.name)
    seat = resolve(m.group(1), gazetteer=gazetteer, within=gazetteer_admin1(gazetteer, p.admin1_code)) if m else None
    if seat is not None and seat.precision is Precision.POINT and fold(seat.name) == fold(m.group(1)):
        return replace(p, lat=seat.lat, lon=seat.lon)  # "Henry County" is around Henry, its namesake town
    a = gazetteer.admin1(p.admin1_code)
    return replace(p, lat=a.lat, lon=a.lon) if a is not None and a.lat is not None else None


def _county_states(name: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The admin1 codes of the second-level units called exactly ``name``."""
    out = set()
    for i, tier in gazetteer.lookup(name):
        e = gazetteer.entry(i)
        if tier == Tier.EXACT and e.kind == Kind.ADMIN2 and e.admin1_code:
            out.add(e.admin1_code)
    return frozenset(out)


def _state_meant(n: str, p: Place | None, placed: dict[str, Place | None], within: Place | None,
                 gazetteer: Gazetteer) -> Place | None:
    """The admin1 a town's name also names, where the document means the admin1: the town
    (a big one, or a capital: "New York", "Washington") lies outside that admin1 and the
    document names other towns inside it ("Washington" beside "Seattle"), or the
    document's other places in that country are mostly admin1s, a list of states ("New
    York" beside "Ohio", "Michigan" and "Wisconsin"). A name in capitals is a dateline
    ("WASHINGTON —"), a town. None to keep the town."""
    if p is None or p.precision is not Precision.POINT or not p.country or within is not None or n.isupper():
        return None
    state = _admin1_named(n, gazetteer, p.country)
    if state is None:
        return None
    others = {fold(m): q for m, q in placed.items()
              if q is not None and fold(m) != fold(n) and q.country == p.country}
    if p.admin1_code != state.code and any(
            q.precision is Precision.POINT and q.admin1_code == state.code for q in others.values()):
        return to_place(state, text=n)
    admin1s = {q.admin1_code for q in others.values() if q.precision is Precision.ADMIN1}
    points = sum(q.precision is not Precision.ADMIN1 for q in others.values())
    if admin1s and len(admin1s) > points:
        return to_place(state, text=n)
    return None


def _point_admin1s(placed: dict[str, Place | None]) -> list[str]:
    """Admin1 codes of the towns and admin1s placed, most named first."""
    codes = Counter(p.admin1_code for p in placed.values()
                    if p is not None and p.precision in (Precision.POINT, Precision.ADMIN1) and p.admin1_code)
    return [c for c, _ in codes.most_common()]


def gazetteer_admin1(gazetteer: Gazetteer, code: str) -> Place | None:
    a = gazetteer.admin1(code)
    return None if a is None else Place(name=a.name, country=a.country, admin1=a.name, admin1_code=a.code,
                                        precision=Precision.ADMIN1)


def _confident(p: Place, focus: Sequence[str]) -> bool:
    return p.precision is not Precision.POINT or p.country in focus[:2]


def _anchor(placed: Iterable[tuple[str, int, Place]], gazetteer: Gazetteer, focus: Sequence[str] = ()) -> Place | None:
    """The place a document is mostly about: its most named point (a big town's mentions
    weigh a little more, a town in the document's first focus country a mention more, and
    each mention of another place in the town's admin1 ``ANCHOR_AREA`` more: a story naming
    "Va.", "Gainesville" and "Centreville" is about Virginia though it names Charleston once),
    else admin1, else country."""
    placed = list(placed)
    area: Counter = Counter()  # mentions of places in each admin1, the admin1 itself included
    for _, count, p in placed:
        if p.admin1_code and p.precision in (Precision.POINT, Precision.ADMIN1):
            area[p.admin1_code] += count
    by_rank: dict[int, Counter] = {0: Counter(), 1: Counter(), 2: Counter()}
    keep: dict[tuple, Place] = {}
    for name, count, p in placed:
        if p.lat is None:
            continue
        rank = {Precision.POINT: 0, Precision.ADMIN1: 1}.get(p.precision, 2)
        key = (p.geonames_id, p.name, p.country)
        if key not in keep:
            by_rank[rank][key] += ANCHOR_POP * math.log10(_population(p, name, gazetteer) + 1)
            by_rank[rank][key] += ANCHOR_FOCUS if focus and p.country == focus[0] else 0.0
            if rank == 0 and p.admin1_code:
                by_rank[rank][key] += ANCHOR_AREA * (area[p.admin1_code] - count)
        by_rank[rank][key] += count
        keep.setdefault(key, p)
    for rank in (0, 1, 2):
        if by_rank[rank]:
            return keep[by_rank[rank].most_common(1)[0][0]]
    return None


def geoparse(text: str, spans: Sequence[tuple[int, int]], *, gazetteer: Gazetteer,
             names: Sequence[str] | None = None) -> list[Toponym]:
    """Place every span of ``text`` (character offsets) that names a place; ``names``, where
    given, are the spans' words (for corpora whose offsets drift from their text).

    >>> [t.place.name for t in geoparse("Shelling hit Raqqa, Syria.", [(13, 18), (20, 25)],
    ...                                 gazetteer=gaz)]  # doctest: +SKIP
    ['Ar Raqqah', 'Syria']
    """
    given = names if names is not None else [text[s:e] for s, e in spans]
    names = [_county_listed(_name(n), text, e, gazetteer) if _proper(n) else "" for n, (_, e) in zip(given, spans)]
    names = _bare_counties(names, gazetteer)
    counts = Counter(fold(n) for n in names)
    distinct = list(dict.fromkeys(n for n in names if n))
    focus = document_focus([n for n in names if n], gazetteer)
    speaks_of_airports = AVIATION.search(text) is not None  # the text speaks of airports: "Heathrow" may be one
    first = {n: _resolve_name(n, gazetteer, focus, (), speaks_of_airports=speaks_of_airports) for n in distinct}
    within = _containers(text, spans, names, first)
    for n, box in _county_boxes(distinct, gazetteer).items():
        within.setdefault(n, box)
    for n, box in within.items():  # "Alexandria, La.": that sense, wherever the name recurs
        first[n] = resolve(n, gazetteer=gazetteer, focus=focus, within=box,
                           speaks_of_airports=speaks_of_airports) or first[n]
    counties = {n: _county_states(n, gazetteer) for n in distinct}
    final = first
    for _ in range(PASSES):  # each pass reads the others' places from the pass before
        context = {n: p for n, p in final.items() if p is not None and _confident(p, focus)}
        final = {n: _in_context(n, context, counties, first[n], within.get(n), gazetteer, focus,
                                speaks_of_airports=speaks_of_airports)
                 for n in distinct}
    for n, p in list(final.items()):  # "New York" among "Ohio" and "Iowa" is the state
        state = _state_meant(n, p, final, within.get(n), gazetteer)
        if state is not None:
            final[n] = state
    for n, codes in counties.items():  # a county goes to the state of a town the text names
        p = final.get(n)
        if p is not None and codes and p.admin1_code not in _point_admin1s(final):
            home = next((c for c in _point_admin1s(final) if c in codes), None)
            if home is not None:
                final[n] = resolve(n, gazetteer=gazetteer, focus=focus, within=gazetteer_admin1(gazetteer, home)) or p
    for n, p in final.items():  # an area with no point of its own
        if p is not None and p.lat is None and p.precision is not Precision.COUNTRY:
            final[n] = _point_inside(p, final, counts, gazetteer)
    anchor = _anchor(((n, counts[fold(n)], p) for n, p in final.items() if p is not None), gazetteer, focus)
    out = []
    for (s, e), n, raw in zip(spans, names, given):
        p, how = final.get(n), "gazetteer"
        if p is not None and fold(p.name) != fold(n) and _ADJECTIVE.search(n):
            p = _adjective_place(n, gazetteer, focus) or p  # "Malaysian" is Malaysia, not Malasin
        if p is None and n:
            code = demonym_country(n)
            if code:
                p, how = _country_place(code, gazetteer, raw), "country"
                part = _adjective_place(n, gazetteer, focus)  # "English" is England, within the UK
                if part is not None and part.precision is Precision.ADMIN1 and part.country == code:
                    p = replace(part, text=raw)
            elif is_demonym(n):
                p, how = _demonym_place(n, gazetteer, focus), "country"
            elif (adj := _adjective_place(n, gazetteer, focus)) is not None:
                p, how = adj, "country"
            elif (inner := _embedded_place(n, final, gazetteer, focus)) is not None:
                p, how = replace(inner, text=raw), "gazetteer"
            elif (inner := _named_within(n, final, gazetteer, focus,
                                         speaks_of_airports=speaks_of_airports)) is not None:
                p, how = replace(inner, text=raw), "gazetteer"
            elif not is_demonym(n) and anchor is not None:
                p, how = replace(anchor, text=raw), "document"
            elif focus:
                p, how = _country_place(focus[0], gazetteer, raw), "document"
        elif p is not None and p.precision is Precision.COUNTRY:
            how = "country"
        if p is not None:
            p = _with_point(p, gazetteer)
        out.append(Toponym(start=s, end=e, text=raw, place=p, how=how if p is not None else None))
    return out


def find_toponyms(doc, *, gazetteer: Gazetteer, demonyms: bool = True) -> list[tuple[int, int]]:
    """Character spans of a parsed spaCy ``Doc`` that name places: entities labelled GPE,
    LOC or FAC; entities the tagger labelled otherwise (ORG, PERSON) whose whole text is a
    country, admin1, region or city of VOTING_POPULATION in the gazetteer; and, with
    ``demonyms``, adjectives of one country ("Syrian"), as geoparsing corpora count them."""
    spans = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        if ent[0].lower_ == "the" and len(ent) > 1:
            start = ent[1].idx
        raw = doc.text[start:end].rstrip()
        name = _name(raw)
        if not name or not _proper(name):
            continue
        if ent.label_ in TOPONYM_LABELS:
            if is_demonym(name) and not (demonyms and demonym_country(name)):
                continue
        elif ent.label_ == "NORP":
            if not (demonyms and demonym_country(name)):
                continue
        elif not (ent.label_ in ("ORG", "PERSON") and _well_known(name, gazetteer)):
            continue
        end = start + len(_POSSESSIVE.sub("", raw))
        spans.append((start, end))
    return spans


def _well_known(name: str, gazetteer: Gazetteer) -> bool:
    for i, tier in gazetteer.lookup(name):
        if tier != Tier.EXACT:
            continue
        e = gazetteer.entry(i)
        if fold(e.name) == fold(name) and (e.kind in (Kind.COUNTRY, Kind.ADMIN1, Kind.REGION)
                                           or e.population >= VOTING_POPULATION * 10):
            return True
    return False
