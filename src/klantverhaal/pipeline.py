"""build_nlp(): the one place that sets the pipeline's components and their order.

    blank("nl") -> sentencizer -> lookup lemmatizer
      -> company rulers (brand table; case-exact names on ORTH, the rest on LOWER)
      -> unknown companies (context regexes)
      -> kind ruler ("het kabelbedrijf")
      -> cue ruler (channels, contact verbs, judgement cues: one PhraseMatcher pass, plus
         a few token patterns for arrivals, "kwam er na elf dagen een technieker")
      -> waits

Components only place labelled spans in ``doc.spans[KEY]``; the meaning is
read by pure functions in ``experiences``. spaCy 3.8 traps handled here:
``nlp.initialize()`` clears span_ruler patterns, so we initialise first and
add patterns after; patterns are loaded in Python, not through the config.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer

from klantverhaal import resources
from klantverhaal.components import company_filter, platform_messages, unknown_companies, wait_finder  # noqa: F401  (registers factories)

COMPANIES = "companies"
KINDS = "kinds"
CUES = "cues"
WAITS = wait_finder.SPANS_KEY

COMPANY_COLUMNS = ("name", "sector", "aliases", "case_exact")


def build_nlp(*, lemmatizer: bool = True) -> Language:
    """A fresh Dutch pipeline with every klantverhaal component and its patterns."""
    nlp = spacy.blank("nl")
    _tune_tokenizer(nlp)
    # a line break ends a sentence too: titles and list items have no full stop
    punct = Sentencizer.default_punct_chars + ["\n", "\n\n", "\n\n\n", "\n \n"]
    nlp.add_pipe("sentencizer", config={"punct_chars": punct})
    if lemmatizer:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler_config = {"spans_key": COMPANIES, "overwrite": False, "validate": False}
    nlp.add_pipe("span_ruler", name="company_ruler_exact", config={**ruler_config, "phrase_matcher_attr": "ORTH"})
    nlp.add_pipe("span_ruler", name="company_ruler", config={**ruler_config, "phrase_matcher_attr": "LOWER"})
    nlp.add_pipe("klantverhaal_company_filter")
    nlp.add_pipe("klantverhaal_unknown_companies")
    nlp.add_pipe("span_ruler", name="kind_ruler",
                 config={"spans_key": KINDS, "overwrite": False, "phrase_matcher_attr": "LOWER"})
    nlp.add_pipe("span_ruler", name="cue_ruler",
                 config={"spans_key": CUES, "overwrite": False, "phrase_matcher_attr": "LOWER"})
    nlp.add_pipe("klantverhaal_platform_messages")
    nlp.add_pipe("klantverhaal_waits")
    nlp.initialize()
    exact, lower = company_patterns()
    nlp.get_pipe("company_ruler_exact").add_patterns(exact)
    nlp.get_pipe("company_ruler").add_patterns(lower)
    nlp.get_pipe("kind_ruler").add_patterns(kind_patterns())
    nlp.get_pipe("cue_ruler").add_patterns(cue_patterns())
    return nlp


def _word_not_abbreviation(key: str, common: frozenset[str]) -> bool:
    """ "in de app.", "voor me.", "mijn pas.": spaCy's Dutch exceptions keep these whole as
    legal abbreviations, which hides the word and the sentence end from every rule. A
    single-dot exception whose stem is a common word or one of our cue words is dropped,
    unless it is an abbreviation customers do write (grammar.json)."""
    if not (key.endswith(".") and key.count(".") == 1 and key[:-1].isalpha() and key.islower() and len(key) > 2):
        return False
    stem = key[:-1]
    return stem in common and stem not in KEPT_ABBREVIATIONS


KEPT_ABBREVIATIONS = resources.words("tokenizer.abbreviations_kept")


def _common_words(nlp: Language) -> frozenset[str]:
    words = set(nlp.Defaults.stop_words)
    for row in cue_patterns() + kind_patterns():
        if isinstance(row["pattern"], str):
            words.update(row["pattern"].lower().split())
    return frozenset(words)


def _tune_tokenizer(nlp: Language) -> None:
    """Split brand compounds and sentence-final acronyms: "KPN-winkel" -> KPN - winkel,
    "NS-app" -> NS - app, "bel ING." -> ING . (spaCy's Dutch rules keep both whole)."""
    from spacy.util import compile_infix_regex, compile_suffix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-z0-9À-ÿ])-(?=[A-Za-zÀ-ÿ])"]
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[A-Z&]{2})\.$", r"(?<=[A-Z][a-z][A-Z])\.$"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "ING." is in the Dutch exceptions as the abbreviation of "ingenieur"; upper-case
    # abbreviations like it are far more often a brand at the end of a sentence
    common = _common_words(nlp)
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items()
                           if not (k.isupper() and k.endswith(".") and k.count(".") == 1)
                           and not _word_not_abbreviation(k, common)}
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # (a token_match, not special cases: special cases that hold stops make spaCy scan every
    # text for them, which cost the bare tokenizer a sixth of its speed)
    dotted = sorted(_dotted_brands())
    if dotted:
        nlp.tokenizer.token_match = re.compile("^(?:" + "|".join(re.escape(b) for b in dotted) + ")$").match


DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")


def _dotted_brands() -> set[str]:
    """ "a.s.r." and "A.S.R.": a brand written as letters with stops is one token, in lower and
    upper case, so its stops end no sentence ("Dus heb ik het formulier op de site van a.s.r.
    ingevuld" is one sentence, its contact with a.s.r.)."""
    out = set()
    for row in companies_table().values():
        for name in [row["name"], *row["aliases"].split("|")]:
            if DOTTED.fullmatch(name):
                out |= {name, name.lower(), name.upper()}
    return out


@cache
def shared_nlp() -> Language:
    """One pipeline per process: building it reads every data file."""
    return build_nlp()


@cache
def companies_table() -> dict[str, dict[str, str]]:
    """Canonical name -> row of data/companies.csv."""
    return {row["name"]: row for row in resources.read_csv("companies.csv", required=COMPANY_COLUMNS)}


def aliases(row: dict[str, str]) -> list[str]:
    """Every way a brand is written: its name, its aliases, and their possessives ("KPN's")."""
    names = [row["name"]] + [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
    out = []
    for name in names:
        out.append(name)
        if name[-1].isalnum() and not name.startswith(("@", "#")):
            out.append(f"{name}'s")
    return out


def company_patterns() -> tuple[list[dict], list[dict]]:
    """Span-ruler patterns for the brand table: (case-exact, case-folded). The canonical name is
    the pattern id, so it comes back as ``span.id_``; the sector rides in the label."""
    exact, lower = [], []
    for row in companies_table().values():
        target = exact if case_exact(row) else lower
        for alias in aliases(row):
            target.append({"label": row["sector"], "pattern": alias, "id": row["name"]})
        exact.extend({"label": row["sector"], "pattern": alias.lower(), "id": row["name"]}
                     for alias in lower_case_acronyms(row))
    return exact, lower


def case_exact(row: dict[str, str]) -> bool:
    return row.get("case_exact", "").lower() in ("true", "1", "yes", "ja")


ACRONYM = re.compile(r"[A-Z]{2,4}")


@cache
def _acronym_words() -> frozenset[str]:
    """Acronyms whose lower case is a word of its own ("een duo", "een das")."""
    return frozenset(line.strip() for line in resources.read_text("acronym_words.txt").splitlines()
                     if line.strip() and not line.startswith("#"))


def lower_case_acronyms(row: dict[str, str]) -> list[str]:
    """A case-exact acronym brand is also written in lower case on forums ("de ing gebeld",
    "met de ns"); matched exactly in lower case, so "Ing." of an engineer is not the bank."""
    if not case_exact(row) or not ACRONYM.fullmatch(row["name"]):
        return []  # "PLUS" is an alias of Plus, whose lower case is a word
    return [a for a in aliases(row) if ACRONYM.fullmatch(a) and a.lower() not in _acronym_words()]


@cache
def kinds_table() -> tuple[dict, ...]:
    return resources.read_jsonl("company_kinds.jsonl", required=("pattern", "id", "sector"))


def kind_patterns() -> list[dict]:
    """Kind nouns ("kabelbedrijf" -> "(kabelbedrijf)"); referring-only words get label REF."""
    out = []
    for row in kinds_table():
        creates = row.get("creates", True) and row.get("id")
        out.append({"label": row["sector"] if creates else "REF", "pattern": row["pattern"],
                    "id": row["id"] if creates else "REF"})
    return out


def cue_patterns() -> list[dict]:
    """Channels, contact verbs and judgement cues in one PhraseMatcher pass (label = cue family,
    id = channel label or cue kind)."""
    out = []
    for name in ("channels.jsonl", "contacts.jsonl", "judgements.jsonl"):
        for row in resources.read_jsonl(name, required=("label", "pattern", "id")):
            # nouns ("telefoontje", "mail naar") ride in the id, so span.id_ is "phone" or "phone/noun"
            ident = f"{row['id']}/noun" if row.get("noun") else row["id"]
            out.append({"label": row["label"], "pattern": row["pattern"], "id": ident})
    return out + arrival_patterns() + portal_patterns() + take_up_patterns() + chat_opened_patterns() + compound_patterns(out) \
        + request_patterns()


def compound_patterns(listed: list[dict]) -> list[dict]:
    """ "het reparatieformulier", "een standaardmail", "een excuusbrief": Dutch writes a kind of
    form, mail or letter as one word, and no phrase list can hold them all. A word that ends in a
    channel's head noun (grammar.json channels.compound_heads, "webform:formulier") is that
    channel, unless it names no contact ("voicemail", "nieuwsbrief": channels.compound_not_channels)
    or is listed already."""
    known = {row["pattern"].lower() for row in listed if isinstance(row["pattern"], str)}
    skip = sorted(known | resources.words("channels.compound_not_channels"))
    heads: dict[str, list[str]] = {}
    for channel, head in resources.pairs("channels.compound_heads"):
        heads.setdefault(channel, []).append(head)
    return [{"label": "channel", "id": channel,
             "pattern": [{"LOWER": {"REGEX": rf"^[a-zà-ÿ]{{3,}}-?(?:{'|'.join(nouns)})$", "NOT_IN": skip}}]}
            for channel, nouns in heads.items()]


def request_patterns() -> list[dict]:
    """ "een reparatieverzoek gedaan", "een storingsmelding gedaan": a request or report made is
    a contact, and Dutch writes its kind as one word ("verzoek", "melding" and "aanvraag" with
    anything before them: grammar.json contacts.request_compound_heads), which the phrase list
    ("melding gedaan") cannot hold."""
    heads = "|".join(sorted(resources.words("contacts.request_compound_heads")))
    done = {"LOWER": {"IN": sorted(resources.words("contacts.request_done_participles"))}}
    return [{"label": "contact_verb", "pattern": [{"LOWER": {"REGEX": rf"^[a-zà-ÿ]{{3,}}-?(?:{heads})$"}}, done],
             "id": "any"}]


def take_up_patterns() -> list[dict]:
    """ "contact met de klantenservice opgenomen", "de negende keer dat ik contact met u opneem":
    "contact opnemen" split by what it is with, which the phrase list ("contact opgenomen") cannot
    match. The infinitive is left out: "u kunt contact met ons opnemen" is an offer."""
    forms = {"LOWER": {"IN": sorted(resources.words("contacts.take_up_forms"))}}
    gap = {"IS_PUNCT": False, "OP": "{1,6}"}
    return [{"label": "contact_verb", "pattern": [{"LOWER": "contact"}, {"LOWER": "met"}, gap, forms], "id": "any"}]


def chat_opened_patterns() -> list[dict]:
    """ "de chat op de site van Rabobank geopend": a chat opened is a chat contact, with where it
    was opened between the noun and the participle, which the phrase list ("chat geopend")
    cannot hold. The infinitive is left out: "u kunt de chat openen" is an offer."""
    nouns = {"LOWER": {"IN": sorted(resources.words("contacts.chat_nouns"))}}
    opened = {"LOWER": {"IN": sorted(resources.words("contacts.chat_opened"))}}
    # ("De chat was die dag niet geopend": open for use, a state)
    gap = {"IS_PUNCT": False, "LOWER": {"NOT_IN": sorted(resources.words("contacts.chat_opened_not_between"))}, "OP": "{1,6}"}
    return [{"label": "contact_verb", "pattern": [nouns, gap, opened], "id": "chat"}]


def portal_patterns() -> list[dict]:
    """ "via Mijn DUO", "in Mijn Vitens", "op Mijn ABN AMRO": a customer portal named "Mijn" and
    its organisation is the `website` used, for every organisation, not only those with a phrase
    of their own in channels.jsonl ("mijn ns"). A capital "Mijn" after a preposition, or "Mijn"
    or "My" written together with the name ("via MyProximus")."""
    before = {"LOWER": {"IN": sorted(resources.words("channels.portal_prepositions"))}}
    joined = {"TEXT": {"REGEX": r"^(?:Mijn|My)[A-Z][\w-]{2,}$"}}  # "via MyProximus", "in MijnOdido"
    return [{"label": "channel", "pattern": [before, {"TEXT": "Mijn"}, name], "id": "website"}
            for name in ({"IS_TITLE": True}, {"IS_UPPER": True})] + [
        {"label": "channel", "pattern": [before, joined], "id": "website"}]


def arrival_patterns() -> list[dict]:
    """Token patterns for a company's people arriving at the customer's ("kwam er na elf dagen
    een technieker", "Ruud kwam de volgende ochtend zelf kijken", "stonden er twee jongens voor
    de deur"): the `visit` channel told without a fixed phrase. Word lists in arrivals.json; the
    gaps skip pronouns, prepositions and message nouns, so "kwam er een reactie van een
    medewerker" is no arrival."""
    words = resources.read_json("arrivals.json")
    arrive, stand = {"LOWER": {"IN": words["arrive_verbs"]}}, {"LOWER": {"IN": words["stand_verbs"]}}
    person = {"LOWER": {"IN": words["trade_arrivers"] + words["generic_arrivers"]}}
    purpose = {"LOWER": {"IN": words["purposes"]}}

    def gap(most: int) -> dict:
        return {"LOWER": {"NOT_IN": words["gap_stops"]}, "IS_PUNCT": False, "OP": f"{{0,{most}}}"}

    at_door = {"LOWER": {"IN": words["trade_arrivers"] + words["generic_arrivers"] + words["pronoun_arrivers"]}}
    by = [{"LOWER": words["by_word"]}, {"LOWER": {"NOT_IN": words["not_after_langs"]}}]
    shapes = [[arrive, gap(6), person], [arrive, gap(5), purpose], [person, gap(6), arrive], [arrive, gap(6), *by]]
    shapes += [[stand, gap(6), at_door, {"IS_PUNCT": False, "OP": "{0,6}"}, *({"LOWER": w} for w in place)]
               for place in words["door_places"]]
    return [{"label": "channel", "pattern": shape, "id": "visit"} for shape in shapes]
