"""eventsift: news articles about armed conflict in, evidence-backed event data out."""
from __future__ import annotations

from eventsift.errors import EventsiftError
from eventsift.model import Actor, Article, Event, Mention, Place, TimeSpan

__all__ = ["Actor", "Article", "Event", "EventsiftError", "Mention", "Place", "TimeSpan"]
__version__ = "0.1.0"
