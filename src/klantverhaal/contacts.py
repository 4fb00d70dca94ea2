"""Channels actually used, and how often the customer got in touch.

    "Ik heb drie keer gebeld."                 -> phone, 3 contacts
    "Het vierde telefoontje hielp ook niet."   -> phone, at least 4
    "U kunt ook mailen."                       -> no channel (only offered)
    "Ze belden me terug."                      -> phone, but no contact (the company started it)

Functions over a sentence and the cue spans the pipeline placed in it; cue
lists are in data/channels.jsonl and data/contacts.jsonl. Counting follows
SPEC: explicit numbers win, narrated contacts count one per sentence,
ordinals and vague plurals give a lower bound (exact false).
"""

from __future__ import annotations

from spacy.tokens import Span

from klantverhaal import numbers
from klantverhaal.records import Contacts

NEGATION_WINDOW = 3
CLAUSE_BREAKS = {",", ";", ":", "maar", "want", "en", "toen", "omdat", "(", ")", "?", "!"}


def _tokens_between(sent: Span, start: int, end: int) -> list[str]:
    doc = sent.doc
    return [t.lower_ for t in doc[max(sent.start, start) : min(sent.end, end)]]


def _negated(sent: Span, cue: Span, negations: list[Span]) -> bool:
    """ "niet gebeld", "geen mail", "belde niet": a negation within a few words, same clause."""
    for neg in negations:
        if neg.end <= cue.start and cue.start - neg.end <= NEGATION_WINDOW:
            if not CLAUSE_BREAKS & set(_tokens_between(sent, neg.end, cue.start)):
                return True
        if neg.start >= cue.end and neg.start - cue.end <= 1 and neg.text.lower() in ("niet", "nooit"):
            return True
    return False


def _offered(sent: Span, cue: Span, sent_cues: list[Span]) -> bool:
    """ "u kunt ook mailen", "ik had beter kunnen bellen": offered or hypothetical, not used."""
    for other in sent_cues:
        if other.label_ == "offered" and other.start < cue.start:
            between = set(_tokens_between(sent, other.end, cue.start))
            if not {".", ";", "maar"} & between:
                return True
    return False


def channel_used(sent: Span, cue: Span, sent_cues: list[Span]) -> bool:
    """Was the channel at ``cue`` really used in this sentence (by anyone)?"""
    if sent.text.rstrip().endswith("?") and not _has_label(sent_cues, "self"):
        return False
    negations = [c for c in sent_cues if c.label_ == "negation"]
    return not _negated(sent, cue, negations) and not _offered(sent, cue, sent_cues)


def _has_label(cues: list[Span], label: str) -> bool:
    return any(c.label_ == label for c in cues)


def sentence_has_contact(sent: Span, cues: list[Span]) -> bool:
    """Did the customer (or household) reach out in this sentence? Company call-backs,
    offers, negations and questions do not count."""
    verbs = [c for c in cues if c.label_ in ("contact_verb", "vague_contact")]
    if not verbs:
        return False
    initiated = [c for c in cues if c.label_ == "company_initiated"]
    negations = [c for c in cues if c.label_ == "negation"]
    for verb in verbs:
        if any(i.start <= verb.start < i.end or verb.start <= i.start < verb.end for i in initiated):
            continue
        if _negated(sent, verb, negations) or _offered(sent, verb, cues):
            continue
        if _has_label(cues, "self") or verb.label_ == "vague_contact" or _elliptic(sent, verb):
            return True
    return sentence_count(sent)[0] in ("exact", "ordinal") and _has_label(cues, "channel")


OTHER_AGENTS = {"hij", "zij", "ze", "men", "u", "jullie", "zijn", "haar", "hun", "iemand", "niemand", "medewerker",
                "medewerkster", "monteur", "bezorger"}


def _elliptic(sent: Span, verb: Span) -> bool:
    """Blog Dutch drops the subject: "Contact opgenomen met de klantenservice.", "Weer gebeld.",
    "Na een uurtje nog maar een keer bellen dan." Counts when the verb comes early or after
    "weer/nogmaals/opnieuw", and nobody else is named as its subject."""
    before = _tokens_between(sent, sent.start, verb.start)
    if OTHER_AGENTS & set(before):
        return False
    repeated = bool({"weer", "nogmaals", "opnieuw", "keer"} & set(before[-4:]))
    return repeated or len([t for t in before if t.isalpha()]) <= 1 or verb.text.lower() == "rappel"


def sentence_count(sent: Span) -> tuple[str, int]:
    """How this sentence counts: ("exact", N) for "drie keer gebeld" / "64 mails",
    ("ordinal", N) for "het vierde telefoontje", ("vague", N) for "talloze keren",
    else ("one", 1)."""
    cues = [c for c in sent.doc.spans.get("cues", []) if sent.start <= c.start < sent.end]
    tokens = [t for t in sent]
    for i, tok in enumerate(tokens):
        low = tok.lower_
        if low in ("keer", "maal", "keren", "malen") and i > 0:
            value = numbers.parse(tokens[i - 1].lower_)
            if value is not None and value >= 2 and tokens[i - 1].lower_ not in ("een", "één"):
                return "exact", int(value)
            ordinal = numbers.ordinal(tokens[i - 1].lower_)
            if ordinal:
                return "ordinal", ordinal
            if tokens[i - 1].lower_ == "zoveelste":
                return "ordinal", 3
    for cue in cues:
        if cue.label_ == "channel" and cue.start > sent.start:
            prev = sent.doc[cue.start - 1].lower_
            value = numbers.parse(prev)
            if value is not None and value >= 2 and prev not in ("een", "één") and cue.text.lower().endswith(
                    ("s", "en", "jes", "ven")):
                return "exact", int(value)
            ordinal = numbers.ordinal(prev)
            if ordinal and ordinal >= 2:
                return "ordinal", ordinal
    for cue in cues:
        if cue.label_ == "vague_contact":
            low, _ = numbers.vague(cue.text.split()[0]) or (2, None)
            return "vague", int(low)
    return "one", 1


def count(sentences: list[Span]) -> tuple[Contacts | None, list[dict]]:
    """The customer's contacts over the sentences that tell one, and a log a reader can check."""
    total, exact, log = 0, True, []
    seen: set[int] = set()
    for sent in sorted(sentences, key=lambda s: s.start):
        if sent.start in seen:
            continue
        seen.add(sent.start)
        how, n = sentence_count(sent)
        before = total
        if how == "exact":
            total += n
        elif how == "ordinal":
            total = max(total + 1, n) if n > total else total + 1
            exact = False
        elif how == "vague":
            total += max(1, n - total)
            exact = False
        else:
            total += 1
        channel = next((c.id_ for c in sent.doc.spans.get("cues", [])
                        if sent.start <= c.start < sent.end and c.label_ == "channel"), None)
        log.append({"channel": channel, "by": "customer", "count": how, "added": total - before,
                    "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
    if total == 0:
        return None, log
    return Contacts(total, exact), log
