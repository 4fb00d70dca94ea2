"""Per-Doc lookups computed once: sentence of a token, cues of a sentence, sentence numbers.

Span.sent and a scan over doc.spans["cues"] for every cue made reading a story
quadratic in its length; these indexes are built on first use and kept in
doc.user_data, so the interpretation stays linear.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

CUES = "cues"
_KEY = "klantverhaal.index"


def _index(doc: Doc) -> dict:
    index = doc.user_data.get(_KEY)
    if index is None:
        sentences = list(doc.sents)
        starts = [s.start for s in sentences]
        by_sentence: list[list[Span]] = [[] for _ in sentences]
        for cue in doc.spans[CUES] if CUES in doc.spans else []:
            by_sentence[bisect_right(starts, cue.start) - 1].append(cue)
        index = {"sentences": sentences, "starts": starts, "cues": by_sentence}
        doc.user_data[_KEY] = index
    return index


def text(doc: Doc) -> str:
    """Doc.text, kept: spaCy joins every token again on each call."""
    kept = doc.user_data.get(_KEY + ".text")
    if kept is None:
        kept = doc.user_data[_KEY + ".text"] = doc.text
    return kept


def lower_words(sent: Span) -> str:
    """The sentence's lower-cased words joined by spaces and padded, built once per sentence."""
    memo = sent.doc.user_data.setdefault(_KEY + ".lower", {})
    if sent.start not in memo:
        memo[sent.start] = " " + " ".join(t.lower_ for t in sent) + " "
    return memo[sent.start]


def sentences(doc: Doc) -> list[Span]:
    return _index(doc)["sentences"]


def sentence_number(doc: Doc, token_i: int) -> int:
    return bisect_right(_index(doc)["starts"], token_i) - 1


def sentence_of(span: Span) -> Span:
    """Like span.sent, without walking the Doc."""
    doc = span.doc
    return _index(doc)["sentences"][sentence_number(doc, span.start)]


def cues_in(sent: Span) -> list[Span]:
    """The cue spans that start in ``sent``."""
    return _index(sent.doc)["cues"][sentence_number(sent.doc, sent.start)]


def words_back(span: Span, stop: frozenset[str] | set[str]):
    """The lower-cased words before ``span`` in its sentence, nearest first, up to a word in
    ``stop`` (a clause break): what "ik ... bot" or "mijn buurman ... gebeld" is read from."""
    doc = span.doc
    first = sentence_of(span).start
    for k in range(span.start - 1, first - 1, -1):
        if doc[k].lower_ in stop:
            return
        yield doc[k].lower_


NAMED_KEYS = ("companies", "kinds")


def named_spans(doc: Doc, start: int = 0, end: int | None = None) -> list[Span]:
    """The company and kind spans that start in ``[start, end)``, companies first: a firm
    named by name or only by kind ("het kabelbedrijf"), which is what most contact rules ask
    of a stretch of a sentence."""
    stop = len(doc) if end is None else end
    return [s for key in NAMED_KEYS for s in doc.spans.get(key, []) if start <= s.start < stop]
