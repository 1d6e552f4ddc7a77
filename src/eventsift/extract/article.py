"""A parsed article -> its Mentions: one per incident the article reports.

Sentence candidates are resolved (actors, places, dates, numbers), then merged when
they tell the same incident: a sentence that elaborates the one before ("the
terrorists shot and killed two soldiers"), a toll given in the next sentence, or a
later sentence that dates or places an incident the article first named vaguely.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from eventsift.actors import ANAPHORIC_CRAFT, ActorTable, normalize_actor
from eventsift.extract.article_actors import antecedent, passengers, shared_target
from eventsift.extract.article_places import (COMPASS, affiliation, best_places, country_place, lead_area,
                                              local_area, named_places, place_rank, settle_in_area, title_countries,
                                              title_places, within)
from eventsift.extract.classify import classify
from eventsift.extract.lead_text import dateline_end, headline_end
from eventsift.extract.lexicon import Lexicon
from eventsift.extract.places import LOCATIVE, in_group_name, place_refs, place_spans, tree_distance
from eventsift.extract.sentence import ActorRef, Candidate, attribution, find_candidates
from eventsift.geo import Gazetteer, country_focus
from eventsift.model import (SUB_EVENT_PARENT, Actor, ActorKind, Article, DatePrecision, Evidence, EventType,
                             Mention, Modality, Place, Precision, Provenance, Quantity, SubEventType, TimeSpan)
from eventsift.numbers import find_casualties, find_quantities
from eventsift.timex import find_times

RULES_VERSION = "1"
CAPTION = re.compile(r"^\s*(image|photo|picture|video|file photo)\b.{0,60}$|\b(credit|photo|image|source)\s*:\s*\S+",
                     re.IGNORECASE)
# A picture's credit closing its caption: "(AFP Photo)", "(Reuters Photo)", "(Photo AP)",
# "(TRT World and Agencies)".
CREDIT = re.compile(r"\((?:[^()]{0,40}\b(?:photo|photos|picture|pictures|photograph)\b[^()]{0,25}|"
                    r"[^()]{0,40}\bagencies)\)", re.IGNORECASE)
SAME_DAY = re.compile(r"\b(that|the same) (day|night|morning|evening|afternoon)\b", re.IGNORECASE)
VIOLENCE = frozenset({EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                      EventType.VIOLENCE_AGAINST_CIVILIANS})
# Words that name the same kind of thing in different sentences about one incident.
SYNONYMS = {w: "aircraft" for w in ("plane", "jet", "airliner", "aircraft", "airbus", "boeing", "flight",
                                    "metrojet", "passenger")}
GENERIC_NOUNS = frozenset("""people person number time day week month year report group state force forces
official officials country region area city town village part""".split())
YEAR_TO_DATE = re.compile(r"(?i)\bthis year\b")
GENERIC_SUBS = frozenset({SubEventType.ATTACK, SubEventType.ARMED_CLASH})


@dataclass(frozen=True, slots=True)
class Resources:
    """What extraction reads besides the article: loaded once per process."""
    lexicon: Lexicon
    actors: ActorTable
    gazetteer: Gazetteer


@dataclass(slots=True)
class _Draft:
    """A mention being assembled; private to this module (mutable while merging)."""
    sent_i: int
    para_i: int
    start: int
    end: int
    cand: Candidate
    event_type: EventType
    sub: SubEventType
    actor1: Actor | None
    actor2: Actor | None
    place: Place | None
    date: TimeSpan | None
    date_explicit: bool
    fatalities: int | None = None
    fatalities_max: int | None = None
    injuries: int | None = None
    injuries_max: int | None = None
    quantities: list[Quantity] = field(default_factory=list)
    weapons: tuple[str, ...] = ()
    attributed_to: str | None = None
    elaborates: bool = False
    extra_spans: list[tuple[int, int]] = field(default_factory=list)
    salient: frozenset[str] = frozenset()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _acronyms(text: str) -> dict[str, str]:
    """'Syrian Observatory for Human Rights (SOHR)' -> {'SOHR': 'Syrian Observatory for Human Rights'}."""
    out = {}
    for m in re.finditer(r"((?:[A-Z][\w'-]+|for|of|the|and)(?:\s+(?:[A-Z][\w'-]+|for|of|the|and)){1,8})\s+\(([A-Z]{2,8})\)", text):
        words = m.group(1).split()
        while words and words[0].lower() in ("the", "of", "for", "and"):
            words.pop(0)
        out[m.group(2)] = " ".join(words)
    return out


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    return within(a, b) or within(b, a)


def _dates_compatible(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    return a is None or b is None or not (a.end < b.start or b.end < a.start)


def _draft_dates_compatible(a: _Draft, b: _Draft) -> bool:
    """A date the text states must agree; one assumed from the report's own date may yield."""
    if not (a.date_explicit and b.date_explicit):
        return True
    return _dates_compatible(a.date, b.date)


def _actors_compatible(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.name == b.name or (a.country is not None and a.country == b.country
                                                          and a.kind == b.kind)


def _family_compatible(a: _Draft, b: _Draft) -> bool:
    return a.event_type == b.event_type or (a.event_type in VIOLENCE and b.event_type in VIOLENCE)


def _span_precision(ts: TimeSpan | None) -> int:
    return 9 if ts is None else (ts.end - ts.start).days


STATE_HEADS = frozenset("army military troops soldiers soldier forces force servicemen marines troopers paratroopers "
                         "commandos loyalists".split())


# "army units", "government elements": a state's forces named by a part of them
UNIT_HEADS = frozenset("units unit elements detachments battalions brigades divisions".split())


def _possessives_without_apostrophe(doc: Doc, res: Resources) -> list[str]:
    """Country names in the possessive whose apostrophe a corpus stripped ("Syrias army",
    "Irans foreign minister"): the tagger sees no name in them."""
    out = []
    for t in doc:
        if t.text[:1].isupper() and t.text.endswith("s") and len(t.text) > 4 and not t.ent_type_:
            code = res.actors.country_of(t.text[:-1])
            if code and res.actors.country_names.get(code, "").removeprefix("the ").lower() == t.lower_[:-1]:
                out.append(t.text[:-1])
    return out


def _countries_in_names(doc: Doc, res: Resources) -> list[str]:
    """Countries and demonyms inside the names of groups and sources ("the Syrian Observatory
    for Human Rights", "Iraqi Kurdish forces"), most named first."""
    counts = Counter(code for e in doc.ents if e.label_ in ("ORG", "GPE", "NORP") for t in e
                     if t.text[:1].isupper() for code in [res.actors.country_of(t.text)] if code)
    return [c for c, _ in counts.most_common()]


def _forces_countries(drafts: list[_Draft]) -> list[str]:
    """The countries whose forces the article's events name, most named first: where an
    article names no place at all, its war is most likely theirs."""
    counts: Counter[str] = Counter()
    for d in drafts:
        for a in (d.actor1, d.actor2):
            if a is not None and a.kind is ActorKind.STATE_FORCES and a.country:
                counts[a.country] += 1
    return [c for c, _ in counts.most_common()]


def _resolve_actor(ref: ActorRef | None, table: ActorTable) -> Actor | None:
    if ref is None or ref.anaphoric:
        return None
    actor = normalize_actor(ref.phrase, table=table, country_words=ref.country_words, head=ref.head,
                            subject=ref.subject)
    return actor if actor is not None else _generic_forces(ref)


def _generic_forces(ref: ActorRef | None) -> Actor | None:
    """'the army', 'security forces', 'police' with no country named: some state's forces,
    whose country the event's place will tell (see _situate_actor)."""
    if ref is None:
        return None
    head = ref.head.lower()
    if head in ("police", "policemen", "policeman", "gendarmes", "gendarme", "constable", "constables"):
        return Actor(name="Police Forces", kind=ActorKind.STATE_FORCES, text=ref.phrase)
    words = set(ref.phrase.lower().split())
    if (head in STATE_HEADS or head in UNIT_HEADS and words & {"army", "military", "government", "regime"}) \
            and not any(w in ref.phrase.lower() for w in (
            "rebel", "opposition", "militia", "insurgent", "jihadist", "kurdish", "islamist", "free", "democratic")):
        return Actor(name="Military Forces", kind=ActorKind.STATE_FORCES, text=ref.phrase)
    return None


def _report_frame(sent: Span, cand: Candidate) -> bool:
    """Present perfect or recent simple past, with nothing dating it elsewhere: the news itself."""
    head = sent.doc[cand.trigger_i]
    verbs = [head, *head.ancestors]
    for v in verbs[:3]:
        if v.tag_ == "VBD" and any(c.lower_ == "had" and c.dep_ == "aux" for c in v.children):
            return False  # past perfect tells background
        if v.tag_ in ("VBN", "VBD", "VBZ", "VBP", "VBG") and v.pos_ in ("VERB", "AUX"):
            return True
    return False


def extract_mentions(doc: Doc, article: Article, *, res: Resources) -> list[Mention]:
    text = article.text
    paras = _paragraphs(text)
    captions = {i for i, (s, e) in enumerate(paras) if CAPTION.search(text[s:e]) and len(text[s:e]) < 300}
    acr = _acronyms(text)
    actor_words = set(res.actors.country_words)
    sents = list(doc.sents)
    sent_cands = [find_candidates(sent, res.lexicon, actor_words=actor_words) for sent in sents]
    # The article's country focus comes from where things happen (the places its events
    # name, "in Syria"), not from who acts ("Russia said"); any place name counts only
    # when there is none of those.
    # A country a clause names as who acted ("France raised", "US airstrikes") says nothing
    # of where; the headline's names say most.
    located = [ref.core for cs in sent_cands for c in cs for ref in c.places
               if not ((ref.modifier or ref.argument) and res.actors.country_of(ref.core))
               and ref.core.lower().rstrip(".") not in COMPASS] + [
        e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")
        and e.root.dep_ == "pobj" and e.root.head.lower_ in LOCATIVE and not in_group_name(e.root)
    ] + title_countries(article.title, res)
    # names in a place's position in every sentence, event clause or not, for the lead's vote
    sent_refs = [r for sent in sents for r in place_refs(place_spans(sent), frozenset(range(sent.start, sent.end)),
                                                         sent.root, set()) if not (r.modifier or r.argument)]
    # where things happen counts twice; every country, demonym or place named counts once,
    # which settles an ambiguous name ("Ariha" is in Syria, not Palestine, in a Syrian story)
    place_names = located + located + [e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC", "NORP")
                                       and not in_group_name(e.root) and not affiliation(e)
                                       and e.text.lower().rstrip(".") not in COMPASS]
    place_names += _possessives_without_apostrophe(doc, res)
    focus = country_focus(place_names, res.gazetteer) or ([article.country] if article.country else [])
    anchor = article.published
    drafts: list[_Draft] = []
    sent_attr: dict[int, tuple[int, Span, str | None]] = {}
    para_time: dict[int, TimeSpan] = {}
    last_in_para: dict[int, _Draft] = {}
    for si, sent in enumerate(sents):
        pi = next((i for i, (s, e) in enumerate(paras) if s <= sent.start_char < e + 1), 0)
        if pi in captions:
            continue
        stext = sent.text
        times = [t for t in find_times(stext, anchor=anchor) if t.span is not None]
        cands = sent_cands[si]
        cas = find_casualties(stext)
        qty = find_quantities(stext) if cands else []
        attr = _source_of(sent, acr) if cands else None
        owned_times: dict[int | None, TimeSpan] = {}
        nearest: dict[int | None, int] = {}
        for t in times:
            tok = doc.char_span(sent.start_char + t.start, sent.start_char + t.end, alignment_mode="expand")
            owner, dist = None, 99
            for c in cands:
                if tok is not None and tok.root.i in c.own:
                    owner, dist = c.trigger_i, tree_distance(doc[c.trigger_i], tok.root)
                    break
            # of two times in one clause, the one nearest the trigger dates the event
            # ("launched 101 missiles in four days, including 18 fired on Friday")
            if dist < nearest.get(owner, 100):
                owned_times[owner], nearest[owner] = t.span, dist
        sentence_time = next(iter(owned_times.values()), None)
        if SAME_DAY.search(stext) and pi in last_in_para and last_in_para[pi].date is not None:
            sentence_time = sentence_time or last_in_para[pi].date
        new = []
        told = []
        # a photo caption run into the text ("... on July 1 2016. (AFP Photo) At least 16 ..."):
        # what it shows is no report; the report starts after its credit
        credit = CREDIT.search(stext)
        cap_end = sent.start_char + credit.end() if credit else sent.start_char
        cands = [c for c in cands if doc[c.trigger_i].idx >= cap_end]
        if credit and not stext[:credit.start()].strip():
            drafts[:] = [d for d in drafts if d.sent_i != si - 1]  # the caption ended a sentence before
        for c in cands:
            if c.backref and (drafts or any(not x.backref for x in cands) or not _tells_harm(sent)):
                told.append(c)
                continue
            # "The aerial bombardments left scores dead" opening a report: nothing was told
            # before, so the definite noun names the incident itself
            a1 = _resolve_actor(c.actor1, res.actors)
            a2 = _resolve_actor(c.actor2, res.actors)
            cue = res.lexicon.weapon_cue(c.weapon_text)
            # "the army recaptured the town": who acted decides the type even when the
            # words refer back to an actor named earlier
            typed = classify(c.cls, cue=cue, actor1=a1 or _generic_forces(c.actor1), actor2=a2,
                             target_armed=c.target_armed,
                             clause=c.weapon_text, territory_object=c.territory_object,
                             human_object=c.human_object, sentence=f" {stext.lower()} ")
            if typed is None:
                continue
            explicit = owned_times.get(c.trigger_i)
            if explicit is None and c.lag != "earlier":
                explicit = owned_times.get(None) or (
                    sentence_time if len(cands) == 1 or SAME_DAY.search(stext) or c.lag == "same_day" else None)
            ts, is_explicit = explicit, explicit is not None
            if ts is None and not c.before_marker and c.lag is None:
                if pi in para_time:
                    ts, is_explicit = para_time[pi], True  # the paragraph's stated date
                elif anchor is not None and _report_frame(sent, c):
                    ts = TimeSpan(start=anchor, end=anchor, precision=DatePrecision.DAY, text=None)
            places = best_places(c, res, focus) or [None]
            weapons = tuple(sorted({w for _, cues in res.lexicon.weapons for w in cues
                                    if f" {w} " in c.weapon_text}))[:5]
            for p in places:
                d = _Draft(sent_i=si, para_i=pi, start=cap_end, end=sent.end_char, cand=c,
                           event_type=typed[0], sub=typed[1], actor1=a1, actor2=a2, place=p, date=ts,
                           date_explicit=is_explicit, weapons=weapons, attributed_to=attr,
                           elaborates=bool(c.actor1 and c.actor1.anaphoric), salient=_salient(c.salient))
                new.append(d)
        sent_attr[si] = (pi, sent, attr)
        new = _drop_weapon_nouns(new, doc)
        _assign_numbers(new, cas, qty, sent, doc)
        for c in told:
            drafts.extend(_absorb_backref(drafts, c, None if new else cas, si, pi, sent,
                                          best_places(c, res, focus), res, attr))
        if not new and (cas.killed is not None or cas.injured is not None):
            _attach_toll(drafts, cas, si, pi)
        for d in new:
            drafts.append(d)
            last_in_para[pi] = d
        if sentence_time is not None and owned_times:
            para_time[pi] = sentence_time
    _paragraph_sources(drafts, sent_attr, acr)
    if not focus:
        # no place named: the war of the forces it names ("regime forces killed 20 rebels"),
        # else of the countries in the names of its groups and sources ("the Syrian
        # Observatory for Human Rights said")
        focus = _forces_countries(drafts) or _countries_in_names(doc, res)
    claimants = [a for a in (_resolve_actor(d.cand.claimant, res.actors) for d in drafts) if a is not None]
    named = named_places(doc, sent_cands, res, focus, sent_refs)
    sent_starts = [x.start_char for x in sents]
    headline = title_places(article.title, res, focus)
    lead = lead_area(drafts, res, named, focus, headline=headline, sent_starts=sent_starts)
    told_by_headline = lead is not None and any(p.admin1_code == lead.admin1_code for _, p in headline)
    for d in drafts:
        d.place = settle_in_area(d.place, named, lead, res) or d.place
    drafts = _merge_protest_turns(drafts, doc.text)
    drafts = _merge_adjacent(drafts)
    drafts = _merge_refinements(drafts, lead, sure=told_by_headline)
    placeless = [d for d in drafts if (d.place is None or _country_wide(d.place)) and _situated(d)]
    first = min(placeless, key=lambda d: d.start, default=None)
    local = {}
    if first is not None:  # the first report naming no place, and the others told in its sentence
        area = local_area(first.start, named, focus, sent_starts, res)
        local = {id(d): area for d in placeless if d.sent_i == first.sent_i or d.start == first.start}
    _fill_from_context(drafts, doc, res, focus, claimants, lead, local)
    shared_target(drafts)
    for d in drafts:
        d.actor2 = passengers(d, res, text) or d.actor2
    asserted = [d for d in drafts if d.cand.modality in (Modality.ASSERTED, Modality.CLAIMED)]
    # A remark with no place, date, toll or target is commentary beside an article's
    # specific reports; when it is all the text says, it is the report.
    specific = any(not _vague(d, text, anchor) for d in asserted)
    kept = [d for d in asserted if not (specific and _vague(d, text, anchor)) and not _tally(d)]
    news = [d for d in kept if not _history(d, anchor)]
    # history told as background beside the news; an article that tells nothing newer (a
    # retrospective, or a page dated long after its events) reports that history
    return [_to_mention(d, article, text) for d in (news or [d for d in kept if d.date_explicit])]


def _history(d: _Draft, anchor: date | None) -> bool:
    """An incident dated by a year alone, or over 400 days before the article."""
    return d.date is not None and anchor is not None and (
        d.date.precision is DatePrecision.YEAR or d.date.end < anchor - timedelta(days=400))


def _tally(d: _Draft) -> bool:
    """'since mid-2012', 'over the past year', 'this year' (however early): a running tally."""
    return d.date is not None and d.date.precision is not DatePrecision.YEAR and (
        (d.date.end - d.date.start).days > 31 or bool(YEAR_TO_DATE.search(d.date.text or "")))


def _source_of(sent: Span, acr: dict[str, str]) -> str | None:
    """The sentence's source, with an acronym written out as the article first names it."""
    attr = attribution(sent)
    if attr:
        for short, full in acr.items():
            if re.search(rf"\b{re.escape(short)}\b", attr) and full not in attr:
                attr = attr.replace(short, full)
    return attr


def _paragraph_sources(drafts: list[_Draft], sent_attr: dict[int, tuple[int, Span, str | None]],
                       acr: dict[str, str]) -> None:
    """Wire copy names its source once a paragraph ("..., the minister reported. Bombers
    launched 101 missiles."): a sentence with none takes the nearest one in its paragraph.
    Sentences that report no event are read for a source only here, when needed."""
    looked: dict[int, str | None] = {si: a for si, (_, _, a) in sent_attr.items() if a}
    for d in drafts:
        if d.attributed_to:
            continue
        for gap in (1, 2):
            for si in (d.sent_i - gap, d.sent_i + gap):
                if si not in sent_attr or sent_attr[si][0] != d.para_i:
                    continue
                if si not in looked:
                    looked[si] = _source_of(sent_attr[si][1], acr)
                if looked[si]:
                    d.attributed_to = looked[si]
                    break
            if d.attributed_to:
                break


def _drop_weapon_nouns(new: list[_Draft], doc: Doc) -> list[_Draft]:
    """'... destroyed 525 trucks during this week's bombardment': a trigger noun with no actor
    or place of its own, beside a verb event of the same family, names that event's means."""
    verbs = [d for d in new if doc[d.cand.trigger_i].pos_ == "VERB"]
    if not verbs:
        return new
    out = []
    for d in new:
        bare = (doc[d.cand.trigger_i].pos_ != "VERB" and d.cand.actor1 is None and not d.cand.places
                and not d.cand.backref)
        host = next((v for v in verbs if _family_compatible(v, d)), None) if bare else None
        if host is not None:
            if d.date_explicit and not host.date_explicit:
                host.date, host.date_explicit = d.date, True
            if host.sub in GENERIC_SUBS and d.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE:
                # "attacked the forces using mortars": the weapon makes the attack a shelling
                host.event_type, host.sub = d.event_type, d.sub
            continue
        out.append(d)
    return out


def _vague(d: _Draft, text: str, anchor: date | None) -> bool:
    """No place named, no date given, no toll, no target: not an event record but a remark
    ("the group's cells have begun to launch bolder attacks")."""
    return (not d.cand.places and not d.date_explicit and d.fatalities is None and d.injuries is None
            and not d.quantities and d.actor2 is None and not d.extra_spans
            and not (d.sub is SubEventType.ARRESTS and d.cand.human_object))  # "arrested five men": its target


def _salient(words: frozenset[str]) -> frozenset[str]:
    return frozenset(SYNONYMS.get(w, w) for w in words if w not in GENERIC_NOUNS and len(w) > 2)


def _assign_numbers(new: list[_Draft], cas, qty: list[Quantity], sent: Span, doc: Doc) -> None:
    """Give each toll and quantity to the candidate whose clause holds it."""
    if not new:
        return

    def owner(offset: int | None) -> _Draft:
        if offset is None or len(new) == 1:
            return new[0]
        tok = doc.char_span(sent.start_char + offset, sent.start_char + offset + 1, alignment_mode="expand")
        for d in new:
            if tok is not None and tok.root.i in d.cand.own:
                return d
        return new[0]

    if cas.killed is not None:
        d = owner(cas.killed_text.start if cas.killed_text else None)
        d.fatalities, d.fatalities_max = cas.killed, cas.killed_max
    if cas.injured is not None:
        d = owner(cas.injured_text.start if cas.injured_text else None)
        d.injuries, d.injuries_max = cas.injured, cas.injured_max
    for q in qty:
        pos = sent.text.find(q.text)
        owner(pos if pos >= 0 else None).quantities.append(q)


def _tells_harm(sent: Span) -> bool:
    """Does the sentence of a told event give its toll or damage ('left scores dead')? Words,
    not numbers: "killed the commander" has no figure for the casualty reader."""
    return bool(HARM_WORDS.search(sent.text))


HARM_WORDS = re.compile(r"(?i)\b(?:killed|killing|dead|died|wounded|wounding|injured|injuring|destroyed|"
                        r"casualties)\b")


def _attach_toll(drafts: list[_Draft], cas, si: int, pi: int) -> None:
    """'These attacks left 129 dead': a toll with no event of its own belongs to the one just told."""
    for d in reversed(drafts):
        if si - d.sent_i > 2:
            return
        if d.event_type in VIOLENCE:
            if d.fatalities is None and cas.killed is not None:
                d.fatalities, d.fatalities_max = cas.killed, cas.killed_max
            if d.injuries is None and cas.injured is not None:
                d.injuries, d.injuries_max = cas.injured, cas.injured_max
            return


def _absorb_backref(drafts: list[_Draft], c: Candidate, cas, si: int, pi: int, sent: Span,
                    places: list[Place], res: Resources, attr: str | None = None) -> list[_Draft]:
    """'The attack killed 12', 'most of those strikes hit Raqqa and Deir ez-Zor': fill what the
    earlier telling of the incident lacked. Places inside the earlier one's narrow it; a
    second such place is a second incident of the same campaign. Returns new drafts."""
    if cas is not None and (cas.killed is not None or cas.injured is not None):
        _attach_toll(drafts, cas, si, pi)
    if c.claimant is not None:
        # "Al-Shabaab claimed responsibility for Tuesday's bombing": who did the incident told before
        claimed = next((d for d in reversed(drafts) if si - d.sent_i <= 2 and d.event_type in VIOLENCE), None)
        if claimed is not None and claimed.actor1 is None:
            claimed.actor1 = _resolve_actor(c.claimant, res.actors)
    if not places or sent.doc[c.trigger_i].pos_ != "VERB":
        return []  # only a clause about the told event ("those strikes targeted X") can place it
    ref = next((d for d in reversed(drafts) if si - d.sent_i <= 2 and pi - d.para_i <= 1
                and d.event_type in VIOLENCE and d.place is not None
                and all(within(p, d.place) for p in places)), None)
    if ref is None:
        return []
    if ref.place is not None and min(place_rank(p) for p in places) >= place_rank(ref.place):
        return []
    first, *rest = places
    ref.place = first
    ref.actor2 = ref.actor2 or _resolve_actor(c.actor2, res.actors)
    ref.attributed_to = ref.attributed_to or attr
    if sent.start_char - ref.end <= 2:
        ref.end = sent.end_char
    else:
        ref.extra_spans.append((sent.start_char, sent.end_char))
    return [replace(ref, place=p, sent_i=si, para_i=pi, start=sent.start_char, end=sent.end_char,
                    extra_spans=[], quantities=list(ref.quantities), fatalities=None, fatalities_max=None,
                    injuries=None, injuries_max=None) for p in rest]


REPORTED = frozenset({Modality.ASSERTED, Modality.CLAIMED})


# acts that are incidents of their own: an abduction and the capture of the villages it
# followed are two records, whatever sentences tell them
DISTINCT_ACTS = frozenset({SubEventType.ABDUCTION_FORCED_DISAPPEARANCE, SubEventType.SEXUAL_VIOLENCE,
                           SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
                           SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, SubEventType.ARRESTS,
                           SubEventType.LOOTING_PROPERTY_DESTRUCTION})


def _mergeable(a: _Draft, b: _Draft) -> bool:
    # a reported incident never merges into a demanded, planned or denied one ("protesters
    # rallied ... They demanded the release of those detained at the rally")
    return ((a.cand.modality in REPORTED) == (b.cand.modality in REPORTED)
            and _family_compatible(a, b) and _actors_compatible(a.actor1, b.actor1)
            and _places_compatible(a.place, b.place) and _draft_dates_compatible(a, b)
            and not b.cand.separate
            and not (a.sub != b.sub and a.sub in DISTINCT_ACTS and b.sub in DISTINCT_ACTS))


def _combine(keep: _Draft, other: _Draft) -> None:
    """Fold ``other`` into ``keep``, keeping the more specific value of each field."""
    if keep.actor1 is None:
        keep.actor1 = other.actor1
    if keep.actor2 is None:
        keep.actor2 = other.actor2
    if other.place is not None and (keep.place is None or place_rank(other.place) < place_rank(keep.place)):
        keep.place = other.place
    if other.date is not None and (other.date_explicit or not keep.date_explicit) and (
            keep.date is None or _span_precision(other.date) < _span_precision(keep.date)
            or (other.date_explicit and not keep.date_explicit)):
        if keep.date is None or not keep.date_explicit or _dates_compatible(keep.date, other.date):
            keep.date, keep.date_explicit = other.date, other.date_explicit or keep.date_explicit
    if keep.sub in GENERIC_SUBS and other.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE:
        # a weapon named in another sentence makes "an attack" a bombing, a shelling...
        keep.event_type, keep.sub = other.event_type, other.sub
    for f in ("fatalities", "injuries"):
        if getattr(keep, f) is None and getattr(other, f) is not None:
            setattr(keep, f, getattr(other, f))
            setattr(keep, f + "_max", getattr(other, f + "_max"))
    seen = {(q.value, q.unit) for q in keep.quantities}
    keep.quantities.extend(q for q in other.quantities if (q.value, q.unit) not in seen)
    keep.weapons = tuple(sorted(set(keep.weapons) | set(other.weapons)))
    keep.attributed_to = keep.attributed_to or other.attributed_to
    keep.salient = keep.salient | other.salient
    keep.extra_spans.append((other.start, other.end))


def _merge_adjacent(drafts: list[_Draft]) -> list[_Draft]:
    """Consecutive sentences telling one incident: an elaboration, or the same actor, place and time."""
    out: list[_Draft] = []
    for d in drafts:
        prev = [p for p in out if 0 < d.sent_i - p.sent_i <= 3]
        target = None
        for p in reversed(prev):
            # "Russia has made its first attack in Syria ... Russia conducted an airstrike
            # against a base in al-Lataminah": a country-wide telling, then the specifics
            specifics = (p.actor1 is not None and d.actor1 is not None and p.actor1.name == d.actor1.name
                         and p.place is not None and p.place.precision is Precision.COUNTRY
                         and d.place is not None and place_rank(d.place) < place_rank(p.place))
            close = d.sent_i - p.sent_i == 1 or (d.elaborates and d.sent_i - p.sent_i <= 2) or specifics
            same_para = p.para_i == d.para_i or d.para_i - p.para_i == 1
            if not (close and same_para and _mergeable(p, d)):
                continue
            both_named = p.actor1 is not None and d.actor1 is not None
            if d.elaborates or both_named or d.actor1 is None:
                target = p
                break
        if target is None:
            out.append(d)
            continue
        siblings = [x for x in out if x.sent_i == d.sent_i]
        if siblings:
            # a second place in the same elaborating sentence: its own event, same actor and time
            _inherit(d, target)
            out.append(d)
            continue
        if d.place is not None and target.place is not None and place_rank(d.place) < place_rank(target.place):
            # the later, more precise sentence leads; the earlier one supports it
            _combine(d, target)
            d.start, d.extra_spans = min(d.start, target.start), [s for s in d.extra_spans if s[0] != target.start]
            d.sent_i = d.sent_i
            out[out.index(target)] = d
        else:
            _combine(target, d)
            if d.start - target.end <= 2:
                target.end = d.end
                target.extra_spans = [s for s in target.extra_spans if s[0] != d.start]
            target.sent_i = d.sent_i
    return out


# How far a demonstration went, as ACLED types it: force met by a peaceful crowd is an
# intervention, lethal or brutal force excessive; a crowd's own violence makes it a riot.
PROTEST_COURSE = {SubEventType.PEACEFUL_PROTEST: 0, SubEventType.PROTEST_WITH_INTERVENTION: 1,
                  SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS: 2, SubEventType.VIOLENT_DEMONSTRATION: 3}


STATE_FORCE_WORDS = (" police", " security forces", " troops", " soldiers", " army ", " gendarm")


def _act_at_protest(d: _Draft, sentence: str) -> SubEventType | None:
    """What an act told just after a demonstration was, read as a turn of it: arrests by the
    police are its intervention, the police's shooting or beating force on it (excessive when
    someone died), a crowd's damage or fighting its riot ("Police moved in and detained dozens
    of them", "Security forces fired live rounds at the crowd, killing three", "Some of them
    smashed windows"). None for anything else, an armed group's acts above all."""
    a1, a2 = d.actor1, d.actor2
    state = a1 is None or a1.kind is ActorKind.STATE_FORCES
    on_crowd = a2 is None or a2.kind in (ActorKind.CIVILIANS, ActorKind.PROTESTERS)
    if d.sub is SubEventType.ARRESTS and state and on_crowd:
        return SubEventType.PROTEST_WITH_INTERVENTION
    # the parser can lose the shooter of "fired at the crowd, killing three": the clause names them
    forces = a1 is not None and a1.kind is ActorKind.STATE_FORCES or a1 is None and any(
        w in f" {sentence.lower()} " for w in STATE_FORCE_WORDS)
    if d.sub is SubEventType.ATTACK and forces and on_crowd:
        return SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS if d.fatalities \
            else SubEventType.PROTEST_WITH_INTERVENTION
    crowd = a1 is None or a1.kind in (ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS)
    if d.sub in (SubEventType.LOOTING_PROPERTY_DESTRUCTION, SubEventType.MOB_VIOLENCE) and crowd:
        return SubEventType.VIOLENT_DEMONSTRATION
    return None


def _unnamed_forces(sentence: str) -> list[Actor]:
    """The police or troops a sentence names where the parser lost them as the actor; their
    country is the event's (see _situate_actor)."""
    low = f" {sentence.lower()} "
    if " police" in low:
        return [Actor(name="Police Forces", kind=ActorKind.STATE_FORCES)]
    if any(w in low for w in STATE_FORCE_WORDS):
        return [Actor(name="Military Forces", kind=ActorKind.STATE_FORCES)]
    return []


def _merge_protest_turns(drafts: list[_Draft], text: str) -> list[_Draft]:
    """'Hundreds protested in Nairobi. Police fired tear gas to disperse them.': one
    demonstration, told as it went on, is one event of the type of how far it went (ACLED
    codes a protest that police broke up as a protest with intervention, one whose crowd
    threw stones as a violent demonstration). The later turn is folded into the protest told
    up to two sentences before it, in the same place and time, and two turns told in one
    sentence ("policemen were injured when protesters pelted them with stones") are one; the
    police become its second actor."""
    out: list[_Draft] = []
    for d in drafts:
        sub = d.sub if d.sub in PROTEST_COURSE else _act_at_protest(d, text[d.start:d.end])
        turn = PROTEST_COURSE.get(sub, 0) if sub is not None else 0
        target = next((p for p in reversed(out) if p.sub in PROTEST_COURSE and (
                           0 < d.sent_i - p.sent_i <= 2 and PROTEST_COURSE[p.sub] < turn
                           or d.sent_i == p.sent_i and d.sub in PROTEST_COURSE)
                       and d.para_i - p.para_i in (0, 1) and not d.cand.separate
                       and (p.cand.modality in REPORTED) == (d.cand.modality in REPORTED)
                       and _places_compatible(p.place, d.place) and _draft_dates_compatible(p, d)), None)
        if target is None or sub is None:
            out.append(d)
            continue
        d.sub = sub
        state = [a for a in (d.actor1, d.actor2) if a is not None and a.kind is ActorKind.STATE_FORCES] \
            or _unnamed_forces(text[d.start:d.end])
        crowd = [a for a in (d.actor1, d.actor2) if a is not None and a.kind in (ActorKind.PROTESTERS,
                                                                                 ActorKind.RIOTERS)]
        d.actor1, d.actor2 = (crowd[0] if crowd else None), None
        _combine(target, d)
        if turn > PROTEST_COURSE[target.sub]:
            target.sub, target.event_type = d.sub, SUB_EVENT_PARENT[d.sub]
        target.actor2 = target.actor2 or (state[0] if state else None)
    return out


def _inherit(d: _Draft, src: _Draft) -> None:
    d.actor1 = d.actor1 or src.actor1
    if d.date is None:
        d.date, d.date_explicit = src.date, src.date_explicit
    d.attributed_to = d.attributed_to or src.attributed_to


def _vague_then_specific(p: _Draft, d: _Draft) -> bool:
    """'Russia has made its first attack in Syria' (no date of its own, no toll, the whole
    country) before 'Russia conducted an airstrike against a base in al-Lataminah'."""
    return (not p.date_explicit and p.fatalities is None and not p.quantities
            and (p.place is None or p.place.precision is Precision.COUNTRY)
            and d.place is not None and d.place.precision is not Precision.COUNTRY)


def _in_area(p: Place | None, area: Place) -> bool:
    return p is not None and p.admin1_code is not None and p.admin1_code == area.admin1_code


def _merge_refinements(drafts: list[_Draft], lead: Place | None = None, sure: bool = False) -> list[_Draft]:
    """One incident told twice far apart, once vaguely ('last month', 'over Egypt') and once precisely.

    A first telling that names no place happened, most likely, in the article's main
    province (``lead``); a later precise telling in another province is another incident
    ("... a day after raids on Idlib"), not its refinement, and so is one in another country
    where the headline names the lead's province (``sure``) or the tolls differ ("10
    civilians killed near Raqqa" then "200 killed in strikes on Mosul last month"); else the
    lead, voted by the body's names alone, may have the country wrong."""
    out: list[_Draft] = []
    for d in drafts:
        target = None
        for p in out:
            if p.sent_i == d.sent_i or not _mergeable(p, d):
                continue
            if lead is not None and p.place is None and d.place is not None and not _in_area(d.place, lead):
                home = d.place.country == lead.country
                if home and d.place.admin1_code is not None or not home and (sure or _tolls_differ(p, d)):
                    continue
            if p.actor1 is not None and d.actor1 is not None:
                # the same actor's country-wide telling, then the specifics; any other
                # pair of named actors is left to cross-article merging
                if p.actor1.name != d.actor1.name or not _vague_then_specific(p, d):
                    continue
            elif not (p.salient & d.salient):
                continue
            if _summary_and_incident(p, d):
                continue
            target = p
            break
        if target is None:
            out.append(d)
        else:
            _combine(target, d)
    return out


def _tolls_differ(a: _Draft, b: _Draft) -> bool:
    return a.fatalities is not None and b.fatalities is not None and a.fatalities != b.fatalities


def _summary_and_incident(a: _Draft, b: _Draft) -> bool:
    """'101 missiles in four days' and 'on Friday, two bombers launched missiles': a tally over
    a stated period and one dated incident inside it are two records, not one told twice."""
    if not (a.date_explicit and b.date_explicit and a.date and b.date):
        return False
    kinds = {a.date.precision, b.date.precision}
    return DatePrecision.RANGE in kinds and kinds <= {DatePrecision.RANGE, DatePrecision.DAY} and a.date != b.date


# strategic developments that happen at a place on the ground (weapons seized, a base set up,
# ground handed over); agreements and the rest are made or told anywhere
PLACED_STRATEGIC = frozenset({SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, SubEventType.DISRUPTED_WEAPONS_USE,
                              SubEventType.HEADQUARTERS_OR_BASE_ESTABLISHED, SubEventType.LOOTING_PROPERTY_DESTRUCTION,
                              SubEventType.ARRESTS, SubEventType.CHANGE_TO_GROUP_ACTIVITY})


def _country_wide(p: Place) -> bool:
    """A country, or a region of it that names no province ("northern Syria", "the Syrian
    desert"): where in it, the article's places tell."""
    return p.precision is Precision.COUNTRY or p.precision is Precision.REGION and p.admin1_code is None


def _situated(d: _Draft) -> bool:
    """Is the report one that happens somewhere in particular (fighting, a protest, an
    evacuation), which the article's places can place, rather than a statement or a deal?"""
    return d.event_type in VIOLENCE | {EventType.PROTESTS, EventType.RIOTS} \
        or d.sub in PLACED_STRATEGIC


def _fill_from_context(drafts: list[_Draft], doc: Doc, res: Resources, focus: list[str],
                       claimants: list[Actor], lead: Place | None = None,
                       local: dict[int, Place | None] | None = None) -> None:
    """Actors and places a sentence leaves implicit, from the article around it.

    An article in which one group (and only one) claims an attack gives that group as the
    perpetrator of its other unattributed ground attacks and bombings."""
    names = {a.name for a in claimants}
    claimant_actor = claimants[0] if len(names) == 1 else None
    for i, d in enumerate(drafts):
        if d.actor1 is None and d.cand.actor1 is not None and d.cand.actor1.anaphoric:
            prev = [p for p in drafts[:i] if p.actor1 is not None and d.para_i - p.para_i <= 2]
            craft = d.cand.actor1.head.lower() in ANAPHORIC_CRAFT
            if craft:  # "the jets": whose aircraft were named, or a state's that struck before
                prev = [p for p in prev if p.actor1.kind is ActorKind.STATE_FORCES]
                d.actor1 = antecedent(d.cand.actor1, doc, d.start, res) or (prev[-1].actor1 if prev else None)
            elif prev:
                d.actor1 = prev[-1].actor1
            else:
                d.actor1 = antecedent(d.cand.actor1, doc, d.start, res)
        if (d.actor1 is None and claimant_actor is not None and d.event_type in VIOLENCE
                and d.sub not in (SubEventType.AIR_DRONE_STRIKE, SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK)):
            d.actor1 = claimant_actor
        if d.actor1 is None and d.cand.actor1 is not None:
            d.actor1 = normalize_actor(d.cand.actor1.phrase, table=res.actors, head=d.cand.actor1.head) \
                or _generic_forces(d.cand.actor1)
        country_only = d.place is not None and _country_wide(d.place)
        near = [p.place.country for p in drafts[:i] if p.place is not None and p.para_i == d.para_i]
        expected = d.place.country if country_only else (near[-1] if near else (focus[0] if focus else None))
        area = (local or {}).get(id(d))
        if area is None or area.country != expected:
            area = lead  # the article's province, where no nearby name places the report
        if area is not None and (d.place is None or country_only) and area.country == expected \
                and _situated(d):
            d.place = area
        elif d.place is None:
            prev = [p for p in drafts[:i] if p.place is not None and p.para_i == d.para_i]
            if prev and prev[-1].place.country:
                d.place = country_place(prev[-1].place.country, res)
            elif focus:
                d.place = country_place(focus[0], res)
        d.actor1 = _situate_actor(d.actor1, d, res)
        if d.actor2 is None and d.event_type in (EventType.VIOLENCE_AGAINST_CIVILIANS,
                                                 EventType.EXPLOSIONS_REMOTE_VIOLENCE) \
                and (d.fatalities or d.injuries) and CIVILIAN_TOLL.search(doc.text[d.start:d.end]):
            # "killing 224 people", "six civilians were wounded": the victims were civilians
            d.actor2 = Actor(name="Civilians", kind=ActorKind.CIVILIANS)
        if d.actor2 is not None:
            d.actor2 = _situate_actor(d.actor2, d, res)


# Sub-event types whose perpetrator, when the text names none, is "someone armed".
UNNAMED_PERPETRATOR = frozenset({SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, SubEventType.SUICIDE_BOMB,
                                 SubEventType.GRENADE, SubEventType.ATTACK, SubEventType.ARMED_CLASH,
                                 SubEventType.ABDUCTION_FORCED_DISAPPEARANCE})
PROTEST_SUBS = frozenset({SubEventType.PEACEFUL_PROTEST, SubEventType.PROTEST_WITH_INTERVENTION,
                          SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS})


CIVILIAN_TOLL = re.compile(r"(?i)\b(?:\d[\d,]*|[a-z]+)\s+(?:other\s+)?(?:people|civilians|passengers|children|women|"
                          r"residents|villagers|worshippers|students|shoppers|pilgrims|tourists|others)\b")
GENERIC_ACTORS = frozenset({"Military Forces", "Police Forces", "Security Forces", "Rebels", "Militia",
                            "Unidentified Armed Group", "Civilians", "Protesters", "Rioters"})


def _situate_actor(a: Actor | None, d: _Draft, res: Resources) -> Actor | None:
    """ACLED's conventions for actors the text leaves stateless: unnamed police or troops are
    the forces of the country where it happened, crowds are "Protesters (Iraq)" or
    "Rioters (Iraq)", and a bombing nobody claims is by an "Unidentified Armed Group"."""
    country = d.place.country if d.place is not None else None
    if country is None:
        return a
    cname = res.actors.country_names.get(country, country).removeprefix("the ")
    if a is None:
        if d.sub in PROTEST_SUBS:
            return Actor(name=f"Protesters ({cname})", country=country, kind=ActorKind.PROTESTERS)
        if d.event_type is EventType.RIOTS:
            return Actor(name=f"Rioters ({cname})", country=country, kind=ActorKind.RIOTERS)
        if d.sub in UNNAMED_PERPETRATOR:
            return Actor(name="Unidentified Armed Group", country=country, kind=ActorKind.POLITICAL_MILITIA)
        return None
    if a.country is not None or not (a.name in GENERIC_ACTORS or a.kind in (
            ActorKind.PROTESTERS, ActorKind.RIOTERS, ActorKind.CIVILIANS)):
        return a  # a named group ("Islamic State") belongs to no one country
    if a.kind is ActorKind.STATE_FORCES and a.name in ("Military Forces", "Police Forces", "Security Forces"):
        forces = res.actors.state_forces(country, police=a.name == "Police Forces")
        return Actor(name=forces.name, country=country, kind=forces.kind, text=a.text)
    if a.kind in (ActorKind.PROTESTERS, ActorKind.RIOTERS, ActorKind.CIVILIANS) and "(" not in a.name:
        return Actor(name=f"{a.name} ({cname})", country=country, kind=a.kind, text=a.text)
    return Actor(name=a.name, country=country, kind=a.kind, text=a.text)


def _to_mention(d: _Draft, article: Article, text: str) -> Mention:
    start, end = d.start, d.end
    if start == 0:
        start = dateline_end(text[:end]) or headline_end(text[:end], article.title)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    confidence = 0.4 + 0.1 * sum(x is not None for x in (d.actor1, d.place, d.date, d.fatalities)) \
        + (0.1 if d.cand.modality is Modality.ASSERTED else 0.0)
    return Mention(
        article_id=article.id, event_type=d.event_type, sub_event_type=d.sub, trigger=d.cand.trigger,
        evidence=Evidence(sentence=text[start:end], start=start, end=end), date=d.date, location=d.place,
        actor1=d.actor1, actor2=d.actor2, fatalities=d.fatalities, fatalities_max=d.fatalities_max,
        injuries=d.injuries, injuries_max=d.injuries_max, quantities=tuple(d.quantities), weapons=d.weapons,
        attributed_to=d.attributed_to, modality=d.cand.modality, confidence=round(min(confidence, 0.95), 2),
        provenance=Provenance(article_id=article.id, rule=f"{d.cand.cls}:{d.cand.trigger.lower()}",
                              version=RULES_VERSION))
