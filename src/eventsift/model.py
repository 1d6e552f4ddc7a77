"""The records that cross stage boundaries.

Every stage consumes and produces these frozen dataclasses; nothing downstream of
``extract`` sees a spaCy object, and nothing upstream of ``store``/``export`` sees a
dict. Enrich a record with :func:`dataclasses.replace`, never by mutation.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date


class EventType(enum.StrEnum):
    BATTLES = "battles"
    EXPLOSIONS_REMOTE_VIOLENCE = "explosions_remote_violence"
    VIOLENCE_AGAINST_CIVILIANS = "violence_against_civilians"
    PROTESTS = "protests"
    RIOTS = "riots"
    STRATEGIC_DEVELOPMENTS = "strategic_developments"


class SubEventType(enum.StrEnum):
    ARMED_CLASH = "armed_clash"
    GOVERNMENT_REGAINS_TERRITORY = "government_regains_territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "non_state_actor_overtakes_territory"
    CHEMICAL_WEAPON = "chemical_weapon"
    AIR_DRONE_STRIKE = "air_drone_strike"
    SUICIDE_BOMB = "suicide_bomb"
    SHELLING_ARTILLERY_MISSILE_ATTACK = "shelling_artillery_missile_attack"
    REMOTE_EXPLOSIVE_LANDMINE_IED = "remote_explosive_landmine_ied"
    GRENADE = "grenade"
    SEXUAL_VIOLENCE = "sexual_violence"
    ATTACK = "attack"
    ABDUCTION_FORCED_DISAPPEARANCE = "abduction_forced_disappearance"
    PEACEFUL_PROTEST = "peaceful_protest"
    PROTEST_WITH_INTERVENTION = "protest_with_intervention"
    EXCESSIVE_FORCE_AGAINST_PROTESTERS = "excessive_force_against_protesters"
    VIOLENT_DEMONSTRATION = "violent_demonstration"
    MOB_VIOLENCE = "mob_violence"
    AGREEMENT = "agreement"
    ARRESTS = "arrests"
    CHANGE_TO_GROUP_ACTIVITY = "change_to_group_activity"
    DISRUPTED_WEAPONS_USE = "disrupted_weapons_use"
    HEADQUARTERS_OR_BASE_ESTABLISHED = "headquarters_or_base_established"
    LOOTING_PROPERTY_DESTRUCTION = "looting_property_destruction"
    NON_VIOLENT_TRANSFER_OF_TERRITORY = "non_violent_transfer_of_territory"
    OTHER = "other"


# ACLED's codebook: which sub-event types belong to which event type.
SUB_EVENT_PARENT: dict[SubEventType, EventType] = {
    **{s: EventType.BATTLES for s in (
        SubEventType.ARMED_CLASH, SubEventType.GOVERNMENT_REGAINS_TERRITORY,
        SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY)},
    **{s: EventType.EXPLOSIONS_REMOTE_VIOLENCE for s in (
        SubEventType.CHEMICAL_WEAPON, SubEventType.AIR_DRONE_STRIKE, SubEventType.SUICIDE_BOMB,
        SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK, SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED,
        SubEventType.GRENADE)},
    **{s: EventType.VIOLENCE_AGAINST_CIVILIANS for s in (
        SubEventType.SEXUAL_VIOLENCE, SubEventType.ATTACK,
        SubEventType.ABDUCTION_FORCED_DISAPPEARANCE)},
    **{s: EventType.PROTESTS for s in (
        SubEventType.PEACEFUL_PROTEST, SubEventType.PROTEST_WITH_INTERVENTION,
        SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS)},
    **{s: EventType.RIOTS for s in (SubEventType.VIOLENT_DEMONSTRATION, SubEventType.MOB_VIOLENCE)},
    **{s: EventType.STRATEGIC_DEVELOPMENTS for s in (
        SubEventType.AGREEMENT, SubEventType.ARRESTS, SubEventType.CHANGE_TO_GROUP_ACTIVITY,
        SubEventType.DISRUPTED_WEAPONS_USE, SubEventType.HEADQUARTERS_OR_BASE_ESTABLISHED,
        SubEventType.LOOTING_PROPERTY_DESTRUCTION, SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY,
        SubEventType.OTHER)},
}


class Precision(enum.StrEnum):
    """Spatial precision of a resolved place."""
    POINT = "point"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    REGION = "region"


class DatePrecision(enum.StrEnum):
    DAY = "day"
    RANGE = "range"
    MONTH = "month"
    YEAR = "year"


class Modality(enum.StrEnum):
    ASSERTED = "asserted"
    CLAIMED = "claimed"
    DENIED = "denied"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"


class ActorKind(enum.StrEnum):
    """ACLED's inter codes, by name."""
    STATE_FORCES = "state_forces"
    REBEL_GROUP = "rebel_group"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    EXTERNAL_OTHER = "external_other"


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = "en"
    origin: str | None = None
    content_hash: str = ""
    country: str | None = None  # the source's country focus (ISO2), used when the text names no country


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeSpan:
    start: date
    end: date
    precision: DatePrecision = DatePrecision.DAY
    text: str | None = None  # the expression the span was read from

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"TimeSpan end {self.end} is before start {self.start}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin1_code: str | None = None  # ISO 3166-2, e.g. SY-RA
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: Precision = Precision.POINT
    qualifier: str | None = None  # "near", "outskirts", "east of", "countryside" ...
    text: str | None = None  # the words in the article that named it


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    name: str
    country: str | None = None
    kind: ActorKind | None = None
    text: str | None = None  # as written in the article


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    value: float
    unit: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    article_id: str
    rule: str
    version: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    article_id: str
    event_type: EventType
    sub_event_type: SubEventType
    evidence: Evidence
    trigger: str = ""
    date: TimeSpan | None = None
    location: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: int | None = None
    fatalities_max: int | None = None  # set when the text gives a range ("10 to 15 killed")
    injuries: int | None = None
    injuries_max: int | None = None
    quantities: tuple[Quantity, ...] = ()
    weapons: tuple[str, ...] = ()
    attributed_to: str | None = None
    modality: Modality = Modality.ASSERTED
    confidence: float = 0.5
    provenance: Provenance | None = None
    # Computed once (merging compares ids millions of times), never passed in.
    mention_id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One sentence can report the same kind of event in two places ("strikes on Raqqa
        # and Deir ez-Zor"), so the place is part of the identity.
        where = f":{self.location.name}" if self.location is not None else ""
        object.__setattr__(self, "mention_id", f"{self.article_id}:{self.evidence.start}:{self.sub_event_type}{where}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """One field on which the mentions of an event disagree."""
    field: str
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value as text, article ids that gave it)


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    event_id: str
    event_type: EventType
    sub_event_type: SubEventType
    mentions: tuple[Mention, ...]
    date: TimeSpan | None = None
    location: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: int | None = None
    injuries: int | None = None
    sources: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = field(default_factory=tuple)
