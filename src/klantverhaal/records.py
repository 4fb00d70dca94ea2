"""Plain records of what a story tells, shaped exactly like SPEC's JSON record.

Records hold strings, numbers and character offsets, never spaCy objects: a
Span dies with its Doc, and records must travel between processes, caches and
files. ``to_dict`` gives the SPEC record (plus extra evidence fields that
scorers ignore); ``from_dict`` reads gold and earlier output alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SECTORS = (
    "telecom", "energy", "transport", "airline", "delivery", "retail", "bank",
    "insurance", "government", "electronics", "healthcare", "housing", "security", "other",
)
CHANNELS = (
    "phone", "ivr", "shop", "letter", "email", "webform", "website", "chat",
    "sms", "twitter", "facebook", "app", "visit",
)
WAIT_KINDS = ("waited", "promised")


@dataclass
class Evidence:
    """A phrase in the story that backs a figure: "drie keer gebeld" at 120..136."""

    text: str
    start: int
    end: int
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.label:
            out["label"] = self.label
        return out


@dataclass
class Wait:
    """A duration for service, e.g. "binnen twee werkdagen" -> 0..48 h, promised."""

    text: str
    min_h: float | None
    max_h: float | None
    kind: str
    business: bool = False
    start: int | None = None
    end: int | None = None
    sentence: str | None = None

    def to_dict(self, *, extras: bool = True) -> dict[str, Any]:
        """SPEC's wait; with ``extras`` also its offsets and sentence as evidence."""
        out: dict[str, Any] = {
            "text": self.text,
            "min_h": _round(self.min_h),
            "max_h": _round(self.max_h),
            "kind": self.kind,
        }
        if self.business:
            out["business"] = True
        if not extras:
            return out
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        if self.sentence is not None:
            out["sentence"] = self.sentence
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Wait:
        return cls(
            text=d["text"], min_h=d.get("min_h"), max_h=d.get("max_h"), kind=d.get("kind", "waited"),
            business=bool(d.get("business", False)), start=d.get("start"), end=d.get("end"),
            sentence=d.get("sentence"),
        )


@dataclass
class Contacts:
    """How often the customer got in touch: exactly 3, or at least 5 (exact=False)."""

    min: int
    exact: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "exact": self.exact}

    def __str__(self) -> str:
        return str(self.min) if self.exact else f"≥ {self.min}"


@dataclass
class Experience:
    """What one story tells about one company."""

    company: str
    sector: str = "other"
    channels: list[str] = field(default_factory=list)
    contacts: Contacts | None = None
    waits: list[Wait] = field(default_factory=list)
    friendliness: int = 0
    resolved: bool | None = None
    # no sentence tells the end for this company: ``resolved`` is read from the tone (judgements)
    resolved_inferred: bool = False
    contact_log: list[dict[str, Any]] = field(default_factory=list)
    evidence: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def gap(self) -> bool:
        """Friendly but not solved: SPEC's "vriendelijk afgewimpeld"."""
        return self.friendliness == 1 and self.resolved is False

    def to_dict(self, *, extras: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "company": self.company,
            "sector": self.sector,
            "channels": sorted(self.channels, key=_channel_order),
            "contacts": self.contacts.to_dict() if self.contacts else None,
            "waits": [w.to_dict(extras=extras) for w in self.waits],
            "friendliness": self.friendliness,
            "resolved": self.resolved,
        }
        if extras:
            out["gap"] = self.gap
            out["resolved_inferred"] = self.resolved_inferred
            out["contact_log"] = self.contact_log
            out["evidence"] = self.evidence
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Experience:
        contacts = d.get("contacts")
        return cls(
            company=d["company"],
            sector=d.get("sector") or "other",
            channels=list(d.get("channels") or []),
            contacts=Contacts(int(contacts["min"]), bool(contacts.get("exact", True))) if contacts else None,
            waits=[Wait.from_dict(w) for w in d.get("waits") or []],
            friendliness=d.get("friendliness"),
            resolved=d.get("resolved"),
            resolved_inferred=bool(d.get("resolved_inferred", False)),
            contact_log=list(d.get("contact_log") or []),
            evidence=dict(d.get("evidence") or {}),
        )


@dataclass
class Story:
    """One post: its id, its own date, the experiences it tells and the companies it only mentions."""

    id: str
    date: str | None = None
    experiences: list[Experience] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    source: str | None = None

    def to_dict(self, *, extras: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "date": self.date,
            "experiences": [e.to_dict(extras=extras) for e in self.experiences],
            "mentions": list(self.mentions),
        }
        if extras and self.source is not None:
            out["source"] = self.source
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Story:
        return cls(
            id=str(d["id"]),
            date=d.get("date"),
            experiences=[Experience.from_dict(e) for e in d.get("experiences") or []],
            mentions=list(d.get("mentions") or []),
            source=d.get("source"),
        )


def _round(value: float | None) -> float | int | None:
    """Hours as a readable number: 120 stays 120, 1/60 becomes 0.0167."""
    if value is None:
        return None
    rounded = round(float(value), 4)
    return int(rounded) if rounded.is_integer() else rounded


def _channel_order(label: str) -> int:
    return CHANNELS.index(label) if label in CHANNELS else len(CHANNELS)
