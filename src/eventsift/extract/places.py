"""Where a sentence's event happened: the place names a clause holds, and which of them
name the event's place rather than a source's dateline, an origin, a neighbour across a
border or an actor ("US-led", "the Turkish army").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token


def doc_text(doc: Doc) -> str:
    """The document's text, joined once: spaCy rebuilds ``Doc.text`` from its tokens on
    every read, which costs a pass over the article for each name looked at."""
    text = doc.user_data.get("eventsift_text")
    if text is None:
        text = doc.user_data["eventsift_text"] = doc.text
    return text


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


LOCATIVE = frozenset("in on at near into across around outside inside over throughout within of along "
                     "towards toward between north south east west".split())
ORIGIN_PREPS = frozenset({"from"})
PLACE_HEADS = frozenset("""countryside outskirts outskirt province governorate region suburbs suburb
city town village area district countryside desert vicinity part parts edge centre center west east
north south sector mountains mountain hills valley plain plains""".split())
ENT_PLACE = frozenset({"GPE", "LOC", "FAC"})
BORDER_NOUNS = frozenset({"border", "frontier", "crossing", "boundary"})
NAME_PARTICLES = frozenset({"-", "al", "el", "ad", "ar", "as", "ash", "az", "ez", "ed", "an", "at", "ath"})
ACTOR_HEADS = frozenset("""forces force army troops soldiers jets warplanes aircraft planes coalition government
regime officials official military police rebels fighters militants opposition monitor media state ministry
navy ally allies president leader embassy authorities pm premier minister spokesman spokeswoman spokesperson""".split())
DATELINE_DASHES = frozenset({"-", "–", "—", ":", "--"})
# Bodies that sit in a capital and speak from there: "the defence ministry in Moscow said".
# verbs of taking people or things away: "abducted 30 students from a school in Kaduna"
# happened where they were taken from
TAKEN_FROM = frozenset("abduct kidnap snatch seize grab take steal loot evacuate rescue free release".split())
SEAT_HEADS = frozenset("""ministry ministries embassy embassies consulate government parliament court
cabinet presidency kremlin""".split())


@dataclass(frozen=True, slots=True)
class PlaceRef:
    phrase: str          # words to resolve ("the southern countryside of Raqqa")
    core: str            # the name itself ("Raqqa")
    start: int           # char offset of the name in the document
    group: int           # conjoined names share a group ("in Raqqa and Deir-ez-Zor")
    distance: int        # tree distance to the trigger: the nearer, the likelier the event's place
    modifier: bool = False  # names modifying the event word ("US airstrike", "Aleppo blast")
    argument: bool = False  # subject or object of a verb ("France raised", "accused Belgium")
    container: str | None = None  # the place it lies in ("the Midan district of Damascus")
    titled: bool = True  # written among title-case words (a headline), where nouns are capitalised
    run: str | None = None  # the name with the capitalised names compounded before it, a list
    #                         whose commas were lost ("in Aleppo Hama Damascus"), read if whole fails


def place_spans(sent: Span) -> list[Span]:
    """Every name in the sentence that may be a place; computed once per sentence (the
    candidates and the article's province vote both read them), then each event candidate
    keeps those in its own clause (``place_refs``)."""
    cache = sent.doc.user_data.setdefault("eventsift_place_spans", {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _place_spans(sent)
    return cache[key]


def _place_spans(sent: Span) -> list[Span]:
    ents = list(sent.ents)
    cands: list[Span] = [e for e in ents if e.label_ in ENT_PLACE]
    # Names after a locative preposition that the tagger did not call places ("in al-Lataminah").
    for e in ents:
        if e.label_ in ("ORG", "PERSON", "NORP") and _locative_pobj(e.root):
            cands.append(e)
    for t in sent:
        if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in LOCATIVE and not t.ent_type_:
            # with the capitalised words before it ("in the Aleppo Governorate")
            j = t.left_edge.i if t.left_edge.pos_ == "PROPN" else t.i
            while j > t.left_edge.i and sent.doc[j - 1].text[:1].isupper() \
                    and sent.doc[j - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
                j -= 1
            cands.append(sent.doc[j: t.i + 1])
    # Capitalised names in a place's position that the tagger missed or mislabelled:
    # "in Raqa", "Aleppo city", "Syrias northern Aleppo province"
    covered = {t.i for c in cands for t in c}
    for run in _name_runs(sent):
        root = run.root
        if root.i in covered:
            continue
        placed = _locative_pobj(root) or (
            root.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod", "appos") and _lemma(root.head) in PLACE_HEADS)
        if placed:
            cands.append(run)
            covered.update(t.i for t in run)
    # "near the Syrian capital", "in the capital": a country's capital named by its title
    for t in sent:
        if t.text == "capital" and t.pos_ == "NOUN" and t.i not in covered and _locative_pobj(t) \
                and not any(c.dep_ in ("appos", "prep") for c in t.children):
            # not "the provincial capital", "the capital Damascus", "the capital of Idlib province"
            mods = [c for c in t.lefts if c.dep_ in ("amod", "compound", "poss", "nmod")]
            if len(mods) <= 1 and all(c.text[:1].isupper() for c in mods):
                cands.append(sent.doc[(mods[0].i if mods else t.i): t.i + 1])
                covered.add(t.i)
    roots = {c.root.i for c in cands}
    for t in sent:
        # "in Daraa countryside, Aleppo and Damascus": conjoined with a place, or with the
        # area noun a place names ("countryside")
        head_place = t.head.i in roots or _lemma(t.head) in PLACE_HEADS and any(
            c.i in roots for c in t.head.children if c.dep_ in ("compound", "amod", "nmod"))
        if t.pos_ == "PROPN" and t.dep_ == "conj" and head_place and t.i not in roots:
            cands.append(sent.doc[t.left_edge.i if t.left_edge.pos_ == "PROPN" else t.i: t.i + 1])
            roots.add(t.i)
            roots.add(t.i)
    return cands


def place_refs(cands: list[Span], own: frozenset[int], trigger: Token, excluded: set[int]) -> list[PlaceRef]:
    """The place names inside one event candidate's clause, minus datelines, origins,
    neighbours across a border and names that stand for an actor."""
    refs: list[PlaceRef] = []
    spans: list[tuple[int, int]] = []  # each ref's phrase, as token indices
    seen: set[int] = set()
    for ent in cands:
        root = ent.root
        if root.i in seen or root.i in excluded or root.i not in own:
            continue
        after = ent.doc[ent.end: ent.end + 2]
        if any(x.lower_ in ("based", "led", "backed", "brokered", "sponsored", "made")
               or x.lower_.split("-")[-1] in ("based", "led", "backed", "brokered", "sponsored") for x in after):
            continue  # "London-based", "US-led": who is meant, not where it happened
        state_of = root.dep_ == "compound" and root.head.lower_ == "state" and _locative_pobj(root.head)
        if root.dep_ in ("compound", "amod", "nmod") and _lemma(root.head) in ACTOR_HEADS and not state_of:
            continue  # "Turkish army", "Russia defence ministry": an actor's name ("in Kaduna state" is a place)
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            continue  # "denied by Brussels": who spoke
        if _seat_of(root):
            continue  # "the defence ministry in Moscow said": where a body sits, not the event
        if _from_origin(root) and _lemma(trigger) not in TAKEN_FROM:
            continue
        if _in_dateline(ent):
            continue
        if root.dep_ in ("poss",) and root.head.lemma_.lower() not in PLACE_HEADS:
            continue
        if _across_border(root):
            continue
        if in_group_name(root):
            continue
        seen.add(root.i)
        phrase_tokens = [*ent]
        h = root.head
        if root.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in PLACE_HEADS:
            phrase_tokens = [x for x in h.head.subtree if x.i <= ent.end - 1]
        elif root.dep_ in ("compound", "poss") and h.lemma_.lower() in PLACE_HEADS:
            phrase_tokens = [x for x in h.subtree if x.i <= h.i]
        elif root.dep_ == "pobj" and h.lower_ in ("near", "outside", "around"):
            phrase_tokens = [h, *ent]
        elif state_of:
            phrase_tokens = [*ent, h]  # "Kaduna state": the province, not its capital
        phrase = " ".join(x.text for x in phrase_tokens)
        group = _list_head(root).i
        dist = tree_distance(trigger, root)
        # "US airstrike", "the US latest airstrike": a name modifying an event noun says who
        modifier = root.dep_ in ("compound", "amod", "nmod", "poss") and (
            root.head.i == trigger.i or root.head.pos_ == "NOUN" and _lemma(root.head) not in PLACE_HEADS)
        refs.append(PlaceRef(phrase=phrase, core=ent.text, start=ent.start_char, group=group, distance=dist,
                             modifier=modifier, argument=_conj_root(root).dep_ in ARGUMENT_DEPS,
                             container=_container(root) or _province_after(ent), titled=in_title_case(ent),
                             run=_run_before(ent)))
        spans.append((min(x.i for x in phrase_tokens), max(x.i for x in phrase_tokens)))
    return _adjacent_lists(refs, spans, trigger.doc)


def _adjacent_lists(refs: list[PlaceRef], spans: list[tuple[int, int]], doc) -> list[PlaceRef]:
    """Names side by side with only commas or "and" between them are one list, however the
    parser hung them ("in Daraa countryside Aleppo Damascus": a headline whose commas were
    lost reads as a compound, and its parts land in different groups)."""
    order = sorted(range(len(refs)), key=lambda k: spans[k][0])
    out = list(refs)
    for a, b in zip(order, order[1:]):
        gap = doc[spans[a][1] + 1: spans[b][0]]
        if spans[b][0] > spans[a][1] and all(x.is_punct or x.lower_ in ("and", "&") for x in gap):
            out[b] = replace(out[b], group=out[a].group)
    return out


def _list_head(root: Token) -> Token:
    """The word a list of places hangs from: conjoined names ("in Raqqa and Deir-ez-Zor")
    and names compounded onto a later one where commas were lost ("in Daraa countryside
    Aleppo Damascus") share it."""
    g = root
    for _ in range(8):  # a bound, not a count: guards against a cyclic or runaway chain of heads
        if g.dep_ == "conj" or g.dep_ == "compound" and g.head.pos_ in ("PROPN", "NOUN") and g.head.i > g.i:
            g = g.head
        else:
            break
    return g


def _run_before(ent: Span) -> str | None:
    """'Aleppo Hama' before 'Damascus': the capitalised names compounded onto this one."""
    doc = ent.doc
    i = ent.start
    while i > ent.sent.start and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound" \
            and doc[i - 1].text[:1].isupper() and doc[i - 1].head.i >= ent.start:
        i -= 1
    return doc[i: ent.end].text if i < ent.start else None


def in_title_case(ent: Span, window: int = 6) -> bool:
    """Is the name among title-case words ("Killed in Idleb Blast Near Market"), as in a
    headline, rather than running prose ("in Tall Tawil village during the wedding")?"""
    sent = ent.sent
    near = [t for t in ent.doc[max(sent.start + 1, ent.start - window): min(sent.end, ent.end + window)]
            if (t.i < ent.start or t.i >= ent.end) and t.is_alpha and len(t) > 3]
    return not near or sum(t.text[:1].isupper() for t in near) / len(near) >= 0.6


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
# Nouns of an area inside a bigger place: "the Midan neighbourhood of Damascus".
PART_HEADS = frozenset("""district neighbourhood neighborhood quarter area suburb village town region camp
countryside outskirts""".split())


def _seat_of(root: Token) -> bool:
    """'the defence ministry in Moscow', 'the US embassy in Ankara': a place that tells where
    an institution sits, not where the event happened."""
    t = _conj_root(root)
    return (t.dep_ == "pobj" and t.head.lower_ in ("in", "at") and t.head.dep_ == "prep"
            and _lemma(t.head.head) in SEAT_HEADS)


def _conj_root(t: Token) -> Token:
    """'France and Britain raised ...': the first of conjoined names holds their role."""
    while t.dep_ == "conj":
        t = t.head
    return t


def in_group_name(root: Token) -> bool:
    """'the Islamic State in Iraq and the Levant', 'al-Qaeda in the Arabian Peninsula': a
    place inside an organisation's name, not where the event happened."""
    t = _conj_root(root)
    if t.dep_ == "pobj" and t.head.lower_ == "in":
        return _group_head(t.head.head)
    # "the Islamic State in Iraq and the Levant": the parser may hang the second name on "State"
    return root.dep_ == "conj" and _group_head(t) and any(
        c.dep_ == "prep" and c.lower_ == "in" for c in t.children)


def _group_head(t: Token) -> bool:
    return t.pos_ == "PROPN" and (t.ent_type_ in ("ORG", "NORP") or t.lower_ == "state")


# "Qassiab in Hasakeh province", "Kafr Nabl in the province of Idlib": the province a
# name is placed in, written right after it.
_NAME = r"[A-Z][\w'’-]+(?:[ -](?:(?:al|el|ad|ar|as|ash|az|ez|ed)-?)?[A-Z][\w'’-]+){0,2}"
_SIDE = r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|" \
        r"south-?eastern|south-?western)\s+)?"
# "in Hasakeh province", "in the eastern province of Deir Ezzor", "in Hama's northern countryside"
PROVINCE_AFTER = re.compile(
    rf"\s*,?\s+in\s+(?:the\s+)?{_SIDE}(?:(?P<a>{_NAME})(?:['’]s)?\s+{_SIDE}(?:province|governorate|countryside)\b"
    rf"|(?:province|governorate|countryside)\s+of\s+(?:the\s+)?(?P<b>{_NAME}))")


def _province_after(ent: Span) -> str | None:
    """The province a town is said to lie in, right after its name ("the village of Qassiab
    in Hasakeh province"): a namesake elsewhere gives way to a place in that province."""
    m = PROVINCE_AFTER.match(doc_text(ent.doc), ent.end_char)
    if m is None:
        return None
    return (m.group("a") or m.group("b")) + " province"


def _container(root: Token) -> str | None:
    """The bigger place a name's area lies in: 'the Midan neighbourhood of Damascus',
    'the Sulaymaniyah neighborhood of the Syrian city of Aleppo' -> 'Damascus', 'Aleppo'."""
    if root.dep_ not in ("compound", "amod", "nmod") or _lemma(root.head) not in PART_HEADS:
        return None
    head = root.head
    for _ in range(3):
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return None
        if obj.pos_ != "PROPN" and _lemma(obj) not in PLACE_HEADS:
            # "of Aleppo Syrian state television reported": the parser took the name
            # for a modifier of what follows it
            first = next((x for x in obj.subtree if x.pos_ != "DET"), obj)
            if not first.text[:1].isupper() or first.i >= obj.i:
                return None
            end = first.i
            while end + 1 < obj.i and obj.doc[end + 1].text[:1].isupper():
                end += 1
            return obj.doc[first.i: end + 1].text
        if obj.pos_ == "PROPN":
            start = obj.i
            while start > obj.left_edge.i and (obj.doc[start - 1].pos_ == "PROPN"
                                               or obj.doc[start - 1].lower_ in NAME_PARTICLES):
                start -= 1
            return obj.doc[start: obj.i + 1].text
        if _lemma(obj) not in PLACE_HEADS:
            return None
        head = obj  # "of the Syrian city of Aleppo"
    return None


def _locative_pobj(t: Token) -> bool:
    """'in Raqa', 'near Idlib', 'the countryside of Homs' -- but not 'the regime of Assad'."""
    if t.dep_ != "pobj" or t.head.lower_ not in LOCATIVE:
        return False
    return t.head.lower_ != "of" or _lemma(t.head.head) in PLACE_HEADS


def _name_runs(sent: Span) -> list[Span]:
    """Maximal runs of capitalised name tokens (with al-/ad- particles and hyphens)."""
    runs: list[Span] = []
    i = sent.start
    doc = sent.doc
    while i < sent.end:
        t = doc[i]
        if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN") and t.ent_type_ not in ("DATE", "TIME",
                                                                                              "CARDINAL"):
            j = i + 1
            while j < sent.end and (doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "ADJ", "NOUN")
                                    or doc[j].text in NAME_PARTICLES and j + 1 < sent.end
                                    and (doc[j + 1].text[:1].isupper() or doc[j + 1].text in NAME_PARTICLES)):
                j += 1
            if i != sent.start or t.pos_ == "PROPN":  # a sentence's first word is capitalised anyway
                runs.append(doc[i:j])
            i = j
        else:
            i += 1
    return runs


def _across_border(root: Token) -> bool:
    """'near the border with Turkey', 'the Turkish border', 'a Syria-Turkey border crossing':
    the neighbour names the frontier, the event is on this side of it."""
    h = root.head
    if root.dep_ == "pobj" and h.lower_ in ("with", "from") and _lemma(h.head) in BORDER_NOUNS:
        return True
    if root.dep_ in ("compound", "amod", "nmod") and (_lemma(h) in BORDER_NOUNS or
                                                     h.dep_ == "compound" and _lemma(h.head) in BORDER_NOUNS):
        return True
    return False


def _from_origin(root: Token) -> bool:
    """'from the Red Sea resort of Sharm el-Sheikh': where something came from, not where it happened."""
    t = root
    for _ in range(4):
        if t.dep_ not in ("pobj", "compound", "appos", "conj"):
            return False
        h = t.head
        if t.dep_ == "pobj" and h.lower_ in ORIGIN_PREPS:
            return True
        if t.dep_ == "pobj" and h.lower_ != "of":
            return False
        t = h.head if t.dep_ == "pobj" else h
    return False


def _in_dateline(ent: Span) -> bool:
    """'MOSCOW - Russia has ...', 'Beirut, Lebanon (Reuters) -': where the story was filed."""
    text = ent.text.replace(" ", "").replace("-", "")
    if len(text) >= 4 and text.isalpha() and text.isupper():
        return True  # "BEIRUT", "MOSCOW Some 120 ...": a capitalised dateline, wherever the lines broke
    sent = ent.sent
    if ent.start - sent.start > 3:
        return False
    rest = ent.doc[ent.end: min(ent.end + 8, sent.end)]
    for x in rest:
        if x.text in DATELINE_DASHES:
            return all(y.pos_ in ("PROPN", "PUNCT") or y.text in "()," for y in ent.doc[sent.start:x.i])
        if x.pos_ not in ("PROPN", "PUNCT") and x.text not in "(),":
            return False
    return False


def tree_distance(a: Token, b: Token) -> int:
    up_a = {t.i: d for d, t in enumerate([a, *a.ancestors])}
    for d, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return d + up_a[t.i]
    return 99
