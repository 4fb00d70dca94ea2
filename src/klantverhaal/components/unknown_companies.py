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
from collections import Counter
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from klantverhaal import docindex, lexicon, numbers, resources
from klantverhaal.components import company_filter, lower_case_brands

SPANS_KEY = "companies"


@cache
def _rules() -> dict:
    table = resources.read_json("unknown_companies.json")
    abbreviations = "|".join(re.escape(a) for a in table["name_abbreviations"])
    name = rf"(?:(?:{abbreviations})(?=[ \t])|{table['name_token']})"  # "Gebr. Kok": an abbreviation keeps its stop
    joiners = "|".join(re.escape(j) for j in table["name_joiners"])
    multi = rf"{name}(?:[ \t]+(?:(?:{joiners})[ \t]+)?{name}){{0,3}}"  # a name never crosses a line
    kinds_before = "|".join(sorted((re.escape(k) for k in table["kind_before"]), key=len, reverse=True))
    kinds_before_lower = "|".join(sorted((re.escape(k) for k in table["kind_before"] if k.islower()), key=len, reverse=True))
    kinds_after = "|".join(sorted((re.escape(k) for k in table["kind_after"]), key=len, reverse=True))
    compound_before = "|".join(re.escape(k) for k in table["kind_before_compound_heads"])
    bought_at = "|".join(table["bought_at_verbs"])
    nation = "|".join(sorted(set(table["adjectives"]) | set(table["adjectives_plain"]), key=len, reverse=True))
    suffixes = "|".join(re.escape(s) for s in table["legal_suffixes"])
    prefixes = "|".join(re.escape(s) for s in table["legal_prefixes"])
    clubs = "|".join(re.escape(s) for s in table["club_prefixes"])
    went_to = "|".join(re.escape(s) for s in table["went_to_verbs"])
    naming = "|".join(re.escape(s) for s in table["naming_phrases"])
    named_that = "|".join(re.escape(s) for s in table["named_that_nouns"])
    tlds = "|".join(table["domain_tlds"])
    service = "|".join(table["service_nouns"])
    orders = "|".join(table["order_verbs"])
    choices = "|".join(table["choice_verbs"])
    choice_fillers = "|".join(table["choice_fillers"])
    requests = "|".join(table["request_nouns"])
    order_nouns = "|".join(table["order_nouns"])
    subscriptions = "|".join(table["subscription_nouns"])
    places = "|".join(table["place_prepositions"])
    street_words = "|".join(re.escape(w) for w in table["street_suffixes"])
    departments = "|".join(re.escape(w) for w in table["addressee_departments"])
    address_labels = '|'.join(re.escape(w) for w in table['address_line_labels'])
    address_line = rf"(?m)^[ \t]*(?:{address_labels}):[ \t]+"
    role_labels = "|".join(re.escape(w) for w in table["role_labels"])
    address_label_alone = rf"(?m)^[ \t]*(?:{address_labels}):?[ \t]*\n[ \t]*"  # "Aan:" on a line of its own
    served_by = "|".join(re.escape(w) for w in table["served_by_participles"])
    orders_with_object = "|".join(re.escape(w) for w in table["order_verbs_with_object"])
    kind_heads = "|".join(sorted(table["compound_kind_heads"], key=len, reverse=True))
    # "bij Steekvast terechtgekomen, een borduuratelier": where the writer ended up, then its kind
    landed = "|".join(re.escape(w) for w in table["landed_at_words"])
    diary_participles = "|".join(re.escape(w) for w in table["diary_contact_participles"])
    assent = "|".join(re.escape(w) for w in table["assent_before_turn"])
    diary_leads = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in table["diary_sentence_leads"])
    diary_followers = "|".join(re.escape(w) for w in table["diary_participle_followers"])
    service_heads = "|".join(re.escape(w) for w in table["service_heads"])
    contact_details = "|".join(re.escape(w) for w in table["contact_detail_nouns"])
    landed_or_called = "|".join(re.escape(w) for w in table["landed_at_words"] + table["apposition_after_verbs"])
    # a name of two or more capitalised words as the object of a contact verb: "Ik heb Tuinhuis
    # Direct drie keer gebeld"; one word alone could be a person ("Ik heb Kees gebeld")
    two_or_more = rf"{name}(?:[ \t]+(?:(?:{joiners})[ \t]+)?{name}){{1,3}}"
    contact_before = "|".join(re.escape(v) for v in table["contact_verbs_before"])
    contact_after = "|".join(re.escape(v) for v in table["contact_verbs_after"])
    single_before = "|".join(re.escape(v) for v in table["contact_verbs_single_before"])
    # "Ik bel", "belde ik", "mailden we": the writer and a contact verb, either order, the words
    # apart by ``gap``
    def writer_calls_with(gap: str) -> str:
        return rf"\b(?:(?:[Ii]k|[Ww]e|[Ww]ij){gap}(?:{single_before})|(?:{single_before}){gap}(?:ik|we|wij))"
    writer_calls = writer_calls_with(r"\s+")
    hired_after = "|".join(re.escape(v) for v in table["hired_single_after"])
    outsourced = "|".join(re.escape(v) for v in table["outsourced_verbs"])
    org_suffixes = "|".join(sorted(table["org_suffixes"], key=len, reverse=True))
    # heads that make a lower-case compound a kind of firm ("vertaalbureau", "kattenhotel",
    # "tandtechnisch lab"), but not a name of their own when capitalised ("Bureau", "Hotel")
    compound_heads = "|".join(sorted(set(table["org_suffixes"]) | set(table["compound_kind_heads"]), key=len, reverse=True))
    name_articles = "|".join(re.escape(w) for w in table["lower_name_articles"])
    org_tails = "|".join(sorted((w.capitalize() for w in table["org_suffixes"]), key=len, reverse=True))
    stop = set(resources.word_lines("not_companies.txt"))
    # "heb ik", "hebben we", "ik", "wij hadden": the writer as subject before what they did
    message_nouns = "|".join(re.escape(w) for w in table["coordinated_message_nouns"])
    writer_did = rf"\b(?:(?:heb|hebben|had|hadden)\s+(?:ik|we|wij)|(?:[Ii]k|[Ww]e|[Ww]ij)(?:\s+(?:heb|hebben|had|hadden))?)"
    salutations = "|".join(re.escape(w) for w in table["salutation_words"])
    # ("heb het Fietsdepot gebeld", "heb uw Facebookpagina een bericht gestuurd": after a determiner
    # a capital opens a noun, no name)
    not_adverbs = "|".join(re.escape(w) for w in table["lower_unknown_determiners"])
    patterns = [
        # ("escaperoom 'De Vergeten Tijd'": the name in quotes after its kind)
        ("kind_before", re.compile(rf"\b(?P<kind>(?i:{kinds_before}))[ \t]+(?:['‘“\"](?=[A-Z]))?(?P<name>(?:'t[ \t]+)?{multi})")),
        # ("spellencafé \"De Gouden Pion\"": a compound ending in a kind Dutch writes so)
        ("kind_before", re.compile(rf"\b(?P<kind>[a-zà-ÿ]{{3,}}(?:{compound_before}))[ \t]+(?:['‘“\"](?=[A-Z]))?(?P<name>(?:'t[ \t]+)?{multi})")),
        # "trimsalon Pluizebol", "bijlesinstituut Briljant": a lower-case compound ending in an
        # organisation word before a capitalised name
        # ("bij boksschool 'Vuurvast'": the name in quotes after its kind)
        ("kind_lower", re.compile(rf"(?<![\w@.-])(?P<kind>[a-zà-ÿ]{{2,}}(?:{compound_heads}))[ \t]+(?:['‘“\"](?=[A-Z]))?(?P<name>(?:'t[ \t]+)?{multi})")),
        ("kind_after", re.compile(rf"(?<![\w@])(?P<name>{name})[\s-](?P<kind>(?i:{kinds_after}))\b")),
        # "bij De Draaischijf keramiekstudio", "Smaakmakers catering uit Borne": a lower-case kind of
        # firm right after a capitalised name is dropped from it (decision 141)
        # ("Brouwer & Kalff gerechtsdeurwaarders": the kind in the plural, a firm of several)
        ("kind_after_lower", re.compile(rf"(?<![\w@])(?P<name>{multi})[ \t]+(?P<kind>[a-zà-ÿ]{{0,30}}(?:{compound_heads}|{kinds_before_lower})(?:je|tje|s)?)\b")),
        # "hoe ik de gemeente haarlem leerde kennen": a town typed in lower case after "gemeente"
        ("municipality_lower", re.compile(r"\b(?P<kind>[Gg]emeente)[ \t]+(?P<name>[a-zà-ÿ][a-zà-ÿ'-]{2,})\b")),
        # "Premie aangevraagd bij de stad Lier", "De stad Lokeren stuurde een factuur": a Flemish
        # town's council called "de stad" (only in a story that deals with a council: decision 201)
        ("town_council", re.compile(r"\b[Dd]e[ \t]+stad[ \t]+(?P<name>[A-Z][a-zà-ÿ'-]{2,})\b")),
        ("legal", re.compile(rf"(?P<name>{multi})\s+(?:{suffixes})(?!\w)")),
        # "bij FC Lindenhof", "de ledenadministratie van HC Rietland": a sports club's letters
        # open its name
        ("club", re.compile(rf"(?<![\w.@-])(?P<name>(?:{clubs})[ \t]+{multi})(?![\w-])")),
        # "bij vzw Wuif", "met de vzw Kookpret": the Flemish legal form before the name
        ("legal", re.compile(rf"(?<![\w.])(?:{prefixes})[ \t]+(?P<name>{multi})(?![\w-])")),
        ("domain", re.compile(rf"(?<![\w@.-])(?P<name>[A-Za-z][\w-]{{2,}}\.(?:{tlds}))(?![\w.]*@)\b")),
        # ("@dogs.by.dewi": an Instagram handle with dots; "@mail.com" ends in a domain, no handle)
        # ("@de.natte.poot_": a first part of two letters when dotted parts follow)
        ("handle", re.compile(rf"(?<![\w])@(?P<name>(?:[A-Za-z][\w]{{2,}}|[A-Za-z]\w(?=\.[A-Za-z]))(?:\.[A-Za-z]\w*)*)(?![\w-]*\.(?:{tlds})\b)")),
        # "met zes vriendinnen bij #Kluiskraak in Breda": a capitalised hashtag the story also
        # names without its "#"
        ("hashtag", re.compile(r"(?<![\w&#])#(?P<name>[A-Z][A-Za-zà-ÿ0-9]{3,})(?![\w-])")),
        # "een mail naar info@zeewindfietsen.nl": the address names the organisation's site
        ("domain", re.compile(rf"\b[\w.-]+@(?P<name>[A-Za-z][\w-]{{2,}}\.(?:{tlds}))\b")),
        ("service_of", re.compile(rf"\b(?:{service}|{contact_details})\s+van\s+(?P<name>{multi})")),
        # ("de bagagebalie van Skyserve": a compound ending in a service noun too)
        ("service_of", re.compile(rf"\b[a-zà-ÿ]{{3,}}(?:{service_heads})\s+van\s+(?P<name>{multi})")),
        # "Na vier dagen belde Ruud van De Fietsambulance": a first name, then "van" and a
        # capital article: someone of a firm (a surname keeps "van de" in lower case)
        ("staff_of", re.compile(rf"\b(?P<first>[A-Z][a-zà-ÿ]+)[ \t]+van[ \t]+(?P<name>(?:De|Het)[ \t]+{name}(?:[ \t]+{name})?)(?![\w-])")),
        # "Ik stuurde Ilona van Tafelgenoten een WhatsApp": one capitalised word after a first name
        # and "van" is a firm when the story names it again on its own ("Tafelgenoten reageerde"),
        # not after "van" (a surname comes back as "Van Dalen")
        ("staff_of_single", re.compile(rf"\b(?P<first>[A-Z][a-zà-ÿ]+)[ \t]+van[ \t]+(?P<name>[A-Z][a-zà-ÿ]{{4,}})(?![\w-])(?![ \t]+[A-Z])")),
        # ("Bij Verkerk halen wij al jaren onze kaas": fetching, after the fronted name)
        ("ordered_at", re.compile(rf"\b[Bb]ij\s+(?P<name>{multi})\s+(?:\w+\s+){{0,8}}?(?:{orders}|{bought_at})\b")),
        # "een theeset besteld bij Theepot & Co": the verb first ("ingediend bij het ABVV")
        # ('een kinderfeest geboekt bij "De Rollende Bal"': the name in quotes, where it was booked)
        ("ordered_at", re.compile(rf"\b(?:{orders})\s+bij\s+(?:(?:het|de)\s+|['‘“\"](?=[A-Z]))?(?P<name>{multi})(?![\w-])")),
        # "kochten mijn broer en ik een ballonvaart voor twee bij Hemelsblauw": the verb, the
        # thing bought, then the seller (a short stretch, no clause break)
        ("ordered_at", re.compile(rf"\b(?:{orders_with_object})\s+(?:[a-zà-ÿ0-9'’-]+\s+){{1,12}}?bij\s+(?P<name>{multi})(?![\w-])")),
        # ("Ons vlees halen we al jaren bij Hoekman": fetching, when the story names X again)
        # ("haal ik mijn aardappels, groente en fruit bij Verbruggen": a listed object may hold commas)
        ("bought_at", re.compile(rf"\b(?:{bought_at})\s+(?:[a-zà-ÿ0-9'’-]+,?\s+){{1,8}}?bij\s+(?P<name>{multi})(?![\w-])")),
        # "mijn aanvraag voor een uitkering ingediend bij het ABVV": where a request was filed
        ("ordered_at", re.compile(rf"\b(?i:{requests})\b[^.!?\n]{{0,60}}?\bingediend\s+bij\s+(?:(?:het|de)\s+)?(?P<name>{multi})(?![\w-])")),
        # "kozen we voor Van Dijk Isolatie", "uiteindelijk gekozen voor Zonnig Dak": the firm chosen
        ("ordered_at", re.compile(rf"\b(?:{choices})\s+(?:(?:we|wij|ik)\s+)?(?:(?:{choice_fillers})\s+)?voor\s+(?:['‘“\"](?=[A-Z]))?(?P<name>{multi})(?![\w-])")),
        # "mijn bestelling bij Tegelhuis Verbeek", "ons abonnement bij Kabelnet Oost", "een
        # koffieabonnement bij Bonenbus" (a compound ending in the noun)
        ("ordered_at", re.compile(rf"\b(?i:mijn|onze|ons|de|het|een)\s+[a-zà-ÿ]*(?i:{order_nouns})\s+bij\s+(?P<name>{multi})(?![\w-])")),
        ("ordered_at", re.compile(rf"\b(?i:mijn|onze|ons|het|een)\s+(?i:{subscriptions})\s+op\s+(?P<name>{multi})(?![\w-])")),
        # ('bij "Lichtflits" in Almere': the name in quotes, where the firm is)
        ("at_place", re.compile(rf"\b(?:[Bb]ij|van|met)\s+(?:['‘“\"](?=[A-Z]))?(?P<name>{multi})['’”\"]?\s+(?:{places})\s+[A-Z]")),
        # "mijn kaas bij De Rijpkamer aan de Voorstraat": the premises on a street (a street word ends it)
        # ("bij Westerbeek op de Dorpsstraat", "bij Brouwers op de hoek van de Marktstraat")
        ("at_place", re.compile(rf"\b[Bb]ij\s+(?P<name>{multi})\s+(?:aan|op)\s+(?:de\s+hoek\s+van\s+)?(?:de|het)\s+[A-Z][a-zà-ÿ]*(?:{street_words})\b")),
        # "bij pianostemmer hofstede uit Deventer", "bij banketbakkerij van der sluis aan de
        # Hoogstraat": a name typed in lower case, held between a kind word and a place
        ("lower_name", re.compile(rf"\b(?:[Bb]ij|van|met|naar)\s+(?P<kind>[a-zà-ÿ]*(?:{kinds_before_lower}))[ \t]+"
                                  rf"(?P<name>(?:(?:{joiners})[ \t]+){{0,2}}[a-zà-ÿ][a-zà-ÿ'-]{{2,}})"
                                  rf"(?=[ \t]+(?:(?:{places})|aan[ \t]+(?:de|het))[ \t]+(?P<place>[A-Za-zà-ÿ]+))")),
        ("contacted", re.compile(rf"\b(?:{contact_before})\s+(?:ik\s+|we\s+)?(?P<name>{two_or_more})(?![\w-])")),
        ("contacted", re.compile(rf"\b(?:(?:heb|hebben|had|hadden)\s+(?:ik|we|wij)|(?:[Ii]k|[Ww]e|[Ww]ij)\s+(?:heb|hebben|had|hadden))"
                                 rf"\s+(?:\w+\s+){{0,2}}?(?P<name>{two_or_more})"
                                 rf"\s+(?:\w+\s+){{0,5}}?(?:{contact_after})\b")),
        # "Ik heb Fietsflits diezelfde middag gebeld", "Ik heb Studielink daarover een paar keer
        # gemaild": one word only when the story names it again
        ("contacted_single", re.compile(writer_did +
                                        rf"\s+(?P<name>{name})\s+(?:\w+\s+){{0,4}}?(?:{contact_after})\b")),
        # "Hij heeft Smaakhuys drie keer gemaild" (the writer's husband): someone's perfect with the
        # name as the object of a contact verb; one word only when the story names it again
        ("contacted_single", re.compile(rf"\b(?:(?:[Hh]ij|[Zz]ij)[ \t]+(?:heeft|had)|(?:heeft|had)[ \t]+(?:hij|zij))"
                                        rf"[ \t]+(?P<name>{name})[ \t]+(?:\w+[ \t]+){{0,3}}?(?:{contact_after})\b")),
        # "heb ik meteen Stijgwerk gebeld", "... en heb direct Stijgwerk gebeld": an adverb or two
        # before the name, or the writer's "heb" joined by "en"; one word only when named again
        ("contacted_single", re.compile(rf"(?:{writer_did}|\ben[ \t]+(?:heb|hebben|had|hadden))"
                                        rf"[ \t]+(?:(?!(?:{not_adverbs})[ \t])[a-z]+[ \t]+){{1,2}}?(?P<name>{name})[ \t]+(?:\w+[ \t]+){{0,4}}?(?:{contact_after})\b")),
        # "Ik heb eerst zelf naar Pluxee gebeld": called to it, one word only when the story names it again
        ("contacted_single", re.compile(writer_did +
                                        rf"\s+(?:[a-z]+\s+){{0,2}}?naar\s+(?P<name>{name})\s+(?:\w+\s+){{0,3}}?(?:{contact_after})\b")),
        # "gewoon rechtstreeks gebeld naar Kotterhuys": the participle first
        # ("Gebeld naar Studietoelagen.": a diary note opens with the participle)
        ("contacted_single", re.compile(rf"\b(?:[Gg]ebeld|[Gg]emaild|[Gg]eschreven|[Gg]estapt)[ \t]+naar[ \t]+(?P<name>{name})(?![\w-])")),
        # "Ik heb bij mijn bank een terugboeking aangevraagd en Lingora een laatste mail gestuurd":
        # the writer's second act, joined by "en", sends the name a message; one word only when the
        # story names it again
        ("contacted_single", re.compile(writer_did + rf"[ \t][^.!?\n]{{0,80}}?\ben[ \t]+(?P<name>{name})[ \t]+"
                                        rf"(?:nog[ \t]+)?een[ \t]+(?:[a-zà-ÿ]+[ \t]+)?(?:{message_nouns})[ \t]+(?:gestuurd|geschreven)\b")),
        # "een bericht gestuurd aan Gadgetgigant": a message addressed to it
        ("contacted_single", re.compile(rf"\b(?:bericht|berichtje|mail|mailtje|klacht|brief)[ \t]+(?:gestuurd|geschreven|gericht)[ \t]+aan[ \t]+(?P<name>{name})(?![\w-])")),
        # "hadden we Zazzo geboekt", "hebben we Roetvrij ingeschakeld": hired, one word only when
        # the story names it again
        ("contacted_single", re.compile(writer_did +
                                        rf"\s+(?P<name>{name})\s+(?:\w+\s+){{0,3}}?(?:{hired_after})\b")),
        # "Ik mail Klasreis Compleet zelf ook", "belde ik Fietsflits Noord": the verb first, a
        # name of two words or more
        ("contacted", re.compile(rf"{writer_calls}\s+(?P<name>{two_or_more})(?![\w-])")),
        # "Ik bel Spaakwerk: ...", "belde ik Fietsflits opnieuw": the verb first, one word only
        # when the story names it again
        ("contacted_single", re.compile(rf"{writer_calls}\s+(?P<name>{name})(?![\w-])")),
        # "heb hem naar Fixpunt in de Kruisstraat gebracht", "ben naar Kemper gegaan": one word only
        # when the story names it again
        ("went_to_single", re.compile(rf"\bnaar[ \t]+(?P<name>{name})(?:[ \t]+(?:in|aan|op)[ \t]+(?:de[ \t]+|het[ \t]+)?[A-Z][\w-]+)?"
                                      rf"[ \t]+(?:{went_to})\b")),
        # "Omron dan maar. Via hun site ...", "Dan maar naar Kwikfix.": the writer turns to the
        # next firm, a sentence of its own; one word only when the story names it again
        ("turned_to", re.compile(rf"(?:^|(?<=[.!?])[ \t]+|\n)(?P<name>{name})[ \t]+dan(?:[ \t]+maar)?[.!:]")),
        # ("Goed, dan Natuurmonumenten.": after a word of assent and a comma)
        ("turned_to", re.compile(rf"(?:^|(?<=[.!?\"”])[ \t]+|\n)(?:(?:{assent}),[ \t]+d|D)an[ \t]+(?:maar[ \t]+)?(?:naar[ \t]+)?(?P<name>{name})[.!:]")),
        # "Via Werkspot kwamen we bij Mulder Vloerverwarming terecht": the firm the writer ended up
        # with (two words or more: "bij Kees terecht" is a person)
        ("landed_at", re.compile(rf"\bbij[ \t]+(?P<name>{two_or_more})[ \t]+(?:{landed})\b")),
        # ("Via de buurvrouw kwam ik terecht bij Verbeek Lampenkappen": the word first)
        ("landed_at", re.compile(rf"\b(?:{landed})[ \t]+bij[ \t]+(?P<name>{two_or_more})(?![\w-])")),
        # "professional organizer onder de naam Opgeruimd Leven": the name a business trades under
        ("named_as", re.compile(rf"\b(?:{naming})[ \t]+(?P<name>{multi})(?![\w-])")),
        # "een bedrijf dat Zappix Media heet": the name given to a business
        # ("een Facebookpagina die Stoer & Sleets heet", "een kledingwinkel die ... heet": a compound too)
        ("named_as", re.compile(rf"\b(?i:[a-zà-ÿ]{{0,12}}?)(?:{named_that})[ \t]+(?:dat|die)[ \t]+(?P<name>{multi})[ \t]+(?:heet|heette|heten|heetten)\b")),
        # "Het bedrijfje heet voluit Kwispelwerk", "Voluit heet het bedrijfje Fit met Femke"
        ("named_as", re.compile(rf"\b(?:{named_that})[ \t]+(?:heet|heette)[ \t]+(?:voluit[ \t]+)?(?P<name>{multi})(?![\w-])")),
        ("named_as", re.compile(rf"\b(?:heet|heette)[ \t]+(?:het|de)[ \t]+(?:{named_that})[ \t]+(?:voluit[ \t]+)?(?P<name>{multi})(?![\w-])")),
        ("outsourced", re.compile(rf"\b(?:{outsourced})\s+(?P<name>{multi})")),
        # "onze tuin laten ontwerpen door Groenwerk Marloes", "panelen laten leggen door SolarTeam
        # Oost": the firm hired for a job
        ("hired", re.compile(rf"\b(?:laten|liet|lieten)\s+(?:[a-zà-ÿ]+\s+){{1,2}}?door\s+(?P<name>{multi})(?![\w-])")),
        # "geleverd en onderhouden door Stairtec", "uitgevoerd door Taxi Verhoef": who did the work
        ("hired", re.compile(rf"\b(?:{served_by})\s+door\s+(?P<name>{multi})(?![\w-])")),
        # "Steenhouwerij Brons", "Autodealer Jansen": a capitalised compound ending in a kind of
        # firm, with a name after it (the head alone, "Bureau Jansen", is left to the rules above)
        ("kind_cap", re.compile(rf"(?<![\w@.])(?P<name>[A-Z][a-zà-ÿ]{{2,}}(?:{kind_heads})[ \t]+{multi})(?![\w-])")),
        # ("het Sint-Ursulainstituut": a hyphenated first part too)
        ("org_word", re.compile(rf"(?<![\w@.])(?P<name>(?:{name}[ \t]+)?(?:[A-Z][a-zà-ÿ]+-)?[A-Z][a-zà-ÿ]+(?:{org_suffixes})"
                                rf"(?:[ \t]+(?:(?:{joiners})[ \t]+)?(?!B\.?V|N\.?V){name}){{0,2}})\b(?!\.[a-z])")),
        # ("PT Studio Kernkracht": one more name may follow the organisation word; "Meijer Glas &
        # Kozijn": joined by "&")
        ("org_tail", re.compile(rf"(?<![\w@.])(?P<name>(?:{name}[ \t]+(?:(?:{joiners})[ \t]+)?){{1,3}}(?:{org_tails})"
                                rf"(?:[ \t]+(?:&[ \t]+)?[A-Z][a-zà-ÿ]{{3,}}(?![ \t]+[A-Z]))?)\b")),
        # "Vastgoed Meijerink, een particuliere verhuurder", "Tuinhuis Direct, de webwinkel"
        # ("Morvane Recouvrement, een Frans incassobureau": a capitalised or uninflected
        # adjective of a country or region too)
        # ("Zuiderstroom, mijn kleine groene energieleverancier": a possessive and two adjectives too)
        # ("De Wilgenhoeve, een biologisch boerenbedrijf": a compound ending in an organisation word;
        # "Polair, een airco-installateur": one written with a hyphen too)
        ("apposition", re.compile(rf"(?P<name>{multi})(?:\s+(?:{landed_or_called}))?,\s+(?:de|het|een|mijn|onze|ons|hun)\s+(?:(?:[a-zà-ÿ]+e|(?i:{nation}))\s+){{0,2}}(?P<kind>(?i:{kinds_before}))\b")),
        # ("eerst langs Telefixx gegaan, het reparatiewinkeltje in de Haarlemmerstraat": a verb of
        # going or calling between the name and its kind)
        ("apposition", re.compile(rf"(?P<name>{multi})(?:\s+(?:{landed_or_called}))?,\s+(?:de|het|een|mijn|onze|ons)\s+(?:(?:[a-zà-ÿ]+|(?i:{nation}))\s+){{0,2}}(?P<kind>[a-zà-ÿ][a-zà-ÿ-]{{1,}}(?:{compound_heads})(?:je|tje)?)\b")),
        # "een abonnement bij zichtklaar, de glazenwassers met de groene busjes": a name typed in
        # lower case, set off by the kind it is
        # ("bij bonenfixers terecht, zo'n klein bedrijfje": "zo'n" and a diminutive too)
        # ("mijn ervaring met groefwerk, de vinylwebshop uit Nijmegen": a compound of a kind too;
        # not a bare head: "gezinnen met kinderwagens, een groep scouts")
        # ("naar pimp & ride gegaan, het fietswinkeltje": where the writer went, a name joined by
        # "&"; "met klikfix, het pc-winkeltje": a kind with a hyphenated first part)
        # ("over de korrelkist, de broodkraam op de markt": a lower-case article may open the
        # name, when the word after it is no Dutch word; read in find)
        ("apposition", re.compile(rf"\b(?:[Bb]ij|van|met|door|naar|over)\s+(?P<name>(?:(?:{name_articles})[ \t]+)?[a-zà-ÿ][a-zà-ÿ0-9-]{{3,}}(?:[ \t]+(?:&|en)[ \t]+[a-zà-ÿ][a-zà-ÿ0-9-]{{2,}})?)"
                                  rf"(?:\s+(?:{landed}|{went_to}))?,\s+(?:de|het|een|zo'n|zo’n)\s+(?:[a-zà-ÿ]+\s+){{0,2}}?"
                                  rf"(?P<kind>(?:[a-zà-ÿ]+-)?[a-zà-ÿ]*(?i:{kinds_before})|(?:[a-zà-ÿ]+-)?[a-zà-ÿ]+(?:{compound_heads}))(?:s|en|je|jes|tje|tjes)?\b")),
        # "voor wie ze niet kent: mottengat is zo'n klein vintage webshopje": a name typed in lower
        # case, said to be a kind of firm; only when the story names it again
        ("lower_predicate", re.compile(rf"(?<![\w@.-])(?P<name>[a-zà-ÿ][a-zà-ÿ0-9-]{{3,}})[ \t]+is[ \t]+zo['’]n[ \t]+(?:[a-zà-ÿ]+[ \t]+){{0,3}}?(?P<kind>[a-zà-ÿ]*(?:{kinds_before_lower})|[a-zà-ÿ]+(?:{compound_heads}))(?:s|en|je|jes|tje|tjes)?\b")),
        # "Ons hotel, Casa do Rio, hadden we via Booking geboekt", "de aannemer, Bouwbedrijf
        # Smit, kwam": a kind noun with its name set off in commas after it
        ("kind_apposition", re.compile(rf"\b(?i:mijn|onze|ons|de|het|hun|zijn|haar)\s+(?P<kind>(?i:{kinds_before})|[a-zà-ÿ]+(?:{kinds_before_lower})),\s+(?P<name>{two_or_more}),")),
        # "Slotenmaker gezocht op internet, Sleutelhulp Amstel gebeld": a diary's participle
        # after a name of two or more words that opens its clause
        ("contacted", re.compile(rf"[,:;–][ \t]+(?P<name>{two_or_more})[ \t]+(?:{diary_participles})\b")),
        # ("28 aug – Hagelstein gebeld", "Mail naar Hagelstein": one word only when the story names it again)
        ("contacted_single", re.compile(rf"[,:;–][ \t]+(?P<name>{name})[ \t]+(?:{diary_participles})\b")),
        # "14 oktober\nToch maar Famiris gebeld.": a diary sentence opening with the name and a
        # contact participle; one word only when the story names it again
        ("diary_single", re.compile(rf"(?:^|(?<=[.!?])[ \t]+|(?<=\n))(?:(?i:{diary_leads})[ \t]+)?(?P<name>{name})[ \t]+(?:{diary_participles})(?:[ \t]*[.,;!]|[ \t]+(?:{diary_followers})\b)", re.M)),
        ("contacted_single", re.compile(rf"(?:^|(?<=[.!?:–])[ \t]+|(?<=\n))(?:[Mm]ail|[Mm]ailtje|[Bb]rief|[Bb]ericht|[Aa]ppje)[ \t]+"
                                        rf"(?:gestuurd[ \t]+)?naar[ \t]+(?P<name>{name})(?![\w-])", re.M)),
        # "Onze schoorsteenveger, Roetvrij, kwam": one word only when the story names it again
        # ("het liftbedrijf, Liftinq, met een storingsnummer": a compound of a kind word too)
        ("kind_apposition_single", re.compile(rf"\b(?i:mijn|onze|ons|de|het|hun|zijn|haar)\s+(?P<kind>(?i:{kinds_before})|[a-zà-ÿ]+(?:{kinds_before_lower})),\s+(?P<name>{name}),")),
        ("camel", re.compile(r"(?<![\w@.])(?P<name>[A-Z][a-z]+[A-Z][A-Za-z]+)\b(?!\.[a-z])")),
        # "Aan: Gordijnenpaleis Achterhoek" on a letter's address line: the addressee, whole line
        # ("Cc: Van Damme & De Wilde, Mechelen": a firm copied in, the town after a comma)
        ("addressee", re.compile(rf"{address_line}(?P<name>{two_or_more})(?:,[ \t]+[A-Z][\w-]+)?[ \t]*$")),
        # "Organisator: Noorderlicht Concerten.", "Aannemer: Bouwbedrijf Kok": a role label and the
        # firm in it, at a sentence's or line's start, the name ending the clause
        ("role_label", re.compile(rf"(?:^|(?<=[.!?])[ \t]+|(?<=\n))(?:{role_labels}):[ \t]+(?P<name>{multi})(?=[ \t]*(?:[.,;]|$))", re.M)),
        # "bij Van Rossum (Peugeot-dealer in Amersfoort)", "Groenrijk (de hovenier)": the kind in
        # brackets right after the name
        ("kind_bracket", re.compile(rf"(?<![\w@.])(?P<name>{multi})[ \t]+\((?:(?:de|het|een|onze|mijn)[ \t]+)?(?P<kind>[A-Za-zà-ÿ-]*(?i:{compound_heads}|{kinds_before_lower}))\b")),
        # "Bip&Go (in totaal zeven keer contact):" heading a list of contacts: the organisation
        # they were with
        ("tally_heading", re.compile(rf"(?m)^[ \t]*(?P<name>{multi})[ \t]*\([^()\n]*\b(?:keer|contact|contacten)\b[^()\n]*\):[ \t]*$")),
        # "De Hooiberg" on a line of its own above a numbered or bulleted list: the organisation
        # the list is about (only when the story names it again)
        ("list_heading", re.compile(rf"(?m)^[ \t]*\**(?P<name>{multi})\**:?[ \t]*\n[ \t]*(?:1[.)]|[-•*])[ \t]")),
        # "Aan:" on a line of its own, the firm on the line under it ("Aan:\nStemwerk Verhoef\nt.a.v.
        # de heer A. Verhoef"): the whole line, or one word with a department line under it
        ("addressee", re.compile(rf"{address_label_alone}(?P<name>{two_or_more})[ \t]*$")),
        ("addressee", re.compile(rf"{address_label_alone}(?P<name>{name})[ \t]*\n[ \t]*(?:{departments})(?!\w)")),
        # a letter's address block without a label: the firm's line with "t.a.v. ..." under it
        ("addressee", re.compile(rf"(?m)^[ \t]*(?P<name>{two_or_more})[ \t]*\n[ \t]*(?:{departments})(?!\w)")),
        # "Aan: Koperklank, reparatie en onderhoud van blaasinstrumenten": one word, then what it does
        ("addressee", re.compile(rf"{address_line}(?P<name>{name}),[ \t]+[a-zà-ÿ]")),
        # "Aan: Zorgfonds Noord, afdeling Klachten", "Aan: PFZW, t.a.v. ...": a department of it
        ("addressee", re.compile(rf"(?m)^[ \t]*Aan:[ \t]+(?P<name>{multi}),[ \t]+(?:{departments})(?!\w)")),
        # "via Mijn Omnia doorgegeven": a customer portal is named after its organisation (not
        # at a sentence start, where "Mijn Kobo" is the writer's own thing; "Mijn Eneco-omgeving"
        # is one word with the brand inside)
        ("portal", re.compile(r"(?<=[a-zà-ÿ,] )Mijn[ \t]+(?P<name>[A-Z][\w&']*\w)(?![\w.-])")),
        # "Beste Bonenbrigade," on a line of its own: the letter's addressee (not a first name,
        # a title or a Dutch word: "Beste Marieke,", "Beste Klantenservice,")
        ("salutation", re.compile(rf"(?m)^[ \t]*(?:{salutations})[ \t]+(?P<name>{multi}),[ \t]*$")),
    ]
    lower_word = r"(?P<name>[a-zà-ÿ][a-zà-ÿ0-9]{3,})"
    before_bij = "|".join(re.escape(w) for w in table["lower_unknown_before_bij"])
    after_bij = "|".join(re.escape(w) for w in table["lower_unknown_after_bij"])
    of_nouns = "|".join(re.escape(w) for w in table["lower_unknown_of_nouns"])
    by = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in table["lower_unknown_by"])
    lower_contacted = "|".join(re.escape(w) for w in table["lower_unknown_contact_verbs"])
    messages = "|".join(re.escape(w) for w in table["lower_unknown_message_nouns"])
    about = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in table["lower_unknown_about"])
    went = "|".join(re.escape(w) for w in table["lower_unknown_went"])
    word = r"[\w'’-]+\s+"  # a word between ("een 20-badenkaart gekocht")
    ordered = "|".join(re.escape(w) for w in table["lower_unknown_order_verbs"])
    lower_unknown = [re.compile(p) for p in (
        rf"\b(?:{before_bij})\s+bij\s+{lower_word}\b",
        rf"\bbij\s+{lower_word}\s+(?:{word}){{0,3}}?(?:{after_bij})\b",
        rf"\b\w*(?:{of_nouns})\s+van\s+{lower_word}\b",
        rf"\b(?:{by}|{about})\s+{lower_word}\b",
        rf"{writer_did}\s+{lower_word}\s+(?:{word}){{0,4}}?(?:{lower_contacted})\b",
        rf"\b(?:naar|aan)\s+{lower_word}\s+(?:{word}){{0,2}}?(?:{lower_contacted}|{went}|geschreven)\b",
        rf"\b(?:{messages})\s+(?:naar|aan)\s+{lower_word}\b",
        rf"\b(?:{lower_contacted}|geschreven)\s+naar\s+{lower_word}\b",
        rf"\bbij\s+{lower_word}\s+(?:in|aan|op)\s+(?:de\s+|het\s+)?[A-Z]",
        # "bestelde ik eind oktober bij theeschuur een proefdoos": a finite order verb before "bij"
        rf"\b(?:{ordered})\s+(?:{word}){{0,4}}?bij\s+{lower_word}\b",
    )]
    # "bij muziekschool klankkast", "zwemschool aqua kids blijft afschrijven": a bare lower-case
    # kind and one or two lower-case words after it (read by _lower_names_after_kind)
    lower_after_kind = re.compile(rf"(?<![\w@.-])(?P<kind>[a-zà-ÿ]*(?:{kinds_before_lower})|[a-zà-ÿ]{{2,}}(?:{compound_heads}))"
                                  rf"[ \t]+(?P<name>(?:(?:{name_articles})[ \t]+)?[a-zà-ÿ][a-zà-ÿ0-9'-]{{2,}}(?:[ \t]+(?:&[ \t]+)?[a-zà-ÿ][a-zà-ÿ0-9-]{{2,}})?)")
    # "bij steekje los, het winkeltje van Marloes": lower-case words after "bij", then an article
    # and a kind word (or its diminutive) in apposition (read by _lower_names_before_kind)
    lower_before_kind = re.compile(rf"\b(?:{'|'.join(table['apposition_name_prepositions'])})[ \t]+(?P<name>[a-zà-ÿ][a-zà-ÿ0-9'’-]{{2,}}(?:[ \t]+[a-zà-ÿ][a-zà-ÿ0-9'’-]{{1,}}){{0,2}}),"
                                   rf"[ \t]+(?:{'|'.join(table['apposition_kind_articles'])})[ \t]+(?:[a-zà-ÿ]+[ \t]+)?"
                                   rf"(?:{kinds_before_lower})(?:{'|'.join(table['kind_diminutive_suffixes'])})?\b")
    again_after = "|".join(re.escape(w) for w in table["lower_after_kind_again_after"])
    posted_by = "|".join(re.escape(w) for w in table["posted_by_words"])
    lower_determiners = "|".join(re.escape(w) for w in table["lower_unknown_determiners"])
    heading_labels = "|".join(re.escape(w) for w in table["heading_labels"])
    return {"patterns": patterns, "lower_unknown": lower_unknown, "tlds": tlds, "lower_after_kind": lower_after_kind,
            "lower_before_kind": lower_before_kind,
            "heading_label": re.compile(rf"^[^\w\[]*(?:\[[^\]\n]*\]\W*)?(?:(?:{heading_labels})[ \t]*:\W*)*", re.I),
            "again_after": re.compile(rf"\b(?:{again_after})[ \t]+$", re.I),  # ("Bij de zoete zonde gaan wij ...")
            "as_initials": "|".join(re.escape(w) for w in table["initials_after_name"]["as"]),
            "is_called": "|".join(re.escape(w) for w in table["initials_after_name"]["called"]),
            "participle": re.compile(rf"(?:{'|'.join(table['lower_after_kind_participle_prefixes'])})[a-zà-ÿ]{{2,}}[dt]"),
            "lower_determiner": re.compile(rf"\b(?:{lower_determiners})\s+$", re.I),
            "posted_by": re.compile(rf"(?m)^[ \t]*(?:{posted_by})\b[^\n]{{0,40}}\bdoor[ \t]+$"),
            "section_line": re.compile(rf"(?<=\n\n)[ \t]*(?P<name>{multi})[ \t]*(?=\n[ \t]*\n)"),
            "stop": stop, "first_names": frozenset(table["first_names"]),
            "tld_after": re.compile(rf"\.(?:{tlds})\b"),
            "joiners": frozenset(table["name_joiners"]),
            "never_opening": frozenset(table["joiners_never_opening"]),
            "salutation_not_names": frozenset(table["salutation_not_names"]),
            "message_heads": frozenset(table["message_heads_before_name"]),
            "message_to": frozenset(table["message_to_words"]), "org_suffixes": frozenset(table["org_suffixes"]),
            "org_suffixes_longest_first": tuple(sorted(table["org_suffixes"], key=len, reverse=True)),
            "legal": frozenset(s.rstrip(".") for s in table["legal_suffixes"]),
            "needs_name": tuple(table["suffixes_needing_name"]),
            "short_form_said": "|".join(re.escape(p) for p in sorted(table["short_form_phrases"], key=len, reverse=True)),
            "long_form_said": "|".join(re.escape(p) for p in sorted(table["long_form_phrases"], key=len, reverse=True)),
            "handle_words": tuple(table["handle_company_words"]),
            "handle_contact": frozenset(table["handle_contact_words"]), "kind_before": table["kind_before"],
            "kind_after": table["kind_after"], "domain_sector": table["domain_sector_words"],
            "place_kinds": frozenset(table["place_kinds"]), "place_prepositions": places,
            "place_compounds": frozenset(table["place_compounds"]),
            "bought_from": "|".join(re.escape(w) for w in table["surname_bought_from"]),
            "compound_heads": tuple(sorted(set(table["org_suffixes"]) | set(table["compound_kind_heads"]), key=len, reverse=True)),
            "premises_where": frozenset(table["premises_where"]),
            "part_or_scheme": re.compile(rf"(?i:\b(?:{'|'.join(table['part_or_scheme_before'])})|{'|'.join(table['scheme_compound_heads'])})[ \t]+$"),
            "streets": tuple(table["street_suffixes"]), "adjectives": frozenset(table["adjectives"]),
            "street_adjectives": frozenset(table["street_adjectives"]),
            "regions": frozenset(table["name_regions"]), "surnames": frozenset(table["common_surnames"]),
            "trade_person_words": frozenset(table["trade_person_words"]),
            "lower_name_articles": frozenset(table["lower_name_articles"]),
            "person_apposition": re.compile(r",[ \t]+(?:de|onze|mijn|hun|haar|zijn)[ \t]+(?:%s)\b" % "|".join(
                sorted(resources.read_json("mentions.json")["staff_nouns"], key=len, reverse=True))),
            "postcode_before": re.compile(r"\b\d{4}[ \t]?$"),
            "sign_off": frozenset(table["sign_off_lines"]),
            "council_words": re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in table['council_words'])})", re.I),
            # ("naar de klantendienst, de klantendienst naar ...": a kind noun is no coined name)
            "kind_noun": re.compile(rf"[a-zà-ÿ]*(?:{kinds_before_lower})|[a-zà-ÿ]+(?:{compound_heads})"),
            "once_after_name": re.compile(rf"[ \t]*(?:[,.;:!?)]|(?:{'|'.join(re.escape(w) for w in table['once_after_name_words'])})\b)"),
            "places": resources.word_lines("places.txt"),
            "particles": frozenset(p for p in table["surname_particles"] if " " not in p),
            "opening_adverbs": frozenset(table["opening_adverbs_like_names"] + table["opening_leads_before_names"]),
            "person_after": re.compile(rf"[ \t]*,[ \t]+(?:mijn|onze|ons|m'n|haar|zijn)[ \t]+(?:{'|'.join(sorted(_person_words(), key=len, reverse=True))})\b"),
            "particle_before": re.compile(rf"(?<![\w:])(?:{'|'.join(re.escape(p) for p in table['surname_particles'])})[ \t]+$"),
            "titled": re.compile(rf"(?i:\b(?:{'|'.join(re.escape(t) for t in table['person_titles'])}))[ \t]+$"),
            # "belde ik Wolters schoorsteenveger", "Ik mailde Dirks glaszetter": a contact verb and
            # its subject just before a name
            "contacted_before": re.compile(writer_calls_with(r"[ \t]+") + r"[ \t]+$")}


def _head_inside_a_word(word: str, heads: tuple[str, ...]) -> bool:
    """Does the kind head a compound seems to end in belong to a longer word? "Feestschotel" ends
    in "hotel", but "schotel" is a Dutch word: the compound is a dish, no firm. A head that is a
    word itself, with one to three letters before it that make a known word, is no head."""
    low = word.lower()
    head = next((h for h in heads if low.endswith(h) and len(low) > len(h)), None)
    if head is None or not lexicon.is_lemma(head):
        return False  # (a suffix such as "erij" of "Schoenmakerij" is no word a longer one could hide)
    return any(lexicon.is_lemma(low[-(len(head) + extra):]) for extra in range(1, 4) if len(head) + extra < len(low))


def _org_word_of(name: str, rules: dict) -> str:
    """The word of a name that carries its organisation word ("Feestschotel" in "Feestschotel
    Deluxe")."""
    return next((w for w in name.split() if w.lower().endswith(rules["compound_heads"])), name.split()[-1])


def _kind_sector(kind: str, rules: dict) -> str:
    """The sector of a kind word, or of the kind its compound ends in ("vinylwebshop" is a
    "webshop": retail); "other" when no kind word of the table ends it."""
    low = kind.lower()
    return next((rules["kind_before"][k] for k in sorted(rules["kind_before"], key=len, reverse=True) if low.endswith(k)),
                "other")


def _person_words() -> frozenset[str]:
    """Words for the writer's people ("mijn zus", "onze buurman"), from grammar.json: a name set off
    by one of them is a person's."""
    return resources.words("contacts.household") | {w for w in resources.words("judgements.other_people") if " " not in w}


def _with_particle(text: str, name: str, start: int, particle_before: re.Pattern) -> tuple[str, int]:
    """ "door Van Hal Touringcars": the name patterns begin at the first name word, so a family
    name's capitalised "Van" (or "Van der", "Ter") right before it is put back in front."""
    m = particle_before.search(text, max(0, start - 12), start)
    if m is None or not name[:1].isupper():
        return name, start
    return f"{text[m.start():start]}{name}", m.start()


def _without_opening_preposition(text: str, name: str, start: int, particles: frozenset[str]) -> tuple[str, int]:
    """ "Van Helios Solar hebben we niets meer gehoord": a capitalised "Van" opening a sentence
    is a preposition, not a family name's particle, when the story writes the name without it
    elsewhere ("gekocht bij Helios Solar"); "Van Gool Meubelen" alone keeps it. So is an adverb
    that is also a first name ("Dan Verstraete gebeld.") or a diary line's lead ("wo 17 april – Zelf
    Van Wijk gebeld")."""
    first, _, rest = name.partition(" ")
    if first not in particles or not rest or not (_opens_sentence(text, start) or _opens_diary_line(text, start)) \
            or text.count(rest) <= text.count(name):
        return name, start
    return rest, start + len(first) + 1


def _opens_diary_line(text: str, at: int) -> bool:
    """Does ``at`` follow a dash or colon that ends a diary line's date ("wo 17 april – ...")?"""
    before = text[:at].rstrip(" \t")
    line = before[before.rfind("\n") + 1 :]
    return bool(line) and line[-1] in "–-:" and any(c.isdigit() for c in line)


def _opens_sentence(text: str, at: int) -> bool:
    """Does ``at`` start a sentence or a line (only spaces after ".", "!", "?" or a line break)?"""
    before = text[:at].rstrip(" \t")
    return not before or before[-1] in ".!?\n"


@cache
def _third_party_words() -> frozenset[str]:
    """Single words of third_parties.txt ("ombudsman", "geschillencommissie", "kifid")."""
    return frozenset(w for w in resources.word_lines("third_parties.txt") if " " not in w)


def _town_not_in_name(text: str, words: list[str], joiners: frozenset[str]) -> bool:
    """Is the town that ends this name where the firm is rather than part of its name? Yes after
    a joiner ("Strandhotel De Zeekraal op Ameland"), or when the story also writes the name
    without it ("Hofstede Kamerverhuur Groningen" ... "Hofstede Kamerverhuur drie keer gemaild");
    a firm only ever written with its town ("Airport Cars Eelde") keeps it."""
    if words[-2] in joiners:
        return True
    short = words[:-1]
    while len(short) > 1 and short[-1] in joiners:
        short = short[:-1]
    return re.search(rf"{re.escape(' '.join(short))}(?![ \t]+{re.escape(words[-1])})(?![\w-])", text) is not None


def find(text: str, taken: list[tuple[int, int]] = ()) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical name, sector) of each organisation the context reveals. A candidate
    overlapping ``taken`` (a brand the table already found) is dropped before spellings are merged,
    so "Keukenstudio Maasdal en Siemens" cannot lend its name to "Keukenstudio Maasdal"."""
    rules = _rules()
    out = []
    kinds: dict[int, tuple[str, int]] = {}  # name found after a lower-case kind: its start -> (kind, kind start)
    singles: set[int] = set()  # starts of one-word names found only as the object of a contact verb
    for rule, pattern in rules["patterns"]:
        for m in pattern.finditer(text):
            name = m.group("name").strip().rstrip(".")
            start = m.start("name")
            sector = "other"
            if rule in ("org_tail", "org_word", "legal", "kind_after"):
                name, start = _with_particle(text, name, start, rules["particle_before"])
            name, start = _without_opening_preposition(text, name, start, rules["particles"] | rules["opening_adverbs"])
            if rule == "town_council":
                if name.lower() not in rules["places"] or not rules["council_words"].search(text) \
                        or re.search(rf"\bStad {re.escape(name)}\b", text):
                    continue  # "een weekend in de stad Brugge": a trip, no council; "Stad Gent": its own name
                out.append((m.start("name"), m.end("name"), f"Gemeente {name}", "government"))
                continue
            if rule == "municipality_lower":
                if name.lower() not in rules["places"]:
                    continue  # "de gemeente zelf", "gemeente belastingen": no town
                name, start, sector = f"{m.group('kind').capitalize()} {name.capitalize()}", m.start("kind"), "government"
                out.append((start, m.end("name"), name, sector))
                continue
            if rule == "kind_before":
                kind = m.group("kind")
                sector = rules["kind_before"].get(kind.lower(), "other")
                # "Garage Bakker" keeps its kind; a headline's capital ("★★★★☆ Garage Hofstede",
                # "Rijschool Kuipers in Zoetermeer, pas op!!") is no sign of a name
                headline_only = _line_initial(text, m.start("kind")) and _written_lower(text, kind.lower(), name.split())
                # ('Escaperoom "De Vergeten Zolder"': quotes mark the name without its kind)
                quoted = m.start("name") > 0 and text[m.start("name") - 1] in "\"“‘'"
                if kind[0].isupper() and not headline_only and not quoted \
                        and not _capital_by_position(text, kind, name, m.start("kind")) \
                        or kind.lower() in rules["place_kinds"]:
                    name, start = f"{kind[0].upper()}{kind[1:]} {name}", m.start("kind")
            elif rule == "lower_name":
                if m.group("place")[0].islower() and m.group("place") not in rules["places"]:
                    continue  # "bij hondenschool kwispel in heerenveen": a place typed in lower case is one we know
                sector = next((sec for k, sec in rules["kind_before"].items() if m.group("kind").lower().endswith(k)),
                              "other")
                name = _capitalised(name, rules["joiners"])
            elif rule == "kind_after":
                sector = rules["kind_after"].get(m.group("kind").lower(), "other")
            elif rule == "kind_after_lower":
                sector = next((sec for k, sec in rules["kind_before"].items() if m.group("kind").lower().endswith(k)), "other")
            elif rule in ("apposition", "kind_apposition", "kind_apposition_single", "kind_bracket"):
                if name.split()[0] in rules["lower_name_articles"] and _common_noun(name.split()[-1], rules):
                    continue  # "over de bakker, de broodkraam op de markt": a word, not a name
                sector = rules["kind_before"].get(m.group("kind").lower(), "other")
            elif rule == "lower_predicate":
                sector = _kind_sector(m.group("kind"), rules)
            elif rule == "addressee" and any(w.lower().strip(".,") in _third_party_words() for w in name.split()):
                continue  # "Aan: Ombudsman Metropool Amsterdam": a letter to a disputes body
            elif rule in ("domain", "addressee"):
                low = name.lower()
                sector = next((s for w, s in rules["domain_sector"].items() if w in low), "other")
            name = re.sub(r"(?:'s|’s)$", "", name)
            words = name.split()
            after_place = re.search(rf"\b(?:{rules['place_prepositions']})[ \t]+$", text[max(0, start - 6) : start])
            person_of = words[0] in rules["first_names"] and words[1:2] == ["van"]
            if len(words) > 2 and (words[0].lower().endswith(rules["streets"]) or (after_place or person_of)
                                   and words[1] == "van") and words[1] in rules["joiners"]:
                # "aan de Brinkgreverweg van Vastgoed Meijerink", "in Deventer van Kroeze Vastgoed
                # B.V.", "Jasmijn van Zilverlicht Fotografie": the street or town is where, the
                # person who; the firm is after "van"
                rest = words[1:]
                while rest and rest[0] in rules["joiners"]:
                    rest = rest[1:]
                start += len(name) - len(" ".join(rest))
                name, words = " ".join(rest), rest
            if rule == "tally_heading" and (words[0].lower() in rules["stop"] or name.lower() in rules["kind_before"]):
                continue  # "Mijn zoon (twee keer):": a person's tally; "Gemeente (3 keer):": a kind word
            if rule != "portal" and words[0] == "Mijn" and len(words) > 1:
                continue  # "via Mijn Inburgering een bericht gestuurd": a portal, which the portal rule reads
            if len(words) > 2 and words[0].lower() in rules["message_heads"] and words[1] in rules["message_to"]:
                # "Zo 15 juni - Mail aan Dijkgeluid Producties: ...": a diary line's message to the firm
                start += len(name) - len(" ".join(words[2:]))
                name, words = " ".join(words[2:]), words[2:]
            if len(words) > 1 and words[0].lower() in rules["stop"] and (words[0].lower() not in rules["joiners"]
                                                                          or words[0].lower() in rules["never_opening"]):
                # "Maandag Bosman Installatietechniek": a day or a capitalised sentence word in front
                # ("En Studio Spikkel: geweldig werk": a sentence's "En" opens no name)
                start += len(name) - len(" ".join(words[1:]))
                name = " ".join(words[1:])
                if words[1].islower():
                    continue  # "een DM op Twitter": what is left opens with a joiner, no name
            first_word = words[0].lower() if words else ""
            if len(words) > 1 and _kind_or_compound(first_word, rules) and first_word != "gemeente" \
                    and (_line_initial(text, start) or _opens_sentence(text, start)) \
                    and _written_lower(text, first_word, words[1:2]):
                # "Autorijschool Meijer in Gouda, pas op!!" above "bij autorijschool meijer": the
                # headline's capital makes no name; nor does a sentence's ("Notaris Lemmens zelf
                # was vriendelijk" in a story that writes "notaris Lemmens")
                start += len(words[0]) + 1
                name = " ".join(words[1:])
                headline_kind = True
            else:
                # ("Rijschool Rechtdoor Amersfoort:" read by a kind rule: the kind stands outside the name)
                kind = m.group("kind") if "kind" in m.re.groupindex else None
                headline_kind = bool(kind) and kind[0].isupper() and len(words) == 2 \
                    and (_line_initial(text, m.start("kind")) or _opens_sentence(text, m.start("kind"))) \
                    and _written_lower(text, kind.lower(), words[:1])
            if _is_stopword(name, rules["stop"]) or _sentence_initial_only(text, start, name, rule):
                continue
            if " " not in name and _staff_person(text, name, rules):
                continue  # "antwoord van Rui, de beheerder ... Ik heb Rui gebeld": a person on the staff
            if rules["postcode_before"].search(text, max(0, start - 6), start) and re.fullmatch(r"[A-Z]{2}", words[0]):
                continue  # "3500 GV Utrecht": a postcode's letters and the town
            if not (name[:1].isalnum() or name.startswith(("'", "’"))) and rule != "handle":
                continue  # "Internet & Bellen": a name never opens with a joiner
            if rules["posted_by"].search(text, max(0, start - 60), start):
                continue  # "Gepost op 14/02/2024 door GrietVDB": the post's author
            if rule == "hashtag" and not re.search(rf"(?<![#\w-]){re.escape(name)}(?![\w-])", text):
                continue  # "#Nederland", "#Dertig": a tag only, never the name of a firm in the text
            if _breadcrumb(text, start):
                continue  # "Forum Wonen & Interieur > Ervaringen met winkels": where the post stands
            if "_" in name and rule not in ("handle", "domain"):
                continue  # "geplaatst door Harm_D": a forum user's name
            if rules["person_after"].match(text, m.end("name")):
                continue  # "halen we de sleutel bij Hofstra, onze buurman": a person, set off as one
            if rule == "kind_after_lower" and len(words) == 1 and (
                    len(re.findall(rf"\b{re.escape(name)}\b", text)) < 2 and not re.search(
                        r"\b(?:bij|van|met|door|via|naar)[ \t]+$", text[max(0, start - 6) : start])
                    and not rules["contacted_before"].search(text, max(0, start - 16), start)
                    and not re.match(r"[ \t]+uit[ \t]+[A-Z]", text[m.end("kind") : m.end("kind") + 8])
                    or numbers.ordinal(name.lower())):
                continue  # "een Deense webwinkel", "Top winkel!", "Tweede installateur kwam ...": an adjective
                # (once is enough after a contact verb: "belde ik Wolters schoorsteenveger", or with the
                # town it is from: "Bosman schoorsteenveger uit Hoogeveen")
            if rule in ("contacted_single", "diary_single", "kind_apposition_single", "went_to_single", "turned_to", "lower_predicate", "list_heading", "bought_at") and (len(re.findall(rf"\b{re.escape(name)}\b", text)) < 2 or any(
                    text[a:b].startswith(name + " ") for a, b in taken)
                    or name in rules["surnames"] and (len(re.findall(rf"\b{re.escape(name)}\b", text)) < 3
                                                      or not re.search(rf"\b(?:{rules['bought_from']})\s+{re.escape(name)}\s", text))):
                continue  # "Ik heb Hofstede gebeld" once, "Ik bel Jansen": a person as likely as a firm; "Freedom" of "Freedom Internet"
                # (a common surname the story comes back to three times, bought from "bij Kramer op de
                # markt", is the family's business; "meneer Dekker", the landlord, is a person)
            if rule == "salutation" and (len(words) == 1 and lexicon.is_dutch_word(name.lower())
                                         or rules["titled"].search(words[0] + " ") or name.lower() in rules["stop"]
                                         or name.lower() in rules["salutation_not_names"]
                                         or name.lower().rsplit("-", 1)[-1] in rules["salutation_not_names"]):
                continue  # "Beste Klantenservice,", "Beste Mevrouw Jansen,", "Beste Kassa-redactie,": no firm's name
            if rule in ("salutation", "contacted", "contacted_single", "diary_single", "went_to_single", "turned_to", "kind_before", "kind_lower", "kind_apposition",
                        "kind_apposition_single", "ordered_at", "bought_at", "at_place", "hired", "named_as", "landed_at",
                        "addressee", "service_of", "kind_bracket") and m.group("name").split()[0] in rules["first_names"] \
                    and not (rule in ("kind_apposition", "kind_before") and len(m.group("name").split()) >= 2
                             and m.group("kind").lower().endswith(tuple(rules["trade_person_words"]))) \
                    or rule == "apposition" and m.group("name") in rules["first_names"]:
                continue  # "Ik belde Sanne de Vries", "dierenarts Joost", "de storm met de naam Henk",
                # "een bezoek aan de balie van Ruud", "mijn zoon Joris, een thuisbatterij" (a first
                # name alone before an apposition): a person's name ("onze architect, Bart Lambrecht,",
                # "onze tuinarchitect, Pieter Verstraete,", "landmeter Geert Wuyts": a tradesman's full
                # name after his trade is his business)
            if rule == "kind_bracket" and (name in rules["regions"] or name.lower() in rules["places"]
                                           or m.group("kind").lower().endswith(rules["needs_name"])):
                continue  # "in de Achterhoek (kantoor in Lichtenvoorde)": a region, and where an office is
            if rule in ("staff_of", "staff_of_single") and m.group("first") not in rules["first_names"]:
                continue  # "Vanaf van De ...": no person before "van"
            if rule == "staff_of_single" and (name in rules["surnames"] or name.lower() in rules["places"]
                                              or not _written_alone(text, name, whole=True)):
                continue  # "Henk van Dalen", "Els van Dijk", "Joop van Zeist": a surname or a town
                # ("Annika van Björkudden" beside "Björkudden Stugor": the start of a longer name)
            if rule == "kind_after_lower" and re.sub(r"(?:'s|’s)$", "", m.group("name")) in rules["first_names"]:
                continue  # "Saar's schade": a person's or a pet's first name before a lower-case word
            if rule == "at_place" and " " not in name and name in rules["surnames"]:
                continue  # "bij Jansen op de Dorpsstraat, daar woont mijn oom": a family at home
            if rule == "at_place" and text[m.start() : m.start() + 4] == "van " \
                    and (text[max(0, m.start() - 30) : m.start()].split() or [""])[-1] in rules["first_names"]:
                continue  # "Henk en Ria van Dalen uit Nijkerk": a family name after a first name
            if WARD_CODE.fullmatch(name) or rules["part_or_scheme"].search(text, max(0, start - 30), start):
                continue  # "de balie van C3", "afdeling B2": a ward or room; "de afdeling Polisbeheer": a part of it
            words = name.split()
            if len(words) > 1 and words[-1].rstrip(".") in rules["legal"]:
                name = " ".join(words[:-1])  # "Keukenstudio Meulenbelt B.V": the legal form is no part of the name
                words = words[:-1]
            # "Drukkerij Van Houten", "Klompenmakerij Ter Haar": a town or a common word after a
            # capitalised particle is a surname
            surname = len(words) > 1 and words[-2][0].isupper() and (words[-2].lower() in rules["joiners"]
                                                                      or words[-2] in rules["particles"])
            # ("Rijschool Rechtdoor Amersfoort:" heading a story that writes "bij rijschool
            # Rechtdoor": with the headline's kind gone, one word and the town are left)
            if (len(words) > 2 or headline_kind and len(words) == 2) and not surname \
                    and (words[-1].lower() in rules["stop"] or words[-1].lower() in rules["places"]
                         and _town_not_in_name(text, words, rules["joiners"])):
                name = " ".join(words[:-1])  # "Hofstede Kamerverhuur Groningen": the place is not the name
                words = words[:-1]
                while len(words) > 1 and words[-1] in rules["joiners"]:
                    words = words[:-1]  # "Gemeente Lochem op X": no joiner left at the end
                name = " ".join(words)
            if (len(words) == 1 or len(words) == 2 and words[0].lower() in rules["street_adjectives"]) \
                    and name.lower().endswith(rules["streets"]) \
                    and re.search(r"\b(?:aan|van|op|bij|naar|in|over|langs)[ \t]+(?:de|het)[ \t]+$", text[max(0, start - 12) : start]):
                continue  # "hun kantoor aan de Turfmarkt", "een zijstraatje van de Botermarkt", "aan de Oude Markt": a street or square
            if len(words) == 1 and name.lower().endswith(rules["streets"]) and re.match(r"[ \t]+\d", text[start + len(name) : start + len(name) + 4]):
                continue  # "nieuwbouw Kapelstraat 41, 9820 Merelbeke": a street with its house number, an address
            if _premises_of_taken(text, name, taken, rules):
                continue  # "in de Lijnwinkel aan het station": De Lijn's own shop
            if re.match(r"Mijn[A-Z]", name) or _portal_of_taken(text, name, taken):
                continue  # "MijnAmersfoort", "MijnOdido", "MyProximus": the company's portal, a channel
            if _under_sign_off(text, start, rules["sign_off"]):
                continue  # "Met vriendelijke groet,\n\nM. Oude Nijhuis": the writer's name under the letter
            if _part_of_taken(text, name, taken):
                continue  # "de Fundservice van Deutsche Bahn": a department of a brand the table found
            if (len(words) == 1 or rule == "apposition") and name.lower() in rules["places"] \
                    or rule == "apposition" and len(words) == 1 and re.search(rf"\b(?:{rules['place_prepositions']})[ \t]+$", text[max(0, start - 5) : start]) \
                    or len(words) == 1 and name.lower() in rules["adjectives"] \
                    or len(words) == 2 and words[0].lower() in ("de", "het", "'t") and words[1].lower() in rules["adjectives"]:
                continue  # "de Nederlandse klantenservice", "slotenmaker Deventer spoed", "Het Zweedse fonds": no
                # organisation; nor "bij Immo Zeelicht in Den Helder, een verhuurkantoor": the town is where
                # ("Glashandel Timmer uit Goes gebeld, een klein familiebedrijf": one word after "uit" too)
            if name.lower() in rules["org_suffixes"]:
                continue  # "Forum Tuin" without its first word is only "Tuin"
            bare = words[1:] if len(words) == 2 and words[0].lower() in ("de", "het", "'t") else words
            if len(bare) < len(words) and bare[0].lower() in rules["org_suffixes"]:
                continue  # "Het Hotel was vol.", "De Winkel was dicht.": an article and an organisation word
            if len(bare) == 1 and (bare[0].lower().endswith(rules["needs_name"]) or bare[0].lower() in rules["place_compounds"]):
                continue  # "Stadskantoor", "Rabobankkantoor", "in het Gemeenschapshuis", "Het Huurteam": a place
                # or a team; "Hypotheekkantoor Berkelland", "Bouwteam Hendriks" are firms
            if rule == "contacted_single" and text[m.start()] in ",:;–" and lexicon.is_dutch_word(name.lower()):
                continue  # "12 maart – Opnieuw gemaild": a capital after a diary's dash proves nothing
            if rule == "handle" and "." in name and not _spelled_out(name, text):
                # "@lotus.nails.zwolle" beside "Lotus Nails": the longest first parts spelled out in
                # the story; "@inktkraai.studio" beside "Inktkraai": the first part
                parts = name.split(".")
                name = next((".".join(parts[:k]) for k in range(len(parts) - 1, 1, -1)
                             if _spelled_out(".".join(parts[:k]), text)), parts[0])
            if rule == "handle" and "_" in name.strip("_") and not _spelled_out(name, text):
                # "@roedelwerk_training" beside "een eenmanszaak, Roedelwerk": the longest first
                # parts the story spells out are the firm's name
                parts = name.split("_")
                firsts = ["_".join(parts[:k]) for k in range(len(parts) - 1, 0, -1)]
                name = next((first for first in firsts if len(first) >= 4 and _spelled_out(first, text)), name)
                written = re.search(rf"(?<![@\w]){re.escape(name)}(?!\w)", text, re.I) if "_" not in name else None
                if written and written.group(0)[0].isupper():
                    name = written.group(0)  # as the story writes it out
            if rule == "handle" and (not _company_handle(name, text, rules) or _ends_in_domain(name)):
                continue
            if rule in ("kind_lower", "kind_before") and text[m.end("kind") : start].strip() \
                    and re.search(r"\been[ \t]+$", text[max(0, m.start("kind") - 5) : m.start("kind")]):
                continue  # 'een workshop "Voorjaar aan de Middellandse Zee"': the title of one thing, no firm
            if _quoted_everywhere(name, text) and rule not in ("kind_lower", "kind_before") \
                    and not _quoted_in_town(text, start + len(name), rules) \
                    and not (rule == "ordered_at" and text[max(0, start - 5) : start - 1].endswith("bij ")):
                continue  # "oude soorten zoals 'Insulinde' en 'Absalon'", "de 'Grutte Pier'": a variety, a boat
                # ("boksschool 'Vuurvast'": a kind word before it says it is a firm; "gekozen voor
                # 'De Laserkelder' in Zwolle": so does the town it is in; so does 'geboekt bij
                # "De Rollende Bal"', a place something was booked or bought)
            if (rule == "portal" or rule == "camel" and text[max(0, start - 5) : start] == "Mijn ") \
                    and _portal_topic(name, text):
                continue  # "via Mijn Inburgering" beside "inburgeringsexamen": a portal named after its topic
            if rule == "kind_lower" and m.group("kind").lower() in rules["place_compounds"] \
                    or rule == "kind_cap" and name.split()[0].lower() in rules["place_compounds"]:
                continue  # "in dorpshuis De Linde", "winkelcentrum De Barones", "in Sporthal De Schans": a building, no firm
            if rule in ("kind_cap", "org_word") and _head_inside_a_word(
                    name.split()[0] if rule == "kind_cap" else _org_word_of(name, rules), rules["compound_heads"]):
                continue  # "de Feestschotel Deluxe": "schotel" is a word of its own, no "hotel"
            if rule == "handle":
                name = _without_handle_suffix(name)
            end = m.end("name") if start != m.start("name") else start + len(name)
            if rule != "domain" and rules["tld_after"].match(text, end):
                continue  # "bij Fietsonderdelenshop.nl": the domain rule names it with its ".nl"
            if any(a < end and start < b for a, b in taken) or rules["titled"].search(text, max(0, start - 14), start):
                continue  # a brand the table found; "mevrouw Kamphuis": a person
            if any(b <= start and not text[b:start].strip() for a, b in taken):
                continue  # "ABN AMRO Bank N.V.": the rest of a brand's own name
            out.append((start, end, name, sector))
            if rule in ("contacted_single", "went_to_single", "turned_to"):
                singles.add(start)
            if rule == "kind_lower":
                kinds[start] = (m.group("kind"), m.start("kind"))
    # "Installatiebedrijf Pronk ... Ik heb Pronk gebeld": a single word of a longer name is that name
    out = [item for item in out if item[0] not in singles or not any(
        item[2] in other[2].split() and other[2] != item[2] for other in out)]
    out = [_with_own_kind(item, kinds, out) for item in out]
    out = _without_headline_word(text, out)
    out = out + _section_headings(text, taken, out, rules)
    out = out + _lower_case_names(text, [*taken, *((a, b) for a, b, _, _ in out)], rules)
    out = out + _lower_names_after_kind(text, [*taken, *((a, b) for a, b, _, _ in out)], rules)
    out = out + _lower_names_before_kind(text, [*taken, *((a, b) for a, b, _, _ in out)], rules)
    out = out + _other_occurrences(text, out, rules)
    out = out + _longer_forms(text, out, taken, rules)
    out = _listed_apart(text, out)
    out = [item for item in out if not _app_of_owner(text, item)]
    merged = _merge_spellings([_with_article(text, item) for item in out + _handle_written_out(text, out, taken)])
    return _known_by_abbreviation(text, merged, taken)


# " van de ", " van ": whose a name is (the determiner, when there is one, in group 1)
OWNER_AFTER = re.compile(rf"[ \t]+(?:{'|'.join(resources.phrases('unknown_companies.owner_prepositions'))})[ \t]+"
                         rf"((?:{'|'.join(resources.phrases('unknown_companies.app_owner_determiners'))})[ \t]+)?")


def _app_of_owner(text: str, item: tuple[int, int, str, str]) -> bool:
    """ "via de MeldingenApp van de gemeente": a name that ends in "app", followed by whose app it
    is, names the owner's app (a channel), not an organisation."""
    start, end, name, _ = item
    owner = OWNER_AFTER.match(text, end)
    return name.lower().endswith("app") and len(name) > 5 and owner is not None \
        and (owner.group(1) is not None or re.match(r"\w", text[owner.end() : owner.end() + 1]) is not None)


def _listed_apart(text: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "een avond met NS, Taxi Schreuder en Hotel De Zuiderpoort" in a heading, with both firms
    found on their own in the story: the "en" lists two names ("Lont en Was", never written
    apart, stays one)."""
    names = {_key(name) for _, _, name, _ in found}
    out = []
    for start, end, name, sector in found:
        left, joined, right = name.partition(" en ")
        at = text.find(" en ", start, end)
        listed = bool(joined) and at > start and _key(left) in names
        if listed and _key(right) in names:
            out += [(start, at, text[start:at], sector), (at + 4, end, text[at + 4 : end], sector)]
        elif listed and any(n.startswith(_key(right)) for n in names):
            out.append((start, at, text[start:at], sector))  # ("Taxi Schreuder en Hotel", cut short)
        else:
            out.append((start, end, name, sector))
    return out


def _longer_forms(text: str, found: list[tuple[int, int, str, str]], taken: list[tuple[int, int]],
                  rules: dict) -> list[tuple[int, int, str, str]]:
    """ "door Teamsport Hagelstein wordt gedraaid ... Hagelstein gebeld": a one-word name found
    from context, written elsewhere mid-sentence after a capitalised word that is no sentence
    word, first name or stop word, is that longer name (the spellings are merged after)."""
    singles = {name for _, _, name, _ in found if " " not in name and name[:1].isupper() and "." not in name}
    out = []
    for name in singles:
        sector = next(sec for _, _, n, sec in found if n == name)
        for m in re.finditer(rf"(?<=[a-zà-ÿ,] )([A-Z][a-zà-ÿ]{{3,}})[ \t]+{re.escape(name)}(?![\w-])", text):
            word = m.group(1)
            if word.lower() in rules["stop"] or word in rules["first_names"] or word.lower() in rules["places"] \
                    or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            out.append((m.start(1), m.end(), f"{word} {name}", sector))
        out += _longer_form_after(text, name, sector, taken, rules)
    return out


def _longer_form_after(text: str, name: str, sector: str, taken: list[tuple[int, int]],
                       rules: dict) -> list[tuple[int, int, str, str]]:
    """ "hebben we Hoekman Montage ingehuurd ... Hoekman gebeld", "een kastje van AlarmZorg
    Friesland": a one-word name written once with an organisation word ("Montage", "Keukens",
    "Zonne-energie") or a region after it is that longer name; a town is not part of it."""
    out = []
    for m in re.finditer(rf"(?<![\w@.-]){re.escape(name)}[ \t]+([A-Z][a-zà-ÿ]+(?:-[a-zà-ÿ]+)?)(?![\w-])", text):
        word = m.group(1)
        if not (word.lower().endswith(rules["org_suffixes_longest_first"]) or word in rules["regions"]) \
                or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        out.append((m.start(), m.end(), f"{name} {word}", sector))
    return out


def _known_by_abbreviation(text: str, found: list[tuple[int, int, str, str]],
                           taken: list[tuple[int, int]] = ()) -> list[tuple[int, int, str, str]]:
    """ "Mobiel Glas Centrum (MGC)" and then "MGC" four times: a name spelled out once with its
    initials in brackets (or after them: "VFL (Velo Flex Lease)", or explained: "TSB staat voor
    ...") goes by the initials when the story writes them more often than the name (decision
    149: as the story names it most); each use of the initials is then the organisation too."""
    renamed = {}
    for name in {item[2] for item in found}:
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        # ("VFL (Velo Flex Lease)": the initials first, the name in brackets, as well)
        # ("SSK staat voor Slijpservice Kantwerk": the initials explained)
        if len(initials) < 2 or len(initials) != len(name.split()) \
                or f"{name} ({initials})" not in text and f"{initials} ({name})" not in text \
                and f"{initials} staat voor {name}" not in text:
            initials = _letters_in_brackets(text, name) or _initials_spelled_out(text, name) \
                or _initials_used_apart(text, name, taken)
            if not initials:
                continue
        spots = [m.start() for m in re.finditer(rf"(?<![\w-]){initials}(?![\w-])", text)]
        # (each count holds the one in "Name (INITIALS)"; as often as the name, the initials go
        # first when the story writes them first: "bij de TSTV (voluit: Tilburgse ...)")
        if len(spots) > text.count(name) or spots and len(spots) == text.count(name) and spots[0] < text.find(name):
            renamed[name] = initials
    out = [(a, b, renamed.get(name, name), sector) for a, b, name, sector in found]
    # each use of the initials is the organisation too ("Ik heb in de VFL-app een storing gemeld")
    sectors = {initials: sector for _, _, initials, sector in out if initials in renamed.values()}
    for initials, sector in sectors.items():
        for m in re.finditer(rf"(?<![\w-]){initials}(?!\w)", text):
            if not any(a < m.end() and m.start() < b for a, b, _, _ in out) \
                    and not any(a < m.end() and m.start() < b for a, b in taken):
                out.append((m.start(), m.end(), initials, sector))
    return out


def _initials_spelled_out(text: str, name: str) -> str:
    """ "bij de ZBS, voluit Zeilschool Braassemermeer", "TCO, oftewel Tennisclub Oosterpark": capitals
    first, then the name they spell; or the name, then "zoals de HSTV voluit heet"."""
    rules = _rules()
    said = rules["long_form_said"]
    # (", de Oratoriumvereniging Zuid-Veluwe": the name in apposition after the capitals, too)
    # ("het USKA, voluit het Utrechts Studenten Kamerkoor Arioso": an article after the phrase,
    # and a capitalised word the name left out, which the capitals spell too)
    # ("het DSKC geboekt, het Delfts Studenten Kamerkoor Cantare": a participle may end the clause first)
    # ("de TSTV (voluit: Tilburgse Studenten Toneelvereniging)": a colon after the word too)
    # ("het NSKC gehoord, voluit het Nijmeegs ...": a participle may end the clause before the word)
    # ("bij het TSKV terecht, voluit het Tilburgs ...": any one lower-case word may end the clause)
    for m in re.finditer(rf"(?<![\w-])([A-Z]{{2,6}})(?:(?:[ \t]+ge[a-zà-ÿ]+[dt]|[ \t]+[a-zà-ÿ]+(?=,))?,?[ \t]+\(?(?:{said}):?(?:[ \t]+(?:de|het))?|(?:[ \t]+ge[a-zà-ÿ]+[dt])?,[ \t]+(?:de|het))"
                         rf"[ \t]+((?:[A-Z][a-zà-ÿ]+[ \t]+)?){re.escape(name)}", text):
        if _spells_name(m.group(1), name, m.group(2).split()):
            return m.group(1)
    # "de SZVK (Studenten Zeilvereniging Kielwater, voor wie niet in Leiden studeert)": the capitals,
    # then the name in brackets that run on
    # ("de DSRG (het Deventer Studenten Roei Genootschap, ...)": an article may open the brackets)
    for m in re.finditer(rf"(?<![\w-])([A-Z]{{2,6}})[ \t]+\((?:(?:het|de)[ \t]+)?((?:[A-Z][a-zà-ÿ]+[ \t]+)?){re.escape(name)}[,;)]", text):
        if _spells_name(m.group(1), name, m.group(2).split()):
            return m.group(1)
    # "aan de Hofstadse Studenten Toneelvereniging, zoals de HSTV voluit heet": the name first,
    # then the capitals it spells out
    for m in re.finditer(rf"((?:[A-Z][a-zà-ÿ]+[ \t]+)?){re.escape(name)},?[ \t]+(?:{rules['as_initials']})[ \t]+(?:de[ \t]+|het[ \t]+)?"
                         rf"([A-Z]{{2,6}})[ \t]+(?:(?:{said})[ \t]+)?(?:{rules['is_called']})\b", text):
        if _spells_name(m.group(2), name, m.group(1).split()):
            return m.group(2)
    return ""


def _initials_used_apart(text: str, name: str, taken: list[tuple[int, int]]) -> str:
    """ "met HCZ, de club van onze dochter. Voor wie het niet kent: Hockeyclub Zuiderpark": capitals
    written at least twice in the story, away from the name, that hold the initials of its words
    in order and at most one letter more (from inside a compound). Capitals the brand table read
    ("DB") or that are a word of the name ("MSC Cruises") are not its short form; the count below
    decides which form the story goes by."""
    initials = [w[0] for w in name.split() if w[:1].isupper()]
    if len(initials) < 2:
        return ""
    # ("ESDG" for "het Eindhovens Studenten Debatgenootschap", the finder having left out the
    # capitalised word in front: the capitals may spell that word too)
    at = text.find(name)
    left_out = _word_before(text, at) if at > 0 else []
    for m in re.finditer(r"(?<![\w-])([A-Z]{2,6})(?![\w-])", text):
        caps = m.group(1)
        extra = 1 if left_out and caps[0] == left_out[0][0] and caps[0] != initials[0] else 0
        if caps in name.split() or len(caps) > len(initials) + 1 + extra or caps[0] != initials[0] and not extra \
                or text.count(caps) < 2 or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        letters = iter(caps[extra:])
        if all(letter in letters for letter in initials) and _spells_name(caps, name, left_out if extra else []):
            return caps
    return ""


def _spells_name(initials: str, name: str, left_out: list[str]) -> bool:
    """Do the capitals spell the name, or the name with the capitalised word it left out in
    front ("Hofstadse" of "Hofstadse Studenten Toneelvereniging" for HSTV)? A club's own name
    after its organisation word may stay out of the capitals ("TSRV", voluit "Tilburgse Studenten
    Roeivereniging Kielwater")."""
    words = name.split()
    forms = [words]
    last_org = max((k for k, w in enumerate(words[:-1]) if w.lower().endswith(_rules()["org_suffixes_longest_first"])), default=None)
    if last_org is not None:
        forms.append(words[: last_org + 1])  # ("Zwolse Studenten Hockeyvereniging De Knuppel" for ZSHV)
    return any(_spells(initials, form) or bool(left_out) and _spells(initials, [*left_out, *form]) for form in forms)


def _letters_in_brackets(text: str, name: str) -> str:
    """ "Modelvliegclub Hunzedal (MVH)", "het Vlaams Energie- en Klimaatagentschap (VEKA)": capitals
    in brackets right after a name (or after the rest of it the finder cut off at a hyphen) that
    spell it, a compound giving a letter for each of its parts, are its short form; so are
    capitals the story says it goes by ("Watersportschool Oostmeer, bij iedereen hier gewoon WSO")."""
    for m in re.finditer(re.escape(name) + r"([^\n.,;:()]{0,40}?) \(([A-Z]{2,6})\)", text):
        if _spells(m.group(2), (name + m.group(1)).split()):
            return m.group(2)
    # (said rather than bracketed: "..., kortweg STZ"; "..., hier noemt iedereen het gewoon de
    # RTCW": a few small words and "gewoon" or "kortweg" before the capitals)
    said = _rules()['short_form_said']
    for m in re.finditer(re.escape(name) + rf",?[ \t]+(?:(?:{said})|(?:[a-z]+[ \t]+){{1,6}}?(?:gewoon|kortweg))"
                         rf"(?:[ \t]+(?:de|het))?[ \t]+([A-Z]{{2,6}})\b", text):
        if _spells_name(m.group(1), name, _word_before(text, m.start())):
            return m.group(1)
    return ""


def _word_before(text: str, start: int) -> list[str]:
    """The capitalised word just before a name, which the name left out ("Leidse" in "de Leidse
    Studenten Toneelvereniging De Coulisse, gewoon de LSTV"): the short form may spell it too."""
    m = re.search(r"([A-Z][a-zà-ÿ]+)[ \t]+$", text[max(0, start - 30) : start])
    return [m.group(1)] if m else []


def _spells(letters: str, words: list[str]) -> bool:
    """Whether capitals spell words in order: each capitalised word gives its first letter and
    may give more from inside itself (Klimaat-agentschap, Model-vliegclub); a small word ("en",
    "de") gives its first letter or none."""
    if not letters:
        return not any(w[:1].isupper() for w in words)
    if not words:
        return False
    word, rest = words[0], words[1:]
    if not word[:1].isupper():
        return _spells(letters, rest) or word[:1].upper() == letters[0] and _spells(letters[1:], rest)
    if word[0] != letters[0]:
        return False
    inside, used = word[1:].upper(), 1
    while True:
        if _spells(letters[used:], rest):
            return True
        if used == len(letters) or (at := inside.find(letters[used])) < 0:
            return False
        inside, used = inside[at + 1:], used + 1


def _handle_written_out(text: str, found: list[tuple[int, int, str, str]],
                        taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """ "@plaagvrij_oost, oftewel Plaagvrij Oost": a run of capitalised words whose letters are
    a handle's, written out as a name, is that organisation (and gives it its written name)."""
    handles = {_key(name): sector for _, _, name, sector in found if "_" in name or name.islower() or (
        " " not in name and sum(ch.isupper() for ch in name[1:]) >= 1 and not name.isupper())}  # "@GSMDokter"
    if not handles:
        return []
    seen = {(a, b) for a, b, _, _ in found}
    out = []
    # ("@fit_met_femke ... Voluit heet het Fit met Femke": any short word may join the run, since
    # its letters must be the handle's)
    for m in re.finditer(r"(?<![\w@.])[A-Z][\w&'-]*(?:[ \t]+(?:[a-zà-ÿ&]{1,4}[ \t]+)?[A-Z][\w&'-]*){0,2}", text):
        spans = [(m.start() + w.start(), m.start() + w.end()) for w in re.finditer(r"\S+", m.group())]
        words = [text[a:b] for a, b in spans]
        # ("Fenna van De Zeepzusjes": the name may start after a person and a joiner)
        for first in range(len(words) - 1):
            if not words[first][:1].isupper():
                continue
            found_here = False
            for n in range(len(words), first + 1, -1):  # two or more words: one word alone is the handle's own form
                run = " ".join(words[first:n])
                start, end = spans[first][0], spans[n - 1][1]
                if _key(run) in handles and (start, end) not in seen and not any(a < end and start < b for a, b in taken):
                    out.append((start, end, run, handles[_key(run)]))
                    found_here = True
                    break
            if found_here:
                break
    return out


def _capitalised(name: str, joiners: frozenset[str]) -> str:
    """ "van der sluis" -> "Van der Sluis": a name typed in lower case, written as a name."""
    words = [w if w in joiners else w[:1].upper() + w[1:] for w in name.split()]
    return words[0][:1].upper() + words[0][1:] + "".join(" " + w for w in words[1:])


def _written_together_elsewhere(text: str, first: str, rest: str, start: int) -> bool:
    """Does the story write the kind word before the same name somewhere past this line too?"""
    together = re.compile(rf"(?<![\w-]){re.escape(first)}[ \t]+{re.escape(rest)}(?![\w-])")
    line_end = text.find("\n", start)
    return any(m.start() > line_end >= 0 for m in together.finditer(text))


def _without_headline_word(text: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Ervaring Van Dalen Verhuizingen B.V. (lang verhaal)" above "... hebben we Van Dalen
    Verhuizingen ingehuurd": a line's first word in front of a name found elsewhere in the
    story is the headline's own word (a title capital), not part of the name, unless it is an
    organisation word itself ("Keukencentrum Van der Meulen B.V." above "kozen voor Van der
    Meulen"); so is a person
    "van" a firm found on its own ("Jasmijn van Zilverlicht Fotografie")."""
    names = {_key(item[2]) for item in found}
    rules = _rules()
    org_suffixes = tuple(rules["org_suffixes"])
    out = []
    for start, end, name, sector in found:
        first, _, rest = name.partition(" ")
        # ("Keukencentrum Van der Meulen B.V." on an address line: an organisation word opens the name)
        # (but "Taalschool Lingua Viva:" above "ingeschreven bij taalschool Lingua Viva": the
        # story writes the word in lower case, as the kind it is)
        # ("Schilder Lievens bvba:" above "met Lievens bvba": a tradesman's word the story never
        # writes before the name again is the headline's; "Kleermakerij Demir" on an address line
        # is the business's own name)
        org_word = (first.lower().endswith(org_suffixes) or first.lower() in rules["kind_before"]
                    and (first.lower() not in rules["trade_person_words"] or _written_together_elsewhere(text, first, rest, start))) \
            and not _written_lower(text, first, rest.split())
        if rest and _line_initial(text, start) and _key(rest) in names and _key(rest) != _key(name) and not org_word:
            start += len(first) + 1
            name = rest
        elif first in ("Het", "De") and rest and _at_sentence_start(text, start) \
                and _written_lower(text, first, rest.split()) and not _capital_inside(text, name):
            # "Het Zandvoorde College is streng" beside "het Zandvoorde College": the article's
            # capital is the sentence's ("aan Het Baken College betaald" keeps it)
            start += len(first) + 1
            name = rest
        elif rest.startswith("van ") and (_key(rest[4:]) in names or _line_initial(text, start)
                                          and _written_alone(text, rest[4:], start)):
            # "Jasmijn van Zilverlicht Fotografie" beside "Zilverlicht Fotografie": a person of the firm
            # ("Kerstschotel van Kraaijeveld:" heading a story that says "heb ik Kraaijeveld gebeld":
            # the heading's thing of the firm)
            start += len(first) + 5
            name = rest[4:]
        out.append((start, end, name, sector))
    return out


def _written_alone(text: str, name: str, heading: int | None = None, *, whole: bool = False) -> bool:
    """Is ``name`` written somewhere (away from the heading line at ``heading``, when given)
    without a "van" (or "Van") right before it ("heb ik Kraaijeveld gebeld")? With ``whole``, not
    as the first word of a longer capitalised name either ("Björkudden Stugor")."""
    line_end = len(text) if heading is None else text.find("\n", heading)
    line_end = len(text) if line_end < 0 else line_end
    longer = r"(?![ \t]+[A-Z])" if whole else ""
    return any(heading is None or not (heading <= m.start() < line_end)
               for m in re.finditer(rf"(?<![\w-])(?<![Vv]an ){re.escape(name)}(?![\w-]){longer}", text))


def _capital_inside(text: str, name: str) -> bool:
    """Is the name written with its capital inside a sentence somewhere?"""
    return any(not _at_sentence_start(text, m.start()) for m in re.finditer(rf"(?<![\w-]){re.escape(name)}\b", text))


def _kind_or_compound(word: str, rules: dict) -> bool:
    """A kind word ("rijschool"), or a compound ending in an organisation word ("tentverhuur",
    "laptopkliniek"): what a headline's capital may make look like part of a name."""
    return word in rules["kind_before"] or any(
        word.endswith(suffix) and len(word) >= len(suffix) + 3 for suffix in rules["org_suffixes_longest_first"])


def _written_lower(text: str, kind: str, rest: list[str]) -> bool:
    """Does the story also write the kind in lower case before the same name (its first word:
    "bij rijschool Stuurvast" for a headline's "Rijschool Stuurvast Veenendaal")?"""
    pattern = re.compile(rf"\b{re.escape(kind)}\s+{re.escape(' '.join(rest))}\b", re.IGNORECASE)
    return any(m.group()[0].islower() for m in pattern.finditer(text))


def _capital_by_position(text: str, kind: str, name: str, kind_start: int) -> bool:
    """ "Elektricien Vermeulen gebeld, ... Dus opnieuw Vermeulen": a kind word capitalised only
    because it opens a sentence, never written so inside one, with the name standing alone
    elsewhere in the story, is no part of the name (decision 130)."""
    if not _at_sentence_start(text, kind_start):
        return False
    together = re.compile(rf"(?<![\w-]){re.escape(kind)}[ \t]+{re.escape(name)}\b")
    if any(not _at_sentence_start(text, m.start()) for m in together.finditer(text)):
        return False  # "bij Garage Bakker" inside a sentence: the capital is the name's
    before_kind = re.compile(rf"(?i:{re.escape(kind)})[ \t]+$")
    # (the name's first word alone counts too: "Aannemer Kalkman Infra graaft ... de jongens van
    # Kalkman")
    first = name.split()[0]
    forms = [name] + ([first] if " " in name and len(first) >= 4 else [])
    return any(not before_kind.search(text, max(0, m.start() - len(kind) - 2), m.start())
               for form in forms for m in re.finditer(rf"(?<![\w-]){re.escape(form)}\b", text))


def _premises_of_taken(text: str, name: str, taken: list[tuple[int, int]], rules: dict) -> bool:
    """ "de Lijnwinkel", "het Rabokantoor": one word made of a word of a brand the table found in
    the story and an organisation word is that brand's shop or office, no organisation of its own
    (also with where it is: "de Lijnwinkel aan Brussel-Noord")."""
    words = name.split()
    if len(words) > 2 and words[1] in rules["premises_where"]:
        words = words[:1]
    if len(words) > 1:
        return False
    low = words[0].lower()
    suffix = next((s for s in rules["org_suffixes_longest_first"] if low.endswith(s) and len(low) > len(s)), None)
    if suffix is None:
        return False
    stem = low[: -len(suffix)].rstrip("-")
    return any(stem in text[a:b].lower().split() for a, b in taken)


QUOTE_MARKS = "'\"‘’“”"


def _quoted_in_town(text: str, end: int, rules: dict) -> bool:
    """ "'De Laserkelder' in Zwolle": a quoted name followed by "in" and a town (places.txt) is
    a business where it stands; a show "in Theater Carré" or a boat "uit Scheveningen" is not."""
    m = re.match(r"['’”\"][ \t]+in[ \t]+([A-Z][a-zà-ÿ-]+)\b", text[end : end + 40])
    return m is not None and m.group(1).lower() in rules["places"]


def _quoted_everywhere(name: str, text: str) -> bool:
    """Is the name in quotation marks wherever the story writes it? A name the writer quotes
    each time is the name of a thing (a bulb variety, a boat, a product line); a firm is
    written plainly at least once."""
    spots = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return bool(spots) and all(a > 0 and text[a - 1] in QUOTE_MARKS and b < len(text) and text[b] in QUOTE_MARKS
                               for a, b in spots)


CAMEL_PARTS = re.compile(r"[A-Z][a-zà-ÿ]+")


WARD_CODE = re.compile(r"[A-Z]\d{1,3}")
NOUN_ENDINGS = re.compile(r"(?:ing|ingen|heid)$")


def _portal_topic(name: str, text: str) -> bool:
    """Is the portal named after what it is for? "Mijn Inburgering" beside "inburgeringsexamen",
    "Mijn VerbouwPremie" beside "De premie heb ik aangevraagd": the name, or the head of a
    name written in camel case, stands in the story as an ordinary lower-case word."""
    parts = CAMEL_PARTS.findall(name)
    words = {name.lower()} | ({parts[-1].lower()} if len(parts) > 1 and len(parts[-1]) >= 4 else set())
    # ("Mijn Inburgering" beside "Ze moet inburgeren": the verb the noun is made from)
    words |= {stem for w in words if len(stem := NOUN_ENDINGS.sub("", w)) >= 6}
    return any(re.search(rf"(?<![\w-]){re.escape(word)}", text) for word in words)


def _portal_of_taken(text: str, name: str, taken: list[tuple[int, int]]) -> bool:
    """ "via MyProximus", "in MyTelenet": "My" or "Mijn" joined to a brand the table found in the
    story is that brand's customer portal, no organisation of its own."""
    m = re.match(r"(?:My|Mijn)(?P<brand>[A-Z][\w-]+)$", name)
    return m is not None and any(text[a:b].casefold() == m.group("brand").casefold() for a, b in taken)


def _under_sign_off(text: str, start: int, sign_offs: frozenset[str]) -> bool:
    """A name on the line under a letter's closing ("Met vriendelijke groet,"), blank lines
    between allowed and initials before it ("M. Oude Nijhuis"), is the writer's signature."""
    line_start = text.rfind("\n", 0, start) + 1
    if not re.fullmatch(r"[ \t]*(?:[A-Z]\.[ \t]*){0,3}", text[line_start:start]):
        return False
    before = text[:line_start].rstrip().rsplit("\n", 1)[-1]
    return before.strip().rstrip(",").strip().lower() in sign_offs


def _part_of_taken(text: str, name: str, taken: list[tuple[int, int]]) -> bool:
    """ "een nummer van de Fundservice van Deutsche Bahn ... de Fundservice gebeld": a name the
    story once writes with "van" and a brand the table found after it is a part of that brand (a
    department, a desk), no organisation of its own."""
    starts = {a for a, _ in taken}
    for m in re.finditer(rf"(?<![\w@.]){re.escape(name)}(?=[ \t])", text):
        owner = OWNER_AFTER.match(text, m.end())
        if owner is not None and (owner.end() in starts or owner.start(1) in starts):
            return True  # (after the determiner, or at it: "van de lijn" typed in lower case is the brand)
    return False


def _breadcrumb(text: str, start: int) -> bool:
    """A forum's path above a post ("Forum Wonen & Interieur > Ervaringen met winkels"): a line
    of sections joined by ">", which names the forum and its boards, no firm dealt with."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.count(" > ") >= 1 and len(line) < 160 and not re.search(r"[.!?]\s", line)


def _line_initial(text: str, start: int) -> bool:
    """Only stars, quotes or other signs stand between the line start and ``start`` (or a tag in
    brackets: "[Update onderaan] Taalschool Lingua Viva: ...", or a heading label: "Re: Ervaringen
    Poolbouw Achterhoek?", "Topic: Storing ...")."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return not any(ch.isalnum() for ch in _rules()["heading_label"].sub("", line, count=1))


def _with_own_kind(item: tuple[int, int, str, str], kinds: dict[int, tuple[str, int]],
                   found: list[tuple[int, int, str, str]]) -> tuple[int, int, str, str]:
    """ "trimsalon Pluizebol" beside the handle "@trimsalonpluizebol": the organisation's own
    handle or site holds the kind word, so it is part of the name ("Trimsalon Pluizebol");
    without such a sign the lower-case kind is only a description."""
    start, end, name, sector = item
    kind, kind_start = kinds.get(start, ("", start))
    if not kind or _key(kind + " " + name) not in {_key(n) for _, _, n, _ in found}:
        return item
    return kind_start, end, f"{kind[0].upper()}{kind[1:]} {name}", sector


# "een abonnement op De Lingebode": a capitalised article inside a sentence is part of the name
ARTICLE_BEFORE = re.compile(r"[a-zà-ÿ,][ \t]+(?P<article>De|Het|'t)[ \t]+$")


def _with_article(text: str, item: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
    start, end, name, sector = item
    m = ARTICLE_BEFORE.search(text, max(0, start - 12), start)
    if m is None or "." in name or name.split()[0] in ("De", "Het", "'t"):
        return item
    return m.start("article"), end, f"{m.group('article')} {name}", sector


def _section_headings(text: str, taken: list[tuple[int, int]], found: list[tuple[int, int, str, str]],
                      rules: dict) -> list[tuple[int, int, str, str]]:
    """ "Univé" and "Verhoef Tuinhout" each on a line of their own, heading the part of the story
    about that firm: a name on a line between blank lines, beside another such line that holds a
    brand the table knows, is an organisation when the story writes it (or its first word) again."""
    lines = [(m.start("name"), m.end("name"), m.group("name")) for m in rules["section_line"].finditer(text)]
    known = {(a, b) for a, b in taken} | {(a, b) for a, b, _, _ in found}
    if not any((a, b) in known or any(ka <= a and b <= kb for ka, kb in known) for a, b, _ in lines):
        return []
    out = []
    for start, end, name in lines:
        words = name.split()
        if any(a < end and start < b for a, b in known) or words[0].lower() in rules["stop"] \
                or words[0] in rules["first_names"] or name.lower() in rules["places"] or len(words) > 4 \
                or len(words) == 1 and lexicon.is_dutch_word(name.lower()):
            continue  # ("Conclusie", "Update": a part of the post, not a firm)
        again = len(re.findall(rf"(?<![\w-]){re.escape(words[0])}(?![\w-])", text)) >= 2
        if again:
            out.append((start, end, name, "other"))
    return out


def _lower_case_names(text: str, taken: list[tuple[int, int]], rules: dict) -> list[tuple[int, int, str, str]]:
    """ "een abonnement bij brokkenbox ... Ik heb brokkenbox gemaild": a name typed only in lower
    case, with no kind word, where a firm stands. It must be no Dutch word, be written at least
    twice, never follow an article or possessive ("de keukenstudio"), never stand right before a
    capitalised name, quoted or not ("bij keukenstudio Van Wely"), never be a kind word, and never
    be the story's web address (the domain rule names "brokkenbox.nl")."""
    out = []
    seen: set[str] = set()
    for pattern in rules["lower_unknown"]:
        for m in pattern.finditer(text):
            name, start, end = m.group("name"), m.start("name"), m.end("name")
            if name in seen or name in rules["stop"] \
                    or name.capitalize() in rules["first_names"] or name in rules["places"] \
                    or re.match(r"[ \t]+['‘“\"]?[A-Z]", text[end : end + 3]) or lexicon.is_dutch_word(name) \
                    or name in rules["kind_before"]:
                continue  # ('bij escaperoom "De Vergeten Kluis"': a kind word before a quoted name)
            if not _written_twice_bare(text, name, rules) \
                    or re.search(rf"\b{re.escape(name)}\.(?:{rules['tlds']})\b", text, re.I) \
                    or any(a < end and start < b for a, b in taken):
                continue
            seen.add(name)
            out.append((start, end, name, "other"))
    return out


def _written_twice_bare(text: str, name: str, rules: dict) -> bool:
    """Is a lower-case name written at least twice in the story, never right after an article or
    possessive ("de keukenstudio", "mijn buurman")? What the lower-case name rules ask before
    they take such words for a firm."""
    occurrences = [o.start() for o in re.finditer(rf"(?<![\w@.-]){re.escape(name)}(?![\w-])", text)]
    return len(occurrences) >= 2 and not any(rules["lower_determiner"].search(text, max(0, o - 10), o) for o in occurrences)


def _lower_names_after_kind(text: str, taken: list[tuple[int, int]], rules: dict) -> list[tuple[int, int, str, str]]:
    """ "lessen bij muziekschool klankkast ... De voicemail van klankkast is vol": one or two
    lower-case words right after a bare kind word name that firm when the story writes them
    again after a preposition or the same kind. The kind vouches for the name, so here it may
    be a Dutch word ("klankkast", "spetters"). A kind after an article or possessive ("uw
    klantenservice gebeld"), an ordinal ("Tweede installateur kwam") or a name ("de odido
    winkel") names no firm after it, and neither is a participle ("een nieuwe bank besteld")."""
    out = []
    seen: set[str] = set()
    for m in rules["lower_after_kind"].finditer(text):
        kind, start = m.group("kind"), m.start("name")
        previous = (text[max(0, m.start() - 14) : m.start()].split() or [""])[-1]
        if not _no_determiner_before(text, m.start(), rules) or numbers.ordinal(previous.lower()) \
                or any(a <= m.start() <= b + 1 for a, b in taken) or previous[:1].isupper() and previous[-1:].isalpha():
            continue
        words = m.group("name").split()
        # ("frituur de koekoek ... naar de koekoek gebeld": a lower-case article opens the name)
        article = words[0] in rules["lower_name_articles"]
        candidates = list(dict.fromkeys([" ".join(words), " ".join(words[:2])])) if article \
            else [" ".join(words)] + ([words[0]] if len(words) > 1 else [])
        for name in candidates:
            first = name.split()[-1] if article else name.split()[0]
            if name in seen or first in rules["stop"] or name.split()[-1] in rules["stop"] or first in rules["places"] \
                    or first.capitalize() in rules["first_names"] or first in rules["kind_before"] \
                    or rules["participle"].fullmatch(first) and lexicon.is_dutch_word(first) \
                    or re.match(r"[ \t]+[A-Z]", text[start + len(name) : start + len(name) + 2]):
                continue
            # ("wafelkraam de smulhoek ... hadden we de smulhoek vastgelegd": an article and a word
            # that is no Dutch word, written again, is the name wherever it stands)
            coined = article and " " in name and not _common_noun(name.split()[-1], rules)
            again = [o for o in re.finditer(rf"(?<![\w@.-]){re.escape(name)}(?![\w-])", text) if o.start() != start
                     and (coined or rules["again_after"].search(text, max(0, o.start() - 8), o.start())
                          or _after_bare_kind(text, o.start(), kind, rules))]
            if not (again or _bought_there_once(text, previous, name, start, rules)) \
                    or any(a < start + len(name) and start < b for a, b in taken):
                continue
            seen.add(name)
            out.append((start, start + len(name), name, _kind_sector(kind, rules)))
            break
    return out


def _lower_names_before_kind(text: str, taken: list[tuple[int, int]], rules: dict) -> list[tuple[int, int, str, str]]:
    """ "wol besteld bij steekje los, het winkeltje van Marloes ... steekje los kan ik aanraden":
    one to three lower-case words after "bij" with a kind word in apposition after them name
    that firm. The kind vouches for the name, so it may be Dutch words; it must be written at
    least twice, and no word of it may be a stop word, place, first name or kind word ("bij
    mijn buurman, de eigenaar van ..." names nobody)."""
    out = []
    seen: set[str] = set()
    for m in rules["lower_before_kind"].finditer(text):
        name, start, end = m.group("name"), m.start("name"), m.end("name")
        words = name.split()
        if name in seen or any(w in rules["stop"] or w in rules["places"] or w in rules["kind_before"]
                               or w.capitalize() in rules["first_names"] for w in words) \
                or any(a < end and start < b for a, b in taken):
            continue
        if not _written_twice_bare(text, name, rules):
            continue
        seen.add(name)
        out.append((start, end, name, "retail"))
    return out


def _bought_there_once(text: str, previous: str, name: str, start: int, rules: dict) -> bool:
    """ "kocht ik bij kaashandel tijmstra een flink stuk kaas": a word that is no Dutch word,
    right after "bij" and a bare kind word and before the object or a stop, names the firm
    though the story writes it once."""
    words = name.split()
    # ("bij frituur 't zonneke in de stationsstraat": a lower-case article may open it)
    article = len(words) == 2 and words[0] in rules["lower_name_articles"]
    return previous.lower() == "bij" and (len(words) == 1 or article) and not _common_noun(words[-1], rules) \
        and rules["once_after_name"].match(text, start + len(name)) is not None


def _staff_person(text: str, name: str, rules: dict) -> bool:
    """ "antwoord van Rui, de beheerder": a one-word name set off by a staff noun is a person."""
    return any(rules["person_apposition"].match(text, m.end()) for m in re.finditer(rf"\b{re.escape(name)}(?=,)", text))


def _common_noun(word: str, rules: dict) -> bool:
    """A Dutch word or a kind noun ("klantendienst"): after an article it is no coined name."""
    return lexicon.is_dutch_word(word) or rules["kind_noun"].fullmatch(word) is not None


def _after_bare_kind(text: str, at: int, kind: str, rules: dict) -> bool:
    """Is the word at ``at`` written right after ``kind`` with no article or possessive before
    it ("zwemschool aqua kids" again, but not "geen internet hebben")?"""
    begin = at - len(kind) - 1
    return begin >= 0 and text[begin : at].strip() == kind and _no_determiner_before(text, begin, rules)


def _no_determiner_before(text: str, begin: int, rules: dict) -> bool:
    """Does no article or possessive stand right before ``begin`` ("de", "uw", "geen")? A kind
    word after one is the common noun, not the kind a name follows."""
    return not rules["lower_determiner"].search(text[max(0, begin - 14) : begin])


def _other_occurrences(text: str, found: list[tuple[int, int, str, str]], rules: dict) -> list[tuple[int, int, str, str]]:
    """A name the context revealed once is that organisation wherever the story writes it again
    ("besteld bij Theepot & Co ... een mailtje naar Theepot & Co"), and so is a run of one or
    two words of a longer name ("Autobedrijf Hofstede ... Hofstede"), when that part is no
    common word, kind noun or first name, and the bare name of a website ("lampenwinkel24.nl
    ... Lampenwinkel24")."""
    taken = [(a, b) for a, b, _, _ in found]
    forms: dict[str, str] = {}
    parts: set[str] = set()
    stems: dict[str, str] = {}
    for _, _, name, sector in found:
        if "_" in name:
            continue
        if "." in name:
            stem = name.rsplit(".", 1)[0]
            if re.fullmatch(r"[\w-]{4,}", stem) and not _is_stopword(stem, rules["stop"]):
                stems.setdefault(stem.lower(), sector)  # "lampenwinkel24.nl ... Lampenwinkel24"
            continue
        forms.setdefault(name, sector)
        words = name.split()
        if len(words) < 2 or words[0].lower() in rules["place_kinds"]:
            continue  # "Gemeente Meppel": "Meppel" alone is the town
        for part in (words[a:b] for a in range(len(words)) for b in range(a + 1, min(len(words), a + 2) + 1)):
            form = " ".join(part)
            # ("Verhuisbedrijf Kok ... Schadeformulier van Kok": after a kind word a short surname is
            # the firm too)
            short_ok = words[0].lower() in rules["kind_before"] and part == words[1:]
            if form != name and form not in forms and _distinctive(form, rules, shortest=3 if short_ok else 4):
                forms[form] = sector
                parts.add(form)
    more = []
    for stem, sector in stems.items():
        for m in re.finditer(rf"(?<![\w@.&-]){re.escape(stem)}(?![\w&-]|\.[a-z])", text, re.IGNORECASE):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                more.append((m.start(), m.end(), m.group(), sector))
                taken.append((m.start(), m.end()))
    for form, sector in sorted(forms.items(), key=lambda f: -len(f[0])):  # "Lingua Viva" before "Lingua"
        # "carvoeiro cars", "kluispunt": a name of several words, or one with a capital or digit
        # inside, is still it in lower case; a single plain word ("Internet") is not
        flags = re.IGNORECASE if " " in form or re.search(r"\w[A-Z0-9]", form) else 0
        for m in re.finditer(rf"(?<![\w@.&-]){re.escape(form)}(?![\w&-]|\.[a-z])", text, flags):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if form in parts and re.search(rf"\b(?:{rules['place_prepositions']})\s+$", text[max(0, m.start() - 12) : m.start()]):
                continue  # "woont in Meppel", "een bedrijfje uit Zutphen": a place
            end, name = (m.end(), form) if form in parts else _with_place_after(text, m.end(), form, rules)
            if any(a < end and m.start() < b for a, b in taken):
                end, name = m.end(), form
            more.append((m.start(), end, name, sector))
            taken.append((m.start(), end))
    return more


def _with_place_after(text: str, end: int, form: str, rules: dict) -> tuple[int, str]:
    """ "geplaatst door Zonnewerk Twente ... Zonnewerk gebeld": a one-word name written once with
    a region glued after it is that whole name ("Zonnewerk Twente"); the spellings then merge
    into the longest. A town after it is where the branch is ("Audiokwartier Zwolle" is
    Audiokwartier, corpus decision)."""
    if " " in form:
        return end, form
    after = re.match(r"[ \t]+([A-Z][\w-]+)(?![\w-])", text[end : end + 40])
    if after and after.group(1) in rules["regions"]:
        return end + after.end(), f"{form} {after.group(1)}"
    return end, form


def _distinctive(form: str, rules: dict, shortest: int = 4) -> bool:
    """A part of a name that can stand for the organisation on its own: capitalised, not a
    common or stop word, not a kind noun, not a first name, and ``shortest`` letters or more."""
    low = form.lower()
    words = low.split()
    return (form[0].isupper() and len(form) >= shortest and not _is_stopword(form, rules["stop"])
            and words[0] not in rules["joiners"] and form.split()[0] not in rules["first_names"]
            and not any(w in rules["org_suffixes"] or w in rules["kind_before"] or w in rules["kind_after"] for w in words))


def _spelled_out(handle: str, text: str) -> bool:
    """ "@dogs.by.dewi" and "heet officieel Dogs by Dewi", "@NoorderNet_help" and "NoorderNet":
    the handle's letters stand in the text as a name written out ("&" said "en")."""
    return _key(handle) in re.sub(r"[^a-z0-9à-ÿ]", "", text.lower().replace("@" + handle.lower(), "").replace("&", "en"))


def _ends_in_domain(handle: str) -> bool:
    """ "@gmail.com" is the end of a mail address, not an Instagram handle with dots."""
    return _key_patterns()[1].search(handle.lower()) is not None


def _company_handle(handle: str, text: str, rules: dict) -> bool:
    """ "@NoorderNet_help", "@kpnwebcare" are a company's; "@j_oosting", "@Marleen84" are people.
    A handle counts when it carries a service word or its name also stands in the text."""
    low = handle.lower()
    if any(ch.isdigit() for ch in low):
        return False
    if low.endswith(rules["handle_words"]) or any(f"_{w}" in low for w in rules["handle_words"]):
        return True
    at = text.find("@" + handle)
    around = re.findall(r"[\w'@]+", text[max(0, at - 40) : at + len(handle) + 41].lower())
    if rules["handle_contact"] & set(around):
        return True  # "Ik heb @Woonlinie getweet"
    greeted = opening_address().match(text.lstrip())
    if greeted and text.lstrip()[greeted.end() - 1 : greeted.end() + len(handle)] == "@" + handle:
        return True  # "Hoi @StallingPlus, even een draadje": a complaint post opens by addressing the firm
    return _spelled_out(handle, text)


def first_names() -> frozenset[str]:
    """The capitalised first names the finder knows (unknown_companies.json), shared with the
    experience reader, which follows staff by name."""
    return _rules()["first_names"]


@cache
def opening_address() -> re.Pattern:
    """How a post opens when it addresses someone ("Oké @X", "Beste @X"), shared with the
    experience reader (mentions.json)."""
    return re.compile(resources.read_json("mentions.json")["opening_address"], re.IGNORECASE)


@cache
def _key_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A handle's service suffix ("_help", "webcare") and a domain's TLD, from the data table."""
    table = resources.read_json("unknown_companies.json")
    words = "|".join(sorted((re.escape(w) for w in table["handle_company_words"]), key=len, reverse=True))
    return re.compile(rf"_?(?:{words})$"), re.compile(rf"\.(?:{'|'.join(table['domain_tlds'])})$")


def _key(name: str) -> str:
    """ "@BlauweTaxi", "De Blauwe Taxi", "blauwetaxi.nl", "@BlauweTaxi_help" -> "blauwetaxi"
    (article, TLD and a handle's service suffix dropped)."""
    handle_suffix, tld = _key_patterns()
    low = handle_suffix.sub("", name.lower())
    low = tld.sub("", low)
    low = re.sub(r"^(?:de|het|'t)[\s._]+", "", low)  # ("@de.natte.poot_": a handle's article too)
    # "Bol & Breinaald" is "@bolenbreinaald" and "bolenbreinaald.nl": "&" is said and spelled "en"
    return re.sub(r"[^a-z0-9à-ÿ]", "", low.replace("&", "en"))


def _merge_spellings(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """One organisation written several ways gets one canonical name: the longest spelled-out
    form ("De Blauwe Taxi" over "@BlauweTaxi"), its sector the first one that is not "other"."""
    groups: dict[str, list[tuple[int, int, str, str]]] = {}
    for item in found:
        groups.setdefault(_key(item[2]), []).append(item)
    parts = {}
    # longest names first, so a part points to the longest name that holds it
    for key, items in sorted(groups.items(), key=lambda kv: -max(i[2].count(" ") for i in kv[1])):
        longest = max((i[2] for i in items), key=lambda n: (n.count(" "), len(n)))  # words, not a domain
        words = longest.split()
        # "Hoekstra" of Hoekstra Verhuizingen, "Van Eck" of Dakbedrijf Van Eck, "Dorpsstroom" of
        # Energiecoöperatie Dorpsstroom Zuidwolde: a run of words inside a longer name is that name
        for a in range(len(words)):
            for b in range(a + 1, len(words) + 1):
                if b - a < len(words):
                    parts.setdefault(_key(" ".join(words[a:b])), key)
    merged_into: dict[str, str] = {}
    for key in list(groups):
        target = parts.get(key)
        while target in merged_into:  # the longer name was itself folded into a longer one
            target = merged_into[target]
        if target and target != key and key in groups and target in groups:
            groups[target].extend(groups.pop(key))
            merged_into[key] = target
    _merge_websites(groups)
    _merge_abbreviations(groups)
    merged = []
    for items in groups.values():
        # the longest name, never a handle; between a domain and its bare name the spelling the
        # story uses most ("Stekkie.nl" twice and "Stekkie" once is `Stekkie.nl`), else the bare
        # name when it is written as a name; a bare name typed in lower case ("printjefotos") is
        # the site's stem, and the shop known by its site keeps the domain
        # (a name of several words in capitals, "HOTEL DUINZICHT DE HAAN" off a bank statement, gives
        # way to the way the writer spells it, "Hotel Duinzicht")
        counts = Counter(i[2].lower() for i in items)
        canonical = max((i[2] for i in items), key=lambda n: (
            not (n.isupper() and " " in n), n.count(" "), "_" not in n, counts[n.lower()],
            "." not in n and not n.islower(), len(n)))
        sector = next((i[3] for i in items if i[3] != "other"), "other")
        merged.extend((start, end, canonical, sector) for start, end, _, _ in items)
    return sorted(merged)


def _without_handle_suffix(name: str) -> str:
    """ "@ParkeerPlazaNL" -> "ParkeerPlaza", "@NoorderNet_help" -> "NoorderNet": a handle's
    service suffix is no part of the firm's name. Only where the suffix starts a new word (a
    capital or "_"); "@zorgonline" keeps it, and a product written "NierCare" is no handle."""
    if " " in name or "." in name:
        return name
    handle_suffix, _ = _key_patterns()
    m = handle_suffix.search(name.lower())
    if not m or m.start() < 3:
        return name
    rest = name[m.start():]
    return name[: m.start()] if rest[0] == "_" or rest[0].isupper() and name[m.start() - 1].islower() else name


def _merge_abbreviations(groups: dict[str, list[tuple[int, int, str, str]]]) -> None:
    """ "@ZorgpuntApo" is Zorgpunt Apotheken: a one-word name (a handle, a run-together form)
    whose letters start a longer name's, covering most of it, is a short form of that name."""
    _merge_word_handles(groups)
    for short in [k for k, items in groups.items() if all(" " not in i[2] for i in items)]:
        if len(short) < 8:
            continue
        longer = [k for k, items in groups.items() if k != short and k.startswith(short)
                  and any(" " in i[2] for i in items) and len(short) >= 0.6 * len(k)]
        if len(longer) == 1:
            groups[longer[0]].extend(groups.pop(short))


def _merge_word_handles(groups: dict[str, list[tuple[int, int, str, str]]]) -> None:
    """ "@gem_oldebroek" is gemeente Oldebroek: a handle whose underscore-separated parts each
    begin a word of a longer name, word for word, is that name."""
    for short in [k for k, items in groups.items() if all("_" in i[2] and " " not in i[2] for i in items)]:
        parts = [p for p in groups[short][0][2].lower().lstrip("@").split("_") if p]
        if len(parts) < 2 or any(len(p) < 2 for p in parts):
            continue
        longer = [k for k, items in groups.items() if k != short and any(
            len(words := i[2].lower().split()) == len(parts) and all(w.startswith(p) for w, p in zip(words, parts))
            for i in items)]
        if len(longer) == 1:
            groups[longer[0]].extend(groups.pop(short))


def _merge_websites(groups: dict[str, list[tuple[int, int, str, str]]]) -> None:
    """ "linguaviva.nl" is Talenschool Lingua Viva, "zonnewerk-installatie.nl" is Zonnewerk
    Installatietechniek: a website whose address holds a found name (or its last words, five
    letters or more, or is spelled from its first words) is that organisation, not a second one."""
    for site in [k for k, items in groups.items() if all("." in i[2] for i in items)]:
        for key, items in groups.items():
            if key == site or any("." in i[2] for i in items):
                continue
            words = max((i[2] for i in items), key=len).split()
            last = {key} | {_key(" ".join(words[-n:])) for n in (1, 2)}
            if any(len(f) >= 5 and f in site for f in last) or _site_of_words(site, [_key(w) for w in words]) \
                    or _site_of_abbreviation(groups[site], items):
                items.extend(groups.pop(site))
                break


def _site_of_abbreviation(sites: list[tuple[int, int, str, str]], items: list[tuple[int, int, str, str]]) -> bool:
    """ "kcv-containers.nl" is KCV: a site whose address opens with an abbreviation found as a
    name, set off by a hyphen, is that organisation (too short for the five-letter rule)."""
    heads = {re.split(r"[-.]", i[2].lower())[0] for i in sites if "-" in i[2]}
    return any(i[2].isupper() and 2 <= len(i[2]) <= 5 and i[2].lower() in heads for i in items)


def _site_of_words(site: str, words: list[str]) -> bool:
    """Whether a site's key is spelled from the name's first words, the last of them perhaps cut
    short ("zonnewerkinstallatie" from Zonnewerk Installatietechniek), five letters or more. A
    name's last words are its own ("zeewindfietsen.nl" is Fietsverhuur Zeewind), its first may
    be a kind: "aquariumkoning" holds "aquarium", but "koning" is no part of Aquarium Centrum."""
    spelled = ""
    for word in words:
        if len(spelled) >= 5 and site.startswith(spelled) and word.startswith(site[len(spelled):]):
            return True
        spelled += word
    return len(spelled) >= 5 and site == spelled


def _is_stopword(name: str, stop: set[str]) -> bool:
    low = name.lower()
    first = low.split()[0]
    return low in stop or first in stop and len(low.split()) == 1 or len(name) < 2


def _sentence_initial_only(text: str, start: int, name: str, rule: str) -> bool:
    """A single capitalised word right after a full stop is no evidence of a name (an address
    line's "Aan: X, afdeling ..." is a frame of its own)."""
    if rule == "kind_cap":  # "Scooterdealer Kolkman" opening a line may be "scooterdealer Kolkman"
        # ("Badkamerspecialist Hoving deed het sloopwerk ... de tegelzetter van Hoving": a story
        # that writes the name alone again, and never the kind in lower case before it, names it so)
        kind, _, rest = name.partition(" ")
        again = len(re.findall(rf"(?<![\w-]){re.escape(rest)}(?![\w-])", text)) > 1
        return _at_sentence_start(text, start) and not (again and f"{kind.lower()} {rest}" not in text)
    if rule == "kind_after_lower" and not lexicon.is_dutch_word(name.lower()):
        return False  # "Hoogendoorn glaszetter kon de volgende ochtend komen": no Dutch word opens it
    if rule == "diary_single":  # "Infino gebeld.": the diary's form puts the name first; no Dutch word
        return lexicon.is_dutch_word(name.lower())
    if rule == "turned_to" or rule == "apposition" and " " not in name:
        # "Omron dan maar.": a name only when the story writes it inside a sentence too
        # ("een bedrijfje gevonden: Voltek, een installatiebedrijf ... Op 3 februari Voltek gebeld")
        return not any(not _at_sentence_start(text, m.start()) for m in re.finditer(rf"\b{re.escape(name)}\b", text))
    if rule in ("domain", "handle", "legal", "kind_before", "kind_lower", "camel", "addressee", "tally_heading") \
            or " " in name \
            or name.isupper() \
            or name[:1].islower():
        return False  # (a name typed in lower case has no capital that its position could explain;
        # after a lower-case kind word, 'trampolinepark "Springtij"', the opening quote is no sentence start)
    return _at_sentence_start(text, start)


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")  # a line start (a headline) counts as a sentence start
    return not before or before[-1] in ".!?:\n\"“"


def _short_forms(doc: Doc, existing: list, covered: list[tuple[int, int]]) -> list:
    """ "Freedom Internet ... Daarna heb ik Freedom gemaild": a brand of two or more words, named
    in full, is called by its first word later in the same story ("MSC" of "MSC Cruises": a
    short first word only when it is an acronym). The first word counts only
    where a capital proves a name (not at a sentence start, unless it is a person's first name:
    "Lieven De Clercq ... Lieven zei aan de deur"), not before another capitalised
    word ("Centraal Station"), and not when it is a kind, an org or a place word ("Gemeente")."""
    rules = _rules()
    text = docindex.text(doc)
    out = []
    first_named: dict[str, object] = {}
    for span in existing:  # each brand's first naming in full: later ones would find nothing new
        if len(span.text.split()) >= 2 and (span.id_ not in first_named
                                             or span.start_char < first_named[span.id_].start_char):
            first_named[span.id_] = span
    for span in first_named.values():
        words = span.text.split()
        first = words[0] if len(words) >= 2 else ""
        low = first.lower()
        short_acronym = 2 <= len(first) < 4 and first.isupper() and first.isalpha()  # "MSC" of "MSC Cruises"
        if len(first) < 4 and not short_acronym or not first[0].isupper() or low in rules["stop"] or low in rules["kind_before"] \
                or low in rules["org_suffixes"] or low in rules["place_kinds"] or low in rules["adjectives"]:
            continue
        for m in re.finditer(rf"(?<![\w@.-]){re.escape(first)}(?![\w-])", text[span.end_char :]):
            start, end = span.end_char + m.start(), span.end_char + m.end()
            rest = text[end : end + 40].lstrip()
            # ("Lieven zei aan de deur ...": a person's first name is a name at a sentence start too)
            if rest[:1].isupper() or _at_sentence_start(text, start) and first not in rules["first_names"] \
                    or any(a < end and start < b for a, b in covered):
                continue
            short = doc.char_span(start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)
            if short is not None:
                out.append(short)
                covered.append((start, end))
    return out


@Language.factory("klantverhaal_unknown_companies", default_config={"spans_key": SPANS_KEY})
def make_unknown_companies(nlp: Language, name: str, spans_key: str):
    return UnknownCompanies(spans_key)


class UnknownCompanies:
    def __init__(self, spans_key: str = SPANS_KEY):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        taken = {(s.start_char, s.end_char) for s in existing}
        covered = [(s.start_char, s.end_char) for s in existing] + doc.user_data.get(company_filter.PRODUCTS_KEY, [])
        added = []
        # "@SamsungNL", "samsung-support": a handle or site of a company the table already found
        known = {_key(k): s for s in existing for k in (s.text, s.id_)}
        # "zwolle.nl" is the site of gemeente Zwolle: a place's own name stands for its council
        places = _rules()["place_kinds"]
        known.update({_key(s.id_.split()[-1]): s for s in existing
                      if len(s.id_.split()) == 2 and s.id_.split()[0].lower() in places})
        # "Dienst Toeslagen ... Ik heb Toeslagen gebeld": a found name that is the last word of a
        # longer brand the story names is that brand's short form
        for s in existing:
            last = s.id_.split()[-1] if len(s.id_.split()) > 1 else ""
            if len(last) >= 5 and last[0].isupper():
                known.setdefault(_key(last), s)
        for start, end, name, sector in find(docindex.text(doc), covered):
            if any(a < end and start < b for a, b in covered) or (start, end) in taken:
                continue
            same = known.get(_key(name))
            if same is not None:
                span = doc.char_span(start, end, label=same.label_, kb_id=same.kb_id_, span_id=same.id_,
                                     alignment_mode="expand")
            else:
                span = doc.char_span(start, end, label="UNKNOWN", kb_id=sector, span_id=name, alignment_mode="expand")
            if span is None or company_filter.product_compound(doc, span):
                continue  # "via een PostNL-punt": what the brand filter dropped stays dropped
            added.append(span)
            covered.append((start, end))
        added += _short_forms(doc, existing + added, covered)
        added += lower_case_brands.find(doc, covered)  # "via de thuisbezorgd app" in a lower-case post
        doc.spans[self.spans_key] = existing + added
        return doc

    def to_disk(self, path, *, exclude=()):  # noqa: D102
        pass

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self
