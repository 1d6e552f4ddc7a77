"""Where an article's report begins: past page stamps, datelines and a repeated headline.

News pages open with what is not the report ("01-06-2016", "Last updated at Apr 152017",
"Get short URL", the headline again): evidence starts after them.
"""
from __future__ import annotations

import re

from eventsift.model import DatePrecision
from eventsift.timex import find_times

DATELINE_LABEL = re.compile(r"^\s*(?:(?:published|posted|updated|last updated|date of publication)(?:\s+(?:on|at))?\s*:?\s*)?",
                            re.IGNORECASE)
# Page stamps that timex does not read as dates: "01-06-2016", "21.05.2017", and a month
# with day and year run together ("Apr 152017"), each with the page furniture that follows
# ("(updated 2139 21.05.2017)", "Get short URL 0 67", "at 1514").
NUMERIC_STAMP = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{4}|[A-Z][a-z]{2,8}\.? \d{5,6}\b")
STAMP_TAIL = re.compile(r"(?:\s*\(updated[^)]{0,40}\)|\s*\)|\s*Get short URL(?:\s+\d+)*|\s+at\s+\d{3,4}\b"
                        r"|[ \t|\-–—,:]+)*")
# Words that put a date inside the story's prose ("on 3 June 2020", "since May 2019"); a
# date with none of them before it, mid-way through a page's first line, is a stamp
# between the headline and the lead ("... in Syrias Aleppo Monitor AFP Tuesday 21 Jul 2015 A missile ...").
PROSE_BEFORE_DATE = frozenset("on of in since until till from by before after to at and or the last this".split())


def _stamp_end(text: str, end: int) -> int:
    m = STAMP_TAIL.match(text, end)
    return m.end() if m else end


def dateline_end(text: str) -> int:
    """Where a date written at the very top of the text ends ("Wed 19 Apr 2017 ...",
    "Published April 2 2017 ...", "01-06-2016 ...", "Headline AFP Tuesday 21 Jul 2015 Lead"),
    or 0: the dateline is the page's, not the sentence's."""
    label = DATELINE_LABEL.match(text)
    skip = label.end() if label else 0
    head = text[skip: skip + 60]
    stamp = NUMERIC_STAMP.match(head)
    if stamp is not None:
        return _stamp_end(text, skip + stamp.end())
    for ref in find_times(head, anchor=None):
        if ref.start <= 4 and ref.span is not None and ref.span.precision is DatePrecision.DAY:
            return _stamp_end(text, skip + ref.end)
        break
    return _headline_stamp_end(text)


def _headline_stamp_end(text: str) -> int:
    """After a headline, a page may print its source and date before the lead, all in one
    run-on first line: the lead starts after that date, if a lead follows."""
    head = text[:250]
    for ref in find_times(head, anchor=None):
        if ref.span is None or ref.span.precision is not DatePrecision.DAY or ref.start < 10:
            continue
        before = head[:ref.start].split()
        if not before or before[-1].lower().strip(",") in PROSE_BEFORE_DATE:
            continue
        end = _stamp_end(text, ref.end)
        if len(text[end:].split()) >= 5:
            return end
    return 0


TITLE_SUFFIX = re.compile(r"\s+(?:\||-|–|—)\s+.*$")


def headline_end(text: str, title: str | None) -> int:
    """A page whose text opens with its own headline, run on into the lead with no stop
    ("Air raids kill 31 jihadists in Syrias Raqa NGO At least 31 militants were killed ..."):
    the lead, not the headline, is the report's evidence; a source and date stamp after the
    headline go with it. 0 when the text does not open with the title or nothing follows."""
    if not title:
        return 0
    words = TITLE_SUFFIX.sub("", title).split()  # "... | Jordan Times", "... - Ahram Online"
    if len(words) < 4:
        return 0
    pattern = r"\s*" + r"\s+".join(re.escape(w) for w in words) + r"\b"
    m = re.match(pattern, text, re.IGNORECASE)
    if m is None or text[m.end(): m.end() + 1] in (",", ";"):
        return 0  # the headline is the lead's own opening words: "..., officials said."
    end = _stamp_end(text, m.end())
    head = text[end:]
    stamp = dateline_end(head)
    end += stamp if stamp and stamp < 60 else 0
    rest = text[end:]
    # a new sentence must follow, not the rest of the headline's own clause
    return end if len(rest.split()) >= 5 and (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] == '"') else 0
