"""Which language is an article in? Detected offline from its text.

    >>> detector = LanguageDetector.load()                       # doctest: +SKIP
    >>> detector.detect("Über 12 Tote bei Luftangriffen auf die Stadt Rakka gemeldet")  # doctest: +SKIP
    'de'

The detector is py3langid (a maintained fork of langid.py whose Naive Bayes model over
byte n-grams ships inside the package: 97 languages, no download, a few milliseconds
an article). It answers only when it is sure: the text must have at least
``min_letters`` letters and the top language a normalised probability of at least
``min_confidence`` (or, for a text mostly in non-Latin letters, be other than English). Otherwise the language the input declares stands (manifest,
record field, the page's ``lang``), and failing that ``"en"``. A sure detection wins
over a declaration, because scraped pages often declare their site's language, not
the article's.
"""
from __future__ import annotations

import dataclasses
import logging
from typing import Any

from eventsift.model import Article

log = logging.getLogger(__name__)

SAMPLE_CHARS = 4000  # the start of an article says what language it is in


@dataclasses.dataclass(frozen=True, slots=True)
class LanguageDetector:
    """A loaded language identifier. Load once with :meth:`load`; ``detect`` is pure."""
    identifier: Any
    min_letters: int = 40
    min_confidence: float = 0.9

    @classmethod
    def load(cls, *, min_letters: int = 40, min_confidence: float = 0.9) -> LanguageDetector:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        return cls(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True),
                   min_letters=min_letters, min_confidence=min_confidence)

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of the language of ``text``, or None when unsure."""
        sample = text[:SAMPLE_CHARS]
        if sum(c.isalpha() for c in sample) < self.min_letters:
            return None
        lang, prob = self.identifier.classify(sample)
        if prob >= self.min_confidence:
            return str(lang)
        # Mostly non-Latin letters (Arabic, Cyrillic, CJK ...): not English whatever the
        # margin between the classifier's neighbouring guesses.
        letters = [c for c in sample if c.isalpha()]
        latin = sum(1 for c in letters if ord(c) < 0x250)
        return str(lang) if latin < len(letters) / 2 and lang != "en" else None

    def label(self, article: Article) -> Article:
        """``article`` with ``language`` set to the detected one, where detection is sure."""
        found = self.detect(article.text)
        if found is None or found == article.language:
            return article
        log.info("%s: text is in %r (declared %r)", article.id, found, article.language)
        return dataclasses.replace(article, language=found)
