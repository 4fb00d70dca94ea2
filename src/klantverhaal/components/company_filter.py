"""Drop brand matches that are ordinary words here.

    "Ben benieuwd wie dit herkent."   -> not the provider Ben (a verb at the start of a sentence)
    "Ik woon in Den Bosch."           -> not Bosch (part of a place name)

Brands that are also a common word or first name (data/ambiguous_brands.txt:
Ben, Plus, Expert, ...) are dropped at the start of a sentence, where a
capital proves nothing. Place names that contain a brand are listed in
data/not_companies.txt ("den bosch").
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from klantverhaal import resources

SPANS_KEY = "companies"
PRODUCTS_KEY = "klantverhaal.products"  # (start, end) of "Lenovo ThinkPad": a brand's product, read by the context finder


@cache
def _stop_phrases() -> frozenset[str]:
    return resources.word_lines("not_companies.txt")


@cache
def _service_compounds() -> frozenset[str]:
    return resources.word_lines("product_compounds.txt")


@cache
def _products_despite_start() -> frozenset[str]:
    return frozenset(resources.read_json("mentions.json")["product_words_despite_service_start"])


@cache
def _ambiguous() -> frozenset[str]:
    return resources.word_lines("ambiguous_brands.txt")


@cache
def _organisation_word_ends() -> tuple[str, ...]:
    table = resources.read_json("unknown_companies.json")
    return tuple(table["org_suffixes"]) + tuple(table["kind_before"])


def _last_word_of_a_longer_name(doc: Doc, span) -> bool:
    """ "een slotenmaker gebeld, Slotenservice Delta": a brand that is also a common word, after
    a capitalised organisation word inside a sentence, is the last word of another firm's name
    (the context finder then names it whole), not the provider Delta. At a sentence start the
    capital proves nothing ("Supermarkt Plus had ..."), unless the story writes the pair again."""
    if span.start == 0 or span.text.lower() not in _ambiguous():
        return False
    before = doc[span.start - 1]
    return before.text[:1].isupper() and before.lower_.endswith(_organisation_word_ends()) and (
        not before.is_sent_start or doc.text.count(f"{before.text} {span.text}") > 1)


def _postcode_letters(doc: Doc, span) -> bool:
    """ "Dorpsstraat 4, 8442 CM Heerenveen", "3511 NS Utrecht": two capitals after four digits
    are the letters of a Dutch postcode, not the acronym of a firm."""
    if span.start == 0 or len(span) != 1 or len(span.text) != 2 or not span.text.isupper():
        return False
    before = doc[span.start - 1].text
    return len(before) == 4 and before.isdigit()


def _product_model(doc: Doc, span) -> bool:
    """ "een Sony WH-1000XM4", "mijn Philips 55PUS8507", "een refurbished Lenovo ThinkPad": an
    electronics brand followed by a model number or a product line written with an inner
    capital (ThinkPad, MacBook, PlayStation) names the device, not the company."""
    if span.label_ != "electronics":
        return False
    # the next whitespace-separated word, read from tokens (Doc.text would join the whole Doc)
    word = ""
    for tok in doc[span.end : span.end + 6]:
        word += tok.text
        if tok.whitespace_:
            break
    line = word.rstrip(".,;:!?)\"'")  # ("een Lenovo ThinkPad, klasse A")
    return bool(word) and (any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)
                           or line.isalpha() and not line.isupper() and any(ch.isupper() for ch in line[1:]))


def product_compound(doc: Doc, span) -> bool:
    """ "een Sony-koptelefoon": a brand glued to a product noun names the product, not a
    company the customer dealt with; "KPN-winkel", "NS-app" stay companies."""
    if span.end + 1 >= len(doc) or doc[span.end].text != "-" or doc[span.end].whitespace_:
        return False
    nxt = doc[span.end + 1]
    # a service word may head a longer compound ("KPN-klantenservicemedewerker"); a short one
    # only stands alone ("NS-app", not "SumUp-apparaatje")
    # ("Peugeot-stationwagen" starts with "station" but is a car)
    return nxt.is_lower and nxt.lower_ not in _service_compounds() and (not nxt.lower_.startswith(
        tuple(w for w in _service_compounds() if len(w) > 3)) or nxt.lower_ in _products_despite_start())


VENUE_WORDS = resources.words("companies.venue_words")
WRITER_WORDS = resources.words("companies.writer_words")


def _first_of_a_pair(doc: Doc, span) -> bool:
    """ "alle Ben & Jerry's-bakken": a first name joined by "&" to another name is part of a
    longer name, not the provider Ben."""
    return span.end + 1 < len(doc) and doc[span.end].text == "&" and doc[span.end + 1].text[:1].isupper()


def _beside_the_writer(doc: Doc, span) -> bool:
    """ "gaan Ben en ik samen naar het stadhuis", "ik en Ben": a first name coordinated with
    the writer is a person, not the provider Ben."""
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return after[:1] == ["en"] and after[1:] and after[1] in WRITER_WORDS \
        or before[1:] == ["en"] and before[0] in WRITER_WORDS


def _venue(doc: Doc, span) -> bool:
    """ "een concert in de Ziggo Dome", "naar het Philips Stadion": a hall or stadium named
    after a sponsor is a place, not the brand."""
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.text[:1].isupper() and after.lower_ in VENUE_WORDS


@Language.factory("klantverhaal_company_filter", default_config={"spans_key": SPANS_KEY})
def make_company_filter(nlp: Language, name: str, spans_key: str):
    return CompanyFilter(spans_key)


class CompanyFilter:
    def __init__(self, spans_key: str = SPANS_KEY):
        self.spans_key = spans_key


    def __call__(self, doc: Doc) -> Doc:
        if self.spans_key not in doc.spans:
            return doc
        stop = _stop_phrases()
        kept = []
        # ("Wij huren bij Portaal. ... Portaal een brief gestuurd.": a brand that is also a word,
        # written as the name inside a sentence, is the name at a sentence start too)
        established = {s.text for s in doc.spans[self.spans_key]
                       if s.text.lower() in _ambiguous() and not s[0].is_sent_start and s.text[:1].isupper()
                       and not _beside_the_writer(doc, s)}
        for span in doc.spans[self.spans_key]:
            first = span[0]
            previous = doc[span.start - 1].lower_ if span.start > 0 else ""
            if f"{previous} {span.text.lower()}" in stop:
                continue
            if span.text.lower() in _ambiguous() and (first.is_sent_start and span.text not in established
                                                       or _beside_the_writer(doc, span)
                                                       or _first_of_a_pair(doc, span)) \
                    or _last_word_of_a_longer_name(doc, span):
                continue
            if _product_model(doc, span):
                # ("een Lenovo ThinkPad": the product line is no firm of its own either)
                after = doc[span.end]
                doc.user_data.setdefault(PRODUCTS_KEY, []).append((span.start_char, after.idx + len(after.text)))
                continue
            if product_compound(doc, span) or _venue(doc, span) or _postcode_letters(doc, span):
                continue
            kept.append(span)
        doc.spans[self.spans_key] = kept
        return doc

    def to_disk(self, path, *, exclude=()):  # noqa: D102
        pass

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self
