"""One parsed sentence -> the event candidates it reports.

A candidate keeps the words behind each field (actor phrases, place phrases, time
expressions, numbers) still unresolved; ``article.py`` resolves them against the
gazetteer, the actor table and the publication date, then merges candidates that
describe the same incident.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventsift.extract.lexicon import Lexicon
from eventsift.extract.places import ENT_PLACE, PlaceRef, place_refs, place_spans
from eventsift.extract.triggers import (ARMED_NOUNS, HUMAN_NOUNS, PROJECTILES, TERRITORY_NOUNS, WEAPON_OBJECTS,
                                        accidental_blast, lemma, natural_cause, prep_objects, subject_of,
                                        trigger_class, verb_lemmas)
from eventsift.model import Modality

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# A trigger noun inside one of these phrases refers to an event told elsewhere
# ("in retaliation for the attacks", "prior to the Russian bombings").
BACKGROUND_PREPS = frozenset("after following since before prior amid despite over like than".split())
BACKGROUND_NOUNS = frozenset("retaliation response revenge reaction anniversary wake aftermath memory "
                             "recover recovery".split())
MODAL_HYPOTHETICAL = frozenset("would could might may should must can".split())
MODAL_FUTURE = frozenset("will shall".split())
PLAN_VERBS = frozenset("""threaten warn vow plan intend pledge promise prepare want seek aim hope decide
agree order call urge demand ask propose consider prevent stop avoid discuss expect threat plot
vote approve authorize authorise mull weigh need""".split())
DENY_VERBS = frozenset("deny reject refute dismiss".split())
ACCUSE_VERBS = frozenset("accuse allege blame charge".split())
ACCUSE_NOUNS = frozenset("allegation accusation".split())  # "an allegation that the rebels had taken the city"
# "men suspected of kidnapping": the act is what they are suspected of, not a report
SUSPECTED = frozenset("suspect convict".split())
PLAN_ADJ = frozenset("possible potential future planned similar further new".split())
ATTRIBUTION_VERBS = frozenset("say report disclose tell announce state add confirm claim note "
                              "document accord".split())
HOST_VERBS = frozenset({"see", "witness", "experience", "suffer", "endure", "undergo", "face"})
MOTION_VERBS = frozenset("""fly travel head go come move deploy send dispatch return sail drive converge gather
assemble march""".split())
PARTITIVES = frozenset("one two three most some many several all each both none part half".split())
DEFINITE = frozenset({"the", "these", "those", "this", "that", "its", "their"})
QUANTITY_NOUNS = frozenset("""number series wave spate string dozens dozen hundreds hundred scores score thousands
thousand barrage round volley
couple pair handful lot flurry salvo""".split())
MANNER_PREPS = frozenset({"in", "during", "with", "by", "through", "using"})
# Words before "after" that put the background event on the same day as the sentence's.
SAME_DAY_LAG = frozenset({"hours", "hour", "minutes", "moments", "shortly", "just", "soon", "immediately"})
SPECIFIC_CLASSES = frozenset({"air", "bomb", "shell", "missile", "ied", "suicide", "chemical", "explode"})
STRATEGIC_CLASSES = frozenset({"agree", "regroup", "hq", "withdraw", "disrupt_weapons", "other"})
GENERAL_CLASSES = frozenset({"strike", "destroy", "attack", "execute", "kill", "wound", "hit"})


@dataclass(frozen=True, slots=True)
class ActorRef:
    phrase: str
    head: str
    country_words: tuple[str, ...]
    subject: bool
    anaphoric: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    trigger: str
    trigger_i: int
    cls: str
    own: frozenset[int]            # token indices this trigger's clause owns
    modality: Modality
    actor1: ActorRef | None
    actor2: ActorRef | None
    places: tuple[PlaceRef, ...]
    weapon_text: str               # lower-cased clause text, space padded, for weapon cues
    target_armed: bool
    territory_object: bool
    human_object: bool
    backref: bool                  # "the attack", "these strikes": an event told before
    claimant: ActorRef | None      # "X claimed responsibility for ..."
    before_marker: bool            # "prior to ...", "before ...": not the time of the sentence
    separate: bool                 # "a separate", "another": explicitly a different incident
    salient: frozenset[str] = field(default_factory=frozenset)
    lag: str | None = None         # inside an "after/since ..." clause: "same_day" ("hours after") or "earlier"


def _clause_between(x: Token, top: Token) -> bool:
    """Is there a verb between x and its ancestor top ('a tanker carrying fuel off Libya')?"""
    for a in x.ancestors:
        if a.i == top.i:
            return False
        if a.pos_ in ("VERB", "AUX"):
            return True
    return False


def _clause_head(t: Token, lex: Lexicon) -> Token:
    """The verb whose clause carries a noun trigger ("launched airstrikes" -> launched)."""
    h = t
    while h.dep_ in ("compound", "amod", "nmod", "conj") and h.head is not h:
        h = h.head
    # "a significant number of air strikes", "a wave of attacks": the quantity noun stands in
    while h.dep_ == "pobj" and h.head.lower_ == "of" and lemma(h.head.head) in QUANTITY_NOUNS:
        h = h.head.head
    if h.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") and h.head.pos_ in ("VERB", "AUX"):
        return h.head
    # "killed in an airstrike", "destroyed ... during this week's bombardment": the noun
    # names how the verb's event happened, not a second event.
    if h.dep_ == "pobj" and h.head.lower_ in MANNER_PREPS and h.head.head.pos_ == "VERB" \
            and trigger_class(h.head.head, lex) is not None:
        return h.head.head
    return t


def _has_det(t: Token, words: frozenset[str] | set[str]) -> bool:
    return any(c.dep_ in ("det", "poss", "predet") and c.lower_ in words for c in t.children)


def _in_background_phrase(t: Token) -> bool:
    for anc in [t, *t.ancestors]:
        if anc.dep_ == "pobj" and anc.head.lower_ in BACKGROUND_PREPS:
            return True
        if _protest_reason(anc):
            return True
        if anc.dep_ == "pobj" and anc.head.head.lemma_.lower() in BACKGROUND_NOUNS:
            return True
        if anc.dep_ == "pcomp" and anc.head.lower_ in BACKGROUND_PREPS:
            return True
        if anc.pos_ == "VERB" and anc is not t:
            break
    return False


def _fighting_of_a_toll(t: Token, raw: list) -> bool:
    """Is this fighting the way a killing or wounding of the same sentence happened ("killed
    20 rebels in fighting", "were wounded during clashes")?"""
    if not (t.dep_ in ("pobj", "pcomp") and t.head.lower_ in ("in", "during", "amid")):
        return False
    tolls = {x.i for x, cls, is_noun, _ in raw if cls in ("kill", "wound") and not is_noun}
    return any(a.i in tolls for a in list(t.head.ancestors)[:3])


def _them_are_armed(t: Token, objs: list[Token], armed: frozenset[str]) -> bool:
    """"killing many of them" after a verb whose object was armed men: "them" are those men."""
    if t.dep_ not in ("advcl", "xcomp", "conj") or not any(x.lower_ == "them" for o in objs for x in o.subtree):
        return False
    told = [x for c in t.head.children if c.dep_ in ("dobj", "prep") and c.i < t.i for x in c.subtree]
    return any(x.lower_ in armed or x.lemma_.lower() in armed for x in told)


def _unknown_place_name(o: Token, cls: str) -> bool:
    """A one-word name taken or retaken is a town, whatever the tagger's guess: people are
    named with a first name or a title ("captured rebel commander Abu Omar"), groups by
    acronyms; a person can be captured, but a retaken name is ground."""
    if o.pos_ != "PROPN" or any(c.dep_ in ("compound", "amod", "det", "poss", "appos") for c in o.children):
        return False
    if o.is_upper or o.ent_type_ == "NORP" or o.i > 0 and o.nbor(-1).pos_ == "PROPN":
        return False
    return cls == "recapture" or o.ent_type_ != "PERSON"


# a crowd's acts that make its protest a riot when one subject does both
CROWD_ESCALATION = frozenset({"riot", "loot", "block", "attack", "clash", "fight"})


# what a protest is against: "to denounce the killing of a trader", "in protest against the
# arrest of their leader" name the protest's cause, not a second event
PROTEST_REASON_VERBS = frozenset("protest denounce condemn decry mourn oppose".split())
PROTEST_REASON_NOUNS = frozenset("protest demonstration rally march strike sit-in vigil".split())


def _protest_reason(t: Token) -> bool:
    """Is this noun what a protest is against (the object of "denounce", "in protest against")?"""
    if t.dep_ == "dobj" and lemma(t.head) in PROTEST_REASON_VERBS and t.head.dep_ in ("xcomp", "advcl", "conj"):
        return True
    if t.dep_ == "pobj" and t.head.lower_ in ("against", "over") and (
            lemma(t.head.head) in PROTEST_REASON_NOUNS or lemma(t.head.head) in PROTEST_REASON_VERBS):
        return True
    return False


# "suffered breathing problems after a gas attack": the harm names no event of its own, so
# the event in its "after" phrase is the one reported
HARM_VERBS = frozenset("suffer die treat hospitalize hospitalise choke suffocate succumb collapse sustain "
                       "incur".split())


def _harm_after(t: Token) -> bool:
    """"suffered breathing problems after a gas attack", "sustained heavy losses in raids"."""
    p = t.head
    if t.dep_ != "pobj" or p.lower_ not in ("after", "following", "in", "from"):
        return False
    g = p.head
    if lemma(g) in ("loss", "casualty", "damage", "injury", "burn") and g.dep_ in ("dobj", "nsubjpass"):
        g = g.head  # "sustained heavy losses in raids"
    return lemma(g) in HARM_VERBS


def _takes_effect(t: Token, head: Token) -> bool:
    """"A ceasefire came into effect", "the truce took effect": an accord starting is news."""
    return t.dep_ in SUBJECTS and head is not t and lemma(head) in ("come", "take", "go", "enter") and any(
        x.lower_ in ("effect", "force") for x in head.subtree if x.i > head.i)


# verbs whose subject noun is an event that happened: "clashes broke out", "the attack left 12 dead"
ONSET_VERBS = frozenset("""take occur happen leave claim kill wound spread erupt break rage resume escalate
continue hit target strike destroy rock shake start begin open result degenerate descend""".split())


def _noun_is_event(t: Token, head: Token, lex: Lexicon, trig_idx: set[int]) -> bool:
    """Does a trigger noun report an event here, rather than name one in passing?"""
    if head is not t and any(x in lex.light_verbs for x in verb_lemmas(head)):
        return True
    if t.dep_ in SUBJECTS and head.i in trig_idx:
        return False  # "an airstrike killed ..." -- the verb carries the event
    if t.dep_ in SUBJECTS and set(verb_lemmas(head)) & ONSET_VERBS or _takes_effect(t, head):
        return True  # "clashes broke out", "fierce clashes raged" (the tagger's lemma "rag"), "talks started"
    if t.dep_ in SUBJECTS and lemma(head) == "be" and any(
            c.dep_ in ("acomp", "advmod", "prep") and c.lower_ in ("ongoing", "underway", "continuing", "under")
            for c in head.children):
        return True  # "heavy clashes are ongoing", "an offensive is under way"
    for c in t.children:
        if c.dep_ in ("relcl", "acl") and lemma(c) in ("kill", "wound", "injure", "leave", "claim", "target",
                                                      "hit", "destroy", "take", "strike"):
            return True
        if c.ent_type_ in ("DATE", "TIME") or (c.dep_ == "compound" and c.ent_type_ in ("DATE",)):
            return True
    if _responsibility_verb(t) is not None or _harm_after(t):
        return True
    if t.dep_ in SUBJECTS and lemma(head) in ("turn", "become", "grow") and any(
            c.dep_ in ("acomp", "oprd", "attr") and c.lower_ in ("violent", "ugly", "deadly", "bloody")
            for c in head.children):
        return True  # "the protests turned violent"
    if not any(x.pos_ in ("VERB", "AUX") for x in t.sent) and any(
            c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "near", "against") for c in t.children):
        return True  # a headline: "35 cases of suffocation in chemical attack on al-Hamadaniyeh"
    if t.dep_ == "pobj" and t.head.lower_ == "under" and lemma(t.head.head) == "come":
        return True  # "the base came under a missile attack"
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in t.children):
        return True  # "fighting between Azerbaijanis and Armenians"
    if t.dep_ == "pobj" and lemma(t.head.head) in MOTION_VERBS and (t.head.lower_ in ("for", "to", "at") or (
            t.head.lower_ == "in" and (trigger_class(t, lex) or ("",))[0] == "protest")):
        return True  # "thousands were converging for a rally in Lagos", "gathered in a peaceful protest"
    if t.dep_ == "pobj" and t.head.lower_ in ("in", "on", "to") and lemma(t.head.head) in (
            "participate", "join", "take", "engage", "march", "go", "indulge", "resort"):
        return True  # "hundreds took part in a march", "protesters indulged in arson", "resorted to stone pelting"
    if t.dep_ == "pobj" and t.head.dep_ == "agent" and lemma(t.head.head) in (
            "hit", "target", "strike", "rock", "shake", "kill", "wound", "injure", "martyr"):
        return True  # "the posts were hit by synchronised attacks"
    return False


EARLIER_WORDS = frozenset({"last", "earlier", "previous", "recent", "yesterday", "monday", "tuesday", "wednesday",
                           "thursday", "friday", "saturday", "sunday", "weekend"})


def _attributed_earlier(t: Token) -> bool:
    """'IS claimed responsibility for Friday's bombing', 'the army said the group was behind
    last week's attack': a claim or a blame for an incident told before. It names who did
    it, for the incident's own telling; on its own it is news of the claim, not of an incident."""
    claimed = _responsibility_verb(t) is not None or t.dep_ == "pobj" and t.head.lower_ == "behind" \
        or t.dep_ == "pobj" and t.head.lower_ == "for" and lemma(t.head.head) in ("blame", "responsible")
    if not claimed:
        return False
    if _has_det(t, {"the", "this", "that", "these", "those"}) and not any(
            c.dep_ in ("relcl", "acl", "appos") for c in t.children):
        return True  # "claimed responsibility for the bombing": the incident is known to the reader
    # "Friday's bombing", "last week's attack", "the recent ambush"
    return any(c.dep_ in ("poss", "amod", "npadvmod") and (c.lower_ in EARLIER_WORDS or any(
        x.lower_ in EARLIER_WORDS for x in c.subtree)) for c in t.children)


def _responsibility_verb(t: Token) -> Token | None:
    """The 'claimed' of 'X claimed responsibility for <t>' / 'X took credit for <t>'."""
    below = t
    for anc in t.ancestors:
        if lemma(anc) in ("claim", "take", "admit", "accept") and anc.pos_ == "VERB":
            # the event must sit in the claim's object ("responsibility for <t>"), not in
            # another clause of the sentence ("... and said the attacks were ...")
            in_object = below.dep_ == "dobj" or (below.dep_ == "prep" and below.lower_ in ("for", "of"))
            objs = {lemma(c) for c in anc.subtree if c.dep_ in ("dobj", "attr", "pobj")}
            if in_object and (objs & {"responsibility", "credit", "ownership", "reason"} or (
                    lemma(anc) == "claim" and t.dep_ == "dobj" and t.head is anc)):
                return anc
        if anc.dep_ == "ROOT" or anc.pos_ in ("VERB", "AUX") and anc.dep_ in ("ccomp", "conj", "advcl"):
            break
        below = anc
    return None


def _modality(t: Token, head: Token, sent: Span) -> Modality | None:
    """Modality of the event; None for words that deny it happened at all (accusations)."""
    if sent.text.rstrip().endswith("?"):
        return Modality.HYPOTHETICAL
    if t is not head and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
        return Modality.NEGATED
    if any(c.dep_ == "amod" and c.lower_ in PLAN_ADJ - {"new"} for c in t.children):
        return Modality.PLANNED
    chain = [head, *head.ancestors] if head is not t else [t, *t.ancestors]
    for depth, v in enumerate(chain):
        lem = lemma(v)
        kids = list(v.children)
        if any(c.dep_ == "neg" for c in kids) and depth == 0:
            return Modality.NEGATED
        if any(c.dep_ == "aux" and c.lower_ in MODAL_HYPOTHETICAL for c in kids):
            return Modality.HYPOTHETICAL
        if any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in kids):
            return Modality.PLANNED
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return Modality.HYPOTHETICAL
        if any(c.dep_ == "mark" and c.lower_ == "until" for c in kids) and v.tag_ in ("VB", "VBP", "VBZ"):
            return Modality.PLANNED  # "vowed to fight until they gain control of the villages"
        if v.dep_ == "pobj" and v.head.lower_ == "without":
            return Modality.HYPOTHETICAL
        if v.dep_ == "pcomp" and v.head.lower_ == "without":
            return Modality.HYPOTHETICAL
        if depth > 0 and lem in PLAN_VERBS:
            return Modality.PLANNED
        if depth > 0 and lem in DENY_VERBS:
            return Modality.DENIED
        if depth > 0 and (lem in ACCUSE_VERBS or lem in ACCUSE_NOUNS or lem in SUSPECTED and v.tag_ == "VBN"):
            return None
        perfect = v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in kids)
        if (v.tag_ == "TO" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids)) and not perfect:
            # infinitive: "to attack", "in order to strike" -- a purpose, not a report ("claimed
            # to have seized" is a report of the past)
            if depth == 0 and v.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp"):
                gov = v.head
                # "flew ... to launch missiles", "were converging on Lagos to protest": done, not planned
                done = lemma(gov) in MOTION_VERBS and (gov.tag_ == "VBD" or any(
                    c.dep_ == "aux" and c.tag_ == "VBD" for c in gov.children))
                if lemma(gov) not in ("begin", "start", "continue", "manage", "proceed", "use", "go", "attempt", "try") \
                        and not done:  # an attempted attack is coded as the attack (ACLED)
                    return Modality.PLANNED
        if v.dep_ == "ROOT":
            break
        if v.dep_ == "relcl" and v.tag_ in ("VBD", "VBN", "VBZ"):
            # "the jet that exploded over Egypt": a relative clause tells a fact, whatever
            # the sentence around it vows or plans
            break
            break
    if any(lemma(a) == "claim" and any(c.dep_ == "ccomp" for c in a.children) for a in chain[1:]):
        return Modality.CLAIMED
    return Modality.ASSERTED


def _np_tokens(t: Token) -> list[Token]:
    """The noun phrase of a head, without relative clauses and appositions."""
    skip: set[int] = set()
    for c in t.children:
        if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "prep") and c.i > t.i:
            if c.dep_ == "prep" and c.lower_ == "of" and t.lemma_.lower() in (
                    "member", "members", "fighter", "soldier", "unit", "element", "cell", "force", "troop"):
                continue
            skip.update(x.i for x in c.subtree)
    return [x for x in t.subtree if x.i not in skip]


PROTEST_VERBS = frozenset("protest demonstrate agitate picket".split())
# "hundreds of protesters", "a group of gunmen": the people after "of" are the actor
QUANTITY_HEADS = frozenset("hundreds thousands dozens scores tens millions crowd crowds group groups number "
                           "band bands gang gangs handful".split())


def _actor_ref(t: Token, *, subject: bool, actor_words: set[str]) -> ActorRef:
    if t.lower_ in QUANTITY_HEADS:
        of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if of and of[0].pos_ in ("NOUN", "PROPN"):
            t = of[0]
    toks = _np_tokens(t)
    phrase = " ".join(x.text for x in toks)
    if lemma(t) not in ARMED_NOUNS and any(c.dep_ == "acl" and c.tag_ == "VBG" and lemma(c) in PROTEST_VERBS
                                           for c in t.children):
        phrase = "protesters"  # "students protesting the fee hike": a crowd, whoever it is made of
    head = t
    # "members of the Syrian Arab Army": the organisation is the actor
    countries = tuple(x.text for x in toks if x.ent_type_ in ("NORP", "GPE") or x.lower_ in actor_words)
    if t.pos_ == "PROPN" and not countries:
        countries = (phrase,)
    from eventsift.actors import is_anaphoric
    return ActorRef(phrase=phrase, head=head.text, country_words=countries, subject=subject,
                    anaphoric=is_anaphoric(phrase))


def _objects(v: Token) -> list[Token]:
    out = []
    # "shot dead a number of civilians at a checkpoint": with people the object, "at" says where
    # (not "opened fire at a checkpoint", "fired rockets at a base")
    direct = any(c.dep_ in ("dobj", "nsubjpass") and {x.lemma_.lower() for x in c.subtree} & HUMAN_NOUNS
                 for c in v.children)
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            out.append(c)
        if c.dep_ == "prep" and (c.lower_ in ("against", "on", "upon") or c.lower_ == "at" and not direct):
            out.extend(g for g in c.children if g.dep_ == "pobj")
        if c.dep_ == "conj" and c.pos_ in ("VERB",) and not any(g.dep_.startswith("nsubj") for g in c.children):
            out.extend(g for g in c.children if g.dep_ == "dobj")
    return out


def find_candidates(sent: Span, lex: Lexicon, *, actor_words: set[str]) -> list[Candidate]:
    """Event candidates of one sentence, each owning the tokens of its clause."""
    raw: list[tuple[Token, str, bool, Token]] = []
    spans: list[Span] | None = None  # the sentence's possible place names, found on first need
    for t in sent:
        if not t.is_alpha:
            continue  # punctuation, numbers, spaces never name an event
        tc = trigger_class(t, lex)
        if tc is None:
            continue
        cls, is_noun = tc
        head = _clause_head(t, lex) if is_noun else t
        raw.append((t, cls, is_noun, head))
    trig_idx = {t.i for t, _, is_noun, _ in raw if not is_noun}
    # "French bombing hit", "executed airstrikes", "carried out a suicide attack": a trigger
    # noun that is the verb's subject or object says which weapon the verb's event used.
    # A bare "strikes" (not "missile strikes") that kills or hits is, in conflict
    # reporting, an air strike.
    noun_class = {head.i: ("air" if cls == "strike" else cls) for t, cls, is_noun, head in raw
                  if is_noun and head is not t and (cls in SPECIFIC_CLASSES or cls == "strike")
                  and (t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") or _quantity_of(t))}
    # "the posts were hit by synchronised attacks": the verb's event is the attack
    for t, cls, is_noun, head in raw:
        if is_noun and head is not t and cls in ("attack", "raid") and t.dep_ == "pobj" and t.head.dep_ == "agent":
            noun_class.setdefault(head.i, cls)
    # "killed during heavy clashes with the army": deaths in a battle
    for t, cls, is_noun, head in raw:
        if is_noun and head is not t and cls in ("clash", "fight") and t.dep_ in ("pobj", "nsubj") \
                and lemma(head) in ("kill", "wound", "injure"):
            noun_class.setdefault(head.i, "clash")  # "clashes between two militias killed 30" too
    # "killed in shelling on Morek", "killed when warplanes bombed Saraqeb": the verb under
    # the toll's names its weapon, its subject the actor; one event, whose clause (and
    # places) is the toll's
    causes = _weapon_causes(raw, trig_idx)
    for v, (g, cls) in causes.items():
        noun_class.setdefault(v, cls)
    raw = [r for r in raw if r[0].i not in {g.i for g, _ in causes.values()}]
    trig_idx -= {g.i for g, _ in causes.values()}
    # "Most of those strikes targeted Raqqa": the verb tells more of an event already told
    told = {t.i: ref for t, _, is_noun, _ in raw if not is_noun
            for ref in [_told_event_subject(t, lex)] if ref is not None}
    told_nouns = {ref.i for ref in told.values()}
    # "destroyed", "targeted" name an event only with a weapon named (extract/classify.py)
    unarmed = frozenset(t.i for t, cls, is_noun, _ in raw if not is_noun and cls in ("destroy", "strike"))
    if unarmed and lex.weapon_cue(f" {sent.text.lower()} ") is not None:
        unarmed = frozenset()
    kept: list[tuple[Token, str, bool, Token, bool]] = []
    for t, cls, is_noun, head in raw:
        backref = False
        if is_noun and t.i in told_nouns:
            continue
        if not is_noun and t.i in told:
            backref = True
            ref_cls = trigger_class(told[t.i], lex)
            if ref_cls is not None and (cls in GENERAL_CLASSES or ref_cls[0] in SPECIFIC_CLASSES):
                cls = ref_cls[0]
        if is_noun:
            if _in_background_phrase(t) and not _harm_after(t):
                continue
            if t.dep_ in SUBJECTS and head is not t and head.i in trig_idx:
                continue  # "a French bombing hit Raqqa": the verb carries the event, the noun its type
            definite = _has_det(t, {"the", "these", "those", "this", "that", "its", "their"})
            if not _noun_is_event(t, head, lex, trig_idx):
                if definite or t.dep_ in SUBJECTS:
                    kept.append((t, cls, is_noun, head, True))
                continue
            if head.i in trig_idx and head is not t:
                continue
            # "continued their hunger strike", "mounted its invasion": the actor's own new act
            light = head is not t and any(x in lex.light_verbs for x in verb_lemmas(head)) and \
                _has_det(t, {"its", "their", "his", "her"})
            # "the talks started", "the fighting broke out": a beginning is news, whatever the article
            # "the protest turned violent", "supporters went on the rampage": so does a turn for the worse
            onset = head is not t and lemma(head) in ("start", "begin", "open", "break", "erupt", "turn", "go",
                                                      "escalate", "degenerate", "spread", "spill") \
                or t.dep_ == "pobj" and t.head.lower_ == "on" and lemma(t.head.head) == "go" \
                or _takes_effect(t, head)
            dated = any(c.ent_type_ in ("DATE", "TIME") for c in t.subtree)
            backref = definite and not light and not onset and not dated \
                and _responsibility_verb(t) is None and not any(
                    c.dep_ in ("relcl", "acl") for c in t.children) or _attributed_earlier(t)
        if not is_noun and (cls in ("kill", "wound", "destroy", "strike") and natural_cause(t)
                            or cls == "explode" and accidental_blast(t)):
            continue  # "the earthquake killed 12", "killed in a road accident": no one's act of violence
        if not is_noun and _is_toll_clause(t, cls, raw, unarmed):
            continue  # "... an attack that killed 12", "bringing down the jet, killing 224": a toll
        if cls in ("fight", "clash") and _fighting_of_a_toll(t, raw):
            continue  # "killed 20 rebels in fighting near Aleppo": how they died, not a second event
        if not is_noun and cls == "protest" and t.dep_ == "acl" and t.tag_ == "VBG" and t.head.dep_ in SUBJECTS \
                and t.head.head.i in trig_idx:
            continue  # "students protesting the fee hike vandalised ...": who acted, the act is the verb's
        if not is_noun and cls == "block" and t.dep_ == "acl" and t.tag_ == "VBG":
            continue  # "hurled rocks at security forces blocking a road": who they were, not a protest
        if not is_noun and cls in ("fight", "clash") and t.tag_ == "VBG" and (
                t.dep_ == "acl" or t.dep_ == "pcomp" and t.head.head.dep_ == "acl"):
            continue  # "an ally fighting the regime", "a coalition tasked with fighting IS" describe a party
        kept.append((t, cls, is_noun, head, backref))
    # Conjoined verbs with one subject ("shot and killed") are one event; keep the stronger.
    heads = {h.i for _, _, _, h, _ in kept}
    merged: list[tuple[Token, str, bool, Token, bool]] = []
    for item in kept:
        t, cls, is_noun, head, backref = item
        if not is_noun and t.dep_ == "conj" and t.head.i in heads and (not any(
                c.dep_ in SUBJECTS for c in t.children) or lemma(t) in TOLL_VERBS and lemma(t.head) in TOLL_VERBS):
            # "shot and killed": one event; so is a toll split "seven were killed and 15 wounded"
            for j, other in enumerate(merged):
                if other[3].i == t.head.i:
                    if cls in ("kill", "wound") or other[1] in ("shoot", "attack", "strike"):
                        merged[j] = (other[0], cls if cls != "wound" else other[1], other[2], other[3], other[4])
                    elif other[1] == "protest" and cls in CROWD_ESCALATION:
                        # "youths protested and burned tyres": the protest went as far as its last act
                        merged[j] = (other[0], cls, other[2], other[3], other[4])
                    break
            continue
        same = next((j for j, m in enumerate(merged) if m[3].i == head.i), None)
        if same is not None:
            # two trigger nouns under one verb: one event, the new one rather than the one told
            # before ("the killing sparked demonstrations")
            if merged[same][4] and not backref:
                merged[same] = item
            continue
        merged.append(item)
    heads_i = {h.i for _, _, _, h, _ in merged}
    out: list[Candidate] = []
    for t, cls, is_noun, head, backref in merged:
        if not is_noun and cls in GENERAL_CLASSES and t.i in noun_class:
            cls = noun_class[t.i]
        own = {x.i for x in head.subtree}
        for other in heads_i - {head.i}:
            o = sent.doc[other]
            if o.i in own and o.i != head.i and any(a.i == head.i for a in o.ancestors):
                own -= {x.i for x in o.subtree}
        own_f = frozenset(own)
        mod = _modality(t, head, sent)
        if mod is None:
            continue
        if cls == "agree" and mod is Modality.PLANNED and head.dep_ == "xcomp" and lemma(head.head) in (
                "agree", "decide", "vote"):
            mod = Modality.ASSERTED  # "the two sides agreed to resume peace talks": the agreement itself
        if (cls in STRATEGIC_CLASSES or cls in ("abduct", "capture")) and head.dep_ in ("relcl", "advcl") and any(
                c.dep_ == "aux" and c.lower_ == "had" for c in head.children):
            continue  # "towns where Russia had declared a ceasefire", "whom they had taken hostage": background
        claim_v = _responsibility_verb(t)
        subj, _ = subject_of(head) if head.pos_ in ("VERB", "AUX") else (None, False)
        if subj is None and t.i in causes:
            subj, _ = subject_of(causes[t.i][0])  # "... were killed when warplanes bombed ..."
        if subj is not None and subj.lower_ in ("it", "they") and head.dep_ == "ccomp":
            # "the military confirmed it regained the town": the speaker is the actor
            speaker, _ = subject_of(head.head)
            if speaker is not None and speaker.pos_ in ("NOUN", "PROPN"):
                subj = speaker
        a1 = None
        if claim_v is not None:
            cs, _ = subject_of(claim_v)
            claimant = _actor_ref(cs, subject=True, actor_words=actor_words) if cs is not None else None
        else:
            claimant = None
        if cls == "explode" and subj is not None and subj.ent_type_ not in ("ORG", "NORP", "PERSON"):
            subj = None  # "a bomb exploded", "the jet that exploded": the device, not who set it
        quantity = subj if subj is not None and lemma(subj) in QUANTITY_NOUNS else None
        if quantity is not None:
            # "A series of strikes by a US-led coalition killed ...": the strikes are the subject
            inner = next((g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"), None)
            subj = inner if inner is not None and trigger_class(inner, lex) is not None else subj
        if subj is not None and trigger_class(subj, lex) is None:
            a1 = _actor_ref(subj, subject=True, actor_words=actor_words)
        elif subj is not None:
            # "Russian airstrikes hit ...": the trigger noun's modifiers name the actor
            a1 = _noun_actor(subj, actor_words)
        if a1 is None and quantity is not None:
            a1 = _noun_actor(quantity, actor_words)
        if a1 is None and is_noun:
            a1 = _noun_actor(t, actor_words)
        if a1 is None and claimant is not None:
            a1 = claimant
        objs = _objects(head) if head.pos_ in ("VERB", "AUX") else []
        if is_noun:
            objs += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
                     for g in c.children if g.dep_ == "pobj"]
        # "scores of terrorists": the people under the quantity word are the target
        objs = [next((g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                      if g.dep_ == "pobj"), o) if lemma(o) in QUANTITY_NOUNS else o for o in objs]
        victims = _toll_victims(head) if head.pos_ in ("VERB", "AUX") else []
        a2 = None
        target_armed = False
        territory = False
        human_object = False
        for o in objs:
            if o.ent_type_ in ENT_PLACE or o.lemma_.lower() in TERRITORY_NOUNS or _control_of_ground(o) or any(
                    x.lemma_.lower() in TERRITORY_NOUNS or x.ent_type_ in ENT_PLACE
                    for x in o.subtree if x.dep_ in ("pobj", "compound", "conj") and x.i != o.i
                    and not _clause_between(x, o)):
                # "captured part of a guerrilla stronghold", "seized control of the village",
                # "all but one of the villages had been recaptured"
                territory = True
            elif cls in ("capture", "recapture") and _unknown_place_name(o, cls):
                territory = True  # "recaptured Marieholm": a town the tagger took for a person
                continue
            if o.lemma_.lower() in HUMAN_NOUNS or o.ent_type_ in ("PERSON", "NORP"):
                human_object = True
            if o.i == t.i or trigger_class(o, lex) is not None or lemma(o) in QUANTITY_NOUNS:
                continue
            if a2 is None and o.ent_type_ not in ENT_PLACE and o.ent_type_ not in ("DATE", "TIME"):
                a2 = _owner_ref(o, actor_words) or _actor_ref(o, subject=False, actor_words=actor_words)
            words = {x.lemma_.lower() for x in _np_tokens(o)} | {x.lower_ for x in _np_tokens(o)}
            if words & lex.armed_targets:
                target_armed = True
        named_targets = [o for o in objs if o.i != t.i and trigger_class(o, lex) is None]
        if not named_targets and any({x.lower_ for x in _np_tokens(v)} & lex.armed_targets for v in victims):
            target_armed = True  # "launched attacks, killing 40 soldiers": soldiers were the target
        if not target_armed and _them_are_armed(t, objs + victims, lex.armed_targets):
            target_armed = True  # "targeted gatherings of terrorists, killing many of them"
        if cls in ("capture", "recapture") and not is_noun and prep_objects(head) & TERRITORY_NOUNS and (any(
                c.lower_ in ("out", "from") for c in head.children if c.dep_ in ("prep", "prt"))
                or lemma(head) == "restore"):
            # "drove the militants out of four villages", "restored security to the town": the ground
            territory = True
        if cls == "die":
            # "four protesters died from gunfire": the subject is the victim, not the killer
            if subj is not None and {x.lower_ for x in _np_tokens(subj)} & lex.armed_targets:
                target_armed = True
            a1, a2, cls = None, a1, "kill"
        clause_tokens = [sent.doc[i] for i in sorted(own_f)]
        clause = " " + " ".join(x.lower_ for x in clause_tokens) + " "
        clause += " ".join(x.lemma_.lower() for x in clause_tokens) + " "
        if subj is not None and subj.i not in own_f:
            # "Russian warplanes have flown 522 sorties and destroyed 800 targets": the shared
            # subject names the weapon of the second verb too
            clause += " ".join(x.lower_ for x in _np_tokens(subj)) + " "
        if head.dep_ == "relcl" and head.head.i not in own_f and lemma(head.head) in WEAPON_OBJECTS:
            # "threw a hand grenade which exploded near the gate": what exploded is the grenade
            # (not "a passenger jet that exploded over Egypt")
            clause += " ".join(x.lower_ for x in _np_tokens(head.head)) + " "
        if cls in ("kill", "wound", "explode", "arrest") and head.pos_ in ("VERB", "AUX"):
            # "three were wounded when a grenade exploded", "explosions rocked the town as
            # militants fired rockets", "arrested 20 after clashes broke out at a protest": the
            # sentence's main verb tells the harm, its "when" clause says what caused it
            clause += _cause_text(head)
            for c in head.children:
                if c.dep_ == "conj" and lemma(c) in ("kill", "wound", "injure", "hurt"):
                    # "were killed and 20 wounded in a suspected chemical attack": one toll, one weapon
                    clause += " ".join(x.lower_ for p in c.children if p.dep_ == "prep" for x in p.subtree) + " "
                    clause += _cause_text(c)
        excluded: set[int] = set()
        for ref_tok in (subj,):
            # the actor is never the place: "Russia hit Raqqa" happened in Raqqa
            if ref_tok is not None and lemma(ref_tok.head) not in HOST_VERBS:
                excluded.update(x.i for x in _np_tokens(ref_tok))
        if spans is None:
            spans = place_spans(sent)
        places = tuple(place_refs(spans, own_f, t, excluded))
        before = any(x.lower_ in ("prior", "before", "earlier") and x.i in own_f and x.dep_ in ("advmod", "prep")
                     for x in clause_tokens)
        separate = any(x.lower_ in ("separate", "another", "second", "different") for x in clause_tokens)
        lag = _after_clause(head)
        salient = frozenset(x.lemma_.lower() for x in clause_tokens
                            if x.pos_ in ("NOUN", "PROPN") and x.i != t.i
                            and x.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC"))
        out.append(Candidate(trigger=t.text, trigger_i=t.i, cls=cls, own=own_f, modality=mod, actor1=a1,
                             actor2=a2, places=places, weapon_text=clause, target_armed=target_armed,
                             territory_object=territory, human_object=human_object, backref=backref,
                             claimant=claimant,
                             before_marker=before, separate=separate, salient=salient, lag=lag))
    return out


# What is hit when a group is the target: "strongholds of the Islamic State group",
# "ISIS buildings", "a rebel base".
HELD_THINGS = frozenset("""stronghold strongholds position positions base bases building buildings hideout
hideouts headquarters convoy convoys camp camps post posts outpost outposts checkpoint checkpoints depot
depots facility facilities vehicle vehicles target targets office offices fighters members""".split())


CAUSE_MARKS = frozenset({"when", "after", "as", "while"})
TOLL_VERBS = frozenset({"kill", "wound", "injure"})


def _weapon_causes(raw: list[tuple[Token, str, bool, Token]], trig_idx: set[int]) -> dict[int, tuple[Token, str]]:
    """Toll verb -> (the weapon verb that caused it, its class): a gerund ("killed in
    shelling on ...") or a "when/after" clause ("killed when warplanes bombed ...")."""
    out: dict[int, tuple[Token, str]] = {}
    for t, cls, is_noun, _ in raw:
        if is_noun or cls not in SPECIFIC_CLASSES and not (
                cls == "strike" and {lemma(x) for x in t.subtree} & (WEAPON_OBJECTS | PROJECTILES)):
            continue  # a weapon, or a verb of hitting with one named ("after a mortar shell hit the school")
        if t.dep_ == "pcomp" and t.head.lower_ in ("in", "during", "by", "after"):
            v = t.head.head
        elif t.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in CAUSE_MARKS for m in t.children):
            v = t.head
        else:
            continue
        if v.i in trig_idx and lemma(v) in TOLL_VERBS:
            out.setdefault(v.i, (t, cls))
            if v.dep_ == "conj" and v.head.i in trig_idx and lemma(v.head) in TOLL_VERBS:
                out.setdefault(v.head.i, (t, cls))  # "seven were killed and 15 wounded as forces shelled ..."
    return out


def _owner_ref(o: Token, actor_words: set[str]) -> ActorRef | None:
    """The group a targeted thing belongs to: its 'of' phrase or a named modifier."""
    if lemma(o) not in HELD_THINGS:
        return None
    for c in o.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ not in ENT_PLACE:
                    return _actor_ref(g, subject=False, actor_words=actor_words)
    mods = [c for c in o.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("ORG", "NORP")]
    if mods:
        m = mods[0]
        phrase = " ".join(x.text for x in m.subtree)
        return ActorRef(phrase=phrase, head=m.text, country_words=(), subject=False, anaphoric=False)
    return None


def _cause_text(v: Token) -> str:
    """The words of a verb's 'when/after/as' clauses, for the weapon they name."""
    return "".join(" ".join(x.lower_ for x in c.subtree) + " " for c in v.children if c.dep_ == "advcl" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "after", "as", "while") for m in c.children))


PARTS = frozenset("part parts most much half rest".split())


def _control_of_ground(o: Token) -> bool:
    """'control' of a place, or of nothing named ('took control'), not 'control of services'."""
    if lemma(o) != "control":
        return False
    held = [g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return not held or any(x.ent_type_ in ENT_PLACE or lemma(x) in TERRITORY_NOUNS | PARTS or x.pos_ == "PROPN"
                           for g in held for x in g.subtree)  # "took control of parts of it"


def _toll_victims(v: Token) -> list[Token]:
    """The objects of a verb's toll clause: 'launched attacks, killing 40 soldiers' -> soldiers."""
    out = []
    for c in v.children:
        if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and lemma(c) in ("kill", "wound", "injure"):
            for o in c.children:
                if o.dep_ == "dobj":
                    inner = next((g for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                  for g in p.children if g.dep_ == "pobj"), None)
                    out.append(inner if inner is not None and lemma(o) in QUANTITY_NOUNS else o)
    return out


def _quantity_of(t: Token) -> bool:
    """'a series of strikes', 'dozens of air raids': the trigger noun under a quantity noun."""
    return t.dep_ == "pobj" and t.head.lower_ == "of" and lemma(t.head.head) in QUANTITY_NOUNS


def _told_event_subject(v: Token, lex: Lexicon) -> Token | None:
    """The definite trigger noun a verb's subject refers back to: 'the attack', 'one of the strikes'."""
    for c in v.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        cand = c
        if lemma(c) in PARTITIVES:
            cand = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"), c)
        tc = trigger_class(cand, lex)
        if tc is not None and tc[1] and _has_det(cand, DEFINITE):
            return cand
    return None


def _is_toll_clause(t: Token, cls: str, raw: list, unarmed: frozenset[int] = frozenset()) -> bool:
    """A kill/wound verb that modifies another trigger's phrase gives that event's toll; not
    the phrase of a verb that names no event without a weapon (``unarmed``: "destroyed
    hideouts, killing scores of terrorists" is told by its killing)."""
    if cls not in ("kill", "wound"):
        return False
    if t.dep_ == "conj" and t.head.pos_ == "ADJ" and t.head.lower_ in ("dead", "hurt", "injured"):
        return True  # "left scores dead and wounded": the state the event left them in
    if t.dep_ == "conj":  # "that killed 129 people and wounded 350 others"
        h = t.head
        return any(x.i == h.i for x, *_ in raw) and _is_toll_clause(h, "kill", raw, unarmed)
    if t.dep_ not in ("acl", "relcl", "advcl", "xcomp"):
        return False
    others = ({x.i for x, *_ in raw if x.i != t.i} | {h.i for x, _, is_noun, h in raw if is_noun and x.i != t.i}) \
        - unarmed
    for depth, anc in enumerate(t.ancestors):
        if anc.i in others:
            return True
        if depth >= 2:
            break
    return False


def _after_clause(head: Token) -> str | None:
    """Is the event told inside an 'after/since/following ...' clause, and how long before?"""
    for anc in [head, *head.ancestors]:
        marks = [c for c in anc.children if c.dep_ == "mark" and c.lower_ in ("after", "since")]
        if anc.dep_ in ("pcomp", "pobj") and anc.head.lower_ in ("after", "since", "following"):
            marks.append(anc.head)
        for m in marks:
            before = {x.lower_ for x in m.doc[max(m.i - 3, 0):m.i]} | {x.lower_ for x in m.children}
            return "same_day" if before & SAME_DAY_LAG else "earlier"
        if anc.dep_ == "ROOT":
            break
    return None


def _noun_actor(t: Token, actor_words: set[str]) -> ActorRef | None:
    """Actor named inside a trigger noun phrase: 'Russian airstrikes', 'Russia's strikes', 'by X'."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for g in c.children:
                if g.dep_ == "pobj":
                    return _actor_ref(g, subject=True, actor_words=actor_words)
    if t.dep_ == "pobj" and t.head.lower_ in ("in", "to") and lemma(t.head.head) in ("indulge", "engage", "resort"):
        # "protesters indulged in arson": who indulged did it
        subj = [c for c in t.head.head.children if c.dep_ == "nsubj"]
        if subj:
            return _actor_ref(subj[0], subject=True, actor_words=actor_words)
    mods = [c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod")
            and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.lower_ in actor_words)]
    if mods:
        m = mods[0]
        return ActorRef(phrase=" ".join(x.text for x in m.subtree), head=t.text,
                        country_words=tuple(x.text for x in mods), subject=True, anaphoric=False)
    return None


def attribution(sent: Span) -> str | None:
    """Who the sentence says reported it: 'according to X', 'X said', 'X reported'."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and sent.doc[t.i + 1].lower_ == "to":
            for g in sent.doc[t.i + 1].children:
                if g.dep_ == "pobj":
                    return _source_text(g)
    words = [x for x in sent if not x.is_punct and not x.is_space]
    tail = {x.i for x in words[-5:]}
    for t in sent:
        # "X said that ...", "..., X said", and the trailing ", a US official disclosed today"
        # that the parser hangs off a noun
        if t.lemma_.lower() in ATTRIBUTION_VERBS and t.pos_ == "VERB" and t.lemma_.lower() != "claim" and (
                t.dep_ in ("ROOT", "parataxis", "advcl", "conj") or any(c.dep_ == "ccomp" for c in t.children)
                or t.i in tail):
            for c in t.children:
                if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN"):
                    return _source_text(c)
    return None


def _source_text(t: Token) -> str:
    """A source's name as written: the noun phrase with its 'of/for' parts ("the Syrian
    Observatory for Human Rights"), without relative clauses or appositions."""
    skip: set[int] = set()
    for c in t.children:
        if c.i > t.i and (c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj")
                          or c.dep_ == "prep" and c.lower_ not in ("for", "of", "in", "on")):
            skip.update(x.i for x in c.subtree)
    toks = [x for x in t.subtree if x.i not in skip]
    return t.doc[toks[0].i: toks[-1].i + 1].text if toks else t.text
