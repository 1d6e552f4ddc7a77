"""Place-name normal forms: pure functions, no I/O except the demonym table.

Three keys, from strict to loose, make transliterations of one name meet:

- :func:`fold` -- lowercase ASCII, apostrophes gone, punctuation to spaces:
  ``"Deir ez-Zor" -> "deir ez zor"``.
- :func:`loose` -- :func:`fold` without Arabic articles (al-/ar-/ez-/ash-/el- ...,
  also assimilated ones as in "Ezzor", and after Deir run-in ones as in "Deir Ezour"), Deir/Dayr/Dair -> dyr, q/k/g/c -> k,
  ou/oo/w -> u, ee -> i, -ah/-eh/-e endings -> -a, doubled letters collapsed:
  ``"Ar-Raqqah" -> "raka"``, ``"Raqa" -> "raka"``.
- :func:`skeleton` -- :func:`loose` with the vowels inside words dropped (a word's
  first vowel is kept as "a"): ``"Rusafa" -> "rsf"``, ``"Dayr az Zawr" -> "drzr"``.

>>> fold("Dayr ‘Aţīyah")
'dayr atiyah'
>>> skeleton("Deir Ezzor") == skeleton("Dayr az Zawr") == skeleton("Deir al-Zour")
True
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from unidecode import unidecode

__all__ = ["fold", "loose", "skeleton", "variants", "is_demonym", "demonym_country", "demonyms"]

_APOSTROPHES = re.compile(r"['’‘ʿʾʼʻ`´′]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
ARTICLES = frozenset("al el ar as ad at az an ash ath adh ed es ez er et en esh ech il ul al-".split())
DEIR = frozenset({"deir", "dayr", "dair", "der", "dier", "deyr", "dir"})
_ASSIMILATED = re.compile(r"^[ae]([tdrzsn])(?=\1[a-z]{2})")  # "ezzor" -> "zor", "arraqqa" -> "raqqa"
_RUN_IN = re.compile(r"^[aeu](?=[tdrzsn][a-z]{2})")  # "Deir Ezour": the article's vowel run into the name
_LOOSE_SUBS = (
    ("kh", "x"), ("gh", "g"), ("ch", "sh"), ("dj", "j"), ("ph", "f"), ("th", "t"), ("dh", "d"),
    ("q", "k"), ("g", "k"), ("c", "k"), ("ou", "u"), ("oo", "u"), ("w", "u"), ("ee", "i"), ("ie", "i"),
)
_DOUBLE = re.compile(r"([a-z])\1+")
_ENDING = re.compile(r"(?:ah|eh|a|e)$")
_VOWELS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lowercase ASCII with diacritics and apostrophes removed, punctuation as spaces."""
    s = unidecode(_APOSTROPHES.sub("", name)).lower()
    s = s.replace("'", "").replace("`", "")
    return " ".join(_NON_ALNUM.sub(" ", s).split())


def _core_tokens(folded: str) -> list[str]:
    tokens = folded.split()
    if len(tokens) > 1:
        kept = [t for t in tokens if t not in ARTICLES]
        tokens = kept or tokens
    out = []
    for i, t in enumerate(tokens):
        if i > 0 or len(tokens) > 1:
            t = _ASSIMILATED.sub("", t)
        if out and out[-1] == "dyr":  # after Deir the article is written into the name, its letter
            t = _RUN_IN.sub("", t)  # once ("Deir Ezour", "Dayr uz-Zur"): "zour", as "Deir ez-Zour"
        out.append("dyr" if t in DEIR else t)
    return out


def _loose_token(t: str) -> str:
    for a, b in _LOOSE_SUBS:
        t = t.replace(a, b)
    t = _DOUBLE.sub(r"\1", t)
    return _ENDING.sub("a", t) if len(t) > 3 else t


@lru_cache(maxsize=65536)
def loose(name: str) -> str:
    """Articles dropped, common transliteration differences evened out; vowels kept."""
    return " ".join(_loose_token(t) for t in _core_tokens(fold(name)))


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Consonant skeleton of :func:`loose`, words joined: the loosest index key."""
    parts = []
    for t in loose(name).split():
        if t.isdigit():
            parts.append(t)
            continue
        head = "a" if t[0] in "aeiou" else t[0]
        parts.append(head + _VOWELS.sub("", t[1:]))
    return _DOUBLE.sub(r"\1", "".join(parts))


def variants(name: str) -> set[str]:
    """The keys a name is indexed under: its folded, loose and skeleton forms."""
    return {k for k in (fold(name), loose(name), skeleton(name)) if k}


# -- demonyms -------------------------------------------------------------------------
@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym/adjective -> ISO2 country ('' where it names no one country)."""
    text = resources.files("eventsift").joinpath("data/demonyms.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for row in csv.reader(text.splitlines(), delimiter="\t"):
        if not row or row[0].startswith("#"):
            continue
        code = row[1].strip().upper() if len(row) > 1 else ""
        out[fold(row[0])] = code if len(code) == 2 else ""
    return out


def is_demonym(name: str) -> bool:
    """'Syrian', 'the Russian', 'Kurdish', 'Iraqis' name people, not places."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    table = demonyms()
    return key in table or (key.endswith("s") and key[:-1] in table)


def demonym_country(name: str) -> str | None:
    """ISO2 of the country a demonym points to ('Syrian' -> 'SY'), else None."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    table = demonyms()
    code = table.get(key) or (table.get(key[:-1]) if key.endswith("s") else None)
    return code or None
