"""Recognise an article seen before: the same text, or a syndicated copy of it.

Exact duplicates share ``Article.content_hash`` (the casefolded, whitespace-normalised
text). Near-duplicates (a wire story republished with its own headline, dateline or
trailing credit line, a typo fixed) are found in two steps:

1. **Candidates, by MinHash LSH** (datasketch, the maintained reference implementation
   of Broder's MinHash and the banding index of *Mining of Massive Datasets* ch. 3):
   each text becomes the set of its 5-word shingles, summarised in a 64-value MinHash;
   16 bands of 4 values put a pair whose shingle Jaccard is 0.75 in the same bucket
   with probability 0.998, and one whose Jaccard is 0.2 with probability 0.03. The
   sketch is what the store keeps per article (256 bytes), so a new run never
   re-reads old texts.
2. **Verification, on the words themselves** (:func:`is_copy`): the shorter text's
   words must be 90% found, in order, in the longer (``difflib``); no change in the
   middle of the text may touch a number or a date word, and none at its start or
   end may replace one with another. A copy that changes a death toll or a
   date is a different report, kept as its own article, so the disagreement shows in
   the event's conflicts instead of vanishing. Texts over 20,000 words, or too
   repetitive to align quickly, need 95% shared shingles and the same figures instead.

    >>> index = CopyIndex()
    >>> index.add("a1", fingerprint(text))                     # doctest: +SKIP
    >>> index.find(copy_text, text_of=lambda doc_id: texts[doc_id])  # doctest: +SKIP
    'a1'
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable

import numpy as np

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS, ROWS = 16, 4
MIN_WORDS = 25  # shorter texts are compared by their hash only: too little to tell a copy
MIN_MATCHED = 0.9  # share of the shorter text's words found, in order, in the longer
MIN_LENGTH_RATIO = 0.5  # a brief inside a long story is not a copy of it
MAX_ALIGN_WORDS = 20_000  # longer texts are compared by shingles only
_SEED = 1
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")
# Words that state a figure or a date: a copy may not change them.
_NUMBERISH = re.compile(r"\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                        r"forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|"
                        r"dozens|million|scores|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"yesterday|today|tonight|overnight|january|february|march|april|may|june|july|august|"
                        r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(toks: list[str]) -> set[bytes]:
    if len(toks) < SHINGLE_WORDS:
        return {" ".join(toks).encode("utf-8")}
    return {" ".join(toks[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(toks) - SHINGLE_WORDS + 1)}


def fingerprint(text: str) -> bytes:
    """The MinHash of ``text``'s word shingles, as bytes to store."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    m.update_batch(sorted(shingles(words(text))))
    return np.asarray(m.hashvalues, dtype=np.uint32).tobytes()


def is_copy(a: str, b: str) -> bool:
    """Whether the texts ``a`` and ``b`` are one report (see the module docstring)."""
    ta, tb = words(a), words(b)
    short, long_ = sorted((len(ta), len(tb)))
    if short < MIN_WORDS or short < MIN_LENGTH_RATIO * long_:
        return False
    sa, sb = shingles(ta), shingles(tb)
    if len(sa & sb) < 0.6 * min(len(sa), len(sb)):
        return False  # cheap reject before the word alignment
    if max(len(ta), len(tb)) > MAX_ALIGN_WORDS or len(set(ta)) < 0.1 * len(ta):
        # Too long, or too repetitive, to align in reasonable time (difflib is quadratic
        # there): near-total shingle overlap and the same figures instead.
        return (len(sa & sb) >= 0.95 * min(len(sa), len(sb))
                and Counter(w for w in ta if _NUMBERISH.search(w)) == Counter(w for w in tb if _NUMBERISH.search(w)))
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    if sum(blk.size for blk in sm.get_matching_blocks()) < MIN_MATCHED * short:
        return False
    ops = sm.get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        num_a = any(_NUMBERISH.search(w) for w in ta[i1:i2])
        num_b = any(_NUMBERISH.search(w) for w in tb[j1:j2])
        if k == 0 or k == len(ops) - 1:
            # At the start or end, one side may add a headline, dateline or credit line
            # with numbers in it; numbers on both sides are a changed figure.
            if num_a and num_b:
                return False
        elif num_a or num_b:
            return False
    return True


class CopyIndex:
    """The articles kept so far, by MinHash, for finding copies among new ones."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))

    def __len__(self) -> int:
        return len(self._lsh.keys)

    def add(self, doc_id: str, print_: bytes) -> None:
        if doc_id not in self._lsh:
            self._lsh.insert(doc_id, _minhash(print_))

    def find(self, text: str, *, text_of: Callable[[str], str | None], print_: bytes | None = None) -> str | None:
        """The id of a kept article ``text`` is a copy of, or None.

        ``text_of`` gives a kept article's text by id (None if it is gone).
        Candidates are tried in id order, so the answer does not depend on hashing.
        """
        if len(words(text)) < MIN_WORDS:
            return None
        for doc_id in sorted(self._lsh.query(_minhash(print_ or fingerprint(text)))):
            other = text_of(doc_id)
            if other is not None and is_copy(other, text):
                return str(doc_id)
        return None


def _minhash(print_: bytes):
    from datasketch import MinHash

    return MinHash(hashvalues=np.frombuffer(print_, dtype=np.uint32), seed=_SEED, scheme=_SCHEME)
