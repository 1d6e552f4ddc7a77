"""A day-by-day timeline of events with their sources, for the terminal.

:func:`timeline_days` is the pure part (filter, group by day); :func:`render_timeline`
prints it with rich. An event with a range ("this week") stands on its first day, its
range shown; undated events are left out and counted.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from rich.console import Console
from rich.markup import escape

from eventsift.model import Event


def timeline_days(events: Iterable[Event], *, country: str | None = None, start: date | None = None,
                  end: date | None = None) -> tuple[list[tuple[date, list[Event]]], int]:
    """(day, events of that day) in date order, and how many matching events had no date."""
    days: dict[date, list[Event]] = defaultdict(list)
    undated = 0
    for e in events:
        if country and (e.location is None or (e.location.country or "").upper() != country.upper()):
            continue
        if e.date is None:
            undated += 1
            continue
        if (start and e.date.end < start) or (end and e.date.start > end):
            continue
        days[e.date.start].append(e)
    out = []
    for day in sorted(days):
        out.append((day, sorted(days[day], key=lambda e: (-(len(e.sources)), str(e.sub_event_type), e.event_id))))
    return out, undated


def _line(e: Event, story: str | None) -> str:
    what = str(e.sub_event_type).replace("_", " ").replace("air drone", "air/drone")
    parts = [f"[bold]{escape(what)}[/]"]
    if e.location is not None:
        parts.append(escape(f"{e.location.name}, {e.location.country or '?'}"))
    if e.actor1 is not None:
        parts.append(escape(e.actor1.name + (f" → {e.actor2.name}" if e.actor2 else "")))
    if e.fatalities is not None:
        parts.append(f"[red]{e.fatalities} killed[/]")
    if e.date is not None and e.date.end != e.date.start:
        parts.append(f"until {e.date.end}")
    n = len(e.sources)
    parts.append(f"[cyan]{n} source{'s' if n != 1 else ''}: {escape(', '.join(e.sources))}[/]")
    text = "  • " + " · ".join(parts)
    if story:
        text += f"\n      [magenta]story:[/] {escape(story)}"
    for c in e.conflicts:
        vals = "; ".join(f"{v} ({', '.join(ids)})" for v, ids in c.values)
        text += f"\n      [yellow]⚠ {escape(c.field)}:[/] {escape(vals)}"
    return text


def render_timeline(days: Sequence[tuple[date, Sequence[Event]]], *, undated: int = 0,
                    stories: Mapping[str, str] | None = None, console: Console | None = None) -> None:
    """Print the timeline: a rule per day, a line per event, its sources and conflicts."""
    console = console or Console()
    stories = stories or {}
    if not days:
        console.print("no events in that range")
    for day, events in days:
        console.rule(f"[bold]{day:%a %d %b %Y}[/]  ({len(events)} event{'s' if len(events) != 1 else ''})",
                     align="left")
        for e in events:
            console.print(_line(e, stories.get(e.event_id)), highlight=False)
    if undated:
        console.print(f"[dim]{undated} undated event{'s' if undated != 1 else ''} not shown[/]")


def show_timeline(db, *, country: str | None = None, start: date | None = None, end: date | None = None,
                  console: Console | None = None) -> int:
    """Read the store and print its timeline; returns the number of events shown."""
    from eventsift.store import Store

    with Store.open(db, read_only=True) as store:
        events = store.events()
        stories = {eid: s.title for s in store.stories() for eid in s.event_ids}
    days, undated = timeline_days(events, country=country, start=start, end=end)
    render_timeline(days, undated=undated, stories=stories, console=console)
    return sum(len(evs) for _, evs in days)
