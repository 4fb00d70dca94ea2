"""Case-exact brands typed in lower case in a story written in lower case.

    "eten besteld via de thuisbezorgd app"   -> Thuisbezorgd
    "bij thuisbezorgd eind goed al goed"     -> Thuisbezorgd

Some brands are matched only as written ("Thuisbezorgd", "Jumbo", "Expert"), because their
lower case is an ordinary word ("thuisbezorgd", "een jumbo", "een expert"). Forum writers who
type everything in lower case still name them; in such a story, a lower-case form right after a
preposition ("bij", "via", "met") or right before a word for the company's own side ("app",
"klantenservice") or a verb it does ("zegt", "belde") is the brand.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from klantverhaal import docindex, resources

# a story counts as written in lower case when at least this share of its sentences that open
# with a letter open with a small one, over at least this many sentences
LOWER_SHARE = 0.6
LOWER_SENTENCES = 3
ARTICLES = frozenset({"de", "het", "'t", "een"})


@cache
def _case_exact_brands() -> dict[str, tuple[str, str]]:
    """Lower-case form -> (canonical name, sector) of every case-exact alias of one or two words."""
    from klantverhaal import pipeline  # the brand table lives with the pipeline that matches it

    out = {}
    for row in pipeline.companies_table().values():
        if not pipeline.case_exact(row):
            continue
        for alias in pipeline.aliases(row):
            if alias.endswith("'s") or len(alias.split()) > 2 or len(alias) < 4:
                continue  # short acronyms have a rule of their own (pipeline.lower_case_acronyms)
            if alias.split()[0].lower() in ARTICLES and len(alias.split()) > 1:
                continue  # "De Lijn": in lower case "aan de lijn" is a phone line
            out[alias.lower()] = (row["name"], row["sector"])
    return out


SENTENCE_OPENING = re.compile(r"(?:^|[.!?:]\s+)[\"'“‘(]*(?P<letter>[^\W\d_])", re.MULTILINE)


def written_in_lower_case(text: str) -> bool:
    """Do most sentences that open with a letter open with a small one? (Read from the text: this
    runs inside the pipeline, before the sentence index is complete.)"""
    opening = [m.group("letter") for m in SENTENCE_OPENING.finditer(text)]
    small = sum(c.islower() for c in opening)
    return small >= LOWER_SENTENCES and small >= LOWER_SHARE * len(opening)


def find(doc: Doc, covered: list[tuple[int, int]]) -> list[Span]:
    """Spans of case-exact brands typed in lower case, labelled as the brand table's own."""
    if not written_in_lower_case(docindex.text(doc)):
        return []
    brands = _case_exact_brands()
    before = resources.words("companies.lower_brand_before")
    after = resources.words("companies.lower_brand_after")
    out = []
    for size in (2, 1):
        for i in range(len(doc) - size + 1):
            span = doc[i : i + size]
            if not span.text.islower() or span.text.lower() not in brands:
                continue
            if any(a < span.end_char and span.start_char < b for a, b in covered):
                continue
            k = i - 1 if i > 0 and doc[i - 1].lower_ not in ARTICLES else i - 2
            prepositioned = k >= 0 and doc[k].lower_ in before
            followed = i + size < len(doc) and doc[i + size].lower_ in after
            if not (prepositioned or followed):
                continue
            name, sector = brands[span.text.lower()]
            out.append(Span(doc, i, i + size, label=sector, span_id=name))
            covered.append((span.start_char, span.end_char))
    return out
