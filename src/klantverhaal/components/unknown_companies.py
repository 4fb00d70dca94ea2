"""Organisations missing from the brand table, found from their context.

    "de klantenservice van Fietsplaza"       -> Fietsplaza
    "bij Kaashandel Gouwe besteld"            -> Kaashandel Gouwe
    "@Woonlinie", "Fietsonderdelenshop.nl"    -> Woonlinie, Fietsonderdelenshop.nl
    "woningcorporatie Woonlinie Noord"        -> Woonlinie Noord (housing)
    "Installatiebedrijf Jansen B.V."          -> Installatiebedrijf Jansen

Regexes over the raw text, built from data/unknown_companies.json and
filtered by data/not_companies.txt (months, places, products, first words).
Found names go into ``doc.spans["companies"]`` with label ``UNKNOWN``, the
canonical name as ``id`` and the sector in ``kb_id`` -- beside the brand
table's spans, never overlapping them.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from klantverhaal import resources

SPANS_KEY = "companies"


@cache
def _rules() -> dict:
    table = resources.read_json("unknown_companies.json")
    name = table["name_token"]
    joiners = "|".join(re.escape(j) for j in table["name_joiners"])
    multi = rf"{name}(?:\s+(?:(?:{joiners})\s+)?{name}){{0,3}}"
    kinds_before = "|".join(sorted((re.escape(k) for k in table["kind_before"]), key=len, reverse=True))
    kinds_after = "|".join(sorted((re.escape(k) for k in table["kind_after"]), key=len, reverse=True))
    suffixes = "|".join(re.escape(s) for s in table["legal_suffixes"])
    tlds = "|".join(table["domain_tlds"])
    service = "|".join(table["service_nouns"])
    orders = "|".join(table["order_verbs"])
    stop = {line.strip().lower() for line in resources.read_text("not_companies.txt").splitlines()
            if line.strip() and not line.startswith("#")}
    patterns = [
        ("kind_before", re.compile(rf"\b(?P<kind>(?i:{kinds_before}))\s+(?P<name>{multi})")),
        ("kind_after", re.compile(rf"(?<![\w@])(?P<name>{name})[\s-](?P<kind>(?i:{kinds_after}))\b")),
        ("legal", re.compile(rf"(?P<name>{multi})\s+(?:{suffixes})(?!\w)")),
        ("domain", re.compile(rf"(?<![\w@.])(?P<name>[A-Za-z][\w-]{{2,}}\.(?:{tlds}))(?![\w.]*@)\b")),
        ("handle", re.compile(r"(?<![\w])@(?P<name>[A-Za-z][\w]{2,})")),
        ("service_of", re.compile(rf"\b(?:{service})\s+van\s+(?P<name>{multi})")),
        ("ordered_at", re.compile(rf"\bbij\s+(?P<name>{multi})\s+(?:\w+\s+){{0,3}}?(?:{orders})\b")),
    ]
    return {"patterns": patterns, "stop": stop, "kind_before": table["kind_before"],
            "kind_after": table["kind_after"], "domain_sector": table["domain_sector_words"]}


def find(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical name, sector) of each organisation the context reveals."""
    rules = _rules()
    out = []
    for rule, pattern in rules["patterns"]:
        for m in pattern.finditer(text):
            name = m.group("name").strip().rstrip(".")
            start = m.start("name")
            sector = "other"
            if rule == "kind_before":
                kind = m.group("kind")
                sector = rules["kind_before"].get(kind.lower(), "other")
                if kind[0].isupper() or kind.lower() == "gemeente":
                    name, start = f"{kind[0].upper()}{kind[1:]} {name}", m.start("kind")
            elif rule == "kind_after":
                sector = rules["kind_after"].get(m.group("kind").lower(), "other")
            elif rule == "domain":
                low = name.lower()
                sector = next((s for w, s in rules["domain_sector"].items() if w in low), "other")
            name = re.sub(r"(?:'s|’s)$", "", name)
            if _is_stopword(name, rules["stop"]) or _sentence_initial_only(text, start, name, rule):
                continue
            end = m.end("name") if start != m.start("name") else start + len(name)
            out.append((start, end, name, sector))
    return out


def _is_stopword(name: str, stop: set[str]) -> bool:
    low = name.lower()
    first = low.split()[0]
    return low in stop or first in stop and len(low.split()) == 1 or len(name) < 2


def _sentence_initial_only(text: str, start: int, name: str, rule: str) -> bool:
    """A single capitalised word right after a full stop is no evidence of a name."""
    if rule in ("domain", "handle", "legal", "kind_before") or " " in name or name.isupper():
        return False
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n\"“"


@Language.factory("klantverhaal_unknown_companies", default_config={"spans_key": SPANS_KEY})
def make_unknown_companies(nlp: Language, name: str, spans_key: str):
    return UnknownCompanies(spans_key)


class UnknownCompanies:
    def __init__(self, spans_key: str = SPANS_KEY):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        taken = {(s.start_char, s.end_char) for s in existing}
        covered = [(s.start_char, s.end_char) for s in existing]
        added = []
        for start, end, name, sector in find(doc.text):
            if any(a < end and start < b for a, b in covered) or (start, end) in taken:
                continue
            span = doc.char_span(start, end, label="UNKNOWN", kb_id=sector, span_id=name, alignment_mode="expand")
            if span is None:
                continue
            added.append(span)
            covered.append((start, end))
        doc.spans[self.spans_key] = existing + added
        return doc

    def to_disk(self, path, *, exclude=()):  # noqa: D102
        pass

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self
