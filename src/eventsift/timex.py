"""Dates in news sentences, resolved against the article's publication date.

``find_times`` finds date expressions in one sentence and resolves each against an
``anchor`` (the publication date, dateparser's ``RELATIVE_BASE`` idea): explicit dates
("17 November 2015", "Nov. 24", "2015-11-19"), months ("in September 2015"), years
("in 2014"), weekdays ("on Tuesday", "last Friday", "Friday's attacks"), day words
("yesterday", "last night") and periods ("last week", "this month", "in the past four
days", "three days ago", "since last week").

Choice: a hand-written finder *and* resolver, not dateparser. ``dateparser.search`` costs
milliseconds a sentence, reads "may", "2 a.m." and bare counts as dates, and
``dateparser.parse`` resolves "last week" or "last month" to a single day, where event
coding needs a range with a precision. So precompiled regexes find the candidates and
plain calendar arithmetic resolves them (under 0.1 ms for a 30-word sentence).
dateparser is used only as the last fallback of :func:`parse_date_value`, for metadata
in forms the regexes do not know (other languages, odd layouts), where one call per
article is affordable.

Conventions (news usage, all anchored to the publication date ``A``):

- year-less date: the latest such date on or before ``A + 7 days`` (articles preview
  events a few days ahead); no anchor -> unresolved.
- weekday: the latest such weekday on or before ``A`` ("on Tuesday" in a Tuesday paper is
  that day); "last Friday" is strictly before ``A``; "next Friday" strictly after.
- "last night" and "yesterday": ``A - 1``; "overnight": ``A - 1 .. A``.
- "this week": Monday of A's week .. A; "earlier this week": Monday .. A - 1 (or Monday);
  "last week": the previous Monday .. Sunday; "past week": A - 7 .. A.
- "this month"/"this year": first day .. A (RANGE); "last month"/"last year": the whole
  previous calendar month (MONTH) / year (YEAR).
- "the past N days": A - (N - 1) .. A (N calendar days, today included); "N hours": A - ceil(N/24) .. A; weeks are 7 days;
  months and years are calendar steps. "few" = 3, "couple of" = 2, "several" = 7.
- "N days ago": that day; "N weeks ago": Monday .. Sunday of that week; "N months ago":
  that month; "N years ago": that year.
- "since X": X's start .. A (RANGE).
- "4/5/2017" in a sentence is read only when unambiguous (a part above 12); metadata
  columns (:func:`parse_date_value`) read M/D/YYYY, as the FA-KES corpus writes it.

A :class:`TimeRef` whose expression is a date but cannot be resolved (no anchor, invalid
day, ambiguous slashes) keeps ``span=None``; callers treat that as "date not known".
"""
from __future__ import annotations

import calendar
import email.utils
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from eventsift.model import DatePrecision, TimeSpan

log = logging.getLogger(__name__)

__all__ = ["TimeRef", "find_times", "normalize_time", "read_dateline", "parse_date_value"]

FUTURE_TOLERANCE_DAYS = 7
DATELINE_WINDOW = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeRef:
    """One date expression in a sentence: ``sentence[start:end] == text``."""
    start: int
    end: int
    text: str
    span: TimeSpan | None


# --------------------------------------------------------------------------- tables
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-eight": 48, "seventy-two": 72, "few": 3, "couple of": 2, "couple": 2,
    "several": 7,
}

_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON_ANY = _MON_FULL + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MON = rf"(?P<mon>(?:{_MON_ANY})\b\.?)"
_WD_FULL = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD_PREFIX = rf"(?:(?:{_WD_FULL}),?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_DAY2 = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]))?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d:])"
_NUMW = r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-eight|seventy-two|few|couple\s+of|several)"
_TOD = r"(?:\s+(?i:morning|afternoon|evening|night))?"


def _compile(case_insensitive_months: bool) -> list[tuple[str, re.Pattern[str]]]:
    """The candidate finders, in no particular order (overlaps are settled later)."""
    mon = _MON if not case_insensitive_months else f"(?i:{_MON})"
    pats = [
        ("iso", r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
        ("slash", r"(?<![\d/.-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])"),
        ("dmy", rf"\b{_WD_PREFIX}(?<![\d.,-]){_DAY}{_DAY2}\s+(?:of\s+)?{mon}(?:,?\s+{_YEAR})?"),
        ("mdy", rf"\b{_WD_PREFIX}{mon}\s+{_DAY}{_DAY2}(?:,?\s+{_YEAR})?"),
        ("my", rf"(?:(?P<mod>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of))[\s-]+)?\b{mon},?\s+{_YEAR}"),
        ("mon", rf"\b(?:(?P<mod>(?i:early|mid|late|last|this|next))[\s-]+|(?i:in|by|of|since|until|during|through|throughout|from|before|after)\s+(?:(?P<mod2>(?i:early|mid|late))[\s-]+)?)(?P<mon>{_MON_FULL})\b(?!\s*\d)"),
        ("year", r"\b(?:(?i:in|by|of|since|until|during|throughout|from|before|after)\s+(?:the\s+year\s+)?|(?P<mod>(?i:early|mid|late))[\s-]+)(?P<year>(?:19|20)\d\d)(?![\d,.:]\d|\s*(?:-|–|/)\s*\d|%|\s+(?!(?:and|alone|to|when|as|after|before|until|in|on|at|the|a|an|by|for|with|that|which|while|he|she|it|they|we|was|is|has|had|saw|also)\b)[a-z]+s\b)"),
        ("relday", r"\b(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|overnight|earlier\s+today)\b"),
        ("weekday", rf"\b(?:(?P<mod>(?i:last|this|next|past|early|late|on))\s+)?(?P<wd>{_WD_FULL})\b(?:'s|’s)?{_TOD}"),
        ("period", r"\b(?P<mod>(?i:(?:earlier|later)\s+this|this|last|the\s+past|past|the\s+previous|previous|the\s+last|next))\s+(?P<unit>(?i:week|weekend|month|year))\b"),
        ("pastn", rf"\b(?i:the\s+(?:past|last|previous))\s+{_NUMW}\s+(?P<unit>(?i:hours?|days?|weeks?|months?|years?))\b"),
        # "launched 101 missiles in four days": a span ending at the report (the future
        # reading, "will withdraw in two days", belongs to planned events, which are dropped)
        ("pastn", rf"\b(?i:in|within|over)\s+{_NUMW}\s+(?P<unit>(?i:hours?|days?|weeks?))\b(?!\s+(?i:ago|later|earlier|before|after))"),
        ("recent", r"\b(?i:in\s+recent)\s+(?P<unit>(?i:days|weeks|months))\b"),
        ("ago", rf"\b{_NUMW}\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+ago\b"),
    ]
    return [(kind, re.compile(p)) for kind, p in pats]


_FINDERS = _compile(case_insensitive_months=False)
_FINDERS_CI = _compile(case_insensitive_months=True)
_SINCE = re.compile(r"(?i:\bsince)\s+$")
_NUM_WORD_UNITS = {"hour": 1, "day": 1, "week": 7}


# ------------------------------------------------------------------- calendar helpers
def _valid(y: int, m: int, d: int) -> date | None:
    if 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]:
        return date(y, m, d)
    return None


def _month_span(y: int, m: int, text: str) -> TimeSpan:
    last = calendar.monthrange(y, m)[1]
    return TimeSpan(start=date(y, m, 1), end=date(y, m, last), precision=DatePrecision.MONTH, text=text)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _day(d: date, text: str) -> TimeSpan:
    return TimeSpan(start=d, end=d, precision=DatePrecision.DAY, text=text)


def _range(a: date, b: date, text: str) -> TimeSpan:
    if b < a:
        a, b = b, a
    return TimeSpan(start=a, end=b, precision=DatePrecision.DAY if a == b else DatePrecision.RANGE, text=text)


def _yearless(m: int, d: int, anchor: date | None) -> date | None:
    """Latest valid (month, day) on or before anchor + tolerance."""
    if anchor is None:
        return None
    limit = anchor + timedelta(days=FUTURE_TOLERANCE_DAYS)
    for y in (limit.year, limit.year - 1, limit.year - 2, limit.year - 3, limit.year - 4):
        cand = _valid(y, m, d)
        if cand is not None and cand <= limit:
            return cand
    return None


def _count(s: str) -> int | None:
    s = " ".join(s.lower().split())
    if s.isdigit():
        return int(s)
    return _SMALL.get(s)


# ------------------------------------------------------------------------ resolvers
def _resolve(kind: str, m: re.Match[str], anchor: date | None, text: str) -> TimeSpan | None:
    g = m.groupdict()
    if kind == "iso":
        d = _valid(int(g["year"]), int(g["m"]), int(g["day"]))
        return _day(d, text) if d else None
    if kind == "slash":
        a, b, y = int(g["a"]), int(g["b"]), int(g["year"])
        if a > 12 >= b:
            d = _valid(y, b, a)
        elif b > 12 >= a or a == b:
            d = _valid(y, a, b)
        else:
            return None  # 4/5/2017 in running text: could be April or May
        return _day(d, text) if d else None
    if kind in ("dmy", "mdy"):
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        day, day2 = int(g["day"]), g.get("day2")
        if g.get("year"):
            d1 = _valid(int(g["year"]), mon, day)
        else:
            d1 = _yearless(mon, day, anchor)
        if d1 is None:
            return None
        if day2 is not None:
            d2 = _valid(d1.year, mon, int(day2))
            if d2 is None or d2 < d1:
                return None
            return _range(d1, d2, text)
        return _day(d1, text)
    if kind == "my":
        return _month_span(int(g["year"]), _MONTHS[g["mon"].rstrip(".").lower()], text)
    if kind == "year":
        y = int(g["year"])
        return TimeSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision=DatePrecision.YEAR, text=text)
    if anchor is None:
        return None
    if kind == "mon":
        mon = _MONTHS[g["mon"].lower()]
        mod = (g.get("mod") or "").strip(" -").lower()
        y = anchor.year if mon <= anchor.month else anchor.year - 1
        if mod == "last" and mon == anchor.month:
            y -= 1
        elif mod == "next":
            y = anchor.year if mon > anchor.month else anchor.year + 1
        return _month_span(y, mon, text)
    if kind == "relday":
        low = " ".join(text.lower().split())
        if low == "the day before yesterday":
            return _day(anchor - timedelta(days=2), text)
        if low in ("yesterday", "last night"):
            return _day(anchor - timedelta(days=1), text)
        if low == "overnight":
            return _range(anchor - timedelta(days=1), anchor, text)
        return _day(anchor, text)
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        mod = (g.get("mod") or "").lower()
        back = (anchor.weekday() - wd) % 7
        if mod == "next":
            return _day(anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7), text)
        if mod in ("last", "past") and back == 0:
            back = 7
        return _day(anchor - timedelta(days=back), text)
    if kind == "period":
        mod = " ".join(g["mod"].lower().split()).replace("the ", "")
        unit = g["unit"].lower()
        monday = anchor - timedelta(days=anchor.weekday())
        if unit == "week":
            if mod == "this":
                return _range(monday, anchor, text)
            if mod == "earlier this":
                return _range(monday, max(monday, anchor - timedelta(days=1)), text)
            if mod == "later this":
                return _range(anchor, monday + timedelta(days=6), text)
            if mod == "last":
                return _range(monday - timedelta(days=7), monday - timedelta(days=1), text)
            if mod in ("past", "previous"):
                return _range(anchor - timedelta(days=7), anchor, text)
            if mod == "next":
                return _range(monday + timedelta(days=7), monday + timedelta(days=13), text)
            return None
        if unit == "weekend":
            sunday = monday + timedelta(days=6)
            if mod in ("last", "past", "previous"):
                sunday = anchor - timedelta(days=(anchor.weekday() + 1) % 7 or 7)
            elif mod == "next":
                sunday += timedelta(days=7)
            elif mod not in ("this",):
                return None
            return _range(sunday - timedelta(days=1), sunday, text)
        if unit == "month":
            first = anchor.replace(day=1)
            if mod == "this":
                return _range(first, anchor, text)
            if mod == "earlier this":
                return _range(first, max(first, anchor - timedelta(days=1)), text)
            if mod == "last":
                prev = _add_months(first, -1)
                return _month_span(prev.year, prev.month, text)
            if mod in ("past", "previous"):
                return _range(_add_months(anchor, -1), anchor, text)
            if mod == "next":
                nxt = _add_months(first, 1)
                return _month_span(nxt.year, nxt.month, text)
            return None
        # year
        if mod in ("this", "earlier this"):
            return _range(date(anchor.year, 1, 1), anchor, text)
        if mod == "last":
            y = anchor.year - 1
            return TimeSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision=DatePrecision.YEAR, text=text)
        if mod in ("past", "previous"):
            return _range(_add_months(anchor, -12), anchor, text)
        return None
    if kind in ("pastn", "recent", "ago"):
        n = _count(g["n"]) if kind != "recent" else 1
        unit = g["unit"].lower().rstrip("s")
        if n is None or n > 10000:
            return None
        if kind == "recent":
            days = {"day": 7, "week": 28, "month": 92}[unit]
            return _range(anchor - timedelta(days=days), anchor, text)
        if kind == "pastn":
            if unit == "hour":
                return _range(anchor - timedelta(days=-(-n // 24)), anchor, text)
            if unit in ("day", "week"):
                # "the past four days" in a paper of the 20th: the 17th, 18th, 19th and 20th
                return _range(anchor - timedelta(days=max(n * _NUM_WORD_UNITS[unit] - 1, 0)), anchor, text)
            return _range(_add_months(anchor, -n * (12 if unit == "year" else 1)), anchor, text)
        # ago
        if unit == "hour":
            return None
        if unit == "day":
            return _day(anchor - timedelta(days=n), text)
        if unit == "week":
            then = anchor - timedelta(days=7 * n)
            monday = then - timedelta(days=then.weekday())
            return _range(monday, monday + timedelta(days=6), text)
        if unit == "month":
            then = _add_months(anchor, -n)
            return _month_span(then.year, then.month, text)
        y = anchor.year - n
        return TimeSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision=DatePrecision.YEAR, text=text)
    return None


def _as_date(anchor: date | None) -> date | None:
    return anchor.date() if isinstance(anchor, datetime) else anchor


def _find(sentence: str, anchor: date | None, finders: list[tuple[str, re.Pattern[str]]]) -> list[TimeRef]:
    cands: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, rx in finders:
        for m in rx.finditer(sentence):
            start = m.start()
            if kind in ("mon", "year", "weekday"):
                firsts = [m.start(k) for k in ("mod", "mod2", "mon", "year", "wd")
                          if k in rx.groupindex and m.group(k)
                          and not (k == "mod" and kind == "weekday" and m.group(k).lower() == "on")]
                start = min(firsts)
            cands.append((start, m.end(), kind, m))
    cands.sort(key=lambda c: (c[0], c[0] - c[1]))
    refs: list[TimeRef] = []
    last_end = -1
    for start, end, kind, m in cands:
        if start < last_end:
            continue
        text = sentence[start:end]
        span = _resolve(kind, m, anchor, text)
        since = _SINCE.search(sentence, max(0, start - 20), start)
        if since and span is not None and anchor is not None and span.start <= anchor:
            start = since.start()
            text = sentence[start:end]
            span = _range(span.start, anchor, text)
        refs.append(TimeRef(start=start, end=end, text=text, span=span))
        last_end = end
    return refs


# ----------------------------------------------------------------------- public API
def find_times(sentence: str, *, anchor: date | None) -> list[TimeRef]:
    """Every date expression in ``sentence``, left to right, resolved against ``anchor``.

    >>> [r.span.start.isoformat() for r in find_times("Jets struck on Tuesday.", anchor=date(2015, 11, 20))]
    ['2015-11-17']
    """
    return _find(sentence, _as_date(anchor), _FINDERS)


def normalize_time(text: str, *, anchor: date | None) -> TimeSpan | None:
    """The first resolvable date expression in ``text`` as a TimeSpan, else None."""
    for ref in find_times(text, anchor=anchor):
        if ref.span is not None:
            return ref.span
    return None


_DATELINE_NOISE = re.compile(
    r"(?i)\b(?:\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?|gmt|utc|bst|cet|edt|est|[+-]\d{4}"
    r"|published|updated|last|posted|on|at|by|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w*)\b|[|,.:;()\[\]/–—-]")
_WIRE = re.compile(
    r"^\s*[A-Z][A-Za-z .'’-]{1,40},?\s*(?:[A-Z][a-z]+\s*,\s*)?(?P<date>(?i:(?:" + _MON_ANY + r")\b\.?)\s+\d{1,2}(?:,?\s+(?:19|20)\d\d)?)"
    r"\s*\((?:Reuters|AP|AFP|Xinhua|IANS|Anadolu|AA|dpa|UPI|PTI|[A-Z][A-Za-z ]{1,25})\)")


def read_dateline(text: str, *, anchor: date | None = None) -> date | None:
    """The publication date written at the top of an article, if there is one.

    Looks at the first 200 characters only: a line holding a full date and little else
    ("Wed 05 Apr 2017", "Sun 12 Mar 2017 | 14:22 GMT", "Reuters Wednesday 25 Feb 2015"),
    or a wire dateline ("BEIRUT, Oct 3 (Reuters) -"); a year-less wire date needs
    ``anchor`` (e.g. a file date) to pick the year, else None.
    """
    head = text[:DATELINE_WINDOW]
    anchor = _as_date(anchor)
    wire = _WIRE.search(head)
    if wire:
        refs = _find(wire.group("date"), anchor, _FINDERS_CI)
        if refs and refs[0].span is not None and refs[0].span.precision is DatePrecision.DAY:
            return refs[0].span.start
    for line in head.splitlines():
        for ref in _find(line, None, _FINDERS_CI):
            span = ref.span
            if span is None or span.precision is not DatePrecision.DAY:
                continue
            rest = _DATELINE_NOISE.sub(" ", line[:ref.start] + " " + line[ref.end:])
            if len(rest.split()) <= 3:
                return span.start
    return None


_MDY_SLASH = re.compile(r"^\s*(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)(?:[ T,].*)?$")
_ISO_PREFIX = re.compile(r"^\s*(?P<y>\d{4})-?(?P<m>\d\d)-?(?P<d>\d\d)(?:$|[T ,]|\s)")


def parse_date_value(s: str) -> date | None:
    """A date from a metadata column; None when the value holds no date. Never raises.

    Reads ISO dates and timestamps, M/D/YYYY (US order, as FA-KES writes it), written
    dates ("Apr 5, 2017", "5 April 2017"), RFC 2822 ("Wed, 05 Apr 2017 10:00:00 +0000"),
    and as a last resort asks dateparser (other languages), with a full date required.
    """
    if not isinstance(s, str):
        return None
    s = s.strip()
    if not s or len(s) > 200:
        return None
    m = _ISO_PREFIX.match(s)
    if m:
        return _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _MDY_SLASH.match(s)
    if m:
        y = int(m["y"])
        if y < 100:
            y += 2000 if y < 70 else 1900
        return _valid(y, int(m["m"]), int(m["d"]))
    for ref in _find(s, None, _FINDERS_CI):
        if ref.span is not None and ref.span.precision is DatePrecision.DAY:
            return ref.span.start
    parsed = email.utils.parsedate(s)
    if parsed is not None and 1900 <= parsed[0] <= 2099:
        return _valid(parsed[0], parsed[1], parsed[2])
    if not re.search(r"\d{4}", s):
        return None  # no year: nothing for dateparser to pin
    import dateparser  # lazy: 0.5 s to import, needed only for unusual metadata

    try:
        dt = dateparser.parse(s, settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                           "STRICT_PARSING": True})
    except (ValueError, OverflowError, TypeError, LookupError) as e:
        log.debug("dateparser could not read %r: %s", s, e)
        return None
    return dt.date() if dt is not None else None
