"""Plain-text articles, and the helpers every reader uses to build an ``Article``.

A ``.txt`` file is a title line and a body: the first non-empty line is the title when
it reads like one (short, no final full stop), otherwise the file has no title and the
whole of it is the body. ``Article.text`` never contains the title line, so evidence
offsets count from the first body character.
"""
from __future__ import annotations

import email.utils
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from eventsift.errors import IngestError
from eventsift.ingest.comments import strip_comments
from eventsift.model import Article

log = logging.getLogger(__name__)

_MANY_BLANKS = re.compile(r"\n{3,}")
_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    """Metadata an input supplies for an article (manifest line, record fields)."""
    id: str | None = None
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None

    def over(self, other: Meta | None) -> Meta:
        """These values, with ``other``'s filling the gaps."""
        if other is None:
            return self
        return Meta(**{f: getattr(self, f) if getattr(self, f) is not None else getattr(other, f)
                       for f in _META_FIELDS})


_META_FIELDS = ("id", "title", "published", "source", "url", "language")


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _MANY_BLANKS.sub("\n\n", text).strip("\n")


def content_hash(text: str) -> str:
    """sha256 of the whitespace-normalised, casefolded text: equal for duplicates."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()


def parse_date(value: object) -> date | None:
    """A metadata date: ISO 8601, M/D/YYYY, RFC 2822, or what dateparser reads strictly.

    >>> parse_date("4/5/2017")
    datetime.date(2017, 4, 5)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        if m := _MDY.match(s):
            return date(int(m[3]), int(m[1]), int(m[2]))
        if m := _YMD.match(s):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    if len(s) > 64 or not any(c.isdigit() for c in s):
        return None  # not a metadata date; dateparser would guess
    import dateparser  # slow to import; only for unusual metadata dates

    try:
        parsed = dateparser.parse(s, languages=["en"], settings={
            "STRICT_PARSING": True, "DATE_ORDER": "MDY", "RETURN_AS_TIMEZONE_AWARE": False})
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


def looks_like_title(line: str) -> bool:
    """A headline: at most 30 words and 250 characters, not ending in a full stop."""
    line = line.strip()
    return 0 < len(line) <= 250 and len(line.split()) <= 30 and not line.endswith(".")


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body) of a normalised plain-text page."""
    first, _, rest = text.partition("\n")
    if looks_like_title(first) and rest.strip():
        return first.strip(), rest.strip("\n")
    return None, text


def clean_str(s: str) -> str:
    """``s`` without lone surrogates (JSON's ``"\\ud800"``), which no UTF-8 store can hold."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return s.encode("utf-8", "replace").decode("utf-8")
    return s


def build_article(body: str, meta: Meta, *, origin: str, remove_comments: bool = True) -> Article:
    """An Article from a body text and its metadata; ``meta.id`` must be set."""
    text = normalize_text(clean_str(body))
    origin = clean_str(origin)
    meta = Meta(**{f: clean_str(v) if isinstance(v := getattr(meta, f), str) else v for f in _META_FIELDS})
    if remove_comments:
        kept = strip_comments(text)
        if len(kept) < len(text):
            log.info("%s: cut a reader comment section of %d chars", meta.id, len(text) - len(kept))
        text = kept
    if not text.strip():
        raise IngestError(origin, "empty", "no article text")
    assert meta.id is not None
    return Article(id=meta.id, text=text, title=meta.title, published=meta.published,
                   source=meta.source, url=meta.url, language=meta.language or "en",
                   origin=origin, content_hash=content_hash(text))


def parse_text(raw: str, meta: Meta, *, origin: str, remove_comments: bool = True) -> Article:
    """A plain-text page: title line, then body."""
    title, body = split_title(normalize_text(raw))
    return build_article(body, meta.over(Meta(title=title)), origin=origin,
                         remove_comments=remove_comments)
