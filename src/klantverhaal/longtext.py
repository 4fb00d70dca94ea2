"""Stories beyond spaCy's ``nlp.max_length``: read in parts, merged into one record.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters). Such a
file is rarely one story (a forum thread, a saved archive page), and reading
it whole would also be slow: ``experiences.read_story`` grows with the square
of the text (measured on cue-dense text: 20k characters 0.21 s, 40k 0.68 s,
80k 2.5 s, 160k 11.4 s; so 2 MB would take about half an hour).
So a text that long is cut at paragraph breaks (then line ends, sentence
ends, spaces: ``runner.chunks``) into parts of at most PART_CHARS, every part
is read as a story of its own, and the parts' records are merged:

- one experience per company, in order of first appearance;
- channels united, waits and contact logs appended (offsets moved to the
  whole text), contacts added up ("2 keer" + "3 keer" = 5; exact only when
  every part was exact);
- friendliness and resolved: the last part that tells one wins, as in a
  single story ("resolution is the last outcome told");
- mentions: every part's, less the companies the story has experiences with.
"""

from __future__ import annotations

import copy
from typing import Any

from klantverhaal.records import Contacts, Experience, Story

PART_CHARS = 10_000


def split(text: str, size: int = PART_CHARS) -> list[tuple[int, str]]:
    """(offset, part) pairs that join back into ``text``, cut at paragraph breaks first."""
    from klantverhaal.runner import chunks

    out, offset = [], 0
    for part in chunks(text, size):
        out.append((offset, part))
        offset += len(part)
    return out


def merge(story, parts: list[tuple[int, Story]]) -> Story:
    """One Story record for ``story`` (a StoryText) from the records of its parts at their offsets."""
    merged: dict[str, Experience] = {}
    mentions: list[str] = []
    for offset, record in parts:
        for experience in record.experiences:
            experience = _shifted(experience, offset)
            have = merged.get(experience.company)
            if have is None:
                merged[experience.company] = experience
                continue
            have.channels += [c for c in experience.channels if c not in have.channels]
            have.contacts = _add(have.contacts, experience.contacts)
            have.waits += experience.waits
            if experience.friendliness:
                have.friendliness = experience.friendliness
            if experience.resolved is not None:
                have.resolved = experience.resolved
            have.contact_log += experience.contact_log
            for key, items in experience.evidence.items():
                have.evidence.setdefault(key, []).extend(items)
        mentions += [m for m in record.mentions if m not in mentions]
    return Story(id=story.id, date=story.date, experiences=list(merged.values()),
                 mentions=[m for m in mentions if m not in merged], source=story.path)


def _add(a: Contacts | None, b: Contacts | None) -> Contacts | None:
    if a is None or b is None:
        return a or b
    return Contacts(a.min + b.min, a.exact and b.exact)


def _shifted(experience: Experience, offset: int) -> Experience:
    """A copy whose character offsets count from the start of the whole text."""
    experience = copy.deepcopy(experience)
    if not offset:
        return experience
    for wait in experience.waits:
        if wait.start is not None:
            wait.start += offset
            wait.end += offset
    experience.contact_log = [_shift(item, offset) for item in experience.contact_log]
    experience.evidence = {key: [_shift(item, offset) for item in items]
                           for key, items in experience.evidence.items()}
    return experience


def _shift(item: Any, offset: int) -> Any:
    if isinstance(item, dict):
        return {k: v + offset if k in ("start", "end") and isinstance(v, int) else v for k, v in item.items()}
    return item
