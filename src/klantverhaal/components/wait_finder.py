"""The waits component: every duration in a Doc that is a wait, labelled waited/promised.

The grammar lives in ``durations`` (phrase and hours), the judgement in
``waits`` (wait or not, kind); this component only runs them sentence by
sentence and places spans in ``doc.spans["waits"]``. Reading the raw text
with one compiled regex per sentence keeps it cheap: no token patterns with
optional chains (see ARCHITECTURE, "Fast patterns").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from klantverhaal import docindex, durations, waits

SPANS_KEY = "waits"


@Language.factory("klantverhaal_waits", default_config={"spans_key": SPANS_KEY})
def make_wait_finder(nlp: Language, name: str, spans_key: str):
    return WaitFinder(spans_key)


class WaitFinder:
    def __init__(self, spans_key: str = SPANS_KEY):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        whole = docindex.text(doc)  # one join, shared with the later components
        for sent in docindex.sentences(doc):
            text = whole[sent.start_char : sent.end_char]
            for found in durations.find(text):
                kind = waits.classify(text, found.start, found.end, found)
                if kind is None:
                    continue
                start = sent.start_char + found.start
                span = doc.char_span(start, start + len(found.text), label=kind, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    # spaCy serialisation hooks: the component has no state of its own
    def to_disk(self, path, *, exclude=()):  # noqa: D102
        pass

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self
