"""Find the reader comment section at the end of a plain-text page, by its shape.

Each non-blank line is given a kind:

- ``HEADER``  a section header: "Comments (12)", "3 comments", "Leave a Reply",
  "Log in to comment", "5 thoughts on ...";
- ``ACTION``  a line of comment widgets only: "Reply", "Report", "12 ▲ ▼ · Share";
- ``STAMP``   a short line with a comment timestamp: "2 years ago", "March 3, 2021 at 4:15 pm";
- ``CAPTION`` a photo caption, credit or byline ("Image via X", "Photo: AFP", "By Jo Bloggs");
- ``NAME``    a user-name-like line: 1-5 words, no final punctuation;
- ``BODY``    everything else, scored *informal* (…, !, ?, you, I, lol, emoticons,
  ",no space", "soooo", lowercase start) or *formal* (20+ words ending in a full stop,
  with none of those marks: article prose).

A cut at line i is accepted when the lines from i on look like a comment section: i is
a HEADER, NAME or STAMP; the page before i has article prose; at most a third of the
bodies after i are formal, never three formal bodies in a row, and the first body is
not formal (unless i is a strong header); and there is enough comment evidence: a
header, or at least three name/stamp -> body units with informal bodies making up a
third of them. The earliest accepted i wins. Doubtful pages are left whole: cutting
an article is worse than keeping a comment.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass

__all__ = ["find_comment_section", "strip_comments"]


class Kind(enum.StrEnum):
    HEADER = "header"
    ACTION = "action"
    STAMP = "stamp"
    CAPTION = "caption"
    NAME = "name"
    BODY = "body"


_WORD = r"(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)"
_STRONG_HEADER = re.compile(
    r"^(?:" + _WORD + r"\s+(?:reader\s+)?(?:comments?|responses?|replies|thoughts?\s+on\b.*)"
    r"|(?:reader\s+)?comments?\s*[(\[]\s*\d+\s*[)\]]"
    r"|(?:leave|post|add|write|submit)\s+(?:a|your|the\s+first)\s+(?:reply|comment|response)\b.*"
    r"|(?:log|sign)\s*(?:in|up)\s+(?:to\s+)?(?:comment|reply|post\s+a\s+comment|join\s+the\s+discussion)\b.*"
    r"|you\s+must\s+be\s+logged\s+in\b.*"
    r"|comments?\s+(?:are\s+)?(?:now\s+)?closed\b.*"
    r"|(?:join|start)\s+the\s+(?:discussion|conversation)\b.*"
    r"|(?:show|view|load|see|read)\s+(?:all\s+)?(?:\d+\s+)?(?:more\s+)?comments?\b.*"
    r")$", re.I)
_WEAK_HEADER = re.compile(
    r"^(?:reader\s+|user\s+|latest\s+|top\s+)?(?:comments?|responses?|replies|discussion|conversation)\s*:?$", re.I)
_ACTION_WORDS = frozenset(
    "reply replies report flag upvote upvotes downvote vote votes permalink parent "
    "like likes share edit edited delete hide show more load collapse expand login "
    "log in sign follow points point cancel sort by best newest oldest top "
    "recommend recommended".split())
_STRONG_ACTION = frozenset("reply replies report flag upvote downvote vote votes permalink".split())
_AGO = re.compile(r"\b(?:\d+|an?|one|few)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago\b"
                  r"|\bjust\s+now\b|\byesterday\s+at\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?", re.I)
_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
                   r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
                   r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)
_CAPTION = re.compile(
    r"^(?:by|photo|photos|image|images|picture|pictures|video|source|credit|credits|courtesy|"
    r"related|read\s+more|see\s+also|file|copyright|caption|watch|listen|editing|reporting|writing)\b"
    r"|©|\b(?:via|photo|image|picture|credit|courtesy|getty|reuters|afp|epa|ap|illustrative|"
    r"screenshot|file\s+photo)\b", re.I)
_SAYS = re.compile(r"\s+(?:says|said|wrote|writes|replied|commented)\s*:?$", re.I)
_QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]|‘[^’]*’")
_INFORMAL = (
    (re.compile(r"…|\.\.\.|[!?]{2,}|\s[!?]"), 1),
    (re.compile(r"!"), 1),
    (re.compile(r"\?"), 1),
    (re.compile(r"\b(?:you|your|you're|you’re|yours|u|ur|ya|y'all)\b", re.I), 1),
    (re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|i|im)\b"), 1),
    (re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|omg|smh|wtf|imho|imo|btw|tbh|fyi)\b", re.I), 2),
    (re.compile(r"(?:^|\s)[:;=]-?[()DPp/|\\](?:\s|$)|\bxD\b|<3|[\U0001F300-\U0001FAFF\u2639\u263A]"), 2),
    (re.compile(r"[a-z][,;][a-zA-Z]|[a-z][.!?][A-Z][a-z]"), 1),
    (re.compile(r"^[a-z]"), 1),
    (re.compile(r"([a-zA-Z])\1{3,}"), 1),
    (re.compile(r"\b(?:dont|cant|wont|doesnt|isnt|didnt|thats|theyre|youre|aint|gonna|wanna)\b", re.I), 1),
)
_FINAL_PUNCT = ".!?:;,"
_TOKEN = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offset of the line in the text
    text: str
    kind: Kind
    informal: bool = False
    formal: bool = False
    strong: bool = False  # a strong header or a reply/report/vote widget
    handle: bool = False  # a name with digits, ™, @, _ or no capitals


def strip_comments(text: str) -> str:
    """``text`` without a trailing reader comment section (unchanged if there is none)."""
    cut = find_comment_section(text)
    return text if cut is None else text[:cut].rstrip()


def find_comment_section(text: str) -> int | None:
    """Offset where a trailing reader comment section starts, or None."""
    lines = classify(text)
    n = len(lines)
    if n < 4:
        return None
    # Suffix sums, so every candidate start costs O(1).
    bodies = [0] * (n + 1)
    formal = [0] * (n + 1)
    informal = [0] * (n + 1)
    units = [0] * (n + 1)
    signals = [0] * (n + 1)  # headers (x3), strong widgets, handles, stamps
    formal_run = [False] * (n + 1)  # three formal bodies in a row from here on
    run = 0
    for i in range(n - 1, -1, -1):
        ln = lines[i]
        is_body = ln.kind is Kind.BODY
        bodies[i] = bodies[i + 1] + is_body
        formal[i] = formal[i + 1] + (is_body and ln.formal)
        informal[i] = informal[i + 1] + (is_body and ln.informal)
        units[i] = units[i + 1] + (is_body and _after_meta(lines, i))
        sig = (3 if ln.kind is Kind.HEADER else 0) + (ln.kind is Kind.ACTION and ln.strong) \
            + (ln.kind is Kind.NAME and ln.handle) + (ln.kind is Kind.STAMP)
        signals[i] = signals[i + 1] + sig
        run = run + 1 if is_body and ln.formal else 0 if is_body or ln.kind is not Kind.CAPTION else run
        formal_run[i] = formal_run[i + 1] or run >= 3
    names: dict[str, int] = {}
    repeats = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        ln = lines[i]
        rep = 0
        if ln.kind is Kind.NAME:
            key = ln.text.casefold()
            names[key] = names.get(key, 0) + 1
            rep = names[key] == 2  # counted once, when seen the second time
        repeats[i] = repeats[i + 1] + rep

    prose_before = 0
    for i, ln in enumerate(lines):
        if prose_before >= 2 and ln.start >= 200 and ln.kind in (Kind.HEADER, Kind.NAME, Kind.STAMP):
            if _accept(lines, i, bodies[i], formal[i], informal[i], units[i],
                       signals[i] + repeats[i], formal_run[i]):
                return ln.start
        if ln.kind is Kind.BODY and len(ln.text.split()) >= 12:
            prose_before += 1
    return None


def _accept(lines: list[Line], i: int, bodies: int, formal: int, informal: int, units: int,
            signals: int, formal_run: bool) -> bool:
    first = lines[i]
    if formal_run or formal * 3 > bodies:
        return False
    strong_start = first.kind is Kind.HEADER and first.strong
    if not strong_start:
        first_body = next((ln for ln in lines[i:] if ln.kind is Kind.BODY), None)
        if first_body is not None and first_body.formal:
            return False
    if first.kind is Kind.HEADER:
        return signals + units + informal >= 4
    return units >= 3 and informal * 3 >= max(units, 3) and signals + units + informal >= 6


def _after_meta(lines: list[Line], i: int) -> bool:
    """Whether body line i follows a name or a timestamp (skipping widgets)."""
    j = i - 1
    while j >= 0 and lines[j].kind is Kind.ACTION:
        j -= 1
    return j >= 0 and lines[j].kind in (Kind.NAME, Kind.STAMP)


def classify(text: str) -> list[Line]:
    """Every non-blank line of ``text`` with its kind."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        s = raw.strip()
        if s:
            out.append(_classify_line(s, pos + raw.index(s[0])))
        pos += len(raw) + 1
    return out


def _classify_line(s: str, start: int) -> Line:
    words = s.split()
    if len(words) <= 12:
        if _STRONG_HEADER.match(s):
            return Line(start, s, Kind.HEADER, strong=True)
        if _WEAK_HEADER.match(s):
            return Line(start, s, Kind.HEADER)
        tokens = [t.lower() for t in _TOKEN.findall(s)]
        if tokens and all(t in _ACTION_WORDS for t in tokens) and len(tokens) <= 8:
            return Line(start, s, Kind.ACTION, strong=any(t in _STRONG_ACTION for t in tokens))
        if _AGO.search(s) or (_CLOCK.search(s) and _DATE.search(s)) or \
                (_CLOCK.search(s) and re.search(r"\d\s*(?:am|pm)\b", s, re.I) and len(words) <= 6):
            return Line(start, s, Kind.STAMP)
        if _CAPTION.search(s):
            return Line(start, s, Kind.CAPTION)
    name = _SAYS.sub("", s)
    if 1 <= len(name.split()) <= 5 and len(name) <= 40 and name[-1] not in _FINAL_PUNCT \
            and name[0] not in "“\"'‘«(-–—•*" and any(c.isalpha() for c in name) \
            and not _CLOCK.fullmatch(name.split()[0]):
        handle = bool(re.search(r"[\d™®@_#]|[a-z][A-Z]", name)) or name == name.lower() \
            or name.count("(") != name.count(")")
        return Line(start, s, Kind.NAME, handle=handle)
    bare = _QUOTED.sub(" ", s)
    score = sum(w for rx, w in _INFORMAL if rx.search(bare))
    informal = score >= 1
    formal = not informal and len(words) >= 20 and s[-1] in ".”\"’)"
    return Line(start, s, Kind.BODY, informal=informal, formal=formal)
