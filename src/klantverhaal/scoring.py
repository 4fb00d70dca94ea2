"""SPEC's scores, each with the counts behind it (like spaCy's PRFScore).

Predicted and gold records are matched by ``id``, experiences by canonical
company (case-folded, brackets kept). Waits match when their texts overlap in
the story (gold and prediction carry texts; when offsets are missing we match
by substring overlap of the texts), one-to-one, in story order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from klantverhaal.records import Experience, Story, Wait

PRF_SCORES = ("companies", "channels", "waits_found", "gap_cases")
ACCURACY_SCORES = ("contacts", "wait_values", "wait_kinds", "friendliness", "resolved", "gap")
SCORE_NAMES = PRF_SCORES + ACCURACY_SCORES


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    correct: int = 0
    n: int = 0
    abs_error: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 1.0

    @property
    def mae(self) -> float:
        return self.abs_error / self.n if self.n else 0.0

    def add(self, ok: bool, error: float = 0.0) -> None:
        self.n += 1
        self.correct += int(ok)
        self.abs_error += error

    def to_dict(self, *, mae: bool = False) -> dict:
        out = {"accuracy": round(self.accuracy, 4), "correct": self.correct, "n": self.n}
        if mae:
            out["mae"] = round(self.mae, 4)
        return out


@dataclass
class Scores:
    companies: PRF = field(default_factory=PRF)
    channels: PRF = field(default_factory=PRF)
    waits_found: PRF = field(default_factory=PRF)
    gap_cases: PRF = field(default_factory=PRF)
    contacts: Accuracy = field(default_factory=Accuracy)
    wait_values: Accuracy = field(default_factory=Accuracy)
    wait_kinds: Accuracy = field(default_factory=Accuracy)
    friendliness: Accuracy = field(default_factory=Accuracy)
    resolved: Accuracy = field(default_factory=Accuracy)
    gap: Accuracy = field(default_factory=Accuracy)
    stories: int = 0
    missing_predictions: list[str] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def value(self, name: str) -> float:
        """The headline figure of a score: F1 for P/R/F scores, accuracy for the others."""
        score = getattr(self, name)
        return score.f1 if isinstance(score, PRF) else score.accuracy

    def to_dict(self) -> dict:
        out: dict = {"stories": self.stories}
        for name in PRF_SCORES:
            out[name] = getattr(self, name).to_dict()
        for name in ACCURACY_SCORES:
            out[name] = getattr(self, name).to_dict(mae=name == "contacts")
        if self.missing_predictions:
            out["missing_predictions"] = self.missing_predictions
        return out


def _key(company: str) -> str:
    return company.casefold().strip()


def score(gold: list[Story], predicted: list[Story]) -> Scores:
    """Micro-averaged SPEC scores of ``predicted`` against ``gold`` (gold decides the story set)."""
    by_id = {s.id: s for s in predicted}
    scores = Scores()
    for g in gold:
        scores.stories += 1
        p = by_id.get(g.id)
        if p is None:
            scores.missing_predictions.append(g.id)
            p = Story(id=g.id)
        _score_story(g, p, scores)
    return scores


def _score_story(g: Story, p: Story, scores: Scores) -> None:
    gold_exp = {_key(e.company): e for e in g.experiences}
    pred_exp = {_key(e.company): e for e in p.experiences}
    err: dict = {"id": g.id}
    missed = sorted(set(gold_exp) - set(pred_exp))
    extra = sorted(set(pred_exp) - set(gold_exp))
    scores.companies.tp += len(set(gold_exp) & set(pred_exp))
    scores.companies.fn += len(missed)
    scores.companies.fp += len(extra)
    if missed:
        err["companies_missed"] = [gold_exp[k].company for k in missed]
    if extra:
        err["companies_extra"] = [pred_exp[k].company for k in extra]
    for key in sorted(set(gold_exp) & set(pred_exp)):
        _score_experience(gold_exp[key], pred_exp[key], scores, err)
    _score_waits(g, p, scores, err)
    # gap cases over all (story, company) pairs
    gold_gap = {k for k, e in gold_exp.items() if e.friendliness == 1 and e.resolved is False}
    pred_gap = {k for k, e in pred_exp.items() if e.friendliness == 1 and e.resolved is False}
    scores.gap_cases.tp += len(gold_gap & pred_gap)
    scores.gap_cases.fp += len(pred_gap - gold_gap)
    scores.gap_cases.fn += len(gold_gap - pred_gap)
    if len(err) > 1:
        scores.errors.append(err)


def _score_experience(g: Experience, p: Experience, scores: Scores, err: dict) -> None:
    company = g.company
    gc, pc = set(g.channels), set(p.channels)
    scores.channels.tp += len(gc & pc)
    scores.channels.fp += len(pc - gc)
    scores.channels.fn += len(gc - pc)
    if gc != pc:
        err.setdefault("channels", {})[company] = {"missed": sorted(gc - pc), "extra": sorted(pc - gc)}
    if g.contacts is not None:
        predicted_min = p.contacts.min if p.contacts else 0
        scores.contacts.add(predicted_min == g.contacts.min, abs(predicted_min - g.contacts.min))
        if predicted_min != g.contacts.min:
            err.setdefault("contacts", {})[company] = {"gold": str(g.contacts),
                                                       "predicted": str(p.contacts) if p.contacts else None}
    if g.friendliness is not None:
        scores.friendliness.add(g.friendliness == p.friendliness)
        if g.friendliness != p.friendliness:
            err.setdefault("friendliness", {})[company] = {"gold": g.friendliness, "predicted": p.friendliness}
    if g.resolved is not None:
        scores.resolved.add(g.resolved == p.resolved)
        if g.resolved != p.resolved:
            err.setdefault("resolved", {})[company] = {"gold": g.resolved, "predicted": p.resolved}
        gold_gap = g.friendliness == 1 and g.resolved is False
        pred_gap = p.friendliness == 1 and p.resolved is False
        scores.gap.add(gold_gap == pred_gap)


def _score_waits(g: Story, p: Story, scores: Scores, err: dict) -> None:
    """Waits are (story, wait) pairs: matched over the whole story, whichever company holds them."""
    gold = [(e.company, w) for e in g.experiences for w in e.waits]
    pred = [(e.company, w) for e in p.experiences for w in e.waits]
    pairs, missed, extra = match_waits([w for _, w in gold], [w for _, w in pred])
    owner = {id(w): c for c, w in gold + pred}
    scores.waits_found.tp += len(pairs)
    scores.waits_found.fn += len(missed)
    scores.waits_found.fp += len(extra)
    for gw, pw in pairs:
        values_ok = _close(gw.min_h, pw.min_h) and _close(gw.max_h, pw.max_h)
        scores.wait_values.add(values_ok)
        scores.wait_kinds.add(gw.kind == pw.kind)
        if not values_ok or gw.kind != pw.kind:
            err.setdefault("waits_wrong", []).append(
                {"text": gw.text, "gold": [gw.min_h, gw.max_h, gw.kind],
                 "predicted": [pw.text, pw.min_h, pw.max_h, pw.kind]})
        if _key(owner[id(gw)]) != _key(owner[id(pw)]):
            err.setdefault("waits_other_company", []).append(
                f"{gw.text}: gold {owner[id(gw)]}, predicted {owner[id(pw)]}")
    if missed:
        err["waits_missed"] = [f"{owner[id(w)]}: {w.text}" for w in missed]
    if extra:
        err["waits_extra"] = [f"{owner[id(w)]}: {w.text}" for w in extra]


def _close(gold: float | None, predicted: float | None) -> bool:
    """Within 10 % of gold; null only equals null."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if gold == 0:
        return abs(predicted) < 1e-9
    return abs(predicted - gold) <= 0.1 * abs(gold)


def _overlap(a: str, b: str) -> bool:
    """Two wait texts overlap when one contains the other or they share a word run
    ("binnen twee werkdagen" / "twee werkdagen")."""
    x, y = a.casefold().strip(), b.casefold().strip()
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    xw, yw = x.split(), y.split()
    return any(" ".join(xw[i:i + 2]) in y for i in range(len(xw) - 1)) or \
        any(" ".join(yw[i:i + 2]) in x for i in range(len(yw) - 1))


def match_waits(gold: list[Wait], predicted: list[Wait]) -> tuple[list[tuple[Wait, Wait]], list[Wait], list[Wait]]:
    """One-to-one matching of waits by overlapping text (offsets when both sides have them),
    as a multiset: the same phrase twice is two waits. Equal texts are paired first, so a
    repeated phrase ("twee dagen later" twice) does not steal a partner from another wait."""
    pairs: list[tuple[Wait, Wait]] = []
    free = list(predicted)
    unmatched = list(gold)
    for same_text in (True, False):
        still = []
        for gw in unmatched:
            match = next((pw for pw in free if _wait_match(gw, pw, same_text)), None)
            if match is None:
                still.append(gw)
            else:
                pairs.append((gw, match))
                free.remove(match)
        unmatched = still
    return pairs, unmatched, free


def _wait_match(gw: Wait, pw: Wait, same_text: bool) -> bool:
    if gw.start is not None and pw.start is not None:
        return gw.start < pw.end and pw.start < gw.end and (not same_text or gw.text == pw.text)
    if same_text:
        return gw.text.casefold().strip() == pw.text.casefold().strip()
    return _overlap(gw.text, pw.text)
