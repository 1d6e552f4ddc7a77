"""The event vocabulary, loaded from ``data/triggers.yaml`` (data, not code)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from eventsift.model import SubEventType


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]
    light_verbs: frozenset[str]
    phrases: dict[str, str]
    weapons: tuple[tuple[SubEventType, tuple[str, ...]], ...]  # strongest cue first
    armed_targets: frozenset[str]

    @classmethod
    def load(cls) -> Lexicon:
        raw = _vocabulary()
        weapons = tuple((SubEventType(k), tuple(v)) for k, v in raw["weapons"].items())
        return cls(verbs=dict(raw["verbs"]), nouns=dict(raw["nouns"]),
                   light_verbs=frozenset(raw["light_verbs"]), phrases=dict(raw["phrases"]),
                   weapons=weapons, armed_targets=frozenset(raw["armed_targets"]))

    def weapon_cue(self, words: str) -> SubEventType | None:
        """The strongest weapon named in a lower-cased, space-padded clause text."""
        for sub, cues in self.weapons:
            if any(f" {c} " in words for c in cues):
                return sub
        return None


def load_word_sets() -> dict[str, frozenset[str]]:
    """The word sets the trigger rules read ("weapons", "units", "property" ...), by name."""
    raw = _vocabulary()
    return {name: frozenset(str(w) for w in words) for name, words in raw["word_sets"].items()}


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    """data/triggers.yaml, read and parsed once for the lexicon, the word sets and the cues.
    Callers only read it."""
    return yaml.safe_load((resources.files("eventsift") / "data" / "triggers.yaml").read_text("utf-8"))


def load_clause_cues() -> dict[str, tuple[str, ...]]:
    """The phrases the typing rules look for in a clause's text, by name."""
    raw = _vocabulary()
    return {name: tuple(str(c) for c in cues) for name, cues in raw["clause_cues"].items()}

