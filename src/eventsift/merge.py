"""Mentions from many articles -> Events: one per real incident, disagreements kept.

1. Blocking. Only mentions in one block are compared: same country, same family of
   event types (political violence / protests / riots / strategic developments), and
   dates within a day of each other. A date that the article does not state (the
   extractor fell back on the publication date, ``date.text is None``) only says the
   incident happened on or before that day, so it stands for the month before it: that
   is how a background mention ("the attacks in Paris last Friday") meets the event
   that another article dates exactly. A mention with no date is compared with its
   whole block.
2. Hard constraints (:func:`compatible`). Two named perpetrators that differ, two
   points more than 40 km apart, two provinces, dates that do not touch: never one
   incident. One exception, a disputed attribution: the same day, the same place and
   the same death toll, with the local state's forces and a foreign state's blamed
   ("regime aircraft" vs "Russian aircraft"), is one incident whose perpetrator is
   listed as a conflict.
3. Score (:func:`link_score`): place distance, date agreement, actor agreement, tolls,
   sub-event type and the similarity of the evidence sentences (``similarity``:
   lexical by default, sentence embeddings optionally). Pairs at or above
   ``LINK_THRESHOLD`` are links.
4. Clustering: links are taken best first; two clusters join only if every pair
   across them passes the hard constraints, so a chain of near matches cannot glue
   unrelated incidents together (Russian strike ~ unattributed strike ~ French strike).
5. Consensus (:func:`build_event`) and conflicts: see its docstring.

Within one article, extraction has already joined the sentences that tell one
incident, so two mentions of one article join only when they come from the same
sentence, name nested places (Paris / France) and do not name two specific types:
one report read twice.

The result depends only on the set of mentions, never on their order, and a link
depends only on its two mentions, so the events of a link-graph component can be
recomputed alone: :func:`merge_store` merges new articles into a store by redoing
just the components they touch, which gives exactly what a full merge gives.
"""
from __future__ import annotations

import bisect
import hashlib
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta

from eventsift.model import (SUB_EVENT_PARENT, Actor, ActorKind, Conflict, Event, EventType, Mention, Place,
                             Precision, SubEventType, TimeSpan)
from eventsift.similarity import LexicalSimilarity, Similarity

log = logging.getLogger(__name__)

LINK_THRESHOLD = 2.0
MAX_POINT_KM = 40.0  # two points farther apart are two incidents
SAME_PLACE_KM = 10.0
DATE_SLACK = timedelta(days=1)  # outlets in other time zones, "overnight"
UNSTATED_DATE_REACH = timedelta(days=31)  # a publication-date fallback: the incident is at most this much older
TEXT_WEIGHT = 2.0
VIOLENCE = frozenset({EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE, EventType.VIOLENCE_AGAINST_CIVILIANS})
GENERIC = frozenset({SubEventType.ATTACK, SubEventType.ARMED_CLASH, SubEventType.OTHER})
UNNAMED_ACTORS = frozenset({"Unidentified Armed Group"})  # says "someone": agrees with any named actor


def family(m: Mention) -> str:
    """The blocking family of a mention's type: violence types are often confused across outlets."""
    return "violence" if m.event_type in VIOLENCE else str(m.event_type)


def block_of(m: Mention) -> tuple[str | None, str]:
    return (m.location.country if m.location else None, family(m))


def _km(a: Place, b: Place) -> float:
    p = math.pi / 180
    x = 0.5 - math.cos((b.lat - a.lat) * p) / 2 + math.cos(a.lat * p) * math.cos(b.lat * p) * (
        1 - math.cos((b.lon - a.lon) * p)) / 2
    return 12742 * math.asin(math.sqrt(max(0.0, x)))


def _has_point(p: Place | None) -> bool:
    return p is not None and p.lat is not None and p.lon is not None and p.precision is Precision.POINT


def stated(d: TimeSpan | None) -> bool:
    """Did the article state this date (not the publication-date fallback)?"""
    return d is not None and d.text is not None


def window(m: Mention) -> tuple[date, date] | None:
    """The days the incident may have happened on, as far as this mention tells."""
    d = m.date
    if d is None:
        return None
    if not stated(d):
        return (d.start - UNSTATED_DATE_REACH, d.end)
    return (d.start, d.end)


def _named(a: Actor | None) -> str | None:
    """The perpetrator's name, or None when the mention names none: "Unidentified Armed
    Group", or civilians, who are the victims of political violence, never its actor
    (an extraction slip that must not keep two reports of one bombing apart)."""
    if a is None or a.name in UNNAMED_ACTORS or a.kind is ActorKind.CIVILIANS:
        return None
    return a.name


def _disputed(a: Mention, b: Mention) -> bool:
    """The local state's forces and another state's blamed for what is otherwise plainly
    one incident: outlets often disagree on whether the government's aircraft or its
    foreign ally's struck ("regime aircraft" vs "Russian aircraft"). Two foreign air
    forces (Russian vs French jets over Raqqa) are two incidents."""
    if not (a.actor1 and b.actor1 and a.actor1.kind is ActorKind.STATE_FORCES is b.actor1.kind):
        return False
    where = (a.location.country if a.location else None) or (b.location.country if b.location else None)
    if where is None or where not in (a.actor1.country, b.actor1.country):
        return False
    if not (a.fatalities and a.fatalities == b.fatalities):
        return False
    if not (stated(a.date) and stated(b.date) and a.date.start == a.date.end == b.date.start == b.date.end):
        return False
    return _has_point(a.location) and _has_point(b.location) and _km(a.location, b.location) <= SAME_PLACE_KM


def _nested(la: Place | None, lb: Place | None) -> bool:
    """One place inside (or equal to) the other: Paris / France, Raqqa city / Raqqa province."""
    if la is None or lb is None or la.name == lb.name:
        return True
    if la.precision is Precision.COUNTRY or lb.precision is Precision.COUNTRY:
        return la.country == lb.country
    if la.precision is Precision.ADMIN1 or lb.precision is Precision.ADMIN1:
        return bool(la.admin1_code) and la.admin1_code == lb.admin1_code
    return False


def compatible(a: Mention, b: Mention) -> bool:
    """Hard constraints: could these two mentions be the same incident at all?"""
    if family(a) != family(b):
        return False
    la, lb = a.location, b.location
    if a.article_id == b.article_id and (a.evidence.start != b.evidence.start or not _nested(la, lb) or (
            a.sub_event_type != b.sub_event_type and GENERIC.isdisjoint((a.sub_event_type, b.sub_event_type)))):
        return False
    na, nb = _named(a.actor1), _named(b.actor1)
    if na and nb and na != nb and not _disputed(a, b):
        return False
    if la and lb and la.country and lb.country and la.country != lb.country:
        return False
    if _has_point(la) and _has_point(lb) and _km(la, lb) > MAX_POINT_KM:
        return False
    codes = {p.admin1_code for p in (la, lb) if p and p.precision in (Precision.ADMIN1, Precision.POINT)}
    if None not in codes and len(codes) > 1 and not (_has_point(la) and _has_point(lb)):
        return False  # a town and a province it is not in, or two provinces
    wa, wb = window(a), window(b)
    if wa and wb and (wa[1] + DATE_SLACK < wb[0] or wb[1] + DATE_SLACK < wa[0]):
        return False
    return True


def link_score(a: Mention, b: Mention, *, similarity: Similarity) -> float:
    """How strongly two mentions look like one incident (0 when not compatible)."""
    if not compatible(a, b):
        return 0.0
    score = 0.0
    la, lb = a.location, b.location
    if _has_point(la) and _has_point(lb):
        score += 1.0 if _km(la, lb) <= SAME_PLACE_KM else 0.6
    elif la and lb and la.admin1_code and la.admin1_code == lb.admin1_code:
        score += 0.4
    if stated(a.date) and stated(b.date):
        if a.date.start == a.date.end == b.date.start == b.date.end:
            score += 1.0
        elif (a.date.end - a.date.start).days <= 3 and (b.date.end - b.date.start).days <= 3:
            score += 0.5
    na, nb = _named(a.actor1), _named(b.actor1)
    if na and nb:
        score += 0.5 if na == nb else -0.5
    if a.fatalities and b.fatalities:
        diff = abs(a.fatalities - b.fatalities)
        score += 1.0 if diff == 0 else (0.3 if diff <= max(3, 0.1 * max(a.fatalities, b.fatalities)) else -0.3)
    score += TEXT_WEIGHT * similarity.score(a.evidence.sentence, b.evidence.sentence)
    if a.sub_event_type == b.sub_event_type:
        score += 0.2
    return round(score, 6)


class BlockIndex:
    """Mentions by block, sorted by window start, to find each one's candidates fast.

    Windows up to ``_SHORT`` long sit in a sorted list searched by bisection; the few
    longer ones ("in 2015", "since the war began") are checked one by one.
    """
    _SHORT = timedelta(days=62)

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self._short: dict[tuple, list[tuple[date, str, Mention]]] = defaultdict(list)
        self._long: dict[tuple, list[Mention]] = defaultdict(list)
        self._undated: dict[tuple, list[Mention]] = defaultdict(list)
        self._seen: set[str] = set()
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        if m.mention_id in self._seen:
            return
        self._seen.add(m.mention_id)
        k, w = block_of(m), window(m)
        if w is None:
            self._undated[k].append(m)
        elif w[1] - w[0] > self._SHORT:
            self._long[k].append(m)
        else:
            bisect.insort(self._short[k], (w[0], m.mention_id, m))

    def candidates(self, m: Mention) -> Iterator[Mention]:
        """Every other mention in m's block whose window touches m's (all of it when m is undated)."""
        k, w = block_of(m), window(m)
        rows = self._short.get(k, [])
        if w is None:
            found = [r[2] for r in rows] + self._long.get(k, [])
        else:
            lo = bisect.bisect_left(rows, (w[0] - DATE_SLACK - self._SHORT,))
            hi = bisect.bisect_right(rows, (w[1] + DATE_SLACK, "\uffff"))
            found = [r[2] for r in rows[lo:hi]] + self._long.get(k, [])
            found = [c for c in found if _touch(w, window(c))]
        yield from (c for c in found + self._undated.get(k, []) if c.mention_id != m.mention_id)


def _touch(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return not (a[1] + DATE_SLACK < b[0] or b[1] + DATE_SLACK < a[0])


def candidate_pairs(mentions: Sequence[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """Each unordered pair of mentions that blocking lets through, once."""
    index = BlockIndex(mentions)
    for m in mentions:
        for c in index.candidates(m):
            if m.mention_id < c.mention_id:
                yield m, c


def cluster(mentions: Sequence[Mention], *, similarity: Similarity | None = None) -> list[list[Mention]]:
    """Group mentions into incidents; deterministic for a given set."""
    sim = similarity or LexicalSimilarity()
    ms = sorted({m.mention_id: m for m in mentions}.values(), key=lambda m: m.mention_id)
    pos = {m.mention_id: i for i, m in enumerate(ms)}
    sim.prepare(m.evidence.sentence for m in ms)
    links = []
    for a, b in candidate_pairs(ms):
        s = link_score(a, b, similarity=sim)
        if s >= LINK_THRESHOLD:
            links.append((-s, a.mention_id, b.mention_id))
    links.sort()
    parent = list(range(len(ms)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ms))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, ka, kb in links:
        ri, rj = find(pos[ka]), find(pos[kb])
        if ri == rj:
            continue
        if all(compatible(ms[x], ms[y]) for x in members[ri] for y in members[rj]):
            keep, drop = (ri, rj) if ri < rj else (rj, ri)
            parent[drop] = keep
            members[keep] = sorted(members[keep] + members.pop(drop))
    return [[ms[i] for i in idx] for _, idx in sorted(members.items())]


# ---- consensus ----------------------------------------------------------------------

def _most_common(values: Iterable, *, key: Callable = str):
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return sorted(counts, key=lambda v: (-counts[v], key(v)))[0]


_PRECISION_ORDER = {Precision.POINT: 0, Precision.ADMIN1: 1, Precision.REGION: 2, Precision.COUNTRY: 3}


def _date_text(d: TimeSpan | None) -> str | None:
    if d is None:
        return None
    return d.start.isoformat() if d.start == d.end else f"{d.start.isoformat()}..{d.end.isoformat()}"


def _place_text(p: Place | None) -> str | None:
    return None if p is None or p.precision is not Precision.POINT else p.name


CONFLICT_FIELDS: dict[str, Callable[[Mention], str | None]] = {
    "date": lambda m: _date_text(m.date) if stated(m.date) and m.date.start == m.date.end else None,
    "location": lambda m: _place_text(m.location),
    "actor1": lambda m: m.actor1.name if m.actor1 else None,
    "actor2": lambda m: m.actor2.name if m.actor2 else None,
    "fatalities": lambda m: None if m.fatalities is None else str(m.fatalities),
    "injuries": lambda m: None if m.injuries is None else str(m.injuries),
    "sub_event_type": lambda m: str(m.sub_event_type),
}


def conflicts(group: Sequence[Mention]) -> tuple[Conflict, ...]:
    """Every field on which the mentions differ, each value with the articles that gave it.

    Only what articles state counts: a date the extractor took from the publication
    date, a range ("this week": vaguer, not contrary), or a place known only to country
    or province level, is no claim to dispute. Tuesday vs Wednesday is.
    """
    out = []
    for name, get in CONFLICT_FIELDS.items():
        by_value: dict[str, set[str]] = defaultdict(set)
        for m in group:
            v = get(m)
            if v is not None:
                by_value[v].add(m.article_id)
        if len(by_value) > 1:
            out.append(Conflict(field=name, values=tuple((v, tuple(sorted(a))) for v, a in sorted(by_value.items()))))
    return tuple(out)


def _consensus_date(group: Sequence[Mention]) -> TimeSpan | None:
    """The narrowest stated date (the most common on ties, then the earliest); else the
    earliest fallback date, since the incident happened before the first report of it."""
    dates = [m.date for m in group if stated(m.date)]
    if dates:
        counts = Counter((d.start, d.end) for d in dates)
        return min(dates, key=lambda d: ((d.end - d.start).days, -counts[(d.start, d.end)], d.start, d.text or ""))
    fallback = [m.date for m in group if m.date is not None]
    return min(fallback, key=lambda d: (d.start, d.end)) if fallback else None


def _consensus_place(group: Sequence[Mention]) -> Place | None:
    places = [m.location for m in group if m.location is not None]
    if not places:
        return None
    counts = Counter(p.name for p in places)
    return min(places, key=lambda p: (_PRECISION_ORDER.get(p.precision, 4), -counts[p.name], p.name,
                                      p.geonames_id or 0))


def _latest(group: Sequence[Mention], field: str, published: Mapping[str, date | None]) -> int | None:
    vals = [(published.get(m.article_id) or date.min, getattr(m, field)) for m in group
            if getattr(m, field) is not None]
    return max(vals)[1] if vals else None


def event_id_of(group: Sequence[Mention]) -> str:
    """A stable id: a hash of the smallest mention id in the event."""
    first = min(m.mention_id for m in group)
    return "ev-" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]


def build_event(group: Sequence[Mention], *, published: Mapping[str, date | None],
                sources: Mapping[str, str | None]) -> Event:
    """Consensus of one incident's mentions.

    - Type: the most frequent sub-event type, a specific one beating attack/armed clash.
    - Date: the narrowest date an article states (fallback dates only when none does).
    - Place: the most precise; among equally precise ones, the most reported.
    - Actors: the most frequent; "Unidentified Armed Group" only when no one names one.
    - Fatalities and injuries: the figure of the most recently published report (tolls
      rise as bodies are counted and later reports correct early ones); among reports
      published the same day, the larger figure. Every other figure is kept in
      ``conflicts``.
    """
    group = sorted(group, key=lambda m: m.mention_id)
    subs = Counter(m.sub_event_type for m in group)
    sub = sorted(subs, key=lambda s: (s in GENERIC, -subs[s], str(s)))[0]
    named1 = [m.actor1 for m in group if _named(m.actor1)]
    actor1 = _most_common(named1 or [m.actor1 for m in group], key=lambda a: (a.name, str(a.kind)))
    actor2 = _most_common((m.actor2 for m in group), key=lambda a: (a.name, str(a.kind)))
    srcs = tuple(sorted({sources.get(m.article_id) or m.article_id for m in group}))
    return Event(event_id=event_id_of(group), event_type=SUB_EVENT_PARENT[sub], sub_event_type=sub,
                 mentions=tuple(group), date=_consensus_date(group), location=_consensus_place(group),
                 actor1=_strip(actor1), actor2=_strip(actor2), fatalities=_latest(group, "fatalities", published),
                 injuries=_latest(group, "injuries", published), sources=srcs, conflicts=conflicts(group))


def _strip(a: Actor | None) -> Actor | None:
    return None if a is None else Actor(name=a.name, country=a.country, kind=a.kind)


def merge_events(mentions: Sequence[Mention], *, published: Mapping[str, date | None] | None = None,
                 sources: Mapping[str, str | None] | None = None,
                 similarity: Similarity | None = None) -> list[Event]:
    """All mentions -> events, sorted by event id."""
    published = published or {}
    sources = sources or {}
    events = [build_event(g, published=published, sources=sources)
              for g in cluster(mentions, similarity=similarity)]
    return sorted(events, key=lambda e: e.event_id)


# ---- incremental ----------------------------------------------------------------------

def affected_component(new: Sequence[Mention], pool: Sequence[Mention], *,
                       similarity: Similarity) -> list[Mention]:
    """The mentions linked, directly or through others, to any of ``new``.

    ``pool`` is every mention (stored and new) of the blocks ``new`` falls in. Links
    are followed over blocking candidates only, so the work grows with the size of the
    touched components, not with the store.
    """
    index = BlockIndex(pool)
    reached = {m.mention_id: m for m in new}
    frontier = sorted(new, key=lambda m: m.mention_id)
    while frontier:
        m = frontier.pop()
        cands = [c for c in index.candidates(m) if c.mention_id not in reached]
        similarity.prepare([m.evidence.sentence] + [c.evidence.sentence for c in cands])
        for c in cands:
            if c.mention_id not in reached and link_score(m, c, similarity=similarity) >= LINK_THRESHOLD:
                reached[c.mention_id] = c
                frontier.append(c)
    return sorted(reached.values(), key=lambda m: m.mention_id)


def merge_store(store, *, similarity: Similarity | None = None, full: bool = False) -> list[Event]:
    """Merge the store's unmerged mentions into its events, then regroup the stories.

    Only the link-graph components that the new mentions touch are clustered again;
    their old events are replaced. Clustering is a function of a component's mentions
    alone, so this equals a full merge (``full=True`` forces one, e.g. after changing
    the similarity). Running it with nothing new changes nothing.
    """
    from eventsift.stories import group_stories

    sim = similarity or LexicalSimilarity()
    rows = store.mentions_with_event_ids()
    meta = store.article_meta()
    published = {k: v[0] for k, v in meta.items()}
    sources = {k: v[1] for k, v in meta.items()}
    new = [m for m, eid in rows if eid is None or full]
    if not new:
        return store.events()
    if full:
        todo = new
    else:
        touched = {block_of(m) for m in new}
        pool = [m for m, _ in rows if block_of(m) in touched]
        # when the touched blocks hold nothing stored yet (a fresh store), the components
        # of the new mentions are the whole pool: no need to walk the links to find them
        todo = pool if len(pool) == len(new) else affected_component(new, pool, similarity=sim)
    old_event = {m.mention_id: eid for m, eid in rows}
    events = merge_events(todo, published=published, sources=sources, similarity=sim)
    old_ids = {old_event[m.mention_id] for m in todo if old_event.get(m.mention_id)}
    log.info("merged %s mentions (%s new) into %s events, replacing %s", len(todo), len(new), len(events),
             len(old_ids))
    fresh = not old_ids and len(todo) == len(rows)  # every stored mention was just merged
    store.replace_events(events, remove=old_ids)
    # a fresh store's events are exactly those just built: no need to read them back
    everything = sorted(events, key=lambda e: (e.date is None, e.date.start if e.date else date.min, e.event_id)) \
        if fresh else store.events()
    store.replace_stories(group_stories(everything))
    return everything
