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

import re
from collections import Counter
from functools import cache

from spacy.tokens import Span

from klantverhaal import dates, docindex, forum, numbers, resources
from klantverhaal.components.unknown_companies import first_names
from klantverhaal.records import Contacts

NEGATION_WINDOW = 3
ZONDER_FILLERS = resources.words("contacts.zonder_fillers")  # "zonder te bellen", "zonder een mail"
CLAUSE_BREAKS = resources.words("contacts.clause_breaks")
JOINED_SELF = resources.words("contacts.self")  # "mijn zoon en ik": a subject joined by "en"
WRITER_OBJECTS = resources.words("contacts.writer_objects")  # "die me ...", "telefoontje van mij"
RELATIVES = resources.words("experiences.relative_pronouns")
TALLY_WORDS = resources.words("contacts.company_tally_words")


def _tokens_between(sent: Span, start: int, end: int) -> list[str]:
    doc = sent.doc
    return [t.lower_ for t in doc[max(sent.start, start) : min(sent.end, end)]]


def _negated(sent: Span, cue: Span, negations: list[Span]) -> bool:
    """ "niet gebeld", "geen mail", "belde niet": a negation within a few words, same clause."""
    if _fronted_and_denied(sent, cue, negations) or _fronted_object_denied(sent, cue, negations):
        return True
    for neg in negations:
        if neg.text.lower() == "zonder" and neg.end < cue.start <= neg.end + 6 \
                and _tokens_between(sent, neg.end, cue.start)[:1] == ["dat"]:
            return True  # "zonder dat ik hoefde te bellen"
        if neg.end <= cue.start and cue.start - neg.end <= NEGATION_WINDOW:
            between = _tokens_between(sent, neg.end, cue.start)
            if _quote_closes_between(sent, neg, between):
                continue  # 'In de app "container niet geleegd" gemeld': the "niet" is in the words reported
            if neg.text.lower() == "zonder" and not set(between) <= ZONDER_FILLERS:
                continue  # "Na een week zonder reactie hebben we gebeld": "zonder" takes its noun only
            if not CLAUSE_BREAKS & set(between):
                return True
        if neg.start >= cue.end and neg.start - cue.end <= 4 and neg.text.lower() in ("niet", "nooit"):
            # "gemaild waarom niet het hele bedrag": the "niet" of an indirect question; "teruggemaild
            # dat ik daar niet mee akkoord ga": the "niet" of what the mail said
            between = _tokens_between(sent, cue.end, neg.start)
            # ("moest mailen als ik het er niet mee eens was": the "niet" of the condition)
            if not (SUBCLAUSE_BREAKS | QUESTION_OPENERS | NEGATION_CONDITION_OPENERS) & set(between) \
                    and not ("of" in between[:-1]):  # "een brief geschreven of het niet wat sneller kon"
                return True
    return False


def _quote_closes_between(sent: Span, neg: Span, between: list[str]) -> bool:
    """A quote opened before the negation closes between it and the cue: the negation is
    inside the words quoted ('"container niet geleegd" gemeld')."""
    return _after_open_quote(sent, neg.start) and any(w in QUOTE_TOKENS for w in between)


NEGATION_CONDITION_OPENERS = resources.words("contacts.negation_condition_openers")
FRONTED_AUXILIARIES = resources.words("contacts.fronted_auxiliaries")
QUESTION_OPENERS = resources.words("contacts.question_openers")


def _fronted_and_denied(sent: Span, cue: Span, negations: list[Span]) -> bool:
    """ "Mailen heb ik maar niet gedaan", "Bellen kan bij Basic-Fit niet eens", "Bellen had
    geen zin": an infinitive put first, its auxiliary right after it, and a negation later in
    that clause deny the contact, however far the negation stands ("maar" before "niet" is an
    adverb here, no clause break)."""
    doc = sent.doc
    participle = _participle(cue[-1].lower_)
    if cue.start != _past_fillers(sent, _after_date_prefix(sent)) or not (cue[-1].lower_.endswith("en") or participle) \
            or cue.end >= sent.end or doc[cue.end].lower_ not in FRONTED_AUXILIARIES:
        return False
    # ("Gebeld heeft niemand.", "Gemaild heb ik niet.": a participle put first too; then "maar"
    # opens a clause of its own: "Gebeld heb ik wel, maar niemand nam op")
    clause_end = next((t.i for t in doc[cue.end : sent.end] if t.lower_ in CLAUSE_BREAKS - ({"maar"} if not participle else set())), sent.end)
    return any(cue.end < neg.start < clause_end and neg.text.lower() in FRONTED_DENIALS for neg in negations)


FRONTED_DENIALS = resources.words("contacts.fronted_denials")


def _fronted_object_denied(sent: Span, cue: Span, negations: list[Span]) -> bool:
    """ "Het contactformulier op hun site heb ik nog niet gebruikt": a channel noun put first
    (after its article), the auxiliary and the writer right after the phrase, and "niet" or
    "nooit" later in that clause deny its use, however long the fronted phrase is."""
    doc = sent.doc
    first = _past_fillers(sent, _after_date_prefix(sent))
    if first < sent.end and doc[first].lower_ in NOUN_DETERMINERS:
        first += 1
    if cue.start != first or cue.label_ != "channel":
        return False
    # (not "Via X heb ik KPN gevraagd waarom het nog niet was aangesloten": the question's "niet")
    stops = CLAUSE_BREAKS | SUBCLAUSE_BREAKS | QUESTION_OPENERS
    clause_end = next((t.i for t in doc[cue.end : sent.end] if t.lower_ in stops), sent.end)
    aux = next((t.i for t in doc[cue.end : clause_end] if t.lower_ in FRONTED_AUXILIARIES), None)
    if aux is None or aux + 1 >= clause_end or doc[aux + 1].lower_ not in SELF:
        return False
    return any(aux < neg.start < clause_end and neg.text.lower() in ("niet", "nooit") for neg in negations)


def _offered(sent: Span, cue: Span, sent_cues: list[Span]) -> bool:
    """ "u kunt ook mailen", "ik had beter kunnen bellen": offered or hypothetical, not used
    (unless the next sentence says it was done: "Dat heb ik toen gedaan")."""
    return not _offer_taken_up(sent) and _offer_words(sent, cue, sent_cues)


def _offer_words(sent: Span, cue: Span, sent_cues: list[Span]) -> bool:
    """An offer, advice or hypothesis word governs the cue ("u kunt ook mailen")."""
    if _reported_request(sent):
        return True  # "Of ik het hotel maar wilde mailen.": what staff asked, told in their words
    for other in sent_cues:
        if other.label_ == "offered" and other.start == cue.start and other.end > cue.end:
            return True  # "hij belt liever dan ik": the verb inside a phrase of preference
        if other.label_ == "offered" and other.start < cue.start:
            between = _tokens_between(sent, other.end, cue.start)
            if not {".", ";"} & set(between) and not _but_between(between) and _modal_near(sent, other, cue):
                return True
        if other.label_ == "offered" and other.text.lower() in _offers_after() and cue.end <= other.start <= cue.end + 3 \
                and not REQUEST_VERBS & set(_tokens_between(sent, cue.end, other.start)):
            # ("via de chat gevraagd of ik een eSIM kon krijgen": what the writer asked, no offer)
            return True  # "dat ik ook een brief kon sturen", "u kunt ons mailen"
        if other.label_ == "offered" and other.text.lower() in CONSIDER_WORDS and other.start >= cue.end \
                and not set(_tokens_between(sent, cue.end, other.start)) & (CLAUSE_BREAKS | {"."}):
            return True  # "Een brief naar de directie heb ik overwogen"
    return False


REPORTED_REQUEST_MODALS = resources.words("contacts.reported_request_modals")
REPORTED_REQUEST_OPENERS = resources.words("contacts.reported_request_openers")


def _reported_request(sent: Span) -> bool:
    """ "Of ik die nog een keer wilde mailen.": a sentence that opens with "Of ik" and a modal
    reports what staff asked of the writer; it was done only if the story says so after it."""
    words = [t.lower_ for t in sent if t.is_alpha][:8]
    return len(words) > 2 and words[0] in REPORTED_REQUEST_OPENERS and words[1] in SELF \
        and bool(set(words) & REPORTED_REQUEST_MODALS)


def _but_between(words: list[str]) -> bool:
    """ "dat ik moest bellen, maar ik heb gemaild", "Had ik maar eerder gebeld, want toen ik
    belde ...": a joiner after a comma, or "maar" before its subject, starts a clause of its own
    and ends the offer; the particle in "ik moest maar mailen", "het maar mailen" does not."""
    return any(w in CLAUSE_JOINERS and k > 0 and words[k - 1] == ","
               or w == "maar" and (k + 1 < len(words) and words[k + 1] in SUBJECT_PRONOUNS
                                   or k + 1 == len(words) and k > 0 and words[k - 1] not in MODAL_PARTICLE_BEFORE)
               for k, w in enumerate(words))


SUBJECT_PRONOUNS = resources.words("contacts.subject_pronouns")
CLAUSE_JOINERS = resources.words("contacts.offer_clause_joiners")
MODAL_PARTICLE_BEFORE = resources.words("contacts.modal_particle_before")


CONSIDER_WORDS = resources.words("contacts.consider_words")
GENERIC_PREDICATES = resources.words("contacts.generic_predicates")


GENERIC_INFINITIVE_LEADERS = resources.words("contacts.generic_infinitive_leaders")


def _generic_infinitive(sent: Span, cue: Span) -> bool:
    """ "Bellen vanuit het buitenland kost een fortuin", "Bellen heeft geen zin": a bare infinitive
    opening the sentence is its subject, a statement about calling, not a call."""
    first = next((t for t in sent if not t.is_punct), None)
    # (or opening a clause after a comma: "Bellen levert een praatje op, mailen levert een datum op")
    clause_first = cue.start > sent.start and sent.doc[cue.start - 1].text in (",", ";")
    # ("Verder bellen heeft geen zin", "Blijven mailen helpt niet": a word before it that leads it)
    led = first is not None and first.i == cue.start - 1 and first.lower_ in GENERIC_INFINITIVE_LEADERS
    if first is None or first.i != cue.start and not clause_first and not led or len(cue) != 1 \
            or not cue[0].lower_.endswith("en"):
        return False
    clause = [t.lower_ for t in sent.doc[cue.end : sent.end]]
    clause = clause[: next((k for k, w in enumerate(clause) if w in CLAUSE_BREAKS), len(clause))]
    return bool(set(clause[:6]) & GENERIC_PREDICATES)


def _offer_taken_up(sent: Span) -> int:
    """ "... met de vraag of ik wilde bellen. Dat heb ik toen gedaan.", "Ze raadde aan te mailen,
    wat ik dezelfde avond nog deed.": the offer was taken up, so many times (0 when it was not:
    "Dat heb ik gedaan, drie keer in de week daarna" three)."""
    sentences = docindex.sentences(sent.doc)
    i = docindex.sentence_number(sent.doc, sent.start)
    for s in sentences[i : i + 2]:
        if DONE_SENTENCE.match(s.text.strip()):
            return _times_done(s)
        if _has_label(docindex.cues_in(s), "done_offer"):
            return 1
    return 0


DONE_WITH_WORDS = resources.words("contacts.done_with_words")  # "met", "per", "via"


def _done_with_channel(sent: Span, cues: list[Span]) -> str | None:
    """ "Dat heb ik gedaan, met een aangetekende brief aan de heer Veldman zelf", "Dat deed ik
    dezelfde dag, per mail": advice taken up, the way it was done named after the comma; the
    channel of that phrase is the writer's contact."""
    done = next((c for c in cues if c.label_ == "done_offer" and c.start - sent.start <= 1), None)
    if done is None:
        return None
    doc = sent.doc
    for k in range(done.end, min(sent.end, done.end + 6)):
        if doc[k].lower_ in DONE_WITH_WORDS and doc[k - 1].text == ",":
            channel = next((c for c in cues if c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS
                            and k < c.start <= k + 3), None)
            return channel.id_ if channel is not None else None
    return None


def _imperative_taken_up(sent: Span, cue: Span) -> bool:
    """ '"Mail maar naar het algemene adres." Dat heb ik gedaan.': staff's order, quoted as the
    sentence's first word, and the writer's next sentence says it was done."""
    first = next((t for t in sent if t.text not in QUOTE_TOKENS), None)
    return first is not None and (first.i == cue.start or _said_before_colon(sent, cue)) and _offer_taken_up(sent)


ADVICE_VERBS = resources.words("contacts.advice_verbs")
INFINITIVE_MARKERS = resources.words("contacts.infinitive_markers")  # "te mailen"


def _alternatives(key: str) -> str:
    """The words of a grammar.json list as a regex alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(resources.words(key), key=len, reverse=True))


# ", wat ik dezelfde avond nog deed": a relative clause after the request says it was done
DONE_CLAUSE = re.compile(
    rf"(?i),\s*(?:{_alternatives('contacts.done_clause_relatives')})\s+(?:{_alternatives('contacts.self')})\b"
    rf"(?![^.!?,]{{0,40}}\b(?:{_alternatives('contacts.done_clause_negations')})\b)"
    rf"[^.!?,]{{0,40}}\b(?:{_alternatives('contacts.done_clause_verbs')})\b")
# ", en een week later nog eens": the thing done was done again
DONE_AGAIN = re.compile(rf"(?i),\s*(?:{_alternatives('contacts.shared_subject_joiners')})\b[^.!?]{{0,40}}"
                        rf"\b(?:{_alternatives('contacts.done_again_words')})\b")


def _request_taken_up(sent: Span, cue: Span) -> int:
    """ "De medewerker vroeg me de foto's te mailen. Dat heb ik meteen gedaan.", "kreeg ik het
    advies het betaalbewijs te mailen. Dat heb ik dezelfde dag gedaan.": what staff asked or
    advised, told as a "te"-infinitive, and the writer's next sentence says it was done: that many
    contacts (two for "Dat heb ik gedaan, en een week later nog eens"), else 0."""
    doc = sent.doc
    if not (_asked_of_writer(sent, cue) or _writer_was_told(sent, cue)):
        return 0
    if any(c.label_ == "done_offer" and c.start >= cue.end for c in docindex.cues_in(sent)) \
            or DONE_CLAUSE.search(doc[cue.end : sent.end].text):
        return 1  # "vroeg me foto's te mailen, wat ik dezelfde avond deed"
    sentences = docindex.sentences(doc)
    i = docindex.sentence_number(doc, sent.start)
    done = next((s for s in sentences[i + 1 : i + 2] if DONE_SENTENCE.match(s.text.strip())), None)
    if done is None or contact_events(done, docindex.cues_in(done)):
        return 0  # ("Gedaan, mail met screenshots erachteraan.": that sentence tells the mail)
    return _times_done(done)


DONE_TIMES = re.compile(rf"(?i),\s*(\w+)\s+(?:{_alternatives('contacts.times_words')})\b")


def _times_done(done: Span) -> int:
    """How many contacts the done sentence tells: "Dat heb ik gedaan, drie keer in de week
    daarna" three, "Dat heb ik gedaan, en een week later nog eens" two, else one."""
    told = DONE_TIMES.search(done.text)
    n = numbers.parse(told.group(1).lower()) if told else None
    if n is not None and 2 <= n <= 20:
        return int(n)
    return 2 if DONE_AGAIN.search(done.text) else 1


def _writer_was_told(sent: Span, cue: Span) -> bool:
    """ "De baas was er niet, ik moest maar terugbellen.": what the writer was told to do, as
    "ik moest" or "ik kon" and a bare infinitive in the clause; like a request, it is a contact only
    once the next sentence says it was done. So is what the writer was to do ("op voorwaarde dat
    ik een bewijs zou mailen. Dat heb ik gedaan.")."""
    doc = sent.doc
    clause = list(docindex.words_back(cue, CLAUSE_BREAKS))
    # ("Voor de terugbetaling moest je een formulier op de site invullen. Dat heb ik gedaan.": the
    # rule for anyone, then done by the writer)
    return cue[-1].lower_.endswith("en") and bool(set(clause) & (SELF | GENERIC_SUBJECTS)) \
        and bool(set(clause) & (TOLD_TO_MODALS | WRITER_PLAN_MODALS)) and doc[cue.start - 1].lower_ not in INFINITIVE_MARKERS


GENERIC_SUBJECTS = resources.words("contacts.generic_subjects")
# ("invullen": a form to fill in counts only when the next sentence says it was done)
DONE_ONLY_INFINITIVES = resources.words("contacts.done_only_infinitives")
CAUSATIVE_VERBS = resources.words("contacts.causative_verbs")


def _asked_of_writer(sent: Span, cue: Span) -> bool:
    """ "De medewerker vroeg me de foto's te mailen", "kreeg ik het advies het bewijs te mailen":
    the cue is a "te"-infinitive after a request made of the writer ("me", "ons") or advice
    given; "Ik heb gevraagd om langs te komen" asks the company and is not read here."""
    doc = sent.doc
    if cue.start - 1 <= sent.start or doc[cue.start - 1].lower_ not in INFINITIVE_MARKERS:
        return False
    before = {t.lower_ for t in doc[sent.start : cue.start - 1]}
    return bool(before & ADVICE_HEADS or before & (REQUEST_VERBS | ADVICE_VERBS) and before & CUSTOMER_AS_OBJECT)


def _said_before_colon(sent: Span, cue: Span) -> bool:
    """ "Mijn zus zei: bel ze zelf." The order opens what someone said, after a speech verb
    and a colon."""
    doc = sent.doc
    return cue.start - 2 >= sent.start and doc[cue.start - 1].text == ":" \
        and doc[cue.start - 2].lower_ in SPEECH_VERBS


# "Dat heb ik diezelfde middag gedaan.", "Dat deed ik de volgende ochtend.", "Ook gedaan.": a
# sentence that says the writer did it, whatever stands between the words
DONE_SENTENCE = re.compile(r"(?i)^(?:(?:dat|dit)\s+(?:heb|hebben|had|hadden)\s+(?:ik|we|wij)\b(?![^.!?]{0,40}\b(?:niet|nooit)\b)"
                           r"[^.!?]{0,40}\bgedaan"
                           r"|(?:dat|dit)\s+deden?\s+(?:ik|we|wij)\b(?!\s+(?:niet|nooit)\b)"
                           r"|(?:ook|netjes|braaf|meteen|keurig|direct)?\s*gedaan\s*(?:[.!]*$|,))")


@cache
def _offers_after() -> frozenset[str]:
    return frozenset(row["pattern"].lower() for row in resources.read_jsonl("contacts.jsonl")
                     if row["label"] == "offered" and row.get("after"))


def _modal_near(sent: Span, offered: Span, cue: Span) -> bool:
    """ "had ik" is hypothetical only with a modal word in the clause ("had ik beter kunnen
    bellen", "had ik maar gemaild"); "de verhuizing had ik doorgegeven" is a plain past."""
    near = _offer_companions().get(offered.text.lower())
    if not near:
        return True
    clause = _tokens_between(sent, offered.end, sent.end)
    for i, tok in enumerate(clause):
        if tok in CLAUSE_BREAKS and i > cue.end - offered.end:
            break
        if tok in near:
            return True
    return False


@cache
def _offer_companions() -> dict[str, frozenset[str]]:
    return {row["pattern"].lower(): frozenset(row["near"]) for row in resources.read_jsonl("contacts.jsonl")
            if row["label"] == "offered" and row.get("near")}


def channel_used(sent: Span, cue: Span, sent_cues: list[Span]) -> bool:
    """Was the channel at ``cue`` really used in this sentence (by anyone)?"""
    if sent.text.rstrip().endswith("?") and not _has_label(sent_cues, "self"):
        return False
    if _imperative_taken_up(sent, cue) or _request_taken_up(sent, cue):
        return True  # '"Mail maar naar het algemene adres." Dat heb ik gedaan.'
    if _compound_head(cue) or _hypothetical_question(sent, cue) or _advice_to_someone(sent, cue) \
            or _imperative_opening(sent, cue) or _tail_of_quote(sent, cue) or _counterfactual(sent) or _should_it_happen(sent) or _conditional_plan(sent) \
            or _unwilling(sent, cue) \
            or _unreal_modal(sent, cue) or _not_the_writers(sent) or _planned(sent, cue) or _told_to(sent, cue) or _requested(sent, cue) \
            or _generic_infinitive(sent, cue) or _almost_done(sent, cue) or _the_right_one(sent, cue) \
            or _first_one_again(sent, cue) or _preferred(cue) or _others_channel(sent, cue) \
            or _passive_after(sent, cue, modal_only=True) or _could_go(sent) or _not_sent(sent):
        return False  # "Nu moet ik dus weer een brief sturen": not used (yet); "Bellen helpt niks": about calling
    if any(c.label_ == "contact_verb" and c.id_.startswith("any") and c.start <= cue.start and cue.end <= c.end
           and len(c) > len(cue) for c in sent_cues):
        return False  # "opgenomen" in "contact opgenomen" is no phone picked up
    if cue.start - 1 > sent.start and numbers.parse(sent.doc[cue.start - 1].lower_) is not None \
            and _compared(sent, cue.start - 1):
        return False  # "werkt beter dan tien mails"
    negations = [c for c in sent_cues if c.label_ == "negation"]
    return not _negated(sent, cue, negations) and not _offered(sent, cue, sent_cues) \
        and not _where_another_channel_is(sent, cue, sent_cues) and not _called_to(sent, cue, sent_cues) \
        and not _other_person_subject(sent) and not _not_their_arrival(sent, cue)


MESSAGE_TAILS = resources.words("contacts.message_tails")
ARRIVALS = resources.read_json("arrivals.json")
ARRIVAL_VERBS = frozenset(ARRIVALS["arrive_verbs"] + ARRIVALS["stand_verbs"])
ARRIVAL_WRITER = frozenset(ARRIVALS["writer_subjects"])
ARRIVAL_ELSEWHERE = tuple(ARRIVALS["elsewhere_after"])


def _not_their_arrival(sent: Span, cue: Span) -> bool:
    """An arrival pattern (pipeline.arrival_patterns) that is no company visit: the writer
    came ("Toen ik de auto kwam brengen", "kwam mijn man kijken") or the person came on the
    line ("Daarna kwam er een man aan de lijn", "kwam er een dame aan de telefoon"). A promised
    visit ("er zou iemand komen kijken") stays a visit, as "monteur" alone does: the corpus gold
    counts it (excluding it lost 8 true visits for 4 false ones)."""
    if cue.id_ == "visit" and len(cue) == 1 and cue[0].lower_ in COME_BY:
        # "Op maandag ben ik opnieuw langsgekomen"; "Mijn zoon is langsgekomen" came to the writer
        return _writer_came_by(sent, cue) or _household_subject(sent, cue)
    if cue.id_ != "visit" or not {cue[0].lower_, cue[-1].lower_} & ARRIVAL_VERBS:
        return False
    back = set(docindex.words_back(cue, SUBCLAUSE_BREAKS))
    ahead = [t.lower_ for t in _clause_ahead(sent, cue)]
    if ARRIVAL_WRITER & (back | {t.lower_ for t in cue}):
        return True  # "Toen ik de auto kwam brengen"
    told_after = f" {' '.join(ahead)} "
    return any(f" {phrase} " in told_after for phrase in ARRIVAL_ELSEWHERE)


COME_BY = frozenset(ARRIVALS["come_by_participles"])
COME_BY_WRITER = frozenset(ARRIVALS["come_by_writer_auxiliaries"])
COME_BY_PLURAL = frozenset(ARRIVALS["come_by_plural_auxiliaries"])


def _writer_came_by(sent: Span, cue: Span) -> bool:
    """ "Op maandag ben ik opnieuw langsgekomen", "we zijn zaterdag langsgekomen", "Mijn vrouw is
    bij Bakkerij Smit langsgekomen": the writer (or household) came to the premises, a visit of
    theirs, not the company's. "ben" is the writer's own auxiliary; "zijn" is only with "we"/"wij"
    beside it ("zijn ze langsgekomen" is the company); a household member only "bij" a place."""
    back = list(docindex.words_back(cue, SUBCLAUSE_BREAKS))
    if any(w in COME_BY_WRITER for w in back):
        return True
    if any(a in COME_BY_PLURAL and b in SELF or a in SELF and b in COME_BY_PLURAL for a, b in zip(back, back[1:])):
        return True
    # a partner came by at the company's ("bij Bakkerij Smit"); "Mijn zoon is langsgekomen en had
    # het verholpen" came to the writer's home
    return "bij" in back and _household_subject(sent, cue)


def _came_by_the_premises(sent: Span, negations: list[Span]) -> bool:
    """A shop visit told with a participle of coming by, the writer as subject; see
    _writer_came_by ("Ik ben niet meer langsgekomen" is none)."""
    return any(t.lower_ in COME_BY and not any(n.start < t.i for n in negations)
               and _writer_came_by(sent, sent.doc[t.i : t.i + 1]) for t in sent)


def _compound_head(cue: Span) -> bool:
    """ "mijn Ziggo-contract", "het mail-adres": the cue is the first part of a hyphenated
    compound, a word about something else ("WhatsApp-bericht" is still a message)."""
    doc = cue.doc
    return cue.end + 1 < len(doc) and not cue[-1].whitespace_ and doc[cue.end].text == "-" \
        and doc[cue.end + 1].is_alpha and doc[cue.end + 1].lower_ not in MESSAGE_TAILS


def _where_another_channel_is(sent: Span, cue: Span, sent_cues: list[Span]) -> bool:
    """ "het contactformulier op hun site", "via de chat op de website": the site only says where
    the form or chat was; the channel used is the form or the chat (SPEC: a form is webform).
    Likewise "de webcare op Facebook" is the Facebook channel."""
    if cue.text.lower().startswith("webcare"):
        # "via de webcare op Facebook": webcare is a team; the channel is the one it works on
        return any(o.label_ == "channel" and o.id_ == "facebook" and 0 <= o.start - cue.end <= 4 for o in sent_cues)
    if not cue.id_.startswith("website"):
        return False
    for other in sent_cues:
        if other.label_ != "channel" or not other.id_.startswith(("webform", "chat")) or other.end > cue.start:
            continue
        between = _tokens_between(sent, other.end, cue.start)
        if len(between) <= 4 and between[:1] in (["op"], ["van"]):
            return True
    return False


DESK_WORDS = resources.words("contacts.desk_words")
DESK_AGAIN_WORDS = resources.words("contacts.desk_again_words")


def _desk_of_the_visit(sent: Span, cue: Span, taken: list[Span]) -> bool:
    """ "Dus ben ik naar De Brug gegaan en heb het aan de balie uitgelegd", "ben ik naar het
    stadhuis gegaan om het aan de balie uit te leggen": the desk is inside the place just
    visited in this sentence, one visit; unless the writer says it was again ("en later
    nog een keer aan de balie")."""
    if not DESK_WORDS & {t.lower_ for t in cue}:
        return False
    doc = sent.doc
    for t in taken:
        if t.end <= cue.start and t.label_ == "contact_verb" and t.id_.startswith("shop"):
            between = {w.lower_ for w in doc[t.end : cue.start]}
            return not (REPEAT_WORDS | DESK_AGAIN_WORDS) & between
    return False


def _app_of_taken_chat(cue: Span, taken: list[Span]) -> bool:
    """ "via de chat in de app gemeld": a cue that opens with "in"/"op" the app, right after a
    chat or form taken as a contact, says where that chat was."""
    return cue[0].lower_ in ("in", "op") and any(
        t.end == cue.start and t.label_ == "contact_verb" and t.id_.startswith(("chat", "webform")) for t in taken)


def _app_holding(sent: Span, cue: Span, sent_cues: list[Span]) -> bool:
    """ "via de chat in de app een foto gestuurd", "in de app via de chat geprobeerd": the app
    holds the chat or form the general verb went through, so the verb's channel is the chat (one
    contact); the app stays among the channels used, as a site holding a form does not."""
    if not cue.id_.startswith("app"):
        return False
    for other in sent_cues:
        if other.label_ != "channel" or not other.id_.startswith(("webform", "chat")):
            continue
        if other.end <= cue.start:
            between = _tokens_between(sent, other.end, cue.start)
            if len(between) <= 3 and between[:1] in (["in"], ["op"], ["van"]) or not between:
                return True  # ("de chat in de Klarna-app": the compound "-app" follows directly)
        elif cue.end <= other.start:
            between = _tokens_between(sent, cue.end, other.start)
            if 1 <= len(between) <= 3 and between[0] == "via":
                return True
    return False


# channels that reach a place from afar: "naar de winkel gebeld" is a call, not a visit
REMOTE = resources.phrases("contacts.remote_channels")


def _called_to(sent: Span, cue: Span, sent_cues: list[Span]) -> bool:
    """ "Ik heb naar de winkel gebeld": the shop is where the call went, not a visit."""
    return _call_target(sent, cue, sent_cues) is not None


def _call_target(sent: Span, cue: Span, sent_cues: list[Span]) -> Span | None:
    """The phone, mail or letter verb a shop or visit phrase is the destination of."""
    if not cue.id_.startswith(("shop", "visit")):
        return None
    # ("naar de winkel" as one cue, or "winkel" after "naar de")
    towards = "naar" in {t.lower_ for t in sent.doc[max(sent.start, cue.start - 2) : cue.start + 1]}
    for other in sent_cues:
        if other.label_ != "contact_verb" or not other.id_.startswith(REMOTE):
            continue
        if other.start >= cue.end:
            between = _tokens_between(sent, cue.end, other.start)
            if len(between) <= 3 and not CLAUSE_BREAKS & set(between):
                return other
        elif towards and other.end <= cue.start:
            # "Maandagochtend bel ik naar de winkel", "Ik heb gebeld naar het kantoor"
            # ("bel om negen uur naar de winkel": a time of the call between)
            between = [w for w in _tokens_between(sent, other.end, cue.start) if w != "naar" and w not in PLACE_DETERMINERS
                       and not (w in REPEAT_TIME_WORDS or numbers.parse(w) is not None)]
            if len(between) <= 1 and not CLAUSE_BREAKS & set(between):
                return other
    return None


def _has_label(cues: list[Span], label: str) -> bool:
    return any(c.label_ == label for c in cues)


NEW_CONTACT_WORDS = resources.words("contacts.new_contact_words")


def contact_events(sent: Span, cues: list[Span]) -> list[str]:
    """Channels of the contacts the customer (or household) started in this sentence:
    "Ik belde en mailde" -> [phone, email]. Company call-backs and received mail
    ("kreeg een brief"), offers, negations and other people's contacts are left out.
    Kept per sentence and cue set in the Doc: reading a story asks for it more than once."""
    cues = [c for c in cues if not _their_call_again(sent, c)]  # ("weer een telefoontje: ...": theirs)
    memo = sent.doc.user_data.setdefault("klantverhaal.contact_events", {})
    key = (sent.start, tuple((c.start, c.end, c.label_) for c in cues))
    if key not in memo:
        memo[key] = _contact_events(sent, cues)
    return memo[key]


ON_SITE_QUESTION_VERBS = resources.words("contacts.on_site_question_verbs")
ON_SITE_PARTICIPLES = resources.words("contacts.on_site_participles")
ON_SITE_AUXILIARIES = resources.words("contacts.on_site_auxiliaries")
ON_SITE_SKIPS = resources.phrases("contacts.on_site_skips")
ON_SITE_PRONOUNS = resources.words("contacts.on_site_pronouns")
ON_SITE_ARTICLES = resources.words("contacts.on_site_articles")
ON_SITE_PEOPLE = resources.words("contacts.on_site_people")
ON_SITE_REACH = 2  # sentences back to the company's visit


def _question_on_site(sent: Span) -> bool:
    """ "Om half twee stond er een monteur voor de deur. Hij keek in de put. Ik vroeg hem wat er
    nu gebeurt.": a question the writer puts to the company's people while they are there is a
    `visit` contact (corpus decision 175). The writer is the subject of a question verb whose
    addressee follows it (a pronoun or a person word: "hem", "de ene", "de monteur"), and the
    last channel told, in this sentence or the two before, is the company's visit. "Ik vroeg me
    af" wonders; a question on the phone follows a call, not a visit."""
    doc = sent.doc
    verb = next((t for t in sent if t.lower_ in ON_SITE_QUESTION_VERBS and t.i > sent.start
                 and doc[t.i - 1].lower_ in SELF | ON_SITE_AUXILIARIES), None)
    if verb is None:
        # "Ik heb hem meteen gewezen op de natte plek": the auxiliary, the addressee after it, and a
        # participle of asking or telling later in the clause
        verb = next((t for t in sent if t.lower_ in ON_SITE_AUXILIARIES and t.i > sent.start
                     and doc[t.i - 1].lower_ in SELF and any(
                         w.lower_ in ON_SITE_PARTICIPLES for w in doc[t.i + 1 : _first_comma(sent, t.i + 1)])), None)
    if verb is None or verb.i + 2 >= sent.end or verb.i in _quoted_tokens(sent):
        return False
    first, second = doc[verb.i + 1].lower_, doc[verb.i + 2].lower_
    for skip in ON_SITE_SKIPS:  # "Ik vroeg nog aan de monteur ...": in this order, each once
        if first == skip:
            first, second = second, doc[verb.i + 3].lower_ if verb.i + 3 < sent.end else ""
    # "Ik vroeg hem", "Ik vroeg de ene", "Ik vroeg de monteur" ("Ik vroeg me af ...", "Ik vroeg
    # mijn man ..." are no question to the company's people)
    if not (first in ON_SITE_PRONOUNS or first in ON_SITE_ARTICLES and (
            second in ON_SITE_PEOPLE or second in PERSON_NOUNS or second.endswith(STAFF_NOUN_ENDINGS))):
        return False
    number = _sentence_number(sent)
    for back in range(number, max(-1, number - ON_SITE_REACH - 1), -1):
        before = docindex.sentences(doc)[back]
        channels = [c for c in docindex.cues_in(before) if c.label_ == "channel"
                    and (back < number or c.start < verb.i)]
        if channels:
            last = max(channels, key=lambda c: c.start)
            return last.id_ == "visit" and not _not_their_arrival(before, last)
    return False


DEFINITE_ARTICLES = resources.words("contacts.definite_articles")


KIND_DETERMINERS = resources.phrases("contacts.kind_determiners")


def _kind_of_contact(sent: Span, cue: Span) -> bool:
    """ "zo'n telefoontje", "een dergelijke brief": a contact noun after a word of kind names the
    sort of contact, not one the writer made (a verb with it, "zo'n mail gestuurd", is its own cue)."""
    before = " ".join(t.lower_ for t in sent.doc[max(sent.start, cue.start - 2) : cue.start])
    return any(before == k or before.endswith(" " + k) for k in KIND_DETERMINERS)


def _definite_retelling(sent: Span, cue: Span, channel: str) -> bool:
    """ "Ik heb gechat met Coolblue. De chat met Coolblue duurde een uur.": a contact noun with
    "de" or "het" right before it, in the sentence after one that told a contact of the same
    channel, is that contact told on ("Het tweede telefoontje" is read as an ordinal before)."""
    doc = sent.doc
    if channel == "any":
        return False
    number = _sentence_number(sent)
    if number == 0:
        return False
    sentences = docindex.sentences(doc)
    if cue.start <= sent.start or doc[cue.start - 1].lower_ not in DEFINITE_ARTICLES:
        return False
    before = sentences[number - 1]
    return channel in contact_events(before, docindex.cues_in(before))


REPLY_VERBS = resources.words("contacts.reply_verbs")


def _writer_replied(sent: Span, cue: Span) -> bool:
    """ "Ik heb daar nog op gereageerd", "Daar heb ik per mail op gereageerd": the writer
    answering what the company sent is a contact of the writer's, with or without a channel
    named ("Ze hebben daar nooit op gereageerd" is the company's)."""
    return cue.text.lower() in REPLY_VERBS and _clause_has_self(sent, cue)


WRITER_CALL_BACK = resources.words("contacts.writer_call_back_participles")
WRITER_HAVE = resources.words("contacts.writer_have_auxiliaries")


def _writer_called_back(sent: Span, cue: Span) -> bool:
    """ "Ik heb meteen teruggebeld om te vragen ...": "teruggebeld" with the writer as subject
    of "hebben" is the writer's own call; "Ik werd/ben niet teruggebeld", "ze hebben me
    teruggebeld" are the company's."""
    if cue.text.lower() not in WRITER_CALL_BACK or not (_clause_has_self(sent, cue) or _household_subject(sent, cue)):
        return False  # ("Mijn vrouw heeft de volgende ochtend teruggebeld": the household's call)
    clause = set(docindex.words_back(cue, CLAUSE_BREAKS))
    return bool(clause & WRITER_HAVE) and not clause & (PASSIVE | STATE_PASSIVE | SELF_OBJECTS)


def _lodged_with_third_party(sent: Span, cue: Span) -> bool:
    """ "Ik heb een klacht ingediend bij de Inspectie Leefomgeving en Transport en Transavia nog
    een keer gemaild": a complaint lodged "bij" a disputes body or regulator (third_parties.txt)
    is no contact with the company, whatever else the sentence tells."""
    doc = sent.doc
    near = range(max(sent.start, cue.start - 8), min(sent.end - 1, cue.end + 2))
    places = [k for k in near if doc[k].lower_ in LODGED_WITH and (k > cue.end - 1 or not _clause_breaks(doc, k, cue.start))]
    for k in places:
        first = k + 1 + (doc[k + 1].lower_ in DEFINITE_ARTICLES)
        named = next(iter(docindex.named_spans(doc, first, first + 1)), None)
        text = (named.text if named is not None else " ".join(t.lower_ for t in doc[first : min(sent.end, first + 4)])).lower()
        if text in THIRD_PARTIES or any(text.startswith(p + " ") or text == p for p in THIRD_PARTIES):
            return True
    return False


# "doorgemaild:email": a forwarding participle and the channel it names ("any" for none)
FORWARD_VERBS = dict(resources.pairs("contacts.forward_participles"))
THIRD_PARTIES = resources.word_lines("third_parties.txt")
LODGED_WITH = resources.words("contacts.lodged_with_prepositions")  # "ingediend bij de Geschillencommissie"
ANOTHER_FIRM = resources.words("contacts.another_firm_words")  # "naar een ander bedrijf": not this one


def _writer_forwarded(sent: Span) -> str | None:
    """ "Die verklaring heb ik doorgestuurd naar Parkmobile", "De mail doorgemaild naar
    Kotwijs": the writer forwarding something to a company named right after "naar" is a
    message to it (email for "doorgemaild", else no channel of its own). The writer is the
    subject of "hebben", or the note has no subject; "Ik werd doorgestuurd naar de afdeling
    klachten" (a passive), "ze hebben de foto doorgestuurd naar DPD", a quoted letter and a
    disputes body or consumer programme ("naar Test Aankoop") are not the writer's contact with it."""
    doc = sent.doc
    verb = next((t for t in sent if t.lower_ in FORWARD_VERBS), None)
    if verb is None or verb.i + 2 >= sent.end or doc[verb.i + 1].lower_ != "naar":
        return None
    target = doc[verb.i + 2 : min(sent.end, verb.i + 5)]
    named = docindex.named_spans(doc, target.start, target.end)
    if not named or any(s.text.lower() in THIRD_PARTIES or doc[s.start - 1].lower_ in ANOTHER_FIRM for s in named):
        return None  # "naar Test Aankoop", "naar een andere winkel": no contact with this firm
    return FORWARD_VERBS[verb.lower_] if _writer_did_it(sent, verb) else None


FRONTED_THING_PRONOUNS = resources.words("contacts.fronted_thing_pronouns")
# "webform:ingevuld", "letter:verstuurd": the participles that send a thing of that channel
THING_SENT = Counter(resources.pairs("contacts.thing_sent_participles"))
THING_CHANNELS = frozenset(channel for channel, _ in THING_SENT)


def _form_told_before_sent(sent: Span) -> str | None:
    """ "... dat het bedrag via het klachtenformulier terug te vragen was. Dat heb ik dezelfde
    avond ingevuld.": a pronoun put first ("Dat/Die heb ik ... ingevuld/verstuurd") takes up the
    form, letter or mail the sentence before named without the writer sending it there. That
    channel, else None. A noun the sentence before already counted is not sent again."""
    doc = sent.doc
    words = [t for t in doc[_after_date_prefix(sent) : sent.end] if not t.is_space]
    if len(words) < 4 or words[0].lower_ not in FRONTED_THING_PRONOUNS or words[1].lower_ not in HEBBEN_AUXILIARIES \
            or words[2].lower_ not in SELF or sent.start == 0:
        return None
    clause = [t.lower_ for t in words[3:12]]
    clause = clause[: next((k for k, w in enumerate(clause) if w in CLAUSE_BREAKS), len(clause))]
    before = docindex.sentence_of(doc[sent.start - 1 : sent.start])
    if _has_label(docindex.cues_in(before), "company_initiated"):
        return None  # "Ik kreeg een brief met een formulier. Die heb ik ingevuld.": theirs, not sent back
    nouns = [c.id_ for c in docindex.cues_in(before) if c.label_ == "channel" and c.id_ in THING_CHANNELS]
    if not nouns or not any(THING_SENT[(nouns[-1], w)] for w in clause) \
            or nouns[-1] in contact_events(before, docindex.cues_in(before)):
        return None
    return nouns[-1]


SENT_BACK = resources.words("contacts.sent_back_participles")
# "mail:email": a message noun and the channel it names ("any" for none)
SENT_BACK_MESSAGES = dict(resources.pairs("contacts.sent_back_messages"))


def _writer_sent_back(sent: Span) -> str | None:
    """ "Toen heb ik een bericht teruggestuurd", "Ik heb het formulier ingevuld teruggestuurd": a
    message the writer sent back is a contact (a reply, decision 56); goods sent back ("de accu
    teruggestuurd") are not. The message noun stands just before the participle; the writer is
    the subject of "hebben", or the note has no subject."""
    doc = sent.doc
    verb = next((t for t in sent if t.lower_ in SENT_BACK), None)
    if verb is None:
        return None
    noun = next((t for t in doc[max(sent.start, verb.i - 2) : verb.i] if t.lower_ in SENT_BACK_MESSAGES
                 and doc[t.i - 1].lower_ not in NOUN_PREPOSITIONS), None)  # not "per mail, oude laptop teruggestuurd"
    if noun is None:
        return None
    return SENT_BACK_MESSAGES[noun.lower_] if _writer_did_it(sent, verb) else None


def _joined_to_their_clause(sent: Span, word: Span, clause: set[str]) -> bool:
    """ "ze betreuren de gang van zaken en hebben mijn klacht doorgestuurd": a clause with no
    subject of its own after "en" shares the subject before it, here someone else's."""
    if clause & SELF:
        return False
    doc = sent.doc
    k = word.start - len(list(docindex.words_back(word, CLAUSE_BREAKS))) - 1
    if k <= sent.start or doc[k].lower_ != "en":
        return False
    before = {t.lower_ for t in doc[sent.start : k]}
    return bool(before & (SUBJECT_PRONOUNS - SELF)) and not before & SELF


def _writer_did_it(sent: Span, verb) -> bool:
    """Is the writer the one who did what the participle ``verb`` tells: the writer as subject of
    "hebben" in its clause, or a note with no subject at all; never a passive or another subject
    ("Ik werd doorgestuurd", "ze hebben de foto doorgestuurd"), and never inside quotes ("'Wij
    hebben uw klacht doorgestuurd naar ...'": a letter of the company's)?"""
    word = sent.doc[verb.i : verb.i + 1]
    clause = set(docindex.words_back(word, CLAUSE_BREAKS))
    if clause & (PASSIVE | STATE_PASSIVE) or clause & (SUBJECT_PRONOUNS - SELF) or _quoted(sent, word) \
            or _company_perfect_subject(sent, word) or _joined_to_their_clause(sent, word, clause):
        return False  # ("Fluvius heeft het rechtgezet en de meterstanden doorgestuurd naar Luminus")
    return bool(clause & SELF and clause & WRITER_HAVE) or not clause & (SUBJECT_PRONOUNS | SELF)


def _contact_events(sent: Span, cues: list[Span]) -> list[str]:
    if _not_the_writers(sent) or _counterfactual(sent) or _should_it_happen(sent) or _conditional_plan(sent):
        return []
    if _message_with_their_answer(sent, cues) and not SELF & {t.lower_ for t in sent}:
        return []  # "Negen dagen later: mail met een afwijzing.": their answer came in
    if not any(c.label_ in ("contact_verb", "comm_verb", "channel") for c in cues) and _question_on_site(sent):
        return ["visit"]  # "Er stond een monteur voor de deur. ... Ik vroeg hem wat er nu gebeurt."
    # ("Ik heb daar nog op gereageerd": a reply verb is the company's only with someone else as subject)
    initiated = [c for c in cues if c.label_ == "company_initiated" and not _writer_replied(sent, c)]
    negations = [c for c in cues if c.label_ == "negation"]
    someone_else = _other_person_subject(sent)  # "Mijn buurman, die ..., heeft een brief gestuurd"
    events = []
    resolved_any: list[tuple[str, int, int]] = []  # channel a general verb ("opgezegd") took, and where it is
    last_taken: Span | None = None
    taken: list[Span] = []
    vague: list[Span] = []
    reported_from: int | None = None
    option_from = _option_start(sent)  # ("dat ik bezwaar kan maken via ...": an option, from here on)
    for cue in cues:
        if cue.label_ == "vague_contact":
            vague.append(cue)
            continue
        if any(t.start < cue.end and cue.start < t.end for t in taken):
            # "mail" inside "mail gestuurd": one phrase, one contact; a chain of overlapping cues
            # too ("via de chat" + "chat geprobeerd" + "geprobeerd")
            taken.append(cue)
            continue
        if cue.label_ == "comm_verb" and (not _names_a_channel_or_company(sent, cues) and not _writer_replied(sent, cue)
                                          and not _message_noun_sent(sent, cue)
                                          or _parcel_handed_in(sent, cue) or _shipped_with_carrier(sent, cue)):
            continue
        tried = _attempt_on_channel(sent, cue, cues) if cue.text.lower() in ATTEMPT_VERBS else None
        if cue.label_ == "comm_verb" and cue.text.lower() in ATTEMPT_VERBS and tried is None:
            continue
        if cue.label_ not in ("contact_verb", "comm_verb"):
            continue
        if _went_elsewhere(sent, cue) or _asked_whether(sent, cue) or _told_in_that_contact(sent, cue) \
                or _instead_of(sent, cue) or _resigned(sent, cue) or _everything_that(sent, cue) \
                or _state_passive(sent, cue) \
                or cue.start >= option_from:
            continue  # "ben ik naar buiten gelopen", "ging ik naar huis": no premises of the firm
        if _message_back(sent, cue, from_someone=True) or _everyone_who(sent, cue) or _message_from(sent, cue):
            continue  # "had ik een mail terug van ene Femke", "iedereen die we aan het loket hadden"
        if _rang_the_bell(sent, cue):
            continue  # "Ik belde bij de receptie aan", "de opnemer belde bij de verkeerde deur aan": a doorbell
        if cue.text.lower() in COUNTED_ONLY and not _count_before(sent, cue):
            continue  # "moest ik bij de gemeente aankloppen": advice or a plan; "vier keer aankloppen" counts
        offer = _offer_words(sent, cue, cues)
        adopted = offer and _offer_taken_up(sent)  # "u kunt mailen" + "..., wat ik ook deed"
        # ("kreeg ik te horen dat ik moest mailen naar de eigenaar. Dat heb ik gedaan.": the advice
        # came in, the mail it asked for went out)
        if any(_received(sent, i, cue) for i in initiated) and not adopted or _call_back(sent, cue):
            continue
        if _negated(sent, cue, negations) or offer and not adopted or _almost_done(sent, cue):
            continue
        requested = _request_taken_up(sent, cue)
        if not requested and cue.text.lower() in DONE_ONLY_INFINITIVES \
                and not (cue.start > sent.start and sent.doc[cue.start - 1].lower_ in CAUSATIVE_VERBS):
            # ("bij de dierenkliniek de verklaring laten invullen": had it done there, a visit)
            continue  # "Ik moest het formulier invullen. Dat formulier meteen ingevuld.": the form is the next one
        ordered = _imperative_taken_up(sent, cue) or bool(requested)
        if ordered:
            adopted = True  # '"Mail maar naar het algemene adres." Dat heb ik gedaan.'
        elif _quoted(sent, cue) or _called_to(sent, cue, cues) or _writer_received(sent, cue):
            continue  # "werd ik al gebeld door een medewerker", "ben ik gebeld door": the company called
        elif _said_or_planned(sent, cue) or _verb_as_noun(sent, cue) and not _one_more_noun(sent, cue):
            continue  # "Mail maar naar ...", "ik zou een mail krijgen", "de mail van Booking.com"
        channel, _, form = cue.id_.partition("/")
        if _told_again(sent, cue) or _within_same_session(sent, cue, cues) or _addressed_to_writer(sent, cue) \
                or channel == "any" and _lodged_with_third_party(sent, cue):
            continue
        if form == "noun" and _kind_of_contact(sent, cue):
            continue  # "Zo'n telefoontje, dat doet een mens goed.": a kind of call, not one made
        if form == "noun" and _definite_retelling(sent, cue, channel):
            taken.append(cue)
            continue  # "Ik heb Coolblue gebeld. Het telefoontje duurde een uur.": that call
        if form == "noun" and any(t.lower_ in SHOWN_BELOW for t in sent):
            continue  # "Hieronder mijn mails, zodat jullie kunnen meelezen": the mails are told below
        if reported_from is not None and cue.start > reported_from \
                and not any(t.lower_ in SELF for t in sent.doc[reported_from : cue.start]):
            continue  # "mailde hun klachtenteam: lijst verstuurd": what their message said
        # "Mijn zus zei: bel ze. Gedaan.": the order's speaker is not who made the call
        agent = "self" if requested else "unknown" if form == "noun" or ordered and _said_before_colon(sent, cue) \
            else _adjacent_agent(sent, cue)
        if agent == "other" and _household_subject(sent, cue) and not _company_perfect_subject(sent, cue):
            agent = "self"  # "Mijn man belt ze op": "ze" after the verb is the object here
        if agent == "other" or someone_else:
            reported_from = _colon_after(sent, cue) if agent == "other" else reported_from
            continue
        # "telefoontje naar", "Tweet naar de gemeente": to the company
        # (a noun sent "naar" someone only as a note's first word: "Volgende stap: een brief naar
        # Zalando" is a plan)
        outgoing = cue.text.lower().endswith(" naar") or form == "noun" and cue.end < sent.end \
            and sent.doc[cue.end].lower_ == "naar" and cue.start - _after_date_prefix(sent) <= 1 \
            and not (cue.end + 1 < sent.end and sent.doc[cue.end + 1].lower_ in SELF_OBJECTS)
        if agent == "self" or outgoing or _clause_has_self(sent, cue) or _household_subject(sent, cue) \
                or _elliptic(sent, cue) or _fragment(sent, cue) or _fragment_after_comma(sent, cue) \
                or _one_more_noun(sent, cue) or _noun_note(sent, cue) \
                or _list_item(sent, cue) or _coordinated(sent, last_taken, cue, taken) or adopted \
                or _after_writer_colon(sent, cue):
            if channel == "any":
                channel = tried or (_clause_channel(cue, cues) if _general_contact(cue)
                                    else _nearest_channel(cue, cues))
                resolved_any.append((channel, cue.start, cue.end))
            elif form != "noun" and channel in events and any(
                    kind == channel and not NEW_CONTACT_WORDS & {t.lower_ for t in sent.doc[min(end, cue.end) : max(start, cue.start)]}
                    for kind, start, end in resolved_any):
                taken.append(cue)
                continue  # "opgezegd aan de balie": the general verb took its channel from this phrase
                # ("een storingsmelding gedaan en later nog eens gebeld": a second contact)
            if (form == "noun" or cue.id_.startswith("any")) and channel in events:
                # "stuurde ik een twitterberichtje", "Dezelfde mail heb ik nog eens gestuurd": the
                # general verb and the noun tell one contact; its words are taken with it
                # ("een bericht gestuurd via de chat in de app": not again as "chat in")
                taken.append(cue)
                continue
            if channel == "shop" and _desk_of_the_visit(sent, cue, taken):
                taken.append(cue)
                continue  # "ben ik naar hun kantoor gegaan en heb aan de balie gevraagd": one visit
            if channel == "app" and _app_of_taken_chat(cue, taken):
                taken.append(cue)
                continue  # "via de chat in de app gemeld": the chat was in the app, one contact
            if _joined_to_general(sent, last_taken, cue) and events and events[-1] == channel:
                continue  # "Ingevuld en teruggemaild": the general verb was this mail
            events.append(channel)
            # "Dat heb ik gedaan, en een week later nog eens.", "..., drie keer in de week daarna."
            events += [channel] * (max(requested, int(adopted or 0)) - 1)
            last_taken = cue
            taken.append(cue)
    # "Ik heb Ziggo elke week gebeld" counts; "bel zelf elke week" (advice), "kon beter niet elke
    # week bellen" and "Henk belde me elke week" (the company) do not: the contact word beside a
    # vague amount must be one taken above as the customer's
    events += ["any" for cue in vague if _vague_about_contact(sent, cue, cues, near=taken)]
    # ("Ik heb Lefier gemaild en ben de volgende ochtend naar hun kantoor gegaan": a visit beside
    # another contact in the same sentence)
    if "shop" not in events and not someone_else and (_went_to_company(sent, negations) or _goes_to_premises(sent, negations)
                                                       or _came_by_the_premises(sent, negations)
                                                       or _brought_to_company(sent, negations) is not None):
        events.append("shop")  # ("Op maandag ben ik opnieuw langsgekomen": the writer came by)
    if not events and not someone_else and not negations:
        channel = _writer_forwarded(sent) or _writer_sent_back(sent) or _form_told_before_sent(sent)
        if channel:
            events.append(channel)  # "Die verklaring heb ik doorgestuurd naar Parkmobile"
    if "phone" not in events and not someone_else and any(
            c.label_ == "company_initiated" and _writer_called_back(sent, c) and not _negated(sent, c, negations) for c in cues):
        events.append("phone")  # "Ik heb meteen teruggebeld om te vragen ...": the writer's own call
    if not events and not someone_else:
        channel = _verbless_channel(sent, cues)
        if channel:
            events.append(channel)
    if not events and not someone_else and _tries_again(sent, negations):
        events.append("any")  # "Een dag later probeer ik het opnieuw", "Even later nog eens geprobeerd"
    if events and not someone_else:
        # "Ik heb een mail gestuurd ... en een sms naar zijn gsm": a second message sent along
        events += [c.id_ for c in cues if c.label_ == "channel" and c.id_ in MESSAGE_CHANNELS
                   and c.id_ not in events and _sent_along(sent, c)]
    if not events and not someone_else and not negations and (done_with := _done_with_channel(sent, cues)):
        events.append(done_with)  # "Dat heb ik gedaan, met een aangetekende brief aan de directeur"
    if not events and not someone_else and not negations and _told_to_staff(sent):
        channels = [c for c in cues if c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS]
        events.append(channels[0].id_ if channels else "any")  # "Ik heb het meteen tegen de uitvoerder gezegd"
    return events


TOLD_VERBS = resources.words("contacts.told_verbs")
TOLD_TO = resources.words("contacts.told_to_prepositions")
TOLD_PERSON_NOUNS = resources.words("contacts.told_person_nouns")
TOLD_PERSON_DETERMINERS = resources.words("contacts.told_person_determiners")
STAFF_NOUNS = frozenset(resources.read_json("mentions.json")["staff_nouns"])


def _told_to_staff(sent: Span) -> bool:
    """ "Ik heb dat daar aan de kraam tegen de eigenaar gezegd", "heb ik tegen de monteur gezegd
    dat ...": the writer saying or asking something of the firm's staff face to face is a contact,
    though no channel or contact verb is named. Telling a partner or a friend is not."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ in TOLD_OBJECT_VERBS and _staff_object_before(sent, tok):
            return True  # "Ik heb de monteur er meteen op gewezen", "de eigenaar aangesproken"
        if tok.lower_ not in TOLD_VERBS:
            continue
        verb = doc[tok.i : tok.i + 1]
        back = list(doc[max(sent.start, tok.i - 10) : tok.i])
        # ("Ik heb het tegen die mannen gezegd": "die" before the noun opens no clause of its own)
        # ("Bij het ophalen aan de leidster gevraagd wat er mis was": a note leaves the writer out)
        if not (_clause_has_self(sent, verb) or SELF & {t.lower_ for t in back[:4]} or _note_told(sent, verb)) \
                or _quoted(sent, verb):
            continue
        for k, t in enumerate(back[:-2]):
            if t.lower_ in TOLD_TO and (back[k + 2].lower_ in STAFF_NOUNS or back[k + 1].lower_ in TOLD_PERSON_DETERMINERS
                                        and back[k + 2].lower_ in TOLD_PERSON_NOUNS):
                return True  # ("tegen die mannen gezegd": the fitters there; "tegen mijn man" is home)
    return False


TOLD_OBJECT_VERBS = resources.words("contacts.told_object_verbs")
STAFF_SAID = resources.words("contacts.staff_said_words")  # "Aan de balie zeiden ze ...": staff speaking at a visit


def _note_told(sent: Span, verb: Span) -> bool:
    """ "Bij het ophalen aan de leidster gevraagd wat er mis was": a participle with no finite
    verb and no subject before it, a note of what the writer did."""
    words = {t.lower_ for t in sent.doc[_after_date_prefix(sent) : verb.start] if t.is_alpha}
    return _participle(verb[0].lower_) and not (FINITE_VERBS | SUBJECT_PRONOUNS) & words


def _staff_object_before(sent: Span, verb) -> bool:
    """ "Ik heb de monteur er meteen op gewezen": the writer, then "de/die" and a staff noun as
    the object, before a participle of pointing out or addressing someone."""
    back = [t.lower_ for t in sent.doc[max(sent.start, verb.i - 8) : verb.i]]
    if not SELF & set(back[:3]):
        return False
    return any(w in TOLD_PERSON_DETERMINERS and (n in STAFF_NOUNS or n.endswith(STAFF_NOUN_ENDINGS))
               for w, n in zip(back, back[1:]))


TRY_AGAIN_VERBS = resources.words("contacts.try_again_verbs")


def _joined_to_general(sent: Span, before: Span | None, cue: Span) -> bool:
    """Is ``cue`` joined by "en" straight to a general verb taken just before it ("Ingevuld en
    teruggemaild", "Ondertekend en opgestuurd per post")? The two tell one message."""
    return before is not None and before.id_.startswith("any") \
        and [t.lower_ for t in sent.doc[before.end : cue.start]] == ["en"]


def _colon_after(sent: Span, cue: Span) -> int | None:
    """Where a colon after the company's own contact verb opens what its message said."""
    return next((t.i for t in sent.doc[cue.end : sent.end] if t.text == ":"), None)


def _tries_again(sent: Span, negations: list[Span] = ()) -> bool:
    """ "Woensdag heb ik het nog een keer geprobeerd, weer de voicemail": the writer tries the
    contact told before once more. A try verb beside a repeat word ("opnieuw", "nog eens") in the
    writer's clause or a note; not quoted ("probeer het later opnieuw" on an error page), not
    trying to do something ("probeerde het opnieuw te installeren"), not about someone else."""
    words = [t.lower_ for t in sent]
    for k, word in enumerate(words):
        if word not in TRY_AGAIN_VERBS:
            continue
        verb = sent[k : k + 1]
        if _quoted(sent, verb):
            continue
        clause_words = set(docindex.words_back(verb, CLAUSE_BREAKS)) | set(
            w for w in words[k + 1 : k + 6] if w not in CLAUSE_BREAKS)
        ahead = words[k + 1 : k + 8]
        if "te" in ahead[: next((j for j, w in enumerate(ahead) if w in CLAUSE_BREAKS), len(ahead))]:
            continue
        again = any(f" {m} " in " " + " ".join(words[max(0, k - 6) : k + 6]) + " " for m in REPEAT_MARKERS) \
            or _more_times_before(words, k)  # ("Nog twee keer geprobeerd, ook niks")
        mine = clause_words & SELF or _participle(word) and not (clause_words & SUBJECT_PRONOUNS)
        # ("Niet opnieuw geprobeerd, ik moest werken": a retry the writer did not make)
        negated = any(n.start < sent.start + k and not any(t.lower_ in CLAUSE_BREAKS for t in sent.doc[n.end : sent.start + k])
                      for n in negations)
        if again and mine and word != "proberen" and not negated:
            return True
    return False


MORE_TIMES_WORDS = resources.words("contacts.more_times_words")


def _more_times_before(words: list[str], k: int) -> bool:
    """ "nog twee keer", "nog 3 keer" in the few words before the try verb at ``k``: more tries."""
    for j in range(max(0, k - 5), k - 2):
        if words[j] in MORE_TIMES_WORDS and numbers.parse(words[j + 1]) is not None and words[j + 2] in TIMES_WORDS:
            return True
    return False


ATTEMPT_VERBS = resources.words("contacts.attempt_verbs")
ATTEMPT_WINDOW = 6
ATTEMPT_CHANNELS = resources.words("contacts.attempt_channels")


def _attempt_on_channel(sent: Span, verb: Span, cues: list[Span]) -> str | None:
    """ "Eerst de chat op hun site geprobeerd", "Toen probeerde ik de app van de bank": a try at
    a channel the customer reaches out through is an attempt, and a failed attempt counts
    (SPEC). The channel is the first one tried (the object, before any "op hun site"). Trying
    to do something ("geprobeerd de router te resetten") is none, and "geprobeerd te bellen" is
    counted by its own verb."""
    doc = sent.doc
    after = [t.lower_ for t in doc[verb.end : sent.end]]
    clause = after[: next((k for k, w in enumerate(after) if w in CLAUSE_BREAKS), len(after))]
    if "te" in clause:
        # "Vijf keer heb ik geprobeerd iemand van InPost te spreken": trying to reach someone is
        # an attempt on no channel in particular ("geprobeerd de app te installeren",
        # "geprobeerd te bellen": the infinitive is what was tried)
        infinitive = clause[clause.index("te") + 1 : clause.index("te") + 2]
        return "any" if infinitive and infinitive[0] in REACH_INFINITIVES else None
    for cue in cues:
        if cue.label_ != "channel" or cue.id_ not in ATTEMPT_CHANNELS:
            continue
        gap = _gap_in_clause(cue, verb)
        if gap is not None and 0 <= gap <= ATTEMPT_WINDOW:
            return cue.id_
    return None


REACH_INFINITIVES = resources.words("contacts.reach_infinitives")


def _opener_between(a: Span, b: Span) -> bool:
    """A subordinate clause opens between two spans ("dat", "omdat", "toen"; not "en" or a
    comma): "Ik schreef daarin dat ik al gebeld had" does not make the writing a call."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return bool((SUBCLAUSE_BREAKS - {"en", ","}) & {t.lower_ for t in a.doc[lo:hi]})


def _gap_in_clause(a: Span, b: Span) -> int | None:
    """How many tokens stand between two spans, or None when a clause break does ("en ik" joins
    a subject, no clause: "Vijftien keer hebben mijn zoon en ik contact gezocht"; "en ik heb"
    opens one)."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return None if _clause_breaks(a.doc, lo, hi, joined_self=True) else hi - lo


def _clause_breaks(doc, lo: int, hi: int, joined_self: bool = False) -> list[int]:
    """The clause breaks among the tokens ``lo`` .. ``hi``. With ``joined_self``, "en ik"
    joining a subject is none ("mijn zoon en ik hebben"), but "en ik heb" opens a clause."""
    return [k for k in range(lo, hi) if doc[k].lower_ in CLAUSE_BREAKS
            and not (joined_self and doc[k].lower_ == "en" and k + 1 < hi and doc[k + 1].lower_ in JOINED_SELF
                     and not (k + 2 < len(doc) and doc[k + 2].lower_ in FRONTED_COUNT_AUXILIARIES))]


MOTION_VERBS = resources.words("contacts.motion_verbs")
MOTION_MODALS = resources.words("contacts.motion_modals")
PLACE_PREPOSITIONS = resources.words("contacts.place_prepositions")
PLACE_DETERMINERS = resources.words("contacts.place_determiners")
THERE_WORDS = resources.words("contacts.there_words")
THERE_DIRECTIONS = resources.words("contacts.there_directions")
BACK_PREFIXES = resources.phrases("contacts.back_prefixes")
NUMBER_WORDS = resources.words("contacts.number_words")


def _went_to_company(sent: Span, negations: list[Span]) -> bool:
    """ "Toen ben ik maar naar IKEA Delft gereden", "Ik ben dezelfde middag naar Horizon
    gelopen", "Ik ben er toen langsgegaan": the writer went to the company's premises, a visit
    told with a verb of motion and the company (or "er") as where to."""
    doc = sent.doc
    motion = [t for t in sent if t.lower_ in MOTION_VERBS]
    if not motion:
        return _went_there_in_past(sent, negations)
    verb = motion[-1]
    if any(n.start < verb.i and not CLAUSE_BREAKS & {t.lower_ for t in doc[n.end : verb.i]} for n in negations):
        # "Ik ben niet naar de winkel gegaan" ("...: nog steeds niks" after it is no negation; nor
        # is one in a clause of its own before it: "Omdat er niets gebeurde, zijn we naar ... gegaan")
        return False
    if any(t.lower_ in MOTION_MODALS for t in doc[max(sent.start, verb.i - 1) : min(sent.end, verb.i + 2)]):
        return False  # "Ik had bijna naar de winkel willen rijden", "ik zou er langs gaan": not gone
    words = {t.lower_ for t in doc[sent.start : verb.i]}
    verb_span = doc[verb.i : verb.i + 1]
    note = _note_words(sent, longest=15, allow_self=True, verb=verb_span) is not None
    if not (words & SELF or note or _household_subject(sent, verb_span)):
        return False
    # ("naar het RegioBank-kantoor gegaan": an article may stand between)
    places = [s for s in docindex.named_spans(doc, sent.start + 1, verb.i)
              if _word_before_premises(doc, s) in PLACE_PREPOSITIONS]
    # "naar het gemeentehuis in Diever gereden", "langs de garage gereden": the premises as where to
    places += [c for c in docindex.cues_in(sent) if c.label_ == "channel" and c.id_ == "shop"
               and sent.start < c.start < verb.i and _to_place(doc, c)]
    there = THERE_WORDS & words
    back = verb.lower_.startswith(BACK_PREFIXES) and not _to_no_premises(sent)  # "Na een week ben ik teruggegaan"
    return bool(places) or back or bool(there) and (THERE_DIRECTIONS & words or bool(there - {"er", "daar"}))


def _to_no_premises(sent: Span) -> bool:
    """ "Ik ben naar huis teruggefietst": "naar" before home, outside or the neighbours."""
    words = docindex.lower_words(sent)
    return any(f" {to} {w} " in words for to in TOWARD for w in NOT_PREMISES)


TOWARD = resources.words("contacts.toward_prepositions")


FINITE_MOTION_VERBS = resources.words("contacts.finite_motion_verbs")


def _time_to_come(sent: Span) -> bool:
    """Does the sentence name a time to come ("morgen", "volgende week")? A present tense
    with it is a plan."""
    told = docindex.lower_words(sent)
    return any(f" {p} " in told for p in FUTURE_TIME)


def _goes_to_premises(sent: Span, negations: list[Span]) -> bool:
    """ "Dan ben ik het zat en fiets ik zaterdag naar het boerderijwinkeltje", "Toen reed ik naar de
    garage": a finite verb of motion with the writer right beside it, and the premises after it in
    its clause ("naar", "langs"). Not with a negation in the sentence, nor with a time to come
    ("Morgen ga ik naar de winkel" is a plan)."""
    doc = sent.doc
    if negations or _time_to_come(sent):
        return False
    for verb in sent:
        if verb.lower_ not in FINITE_MOTION_VERBS:
            continue
        beside = {doc[k].lower_ for k in (verb.i - 1, verb.i + 1) if sent.start <= k < sent.end}
        if not beside & SELF:
            continue
        end = next((t.i for t in doc[verb.i + 1 : sent.end] if t.lower_ in CLAUSE_BREAKS), sent.end)
        if any(c.label_ == "channel" and c.id_ == "shop" and verb.i < c.start < end and _to_place(doc, c)
               for c in docindex.cues_in(sent)):
            return True
    return False


BROUGHT_VERBS = resources.words("contacts.brought_verbs")
NOT_BROUGHT_TO_SECTORS = resources.words("contacts.not_brought_to_sectors")


def _brought_to_company(sent: Span, negations: list[Span]) -> Span | None:
    """ "Ik heb hem naar Fixpunt in de Kruisstraat gebracht", "Dag 1 de fiets naar Koster
    gebracht.": the writer took the thing to a named firm's premises, a visit; the firm's span,
    the last one after "naar" before the verb. A parcel taken to a carrier's point is sending
    goods, and "werd naar Van Leeuwen gebracht" is done by others."""
    doc = sent.doc
    brought = [t for t in sent if t.lower_ in BROUGHT_VERBS]
    if not brought:
        return None
    verb = doc[brought[-1].i : brought[-1].i + 1]
    if any(n.start < verb.start for n in negations) or _passive_clause(sent, verb[0]) \
            or _parcel_handed_in(sent, verb):
        return None
    words = {t.lower_ for t in doc[sent.start : verb.start]}
    if not (words & SELF or _note_words(sent, longest=15, allow_self=True, verb=verb) is not None):
        return None
    return next((span for span in reversed(doc.spans.get("companies", [])) if sent.start < span.start < verb.start
                 and span.label_ not in NOT_BROUGHT_TO_SECTORS and _word_before_premises(doc, span) == "naar"), None)


PAST_MOTION_VERBS = resources.words("contacts.past_motion_verbs")
MOTION_PARTICLES = resources.words("contacts.motion_particles")


def _went_there_in_past(sent: Span, negations: list[Span]) -> bool:
    """ "Ik ging er zaterdag langs", "dus ik liep er na mijn behandeling weer binnen", "Zaterdag
    fietste ik er op goed geluk heen": a past tense of motion with "er"/"daar" and its particle
    at the end of the clause is a visit to the place just told of. (A present tense, "maandag
    ga ik er zelf heen", is as often a plan, and is left alone.)"""
    doc = sent.doc
    for verb in sent:
        if verb.lower_ not in PAST_MOTION_VERBS:
            continue
        k = verb.i + 1
        while k < sent.end and not doc[k].is_punct and not (
                doc[k].lower_ in MOTION_PARTICLES and (k + 1 == sent.end or doc[k + 1].is_punct
                                                       or doc[k + 1].lower_ in CLAUSE_BREAKS)):
            k += 1  # to the particle that ends the clause ("er de volgende dag toch maar langs")
        clause = doc[verb.i + 1 : k]
        if k == sent.end or doc[k].lower_ not in MOTION_PARTICLES or not {t.lower_ for t in clause} & {"er", "daar"}:
            continue
        subject = {t.lower_ for t in doc[max(sent.start, verb.i - 3) : verb.i + 2]}
        denied = any(verb.i - 3 <= n.start < k for n in negations)
        if subject & SELF and not denied:
            return True
    return False


def visit_destination(sent: Span) -> str | None:
    """The company named as where the writer went in a visit told with a verb of motion ("Ik ben
    meteen met de blikken naar de Praxis gereden" -> Praxis), when the sentence tells one."""
    doc = sent.doc
    negations = [c for c in docindex.cues_in(sent) if c.label_ == "negation"]
    brought_to = _brought_to_company(sent, negations)
    if brought_to is not None:
        return brought_to.id_  # "Bij Coolblue had ik een nieuwe kunnen kopen, dus ik heb hem naar Laptopkliniek gebracht"
    if not _went_to_company(sent, negations):
        return None
    motion = [t for t in sent if t.lower_ in MOTION_VERBS]
    if not motion:
        return None  # "Ik ging er zaterdag langs": "er" names no company
    verb = motion[-1]
    named = [s for s in doc.spans.get("companies", []) if sent.start < s.start < verb.i
             and _word_before_premises(doc, s) in PLACE_PREPOSITIONS]
    if named:
        return named[-1].id_
    # "Ik ben toen naar het stadskantoor gegaan": the town hall is the municipality's
    # ("naar de balie in het stadskantoor gegaan": the town hall after the counter in it)
    town_hall = any(t.lower_ in MUNICIPAL_PREMISES and doc[t.i - 1].lower_ in PLACE_DETERMINERS
                    and (doc[t.i - 2].lower_ in PLACE_PREPOSITIONS or doc[t.i - 2].lower_ in INSIDE_PREPOSITIONS
                         and any(x.lower_ in PLACE_PREPOSITIONS for x in doc[max(sent.start, t.i - 6) : t.i - 2]))
                    for t in doc[sent.start + 2 : verb.i])
    return MUNICIPALITY if town_hall else None


MUNICIPAL_PREMISES = resources.words("contacts.municipal_premises")
INSIDE_PREPOSITIONS = resources.words("contacts.inside_prepositions")  # "in het stadskantoor"
MUNICIPALITY = "(the municipality)"


def _to_place(doc, cue: Span) -> bool:
    """ "naar het gemeentehuis", "langs de garage", "bij de balie": a preposition of place before
    the premises noun (an article between)."""
    # (the cue may hold its preposition: "naar het kantoor")
    return cue[0].lower_ in PLACE_PREPOSITIONS or _word_before_premises(doc, cue, past_name=True) in PLACE_PREPOSITIONS


def _word_before_premises(doc, cue: Span, *, past_name: bool = False) -> str:
    """The word before a premises noun, past its article or possessive ("naar het kantoor" ->
    "naar"); with `past_name`, past a name joined to it too ("naar de KPN-winkel" -> "naar")."""
    k = cue.start - 1
    if past_name and k >= 1 and doc[k].text == "-":
        k -= 2
    while k >= 0 and doc[k].lower_ in PLACE_DETERMINERS:
        k -= 1
    return doc[k].lower_ if k >= 0 else ""


def _gone_to(doc, cue: Span) -> bool:
    """ "naar de servicebalie", "langs het kantoor", "naar de KPN-winkel": the premises noun after
    a preposition of going."""
    return cue[0].lower_ in GOING_PREPOSITIONS or _word_before_premises(doc, cue, past_name=True) in GOING_PREPOSITIONS


GOING_PREPOSITIONS = resources.words("contacts.going_prepositions")
NOTE_FILLERS = resources.words("contacts.note_fillers")


POSTED_NOUNS = resources.words("contacts.posted_nouns")


NOTE_REASON_OPENERS = resources.words("contacts.note_reason_openers")
COMPANY_DECISIONS = resources.words("contacts.company_decisions")


def _reason_tail(sent: Span, start: int) -> int:
    """Where a verbless note ends and a clause of reason begins: "De volgende ochtend weer naar
    de receptie, want die verklaring wil de verzekeraar hebben." -- the verb and the other party
    after ", want" are the reason's, not the note's. The sentence end when there is none."""
    doc = sent.doc
    return next((t.i for t in doc[start : sent.end - 1] if t.text == "," and doc[t.i + 1].lower_ in NOTE_REASON_OPENERS),
                sent.end)


def _outcome_after_comma(sent: Span, cues: list[Span], start: int) -> int:
    """Where a note's outcome begins: the first comma after its first channel word ("Toen via
    Instagram een DM, ook niks.", "Chat, geen mens gesproken."); the sentence end when there is none."""
    first = min((c.start for c in cues if c.label_ == "channel" and c.start >= start), default=sent.end)
    return next((t.i for t in sent.doc[first : sent.end] if t.text == ","), sent.end)


CONSEQUENCE_WORDS = resources.words("contacts.consequence_words")


def _reason_before_comma(sent: Span, cues: list[Span], start: int) -> int:
    """Where a note's reason ends: "geen reactie, dus via de chat": a comma and "dus" (or
    "daarom", "toen") before its first channel word close a reason, whose negation is not the
    contact's. The note's start when there is none."""
    doc = sent.doc
    first = min((c.start for c in cues if c.label_ == "channel" and c.start >= start), default=start)
    return max((t.i for t in doc[start:first] if t.text == "," and t.i + 1 < first
                and doc[t.i + 1].lower_ in CONSEQUENCE_WORDS), default=start)


def _addressed_channel(sent: Span, cues: list[Span], start: int) -> str | None:
    """A note's message addressed "aan" or "naar" someone ("Een brief aan de directie.", "Een
    berichtje aan Ziggo op X, daarna nog een paar DM's") is one the writer sent. Its channel is
    the message word's own (brief, mail) or the one the note names after it ("op X", "via
    WhatsApp"); a message "aan mij" came in."""
    doc = sent.doc
    outgoing = [c for c in cues if c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS and not _quoted(sent, c)]
    for tok in doc[start : sent.end - 1]:
        if tok.lower_ not in ADDRESSED_NOUNS or doc[tok.i + 1].lower_ not in ADDRESSED_TO \
                or tok.i + 2 < sent.end and doc[tok.i + 2].lower_ in ADDRESSED_SELF:
            continue
        own = next((c.id_ for c in outgoing if c.start <= tok.i < c.end), None)
        named = next((c.id_ for c in outgoing if c.start > tok.i), None)
        return own or named
    return None


SHOWN_BELOW = resources.words("contacts.shown_below_words")


def _addressed_to_writer(sent: Span, cue: Span) -> bool:
    """ "Een brief aan mij van Ziggo", "een mail naar ons": a message noun addressed to the writer
    came in."""
    return cue[-1].lower_ in ADDRESSED_TO and cue.end < sent.end and sent.doc[cue.end].lower_ in ADDRESSED_SELF


ADDRESSED_NOUNS = resources.words("contacts.addressed_nouns")
ADDRESSED_TO = resources.words("contacts.addressed_to")
ADDRESSED_SELF = resources.words("contacts.addressed_self")


THEIR_ANSWERS = resources.words("contacts.their_answer_nouns")
THEIR_ANSWER_WITH = resources.words("contacts.their_answer_with")  # "met"
THEIR_ANSWER_DETERMINERS = resources.words("contacts.their_answer_determiners")


def _message_with_their_answer(sent: Span, cues: list[Span]) -> bool:
    """ "mail met een afwijzing", "brief met de bevestiging": a message named by the firm's
    answer it carries came from the firm."""
    doc = sent.doc
    for c in cues:
        if c.label_ != "channel" or c.id_ not in MESSAGE_CHANNELS or c.end + 1 >= sent.end \
                or doc[c.end].lower_ not in THEIR_ANSWER_WITH:
            continue
        k = c.end + 1 + (doc[c.end + 1].lower_ in THEIR_ANSWER_DETERMINERS)
        if k < sent.end and doc[k].lower_ in THEIR_ANSWERS:
            return True
    return False


def _verbless_channel(sent: Span, cues: list[Span]) -> str | None:
    """Notes without any verb: "Tweede poging via de chat.", "4/ Dinsdag via DM.", "Ik terug
    naar Bosman.", "Dus met bon en doos terug naar het filiaal." -- a channel reached "via", or
    the company or its premises gone back to, in a line with no finite verb and nobody else in it."""
    doc = sent.doc
    if _message_with_their_answer(sent, cues):
        return None  # "Negen dagen later: mail met een afwijzing.": their answer came in
    start = _after_date_prefix(sent)
    if start != _after_date_only(sent):  # "Dat gedaan: aangetekende brief met ...": the thing done
        done = next((c for c in cues if c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS and c.start >= start), None)
        if done is not None and done.start <= start + 2:
            return done.id_
    opening = _opening_channel(sent, cues, start) or _opening_visit(sent, cues, start) \
        or _channel_heading(sent, cues, start)
    if opening is not None:
        if not _opens_line(sent, start) and _same_channel_before(sent, opening) \
                and not any(f" {m} " in docindex.lower_words(sent) for m in REPEAT_MARKERS):
            return None  # "3 juni – Chat in de Odido-app. Eerst de chatbot, daarna een medewerker ...": the same chat told on
        return opening  # "Eerst de chat op de DHL-site, met zo'n chatbot ...": the note opens with it
    tail = _reason_tail(sent, start)
    words = _note_words(sent, longest=15, allow_self=True, end=tail)
    if words is None or COMPANY_DECISIONS & set(words):
        return None  # ("Afgewezen per mail.": the company's answer came by mail)
    cues = [c for c in cues if c.start < tail]  # (a channel in the reason is the reason's)
    # ("Toen via Instagram een DM, ook niks.": a negation after the comma is the answer's, not the DM's)
    outcome_from = _outcome_after_comma(sent, cues, start)
    reason_until = _reason_before_comma(sent, cues, start)
    if any(c.label_ in ("negation", "offered", "company_initiated")
           and not (c.label_ == "negation" and (c.start >= outcome_from or c.start < reason_until))
           or c.label_ in ("contact_verb", "comm_verb")
           and not c.id_.endswith("/noun") and not c.text.lower().startswith(("via", "naar"))
           and not _verb_as_noun(sent, c) for c in cues):
        return None  # a verb of its own is read by the rules above
    channels = [c for c in cues if c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS and c.start >= start
                and not any(u.label_ == "unfriendly" and u.start == c.start for u in cues)]  # "Opgehangen."
    inside = {t.lower_ for c in channels for t in c}
    if channels and all(w in inside or w in NOTE_FILLERS or w.isdigit() or numbers.parse(w) is not None
                        or numbers.ordinal(w) for w in words):
        if channels[0].end < sent.end and doc[channels[0].end].text == ":" and words[-1] != channels[0].text.lower():
            return None  # "Winkel: vier.", "Telefonische hulp: 2/5": a review's score for the channel
        if words == [channels[0].text.lower()] and (channels[0].text.isupper() or not _opens_line(sent, start)
                                                      and _same_channel_before(sent, channels[0].id_)):
            return None  # "AANGETEKEND" above a letter; "De Brug gebeld, voicemail. Ingesproken.": the same call
        return channels[0].id_  # "Chat.", "Mail nummer twee.", "Weer een mail."
    # ("De bevestiging via de mail.": what came in, not what the writer sent)
    came_in = bool(REPLY_NOUNS & set(words) or COMPANY_MESSAGES & set(words))
    addressed = None if came_in else _addressed_channel(sent, cues, start)
    if addressed is not None:
        return addressed  # "Een brief aan de directie.", "7. Een berichtje aan Ziggo op X."
    for cue in cues:
        if cue.label_ == "channel" and cue.id_ in OUTGOING_CHANNELS and cue.start > start and not came_in \
                and not _quoted(sent, cue) and (
                doc[cue.start - 1].lower_ in ("via", "per") or cue.start - 1 > start
                and doc[cue.start - 1].lower_ in ("de", "het", "hun", "een")
                and "via" in {t.lower_ for t in doc[max(start, cue.start - 3) : cue.start - 1]}):
            return cue.id_  # "Tweede poging via de chat.", "Een reparatieverzoek via het online formulier."
            # ("Toen via Instagram een DM": the platform named between "via" and the message)
        if cue.label_ == "channel" and cue.id_ in OUTGOING_CHANNELS and cue.start - 2 > start and not came_in \
                and doc[cue.start - 2].lower_ == "op" and doc[cue.start - 1].lower_ in NOUN_DETERMINERS \
                and any(t.lower_ in POSTED_NOUNS for t in doc[start : cue.start - 2]):
            return cue.id_  # "Toen een bericht op hun Facebookpagina.", "Een klacht op de site gezet."
        if cue.label_ == "contact_verb" and cue.text.lower().startswith(("via ", "per ")) \
                and _channel(cue) in OUTGOING_CHANNELS:
            return _channel(cue)  # "via de chat"
    if "naar" in words and {"terug", "weer", "opnieuw"} & set(words):
        for cue in cues:
            if cue.label_ == "channel" and cue.id_ == "shop":
                return "shop"
    for cue in cues:
        # "Vandaag met mijn map vol papieren naar de servicebalie.": the premises gone to
        if cue.label_ == "channel" and cue.id_ == "shop" and not came_in and _gone_to(doc, cue) and not _time_to_come(sent):
            return "shop"
    if "naar" in words and {"terug", "weer", "opnieuw"} & set(words):
        named = [s for s in docindex.named_spans(doc, start, sent.end) if doc[s.start - 1].lower_ == "naar"]
        if named:
            return "shop"
    return None


def _same_channel_before(sent: Span, channel: str) -> bool:
    """Does the sentence just before (on the same line) already use this channel?"""
    if sent.start == 0:
        return False
    before = sent.doc[sent.start - 1].sent
    return any(c.label_ == "channel" and c.id_ == channel for c in docindex.cues_in(before))


def _opens_line(sent: Span, start: int) -> bool:
    """Does the note begin a line of its own (after a bullet or a date), not follow another
    note on the same line?"""
    doc = sent.doc
    return start > sent.start or sent.start == 0 or "\n" in doc[sent.start - 1].text \
        or doc[sent.start - 1].is_punct and sent.start > 1 and "\n" in doc[sent.start - 2].text


REPLY_NOUNS = resources.words("contacts.reply_nouns")
OPENING_DETERMINERS = resources.words("contacts.opening_determiners")
OPENING_FOLLOWERS = resources.words("contacts.opening_followers")
INDEFINITE = resources.words("contacts.indefinite_articles")


def _first_comma(sent: Span, k: int) -> int:
    return next((t.i for t in sent.doc[k : sent.end] if t.text in (",", ":", ";")), sent.end)


def _head_has_actor(sent: Span, start: int, end: int) -> bool:
    """A finite verb, a subject or someone else acting in a note's head: no note then."""
    return bool((FINITE_VERBS | SUBJECT_PRONOUNS | OTHER_AGENTS) & {t.lower_ for t in sent.doc[start:end]})


def _past_fillers(sent: Span, start: int) -> int:
    """The first token after a note's opening adverbs ("Eerst", "Daarna", "Dan maar");
    "een" is no filler here: "een chatbot" goes on describing a channel told before."""
    k = start
    while k < sent.end and sent.doc[k].lower_ in NOTE_FILLERS and sent.doc[k].lower_ not in INDEFINITE:
        k += 1
    return k


def _opening_visit(sent: Span, cues: list[Span], start: int) -> str | None:
    """ "Naar de Odido-winkel in het winkelcentrum.", "Daarna naar het kantoor aan de Markt, waar
    ...": a note that opens with "naar" and the company's premises, no verb before the first
    comma, tells a visit ("Naar de winkel?" asks about one)."""
    doc = sent.doc
    k = _past_fillers(sent, start)
    if k >= sent.end or doc[k].lower_ != "naar" or sent[-1].text == "?":
        return None
    comma = _first_comma(sent, k)
    if _head_has_actor(sent, start, comma):
        return None
    shop = any(c.label_ == "channel" and c.id_ == "shop" and k < c.start < comma for c in cues)
    return "shop" if shop else None


HEADING_PREPOSITIONS = resources.words("contacts.heading_prepositions")


def _channel_heading(sent: Span, cues: list[Span], start: int) -> str | None:
    """ "chat van dhl: chatbot bleef zeggen ...", "Chat met Wehkamp: meisje superaardig": a line
    that opens with a channel the customer reaches out through and the company it was with, then
    a colon, heads what happened there. Not a message channel: "Mail van Ziggo:" came in."""
    doc = sent.doc
    k = _past_fillers(sent, start)
    cue = next((c for c in cues if c.label_ == "channel" and c.start == k and c.id_ in OUTGOING_CHANNELS
                and c.id_ not in MESSAGE_CHANNELS), None)
    if cue is None or not _opens_line(sent, start) or cue.end >= sent.end or doc[cue.end].lower_ not in HEADING_PREPOSITIONS:
        return None
    colon = next((t.i for t in doc[cue.end + 1 : min(cue.end + 7, sent.end)] if t.text == ":"), None)
    if colon is None or colon == cue.end + 1:
        return None
    named = docindex.named_spans(doc, cue.end + 1, colon)
    covered = {i for s in named for i in range(s.start, s.end)}
    rest = [t for t in doc[cue.end + 1 : colon] if t.i not in covered and t.lower_ not in OPENING_DETERMINERS]
    return cue.id_ if named and not rest else None


def _opening_channel(sent: Span, cues: list[Span], start: int) -> str | None:
    """ "Eerst de chat op de DHL-site, met ...", "Daarna hun contactformulier.", "4 april: chat op
    de site.": a note whose first words (after a diary date or adverbs such as "eerst",
    "daarna") are a channel the customer reaches
    out through, with no verb up to the first comma, tells that channel used."""
    doc = sent.doc
    k = _past_fillers(sent, start)
    if k < sent.end and doc[k].lower_ in OPENING_DETERMINERS:
        k += 1  # "de chat", "hun contactformulier"; not "een chatbot" or "deze tweets", which go on
        # describing a channel told before
    cue = next((c for c in cues if c.label_ == "channel" and c.start == k and c.id_ in OUTGOING_CHANNELS), None)
    if cue is None or k == sent.start:
        return None  # "Chat ..." alone is read above; a first word may be the subject (after a
        # diary date it is not: "4 april: chat op de Garmin-site.")
    if cue.id_ in MESSAGE_CHANNELS and _arrived(sent, cue):
        return None  # "18 november — Brief in de bus!": a letter that came in
    if cue.end < sent.end and (doc[cue.end].lower_ in FROM_AFTER_NOUN and cue.id_ in MESSAGE_CHANNELS or not (
            doc[cue.end].is_punct or doc[cue.end].lower_ in OPENING_FOLLOWERS)) or sent[-1].text == "?" \
            or cue.end < sent.end and doc[cue.end].text == ":" and (k == start or cue.id_ in MESSAGE_CHANNELS):
        return None  # "Eerst de brief van de gemeente, ...": a message that came in; "Het
        # callcenter hing op": the channel is a subject; "5 april - Brief: afgewezen.", "De brief:
        # afgewezen." tell what came in
    comma = _first_comma(sent, cue.end)
    if _head_has_actor(sent, start, comma) or any(
            c.label_ in ("contact_verb", "comm_verb", "company_initiated", "negation") and c.start < comma
            and c is not cue and not (c.start == cue.start and c.end == cue.end) for c in cues):
        return None
    return cue.id_


JOINT_COUNT_WORDS = resources.phrases("contacts.joint_count_words")


def _household_own_count(sent: Span, verbs: list[Span]) -> bool:
    """ "28 oktober — Papa heeft drie keer gebeld": a count whose subject is a member of the
    household, without the writer ("Mijn vrouw en ik hebben vijf keer gebeld") and not a
    joint total ("samen", "in totaal"), counts that member's own contacts: they add to the
    writer's, as the writer's own "nog drie keer" would."""
    words = docindex.lower_words(sent)
    return _told_by_household(sent, verbs) and not any(f" {w} " in words for w in JOINT_COUNT_WORDS)


def _told_by_household(sent: Span, verbs: list[Span]) -> bool:
    """ "Mijn vader heeft daarna ook nog naar Dynalogic gebeld": the contact verb's subject is a
    member of the household, and the writer is not beside it."""
    verb = next((v for v in verbs if not v.id_.endswith("/noun")), None)
    if verb is None or not _household_subject(sent, verb):
        return False
    return not {t.lower_ for t in sent.doc[sent.start : verb.start]} & SELF


ARRIVED_AFTER_MESSAGE = resources.phrases("contacts.arrived_after_message")


def _arrived(sent: Span, cue: Span) -> bool:
    """ "Brief in de bus", "een mail in mijn inbox": a message told with where it landed came in."""
    after = " ".join(t.lower_ for t in sent.doc[cue.end : min(sent.end, cue.end + 3)])
    return any(after.startswith(p) for p in ARRIVED_AFTER_MESSAGE)


DEMONSTRATIVES = resources.words("contacts.demonstratives")


def _vague_about_contact(sent: Span, vague: Span, cues: list[Span], near: list[Span] | None = None) -> bool:
    """ "talloze keren gebeld", "herhaaldelijk gemaild", "veel telefoonverkeer" count; "met
    eindeloos geduld" does not: a contact word is in the phrase or a few words from it, in the
    same clause (one of `near` when given: the contacts the sentence was found to tell)."""
    if any(c.label_ in ("contact_verb", "channel") and vague.start <= c.start < vague.end for c in cues):
        return True
    for c in cues if near is None else near:
        if c.label_ not in ("contact_verb", "channel"):
            continue
        lo, hi = (vague.end, c.start) if c.start >= vague.end else (c.end, vague.start)
        if 0 <= hi - lo <= 4 and not CLAUSE_BREAKS & set(_tokens_between(sent, lo, hi)):
            return True
    return False


def _told_again(sent: Span, cue: Span) -> bool:
    """ "Die tweet staat er nu tien dagen", "Op dat mailtje kwam nooit antwoord": a contact
    pointed back to is one told before; so is "Ik schreef daarin dat ...": what a message told
    before says."""
    return _demonstrative_before(sent, cue) or _retold(sent, cue) or _fronted_pointed_object(sent, cue) \
        or _time_since(sent, cue) \
        or _pointed_back(sent, cue) or cue.end < sent.end and sent.doc[cue.end].lower_ in INSIDE_WORDS \
        or _first_one_again(sent, cue) or _own_earlier(sent, cue)


EARLIER_ADJECTIVES = resources.words("contacts.earlier_adjectives")


def _own_earlier(sent: Span, cue: Span) -> bool:
    """ "Een kopie van mijn eerdere mail sluit ik bij", "zoals in onze vorige brief": a message of
    the writer's called earlier is one told before, whatever the preposition."""
    doc = sent.doc
    return cue.start - 2 >= sent.start and doc[cue.start - 1].lower_ in EARLIER_ADJECTIVES \
        and doc[cue.start - 2].lower_ in HOUSEHOLD_OWNERS


FIRST_TIME = resources.phrases("contacts.first_time_phrases")


PREFERENCE_WORDS = resources.words("contacts.preference_words")


def _preferred(cue: Span) -> bool:
    """ "Ik heb liever een chagrijnige vent aan de telefoon die het regelt": a channel named in
    what the writer would rather have is no contact."""
    return bool(set(docindex.words_back(cue, CLAUSE_BREAKS)) & PREFERENCE_WORDS)


WROTE_VERBS = resources.words("contacts.wrote_verbs")
REPORT_CONJUNCTIONS = resources.words("contacts.report_conjunctions")


def _said_again(sent: Span, cue: Span) -> bool:
    """ "Toen ik zei dat ik in september al gemaild had, ...": a contact retold in the past perfect
    in what the writer said or wrote, of a channel the story counted before, is that contact
    again. (Told nowhere else, "Ik schreef daarin dat ik op 3 mei al gebeld had" is its only
    telling and counts.)"""
    if not _retold(sent, cue):
        return False
    doc = sent.doc
    k = next((t.i for t in reversed(doc[sent.start : cue.start]) if t.lower_ in REPORT_CONJUNCTIONS), None)
    if k is None or not {t.lower_ for t in doc[max(sent.start, k - 4) : k]} & (SPEECH_VERBS | TOLD_TO_SPEECH | WROTE_VERBS) \
            or set(docindex.words_back(cue, CLAUSE_BREAKS)) & NEW_CONTACT_WORDS:
        return False
    return _counted_before(sent, cue.id_.partition("/")[0])


def _counted_before(sent: Span, channel: str) -> bool:
    """Did a sentence before this one tell a contact of ``channel``?"""
    number = _sentence_number(sent)
    return any(channel in contact_events(s, docindex.cues_in(s)) for s in docindex.sentences(sent.doc)[:number])


def _first_one_again(sent: Span, cue: Span) -> bool:
    """ "Ik heb het hotel een mail gestuurd. ... en ik heb ze nu al twee maanden geleden voor het
    eerst gemaild.": "voor het eerst" in the clause of a contact of a channel the story counted
    before points back to that first contact. (Told of a channel not met before, it is the
    first contact itself: "Op 3 mei heb ik voor het eerst gebeld.")"""
    channel = cue.id_.partition("/")[0]
    if channel == "any":
        return False
    clause = " " + " ".join(reversed(list(docindex.words_back(cue, CLAUSE_BREAKS)))) + " "
    if not any(f" {p} " in clause for p in FIRST_TIME):
        return False
    return _counted_before(sent, channel)


def _demonstrative_before(sent: Span, cue: Span) -> bool:
    """ "die mail", "dat telefoontje": a demonstrative before a channel noun points back. Before a
    participle it is the object ("foto's gemaakt en die gemaild", "het nummer opgezocht en dat
    gebeld"): the thing sent or rung, and the contact is a new one."""
    if cue.start == sent.start or sent.doc[cue.start - 1].lower_ not in DEMONSTRATIVES:
        return False
    return not (cue.label_ == "contact_verb" and _object_demonstrative(sent.doc, cue.start - 1, cue))


TIME_SINCE = resources.phrases("contacts.time_since_phrases")


def _time_since(sent: Span, cue: Span) -> bool:
    """ "Intussen is het ruim vier maanden geleden dat ik mijn aanvraag heb ingediend": a contact
    in the clause that measures the time since it is one told before."""
    before = " ".join(t.lower_ for t in sent.doc[max(sent.start, cue.start - 8) : cue.start])
    for phrase in TIME_SINCE:
        at = before.rfind(phrase)
        if at >= 0 and not any(w in CLAUSE_BREAKS for w in before[at + len(phrase):].split()):
            return True
    return False


def _fronted_pointed_object(sent: Span, cue: Span) -> bool:
    """ "Over punt 5 nog even: die brief heb ik aangetekend verstuurd": "die" or "dat" and a channel
    noun put first, then an auxiliary and the writer, before the participle: the message told
    before, now told how it went."""
    doc = sent.doc
    for c in docindex.cues_in(sent):
        if c.label_ != "channel" or not (cue.start - 6 <= c.start < cue.start) or c.start == sent.start:
            continue
        if doc[c.start - 1].lower_ not in BACK_DEMONSTRATIVES:
            continue
        between = [t.lower_ for t in doc[c.end : cue.start]]
        if between[:1] and between[0] in HEBBEN_AUXILIARIES | ZIJN_AUXILIARIES and SELF & set(between[1:2]) \
                and _counted_before(sent, c.id_):
            return True  # (a form or letter only named before, "Dat formulier heb ik ingevuld", is sent here)
    return False


def _pointing_demonstrative(sent: Span, cue: Span) -> bool:
    """ "en dat telefoontje zal ik maar vergeten": "die" or "dat" before a channel noun points back
    to a contact told before ("deze brief" is the letter being written, and counts)."""
    return cue.start > sent.start and sent.doc[cue.start - 1].lower_ in BACK_DEMONSTRATIVES \
        and _demonstrative_before(sent, cue)


BACK_DEMONSTRATIVES = resources.words("contacts.back_demonstratives")


def _object_demonstrative(doc, k: int, cue: Span) -> bool:
    """Is the word at ``k`` a demonstrative right before a participle cue, and so its object
    ("foto's gemaakt en die gemaild", "en die samen met de factuur naar Interpolis gemaild": what
    stands between has no verb, subject or clause break of its own)?"""
    if doc[k].lower_ not in DEMONSTRATIVES or not _participle(cue[0].lower_) or not k < cue.start <= k + 9:
        return False
    between = {t.lower_ for t in doc[k + 1 : cue.start]}
    return not between & (FINITE_VERBS | SUBJECT_PRONOUNS | CLAUSE_BREAKS | SUBCLAUSE_BREAKS) \
        and not any(t.text in (",", ";", ":") for t in doc[k + 1 : cue.start])


SAME_WORDS = resources.words("contacts.same_words")
SESSION_PREPOSITIONS = resources.words("contacts.session_prepositions")
SESSION_CHANNELS = resources.words("contacts.session_channels")


ON_THE_SPOT = resources.phrases("contacts.on_the_spot")


def _within_same_session(sent: Span, cue: Span, cues: list[Span]) -> bool:
    """ "Screenshot gestuurd in diezelfde chat", "tijdens hetzelfde gesprek gevraagd": a message
    sent inside a chat, call or visit already told belongs to that contact; so does what was done
    "ter plekke" right after a visit. ("Dezelfde mail nog eens gestuurd" is a new mail, and a
    second form through the same site a new form.)"""
    doc = sent.doc
    if any(f" {p} " in docindex.lower_words(sent) for p in ON_THE_SPOT) and _told_just_before(sent, "shop"):
        return True  # "Ook legde ze een klachtformulier klaar, dat ik ter plekke heb ingevuld": at that desk
    return any(c.label_ == "channel" and c.id_ in SESSION_CHANNELS and c.start - 2 >= sent.start
               and (doc[c.start - 1].lower_ in SAME_WORDS
                    or doc[c.start - 1].lower_ in DEFINITE_ARTICLES and _told_just_before(sent, c.id_))
               and doc[c.start - 2].lower_ in SESSION_PREPOSITIONS
               and _gap_in_clause(cue, c) is not None for c in cues if c is not cue)


def _told_just_before(sent: Span, channel: str) -> bool:
    """ "Ik heb de chat geprobeerd. ... dat heb ik meteen in de chat teruggeschreven": was the
    last contact told, in the three sentences before, one of ``channel``? Then "in de chat" is
    that one."""
    number = _sentence_number(sent)
    for before in reversed(docindex.sentences(sent.doc)[max(0, number - 3) : number]):
        events = contact_events(before, docindex.cues_in(before))
        if events:
            return channel in events
    return False


INSIDE_WORDS = resources.words("contacts.inside_words")
POINTING_BACK = resources.phrases("contacts.pointing_back")
POINTING_BACK_CHANNELS = resources.words("contacts.pointing_back_channels")


def _pointed_back(sent: Span, cue: Span) -> bool:
    """ "Op mijn klacht heb ik nooit iets gehoord", "op die mail kwam niets": an answer awaited
    to a contact is about one told before. ("mijn klacht" is itself the cue, so the words
    before it are read from the cue's start or the token before.)"""
    # ("het nummer op die FAQ-pagina" is a place, not a message answered; "Tien dagen na mijn
    # eerste telefoontje" is a time, whatever the channel)
    phrases = POINTING_BACK if cue.label_ != "channel" or cue.id_ in POINTING_BACK_CHANNELS else POINTING_BACK_IN_TIME
    if phrases is POINTING_BACK_IN_TIME and not _counted_before(sent, _channel(cue)):
        return False  # (a call the story told nowhere before is told here)
    doc = sent.doc
    for width in (1, 2, 3):
        start = cue.start - width
        if start < sent.start:
            break
        if width == 3 and doc[cue.start - 1].lower_ not in POINTING_BACK_ADJECTIVES:
            break  # ("na mijn eerste mail", "sinds ons laatste telefoontje": one word between; "na
            # mijn tweede mail" tells there were two)
        words = " ".join(t.lower_ for t in doc[start : cue.start]) + " " + cue[0].lower_
        if any(words.startswith(p + " ") or words == p for p in phrases):
            return True
    return False


POINTING_BACK_IN_TIME = resources.phrases("contacts.pointing_back_in_time")
POINTING_BACK_ADJECTIVES = resources.words("contacts.pointing_back_adjectives")


PLUPERFECT = resources.words("contacts.pluperfect_auxiliaries")


def _retold(sent: Span, cue: Span) -> bool:
    """ "Ik schreef daarin dat ik op 3 mei al gebeld had": a contact retold in a "dat"-clause in
    the past perfect is one the story told before, not a new one."""
    doc = sent.doc
    k = cue.start - 1
    while k >= max(sent.start, cue.start - 10):
        low = doc[k].lower_
        if low == "dat" and k > sent.start:  # "Dat had ik al gemeld" opens with a pronoun: a flashback
            clause = {t.lower_ for t in doc[k + 1 : min(sent.end, cue.end + 2)]}
            return bool(PLUPERFECT & clause)
        if low in CLAUSE_BREAKS and low != "en":
            return False
        k -= 1
    return False


def _coordinated(sent: Span, taken: Span | None, cue: Span, phrase: list[Span] = ()) -> bool:
    """ "Nog een keer gemaild en toen ook gebeld", "Ik heb X gebeld, daarna gemaild": a contact
    verb joined by "en" or a comma (and adverbs only) to a contact the customer made shares
    that contact's subject. The contact ends with the last word of its phrase ("een mail
    gestuurd": the cues taken with it, ``phrase``)."""
    if taken is None or cue.start < taken.end:
        return False
    end = max([taken.end] + [c.end for c in phrase if taken.start <= c.start < cue.start])
    between = _without_time_span(_without_embedded_clause(_without_aside(_tokens_between(sent, end, cue.start))))
    joiners = [t for t in between if t in (",", "en")]
    if _object_before_participle(between, cue):
        return True  # "Woningborg twee keer gebeld en ze de foto's gemaild": "ze" is the object
    # ("vier keer gemaild, twee keer gebeld": a count of its own between the two)
    return bool(between) and between[0] in (",", "en") and all(
        t in COORDINATION_ADVERBS or t in TIMES_NOUNS or numbers.parse(t) is not None
        for t in between if t not in (",", "en")) and len(joiners) <= 2


def _object_before_participle(between: list[str], cue: Span) -> bool:
    """ "heb ik ze gebeld en ze de foto's gemaild", "... en ook het contactformulier op de site
    ingevuld": after "en", an object (a pronoun, or a determiner and its noun), with no finite verb
    of its own, leads to a participle that shares the auxiliary and the subject before "en" ("en
    ze hebben niets gedaan" has a verb of its own)."""
    if len(between) < 2 or between[0] != COORDINATOR or not _participle(cue[0].lower_):
        return False
    k = 1
    while k < len(between) and between[k] in COORDINATION_ADVERBS and between[k] not in NOUN_DETERMINERS:
        k += 1  # "en ook het contactformulier ... ingevuld"
    if k >= len(between) or between[k] not in PARTICIPLE_OBJECTS and between[k] not in NOUN_DETERMINERS:
        return False
    rest = between[k + 1 :]
    return len(rest) <= 6 and not any(w in FINITE_VERBS or w in SUBJECT_PRONOUNS or w in CLAUSE_BREAKS for w in rest)


COORDINATOR = resources.phrases("contacts.coordinator")[0]
CLAUSE_BREAKS_BUT_AND = CLAUSE_BREAKS - {COORDINATOR}  # a clause joined by "en" may share what came before


def _without_embedded_clause(words: list[str]) -> list[str]:
    """The words with a clause embedded between commas left out: "een mail gestuurd en twee
    weken later, toen ik nog niets had gehoord, gebeld" joins the call to the mail as "een mail
    gestuurd en twee weken later gebeld" does. Only a clause that opens with a subordinator
    right after a comma and ends with a comma as the last word."""
    if len(words) < 4 or words[-1] != ",":
        return words
    for k in range(len(words) - 2):
        if words[k] == "," and words[k + 1] in EMBEDDING_SUBORDINATORS and "," not in words[k + 1 : -1]:
            return words[:k] if words[:k] else words
    return words


def _without_time_span(words: list[str]) -> list[str]:
    """The words with "twee weken", "een paar dagen" before "later" left out: an amount of time
    says when, as "later" alone does ("gemaild en drie dagen later gebeld")."""
    k = next((k for k, w in enumerate(words) if w in TIME_SPAN_AFTER), None)
    if k is None:
        return words
    if k >= 2 and words[k - 1] in AFTER_TIME_UNITS and (numbers.parse(words[k - 2]) is not None or words[k - 2].isdigit()):
        return words[: k - 2] + words[k:]
    return words


TIME_SPAN_AFTER = resources.words("contacts.time_span_after")  # "twee weken later"


def _without_aside(words: list[str]) -> list[str]:
    """The words with an aside in brackets left out: "gebeld (drie kwartier in de wachtrij),
    gechat" joins the chat to the call as "gebeld, gechat" does."""
    if not words or words[0] != "(" or ")" not in words:
        return words
    return words[words.index(")") + 1 :]


SELF = resources.words("contacts.self")
OTHER_SUBJECT_START = resources.words("contacts.other_subject_start")
CUSTOMER_AS_OBJECT = resources.words("contacts.customer_as_object")


STAFF_NOUN_ENDINGS = resources.phrases("contacts.staff_noun_endings")
FRONTED_SUBJECT_DETERMINERS = resources.words("contacts.fronted_subject_determiners")
THERE_SUBJECTS = resources.words("contacts.there_subjects")
PARTICIPLE_OBJECTS = resources.words("contacts.participle_objects")


POSSESSIVE_PREPOSITIONS = resources.words("contacts.possessive_prepositions")
# "binnengestapt", "teruggebeld": a participle behind a separable prefix is no finite verb
PREFIXED_PARTICIPLE = re.compile(rf"^(?:{'|'.join(sorted(resources.words('judgements.separable_prefixes')))})ge[a-zà-ÿ]{{2,}}[dt]$")


def _company_perfect_subject(sent: Span, cue: Span) -> bool:
    """ "Vitakeur heeft het meteen opnieuw verstuurd", "Ziggo had de brief al gestuurd": a
    company opening the participle's clause, with the auxiliary right after it, is its subject."""
    if not cue[-1].lower_.endswith(("d", "t", "n")):  # ("verstuurd", "gebeld", "gestuurd": after the auxiliary)
        return False
    doc = sent.doc
    start = max((t.i + 1 for t in doc[sent.start : cue.start] if t.lower_ in CLAUSE_BREAKS), default=sent.start)
    if start > sent.start and not any(t.lower_ in SUBJECT_PRONOUNS | SELF for t in doc[start : cue.start]) \
            and doc[start - 1].lower_ in SHARED_SUBJECT_JOINERS:
        start = sent.start  # "Fluvius heeft het rechtgezet en de meterstanden doorgestuurd": one subject for both
    first = next((c for c in docindex.named_spans(doc, start, start + 1) if c.end < cue.start), None)
    # ("Ticketmaster had ik diezelfde dag al gemaild": a subject after the auxiliary, the company the object)
    return first is not None and doc[first.end].lower_ in COMPANY_AUXILIARIES \
        and not (first.end + 1 < sent.end and doc[first.end + 1].lower_ in SUBJECT_PRONOUNS | SELF)


COMPANY_AUXILIARIES = resources.words("contacts.company_perfect_auxiliaries")
SHARED_SUBJECT_JOINERS = resources.words("contacts.shared_subject_joiners")  # "en": the subject goes on


EXISTENTIAL_ER = resources.words("contacts.existential_er")


def _staff_subject_after(sent: Span, cue: Span) -> bool:
    """After a fronted word the subject follows the finite verb: "Daarop belde de zaakvoerder
    zelf", "Maandag belde er een schadebehandelaar van Interpolis": an article (after "er") and a
    person or staff noun are someone of the firm calling."""
    doc = sent.doc
    k = cue.end
    if k < sent.end and doc[k].lower_ in EXISTENTIAL_ER:
        # ("belde er inderdaad een ...": an adverb may stand between "er" and the subject)
        k = next((j for j in range(k + 1, min(sent.end, k + 3)) if doc[j].lower_ in INDEFINITE | DEFINITE_ARTICLES), k + 1)
    if k + 1 >= sent.end or doc[k].lower_ not in DEFINITE_ARTICLES | INDEFINITE:
        return False
    noun = doc[k + 1].lower_
    return noun in PERSON_NOUNS or noun.endswith(tuple(STAFF_NOUN_ENDINGS))


OWN_FIRM_POSSESSIVES = resources.words("contacts.own_firm_possessives")  # "mijn verzekeraar", "onze bank"


def _writer_before_en(sent: Span, en: int) -> bool:
    """Does the clause before the "en" at ``en`` open with the writer as subject ("Ik ging naar
    huis en ...", "Ik loop binnen bij de praktijk en ..."), with no other subject after it? A verb
    right after that "en" then shares the writer as its subject."""
    doc = sent.doc
    start = max((t.i + 1 for t in doc[sent.start : en] if t.text in (",", ";", ":")), default=sent.start)
    words = [t.lower_ for t in doc[start:en]]
    first = next((k for k, w in enumerate(words) if w in SELF), None)
    return first is not None and first <= 1 and not set(words[first + 1 :]) & SUBJECT_PRONOUNS


def _adjacent_agent(sent: Span, cue: Span) -> str:
    """Who does it, read next to the verb (Dutch puts the subject just before or, after a
    fronted phrase, just after it): "ik belde", "belde ik" -> self; "meldde de operator",
    "ze belden" -> other; else unknown."""
    doc = sent.doc
    before = doc[cue.start - 1].lower_ if cue.start > sent.start else ""
    after = doc[cue.end].lower_ if cue.end < sent.end else ""
    if before in SELF or after in SELF or any(t.lower_ in SELF for t in cue):
        return "self"  # "belde ik", "stuurde ik Simyo een sms"
    if after == "van" and cue.end + 1 < sent.end and doc[cue.end + 1].lower_ in WRITER_OBJECTS:
        return "self"  # "na een tweede telefoontje van mij": the writer's own call
    if before in PARTICIPLE_OBJECTS and _participle(cue[0].lower_) \
            and any(t.lower_ in SELF for t in doc[max(sent.start, cue.start - 4) : cue.start - 1]):
        return "self"  # "Ik heb ze gemaild en gebeld": "ze" is the object of the participle
    if before in PARTICIPLE_OBJECTS and cue.start - 2 >= sent.start and doc[cue.start - 2].lower_ in SELF:
        return "self"  # "de zesde keer dat we ze benaderen", "toen ik ze belde": subject, object, verb
    if before == COORDINATOR and _writer_before_en(sent, cue.start - 1):
        return "self"  # "Ik ging naar huis en belde de klantenservice": the writer's verb, its object after it
    if after in OTHER_SUBJECT_START or before in {"hij", "zij", "ze", "men", "jullie"}:
        return "other"
    if _other_person_in_clause(sent, cue):
        return "other"  # "Mijn buurman heeft ook al een paar keer gebeld": his own case
    companies = docindex.named_spans(doc)
    if cue.end < sent.end and any(c.start == cue.end for c in companies):
        return "other"  # "Daarop belde Samsung zelf"
    word = cue[0].lower_
    # weak forms by their ending, strong ones ("schreef", "vroeg") by having no infinitive "-en"
    # ("ingevuld", "opgezegd" are participles)
    finite = word.endswith(("t", "de", "te", "den", "ten")) or not word.endswith(("en", "d", "t")) and word.isalpha()
    finite = finite and not word.startswith("ge") and not PREFIXED_PARTICIPLE.match(word) and len(cue) == 1
    if finite and any(c.end == cue.start and (c.start == sent.start or doc[c.start - 1].lower_ not in SELF)
                      for c in companies):
        return "other"  # "Ziggo belt zelf!", "Menzis schreef terug" ("dat ik KPN belde" is mine)
    if _named_person_replies(sent, cue):
        return "other"  # "Griet mailde binnen het uur terug", "Na een week belde Sanne terug"
    if finite and _named_subject_after_fronted(sent, cue):
        return "other"  # "Op 27 mei belde Henk: het toernooi ging door."
    if finite and cue.start > sent.start and _staff_subject_after(sent, cue):
        return "other"  # "Daarop belde de zaakvoerder zelf", "Maandag belde er een schadebehandelaar"
    if _company_perfect_subject(sent, cue):
        return "other"  # "Vitakeur heeft het meteen opnieuw verstuurd"
    # "Om half vier belde de garage: ...": after a fronted phrase the subject follows the finite
    # verb ("Belde de garage, geen gehoor", "Dinsdag: belde de garage" open with the verb: the
    # writer's note)
    opening = max((t.i + 1 for t in doc[sent.start : cue.start] if t.text in (":", "-")), default=sent.start)
    if finite and any(t.is_alpha for t in doc[opening : cue.start]) and cue.end + 1 < sent.end \
            and doc[cue.end].lower_ in FRONTED_SUBJECT_DETERMINERS and (
                doc[cue.end].lower_ != "een" and any(c.start == cue.end + 1 for c in companies)
                or doc[cue.end + 1].lower_.endswith(STAFF_NOUN_ENDINGS)):
        # ("vanochtend belde de vestigingsmanager opnieuw", "Na een week belt een planner",
        # "Binnen een week mailde hun klachtenteam": staff, known by the noun's ending)
        return "other"
    if finite and any(t.is_alpha for t in doc[opening : cue.start]) and cue.end + 1 < sent.end \
            and doc[cue.end].lower_ in OWN_FIRM_POSSESSIVES and any(c.start == cue.end + 1 for c in companies):
        return "other"  # "Ondertussen stuurde mijn verzekeraar, Ethias, een brief": the writer's firm writing
    if finite and cue.end + 1 < sent.end and doc[cue.end].lower_ == "er" \
            and doc[cue.end + 1].lower_ in THERE_SUBJECTS and not _rings_at_door(sent, cue):
        return "other"  # "Gisteren belde er een planner", "Toen belde er iemand van de afdeling"
    # "meldde de operator mij ...", "belde de monteur ons": the customer is the object
    for tok in doc[cue.end : min(sent.end, cue.end + 5)]:
        if tok.lower_ in CLAUSE_BREAKS or tok.lower_ in SELF:
            break
        if tok.lower_ in CUSTOMER_AS_OBJECT and doc[tok.i - 1].lower_ not in POSSESSIVE_PREPOSITIONS:
            return "other"  # ("Binnengestapt in ons kantoor": "ons" after a preposition is a possessive)
    if _customer_object_before(sent, cue):
        return "other"
    return "unknown"


def _named_subject_after_fronted(sent: Span, cue: Span) -> bool:
    """ "Op 27 mei belde Henk: ...", "Een week later mailde Sanne": after a fronted phrase the
    subject follows the finite verb, so a first name right after it (no one of the household)
    is who called. A line that opens with the verb ("Belde Henk, geen gehoor") is the writer's
    note."""
    doc = sent.doc
    opening = max((t.i + 1 for t in doc[sent.start : cue.start] if t.text in (":", "-")), default=sent.start)
    if cue.end >= sent.end or not _staff_first_name(doc, doc[cue.end]):
        return False
    return any(t.is_alpha for t in doc[opening : cue.start]) \
        and not any(w in SELF for w in docindex.words_back(cue, CLAUSE_BREAKS))


def _staff_first_name(doc, tok) -> bool:
    """A first name of no one in the writer's household."""
    return tok.text in first_names() and tok.text not in _household_names(doc)


def _named_person_replies(sent: Span, cue: Span) -> bool:
    """ "Griet mailde binnen het uur terug", "Na een week schreef Ilse terug": a first name as the
    subject of a finite contact verb, just before it or just after a fronted phrase, with "terug"
    later in the clause, is someone of the company answering; the writer is not in the clause
    ("toen ik Griet terugbelde" is the writer's)."""
    doc = sent.doc
    word = cue[0].lower_
    if word.startswith("ge") or PREFIXED_PARTICIPLE.match(word) or word.endswith("en") and not word.endswith(("den", "ten")):
        return False  # "Griet had teruggemaild", "gemaild": no finite verb of her own
    names = first_names()
    before = doc[cue.start - 1] if cue.start > sent.start else None
    after = doc[cue.end] if cue.end < sent.end else None
    subject = before is not None and before.text in names \
        or after is not None and after.text in names and any(t.is_alpha for t in doc[sent.start : cue.start])
    if not subject or any(w in SELF for w in docindex.words_back(cue, CLAUSE_BREAKS)):
        return False
    name = before.text if before is not None and before.text in names else after.text
    if name in _staff_first_names(doc) and not name in _household_names(doc):
        return True  # "van ene Femke ... Femke belde een uur later": someone of the company told before
    return _back_later(sent, cue.start + 1, CLAUSE_BREAKS)


STAFF_NAME_BEFORE = resources.words("contacts.staff_name_markers_before")
STAFF_NAME_ANSWERED = resources.phrases("contacts.staff_name_answered_after")


def _staff_first_names(doc) -> frozenset[str]:
    """First names the story gives to the company's people before: "een mail van ene Femke",
    "medewerker Ahmed", "Femke nam op". Kept in the Doc."""
    memo = doc.user_data.get("klantverhaal.staff_first_names")
    if memo is None:
        names, found = first_names(), set()
        for tok in doc:
            if tok.text not in names or tok.i == 0:
                continue
            after = " ".join(t.lower_ for t in doc[tok.i + 1 : tok.i + 4])
            if doc[tok.i - 1].lower_ in STAFF_NAME_BEFORE or any(after.startswith(p) for p in STAFF_NAME_ANSWERED):
                found.add(tok.text)
        memo = doc.user_data["klantverhaal.staff_first_names"] = frozenset(found)
    return memo


def _back_later(sent: Span, start: int, breaks: frozenset[str]) -> bool:
    """Does "terug" close the clause from ``start`` on, before a clause break or the writer
    ("belde ... terug", "mailde binnen het uur terug")?"""
    for tok in sent.doc[start : sent.end]:
        if tok.lower_ in breaks or tok.lower_ in SELF:
            return False
        if tok.lower_ == "terug":
            return True
    return False


def _rings_at_door(sent: Span, cue: Span) -> bool:
    """ "Woensdag belt er een technieker aan": "aan" closing the clause makes it the doorbell."""
    for tok in sent.doc[cue.end : sent.end]:
        if tok.lower_ in CLAUSE_BREAKS or tok.is_punct:
            return False
        if tok.lower_ == "aan":
            return True
    return False


def _customer_object_before(sent: Span, cue: Span) -> bool:
    """ "DHL heeft mij intussen twee keer gebeld", "Ze hebben me drie keer gemaild": a perfect
    auxiliary with the customer as its object before the participle at the clause's end. ("Het
    heeft me drie keer bellen gekost" has an infinitive, the writer's own calls.)"""
    doc = sent.doc
    if not cue[0].lower_.startswith(PARTICIPLE_PREFIXES):
        return False
    window = doc[max(sent.start, cue.start - 7) : cue.start]
    for k in range(len(window) - 1, 0, -1):
        tok = window[k]
        if tok.lower_ in CLAUSE_BREAKS or tok.lower_ in SELF:
            return False
        if tok.lower_ in CUSTOMER_AS_OBJECT:
            return window[k - 1].lower_ in HAVE_AUXILIARIES
    return False


PARTICIPLE_PREFIXES = tuple(sorted(resources.words("contacts.participle_prefixes")))
HAVE_AUXILIARIES = resources.words("contacts.have_auxiliaries")


OTHER_PEOPLE = resources.words("judgements.other_people")


def _other_person_in_clause(sent: Span, cue: Span) -> bool:
    return any(w in OTHER_PEOPLE for w in docindex.words_back(cue, CLAUSE_BREAKS_BUT_AND))


def _other_person_subject(sent: Span) -> bool:
    """ "Mijn buurman, die hetzelfde had, heeft een brief gestuurd": someone else opens the
    sentence and the writer is not in it."""
    words = [t.lower_ for t in sent]
    return bool(OTHER_PEOPLE & set(words[:3])) and not SELF & set(words)


QUOTE_TOKENS = resources.words("contacts.quote_tokens")


def _quoted(sent: Span, cue: Span) -> bool:
    """Inside quoted speech ("Bedankt voor uw telefoontje", 'U wordt gebeld'): not the
    customer's action. Quote marks are counted as separate tokens, so the apostrophe in
    "sms'je" or "zo'n" is no quote."""
    if _after_open_quote(sent, cue.start):
        return True
    return _closed_by_speech_tag(sent, cue) or _tail_of_quote(sent, cue) or cue.start in _quoted_paragraph_tokens(sent.doc, spoken=True)


def _after_open_quote(sent: Span, i: int) -> bool:
    """An odd number of quote marks stands before token ``i`` in its sentence: it is inside a quote."""
    return sum(1 for t in sent.doc[sent.start : i] if t.text in QUOTE_TOKENS) % 2 == 1


def _quoted_paragraph_tokens(doc, spoken: bool = False) -> frozenset[int]:
    """The tokens inside a quote that runs over several sentences of one paragraph (a mail the
    writer quotes: '"Beste pulsgym, ik heb op 20 februari aan de balie opgezegd. ..."'); with
    ``spoken``, only quotes a speech tag closes ('"... Ge moogt dat gewoon naar mij mailen", zei
    ze.'), which are someone else's words. A paragraph with an odd number of quote marks is
    read as having none (a stray mark must not quote the rest of the story)."""
    key = "kv.quoted_paragraph_tokens" + (".spoken" if spoken else "")
    memo = doc.user_data.get(key)
    if memo is not None:
        return memo
    inside: set[int] = set()
    paragraph: list[int] = []

    def close_paragraph():
        nonlocal paragraph
        marks = [k for k in paragraph if doc[k].text in QUOTE_TOKENS]
        if len(marks) % 2 == 0:
            for a, b in zip(marks[::2], marks[1::2]):
                tag = [t.lower_ for t in doc[b + 1 : min(len(doc), b + 4)]]
                if not spoken or tag[:1] == [","] and any(w in SPEECH_VERBS for w in tag):
                    inside.update(range(a + 1, b))
        paragraph = []

    for tok in doc:
        paragraph.append(tok.i)
        if "\n\n" in tok.text_with_ws:  # (a space token of two line breaks holds them in its text)
            close_paragraph()
    close_paragraph()
    memo = frozenset(inside)
    doc.user_data[key] = memo
    return memo


def _tail_of_quote(sent: Span, cue: Span) -> bool:
    """ '"Binnen tien werkdagen, en ik bel u zelf."': a sentence whose only quote mark closes it
    is the end of speech opened in a sentence before (the staff member's "ik bel")."""
    tokens = [t for t in sent if not t.is_space]
    quotes = [t for t in tokens if t.text in QUOTE_TOKENS]
    # glued to the full stop before it, the mark closes; after a space ('gebeld. "') it opens the next
    # ('Daarna heb ik gemaild:\n\n"': after a line break the mark opens what follows)
    return len(quotes) == 1 and len(tokens) > 1 and tokens[-1].text in QUOTE_TOKENS \
        and not tokens[-2].whitespace_ and not _after_line_break(sent.doc, tokens[-1].i) and cue.end <= tokens[-1].i


def _after_line_break(doc, i: int) -> bool:
    """Does a line break (a space token) stand right before token ``i``? A quote mark there
    opens what follows ('Daarna heb ik gemaild:\n\n"'); it closes nothing."""
    return i > 0 and doc[i - 1].is_space


SPEECH_VERBS = resources.words("experiences.speech_verbs")


def _closed_by_speech_tag(sent: Span, cue: Span) -> bool:
    """ '"Bij ons bellen we de gast vooraf," zei hij.': the opening quote went with the sentence
    before, so the speech shows by its close -- the first quote after the cue, with a comma
    before it and a speech verb right after, and none before the cue in this sentence."""
    doc = sent.doc
    if any(t.text in QUOTE_TOKENS for t in doc[sent.start : cue.start]):
        return False
    close = next((t.i for t in doc[cue.end : sent.end] if t.text in QUOTE_TOKENS), None)
    return close is not None and doc[close - 1].text in (",", "?", "!") and close + 1 < sent.end \
        and doc[close + 1].lower_ in SPEECH_VERBS


QUESTION_MODALS = resources.words("contacts.question_modals")


OWN_WORK = resources.phrases("contacts.own_work")


QUOTED_POST_OPENERS = resources.phrases("contacts.quoted_post_openers")


def _not_the_writers(sent: Span) -> bool:
    """A sentence about the writer's own job, or in an earlier post quoted by the writer
    ('> Citaat van Marloes_83: "Ik heb gebeld ..."'), tells no contact of this customer."""
    return _about_own_work(sent) or _in_quoted_post(sent) or _in_anothers_post(sent)


def _in_anothers_post(sent: Span) -> bool:
    """ "Re: · Sanne_K · 3 oktober 2024 / Ik heb wel tien keer gebeld": a reply by another forum
    user tells that user's contacts, not the writer's."""
    others = sent.doc.user_data.get("klantverhaal.others_posts")
    if others is None:
        others = sent.doc.user_data["klantverhaal.others_posts"] = forum.others_posts(docindex.text(sent.doc))
    return any(a <= sent.start_char < b for a, b in others)


def _in_quoted_post(sent: Span) -> bool:
    text = docindex.text(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line = text[line_start : line_start + 40].lstrip().lower()
    return line.startswith(QUOTED_POST_OPENERS)


def _about_own_work(sent: Span) -> bool:
    """ "Ik werk zelf als planner en als wij een klant drie keer laten bellen, ...": a sentence
    about the writer's own job tells no contact with the company."""
    text = docindex.lower_words(sent)
    return any(f" {p} " in text for p in OWN_WORK)


def _hypothetical_question(sent: Span, cue: Span) -> bool:
    """ "Of moet ik nu ook nog een brief sturen?", "Kan ik ze beter mailen?": a question with a
    present-tense modal asks what to do; nothing was done. ("Waarom moest ik vijf keer bellen?"
    is past and still counts; in "een DM gestuurd: kan dit sneller?" the question is the
    message's content, after the colon, and the DM before it was sent.)"""
    start = _question_start(sent)
    return start is not None and cue.start >= start


QUESTION_CLAUSE_OPENERS = resources.words("contacts.question_clause_openers")


def _question_start(sent: Span) -> int | None:
    """Where the sentence's modal question begins (after its last colon), or None; per sentence."""
    memo = sent.doc.user_data.setdefault("klantverhaal.question_start", {})
    if sent.start not in memo:
        start = None
        if sent.text.rstrip().rstrip('"\'’”').endswith("?"):
            start = max([t.i + 1 for t in sent if t.text in (":", ";")], default=sent.start)
            # "Intussen heb ik Samsung nog gebeld, want als Ziggo ..., zou Samsung dat toch moeten
            # weten?": a question in the clause after ", want" leaves the clause before it told
            doc = sent.doc
            later = [t.i for t in doc[start + 1 : sent.end] if t.lower_ in QUESTION_CLAUSE_OPENERS and doc[t.i - 1].text == ","]
            if later and any(t.lower_ in QUESTION_MODALS for t in doc[later[-1] : sent.end]):
                start = later[-1]
            if not any(t.lower_ in QUESTION_MODALS for t in doc[start : sent.end]):
                start = None
        memo[sent.start] = start
    return memo[sent.start]


def _said_or_planned(sent: Span, cue: Span) -> bool:
    """Advice, a plan or a question about what to do, not a contact made: "Mail maar naar ...",
    "ik zou een mail krijgen", "Moet ik nu een brief sturen?"."""
    return _advice_to_someone(sent, cue) or _imperative_opening(sent, cue) or _not_yet_done(sent, cue) \
        or _hypothetical_question(sent, cue) \
        or _counterfactual(sent) or _unwilling(sent, cue) or _unreal_modal(sent, cue) or _planned(sent, cue) \
        or _told_to(sent, cue) or _requested(sent, cue) or _generic_infinitive(sent, cue) or _conditional_plan(sent)


CONDITIONAL_OPENERS = resources.words("contacts.conditional_openers")
CONDITIONAL_LEAD_INS = resources.words("contacts.conditional_lead_ins")
UNREAL_AUXILIARIES = resources.words("contacts.unreal_condition_auxiliaries")
IRREALIS_FINITES = resources.words("contacts.irrealis_finites")


UNREAL_MODALS = resources.words("contacts.unreal_modals")


def _unreal_modal(sent: Span, cue: Span) -> bool:
    """ "Ik had bijna naar de winkel willen rijden", "we hadden ook kunnen mailen": a pluperfect
    with "willen" or "kunnen" tells what was not done (not "moeten": "ik had al drie keer moeten
    bellen" was done). Read in the cue's clause."""
    doc = sent.doc
    lo, hi = cue.start, cue.end
    while lo > sent.start and doc[lo - 1].lower_ not in CLAUSE_BREAKS:
        lo -= 1
    while hi < sent.end and doc[hi].lower_ not in CLAUSE_BREAKS:
        hi += 1
    words = {t.lower_ for t in doc[lo:hi]}
    return bool(words & PLUPERFECT) and bool(words & UNREAL_MODALS)


def _counterfactual(sent: Span) -> bool:
    """ "Als ze niet hadden betaald, was ik naar de rechter gestapt", "Als ik op die man achter de
    balie was afgegaan, had ik nu nog gewacht", "Had ik geweten hoe dit liep, dan was ik meteen
    naar de winkel gegaan": an unreal condition (a pluperfect "als"-clause, or one opened by the
    auxiliary) and an inverted past main clause tell what did not happen; nothing in it is a
    contact."""
    doc = sent.doc
    for k in range(sent.start, sent.end):
        # "Had ik meteen een brief gestuurd, dan ...": the auxiliary first is the condition's opener
        inverted = doc[k].lower_ in UNREAL_AUXILIARIES and all(t.lower_ in CONDITIONAL_LEAD_INS for t in doc[sent.start : k])
        if doc[k].lower_ not in CONDITIONAL_OPENERS and not inverted:
            continue
        # ("..., dus als ze niet hadden betaald, was ik ...": a lead-in word after the comma too)
        opens = k == sent.start or doc[k - 1].text == "," or all(
            t.lower_ in CONDITIONAL_LEAD_INS for t in doc[sent.start : k]) \
            or k - 2 >= sent.start and doc[k - 2].text == "," and doc[k - 1].lower_ in CONDITIONAL_LEAD_INS
        if not opens:
            continue
        comma = next((j for j in range(k + 1, sent.end) if doc[j].text == ","), None)
        if comma is None or not inverted and not any(t.lower_ in UNREAL_AUXILIARIES for t in doc[k + 1 : comma]):
            continue
        j = comma + 1
        if j < sent.end and doc[j].lower_ in CONDITION_THEN:
            j += 1
        elif inverted:
            continue  # ("Had ik dat maar geweten, ...": a wish; only "..., dan had ik" is unreal here)
        if j + 1 < sent.end and doc[j].lower_ in IRREALIS_FINITES:
            return True
    return _unreal_without(sent)


ABOUT_TO = resources.phrases("contacts.about_to_phrases")


def _almost_done(sent: Span, cue: Span) -> bool:
    """ "Ik had al bijna Interpolis gebeld, maar dat hoefde niet meer": a pluperfect with "bijna"
    in the cue's own clause tells what nearly happened ("..., maar ik heb alleen gebeld" after it
    is a call; "Ik had bijna een uur gewacht" measures a time)."""
    before_cue = f" {' '.join(t.lower_ for t in sent.doc[sent.start : cue.start])} "
    if any(f" {phrase} " in before_cue for phrase in ABOUT_TO):
        return True  # "Ik stond op het punt om de krant te mailen": about to, not done
    after = [t.lower_ for t in sent.doc[cue.end : min(sent.end, cue.end + 4)]]
    if after[:1] and after[0] in HALF_DONE_FILLERS:
        after = after[1:]
    # ("die ik al half had ingevuld": the auxiliary may stand between)
    half_before = any(k >= sent.start and sent.doc[k].lower_ in HALF_DONE_WORDS
                      and all(t.lower_ in PLUPERFECT | SELF_AUXILIARIES for t in sent.doc[k + 1 : cue.start])
                      for k in (cue.start - 1, cue.start - 2))
    if after[:1] and after[0] in HALF_DONE_WORDS and len(after) > 1 and _any_participle(after[1]) \
            or half_before and _any_participle(cue[-1].lower_):
        return True  # "ik had de brief al half geschreven": begun, not sent
    words = list(docindex.words_back(cue, CLAUSE_BREAKS))[::-1]
    for k, word in enumerate(words):
        if word != "bijna":
            continue
        before = words[max(0, k - 3) : k]
        helper = next((j for j, w in enumerate(before) if w in IRREALIS_FINITES), None)
        after = words[k + 1] if k + 1 < len(words) else cue[0].lower_
        # ("Ik had gisteravond al bijna Centraal Beheer gebeld": a time may stand between too)
        if helper is not None and all(w == "al" or w in SUBJECT_PRONOUNS or w in ALMOST_TIME_WORDS for w in before[helper + 1 :]) \
                and numbers.parse(after) is None and not after.isdigit():
            return True
    return False


ALMOST_TIME_WORDS = resources.words("contacts.almost_time_words")  # "Ik had gisteravond al bijna ..."
UNREAL_WITHOUT = resources.words("contacts.unreal_without")
UNREAL_ADVERBS = resources.words("contacts.unreal_adverbs")


def _unreal_without(sent: Span) -> bool:
    """ "maar zonder die man in de stalling had ik nu waarschijnlijk nog met een incassobureau
    zitten bellen": a "zonder"-phrase opening a clause, then an inverted past auxiliary with an
    adverb of the unreal ("nu", "waarschijnlijk"), tells what did not happen. ("Zonder antwoord
    had ik geen keus" has no such adverb: a past told.)"""
    doc = sent.doc
    for k in range(sent.start, sent.end):
        if doc[k].lower_ not in UNREAL_WITHOUT:
            continue
        if not (k == sent.start or doc[k - 1].text == "," or doc[k - 1].lower_ in CONDITIONAL_LEAD_INS):
            continue
        for j in range(k + 1, min(sent.end - 1, k + 10)):
            if doc[j].text == ",":
                break
            if doc[j].lower_ in IRREALIS_FINITES and doc[j + 1].lower_ in SUBJECT_PRONOUNS:
                return any(t.lower_ in UNREAL_ADVERBS for t in doc[j + 2 : min(sent.end, j + 5)])
    return False


HYPOTHETICAL_OPENERS = resources.words("contacts.hypothetical_openers")


CONDITION_OPENERS = resources.words("contacts.condition_openers")
PAST_STRONG = resources.words("contacts.past_strong_finites")
PLAN_DEADLINE_WORDS = resources.words("contacts.plan_deadline_words")
PLAN_MAIN_CLAUSE_WORDS = resources.words("contacts.plan_main_clause_words")
CONDITION_THEN = resources.words("contacts.condition_then")  # "..., dan bel ik"
CONDITION_DEMONSTRATIVES = resources.words("contacts.condition_demonstratives")  # "Gebeurt dat niet, dan ..."


FROM_NOW_OPENERS = resources.phrases("contacts.from_now_openers")
PAST_ENDINGS = tuple(resources.words("contacts.past_endings"))


def _plan_from_now(sent: Span) -> bool:
    """ "Volgende keer vraag ik meteen wie mij belt", "Voortaan mail ik alles": a sentence opened
    by "from now on" with the writer after a present-tense verb is a plan, no contact ("De
    volgende keer belde ik" tells the next time, in the past, and is not read here)."""
    words = [t.lower_ for t in sent if not t.is_space][:5]
    for opener in FROM_NOW_OPENERS:
        n = len(opener.split())
        if " ".join(words[:n]) == opener and len(words) > n + 1:
            return words[n + 1] in SELF and not words[n].endswith(PAST_ENDINGS)
    return False


def _conditional_plan(sent: Span) -> bool:
    """ "Als ik voor vrijdag niets hoor, bel ik opnieuw", "Als ik mijn geld niet terugkrijg, meld
    ik jullie bij de ACM": a sentence opened by a condition whose main clause is in the present
    tense is a plan or a threat, no contact made. In the past ("Als ik belde, kreeg ik steeds
    het bandje") it tells what happened each time. Four readers ask it of every sentence, so
    the answer is kept per sentence in the Doc."""
    memo = sent.doc.user_data.setdefault("klantverhaal.conditional_plan", {})
    key = (sent.start, sent.end)
    if key not in memo:
        memo[key] = _read_conditional_plan(sent)
    return memo[key]


def _read_conditional_plan(sent: Span) -> bool:
    """The reading behind ``_conditional_plan``, done once per sentence."""
    if _plan_from_now(sent):
        return True
    doc = sent.doc
    first = next((t for t in sent if t.is_alpha), None)
    comma = next((t.i for t in sent if t.text == ","), None)
    if first is None or comma is None:
        return False
    # ("Reageert u niet, dan leg ik mijn klacht voor aan ...": a condition told verb first)
    verb_first = first.i + 1 < comma and doc[first.i + 1].lower_ in SUBJECT_PRONOUNS \
        and doc[comma + 1].lower_ in CONDITION_THEN
    # ("Gebeurt dat niet, dan leg ik de zaak voor aan ...": a verb-first condition on what the
    # letter asks is a threat whatever the main clause holds)
    on_demand = first.i + 1 < comma and doc[first.i + 1].lower_ in CONDITION_DEMONSTRATIVES \
        and doc[comma + 1].lower_ in CONDITION_THEN
    verb_first = verb_first or on_demand
    if first.lower_ not in CONDITION_OPENERS and not verb_first:
        return False
    if comma + 1 < sent.end and doc[comma + 1].lower_ in CONDITION_THEN:
        comma += 1  # ", dan bel ik"
    if comma + 2 >= sent.end or doc[comma + 2].lower_ not in SELF:
        return False
    verb = doc[comma + 1].lower_
    if verb.endswith(("de", "te", "den", "ten")) or verb in PAST_STRONG:
        return False
    # a story told in the present ("Als de stroom om acht uur nog uit is, bel ik de netbeheerder")
    # is no plan: only a deadline in the condition, or "jullie" or "opnieuw" in the main clause
    # (or "u" in the condition), makes it one
    if on_demand:
        return True
    condition = {t.lower_ for t in doc[first.i : comma]}
    main = {t.lower_ for t in doc[comma + 1 : sent.end]}
    return bool(condition & PLAN_DEADLINE_WORDS or (main | condition) & PLAN_MAIN_CLAUSE_WORDS)


def _should_it_happen(sent: Span) -> bool:
    """ "En mocht het ooit weer gebeuren, dan bel ik eerst mijn eigen verzekeraar": a clause
    opened by "mocht" sets a condition that has not come true; what follows is a plan."""
    doc = sent.doc
    for k in range(sent.start, min(sent.end, sent.start + 4)):
        if doc[k].lower_ in HYPOTHETICAL_OPENERS and all(t.lower_ in CONDITIONAL_LEAD_INS for t in doc[sent.start : k]):
            return any(t.text == "," for t in doc[k + 1 : sent.end])
    return False


UNWILLING_NOUNS = resources.words("contacts.unwilling_nouns")


def _unwilling(sent: Span, cue: Span) -> bool:
    """ "Ik heb geen zin meer om nog een keer te bellen", "geen puf om weer te mailen": a contact
    the writer does not feel like making is none."""
    doc = sent.doc
    if cue.start - 1 <= sent.start or doc[cue.start - 1].lower_ != "te":
        return False
    om = next((k for k in range(cue.start - 2, max(sent.start, cue.start - 8) - 1, -1) if doc[k].lower_ == "om"), None)
    if om is None:
        return False
    head = [t.lower_ for t in doc[max(sent.start, om - 4) : om]]
    return any(w == "geen" and k + 1 < len(head) and head[k + 1] in UNWILLING_NOUNS for k, w in enumerate(head))


REQUEST_VERBS = resources.words("contacts.request_verbs")


def _requested(sent: Span, cue: Span) -> bool:
    """ "Ik verzoek u mij schriftelijk te laten weten ...", "Ik vroeg hen dit per mail te
    bevestigen": a channel in the "te"-clause after a request is how someone is asked to act,
    not a contact made."""
    doc = sent.doc
    if _asked_of_writer(sent, cue):
        return True  # "De medewerker vroeg me de foto's te mailen": done only if a sentence says so
    after = [t.lower_ for t in doc[cue.end : min(sent.end, cue.end + 2)]]
    if not (after[:1] == ["te"] or after[1:2] == ["te"] and after[0] != "om"):
        return False  # "Ik vroeg per mail om terug te bellen": asked by mail
    return any(t.lower_ in REQUEST_VERBS for t in doc[sent.start : cue.start])


TOLD_TO_MODALS = resources.words("contacts.told_to_modals")
WRITER_PLAN_MODALS = resources.words("contacts.writer_plan_modals")  # "dat ik een bewijs zou mailen"


def _told_to(sent: Span, cue: Span) -> bool:
    """ "Die zei dat ik de verklaring per mail moest sturen": what staff said the customer
    should do, in a "dat"-clause after a speech verb with "moest" or "kon", is advice; whether
    it was done is told elsewhere."""
    doc = sent.doc
    k = cue.start - 1
    while k > sent.start and doc[k].lower_ != "dat" and doc[k].lower_ not in CLAUSE_BREAKS:
        k -= 1
    if k <= sent.start or doc[k].lower_ != "dat":
        return False
    before = {t.lower_ for t in doc[sent.start : k]}
    clause = {t.lower_ for t in doc[k + 1 : _first_comma(sent, cue.end)]}
    return bool((SPEECH_VERBS | TOLD_TO_SPEECH) & before) and bool(TOLD_TO_MODALS & clause) and not PLUPERFECT & clause \
        and not _offer_taken_up(sent) and not _done_later_in_sentence(sent, cue)  # "..., dus dat heb ik gedaan": followed


DONE_JOINER = re.compile(rf"(?i),\s*(?:{_alternatives('contacts.done_joiners')})\s+")


def _done_later_in_sentence(sent: Span, cue: Span) -> bool:
    """ "Ze legde uit dat ik het formulier online moest invullen, en dat heb ik dezelfde avond
    gedaan": the advice taken up in the same sentence (", wat ik deed", ", en dat heb ik gedaan")."""
    rest = sent.doc[cue.end : sent.end].text
    return bool(DONE_CLAUSE.search(rest)) or any(DONE_SENTENCE.match(rest[m.end():]) for m in DONE_JOINER.finditer(rest))


# "legde uit dat ik eerst schriftelijk moest reclameren": more verbs that tell what staff said
TOLD_TO_SPEECH = resources.words("contacts.told_to_speech_verbs")


PLAN_MODALS = resources.words("contacts.plan_modals")
PLAN_INFINITIVES = resources.words("contacts.plan_infinitives")
GO_VERBS = resources.words("contacts.go_verbs")
PERFECT_AUXILIARIES = resources.words("contacts.perfect_auxiliaries")
PERFORMATIVE = resources.words("contacts.performative")


def _adverbial_maar(doc, k: int, cue: Span) -> bool:
    """ "Toen ben ik maar gaan bellen": "maar" with only "gaan" between it and the verb is an
    adverb ("just"), no clause break."""
    return doc[k].lower_ == "maar" and all(t.lower_ in GO_VERBS for t in doc[k + 1 : cue.start])


def _planned(sent: Span, cue: Span) -> bool:
    """ "Nu moet ik dus weer een brief sturen", "Morgen ga ik ze bellen": a present-tense modal
    with a contact infinitive in the cue's clause is a plan, not a contact made ("Ik moest drie
    keer bellen", in the past, is one)."""
    doc = sent.doc
    adverbial = any(k >= sent.start and _adverbial_maar(doc, k, cue) for k in (cue.start - 1, cue.start - 2))
    breaks = SUBCLAUSE_BREAKS - {"maar"} if adverbial else SUBCLAUSE_BREAKS
    clause = list(reversed(list(docindex.words_back(cue, breaks)))) + [t.lower_ for t in cue] \
        + [t.lower_ for t in _clause_ahead(sent, cue)]
    words = set(clause)
    modals = PLAN_MODALS & words
    if modals <= GO_VERBS and PERFECT_AUXILIARIES & words:
        return False  # "Intussen ben ik met Transavia gaan chatten": done, in the perfect
    pairs = {f"{a} {b}" for a, b in zip(clause, clause[1:])}
    if PERFORMATIVE & (words | pairs):
        return False  # "Met deze brief wil ik een klacht indienen": the letter is the contact
    if not WRITER_AUXILIARIES & words and not _participle(cue[-1].lower_):
        told = f" {' '.join(clause)} "
        if any(f" {p} " in told for p in FUTURE_TIME):
            return True  # "Deze week stuur ik ze een aangetekende brief": a present tense with a time to come
        if not cue[0].lower_.endswith(("de", "te", "den", "ten")) and any(f" {p} " in told for p in NEXT_TIME):
            return True  # "Volgende keer bel ik gewoon meteen" ("De volgende keer belde ik" is told)
    return bool(modals) and bool(PLAN_INFINITIVES & words)


FUTURE_TIME = resources.phrases("contacts.future_time")
NEXT_TIME = resources.phrases("contacts.next_time")


IMPERATIVE_FOLLOWERS = resources.words("contacts.imperative_followers")


IMPERATIVE_STEMS = resources.words("contacts.imperative_stems")


def _imperative_opening(sent: Span, cue: Span) -> bool:
    """ "Stuur een aangetekende brief naar de aannemer en stel ze in gebreke", "Bel Woningborg
    als het niks wordt", "Stuur een foto van de meter, zei ze": a sentence opened by the bare
    stem of a verb of contacting or going, with no subject after it ("Bel ik" is the writer),
    is advice or an instruction; no contact in it up to its first comma or stop was made."""
    doc = sent.doc
    first = _after_date_prefix(sent)
    while first < sent.end and (doc[first].text in QUOTE_TOKENS or doc[first].lower_ in ("en", "maar", "dus", "of")):
        first += 1  # ("En bel Woningborg als ...")
    if first + 1 >= sent.end or doc[first].lower_ not in IMPERATIVE_STEMS or doc[first + 1].lower_ in SUBJECT_PRONOUNS \
            or not doc[first + 1].is_alpha or doc[first + 1].lower_ == "van":
        return False  # ("Stuur van mijn fiets krom": a noun)
    return not any(t.text in (",", ";", ":") for t in doc[first : cue.start])


def _advice_to_someone(sent: Span, cue: Span) -> bool:
    """ "Mail maar naar het algemene adres.", "Bel je klant even": a bare verb stem that opens the
    sentence with "maar", "even" or an addressee after it is an imperative, advice to someone;
    and a cue before a lone closing quote mark is inside speech that opened a sentence earlier
    ("... Neem contact op met uw dealer.'")."""
    doc = sent.doc
    first = _after_date_prefix(sent)
    while first < cue.start and doc[first].text in QUOTE_TOKENS:
        first += 1
    word = cue[0].lower_
    # at the start, or after a clause break ("..., maar bel dan even met DHL"); not after "en",
    # which may join a present tense to the writer's own verb ("Ik bel en mail ze")
    opens = cue.start == first or doc[cue.start - 1].lower_ in CLAUSE_BREAKS_BUT_AND
    # ("Mijn vader, die ..., belt dan ook nog": the comma closes a relative clause after the subject)
    opens = opens and not (doc[cue.start - 1].text == "," and _relative_clause_closed(sent, cue.start - 1))
    if opens and len(cue) <= 2 and cue.end < sent.end and not word.startswith("ge") \
            and not word.endswith(("en", "de", "te")) and doc[cue.end].lower_ in IMPERATIVE_FOLLOWERS:
        return True
    quotes = _quote_marks(sent)
    # a closing mark leans on the word or full stop before it ('adres."'); an opening mark of
    # the next sentence that the sentencizer left here stands apart ('was. "')
    return len(quotes) % 2 == 1 and quotes[0] >= cue.end and quotes[-1] > sent.start \
        and not doc[quotes[-1] - 1].whitespace_ and not _after_line_break(doc, quotes[-1]) \
        and all(t.is_punct for t in doc[quotes[-1] : sent.end])


def _quote_marks(sent: Span) -> list[int]:
    """Token indexes of the sentence's quote marks, per sentence."""
    memo = sent.doc.user_data.setdefault("klantverhaal.quote_marks", {})
    if sent.start not in memo:
        memo[sent.start] = [t.i for t in sent if t.text in QUOTE_TOKENS]
    return memo[sent.start]


FUTURE_IN_PAST = resources.words("contacts.future_in_past")


INDIRECT_QUESTION_OPENERS = resources.words("contacts.indirect_question_openers")


def _not_yet_done(sent: Span, cue: Span) -> bool:
    """ "ik zou binnen een dag een mail krijgen", "dat ik de foto's op de mail zou zetten": "zou"
    in the cue's clause makes it a promise or a plan, not something done ("gebeld om te vragen
    hoe lang het nog zou duren" asks about the future; the call was made)."""
    ahead = [t.lower_ for t in _clause_ahead(sent, cue)]
    ahead = ahead[: next((k for k, w in enumerate(ahead) if w in INDIRECT_QUESTION_OPENERS), len(ahead))]
    return bool(FUTURE_IN_PAST & (set(docindex.words_back(cue, SUBCLAUSE_BREAKS)) | set(ahead)))


DOORBELL_VERBS = resources.words("contacts.doorbell_verbs")
DOORBELL_PARTICLE = resources.words("contacts.doorbell_particle")


def _rang_the_bell(sent: Span, cue: Span) -> bool:
    """ "belde ... aan" (aanbellen): a finite "belde" whose clause ends in the particle "aan" rang
    a doorbell; no phone call. (The writer at the firm's door is told by the place, if at all.)"""
    if cue.text.lower() not in DOORBELL_VERBS:
        return False
    if cue.text.lower().startswith(tuple(DOORBELL_PARTICLE)):
        return True  # "aanbellen", "aangebeld"
    ahead = [t for t in _clause_ahead(sent, cue) if not t.is_punct]
    return bool(ahead) and ahead[-1].lower_ in DOORBELL_PARTICLE


def _clause_ahead(sent: Span, cue: Span) -> list:
    """The tokens after ``cue`` up to the next clause or subclause break."""
    tokens = []
    for tok in sent.doc[cue.end : sent.end]:
        if tok.lower_ in SUBCLAUSE_BREAKS:
            break
        tokens.append(tok)
    return tokens


NOUN_DETERMINERS = resources.words("contacts.noun_determiners")


def _verb_as_noun(sent: Span, cue: Span) -> bool:
    """ "de mail van Booking.com", "een mail krijgen", "per mail": a one-word verb cue that is
    also a noun ("mail") is the noun after a determiner or a preposition; the message is counted through its own verb. A
    note's first word followed by "van" is the noun too ("Mail van Vattenfall: ...", a message
    received; "Mail naar Dyson" stays the writer's)."""
    if cue.label_ != "contact_verb" or cue.id_.endswith("/noun") or cue.text.lower() not in VERB_NOUNS:
        return False
    doc = sent.doc
    if cue.start > sent.start and doc[cue.start - 1].lower_ in NOUN_DETERMINERS | NOUN_PREPOSITIONS:
        return True  # ("dit keer per mail": after a preposition too)
    if cue.start - 2 > _after_date_prefix(sent) and doc[cue.start - 1].text == "-" and not doc[cue.start - 2].whitespace_ \
            and doc[cue.start - 2].lower_ in NOUN_DETERMINERS | NOUN_PREPOSITIONS | NOUN_PREFIXES \
            and cue.start - 3 >= sent.start and doc[cue.start - 3].lower_ in NOUN_DETERMINERS | NOUN_PREPOSITIONS:
        return True  # "ontving ik per e-mail": the end of the noun "e-mail" ("12 december: e-mail met ..." is a note's)
    if cue.start - _after_date_prefix(sent) <= 0 and cue.end < sent.end and doc[cue.end].text == ":" \
            and COMPANY_DECISIONS & {t.lower_ for t in doc[cue.end : sent.end]}:
        return True  # "28 februari – Mail: premie goedgekeurd.": the firm's decision came by mail
    return cue.start - _after_date_prefix(sent) <= 0 and cue.end < sent.end \
        and sent.doc[cue.end].lower_ in FROM_AFTER_NOUN


VERB_NOUNS = resources.words("contacts.verb_nouns")
NOUN_PREPOSITIONS = resources.words("contacts.verb_noun_prepositions")
NOUN_PREFIXES = resources.words("contacts.verb_noun_prefixes")  # the "e" of "e-mail"


MESSAGE_CHANNELS = resources.words("contacts.message_channels")


def message_from_company(sent: Span, cues: list[Span]) -> bool:
    """Did the company write to the customer in this sentence ("een brief van Stedin gekregen")?
    Not a contact, but an exchange of its own."""
    return any(c.label_ == "channel" and _from_company(sent, c) for c in cues)


def _from_company(sent: Span, cue: Span) -> bool:
    """ "de mail van Booking.com", "de brief van de gemeente": a message the company sent. So is
    one from whoever else an article and a noun name ("een brief van een incassobureau", "de mail
    van de klantenservice"), but not a time ("de mail van vorige week", "de brief van de week")."""
    doc = sent.doc
    if cue.id_ not in MESSAGE_CHANNELS or cue.end + 1 >= sent.end or doc[cue.end].lower_ != "van":
        return False
    starts = {s.start for s in docindex.named_spans(doc)}
    if cue.end + 1 in starts or doc[cue.end + 1].lower_ in ("de", "het") and cue.end + 2 in starts:
        return True
    sender = doc[cue.end + 2] if cue.end + 2 < sent.end else None
    return doc[cue.end + 1].lower_ in ("de", "het", "een") and sender is not None and sender.is_alpha \
        and sender.is_lower and sender.lower_ not in NOT_SENDERS


NOT_SENDERS = resources.words("contacts.not_senders")


SOURCE_WORDS = resources.words("contacts.source_words")


def _cited(sent: Span, cue: Span) -> bool:
    """ "Volgens de brief hadden we 412 kuub verbruikt": the letter is a source quoted, not a
    contact."""
    return any(t.lower_ in SOURCE_WORDS for t in sent.doc[max(sent.start, cue.start - 3) : cue.start])


OTHER_AGENTS = resources.words("contacts.other_agents")


def _elliptic(sent: Span, verb: Span) -> bool:
    """Blog Dutch drops the subject: "Contact opgenomen met de klantenservice.", "Weer gebeld.",
    "Na de lunch dus nog maar eens mailen." Counts when the verb comes early or after
    "weer/nogmaals/opnieuw", and nobody else is named as its subject."""
    before = _tokens_between(sent, _after_date_prefix(sent), verb.start)
    if verb.end < sent.end and sent.doc[verb.end].lower_ == "door":
        return False  # "Gebeld door een medewerker": a passive with its agent
    if OTHER_AGENTS & set(_without_possessors(before)) or _company_subject(sent, verb):
        return False
    if len(before) >= 3 and before[0] in FRONTED_SUBJECT_DETERMINERS and before[2] in COMPANY_AUXILIARIES \
            and not SELF & set(before):
        return False  # "De opticien heeft alles nog een keer verstuurd": a subject of its own
    word = verb.text.lower()
    if len(verb) == 1 and word.endswith("t") and not word.startswith("ge") and not PREFIXED_PARTICIPLE.match(word) \
            and before and before[-1].endswith(STAFF_NOUN_ENDINGS):
        return False  # "Rioolbeheerder belt terug.": a third person's present, with staff as its subject
    repeated = bool({"weer", "nogmaals", "opnieuw", "keer"} & set(before[-4:]))
    return repeated or len([t for t in before if t.isalpha()]) <= 1 or verb.text.lower() == "rappel" \
        or _object_first(sent, verb)


def _noun_note(sent: Span, cue: Span) -> bool:
    """ "Daarna een chat met hun klantenservice, maar die kon niets vinden.": a note that opens
    with a contact noun after only fillers ("daarna", "een", "toen"), with no verb or subject up to
    its comma, tells the writer's contact."""
    if not cue.id_.endswith("/noun"):
        return False
    start = _after_date_prefix(sent)
    if cue.start <= start or not all(t.lower_ in NOTE_FILLERS for t in sent.doc[start : cue.start]):
        return False
    if cue.end < sent.end and sent.doc[cue.end].lower_ in FROM_AFTER_NOUN:
        return False  # "Toen een telefoontje van hun monteur.": a call that came in
    return _note_words(sent, longest=15, allow_self=False, verb=cue) is not None


ONE_MORE_BEFORE = resources.phrases("contacts.one_more_before")
ONE_MORE_AFTER = resources.words("contacts.one_more_after")


def _one_more_noun(sent: Span, cue: Span) -> bool:
    """ "Na tien dagen nog niks, dus nog een mail.", "Na een week nog een mail, en toen ...": a
    contact noun after "nog een" in a clause with no verb and no subject of its own is one more
    contact of the writer's, told as a note; "nog een mail van hen" is the company's."""
    doc = sent.doc
    before = " ".join(t.lower_ for t in doc[max(sent.start, cue.start - 3) : cue.start])
    if not any(before.endswith(phrase) for phrase in ONE_MORE_BEFORE):
        return False
    if cue.end < sent.end and not (doc[cue.end].text in (".", ",", "!") or doc[cue.end].is_space
                                   or doc[cue.end].lower_ in ONE_MORE_AFTER
                                   or doc[cue.end].text == ":" and _no_reply_after(sent, cue.end + 1)):
        return False  # ("Op 28 maart weer een mail: verplaatst.": what a message said follows the colon;
        # "Een week later nog een mail: weer niks." is the writer's)
    start = next((t.i + 1 for t in reversed(doc[sent.start : cue.start]) if t.text in (",", ";", ":")),
                 _after_date_prefix(sent))
    return not _head_has_actor(sent, start, cue.start)


def _without_possessors(words: list[str]) -> list[str]:
    """The words without a person after "van (de)": in "het nummer uit de sms van de monteur
    gebeld" the fitter owns the number and does not call."""
    return [w for k, w in enumerate(words)
            if not (k >= 1 and words[k - 1] == "van" or k >= 2 and words[k - 2] == "van" and words[k - 1] in ("de", "het", "die", "hun"))]


HOUSEHOLD = resources.words("contacts.household")
HOUSEHOLD_OWNERS = resources.words("contacts.household_owners")
SELF_OBJECTS = frozenset({"mij", "me", "ons"})
HOUSEHOLD_BREAKS = frozenset({",", ";", ":", "(", ")", "!", "?", "want", "omdat"})
RELATIVE_PRONOUNS = resources.words("contacts.relative_pronouns")


def _household_subject(sent: Span, cue: Span) -> bool:
    """ "Mijn vrouw belde ook nog twee keer", "Huisgenoot Milan belt ook", "3 oktober: mama belt
    Rivierenhof": a household is one customer (SPEC), so a partner's, housemate's or (for a
    writer acting for a parent) the parent's contact is the customer's."""
    doc = sent.doc
    if _household_pronoun(sent, cue):
        return True  # "Mijn zoon heeft in de app gekeken. Hij heeft een bericht gestuurd."
    if cue.end < sent.end and doc[cue.end].text in _household_names(doc) \
            and not (cue.start > sent.start and doc[cue.start - 1].lower_ in SUBJECT_PRONOUNS):
        return True  # "Mijn vrouw Femke ... De dag erna belde Femke opnieuw": the subject after the verb
        # ("Hij belde Sem op": the name is the object)
    words = [t.lower_ for t in doc[max(sent.start, cue.start - 8) : min(sent.end, cue.end + 3)]]
    if any(a == "namens" and b in ("mij", "ons", "me") for a, b in zip(words, words[1:])):
        return True  # "heeft toen namens mij het ziekenhuis gebeld", "een e-mail gestuurd namens mij"
    # back from the verb to the clause's start, far enough for "Mijn vrouw Annemiek heeft vorige
    # week zelf nog een keer naar het vaste nummer gebeld"
    lo = max(sent.start, cue.start - HOUSEHOLD_REACH)
    i = cue.start
    while i > lo:
        i -= 1
        tok = doc[i]
        if _household_apposition(doc, tok.i):
            return True  # "Jeroen, mijn vriend, heeft gebeld", "Sanne (mijn vrouw) heeft gemaild"
        if tok.text == "," and not cue.id_.startswith("any") and (opener := _relative_clause_closed(sent, tok.i)):
            # "Mijn vader, die zelf dertig jaar bij een corporatie werkte, belt dan ook nog" (a verb
            # of a channel: "Lotte, die les heeft bij X, klaagde dat ..." complained at home)
            return _household_subject(sent, doc[opener : opener + 1])
        if (opener := _inserted_phrase_closed(sent, tok.i)) and opener > lo:
            i = opener  # "is mijn man, met veel moeite, naar het kantoor gegaan", "Mijn vriendin (we
            continue  # wonen samen) heeft ook gebeld": the insertion does not end the clause
        if tok.lower_ in HOUSEHOLD_BREAKS:  # ("toen maar zelf": adverbs, not clause breaks)
            return False
        if tok.lower_ in HOUSEHOLD and (tok.i in (sent.start, _after_date_prefix(sent)) or doc[tok.i - 1].lower_ in HOUSEHOLD_OWNERS
                                        or tok.lower_.startswith("huisgeno")):
            return True
        if tok.text in _household_names(doc):
            return True  # "Mijn zoon Ruud helpt me ... Ruud heeft via de app gechat"
    return False


def _relative_clause_closed(sent: Span, comma: int) -> int:
    """The comma that opens a relative clause (", die ..." or ", dat ...") closed by the comma at
    ``comma``, with no other comma between them; 0 when there is none."""
    doc = sent.doc
    k = comma - 1
    while k > sent.start and doc[k].text != ",":
        k -= 1
    return k if k > sent.start and doc[k].text == "," and doc[k + 1].lower_ in RELATIVE_PRONOUNS else 0


INSERTED_PHRASE_OPENERS = resources.words("contacts.inserted_phrase_openers")


def _inserted_phrase_closed(sent: Span, close: int) -> int:
    """The token that opens an insertion closed at ``close``: a bracket pair "( ... )", or a
    comma pair whose inside starts with a preposition (", met veel moeite en een buurman aan zijn
    arm,"). The subject before such an insertion is still the subject of the verb after it.
    0 when the token closes nothing of the kind."""
    doc = sent.doc
    mark = doc[close].text
    if mark not in (",", ")"):
        return 0
    opening = "(" if mark == ")" else ","
    k = close - 1
    while k > sent.start and doc[k].text not in (opening, ")", ","):
        k -= 1
    if k <= sent.start or doc[k].text != opening or k == close - 1:
        return 0
    return k if mark == ")" or doc[k + 1].lower_ in INSERTED_PHRASE_OPENERS else 0


def _household_names(doc) -> frozenset[str]:
    """First names the story gives to the writer's household: "mijn zoon Ruud", "onze dochter
    Eva", "Jeroen, mijn vriend,", "Sanne (mijn vrouw)". Said once, the name stands for that
    person in the rest of the story. Per doc."""
    memo = doc.user_data.setdefault("klantverhaal.household_names", {})
    if "names" not in memo:
        names = set()
        for k in range(1, len(doc) - 1):
            if doc[k].lower_ in HOUSEHOLD and doc[k - 1].lower_ in HOUSEHOLD_OWNERS \
                    and doc[k + 1].is_alpha and doc[k + 1].is_title:
                names.add(doc[k + 1].text)
            opens = _household_apposition_start(doc, k)
            if opens >= 1 and doc[opens - 1].is_alpha and doc[opens - 1].is_title:
                names.add(doc[opens - 1].text)
            if doc[k].lower_ == "en" and _joined_to_writer(doc, k):
                names.add(doc[k - 1].text)
        memo["names"] = frozenset(names)
    return memo["names"]


JOINED_SUBJECT_VERBS = resources.words("contacts.joined_subject_verbs")


def _joined_to_writer(doc, k: int) -> bool:
    """ "Sem en ik huren sinds vorig jaar een bovenwoning": a first name joined by the "en" at
    ``k`` to "ik", as the subject that opens a sentence, is someone the writer shares the case
    with, one customer."""
    return doc[k + 1].lower_ == "ik" and doc[k - 1].text in first_names() \
        and (k == 1 or doc[k - 2].is_sent_end or doc[k - 1].is_sent_start or doc[k - 2].text in ".!?\n"
             or doc[k - 2].lower_ in JOINED_SUBJECT_VERBS  # "Op 15 juni zijn Daan en ik getrouwd"
             or _plural_verb(doc[k - 2]))  # "In juli vlogen Joris en ik terug"


PREPOSITIONS_IN_EN = resources.words("lexicon.pronominal_prepositions")


def _plural_verb(tok) -> bool:
    """A lower-case word in "-en" that is no preposition ("tussen", "tegen", "binnen"): before
    "Joris en ik" it is the plural verb of which the pair is the subject."""
    return tok.is_alpha and tok.is_lower and tok.text.endswith("en") and len(tok) > 3 and tok.lower_ not in PREPOSITIONS_IN_EN


HOUSEHOLD_REACH = 20  # ("Mijn vriend is op een zaterdag ook nog met de oude plint onder zijn arm naar de showroom gegaan")
HOUSEHOLD_PRONOUNS = resources.words("contacts.household_pronouns")
PERSON_NOUNS = resources.words("contacts.person_nouns")


def _household_pronoun(sent: Span, cue: Span) -> bool:
    """ "Mijn zoon Bart heeft in de app gekeken: niets. Hij heeft een bericht gestuurd.": "hij" or
    "zij" as the subject of a contact refers to the last person named before it, in this
    sentence or the two before; when that is one of the writer's household ("mijn zoon"), the
    contact is the customer's. A person of any other kind met first ("een medewerker", "de
    buurman", "de monteur") ends the search: the pronoun is theirs."""
    doc = sent.doc
    pronoun = next((t for t in docindex.words_back(cue, CLAUSE_BREAKS | HOUSEHOLD_BREAKS) if t in HOUSEHOLD_PRONOUNS or t == "ze"), None)
    if pronoun is None and cue.end < sent.end and doc[cue.end].lower_ in HOUSEHOLD_PRONOUNS:
        # "Mijn vader heeft gebeld. Een week later belde hij voor de derde keer.": the subject
        # after the fronted time and the finite verb
        k = cue.end
        pronoun = doc[k].lower_
    elif pronoun is None:
        return False
    else:
        k = next(t.i for t in reversed(doc[sent.start : cue.start]) if t.lower_ == pronoun)
    beside = [doc[j].lower_ for j in (k - 1, k + 1) if sent.start <= j < sent.end]
    if any(w.endswith("en") for w in beside) or pronoun == "ze" and not SINGULAR_BESIDE_ZE & set(beside):
        return False  # "Zij hebben een monteur gestuurd", "Toen belden zij", "ze zouden": plural, the company
    if any(doc[j].lower_ in WRITER_OBJECTS and doc[j - 1].lower_ not in ON_BEHALF for j in range(k + 1, cue.start)):
        return False  # "Ze heeft me later nog gemaild": the writer is told, by staff ("voor mij gebeld" is for the writer)
    for _ in range(3):  # ("Zij heeft drie keer gemaild. Geen antwoord. Daarna heeft ze ...": back through her)
        number = docindex.sentence_number(doc, k)
        lo = docindex.sentences(doc)[max(0, number - 2)].start
        # ("... van mijn schoonvader ... Koen heeft ... Vier dagen later belde hij": a staff member's
        # first name, met first, is whom "hij" points to)
        before = next((tok for tok in reversed(doc[lo:k]) if _names_a_person(doc, tok) or tok.lower_ in HOUSEHOLD_PRONOUNS
                       or _staff_first_name(doc, tok)), None)
        if before is not None and _staff_first_name(doc, before):
            return False
        if before is None or before.lower_ not in HOUSEHOLD_PRONOUNS:
            return before is not None and before.lower_ in HOUSEHOLD and doc[before.i - 1].lower_ in HOUSEHOLD_OWNERS
        k = before.i
    return False


SINGULAR_BESIDE_ZE = resources.words("contacts.singular_verbs_beside_ze")  # "heeft ze", "ze belde": she
ON_BEHALF = resources.words("contacts.on_behalf_before_writer")


def _names_a_person(doc, tok) -> bool:
    """Is ``tok`` a person word a pronoun can point back to: one of the household ("mijn
    dochter"), a staff member or another person ("de buurman", "een medewerker")?"""
    low = tok.lower_
    return low in PERSON_NOUNS or low in OTHER_PEOPLE or low in HOUSEHOLD or low.endswith(STAFF_NOUN_ENDINGS)
APPOSITION_MARKS = {",": ",", ")": "("}


def _household_apposition(doc, k: int) -> bool:
    """Does token k close ", mijn vriend," or "(mijn vrouw)" set off after a name? The name
    before it is then a member of the writer's household, and so the subject of the clause."""
    return _household_apposition_start(doc, k) > 0


APPOSITION_REACH = 10  # tokens inside brackets: "(mijn vriend, we wonen samen)"


def _household_apposition_start(doc, k: int) -> int:
    """Where the apposition closed at token k opens (its comma or bracket), when it is ", mijn
    vriend," or "(mijn vrouw)" or a bracket that opens so ("Jens (mijn vriend, we wonen samen)");
    0 when it is none."""
    opening = APPOSITION_MARKS.get(doc[k].text)
    if opening is None or k < 3:
        return 0
    if doc[k - 3].text == opening and doc[k - 2].lower_ in HOUSEHOLD_OWNERS and doc[k - 1].lower_ in HOUSEHOLD:
        return k - 3
    if opening == "(":
        j = next((j for j in range(k - 1, max(0, k - APPOSITION_REACH), -1) if doc[j].text in "()"), 0)
        if j and doc[j].text == "(" and doc[j + 1].lower_ in HOUSEHOLD_OWNERS and doc[j + 2].lower_ in HOUSEHOLD:
            return j
    return 0


NUMBERED_PREFIX = re.compile(r"^\d+/\d*$")
DAY_WORDS = resources.words("contacts.diary_day_words")


def _after_date_prefix(sent: Span) -> int:
    """Where a diary line starts after its date: "ma 6 jan - Melding gedaan", "14/3: mail
    gestuurd", "Dinsdag: weer gebeld" -> the token after the dash or colon; past a label that
    says what was asked is done, too ("29 april – Dat gedaan: aangetekende brief met ...")."""
    start = _after_date_only(sent)
    for n in DONE_LABEL_LENGTHS:  # the colon first: most lines have none there
        colon = start + n
        if colon < sent.end and sent.doc[colon].text == ":" \
                and " ".join(t.lower_ for t in sent.doc[start:colon]) in DONE_LABELS:
            return colon + 1
    return start


DONE_LABELS = frozenset(resources.phrases("contacts.done_labels"))
DONE_LABEL_LENGTHS = sorted({len(label.split()) for label in DONE_LABELS})


def _after_date_only(sent: Span) -> int:
    """Where a diary line starts after its date alone."""
    first = sent.doc[sent.start]
    if NUMBERED_PREFIX.match(first.text) and sent.start + 1 < sent.end:
        return sent.start + 1  # "3/ Dezelfde middag naar het kantoor", "1/7 Zo, ..."
    for tok in sent.doc[sent.start : min(sent.end, sent.start + 7)]:
        if tok.text in ("-", "–", "—", ":") and tok.i > sent.start:
            head = sent.doc[sent.start : tok.i]
            # ("Reactie via een DM: ...": the article "een" is no number of a date)
            if any(t.like_num and t.lower_ not in INDEFINITE or any(ch.isdigit() for ch in t.text)
                   or t.lower_ in DAY_WORDS for t in head):
                return tok.i + 1
            return sent.start
    return sent.start


def _company_subject(sent: Span, verb: Span) -> bool:
    """ "Bol.com stuurde meteen een nieuwe", "De webshop belde terug": a company right before a
    finite past verb is its subject (the participle of "Dus Wehkamp gemaild." is the writer's)."""
    word = verb[0].lower_
    if not word.endswith(("de", "te", "den", "ten")) or word.startswith("ge"):
        return False
    doc = sent.doc
    return any(s.end == verb.start for s in docindex.named_spans(doc, sent.start))


ELLIPTIC_FILLERS = resources.words("contacts.elliptic_fillers")


FINITE_VERBS = resources.words("contacts.finite_verbs")


def _state_passive(sent: Span, cue: Span) -> bool:
    """ "zag ik dat de aangifte pas op 6 november was ingediend": a participle right after "was",
    "is" or "zijn", in a clause with no "ik" or "we" of its own, tells what was done to a thing,
    by someone else ("ik was naar de winkel gegaan" is the writer's, and a verb of going)."""
    doc = sent.doc
    if len(cue) != 1 or cue.start - 1 <= sent.start or doc[cue.start - 1].lower_ not in STATE_PASSIVE \
            or not _participle(cue[0].lower_) or _motion_participle(cue[0].lower_):
        return False
    back = docindex.words_back(doc[cue.start - 1 : cue.start], ALL_CLAUSE_BREAKS)
    return not set(back) & (SELF | SUBJECT_PRONOUNS)


EVERYTHING_RELATIVES = resources.phrases("contacts.everything_relatives")



def _everything_that(sent: Span, cue: Span) -> bool:
    """ "alles wat we gemeld hebben is gemaakt": a contact verb in a relative clause on "alles"
    points back at what was told before; it tells no new contact."""
    doc = sent.doc
    start = max(sent.start, cue.start - 6)
    words = " " + " ".join(t.lower_ for t in doc[start : cue.start]) + " "
    for phrase in EVERYTHING_RELATIVES:
        at = words.rfind(f" {phrase} ")
        if at >= 0 and not set(words[at + len(phrase) + 1 :].split()) & CLAUSE_BREAKS_BUT_AND:
            return True
    return False


RESIGNED_VERBS = resources.words("contacts.resigned_verbs")
RESIGNED_MARKERS = resources.words("contacts.resigned_markers")


def _resigned(sent: Span, cue: Span) -> bool:
    """ "we hebben ons erbij neergelegd": "erbij" with "neerleggen" is accepting what was
    decided, not lodging a complaint ("een klacht neergelegd")."""
    if cue[-1].lower_ not in RESIGNED_VERBS:
        return False
    if cue.start > sent.start and sent.doc[cue.start - 1].lower_ == RESIGNED_PARTICLE:
        return True  # "daar had ik me al half bij neergelegd"
    return bool(set(docindex.words_back(cue, CLAUSE_BREAKS)) & RESIGNED_MARKERS)


RESIGNED_PARTICLE = resources.phrases("contacts.resigned_particle")[0]


def _fragment(sent: Span, verb: Span) -> bool:
    """Notes and diaries leave out subject and auxiliary: "Toen maar gebeld.", "Daarna het
    contactformulier op de site ingevuld.", "Twee mails erachteraan gestuurd.", "Dus bellen."
    A sentence with no finite verb and no subject, whose contact verb is a participle or an
    infinitive, tells what the writer did. A finite contact verb ("Milan belt") has a subject of
    its own, and a company or person before it may be that subject."""
    word = verb[-1].lower_
    # ("Dezelfde dag een melding gedaan in de app.", "Daarna contact opgenomen met de winkel.": the
    # strong participle of a phrase with a noun)
    participle = _participle(word) or len(verb) > 1 and "ge" in word[:6] and word.endswith("n")
    infinitive = word.endswith("en") and not word.startswith("ge")
    if not (participle or infinitive):
        return False
    words = _note_words(sent, longest=25, allow_self=False, verb=verb)
    if infinitive and words is not None and set(words) & FRAGMENT_WISH_WORDS:
        return False  # "Liever dat dan nog een ronde mailen.": a preference, nothing done
    # "Gebeld door een medewerker": a passive with its agent
    return words is not None and "door" not in words and not OTHER_PEOPLE & set(words)


FRAGMENT_WISH_WORDS = resources.words("contacts.fragment_wish_words")
CONSEQUENCE_OPENERS = resources.phrases("contacts.consequence_openers")


def _fragment_after_comma(sent: Span, verb: Span) -> bool:
    """ "Ik zag dat het niet klopte, dus meteen gebeld.", "..., dus 's avonds het formulier
    ingevuld.": after a comma, "dus" (or "daarom", "dan maar") opens a note-style clause whose
    participle has no subject or auxiliary of its own; it is what the writer did next."""
    if not _participle(verb[-1].lower_):
        return False
    doc = sent.doc
    comma = next((t.i for t in reversed(doc[sent.start : verb.start]) if t.text in (",", ";")), None)
    if comma is None:
        return False
    rest = [t.lower_ for t in doc[comma + 1 : verb.start]]
    opener = next((p for p in CONSEQUENCE_OPENERS if " ".join(rest).startswith(p + " ") or " ".join(rest) == p), None)
    if opener is None:
        return False
    between = set(rest[len(opener.split()):])
    return not between & (FINITE_VERBS | SUBJECT_PRONOUNS | OTHER_PEOPLE | CLAUSE_BREAKS | PASSIVE_AGENT_WORDS)


PASSIVE_AGENT_WORDS = resources.words("contacts.passive_agent_words")  # "door de winkel verstuurd": someone else did it


DROPPED_SUBJECT_AUXILIARIES = resources.words("contacts.dropped_subject_auxiliaries")
POSSESSIVE_OR_SUBJECT = resources.words("contacts.possessive_or_subject")
POSSESSIVE_VERBS = resources.words("contacts.possessive_verbs")  # "zijn": a verb, or "his"
PREPOSITIONS_BEFORE_POSSESSIVE = resources.words("contacts.prepositions_before_possessive")
VERB_OR_SUBJECT = FINITE_VERBS | SUBJECT_PRONOUNS  # what may follow "jullie" as a subject


def _note_words(sent: Span, *, longest: int, allow_self: bool, verb: Span | None = None,
                end: int | None = None) -> list[str] | None:
    """The words of a note-style line after its date prefix (up to the first comma, colon,
    semicolon or clause opener after ``verb``: "Zelf gebeld, toen bleek ..." and "Nog een mail
    gestuurd met de vraag of iemand het wilde lezen" are a note and a clause), or None
    when that part has a finite verb, a subject (the writer's own "ik" only when
    ``allow_self``) or someone else acting. ``end`` stops the note earlier."""
    end = sent.end if end is None else end
    if verb is not None:
        end = _first_comma(sent, verb.end)
        # ("Naar het KBC-kantoor gegaan om te vragen of ze ...": a strong participle of motion too)
        if _participle(verb[-1].lower_) or _motion_participle(verb[-1].lower_):  # "gemeld", "nagevraagd"; "De monteurs belden ... en" is finite
            end = min(end, _clause_opener(sent, verb.end))
    # (the line break a note ends with is no word: "- 7 februari: nog een mail.\n")
    words = [t.lower_ for t in sent.doc[_after_date_prefix(sent) : end] if not (t.is_punct or t.is_space)]
    if words[:1] and words[0] in DROPPED_SUBJECT_AUXILIARIES and len(words) > 1 and words[1] not in SUBJECT_PRONOUNS:
        words = words[1:]  # "heb vandaag per aangetekende brief opgezegd": forum Dutch drops the "ik"
    subjects = SUBJECT_PRONOUNS - SELF if allow_self else SUBJECT_PRONOUNS
    # ("Jullie opzegformulier op de site ingevuld": "jullie" before a noun owns it, it is no subject)
    words = [w for k, w in enumerate(words) if not (w in POSSESSIVE_OR_SUBJECT and k + 1 < len(words)
                                                   and words[k + 1] not in VERB_OR_SUBJECT)]
    # ("de uitvoerder in zijn bouwkeet aangesproken": "zijn" after a preposition owns a noun)
    words = [w for k, w in enumerate(words) if not (w in POSSESSIVE_VERBS and k >= 1 and words[k - 1] in PREPOSITIONS_BEFORE_POSSESSIVE)]
    if not words or len(words) > longest or (FINITE_VERBS | subjects) & set(words) \
            or OTHER_AGENTS & set(_without_possessors(words)):
        return None  # ("het nummer van de monteur gebeld": the fitter after "van" owns, not acts)
    return words


def _clause_opener(sent: Span, k: int) -> int:
    """The first word after ``k`` that opens a clause of its own ("of", "omdat", "dat", and a
    question word: "Bij de balie nagevraagd hoe het zat"); a bracketed aside ("(dat was nummer
    vier)") is no clause of the note."""
    doc = sent.doc
    return next((t.i for t in doc[k : sent.end] if t.is_alpha and t.lower_ in NOTE_CLAUSE_OPENERS
                 and doc[t.i - 1].text != "("), sent.end)


def _object_first(sent: Span, verb: Span) -> bool:
    """ "Dus Wehkamp gemaild.", "Dus de huisartsenpraktijk gebeld.": only fillers and the company
    itself stand before the participle; the subject is the writer."""
    doc = sent.doc
    named = docindex.named_spans(doc, sent.start, verb.start)
    inside = {i for s in named for i in range(s.start, s.end)}
    rest = [t for t in doc[sent.start : verb.start] if t.i not in inside and t.is_alpha]
    return bool(named) and all(t.lower_ in ELLIPTIC_FILLERS for t in rest)


FORWARD_BREAKS = resources.words("contacts.forward_breaks")
COORDINATION_ADVERBS = resources.words("contacts.coordination_adverbs")
SHARED_SUBJECT_VERBS = resources.words("contacts.shared_subject_verbs")
SUBCLAUSE_BREAKS = resources.words("contacts.subclause_breaks")
ALL_CLAUSE_BREAKS = CLAUSE_BREAKS | SUBCLAUSE_BREAKS
NOTE_CLAUSE_OPENERS = SUBCLAUSE_BREAKS | FORWARD_BREAKS | QUESTION_OPENERS


FINITE_AUXILIARIES = resources.words("contacts.finite_auxiliaries")
SELF_AUXILIARIES = resources.words("contacts.self_auxiliaries")
WRITER_AUXILIARIES = SELF_AUXILIARIES - SELF  # "heb", "had", "ben": the auxiliary, not the subject


def _bare_participle(cue: Span, rest: list[str]) -> bool:
    """ "Ik heb drie keer gebeld en daarnaast een mail met foto's gestuurd": a participle after
    "en" with no subject or finite verb of its own shares the first clause's "ik heb"."""
    word = cue[-1].lower_
    if "ge" not in word[:5] or not word.endswith(("d", "t")):
        return False
    return not (set(rest) & (SELF | OTHER_SUBJECT_START | FINITE_AUXILIARIES))


def _time_before_participle(cue: Span, rest: list[str]) -> bool:
    """ "... gemaild en de week erna nog eens gebeld": after "en", only words of time and repeat
    ("de week erna nog eens") before a participle; "de" there opens no subject."""
    return _participle(cue[-1].lower_) and bool(rest) and all(
        _time_or_repeat_word(w) or w in COORDINATION_ADVERBS for w in rest) and bool(set(rest) & REPEAT_TIME_WORDS)


def _listed_participle(sent: Span, comma: int, cue: Span) -> bool:
    """ "Ik heb Wolters gebeld, Meijering gemaild en ...": a comma after a participle opens the
    next item of a list of things done; a bare participle with its object and no subject or
    finite verb of its own shares the "ik heb" of the first ("Ik heb gebeld, ze hebben niets
    gedaan" has its own)."""
    doc = sent.doc
    if doc[comma].text != "," or comma <= sent.start:
        return False
    before = comma - 1
    if doc[before].text == ")":  # "gebeld (voicemail, ingesproken), Meijering gemaild"
        before = next((j for j in range(before - 1, sent.start - 1, -1) if doc[j].text == "("), sent.start) - 1
    if before < sent.start or not _participle(doc[before].lower_):
        return False
    # the item's own participle: the cue, or an earlier one the walk back has passed ("gebeld,
    # daarna gemaild met foto's en de week erna nog eens gebeld")
    item = next((j for j in range(comma + 1, min(cue.start, comma + 7)) if _participle(doc[j].lower_)), cue.start)
    rest = [t.lower_ for t in doc[comma + 1 : item]]
    return 0 < len(rest) <= 5 and _bare_participle(doc[item : item + 1], rest) \
        and not set(rest) & (CLAUSE_BREAKS | SUBCLAUSE_BREAKS | FINITE_VERBS)


DETERMINER_PREPOSITIONS = resources.words("contacts.determiner_prepositions")
TIME_NOUNS = resources.words("contacts.time_nouns")


def _clause_has_self(sent: Span, cue: Span) -> bool:
    """ "Thuis heb ik via het formulier de compensatie aangevraagd": "ik" in the cue's own
    clause (Dutch puts it beside the auxiliary, not the participle)."""
    doc = sent.doc
    k = cue.start - 1
    shared_before = False
    while k >= sent.start:
        if doc[k].text == "," and (opening := _apposition_start(sent, k)) is not None:
            k = opening - 1  # "heb ik de eigenaar, Marloes, bij de balie aangesproken": a name in apposition
            continue
        if doc[k].text == ")":  # "de eigenaar (Ronald Kuipers zelf) een appje gestuurd": an aside
            opening = next((j for j in range(k - 1, sent.start - 1, -1) if doc[j].text == "("), None)
            if opening is not None:
                k = opening - 1
                continue
        if doc[k].lower_ in SUBCLAUSE_BREAKS:
            # "Ik was mijn baan kwijt en heb toen WW aangevraagd": the clause after "en" starts
            # with its verb and shares the subject of the clause before
            rest = [t.lower_ for t in doc[k + 1 : cue.start]]
            shared = doc[k].lower_ == "en" and k + 1 < sent.end and (
                doc[k + 1].lower_ in SHARED_SUBJECT_VERBS or all(t in COORDINATION_ADVERBS for t in rest)
                or _bare_participle(cue, rest) or _time_before_participle(cue, rest))
            adverb = doc[k].lower_ == "toen" and k > sent.start and (
                doc[k - 1].lower_ in SHARED_SUBJECT_VERBS or _adverb_toen(doc, k, cue))
            # "..., en voor de zekerheid ook een brief gestuurd": the comma before a shared "en"
            comma_of_en = doc[k].text == "," and k + 1 < cue.start and doc[k + 1].lower_ == "en" and shared_before
            # "Ik heb die bevestiging gemaild", "Ik heb in die tijd talloze keren gebeld": "die"
            # after the auxiliary, or after a preposition ("naar die helpdesk gebeld"; "dat" only
            # before a time: "sinds dat eerste telefoontje" points back), is a determiner, no clause
            # ("heb ik daarna ook nog dat opzegformulier op hun site ingevuld": right before a
            # channel noun it is that noun's determiner)
            determiner = doc[k].lower_ in ("die", "dat") and k > sent.start and (
                doc[k - 1].lower_ in FINITE_AUXILIARIES | SELF_AUXILIARIES
                or doc[k - 1].lower_ in DETERMINER_PREPOSITIONS and k + 1 < cue.start
                and (doc[k + 1].lower_ in TIME_NOUNS or doc[k].lower_ == "die")
                or k + 1 < cue.start and any(c.label_ == "channel" and c.start == k + 1 for c in docindex.cues_in(sent)))
            # "Ik heb maandag, woensdag en vrijdag gebeld": a comma inside a list of days
            listed = doc[k].text == "," and k > sent.start and k + 1 < sent.end \
                and _date_word(doc[k - 1]) and _date_word(doc[k + 1])
            adverbial = cue.label_ in ("contact_verb", "comm_verb") and _adverbial_maar(doc, k, cue)
            # "foto's gemaakt en die gemaild": a demonstrative between "en" and a bare participle
            # is its object, no relative clause
            object_pronoun = k > sent.start and doc[k - 1].lower_ == "en" and _object_demonstrative(doc, k, cue)
            listed_participle = _listed_participle(sent, k, cue)
            shared_before = shared or listed_participle
            if not (shared or adverb or comma_of_en or determiner or listed or adverbial or object_pronoun
                    or listed_participle):  # "heb toen": "toen" is "then" here, no clause break
                break
        elif doc[k].lower_ in SELF:
            if (_participle_form(cue[-1].lower_) or cue.label_ == "channel") and _embedded_under_other_subject(sent, k):
                # ("Hij heeft het terwijl ik aan de lijn hing doorgestuurd": the call the writer was
                # on; a finite verb, "toen ik elders iets schreef", is the embedded clause's own)
                break
            return True
        k -= 1
    k = cue.end
    # "Ze heeft me gebeld om te vragen of ik thuis was": the "ik" of a clause that follows is not
    # the caller
    while k < sent.end:
        if doc[k].text == "(":  # "Na drie chatgesprekken (elke keer iemand anders) kreeg ik": an aside
            closing = next((j for j in range(k + 1, sent.end) if doc[j].text == ")"), None)
            if closing is not None:
                k = closing + 1
                continue
        if doc[k].lower_ in SUBCLAUSE_BREAKS | FORWARD_BREAKS:
            break
        if doc[k].lower_ in SELF:
            return True
        k += 1
    return False


def _embedded_under_other_subject(sent: Span, k: int) -> bool:
    """ "ze hebben het terwijl ik aan de lijn hing opnieuw verstuurd": the "ik" at ``k`` opens a
    clause set inside a main clause whose subject ("ze") and auxiliary came first; the verb after
    it is theirs, not the writer's."""
    doc = sent.doc
    if k - 1 <= sent.start or doc[k - 1].lower_ not in EMBEDDING_SUBORDINATORS:
        return False
    start = k - 1  # the clause the subordinator stands in: from the last break before it
    while start > sent.start and doc[start - 1].lower_ not in EMBEDDED_CLAUSE_BREAKS:
        start -= 1
    # ("..., terwijl ik er 624 had aangevraagd", "..., zodat ik die in de winkel kon laten zien":
    # a clause of its own after a comma holds the writer's verb)
    opening = [t.lower_ for t in doc[start : k - 1]]
    return len(opening) >= 2 and opening[0] in SUBJECT_PRONOUNS - SELF and opening[1] in FINITE_AUXILIARIES


EMBEDDING_SUBORDINATORS = resources.words("contacts.embedding_subordinators")
EMBEDDED_CLAUSE_BREAKS = resources.words("contacts.embedded_clause_breaks")


def _apposition_start(sent: Span, comma: int) -> int | None:
    """The comma that opens ", Marloes," when `comma` closes a name of one to three capitalised
    words set off after a noun; None for any other comma."""
    doc = sent.doc
    k = comma - 1
    while k > sent.start and comma - k <= 3 and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k -= 1
    if k < comma - 1 and k > sent.start and doc[k].text == "," and doc[k - 1].is_alpha and doc[k - 1].is_lower:
        return k
    return None


def _adverb_toen(doc, k: int, cue: Span) -> bool:
    """ "Ik heb bol.com toen zelf gemaild": "toen" inside a clause, right before what the clause
    goes on with (not a subject or a noun), means "then"; "..., toen de monteur kwam" and "toen
    ik belde" open a clause of their own."""
    nxt = doc[k + 1] if k + 1 < cue.start else cue[0]
    if doc[k - 1].is_punct:
        return False
    if nxt.lower_ in NOUN_DETERMINERS and _participle(cue[-1].lower_) and _auxiliary_before(doc, k):
        return True  # "Ik heb KPN toen een mail gestuurd": "heb ... gestuurd" frames it, "toen" is "then"
    return nxt.lower_ not in SUBJECT_PRONOUNS | SELF | NOUN_DETERMINERS and nxt.is_lower


def _auxiliary_before(doc, k: int) -> bool:
    """Whether the clause before token k has the writer's auxiliary ("Ik heb KPN toen ..."), so a
    participle after k closes that clause and k opens none of its own."""
    j = k - 1
    while j >= 0 and doc[j].text not in CLAUSE_BREAKS:  # a hyphen inside "Basic-Fit" breaks nothing
        if doc[j].lower_ in WRITER_AUXILIARIES:
            return True
        if doc[j].is_sent_start:
            return False
        j -= 1
    return False


PARCEL_WORDS = resources.words("contacts.parcel_words")


def _parcel_handed_in(sent: Span, verb: Span) -> bool:
    """ "Ik heb het pakketje bij een DHL ServicePoint afgegeven": handing in a parcel is sending
    goods, not getting in touch (GUIDE: posting a parcel back is no contact)."""
    back = list(docindex.words_back(verb, CLAUSE_BREAKS))
    if any(w in PARCEL_WORDS for w in back):
        return True
    # (whole words only: "PostNL-punt" is three tokens, and "Sportschool Krachtpunt" is no parcel point)
    if any(w in PARCEL_POINTS or w.endswith(LONG_PARCEL_POINTS) for w in back):
        return True  # "... en bij het PostNL-punt om de hoek afgegeven": the parcel point before the verb
    # ("Het oude modem ingeleverd bij een PostNL-punt": the parcel point after the verb)
    after = sent.doc[verb.end : min(sent.end, verb.end + 6)]  # ("PostNL", "-", "punt": three tokens)
    return any(t.lower_.endswith(PARCEL_POINTS) for t in after)


PARCEL_POINTS = tuple(resources.phrases("contacts.parcel_point_heads"))
LONG_PARCEL_POINTS = tuple(p for p in PARCEL_POINTS if len(p) > 6)  # "servicepoint", not "punt"
CARRIER_PREPOSITIONS = resources.words("contacts.carrier_prepositions")  # "met PostNL", "via DHL", "per bpost"
CARRIER_SECTOR = "delivery"


def _shipped_with_carrier(sent: Span, verb: Span) -> bool:
    """ "Ik heb de camera goed verpakt opgestuurd met PostNL", "Op 1 december ingestuurd via
    PostNL": a verb of sending with a carrier after "met", "via" or "per" near it sends goods;
    it is no contact, neither with the carrier nor with the firm the goods went to."""
    doc = sent.doc
    lo, hi = max(sent.start, verb.start - 4), min(sent.end, verb.end + 4)
    return any(s.label_ == CARRIER_SECTOR and lo <= s.start < hi and s.start > sent.start
               and doc[s.start - 1].lower_ in CARRIER_PREPOSITIONS for s in doc.spans.get("companies", []))


NOT_PREMISES = resources.phrases("contacts.not_premises_after_naar")


def _went_elsewhere(sent: Span, cue: Span) -> bool:
    """ "ben ik naar buiten gelopen", "ging ik naar huis": a visit verb ending in "naar" goes
    where its next words say; outside, home or the neighbours are no premises of the firm."""
    # ("ben naar de kelder gegaan": the cue may hold the article after "naar")
    toward = next((t.i for t in reversed(cue) if t.lower_ in TOWARD), None)
    if cue.id_.partition("/")[0] != "shop" or toward is None or toward < cue.end - 2:
        return False
    after = " ".join(t.lower_ for t in sent.doc[toward + 1 : min(sent.end, toward + 4)]) + " "
    return any(after.startswith(w + " ") for w in NOT_PREMISES)


def _names_a_channel_or_company(sent: Span, cues: list[Span]) -> bool:
    """ "via de chat gevraagd", "WW aangevraagd bij UWV": a general verb becomes a contact
    when the sentence says through what or with whom."""
    if any(c.label_ == "channel" for c in cues):
        return True
    companies = sent.doc.spans.get("companies", [])
    kinds = sent.doc.spans.get("kinds", [])
    return any(sent.start <= s.start < sent.end for s in list(companies) + list(kinds))


def _message_noun_sent(sent: Span, cue: Span) -> bool:
    """ "Ik heb drie berichten gestuurd", "twee herinneringen verstuurd": a counted message noun
    right before a general verb names what went out, as a channel would."""
    doc = sent.doc
    return cue.start - 2 >= sent.start and doc[cue.start - 1].lower_ in COUNTED_NOUNS \
        and (numbers.parse(doc[cue.start - 2].lower_) or 0) >= 2  # ("de berichten gestuurd": which ones?)


BY_WAY_OF = resources.words("contacts.by_way_of")


AFTERTHOUGHT_WORDS = resources.words("contacts.afterthought_words")


RECEIVED_OBJECT_REACH = 8  # "We kregen telkens pas op de dag zelf een WhatsAppje"
SOMEONE_WORDS = resources.words("contacts.someone_words")  # "iemand", "niemand": a person reached


def _received(sent: Span, initiated: Span, cue: Span) -> bool:
    """The company started it: "ze belden me terug", "ik kreeg een brief" (the cue overlaps
    or follows a company-initiated phrase in the same clause). Getting the voicemail is the
    writer's call that found no one ("Ik kreeg steeds de voicemail")."""
    if cue.text.lower() in REACHED_NOT_SENT:
        return False
    if cue.start <= initiated.start and initiated.end <= cue.end and len(cue) > len(initiated):
        return False  # "contact opgenomen" holds "opgenomen" but is the customer's phrase
    if initiated.start <= cue.start < initiated.end or cue.start <= initiated.start < cue.end:
        return True
    first = cue.start
    while first > sent.start and not sent.doc[first - 1].whitespace_:
        first -= 1  # ("per e-mail": the cue "mail" is the end of one written word)
    # what came in may stand further off ("kregen we op een vrijdagavond een bericht in de
    # groepsapp"), but not someone reached ("kreeg ik na een paar minuten een jongeman aan de lijn")
    # ("kreeg ik een uitnodiging voor een gesprek op het stadskantoor": a place is no message)
    reach = 5 if cue.id_.split("/")[0] in ("shop", "visit") or any(
        _names_a_person(sent.doc, t) or t.lower_ in SOMEONE_WORDS or t.text in first_names()
        for t in sent.doc[initiated.end : first]) else RECEIVED_OBJECT_REACH
    if initiated.end <= first and first - initiated.end <= reach:
        between = _tokens_between(sent, initiated.end, first)
        # ("kwam het antwoord, weer per mail": how their message came, added after a comma)
        return not CLAUSE_BREAKS & set(between) or set(between) <= AFTERTHOUGHT_WORDS and bool(set(between) & BY_WAY_OF) \
            or _coordinated_noun(between)  # "kregen we een sms en een mail": both came in
    by_way_of = first > sent.start and sent.doc[first - 1].lower_ in BY_WAY_OF or cue[0].lower_ in BY_WAY_OF
    clause_final = initiated.end >= sent.end or sent.doc[initiated.end].is_punct \
        or sent.doc[initiated.end].lower_ in SUBCLAUSE_BREAKS
    if by_way_of and not clause_final and cue.id_.split("/")[0] in RECEIVED_BY_WAY_OF \
            and cue.end <= initiated.start <= cue.end + 1 and not any(
                _names_a_person(sent.doc, t) or t.lower_ in SOMEONE_WORDS or t.text in first_names()
                for t in sent.doc[initiated.start : min(sent.end, initiated.end + 4)]):
        # "Via DM kreeg ik een ticketnummer"; not "Via DM kreeg ik iemand te pakken" (someone
        # reached, by the writer's message)
        return True
    if (cue.label_ == "channel" or by_way_of and clause_final) and cue.end <= initiated.start \
            and initiated.start - cue.end <= 8:
        # Dutch puts the verb last: "toen ik een envelop in de post kreeg", "een rapport dat ik
        # dezelfde dag per mail kreeg" ("Via de chat kreeg ik iemand" is the customer's chat)
        return not CLAUSE_BREAKS & set(_tokens_between(sent, cue.end, initiated.start))
    return False


REACHED_NOT_SENT = resources.words("contacts.reached_not_sent")
RECEIVED_BY_WAY_OF = resources.words("contacts.received_by_way_of_channels")  # a message that came in
NOUN_COORDINATORS = resources.words("contacts.noun_coordinators")
ARTICLES = resources.words("experiences.articles")


def _coordinated_noun(between: list[str]) -> bool:
    """Do the words between a receive verb and a channel noun join two nouns ("een sms en een",
    "een brief of een"): the only clause break is "en"/"of", with nothing but an article after it?"""
    breaks = [k for k, w in enumerate(between) if w in CLAUSE_BREAKS]
    after = between[breaks[0] + 1 :] if len(breaks) == 1 else []
    return bool(after) and between[breaks[0]] in NOUN_COORDINATORS and all(w in ARTICLES for w in after)


def _call_back(sent: Span, cue: Span) -> bool:
    """ "Daarop belde een medewerker van de klachtenafdeling terug": "terug" closes the clause
    of a phone verb the customer did not start."""
    return cue.id_.startswith("phone") and _back_later(sent, cue.end, SUBCLAUSE_BREAKS)


def _after_writer_colon(sent: Span, cue: Span) -> bool:
    """ "Wat ik tot nu toe gedaan heb bij PostNL: gebeld (...), het klachtenformulier ingevuld,
    gechat": participles listed after a colon whose head has the writer in it share that
    subject, as long as nobody else acts between the colon and the participle (an aside in
    brackets left out)."""
    doc = sent.doc
    if not _participle(cue[-1].lower_):
        return False
    colon = next((t.i for t in doc[sent.start : cue.start] if t.text == ":"), None)
    if colon is None or not SELF & {t.lower_ for t in doc[sent.start : colon]}:
        return False
    head = " " + " ".join(t.lower_ for t in doc[sent.start : colon]) + " "
    if any(f" {w} " in head for w in SUMMARY_WORDS):
        return False  # "Even samengevat, ...: maandag gebeld, ...": a recap retells what was counted
    depth = 0
    for tok in doc[colon + 1 : cue.start]:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif not depth and (tok.lower_ in SUBJECT_PRONOUNS or tok.lower_ in FINITE_VERBS):
            return False
    return True


def _list_item(sent: Span, cue: Span) -> bool:
    """ "Telefoontje 3: ..." -- a numbered contact in a list."""
    nxt = sent.doc[cue.end] if cue.end < sent.end else None
    return cue.start - sent.start <= 1 and nxt is not None and nxt.is_digit


def sentence_has_contact(sent: Span, cues: list[Span]) -> bool:
    """Did the customer reach out in this sentence (or tally every time they did)?"""
    if _not_the_writers(sent) or _only_read(sent, cues) or _question_without_writer(sent) or _should_it_happen(sent) \
            or _conditional_plan(sent) or _asks_what_to_do(sent):
        return False
    if contact_events(sent, cues) or _channel_uses(sent, cues) or recap(sent) is not None:
        return True
    if _tally(sent, cues) is not None:
        return True  # "Bij dat derde contact kreeg ik iemand die het snapte": the writer's own number
    if _counted_note(sent, cues):
        return True  # "Twee mails, geen reactie."
    if _after_contacts(sent, cues) is not None:
        return True  # "Na vier mails kreeg ik eindelijk antwoord."
    # "het vierde telefoongesprek" told without a verb of the customer's; not "stuurde ABN AMRO me
    # drie keer dezelfde brief", where the company is the subject
    # "Daarna mijn tweede chat met bol.com.": an ordinal before a channel the customer uses
    how = next(iter(sentence_count(sent)), (None,))[0]
    # ("drie dagen na mijn melding, kwam er een tweede monteur": a contact pointed back to tells none)
    own_numbered = how == "ordinal" and _own_numbered_message(sent, cues)
    told = any(c.label_ == "contact_verb" and not _pointed_back(sent, c) for c in cues) \
        or how in ("ordinal", "ordinal vague") and any(
        c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS for c in cues) or own_numbered
    return how in ("exact", "least", "least more", "ordinal", "ordinal vague") and told \
        and (not _initiated_in_clause(cues) or own_numbered) \
        and not any(c.label_ in ("contact_verb", "comm_verb") and not c.id_.endswith("/noun")
                    and _adjacent_agent(sent, c) == "other" for c in cues)  # (a noun has no subject: "chat met bol.com")


def _own_numbered_message(sent: Span, cues: list[Span]) -> bool:
    """ "Op mijn tweede mail kwam alleen een automatisch antwoord": "mijn" and an ordinal before a
    channel noun number the writer's own message; the reply it got does not make it the company's.
    ("Mijn twee e-mails zijn nooit beantwoord" most often retells mails already counted: a number
    is left to the rules that read counts.)"""
    doc = sent.doc
    return any(c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS and c.start - 2 >= sent.start
               and numbers.ordinal(doc[c.start - 1].lower_) and doc[c.start - 2].lower_ in ATTEMPT_OWNERS for c in cues)


LEFT_OUT_CONTACTS = resources.words("contacts.left_out_contacts")
LEFT_OUT_MARKERS = resources.phrases("contacts.left_out_markers")
LEFT_OUT_NOT_OURS = resources.words("contacts.left_out_not_ours")


def left_out(sent: Span) -> int:
    """ "Zeven keer contact dus, de opzegging zelf niet meegeteld", "elf keer contact ..., en dan
    tel ik het eerste telefoontje niet eens mee": a tally that says it leaves out one of the
    writer's own contacts is one short (decision 142); what the company did ("de drie keer dat
    zij belden", "het telefoontje van Ziggo") or what was no contact ("het verkoopgesprek") is
    not added."""
    words = docindex.lower_words(sent)
    marker = _left_out_marker(words)
    if marker is None:
        return 0
    before = words[: words.find(f" {marker}")].split()
    # the left-out thing: the words after "tel ik" or after the last comma or bracket before the marker
    start = max((k + 2 for k in range(len(before) - 1) if before[k] == "tel" and before[k + 1] == "ik"), default=0)
    thing = before[start:]
    cut = max((k for k, w in enumerate(thing) if w in (",", "(")), default=-1)
    thing = thing[cut + 1 :]
    if any(w in LEFT_OUT_NOT_OURS for w in thing):
        return 0  # "de drie keer dat zij belden", "het telefoontje van Ziggo"
    return int(any(w in LEFT_OUT_CONTACTS for w in thing))


def _left_out_of_total(sent: Span) -> bool:
    """ "En dan tel ik de chats van mijn dochter nog niet mee: ...": the sentence tells contacts
    the writer's total left out ("tel ik ... niet mee", "niet meegeteld")."""
    words = docindex.lower_words(sent)
    return _left_out_marker(words) is not None and (" tel ik " in words or " meegeteld " in words)


def _left_out_marker(words: str) -> str | None:
    """The words that say a contact was left out of a count ("niet meegeteld", "niet mee")."""
    return next((m for m in LEFT_OUT_MARKERS if f" {m} " in words), None)


SEVERAL_COMPANIES = resources.phrases("contacts.several_companies")


def over_several_companies(sent: Span) -> bool:
    """ "Alles bij elkaar elf keer contact met twee bedrijven", "met beide partijen": the
    sentence counts companies together; a tally in it is the story's, not one company's."""
    words = docindex.lower_words(sent)
    return any(f" {p} " in words for p in SEVERAL_COMPANIES)


def stated_total(sent: Span) -> int | None:
    """The number of contacts a sentence says there were in all, over every channel, when it
    says so ("in totaal", "bij elkaar") and names no company or addressee: "Elf contactmomenten
    in totaal.", "In totaal heb ik negen keer contact gehad." (None for a count of one channel,
    "drie keer gebeld")."""
    doc = sent.doc
    # ("Dat is twaalf keer in totaal, en dan tel ik de brief niet mee die ik naar Acerta stuurde":
    # a company named only after the comma that closes the total)
    head_end = next((t.i for t in sent if t.text == ","), sent.end)
    head = " " + " ".join(t.lower_ for t in doc[sent.start : head_end]) + " "
    named = docindex.named_spans(doc, sent.start, sent.end)
    if any(s.start < head_end for s in named) or named and not any(f" {w} " in head for w in TOTAL_WORDS):
        return None
    words = docindex.lower_words(sent)
    if not any(f" {w} " in words for w in TOTAL_WORDS if w != "meegeteld") \
            or any(t.lower_ in CALLED_OBJECTS and t.lower_ != "ik" for t in sent):
        return None  # "Dit is mijn zevende contact met u", "Zeven keer contact opgenomen voor één kastfront": one company's
    told = recap(sent)
    if told is not None:
        return told[0]["any"] if set(told[0]) == {"any"} else None
    return _tally(sent, docindex.cues_in(sent))


def bare_total(sent: Span) -> int | None:
    """ "Twaalf contactmomenten voor 179 euro.": a sentence that opens with its number and only
    counts contacts, with no total word, no company named and no addressee; whose total it is
    the caller decides (see experiences._story_totals_apart)."""
    doc = sent.doc
    first = next((t for t in sent if t.is_alpha or t.like_num), None)
    if first is None or numbers.parse(first.lower_) is None or any(t.lower_ in CALLED_OBJECTS for t in sent) \
            or docindex.named_spans(doc, sent.start, sent.end):
        return None  # (it opens with its number: "Dit is mijn zevende contact met u" is the addressee's)
    return _tally(sent, docindex.cues_in(sent)) if only_a_tally(sent) else None


def only_a_tally(sent: Span) -> bool:
    """ "Kort samengevat: vier keer contact, geen oplossing.": the sentence counts the writer's
    contacts without telling one, so it names no company the contacts were with."""
    cues = docindex.cues_in(sent)
    return _tally(sent, cues) is not None and not contact_events(sent, cues) and not _channel_uses(sent, cues)


def _initiated_in_clause(cues: list[Span]) -> bool:
    """Is a call or message the company started told in the clause of the customer's count?
    "Drie keer gebeld voordat ze terugbelden" is theirs; in "Ik heb nog twee keer gebeld, en één
    keer hebben ze zelf teruggebeld" the call-back stands in a clause of its own."""
    initiated = [c for c in cues if c.label_ == "company_initiated"]
    verbs = [c for c in cues if c.label_ == "contact_verb"
             and not any(i.start <= c.start < i.end for i in initiated)]
    if not verbs:
        return bool(initiated)
    return any(_gap_in_clause(i, v) is not None for i in initiated for v in verbs)


READ_VERBS = resources.words("contacts.read_verbs")
READ_CLAUSE_BREAKS = resources.words("contacts.read_clause_breaks")


def _only_read(sent: Span, cues: list[Span]) -> bool:
    """ "Ik heb de brief drie keer gelezen", "ontelbare keren de FAQ doorgelezen": reading a
    letter or a page is no contact, however often."""
    if not any(t.lower_ in READ_VERBS for t in sent):
        return False
    if any(c.label_ in ("contact_verb", "comm_verb") and not c.id_.endswith("/noun") for c in cues):
        return False
    channels = [c for c in cues if c.label_ == "channel"]
    return bool(channels) and all(_read_in_clause(sent, c) for c in channels)


def _read_in_clause(sent: Span, cue: Span) -> bool:
    """ "Pas achteraf las ik dat je CZ via WhatsApp kunt bereiken; ik had alles al met één
    telefoontje geregeld": only a channel in the reading verb's own clause is read about."""
    doc = sent.doc
    lo = cue.start
    while lo > sent.start and doc[lo - 1].lower_ not in READ_CLAUSE_BREAKS:
        lo -= 1
    hi = cue.end
    while hi < sent.end and doc[hi].lower_ not in READ_CLAUSE_BREAKS:
        hi += 1
    return any(t.lower_ in READ_VERBS for t in doc[lo:hi])


def _read_after(tokens: list, i: int) -> bool:
    """A reading verb closes the clause that "keer" at ``i`` counts in."""
    for tok in tokens[i + 1 :]:
        if tok.lower_ in READ_VERBS:
            return True
        if tok.lower_ in CLAUSE_BREAKS:
            return False
    return False


QUESTION_MODALS = resources.words("contacts.question_modals")


def _asks_what_to_do(sent: Span) -> bool:
    """ "Kan ik hem een aangetekende brief sturen, en wat zet ik daar dan best in?", "Moet ik ze
    nog een keer bellen?": a question opening with a modal and the writer asks the reader what to
    do next; it tells no contact made."""
    words = [t.lower_ for t in sent if not (t.is_space or t.is_punct)]
    return sent.text.rstrip().endswith("?") and len(words) >= 2 and words[0] in QUESTION_MODALS and words[1] in SELF


def _question_without_writer(sent: Span) -> bool:
    """ "Een mens spreken via de chat?", "Radar mailen?": a one-clause question with no "ik" or
    "we" in it asks, it tells no contact ("Toen de gemeente gebeld, want die gaat toch over het
    afval?" tells one before its question)."""
    return sent.text.rstrip().endswith("?") and not any(t.lower_ in SELF or t.text in CLAUSE_BREAKS for t in sent[:-1])


def _tally(sent: Span, cues: list[Span]) -> int | None:
    """ "Vijf contactmomenten voor een router", "Zeven pogingen dus", "Het vierde contact was
    telefonisch", "Zeven keer contact dus": the writer's own number of contacts so far, over every channel. It is a floor
    under the count (contacts narrated beyond it still count), read only where a number or an
    ordinal stands right before the noun ("neem binnen vijf werkdagen contact op" has none)."""
    for cue in cues:
        if cue.label_ != "tally_noun" or cue.start <= sent.start:
            continue
        if cue.text.lower() in ATTEMPT_NOUNS and not _own_attempt(sent, cue):
            continue
        prev = sent.doc[cue.start - 1].lower_
        plural = cue.text.lower() != "contact" and not cue.text.lower().endswith(("moment", "poging"))
        value = numbers.parse(prev) if plural else None
        n = int(value) if value is not None else numbers.ordinal(prev)
        if n is None and prev in TALLY_WORDS and cue.start - 2 >= sent.start:
            # "Zeven keer contact dus, voor 27 euro.": the times in contact, told without a verb
            before = sent.doc[cue.start - 2].lower_
            value = numbers.parse(before)
            n = int(value) if value is not None and float(value).is_integer() else numbers.ordinal(before)
        if n is not None and n >= 2:
            return n
    return _counter_reading(sent)


def _own_attempt(sent: Span, cue: Span) -> bool:
    """ "@Parship dit is mijn zevende poging.", "Onze vierde poging, nu per brief": a bare
    "poging" is the writer's contacts so far only as their own numbered attempt (an ordinal after
    "mijn" or "onze"); "de tweede poging van de bezorger", "mijn tweede poging tot reparatie" are
    about something else."""
    doc = sent.doc
    return cue.start - 2 >= sent.start and doc[cue.start - 2].lower_ in ATTEMPT_OWNERS \
        and (cue.end == sent.end or doc[cue.end].lower_ not in ATTEMPT_NOT_FOLLOWED)


ATTEMPT_NOUNS = resources.words("contacts.own_attempt_nouns")
ATTEMPT_OWNERS = resources.words("contacts.own_attempt_owners")
ATTEMPT_NOT_FOLLOWED = resources.words("contacts.own_attempt_not_followed")


COUNTER_PHRASES = resources.phrases("contacts.counter_phrases")
SUM_PHRASES = resources.phrases("contacts.sum_phrases")
COUNTED_AFTER = resources.words("contacts.counted_after")


def _counter_reading(sent: Span) -> int | None:
    """ "de teller staat op twaalf", "stond de teller op elf": the writer's own counter of
    contacts; "Dat maakt twaalf." right after a contact: the sum so far (the number closes the
    sentence, so "Dat maakt twaalf euro" is no count)."""
    words = docindex.lower_words(sent)
    for phrase in COUNTER_PHRASES + SUM_PHRASES:
        at = words.find(f" {phrase} ")
        if at < 0:
            continue
        rest = words[at + len(phrase) + 2 :].split()
        value = numbers.parse(rest[0]) if rest else None
        if value is None or value < 2 or not float(value).is_integer():
            continue
        # ("staat de teller op zes weken", "Teller staat op 143 euro": a unit after the number)
        if len(rest) > 1 and rest[1] not in (".", "!", ",", ";") and rest[1] not in COUNTED_AFTER:
            continue
        return int(value)
    return None


AFTER_WORDS = resources.words("contacts.after_contact_words")
AFTER_NOUN_CHANNELS = resources.words("contacts.after_contact_channels")


AFTER_TIME_UNITS = resources.words("contacts.after_time_units")


def _after_contacts(sent: Span, cues: list[Span]) -> tuple[str, int, str] | None:
    """ "Na vier mails kreeg ik eindelijk antwoord", "na nog een mail, dit keer aan de
    klachtenafdeling, kregen we een voucher", "maar na twee mails van mij hebben ze ...": the
    contacts a result came after are the writer's (not "na een telefoontje van de monteur")."""
    doc = sent.doc
    for k in range(sent.start, sent.end - 2):
        if doc[k].lower_ not in AFTER_WORDS:
            continue
        j = k + 1
        if j + 3 < sent.end and numbers.parse(doc[j].lower_) is not None and doc[j + 1].lower_ in AFTER_TIME_UNITS \
                and doc[j + 2].lower_ == "en":
            j += 3  # "na drie weken en twee mails van mij": past the time, to the contacts
        more = doc[j].lower_ == "nog"
        j += more
        n = numbers.parse(doc[j].lower_) if j < sent.end else None
        if n is None or not float(n).is_integer() or n < 1 or j + 1 >= sent.end:
            continue
        noun = next((c for c in cues if c.start == j + 1 and c.label_ == "channel" and c.id_ in AFTER_NOUN_CHANNELS), None)
        if noun is None:
            continue
        if noun.end + 1 < sent.end and doc[noun.end].lower_ == "van" and doc[noun.end + 1].lower_ not in SELF_OBJECTS:
            continue  # "na een telefoontje van de monteur": the company's
        return ("more" if more else "exact", int(n), noun.id_)
    return None


def _vague_amount(doc, end: int) -> tuple[int, int | None] | None:
    """The vague amount written right before token `end`, read over up to four words: "talloze",
    "een paar", "een stuk of wat" (mails)."""
    for n in (4, 3, 2, 1):
        if end - n >= 0:
            amount = numbers.vague(" ".join(t.lower_ for t in doc[end - n : end]))
            if amount:
                return amount
    return None


RANGE_JOINERS = resources.words("contacts.range_joiners")


def _range_low_end(tokens: list, k: int, value: float | None) -> int | None:
    """ "vier of vijf keer", "drie à vier keer": a count given as a range is at least its low
    end (decision 57), told as a lower bound."""
    if value is None or k < 2 or tokens[k - 1].lower_ not in RANGE_JOINERS:
        return None
    low = numbers.parse(tokens[k - 2].lower_)
    return int(low) if low is not None and 1 <= low < value else None


ABOUT_WORDS = resources.words("contacts.about_words")


def _about(tokens, i: int) -> int | None:
    """ "een stuk of zes keer gebeld", "een keer of vijf gemaild": about N times is at least N-1,
    told as a lower bound (decision 143, read as decision 26 reads "een dag of twee"). ``i`` is
    the index of "keer" in ``tokens`` (a sentence or a doc)."""
    if i >= 4 and tokens[i - 2].lower_ == "of" and tokens[i - 3].lower_ in ABOUT_WORDS \
            and tokens[i - 4].lower_ in ("een", "'n"):
        n = numbers.parse(tokens[i - 1].lower_)  # "een stuk of zes keer"
    elif i >= 1 and i + 2 < len(tokens) and tokens[i - 1].lower_ in ("een", "'n") \
            and tokens[i].lower_ in ABOUT_WORDS and tokens[i + 1].lower_ == "of":
        n = numbers.parse(tokens[i + 2].lower_)  # "een keer of vijf"
    else:
        return None
    return int(n) - 1 if n is not None and float(n).is_integer() and n >= 2 else None


ABOUT_TIME_UNITS = resources.words("contacts.about_time_units")
ABOUT_ARTICLES = resources.words("contacts.about_articles")  # "een", "'n"


def _about_a_time(doc, k: int, start: int) -> bool:
    """ "een minuut of twintig", "een uur of twee": the number at token ``k`` rounds off a
    duration ("about twenty minutes"), so it counts nothing that follows it ("in de wacht")."""
    return k - 3 >= start and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in ABOUT_TIME_UNITS \
        and doc[k - 3].lower_ in ABOUT_ARTICLES and numbers.parse(doc[k].lower_) is not None


JOINT_TOTAL_NOUNS = resources.words("contacts.joint_total_nouns")


def _joint_noun_total(sent: Span) -> int | None:
    """ "we hebben er samen acht berichten en telefoontjes aan besteed": one number before two
    contact nouns joined by "en" or "of" counts them together, a total over every channel."""
    doc = sent.doc
    for tok in sent:
        k = tok.i
        if k + 3 >= sent.end or doc[k + 1].lower_ not in JOINT_TOTAL_NOUNS or doc[k + 2].lower_ not in NOUN_COORDINATORS \
                or doc[k + 3].lower_ not in JOINT_TOTAL_NOUNS:
            continue
        n = numbers.parse(tok.lower_)
        if n is not None and n == int(n) and n >= 2:
            return int(n)
    return None


THEIR_CALL_NOUNS = resources.words("contacts.their_call_again_nouns")
THEIR_CALL_ARTICLES = resources.words("contacts.their_call_again_articles")  # "weer een telefoontje:"


def _their_call_again(sent: Span, cue: Span) -> bool:
    """ "Een week later weer een telefoontje: nu waren ook de loonstroken zoek": a call told
    without a verb, again, and then what was said, with the writer nowhere before it, is the
    company calling with news once more (the writer's own call is "weer gebeld", "weer een
    telefoontje naar ..."). Such a call is no contact of the writer's."""
    doc = sent.doc
    if cue.text.lower() not in THEIR_CALL_NOUNS or cue.end >= sent.end or doc[cue.end].text != ":" \
            or cue.start - 2 < sent.start or doc[cue.start - 1].lower_ not in THEIR_CALL_ARTICLES \
            or doc[cue.start - 2].lower_ not in REPEAT_WORDS:
        return False
    return not any(t.lower_ in SELF for t in doc[sent.start : cue.start])


def sentence_count(sent: Span) -> list[tuple[str, int, str]]:
    """How this sentence counts, as (how, n, channel) items: ("exact", 3, "phone") for "drie
    keer gebeld", ("more", 2, ...) for "nog twee keer gebeld", ("ordinal", 4, ...) for "het
    vierde telefoontje" or "Telefoontje 4:", ("vague", n, "any") for "talloze keren", else
    ("one", k, channel) for k contacts told. "vier keer gebeld en twee keer gemaild" gives two."""
    if _own_letter(sent):
        return [("one", 1, "letter")]
    joint = _joint_noun_total(sent)
    if joint is not None:
        return [("exact", joint, "any")]
    cues = docindex.cues_in(sent)
    tally = _tally(sent, cues)
    if tally is not None:
        return [("exact", tally + left_out(sent), "any")]
    cues = [c for c in cues if not _counted_in(sent, c) and not _their_call_again(sent, c)]
    contact = [c for c in cues if c.label_ in ("contact_verb", "channel") and not _called_to(sent, c, cues)]
    verbs = [c for c in cues if c.label_ in ("contact_verb", "comm_verb") and not _called_to(sent, c, cues)]
    # "twee keer via de chat gevraagd", "via WhatsApp drie keer naar de status gevraagd"
    initiated = [c for c in cues if c.label_ == "company_initiated"]
    channels = [c for c in contact if c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS and c.id_ != "ivr"
                and not any(i.start <= c.start < i.end or c.start <= i.start < c.end for i in initiated)]
    tokens = list(sent)
    # "nog twee keer", "sindsdien nog vier keer": more on top; "drie keer gebeld, en nog steeds
    # niks" is a total
    more_words = {i for i, t in enumerate(tokens) if t.lower_ in MORE_WORDS and not (
        t.lower_ == "nog" and i + 1 < len(tokens) and tokens[i + 1].lower_ in ("steeds", "altijd"))}
    counted: list[tuple[str, int, str]] = []
    at: list[int] = []  # where each count stands
    told = [c for c in verbs + channels if _channel(c) != "any"]  # what "nog één" may repeat
    for i, tok in enumerate(tokens):
        low = tok.lower_
        phone_number = i + 1 < len(tokens) and (tokens[i + 1].is_digit or tokens[i + 1].text[:1] == "-")
        if tok.is_digit and 0 < i <= 2 and not phone_number and (cue := next((c for c in contact if c.end == tok.i), None)):
            # ("Gebeld met 14 023", "gebeld naar 088-1234": a phone number, no count)
            value = numbers.parse(low)
            if value is not None and 1 <= value <= MOST_CONTACTS:  # ("2011 DM": a postcode, no count)
                return [("ordinal", int(value), _channel(cue))]
        one_more = _one_more(tokens, i, told)
        if one_more is not None:
            counted.append(("one", 2, one_more))  # "stuurde ik een mail, op dag vijf nog één": two mails
            at.append(tok.i)
            continue
        if low not in ("keer", "maal", "keren", "malen") or i == 0:
            continue
        if counted and _inside_brackets(tokens, i):
            continue  # "drie keer gebeld (één keer opgehangen voor ik iemand had)": one of those three
        if _read_after(tokens, i):
            continue  # "Ik heb de brief drie keer gelezen en toen gebeld": reading is counted, not writing
        if i + 1 < len(tokens) and tokens[i + 1].lower_ in TRANSFER_WORDS:
            continue  # "Gebeld: keuzemenu, drie keer doorverbonden, ...": the transfers of one call
        if _done_to_writer(tokens, i):
            continue  # "een bot die me drie keer een link gaf": someone else did it to the writer
        # "twee keer via de chat", verb-final; not in a passive clause ("werd drie keer doorverbonden")
        # "Ik heb die brief drie keer gelezen": a message pointed back to is not what is counted
        usable = [] if _passive_clause(sent, tok) else [
            c for c in channels if not (c.start > sent.start and sent.doc[c.start - 1].lower_ in DEMONSTRATIVES)]
        following = [c for c in verbs + usable if c.start > tok.i]
        repeated = _repeated_contact(sent, tok, verbs, more_words, i)
        if repeated is not None and i >= 1 and tokens[i - 1].lower_ in VAGUE_REPEAT_WORDS:
            # "Om één uur heb ik gebeld, en daarna nog een paar keer die middag": that call and at
            # least two more
            counted += [("one", 1, _channel(repeated)), ("vague more", 2, _channel(repeated))]
            at.append(tok.i)
            continue
        if repeated is not None:
            counted.append(("one", 2, _channel(repeated)))  # "gemaild, en daarna nog een keer": two mails
            at.append(tok.i)
            continue
        that_clause = _ordinal_time_that(tokens, i, verbs)
        if that_clause is not None:
            # "Dit is de vijfde keer dat ik u benader", "De vierde keer dat we contact zochten was
            # via de chat": the number counts every contact told, of any channel; the contact it
            # numbers ("via de chat") is one of them, told before the count is filled
            # ("Pas de vierde keer dat ik hun nummer draaide, kreeg ik iemand": the clause's own
            # verb, ending it, names the channel numbered)
            own = _channel(that_clause) != "any" and (that_clause.end >= sent.end
                                                      or sent.doc[that_clause.end].text in (",", ".", ";"))
            if own:
                counted.append(("ordinal", numbers.ordinal(tokens[i - 1].lower_), _channel(that_clause)))
                at.append(tok.i)
                continue
            counted += [("one", 1, channel) for channel in sorted(set(contact_events(sent, cues)) - {"any"})]
            counted.append(("ordinal", numbers.ordinal(tokens[i - 1].lower_), "any"))
            at.append(tok.i)
            continue
        if (
                cue := _near(tok, following, 3) or _near(tok, verbs, 3) or _near(tok, usable, 5)
                or _through_destination(sent, tok, cues) or _total(tokens, i, verbs)
                or _fronted_count_verb(tokens, i, verbs)):
            prev = tokens[i - 1].lower_
            value = numbers.parse(prev)
            channel = _channel(cue) if _channel(cue) != "any" else _nearest_channel(cue, cues)
            if _general_contact(cue):
                channel = _clause_channel(cue, cues)  # "zes keer contact gezocht": every channel
            # "Twee keer gebeld daarna": the word may follow the verb too
            more = any(i - 5 <= k < i for k in more_words) or cue.start > tok.i and cue.end < sent.end \
                and sent.doc[cue.end].lower_ in MORE_WORDS \
                or cue.start > tok.i and any(tok.i < sent.start + k < cue.start for k in more_words) \
                or not counted and cue.text.lower() not in TRANSFER_WORDS and _told_later(sent)
            low_end = _about(tokens, i)
            low_end = _range_low_end(tokens, i - 1, value) if low_end is None else low_end
            if low_end is not None:
                # "vier of vijf keer": at least four; "daarna nog vier of vijf keer": at least four more
                counted.append(("least more" if more else "least", low_end, channel))
                at.append(tok.i)
            elif value is not None and value >= 2 and i >= 2 and tokens[i - 2].lower_ in LOWER_BOUND:
                # "zeker tien keer": at least ten; "daarna nog zeker tien keer": at least ten more
                counted.append(("least more" if more else "least", int(value), channel))
                at.append(tok.i)
            elif value is not None and (value >= 2 or prev in ("één", "eén")):
                counted.append((("more" if more else "exact"), int(value), channel))
                at.append(tok.i)
            elif numbers.ordinal(prev):
                counted.append(("ordinal", numbers.ordinal(prev), channel))
                at.append(tok.i)
            elif prev == "zoveelste":
                counted.append(("ordinal vague", 3, channel))
                at.append(tok.i)
            elif amount := _vague_amount(sent.doc, tok.i):
                # "tientallen keren gebeld": at least the low end of the vague amount; "nog een paar
                # keer gebeld": that many more
                counted.append(("vague more" if more else "vague", amount[0], channel))
                at.append(tok.i)
        elif i >= 2 and numbers.ordinal(tokens[i - 1].lower_) and tokens[i - 2].lower_ in DEFINITE_ARTICLES \
                and len({c for _, _, c in counted} - {"any"}) == 1 and counted[-1][2] != "any":
            # "Twee keer kreeg ik de voicemail, de derde keer de eigenaar": the tries just counted, numbered on
            counted.append(("ordinal", numbers.ordinal(tokens[i - 1].lower_), counted[-1][2]))
            at.append(tok.i)
    if counted:
        either = _either_channel(sent, verbs)
        if either:
            # "vijftien keer gebeld of gemaild": one count over both ways, no extra mail beside it
            counted = [(how, n, "any" if channel in either else channel) for how, n, channel in counted]
        if _household_own_count(sent, verbs):
            # "Papa heeft drie keer gebeld" after the writer's own call: his calls, on top
            counted = [("more" if how == "exact" else how, n, channel) for how, n, channel in counted]
        counted = _with_dated_repeats(sent, counted)
        counted = _without_total(sent, counted, at)
        counted += _numbered_nouns(sent, verbs)
        # "... gebeld en zit ik op mijn vijfde mail": an ordinal before another channel's noun
        counted += [item for item in _ordinal_nouns(sent, contact) if item[2] not in {c[2] for c in counted}]
        # "drie keer gebeld en daarnaast een mail gestuurd": a contact told beside the counted ones
        told = {channel for _, _, channel in counted} | either
        return counted + [("one", 1, channel) for channel in sorted(set(contact_events(sent, cues)) - told - {"any"})]
    noted = _counted_note(sent, cues)
    if noted:
        return noted
    for cue in contact:
        if cue.start > sent.start + 1 and sent.doc[cue.start - 2].lower_ in WITHOUT_WORDS:
            continue  # "zonder één telefoontje": none at all
        if cue.start > sent.start and _channel(cue) != "visit":  # "stonden er twee monteurs op de stoep": people, no count
            prev = sent.doc[cue.start - 1].lower_
            value = numbers.parse(prev)
            if value is not None and value >= 2 and prev not in ("een", "één") and cue.text.lower().endswith(
                    ("s", "en", "jes", "ven")) and not _compared(sent, cue.start - 1):
                more = any(cue.start - sent.start - 4 <= k < cue.start - sent.start for k in more_words)
                # ("twaalf telefoontjes en berichten": one count over both nouns, every channel)
                joined = cue.end + 1 < sent.end and sent.doc[cue.end].lower_ in ("en", "of") \
                    and sent.doc[cue.end + 1].lower_ in JOINED_MESSAGE_NOUNS
                return [("more" if more else "exact", int(value), "any" if joined else _channel(cue))]
            if prev in ("één", "eén") and not any(cue.start - sent.start - 4 <= k < cue.start - sent.start
                                                   for k in more_words):
                return [("exact", 1, _channel(cue))]  # "Eén telefoontje, en alles was geregeld": one in all
            amount = _vague_amount(sent.doc, cue.start)
            if amount and cue.label_ == "channel" and cue.id_ in OUTGOING_CHANNELS and contact_events(sent, cues) \
                    and cue.text.lower().endswith(("s", "en", "jes", "ven")):
                more = any(cue.start - sent.start - 4 <= k < cue.start - sent.start for k in more_words)
                return [("vague more" if more else "vague", amount[0], _channel(cue))]  # "nog meerdere mails gestuurd"
    ordinals = _ordinal_nouns(sent, contact) + _numbered_contact(sent, contact)
    if ordinals:
        how, n, channel = ordinals[0]
        if channel != "any":
            return ordinals[:1]
        # "een tweede melding gedaan via het formulier en een mail gestuurd": a general contact
        # noun takes the channel named nearest, and the mail is one more
        channel = _nearest_channel(next(c for c in contact if _channel(c) == "any"), cues)
        others = sorted(set(contact_events(sent, cues)) - {channel, "any"})
        return [(how, n, channel)] + [("one", 1, other) for other in others]
    for cue in verbs:
        value = _number_with_noun(sent, cue)
        if value is not None and contact_events(sent, cues):
            channel = _channel(cue) if _channel(cue) != "any" else _nearest_channel(cue, cues)
            return [("exact", value, channel)]
    for cue in cues:
        if cue.label_ != "vague_contact":
            continue
        low, _ = numbers.vague(cue.text.split()[0]) or (2, None)
        if _vague_about_contact(sent, cue, cues) and not _told_one_by_one(sent, cues, int(low)):
            # ("ik kreeg steeds de bezettoon": the calls that met it, at least two)
            inside = next((c.id_ for c in cues if c.label_ == "channel" and cue.start <= c.start < cue.end
                           and c.id_ in OUTGOING_CHANNELS), "any")
            return [("vague", int(low), inside)]
    events = contact_events(sent, cues)
    # "gebeld, daarna gemaild, en toen nog een keer gebeld": each verb one contact
    specific = Counter(e for e in events if e != "any")
    if len(specific) == 1 and sum(specific.values()) == 1:
        # "op 7 mei en op 10 mei met uw kantoor gebeld"; "Op 3 maart belde ik Eneco, op 10 maart
        # weer, op 17 maart nog een keer": each date one contact
        dated = max(_coordinated_dates(sent), _with_dated_repeats(sent, [("one", 1, next(iter(specific)))])[0][1])
        if dated >= 2:
            return [("one", dated, next(iter(specific)))]
    if events == ["shop"] and _only_place_phrase(sent, cues):
        return [("weak", 1, "shop")]  # "Aan de balie werd ik afgescheept" after "ben ik langsgegaan": one visit
    if events:
        return [("one", n, channel) for channel, n in sorted(specific.items())] or [("one", 1, "any")]
    # "via de webcare op Facebook", "aan de balie een formulier ingevuld": channels told without
    # a contact verb are one contact together
    uses = _channel_uses(sent, cues)
    if uses:
        return [("weak", 1, uses[0])]
    after = _after_contacts(sent, cues)
    return [after] if after is not None else [("one", 1, "any")]


def _told_one_by_one(sent: Span, cues: list[Span], low: int) -> bool:
    """ "Toen gebeld, en weer gebeld, en nog eens: steeds de voicemail": the tries are told one by
    one before what they met ("steeds de voicemail"), at least as many as the vague word's ``low``
    end; each is a contact, the vague word adds none."""
    told = [e for e in contact_events(sent, cues) if e != "any"]
    return len(told) >= low and len(set(told)) == 1


PLACE_PHRASES = resources.phrases("contacts.place_phrases")
WITHOUT_WORDS = resources.words("contacts.without_words")  # "zonder één telefoontje"


def _either_channel(sent: Span, verbs: list[Span]) -> set[str]:
    """ "gebeld of gemaild", "mailen of bellen": the channels of contact verbs joined by "of",
    which a count before them covers together."""
    doc = sent.doc
    out = set()
    for a in verbs:
        for b in verbs:
            if a.end < sent.end and doc[a.end].lower_ == "of" and b.start == a.end + 1:
                out |= {_channel(a), _channel(b)} - {"any"}
    return out


def _only_place_phrase(sent: Span, cues: list[Span]) -> bool:
    """ "Aan de balie werd ik afgescheept": the desk says where the customer was, not that they
    went there; right after a visit it is that visit told on."""
    verbs = [c for c in cues if c.label_ == "contact_verb"]
    return bool(verbs) and all(c.text.lower() in PLACE_PHRASES for c in verbs)


WEEKDAYS = resources.words("contacts.weekdays")
DATE_JOINERS = resources.words("contacts.date_joiners")


def _date_word(tok) -> bool:
    return tok.lower_ in WEEKDAYS or tok.lower_ in dates.month_names() or tok.like_num


MONTH_OPENERS = resources.words("contacts.month_openers")


DAY_PARTS = resources.words("contacts.day_parts")


def _weekday_part(word: str) -> bool:
    """ "dinsdagochtend", "vrijdagavond": a weekday and a part of the day in one word."""
    return any(word.startswith(day) and word[len(day):] in DAY_PARTS for day in WEEKDAYS)


def _date_at(doc, k: int, end: int) -> int | None:
    """Where a date that starts at token ``k`` ends (before ``end``): a weekday, a day number
    and a month ("10 maart"), or a month after "in"/"begin"/"eind" ("in januari en in
    februari", "in maart en april"); None when no date starts there."""
    if doc[k].lower_ in WEEKDAYS or _weekday_part(doc[k].lower_):
        return k + 1  # "dinsdag", "woensdagochtend"
    if doc[k].like_num and k + 1 < end and doc[k + 1].lower_ in dates.month_names():
        return k + 2
    if _day_sharing_month(doc, k, end):
        return k + 1  # "op 4 en op 18 december", "op 3, 10 en 17 maart": the day takes the month after it
    if doc[k].lower_ in dates.month_names() and k >= 1 and (
            doc[k - 1].lower_ in MONTH_OPENERS
            or k >= 2 and doc[k - 1].lower_ in ("en", ",") and doc[k - 2].lower_ in dates.month_names()):
        return k + 1
    return None


DAY_BEFORE_DATE = resources.words("contacts.day_before_date")  # "op", ",", "en"


def _day_sharing_month(doc, k: int, end: int) -> bool:
    """A bare day number after "op" or in a row of them ("op 4 en op 18 december"), joined to a
    date further on by joiners only: the day of that date's month."""
    if not (doc[k].is_digit and 1 <= int(doc[k].text) <= 31 and k >= 1 and doc[k - 1].lower_ in DAY_BEFORE_DATE):
        return False
    j = k + 1
    while j < end and doc[j].lower_ in DATE_JOINERS:
        j += 1
    return j > k + 1 and j < end and doc[j].is_digit and _date_at(doc, j, end) is not None


def _coordinated_dates(sent: Span) -> int:
    """How many dates are joined in a row ("op 7 mei en op 10 mei", "maandag, woensdag en
    vrijdag"): one contact verb told with them is told that many times. A date is a day number
    and a month, or a weekday; only joiners ("en", "op", a comma, "weer") stand between them."""
    doc = sent.doc
    starts = []
    k = sent.start
    while k < sent.end:
        end = _date_at(doc, k, sent.end)
        if end:
            starts.append((k, end))
            k = end - 1
        k += 1
    best = run = 1 if starts else 0
    for (_, end), (start, _) in zip(starts, starts[1:]):
        joined = all(t.lower_ in DATE_JOINERS for t in doc[end:start])
        run = run + 1 if joined and start > end else 1
        best = max(best, run)
    return best


def _with_dated_repeats(sent: Span, counted: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """ "Op 3 maart belde ik Eneco, op 10 maart weer, op 17 maart nog een keer en op 24 maart
    voor de laatste keer": after one contact, each verbless part that opens with a date is that
    contact once more (four calls). Only for a sentence that told one channel, "one" by "one"."""
    if len(counted) != 1 or counted[0][0] != "one" or counted[0][2] == "any":
        return counted
    doc = sent.doc
    parts, current = [], []
    for tok in sent:
        if tok.text in (",", ";") or tok.lower_ == "en":
            parts.append(current)
            current = []
        else:
            current.append(tok)
    parts.append(current)
    cues = docindex.cues_in(sent)
    verb_starts = {c.start for c in cues if c.label_ in ("contact_verb", "comm_verb")}
    seen_verb, repeats = False, 0
    for part in parts:
        if not part:
            continue
        if any(t.i in verb_starts for t in part) or any(t.lower_ in SUBJECT_PRONOUNS for t in part):
            if seen_verb and repeats:
                return counted  # a later part with a verb of its own: not a list of dates
            # the contact itself is dated ("Op 3 maart belde ik"), so the dates after it are more of it
            seen_verb = seen_verb or any(t.i in verb_starts for t in part) and any(
                _date_at(doc, t.i, len(doc)) for t in part)
            continue
        words = [t for t in part if t.lower_ not in ("op", "en")]
        if len(words) > 1 and words[0].lower_ in MONTH_OPENERS:
            # ("..., in april nog eens": the month after "in" is the date, and only words of
            # repeating may follow it; "in april kwam er antwoord" is something else)
            date_end = _date_at(doc, words[1].i, part[-1].i + 1)
            if date_end is None or not all(t.is_punct or t.lower_ in REPEAT_CLAUSE_WORDS for t in doc[date_end : part[-1].i + 1]):
                continue
            words = words[1:]
        if seen_verb and words and _date_at(doc, words[0].i, part[-1].i + 1):
            repeats += 1
    how, n, channel = counted[0]
    return [(how, max(n, 1 + repeats), channel)] if repeats else counted


OBJECT_PRONOUNS = resources.words("contacts.object_pronouns")  # "heb het", "die heb": pronoun objects
REPEAT_WORDS = resources.words("contacts.repeat_words")
SEND_VERBS = resources.words("contacts.send_verbs")


COMPARISON_WORDS = resources.words("contacts.comparison_words")


def _compared(sent: Span, k: int) -> bool:
    """ "werkt beter dan tien mails", "zoals twee telefoontjes": a number in a comparison
    counts nothing."""
    return k > sent.start and sent.doc[k - 1].lower_ in COMPARISON_WORDS


def _sends_it(sent: Span) -> bool:
    """ "Ik heb het aangetekend verstuurd", "Die heb ik dezelfde dag gestuurd": a verb whose
    object is a pronoun right after the auxiliary ("heb het", "Die heb"), with no message noun
    of its own and no "nog/weer/opnieuw", sends what a sentence just before wrote; it is the
    same contact."""
    cues = docindex.cues_in(sent)
    verbs = [c for c in cues if c.label_ in ("contact_verb", "comm_verb")]
    own_noun = any(c.label_ == "channel" and not any(v.start <= c.start < v.end for v in verbs) for c in cues)
    if own_noun or not any(c[-1].lower_ in SEND_VERBS for c in verbs):
        return False
    words = [t.lower_ for t in sent.doc[sent.start : verbs[0].start]]
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
    return bool(OBJECT_PRONOUNS & pairs) and not REPEAT_WORDS & set(words) \
        and not any(t.lower_ in REPEAT_WORDS for v in verbs for t in sent.doc[v.end : min(sent.end, v.end + 3)])


MORE_WORDS = resources.words("contacts.more_words")
OUTGOING_CHANNELS = resources.words("contacts.outgoing_channels")


def _channel_uses(sent: Span, cues: list[Span]) -> list[str]:
    """Channels the customer used in this sentence without a contact verb:
    "Via WhatsApp heb ik drie keer naar de status gevraagd", "Ik kreeg een dame aan de telefoon".
    They count as a contact unless the sentence before told the same channel (one call told
    in two sentences)."""
    if _not_the_writers(sent) or _conditional_plan(sent) or any(
            c.label_ in ("contact_verb", "comm_verb") and _company_perfect_subject(sent, c) for c in cues):
        return []  # ("Achmea heeft de brief meteen opnieuw verstuurd": the company sent it)
    initiated = [c for c in cues if c.label_ == "company_initiated"]
    negations = [c for c in cues if c.label_ == "negation"]
    uses = []
    for cue in cues:
        if cue.label_ != "channel" or cue.id_ not in OUTGOING_CHANNELS:
            continue
        if any(c.label_ == "unfriendly" and c.start == cue.start for c in cues):
            continue  # "opgehangen" ends a call, it does not start one
        if any(_received(sent, i, cue) for i in initiated) or _negated(sent, cue, negations) \
                or _offered(sent, cue, cues) or _quoted(sent, cue) or _almost_done(sent, cue):
            continue
        if _writer_received(sent, cue) or _cited(sent, cue) or _said_or_planned(sent, cue) or _message_back(sent, cue) \
                or _everyone_who(sent, cue) \
                or _pointed_back(sent, cue) or _from_company(sent, cue) or _message_from(sent, cue) or _as_told_before(cue) \
                or _asked_whether(sent, cue) or _pointing_demonstrative(sent, cue) or _fronted_pointed_object(sent, cue) \
                or _pointed_at(sent, cue, cues) or _first_one_again(sent, cue) or _preferred(cue) \
                or _said_again(sent, cue) \
                or cue.text.lower() in COMPANY_MESSAGES or _about_company_messages(sent, cue):
            continue  # "werd ik gebeld door", "volgens de brief", "ik zou een mail krijgen", "die brief"
            # (not "deze brief": the letter being written)
        if cue.id_ == "shop" and (any(t.lower_ in PURCHASE_VERBS for t in sent) or _picked_up_only(sent, cue)):
            continue  # "kochten we in de vestiging van Trendhopper een hoekbank", "hem opgehaald bij
            # de bagagebalie": buying or picking up is no contact
        if _must_use(sent, cue) or _could_go(sent) or _not_sent(sent):
            continue  # "Ik moest een mail sturen met een bewijs, dan gaf zij het door": told to, not yet done
        if _two_words_before(sent, cue) in ABOUT_BEFORE_CHANNEL or _the_right_one(sent, cue):
            continue  # "Of ik tevreden ben over mijn winkelbezoek": what was asked about, no use; "tijd
            # verspild met het zoeken naar het juiste loket": the right place to turn to, no visit
        if _clause_has_self(sent, cue) or _household_subject(sent, cue) or _from_own_side(sent, cue):
            uses.append(cue.id_)  # "Ons zoon heeft namens ons een bericht op hun Facebookpagina gezet"
    return uses


MUST_MODALS = resources.words("contacts.must_modals")
CAN_MODALS = resources.words("contacts.present_can_modals")
NOT_SENT_WORDS = resources.words("contacts.not_sent_words")  # "een brief klaarliggen": written, not sent
GO_TO_WORDS = resources.words("contacts.go_to_words")


def _not_sent(sent: Span) -> bool:
    """ "Ik heb nu een brief klaarliggen voor de Geschillencommissie": a message written and ready
    is not sent."""
    return bool(NOT_SENT_WORDS & {t.lower_ for t in sent})


def _could_go(sent: Span) -> bool:
    """ "Voor vragen kan ik bij de winkel terecht", "u kunt daarvoor bij de balie terecht": where
    the writer may turn, told in the present, is no visit made. So is an option a message told
    the writer of: "In de brief staat dat ik bezwaar kan maken via het klachtenformulier"."""
    words = {t.lower_ for t in sent}
    return bool(words & GO_TO_WORDS and words & CAN_MODALS) or _option_told(sent)


def _option_told(sent: Span) -> bool:
    """ "... staat dat ik ook nog bezwaar kan maken via het formulier": "dat", the writer and a
    present modal of may or can: what the writer could do, not what was done."""
    return _option_start(sent) < sent.end


def _option_start(sent: Span) -> int:
    """Where such an option clause begins ("dat ik ... kan"), or the sentence end."""
    doc = sent.doc
    for t in sent:
        if t.lower_ in THAT_WORDS and t.i + 1 < sent.end and doc[t.i + 1].lower_ in SELF:
            clause = [w.lower_ for w in doc[t.i + 2 : _first_comma(sent, t.i + 2)]]
            if CAN_MODALS & set(clause) and not any(_participle(w) for w in clause):
                return t.i
    return sent.end


THAT_WORDS = resources.words("contacts.that_words")


def _must_use(sent: Span, cue: Span) -> bool:
    """ "Ik moest een mail sturen met een bewijs van mijn rekening. Dezelfde avond gemaild.": the
    writer and "moest" before the channel tell what was asked; the next sentence tells it sent."""
    back = list(docindex.words_back(cue, CLAUSE_BREAKS))
    if not (MUST_MODALS & set(back) and SELF & set(back)):
        return False
    # only when the next sentence tells it done ("Dezelfde avond gemaild."); told alone, the
    # instruction is how the contact is told ("daarvoor moest ik een formulier invullen op hun site")
    after = _sentence_after(sent)
    return after is not None and cue.id_ in contact_events(after, docindex.cues_in(after))


def _pointed_at(sent: Span, cue: Span, cues: list[Span]) -> bool:
    """ "die brief", "Op die e-mail heb ik geen antwoord gekregen": "die" before the channel word
    points back to a letter or mail told before; the word read is the whole channel phrase, so
    "mail" inside "e-mail" has "die" before it too."""
    start = min([c.start for c in cues if c.label_ == "channel" and c.start <= cue.start < c.end], default=cue.start)
    return start > sent.start and sent.doc[start - 1].lower_ == "die"


PURCHASE_VERBS = resources.words("contacts.purchase_verbs")
ABOUT_BEFORE_CHANNEL = resources.phrases("contacts.about_before_channel")
RIGHT_ONE = resources.phrases("contacts.right_one_before_channel")


def _two_words_before(sent: Span, cue: Span) -> str:
    """The two words before the cue in its sentence, lower-cased ("over mijn", "het juiste")."""
    return " ".join(t.lower_ for t in sent.doc[max(sent.start, cue.start - 2) : cue.start])


def _the_right_one(sent: Span, cue: Span) -> bool:
    """ "met het zoeken naar het juiste loket": the right place to turn to, no place visited."""
    return _two_words_before(sent, cue) in RIGHT_ONE


PICKUP_VERBS = resources.words("contacts.pickup_verbs")
RAISED_ON_PICKUP = resources.words("contacts.raised_on_pickup")
RAISED_ON_PICKUP_FINITE = resources.words("contacts.raised_on_pickup_finite")
HANDOVER_OCCASIONS = resources.phrases("contacts.handover_occasions")


def _picked_up_only(sent: Span, cue: Span) -> bool:
    """ "hem opgehaald bij de bagagebalie", "Bij het ophalen zag hij er goed uit", "Bij het
    inleveren hebben we de sleutel in de bus gegooid": picking up or handing back is no contact;
    "Bij het ophalen heb ik meteen gezegd dat de vlek er nog in zat" raised the complaint at the
    counter, and is one (decision 56). A finite verb of saying is the writer's only with the
    writer beside it ("zei ik", "Ik wees hem erop"; not "zei het meisje achter de balie")."""
    tokens = list(sent)
    words = {t.lower_ for t in tokens}
    if not (words & PICKUP_VERBS or cue.text.lower() in HANDOVER_OCCASIONS):
        return False
    if words & RAISED_ON_PICKUP:
        return False
    return not any(t.lower_ in RAISED_ON_PICKUP_FINITE and any(
        0 <= j < len(tokens) and tokens[j].lower_ in SELF for j in (k - 1, k + 1)) for k, t in enumerate(tokens))


OWN_SIDE = resources.phrases("contacts.own_side_phrases")


def _from_own_side(sent: Span, cue: Span) -> bool:
    """ "Daar waren drie mailtjes van mijn kant voor nodig": messages said to come from the
    writer's side are the writer's."""
    after = " ".join(t.lower_ for t in sent.doc[cue.end : min(sent.end, cue.end + 3)])
    return any(after.startswith(p) for p in OWN_SIDE)


COMPANY_MESSAGES = resources.words("contacts.company_message_nouns")
AS_BEFORE = resources.words("contacts.as_before")


def _as_told_before(cue: Span) -> bool:
    """ "Zoals ik u op 10 januari al telefonisch vertelde, ...": a clause opened by "zoals" with
    "al" points back to a contact the story told, it does not tell a new one."""
    back = set(docindex.words_back(cue, CLAUSE_BREAKS))
    return bool(AS_BEFORE & back) and "al" in back | {t.lower_ for t in _clause_ahead(docindex.sentence_of(cue), cue)}


def _about_company_messages(sent: Span, cue: Span) -> bool:
    """ "Ik krijg nu per post aanmaningen", "aanmaningen per post": the channel carries the
    company's own letters, named right next to it."""
    doc = sent.doc
    near = {t.lower_ for t in doc[max(sent.start, cue.start - 2) : cue.start]} | \
        {t.lower_ for t in doc[cue.end : min(sent.end, cue.end + 2)]}
    return bool(COMPANY_MESSAGES & near)


PASSIVE = resources.words("contacts.passive_auxiliaries")
STATE_PASSIVE = resources.words("contacts.state_passive_auxiliaries")


def _passive_clause(sent: Span, tok, auxiliaries: frozenset[str] = PASSIVE) -> bool:
    """ "werd ik gebeld", and a participle joined by "en" to a passive one: "De declaratie was
    gecorrigeerd en opnieuw naar Menzis gestuurd" (the hospital sent it, not the writer; "was"
    counts as passive only there, since "ik was naar de winkel gegaan" is active)."""
    doc = sent.doc
    back = list(docindex.words_back(doc[tok.i : tok.i + 1], CLAUSE_BREAKS))
    aux = next((j for j, w in enumerate(back) if w in auxiliaries), None)
    if aux is not None and not (_participle(tok.lower_) and _clause_opens_between(back[:aux])):
        return True
    k = tok.i - 1
    while k > sent.start and doc[k].lower_ not in CLAUSE_BREAKS:
        k -= 1
    # ("Het uitje werd afgelast en ik heb de zaal gebeld": a subject after "en" opens a clause of its own)
    return k - 1 > sent.start and doc[k].lower_ == "en" and _participle(tok.lower_) \
        and doc[k + 1].lower_ not in SUBJECT_PRONOUNS \
        and _participle(doc[k - 1].lower_) and _passive_clause(sent, doc[k - 1], PASSIVE | STATE_PASSIVE)


COMPLEMENTIZERS = resources.words("contacts.complementizers")


def _clause_opens_between(back: list[str]) -> bool:
    """ "Mijn man werd zo boos dat hij Vattenfall zelf heeft gebeld": "dat" with a subject after
    it (``back`` is nearest first) opens a clause of its own, so "werd" before it is no passive
    of the participle after it."""
    return any(w in COMPLEMENTIZERS and j > 0 and back[j - 1] in SUBJECT_PRONOUNS | SELF for j, w in enumerate(back))


def _sent_along(sent: Span, cue: Span) -> bool:
    """ "Ik heb een mail gestuurd naar het adres op de offerte en een sms naar zijn gsm": a second
    message noun joined by "en een" to a clause where the writer sent something is sent too."""
    doc = sent.doc
    k = cue.start
    if k - 2 < sent.start or doc[k - 1].lower_ not in INDEFINITE or doc[k - 2].lower_ not in SHARED_SUBJECT_JOINERS:
        return False
    head = doc[sent.start : k - 2]
    return any(t.lower_ in SELF for t in head) and any(t.lower_ in SEND_VERBS for t in head)


EVERYONE_WHO = resources.phrases("contacts.everyone_who_heads")


def _everyone_who(sent: Span, cue: Span) -> bool:
    """ "iedereen die we aan de lijn of aan het loket hadden, was behulpzaam": a channel inside a
    clause about everyone met looks back over the contacts told; it makes none of its own."""
    before = [t.lower_ for t in sent.doc[sent.start : cue.start]]
    words = " " + " ".join(before[len(before) - before[::-1].index(",") :] if "," in before else before) + " "
    return any(f" {head} die " in words for head in EVERYONE_WHO)  # (in the clause, no comma between)


def _message_back(sent: Span, cue: Span, *, from_someone: bool = False) -> bool:
    """ "een berichtje terug": a message noun with "terug" right after it is the answer that came
    in. With ``from_someone`` it must also say from whom ("een mail terug van ene Femke") and the
    sentence may hold no verb of sending: that is enough to take the channel as no contact. A cue
    of the answer may already hold "terug" ("mail terug"), so that reading looks right after the
    cue's first word."""
    doc = sent.doc
    k = cue.start + 1 if from_someone else cue.end
    if k >= sent.end or doc[k].lower_ not in BACK_WORDS:
        return False
    if not from_someone:
        return True
    # ("Na tien dagen een mail terug: ...", "EDIT 29 april: mail terug.": told without a verb or
    # the writer, and the clause ends there: the answer that came in)
    ends = k + 1 >= sent.end or doc[k + 1].text in CLAUSE_END_MARKS \
        and not any(t.lower_ in SELF for t in doc[sent.start : cue.start])
    return (k + 1 < sent.end and doc[k + 1].lower_ in FROM_WORDS or ends) \
        and not any(t.lower_ in SEND_VERBS for t in sent)


CLAUSE_END_MARKS = (":", ".", "!", ",")
SENDER_DETERMINERS = resources.words("contacts.sender_determiners")


INSTEAD_OF = resources.phrases("contacts.instead_of")


def _instead_of(sent: Span, cue: Span) -> bool:
    """ "Vattenfall heb ik uiteindelijk gebeld in plaats van gechat": the channel not taken."""
    before = " ".join(t.lower_ for t in sent.doc[max(sent.start, cue.start - 3) : cue.start])
    return any(before.endswith(p) for p in INSTEAD_OF)


TELLING_VERBS = resources.words("contacts.telling_verbs")


def _told_in_that_contact(sent: Span, cue: Span) -> bool:
    """ "9 februari - Opnieuw gebeld. Alles opnieuw uitgelegd: ...": a verb of telling with no
    channel of its own, right after a sentence that told a contact, is what was said in it."""
    if cue.text.lower() not in TELLING_VERBS or _channel(cue) != "any" or sent.start == 0 \
            or any(c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS and c.start < _first_comma(sent, cue.end)
                   for c in docindex.cues_in(sent)):
        return False  # ("Ik heb het aan de balie uitgelegd": a channel of its own; what follows a colon is what was said)
    before = sent.doc[sent.start - 1].sent
    return bool(contact_events(before, docindex.cues_in(before)))


WHETHER_VERBS = resources.words("contacts.whether_verbs")
WHETHER_WORDS = resources.words("contacts.whether_words")


def _asked_whether(sent: Span, cue: Span) -> bool:
    """ "Edit: iemand vroeg of ik het bij Translink heb nagevraagd": a contact inside a question
    "of" opens after a verb of asking or wondering is asked about, not told as made."""
    doc = sent.doc
    if not _participle(cue[-1].lower_):
        return False  # ("Ze vroegen of ik wilde bellen": an offer, which "Dat heb ik gedaan" may take up)
    for k in range(cue.start - 1, max(sent.start, cue.start - 8), -1):
        if doc[k].text in (".", ";", ":") or doc[k].lower_ in SELF and k < cue.start - 1 and doc[k - 1].lower_ not in WHETHER_WORDS:
            return False
        if doc[k].lower_ in WHETHER_WORDS and any(t.lower_ in WHETHER_VERBS for t in doc[max(sent.start, k - 3) : k]):
            return True
    return False


def _message_from(sent: Span, cue: Span) -> bool:
    """ "Binnen een uur had ik een DM van hun webcare": a message noun after "een", with "van" and
    the sender right after it, in a sentence with no verb of sending, is a message that came in."""
    doc = sent.doc
    return cue.start > sent.start and doc[cue.start - 1].lower_ in INDEFINITE and cue.end + 1 < sent.end \
        and doc[cue.end].lower_ in FROM_WORDS and doc[cue.end + 1].lower_ in SENDER_DETERMINERS \
        and not any(t.lower_ in SEND_VERBS for t in sent)


COUNTED_ONLY = resources.words("contacts.counted_only_infinitives")
TIMES_NOUNS = resources.words("contacts.times_nouns")


def _count_before(sent: Span, cue: Span) -> bool:
    """Is there "<number> keer" in the four words before the cue ("zes keer moet aankloppen")?"""
    words = [t.lower_ for t in sent.doc[max(sent.start, cue.start - 4) : cue.start]]
    return any(w in TIMES_NOUNS and k > 0 and numbers.parse(words[k - 1]) is not None for k, w in enumerate(words))


BACK_WORDS = resources.words("contacts.message_back_words")
FROM_WORDS = resources.words("contacts.answer_from_words")  # "een mail terug van ene Femke"


def _writer_received(sent: Span, cue: Span) -> bool:
    """ "werd ik gebeld", "ben ik gebeld door een verkoper", "zag ik in mijn mail": the writer
    was on the receiving end of the call or message."""
    return _passive_clause(sent, cue[0]) or _perfect_passive(sent, cue[-1]) or _seen_in_inbox(sent, cue) \
        or _passive_after(sent, cue) or _had_message(sent, cue)


def _had_message(sent: Span, cue: Span) -> bool:
    """ "Binnen een uur had ik een mail met de bevestiging", "de volgende dag hadden we een sms":
    "had ik" with a message noun and no participle after it is a message that came in (the
    pluperfect "had ik een mail gestuurd" is the writer's own)."""
    doc = sent.doc
    if cue.id_ not in MESSAGE_CHANNELS or len(cue) != 1 or _any_participle(cue[0].lower_):
        return False  # ("Ondertussen had ik de webwinkel al gemaild": the writer's own mail)
    before = [t.lower_ for t in doc[max(sent.start, cue.start - 5) : cue.start]]
    if not (HAD_WORDS & set(before) and SELF & set(before) and before[-1:] and before[-1] in HAD_ARTICLES):
        return False
    return not any(_any_participle(t.lower_) or t.lower_.endswith("en") and t.lower_ in INFINITIVE_SENDS
                   for t in doc[cue.end : sent.end])


HAD_WORDS = resources.words("contacts.had_words")
HAD_ARTICLES = resources.words("contacts.had_articles")
INFINITIVE_SENDS = resources.words("contacts.had_infinitive_sends")  # "had ik een mail willen sturen"


def _passive_after(sent: Span, cue: Span, modal_only: bool = False) -> bool:
    """ "heb ik gezegd dat ik gebeld wilde worden", "als ik gebeld word": the participle of a
    verb that takes "hebben", with a passive auxiliary after it (a modal may stand between), is
    the writer being called, verb-final as a subclause has it. With ``modal_only``, only with a
    modal: a call wished for or promised, which did not (yet) happen and used no channel."""
    if cue[-1].lower_ not in HEBBEN_PARTICIPLES:
        return False
    after = [t.lower_ for t in sent.doc[cue.end : min(sent.end, cue.end + 2)]]
    modal = len(after) == 2 and after[0] in PASSIVE_MODALS and after[1] in PASSIVE
    return modal if modal_only else bool(after) and (after[0] in PASSIVE or modal)


PASSIVE_MODALS = resources.words("contacts.passive_modals")


HEBBEN_PARTICIPLES = resources.words("contacts.hebben_participles")
ZIJN_AUXILIARIES = resources.words("contacts.zijn_auxiliaries")
HEBBEN_AUXILIARIES = resources.words("contacts.hebben_auxiliaries")


def _perfect_passive(sent: Span, tok) -> bool:
    """ "Half september ben ik gebeld door een verkoper", "we zijn nooit teruggebeld": calling
    and mailing take "hebben" ("ik heb gebeld"), so "zijn" beside their participle, in its own
    clause, makes it passive: the writer was called."""
    if tok.lower_ not in HEBBEN_PARTICIPLES:
        return False
    # ("tijdens zijn middagpauze naar het Woonfonds gebeld": "zijn" after a preposition owns a noun)
    words = list(docindex.words_back(sent.doc[tok.i : tok.i + 1], SUBCLAUSE_BREAKS))
    clause = {w for k, w in enumerate(words) if not (w == "zijn" and k + 1 < len(words)
                                                    and words[k + 1] in PREPOSITIONS_BEFORE_POSSESSIVE)}
    # ("Toen ik thuis was heb ik meteen gebeld", "Op zijn vraag heb ik gemaild": "heb" is the verb's)
    return bool(clause & ZIJN_AUXILIARIES) and not clause & HEBBEN_AUXILIARIES


SEEN_IN_VERBS = resources.words("contacts.seen_in_verbs")


def _seen_in_inbox(sent: Span, cue: Span) -> bool:
    """ "Gisteren zag ik in mijn mail een bevestiging": a message noun after "in", in a clause
    about seeing or finding something, is the writer's inbox, no message sent."""
    doc = sent.doc
    if cue.id_.split("/")[0] not in MESSAGE_CHANNELS:
        return False  # ("toen ik in hun showroom stond": a place stood in is a visit)
    k = cue.start - 1
    if k > sent.start and doc[k].lower_ in NOUN_DETERMINERS:
        k -= 1  # "in mijn mail": the channel word after its determiner
    if k < sent.start or doc[k].lower_ != "in":
        return False
    clause = set(docindex.words_back(cue, SUBCLAUSE_BREAKS)) | {t.lower_ for t in _clause_ahead(sent, cue)}
    return bool(clause & SEEN_IN_VERBS)


def _participle(word: str) -> bool:
    # ("binnengestapt", "langsgeweest": a long separable prefix puts "ge" further in; "teruggemaild"
    # answers the firm's message, read where replies are)
    return "ge" in word[:6] and word.endswith(("d", "t")) \
        or PREFIXED_PARTICIPLE.match(word) is not None and not word.startswith(PREFIXES_READ_ELSEWHERE)


PREFIXES_READ_ELSEWHERE = tuple(resources.phrases("contacts.participle_prefixes_read_elsewhere"))


HALF_DONE_WORDS = resources.words("contacts.half_done_words")
HALF_DONE_FILLERS = resources.words("contacts.half_done_fillers")


def _any_participle(word: str) -> bool:
    """ "gebeld", and the strong "geschreven": a participle with "ge"."""
    return _participle(word) or word.startswith("ge") and word.endswith("en") and len(word) > 5


def _participle_form(word: str) -> bool:
    """ "gebeld", and "verstuurd", "benaderd": a participle, with or without "ge"."""
    return _participle(word) or word.startswith(UNSTRESSED_PREFIXES) and word.endswith(("d", "t"))


UNSTRESSED_PREFIXES = tuple(resources.words("contacts.unstressed_prefixes"))


def _motion_participle(word: str) -> bool:
    """ "gegaan", "teruggegaan", "gereden": the strong participles of going somewhere."""
    return word in MOTION_VERBS and "ge" in word[:8] and word.endswith("n")


def _without_total(sent: Span, counted: list[tuple[str, int, str]], at: list[int]) -> list[tuple[str, int, str]]:
    """ "zes keer gemeld: vier keer telefonisch, twee keer via het formulier": a first count
    followed by a colon and counts that add up to it is their total, not more contacts. A total
    told with a verb of no channel takes a comma too ("vijf keer benaderd, twee keer aan de balie
    en drie keer telefonisch"); "vijf keer gebeld, twee keer gemaild en drie keer gechat" adds."""
    if len(counted) >= 3 and counted[0][1] == sum(c[1] for c in counted[1:]):
        marks = (":", ",") if counted[0][2] == "any" else (":",)
        if any(at[0] < t.i < at[1] and t.text in marks for t in sent):
            return counted[1:]
    return counted


FROM_AFTER_NOUN = resources.words("contacts.from_after_noun")


def _counted_note(sent: Span, cues: list[Span]) -> list[tuple[str, int, str]]:
    """ "Daarnaast vier chatgesprekken en twee mails.", "Twee mails, geen reactie.": a note with
    no verb that numbers the customer's messages per channel counts each of them. Messages that
    came in ("Twee brieven van de gemeente", "drie mails terug") or any sentence where the
    company acts are not the customer's."""
    if _note_words(sent, longest=15, allow_self=True) is None:
        return []
    if any(c.label_ == "company_initiated" for c in cues):
        return []
    doc = sent.doc
    out, seen = [], set()
    for cue in cues:
        if cue.label_ != "channel" or cue.id_ not in OUTGOING_CHANNELS or cue.start <= sent.start or cue.start in seen:
            continue
        if any(v.label_ == "contact_verb" and not v.id_.endswith("/noun") and v.start <= cue.start < v.end
               for v in cues):
            continue  # "14 050 gebeld": a verb, and the number before it is a phone number
        prev = doc[cue.start - 1].lower_
        value = numbers.parse(prev)
        if value is None or value < 2 or cue.end < sent.end and doc[cue.end].lower_ in FROM_AFTER_NOUN \
                or _compared(sent, cue.start - 1):
            continue
        seen.add(cue.start)
        # ("Daarna twee mails naar de ledenadministratie, geen reactie.": two more, after those told)
        more = any(t.lower_ in MORE_WORDS for t in doc[max(sent.start, cue.start - 5) : cue.start - 1])
        out.append(("more" if more else "exact", int(value), cue.id_))
    return out


REPEAT_TIME_WORDS = resources.words("contacts.repeat_time_words")
VAGUE_REPEAT_WORDS = resources.words("contacts.vague_repeat_words")  # "nog een paar keer"
JOINED_MESSAGE_NOUNS = resources.words("contacts.joined_message_nouns")  # "telefoontjes en berichten"
SAME_TIME_WORDS = resources.words("contacts.same_time_words")  # "die middag", "dezelfde dag"


def _repeated_contact(sent: Span, keer, verbs: list[Span], more_words: set[int], i: int) -> Span | None:
    """ "Ik heb ze gemaild, en daarna nog een keer", "Dus gebeld, en een week later nog een keer":
    "nog een keer" coordinated after a contact verb, with nothing but "en", a comma, adverbs and
    words of time between and nothing after it in its clause, is that contact once more (two in
    all); "nog een keer gebeld" (the count before its verb) is one. Returns the verb repeated."""
    tokens = list(sent)
    vague = i >= 3 and tokens[i - 1].lower_ in VAGUE_REPEAT_WORDS and tokens[i - 2].lower_ == "een"
    if i < 2 or tokens[i - 1].lower_ != "een" and not vague or not any(i - 4 <= k < i for k in more_words):
        return None
    if i + 1 < len(tokens) and not tokens[i + 1].is_punct and tokens[i + 1].lower_ not in REPEAT_FOLLOWERS \
            and not (i + 2 < len(tokens) and tokens[i + 1].lower_ in SAME_TIME_WORDS and tokens[i + 2].lower_ in REPEAT_TIME_WORDS):
        return None  # "gebeld en nog een keer uitgelegd ...": the count belongs to what follows
        # ("..., en daarna nog een paar keer die middag": a time of the repeat may follow)
    before = [v for v in verbs if v.end <= keer.i and _channel(v) != "any"]
    if not before:
        return None
    verb = before[-1]
    between = [t.lower_ for t in sent.doc[verb.end : keer.i]]
    if not {",", "en"} & set(between):
        return None
    # "Ik heb Transavia gemaild over mijn vlucht, en daarna nog een keer": the verb's own clause
    # runs to the comma or "en"; only what stands after that must be a filler
    last_break = max(k for k, w in enumerate(between) if w in (",", "en"))
    between = between[last_break:]
    # ("..., en na vier dagen zonder antwoord nog een keer": what the wait met is a filler too)
    no_reply = REPEAT_NO_REPLY_WORDS if REPEAT_NO_REPLY_OPENER in between else frozenset()
    return verb if all(w in (",", "en") or w in COORDINATION_ADVERBS or w in NOTE_FILLERS or w in REPEAT_TIME_WORDS
                       or w in no_reply or numbers.parse(w) is not None or vague and w in VAGUE_REPEAT_WORDS
                       for w in between) else None


REPEAT_NO_REPLY_WORDS = resources.words("contacts.repeat_no_reply_words")  # "zonder antwoord"
REPEAT_NO_REPLY_OPENER = resources.phrases("contacts.repeat_no_reply_opener")[0]


def _done_to_writer(tokens: list, i: int) -> bool:
    """ "een bot die me drie keer een link gaf", "de medewerker die ons twee keer doorverbond": a
    relative clause with the writer as its object counts what someone else did (``i`` is "keer")."""
    before = [t.lower_ for t in tokens[max(0, i - 4) : i - 1]]
    return any(a in RELATIVES and b in WRITER_OBJECTS for a, b in zip(before, before[1:]))


def _one_more(tokens: list, i: int, told: list[Span]) -> str | None:
    """ "Op dag vier stuurde ik een mail, op dag vijf nog één.": "nog één" closing a clause after
    a contact told in the same sentence is one more of it. Returns its channel."""
    if tokens[i].lower_ not in ONE_MORE or i == 0 or tokens[i - 1].lower_ != "nog":
        return None
    if i + 1 < len(tokens) and not tokens[i + 1].is_punct:
        return None  # "nog één vraag", "nog een keer": the word belongs to what follows
    before = [c for c in told if c.end <= tokens[i - 1].i]
    if not before:
        return None
    # "..., want ik wilde er nog een": a clause with its own subject wants something else
    clause = []
    for tok in reversed(tokens[: i - 1]):
        if tok.text == "," or tok.lower_ == "en" or tok.i < before[-1].end:
            break
        clause.append(tok.lower_)
    return None if SUBJECT_PRONOUNS & set(clause) else _channel(before[-1])


ONE_MORE = resources.words("contacts.one_more")
REPEAT_FOLLOWERS = resources.words("contacts.repeat_followers")


def _through_destination(sent: Span, tok, cues: list[Span]) -> Span | None:
    """ "twee keer naar de winkel gebeld": the count reaches the verb through the place called."""
    destination = _near(tok, [c for c in cues if c.start > tok.i and _called_to(sent, c, cues)], 3)
    return _call_target(sent, destination, cues) if destination is not None else None


def _total(tokens: list, i: int, verbs: list[Span]) -> Span | None:
    """ "... bellen om te vragen waar mijn auto bleef: vier keer in totaal": a count said to be
    the total refers to the sentence's contact verb, however far back."""
    around = [t.lower_ for t in tokens[max(0, i - 3) : i + 3]]
    if "totaal" not in around or not verbs:
        return None
    return verbs[0]


FRONTED_COUNT_AUXILIARIES = resources.words("contacts.fronted_count_auxiliaries")


FRONTED_COUNT_REACH = 12


def _ordinal_time_that(tokens: list, i: int, verbs: list[Span]) -> Span | None:
    """ "Dit is de vijfde keer dat ik u over deze kwestie benader": an ordinal "keer" with a
    "dat"-clause of the writer's: the contact verb at the end of that clause is the one counted
    ("De eerste keer dat ik belde, ..." tells a call, read as one)."""
    if i < 1 or (numbers.ordinal(tokens[i - 1].lower_) or 0) < 2 or i + 2 >= len(tokens) \
            or tokens[i + 1].lower_ != "dat" or tokens[i + 2].lower_ not in SELF:
        return None
    end = next((k for k in range(i + 3, len(tokens)) if tokens[k].lower_ in CLAUSE_BREAKS or tokens[k].is_punct), len(tokens))
    last = tokens[end - 1].i
    inside = [verb for verb in verbs if tokens[i].i < verb.start <= last]
    # ("De vierde keer dat we contact zochten was via de chat": the clause's own verb comes first)
    return inside[0] if inside else None


def _fronted_count_verb(tokens: list, i: int, verbs: list[Span]) -> Span | None:
    """ "Vijftien keer hebben mijn zoon en ik contact gezocht": a count that opens the clause,
    then the finite verb and its subject, counts the contact verb that follows (within twelve
    words, with "en ik" joining a subject and no other clause break between: "Zeven keer heb
    ik het algemene nummer van de gemeente gebeld")."""
    if i + 1 >= len(tokens) or tokens[i + 1].lower_ not in FRONTED_COUNT_AUXILIARIES:
        return None
    count = tokens[i].doc[tokens[i].i : tokens[i].i + 1]
    return next((verb for verb in verbs if count.start < verb.start <= count.start + FRONTED_COUNT_REACH
                 and _gap_in_clause(count, verb) is not None), None)


def _phone_number_before(sent: Span, cue: Span) -> bool:
    """Is the token before ``cue`` (part of) a number that was called: digits after "naar",
    "op" or "met", after more digits, or written with a dash ("0800-1234")?"""
    doc = sent.doc
    prev = doc[cue.start - 1]
    if not any(ch.isdigit() for ch in prev.text):
        return False
    before = doc[cue.start - 2] if cue.start - 2 >= sent.start else None
    return "-" in prev.text or before is not None and (before.lower_ in CALLED_AT or any(ch.isdigit() for ch in before.text))


CALLED_AT = resources.words("contacts.number_called_prepositions")


def _numbered_nouns(sent: Span, verbs: list[Span]) -> list[tuple[str, int, str]]:
    """In a sentence that counts ("drie keer gebeld, twee keer gechat en één klacht ingediend"),
    a number right before a contact phrase counts that phrase too."""
    extra = []
    doc = sent.doc
    # "na elf telefoontjes, twee bezoeken aan het kantoor en ...": a numbered channel noun too
    # (a phrase of its own: "bezoeken aan het kantoor"; "vier mails gestuurd" is counted by its verb)
    # ("vier keer gebeld, twee mails, één chat.": a bare noun in the list, nothing after it)
    # ("... alleen tussen 10 en 12 opgenomen.": the firm's answering, its hours no count)
    cues = docindex.cues_in(sent)
    answered = [c for c in cues if c.label_ == "company_initiated"]
    nouns = [c for c in cues if c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS
             and (len(c) > 1 and c[0].lower_.endswith(("en", "s")) or _bare_list_noun(sent, c))
             and not any(v.start <= c.start < v.end for v in verbs + answered)]
    counted_at: set[int] = set()  # ("één mail gestuurd": the cues "mail" and "mail gestuurd" are one mail)
    for cue in sorted(verbs, key=lambda c: (c.start, _channel(c) == "any")) + nouns:
        if cue.start <= sent.start or cue.start in counted_at:
            continue
        prev = doc[(_with_channel_adjective(sent, cue) if cue.label_ == "channel" else cue.start) - 1].lower_
        value = None
        if cue.label_ in ("contact_verb", "channel"):
            value = 1 if prev in ("één", "eén") else numbers.parse(prev)
        if value is None:
            value = _number_with_noun(sent, cue)  # "twee e-mails gestuurd", "drie klachten ingediend"
        if cue.start - 1 > sent.start and doc[cue.start - 2].lower_ in DAY_WORDS:
            continue  # "Op dag vier stuurde ik een mail": a day, no count
        if cue.start - 3 > sent.start and _about(doc, cue.start - 3) is not None:
            continue  # "een keer of vijf gebeld": the number belongs to "keer", counted there
        if _about_a_time(doc, cue.start - 1, sent.start):
            continue  # "telkens een minuut of twintig in de wacht": a duration, no count
        if _phone_number_before(sent, cue):
            continue  # "vier keer naar 1765 gebeld", "naar 14 020 gebeld": the number called, no count
        if value is not None and _clock_number(sent, cue.start - 1):
            continue  # "om half tien gebeld en om elf uur nog een keer": a time of day, no count
        if value is not None and 1 <= value <= MOST_CONTACTS and prev not in ("een",):
            # "één klacht ingediend" beside counts per channel is one more, not a total
            channel = _channel(cue) if _channel(cue) != "any" else _nearest_channel(cue, docindex.cues_in(sent))
            extra.append(("more" if _channel(cue) == "any" else "exact", int(value), channel))
            counted_at.add(cue.start)
    return extra


def _inside_brackets(tokens: list, i: int) -> bool:
    """Does token ``i`` stand inside brackets opened earlier in the sentence and not yet closed?"""
    for tok in reversed(tokens[:i]):
        if tok.text == ")":
            return False
        if tok.text == "(":
            return True
    return False


def _clock_number(sent: Span, k: int) -> bool:
    """Is token ``k``, a number, a time of day ("om half tien", "kwart over drie", "tot vijf")?"""
    return k - 1 >= sent.start and sent.doc[k - 1].lower_ in CLOCK_WORDS_BEFORE_NUMBER


CLOCK_WORDS_BEFORE_NUMBER = resources.words("contacts.clock_words_before_number")


def _with_channel_adjective(sent: Span, cue: Span) -> int:
    """Where a channel noun's phrase starts: "één aangetekende brief" has the adjective of its own
    channel before the noun, and the number stands before both."""
    before = [c for c in docindex.cues_in(sent) if c.label_ == "channel" and c.end == cue.start and c.id_ == cue.id_]
    return before[0].start if before else cue.start


def _bare_list_noun(sent: Span, cue: Span) -> bool:
    """ "..., twee mails, één chat.": a channel noun with a number before it and a list break or
    the sentence's end right after it, so no verb of its own counts it."""
    doc = sent.doc
    start = _with_channel_adjective(sent, cue)
    if start - 1 <= sent.start or cue.end > sent.end:
        return False
    prev = doc[start - 1].lower_
    if not (prev in ("één", "eén") or (numbers.parse(prev) or 0) >= 2):
        return False
    return cue.end == sent.end or doc[cue.end].text in (",", ".", ";", "!") or doc[cue.end].lower_ in ("en", "plus")


def _ordinal_nouns(sent: Span, contact: list[Span]) -> list[tuple[str, int, str]]:
    """ "mijn vijfde mail", "het vierde telefoontje": at least that many of that channel."""
    out: dict[int, tuple[str, int, str]] = {}
    for cue in sorted(contact, key=lambda c: _channel(c) == "any"):  # a named channel before "any"
        if cue.text.lower() in COMPANY_MESSAGES:
            continue  # "aanmaning nummer drie", "de tweede factuur": the company's letters
        if _from_a_company(sent, cue):
            continue  # "Op de tweede mail van Hop stond een andere datum": the company's mail
        if cue.start > sent.start and cue.start not in out:
            ordinal = numbers.ordinal(sent.doc[cue.start - 1].lower_)
            if ordinal and ordinal >= 2 or ordinal == 1 and _first_named_back(sent, cue):
                out[cue.start] = ("ordinal", ordinal, _channel(cue))
    return [out[k] for k in sorted(out)]


def _from_a_company(sent: Span, cue: Span) -> bool:
    """Is a message noun followed by "van" and a company named right there ("de tweede mail van
    Hop")? Then it is the company's message."""
    doc = sent.doc
    if cue.end + 1 >= sent.end or doc[cue.end].lower_ not in FROM_WORDS:
        return False
    # (a capital right after "van" is a name: the firm's alias, or one of its staff)
    return doc[cue.end + 1].is_title or bool(docindex.named_spans(doc, cue.end + 1, cue.end + 3))


def _first_named_back(sent: Span, cue: Span) -> bool:
    """ "Ook de toon van het eerste telefoongesprek vond ik onacceptabel", "Het eerste telefoontje:
    de expert komt eraan.": "het eerste" before a contact noun, with no verb of contact beside
    it, names the first contact of that channel; it is at least one, not one more."""
    doc = sent.doc
    if cue.end < sent.end and doc[cue.end].lower_ in FROM_AFTER_NOUN:
        return False  # "Pas toen de eerste brief van Zilveren Kruis kwam": the company's
    if cue.start - 2 < sent.start or doc[cue.start - 2].lower_ not in FIRST_BACK_ARTICLES:
        return False
    cues = docindex.cues_in(sent)
    return not any(c.label_ == "company_initiated" or c.label_ in ("contact_verb", "comm_verb")
                   and not c.id_.endswith("/noun") and not cue.start <= c.start < cue.end for c in cues)


FIRST_BACK_ARTICLES = resources.words("contacts.first_back_articles")


def _numbered_contact(sent: Span, contact: list[Span]) -> list[tuple[str, int, str]]:
    """ "Mail nummer drie", "Telefoontje nummer 4": at least that many of that channel; so is a
    label noun with the number right after it ("Na een week mail twee, iets korter", "Mail drie
    heb ik niet netjes geschreven"), when a comma, the sentence's end or a verb of the writer
    follows ("mail twee keer" counts otherwise)."""
    doc = sent.doc
    out = []
    for cue in contact:
        if cue.text.lower() in COMPANY_MESSAGES or cue.label_ != "channel":
            continue
        if cue.end + 1 < sent.end and doc[cue.end].lower_ in NUMBER_WORDS:
            value = numbers.parse(doc[cue.end + 1].lower_)
        elif cue.text.lower() in LABEL_NOUNS and cue.end < sent.end and not doc[cue.end].is_digit \
                and (cue.end + 1 == sent.end or doc[cue.end + 1].is_punct or doc[cue.end + 1].lower_ in LABEL_FOLLOWERS):
            value = numbers.parse(doc[cue.end].lower_)
        else:
            continue
        if value is not None and 2 <= value <= MOST_LABELLED:
            out.append(("ordinal", int(value), _channel(cue)))
    return out


LABEL_NOUNS = resources.words("contacts.numbered_label_nouns")
LABEL_FOLLOWERS = resources.words("contacts.numbered_label_followers")
MOST_LABELLED = 30  # "mail 2024" is a year, no contact's number


COUNTED_NOUNS = resources.words("contacts.counted_nouns")


MOST_CONTACTS = 1000  # a number this large before a noun is a year or an amount, no count of contacts


def _number_with_noun(sent: Span, verb: Span) -> int | None:
    """ "drie klachten ingediend", "twee e-mails gestuurd": a number and a plural noun right
    before a contact verb count that many."""
    doc = sent.doc
    if verb.start - 2 < sent.start:
        return None
    # the noun may be a cue of several tokens ("e-mails"): the number stands before all of it
    # ("in september 2022 via Mijn ABP ingediend": a route with "via" is no counted noun)
    channel_nouns = [_with_channel_adjective(sent, c) for c in docindex.cues_in(sent) if c.end == verb.start
                     and c.label_ == "channel" and c[0].lower_ not in BY_WAY_OF]
    if not channel_nouns and doc[verb.start - 1].lower_ not in COUNTED_NOUNS:
        return None  # "Na vijf dagen gebeld": days are no contacts
    noun_start = min(channel_nouns, default=verb.start - 1)
    if noun_start - 1 < sent.start:
        return None
    value = numbers.parse(doc[noun_start - 1].lower_)
    return int(value) if value is not None and 2 <= value < MOST_CONTACTS else None


def _channel(cue: Span) -> str:
    return cue.id_.partition("/")[0]


def _nearest_channel(cue: Span, cues: list[Span]) -> str:
    """ "een mail met foto's gestuurd", "het formulier drie keer ingevuld": a general verb's
    channel is the one named nearest to it."""
    named = [c for c in cues if c.label_ == "channel"]
    # "via het klachtenformulier op hun site een klacht ingediend": the site is where the form is
    sent = docindex.sentence_of(cue)
    named = [c for c in named if not _where_another_channel_is(sent, c, cues) and not _app_holding(sent, c, cues)] or named
    # "twee bezoeken aan het kantoor en drie keer de documenten uploaden": a channel with a count
    # of its own in another clause is not the verb's
    doc = cue.doc
    counted = [c for c in named if c.start > 0 and (numbers.parse(doc[c.start - 1].lower_) or 0) >= 2]
    own = [c for c in named if _gap_in_clause(cue, c) is not None and not _opener_between(cue, c)] or [
        c for c in named if not any(o.start <= c.start < o.end for o in counted) and not _opener_between(cue, c)]
    return _channel(min(own, key=lambda c: abs(c.start - cue.start))) if own else "any"


LOWER_BOUND = resources.words("contacts.lower_bound_words")


def _near(tok, cues: list[Span], window: int) -> Span | None:
    """The contact cue within ``window`` tokens of ``tok``, in the same clause: "drie keer gebeld"."""
    doc = tok.doc
    for cue in cues:
        lo, hi = (tok.i, cue.start) if tok.i < cue.start else (cue.end, tok.i)
        between = [t.lower_ for t in doc[lo:hi]]
        if cue.end <= tok.i:  # "belde ik ze, twee keer op verschillende dagen", "belde ik Odido, twee keer"
            named = _named_tokens(doc)
            k = lo
            while k < hi and (doc[k].lower_ in CALLED_OBJECTS or k in named):
                k += 1
            between = between[k - lo :]
        if between[:1] == [","] and (len(between) <= 2 or len(between) == 3 and between[1] in LOWER_BOUND) \
                and cue.end <= tok.i:
            return cue  # "Dus heb ik zelf gebeld, twee keer.", "... vaak gebeld, zeker tien keer."
        if hi - lo <= window and not (CLAUSE_BREAKS | COUNT_BARRIERS) & set(between):
            return cue  # not "drie keer moet zeggen waarvoor je belt": a clause of its own
        if cue.start > tok.i and _reach(doc, lo, hi) <= window and not (CLAUSE_BREAKS | COUNT_BARRIERS) & set(between):
            return cue  # "drie keer namens hem met de Rabobank gebeld": the company and small words do not count
    return None


COUNT_BARRIERS = resources.words("contacts.count_barriers")
REACH_FILLERS = resources.words("contacts.count_reach_fillers")


CALLED_OBJECTS = resources.words("contacts.called_objects")


def _reach(doc, lo: int, hi: int) -> int:
    """Tokens between a count and its verb, leaving out company names and small words."""
    named = _named_tokens(doc)
    return sum(1 for t in doc[lo:hi] if t.i not in named and t.lower_ not in REACH_FILLERS)


def _named_tokens(doc) -> frozenset[int]:
    """The token indices inside a company name or kind noun; built once per Doc (the count
    rules ask for it for every count word and cue)."""
    named = doc.user_data.get("klantverhaal.named_tokens")
    if named is None:
        named = doc.user_data["klantverhaal.named_tokens"] = frozenset(
            i for s in docindex.named_spans(doc) for i in range(s.start, s.end))
    return named


REPEAT_MARKERS = resources.phrases("contacts.repeat_markers")
REPEAT_CLAUSE_WORDS = resources.words("contacts.repeat_clause_words")
CONTACT_LABELS = frozenset({"channel", "contact_verb", "comm_verb", "vague_contact", "company_initiated",
                            "negation", "offered"})


def _repeat_after(sent: Span) -> Span | None:
    """ "Ik belde de helpdesk. Dezelfde middag nog een keer, en toen ...", "Een week later
    weer.": the next sentence has no cue of its own and its first clause is only words of time
    and a repeat marker ("Later die middag weer: voicemail."). It tells the contact just told once
    more (one more contact of its channel). "Weer niks." or "Een week later weer hetzelfde." hold
    other words and are no repeat."""
    sentences = docindex.sentences(sent.doc)
    number = _sentence_number(sent) + 1
    if number >= len(sentences):
        return None
    if _date_line(sentences[number]) and number + 1 < len(sentences):
        number += 1  # "Gebeld.\n\n4 september\nDe dag erna weer."
    nxt = sentences[number]
    if _is_elliptic_repeat(nxt):
        return nxt
    if (_no_reply_note(nxt) or _call_outcome_note(nxt) or _first_try_told(nxt)) and number + 1 < len(sentences):
        # "eerst een mail gestuurd. Geen antwoord. De dag erna weer."
        number += 1
        if _call_outcome_note(sentences[number]) and not _is_elliptic_repeat(sentences[number]) \
                and number + 1 < len(sentences):
            number += 1  # 'Een bandje: "..." En dan werd de lijn verbroken.': two lines of what it met
        if _date_line(sentences[number]) and number + 1 < len(sentences):
            number += 1  # "... ingehaakt.\n\n4 september\nDe dag erna weer.": a diary's date heading
        after_note = sentences[number]
        return after_note if _is_elliptic_repeat(after_note) else None
    return None


def _first_try_told(sent: Span) -> bool:
    """ "Dus heb ik gebeld. De eerste keer hing ik drie kwartier in de wacht ... De dag erna weer.":
    a line that opens with "De eerste keer" tells what the contact just told met."""
    words = [t.lower_ for t in sent if t.is_alpha][: len(FIRST_TRY_OPENING)]
    return words == FIRST_TRY_OPENING


FIRST_TRY_OPENING = list(resources.phrases("contacts.first_try_opening"))  # "De eerste keer ..."


LATER_ANCHORS = resources.words("contacts.later_anchors")
TRANSFER_WORDS = resources.words("contacts.transfer_words")
LATER_SPANS = resources.phrases("contacts.later_spans")
DATE_PREPOSITIONS = resources.words("contacts.date_prepositions")  # "Op 18 maart ..."
CUMULATIVE_WORDS = resources.words("contacts.cumulative_words")


def _told_later(sent: Span) -> bool:
    """Is a count told at a later moment of its own, so that it adds to the contacts told before
    it rather than totals them? "Een week later heb ik twee keer gebeld", "Op 18 maart twee keer
    gebeld", and a count under a diary's date heading ("Maandag 18 maart" / "Fluvius twee keer
    gebeld") are that moment's calls; "Inmiddels heb ik al vijf keer gebeld" is a running total.
    Only the sentence's first count, and not of transfers ("drie keer doorverbonden" is no call of its own)."""
    doc = sent.doc
    words = {t.lower_ for t in sent}
    if words & CUMULATIVE_WORDS:
        return False
    opening = [t.lower_ for t in doc[sent.start : min(sent.end, sent.start + 5)]]
    if LATER_ANCHORS & set(opening):
        return True  # "Een week later", "De dag erna"
    if any(f" {p} " in f" {' '.join(opening)} " for p in LATER_SPANS):
        return True  # "In die periode heb ik zeker vier keer gebeld": the time after what was told
    first = sent.start + (1 if doc[sent.start].lower_ in DATE_PREPOSITIONS else 0)
    if first < sent.end and _date_at(doc, first, sent.end) is not None and doc[first].lower_ not in WEEKDAYS:
        return True  # "Op 18 maart ...", "18 maart: ..."
    # a diary entry: a date heading line at most two sentences above, on the same block of lines
    k = sent.start
    for _ in range(2):
        if k == 0 or "\n\n" in doc[k - 1].text_with_ws:
            return False
        above = doc[k - 1].sent
        if _date_line(above):
            return True
        k = above.start
    return False


REMINDER_PREFIXES = resources.words("contacts.reminder_prefixes")
MESSAGE_HEADS = resources.words("contacts.reminder_message_heads")


def _reminder_message(sent: Span) -> bool:
    """ "Geen antwoord, ook niet na een herinneringsmail": a reminder is a message of its own,
    sent after the one told before it."""
    return any(t.lower_.startswith(tuple(REMINDER_PREFIXES)) and t.lower_.endswith(tuple(MESSAGE_HEADS)) for t in sent)


def _date_line(sent: Span) -> bool:
    """A sentence that is only a date, as a diary's heading ("4 september", "ma 6 jan")."""
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    return 0 < len(words) <= 4 and any(t.like_num for t in words) \
        and all(t.like_num or t.lower_ in DAY_WORDS or t.lower_ in dates.month_names() for t in words)


def _tried_channel(items: list[tuple[str, int, str]]) -> str | None:
    """The channel whose tries "de tweede keer" may number: the one channel told, or of two told
    the one told more than once ("een WhatsApp gestuurd en nog twee keer gebeld": the calls)."""
    channels = {channel for _, _, channel in items} - {"any", "vague"}
    if len(channels) == 1 and len({channel for _, _, channel in items}) == 1:
        return next(iter(channels))
    repeated = {channel for _, n, channel in items if n >= 2} - {"any", "vague"}
    return next(iter(repeated)) if len(repeated) == 1 else None


ANSWERED_WORDS = resources.phrases("contacts.answered_words")
PICKED_UP = re.compile(rf" (?:{'|'.join(resources.phrases('contacts.picked_up_verb'))}) (?:[a-zà-ÿ]+ ){{0,3}}"
                       rf"(?:{'|'.join(resources.phrases('contacts.picked_up_particle'))}) ")  # "nam er een meisje op"


def _answered_try_after(sent: Span, channel: str) -> tuple[Span, int] | None:
    """ "Daarna gebeld. Twee keer de voicemail, de derde keer kreeg ik de directeur.": in the
    sentence after a contact, with no contact word of its own, "de derde keer" and someone reached
    ("kreeg ik ...", "aan de lijn") number the tries of the channel just told (at least three)."""
    nxt = _sentence_after(sent)
    if nxt is None:
        return None
    if any(c.label_ in ("contact_verb", "comm_verb", "vague_contact") or c.label_ == "channel"
           and c.id_ != channel for c in docindex.cues_in(nxt)):
        return None  # ("Twee keer de voicemail", "aan de lijn": what the tries met is no contact word)
    tokens = list(nxt)
    for k, tok in enumerate(tokens[1:-1], start=1):
        ordinal = numbers.ordinal(tok.lower_)
        if not ordinal or ordinal < 2 or tokens[k + 1].lower_ != "keer" or tokens[k - 1].lower_ != "de":
            continue
        rest = " " + " ".join(t.lower_ for t in tokens[k + 2 :]) + " "
        if any(f" {w} " in rest for w in ANSWERED_WORDS) or PICKED_UP.search(rest):
            return nxt, ordinal  # ("De derde keer nam er een meisje op": "nam" ... "op")
    return None


def _is_elliptic_repeat(nxt: Span) -> bool:
    """Whether the sentence's first clause is only words of time and a repeat marker, with no
    contact word of its own ("Een week later weer.", "Later die middag weer: voicemail.")."""
    clause, end = [], nxt.end
    # ("7 november – De dag erna weer.": a diary's date opens the line; "Later die middag weer:
    # voicemail.": what the retry met follows the colon)
    for tok in nxt.doc[_after_date_prefix(nxt) : nxt.end]:
        if tok.lower_ in (",", "en") or tok.is_punct and tok.lower_ in (".", "!", ":"):
            end = tok.i
            break
        if not tok.is_space:
            clause.append(tok.lower_)
    if any(c.label_ in CONTACT_LABELS and c.start < end for c in docindex.cues_in(nxt)):
        return False  # a contact word of its own is read by the rules above
    text = " " + " ".join(clause) + " "
    if not clause or not any(f" {m} " in text for m in REPEAT_MARKERS):
        return False
    if end < nxt.end and nxt.doc[end].text == ":" and not any(w in REPEAT_TIME_WORDS for w in clause) \
            and not _no_reply_after(nxt, end + 1):
        return False  # "Weer: binnen 24 uur.": what the answer said again ("nog eens: bezet." is a retry)
    return all(_time_or_repeat_word(w) for w in clause)


def _time_or_repeat_word(word: str) -> bool:
    """A word that may stand in a repeat's clause: time ("week", "later", "tien"), repeat
    ("nog", "opnieuw") or filler ("dan", "ook")."""
    return word in REPEAT_CLAUSE_WORDS or word in REPEAT_TIME_WORDS or numbers.parse(word) is not None


def _no_reply_note(sent: Span) -> bool:
    """ "Geen antwoord.", "Niks.", "Voicemail." between a contact and its elliptic repeat: a short
    note of what came back, which tells no contact of its own."""
    words = [t.lower_ for t in sent if not (t.is_punct or t.is_space)]
    return 0 < len(words) <= 4 and set(words) <= NO_REPLY_NOTE_WORDS and bool(set(words) & NO_REPLY_CORE)


def _no_reply_after(sent: Span, k: int) -> bool:
    """Are the words from token ``k`` to the sentence's end only a note of no reply or of what a
    call met ("weer niks", "bezet", "voicemail")?"""
    words = {t.lower_ for t in sent.doc[k : sent.end] if not (t.is_punct or t.is_space)}
    return bool(words) and words <= NO_REPLY_NOTE_WORDS | CALL_OUTCOME_WORDS \
        and bool(words & (NO_REPLY_CORE | CALL_OUTCOME_WORDS))


def _call_outcome_note(sent: Span) -> bool:
    """ 'Een bandje, "druk 2 voor het Nederlands", en dan de bezettoon.': a short line of what the
    call met, with no contact and no writer in it, between the call and its elliptic repeat."""
    # (what the tape said is quoted: 'Een bandje: "Door grote drukte kunnen wij ..."' is a note)
    quoted = _quoted_tokens(sent)
    words = [t.lower_ for t in sent if not (t.is_punct or t.is_space) and t.i not in quoted]
    # ("..., en na 40 minuten zelf ingehaakt omdat ik terug aan het werk moest": the writer in a
    # clause of reason is no new contact)
    head = next((words[:k] for k, w in enumerate(words) if w in REASON_OPENERS), words)
    return 0 < len(head) <= CALL_OUTCOME_NOTE_LONGEST and (bool(set(words) & CALL_OUTCOME_WORDS) or _staff_opens(words)) \
        and not set(head) & SELF \
        and not any(c.label_ in ("contact_verb", "comm_verb") and c.start not in quoted for c in docindex.cues_in(sent))


def _staff_opens(words: list[str]) -> bool:
    """ "De assistente zou het doorgeven aan de administratie.": a line whose subject, in its
    first three words, is the staff member the call reached tells what the call met."""
    return any(w.endswith(STAFF_NOUN_ENDINGS) and w not in HOUSEHOLD for w in words[:3])


def _quoted_tokens(sent: Span) -> set[int]:
    """The tokens between a pair of quote marks in the sentence."""
    inside, open_at = set(), None
    for tok in sent:
        if tok.text in QUOTE_TOKENS:
            if open_at is None:
                open_at = tok.i
            else:
                inside.update(range(open_at + 1, tok.i))
                open_at = None
    return inside


CALL_OUTCOME_WORDS = resources.words("contacts.call_outcome_words")
REASON_OPENERS = resources.words("contacts.reason_openers")
CALL_OUTCOME_NOTE_LONGEST = 14
NO_REPLY_NOTE_WORDS = resources.words("contacts.no_reply_note_words")
NO_REPLY_CORE = resources.words("contacts.no_reply_core")


def _sentence_number(sent: Span) -> int:
    return docindex.sentence_number(sent.doc, sent.start)


def _sentence_after(sent: Span) -> Span | None:
    """The sentence right after ``sent`` in its Doc, or None at the end."""
    sentences = docindex.sentences(sent.doc)
    number = _sentence_number(sent) + 1
    return sentences[number] if number < len(sentences) else None


def _add(per_channel: dict[str, int], how: str, n: int, channel: str) -> bool:
    """Add one sentence's count to the per-channel tally; False when it only gives a lower bound."""
    current = per_channel.get(channel, 0)
    if how == "exact" and channel == "any":
        # "vier keer contact gezocht" over every channel: the total is at least n
        others = sum(v for k, v in per_channel.items() if k != "any")
        per_channel["any"] = max(current, n - others)
    elif how == "exact":
        per_channel[channel] = max(current, n)
    elif how == "least":
        # "minstens zes keer gebeld": that channel's total, and only a lower bound
        if channel == "any":
            others = sum(v for k, v in per_channel.items() if k != "any")
            per_channel["any"] = max(current, n - others)
        else:
            per_channel[channel] = max(current, n)
        return False
    elif how in ("more", "one"):
        per_channel[channel] = current + n
    elif how == "least more":
        per_channel[channel] = current + n  # "daarna nog vier of vijf keer gebeld": at least four more
        return False
    elif how == "ordinal" and channel == "any":
        # "de zesde keer dat we ze benaderen" after five told: the count over every channel
        others = sum(v for k, v in per_channel.items() if k != "any")
        per_channel["any"] = max(current, n - others)
    elif how == "ordinal" and n == 1 and per_channel.get("any", 0) > 0:
        pass  # "Het eerste telefoontje met DPD ..." after a total over every channel: inside it
    elif how == "ordinal":
        # "mijn vijfde mail" after two told: the untold ones are counted, and the count is known
        # (corpus decisions md, pa)
        per_channel[channel] = max(current, n)
    elif how == "ordinal vague":
        per_channel[channel] = max(current, n)  # "voor de zoveelste keer": a lower bound
        return False
    elif how == "vague more" and channel != "any":
        per_channel[channel] = current + n  # "nog een paar keer gebeld": at least that many more calls
        return False
    elif how in ("vague", "vague more") and channel != "any":
        # "Daarna heb ik talloze keren gebeld" after a form and a letter: at least that many calls
        # (corpus decisions 98, 101), and at least one more than the calls told before
        per_channel[channel] = max(current + 1, n)
        return False
    elif how in ("vague", "vague more"):
        per_channel["vague"] = per_channel.get("vague", 0) + max(1, n - sum(per_channel.values()))
        return False
    return True


RECAP_MARKERS = resources.phrases("contacts.recap_markers")
RECAP_LONG_HEAD = 28  # tokens before a colon that a recap with a total in its head may take


ADVICE_HEADS = resources.words("contacts.advice_heads")


FRONTED_TOTAL_OPENERS = resources.phrases("contacts.fronted_total_openers")


def _fronted_total(sent: Span) -> tuple[dict[str, int], bool, bool] | None:
    """ "Veertien keer. Zo vaak heb ik sinds februari contact gehad met ...": a bare count said
    first, as a sentence of its own, and taken up by "zo vaak" is the writer's total."""
    words = docindex.lower_words(sent)
    if not words.lstrip().startswith(FRONTED_TOTAL_OPENERS) or sent.start == 0:
        return None
    before = [t for t in docindex.sentence_of(sent.doc[sent.start - 1 : sent.start]) if not t.is_punct and not t.is_space]
    if len(before) != 2 or before[1].lower_ != "keer":
        return None
    n = numbers.parse(before[0].lower_)
    return ({"any": int(n)}, True, False) if n and n == int(n) else None


def recap(sent: Span) -> tuple[dict[str, int], bool, bool] | None:
    """The writer's own tally of the contacts so far, as (per channel, exact, per-channel total):
    "Samengevat: mail, twee telefoontjes van mijn vrouw, showroom, formulier, whatsapp, aangetekende brief." ->
    ({email: 1, phone: 2, ...}, True), "Tel maar op: vier keer in de winkel, twee keer tevergeefs
    gebeld, een mail, een chat." -> 8 in all. A recap opens with a tally word before a colon and
    lists at least two contacts; what the company did ("(en één keer teruggebeld)") and asides in
    brackets are left out. A sentence that opens with a total word and counts ("Alles bij elkaar
    hebben we zeven keer gebeld en vier mails gestuurd.") is a recap too, of the channels it
    names only (the third value). A sentence naming two companies is no recap of one experience."""
    doc = sent.doc
    named = {s.id_ for s in doc.spans.get("companies", []) if sent.start <= s.start < sent.end}
    if len(named) > 1:
        return None
    tokens = list(sent)
    colon = next((k for k, t in enumerate(tokens[:16]) if t.text == ":"), None)
    if colon is None:
        # "Ik ga niet alles opnieuw vertellen, maar ik heb ze in totaal negen keer gecontacteerd:
        # zes keer gebeld, ...": a longer head that holds its own total
        late = next((k for k, t in enumerate(tokens[:RECAP_LONG_HEAD]) if t.text in (":", "(")), None)
        if late is not None and _head_total(tokens[:late]) is not None:
            if tokens[late].text == ":":
                colon = late
            else:
                # "Alles samen vijf keer zelf contact opgenomen (twee keer gebeld, één mail en Koen
                # aan de balie), en dat voor ...": the brackets hold the split, as a colon does
                # (only under a recap's own words: "twee keer gebeld (de eerste keer voicemail)" is an aside)
                close = next((k for k, t in enumerate(tokens) if k > late and t.text == ")"), len(tokens))
                head = " " + " ".join(t.lower_ for t in tokens[:late]) + " "
                # ("Alles samen heb ik drie keer gebeld (één keer ingehaakt ...), twee mails gestuurd":
                # a count of one channel before the bracket is no total the bracket splits)
                one_channel = any(c.label_ == "contact_verb" and _channel(c) != "any" and c.start < sent.start + late
                                  for c in docindex.cues_in(sent))
                split = _recap_split(sent, tokens[:close], late) \
                    if any(f" {m} " in head for m in RECAP_MARKERS) and not one_channel else None
                if split is not None:
                    return split
    if colon is None:
        return _total_sentence(sent) or _total_of_all(sent) or _fronted_total(sent) or _elliptic_tally(sent) \
            or _total_after_list(sent)
    return _recap_split(sent, tokens, colon)


def _recap_split(sent: Span, tokens: list, colon: int) -> tuple[dict[str, int], bool, bool] | None:
    """The recap of a head before ``colon`` (a colon or an opening bracket) and the contacts
    listed after it, up to the end of ``tokens``; None when it is no recap (see recap)."""
    head = " " + " ".join(t.lower_ for t in tokens[:colon]) + " "
    # a one-word marker ("dus", "totaal") only in a short head; "Ik vat het even samen voor wie
    # het bijhoudt:" may run longer
    marked = any(f" {m} " in head and (colon <= 8 or " " in m) for m in RECAP_MARKERS)
    # "Sindsdien heb ik u twaalf keer benaderd: zeven keer telefonisch, drie keer per e-mail en
    # twee keer via Facebook": a total before the colon, split after it
    head_total = _head_total(tokens[:colon])
    if not marked and head_total is None and not _company_head(sent, colon) or any(f" {w} " in head for w in ADVICE_HEADS):
        return None  # ("Dus mijn tip: bel je bank, ...": advice to the reader, no tally)
    cues = docindex.cues_in(sent)
    per_channel: dict[str, int] = {}
    exact, items = True, 0
    numbered = counted_ones = 0
    listed: list[tuple[int, str]] = []
    for item in _recap_items(tokens[colon + 1 :]):
        n, sure, channel = _recap_item(item, cues)
        if n:
            per_channel[channel] = per_channel.get(channel, 0) + n
            items, exact = items + 1, exact and sure
            numbered += _numbered_item(item)
            counted_ones += not _numbered_item(item) and _numbered_item(item, ones=True)
            listed.append((n, channel))
    if numbered == 1 and len(listed) >= 3 and listed[0][1] == "any" \
            and sum(n for n, _ in listed[1:]) <= listed[0][0] and marked:
        # "Dus: zeven keer heb ik contact gezocht, via mail, telefoon, een formulier en een brief":
        # a total of no channel, then the ways it went, unnumbered: the total holds them
        return {"any": listed[0][0]}, exact, False
    # under a company's name only a tally of numbers is a recap ("Carglass: gebeld, en na een
    # keuzemenu ..." is a note of one call), or a company's line of a list under a recap heading
    # ("Even op een rij:" then "- Zonwering Rijnmond: gebeld (2x), gemaild, showroom")
    marked = marked or _company_head(sent, colon) and _recap_list_head(sent) is not None
    if head_total is not None and not marked:
        marked = sum(per_channel.values()) == head_total  # the split adds up to the total
    if head_total is not None and marked and numbered == 0 and sum(per_channel.values()) < head_total:
        # "Alles bij elkaar hebben wij veertien keer contact gehad met Koster: gebeld, gemaild, en
        # een keer naar hun kantoor": the list names the ways, the head holds the count
        return {_head_channel(tokens, colon, cues): head_total}, True, False
    if set(per_channel) == {"any"}:
        per_channel = {_head_channel(tokens, colon, cues): per_channel["any"]}
    # ("Pixelpunt: twee keer in de winkel, een keer gebeld, een keer gemaild": "een keer" counts too)
    return (per_channel, exact, False) if items >= 2 and (marked or numbered + counted_ones >= 2) else None


TIMES_WORDS = resources.words("contacts.times_words")


ONE_WORDS = resources.words("contacts.one_words")  # "een keer": a one that is also the article


def _numbered_item(item: list, ones: bool = False) -> bool:
    """An item of a recap that holds a count: "twee keer in de winkel", "3 mails"; with ``ones``
    also "een keer gebeld" (a one before a times word; "een mail" is only an article)."""
    return any(t.like_num and (t.lower_ not in ONE_WORDS
                               or ones and k + 1 < len(item) and item[k + 1].lower_ in TIMES_WORDS)
               for k, t in enumerate(item))


def _head_channel(tokens: list, colon: int, cues: list[Span]) -> str:
    """ "Het waterschap heb ik in totaal drie keer gebeld: twee keer ging de telefoon over ..., en
    één keer kreeg ik iemand": the one channel the recap's head names, which the split's
    channel-less items go by; "any" when the head names none or several."""
    times = next((t.i for t in tokens[1:colon] if t.lower_ in TIMES_WORDS
                  and numbers.parse(t.doc[t.i - 1].lower_) is not None), None)
    if times is None:
        return "any"
    # (the verb right after the count: "drie keer gebeld"; not "negen keer contact gehad ..., de
    # drie telefoontjes van mijn moeder meegerekend", a part of the total)
    named = {c.id_.partition("/")[0] for c in cues if c.label_ in ("contact_verb", "channel")
             and times < c.start <= times + 3 and c.end <= tokens[colon].i and c.id_.partition("/")[0] in OUTGOING_CHANNELS}
    return named.pop() if len(named) == 1 else "any"


def _head_total(head: list) -> int | None:
    """The count in a recap's head ("twaalf keer benaderd"), when it has one."""
    for k, tok in enumerate(head[1:], 1):
        if tok.lower_ in ("keer", "maal"):
            value = numbers.parse(head[k - 1].lower_)
            if value is not None and value >= 2:
                return int(value)
    return None


def _company_head(sent: Span, colon: int) -> bool:
    """ "MediaMarkt: 2 keer in de winkel, 4 keer gebeld, 3 mails, 1 chat": a line headed by
    only a company name (a tally per company in a review) is that company's recap."""
    doc = sent.doc
    head = [t for t in doc[sent.start : sent.start + colon] if t.is_alpha or t.like_num or t.text in ("-", ".", "&")]
    inside = _named_tokens(doc)
    return bool(head) and all(t.i in inside or t.lower_ in ("bij", "voor", "met") for t in head)


TOTAL_OPENERS = resources.phrases("contacts.total_openers")


def _total_sentence(sent: Span) -> tuple[dict[str, int], bool, bool] | None:
    """ "Alles bij elkaar hebben we zeven keer gebeld en vier mails gestuurd.": a sentence that
    opens with a total word and gives counts of its own is the tally so far."""
    opening = " ".join(t.lower_ for t in sent[:5]) + " "
    if not any(opening.startswith(m + " ") for m in TOTAL_OPENERS):
        return None
    counted = [(how, n, channel) for how, n, channel in sentence_count(sent) if how in ("exact", "least", "least more", "more") and n >= 1]
    if not counted or sum(n for _, n, _ in counted) < 2:
        return None
    per_channel: dict[str, int] = {}
    for _, n, channel in counted:
        per_channel[channel] = per_channel.get(channel, 0) + n
    return per_channel, True, True


THIS_WORDS = resources.words("contacts.this_message_words")


def mark_own_letter(sent: Span) -> None:
    """The salutation of a letter the story itself is ("Geachte heer, mevrouw,"), marked by the
    story reader: the letter is one contact (corpus decision 32), told nowhere else."""
    sent.doc.user_data.setdefault("klantverhaal.own_letter", set()).add(sent.start)


LETTER_OPENERS = resources.phrases("experiences.letter_openers")


def _opens_own_letter(sent: Span, items: list[tuple[str, int, str]]) -> bool:
    """The salutation or "Hierbij dien ik een klacht in" of the letter the story itself is."""
    # ("Aangetekend" on a line of its own in the letter's head: this letter, sent registered)
    return _own_letter(sent) or items[0][2] == "letter" and (sent.text.lower().startswith(LETTER_OPENERS)
                                                             or sent.text.strip().lower().rstrip(".:") in LETTER_HEADER_LABELS)


LETTER_HEADER_LABELS = resources.words("contacts.letter_header_labels")


def _own_letter(sent: Span) -> bool:
    return sent.start in sent.doc.user_data.get("klantverhaal.own_letter", ())


def tells_this_message(sent: Span) -> bool:
    """ "Met deze brief dien ik een klacht in", "Hierbij ...": the sentence is about the letter
    or mail the story itself is."""
    return _this_message(sent) is not None or _own_letter(sent)


def _this_message(sent: Span) -> str | None:
    """ "Met deze brief ...", "dit bericht": the letter or mail the story itself is, whose
    every mention is the same one contact."""
    if _own_letter(sent) or _letter_header(sent):
        return "letter"
    cues = docindex.cues_in(sent)
    # ("Op 2 mei heb ik u dit gemaild": "dit" is what was mailed, the verb no message noun)
    verbs = {c.start for c in cues if c.label_ in ("contact_verb", "comm_verb") and _any_participle(c[0].lower_)}
    for cue in cues:
        if cue.label_ == "channel" and cue.id_ in MESSAGE_CHANNELS and cue.start > sent.start \
                and sent.doc[cue.start - 1].lower_ in THIS_WORDS and cue.start not in verbs:
            return cue.id_
    return None


LETTER_HEADER_WORDS = resources.words("contacts.letter_header_words")


def _letter_header(sent: Span) -> bool:
    """ "Aangetekend", "Per aangetekende post": a line of a letter's header that says how the letter
    itself goes out; it is that letter, the one contact the story is."""
    words = [t.lower_ for t in sent if not (t.is_punct or t.is_space)]
    return 0 < len(words) <= 4 and set(words) <= LETTER_HEADER_WORDS and bool(set(words) & REGISTERED_WORDS)


REGISTERED_WORDS = resources.words("contacts.registered_words")


TOTAL_CONTACT_VERBS = resources.words("contacts.total_contact_verbs")
TAKE_UP_FORMS = resources.words("contacts.take_up_forms")


COUNTED_IN_MARKERS = resources.words("contacts.counted_in_markers")
COUNTED_IN_PARTICIPLES = resources.words("contacts.counted_in_participles")  # "..., X meegerekend"


def _counted_in(sent: Span, cue: Span) -> bool:
    """ "..., als ik het weggevallen telefoontje meetel", "..., de twee telefoontjes van mijn
    moeder meegerekend": a contact named in a clause that says the count holds it is inside the
    count, no contact of its own ("..., de opzegging niet meegeteld" leaves it out)."""
    doc = sent.doc
    start = next((t.i for t in reversed(doc[sent.start : cue.start]) if t.text in (",", ";", ":")), sent.start - 1) + 1
    if start < cue.start and doc[start].lower_ == "als" \
            and any(t.lower_ in COUNTED_IN_MARKERS for t in doc[cue.end : sent.end]):
        return True
    # ("elf keer gecontacteerd, de twee telefoontjes van mijn moeder meegerekend": a phrase of its
    # own after a comma or bracket, with no count in it)
    start = next((t.i for t in reversed(doc[sent.start : cue.start]) if t.text in (",", ";", ":", "(")), None)
    end = next((t.i for t in doc[cue.end : sent.end] if t.text in (",", ";", ":", ")")), sent.end)
    clause = [t.lower_ for t in doc[start + 1 : end]] if start is not None and doc[start].text in (",", "(") else []
    return any(w in COUNTED_IN_PARTICIPLES for w in clause) and "niet" not in clause \
        and not any(w in TALLY_WORDS for w in clause)


def _general_contact(cue: Span) -> bool:
    """ "contact opgenomen", "benaderd", "contact met de klantenservice opgenomen": a contact
    phrase that names no channel; its channel is one told in its own clause, else every one."""
    return cue.text.lower() in TOTAL_CONTACT_VERBS or cue[0].lower_ == "contact" and cue[-1].lower_ in TAKE_UP_FORMS


TOTAL_WORDS = resources.phrases("contacts.total_words")


def _clause_channel(cue: Span, cues: list[Span]) -> str:
    """ "vier keer contact opgenomen via de chat" -> chat; "Zes keer contact gezocht, de
    weggevallen chat ... meegeteld" -> any: the channel of a general contact phrase is one
    named in its own clause, else it spans every channel."""
    for other in cues:
        if other.label_ != "channel" or cue.start <= other.start < cue.end:
            continue
        if _gap_in_clause(other, cue) is not None:
            return _channel(other)
    return "any"


def _total_of_all(sent: Span) -> tuple[dict[str, int], bool, bool] | None:
    """ "Zes keer zelf contact gezocht, de weggevallen chat en het opgehangen telefoontje
    meegeteld.": a count of every contact ("contact gezocht", "benaderd") said to be the total
    is the tally so far, over all channels."""
    text = " " + " ".join(t.lower_ for t in sent) + " "
    if not any(f" {w} " in text for w in TOTAL_WORDS):
        return None
    counted = sentence_count(sent)
    if len(counted) != 1 or counted[0][0] != "exact" or counted[0][2] != "any" or counted[0][1] < 2:
        return None
    return {"any": counted[0][1]}, True, False


ELLIPTIC_FILLERS = resources.words("contacts.elliptic_tally_fillers")


def _elliptic_tally(sent: Span) -> tuple[dict[str, int], bool, bool] | None:
    """ "... met Orthopedie Hulshof heb ik elf keer contact gehad. Met Zilveren Kruis zeven
    keer.": a verbless "Met X zeven keer." after a sentence that counts contacts takes up its
    verb, and is the writer's total for X."""
    doc = sent.doc
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < 4 or words[0].lower_ != "met" or words[-1].lower_ not in ("keer", "maal") or sent.start == 0:
        return None
    n = numbers.parse(words[-2].lower_)
    inside = _named_tokens(doc)
    middle = [t for t in words[1:-2] if t.lower_ not in ELLIPTIC_FILLERS]
    if n is None or n != int(n) or n < 2 or not middle or not all(t.i in inside for t in middle):
        return None
    before = docindex.sentence_of(doc[sent.start - 1 : sent.start])
    counts_contacts = any(c.label_ == "contact_verb" for c in docindex.cues_in(before)) \
        or " contact " in docindex.lower_words(before)
    return ({"any": int(n)}, True, False) if counts_contacts and _head_total(list(before)) is not None else None


SUM_OPENERS = resources.phrases("contacts.sum_openers")


def _total_after_list(sent: Span) -> tuple[dict[str, int], bool, bool] | None:
    """ "- op 9 januari via uw Facebookpagina. Dat is zeven keer, en deze brief is de achtste.":
    "Dat is zeven keer" right after a bulleted list of contacts is the writer's sum of it."""
    words = docindex.lower_words(sent)
    opener = next((o for o in sorted(SUM_OPENERS, key=len, reverse=True) if words.startswith(f" {o} ")), None)
    if opener is None or sent.start == 0:
        return None
    rest = words[len(opener) + 2 :].split()
    n = numbers.parse(rest[0]) if len(rest) >= 2 and rest[1] in ("keer", "maal") else None
    if n is None or n != int(n) or n < 2:
        return None
    text = docindex.text(sent.doc)
    lines_before = text[: sent.start_char].rstrip().rsplit("\n", 1)
    if len(lines_before) < 2 or not LIST_BULLET.match(lines_before[1]):
        return None
    # ("..., en deze brief is de achtste": the letter the story is comes on top)
    this = _this_message(sent)
    told = re.search(r" is de (\w+) ", words)
    if this is not None and told and numbers.ordinal(told.group(1)) == n + 1:
        return {"any": int(n), this: 1}, True, False
    return {"any": int(n)}, True, False


TIMES = re.compile(r"(\d{1,2})x", re.IGNORECASE)


def _bracket_count(tok) -> int | None:
    """ "gebeld (2x)", "gemaild (3 keer)": the count in a bracket that holds only a count."""
    doc = tok.doc
    inside = [t.lower_ for t in doc[tok.i + 1 : tok.i + 4]]
    if ")" not in inside:
        return None
    inside = inside[: inside.index(")")]
    if len(inside) == 1 and (m := TIMES.fullmatch(inside[0])):
        return int(m.group(1))
    if len(inside) == 2 and inside[0].isdigit() and inside[1] in ("x", "keer", "maal"):
        return int(inside[0])
    return None


def _recap_items(tokens: list) -> list[list]:
    """The list after the colon, split at commas, semicolons and "en", brackets left out but
    for a count in them ("gebeld (2x)", read as the item's count)."""
    items, current, depth = [], [], 0
    for tok in tokens:
        if tok.text == "(" and not depth and _bracket_count(tok) is not None:
            current.append(tok)  # (read by _recap_item as the count)
            depth += 1
        elif tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif tok.text in (",", ";", ".", "!") or tok.lower_ in ("en", "plus"):
            if current:
                items.append(current)
            current = []
        else:
            current.append(tok)
    if current:
        items.append(current)
    return items


def _recap_item(item: list, cues: list[Span]) -> tuple[int, bool, str]:
    """How many contacts one listed item is, and in what channel: "twee keer tevergeefs gebeld"
    2 phone, "twee telefoontjes" 2, "een chat" 1, "tientallen mails" at least 20 (not exact),
    "haha" 0."""
    lo, hi = item[0].i, item[-1].i + 1
    inside = [c for c in cues if lo <= c.start < hi]
    if any(c.label_ == "company_initiated" for c in inside):
        return 0, True, "any"
    used = [c for c in inside if c.label_ == "contact_verb" or c.label_ == "channel" and c.id_ in OUTGOING_CHANNELS]
    words = {t.lower_ for t in item}
    if not used or words & COUNTED_IN_PARTICIPLES and "niet" not in words:
        return 0, True, "any"  # ("..., de vier telefoontjes van Daan meegerekend": inside the count before it)
    channel = next((_channel(c) for c in used if _channel(c) != "any"), "any")
    doc = item[0].doc
    for tok in item:
        if tok.text == "(":
            return _bracket_count(tok), True, channel  # "gebeld (2x)"
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in dates.month_names():
            continue  # "mijn telefoontje op 16 oktober": a date, not a count
        value = numbers.parse(tok.lower_)
        if value is not None and value >= 1 and tok.lower_ not in ONE_WORDS:
            return int(value), True, channel
        fuzzy = numbers.vague(tok.lower_)
        if fuzzy:
            return fuzzy[0], False, channel
    return 1, True, channel


TALLY_ENDS = resources.words("contacts.company_tally_ends")
TALLY_FILLERS = resources.words("contacts.company_tally_fillers")
TALLY_FILLERS_AFTER = resources.words("contacts.company_tally_fillers_after")
TALLY_LIST_HEADS = resources.words("contacts.company_tally_list_heads")  # "elf keer contact, zes met ..."


ADDRESS_PREPOSITIONS = resources.words("contacts.address_prepositions")
COPY_WORDS = resources.words("contacts.copy_words")
ARTICLES = resources.words("experiences.articles")


def co_addressees(sent: Span, named: list[tuple[int, int, str]], reached: set[str]) -> set[str]:
    """ "een mail gestuurd aan Brons en aan Kuiper", "een brief naar A en naar B", "met Otten in de
    cc": one message to two firms is a contact with each. Given the companies the sentence's
    contact went to (``reached``), the other firms it names as addressees beside them or as copied
    in. ``named`` holds (first token, end token, company)."""
    doc = sent.doc
    out = set()
    spans = sorted(named)
    for start, end, company in spans:
        if company in reached:
            continue
        after = [t.lower_ for t in doc[end : min(end + 3, sent.end)]]
        before = [t.lower_ for t in doc[max(sent.start, start - 3) : start]]
        if after[:1] == ["in"] and (after[1:2] and after[1] in COPY_WORDS or after[1:2] == ["de"] and after[2:3]
                                     and after[2] in COPY_WORDS) \
                or any(w in COPY_WORDS for w in before[-3:-1]) and before[-1:] and before[-1] in ADDRESS_PREPOSITIONS | ARTICLES:
            out.add(company)  # "met Otten in de cc", "cc aan Otten"
            continue
        for other_start, other_end, other in spans:
            if other not in reached:
                continue
            lo, hi = (other_end, start) if other_end <= start else (end, other_start)
            first = min(other_start, start)
            between = [t.lower_ for t in doc[lo:hi] if t.lower_ not in ARTICLES]
            opener = next((t.lower_ for t in reversed(doc[sent.start : first]) if t.lower_ not in ARTICLES), "")
            if between == ["en"] and opener in ADDRESS_PREPOSITIONS \
                    or len(between) == 2 and between[0] == "en" and between[1] in ADDRESS_PREPOSITIONS:
                out.add(company)  # "aan Brons en aan Kuiper", "een mail naar Verbeek en Hamers"
                break
    return out


TALLY_CONTACT_NOUNS = resources.words("contacts.tally_contact_nouns")  # "zes contactmomenten met Vodafone"


def company_tallies(sent: Span, named: list[tuple[int, int, str]]) -> dict[str, tuple[int, bool]]:
    """ "Alles bij elkaar: negen keer Vueling, vijf keer Budgetair", "Ik heb Vattenfall zeven keer
    gesproken en Liander vijf keer": a count beside each of two or more companies in one sentence
    is the writer's own count for each, as (n, more): more is true when "nog", "daarna" ... make
    it more on top of what was told, not a total. ``named`` holds (first token, end token,
    company)."""
    others = _unnamed_tally_parts(sent, named)
    if len({company for _, _, company in named}) + others < 2:
        return {}
    doc = sent.doc
    out: dict[str, int] = {}
    verbs = {c.start for c in docindex.cues_in(sent) if c.label_ == "contact_verb"}
    for start, end, company in named:
        n = None
        k = start - 1  # "acht keer contact gehad met de Belastingdienst", "vijf keer met Berends"
        while k > sent.start and start - k <= 4 and doc[k].lower_ in TALLY_FILLERS:
            k -= 1
        if k - 1 >= sent.start and (doc[k].lower_ in TALLY_WORDS or doc[k].lower_ in TALLY_CONTACT_NOUNS):
            n = numbers.parse(doc[k - 1].lower_)  # "negen keer Vueling", "zeven contactmomenten met Mediq"
        elif k + 1 < start and doc[k + 1].lower_ == "met" and numbers.parse(doc[k].lower_) is not None \
                and any(t.lower_ in TALLY_LIST_HEADS for t in doc[sent.start : k]):
            # "in totaal elf keer contact, zes met de gemeente en vijf met Zilveren Kruis", "Negen
            # contactmomenten, vijf met Tado en vier met Budget Energie": the count word said once
            n = numbers.parse(doc[k].lower_)
        else:
            n = _tally_after(sent, end, verbs)
        if n is not None and n >= 1 and float(n).is_integer():
            out[company] = max(out.get(company, 0), int(n))
    if len(out) + others < 2:
        return {}
    # "Sinds die mail heb ik nog twee keer met Mitros gebeld en één keer met WarmteVast"
    # (near the first count: "Netto ben ik dus weer waar ik begin maart was, na vijf keer NS en
    # vier keer ING" is back where the writer began, and a total)
    first = min(named)[0]
    more = any(t.lower_ in MORE_WORDS for t in doc[max(sent.start, first - 5) : first])
    return {company: (n, more) for company, n in out.items()}


def _unnamed_tally_parts(sent: Span, named: list[tuple[int, int, str]]) -> int:
    """How many parts of a tally count a firm the sentence names only by a noun: "zes
    contactmomenten: drie met Kampido en drie met de club" has one ("drie met de club"), so the
    count beside Kampido is Kampido's, not the six."""
    doc = sent.doc
    starts = {start for start, _, _ in named}
    return sum(1 for t in sent if t.lower_ == "met" and t.i - 1 >= sent.start and t.i + 2 < sent.end
               and (numbers.parse(doc[t.i - 1].lower_) or 0) >= 1 and doc[t.i + 1].lower_ in DEFINITE_ARTICLES
               and t.i + 1 not in starts and t.i + 2 not in starts)


def own_contact_channels(cues: list[Span]) -> set[str]:
    """The channels of the contact cues among ``cues`` (a general "contact opgenomen" has none)."""
    return {_channel(c) for c in cues if c.label_ in ("contact_verb", "channel") and _channel(c) != "any"}


def _own_items(items: list[tuple[str, int, str]], own: set[str] | None) -> list[tuple[str, int, str]]:
    """A shared sentence's count items on this company's own channels (see
    experiences._split_shared_sentence); all of them when none or all are its own."""
    if not own:
        return items
    kept = [item for item in items if item[2] in own]
    return kept if kept else items


def each_tally(sent: Span) -> tuple[int, bool] | None:
    """ "Zes keer aan de bel getrokken, drie keer bij elk.", "bij allebei vier keer gebeld": a
    count for every organisation the story has dealt with, told without naming them, as (n,
    more); "bij allebei nog twee keer" is more on top."""
    words = docindex.lower_words(sent)
    if not any(f" bij {w} " in words for w in EACH_WORDS):
        return None  # (most sentences: no token walk)
    doc = sent.doc
    for tok in sent:
        if tok.lower_ not in EACH_WORDS or tok.i == sent.start or doc[tok.i - 1].lower_ != "bij":
            continue
        for k in [*range(tok.i - 3, tok.i - 1), *range(tok.i + 1, min(sent.end - 1, tok.i + 4))]:
            if k >= sent.start and doc[k + 1].lower_ in TALLY_WORDS and (n := numbers.parse(doc[k].lower_)) is not None:
                more = any(t.lower_ in MORE_WORDS for t in doc[sent.start : k])
                return (int(n), more) if float(n).is_integer() and n >= 1 else None
    return None


EACH_WORDS = resources.words("contacts.each_words")
ALL_OF_THEM = resources.pairs("contacts.all_of_them")  # "alle drie:3", "allebei:2"


def to_all_of_them(sent: Span) -> int | None:
    """ "Na afloop heb ik alle drie een mail gestuurd", "ik heb ze allebei gebeld": one contact
    with each of that many organisations, told without naming them (None when the sentence
    tells no contact of the writer's)."""
    words = docindex.lower_words(sent)
    n = next((int(count) for phrase, count in ALL_OF_THEM if f" {phrase} " in words), None)
    if n is None or not contact_events(sent, docindex.cues_in(sent)):
        return None
    return n


def _tally_after(sent: Span, end: int, verbs: set[int]) -> float | None:
    """The count right after a company's name: "Liander vijf keer", "Vattenfall zeven keer
    gesproken", "KPN zeven keer gebeld", "Fluvius in totaal negen keer gecontacteerd", "Luminus
    een keer of vijf"; not "bij De Brug twee keer gebeld, drie mails" (the calls only, one item of
    a recap). ``verbs`` holds where contact verbs start."""
    doc = sent.doc
    k = end
    while k < sent.end - 1 and k - end < 2 and doc[k].lower_ in TALLY_FILLERS_AFTER:
        k += 1
    if k + 1 < sent.end and doc[k + 1].lower_ in TALLY_WORDS and (
            k + 2 >= sent.end or doc[k + 2].lower_ in TALLY_ENDS or k + 2 in verbs and not _next_item_counted(sent, k + 3)):
        return numbers.parse(doc[k].lower_)
    for i in (k + 1, k + 4):  # "een keer of vijf", "een stuk of zes keer" (at "keer"; _about checks the rest)
        if i < sent.end and (about := _about(doc[sent.start : sent.end], i - sent.start)) is not None:
            return about
    return None


def _next_item_counted(sent: Span, k: int) -> bool:
    """Does a counted item of a list follow at ``k`` (", drie mails", "en drie mails gestuurd")?
    Then the count before it was one channel's, not the company's tally."""
    doc = sent.doc
    return k + 1 < sent.end and doc[k].lower_ in (",", ";", "en") and numbers.parse(doc[k + 1].lower_) is not None


OWN_POST_CHANNELS = resources.words("contacts.own_post_channels")


def _title_line(sent: Span) -> bool:
    """Is the sentence the story's title: the first line of the text, with no closing full
    stop, standing alone on its line?"""
    text = docindex.text(sent.doc)
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    if sent.start_char != first or end < 0 or sent.start_char + len(sent.text.rstrip()) > end:
        return False
    line = text[first:end].rstrip()
    # the whole line is this one sentence, and it has no closing full stop (nor one inside a
    # closing quote); a headline may cry out or ask ("... terwijl ik allang heb opgezegd!!")
    return bool(line) and line.rstrip("\"'”’)")[-1:] not in (".", "") \
        and sent.start_char + len(sent.text.rstrip()) >= first + len(line)


OTHER_CUSTOMERS = resources.phrases("contacts.other_customers")


def _others_channel(sent: Span, cue: Span) -> bool:
    """ "nog eens acht telefoontjes van andere ouders": a channel other customers used."""
    after = " " + " ".join(t.lower_ for t in sent.doc[cue.end : min(sent.end, cue.end + 4)]) + " "
    return any(after.startswith(f" van {p} ") for p in OTHER_CUSTOMERS)


def _others_in_count(sent: Span) -> bool:
    """A sentence that counts two or more contacts and names other customers in that count
    ("andere ouders", "de appgroep", "andere gedupeerden"): a group's tally, of which the
    writer's share is not told there (corpus decision 199: only the writer's share counts)."""
    words = docindex.lower_words(sent)
    if not any(f" {p} " in words for p in OTHER_CUSTOMERS) and not _group_named_before(sent, words):
        return False
    return recap(sent) is not None or any(n >= 2 for _, n, _ in sentence_count(sent))


TOGETHER_WORDS = resources.words("contacts.together_words")
SHARE_OPENERS = resources.words("contacts.share_openers")
SHARE_WRITERS = resources.words("contacts.share_writers")
SHARE_FILLERS = resources.words("contacts.share_fillers")
GROUP_SUBJECTS = resources.words("contacts.group_subjects")  # "we", "met z'n allen": a group counted


def _writer_share(sent: Span) -> tuple[int, str] | None:
    """ "Met z'n allen hebben we Bakker zeventien keer gebeld, waarvan ik zelf drie keer": a group's
    count with the writer's share told after "waarvan ik": the share is the writer's count, in the
    group count's channel (corpus decision 199: only the writer's share counts), as (n, channel)."""
    tokens = list(sent)
    for k, tok in enumerate(tokens[:-2]):
        if tok.lower_ not in SHARE_OPENERS or tokens[k + 1].lower_ not in SHARE_WRITERS:
            continue
        j = k + 2
        while j < len(tokens) and tokens[j].lower_ in SHARE_FILLERS:
            j += 1
        share = numbers.parse(tokens[j].lower_) if j < len(tokens) else None
        if share is None or share < 1:
            return None
        end = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].lower_ in TIMES_WORDS)
        if end < len(tokens) and tokens[end].is_alpha \
                or not (any(t.lower_ in GROUP_SUBJECTS for t in tokens[:k])
                        or any(f" {p} " in " " + " ".join(t.lower_ for t in tokens[:k]) + " " for p in OTHER_CUSTOMERS)):
            return None  # "zeven keer gebeld, waarvan ik drie keer heb opgehangen": a part of the writer's own
        totals = [(n, channel) for how, n, channel in sentence_count(sent)
                  if how == "exact" and n > share and channel != "any"]
        return (int(share), totals[0][1]) if len(totals) == 1 else None
    return None


def _group_named_before(sent: Span, words: str) -> bool:
    """ "In de appgroep van de ouders hielden we een lijstje bij. Eind april stonden we samen op 31
    telefoontjes ...": "we samen" right after a sentence that names the group is the group."""
    if not any(f" {w} " in words for w in TOGETHER_WORDS) or sent.start == 0:
        return False
    before = docindex.lower_words(sent.doc[sent.start - 1].sent)
    return any(f" {p} " in before for p in OTHER_CUSTOMERS)


def count(sentences: list[Span], tallies: dict[int, tuple[int, bool]] | None = None,
          own_channels: dict[int, set[str]] | None = None) -> tuple[Contacts | None, list[dict]]:
    """The customer's contacts over the sentences that tell one, and a log a reader can check.

    Counts are kept per channel, so an explicit "twee keer gebeld" is the phone total (it does
    not add to calls already narrated) while a letter told elsewhere still adds one. The
    writer's own recap ("Samengevat: ...", "Alles bij elkaar hebben we zeven keer gebeld")
    replaces the count of everything told before it (SPEC: the same contact told twice counts
    once; the writer's tally is the best evidence); contacts told after it add on, and a count
    after it that the recap already holds ("In mijn vierde mail ...") adds nothing. ``tallies``
    holds the writer's count for this company in a sentence that counts several (see
    company_tallies): told first, it is a floor the contacts after it fill; told after, it
    replaces what was counted before, as a recap does; told as more ("nog"), it adds."""
    tallies = tallies or {}
    per_channel: dict[str, int] = {}
    exact, log = True, []
    seen: set[int] = set()
    previous: tuple[int, set[str]] = (-2, set())
    previous_end = 0  # where the sentence counted last ends
    this_message: set[str] = set()  # the letter or mail the story itself is
    floor: dict[str, int] = {}
    own_message: set[str] = set()  # channels of the story's own message, counted already
    recap_lists: dict[int, tuple[dict[str, int], dict[str, int]]] = {}  # heading -> (counted before, listed)
    prefilled: dict[str, int] = {}  # a split told first: contacts per channel still to be told one by one
    for sent in sorted(sentences, key=lambda s: s.start):
        if sent.start in seen:
            continue
        seen.add(sent.start)
        if 0 < _sentence_number(sent) - previous[0] <= 2 and _sends_it(sent):
            # "Ik schreef een bezwaarschrift. ... Ik heb het aangetekend verstuurd.": one letter
            log.append({"channel": "any", "by": "customer", "count": "same", "added": 0,
                        "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
            continue
        share = _writer_share(sent)
        if share is not None:
            # "zeventien keer gebeld, waarvan ik zelf drie keer, en nog eens vijf leden hebben
            # gemaild": the writer's share of the group's calls, and nothing else of the sentence
            before = sum(per_channel.values())
            _add(per_channel, "exact", share[0], share[1])
            log.append({"channel": share[1], "by": "customer", "count": "share", "added": sum(per_channel.values()) - before,
                        "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
            continue
        if _others_in_count(sent):
            # "In de appgroep tellen we samen al twintig berichten aan de club, en nog eens acht
            # telefoontjes van andere ouders": other customers' contacts, not the writer's
            log.append({"channel": "any", "by": "others", "count": "others", "added": 0,
                        "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
            continue
        n, more = tallies.get(sent.start, (0, False))
        if n and more and per_channel:
            # (more on top of nothing told is a tally told first: "Wat er sindsdien gebeurd is, ik
            # heb het geteld: vijf keer Belfius, vijf keer de verhuurder" is filled by what follows)
            _add(per_channel, "more", n, "any")
            log.append({"channel": "any", "by": "customer", "count": "more", "added": n,
                        "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
            continue
        if n:
            before = sum(per_channel.values())
            if before == 0:
                floor["any"] = max(floor.get("any", 0), n)
            else:
                per_channel, floor = {"any": n}, {}
            log.append({"channel": "any", "by": "customer", "count": "recap",
                        "added": n - before,
                        "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
            continue
        told = recap(sent)
        if told is not None and not per_channel and set(told[0]) == {"any"} and not any(e["added"] for e in log):
            # "Ik heb Engie in totaal zeven keer gecontacteerd." told before any contact: the
            # contacts told after it fill that total, as a summary told first does (a title that
            # counted nothing, "Zes keer contact met Bosch voor een vaatwasser", is no contact told)
            floor["any"] = max(floor.get("any", 0), told[0]["any"])
            exact = exact and told[1]
            log.append({"channel": "any", "by": "customer", "count": "recap", "added": told[0]["any"],
                        "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
            continue
        if told is not None:
            before = sum(per_channel.values())
            if not per_channel and not log and not told[2]:
                # "Wehkamp heb ik zes keer benaderd: vier keer gebeld en twee keer gechat.", told
                # before any contact: the calls and chats told after it one by one are these
                prefilled.update({c: n for c, n in told[0].items() if c != "any"})
            if told[2] and "any" not in told[0]:
                # "Alles bij elkaar heb ik Stedin vijf keer gebeld": the total of the channels it
                # names (vague estimates included); a form told before still counts
                per_channel = {k: v for k, v in per_channel.items() if k != "vague"} | told[0]
            else:
                per_channel, exact = dict(told[0]), told[1]
                # the letter the story itself is, told before its recap of earlier contacts, is
                # one more ("Met deze brief dien ik een klacht in. ... Ik heb u twaalf keer benaderd: ...")
                for channel in own_message if _this_message(sent) is None else ():  # ("..., en nu stuur ik deze brief": in it)
                    per_channel[channel] = per_channel.get(channel, 0) + 1
                if _this_message(sent) in told[0]:
                    this_message.add(_this_message(sent))  # ("Dat is zeven keer, en deze brief is de achtste": counted)
            floor = {}
            log.append({"channel": "any", "by": "customer", "count": "recap",
                        "added": sum(per_channel.values()) - before,
                        "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
            continue
        before = sum(per_channel.values())
        items = _own_items(sentence_count(sent), (own_channels or {}).get(sent.start))
        if not items:
            continue  # ("Mijn advies aan iedereen: ...": nothing of the writer's told)
        if items and _title_line(sent) and not OWN_POST_CHANNELS & {channel for _, _, channel in items}:
            # "Opgezegd en toch drie keer afgeschreven: mijn gedoe met vinobox": the story's title
            # tells what the story will tell; a count in it ("Drie keer gebeld en nog steeds geen
            # internet") is a floor the contacts told after it fill. (A first line that labels the
            # story as a post or letter, "Bericht op de Facebookpagina van Odido", is the story's
            # own message: it counts.)
            for how, n, channel in items:
                if how not in ("one", "weak"):
                    floor[channel] = max(floor.get(channel, 0), n)
            log.append({"channel": items[0][2], "by": "customer", "count": "title", "added": 0,
                        "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
            continue
        before_channel = per_channel.get(next((c for _, _, c in items if c in floor), ""), 0)
        head = _recap_list_head(sent)
        if head is not None:
            # "Kort samengevat:" and a line per contact: the list tells again what was counted
            # before it, so each channel's count is the larger of the two, not their sum
            told_before, listed = recap_lists.setdefault(head, (dict(per_channel), {}))
            for how, n, channel in items:
                listed[channel] = max(listed.get(channel, 0), n) if how.startswith("ordinal") else listed.get(channel, 0) + n
                per_channel[channel] = max(told_before.get(channel, 0), listed[channel])
                exact = exact and how in ("exact", "one", "weak", "more", "ordinal")
            if told_before.get("any", 0) >= 2:  # (a total, not one contact on an unnamed channel)
                # ("de teller stond op elf. Een greep:" and a line per contact: the lines fill the
                # total told over every channel before they add to it)
                beyond = sum(max(0, v - told_before.get(c, 0)) for c, v in listed.items() if c != "any")
                per_channel["any"] = max(0, told_before["any"] - beyond)
            log.append({"channel": items[0][2], "by": "customer", "count": "recap line",
                        "added": sum(per_channel.values()) - before,
                        "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char})
            continue
        index = _sentence_number(sent)
        told_before = previous[1] if previous[0] == index - 1 else set()
        this = _this_message(sent)
        retold = sent.start in _quoted_paragraph_tokens(sent.doc)
        items = _without_numbered_first(items)
        for how, n, channel in items:
            if channel == this and this in this_message:
                continue  # "... na dagtekening van deze brief", "Deze brief verstuur ik aangetekend": one letter
            if this is not None and (this in this_message or per_channel.get(this, 0) > 0) and how == "one" \
                    and channel in MESSAGE_CHANNELS and channel != this:
                continue  # "Deze brief stuur ik aangetekend en tevens per e-mail": the same letter, a copy by mail
            if retold and how in ("one", "weak") and channel != "any" and per_channel.get(channel, 0) > 0:
                continue  # a quoted mail retells: '"Beste pulsgym, ik heb op 20 februari aan de balie
                # opgezegd."' after the visit was told (a contact it alone tells still counts)
            if how in ("exact", "weak") and n == 1 and channel != "any" and _reminder_message(sent):
                how = "one"  # "ook niet na een herinneringsmail": one more mail, not the one told
            if how == "weak":
                if channel in told_before:
                    continue  # the same call or mail, told on
                if channel == "shop" and channel in previous[1] and index - previous[0] <= 3 \
                        and "\n\n" not in sent.doc.text[previous_end : sent.start_char] \
                        and STAFF_SAID & {t.lower_ for t in sent}:
                    continue  # "... naar het stadskantoor geweest. Foto's mee, betaald. Aan de balie zeiden ze ...": that visit
                if per_channel.get(channel, 0) > 0 and _judges_staff(sent):
                    continue  # "Vriendelijk aan de balie, dat wel, maar ...": a verdict on visits told before
                how = "one"
            if how == "one" and prefilled.get(channel, 0) > 0:
                prefilled[channel] -= 1
                continue  # one of the split told first
            if how in ("exact", "ordinal") and _alone_but_firsts(items, (how, n, channel)) \
                    and _summary_first(sent, how, n, channel, log):
                floor[channel] = max(floor.get(channel, 0), n)
                break  # ("..., en de eerste keer per brief": this letter, inside the total)
            exact = _add(per_channel, how, n, channel) and exact
        if this in {channel for _, _, channel in items}:
            this_message.add(this)
            if sum(per_channel.values()) > before:
                own_message.add(this)
        previous = (index, {channel for _, _, channel in items})
        previous_end = sent.end_char
        after = sum(per_channel.values())
        beyond = [c for _, _, c in items if c in floor and c != "any"]
        if beyond and after > before and _told_by_household(
                sent, [c for c in docindex.cues_in(sent) if c.label_ in ("contact_verb", "comm_verb")]):
            # "Dynalogic heb ik in totaal vier keer gebeld. ... Mijn vader heeft daarna ook nog
            # gebeld": the writer's own total leaves the household's calls out; they add to it
            floor[beyond[0]] += per_channel.get(beyond[0], 0) - before_channel
        if "any" in floor and after > before and _left_out_of_total(sent):
            # "Ik heb in totaal acht keer contact gehad ... En dan tel ik de chats van mijn dochter
            # nog niet mee: die heeft drie keer gechat": beyond the total told first, not inside it
            floor["any"] += after - before
        told_channels = sorted({channel for _, _, channel in items})
        log.append({"channel": items[0][2], "by": "customer", "count": items[0][0].split()[0], "added": after - before,
                    "text": sent.text.strip(), "start": sent.start_char, "end": sent.end_char}
                   | ({"own": True} if this is not None and this == items[0][2] or _opens_own_letter(sent, items) else {})
                   | ({"channels": told_channels} if len(told_channels) > 1 else {}))  # ("langsgekomen en twee keer gebeld")
        again = _repeat_after(sent)
        if again is not None and again.start not in seen and after > before and items[-1][2] != "vague":
            seen.add(again.start)
            _add(per_channel, "one", 1, items[-1][2])
            log.append({"channel": items[-1][2], "by": "customer", "count": "again", "added": 1,
                        "text": again.text.strip(), "start": again.start_char, "end": again.end_char})
        tried = _tried_channel(items)
        # ("Tien minuten later weer: voicemail. De derde keer nam er een meisje op": after the retry too)
        probe = again if again is not None and again.start in seen and log[-1]["start"] == again.start_char else sent
        nth = _answered_try_after(probe, tried) if tried is not None and after > before else None
        if nth is not None and nth[0].start not in seen:
            seen.add(nth[0].start)
            before_nth = per_channel.get(tried, 0)
            _add(per_channel, "ordinal", nth[1], tried)
            log.append({"channel": tried, "by": "customer", "count": "ordinal try",
                        "added": per_channel.get(tried, 0) - before_nth,
                        "text": nth[0].text.strip(), "start": nth[0].start_char, "end": nth[0].end_char})
    for channel, n in floor.items():
        if channel != "any":
            per_channel[channel] = max(per_channel.get(channel, 0), n)
    total = max(sum(per_channel.values()), floor.get("any", 0))
    if total == 0:
        return None, log
    return Contacts(total, exact), log


SUMMARY_WORDS = resources.phrases("contacts.summary_words")
# heading words that make the bulleted list under it a recap ("Kort samengevat:", "Nog een keer op
# een rij:"); not "dus" ("Dus de gemeente erbij gehaald:" opens a list of new contacts)
RECAP_LIST_MARKERS = resources.phrases("contacts.recap_list_markers")
LIST_BULLET = re.compile(r"[ \t]*(?:[-–•*]|\d{1,2}[.)])[ \t]")


def list_heading(text: str, char: int, *, across_blank_lines: bool) -> int | None:
    """Where the line above a bulleted list starts, when ``char`` stands on a line of that list
    (a later sentence on a bulleted line belongs to its line: "- 4 november: niets. Gebeld.");
    the walk up passes blank lines between the items only when asked to."""
    start = text.rfind("\n", 0, char) + 1
    if not LIST_BULLET.match(text, start):
        return None
    while start > 0:
        start = text.rfind("\n", 0, start - 1) + 1
        line_end = text.find("\n", start)
        blank = not text[start : len(text) if line_end < 0 else line_end].strip()
        if not LIST_BULLET.match(text, start) and not (blank and across_blank_lines):
            return start
    return None


def _recap_list_head(sent: Span) -> int | None:
    """Where the heading starts when the sentence is on a bulleted line under a recap heading
    ("Kort samengevat, voor wie het niet bijhield:" then "- Proximus gebeld, drie keer"): each
    company's lines of such a list restate its contacts (SPEC: the same contact told twice
    counts once). A numbered diary under "Hieronder wat er gebeurde:" is no recap."""
    text = docindex.text(sent.doc)
    start = list_heading(text, sent.start_char, across_blank_lines=True)
    if start is None:
        return None
    line_end = text.find("\n", start)
    line = text[start : len(text) if line_end < 0 else line_end].strip()
    # (a paragraph above the list: its last two sentences head it, "... stond de teller op
    # elf, de telefoontjes van Sanne meegerekend. Een greep:")
    line = " ".join(re.split(r"(?<=[.!?])\s+", line)[-2:])
    head = " " + re.sub(r"[^\w\s]", " ", line.lower()) + " "
    return start if line.endswith(":") and len(line.split()) <= 24 and any(f" {m} " in head for m in RECAP_LIST_MARKERS) \
        else None


def _without_numbered_first(items: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """ "Dit is de vijfde keer dat wij u benaderen, en de eerste keer per brief": the letter the
    verb tells is the one "de eerste keer per brief" numbers, inside the five, so it is not one
    more beside them."""
    firsts = {c for how, n, c in items if how == "ordinal" and n == 1}
    if not firsts or not any(how == "ordinal" and n >= 3 and c == "any" for how, n, c in items):
        return items
    return [i for i in items if not (i[0] == "one" and i[2] in firsts)]


def _alone_but_firsts(items: list[tuple[str, int, str]], item: tuple[str, int, str]) -> bool:
    """Is ``item`` the sentence's only count, leaving aside "de eerste keer ..." ordinals? "Dit is
    de negende keer dat ik contact met u opneem, en de eerste keer per brief" counts nine."""
    return [i for i in items if i == item or not (i[0] == "ordinal" and i[1] == 1)] == [item]


def _judges_staff(sent: Span) -> bool:
    """Does the sentence carry a word on the staff's tone ("vriendelijk", "afgeblaft")? A channel
    it names without a contact verb is then most often the contact it judges, told before."""
    return any(c.label_ in ("friendly", "unfriendly") for c in docindex.cues_in(sent))


def _summary_first(sent: Span, how: str, n: int, channel: str, log: list[dict]) -> bool:
    """ "Kort samengevat: ik heb zeven keer contact gehad met fonq." told before any contact:
    the story opens with its total and then tells the contacts in it, so what follows fills the
    total up instead of adding to it. Only a total over every channel, or a count that says it
    is a total ("Daar heb ik in totaal drie keer gebeld"); "Ik heb die dag drie keer gebeld" is
    a day in the story and "ik heb inmiddels vijf keer gebeld" the count so far: what follows
    adds on. An ordinal of three or more told first ("Vanochtend heb ik voor de zevende keer
    gebeld", then the story from the start) is such a total too. A sentence that counts several
    channels ("Na zes telefoontjes, twee bezoeken en drie keer uploaden") is a sum of its own,
    no total."""
    if any(entry["added"] and not entry.get("own") for entry in log):
        return False  # (the letter the story itself is, "Met deze brief dien ik een klacht in", told first, is no contact before)
    if how == "ordinal":
        return n >= 3  # "Vanochtend heb ik voor de zevende keer gebeld" opens a story told back; "De tweede keer ..." goes on
    if channel == "any":
        return True
    words = docindex.lower_words(sent)
    return any(f" {w} " in words for w in SUMMARY_WORDS)
