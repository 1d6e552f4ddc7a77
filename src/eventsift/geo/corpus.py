"""Readers for the geoparsing corpora researchers score against: GeoWebNews, LGL, TR-News.

Two XML layouts are read:

- GeoWebNews: ``<article file="N"><text/><toponyms><toponym>`` with ``start``, ``end``,
  ``extractedName``, ``geonamesID``, ``latitude``, ``longitude``;
- LGL and TR-News: ``<article docid="N"><text/><toponyms><toponym>`` with ``start``,
  ``end``, ``phrase`` and an optional ``<gaztag geonameid="...">`` holding ``lat``/``lon``.

Offsets are character offsets into ``<text>``. A toponym without coordinates is kept
(``lat``/``lon`` None): it is a span to find, not one to place.

>>> docs = list(read_corpus(Path("tiny.xml")))  # doctest: +SKIP
>>> docs[0].toponyms[0].text                     # doctest: +SKIP
'Alexandria'
"""
from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventsift.errors import IngestError
from eventsift.geo.gazetteer import Gazetteer

__all__ = ["CorpusDoc", "GoldToponym", "geoparse_file", "read_corpus"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldToponym:
    """A toponym span a corpus marks, with its gold point where the corpus gives one.

    ``text`` is the name as the corpus spells it, which is not always ``text[start:end]``.
    """
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpusDoc:
    """One article of a geoparsing corpus."""
    id: str
    text: str
    title: str = ""
    toponyms: tuple[GoldToponym, ...] = ()


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def _toponym(el: ET.Element, text: str) -> GoldToponym | None:
    start, end = _int(el.findtext("start")), _int(el.findtext("end"))
    if start is None or end is None or not 0 <= start < end:
        return None
    gaz = el.find("gaztag")
    if gaz is not None:
        lat, lon, gid = _float(gaz.findtext("lat")), _float(gaz.findtext("lon")), _int(gaz.get("geonameid"))
    else:
        lat, lon = _float(el.findtext("latitude")), _float(el.findtext("longitude"))
        gid = _int(el.findtext("geonamesID"))
    phrase = " ".join((el.findtext("phrase") or el.findtext("extractedName") or "").split())
    here = " ".join(text[start:end].split())
    # some articles' offsets drift from their text; the span keeps the corpus's offsets (they
    # are the key scorers use) and its text is the phrase the corpus gives
    return GoldToponym(start=start, end=end, text=phrase if phrase and phrase != here else text[start:end],
                       lat=lat, lon=lon, geonames_id=gid)


def read_corpus(path: Path) -> Iterator[CorpusDoc]:
    """The articles of a GeoWebNews, LGL or TR-News XML file, in file order."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise IngestError(str(path), "malformed",
                          f"cannot read the corpus ({e}); expected GeoWebNews, LGL or TR-News XML") from None
    articles = root.findall("article") if root.tag != "article" else [root]
    if not articles:
        raise IngestError(str(path), "empty", "no <article> elements; expected GeoWebNews, LGL or TR-News XML")
    for n, art in enumerate(articles):
        doc_id = art.get("file") if art.get("file") is not None else art.get("docid")
        doc_id = str(n) if doc_id is None else doc_id.strip()
        text = art.findtext("text") or ""
        tops = (_toponym(el, text) for el in art.iter("toponym"))
        kept = tuple(sorted((t for t in tops if t is not None), key=lambda t: (t.start, t.end)))
        yield CorpusDoc(id=doc_id, text=text, title=(art.findtext("title") or "").strip(), toponyms=kept)


def geoparse_file(path: Path, output: Path, *, gold_spans: bool, gazetteer: Gazetteer | None = None,
                  model: str | None = None, batch_size: int = 16) -> int:
    """Geoparse every article of a corpus file into ``output`` (JSONL, one line per toponym:
    doc, start, end, text, lat, lon, geonames_id, country, precision); returns the lines written.

    ``gold_spans``: place the toponyms the corpus marks with coordinates (resolution alone is
    measured); otherwise find toponyms with the spaCy pipeline ``model`` and the gazetteer.
    """
    from eventsift.geo.geoparse import find_toponyms, geoparse

    gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()
    docs = list(read_corpus(path))
    if gold_spans:
        spans = [[t for t in d.toponyms if t.lat is not None] for d in docs]
        found = [([(t.start, t.end) for t in s], [t.text for t in s]) for s in spans]
    else:
        from eventsift.nlp import DEFAULT_MODEL, build_nlp

        nlp = build_nlp(model or DEFAULT_MODEL)
        found = [(find_toponyms(parsed, gazetteer=gazetteer), None)
                 for parsed in nlp.pipe((d.text for d in docs), batch_size=batch_size)]
    n = 0
    with output.open("w", encoding="utf-8") as f:
        for doc, (spans_, names) in zip(docs, found):
            for t in geoparse(doc.text, spans_, gazetteer=gazetteer, names=names):
                p = t.place
                f.write(json.dumps({"doc": doc.id, "start": t.start, "end": t.end, "text": t.text,
                                    "lat": p.lat if p else None, "lon": p.lon if p else None,
                                    "geonames_id": p.geonames_id if p else None,
                                    "country": p.country if p else None,
                                    "precision": p.precision.value if p else None}, ensure_ascii=False) + "\n")
                n += 1
    log.info("%s: %d toponyms in %d articles", path, n, len(docs))
    return n
