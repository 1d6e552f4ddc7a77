"""Casualty tolls and counted quantities in one sentence.

Hand-written: one precompiled regex finds number phrases ("1,200", "twenty-five",
"at least 112", "10 to 15", "dozens"), a short word walk reads the noun they count
("20 ISIS fighters" -> fighters), and the words around decide what was counted:
"killing 224 people" (verb first), "112 people were killed" (number first, passive or
intransitive), "the death toll rose to 45" (toll). No spaCy: this runs on plain strings
and costs tens of microseconds a sentence.

Numbers, following ACLED's codebook where it speaks:

- "at least 112", "more than 20", "over 20", "nearly 50", "up to 30": the stated number
  (ACLED codes the number reported, conservatively; no +1 for "more than").
- "10 to 15", "between 10 and 15", "10-15": low end; :class:`Casualties` keeps the high end
  in ``killed_max``/``injured_max``.
- vague plurals of a unit (ACLED: "tens" 10, "dozens" 12, "hundreds" 100 "and so on"):
  tens 10, dozens 12, scores 20, hundreds 100, thousands 1000, "tens of thousands"
  10000, "several hundred"/"a few hundred" 100.
- "several", "many", "a few", "some" alone: None. ACLED's codebook records 10 for
  "several", "many" or "plural" fatalities where a figure must be coded; we leave the
  count empty (no number was given; a caller that wants ACLED's convention applies it).
  "scores" is 20 by the same reading as "dozens" (one unit of the vague plural), which
  the codebook does not list.
- "no one", "nobody", "none": 0.
- A toll split between groups ("12 soldiers and 8 rebels were killed") is summed; counts
  inside an "including ..." clause are a subset and are not added.
- When a sentence gives several death counts, the first one is kept.

Quantities keep only counted things analysts track (strikes, sorties, missiles, vehicles,
facilities, targets, distances, ...; see ``UNIT_HEADS``). Money ("$1.5 million"),
percentages, ordinals, dates, times, model designations (Tu-160, Su-24, M20) and counts
of people are not quantities. The unit is the head noun as written, with a compound
modifier kept where it names the thing ("cruise missiles", "barrel bombs").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventsift.model import Quantity

__all__ = ["TextSpan", "Casualties", "parse_number", "parse_range", "find_casualties",
           "find_quantities", "UNIT_HEADS"]


@dataclass(frozen=True, slots=True, kw_only=True)
class TextSpan:
    """``sentence[start:end] == text``."""
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Casualties:
    killed: int | None = None
    killed_max: int | None = None  # set only for a range ("10 to 15 killed")
    injured: int | None = None
    injured_max: int | None = None
    killed_text: TextSpan | None = None
    injured_text: TextSpan | None = None


# ---------------------------------------------------------------------------- words
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "tens of thousands": 10_000, "hundreds of thousands": 100_000,
    "several dozen": 12, "a few dozen": 12, "several hundred": 100, "a few hundred": 100,
    "many hundreds": 100, "several thousand": 1000, "a few thousand": 1000,
    "no one": 0, "nobody": 0, "none": 0, "no": 0,
}
_NW = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_QUAL = (r"(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|no\s+fewer\s+than|"
         r"no\s+less\s+than|over|nearly|almost|about|around|approximately|roughly|some|up\s+to|"
         r"as\s+many\s+as|close\s+to|upwards\s+of|an\s+estimated|estimated|a\s+total\s+of|"
         r"a\s+further|another|an\s+additional|only|just|exactly)")
_QUAL_RE = re.compile(rf"(?i)^{_QUAL}\s+")

_PERSON_PLURAL = set("""
people persons civilians soldiers troops servicemen servicemembers members fighters militants
rebels insurgents jihadists extremists terrorists gunmen attackers assailants combatants
children kids babies infants women men boys girls officers policemen policewomen police
personnel guards workers students pilgrims worshippers worshipers protesters protestors
demonstrators passengers residents villagers others individuals victims relatives
journalists reporters doctors nurses medics staff employees contractors prisoners detainees
inmates refugees migrants recruits commanders leaders officials marines sailors airmen pilots
crew crewmen teenagers farmers shepherds drivers militiamen paramilitaries volunteers
peacekeepers bystanders adults elderly family families lives mothers fathers sons daughters brothers
sisters wives husbands siblings toddlers newborns grandchildren cousins hostages captives abductees
youths adolescents minors teachers shoppers customers pedestrians motorists commuters mourners wedding-goers guests tourists
paramedics rescuers firefighters herders fishermen traders merchants labourers laborers citizens""".split())
_PERSON_SINGULAR = set("""
person civilian soldier man woman child boy girl baby infant officer policeman policewoman
fighter militant rebel member guard worker journalist reporter student resident commander
gunman bomber attacker passenger pilot doctor nurse medic contractor marine sailor teenager
farmer shepherd driver official leader cameraman photographer employee servicemember
serviceman trooper protester demonstrator villager militiaman peacekeeper volunteer
bystander prisoner detainee teacher mother father son daughter brother sister wife husband toddler
youth newborn grandmother grandfather grandson granddaughter cousin hostage captive citizen""".split())
_PERSON = _PERSON_PLURAL | _PERSON_SINGULAR

UNIT_HEADS = frozenset("""
airstrikes airstrike strikes strike raids raid sorties sortie missions mission flights flight
maneuvers manoeuvres missiles missile rockets rocket shells shell rounds bombs bomb mortars
grenades mines landmines ieds drones drone aircraft jets jet warplanes warplane planes plane
helicopters helicopter bombers tanks tank vehicles vehicle trucks truck tankers convoys
boats ships vessels warships submarines targets target facilities facility buildings homes
houses shelters hospitals schools mosques churches bridges positions posts checkpoints bases
camps depots warehouses factories plants refineries wells pipelines villages towns cities
settlements neighborhoods neighbourhoods hideouts tunnels weapons guns rifles launchers
pieces barrels tons tonnes kilometers kilometres km miles meters metres hectares litres
liters gallons attacks incidents operations explosions blasts bombings projectiles salvos
munitions munition installations sites outposts bunkers strongholds""".split())
_COMPOUND_PREFIX = set("""cruise ballistic barrel car cluster mortar artillery air rocket guided
command ammunition oil fuel anti-tank anti-aircraft suicide""".split())
_STOP = set("""and or but nor were was is are be been being have has had will would could
in on at from to by with near after before during when while who whom which that including
as of for the a an said says say reportedly also all than then who's its their his her
killed dead died kill killing wounded injured hurt wounding injuring died slain perished
lost were""".split())
_DEATH_NOUNS = {"deaths", "fatalities", "dead"}
_TIME_WORDS = set("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec last this early late yesterday today""".split())
_LABEL_BEFORE = re.compile(
    r"(?i)(?:\b(?:article|resolution|section|flight|route|highway|road|no\.|number|page|"
    r"chapter|paragraph|brigade|division|regiment|battalion|corps|unit|room|gate|platform|"
    r"km|kilometre|kilometer|mile|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*)\.?|[#№])\s*$")
_YEARISH = re.compile(r"(?i)\b(?:in|since|of|during|by|until|from)\s*$")

_DIGIT = (r"(?<![\w$£€.,/:#-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\.\d|,\d|[A-Za-z_%°]|-[A-Za-z])"
          r"(?:\s+(?:hundred|thousand|million|billion)\b)?")
_TOK = rf"(?:{_NW}|hundred|thousand|million|billion|dozen)"
_WORDS = (rf"\b(?:(?:a|half\s+a)\s+(?=(?:dozen|hundred|thousand|million)\b))?{_TOK}"
          rf"(?:(?:\s*-\s*|\s+|\s+and\s+(?=(?:{_NW})\b)){_TOK})*\b")
_VAGUE_RE = (r"\b(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|(?:several|a\s+few|many)\s+"
             r"(?:dozen|hundred|thousand)|tens|dozens|scores|hundreds|thousands|no\s+one|nobody|none)\b")
_SING = "|".join(sorted(_PERSON_SINGULAR, key=len, reverse=True))
_ARTICLE = rf"\b(?:an?|no)\b(?=(?:\s+[\w'’-]+){{0,2}}?\s+(?:{_SING})\b)"
_ATOM = rf"(?:{_DIGIT}|{_VAGUE_RE}|{_WORDS}|{_ARTICLE})"
_NUMX = re.compile(
    rf"(?i)(?:\b{_QUAL}\s+)?(?:\bbetween\s+{_ATOM}\s+and\s+{_ATOM}|{_ATOM}(?:\s*(?:-|–|to|or)\s*{_ATOM})?)")
_RANGE_SPLIT = re.compile(r"(?i)^(?:between\s+)?(.+?)\s*(?:\band\b|-|–|\bto\b|\bor\b)\s*(.+)$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'’.-]*)")
_OF_AFTER = re.compile(r"(?i)\s+of(?:\s+(?:them|the|those|whom|these|their|his|her))?(?=\s)")


def _parse_atom(s: str) -> float | None:
    s = " ".join(s.lower().replace("–", "-").split())
    if not s:
        return None
    if s in _VAGUE:
        return _VAGUE[s]
    if s in ("a", "an"):
        return 1
    if s[0].isdigit():
        parts = s.split()
        try:
            v = float(parts[0].replace(",", ""))
        except ValueError:
            return None
        if len(parts) == 2:
            v *= {"hundred": 100, **_SCALES}.get(parts[1], 0) or 1
        elif len(parts) > 2:
            return None
        return v
    if s == "half a dozen":
        return 6
    total, cur, prev = 0, 0, ""
    for tok in re.split(r"[\s-]+", s):
        if tok in _UNITS:
            if prev in _UNITS or (prev in _TENS and _UNITS[tok] >= 10):
                return None
            cur += _UNITS[tok]
        elif tok in _TENS:
            if prev in _UNITS or prev in _TENS:
                return None
            cur += _TENS[tok]
        elif tok == "a" and prev == "":
            cur = 1
        elif tok == "hundred":
            cur = (cur or 1) * 100
        elif tok == "dozen":
            cur = (cur or 1) * 12
        elif tok in _SCALES:
            total += (cur or 1) * _SCALES[tok]
            cur = 0
        elif tok == "and" and prev in ("hundred", *_SCALES):
            pass
        else:
            return None
        prev = tok
    return total + cur


def _strip_qual(s: str) -> str:
    return _QUAL_RE.sub("", s.strip(), count=1)


def _parse_value(text: str) -> tuple[float, float | None] | None:
    """(low, high or None) for a number phrase, qualifiers allowed."""
    s = _strip_qual(text)
    v = _parse_atom(s)
    if v is not None:
        return v, None
    m = _RANGE_SPLIT.match(s)
    if m:
        lo, hi = _parse_atom(m.group(1)), _parse_atom(m.group(2))
        if lo is not None and hi is not None and hi >= lo:
            return lo, hi
    return None


def parse_number(text: str) -> int | None:
    """A count from a number phrase; None when it holds no definite count.

    >>> parse_number("at least 1,200"), parse_number("twenty-five"), parse_number("dozens")
    (1200, 25, 12)
    """
    if not isinstance(text, str) or len(text) > 100:
        return None
    got = _parse_value(text)
    if got is None or got[0] != int(got[0]):
        return None
    return int(got[0])


def parse_range(text: str) -> tuple[int, int] | None:
    """(low, high) for a number phrase; high == low when it is a single number."""
    got = _parse_value(text) if isinstance(text, str) and len(text) <= 100 else None
    if got is None or got[0] != int(got[0]):
        return None
    hi = got[1] if got[1] is not None and got[1] == int(got[1]) else got[0]
    return int(got[0]), int(hi)


# ----------------------------------------------------------------------- the scanner
@dataclass(frozen=True, slots=True)
class _Item:
    start: int  # of the number phrase
    num_end: int
    end: int  # after the head noun (== num_end when there is none)
    lo: float
    hi: float | None
    head: str | None
    mods: tuple[str, ...]
    article: bool  # "a", "an", "no"


def _is_person(word: str) -> bool:
    low = word.lower()
    return low in _PERSON or (word[:1].isupper() and word.endswith("s") and low[:-1] not in UNIT_HEADS
                              and low not in UNIT_HEADS and low not in _TIME_WORDS and len(word) > 3)


@lru_cache(maxsize=512)  # tolls and quantities scan the same sentence one after the other
def _items(sentence: str) -> tuple[_Item, ...]:
    out: list[_Item] = []
    for m in _NUMX.finditer(sentence):
        got = _parse_value(m.group())
        if got is None:
            continue
        s, e = m.start(), m.end()
        if _LABEL_BEFORE.search(sentence, max(0, s - 16), s):
            continue
        core = _strip_qual(m.group())
        if re.fullmatch(r"(?:19|20)\d\d", core) and _YEARISH.search(sentence, max(0, s - 10), s):
            continue
        pos = e
        of = _OF_AFTER.match(sentence, pos)
        if of:
            pos = of.end()
        mods: list[str] = []
        head = None
        end = e
        for _ in range(5):
            w = _WORD_AFTER.match(sentence, pos)
            if not w:
                break
            word = w.group(1).rstrip(".")
            low = word.lower()
            if low in UNIT_HEADS or low in _DEATH_NOUNS or _is_person(word):
                head, end = word, w.start(1) + len(word)
                nxt = _WORD_AFTER.match(sentence, end)  # "police officers", "air strikes"
                if nxt and (nxt.group(1).lower() in _PERSON_PLURAL or nxt.group(1).lower() in UNIT_HEADS):
                    mods.append(word)
                    head, end = nxt.group(1), nxt.end(1)
                break
            if low in _STOP and not (low == "and" and mods):
                break
            if low in _TIME_WORDS or low in _UNITS or low in _TENS or word[:1].isdigit():
                break
            mods.append(word)
            pos = w.end()
        if head is None:
            mods = []
        article = core.lower() in ("a", "an", "no")
        if article and (head is None or head.lower() not in _PERSON_SINGULAR):
            continue
        out.append(_Item(s, e, end, got[0], got[1], head, tuple(mods), article))
    return tuple(out)


_KILL_V = (r"killed|dead|died|slain|perished|executed|massacred|martyred|lost\s+their\s+lives|were\s+among\s+the\s+dead|"
           r"shot\s+dead|gunned\s+down|beheaded|(?:burned|burnt|stabbed|beaten|tortured|hacked|stoned|clubbed|bludgeoned)\s+to\s+death|lynched")
_HURT_V = r"wounded|injured|hurt|maimed"
_AUX = (r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|been|got|reportedly|also|"
        r"all|later|allegedly|subsequently|initially|both|each|now|(?:thought|believed|said|reported)\s+to\s+have\s+been|"
        r"confirmed|left|seriously|critically|badly|severely|fatally|slightly|lightly)\s+)")
_AFTER = re.compile(
    rf"(?i)(?:\s+(?:of|from|in|inside|near|belonging\s+to)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+?)??\s*,?\s+"
    rf"(?P<aux>{_AUX}{{0,3}})(?P<verb>{_KILL_V}|{_HURT_V}|lost|claimed)\b")
_ACTIVE_OBJECT = re.compile(
    rf"(?i)^\s+(?:a|an|the|at\s+least|more\s+than|dozens|hundreds|scores|several|many|some|his|her|"
    rf"their|its|\d|(?:{_NW})\b|(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|"
    rf"may|jun|jul|aug|sep|oct|nov|dec|in|on|at|near|after|when|while|during|last|early|late|overnight)|"
    rf"(?:yesterday|today|tonight|this|and|by|as)\b)(?-i:[A-Z]))")
_BEFORE_KILL = re.compile(
    r"(?i)\b(?P<verb>killing|killed|kills|kill|massacred|massacring|executed|executing|shot\s+dead|shooting\s+dead|"
    r"gunned\s+down|gunning\s+down|beheaded|beheading|"
    r"claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|took\s+the\s+lives\s+of|taking\s+the\s+lives\s+of)\s+$")
_BEFORE_HURT = re.compile(
    r"(?i)\b(?P<verb>wounding|wounded|wounds|injuring|injured|injures|hurting|maiming|maimed)\s+$")
_BEFORE_TOLL = re.compile(
    r"(?i)\b(?P<verb>(?:death\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|people\s+killed|victims))"
    r"(?:\s+(?:from|in|of|after)\s+[\w\s'’,-]{0,40}?)?\s+(?:(?:has|had|have|now|reportedly)\s+)?"
    r"(?:rose|risen|rising|rises|climbed|climbing|climbs|reached|reaching|reaches|hit|stood|stands|stand|"
    r"is|was|increased|jumped|jumping|went|grew|soared|stood|mounted)?(?:\s+(?:up\s+)?(?:to|at))?\s*(?:of\s+)?$")
_BOUNDARY = re.compile(
    r"(?i)^(?:\s*(?:[,.;:)!?]|—|–|-\s)|\s+(?:and|in|on|at|near|when|while|after|during|including|as|"
    r"across|around|inside|outside|overnight|last|this|yesterday|today|with|among|since|before|more)\b|\s*$)")
# "a mother and her three children": a possessive may open the next count
_SEP = re.compile(r"(?i)^(?:\s*,\s*|\s*,?\s+(?:and|plus)\s+)(?:(?:his|her|their|its)\s+)?$")
# ", including seven children,": a subset of the count before it, never a toll of its own
_SUBSET_BEFORE = re.compile(r"(?i)\b(?:including|includes|among\s+them|among\s+whom|amongst\s+them|of\s+whom|of\s+them|mostly|mainly|most\s+of\s+them)\s+$")
_SUBSET_CLAUSE = re.compile(r"(?i)\s*,\s*(?:including|among\s+them|among\s+whom|amongst\s+them|of\s+whom|mostly|mainly)\b[^,;.]{1,80},"
                            # the same clause where the commas were lost in transcription
                            r"|\s+(?:including|among\s+them|mostly|mainly)\s+[^,;.]{1,80}?(?=\s+(?:were|was|are|have|has|had)\b)")
_KILL_WORDS = re.compile(rf"(?i)^(?:{_KILL_V})$")


def _groups(sentence: str, items: list[_Item]) -> list[list[_Item]]:
    """Items joined by ", " / "and" into lists ("12 soldiers and 8 rebels")."""
    groups: list[list[_Item]] = []
    for it in items:
        if (groups and groups[-1][-1].head and it.head and _is_person(groups[-1][-1].head)
                and _is_person(it.head) and _SEP.match(sentence[groups[-1][-1].end:it.start])):
            groups[-1].append(it)
        else:
            groups.append([it])
    return groups


def _total(group: list[_Item]) -> tuple[int, int | None]:
    if len(group) == 1:
        it = group[0]
        return int(it.lo), (int(it.hi) if it.hi is not None else None)
    return int(sum(it.lo for it in group)), None


def find_casualties(sentence: str) -> Casualties:
    """Deaths and injuries a sentence reports, with the words that say so.

    >>> c = find_casualties("The blast killed 14 people and wounded 31 others.")
    >>> (c.killed, c.injured)
    (14, 31)
    """
    if not isinstance(sentence, str):
        return Casualties()
    found: dict[str, tuple[int, int | None, TextSpan]] = {}

    def keep(kind: str, group: list[_Item], start: int, end: int) -> None:
        if kind in found:
            return
        lo, hi = _total(group)
        if hi is not None and hi == lo:
            hi = None
        found[kind] = (lo, hi, TextSpan(start=start, end=end, text=sentence[start:end]))

    items = _items(sentence)
    for n, group in enumerate(_groups(sentence, items)):
        first, last = group[0], group[-1]
        if n and _SUBSET_BEFORE.search(sentence, max(0, first.start - 30), first.start):
            continue  # "killing 20, including six children": the six are among the 20
        heads_ok = all(it.head is not None and _is_person(it.head) for it in group)
        if any(it.head is not None and not _is_person(it.head) and it.head.lower() not in _DEATH_NOUNS
               for it in group):
            continue
        if any(it.lo != int(it.lo) for it in group):
            continue
        if len(group) == 1 and first.head and first.head.lower() in _DEATH_NOUNS:
            keep("killed", group, first.start, first.end)  # "45 deaths", "12 dead"
            continue
        bare = len(group) == 1 and first.head is None
        window = max(0, first.start - 120)
        # verb first: "killing 224 people", "wounded 350 others", "the attack, which killed three,"
        for kind, rx in (("killed", _BEFORE_KILL), ("injured", _BEFORE_HURT)):
            b = rx.search(sentence, window, first.start)
            if b and (heads_ok or (bare and _BOUNDARY.match(sentence[last.end:]))):
                if kind == "injured" and re.search(r"(?i)\b(?:killed|dead)\s+and\s+$", sentence[window:b.start()]):
                    break  # "killed and wounded 50": one lump of casualties, not injuries
                keep(kind, group, b.start(), last.end)
                break
        else:
            # toll: "the death toll rose to 45"
            b = _BEFORE_TOLL.search(sentence, window, first.start)
            if b and (heads_ok or bare) and not first.article:
                keep("killed", group, b.start(), last.end)
                continue
            # number first: "112 people were killed", "12 dead", "129 lives lost"
            a = _AFTER.match(sentence, last.end)
            clause = None if a else _SUBSET_CLAUSE.match(sentence, last.end)
            if clause:  # "23 civilians, including seven children, were killed"
                a = _AFTER.match(sentence, clause.end())
            if not a or not (heads_ok or bare):
                continue
            verb = a.group("verb").lower()
            if verb in ("lost", "claimed"):
                if last.head is None or last.head.lower() != "lives":
                    continue
                kind = "killed"
            else:
                if last.head is not None and last.head.lower() == "lives":
                    continue
                kind = "killed" if _KILL_WORDS.match(verb) else "injured"
            if not a.group("aux") and verb in ("killed", "executed", "massacred", "wounded", "injured", "hurt",
                                               "maimed") and _ACTIVE_OBJECT.match(sentence[a.end():]):
                continue  # "three gunmen killed a policeman": the number counts the killers
            keep(kind, group, first.start, a.end())
    k = found.get("killed")
    i = found.get("injured")
    return Casualties(
        killed=k[0] if k else None, killed_max=k[1] if k else None, killed_text=k[2] if k else None,
        injured=i[0] if i else None, injured_max=i[1] if i else None, injured_text=i[2] if i else None,
    )


_ELIDED_UNIT = re.compile(r"(?i)\b(?:including|of\s+which|of\s+them)\s+$")


def find_quantities(sentence: str) -> list[Quantity]:
    """Counted things with their unit ("101 cruise missiles" -> 101.0, "cruise missiles").

    >>> [(q.value, q.unit) for q in find_quantities("Jets flew over 40 sorties against 90 targets.")]
    [(40.0, 'sorties'), (90.0, 'targets')]
    """
    if not isinstance(sentence, str):
        return []
    out: list[Quantity] = []
    for it in _items(sentence):
        if it.head is None and out and _ELIDED_UNIT.search(sentence[max(0, it.start - 12):it.start]):
            # "101 cruise missiles in four days, including 18 fired on Friday": the unit is
            # the one just counted
            out.append(Quantity(value=float(it.lo), unit=out[-1].unit,
                                text=sentence[it.start:it.num_end]))
            continue
        if it.head is None or it.article or it.head.lower() not in UNIT_HEADS:
            continue
        core = _strip_qual(sentence[it.start:it.num_end]).lower()
        if _VAGUE.get(core) is not None or core.startswith(("a ", "tens", "dozens", "hundreds", "thousands")):
            continue  # "dozens of airstrikes" is not a count
        unit = it.head
        if it.mods and it.mods[-1].lower() in _COMPOUND_PREFIX:
            unit = f"{it.mods[-1]} {it.head}"
        out.append(Quantity(value=float(it.lo), unit=unit, text=sentence[it.start:it.end]))
    return out
