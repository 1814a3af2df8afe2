"""Precision, recall and F1: counts per class, summed over articles, micro-averaged.

>>> tally = Tally(tp=8, fp=2, fn=4)
>>> tally.precision, round(tally.recall, 3), round(tally.f1, 3)
(0.8, 0.667, 0.727)
>>> Tally().f1 is None
True
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: The measures, in the order they are reported.
ENTITIES = "entities (name + class)"
LINKING = "linking (Wikidata id)"
EVENTS = "events (class + actors)"
EVENT_DATES = "events (+ date)"
EVENT_PLACES = "events (+ place)"
QUOTES = "quotes (speaker + text)"
ROLES = "roles (person + title + of)"
SANCTIONS = "sanctions (imposer + target)"
SANCTION_DETAILS = "sanctions (+ sectors + since)"
ARTICLE_DATES = "article dates"
MEASURES = (ENTITIES, LINKING, EVENTS, EVENT_DATES, EVENT_PLACES, QUOTES, ROLES, SANCTIONS,
            SANCTION_DETAILS, ARTICLE_DATES)
#: Of the gold quotes found by their words, the share credited to the right speaker.
SPEAKERS = "quote-speaker accuracy"


@dataclass
class Tally:
    """True positives, false positives and false negatives (misses) of one class."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); None when the gold has nothing."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2tp / (2tp + fp + fn): the harmonic mean of precision and recall; None when empty."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None


@dataclass(frozen=True)
class Finding:
    """One miss, false positive or half-right match, with its article.

    ``kind`` is "miss", "false positive", or "wrong class" / "wrong actors" / "wrong date" /
    "wrong place" / "wrong speaker" / "wrong post" for a gold item paired with a graph item
    that agrees in all but that (it counts as one miss and one false positive).
    """

    article: str
    measure: str
    kind: str
    text: str

    def line(self) -> str:
        """The finding as one line of the report.

        >>> Finding("a.txt", EVENTS, "miss", "Summit by A, B").line()
        'a.txt: events (class + actors): miss: Summit by A, B'
        """
        return f"{self.article}: {self.measure}: {self.kind}: {self.text}"


@dataclass
class Outcome:
    """One measure on one article: counts per class, and the findings to report."""

    measure: str
    article: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def tally(self, cls: str) -> Tally:
        """The counts of one class (created on first use)."""
        return self.tallies.setdefault(cls, Tally())

    def note(self, kind: str, text: str | None) -> None:
        """Add a finding, unless ``text`` is None (counted, but reported under another measure)."""
        if text is not None:
            self.findings.append(Finding(self.article, self.measure, kind, text))

    def hit(self, cls: str) -> None:
        """A gold item found."""
        self.tally(cls).tp += 1

    def miss(self, cls: str, text: str | None) -> None:
        """A gold item not found."""
        self.tally(cls).fn += 1
        self.note("miss", text)

    def false_positive(self, cls: str, text: str | None) -> None:
        """A graph item the gold does not have."""
        self.tally(cls).fp += 1
        self.note("false positive", text)

    def near_miss(self, kind: str, gold_cls: str, found_cls: str, text: str | None) -> None:
        """A gold item paired with a graph item that is wrong in one respect: a miss and a FP."""
        self.tally(gold_cls).fn += 1
        self.tally(found_cls).fp += 1
        self.note(kind, text)


@dataclass
class Measure:
    """One measure over all articles: counts per class; ``micro`` sums them."""

    name: str
    per_class: dict[str, Tally] = field(default_factory=dict)

    @property
    def micro(self) -> Tally:
        """The counts of every class together (micro-averaging)."""
        return sum(self.per_class.values(), Tally())

    def add(self, outcome: Outcome) -> None:
        """Add one article's counts."""
        for cls, tally in outcome.tallies.items():
            self.per_class[cls] = self.per_class.get(cls, Tally()) + tally


@dataclass
class SpeakerAccuracy:
    """Gold quotes found by their words, and how many of them have the right speaker."""

    found: int = 0
    right: int = 0

    @property
    def accuracy(self) -> float | None:
        """right / found; None when no gold quote was found."""
        return self.right / self.found if self.found else None


def combine(outcomes: Iterable[Outcome]) -> dict[str, Measure]:
    """The measures of MEASURES over every outcome, in report order.

    >>> first, second = Outcome(EVENTS, "a"), Outcome(EVENTS, "b")
    >>> first.hit("Summit"); second.miss("Summit", None); second.false_positive("Visit", None)
    >>> events = combine([first, second])[EVENTS]
    >>> events.per_class["Summit"], events.micro
    (Tally(tp=1, fp=0, fn=1), Tally(tp=1, fp=1, fn=1))
    """
    measures = {name: Measure(name) for name in MEASURES}
    for outcome in outcomes:
        measures.setdefault(outcome.measure, Measure(outcome.measure)).add(outcome)
    return measures
