"""Direct messages on Instagram are `chat`, not `twitter`.

    "Ik heb @pootjes.en.poes op Instagram een DM gestuurd."   -> chat
    "Ik stuurde een DM naar @NS_online op X."                   -> twitter

The cue table reads "DM" as Twitter's, which is what most stories mean. A story
that names Instagram and never Twitter or X sends its DMs there, and an Instagram
DM is `chat` (corpus/README.md decision 168). Runs after the cue ruler and
relabels those cues in place, so every reader downstream sees one channel.

The letters of a postcode are no message at all: "2011 DM Haarlem" on a letter's
address line is dropped from the cues. Nor is a verb stem that is also a noun, after a
determiner: "Ik heb de bel bij u besteld" orders a (ship's) bell, no call. "in mijn
mail" is the inbox ("had ik de bevestiging in mijn mail") unless the writer's own mail to
someone follows ("in mijn mail aan Vattenfall", "in mijn mail van 17 maart").
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from klantverhaal import resources
from klantverhaal.docindex import CUES


@cache
def _words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    return (resources.words("channels.instagram_words"), resources.words("channels.dm_words"),
            resources.phrases("channels.twitter_words"))


@cache
def _stem_nouns() -> tuple[frozenset[str], frozenset[str]]:
    return resources.words("channels.verb_stems_also_nouns"), resources.words("contacts.noun_determiners")


@cache
def _own_mail_words() -> tuple[frozenset[str], frozenset[str]]:
    return resources.words("channels.inbox_phrases"), resources.words("channels.own_mail_followers")


def _own_mail(doc: Doc, cue: Span) -> bool:
    """ "in mijn mail aan Vattenfall": the writer's mail, not the inbox."""
    phrases, followers = _own_mail_words()
    return cue.label_ == "company_initiated" and cue.text.lower() in phrases and cue.end < len(doc) \
        and doc[cue.end].lower_ in followers


def _stem_as_noun(doc: Doc, cue: Span) -> bool:
    """ "de bel", "een bel": the stem of "bellen" after a determiner is the thing that rings."""
    stems, determiners = _stem_nouns()
    return len(cue) == 1 and cue.text.lower() in stems and cue.start > 0 \
        and doc[cue.start - 1].lower_ in determiners


def _in_postcode(doc: Doc, cue: Span) -> bool:
    """ "2011 DM": two capitals right after four digits are a Dutch postcode's letters."""
    return len(cue) == 1 and cue.start > 0 and len(cue.text) == 2 and cue.text.isupper() \
        and len(doc[cue.start - 1].text) == 4 and doc[cue.start - 1].is_digit


@Language.factory("klantverhaal_platform_messages")
def make_platform_messages(nlp: Language, name: str):
    return PlatformMessages()


class PlatformMessages:
    def __call__(self, doc: Doc) -> Doc:
        if CUES not in doc.spans:
            return doc
        group = doc.spans[CUES]
        kept = [cue for cue in group if not self._not_a_message(doc, cue)]
        if len(kept) != len(group):  # (rebuilt only when a cue goes: most stories keep all)
            doc.spans[CUES] = kept
        if not self._instagram_story(doc):
            return doc
        _, dm_words, _ = _words()
        cues = []
        for cue in doc.spans[CUES]:
            channel, slash, form = cue.id_.partition("/")
            if channel == "twitter" and any(t.lower_ in dm_words for t in cue):
                # (a span read from a group is a copy: the group is rebuilt with the new id)
                cue = Span(doc, cue.start, cue.end, label=cue.label_, span_id="chat" + slash + form)
            cues.append(cue)
        doc.spans[CUES] = cues
        return doc

    @staticmethod
    def _not_a_message(doc: Doc, cue: Span) -> bool:
        return _in_postcode(doc, cue) or _stem_as_noun(doc, cue) or _own_mail(doc, cue)

    @staticmethod
    def _instagram_story(doc: Doc) -> bool:
        """Instagram named, and no word of Twitter or X ("op X", "via X", "tweet")."""
        instagram, _, twitter = _words()
        if not any(t.lower_ in instagram for t in doc):
            return False  # (most stories: no sentence string is built for them)
        lower = " " + " ".join(t.lower_ for t in doc) + " "
        return not any(f" {w} " in lower for w in twitter)

    def to_disk(self, path, *, exclude=()):  # noqa: D102
        pass

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self
