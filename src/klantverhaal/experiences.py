"""read_story(doc, story) -> Story: from labelled spans to SPEC's record.

The pipeline only places spans; this module decides what they mean:

1. Companies: brand-table and context names, and kind nouns ("het
   kabelbedrijf") that become ``(kabelbedrijf)`` only when the story names no
   company of that sector for them to refer back to.
2. Attribution: every cue goes to the company named nearest to it in its
   sentence, else to the company the story is talking about at that point
   (the last one named), so multi-company stories do not pool facts.
3. Experience or mention: a company with facts of its own is an experience;
   a carrier that only delivered, a comparison, an advert or the writer's
   employer is a mention.
4. Per experience: channels actually used, contacts counted, waits,
   friendliness (-1/0/1) and resolution read from the end of the story.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from klantverhaal import contacts as contact_rules
from klantverhaal import docindex, durations, judgements, pipeline, resources
from klantverhaal.components.unknown_companies import first_names, opening_address
from klantverhaal.corpus import StoryText
from klantverhaal.records import Experience, Story, Wait


@dataclass
class _Facts:
    """Everything attributed to one company while reading a story."""

    company: str
    sector: str
    named: bool = True
    first_char: int = 0
    channels: dict[str, list[Span]] = field(default_factory=lambda: defaultdict(list))
    contact_sentences: list[Span] = field(default_factory=list)
    sent_to_customer: bool = False  # "een brief van Stedin gekregen": the company wrote about the matter
    waits: list[Span] = field(default_factory=list)
    judgement_cues: list[Span] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    tallies: dict[int, tuple[int, bool]] = field(default_factory=dict)  # sentence start -> (count, more) for this company
    # sentence start -> the channels of this company's own contacts in a sentence shared with
    # another company ("Ik heb Evides gebeld en Stedin gemaild": the call only)
    own_channels: dict[int, set[str]] = field(default_factory=dict)


@dataclass
class _Mention:
    start: int
    end: int
    company: str
    sector: str
    named: bool
    role: str = ""  # "", "employer", "carrier", "payment", "aside", "product", "comparison", "advert", "errand", "ref"
    from_context: bool = False  # found by the unknown-organisation rules, not the brand table
    subordinate: str = ""  # "reported" ("zei dat ... Stedin") or "subordinate" ("want ... KLM"), see below


@cache
def _mention_cues() -> dict:
    return resources.read_json("mentions.json")


TONE_LABELS = frozenset({"friendly", "unfriendly"})
CONTACT_CUE_LABELS = frozenset({"channel", "contact_verb", "comm_verb"})
ASIDE_ROLES = frozenset({"aside", "payment", "product", "comparison", "advert", "hypothetical", "employer", "background",
                         "errand"})
MAKER_SECTORS = frozenset(resources.read_json("mentions.json")["maker_sectors"])
RETAIL_SECTORS = frozenset(resources.read_json("mentions.json")["retail_sectors"])


SHOP_REFERENCES = resources.words("experiences.shop_references")
SHOP_REFERENCE_OWNERS = resources.words("experiences.shop_reference_owner_sectors")


def _shop_references(doc: Doc, sent: Span) -> list[Span]:
    """The words in the sentence that point at a shop and name no firm of their own ("de
    winkel", "de showroom")."""
    return [span for span in doc.spans.get(pipeline.KINDS, []) if span.label_ == "REF"
            and span.text.lower() in SHOP_REFERENCES and sent.start <= span.start < sent.end]


def _names_the_shop(doc: Doc, sent: Span) -> bool:
    """ "Dus ik dezelfde middag de winkel gebeld.": the sentence points at a shop, not in what
    someone said."""
    return any(not _reported_before(doc, sent.start, span.start) for span in _shop_references(doc, sent))


def _shop_reference_start(doc: Doc, sent: Span) -> int | None:
    """Where the sentence's "de winkel" stands (its first token), None when it has none."""
    return next((span.start for span in _shop_references(doc, sent)), None)


def _shop_between(named_at: list[tuple[int, int, str]], company: str, shop_at: int | None, cue: Span) -> bool:
    """ "een melding gedaan via het formulier van AEG, en ook de winkel gemaild": a contact word
    after "de winkel", with the maker's name nowhere between them, is the shop's, though the
    sentence names the maker too."""
    return shop_at is not None and shop_at < cue.start \
        and not any(c == company and shop_at < start < cue.start for start, _, c in named_at)


def _reported_before(doc: Doc, start: int, end: int) -> bool:
    """Is there a speech verb, "dat", a colon or a quote mark between ``start`` and ``end``? Then
    what follows is what someone said ("kreeg ik een mevrouw die zei dat de winkel het moest
    regelen"), not whom the writer contacted."""
    return any(t.lower_ in contact_rules.SPEECH_VERBS or t.lower_ in contact_rules.COMPLEMENTIZERS
               or t.text in contact_rules.QUOTE_TOKENS or t.text == ":" for t in doc[start:end])


def _the_retailer(facts: dict[str, "_Facts"]) -> "_Facts | None":
    """The story's one named shop: where a shop visit goes when the sentence is about a maker
    ("Dus ATAG gebeld ... Toen ben ik met de werkbon naar de winkel gegaan" is Expert's counter);
    a shop named only in passing ("ooit gekocht bij Belsimpel" in brackets) is none."""
    shops = [f for f in facts.values() if f.sector in RETAIL_SECTORS and f.named and f.roles - ASIDE_ROLES]
    return shops[0] if len(shops) == 1 else None


def read_story(doc: Doc, story: StoryText) -> Story:
    """The SPEC record of one analysed story."""
    sentences = docindex.sentences(doc)
    mentions = _company_mentions(doc)
    facts: dict[str, _Facts] = {}
    for m in mentions:
        if m.role == "ref":
            continue
        f = facts.setdefault(m.company, _Facts(m.company, m.sector, m.named, m.start))
        f.roles.add(m.role or ("reported" if m.subordinate == "reported" else "plain"))
    cue_sentences = {i for i, sent in enumerate(sentences)
                     if any(c.label_ in ("channel", "contact_verb", "comm_verb") for c in docindex.cues_in(sent))}
    owner_of = _attribute(doc, mentions, cue_sentences)

    def owner(span: Span) -> _Facts | None:
        # "Men was daar kortaf en verwees mij terug naar u": the tone is the subject's, not that of
        # a company named after it (a contact verb's object is: "Gisteren belde ik KPN")
        name = owner_of(span.start_char, name_after=span.label_ not in TONE_LABELS)
        return facts.get(name) if name else None

    by_name = [m for m in mentions if m.named and m.role != "ref"]  # named in the text, not a noun pointing back
    # a tally may count a firm by its kind noun: "veertien keer contact gehad met de notaris en
    # acht keer met Florius"
    tally_names = [m for m in mentions if m.company and (m.named or m.role == "ref")]
    names = [(m.start, m.end) for m in by_name]
    name_starts = {a for a, _ in names}
    kind_starts = {s.start for s in doc.spans.get(pipeline.KINDS, [])}
    addressee = _addressee(docindex.text(doc), by_name)
    told_to_third_party = _third_party_sentences(doc, mentions)
    retailer = _the_retailer(facts)
    for number, sent in enumerate(sentences):
        sent_cues = docindex.cues_in(sent)
        owned: dict[str, list[Span]] = defaultdict(list)
        moved: set[str] = set()  # makers whose shop cues in this sentence went to the retailer
        # "Ik ben meteen met de blikken naar de Praxis gereden": the writer's own words go with
        # the company gone to, however far behind them its name stands
        gone_to = _gone_to(facts, contact_rules.visit_destination(sent)) \
            if any(c.label_ == "self" for c in sent_cues) else None  # (only the writer's words move)
        # ("De bezorgers van Rhenus haalden hun schouders op. Dus ik de winkel gebeld.": the shop's call)
        to_shop = retailer is not None and _names_the_shop(doc, sent)
        named_at = _named_in_sentence(doc, sent, by_name) if to_shop else []
        named_here = {c for _, _, c in named_at}
        shop_at = _shop_reference_start(doc, sent) if to_shop else None
        for cue in sent_cues:
            if cue.label_ == "channel" and any(a <= cue.start_char and cue.end_char <= b for a, b in names):
                continue  # "Loket" in "Juridisch Loket" is part of a name, no desk visited
            if cue.label_ == "channel" and cue.start in kind_starts and cue.end < len(doc) \
                    and doc[cue.end].idx in name_starts:
                continue  # "installateur Warmtefix", "monteursbedrijf Kok": the kind word before a name
            f = gone_to if gone_to is not None and cue.label_ == "self" else owner(cue)
            if f is None:
                continue
            if retailer is not None and cue.label_ in ("channel", "contact_verb") and cue.id_.startswith("shop") \
                    and f.sector in MAKER_SECTORS:
                moved.add(f.company)  # "naar de winkel gegaan" in a story about the maker is the shop's
                f = retailer
            elif to_shop and cue.label_ in CONTACT_CUE_LABELS and f.sector in SHOP_REFERENCE_OWNERS \
                    and (f.company not in named_here or _shop_between(named_at, f.company, shop_at, cue)):
                moved.add(f.company)  # "de winkel gebeld" while the carrier or the maker is the topic
                f = retailer
            if cue.text.lower().startswith(LETTER_OPENERS) and addressee is not None and addressee.company != f.company:
                continue  # "Aan de Nationale ombudsman ... Hierbij dien ik een klacht in": the letter is theirs
            owned[f.company].append(cue)
            # "Ik heb het Juridisch Loket gebeld voor advies": a contact with a disputes body or
            # adviser, in a sentence that does not name the company, is not with the company
            with_company = f.company in told_to_third_party.get(number, {f.company})
            if cue.label_ == "channel" and with_company and contact_rules.channel_used(sent, cue, sent_cues):
                f.channels[cue.id_].append(cue)
            elif cue.label_ in judgements.CUE_LABELS and with_company and judgements.applies(cue):
                # ("Juridisch Loket gebeld (die waren wél aardig)": the adviser's tone, not the company's)
                f.judgement_cues.append(cue)
        # (only a sentence with "keer" or a count noun in it can hold a tally: the mentions are not
        # scanned for the rest)
        tallies = contact_rules.company_tallies(sent, _named_in_sentence(doc, sent, tally_names)) \
            if any(t.lower_ in contact_rules.TALLY_WORDS or t.lower_ in contact_rules.TALLY_LIST_HEADS for t in sent) else {}
        if not tallies and (each := contact_rules.each_tally(sent)) is not None:
            # "Zes keer aan de bel getrokken, drie keer bij elk.": every company contacted so far
            contacted = [c for c, f in facts.items() if f.contact_sentences]
            tallies = {c: each for c in contacted} if len(contacted) >= 2 else {}
        for company, n in tallies.items():
            if company in facts:  # "Alles bij elkaar: negen keer Vueling, vijf keer Budgetair"
                facts[company].tallies[sent.start] = n
                facts[company].contact_sentences.append(sent)
        if not tallies and (all_of := contact_rules.to_all_of_them(sent)) is not None:
            # "Na afloop heb ik alle drie een mail gestuurd": the one mail to each of the three
            served = [f for f in facts.values() if f.named and f.roles & {"plain", "seller"} and f.first_char < sent.start_char]
            if len(served) == all_of:
                for f in served:
                    if sent not in f.contact_sentences:
                        f.contact_sentences.append(sent)
                        for cue in sent_cues:
                            if cue.label_ == "channel" and contact_rules.channel_used(sent, cue, sent_cues):
                                f.channels[cue.id_].append(cue)
                continue
        reached: set[str] = set()
        for company, own in owned.items():
            if company in tallies or company not in told_to_third_party.get(number, {company}):
                continue
            if company in moved and not any(c.label_ in CONTACT_CUE_LABELS for c in own):
                continue  # the visit was the shop's; the maker keeps only the sentence's tone
            if gone_to is not None and company != gone_to.company and contact_rules.contact_events(sent, own) == ["shop"]:
                continue  # "ben ik eerst naar Reisbureau Zonnig gegaan": the visit is the place gone to's only
            if own and all(c.label_ in judgements.CUE_LABELS for c in own) and any(
                    any(c.label_ in CONTACT_CUE_LABELS for c in other) for o, other in owned.items() if o != company):
                continue  # "Vriendelijk waren ze wel, maar ik ben naar de winkel van X gegaan": a tone word left to the topic is no contact
            if contact_rules.sentence_has_contact(sent, own):
                facts[company].contact_sentences.append(sent)
                reached.add(company)
            elif contact_rules.message_from_company(sent, own):
                facts[company].sent_to_customer = True
        if len(reached) >= 2:
            _split_shared_sentence(sent, owned, reached, facts)
        if reached:
            _share_with_co_addressees(doc, sent, sent_cues, facts, reached, _named_in_sentence(doc, sent, tally_names))
    if addressee is not None and addressee.company in facts:
        _count_own_letter(sentences, facts[addressee.company])
    _tally_to_contacted(facts)
    _story_totals_apart(facts)
    for span in doc.spans[pipeline.WAITS] if pipeline.WAITS in doc.spans else []:
        f = owner(span)
        # "een klacht bij de Inspectie, die volgens hun site binnen acht weken reageert": a wait
        # in a sentence about a disputes body, which does not name the company, is the body's
        if f is not None and f.company in told_to_third_party.get(docindex.sentence_number(doc, span.start), {f.company}):
            f.waits.append(span)

    experiences, mentioned = [], []
    served = [f for f in facts.values() if _is_experience(f)]
    named_in: dict[str, set[int]] = defaultdict(set)
    for m in by_name:
        token = _tokens_of(doc, m)
        if m.company and token is not None:
            named_in[m.company].add(docindex.sentence_number(doc, token.start))
    for f in sorted(facts.values(), key=lambda f: f.first_char):
        if _is_experience(f) and not _thin_beside(f, served, named_in[f.company]):
            experiences.append(_experience(f, doc))
        elif f.named:
            mentioned.append(f.company)
    judgements.share_story_outcome(experiences)
    judgements.infer_untold_outcome(experiences)
    return Story(id=story.id, date=story.date, experiences=experiences, mentions=mentioned, source=story.path)


LETTER_SALUTATIONS = resources.words("experiences.letter_salutations")


def _count_own_letter(sentences: list[Span], f: _Facts) -> None:
    """A story written as a letter to the company ("Aan: ...", "Geachte heer, mevrouw,") is itself
    a contact by letter (corpus decision 32). When no sentence says so ("Met deze brief ...",
    "Hierbij ..."), its salutation stands for it."""
    if any(contact_rules.tells_this_message(s) or s[0].lower_ in LETTER_OPENERS for s in f.contact_sentences):
        return
    salutation = next((s for s in sentences[:12] if s[0].lower_ in LETTER_SALUTATIONS), None)
    if salutation is None:
        return
    if any(span.start < salutation.start for span in f.channels.get("letter", [])) \
            and any(s.start < salutation.start for s in f.contact_sentences):
        return  # "Aangetekend" above "Geachte heer, mevrouw,": the letter's head told it already
    contact_rules.mark_own_letter(salutation)
    f.contact_sentences.append(salutation)
    f.channels["letter"].append(salutation[:1])


def _split_shared_sentence(sent: Span, owned: dict[str, list[Span]], reached: set[str],
                           facts: dict[str, "_Facts"]) -> None:
    """ "Ik heb toen Evides gebeld en de gemeente Breda gemaild", "een mail naar Vitens en een
    brief naar de gemeente": a sentence that tells contacts with two or more companies, each on
    channels of its own, counts for each only the contacts on its own channels. When two of them
    share a channel ("Ik heb Evides en Stedin gebeld") the sentence is left whole."""
    channels = {company: contact_rules.own_contact_channels(owned[company]) for company in reached}
    if any(not ch for ch in channels.values()) or sum(map(len, channels.values())) != len(set().union(*channels.values())):
        return
    for company, own in channels.items():
        facts[company].own_channels[sent.start] = own


def _share_with_co_addressees(doc: Doc, sent: Span, sent_cues: list[Span], facts: dict[str, "_Facts"],
                              reached: set[str], named: list[tuple[int, int, str]]) -> None:
    """ "een mail gestuurd aan Brons en aan Kuiper", "met Otten in de cc": the contact, and the
    channels it used, go to every firm it was addressed to."""
    for company in contact_rules.co_addressees(sent, named, reached):
        f = facts.get(company)
        if f is None or sent in f.contact_sentences:
            continue
        f.contact_sentences.append(sent)
        for cue in sent_cues:
            if cue.label_ == "channel" and contact_rules.channel_used(sent, cue, sent_cues):
                f.channels[cue.id_].append(cue)


def _named_in_sentence(doc: Doc, sent: Span, by_name: list[_Mention]) -> list[tuple[int, int, str]]:
    """The companies named in a sentence, as (first token, end token, company)."""
    out = []
    for m in by_name:
        if sent.start_char <= m.start < sent.end_char and m.company:
            tokens = _tokens_of(doc, m)
            if tokens is not None:
                out.append((tokens.start, tokens.end, m.company))
    return out


def _tokens_of(doc: Doc, m: _Mention) -> Span | None:
    """The tokens a mention covers (its characters widened to whole tokens), None off the Doc."""
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _company_mentions(doc: Doc) -> list[_Mention]:
    """Named companies and kind nouns in text order, kinds resolved to a named company of
    their sector when the story has one ("de provider" -> KPN)."""
    text = docindex.text(doc)  # Doc.text joins every token on each call: read it once
    named: list[_Mention] = []
    spans = sorted(doc.spans[pipeline.COMPANIES], key=lambda s: (s.start_char, -(s.end_char - s.start_char))) \
        if pipeline.COMPANIES in doc.spans else []
    last_end = -1
    owned: set[str] = set()  # brands named as the writer's product so far
    for span in spans:
        if span.start_char < last_end:
            continue
        last_end = span.end_char
        if _login_means(text, span.start_char, span.end_char):
            continue  # "inloggen met DigiD", "de DigiD-app": a tool the writer used, no company named
        sector = span.kb_id_ if span.label_ == "UNKNOWN" else span.label_
        role = _mention_role(text, span.start_char, span.end_char, sector, from_table=span.label_ != "UNKNOWN")
        model = MODEL_AFTER.match(text, span.end_char)
        if not role and span.label_ in PRODUCT_SECTORS and model and model.group().strip() not in NOT_MODELS:
            role = "product"  # "een Fiat Panda", "de fietsen (Gazelle Ultimate)", "mijn Samsung Galaxy"
        if not role and span.label_ == "electronics" and _thing_of(text, span.start_char):
            role = "product"  # "een vaatwasser van Bosch": the appliance, not a company dealt with
        if not role and span.label_ == "electronics" and A_THING.search(text, max(0, span.start_char - 6), span.start_char):
            role = "product"  # "bij youfone een Samsung gekocht": one device of the make
        if not role and span.label_ == "UNKNOWN" and A_THING.search(text, max(0, span.start_char - 6), span.start_char) \
                and THING_AFTER.match(text, span.end_char):
            role = "product"  # "een KitchenAid keukenmachine besteld": a make found from context
        if not role and span.label_ in PRODUCT_SECTORS and A_THING.search(text, max(0, span.start_char - 6), span.start_char) \
                and WITH_PART.match(text, span.end_char):
            role = "product"  # "een Gazelle met Bosch-middenmotor": one thing of the make, with its parts
        if not role and span.label_ in PRODUCT_SECTORS and A_THING.search(text, max(0, span.start_char - 6), span.start_char) \
                and _rented_or_bought_before(doc, span.start_char) and not text.startswith("-", span.end_char):
            role = "product"  # "Op 8 april huurde ik een Peugeot": one thing of the make, rented or bought
        if not role and span.label_ in PRODUCT_SECTORS and _product_head_after(text, span.end_char):
            role = "product"  # "met Bosch middenmotor", "een Miele wasmachine": a part or appliance of the make
        if not role and PRODUCT_ADJECTIVE.search(text, max(0, span.start_char - 30), span.start_char) \
                and not text.startswith("-", span.end_char):
            role = "product"  # "Mooie Gazelle, contract van 36 maanden", "mijn oude Samsung": the thing owned
        if not role and span.label_ in PRODUCT_SECTORS and A_DESCRIBED_THING.search(text, max(0, span.start_char - 30), span.start_char) \
                and not text.startswith("-", span.end_char):
            role = "product"  # "een crèmekleurige Mercedes-Benz uit 1968", "een rode Volvo": one thing of the make
        if not role and span.label_ in PRODUCT_SECTORS and OWN_THING.search(text, max(0, span.start_char - 30), span.start_char) \
                and not text.startswith("-", span.end_char):
            role = "product"  # "bleek onze Kia ergens anders te staan", "mijn Philips": the make the writer owns
        if not role and span.label_ in PRODUCT_SECTORS and span.text.islower() \
                and THE_THING.search(text, max(0, span.start_char - 8), span.start_char):
            role = "product"  # "aan met de volvo en de knaus erachter": a make typed in lower case is the thing
        if not role and span.label_ == "electronics" and THE_THING.search(text, max(0, span.start_char - 8), span.start_char) \
                and OWNED_BY_SOMEONE.match(text, span.end_char):
            role = "product"  # "met de Lenovo van mijn huisgenoot": the device someone owns
        if not role and span.id_ in owned and THE_THING.search(text, max(0, span.start_char - 8), span.start_char):
            role = "product"  # "een Kia Niro ... dat de Kia klaar was": the car again, not the maker
        if not role and sector in REIMBURSE_SECTORS and REIMBURSES.match(text, span.end_char) \
                and any(m.company != span.id_ for m in named):
            role = "payment"  # "bij ZichtVrij gelaserd ... Zilveren Kruis vergoedt er niets van": who pays, not who served
        if role == "product" and _own_side_compound(text, span.end_char):
            role = ""  # "chat op de HP-site", "mijn Philips-account": the company's own side, no thing owned
        if role == "product":
            owned.add(span.id_)
        named.append(_Mention(span.start_char, span.end_char, span.id_, sector or "other", True, role,
                              from_context=span.label_ == "UNKNOWN",
                              subordinate=_in_subordinate_clause(doc, docindex.sentence_of(span), span.start_char, span.end_char)))
    for m in named:
        if not m.role and _anothers_document(text, m, named):
            m.role = "aside"  # "Interpolis belt: ze willen de brief van Smitskamp zien"
    # "Deuk in de Kia" (the headline) before "mijn Kia Picanto", "wachten op een Peugeot" before "een
    # Peugeot 208": a make owned as a product somewhere is the product wherever an article or
    # possessive stands before it
    for m in named:
        if not m.role and m.company in owned and not _own_side_compound(text, m.end) \
                and (THE_THING.search(text, max(0, m.start - 8), m.start) or A_THING.search(text, max(0, m.start - 6), m.start)):
            m.role = "product"
    kinds: list[_Mention] = []
    addressee = _addressee(text, named)
    for span in doc.spans[pipeline.KINDS] if pipeline.KINDS in doc.spans else []:
        if any(m.start <= span.start_char < m.end for m in named) or _idiom(doc, span) or _sofa(doc, span):
            continue
        subordinate = _in_subordinate_clause(doc, docindex.sentence_of(span), span.start_char, span.end_char)
        heading = _heading(text, span)
        definite = _definite(doc, span) or heading
        if not (definite or _introduced(doc, span) and not subordinate):
            continue  # "van bank gewisseld", "een aannemer": generic or new, not a company named by kind
        if span.label_ == "REF":
            target = addressee if addressee is not None and _addressed(doc, span) else None
            kinds.append(_Mention(span.start_char, span.end_char, target.company if target else "",
                                  target.sector if target else "", target is not None, "ref"))
            continue
        # "Dus bel ik een loodgieter": a firm the writer brings in is nobody's hands
        # (a heading opens its own section: it never points ahead to a company named below it)
        target = _refers_to(span, named, backward_only=heading) \
            or (_earlier_kind(span, kinds) if not _contacted_agency(span) else None) \
            or (_principal(span, named, kinds) if definite else None)
        if target is not None and target.sector != span.label_ and span.start > 0 and doc[span.start - 1].lower_ in THEIR_OWN:
            target = None  # "de schade ging naar hun verzekeraar": the firm's own supplier, another kind of firm
        if target is not None:
            # "zag dat de opticien een fout maakte": a kind in a subordinate clause does not
            # take the story either; nor does one whose document is sent along ("met de
            # facturen en het verslag van de dierenarts")
            window = _mention_cues()["window"]
            aside = _carried_document(_lowered_before(text, span.start_char, window), _mention_cues())
            # (a kind word right before a name only mentioned, "Mijn zorgverzekeraar VGZ heeft
            # het grootste deel betaald", is mentioned as the name is)
            passing = target.role if target.role in PASSING_ROLES and 0 <= target.start - span.end_char <= 2 else ""
            kinds.append(_Mention(span.start_char, span.end_char, target.company, target.sector, True,
                                  "aside" if aside else passing or "ref", subordinate=subordinate))
        elif span.id_ in _refers_only_kinds() or not _may_create(doc, span):
            continue
        else:
            role = "background" if span.id_ in _background_kinds() else \
                _mention_role(text, span.start_char, span.end_char, span.label_)
            kinds.append(_Mention(span.start_char, span.end_char, span.id_, span.label_, False, role,
                                  subordinate=subordinate))
    if not any(m.role in ("", "seller") and m.company.lower() not in _third_parties() for m in named + kinds):
        kinds += _unnamed_counterpart(doc, text, named)
    if addressee is not None:
        # a letter speaks to its addressee: "uw jaarafrekening", "uw medewerker" (outside quotes,
        # where staff say "uw" to the writer) point back to it
        taken = {m.start for m in named + kinds}
        # ("Na uw afwijzing ben ik daar langsgegaan": a time told by the addressee's act, while
        # the sentence is about the place gone to)
        kinds += [_Mention(t.idx, t.idx + len(t), addressee.company, addressee.sector, True, "ref")
                  for t in doc if t.lower_ in ("uw", "u") and t.idx not in taken and t.idx > addressee.end
                  and not _inside_quote(doc, t.i) and not (t.i > 0 and doc[t.i - 1].lower_ in LETTER_TIME_BEFORE_UW)
                  and not _recipient_of_other(doc, t)]
    kinds += _own_word_refs(doc, text, named, kinds)
    kinds += _town_council_refs(doc, text, named, kinds)
    kinds += _private_owner(doc, text, named, kinds)
    kinds += _first_name_refs(doc, text, named, kinds)
    kinds += _staff_noun_refs(doc, text, named, kinds)
    _name_kinds_as_written(doc, kinds)
    return sorted(named + kinds, key=lambda m: m.start)


@cache
def _organisation_words() -> frozenset[str]:
    return frozenset(resources.read_json("unknown_companies.json")["kind_before"])


def _own_word_refs(doc: Doc, text: str, named: list[_Mention], kinds: list[_Mention]) -> list[_Mention]:
    """ "Theater De Spiegelhal ... Dan het theater. ... we hebben het theater negen keer gebeld":
    a name that opens with its own kind word ("Theater", "Bakkerij") is what "het theater" and
    "de bakkerij" point back to, when no other named company opens with that word. Kinds of
    the kind table ("het hotel") are read by it already; these words name no company alone.
    Words that also name a thing ("de taxi" is the ride, "de zaak" the case) and words inside
    quotes (the staff's own "voor de provincie") point nowhere. A shorter kind word the first
    word starts with points back too ("de fysio" for "Fysiotherapie Molenwijk")."""
    skip = frozenset(_mention_cues()["own_word_ref_skip"])
    by_word: dict[str, set[str]] = defaultdict(set)
    first_at: dict[str, _Mention] = {}
    for m in named:
        words = m.company.split()
        first = words[0].lower()
        # ("het park" for "Vakantiepark De Zilvermeeuw": the head of a compound first word too;
        # "Judoclub Tatami ... de club": a first word that is a compound of a membership head counts)
        heads = {h for h in ORG_HEADS if len(h) >= 4 and first.endswith(h) and first != h}
        if m.company in first_at or not (len(words) >= 2 and words[0][:1].isupper() and not m.role
                                         and (first in _organisation_words() or heads)):
            continue
        for word in {first} | {w for w in _organisation_words() if len(w) >= 5 and first.startswith(w)} | heads:
            by_word[word].add(m.company)
        first_at[m.company] = m
    taken = [(m.start, m.end) for m in named + kinds]
    refs = []
    for word, companies in by_word.items():
        if len(companies) != 1 or word in _kind_words() or word in skip:
            continue
        m = first_at[next(iter(companies))]
        refs += _refs_after(doc, text, m, re.compile(rf"\b(?:{NAMING})\s+({re.escape(word)})\b"), taken)
    return refs


NAMING = "|".join(resources.phrases("experiences.naming_determiners"))  # "het bureau" after "Bureau X"
COMPOUND_HEADS = frozenset(resources.read_json("unknown_companies.json")["compound_kind_heads"])
# heads of a membership body: "Judoclub Tatami" is what "de judoclub" and "de club" point back to
MEMBERSHIP_HEADS = resources.words("experiences.membership_heads")
ORG_HEADS = COMPOUND_HEADS | MEMBERSHIP_HEADS
# "VV Ommeland ... de club": the letters that open a sports club's name say it is a club
CLUB_PREFIXES = frozenset(resources.read_json("unknown_companies.json")["club_prefixes"])


def _refs_after(doc: Doc, text: str, m: _Mention, pattern: re.Pattern, taken: list[tuple[int, int]],
                place_before: frozenset[str] = frozenset()) -> list[_Mention]:
    """The nouns after ``m`` that ``pattern`` finds (its first group), each a mention pointing
    back to m's company; not where a company or kind was found already, not inside quotes, not
    after a word of ``place_before`` ("in de stad")."""
    refs = []
    for hit in pattern.finditer(text, m.end):
        start, end = hit.start(1), hit.end(1)
        token = doc.char_span(start, end, alignment_mode="expand")
        if token is None or any(a < end and start < b for a, b in taken) or _inside_quote(doc, token.start) \
                or any(text[: hit.start()].lower().endswith(f" {w} ") for w in place_before):
            continue
        refs.append(_Mention(start, end, m.company, m.sector, True, "ref", subordinate=_in_subordinate_clause(
            doc, docindex.sentence_of(token), start, end)))
    return refs


def _first_name_refs(doc: Doc, text: str, named: list[_Mention], kinds: list[_Mention]) -> list[_Mention]:
    """ "Wim Claes, de metselaar, had de garage van de buren gezet ... Ik heb Wim in maart gebeld":
    a tradesman's business named by his own full name, found from context, is what his first name
    alone points back to after it, when no other such company shares that first name (a person of
    the story with the same first name is not checked)."""
    taken = [(m.start, m.end) for m in named + kinds]
    refs = []
    owners: dict[str, set[str]] = defaultdict(set)
    first_at: dict[str, _Mention] = {}
    for m in named:
        words = m.company.split()
        if m.from_context and len(words) == 2 and words[0] in first_names() and words[1][:1].isupper():
            owners[words[0]].add(m.company)
            first_at.setdefault(m.company, m)
    for first, companies in owners.items():
        if len(companies) != 1:
            continue  # two firms of one first name: the first name alone is neither
        m = first_at[next(iter(companies))]
        # the first name alone, not as the start of a full name again ("Wim Claes", "Wim Peeters")
        refs += _refs_after(doc, text, m, re.compile(rf"\b({re.escape(first)})\b(?![ \t]+[A-Z])"), taken)
    return refs


def _staff_words(key: str) -> str:
    """A word list of mentions.json as a regex alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(resources.read_json("mentions.json")[key], key=len, reverse=True))


STAFF_INTRODUCTION = re.compile(
    rf"(?i:\b(?:{_staff_words('staff_introduction_determiners')})\s+)({_staff_words('introduced_staff_nouns')})"
    rf"\s+(?:{_staff_words('staff_introduction_prepositions')})\s+(?:(?:{_staff_words('staff_introduction_articles')})\s+)?$")
STAFF_REFERENCE = rf"(?i:\b(?:{_staff_words('staff_reference_determiners')})\s+)"
STAFF_NOT_INTRODUCED_AGAIN = rf"(?![ \t]+(?:{_staff_words('staff_introduction_prepositions')})\b)"


def _staff_noun_refs(doc: Doc, text: str, named: list[_Mention], kinds: list[_Mention]) -> list[_Mention]:
    """ "het rapport is via onze adviseur van De Hypotheekshop naar ING gegaan ... Ik heb onze
    adviseur gemaild": a staff member introduced by the firm they work for is that firm where the
    story names them again ("de adviseur", "onze adviseur"), when no other firm is introduced with
    the same noun."""
    taken = [(m.start, m.end) for m in named + kinds]
    firms: dict[str, set[str]] = defaultdict(set)
    first_at: dict[tuple[str, str], _Mention] = {}
    for m in named + kinds:  # ("de contactpersoon van de garage": a firm known by its kind counts too)
        if not m.company or m.role == "ref":
            continue
        intro = STAFF_INTRODUCTION.search(text, max(0, m.start - 45), m.start)
        if intro:
            noun = intro.group(1).lower()
            firms[noun].add(m.company)
            first_at.setdefault((noun, m.company), m)
    refs = []
    for noun, companies in firms.items():
        if len(companies) != 1:
            continue  # "de adviseur van de bank" and "de adviseur van het kantoor": neither alone
        m = first_at[(noun, next(iter(companies)))]
        if m.role:
            continue  # an employer, a carrier or a firm only compared: its staff are no contact of the story's
        refs += _refs_after(doc, text, m, re.compile(rf"{STAFF_REFERENCE}({re.escape(noun)})\b{STAFF_NOT_INTRODUCED_AGAIN}"), taken)
    return refs


def _town_council_refs(doc: Doc, text: str, named: list[_Mention], kinds: list[_Mention]) -> list[_Mention]:
    """ "De stad Lier geeft een premie ... via het e-loket van de stad ... de stad gebeld": a
    council named "de stad X" (decision 201) or "Stad Gent" is what "de stad" points back to after it, except
    where the town is only a place ("in de stad koffie gaan drinken", "naar de stad")."""
    # ("Stad Gent ... de stad": a council that goes by "Stad" is named so in the table)
    councils = [m for m in named if m.company.startswith("Stad ") and m.sector == "government"
                or m.company.startswith("Gemeente ")
                and re.search(rf"\b[Dd]e stad {re.escape(m.company.split(' ', 1)[1])}\b", text)]
    if len({c.company for c in councils}) != 1:
        return []
    return _refs_after(doc, text, councils[0], THE_TOWN, [(k.start, k.end) for k in named + kinds], TOWN_AS_PLACE_BEFORE)


POINTING = "|".join(resources.phrases("experiences.pointing_determiners"))  # "de", "die", "deze"
THE_TOWN = re.compile(rf"\b(?:{POINTING})\s+({'|'.join(resources.phrases('experiences.town_nouns'))})\b(?!\s+[A-Z])")
TOWN_AS_PLACE_BEFORE = resources.words("experiences.town_as_place_before")


PRIVATE_OWNER = "(eigenaar)"
OWNER = "|".join(resources.phrases("experiences.owner_nouns"))  # "eigenaar"
OWNER_OF = "|".join(resources.phrases("experiences.owner_named_possessives"))  # "van ons huisje is ..."
OWNER_IS = "|".join(resources.phrases("experiences.owner_named_copulas"))
OWNER_NAMED = re.compile(rf"\b[Dd]e (?P<owner>{OWNER})(?:,[ \t]+(?P<name>[A-Z][\w-]+)[,.]| van (?:{OWNER_OF}) [a-z]+ (?:{OWNER_IS})[ \t]+(?P<name2>[A-Z][\w-]+)\b)")
THE_OWNER = re.compile(rf"\b(?:{POINTING})\s+({OWNER})\b(?!\s+van\s+[A-Z])")
HOLIDAY_HOMES = resources.words("experiences.holiday_homes")
OWNER_FIRM_WORDS = resources.words("experiences.owner_firm_words")
HOLIDAY_PLATFORMS = resources.words("experiences.holiday_platforms")
OWNER_DEALT_WITH = "|".join(resources.phrases("experiences.owner_dealt_with_after"))  # "gebeld", "een" ...
PRIVATE = "|".join(resources.phrases("experiences.private_owner_adjectives"))  # "particuliere"
PLATFORM_OWNER = re.compile(rf"\b(?:[Dd]e (?P<owner>{OWNER})[ \t]+(?:{OWNER_DEALT_WITH})\b|(?:{PRIVATE}) (?P<owner2>{OWNER}))")


def _private_owner(doc: Doc, text: str, named: list[_Mention], kinds: list[_Mention]) -> list[_Mention]:
    """ "We hadden via Belvilla een appartement geboekt ... De eigenaar, Jean-Marc, woont in het
    dorp": a private owner of a holiday home, known only by a first name, is the bracketed kind
    (decision 192), and "de eigenaar" and his first name point back to him. So is "de eigenaar"
    the writer calls, in a story booked through a holiday platform ("We hebben meteen de
    eigenaar gebeld"). The owner of a named shop or firm is its staff: only a story about a
    holiday home, camper or flat has one."""
    if not HOLIDAY_HOMES & {t.lower_ for t in doc}:
        return []
    hit = next((h for h in OWNER_NAMED.finditer(text)
                if (h.group("name") or h.group("name2")).split("-")[0] in first_names()), None)
    first = hit and (hit.group("name") or hit.group("name2"))
    if hit is None and any(m.company in HOLIDAY_PLATFORMS for m in named):
        hit = PLATFORM_OWNER.search(text)  # "de eigenaar gebeld", "een particuliere eigenaar"
    if hit is None or any(part.startswith(tuple(HOLIDAY_HOMES | OWNER_FIRM_WORDS)) for m in named
                          for part in m.company.lower().split()):
        return []  # ("Zwerfkei Campers ... de eigenaar, Gerrit": the rental firm's own owner)
    taken = [(k.start, k.end) for k in named + kinds]
    start = next(hit.start(g) for g in ("owner", "owner2") if g in hit.re.groupindex and hit.group(g))
    end = next(hit.end(g) for g in ("owner", "owner2") if g in hit.re.groupindex and hit.group(g))
    owner = _Mention(start, end, PRIVATE_OWNER, "housing", False, "")
    refs = _refs_after(doc, text, owner, THE_OWNER, taken + [(owner.start, owner.end)])
    if first:
        refs += _refs_after(doc, text, owner, re.compile(rf"(?<![\w-])({re.escape(first)})(?![\w-])"), taken)
    return [owner] + refs


LETTER_TIME_BEFORE_UW = frozenset(resources.read_json("mentions.json")["letter_time_before_uw"])
LETTER_WRITER_WORDS = frozenset(resources.read_json("mentions.json")["letter_writer_words"])


def _recipient_of_other(doc: Doc, tok) -> bool:
    """ "Later heb ik ze gebeld, en de audicien beloofde een verslag naar u te sturen": the
    addressee as where someone else sends something ("naar u", "aan u", in a clause without the
    writer) is the recipient; the sentence stays with the company the story was about. ("Ik heb
    een brief naar u gestuurd" is the writer's contact with the addressee.)"""
    if tok.lower_ != "u" or tok.i == 0 or doc[tok.i - 1].lower_ not in ("naar", "aan"):
        return False
    sent = doc[tok.i].sent
    k = tok.i - 1
    while k > sent.start and doc[k - 1].text not in (",", ";", ":") and doc[k - 1].lower_ not in ("en", "maar"):
        k -= 1
    return not any(t.lower_ in LETTER_WRITER_WORDS for t in doc[k : tok.i])


THING_OF = re.compile(r"(?:\b(?i:een|mijn|m'n|onze|ons|de|het|en|of)[ \t]+|(?:^|[.!?:]\s+))(?P<noun>[A-Za-zà-ÿ](?:[\w]*-)?[a-zà-ÿ]{2,})[ \t]+van[ \t]+$")
THING_IS_OF = re.compile(rf"\b(?i:mijn|m'n|onze|ons|de|het|die|deze)[ \t]+(?P<noun>[a-zà-ÿ-]{{3,}})[ \t]+(?:{'|'.join(resources.phrases('experiences.owner_named_copulas'))})[ \t]+van[ \t]+$")


def _login_means(text: str, start: int, end: int) -> bool:
    """A means to log in named as the tool used ("inloggen met DigiD", "via het formulier, met
    DigiD", "de DigiD-app"): "met" or "via" before it, or an app or code word after it. The
    operator behind it is neither dealt with nor mentioned."""
    cues = _mention_cues()
    if text[start:end].lower() not in cues["login_services"]:
        return False
    return LOGIN_BEFORE.search(text, max(0, start - 6), start) is not None \
        or text[end : end + 12].lower().startswith(tuple(cues["login_after"]))


LOGIN_BEFORE = re.compile(r"\b(?i:met|via)\s+$")


SERVICE_HEADS = tuple(resources.read_json("mentions.json")["service_heads"])


def _thing_of(text: str, start: int) -> bool:
    """ "een vaatwasser van Bosch", "kookplaat en vaatwasser van Bosch", "mijn telefoon van Samsung":
    a thing of the brand, unless the
    noun is the company's service or a channel ("de klantenservice van Bosch", "een mail van")."""
    m = THING_OF.search(text, max(0, start - 40), start)
    if m is None:
        # ("De accu is van Bosch": a thing's make told with a copula, for a thing's head word only)
        m = THING_IS_OF.search(text, max(0, start - 40), start)
        return m is not None and m.group("noun").lower().endswith(PRODUCT_HEADS)
    noun = m.group("noun").lower()  # "Apparatuur van ATAG" opens its sentence
    # ("de serviceafdeling van Bauknecht": a compound of a service word is the company's own)
    return noun not in _service_words() and not noun.endswith(SERVICE_HEADS)


@cache
def _service_words() -> frozenset[str]:
    """Nouns that make "X van <brand>" the company's own people, places or messages."""
    words = set(resources.word_lines("product_compounds.txt"))
    for name in ("channels.jsonl", "contacts.jsonl"):
        words |= {row["pattern"].lower() for row in resources.read_jsonl(name) if " " not in row["pattern"]}
    return frozenset(words | set(resources.read_json("unknown_companies.json")["service_nouns"]))


# a brand followed by a model name or number is a product the writer owns, not a company dealt with
PRODUCT_SECTORS = frozenset(resources.read_json("mentions.json")["product_sectors"])
A_THING = re.compile(r"(?:\b(?i:een|twee|drie)|(?i:zo'n|zo’n))[ \t]+$")
PRODUCT_ADJECTIVE = re.compile(
    r"(?:(?:^|[.!?:]\s+)|(?:\b(?i:een|mijn|m'n|onze|ons|zijn|haar|de|het|die|deze)|(?i:zo'n|zo’n))[ \t]+)(?i:"
    + "|".join(re.escape(w) for w in resources.read_json("mentions.json")["product_adjectives"]) + r")[ \t]+$")
WITH_PART = re.compile(r"[ \t]+met[ \t]+")  # "een Gazelle met Bosch-middenmotor"
A_DESCRIBED_THING = re.compile(r"\b(?i:een)[ \t]+[a-zà-ÿ-]{3,}en?[ \t]+$")  # "een rode", "een crèmekleurige", "een zilveren"
PRODUCT_HEADS = tuple(resources.read_json("mentions.json")["product_heads"])
WORD_AFTER = re.compile(r"[ \t]+(?P<word>[a-zà-ÿ]{3,})\b")


def _product_head_after(text: str, end: int) -> bool:
    """ "Bosch middenmotor", "Miele wasmachine": the make followed by a lower-case noun that
    ends in a thing's head word (a verb after the name, "Bosch gebeld", is none)."""
    m = WORD_AFTER.match(text, end)
    return m is not None and m.group("word").endswith(PRODUCT_HEADS)


# ("via de Samsung Members-app": a sub-brand word may stand between)
OWN_SIDE_COMPOUND = re.compile(r"(?:[ \t]+[A-Z][\w]+)?-(?:" + "|".join(re.escape(w) for w in resources.read_json("mentions.json")["own_side_compound_heads"])
                               + r")\b", re.IGNORECASE)


def _own_side_compound(text: str, end: int) -> bool:
    """ "de HP-site", "mijn Philips-account": a make joined by a hyphen to a word for the
    company's own side (its site, account, shop, helpdesk) is the company, not the thing owned."""
    return OWN_SIDE_COMPOUND.match(text, end) is not None


THING_AFTER = re.compile(r"[ \t]+[a-zà-ÿ]{4,}\b")  # a lower-case noun right after a name: the thing of that make
REIMBURSE_SECTORS = frozenset(resources.read_json("mentions.json")["reimburse_sectors"])
REIMBURSES = re.compile(r"[ \t]+(?:" + "|".join(re.escape(w) for w in resources.read_json("mentions.json")["reimburse_after"])
                        + r")\b")  # an insurer named, a firm named before it: "Menzis vergoedt 75 procent"
OWN_THING = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in resources.read_json("mentions.json")["possessives"])
                       + r")[ \t]+(?:[a-zà-ÿ]{3,}e[ \t]+)?$", re.IGNORECASE)
# "onze Kia", "mijn halfdode Samsung": the writer's own car or device (an inflected adjective between)
THE_THING = re.compile(r"\b(?:[Dd]e|[Hh]et|[Mm]ijn|m'n|[Oo]nze|[Dd]ie|[Dd]eze)[ \t]+$")
# "met de Lenovo van mijn huisgenoot": a device someone owns
OWNED_BY_SOMEONE = re.compile(r"[ \t]+van[ \t]+(?:[Mm]ijn|m'n|[Zz]ijn|[Hh]aar|[Oo]nze|[Oo]ns|[Hh]un)\b")
NOT_MODELS = frozenset(resources.read_json("mentions.json")["not_model_names"])  # "Volkswagen Nederland"
MODEL_AFTER = re.compile(r"[ \t]+(?:[A-Z][a-z]+|[A-Z0-9][A-Z0-9-]{1,})\b")


ADDRESS_LINE = re.compile(r"^[ \t]*(?:aan|t\.?a\.?v\.?|ter attentie van)\b|^[^\n]{0,40}[ \t,](?:t\.a\.v\.|ter attentie van)",
                          re.IGNORECASE | re.MULTILINE)
# "Gemeente Haarlem / Afdeling Parkeren / Postbus 511 / 2003 PB Haarlem": a name at a line start with
# a postbox or postcode line under it, in a letter's head, is where the letter goes
POSTAL_LINES = re.compile(r"[^\n]*(?:\n[^\n]*){0,2}?\n[ \t]*(?:Postbus\b|\d{4}[ \t]?[A-Z]{2}\b)")


def _addressee(text: str, named: list[_Mention]) -> _Mention | None:
    """A letter's addressee: the company on an "Aan:" / "T.a.v." line near the top, or on the
    line right above "t.a.v. de administratie" (the name first, then whom it is for); a post
    that opens by tagging or greeting a company ("Oké @ParkeerPlazaNL, even een draadje",
    "Beste Bol,") is addressed to it as well."""
    first_line = text.lstrip()[:200].split("\n", 1)[0]
    offset = len(text) - len(text.lstrip())
    greeted = opening_address().match(first_line)
    if greeted:
        at = offset + greeted.end()
        here = [m for m in named if at <= m.start <= at + 1]
        if here:
            return here[0]
    for line in ADDRESS_LINE.finditer(text[:600]):
        end = text.find("\n", line.start())
        end = len(text) if end < 0 else end
        above = text.rfind("\n", 0, max(0, line.start() - 1)) + 1
        here = [m for m in named if line.start() <= m.start < end] or [
            m for m in named if above <= m.start < line.start()]
        if here:
            return here[0]
    for m in named:
        if m.start < 600 and (m.start == 0 or text[m.start - 1] == "\n") and POSTAL_LINES.match(text, m.start):
            return m
    return None


def _addressed(doc: Doc, span: Span) -> bool:
    """ "uw klantenservice", "uw medewerker": in a letter, the addressee's own people."""
    return span.start > 0 and doc[span.start - 1].lower_ in ("uw", "jullie")


def _name_kinds_as_written(doc: Doc, kinds: list[_Mention]) -> None:
    """A company named only by kind takes the noun the story itself uses most (first on a tie):
    "de webshop" is `(webshop)`, not the table's `(webwinkel)`; the table's id only groups
    synonyms ("de kabelaar" and "het kabelbedrijf" are one company)."""
    text = docindex.text(doc)
    written: dict[str, list[str]] = defaultdict(list)
    for m in kinds:
        if not m.named and m.company:
            written[m.company].append(text[m.start : m.end].lower())
    for company, nouns in written.items():
        # ("het Omgevingsloket ... de gemeente": a council is named by its own noun)
        nouns = [n for n in nouns if n not in PORTAL_KINDS] or [company.strip("()")]
        noun = max(nouns, key=lambda n: (nouns.count(n), -nouns.index(n)))
        town = _the_one_town(text) if noun in TOWN_KINDS else None
        for m in kinds:
            if m.company == company:  # the kind itself and the nouns that refer back to it
                # "mijn bewonersvergunning in Haarlem ... de gemeente": the story's one town
                m.company = f"{noun.capitalize()} {town}" if town else f"({noun})"


TOWN_KINDS = resources.words("experiences.town_kinds")
PORTAL_KINDS = resources.words("experiences.portal_kinds")


def _the_one_town(text: str) -> str | None:
    """The one Dutch or Flemish town a story names (capitalised, from places.txt), or None when
    it names none or several: "de gemeente" of a story set in Haarlem is Gemeente Haarlem."""
    # ("Amersfoort-Noord", "Utrecht-Overvecht": the town before the district)
    towns = {w for w in re.findall(r"(?<![\w-])[A-Z][a-zà-ÿ]+\b", text) if w.lower() in resources.word_lines("places.txt")}
    if len(towns) > 1:
        # ("Wij wonen in Kapellen ... de gemeente" beside a trip to Antwerpen: the town the writer lives in)
        homes = {m.group(1) for m in HOME_TOWN.finditer(text)} & towns
        return next(iter(homes)) if len(homes) == 1 else None
    return next(iter(towns)) if towns else None


HOME_TOWN = re.compile(rf"(?i:\b(?:{'|'.join(resources.phrases('experiences.home_town_phrases'))}))[ \t]+([A-Z][a-zà-ÿ]+)\b")


DEFINITE = resources.words("experiences.definite")


def _heading(text: str, span: Span) -> bool:
    """ "Woningcorporatie" alone on a line above a list of what the writer did: a kind noun
    that heads a section names one company, like "de woningcorporatie"."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip().rstrip(":").strip()
    return line.lower() == span.text.lower() and line_start > 0


def _unnamed_counterpart(doc: Doc, text: str, named: list[_Mention]) -> list[_Mention]:
    """ "Dat loopt via een thuiszorgorganisatie hier in de regio, ik noem geen naam": a story
    that names no company it deals with, and no kind noun pointing at one, is about the first
    firm it introduces by an indefinite kind noun in a main clause."""
    for span in doc.spans[pipeline.KINDS] if pipeline.KINDS in doc.spans else []:
        if span.label_ == "REF" or any(m.start <= span.start_char < m.end for m in named) or _idiom(doc, span) or _sofa(doc, span) \
                or span.id_ in _refers_only_kinds() or span.id_ in _background_kinds() or _someone_elses(doc, span) \
                or _inside_quote(doc, span.start, since=docindex.sentence_of(span).start):
            continue  # ("via een thuiszorgorganisatie" counts here: there is no other firm it is a means to)
        k = _before_adjectives(doc, span)
        if k < 0 or doc[k].lower_ not in INDEFINITE or contact_rules.ANOTHER_FIRM & {t.lower_ for t in doc[k + 1 : span.start]} \
                or _in_subordinate_clause(doc, docindex.sentence_of(span), span.start_char, span.end_char):
            continue  # ("overgestapt naar een andere bank": another firm, not the one dealt with)
        role = _mention_role(text, span.start_char, span.end_char, span.label_)
        if role in ("", "advert"):  # ("ik wil geen reclame maken": the writer's own word, no advert)
            return [_Mention(span.start_char, span.end_char, span.id_, span.label_, False, "")]
    return []


def _definite(doc: Doc, span: Span) -> bool:
    """ "de provider", "mijn energieleverancier": a kind noun that points at one company."""
    k = _before_adjectives(doc, span)  # "de nieuwe provider", "mijn oude energieleverancier"
    return k >= 0 and doc[k].lower_ in DEFINITE


INTRODUCING = resources.phrases("experiences.introducing_indefinite")
NO_NEW_COMPANY_BEFORE = resources.words("experiences.no_new_company_before")
THEIR_OWN = resources.words("experiences.their_own_before")  # "hun verzekeraar": the firm's own supplier
QUOTES = resources.words("judgements.quotes")


def _introduced(doc: Doc, span: Span) -> bool:
    """ "ik bestelde bij een webshop", "ik huurde bij een particuliere verhuurder": an indefinite
    kind noun right after "bij een" introduces the company the story is about, though it names
    no brand; so does one the writer gets in touch with ("Dus bel ik een loodgieter uit
    Zaandam", "we hebben een installateur gebeld")."""
    k = _before_adjectives(doc, span)
    before = " ".join(t.lower_ for t in doc[max(0, k - 1) : k + 1])
    if before in INTRODUCING:
        return True
    if before in INTRODUCING_FROM and _rented_or_bought(doc, k - 1):
        return True  # "Wij huren een bovenwoning van een particuliere verhuurder"
    return k >= 0 and doc[k].lower_ in INDEFINITE and _writer_contacts(doc, span, k)


INTRODUCING_FROM = resources.phrases("experiences.introducing_from")
RENT_OR_BUY = resources.words("experiences.rent_or_buy_verbs")


def _rented_or_bought_before(doc: Doc, start_char: int) -> bool:
    """Does a verb of renting or buying stand before ``start_char`` in its sentence?"""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    return span is not None and _rented_or_bought(doc, span.start)


def _rented_or_bought(doc: Doc, k: int) -> bool:
    """Is there a verb of renting or buying in the words of the sentence before token ``k``
    ("Wij huren een bovenwoning van een ...")?"""
    sentence = docindex.sentence_of(doc[k : k + 1])
    return any(t.lower_ in RENT_OR_BUY for t in doc[max(sentence.start, k - 8) : k])


INDEFINITE = resources.words("experiences.indefinite")


def _before_adjectives(doc: Doc, span: Span) -> int:
    """The token before a kind noun and the adjectives in front of it ("een particuliere")."""
    k = span.start - 1
    while k > span.start - 3 and k >= 0 and doc[k].is_alpha and doc[k].lower_.endswith(("e", "ige", "ste")) \
            and doc[k].lower_ not in INDEFINITE | DEFINITE:
        k -= 1
    return k


def _writer_contacts(doc: Doc, span: Span, k: int) -> bool:
    """The kind noun is what the writer gets in touch with: the writer right before it and a
    contact verb beside them, in one clause ("Dus bel ik een loodgieter", "we hebben een
    installateur gebeld"); not "kwam er een mail van een incassobureau dat ik ...", and not in
    quoted speech ("Dan had u maar een andere loodgieter moeten bellen"). ``k`` is the token
    before the kind and its adjectives (the article)."""
    sentence = docindex.sentence_of(span)
    if _inside_quote(doc, span.start, since=sentence.start):
        return False
    lo, hi = max(sentence.start, k - 3), min(sentence.end, span.end + 4)
    before = doc[lo:k]
    if any(t.is_punct for t in before) or not any(t.lower_ in judgements.CUSTOMER_SUBJECTS for t in before):
        return False
    for cue in docindex.cues_in(sentence):
        if cue.label_ != "contact_verb":
            continue
        if lo <= cue.start < k:
            return True  # "bel ik een loodgieter"
        if span.end <= cue.start < hi and not any(t.is_punct for t in doc[span.end : cue.start]):
            return True  # "we hebben een installateur gebeld"
    return False


def _may_create(doc: Doc, span: Span) -> bool:
    """Whether a kind noun that refers to no named company makes a company of its own.
    Not "hun verzekeraar" (the company's own supplier), not "via mijn bank" (a means, not a
    party), and not a kind in quoted speech ("we zoeken het uit met de vervoerder")."""
    k = span.start - 1
    while k >= 0 and doc[k].lower_ not in NO_NEW_COMPANY_BEFORE and k > span.start - 3 and doc[k].is_alpha:
        k -= 1
    if k >= 0 and doc[k].lower_ in NO_NEW_COMPANY_BEFORE and span.text.lower() not in PORTAL_KINDS:
        return False  # ("ingediend via het Omgevingsloket": the council's portal is reached "via")
    if _someone_elses(doc, span):
        return False
    return not _inside_quote(doc, span.start, since=docindex.sentence_of(span).start)


def _someone_elses(doc: Doc, span: Span) -> bool:
    """ "de garage van de buurman", "de webshop van een vriendin": the kind is another
    person's (their firm or their supplier), not a company the writer dealt with."""
    after = " " + " ".join(t.lower_ for t in doc[span.end : span.end + 4]) + " "
    if not after.startswith(" van "):
        return False
    return any(after.startswith(f" van {p} ") or after.startswith(f" van {d} {p} ")
               for p in _mention_cues()["other_people_sentence"] for d in _mention_cues()["someone_elses_determiners"])


@cache
def _org_words() -> tuple[str, ...]:
    return tuple(resources.read_json("unknown_companies.json")["org_suffixes"])


@cache
def _shop_words() -> frozenset[str]:
    return frozenset(resources.read_json("unknown_companies.json")["shop_suffixes"])


def _may_describe(kind_word: str, name: str, kind_sector: str) -> bool:
    """ "Talenschool Lingua Viva" says what it is, so "de gemeente" is not it; "de verhuurder"
    may be "Fietsverhuur Zeewind" (its own kind word is in the noun), and "de fietsenmaker" may
    be "Rijwielhandel Kok" (a shop that does not say what it sells is any retail kind)."""
    own = _org_words_in(name)
    if own and kind_sector == "retail" and set(own) <= _shop_words():
        return True
    # ("Merelhof College" ... "de school": words for the same kind of organisation)
    return not own or any(o in kind_word or _same_kind_word(o, kind_word) for o in own)


def _names_own_kind(kind_word: str, name: str) -> bool:
    """ "Gemeentebedrijven Oosterzande" says it is a council's; "Ramen Vercruysse", which says
    nothing of what it is, is no "gemeente" (a firm may be any kind of firm, never a council)."""
    own = _org_words_in(name)
    return any(w.startswith(kind_word) for w in name.lower().split()) \
        or bool(own) and any(o in kind_word or _same_kind_word(o, kind_word) for o in own)


def _org_words_in(name: str) -> list[str]:
    """The organisation words a name's words end in ("Talenschool Lingua Viva" -> school)."""
    return [o for w in name.lower().split() for o in _org_words() if w.endswith(o)]


def _same_kind_word(name_word: str, kind_word: str) -> bool:
    """ "college" of "Merelhof College" and "school": words for the same kind of organisation."""
    return any(kind_word in group and name_word.endswith(tuple(group)) for group in _same_kind_words())


@cache
def _same_kind_words() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(group) for group in resources.read_json("unknown_companies.json")["same_kind_words"])


@cache
def _also_sectors() -> dict[str, frozenset[str]]:
    """ "de vervoerder" is a bus company or a parcel carrier: it refers back to either."""
    return {row["pattern"].lower(): frozenset(row["also_sectors"]) for row in resources.read_jsonl("company_kinds.jsonl")
            if row.get("also_sectors")}


@cache
def _kind_idioms() -> dict[str, tuple[str, ...]]:
    return {row["pattern"].lower(): tuple(row["not_after"]) for row in resources.read_jsonl("company_kinds.jsonl")
            if row.get("not_after")}


def _idiom(doc: Doc, span: Span) -> bool:
    """ "in de praktijk" is "in practice", not the dental practice."""
    before = _kind_idioms().get(span.text.lower())
    if not before:
        return False
    words = " ".join(t.lower_ for t in doc[max(0, span.start - 2) : span.start])
    return any(words == b or words.endswith(" " + b) for b in before)


def _sofa(doc: Doc, span: Span) -> bool:
    """ "een driezitsbank besteld ... de bank werd bezorgd": in a story about furniture, "de
    bank" is the sofa, not a bank. Whether the story is about furniture is read once per Doc."""
    if span.text.lower() not in _mention_cues()["sofa_kinds"]:
        return False
    key = "klantverhaal.furniture_story"
    if key not in doc.user_data:
        furniture, endings = _mention_cues()["sofa_words"], tuple(_mention_cues()["sofa_endings"])
        doc.user_data[key] = any(t.lower_ in furniture or t.lower_.endswith(endings) for t in doc)
    return doc.user_data[key]


@cache
def _kind_words() -> dict[str, str]:
    return {row["pattern"].lower(): row["id"] for row in resources.read_jsonl("company_kinds.jsonl") if row.get("id")}


def _word_before(text: str, mention: _Mention) -> str:
    """The word written right before a name ("autobedrijf" of "autobedrijf Scholten")."""
    before = text[max(0, mention.start - 30) : mention.start].split()
    return before[-1] if before else ""


def _introduced_as(text: str, mention: _Mention, kind_id: str) -> bool:
    """Is the name written right after a lower-case kind word of this kind ("autobedrijf
    Scholten" for "de garage")?"""
    return _kind_words().get(_word_before(text, mention).lower()) == kind_id


def _introduced_by_word(text: str, mention: _Mention, kind_id: str, kind_word: str) -> bool:
    """Is the name written right after a lower-case word of this kind, or one that holds the
    kind noun ("notariskantoor Keizer & Brandsma" for "de notaris")? A name that opens with
    the kind word ("Notaris Dewulf" for "het notariskantoor") is introduced by it too."""
    word = _word_before(text, mention)
    first = mention.company.split()[0].lower() if mention.company else ""
    return word.islower() and (_kind_words().get(word) == kind_id or kind_word in word) \
        or _kind_words().get(first) == kind_id


def _introduced_as_other(text: str, mention: _Mention, kind_id: str, kind_word: str) -> bool:
    """Is the name written right after a lower-case kind word of another kind ("loodgieter
    Vermeulen" for "de watermaatschappij")? "tandartspraktijk Molenzicht" is "de praktijk" and
    "de tandarts": one kind word holds the other."""
    word = _word_before(text, mention)
    word = word if word.islower() else ""
    kind = _kind_words().get(word)
    return kind is not None and kind != kind_id and kind_word not in word and word not in kind_word


def _named_as_other_kind(name: str, kind_id: str, kind_word: str) -> bool:
    """ "BENU Apotheek" is a pharmacy: "de huisartsenpraktijk" (same sector) is not it; but
    "de kliniek" is "Dierenkliniek Hoogland", and "de tandarts" is "Tandartspraktijk Molenzicht"."""
    words = _kind_words()
    return any(words.get(w) not in (None, kind_id) and not w.endswith(kind_word) and not w.startswith(kind_word)
               for w in name.lower().split())


@cache
def _brand_kinds() -> dict[str, str]:
    """Table brands known to be of one kind ("Fluvius" is a grid operator): a kind noun of
    another kind ("de energieleverancier") never points to them."""
    return {brand.lower(): row["id"] for row in resources.read_jsonl("company_kinds.jsonl")
            for brand in row.get("brands", [])}


def _brand_kind(company: str) -> str | None:
    return _brand_kinds().get(company.lower())


@cache
def _independent_kinds() -> frozenset[str]:
    """Kinds that are firms of their own ("de hypotheekadviseur", "de notaris"): they never point
    to a bank or seller named in the story."""
    return frozenset(row["id"] for row in resources.read_jsonl("company_kinds.jsonl") if row.get("independent"))


@cache
def _background_kinds() -> frozenset[str]:
    """Practitioners and makers in the background ("de fysiotherapeut", "de opticien", "de
    fabrikant"): experiences only when the customer contacted them about the problem."""
    return frozenset(row["id"] for row in resources.read_jsonl("company_kinds.jsonl") if row.get("background"))


@cache
def _refers_only_kinds() -> frozenset[str]:
    """ "de stichting", "de vereniging": a kind that only points back to an organisation the story
    named with that word ("Stichting Loopsport Zeeland ... de stichting"); alone it is too vague
    to make a company."""
    return frozenset(row["id"] for row in resources.read_jsonl("company_kinds.jsonl") if row.get("refers_only"))


@cache
def _agent_kinds() -> frozenset[str]:
    return frozenset(row["id"] for row in resources.read_jsonl("company_kinds.jsonl") if row.get("agent"))


@cache
def _own_when_contacted_kinds() -> frozenset[str]:
    """ "het incassobureau": an agent kind that becomes a company of its own once contacted."""
    return frozenset(row["id"] for row in resources.read_jsonl("company_kinds.jsonl") if row.get("own_when_contacted"))


def _contacted_agency(kind: Span) -> bool:
    """ "Ik heb het incassobureau gebeld": an agency kind in a sentence that tells a contact."""
    return kind.id_ in _own_when_contacted_kinds() and any(
        c.label_ == "contact_verb" for c in docindex.cues_in(docindex.sentence_of(kind)))


def _principal(kind: Span, named: list[_Mention], kinds: list[_Mention]) -> _Mention | None:
    """ "de aannemer", "de loodgieter", "het incassobureau" working for the company the story is
    about are that company's hands (its `visit` channel), not a company of their own: they
    refer to the last company named or created before them. An agency the writer contacts
    ("Ik heb het incassobureau gebeld") is a company of its own."""
    if kind.id_ not in _agent_kinds():
        return None
    if _contacted_agency(kind):
        return None
    before = [m for m in named + kinds if m.company and m.end <= kind.start_char and m.role in ("", "ref")
              and m.company.lower() not in _third_parties()]
    return max(before, key=lambda m: m.start) if before else None


def _earlier_kind(kind: Span, kinds: list[_Mention]) -> _Mention | None:
    """ "mijn zorgverzekeraar ... de verzekeraar": a second kind noun of the same sector is the
    same company as the first."""
    for m in kinds:
        if m.role != "ref" and not m.named and m.sector == kind.label_ and m.company:
            return m
    return None


def _refers_to(kind: Span, named: list[_Mention], *, backward_only: bool = False) -> _Mention | None:
    """The named company a kind noun refers back to: one of the same sector (the nearest
    before it, else, unless ``backward_only``, the first after it), or the name glued in front
    of it ("KPN-winkel")."""
    glued = [m for m in named if 0 <= kind.start_char - m.end <= 1]
    if glued:
        return glued[-1]
    text = docindex.text(kind.doc)
    bracketed = [m for m in named if text[kind.end_char : m.start] in (" (", "(")]
    if bracketed:
        return bracketed[0]  # "Mijn zorgverzekeraar (Zilveren Kruis)": the name in brackets right after it
    apposed = [m for m in named if text[kind.end_char : m.start] == " " and m.role in PASSING_ROLES]
    if apposed:
        return apposed[0]  # "Mijn zorgverzekeraar VGZ heeft het grootste deel betaald": the name it stands before
    points_back = kind.id_ in _refers_only_kinds() or _contacted_agency(kind)
    if kind.id_ in _independent_kinds() or points_back:
        # "Onze hypotheekadviseur ... de aanvraag bij Obvion": a firm of its own, not the bank;
        # only a name the story introduced by this kind word is it ("notariskantoor Keizer &
        # Brandsma ... de notaris"), or, for a kind that only points back, a name holding the
        # word or its start ("Stichting Loopsport ... de stichting", "Dekker Incasso ... het
        # incassobureau")
        text = docindex.text(kind.doc)
        word = kind.text.lower()
        own = [m for m in named if _introduced_by_word(text, m, kind.id_, word)
               or points_back and any(w == word or len(w) >= 5 and word.startswith(w) or _same_kind_word(w, word)
                                      # ("Tennisclub De Kastanje ... de club": a compound name word
                                      # ending in the noun, named before it)
                                      or w.endswith(word) and len(w) > len(word) + 2 and m.end <= kind.start_char
                                      for w in m.company.lower().split())
               or points_back and word in MEMBERSHIP_HEADS and m.company.split()[0] in CLUB_PREFIXES]
        before = [m for m in own if m.end <= kind.start_char] or own
        if points_back and len({m.company for m in before}) > 1:
            # "tennisclub De Kastanje ... aan futsalclub ZVV De Berkel gegeven ... de club": of two
            # clubs, the one the story names most is the one it means
            # (a tie goes to the club named in the story's own line, not in what someone reported)
            times = Counter(m.company for m in named)
            plain = {m.company for m in named if not m.subordinate}
            best = max((times[m.company], m.company in plain) for m in before)
            before = [m for m in before if (times[m.company], m.company in plain) == best]
        return (before or [None])[-1]
    sectors = {kind.label_} | _also_sectors().get(kind.text.lower(), frozenset())
    named = [m for m in named if m.company.lower() not in _third_parties()]  # an ombudsman is never "de sportschool"
    text = docindex.text(kind.doc)
    # "loodgieter Vermeulen" is no "watermaatschappij": a name introduced by a kind word of its own
    same = [m for m in named if m.sector in sectors and m.role in ("", "seller", "carrier")
            and not _named_as_other_kind(m.company, kind.id_, kind.text.lower())
            and not _introduced_as_other(text, m, kind.id_, kind.text.lower())
            and _brand_kind(m.company) in (None, kind.id_)
            and not (kind.label_ == m.sector == "other" and not m.from_context and kind.id_ not in _agent_kinds()
                     and _brand_kind(m.company) != kind.id_ and text[kind.end_char : m.start] != " van ")]
    # ("het hotel" beside Booking.com, "de organisator" beside Ticketmaster: a table brand of the
    # catch-all sector is some other kind of firm; only a name the story made a firm may be it)
    before = [m for m in same if m.end <= kind.start_char]
    # "Gemeente Amersfoort ... het Kadaster ... de gemeente": the company whose name holds the
    # noun, before the nearest one of the sector
    # ("Tandartspraktijk Molenzicht ... de tandarts": a compound that opens with the noun too)
    # ("Notariaat Lembeke ... de notaris": a name word that is a kind word of the same kind)
    word = kind.text.lower()
    # ("Zij zou de gegevens doorsturen naar Oogkliniek Veluwezoom ... Ik heb de kliniek gebeld": a
    # name only reported so far is what its own word points back to as well)
    reported = [m for m in named if m.role == "reported" and m.end <= kind.start_char
                and m.company.lower() not in _third_parties()]
    by_name = [m for m in sorted(before + reported, key=lambda m: m.start)
               if any(w.endswith(word) or w.startswith(word) and len(w) > len(word) + 3
                      or _kind_words().get(w) == kind.id_ for w in m.company.lower().split())]
    if by_name:
        return by_name[-1]
    # "autobedrijf Scholten ... de ANWB ... de garage": the company introduced by a kind word of
    # the same kind, before the nearest one of the sector
    introduced = {m.company for m in named if _introduced_as(text, m, kind.id_)}
    by_kind = [m for m in same if m.company in introduced]
    if by_kind:
        return ([m for m in by_kind if m.end <= kind.start_char] or by_kind)[-1]
    if before:
        return before[-1]
    # "Telefoonkoopjes.nl ... de webshop": a name found from context has no sector of its own,
    # so a kind noun after it describes it
    unsorted = [m for m in named if m.from_context and m.sector == "other" and m.role in ("", "seller")
                and m.end <= kind.start_char and _may_describe(kind.text.lower(), m.company, kind.label_)
                and not _introduced_as_other(text, m, kind.id_, kind.text.lower())]
    # ("onze rijwoning in Lochristi ... Ramen Vercruysse ... de gemeente": a council in a story
    # that names the writer's one town is that town's, not a firm found from context)
    if kind.label_ == "government":
        # ("Ramen Vercruysse ... een brief van de gemeente": a council is a firm found from
        # context only when the name says it is one, "Gemeentebedrijven Oosterzande")
        unsorted = [m for m in unsorted if _names_own_kind(kind.text.lower(), m.company)]
    if unsorted and kind.label_ != "other" and not (kind.text.lower() in TOWN_KINDS and _the_one_town(text)):
        return unsorted[-1]
    if backward_only:
        return None
    after = [m for m in same if not m.subordinate]
    if after:
        return after[0]
    # "mijn internetprovider ... NoorderNet": a name found from context, the first one named
    # after the kind noun, is what it describes
    # ("de woningcorporatie ... aannemer Stroeve Bouw": not a name introduced as another kind)
    # ("de gemeente ... uitgevoerd door Grondwerken Bosman": a council is no firm whose name says
    # it is another kind; other kinds may be a name's ("de verhuurder ... Dekkers Vastgoed"))
    later = [m for m in named if m.start >= kind.end_char and m.role in ("", "seller")]
    return later[0] if later and later[0].from_context and later[0].sector == "other" \
        and (kind.label_ != "government" or _names_own_kind(kind.text.lower(), later[0].company)) \
        and not _introduced_as_other(text, later[0], kind.id_, kind.text.lower()) else None


# "bij Drukkerij Wolters in Zwolle gewerkt": where the firm is may stand before the verb
WHERE_FIRST = re.compile(r"^(?:in|te|uit)[ \t]+[\w'-]+[ \t]+")  # (the text is lower-cased)


# ("20 euro goedkoper dan wat ik op Marktplaats tegenkwam", "goedkoper dan bij Coolblue": where
# the other price was seen)
COMPARATIVE_THAN = re.compile(r"\b([a-zà-ÿ]{2,}er)[ \t]+dan[ \t]+(?:(?:wat|die|dat)[ \t]+(?:[a-zà-ÿ']+[ \t]+){0,3}?"
                              r"(?:op|bij|via|in)[ \t]+|(?:bij|op)[ \t]+)?$")


def _compared_to(before: str, cues: dict) -> bool:
    """ "Beter en persoonlijker dan HelloFresh", "sneller dan Picnic": a comparative just
    before the name holds the company up against the one the story is about."""
    m = COMPARATIVE_THAN.search(_strip_article(before.rstrip()) + " ")
    return m is not None and m.group(1) not in cues["not_comparatives"]


# ("voor" opening its clause: "een onderhoudscontract voor mijn cv-ketel bij een installateur" is
# the contract with that firm)
FOR_OWN_POLICY = re.compile(
    r"(?:^|[.,;:!?]|\b(?:en|maar|want|dus|omdat))[ \t]+voor[ \t]+(?:"
    + "|".join(re.escape(p) for p in resources.read_json("mentions.json")["purpose_possessives"])
    + r")[ \t]+[a-zà-ÿ-]+[ \t]+(?:bij|van)[ \t]+$")


# ", via een deal op", ", via een actie van": see _via_a_deal
_DEAL_PREPOSITIONS = "|".join(re.escape(p) for p in resources.read_json("mentions.json")["intermediary_deal_prepositions"])
_DEAL_NOUNS = "|".join(re.escape(p) for p in resources.read_json("mentions.json")["intermediary_deal_nouns"])
VIA_A_DEAL = re.compile(
    rf",[ \t]+via[ \t]+(?:[\w-]+[ \t]+){{1,3}}(?:{_DEAL_PREPOSITIONS})[ \t]*$"
    # ("hadden we via een deal op Groupon gekocht": no comma where a deal noun says what it was)
    rf"|(?<![\w-])(?:via|met)[ \t]+(?:een|de|het)[ \t]+(?:[\w-]+[ \t]+)?(?:{_DEAL_NOUNS})[ \t]+(?:{_DEAL_PREPOSITIONS})[ \t]*$")


def _via_a_deal(before: str) -> bool:
    """ "escape room 'De Kelder' geboekt, via een deal op Groupon", "besteld, via een actie van
    Social Deal": after a comma, "via", a few words and a preposition: the platform the order went
    through, told after the firm that served it. Without the comma only a deal noun says so
    ("hadden we via een deal op Groupon gekocht", "geboekt met een deal van Social Deal"; not
    "via de site van Bol.com besteld")."""
    return VIA_A_DEAL.search(before) is not None


def _for_own_policy(before: str) -> bool:
    """ "voor onze brandverzekering bij Ethias": "voor", a possessive and a noun right before the
    name tell what the writer needs something for, not a company dealt with."""
    return FOR_OWN_POLICY.search(_strip_article(before.rstrip()) + " ") is not None


def _lowered_before(text: str, start: int, width: int) -> str:
    """The ``width`` characters before ``start``, lower-cased, on one line and padded in front:
    what the mention cues ("brief van", "werkgever") are read from."""
    return " " + text[max(0, start - width) : start].lower().replace("\n", " ")


SENTENCE_MARKS = re.compile(r"([,;:!?()\"])")


def _mention_role(text: str, start: int, end: int, sector: str, from_table: bool = False) -> str:
    """Why a company named here is only mentioned: employer, carrier, comparison, advert or a
    hypothetical ("dan leg ik het voor aan de Huurcommissie"); "" when nothing says so.
    ``from_table``: the name is a brand of the table (a booking site), not one found in the text
    (a firm's own web address: "via kanohuurvecht.nl een tocht geboekt")."""
    cues = _mention_cues()
    window = cues["window"]
    before = _lowered_before(text, start, window)
    after = text[end : end + window].lower().replace("\n", " ") + " "
    # (a comma or bracket stands apart, so "teruggeboekt, waarna" still holds the word " teruggeboekt ")
    sentence = " " + SENTENCE_MARKS.sub(r" \1 ", _sentence_around(text, start, end).lower()) + " "
    # "bij mijn vorige provider, Ziggo", "Mijn werkgever, de gemeente Zwolle,"
    near_before = _strip_article(before[-40:].rstrip(" ,")).rstrip(" ,")
    if any(_strip_article(before).endswith(" " + p) for p in cues["denied_before"]):
        return "aside"  # "dat ik niks met DPD heb afgesproken maar met hun winkel": dealings denied
    if _works_at(near_before, cues) \
            or any(after.lstrip(" ,").startswith(p) for p in cues["employer_after"]) \
            or _employer_clause(text, start, end, cues) or _speaks_as_staff(sentence, cues) \
            or any(sentence.lstrip().startswith(p) for p in cues["employer_sentence_start"]) \
            or _strip_article(before).endswith(" bij") and WHERE_FIRST.sub("", after.lstrip()).startswith(tuple(
                v + mark for v in cues["employer_verb_last"] for mark in (" ", ",", "."))) and not _functioning(after, cues) \
            or _own_job_at(near_before, sentence, cues):
        # "Wij bij KPN ..." speaks for the company ("hebben wij bij KozijnPlus besteld" does not);
        # "mijn broer, die bij Eneco werkt": someone's employer
        return "employer"
    if _stopgap_errand(before, sentence, cues, text[start:end]):
        return "errand"  # "dan maar naar de Jumbo gegaan om toch iets te halen": a stopgap bought elsewhere
    if _cheaper_elsewhere(text, start, end, cues):
        return "comparison"  # "Bij Domstad Koeriers waren we goedkoper uit geweest, maar ...": not chosen, not even as carrier
    if sector == "delivery" and (
        any(_strip_article(before).endswith(" " + p) for p in cues["carrier_before"])
        or any(p in sentence for p in cues["delivery_verbs"])
        or before.endswith("(") and text[end : end + 1] in (",", ")")
    ):
        # ("Plaat komt binnen (PostNL, netjes in een stevige doos)": the carrier named in passing)
        return "carrier"
    if any(_strip_article(before.rstrip(" ,")).rstrip(" ,").endswith(" " + p) for p in cues["intermediary_before"]) \
            and not text[start:end].split()[0].lower().endswith(tuple(cues["booked_place_heads"])) \
            or before.rstrip().endswith(", via") and any(f" {v} " in sentence for v in cues["order_verbs"]) \
            or from_table and before.rstrip().endswith(" via") and any(f" {v} " in sentence for v in cues["booking_verbs"]) \
            or _via_a_deal(before):
        # "een chalet bij vakantiepark De Eekhoorn, geboekt via Booking.com": the platform only
        # took the booking, like a carrier that only delivered ("Dus bestellen bij Goudgeel, via
        # Thuisbezorgd": the platform the order went through; "geboekt, via een deal op Groupon";
        # "We hadden via Booking.com twee nachten geboekt": the site a stay was booked through)
        return "carrier"
    if any(_strip_article(before.rstrip()).endswith(" " + p) for p in cues["place_before"]) and not _chased(before, after, cues) \
            or _strip_article(before.rstrip()).endswith(" in") and any(
                re.match(rf"\s*{re.escape(w)}\b", after) for w in cues["located_after"]):
        # ("de winkel in Hoorn, die in de Bruna zit": where another firm's shop sits)
        return "aside"  # "op het parkeerterrein van de Jumbo": where it happened; "het rapport van de Wegenwacht"
    if _anothers_supplier(near_before, cues):
        return "aside"  # "via hun verzekeraar Allianz": the firm's own insurer
    if _for_own_policy(before):
        return "aside"  # "voor onze brandverzekering bij Ethias moet ik een attest hebben": why, not who served
    if text[start:end].lower() in cues["media_services"] and any(
            after.lstrip().startswith(p + " ") or after.lstrip().startswith(p + ".") for p in cues["usage_after"]):
        return "product"  # "gewoon Netflix gekeken": what the writer watched, no exchange
    if _looked_up_on(before, after, cues, sentence) and not text[start:end].lower().startswith(MUNICIPALITY_WORDS):
        # ("Op de site van de gemeente Haarlem vond ik ...": the council's own site, where the
        # writer's dealings with it begin)
        return "aside"  # "Ik had al zelf wat op FamilySearch gezocht": a site used, no exchange
    if _document_aside(before, after, cues):
        # "mijn inschrijving bij de KvK geüpload", "bezwaar ingediend, met de verklaring van
        # Felyx", "vroegen ze om een verklaring van NS": a document sent, taken along or asked
        # for, not an exchange
        return "aside"
    if _in_brackets(text, start, end):
        return "aside"  # "de fietsen (Gazelle Ultimate)", "vooraf betaald via iDEAL (ING)"
    paid = any(v in sentence for v in cues["payment_app_verbs"])
    if sector == "bank" and (any(after.startswith(p) for p in cues["payment_after"])
                             or any(p in before[-40:] for p in cues["payment_before"])
                             # "het geld stond op mijn rekening bij ING": an account carried the money; "een
                             # en/of-rekening bij ABN AMRO" the story is about is the bank's own service
                             or (paid or any(f" {w} " in sentence for w in cues["account_money_words"]))
                             and any(p in before[-40:] for p in cues["account_before"])
                             # ("overgeschreven met KBC Mobile": the bank's app carried the money)
                             or (after.startswith(tuple(cues["bank_app_after"])) or _strip_article(before).endswith(" via")) and paid
                             or any(f" {p} " in before[-30:] for p in cues["payment_app_before"])
                             and any(f" {v} " in sentence for v in cues["payment_app_money_verbs"])) \
            or paid and (text[start:end].lower() in cues["payment_services"] or before.rstrip().endswith(" via")) \
            or _payment_thing(text, start, end, before, cues):
        # "betaald vanaf mijn ING-rekening", "via ING teruggeboekt", "afgerekend via PayPal", "via
        # de app van mijn bank teruggeboekt":
        # the bank or payment service only carried the money
        return "payment"
    if any(_strip_article(before.rstrip(" ,")).rstrip(" ,").endswith(" " + p) for p in cues["comparison_before"]) \
            or any(p in after[:40] for p in cues["comparison_after"]) \
            or _compared_in_sentence(sentence, cues) or _compared_to(before, cues):
        return "comparison"
    if any(a in sentence for a in cues["advert"]):
        return "advert"
    clause = _clause_around(text, start, end)
    if _other_peoples_case(sentence, cues, clause) and not _person_only_in_later_subclause(text, start, end, cues):
        return "comparison"  # "De buren hadden hun kozijnen bij Gamma laten doen": someone else's case
    # (a line break ends what went before too: "(achteraf misschien ★★★)" on the rating line is
    # no hedge of the booking told on the next line)
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    advised = any(p in text[sentence_start:start].lower() for p in cues["advice_before"])
    # what leads up to the name and its own clause, not what follows: "Ik had hetzelfde met X in
    # Epe, misschien helpt mijn verhaal je" is no hypothetical X
    lead = " " + text[sentence_start:end].lower().replace("\n", " ") + clause
    for phrase in cues["reader_phrases"]:
        lead = lead.replace(phrase, " ")  # "Eerlijke review voor wie overweegt om bij X te bestellen"
    if advised or any(p in lead for p in cues["hypothetical_sentence"]) or _counterfactual(sentence, cues):
        return "hypothetical"  # "het advies om Stedin te bellen": advice to contact, not contact
    if any(p in text[sentence_start:start].lower() for p in cues["blamed_before"]):
        return "reported"  # "volgens de medewerker lag het aan Stedin": blamed by staff, not dealt with
    lead_in = text[sentence_start:start].lower().lstrip()
    if lead_in.startswith(tuple(cues["staff_promise_openers"])) and " zou " in lead_in:
        return "reported"  # "De medewerker ... zou een herstelopdracht uitzetten bij Verbeek": what staff would do
    if sector == "retail" and any(p in sentence for p in cues["order_verbs"] + cues["delivery_verbs"]):
        return "seller"
    return ""


def _payment_thing(text: str, start: int, end: int, before: str, cues: dict) -> bool:
    """ "via een Tikkie", "op het nummer van de Tikkie", "met payconiq aan de toonbank": a payment
    service written as the request or the means it is (an article or "met" before it) carried
    the money; "de PayPal-klantenservice" and "PayPal gebeld" name the firm."""
    return text[start:end].lower() in cues["payment_services"] and not text[end : end + 1] in ("-", "@") \
        and before.rstrip().endswith(tuple(" " + w for w in cues["payment_thing_before"]))


def _stopgap_errand(before: str, sentence: str, cues: dict, name: str = "") -> bool:
    """ "Op de terugweg ben ik langs de Albert Heijn gereden voor een paar bakken saté", "dan
    maar naar de delhaize gereden en daar vlees bijgekocht": the writer bought a stopgap at another
    shop; buying is no contact, and the shop only shows how the writer worked around the problem.
    A supermarket or chain store one goes to ("Voor de garnalen ben ik snel langs de Jumbo
    gereden", errand_stores, with a verb of going) needs the purchase or the haste, not both. (``before`` and
    ``sentence`` as _mention_role reads them.)"""
    if not _strip_article(before.rstrip()).endswith(tuple(" " + w for w in cues["errand_before"])):
        return False
    bought = any(w in sentence for w in cues["errand_purchase"])
    hurried = any(w in sentence for w in cues["errand_stopgap"])
    # ("gekocht bij de HEMA" is the purchase the story is about; "Dan maar naar de McDonald's" goes there)
    ran = any(w in sentence for w in cues["errand_motion"]) \
        or _strip_article(before.rstrip()).endswith(tuple(" " + w for w in cues["errand_to"]))
    return bought and hurried or name.lower() in cues["errand_stores"] and ran and (bought or hurried)


def _functioning(after: str, cues: dict) -> bool:
    """ "Mijn glasvezel bij Odido werkte niet": "werken" followed by "niet", "weer", "prima" ...
    tells whether a thing functions; nobody works at the company."""
    words = WHERE_FIRST.sub("", after.lstrip()).split()
    return len(words) > 1 and words[0].startswith("werk") and words[1].strip(".,!?") in cues["functioning_after"]


# "Ik werk als boekhouder bij een transportbedrijf en sinds 2022 lease ik ... bij Cyclis": an "en"
# followed by the writer as subject opens a clause of its own
# ("We werken allemaal bij Rabobank en gingen bowlen bij De Kegel": "en" opens a clause of its
# own, with its subject left out or not)
EMPLOYER_CLAUSE_BREAKS = re.compile(r"[,;()]|\b(?:dus|maar|want|toen|omdat|en)\b")


def _anothers_supplier(near_before: str, cues: dict) -> bool:
    """ "via hun verzekeraar Allianz", "Ze zou de rekening bij hun verzekeraar, Unigarant,
    indienen", "Zijn verzekeraar was Allianz": a company brought in as another party's supplier
    (the salon's insurer, the other driver's) is no party the writer dealt with; named again
    plainly elsewhere, it still is one."""
    words = near_before.split()
    if words and words[-1] in cues["naming_copulas"]:
        words = words[:-1]
    return len(words) >= 2 and words[-2] in cues["others_possessives"] and words[-1] in _kind_words()


PRICE_COMPARATIVES = re.compile(r"\b(?:%s)\b" % "|".join(_mention_cues()["price_comparatives"]))
# "goedkoper waren dan (de) X": a price compared with the firm named after "dan"
CHEAPER_THAN = re.compile(r"\b(?:%s)\b(?:[ \t]+[a-zà-ÿ]+){0,2}[ \t]+(?:%s)(?:[ \t]+(?:%s))?[ \t]*$" % (
    "|".join(_mention_cues()["price_comparatives"]), "|".join(_mention_cues()["comparison_than"]),
    "|".join(_mention_cues()["comparison_than_followers"])))


def _cheaper_elsewhere(text: str, start: int, end: int, cues: dict) -> bool:
    """ "Zonneplan was net iets goedkoper, maar we wilden iets lokaals", "Bij Kwantum waren we
    goedkoper uit geweest": a price compared in the company's own clause and then set aside
    (a "maar" after it, or "geweest" in it) names the firm the writer did not choose, and so does
    one that was dearer ("Boels was iets duurder, dus ja"; a subscription that "werd duurder"
    rose in price and is no comparison). "dronedepot.nl
    was 60 euro goedkoper dan de rest" has no such turn: that is where the writer bought."""
    clause = _clause_around(text, start, end)
    if _rival_quote(text, start, end, clause, cues):
        return True
    if CHEAPER_THAN.search(_lowered_before(text, start, 40)):
        return True  # "omdat ze 300 euro goedkoper waren dan Van Gelder Verhuizingen": the one not chosen
    if not PRICE_COMPARATIVES.search(clause):
        return False
    _, right = _sentence_bounds(text, start, end)
    return " geweest " in clause or " maar " in " " + text[end:right].lower() + " " \
        or any(f" {w} " in clause for w in cues["dearer_comparatives"]) \
        and any(f" {w} " in clause for w in cues["comparison_copulas"])  # "Boels was iets duurder" ("werd duurder" is a rise)


def _rival_quote(text: str, start: int, end: int, clause: str, cues: dict) -> bool:
    """ "De offerte van schrijnwerkerij Dewulf was 800 euro lager": a quote weighed against the
    one chosen names a firm that only quoted; its price is higher or lower, not the writer's bill."""
    return QUOTE_BEFORE.search(_lowered_before(text, start, 40)) is not None \
        and (PRICE_COMPARATIVES.search(clause) is not None or any(f" {w} " in clause for w in cues["quote_comparatives"]))


# ("de offerte van schrijnwerkerij Dewulf": a kind word may stand between)
QUOTE_BEFORE = re.compile(rf"\b(?:{'|'.join(re.escape(p) for p in _mention_cues()['quote_before'])})(?:[ \t]+[a-zà-ÿ]+)?[ \t]*$")


def _compared_in_sentence(sentence: str, cues: dict) -> bool:
    """A comparison word anywhere in the sentence ("vorig jaar hadden", "mijn vorige"). "Wie
    mijn vorige blog las, weet dat ik ... bij Studio Draaischijf had besteld": the writer's
    earlier post is no earlier firm, so it is taken out before the sentence is read."""
    if not any(p in sentence for p in cues["comparison_sentence"]):
        return False
    sentence = OWN_EARLIER_WRITING.sub(" ", sentence)
    return any(p in sentence for p in cues["comparison_sentence"])


OWN_EARLIER_WRITING = re.compile(rf"\b(?:mijn|onze)\s+vorige\s+(?:{'|'.join(_mention_cues()['own_writing_nouns'])})\b")


def _chased(before: str, after: str, cues: dict) -> bool:
    """ "Intussen bleef ik achter Wehkamp aan zitten": "achter X aan" chases the company; the
    writer is dealing with it, not telling where something stands."""
    return _strip_article(before.rstrip()).endswith(tuple(" " + w for w in cues["chase_before"])) \
        and next(iter(_first_clause_words(after)), "") in cues["chase_after"]


def _anothers_document(text: str, m: "_Mention", named: list["_Mention"]) -> bool:
    """ "Interpolis belt: ze willen de inventarislijst en de brief van Smitskamp zien": a
    document of one company in a sentence about another, named plainly before it, is a paper
    in that other company's case; the sentence stays with the company named first."""
    cues = _mention_cues()
    if not _document_of(_lowered_before(text, m.start, 40), cues):
        return False
    left, right = _sentence_bounds(text, m.start, m.end)
    after = f" {text[m.end : right].lower()} "
    if any(f" {w} " in after for w in cues["document_received_after"]):
        return False  # "ook nog een brief van Stedin gekregen": Stedin's own letter to the writer
    return any(o.company != m.company and not o.role and left <= o.start < m.start for o in named)


def _document_aside(before: str, after: str, cues: dict) -> bool:
    """A company's document sent, taken along or asked for: "mijn inschrijving bij de KvK
    geüpload", "met de facturen en het verslag van de dierenarts", "vroegen ze om een verklaring
    van NS"; not an exchange with the company."""
    return _document_of(before, cues) and (
        # ("alle reparatiebonnen van MediaMarkt meegestuurd, en ...": a comma may follow the verb)
        any(f" {v} " in f" {after.split('.')[0].replace(',', ' ')} " for v in cues["document_verbs_after"])
        or _carried_document(before, cues) or _requested_document(before, after, cues))


def _document_of(before: str, cues: dict) -> bool:
    """Does the text before a name end in a company's document ("de brief van", "een
    bevestiging van", "de aankoopfactuur van": a compound ending in a document noun)?"""
    words = _strip_article(before.rstrip()).split()
    return len(words) >= 2 and any(p.split()[-1] == words[-1] and words[-2].endswith(p.split()[0])
                                   for p in cues["document_before"] if len(p.split()) == 2)


def _looked_up_on(before: str, after: str, cues: dict, sentence: str = "") -> bool:
    """ "wat op FamilySearch gezocht", "de akte die ik op FamilySearch had gevonden": "op" before
    the name and a verb of looking up within four words after it, before any comma or stop; "op
    de site van GOCA opgezocht": a site named by its owner, within six words, when the sentence
    tells no order or filing there; "bij de KvK het nummer opgezocht": a register consulted,
    within six words, when the sentence tells no order or filing."""
    stripped = _strip_article(before.rstrip())
    verbs = cues["lookup_after"]
    if stripped.endswith(tuple(" " + p for p in cues["lookup_site_before"])):
        if any(f" {w} " in sentence for w in cues["lookup_site_acts"]):
            return False
        if _fetched_from_site(stripped, cues):
            return True  # "Die kon ik downloaden op de site van NS"
        reach = 6
    elif before.rstrip().endswith(" op"):
        reach = 4
    elif stripped.endswith(" bij") and not any(f" {w} " in sentence for w in cues["lookup_site_acts"]):
        # "bij de KvK het nummer van hun kantoor opgezocht": a register consulted, no exchange
        reach, verbs = 6, cues["lookup_at_after"]
    else:
        return False
    words = _first_clause_words(after)[:reach]
    return any(w in verbs for w in words)


REQUEST_REACH = 6  # words between a request verb and the document noun: "vroegen ze om een verklaring van"
NEED_REACH = 4  # words between the name and "nodig": "een verklaring van de huisarts nodig"


def _first_clause_words(after: str) -> list[str]:
    """The words of the text after a name up to the first comma or stop."""
    return re.split(r"[,.;:!?]", after, maxsplit=1)[0].split()


def _after_last_break(words: list[str], breaks: tuple[str, ...]) -> list[str]:
    """The words after the last one that ends in a clause break ("," ";" ...)."""
    return words[max((i + 1 for i, w in enumerate(words) if w.endswith(breaks)), default=0):]


def _clause_before_document(before: str, reach: int) -> list[str]:
    """The words before a document phrase ("... de verklaring van"), up to ``reach`` of them,
    in its own clause (after the last comma, semicolon or colon)."""
    words = _strip_article(before.rstrip()).split()
    return _after_last_break(words[-2 - reach : -2], (",", ";", ":"))


def _requested_document(before: str, after: str, cues: dict) -> bool:
    """ "Na tien dagen vroegen ze om een verklaring van NS", "ze hadden een verklaring van de
    huisarts nodig": the company the story is about asks for another's paper; the writer had
    no exchange with the one that wrote it. A request verb a few words before the document
    noun, in the same clause, or a need word a few words after the name."""
    if any(w in cues["document_request_before"] for w in _clause_before_document(before, REQUEST_REACH)):
        return True
    return any(w in cues["document_request_after"] for w in _first_clause_words(after)[:NEED_REACH])


def _fetched_from_site(stripped: str, cues: dict) -> bool:
    """ "Die kon ik downloaden op de site van NS", "Ik heb op hun site gelezen": a verb of
    fetching or reading a few words before "op de site (van)", in the same clause."""
    site = next(p for p in cues["lookup_site_before"] if stripped.endswith(" " + p))
    clause = _after_last_break(stripped[: -len(site)].split()[-REQUEST_REACH:], (",", ";", ":", "."))
    return any(w in cues["lookup_verbs_before"] for w in clause)


CARRIED_REACH = 8  # words between "met" and the document noun: "met het pv en de aankoopfactuur van"
PARTICIPLE = re.compile(r"ge[a-zà-ÿ]{2,}[dt]")  # "gebeld", "gestuurd": a verb that ends a "met" phrase


def _carried_document(before: str, cues: dict) -> bool:
    """Does the text before a company's document ("met de verklaring van", "met een brief van",
    "met het pv en de aankoopfactuur van") hold "met" a few words before it, in the same clause?
    The writer took the company's document along to someone else."""
    clause = _clause_before_document(before, CARRIED_REACH)
    if "met" not in clause or not _document_of(before, cues):
        return False
    # ("met de BelastingTelefoon gebeld en ook nog een brief van Stedin": a participle between
    # ends what "met" went with)
    between = clause[len(clause) - clause[::-1].index("met"):]
    return not any(PARTICIPLE.fullmatch(w) for w in between)


def _own_job_at(near_before: str, sentence: str, cues: dict) -> bool:
    """ "Ik ben al twintig jaar boekhouder bij een installatiebedrijf", "ik werk als docent bij
    ...": a job noun right before "bij" in a sentence where the writer says what they are."""
    return any(near_before.endswith(f" {job} bij") for job in cues["job_nouns"]) \
        and any(p in sentence for p in cues["self_as_job"])


def _works_at(near_before: str, cues: dict) -> bool:
    """ "ik werk bij", "mijn broer werkt bij", "in dienst van" right before the name: someone's
    job. "werk" after an article or an adjective is a noun ("toen begon het echte werk bij de FOD":
    the work of the case), no job."""
    for phrase in cues["employer_before"]:
        if not near_before.endswith(" " + phrase):
            continue
        if phrase.startswith("werk ") and near_before[: -len(phrase)].rstrip().endswith(
                tuple(" " + w for w in cues["work_noun_before"])):
            continue
        return True
    return False


def _employer_clause(text: str, start: int, end: int, cues: dict) -> bool:
    """ "Ik werk zelf bij de klantenservice van Wehkamp": a clause about the writer's work makes
    the company in it the employer; one in the next clause is not ("ik werk bij Vitens ..., dus
    ik had de auto bij garage Hoekstra gebracht", "(ik werk bij de Rabobank) hoorden we van
    Studiecentrum Briljant")."""
    left, right = _sentence_bounds(text, start, end)
    before, after = text[left:start].lower(), text[end:right].lower()
    for phrase in cues["employer_sentence"]:
        at = before.rfind(phrase)
        if at >= 0 and not EMPLOYER_CLAUSE_BREAKS.search(before[at + len(phrase):]):
            return True
        at = after.find(phrase)
        if at >= 0 and not EMPLOYER_CLAUSE_BREAKS.search(after[:at]):
            return True
    return False


def _headline_tag(text: str, opened: int, closed: int) -> bool:
    """Is the bracket the end of the story's first line, after a headline of its own?"""
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    return closed < first_line_end and not text[closed + 1 : first_line_end].strip() and bool(text[:opened].strip())


def _in_brackets(text: str, start: int, end: int) -> bool:
    """The name is the first thing in a short bracketed aside ("(Gazelle Ultimate)"), or
    anywhere in a bracketed remark in which the writer does nothing ("(kamer gevonden op
    Kamernet, voor wie het interesseert)"); "(ik heb KPN ook gebeld)" is told, not aside."""
    opened = text.rfind("(", max(0, start - 3), start)
    closed = text.find(")", end, end + 25)
    if opened >= 0 and closed >= 0 and "\n" not in text[opened:closed]:
        # "Ons citytripje naar Parijs dat nooit doorging (FlixBus)": a headline that ends in the
        # company's name in brackets says whom the story is about
        return not _headline_tag(text, opened, closed)
    opened = text.rfind("(", max(0, start - 80), start)
    closed = text.find(")", end, end + 80)
    if opened < 0 or closed < 0 or ")" in text[opened:start] or "(" in text[end:closed] \
            or "\n" in text[opened:closed]:
        return False
    words = set(re.findall(r"\w+", text[opened:closed].lower()))
    return not words & CUSTOMER_WORDS


def _other_peoples_case(sentence: str, cues: dict, clause: str) -> bool:
    """ "Mijn schoonzus bestelt alles bij Fonq": someone else's dealings, unless the writer is
    in them too (the "mijn" of "mijn schoonzus" does not count as the writer). The writer is
    looked for in the clause that names the company: in "Mijn broer heeft zijn keuken bij X
    gekocht ..., maar wij vonden ..." the "wij" is in another clause."""
    sentence, clause = (re.sub(r"[,;:()]", " ", part) for part in (sentence, clause))  # "Mijn zus, die ..."
    people = [p for p in cues["other_people_sentence"] if f" {p} " in sentence]
    if not people or any(f" {w} " in sentence for w in cues["recommend_words"]):
        return False  # "Een collega raadde vertaalbureau Taalbrug aan": a tip to the writer
    if any(f" {w} " in sentence for w in cues["witness_phrases"]):
        return False  # "de buurvrouw had gezien dat een ploeg van de gemeente ...": a witness
    possessive = "|".join(re.escape(p) for p in cues["possessives"])
    rest = clause if any(f" {p} " in clause for p in people) else sentence
    for person in people:  # "Mijn schoonmoeder ... toen mijn schoonvader overleed"
        rest = re.sub(rf" (?:(?:{possessive}) )?{re.escape(person)} (?:van (?:mij|ons) )?", " ", rest)
    return not any(f" {w} " in rest for w in cues["first_person"])


def _person_only_in_later_subclause(text: str, start: int, end: int, cues: dict) -> bool:
    """ "naar reparatiewinkel FixPunt, omdat een collega daar goede ervaringen had": the other
    person comes up only in a clause that a subordinator opens after the name, so the sentence's
    main line (with the name) is still the writer's own."""
    left, right = _sentence_bounds(text, start, end)
    lead = " " + re.sub(r"[,;:()]", " ", text[left:start].lower()) + " "
    tail = " " + re.sub(r"[,;:()]", " ", text[end:right].lower()) + " "
    people = cues["other_people_sentence"]
    if any(f" {p} " in lead for p in people):
        return False
    first = min((tail.find(f" {p} ") for p in people if f" {p} " in tail), default=-1)
    return first >= 0 and any(f" {w} " in tail[: first + 1] for w in SUBORDINATORS)


def _counterfactual(sentence: str, cues: dict) -> bool:
    """ "Via Zilveren Kruis had ik bemiddeling kunnen aanvragen": what could have been done."""
    words = set(sentence.replace(",", " ").split())
    aux, modal = cues["counterfactual"]
    return bool(words & set(aux)) and bool(words & set(modal))


def _speaks_as_staff(sentence: str, cues: dict) -> bool:
    """ "Als manager van de X heb ik ...": the writer speaks for the company."""
    words = sentence.split()
    if "als" not in words or not set(words) & set(cues["first_person"]):
        return False
    after_als = words[words.index("als") + 1 : words.index("als") + 6]
    return any(w.strip(",.") in cues["job_titles"] for w in after_als)


CLAUSE_AROUND_BREAKS = re.compile(r"[,;:]|\b(?:maar|want)\b")


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause around text[start:end], lower-cased and padded: from the comma, semicolon,
    "maar" or "want" before it to the one after it, within its sentence."""
    left, right = _sentence_bounds(text, start, end)
    sentence = text[left:right].lower()
    before = [m.end() for m in CLAUSE_AROUND_BREAKS.finditer(sentence, 0, start - left)]
    after = CLAUSE_AROUND_BREAKS.search(sentence, end - left)
    return " " + sentence[before[-1] if before else 0 : after.start() if after else len(sentence)] + " "


def _sentence_around(text: str, start: int, end: int) -> str:
    left, right = _sentence_bounds(text, start, end)
    return text[left:right]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence around text[start:end], read from punctuation and line
    ends (the mention rules work on text, before and without the Doc's sentences)."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return left, min(rights) if rights else len(text)


def _strip_article(text: str) -> str:
    """ "manager van de " -> " manager van": an article between cue and name does not matter."""
    text = text.rstrip()
    for article in ARTICLES:
        if text.endswith(" " + article):
            return text[: -len(article) - 1].rstrip()
    return text


ARTICLES = resources.words("experiences.articles")


# a company named plainly (or by a noun pointing to it) makes it the company the story is now
# about; comparisons, adverts, hypotheticals and employers do not move the story's topic, and a
# carrier or seller does so only when the story has no company named plainly (see _attribute).
# These roles do not even take the cues of their own sentence from the story's company:
PASSING_ROLES = frozenset({"payment", "product", "aside"})
LETTER_OPENERS = resources.phrases("experiences.letter_openers")  # "Hierbij dien ik ..."


def _attribute(doc: Doc, mentions: list[_Mention], cue_sentences: set[int]):
    """A function char offset -> company: the nearest company named in the same sentence
    (left first), else the company the story was last talking about."""
    sentences = docindex.sentences(doc)
    per_sentence: dict[int, list[_Mention]] = defaultdict(list)
    for m in mentions:
        token = _tokens_of(doc, m)
        if token is not None:
            per_sentence[docindex.sentence_number(doc, token.start)].append(m)
    topic_before: list[str | None] = []
    topic: str | None = None
    # named plainly in a main clause: "twee dagen nadat DPD de doos had opgehaald" does not make
    # the carrier of the first paragraph a company the story is about
    plain = {m.company for m in mentions if m.company and m.role in ("", "ref") and not m.subordinate}
    plain_named = {m.company for m in mentions if m.company and m.role == ""}
    # companies named only in passing (carrier, comparison, payment, ...), never as the one served
    passing = {m.company for m in mentions if m.company and m.role not in ("ref", "", "seller")} - {
        m.company for m in mentions if m.role in ("", "seller")}
    named_set = {m.company for m in mentions if m.named and m.company}
    # "via beslagwinkel.nl besteld ... dinsdag kwam PostNL al met de doos": the carrier does not
    # take the story from the shop that sold
    sellers = {m.company for m in mentions if m.role == "seller"}
    mentioned_times = Counter(m.company for m in mentions if m.company)
    first_named = {}
    for m in mentions:
        if m.company and m.role != "ref":
            first_named.setdefault(m.company, m.start)
    named_times = Counter(m.company for m in mentions if m.company and m.start >= first_named.get(m.company, m.start + 1))
    borrowed: str | None = None  # the topic before a company named once took it in passing
    for i in range(len(sentences)):
        if borrowed is not None and _opens_paragraph(doc, sentences[i]):
            # "De Rabobank kon zonder die verklaring niets vrijgeven.\n\nIk heb minstens zes keer
            # gemaild": a company named once, in a sentence that told no contact, keeps the story
            # to the end of its paragraph; the next one is the story's company's again
            topic, borrowed = borrowed, None
        topic_before.append(topic)
        active = [m for m in per_sentence.get(i, []) if m.company and m.company.lower() not in _third_parties() and (
            m.role == "" or m.role in ("seller", "carrier") and (
                # ("Glasblazen bij Vuurbel ... Geboekt via Eventbrite": a platform that only took
                # the booking does not take the story from the firm named plainly before it)
                m.company in plain and not (m.role == "carrier" and m.sector != "delivery" and topic in plain)
                or topic is None
                or topic not in plain and not (m.role == "carrier" and topic in sellers))
            # "schade moest ik maar bij de vervoerder melden": a noun pointing to a company named
            # only in passing (the carrier) keeps the cues of its own sentence but does not take
            # the story from the company it is about
            or m.role == "ref" and (m.company not in passing or topic is None or topic not in plain_named))]
        # a kind noun in passing ("een tandenborstel van de supermarkt") does not take the story
        # away from a named company; it does when the sentence is about contact with it
        active = [m for m in active if m.named or i in cue_sentences or topic is None or topic not in named_set
                  or _opens_sentence(doc, m, sentences[i])]
        # "Mijn verzekeraar, Interpolis, wil dat papiertje zien": a company named once, in a
        # sentence that tells no contact, is background; the story stays with its company
        active = [m for m in active if i in cue_sentences or topic is None or topic not in named_set
                  or mentioned_times.get(m.company, 0) > 1 or m.company == topic or not m.named
                  or not _in_passing(doc, m) or _first_in_sentence(doc, m, sentences[i])
                  or _engaged(doc, m, sentences[i]) or _opens_paragraph(doc, sentences[i])]
        main = [m for m in active if not m.subordinate]
        # "bij Camping X, geboekt via Booking.com": a company named plainly in the sentence
        # keeps the story from a carrier or seller named after it
        main = [m for m in main if m.role in ("", "ref")] or main
        if main:
            # ("morgen komt de loodgieter", quoted before "een busje van Installatiebedrijf X": a noun
            # read as the firm before its name is no earlier mention of it)
            # ("Stap 3: Univé." heading its paragraph is what the story turns to, not a name in passing)
            once = main[-1].named and named_times.get(main[-1].company, 0) == 1 and i not in cue_sentences \
                and not _heading_sentence(doc, main[-1], sentences[i])
            borrowed = (borrowed or topic) if once and topic is not None and topic != main[-1].company else None
            topic = main[-1].company
        elif active and topic is None:
            topic = active[-1].company
    first_topic = next((t for t in topic_before[1:] + [topic] if t in named_set), None)
    sections = _section_heads(doc, mentions)
    paragraphs = _paragraph_heads(doc, mentions)
    staff = _staff_names(doc, per_sentence, topic_before)
    departments = _department_owners(sentences, per_sentence, topic_before)

    series = _numbered_headings(doc)
    club = _membership_body(doc, mentions)

    def owner(char: int, name_after: bool = True) -> str | None:
        token = doc.char_span(char, char + 1, alignment_mode="expand")
        if token is None:
            return None
        i = docindex.sentence_number(doc, token.start)
        if i in series:
            # "Mail 3 (23 juli)" after a paragraph about the maker: the third of the mails to the
            # shop, as "Mail 2" was
            return owner(sentences[series[i]].start_char, name_after)
        # a disputes body or lawyer is never the company served, so it owns no facts
        here = [m for m in per_sentence.get(i, []) if m.company and m.company.lower() not in _third_parties()]
        section = _section_of(docindex.text(doc), char, sections)
        if section is not None and not any(m.named and m.role == "" and not m.subordinate and m.company != section
                                           for m in here):
            return section  # "Zilveren Kruis" on a line of its own, then "- juli: gebeld."
        head = _paragraph_head_of(doc, char, paragraphs, mentions, i)
        if head is not None:
            return head  # "Allianz, mijn reisverzekering. Claim ingediend in de app. ..."
        if topic_before[i] is not None and not _object_company(doc, char, here):
            # a company named in a reported or subordinate clause, or only as the means of
            # payment, the product or an aside ("via ING teruggeboekt en ... per brief opgezegd"),
            # does not take the sentence's cues from the company the story is about
            here = [m for m in here if not m.subordinate and m.role not in PASSING_ROLES]
        if here:
            object_of = _object_company(doc, char, here)
            if object_of is not None:
                return object_of.company
            left = [m for m in here if m.start <= char]
            if left:
                return left[-1].company
            # a company named shortly after the cue ("Gisteren belde ik KPN") takes it; one far
            # behind a comma ("..., dat ze me naar Transavia zouden sturen") does not
            if name_after and _close_after(doc, char, here[0]) or topic_before[i] is None:
                return here[0].company
        if club is not None and any(t.lower_ in OFFICER_NOUNS for t in sentences[i]):
            return club  # "de penningmeester erop aangesproken": an officer of the writer's club or choir
        # ("de foto's van Marco", "de mail van Ilse": what the person made, sent along, is no contact with her)
        known = next((staff[t.text] for t in sentences[i] if t.text in staff and (
            t.i == 0 or doc[t.i - 1].lower_ != "van")), None)
        if known is not None:
            return known  # "onze adviseur, Sofie" (at KBC) ... "Ik heb Sofie gemaild": Sofie's firm
        department = next((departments[t.lower_] for t in sentences[i] if t.lower_ in departments
                           and departments[t.lower_][1] < i), None)
        if department is not None:
            return department[0]  # "het planningsbureau" of the hospital, again after the GP's paragraph
        if topic_before[i] is not None:
            return topic_before[i]
        # "Ik heb de klantenservice gebeld." before any company is named: what the writer did is
        # with the story's first named company, further on (an advert retold first is not)
        return first_topic if any(t.lower_ in CUSTOMER_WORDS for t in sentences[i]) else None
    return owner


NUMBERED_HEADING = re.compile(r"[ \t]*([^\W\d]+(?:-[^\W\d]+)?)[ \t]+(?:nummer[ \t]+|nr\.?[ \t]*)?(\d{1,2})\b")


def _numbered_headings(doc: Doc) -> dict[int, int]:
    """Sentences that open a line with a numbered message label ("Mail 2 (7 juli)", "Brief 3:"),
    each mapped to the sentence of the label one lower in the same series: the series goes to
    one addressee, whatever the story told between two of its messages."""
    text = docindex.text(doc)
    last: dict[tuple[str, int], int] = {}
    out = {}
    for i, sent in enumerate(docindex.sentences(doc)):
        start = sent.start_char
        if text.rfind("\n", 0, start) + 1 != start and start != 0:
            continue
        m = NUMBERED_HEADING.match(text, start)
        if m is None or m.group(1).lower() not in contact_rules.LABEL_NOUNS:
            continue
        label, number = m.group(1).lower(), int(m.group(2))
        if (label, number - 1) in last:
            out[i] = last[(label, number - 1)]
        last[(label, number)] = i
    return out


DEPARTMENT_NOUNS = frozenset(resources.read_json("mentions.json")["department_nouns"])


def _department_owners(sentences: list[Span], per_sentence: dict, topic_before: list) -> dict[str, tuple[str, int]]:
    """A department word of one firm ("Ik heb meteen het planningsbureau gebeld" while the story
    is about the hospital) and the sentence it was first used in: used again after the story
    turned to another firm ("Daarna weer het planningsbureau gebeld"), it is still that firm's.
    A word first used in a sentence that names no firm and follows none is left out."""
    found: dict[str, tuple[str, int]] = {}
    for i, sent in enumerate(sentences):
        named = [m for m in per_sentence.get(i, []) if m.company and m.role in ("", "ref") and not m.subordinate]
        owner = named[-1].company if named else topic_before[i] if i < len(topic_before) else None
        for tok in sent:
            if tok.lower_ in DEPARTMENT_NOUNS and tok.lower_ not in found and owner is not None:
                found[tok.lower_] = (owner, i)
    return found


STAFF_NOUNS = frozenset(resources.read_json("mentions.json")["staff_nouns"])


def _staff_names(doc: Doc, per_sentence: dict, topic_before: list) -> dict[str, str]:
    """First names of a company's staff: "zei onze adviseur, Sofie" while the story is about KBC,
    "Sofie van KBC", "Kris Willems" of Elektro Willems. A later "Ik heb Sofie gemaild" is with her firm, whatever the story turned to
    in between. A name given to staff of two firms is left out."""
    names = first_names()
    found: dict[str, set[str]] = defaultdict(set)
    for i, sent in enumerate(docindex.sentences(doc)):
        named = [m for m in per_sentence.get(i, []) if m.company and m.role in ("", "ref") and not m.subordinate]
        owner = named[-1].company if named else topic_before[i] if i < len(topic_before) else None
        tokens = list(sent)
        for k, tok in enumerate(tokens):
            if tok.text not in names:
                continue
            before = [t.lower_ for t in tokens[max(0, k - 2) : k] if t.text != ","]
            if before and before[-1] in STAFF_NOUNS and owner is not None:
                found[tok.text].add(owner)  # "onze adviseur, Sofie", "medewerker Ahmed"
            elif k + 2 < len(tokens) and tokens[k + 1].lower_ == "van":
                after = [m for m in per_sentence.get(i, []) if m.company and _tokens_of(doc, m) is not None
                         and _tokens_of(doc, m).start in (tokens[k + 2].i, tokens[k + 2].i + 1)]
                if after:
                    found[tok.text].add(after[0].company)  # "Sofie van KBC"
            elif k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
                # "twee gasten: Kris Willems en zijn neef" in a story about Elektro Willems: his
                # surname is the firm's name, and "Ik heb Kris gebeld" is with the firm
                own = [m for m in per_sentence.get(i, []) if m.company and m.named and _tokens_of(doc, m) is not None
                       and _tokens_of(doc, m).start == tokens[k + 1].i and m.company != tok.text]
                if own:
                    found[tok.text].add(own[0].company)
    return {name: next(iter(firms)) for name, firms in found.items() if len(firms) == 1}


HEADING_PREFIXES = ("", "bij", "met")  # "Zilveren Kruis", "Bij Fysiotherapie De Esch:", "Met CZ:"


def _section_heads(doc: Doc, mentions: list[_Mention]) -> dict[int, str]:
    """Line starts of headings that are only a company's name ("Zilveren Kruis", "Bij
    Fysiotherapie De Esch:") above a bulleted list: the list under it is that company's."""
    text = docindex.text(doc)
    heads = {}
    for m in mentions:
        if not m.named or not m.company or m.role != "":
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end < 0 else line_end
        rest = (text[line_start : m.start] + text[m.end : line_end]).strip(" \t:").lower()
        if rest not in HEADING_PREFIXES or not contact_rules.LIST_BULLET.match(text, line_end + 1):
            continue
        heads[line_start] = m.company
    return heads


PARAGRAPH_HEAD = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?(?:,[^.,:;!?\n]{1,40})?[.:][ \t]*\S")


def _paragraph_start(text: str, char: int) -> int:
    """Where the paragraph (text after a blank line) holding ``char`` starts."""
    start = text.rfind("\n\n", 0, char)
    return 0 if start < 0 else start + 2


def _paragraph_heads(doc: Doc, mentions: list[_Mention]) -> dict[int, _Mention]:
    """Paragraph starts headed by a company's name alone ("NS. Via het formulier ...",
    "Allianz Global Assistance, mijn reisverzekering. Claim ingediend ...", "Eneco (mijn
    leverancier): ..."): a story told company by company, each paragraph about the one it
    opens with."""
    text = docindex.text(doc)
    heads = {}
    for m in mentions:
        if not m.named or not m.company or m.role != "" or m.subordinate:
            continue
        start = _paragraph_start(text, m.start)
        if text[start : m.start].strip().lower() in HEADING_PREFIXES and PARAGRAPH_HEAD.match(text, m.end):
            heads.setdefault(start, m)
    return heads


def _paragraph_head_of(doc: Doc, char: int, heads: dict[int, _Mention], mentions: list[_Mention],
                       sentence: int) -> str | None:
    """The company heading the paragraph ``char`` stands in, while no other company has been
    named plainly in the paragraph up to the end of this sentence, and this sentence points to
    no other company by a noun ("de luchtvaartmaatschappij gebeld")."""
    if not heads:
        return None
    head = heads.get(_paragraph_start(docindex.text(doc), char))
    if head is None or char < head.end:
        return None
    sent = docindex.sentences(doc)[sentence]
    for m in mentions:
        if m.company in (None, head.company) or not head.end <= m.start < sent.end_char:
            continue
        plain = m.named and m.role == "" and not m.subordinate
        pointing = m.role == "ref" and m.start >= sent.start_char
        if plain or pointing:
            return None
    return head.company


OFFICER_NOUNS = resources.words("experiences.officer_nouns")


def _membership_body(doc: Doc, mentions: list[_Mention]) -> str | None:
    """The one club, choir or association the story names plainly ("VV Ommeland", "koor
    Cantilena", "Tennisvereniging De Lob"): whose treasurer, chair or board the writer talks to
    when a sentence names no company; of several, the one named most ("De buurclub, VV Holtheme,
    had op tijd betaald" is not the writer's). None when the story names none, or two as often."""
    text = docindex.text(doc)
    bodies: Counter = Counter()
    for m in mentions:
        if not m.named or not m.company or m.role != "":
            continue
        words = m.company.lower().split()
        before = text[max(0, m.start - 16) : m.start].lower().split()
        # (a short form in capitals found from context, "ZVG", "MRV", is a student or sports
        # association's as often as not: it competes with the long name it stands for)
        if m.company.split()[0] in CLUB_PREFIXES or any(w.endswith(tuple(MEMBERSHIP_HEADS)) for w in words) \
                or before and before[-1].endswith(tuple(MEMBERSHIP_HEADS)) \
                or m.from_context and re.fullmatch(r"[A-Z]{2,6}", m.company):
            bodies[m.company] += 1
    ranked = bodies.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def _heading_sentence(doc: Doc, m: _Mention, sent: Span) -> bool:
    """ "Stap 3: Univé.", "NS." opening a paragraph: a sentence that is the company's name and at
    most one label word (a number aside) heads the part of the story about it."""
    if not _opens_paragraph(doc, sent):
        return False
    rest = [t for t in sent if t.is_alpha and not m.start <= t.idx < m.end]
    return len(rest) <= 1


def _section_of(text: str, char: int, heads: dict[int, str]) -> str | None:
    """The company whose heading a bulleted line stands under, if any (a blank line ends the
    section)."""
    if not heads:
        return None
    return heads.get(contact_rules.list_heading(text, char, across_blank_lines=False))


TOPIC_OPENERS = resources.words("experiences.topic_openers")
MUNICIPALITY_WORDS = resources.phrases("experiences.municipality_prefixes")  # a town's council by name
ENGAGE_VERBS = resources.words("experiences.engage_verbs")
PASSING_PREPOSITIONS = resources.words("experiences.passing_prepositions")
PASSING_DETERMINERS = resources.words("experiences.passing_determiners")


def _in_passing(doc: Doc, m: _Mention) -> bool:
    """ "bij de Lidl", "van KBC", "mijn verzekeraar, Interpolis,": a name after a preposition or
    in apposition is how a company comes up in passing ("Ook een leuke is planet" is not)."""
    token = _tokens_of(doc, m)
    if token is None or token.start == 0:
        return False
    k = token.start - 1
    while k > 0 and doc[k].lower_ in PASSING_DETERMINERS:
        k -= 1
    return doc[k].lower_ in PASSING_PREPOSITIONS or doc[k].text == ","


def _engaged(doc: Doc, m: _Mention, sentence: Span) -> bool:
    """ "terug naar Fietshuis Jansen", "MV Catering ingehuurd", "via eilandscooter.nl twee
    scooters gehuurd": the writer went to or hired the company, so the story turns to it."""
    token = _tokens_of(doc, m)
    if token is None:
        return False
    if any(t.lower_ == "naar" for t in doc[max(sentence.start, token.start - 3) : token.start]):
        return True
    return any(t.lower_ in ENGAGE_VERBS for t in sentence)


def _opens_paragraph(doc: Doc, sentence: Span) -> bool:
    """ "... niet opgelost.\n\nMijn bankpas van ING werd geblokkeerd": a paragraph's first
    sentence may turn the story to a company named in it in any way."""
    before = doc.text[max(0, sentence.start_char - 12) : sentence.start_char].rstrip(" \t")
    return sentence.start_char == 0 or before.endswith("\n\n")


def _words_before(doc: Doc, m: _Mention, sentence: Span) -> list[str] | None:
    """The words of the sentence before the mention (None when it cannot be placed)."""
    token = _tokens_of(doc, m)
    return None if token is None else [t.lower_ for t in doc[sentence.start : token.start]]


def _first_in_sentence(doc: Doc, m: _Mention, sentence: Span) -> bool:
    """ "Univé stuurde een expert.", "Dan Stedin.": a company that opens its sentence (after
    "dan", "nu", "en" at most) is its subject, what the story turns to."""
    before = _words_before(doc, m, sentence)
    words = [w for w in before or [] if any(ch.isalnum() for ch in w)]
    return before is not None and len(words) <= 2 and all(w in TOPIC_OPENERS or w in DEFINITE for w in words)


def _opens_sentence(doc: Doc, m: _Mention, sentence: Span) -> bool:
    """ "Dan de woningcorporatie, eigenaar van het hele blok.": a kind of company of its own put
    first in its sentence (after "dan", "nu", "en" at most) is what the story turns to, even
    before a contact with it is told."""
    before = _words_before(doc, m, sentence)
    return bool(before) and before[-1] in DEFINITE and all(w in TOPIC_OPENERS for w in before[:-1]) and len(before) <= 3 \
        and not _only_described(doc, m)


def _only_described(doc: Doc, m: _Mention) -> bool:
    """ "Het hotel was niet annuleerbaar, dat verlies is voor ons": a kind noun followed by a
    copula and what it was is described, not turned to."""
    token = doc.char_span(m.start, m.end, alignment_mode="expand")
    return token is not None and token.end < len(doc) and doc[token.end].lower_ in DESCRIBING_COPULAS


DESCRIBING_COPULAS = resources.words("experiences.describing_copulas")


SUBORDINATORS = resources.words("experiences.subordinators")
MAIN_CLAUSE_OPENERS = resources.words("experiences.main_clause_openers")
MAIN_CLAUSE_OPENERS_AFTER_COMMA = resources.words("experiences.main_clause_openers_after_comma")
SPEECH_VERBS = resources.words("experiences.speech_verbs")
CUSTOMER_WORDS = resources.words("contacts.self")
SPEECH_TAGS = resources.phrases("experiences.speech_tags")
# "Ik heb uitgelegd dat KPN dat deed": what the customer tells one company about another
TELLING_VERBS = resources.words("experiences.customer_telling_verbs")


def _in_subordinate_clause(doc: Doc, sentence: Span, start: int, end: int) -> str:
    """How a company named here stands in its sentence: "reported" when it is someone else's
    words ("mijn zus zegt dat bij Ziggo ...", 'Dat is een kabel van Ziggo', "..., legde ze uit"),
    "subordinate" in a clause that is not the sentence's main line ("want mijn vlucht met
    Transavia vertrok om 07:40", "beloofde een onderzoek bij DHL te starten"), else "".
    Either way the story is not about this company now; the main clause (or speaker) is.
    A clause the customer speaks ("Ik kan niet zeggen dat KLM onvriendelijk was") is theirs,
    unless it reports what the customer told ("Ik heb uitgelegd dat KPN dat deed")."""
    name = doc.char_span(start, end, alignment_mode="expand")
    if name is None:
        return ""
    opener = None
    clause_has_self = told = False
    for t in doc[sentence.start : name.start]:
        low = t.lower_
        if low == "," and opener is not None and t.i + 2 < name.start and doc[t.i + 2].lower_ in CUSTOMER_WORDS:
            # "Om zeker te zijn dat het niet aan hen lag, heb ik ook de SVB gebeld": verb and
            # subject after the comma, the main clause is back
            opener = None
        # ("staat dat de leverancier de facturen opmaakt, dus terug naar Engie": after a comma,
        # "dus" opens a main clause too)
        after_comma = low in MAIN_CLAUSE_OPENERS_AFTER_COMMA and t.i > sentence.start and doc[t.i - 1].text == ","
        if low == ":" and t.i > sentence.start and doc[t.i - 1].lower_ in CALLED_BEFORE_COLON \
                and t.i + 1 < name.start and doc[t.i + 1].lower_ in ANSWERED_BY:
            return "reported"  # "Maandag heb ik Rhenus gebeld: ze hadden van Loungeloods geen opdracht gekregen"
        if low in MAIN_CLAUSE_OPENERS or low in (",", ";", ":") or after_comma:
            if opener is None:
                clause_has_self = told = False
            if low in MAIN_CLAUSE_OPENERS or after_comma:
                opener = None  # "..., maar de Univé-medewerker hield ..." is a main clause again
            continue
        if low in CUSTOMER_WORDS and opener is None:
            clause_has_self = True
        if low == "die" and opener is None and t.i + 1 < name.start and doc[t.i + 1].lower_ in SPEECH_VERBS:
            clause_has_self = False  # "kreeg ik iemand die zei dat het rapport naar Wehkamp zou gaan": the speaker's words
        if low in TELLING_VERBS and opener is None:
            told = True
        if low in SUBORDINATORS and t.i > sentence.start and not _dat_opens_no_report(doc, t.i):
            opener = low
            if low == "dat" and t.i + 1 < name.start and doc[t.i + 1].lower_ in CUSTOMER_WORDS \
                    and doc[t.i - 1].lower_ in KNOWING_VERBS:
                # "Wie mijn vorige blog las, weet dat ik een set borden had besteld bij Studio
                # Draaischijf": what the reader knows is the writer's own story, told on
                clause_has_self, told = True, False

        elif low == "of" and t.i > sentence.start and doc[t.i - 1].lower_ in QUESTION_VERBS:
            # "Menzis gebeld om te vragen of mijn praktijk gecontracteerd was": the writer asks
            # in the main clause; what the question is about is not dealt with
            opener, clause_has_self = low, False
        elif low in SPEECH_VERBS and t.i > sentence.start and _infinitive_after(doc, name.end, sentence.end):
            opener = low
    if opener is not None and (not clause_has_self or told and opener == "dat"):
        return "reported" if opener == "dat" or opener in SPEECH_VERBS else "subordinate"
    if _inside_quote(doc, name.start) and not _quoted_name(doc, name):
        return "reported"
    after = " ".join(t.lower_ for t in doc[name.end : sentence.end] if not t.is_punct)
    return "reported" if any(after.endswith(tag) for tag in SPEECH_TAGS) else ""


QUESTION_VERBS = resources.words("experiences.question_verbs")
KNOWING_VERBS = resources.words("experiences.knowing_verbs")
# "gebeld: ze hadden ...": what a call or mail brought back, told after a colon by its subject
CALLED_BEFORE_COLON = resources.words("experiences.called_before_colon")
ANSWERED_BY = resources.words("experiences.answered_by")
# "Els heeft dat nummer ... doorgegeven": after a form of "hebben", "dat" points at a thing
HAVE_FORMS = resources.words("experiences.have_before_demonstrative")
# "De derde keer dat ik de RDW belde": after a word of time, "dat" says when
TIME_BEFORE_RELATIVE = resources.words("experiences.time_before_relative_dat")
# "Vanaf dat moment heb ik Mitros tig keer gemaild": after a preposition, "dat" is a demonstrative
PREPOSITION_BEFORE_DEMONSTRATIVE = resources.words("experiences.preposition_before_demonstrative")


def _dat_opens_no_report(doc: Doc, i: int) -> bool:
    """ "Els heeft dat nummer aan Mobile Vikings doorgegeven", "De derde keer dat ik de RDW
    belde", "Vanaf dat moment ...": "dat" right after a form of "hebben" or a preposition is a
    demonstrative, after a word of time a relative; neither is the "dat" that opens someone's reported words ("Het probleem is dat
    ...", "Ze zei dat ...")."""
    return doc[i].lower_ == "dat" and (doc[i - 1].lower_ in HAVE_FORMS or doc[i - 1].lower_ in TIME_BEFORE_RELATIVE
                                       or doc[i - 1].lower_ in PREPOSITION_BEFORE_DEMONSTRATIVE and _noun_after(doc, i))


def _noun_after(doc: Doc, i: int) -> bool:
    """ "vanaf dat moment", "met dat rapport": a lower-case word after "dat" that is no pronoun,
    article or adverb of place is the noun "dat" points at ("legde uit dat er ..." opens a clause:
    there "uit" is the verb's particle)."""
    return i + 1 < len(doc) and doc[i + 1].is_alpha and doc[i + 1].is_lower \
        and doc[i + 1].lower_ not in NOT_NOUNS_AFTER_DAT


NOT_NOUNS_AFTER_DAT = resources.words("experiences.not_nouns_after_dat")


def _infinitive_after(doc: Doc, i: int, end: int) -> bool:
    """ "beloofde een onderzoek bij DHL te starten": a "te"-infinitive closes the promise."""
    return any(t.lower_ == "te" for t in doc[i : min(end, i + 6)])


def _quoted_name(doc: Doc, name: Span) -> bool:
    """ 'escaperoom "De Vergeten Tijd"': quotes that hold the name and nothing else mark a name,
    not someone's words."""
    return name.start > 0 and name.end < len(doc) and doc[name.start - 1].text in QUOTES \
        and doc[name.end].text in QUOTES


def _inside_quote(doc: Doc, i: int, *, since: int = 0) -> bool:
    """Inside quoted speech that may have opened sentences earlier in the same paragraph (or,
    with ``since``, within the tokens from there on)."""
    k, quotes = i - 1, 0
    while k >= since and i - k <= 120 and "\n" not in doc[k].text:
        quotes += doc[k].text in QUOTES
        k -= 1
    return quotes % 2 == 1


OWNER_REACH = 12
RELATIVE_PRONOUNS = resources.words("experiences.relative_pronouns")


def _close_after(doc: Doc, char: int, mention: _Mention) -> bool:
    cue = doc.char_span(char, char + 1, alignment_mode="expand")
    name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if cue is None or name is None:
        return False
    between = {t.lower_ for t in doc[cue.end : name.start]}
    if between & {",", ";", ":", "maar", "want", "dat", "omdat"}:
        return False
    # "een melding gedaan via het formulier op de site van de gemeente Oldebroek": the channel's
    # owner, named with "van", is further off but still the one reached
    owned = any(t.lower_ == "van" for t in doc[max(cue.end, name.start - 3) : name.start]) \
        and not between & RELATIVE_PRONOUNS  # "een mens aan de lijn die je kent van de supermarkt"
    return name.start - cue.end <= (OWNER_REACH if owned else 6)


PREPOSITIONS = resources.words("experiences.prepositions")


PAID_WITH = resources.phrases("experiences.paid_with")[0]  # "met Bancontact"


def _object_company(doc: Doc, char: int, here: list[_Mention]) -> _Mention | None:
    """ "een brief naar Eneco", "gebeld met KPN": the company named just after the cue,
    behind a preposition, is the one the cue is about."""
    cue = doc.char_span(char, char + 1, alignment_mode="expand")
    if cue is None:
        return None
    for m in here:
        if m.start <= char:
            if _object_before_verb(doc, cue, m) or _fronted_addressee(doc, cue, m):
                return m
            continue
        name = _tokens_of(doc, m)
        if name is None or name.start - cue.end > 5:
            continue
        between = {t.lower_ for t in doc[cue.end : name.start]}
        if m.role == "product" or m.role in PASSING_ROLES and between & RELATIVE_WORDS:
            # "gebeld met mijn Samsung": a product is no addressee; nor is a payment service or an
            # aside in a clause of its own ("het nummer gebeld dat bij haar Tikkie stond"). (A
            # payment service or document right after the cue keeps the cue from the story's
            # firm: "via de app van de Rabobank", "met de brief van de gemeente".)
            continue
        if m.role == "payment" and PAID_WITH in between:
            continue  # "Betaald hebben we aan de balie met Bancontact": the means of paying, not the desk's owner
        if _owner_of_a_thing(doc, cue, name):
            continue  # "een mail gestuurd met de bevestiging van Fluvius": Fluvius wrote the bevestiging
        if m.subordinate and not _in_subordinate_clause(doc, docindex.sentence_of(cue), cue.start_char, cue.end_char):
            continue  # "Ik heb Beweeg gemaild dat we met CZ in gesprek waren": CZ is what the mail told
        if between & PREPOSITIONS and not between & {",", ";", ".", "maar", "en", "want", "of"}:
            return m  # not across "met de vraag of ze Waterdicht ...": a clause of its own
    return None


def _owner_of_a_thing(doc: Doc, cue: Span, name: Span) -> bool:
    """ "met de bevestiging van Fluvius", "de brief van DUO": the name owns a thing named after the
    cue (a noun, then "van"), so it is not whom the cue went to ("een mail naar Eneco", "gebeld
    met KPN" have the preposition right after the cue)."""
    k = name.start - 1
    while k >= cue.end and doc[k].lower_ in ARTICLES:
        k -= 1
    if not (k > cue.end and doc[k].lower_ == "van" and doc[k - 1].is_alpha and doc[k - 1].lower_ not in PREPOSITIONS):
        return False
    # "in de app van de Rabobank", "de klantenservice van KPN": the firm's own channel or people
    # is where the contact went; a message or paper of the firm's is not
    thing = doc[k - 1].lower_
    # ("op de supportsite van Asus": a compound ending in a service head is the firm's own too)
    return thing not in _service_words() and not thing.endswith(SERVICE_HEADS) or thing in OWNED_MESSAGES


OWNED_MESSAGES = resources.words("experiences.owned_messages")
RELATIVE_WORDS = resources.words("experiences.relative_words")
FINAL_VERB_FILLERS = resources.words("experiences.final_verb_fillers")
ADDRESSEE_PREPOSITIONS = resources.words("experiences.addressee_prepositions")


def _fronted_addressee(doc: Doc, cue: Span, m: _Mention) -> bool:
    """ "Naar Rijnstate heb ik toen een mail gestuurd met de uitleg van CZ": a company put first
    behind "naar" or "aan", in the cue's own clause, is whom the message went to; a company
    named after the cue then belongs to what was sent."""
    name = _tokens_of(doc, m)
    if name is None or name.start == 0 or doc[name.start - 1].lower_ not in ADDRESSEE_PREPOSITIONS:
        return False
    clause_start = docindex.sentence_of(cue).start
    return name.start - 1 == clause_start and not any(
        t.text in (",", ";", ":") or t.lower_ in SUBORDINATORS for t in doc[name.end : cue.start])


def _object_before_verb(doc: Doc, cue: Span, m: _Mention) -> bool:
    """ "(dat) ik Liander moest bellen", "dat we Stedin zelf moesten mailen": in a clause with
    the verb last, the company between the customer and the contact verb is its object."""
    name = _tokens_of(doc, m)
    if name is None or name.start == 0 or not 0 <= cue.start - name.end <= 3:
        return False
    between = {t.lower_ for t in doc[name.end : cue.start]}
    return between <= FINAL_VERB_FILLERS and doc[name.start - 1].lower_ in CUSTOMER_WORDS


@cache
def _third_parties() -> frozenset[str]:
    return resources.word_lines("third_parties.txt")


def _third_party_sentences(doc: Doc, mentions: list[_Mention]) -> dict[int, set[str]]:
    """Sentence number -> the companies named or referred to in it, for each sentence that names
    a third party (a disputes body, a legal adviser) the customer may have contacted instead."""
    named: dict[int, set[str]] = defaultdict(set)
    third: set[int] = set()
    for m in mentions:
        token = _tokens_of(doc, m)
        if token is None or not m.company:
            continue
        number = docindex.sentence_number(doc, token.start)
        if m.company.lower() not in _third_parties():
            named[number].add(m.company)
        elif _contacted_in_clause(doc, token):
            third.add(number)  # not "..., toen ik zei dat ik naar de Huurcommissie zou gaan"
    return {number: named[number] for number in third}


def _contacted_in_clause(doc: Doc, name: Span) -> bool:
    """Is a contact verb in the same clause as the name ("Het Juridisch Loket heb ik gebeld")?"""
    sent = docindex.sentence_of(name)
    for cue in docindex.cues_in(sent):
        if cue.label_ not in ("contact_verb", "comm_verb"):
            continue
        lo, hi = (cue.end, name.start) if cue.end <= name.start else (name.end, cue.start)
        if not any(t.lower_ in contact_rules.CLAUSE_BREAKS for t in doc[lo:hi]):
            return True
    return False


DELIVERY_MANNER = frozenset(resources.read_json("mentions.json")["delivery_manner_words"])


def _also_served(f: _Facts) -> bool:
    """ "Sandra van wagenparkbeheer bij ons op kantoor heeft namens mij Athlon gebeld": a company
    read once as beside the writer's work, but named plainly elsewhere and in two or more
    sentences of the writer's own contacts, served the writer too."""
    return "plain" in f.roles and len(f.contact_sentences) >= 2


def _is_experience(f: _Facts) -> bool:
    if "employer" in f.roles and not _also_served(f) or f.company.lower() in _third_parties():
        return False
    has_facts = bool(f.channels or f.contact_sentences or f.waits or f.judgement_cues)
    if not has_facts:
        return False
    if "errand" in f.roles and f.roles <= ASIDE_ROLES | {"reported"}:
        return False  # a stopgap bought there: the visit was a purchase, no contact about the problem
    if f.roles <= {"comparison", "advert", "hypothetical", "reported", "background", "payment", "aside", "product"}:
        # "mijn zus zegt dat bij Ziggo ...": named only in someone's speech or a subordinate
        # clause, it is an experience only when the customer contacted it
        return bool(f.contact_sentences)
    if f.roles <= {"carrier", "comparison", "advert", "hypothetical", "reported"}:
        # a carrier that only delivered: an experience only when the customer contacted it or
        # met its staff ("nooit meer wat als er iets misgaat" is an outcome word, no meeting;
        # "keurig bij de buren" says how the parcel came)
        return bool(f.contact_sentences or any(c.label_ in ("friendly", "unfriendly") and c.text.lower() not in DELIVERY_MANNER
                                               for c in f.judgement_cues))
    if f.roles <= {"carrier", "seller", "comparison", "advert", "hypothetical", "reported"}:
        # a shop that only sold: an experience when the customer contacted it or the story
        # judges what it did
        return bool(f.contact_sentences or f.judgement_cues)
    if not f.named and not (f.contact_sentences or f.channels or f.waits):
        return False
    return True


def _gone_to(facts: dict[str, "_Facts"], destination: str | None) -> "_Facts | None":
    """The company a visit went to: a named one, or for a town hall the story's one municipality."""
    if destination == contact_rules.MUNICIPALITY:
        towns = [f for name, f in facts.items() if name.lower().startswith(MUNICIPALITY_WORDS)]
        return towns[0] if len(towns) == 1 else None
    return facts.get(destination or "")


def _tally_to_contacted(facts: dict[str, "_Facts"]) -> None:
    """ "Kort samengevat: vier keer contact, geen oplossing" after a paragraph about the roadside
    service: a tally is the writer's count with the company they contacted, so a company whose
    only contact sentences are bare tallies hands them to the company with most contacts told."""
    told = {name: [s for s in f.contact_sentences if not _bare_count(s)] for name, f in facts.items()}
    main = max((name for name in facts if told[name]), key=lambda name: len(told[name]), default=None)
    if main is None:
        return
    for name, f in facts.items():
        if name == main or told[name] or not f.contact_sentences:
            continue
        facts[main].contact_sentences = sorted(facts[main].contact_sentences + f.contact_sentences, key=lambda s: s.start)
        for channel, cues in list(f.channels.items()):
            # ("Alles samen heb ik vijf keer gebeld": the channels the recap names go along)
            moved = [c for c in cues if any(s.start <= c.start < s.end for s in f.contact_sentences)]
            if moved:
                facts[main].channels[channel].extend(moved)
                f.channels[channel] = [c for c in cues if c not in moved]
                if not f.channels[channel]:
                    del f.channels[channel]
        f.contact_sentences = []


def _bare_count(sent: Span) -> bool:
    """A sentence that only counts: a tally ("vier keer contact, geen oplossing") or a recap that
    names no company ("Alles samen heb ik zeker vijf keer gebeld en één mail gestuurd")."""
    if contact_rules.only_a_tally(sent):
        return True
    named = bool(docindex.named_spans(sent.doc, sent.start, sent.end))
    return not named and contact_rules.recap(sent) is not None


def _story_totals_apart(facts: dict[str, "_Facts"]) -> None:
    """ "Elf contactmomenten in totaal." after seven contacts with Vodafone and four with BKR: a
    total that names no company and is the sum of every company's contacts (within one, for a
    list read one short) is the story's, not one company's; it is left out of the company it
    would otherwise go to."""
    contacted = {name: f for name, f in facts.items() if f.contact_sentences}
    if len(contacted) < 2:
        return
    for name, f in contacted.items():
        for sent in list(f.contact_sentences):
            if contact_rules.only_a_tally(sent) and contact_rules.over_several_companies(sent):
                f.contact_sentences.remove(sent)  # "Alles bij elkaar elf keer contact met twee bedrijven"
                continue
            # ("Twaalf contactmomenten voor 179 euro." after a list per company: no total word)
            total = contact_rules.stated_total(sent) or contact_rules.bare_total(sent)
            if total is None:
                continue
            rest = [s for s in f.contact_sentences if s is not sent]
            own, _ = contact_rules.count(rest, f.tallies, f.own_channels)
            others = [contact_rules.count(o.contact_sentences, o.tallies, o.own_channels)[0] for o in contacted.values() if o is not f]
            summed = (own.min if own else 0) + sum(c.min for c in others if c)
            # (one contact either way is how far a count of the other lists may be off: "Dat is
            # twaalf keer in totaal" after lists of seven and five, one of them read as six)
            if own and any(others) and abs(total - summed) <= 1 and total > own.min + 1:
                f.contact_sentences = rest


def _thin_beside(f: _Facts, served: list[_Facts], named_in: set[int]) -> bool:
    """A named company the customer never contacted and whose staff the story never judges is a
    mention when the story has another company the customer did contact, and what it carries is
    a single kind of fact (one channel word such as a "bevestigingsmail", one wait, or only an
    outcome such as "opzeggen en overstappen") or facts all in the one sentence that names it:
    they were carried to it by the story's flow, no service exchange of its own. Two kinds of
    fact told on after it is named ("de monteur kwam ... twaalf dagen zonder verbinding") make
    an experience."""
    if f.contact_sentences or f.sent_to_customer:
        return False
    if not f.named:
        # "belde met haar contactpersoon bij de touroperator": a company known only by its kind,
        # never contacted by the customer, beside a named company that was
        return any(o is not f and o.named and o.contact_sentences for o in served)
    if any(c.label_ in ("friendly", "unfriendly") for c in f.judgement_cues):
        return False
    if not f.channels:
        # no channel, no contact and no staff judged: waits and outcome words alone, however many,
        # were carried to it by the story's flow ("drie weken later lag het onderdeel bij de
        # importeur ... na vijf weken was het er")
        return any(o is not f and o.contact_sentences for o in served)
    kinds = len(f.channels) + len(f.waits) + bool(f.judgement_cues)
    spans = [s for spans in f.channels.values() for s in spans] + f.waits + f.judgement_cues
    where = {docindex.sentence_number(s.doc, s.start) for s in spans}
    # "Thuis heb ik op de site van de RDW gekeken: ... zolang het niet gerepareerd is": every fact
    # in the one sentence that names it
    passing = kinds <= 1 or len(where) == 1 and where <= named_in
    return passing and any(o is not f and o.contact_sentences for o in served)


def _experience(f: _Facts, doc: Doc) -> Experience:
    waits = []
    for span in sorted(f.waits, key=lambda s: s.start_char):
        hours = durations.parse(span.text)
        if hours is None:
            continue
        waits.append(Wait(text=span.text, min_h=hours.min_h, max_h=hours.max_h, kind=span.label_,
                          business=hours.business, start=span.start_char, end=span.end_char,
                          sentence=docindex.sentence_of(span).text))
    contacts, log = contact_rules.count(f.contact_sentences, f.tallies, f.own_channels)
    friendliness, friendly_evidence = judgements.friendliness(f.judgement_cues)
    resolved, resolved_evidence = judgements.resolved(f.judgement_cues)
    evidence = {"friendliness": friendly_evidence, "resolved": resolved_evidence,
                "channels": [{"label": label, "text": s.text, "start": s.start_char, "end": s.end_char}
                             for label, spans in f.channels.items() for s in spans[:3]]}
    # a visit told with a verb of motion ("naar IKEA Delft gereden") is a contact without a channel word
    # (a sentence that told more than one channel lists them all: "Ik ben er zaterdag langsgegaan en heb
    # daarna twee keer gebeld")
    counted = {"shop" for entry in log if entry["added"] > 0 and "shop" in entry.get("channels", [entry["channel"]])}
    return Experience(company=f.company, sector=f.sector, channels=sorted(set(f.channels) | counted), contacts=contacts,
                      waits=waits, friendliness=friendliness, resolved=resolved, contact_log=log,
                      evidence=evidence)
