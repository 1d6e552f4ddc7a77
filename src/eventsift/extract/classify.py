"""ACLED event and sub-event types from a trigger class, the weapons named and who was involved.

The rules follow ACLED's codebook: the weapon decides among the remote-violence
sub-types; whether the target was armed decides between a battle and violence against
civilians; who took territory decides between the two territorial battle types.
"""
from __future__ import annotations

import re

from eventsift.extract.lexicon import load_clause_cues
from eventsift.extract.triggers import ACCIDENT_CUES
from eventsift.model import SUB_EVENT_PARENT, Actor, ActorKind, EventType, SubEventType as S

CLAUSE_CUES = load_clause_cues()  # data/triggers.yaml

ARMED_KINDS = frozenset({ActorKind.STATE_FORCES, ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA,
                         ActorKind.IDENTITY_MILITIA, ActorKind.EXTERNAL_OTHER})
REMOTE = frozenset({S.AIR_DRONE_STRIKE, S.SHELLING_ARTILLERY_MISSILE_ATTACK, S.REMOTE_EXPLOSIVE_LANDMINE_IED,
                    S.SUICIDE_BOMB, S.CHEMICAL_WEAPON, S.GRENADE})
INTERVENTION_CUES = CLAUSE_CUES["intervention_cues"]
RIOT_CUES = CLAUSE_CUES["riot_cues"]
PROTEST_NOUNS = CLAUSE_CUES["protest_nouns"]
PROTESTER_WORDS = CLAUSE_CUES["protester_words"]
BLAST_WORDS = CLAUSE_CUES["blast_words"]
CROWD_VIOLENCE = CLAUSE_CUES["crowd_violence"]
# force on a crowd that ACLED counts as excessive even when no one is said to have died
SEVERE_CUES = CLAUSE_CUES["severe_cues"]
BARRICADE_CUES = CLAUSE_CUES["barricade_cues"]
CROWD_DAMAGE = CLAUSE_CUES["crowd_damage"]
# weapons of a crowd, not of an armed group: rival crowds fighting with them riot
CRUDE_WEAPONS = CLAUSE_CUES["crude_weapons"]
MOB_CUES = CLAUSE_CUES["mob_cues"]
CROWD_INCENDIARIES = CLAUSE_CUES["crowd_incendiaries"]
ARREST_WORDS = CLAUSE_CUES["arrest_words"]
FIGHT_WORDS = CLAUSE_CUES["fight_words"]
# Acts of violence a crowd commits (not force used on it)
CROWD_ACTS = frozenset({"attack", "raid", "loot", "destroy", "kill", "shoot", "wound", "riot", "clash", "fight"})
PEACEFUL_HANDOVER = CLAUSE_CUES["peaceful_handover"]
LEFT_GROUND = CLAUSE_CUES["left_ground"]
FORCE_WORDS = CLAUSE_CUES["force_words"]
LETHAL_CUES = CLAUSE_CUES["lethal_cues"]
# words of a fight for the ground: troops leaving it then is a defeat, not a handover
CONTESTED = (*FIGHT_WORDS, *LETHAL_CUES, " fighting", " battle", " offensive", " assault", " attack")
CRIME_CUES = CLAUSE_CUES["crime_cues"]
DISASTER_CUES = CLAUSE_CUES["disaster_cues"]
ARREST_CRIME_CUES = CLAUSE_CUES["arrest_crime_cues"]
CONFLICT_WORDS = CLAUSE_CUES["conflict_words"]
# acts whose toll nature or an accident can cause: no one's violence when nothing else says so
HARM_CLASSES = frozenset({"kill", "wound", "explode", "destroy", "strike"})
# townspeople as a crowd (not "unidentified people"): their arson is a mob's
TOWNSFOLK = (" residents", " villagers", " locals", " crowd", " townspeople")
# unarmed crowds whose clash with the police is a riot
CROWD_CLASHERS = (" youths", " youth ", " residents", " villagers", " students", " supporters", " fans ",
                  " locals", " mourners", " workers")
# acts that are crime when robbers or a husband commit them (a mob beating a thief is a riot)
CRIME_ACTS = frozenset({"kill", "shoot", "attack", "wound", "clash", "fight", "raid", "arrest", "abduct"})


# Trigger classes whose sub-event type nothing else in the clause changes.
FIXED: dict[str, S] = {
    "abduct": S.ABDUCTION_FORCED_DISAPPEARANCE, "sexual": S.SEXUAL_VIOLENCE, "arrest": S.ARRESTS,
    "loot": S.LOOTING_PROPERTY_DESTRUCTION, "disrupt_weapons": S.DISRUPTED_WEAPONS_USE,
    "hq": S.HEADQUARTERS_OR_BASE_ESTABLISHED, "withdraw": S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
    "regroup": S.CHANGE_TO_GROUP_ACTIVITY, "agree": S.AGREEMENT, "other": S.OTHER,
}


def classify(cls: str, *, cue: S | None, actor1: Actor | None, actor2: Actor | None,
             target_armed: bool, clause: str, territory_object: bool,
             human_object: bool = True, sentence: str = "") -> tuple[EventType, S] | None:
    """Type for one trigger, or None when the words do not make an ACLED event. ``clause``
    is the trigger's clause, ``sentence`` the whole sentence (lower case, space padded)."""
    sub = _sub_event(cls, cue=cue, actor1=actor1, actor2=actor2, target_armed=target_armed,
                     clause=clause, territory_object=territory_object, human_object=human_object,
                     sentence=sentence or clause)
    return None if sub is None else (SUB_EVENT_PARENT[sub], sub)


def _crowd_violence(cls: str, actor1: Actor | None, clause: str, cue: S | None = None) -> S | None:
    """Violence by a crowd: demonstrators' is a violent demonstration, a mob's (lynchings,
    vigilantes, rival crowds, villagers beating a suspected thief) mob violence, as ACLED's
    riot sub-types define them."""
    if cls not in CROWD_ACTS:
        return None
    kind = actor1.kind if actor1 is not None else None
    protest = " protest" in clause or " demonstrat" in clause
    if kind is ActorKind.PROTESTERS:
        # supporters of rival parties fighting each other are a mob, not a demonstration
        return S.MOB_VIOLENCE if not protest and any(c in clause for c in MOB_CUES) else S.VIOLENT_DEMONSTRATION
    if kind is ActorKind.CIVILIANS and cls in ("attack", "kill", "wound") and cue is None:
        # townspeople who kill or beat someone with no weapon of war are a mob, not an armed group
        return S.VIOLENT_DEMONSTRATION if protest else S.MOB_VIOLENCE
    # rival crowds with sticks and stones; a crowd of people beating or hacking someone with them
    crude = (cls in ("clash", "fight") or cls in ("attack", "kill", "wound") and kind in (
        ActorKind.RIOTERS, ActorKind.CIVILIANS, ActorKind.PROTESTERS)) and any(c in clause for c in CRUDE_WEAPONS)
    if kind is ActorKind.RIOTERS or (any(c in clause for c in MOB_CUES) or crude) and kind not in ARMED_KINDS:
        return S.VIOLENT_DEMONSTRATION if protest else S.MOB_VIOLENCE
    return None


# "to demand the release of the detained chief": people held before, the protest's cause,
# not force used on it
_DEMANDED_RELEASE = re.compile(r" release of [^,.;]*| (?:the|those|of|for) (?:detained|arrested)\b")


def _without_demanded_release(clause: str) -> str:
    return _DEMANDED_RELEASE.sub(" ", clause)


def _is_state(actor: Actor | None) -> bool:
    return actor is not None and actor.kind is ActorKind.STATE_FORCES


def _sub_event(cls: str, *, cue: S | None, actor1: Actor | None, actor2: Actor | None,
               target_armed: bool, clause: str, territory_object: bool, human_object: bool = True,
               sentence: str = "") -> S | None:
    if cls == "air":
        return S.AIR_DRONE_STRIKE if cue not in (S.CHEMICAL_WEAPON,) else cue
    if cls == "ied":
        return S.REMOTE_EXPLOSIVE_LANDMINE_IED if cue != S.SUICIDE_BOMB else S.SUICIDE_BOMB
    if cls in ("suicide", "chemical"):
        return S.SUICIDE_BOMB if cls == "suicide" else S.CHEMICAL_WEAPON
    if cls == "missile":
        return cue if cue in REMOTE else S.SHELLING_ARTILLERY_MISSILE_ATTACK
    if cls == "shell":
        return cue if cue in (S.AIR_DRONE_STRIKE, S.CHEMICAL_WEAPON) else S.SHELLING_ARTILLERY_MISSILE_ATTACK
    if cls in ("bomb", "explode", "attack") and actor1 is not None and actor1.kind in (
            ActorKind.PROTESTERS, ActorKind.RIOTERS, ActorKind.CIVILIANS) \
            and any(c in clause for c in CROWD_INCENDIARIES):
        return S.VIOLENT_DEMONSTRATION  # "protesters hurled petrol bombs at the police"
    if cue is None and cls in HARM_CLASSES and (actor1 is None or actor1.kind not in ARMED_KINDS) \
            and any(c in sentence for c in DISASTER_CUES):
        return None  # "floods killed 23", "a bus collided with a lorry, killing 13": no one's act of war
    if cls == "bomb":
        if cue in REMOTE and cue != S.REMOTE_EXPLOSIVE_LANDMINE_IED:
            return cue
        return S.AIR_DRONE_STRIKE if _is_state(actor1) else S.REMOTE_EXPLOSIVE_LANDMINE_IED
    if cue in (None, S.CHEMICAL_WEAPON) and any(c in clause for c in ACCIDENT_CUES) and (
            cls in ("explode", "chemical") or any(c in clause for c in BLAST_WORDS)):
        return None  # an industrial accident, not an attack
    if cls == "explode":
        return cue if cue in (S.SUICIDE_BOMB, S.GRENADE, S.CHEMICAL_WEAPON, S.AIR_DRONE_STRIKE,
                              S.SHELLING_ARTILLERY_MISSILE_ATTACK) else S.REMOTE_EXPLOSIVE_LANDMINE_IED
    if cls in ("strike", "destroy"):
        # "hit", "targeted", "destroyed" make an event only with a weapon named.
        return cue if cue in REMOTE else None
    if cls == "down":
        return cue if cue in REMOTE else S.SHELLING_ARTILLERY_MISSILE_ATTACK
    crowd = _crowd_violence(cls, actor1, clause, cue)
    if crowd is not None:
        return crowd
    if cls in CRIME_ACTS and cue not in REMOTE and any(c in clause for c in CRIME_CUES):
        return None  # "robbers killed a shopkeeper", "shot his wife dead": crime, not political violence
    if cls == "arrest" and any(c in sentence for c in ARREST_CRIME_CUES) \
            and not any(c in sentence for c in CONFLICT_WORDS):
        return None  # "arrested two men with 1.2 million methamphetamine pills": ordinary crime
    if cls == "arrest" and any(w in clause for w in PROTESTER_WORDS + PROTEST_NOUNS):
        # arrests at a demonstration: ACLED codes the protest, with the intervention
        return S.VIOLENT_DEMONSTRATION if any(c in clause for c in RIOT_CUES + CROWD_VIOLENCE) \
            else S.PROTEST_WITH_INTERVENTION
    if cls == "loot" and (actor1 is None or actor1.kind not in ARMED_KINDS) and any(
            w in sentence for w in PROTESTER_WORDS + PROTEST_NOUNS) or cls == "loot" and actor1 is not None \
            and actor1.kind is ActorKind.PROTESTERS:
        return S.VIOLENT_DEMONSTRATION  # "youths burnt a police vehicle during a protest": the riot
    if cls == "loot" and actor1 is not None and (actor1.kind is ActorKind.RIOTERS or actor1.kind is ActorKind.CIVILIANS
                                                 and any(w in clause for w in TOWNSFOLK)):
        # ACLED codes a mob's looting and arson ("residents burned the house of a suspected
        # witch") as the riot, not as looting
        return S.MOB_VIOLENCE
    if cls in FIXED:
        return FIXED[cls]
    if cls == "disrupt":  # "intercepted", "dismantled": only weapons make it a disruption
        return S.DISRUPTED_WEAPONS_USE if cue in REMOTE else None
    if cls == "riot":
        return S.MOB_VIOLENCE if " mob" in clause else S.VIOLENT_DEMONSTRATION
    if cls == "block":
        # ACLED codes road blockades by demonstrators as protests, but road-blocking with
        # barricades or burning tyres as a violent demonstration; by armed groups they
        # are strategic moves, not protests
        if actor1 is not None and actor1.kind in ARMED_KINDS:
            return S.OTHER
        if any(c in clause for c in BARRICADE_CUES + RIOT_CUES):
            return S.VIOLENT_DEMONSTRATION
        return S.PROTEST_WITH_INTERVENTION if any(c in clause for c in INTERVENTION_CUES) else S.PEACEFUL_PROTEST
    if cls == "protest":
        clause = _without_demanded_release(clause)
        # ACLED's violent demonstration: vandalism, arson, clashes, and roads blocked with
        # barricades or burning tyres; an effigy burned is a peaceful protest's
        damage = clause.replace(" burn", " ") if " effig" in clause else clause
        if any(c in damage for c in RIOT_CUES + CROWD_VIOLENCE + BARRICADE_CUES + CROWD_DAMAGE):
            return S.VIOLENT_DEMONSTRATION
        if any(c in clause for c in LETHAL_CUES) and any(c in clause for c in PROTESTER_WORDS + FORCE_WORDS):
            return S.EXCESSIVE_FORCE_AGAINST_PROTESTERS  # deaths at the protest, not the one it is about
        if any(c in clause for c in INTERVENTION_CUES):
            return S.PROTEST_WITH_INTERVENTION
        return S.PEACEFUL_PROTEST
    if cls in ("capture", "recapture"):
        if territory_object and (any(c in clause for c in PEACEFUL_HANDOVER) or any(
                c in sentence for c in LEFT_GROUND) and not any(c in sentence for c in CONTESTED)):
            # "took the district without a fight", "troops pulled out of the town, and rebels
            # seized it hours later": no fight anywhere in the sentence
            return S.NON_VIOLENT_TRANSFER_OF_TERRITORY
        if not territory_object:
            if not human_object:
                return None  # "seized weapons", "took part": no territory and no captives
            return S.ABDUCTION_FORCED_DISAPPEARANCE if not _is_state(actor1) else S.ARRESTS
        if _is_state(actor1):
            return S.GOVERNMENT_REGAINS_TERRITORY
        return S.NON_STATE_ACTOR_OVERTAKES_TERRITORY if actor1 is not None or cls == "capture" else None
    if cls in ("clash", "fight"):
        if actor1 is not None and actor1.kind in (ActorKind.PROTESTERS, ActorKind.RIOTERS) or \
                actor2 is not None and actor2.kind is ActorKind.PROTESTERS or any(
                    w in clause for w in PROTESTER_WORDS + PROTEST_NOUNS):
            return S.VIOLENT_DEMONSTRATION  # demonstrators fighting police, clashes at a protest: a riot
        if (actor1 is None or actor1.kind is ActorKind.CIVILIANS) and " police" in clause \
                and any(w in clause for w in CROWD_CLASHERS):
            return S.VIOLENT_DEMONSTRATION  # "youths clashed with the police": a riot, not a battle
        return cue if cue in REMOTE else S.ARMED_CLASH
    if cls == "intervene":
        if any(c in clause for c in RIOT_CUES + CROWD_VIOLENCE):
            return S.VIOLENT_DEMONSTRATION  # the crowd was violent too: ACLED codes the riot
        return S.EXCESSIVE_FORCE_AGAINST_PROTESTERS if any(c in clause for c in LETHAL_CUES + SEVERE_CUES) \
            else S.PROTEST_WITH_INTERVENTION
    if cls == "raid" and any(c in clause for c in ARREST_WORDS) and not any(
            c in clause for c in LETHAL_CUES + FIGHT_WORDS):
        return S.ARRESTS  # "police raided the homes of 20 suspects and detained them" (ACLED: arrests)
    # kill, shoot, attack, raid, execute, wound: the weapon, then the target, decide.
    if cue in REMOTE and cls != "execute":
        return cue
    if actor2 is not None and actor2.kind is ActorKind.PROTESTERS or any(
            w in clause for w in PROTESTER_WORDS + PROTEST_NOUNS):
        # force used on a demonstration: lethal or brutal force is "excessive", the rest an intervention
        if cls in ("kill", "shoot") or any(c in clause for c in LETHAL_CUES + SEVERE_CUES):
            return S.EXCESSIVE_FORCE_AGAINST_PROTESTERS
        return S.PROTEST_WITH_INTERVENTION
    armed_target = target_armed or (actor2 is not None and actor2.kind in ARMED_KINDS)
    if armed_target and cls != "execute" and (actor1 is None or actor1.kind in ARMED_KINDS):
        return S.ARMED_CLASH
    return S.ATTACK
