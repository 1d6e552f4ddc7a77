"""Events -> stories: a campaign, a siege, a series of strikes.

A story is a run of at least two events with the same perpetrator (or none named),
the same family of event types and the same province, where no more than
``STORY_GAP_DAYS`` pass between one event and the next. Events known only to country
level, or undated, belong to no story: "Russian strikes across Syria" says too little
to tie a series together. Stories are a pure function of the events, cheap to regroup
after every merge.

>>> [s.title for s in group_stories(events)]  # doctest: +SKIP
['Military Forces of Russia: 3 air/drone strikes in Ar Raqqah, 2015-11-17 to 2015-11-20']
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from eventsift.merge import family
from eventsift.model import Event, Precision

STORY_GAP_DAYS = 7


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    story_id: str
    title: str
    country: str | None
    admin1: str | None
    admin1_code: str | None
    actor1: str | None
    family: str
    start: date
    end: date
    event_ids: tuple[str, ...]


def _key(e: Event) -> tuple[str, str, str, str] | None:
    loc = e.location
    if e.date is None or loc is None or loc.precision not in (Precision.POINT, Precision.ADMIN1):
        return None
    region = loc.admin1_code or (loc.name if loc.precision is Precision.ADMIN1 else None)
    if region is None:
        return None
    actor = e.actor1.name if e.actor1 else ""
    return (loc.country or "", region, actor, family(e.mentions[0]) if e.mentions else str(e.event_type))


def _title(events: Sequence[Event], actor: str, where: str) -> str:
    subs = Counter(str(e.sub_event_type).replace("_", " ").replace("air drone", "air/drone") for e in events)
    what = sorted(subs, key=lambda s: (-subs[s], s))[0]
    start, end = events[0].date.start, max(e.date.end for e in events)
    return f"{actor or 'Unattributed'}: {len(events)} events, mostly {what}, in {where}, {start} to {end}"


def group_stories(events: Iterable[Event]) -> list[Story]:
    """Stories of two or more events, ordered by start date then id."""
    by_key: dict[tuple, list[Event]] = defaultdict(list)
    for e in events:
        k = _key(e)
        if k is not None:
            by_key[k].append(e)
    out = []
    for (country, region, actor, fam), evs in sorted(by_key.items()):
        evs.sort(key=lambda e: (e.date.start, e.event_id))
        runs: list[list[Event]] = [[evs[0]]]
        reach = evs[0].date.end
        for e in evs[1:]:
            if (e.date.start - reach).days > STORY_GAP_DAYS:
                runs.append([])
            runs[-1].append(e)
            reach = max(reach, e.date.end)
        for run in runs:
            if len(run) < 2:
                continue
            names = Counter(e.location.admin1 or e.location.name for e in run)
            where = sorted(names, key=lambda n: (-names[n], n))[0]
            ids = tuple(e.event_id for e in run)
            out.append(Story(story_id="st-" + hashlib.sha1(ids[0].encode("utf-8")).hexdigest()[:12],
                             title=_title(run, actor, where), country=country or None,
                             admin1=run[0].location.admin1 or where, admin1_code=region if "-" in region else None,
                             actor1=actor or None, family=fam, start=run[0].date.start,
                             end=max(e.date.end for e in run), event_ids=ids))
    return sorted(out, key=lambda s: (s.start, s.story_id))
