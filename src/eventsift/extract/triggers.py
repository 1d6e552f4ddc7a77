"""Which words name an event, and of what class.

A trigger is a verb or noun of the event vocabulary (``data/triggers.yaml``), read with
the words around it: "seized a cache of rifles" is a disrupted weapons use, "seized the
town" a capture, "the wounded" people rather than an act. ACLED's strategic developments,
crowd acts and the accidents and disasters that are no one's violence are told apart here;
``sentence.py`` turns the triggers into candidates with their actors, places and modality.
"""
from __future__ import annotations

from spacy.tokens import Token

from eventsift.extract.lexicon import Lexicon, load_word_sets
from eventsift.extract.places import ENT_PLACE

WORD_SETS = load_word_sets()  # data/triggers.yaml: the vocabulary is data, the rules are here

CROWD_WEAPONS = WORD_SETS["crowd_weapons"]
WEAPON_OBJECTS = WORD_SETS["weapon_objects"]
BASE_OBJECTS = WORD_SETS["base_objects"]
GROUP_OBJECTS = WORD_SETS["group_objects"]
ACCORDS = WORD_SETS["accords"]
# ACLED's agreements end or pause fighting; a trade deal is not one
WAR_ACCORDS = WORD_SETS["war_accords"]
CROWDS = WORD_SETS["crowds"]
# a crowd that is a protest ("gunmen fired into a crowd at a market" is no protest)
PROTEST_CROWDS = CROWDS - {"crowd", "crowds", "gathering"}
CROWD_PEOPLE = WORD_SETS["crowd_people"]
MISSILE_OBJECTS = WORD_SETS["missile_objects"]
BLOCKED_THINGS = WORD_SETS["blocked_things"]
DISRUPT_VERBS = WORD_SETS["disrupt_verbs"]
PROJECTILES = WORD_SETS["projectiles"]
TRUCES = WORD_SETS["truces"]
ACCORD_TOPICS = WORD_SETS["accord_topics"]
# what strikes from afar: its destroying an arms depot is a strike, not a seizure
STRIKERS = frozenset("""warplane warplanes jet jets bomber bombers aircraft aviation helicopter helicopters drone
drones airstrike airstrikes strike strikes raid raids artillery missile missiles rocket rockets""".split())
LEFT_VERBS = frozenset({"abandon", "vacate", "withdraw", "evacuate", "retreat", "leave", "quit"})
TRUCE_VERBS = WORD_SETS["truce_verbs"]
CAPTIVES = WORD_SETS["captives"]
DEPLOY_VERBS = WORD_SETS["deploy_verbs"]
FIGHTING = WORD_SETS["fighting"]
FORTIFIED = WORD_SETS["fortified"]
UNITS = WORD_SETS["units"]
PROTEST_PURPOSES = WORD_SETS["protest_purposes"]
VIOLENT_CAUSES = WORD_SETS["violent_causes"]
CHEMICAL_WORDS = WORD_SETS["chemical_words"]
SLOGANS = WORD_SETS["slogans"]
BARRICADES = WORD_SETS["barricades"]
PROPERTY = WORD_SETS["property"]
HUMAN_NOUNS = WORD_SETS["human_nouns"]
TERRITORY_NOUNS = WORD_SETS["territory_nouns"]


# what forces are "engaged in" when it is violence ("a gang engaged in stealing cars" is not)
ENGAGED_IN = frozenset("""battle combat firefight gunfight exchange clash skirmish cleansing killing atrocity massacre
shelling""".split())


def lemma(t: Token) -> str:
    return t.lemma_.lower()


NON_CONFLICT_CAUSES = WORD_SETS["non_conflict_causes"]


DISASTER_VERBS = WORD_SETS["disaster_verbs"]
ACCIDENT_MODIFIERS = WORD_SETS["accident_modifiers"]
INDUSTRIAL_THINGS = WORD_SETS["industrial_things"]
# Words that make an explosion an accident when no weapon is named: "a gas cylinder exploded"
ACCIDENT_CUES = (" gas leak", " cylinder", " boiler", " propane", " fireworks", " firecracker", " refinery",
                 " reactor", " ammonium nitrate", " short circuit", " short-circuit", " leak ", " leaked",
                 " gas tank", " fuel tank", " gas station", " petrol station", " gas explosion", " pipeline",
                 " coal mine", " mine shaft", " chemical plant", " factory", " fertilizer", " fertiliser")


# what fires "fire" as a weapon, not a blaze: "sniper fire", "mortar fire", "live fire"
GUNFIRE_MODIFIERS = frozenset("""sniper mortar artillery tank rocket machine machine-gun machinegun gun heavy live
enemy hostile cross terrorist militant army regime""".split())


def _is_cause(g: Token) -> bool:
    """A disaster, an accident or a disease ('floods', 'a volcano', 'a gas explosion')."""
    mods = {lemma(x) for x in g.children if x.dep_ in ("compound", "amod")}
    if lemma(g) == "fire" and mods & GUNFIRE_MODIFIERS:
        return False  # "killed by sniper fire": shots, not a blaze
    if lemma(g) in NON_CONFLICT_CAUSES:
        return True
    return bool(mods & NON_CONFLICT_CAUSES) or lemma(g) in ("explosion", "blast") and bool(mods & ACCIDENT_MODIFIERS)


def accidental_blast(v: Token) -> bool:
    """'a tank at the plant exploded', 'a furnace exploded': a thing no one uses as a weapon."""
    return lemma(v) in ("explode", "blow", "burst", "catch") and any(
        c.dep_ in ("nsubj", "nsubjpass") and lemma(c) in INDUSTRIAL_THINGS for c in v.children)


def natural_cause(v: Token, depth: int = 0) -> bool:
    """Deaths a disaster, an accident or a disease caused: the cause is the verb's subject
    ("floods killed 40") or named in a 'by/in/during' phrase ("killed in a road accident"),
    or the 'when/after' clause tells it ("five were killed after a volcano erupted")."""
    if depth > 2:
        return False
    for c in v.children:
        if c.dep_ == "nsubj" and _is_cause(c):
            return True
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "in", "during", "after", "from"):
            if any(_is_cause(g) for g in c.children if g.dep_ == "pobj"):
                return True
        if c.dep_ == "advcl" and any(m.lower_ in ("when", "after", "as") for m in c.children if m.dep_ in (
                "mark", "advmod")) and (lemma(c) in DISASTER_VERBS or accidental_blast(c) or any(
                    g.dep_ in ("nsubj", "nsubjpass") and _is_cause(g) for g in c.children)):
            return True
        if c.dep_ == "conj" and c.pos_ == "VERB" and natural_cause(c, depth + 1):
            return True  # "five were killed and 20 injured after a volcano erupted"
    if v.dep_ == "conj" and v.head.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in v.children):
        return natural_cause(v.head, depth + 1)  # "floods killed 40 and injured 80": the subject is shared
    if v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG" and v.head.pos_ == "VERB":
        # "an earthquake levelled villages, killing hundreds": the toll of the head's subject
        # "a bus plunged into a gorge, killing 25": a disaster verb's own toll
        return any(c.dep_ == "nsubj" and _is_cause(c) for c in v.head.children) or accidental_blast(v.head) \
            or lemma(v.head) in DISASTER_VERBS
    return False


def _crowd_control(v: Token) -> bool:
    """'tear gas', 'rubber bullets', 'water cannon' (not chlorine gas, not live bullets)."""
    for d in v.children:
        if d.dep_ != "dobj":
            continue
        for o in d.subtree:  # "fired several rounds of tear gas"
            lem = lemma(o)
            if lem == "teargas" or lem in CROWD_WEAPONS and any(
                    c.lower_ in ("tear", "rubber", "water", "plastic", "pepper", "stun") for c in o.children):
                return True
    return False


def verb_lemmas(t: Token) -> tuple[str, ...]:
    """The tagger's lemma, then the plain '-ed' readings it sometimes misses ('staged' -> 'stag')."""
    lem = lemma(t)
    low = t.lower_
    if t.tag_ in ("VBD", "VBN") and low.endswith("ed"):
        return (lem, low[:-1], low[:-2])
    return (lem,)


def _object_words(v: Token) -> set[str]:
    """Lemmas of a verb's object phrases, active or passive: 'seized a cache of rifles',
    'a cache of rifles was seized'."""
    return {lemma(x) for c in v.children if c.dep_ in ("dobj", "nsubjpass") for x in c.subtree}


def prep_objects(v: Token) -> set[str]:
    """Lemmas of the objects of a verb's prepositions, through chains ('pulled out of the town')."""
    out: set[str] = set()
    stack = [c for c in v.children if c.dep_ == "prep"]
    while stack:
        p = stack.pop()
        for g in p.children:
            if g.dep_ == "pobj":
                out.add(lemma(g))
                # "withdrew from Al-Mastumah, the largest base in Idlib"
                out.update(lemma(a) for a in g.children if a.dep_ == "appos")
                # "died as a result of torture"
                stack.extend(x for x in g.children if x.dep_ == "prep" and x.lower_ == "of"
                             and lemma(g) in ("result", "consequence", "effect", "cause"))
            elif g.dep_ == "prep":
                stack.append(g)
    return out


def _ends_fighting(accord: Token) -> bool:
    """'an agreement ... to end a mutiny': the accord stops fighting, whatever its name."""
    return any(c.dep_ in ("acl", "relcl") and lemma(c) in ("end", "stop", "halt", "cease") and any(
        lemma(o) in FIGHTING for o in c.children if o.dep_ == "dobj") for c in accord.children)


ARMED_NOUNS = WORD_SETS["armed_nouns"]


def _armed_subject(v: Token) -> bool:
    """Is the verb's subject an armed group ('militants gained ground', not 'firefighters')?"""
    subj, _ = subject_of(v)
    if subj is None:
        return False
    return lemma(subj) in ARMED_NOUNS or subj.lower_ in ARMED_NOUNS or subj.ent_type_ in ("ORG", "NORP", "GPE")


def _is_base(v: Token) -> bool:
    """Is the verb's object a military base ('two new bases', 'an observation point')?"""
    for d in v.children:
        if d.dep_ not in ("dobj", "nsubjpass"):
            continue
        # "established a total of 56 observation points", "a number of barracks"
        inner = [g for p in d.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                 if g.dep_ == "pobj"] if lemma(d) in ("total", "number", "series", "network", "string") else []
        for o in [d, *inner]:
            if o.lower_ in BASE_OBJECTS or lemma(o) in BASE_OBJECTS and o.lower_ != "bases":
                return True
            if o.lower_ in ("bases", "barracks") or lemma(o) == "point" and any(
                    c.lower_ in ("observation", "military", "monitoring") for c in o.children):
                return True
    return False


# "an indefinite strike", "a nationwide strike": a stoppage of work, a form of protest
# verbs of a stoppage or a crowd's act that "in protest" makes a protest ("resigned in protest" is none)
STOPPAGE_VERBS = frozenset("shut close boycott stop halt suspend march gather walk block sit fast down refuse "
                           "strike rally assemble keep pull".split())
# what a boycott stops that makes it a strike: work, classes, courts (not a boycott of goods)
BOYCOTTED = frozenset("class classes court courts lecture lectures exam exams examination examinations work "
                      "duty duties office offices school schools session sessions proceedings".split())
LABOUR_STRIKES = frozenset("indefinite nationwide general week-long weeklong day-long one-day two-day three-day "
                           "open-ended labour labor warning sympathy wildcat".split())


POLICE_WORDS = frozenset("police policeman policemen officer officers security authority authorities agent agents "
                         "troops soldiers army gendarme gendarmes".split())


def _agent_words(v: Token) -> set[str]:
    return {lemma(x) for c in v.children if c.dep_ == "agent" for x in c.subtree}


def _by_police(v: Token) -> bool:
    """Did police or security forces do it ("held by police", "officers caught two suspects")?"""
    subj = {lemma(x) for c in v.children if c.dep_ == "nsubj" for x in c.subtree}
    return bool((subj | _agent_words(v)) & POLICE_WORDS)


# Every verb a rule of _strategic_class reads: the others skip it at once.
STRATEGIC_VERBS = DISRUPT_VERBS | TRUCE_VERBS | DEPLOY_VERBS | frozenset("""
foil thwart repel repulse fend beat push gain establish impose assume seize take extend regain occupy storm overrun
bundle drag snatch grab whisk
exchange swap trade release free begin start open hold resume launch enter join surrender defect lay reinforce
fortify bolster intercept apprehend nab round recruit conscript enlist gather assemble converge congregate chant
wave brandish carry raise burn torch set erect build put smash vandalize vandalise raze demolish bulldoze ransack
plunder pillage die perish succumb wrest control drive expel oust flush chase clear liberate recover use drop
fire catch remand pick destroy damage announce discover find uncover unearth locate exhume change rename
rebrand split break pledge detonate explode blow agree camp sever cut appoint name choose elect select transfer
relinquish cede
""".split())


def _strategic_class(t: Token, lem: str, parts: set[str], objs: set[str], preps: set[str]) -> str | None:
    """ACLED's strategic developments and the other non-violent acts a verb reports (its
    codebook: disrupted weapons use, agreements, changes to a group or its activity) and the
    verbs of crowds, fire and ground that the plain verb table cannot tell apart.

    The themes are tried in this order and the first match wins: a verb of several themes
    ("take", "hold", "burn") is read by the earlier one's phrase first."""
    if lem not in STRATEGIC_VERBS:
        return None  # most verbs: no phrase of theirs needs reading
    words = _object_words(t)
    subj_words = {lemma(x) for c in t.children if c.dep_ == "nsubj" for x in c.subtree}
    passive = {lemma(c) for c in t.children if c.dep_ == "nsubjpass"}
    return (_weapons_stopped(t, lem, parts, objs, words, passive, subj_words)
            or _ground_taken(t, lem, objs, words)
            or _agreement(t, lem, parts, preps, words)
            or _forces_changed(t, lem, parts, objs, words, subj_words)
            or _custody(t, lem, parts, objs, preps, words, passive)
            or _property_destroyed(t, lem, words, subj_words)
            or _group_news(lem, objs, words, subj_words)
            or _fire_exchanged(lem, words)
            or _crowd_act(t, lem, words)
            or _died_of_violence(lem, preps)
            or _ground_changed(t, lem, parts, preps, words)
            or _chemical_use(lem, words))


def _weapons_stopped(t: Token, lem: str, parts: set[str], objs: set[str], words: set[str], passive: set[str],
                     subj_words: set[str] = frozenset()) -> str | None:
    """Weapons seized or a plot foiled is ACLED's disrupted weapons use, but an attack
    repelled was fought off: a battle, and a depot that bombers destroyed was bombed."""
    if lem in ("detonate", "explode", "blow") and {x.lower_ for x in t.subtree} & {"controlled", "safely"}:
        return "disrupt_weapons"  # "detonated the bomb in a controlled explosion", "safely detonated": made safe
    if lem in DISRUPT_VERBS and not words and t.dep_ == "conj" and _object_words(t.head) & WEAPON_OBJECTS:
        return "disrupt_weapons"  # "found and defused explosives": the object is the first verb's
    if lem in DISRUPT_VERBS and words & WEAPON_OBJECTS and not (lem == "destroy" and subj_words & STRIKERS):
        return "disrupt_weapons"  # "police seized a cache of weapons", "a bomb was found and defused"
    if lem in ("foil", "thwart", "repel", "repulse", "fend", "beat", "push") and (objs | passive) & {
            "attack", "assault", "offensive", "advance", "incursion", "infiltration"} and (
            lem not in ("fend", "beat", "push") or parts & {"off", "back"}) and not words & {
                "bomb", "bombing", "plot", "suicide", "explosive", "explosives"}:
        return "clash"  # "troops repelled an attack on their positions": a battle
    if lem in ("foil", "thwart") and objs & {"attack", "plot", "attempt", "bombing"}:
        return "disrupt_weapons"  # "police foiled a bomb plot"
    return None


def _ground_taken(t: Token, lem: str, objs: set[str], words: set[str]) -> str | None:
    """Control gained or ground occupied: a capture (a building stormed is a raid, not ground)."""
    if lem in ("gain", "establish", "impose", "assume", "seize", "take", "extend") and "control" in objs or \
            lem in ("gain", "regain") and objs & {"ground", "territory"} and _armed_subject(t):
        return "capture"
    if lem in ("occupy", "storm", "overrun") and words & TERRITORY_NOUNS and not words & {"building",
                                                                                                   "house", "home"}:
        return "capture"  # "occupied three hill posts"
    return None


def _agreement(t: Token, lem: str, parts: set[str], preps: set[str], words: set[str]) -> str | None:
    """Truces, prisoner exchanges, peace talks and surrenders: ACLED's agreements, which
    end or pause fighting (the surrender of a town is ground changing hands instead)."""
    if lem in TRUCE_VERBS and (words | preps) & TRUCES:
        return "agree"  # "announced a ceasefire", "agreed to a truce"
    if lem == "agree" and (words | preps) & WAR_ACCORDS - {"peace"}:
        return "agree"  # "the two sides agreed on a prisoner swap"
    if lem in ("exchange", "swap", "trade") and words & CAPTIVES:
        return "agree"  # prisoner exchanges
    if lem in ("release", "free") and (
            words & (CAPTIVES | HUMAN_NOUNS) and (preps | words) & {"exchange", "swap", "deal"}
            or words & {"prisoner", "detainee"}):
        return "agree"  # "released 20 prisoners in exchange for ..." (the tagger may hang it on their noun)
    if lem in ("begin", "start", "open", "hold", "resume", "launch", "enter", "join") and words & {"talk", "talks",
                                                                                          "negotiation"} \
            and words & {"peace", "ceasefire", "truce"}:
        return "agree"  # "began peace talks"
    if lem == "surrender" and not words & TERRITORY_NOUNS and not any(
            c.dep_ == "dobj" and c.ent_type_ in ENT_PLACE for c in t.children):
        return "agree"  # "200 militants surrendered to the army" (the surrender of a town is a transfer)
    return None


def _forces_changed(t: Token, lem: str, parts: set[str], objs: set[str], words: set[str],
                    subj_words: set[str]) -> str | None:
    """Defections, disarmament, deployments and reinforcements: a change to an armed
    group's strength or position, not yet any fighting."""
    if lem == "defect" or lem == "lay" and "down" in parts and words & {"arm", "arms", "weapon", "weapons"}:
        return "regroup"  # defections, voluntary disarmament
    heads = {lemma(c) for c in t.children if c.dep_ in ("dobj", "nsubjpass")} | {
        lemma(g) for c in t.children if c.dep_ in ("dobj", "nsubjpass") for x in c.children
        if x.dep_ in ("compound", "amod") or x.dep_ == "prep" and x.lower_ == "of"
        for g in [x, *x.children]}
    if lem in DEPLOY_VERBS and (heads & UNITS or lem in ("deploy", "redeploy", "mobilize", "mobilise")
                                and subj_words & UNITS and not objs):
        return "regroup"  # "deployed troops to the border", "sent reinforcements"
    if lem in ("reinforce", "fortify", "bolster") and (heads | words) & (UNITS | FORTIFIED):
        return "regroup"  # "reinforced their air defence systems along the border"
    return None


# verbs of people carried off, the places they were carried off from, and who carries people off
SNATCH_VERBS = frozenset({"take", "pick", "bundle", "drag", "snatch", "grab", "seize", "whisk"})
TAKEN_FROM = frozenset("""home house residence hostel dormitory boat car vehicle bus taxi school office farm shop
hotel bed mosque church street village field workplace camp hospital market""".split())
ABDUCTORS = frozenset("""man men gunman gunmen hooded armed unidentified unknown masked plainclothes fighter fighters
militant militants soldier soldiers""".split())


def _custody(t: Token, lem: str, parts: set[str], objs: set[str], preps: set[str], words: set[str],
             passive: set[str]) -> str | None:
    """People taken: hostages are an abduction, soldiers taken prisoner a capture, and
    suspects held or picked up by police an arrest."""
    if lem == "take" and words & {"hostage", "hostages", "captive", "captives"}:
        return "abduct"  # "took 20 passengers hostage"
    if lem == "take" and "custody" in preps:
        return "arrest"  # "took them into custody"
    if lem == "take" and words & {"prisoner", "prisoners"}:
        return "capture"  # "took 30 soldiers prisoner": captives, typed by who took them
    taken = (objs | passive) & HUMAN_NOUNS
    if lem == "take" and "away" in parts and taken:
        return "abduct"  # "taken away by men in uniform": a disappearance
    if lem in SNATCH_VERBS and (lem != "pick" or "up" in parts) and taken and not _by_police(t) and (
            preps & TAKEN_FROM or _agent_words(t) & ABDUCTORS or lem == "bundle"):
        # "taken from his home by hooded men", "seized three fishermen from their boat",
        # "picked up by plainclothes men": an abduction (police picking a suspect up is an arrest)
        return "abduct"
    if lem in ("intercept", "apprehend", "nab") and words & HUMAN_NOUNS or lem == "round" and "up" in parts \
            and words & (HUMAN_NOUNS | {"suspect"}):
        return "arrest"  # "intercepted 15 suspected members of the group", "rounded up activists"
    people = (objs | passive) & (HUMAN_NOUNS | {"suspect", "suspects", "man", "men", "woman", "women"})
    custody = preps & {"questioning", "question", "custody", "interrogation", "detention"}
    if lem == "hold" and people and (custody or passive and _agent_words(t) & POLICE_WORDS):
        return "arrest"  # "held 15 people for questioning", "two suspects were held by police"
    if lem in ("catch", "remand", "pick") and (custody or (people or passive) and _by_police(t)) and (
            lem != "pick" or "up" in parts):
        return "arrest"  # "a suspect was caught by police", "picked up by plainclothes officers"
    return None


def _property_destroyed(t: Token, lem: str, words: set[str], subj_words: set[str]) -> str | None:
    """Property damaged by a crowd or destroyed by hand is looting and destruction; what
    artillery or a bomb destroys is the attack's, so a named weapon rules it out."""
    if lem in ("damage", "vandalise", "vandalize") and words & (PROPERTY | {"property", "plaza", "tower", "statue"}) \
            and subj_words & CROWD_PEOPLE and not subj_words & (WEAPON_OBJECTS | PROJECTILES):
        return "loot"  # "protesting farmers damaged a toll plaza" (not "artillery damaged homes")
    if lem in ("destroy", "demolish", "raze", "bulldoze") and words & (PROPERTY | {"tower", "towers", "bridge"}) \
            and (subj_words | _agent_words(t)) & (ARMED_NOUNS | {"settler", "settlers", "authority", "authorities",
                                                              "maoist", "maoists", "men"}) \
            and not {lemma(x) for x in t.subtree} & (WEAPON_OBJECTS | PROJECTILES | STRIKERS | {
                "bomb", "explosive", "shelling", "fire", "air"}):
        # "militants destroyed a phone tower": by hand, no weapon named ("the Air Force destroyed
        # vehicles" is an air strike)
        return "loot"
    return None


# words of an armed group's name: what an accord or a split names when a side is one
GROUP_WORDS = frozenset("""qaeda qaida front group movement army militia brigade faction rebels rebel state taliban
shabaab haram isis isil daesh nusra organisation organization""".split())
HANDED_OVER = frozenset({"hand", "surrender", "lay", "give", "release", "exchange", "swap", "free"})
WARRING_SIDES = frozenset("""rebel rebels insurgent insurgents guerrilla guerrillas militia militias liberation
front armed separatist separatists fighters jihadist jihadists ceasefire truce hostilities war taliban qaeda
shabaab haram houthi houthis hamas hezbollah farc eln m23 pkk ypg sdf""".split())


def _group_news(lem: str, objs: set[str], words: set[str], subj_words: set[str] = frozenset()) -> str | None:
    """What a group announces of itself, finds or recruits: a merger, an end to its
    struggle, a mass grave, new fighters (ACLED's changes to a group, other developments)."""
    if lem == "announce" and (objs & {"merger", "disbandment", "dissolution", "formation", "creation"} or
                              "end" in objs and words & {"struggle", "insurgency", "campaign", "rebellion"}):
        return "regroup"  # "two factions announced their merger", "announced the end of its armed struggle"
    if lem in ("discover", "find", "uncover", "unearth", "locate", "exhume") and "grave" in words and "mass" in words:
        return "other"  # "a mass grave was discovered": ACLED's other strategic developments
    if lem in ("recruit", "conscript", "enlist") and words & (HUMAN_NOUNS | {"youth", "recruit", "boy", "young"}):
        return "regroup"  # "the militia recruited hundreds of young men"
    if lem in ("sever", "cut", "break") and words & {"tie", "ties", "link", "links", "relation", "relations"} \
            and words & GROUP_WORDS:
        return "regroup"  # "the front announced it was severing ties with al-Qaeda"
    if lem in ("announce", "appoint", "name", "choose", "elect", "select") and words & {
            "leader", "emir", "chief", "commander", "head", "spokesman"} and "new" in words \
            and (subj_words | words) & (GROUP_WORDS | ARMED_NOUNS):
        return "regroup"  # "the group announced a new leader": a change of a group's leadership
    if lem in ("change", "rename") and (objs & {"name"} or lem == "rename") or lem == "rebrand":
        return "regroup"  # "the front changed its name to ...": ACLED's change to a group
    if lem in ("split", "break", "defect") and "from" in words and (lem != "break" or "away" in words):
        return "regroup"  # "the faction split from al-Qaeda", "broke away from the Free Syrian Army"
    if lem == "pledge" and words & {"allegiance", "loyalty"}:
        return "regroup"  # "the group pledged allegiance to the Islamic State"
    return None


def _military_operation(t: Token) -> bool:
    """An operation against armed men, or an army's: a battle ("the army's operations killed
    dozens of terrorists"); not a rescue, search or surgical one."""
    holders = [t, t.head] if t.dep_ == "dobj" else [t]  # "carried out operations against ...": the verb's
    against = {lemma(x) for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "against"
               for x in c.subtree}
    owner = {lemma(c) for c in t.children if c.dep_ in ("poss", "compound", "amod")}
    return bool(against & (ARMED_NOUNS | {"terrorist", "position", "stronghold", "hideout"})
                or owner & {"army", "military", "troop", "force", "counter-terrorism", "counterterrorism"})


def _infiltration(t: Token, lem: str, armed_targets: frozenset[str]) -> str | None:
    """Armed men slipping into a country or a region is ACLED's change to a group's activity
    (a movement of forces); slipping into positions or a checkpoint is an attack on them."""
    if lem not in ("infiltrate", "infiltration"):
        return None
    armed = _armed_subject(t) if lem == "infiltrate" else bool({lemma(x) for x in t.subtree} & ARMED_NOUNS)
    if not armed:
        return None  # "hackers infiltrated the network"
    into = [g for c in t.children if c.dep_ in ("dobj", "prep") for g in ([c] if c.dep_ == "dobj" else c.children)
            if g.dep_ in ("dobj", "pobj")]
    if any(g.lower_ in armed_targets or lemma(g) in armed_targets for g in into):
        return "attack"  # "tried to infiltrate army positions"
    return "regroup"


def _fire_exchanged(lem: str, words: set[str]) -> str | None:
    """Fire exchanged is a battle (an exchange of prisoners was read as an agreement above)."""
    if lem == "exchange" and words & {"fire", "gunfire", "shot", "shots", "blow"}:
        return "clash"  # "troops and rebels exchanged fire"
    return None


def _crowd_act(t: Token, lem: str, words: set[str]) -> str | None:
    """A crowd's acts that its verbs alone do not tell: gathering to demand, chanting,
    carrying placards are a protest; barricades a blockade; burning property looting."""
    if lem in ("gather", "assemble", "converge", "congregate", "camp") and any(
            c.dep_ in ("xcomp", "advcl") and lemma(c) in PROTEST_PURPOSES for c in t.children):
        return "protest"  # "hundreds gathered outside the ministry to demand jobs"
    if lem in ("chant", "wave", "brandish") and (words & SLOGANS or lem == "chant"):
        return "protest"
    if lem in ("burn", "torch") and words & {"effigy", "effigies"}:
        return "protest"  # "burned an effigy of the chief minister": ACLED's peaceful protest
    if lem in ("hold", "carry", "raise") and words & SLOGANS - {"slogan", "slogans"}:
        return "protest"  # "held up placards"
    if lem in ("burn", "torch", "set", "erect", "build", "put") and words & BARRICADES:
        return "block"  # burning tyres and barricades across roads
    if lem in ("burn", "torch", "smash", "vandalize", "vandalise", "raze", "demolish", "bulldoze", "ransack",
               "plunder", "pillage") and words & PROPERTY:
        return "loot"  # "burned down houses", "smashed shop windows"
    return None


def _died_of_violence(lem: str, preps: set[str]) -> str | None:
    """'Died' is an event only when violence caused the death (not an illness or old age)."""
    if lem in ("die", "perish", "succumb") and preps & VIOLENT_CAUSES:
        return "die"  # "four protesters died from gunfire", "died of wounds sustained in shelling"
    return None


def _ground_changed(t: Token, lem: str, parts: set[str], preps: set[str], words: set[str]) -> str | None:
    """Territory wrested or held is a capture; the enemy driven out of it, or the ground
    cleared of them, a recapture."""
    if lem == "wrest" and "control" in words:
        return "capture"
    if lem == "control" and words & TERRITORY_NOUNS and t.tag_ in ("VBD", "VBN", "VBG"):
        return "capture"  # "achieved a victory by controlling the entire Lajat area"
    if lem in ("drive", "push", "expel", "oust", "flush", "chase", "clear") and preps & TERRITORY_NOUNS \
            and (parts & {"out", "back"} or any(c.lower_ in ("out", "from") for c in t.children if c.dep_ == "prep")):
        return "recapture"  # "drove the militants out of the villages"
    if lem in ("clear", "liberate", "free", "recover") and words & TERRITORY_NOUNS:
        return "recapture"  # "troops cleared the district", "recovered the border areas"
    return None


def _chemical_use(lem: str, words: set[str]) -> str | None:
    """A chemical agent used or dropped is ACLED's chemical weapon, whatever the verb."""
    if lem in ("use", "drop", "fire", "launch", "deploy") and words & CHEMICAL_WORDS:
        return "chemical"  # "dropped containers of chlorine"
    return None


# Verbs that name an event only in a phrase the rules above read ("took out", "set fire
# to", "signed a ceasefire"): anywhere else the verb table's reading of them is wrong.
PHRASE_ONLY_VERBS = frozenset("""
stop shun down refuse leave walk blow take bring open set beat throw hurl block abuse disperse sign conclude reach
broker find discover uncover recover foil thwart establish build erect install withdraw retreat pull evacuate hand
cede surrender merge disband dissolve split unite pour flood go restore confiscate
""".split())


def trigger_class(t: Token, lex: Lexicon) -> tuple[str, bool] | None:
    """(class, is_noun) for a token that can name an event, else None."""
    lem = lemma(t)
    if _names_people(t):
        return None
    if lem == "rampage":
        # a crowd's rampage is a riot; a gunman's is told by what he did ("killing 29")
        verb = t.head.head if t.dep_ == "pobj" else t
        subj, _ = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
        return ("riot", t.pos_ in ("NOUN", "PROPN")) if subj is not None and lemma(subj) in CROWD_PEOPLE else None
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        cls = _verb_class(t, lem, lex)
        return (cls, False) if cls is not None else None
    if t.pos_ in ("NOUN", "PROPN"):
        cls = _noun_class(t, lem, lex)
        return (cls, True) if cls is not None else None
    return None


def _names_people(t: Token) -> bool:
    """A participle used as a noun or an adjective of people describes them, it reports no act."""
    if t.tag_ == "VBN" and t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and any(
            c.dep_ == "det" for c in t.children):
        return True  # "evacuated the wounded", "the injured were taken to hospital": people, not an act
    if t.tag_ == "VBN" and t.dep_ == "amod" and lemma(t.head) in HUMAN_NOUNS | CAPTIVES:
        return True  # "families of detained activists": people described, not an act reported
    return False


def _verb_class(t: Token, lem: str, lex: Lexicon) -> str | None:
    """The class of an event verb: its phrases read first, in this order (the first match
    wins), and the verb table last, for verbs that name an event on their own."""
    kids = list(t.children)
    parts = {c.lower_ for c in kids if c.dep_ in ("prt", "advmod")}
    objs = {lemma(c) for c in kids if c.dep_ == "dobj"}
    found = _phrasal_act(t, lem, parts, objs, kids)
    if found is not None:
        return found
    if lem == "engage" and any(c.dep_ == "prep" and c.lower_ == "in" for c in kids) and not (
            prep_objects(t) & (FIGHTING | ENGAGED_IN)):
        return None  # "a gang engaged in stealing cars"
    preps = prep_objects(t)
    found = (_force_on_people(t, lem, parts, objs, kids)
             or _control_retaken(lem, parts, objs, preps)
             or _strategic_class(t, lem, parts, objs, preps)
             or _base_or_withdrawal(t, lem, parts, objs, kids, preps)
             or _group_reformed(t, lem, parts, objs)
             or _protest_act(t, lem, objs, kids, preps)
             or _settled_without_fighting(t, lem, parts)
             or _crowd_or_sexual_violence(t, lem, objs, kids))
    if found is not None:
        return found
    if lem == "infiltrate":
        return _infiltration(t, lem, lex.armed_targets)
    if lem == "advance" and _armed_subject(t) and any(
            c.dep_ == "prep" and c.lower_ in ("in", "on", "toward", "towards", "into", "near") for c in kids):
        return "clash"  # "Hezbollah fighters and the army advanced in the Qalamoun mountains": fighting
    if lem in ("eliminate", "neutralize", "neutralise") and (objs | {
            lemma(x) for o in t.children if o.dep_ in ("dobj", "nsubjpass") for x in o.subtree}) & (
            ARMED_NOUNS | {"terrorist", "militant", "gunman"}):
        return "kill"  # "eliminated a terrorist group", "neutralized 12 PKK terrorists" (a military's word)
    if lem == "mop" and "up" in parts and _object_words(t) & (ARMED_NOUNS | {"terrorist", "pocket", "remnant"}):
        return "clash"  # "the army mopped up the remaining pockets of terrorists"
    if lem in ("purge", "cleanse") and _object_words(t) & TERRITORY_NOUNS:
        return "recapture"  # "purged the town of al-Eis of terrorists"
    if lem in ("seize", "capture") and not (_object_words(t) & TERRITORY_NOUNS or "control" in objs
                                            or objs & HUMAN_NOUNS
                                            or any(c.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "NORP", "ORG")
                                                   or c.pos_ == "PROPN" for c in t.children if c.dep_ == "dobj")) \
            and objs:
        return None  # "seized a tanker", "captured a tank": neither ground nor people (a name may be a town)
    if lem in PHRASE_ONLY_VERBS or lem == "protest" and _objection(t):
        return None
    for form in verb_lemmas(t):
        if form in lex.verbs:
            return lex.verbs[form]
    return None


# bodies that object in words: "the ministry protested", "a rights group protested"
SPEAKING_BODIES = frozenset("organisation organization ministry government embassy watchdog council committee "
                            "commission agency office spokesman spokeswoman spokesperson".split())


def _objection(t: Token) -> bool:
    """A protest voiced by a body or an advocacy group is an objection, not a demonstration
    (ACLED codes no statements)."""
    # "..., a rights group protested": the tagger may hang the verb on its subject
    subj = t.head if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") else subject_of(t)[0]
    if subj is None:
        return False
    head = lemma(subj)
    return head in SPEAKING_BODIES or head == "group" and bool(
        {lemma(x) for x in subj.subtree} & {"right", "rights", "advocacy", "watchdog", "monitoring"})


def _phrasal_act(t: Token, lem: str, parts: set[str], objs: set[str], kids: list[Token]) -> str | None:
    """Verbs whose particle or object makes the act: "took out", "shot down", "blew up",
    "set off a bomb", "opened fire", "set fire to", "took over"."""
    if lem in ("take", "took") and "out" in parts:
        return "destroy"
    if lem in ("bring", "shoot", "gun") and "down" in parts:
        if _object_words(t) & PROJECTILES:
            return "disrupt_weapons"  # air defences downing rockets or drones
        return "shoot" if lem == "gun" else "down"
    if lem == "blow" and "up" in parts:
        return "explode"
    if lem == "set" and "off" in parts and _object_words(t) & (WEAPON_OBJECTS | {"bomb", "device", "charge"}):
        return "explode"  # "militants set off a bomb"
    if lem == "go" and "off" in parts and any(
            c.dep_ == "nsubj" and lemma(c) in WEAPON_OBJECTS | {"grenade", "bomb", "device", "charge"}
            for c in t.children):
        return "explode"  # "a grenade went off"
    if lem == "open" and "fire" in objs:
        return "shoot"
    if lem == "set" and any(c.lower_ == "ablaze" for c in kids):
        return "loot"  # "set ablaze three vehicles"
    if lem == "set" and ("fire" in objs or "fire" in {lemma(g) for c in kids if c.dep_ == "prep"
                                                      for g in c.children}):
        return "loot"  # "set fire to the market", "set the shops on fire"
    if lem == "take" and ("control" in objs or "over" in parts):
        return "capture"
    return None


def _force_on_people(t: Token, lem: str, parts: set[str], objs: set[str], kids: list[Token]) -> str | None:
    """A beating is an attack; shots fired at a protest or tear gas and arrests against a
    crowd are force used on protesters, not a battle."""
    if lem in ("beat", "hack", "stone", "club", "bludgeon", "batter", "lynch", "torture") and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in kids):
        return "kill"  # "beaten to death by a mob", "hacked to death"
    if lem in ("beat", "rough") and ("up" in parts or objs or any(c.dep_ == "nsubjpass" for c in kids)):
        return "attack"  # "beat up a journalist", "he was beaten by police"
    if lem in ("fire", "shoot") and any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon") and any(
            g.dep_ == "pobj" and lemma(g) in PROTEST_CROWDS for g in c.children) for c in kids):
        return "intervene"  # "soldiers fired live rounds at demonstrators": force on a protest
    if lem in ("prevent", "stop", "bar", "block") and _object_words(t) & PROTEST_CROWDS:
        return "intervene"  # "police prevented the protesters from marching to parliament"
    if lem in ("fire", "use", "shoot", "spray") and _crowd_control(t) or \
            lem in ("disperse", "break", "chase", "suppress", "repress", "kettle", "scatter", "detain", "arrest",
                    "crush", "quell") and _object_words(t) & CROWDS:
        return "intervene"  # "police fired tear gas", "dispersed the protesters"
    return None


def _control_retaken(lem: str, parts: set[str], objs: set[str], preps: set[str] = frozenset()) -> str | None:
    """Control taken back or restored: a recapture (read before a plain capture)."""
    if lem == "take" and "back" in parts and objs:
        return "recapture"  # "took back control of the town"
    if lem in ("restore", "reassert", "reestablish", "re-establish", "recover", "regain") and "control" in objs:
        return "recapture"
    if lem == "restore" and objs & {"security", "stability", "safety"} and preps & TERRITORY_NOUNS:
        return "recapture"  # "the army restored security and stability to the town of Salma"
    return None


def _base_or_withdrawal(t: Token, lem: str, parts: set[str], objs: set[str], kids: list[Token],
                        preps: set[str]) -> str | None:
    """A base set up, or ground given up: armed men leaving or handing over a place (not
    people evacuated from it, nor troops leaving to patrol)."""
    if lem in ("establish", "set", "build", "open", "erect", "install", "construct", "create") and _is_base(t) and (
            lem != "set" or "up" in parts):
        return "hq"  # "the militia set up a new base in the valley"
    out_of = parts | {c.lower_ for c in t.children if c.dep_ == "prep"}
    people_out = lem == "evacuate" and any(c.dep_ == "dobj" and not (
        lemma(c) in TERRITORY_NOUNS or c.ent_type_ in ENT_PLACE) for c in kids)
    if lem in ("leave", "abandon", "vacate", "quit") and _armed_subject(t) and not any(
            c.dep_ in ("advcl", "xcomp") and any(g.tag_ == "TO" for g in c.children) for c in kids) and (
            _object_words(t) & (TERRITORY_NOUNS if lem == "leave" else TERRITORY_NOUNS | BASE_OBJECTS) or any(
                c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC") for c in kids)):
        return "withdraw"  # "troops left the town", "the army vacated its posts" (not "left to patrol")
    if lem in ("hand", "cede", "transfer", "relinquish") and "control" in objs and _armed_subject(t):
        return "withdraw"  # "Kurdish forces handed control of positions to the army"
    if lem in ("withdraw", "retreat", "pull", "evacuate", "hand", "cede", "surrender") and not people_out and (
            preps & TERRITORY_NOUNS or _object_words(t) & TERRITORY_NOUNS or any(
                g.ent_type_ in ("GPE", "LOC", "FAC") for c in t.children if c.dep_ in ("prep", "dobj")
                for g in [c, *c.children]) or lem in ("pull", "withdraw", "retreat") and any(
                g.pos_ == "PROPN" and g.dep_ == "pobj" for c in t.children if c.dep_ == "prep"
                and c.lower_ in ("of", "from") for g in c.children)) and (
            lem != "pull" or out_of & {"out", "back"}) and (
            lem != "hand" or "over" in parts) and (lem != "surrender" or "to" not in out_of or objs):
        return "withdraw"  # "the rebels withdrew from the town", "handed over the district"
    return None


def _group_reformed(t: Token, lem: str, parts: set[str], objs: set[str]) -> str | None:
    """Armed groups merged, disbanded, split or newly formed: a change to a group."""
    if lem in ("merge", "disband", "dissolve", "split", "unite") and (
            objs & GROUP_OBJECTS or any(lemma(c) in GROUP_OBJECTS for c in t.children if c.dep_ == "nsubj")) or \
            (lem in ("form", "create", "found") or lem == "set" and "up" in parts) and any(
                lemma(c) in GROUP_OBJECTS for c in t.children if c.dep_ in ("dobj", "nsubjpass")):
        return "regroup"  # "two rebel factions merged", "the militia was disbanded"
    return None


def _protest_act(t: Token, lem: str, objs: set[str], kids: list[Token], preps: set[str]) -> str | None:
    """Taking to the streets, striking, shutting shops "in protest", protesters gathering,
    work stopped: a protest, though no verb of protest is used."""
    if lem in ("take", "pour", "flood", "return", "spill", "march", "come") and "street" in {
            p.rstrip("s") for p in preps}:
        return "protest"  # "thousands took to the streets", "residents came out on the streets"
    if lem == "boycott" and objs & BOYCOTTED:
        return "protest"  # "lawyers boycotted courts", "students boycotted classes": a strike
    if lem == "go" and "strike" in preps:
        return "protest"  # "workers went on strike"
    if lem in STOPPAGE_VERBS and any(c.dep_ == "prep" and c.lower_ == "in" and any(
            lemma(g) == "protest" for g in c.children) for c in kids):
        return "protest"  # "traders shut their shops in protest against the killing"
    protesters = any(c.dep_ == "nsubj" and {lemma(x) for x in c.subtree} & {"protester", "demonstrator", "protestor",
                                                                           "marcher"} for c in kids)
    if lem in ("gather", "assemble", "converge", "congregate") and protesters:
        return "protest"  # "hundreds of protesters gathered outside parliament"
    if lem in ("demand", "call", "urge", "denounce", "condemn", "shout", "chant") and protesters:
        return "protest"  # "hundreds of protesters demanded the governor's resignation": what they did was protest
    if lem in ("stop", "shun", "down", "refuse", "leave", "walk") and (objs | preps) & {"work", "tool", "job"}:
        return "protest"  # "workers stopped work", "shunned work to protest", "walked off the job": a strike
    return None


def _settled_without_fighting(t: Token, lem: str, parts: set[str]) -> str | None:
    """Ground or captives changing hands without a fight: an accord that ends fighting
    signed (a trade deal is no agreement of ACLED's), captives handed over under a deal,
    a town entered unopposed."""
    if lem in ("sign", "conclude", "reach", "broker") and any(
            lemma(o) in ACCORDS and (lemma(o) in WAR_ACCORDS or any(lemma(c) in WAR_ACCORDS for c in o.subtree)
                                      or _ends_fighting(o))
            for o in t.children if o.dep_ in ("dobj", "nsubjpass")):
        return "agree"  # "the two sides signed a ceasefire agreement", "a peace deal was signed"
    if lem in ("sign", "conclude", "reach", "broker") and any(
            lemma(o) in ACCORDS for o in t.children if o.dep_ in ("dobj", "nsubjpass")) and {
            lemma(x) for x in t.subtree} & (WAR_ACCORDS | FIGHTING | ACCORD_TOPICS):
        # what the accord is about, wherever the parser hangs it: "reached a deal in Doha on a
        # prisoner swap", "signed a deal to cease hostilities" (a trade deal stays no event)
        return "agree"
    if lem in ("sign", "ink") and any(
            lemma(o) in ACCORDS | {"declaration", "treaty", "pact", "accord"} for o in t.children
            if o.dep_ in ("dobj", "nsubjpass")) and {lemma(x) for x in t.sent} & WARRING_SIDES:
        # "the government and the Moro Islamic Liberation Front signed the Comprehensive Agreement":
        # an accord one of whose signatories is an armed group settles a war (ACLED's agreement)
        return "agree"
    if lem == "agree" and any(c.dep_ == "xcomp" and lemma(c) in HANDED_OVER and {
            lemma(x) for x in c.subtree} & (CAPTIVES | {"weapon", "weapons", "arm", "arms"}) for c in t.children):
        return "agree"  # "the rebels agreed to hand over their weapons under a settlement"
    if lem == "hand" and "over" in parts and _object_words(t) & CAPTIVES and {
            lemma(x) for x in t.subtree} & (ACCORDS | WAR_ACCORDS):
        return "agree"  # "handed over the bodies of three soldiers under a local deal"
    if lem == "enter" and any(c.lower_ in ("unopposed", "unchallenged") for c in t.children):
        return "withdraw"  # "the rebels entered the town unopposed": ground changed hands without a fight
    if lem in ("enter", "occupy") and _object_words(t) & TERRITORY_NOUNS and any(
            c.dep_ == "advcl" and lemma(c) in LEFT_VERBS for c in t.children):
        return "withdraw"  # "rebels entered the town after the army abandoned it"
    return None


def _crowd_or_sexual_violence(t: Token, lem: str, objs: set[str], kids: list[Token]) -> str | None:
    """Stones thrown is a riot, roads blocked a blockade, and "sexually abused" sexual
    violence, though "throw", "block" and "abuse" alone are none of these."""
    if lem in ("throw", "hurl", "pelt", "lob") and (objs | _object_words(t)) & MISSILE_OBJECTS:
        return "riot"  # "threw stones at police"
    if lem in ("block", "barricade", "blockade") and objs & BLOCKED_THINGS:
        return "block"  # "demonstrators blocked roads"
    if lem in ("abuse", "assault", "exploit", "harass") and any(c.lower_ == "sexually" for c in kids):
        return "sexual"  # "sexually assaulted by a policeman"
    return None


# people whose strike is a stoppage of work
WORKERS = frozenset("""worker teacher doctor nurse driver employee lawyer student farmer trader miner union staff
labourer laborer professor lecturer porter docker transporter shopkeeper merchant servant""".split())


def _strikers(t: Token) -> bool:
    """Is the strike one that workers hold ("teachers continued their strike")?"""
    v = t.head.head if t.dep_ == "pobj" else t.head
    if t.dep_ not in ("dobj", "pobj") or v.pos_ not in ("VERB", "AUX"):
        return False
    subj, _ = subject_of(v)
    return subj is not None and lemma(subj) in WORKERS


def _noun_class(t: Token, lem: str, lex: Lexicon) -> str | None:
    """The class of an event noun: a labour strike, a compound the phrase table knows
    ("air strike", "car bomb"), else the noun table."""
    if lem == "strike" and (any(c.dep_ in ("amod", "compound") and c.lower_ in LABOUR_STRIKES for c in t.children)
                            or _strikers(t)):
        return "protest"  # "began an indefinite strike", "teachers continued their strike": labour, not arms
    # "air strikes", "car bomb", "suicide attack": the modifier makes the kind
    for c in t.children:
        if c.dep_ in ("compound", "amod") and c.i < t.i and f"{c.lower_} {lem}" in lex.phrases:
            return lex.phrases[f"{c.lower_} {lem}"]
    if lem == "infiltration":
        return _infiltration(t, lem, lex.armed_targets)
    if lem == "operation" and _military_operation(t):
        return "clash"  # "carried out operations against the positions of Daesh terrorists"
    if lem in lex.nouns and not (t.ent_type_ == "DATE" or t.text == "March"):  # the month is no march
        return lex.nouns[lem]
    if t.lower_ == "in" and any(c.lower_ in ("sit", "die", "teach", "sleep", "lie") for c in t.children):
        return "protest"  # the tokenizer splits "sit-in"
    return None


def subject_of(v: Token) -> tuple[Token | None, bool]:
    """(subject token, is_agent) for a verb, following conjunctions, relatives and passives."""
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g, True
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in ("which", "that", "who") and v.dep_ == "relcl":
                return v.head, True
            return c, True
    if lemma(v) in ("engage", "involve"):
        for c in v.children:
            if c.dep_ == "nsubjpass":
                return c, True  # "Serb forces were engaged in ethnic cleansing": they did it
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
        return subject_of(v.head)
    if v.dep_ in ("xcomp",) and v.head.pos_ in ("VERB", "AUX"):
        return subject_of(v.head)
    if v.dep_ == "advcl" and any(c.tag_ == "TO" for c in v.children) and v.head.pos_ == "VERB":
        return subject_of(v.head)  # "the bombers flew ... to launch missiles"
    if v.dep_ in ("acl", "relcl") and v.tag_ == "VBG":
        return None, False  # "killing 224 people" -- the modified noun is not the killer
    return None, False
