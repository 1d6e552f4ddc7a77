"""Event extraction: parsed sentences -> candidate events -> one Mention per incident per article."""
from __future__ import annotations

from eventsift.extract.article import extract_mentions
from eventsift.extract.lexicon import Lexicon

__all__ = ["Lexicon", "extract_mentions"]
