"""The ``kg_dates`` component: marks time expressions in ``doc.spans["kg_dates"]``.

A span's ``label_`` says what kind of expression it is, so that kg/extract/dates.py can
resolve it against the article's date:

| label | examples |
| --- | --- |
| day | "yesterday", "today", "this morning", "last night" |
| weekday | "on Thursday", "Friday", "Thursday night", "late on Monday" |
| date | "March 1, 2019", "1 March 2019", "on March 1", "Sept. 5", "March 5th", "2019-03-01" |
| month | "in March 2016", "March 2016", "March, 2016" |
| month_name | "in June", "last November", "June last year", "early June" (no year written) |
| year | "in 2016", "in late 2023" |
| since | "since March 2016", "since 2016", "since last year", "since late October" |
| period | "last week", "this month", "earlier this year", "over the weekend" (a range of days, a month or a year) |
| bound | "until April 30", "from June 15", "by Friday" (a limit of a period: dates no event) |
| anchored | "the next day", "on the same day", "later that evening", "two days later" |
| ago | "three days ago", "a week ago" (counted from the article's date) |

An anchored day counts from the day the text named last.

The words come from ontology/lexicon/time.yaml.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_dates")
>>> doc = nlp("On Thursday night, sanctions in place since March 2016 were discussed.")
>>> [(span.text, span.label_) for span in doc.spans["kg_dates"]]
[('On Thursday night', 'weekday'), ('since March 2016', 'since')]
>>> doc = nlp("Talks held last June were recalled by May earlier this month.")
>>> [(span.text, span.label_) for span in doc.spans["kg_dates"]]
[('last June', 'month_name'), ('earlier this month', 'period')]
>>> doc = nlp("They met on Monday and again later that evening, then two days later.")
>>> [(span.text, span.label_) for span in doc.spans["kg_dates"]]
[('on Monday', 'weekday'), ('later that evening', 'anchored'), ('two days later', 'anchored')]
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import LOWER, SHAPE
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.events import read_lexicon_yaml

SINCE_KINDS = frozenset({"date", "month", "year", "period"})
BOUND_KINDS = frozenset({"day", "weekday", "date", "month", "month_name", "year", "anchored"})
HYPHENS = frozenset({"-", "‐"})
QUALIFIED_KINDS = frozenset({"day", "weekday", "date"})  # "late on Monday", "early today"
PREPOSITIONS = {"weekday": ("on",), "date": ("on",), "month": ("in",), "year": ("in",),
                "month_name": ("in",), "anchored": ("on",)}


def date_patterns(words: dict) -> dict[str, list[list[dict]]]:
    """Matcher patterns per date kind, built from the words of time.yaml.

    A leading "on", "in" or "since" is not part of a pattern: ``DateMarker`` takes it in
    after matching, which keeps the matcher small.
    """
    abbreviations = list(words["month_abbreviations"])
    month = {"LOWER": {"IN": list(words["months"]) + abbreviations
                       + [f"{abbreviation}." for abbreviation in abbreviations]},
             "IS_TITLE": True}  # "Sept. 5" is one token
    weekday = {"LOWER": {"IN": list(words["weekdays"])}, "IS_TITLE": True}
    day_number = {"IS_DIGIT": True, "LENGTH": {"<=": 2}}
    year = {"SHAPE": "dddd"}
    modifier = {"LOWER": {"IN": list(words["period_modifiers"])}}
    day_word = {"LOWER": {"IN": ["day", *words["day_parts"]]}}
    this_year = {"LOWER": {"IN": ["year"]}}
    count = {"LOWER": {"IN": list(words["counts"])}}
    unit = {"LOWER": {"IN": list(words["anchored_units"])}}
    direction = {"LOWER": {"IN": list(words["anchored_directions"])}}
    ordinal = {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)$"}}  # "March 5th"
    dates = [[month, {"ORTH": ".", "OP": "?"}, day_number, {"ORTH": ",", "OP": "?"}, year],
             [day_number, month, year], [month, day_number], [day_number, month],
             [month, day_number, modifier, this_year], [day_number, month, modifier, this_year]]
    return {
        "day": [[{"LOWER": {"IN": list(words["relative_days"])}}],
                *([{"LOWER": {"IN": [word]}} for word in phrase.split()]
                  for phrase in words["relative_day_parts"])],
        "weekday": [[weekday, {"LOWER": {"IN": list(words["day_parts"])}, "OP": "?"}]],
        "date": [*dates, *([ordinal if part is day_number else part for part in pattern]
                           for pattern in dates),
                 [year, {"ORTH": "-"}, {"SHAPE": "dd"}, {"ORTH": "-"}, {"SHAPE": "dd"}]],
        "month": [[month, year], [month, {"ORTH": ","}, year]],
        "month_name": [[month, modifier, this_year], [month]],
        "year": [[year]],
        "period": [[{"LOWER": {"IN": list(words["qualifiers"])}, "OP": "?"}, modifier,
                    {"LOWER": {"IN": list(words["periods"])}}],
                   [{"LOWER": {"IN": list(words["weekend_openers"])}}, {"LOWER": "the"},
                    {"LOWER": {"IN": ["weekend"]}}]],
        "anchored": [*([{"LOWER": word} for word in phrase.split()] + [day_word]
                       for phrase in words["anchored_day_words"]),
                     [count, unit, direction], [day_number, unit, direction]],
        "ago": [[count, unit, {"LOWER": "ago"}], [day_number, unit, {"LOWER": "ago"}]],
    }


def anchors(patterns: dict[str, list[list[dict]]]) -> tuple[set[str], set[str], int]:
    """The words and shapes one of which every match holds, and the longest pattern.

    Of each pattern, the last token that must be there and is given by a word list
    (``LOWER IN``) or a shape is its anchor: "1 March 2019" holds a year, "last week" the
    word "week".

    >>> anchors({"day": [[{"LOWER": {"IN": ["today"]}}]],
    ...          "date": [[{"IS_DIGIT": True}, {"SHAPE": "dddd"}, {"ORTH": ".", "OP": "?"}]]})
    ({'today'}, {'dddd'}, 3)
    """
    words: set[str] = set()
    shapes: set[str] = set()
    for kind, kind_patterns in patterns.items():
        for pattern in kind_patterns:
            anchor = next((token for token in reversed(pattern) if "OP" not in token and (
                "SHAPE" in token or isinstance(token.get("LOWER"), dict))), None)
            if anchor is None:
                raise ValueError(f"a {kind} date pattern has no word list or shape: {pattern}")
            if "SHAPE" in anchor:
                shapes.add(anchor["SHAPE"])
            else:
                words.update(anchor["LOWER"]["IN"])
    return words, shapes, max(len(pattern) for group in patterns.values() for pattern in group)


class DateMarker:
    """Marks the longest time expression at each place of a Doc.

    The matcher runs only over the stretches of the Doc around anchor tokens (``anchors``),
    merged where they meet: every match holds an anchor and is no longer than the longest
    pattern, so it lies in one stretch, and the matches come out as over the whole Doc.
    """

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab)
        words = read_lexicon_yaml("time.yaml")
        self.since_words = frozenset(words["since_words"])
        self.bound_words = frozenset(words["bound_words"])
        self.generic_determiners = frozenset(words["generic_determiners"])
        self.month_openers = frozenset(words["month_openers"])
        self.qualifiers = frozenset(words["qualifiers"])
        self.other_anchors = frozenset(words["other_anchors"])
        patterns = date_patterns(words)
        for kind, kind_patterns in patterns.items():
            self.matcher.add(kind, kind_patterns)
        anchor_words, anchor_shapes, self.reach = anchors(patterns)
        strings = nlp.vocab.strings
        self.anchor_words = numpy.array(sorted(map(strings.add, anchor_words)), dtype="uint64")
        self.anchor_shapes = numpy.array(sorted(map(strings.add, anchor_shapes)),
                                         dtype="uint64")

    def stretches(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges that hold every match: around each anchor, merged where they meet."""
        lower, shape = doc.to_array([LOWER, SHAPE]).reshape(-1, 2).T
        marks = numpy.isin(lower, self.anchor_words) | numpy.isin(shape, self.anchor_shapes)
        merged: list[tuple[int, int]] = []
        for i in numpy.flatnonzero(marks).tolist():
            start, end = max(0, i - self.reach + 1), min(len(doc), i + self.reach)
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return merged

    def matches(self, doc: Doc) -> Iterator[tuple[int, int, int]]:
        """``self.matcher(doc)``, found stretch by stretch (see the class docstring)."""
        for start, end in self.stretches(doc):
            for match_id, first, last in self.matcher(doc[start:end]):
                yield match_id, start + first, start + last

    def expression(self, doc: Doc, match_id: int, start: int, end: int) -> Span | None:
        """The span of one match, its preposition taken in; a bare year needs "in"/"since";
        after "until", "from" and the like a "bound"."""
        kind = doc.vocab.strings[match_id]
        before = doc[start - 1].lower_ if start > 0 else ""
        if before in self.since_words and kind in SINCE_KINDS:
            return Span(doc, start - 1, end, label="since")
        if before in self.bound_words and kind in BOUND_KINDS and (
                kind != "month_name" or end - start > 1):
            return Span(doc, start - 1, end, label="bound")
        if kind == "weekday" and before in self.generic_determiners:
            return None
        if kind == "year":
            return self.year(doc, start, end)
        if kind == "month_name":
            return self.month_name(doc, start, end)
        if kind == "period" and before in self.other_anchors:
            return None
        if kind == "anchored":
            if end < len(doc) and doc[end].text in HYPHENS:  # "that day-to-day work"
                return None
            if before in self.qualifiers:  # "later that day"
                start -= 1
                before = doc[start - 1].lower_ if start > 0 else ""
        if before in PREPOSITIONS.get(kind, ()):
            start -= 1
        if kind in QUALIFIED_KINDS and start > 0 and doc[start - 1].lower_ in self.qualifiers:
            start -= 1  # "late on Monday", "early Tuesday"
        return Span(doc, start, end, label=kind)

    def qualified_start(self, doc: Doc, start: int) -> int:
        """The start of a qualifier right before token ``start``, as a word or joined by a
        hyphen ("late 2023", "mid-March"), else ``start``."""
        if start > 1 and doc[start - 1].text in HYPHENS and not doc[start - 2].whitespace_ \
                and doc[start - 2].lower_ in self.qualifiers:
            return start - 2
        return start - 1 if start > 0 and doc[start - 1].lower_ in self.qualifiers else start

    def year(self, doc: Doc, start: int, end: int) -> Span | None:
        """A year after "in", a qualifier between ("in 2016", "in late 2023", "in
        mid-2023"); None for a bare number ("2016 people") or a year out of range."""
        first = self.qualified_start(doc, start)
        if first == 0 or doc[first - 1].lower_ != "in" or not 1000 < int(doc[start].text) < 2200:
            return None
        return Span(doc, first - 1, end, label="year")

    def month_name(self, doc: Doc, start: int, end: int) -> Span | None:
        """A month written without its year, with the words before it that place it ("in
        early June", "in mid-March", "last November"); None where no opener says it is a
        month ("May"); after "since" ("since late October") a "since" span."""
        qualified = self.qualified_start(doc, start)
        if qualified < start - 1:  # "mid-March"
            start = qualified
        elif end - start == 1 and (start == 0
                                   or doc[start - 1].lower_ not in self.month_openers):
            return None
        while start > 0 and doc[start - 1].lower_ in self.month_openers | self.qualifiers:
            start -= 1
        if start > 0 and doc[start - 1].lower_ in self.since_words:  # "since late October"
            return Span(doc, start - 1, end, label="since")
        return Span(doc, start, end, label="month_name")

    def __call__(self, doc: Doc) -> Doc:
        spans = [span for match_id, start, end in self.matches(doc)
                 if (span := self.expression(doc, match_id, start, end)) is not None]
        doc.spans[self.spans_key] = filter_spans(spans)
        return doc


@Language.factory("kg_dates", default_config={"spans_key": "kg_dates"})
def make_date_marker(nlp: Language, name: str, spans_key: str) -> DateMarker:
    """Build the time-expression marker."""
    return DateMarker(nlp, name, spans_key)
