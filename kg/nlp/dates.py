"""The ``kg_dates`` component: marks time expressions in ``doc.spans["kg_dates"]``.

A span's ``label_`` says what kind of expression it is, so that kg/extract/dates.py can
resolve it against the article's date:

| label | examples |
| --- | --- |
| day | "yesterday", "today" |
| weekday | "on Thursday", "Friday", "Thursday night" |
| date | "March 1, 2019", "1 March 2019", "on March 1", "2019-03-01" |
| month | "in March 2016", "March 2016" |
| year | "in 2016" |
| since | "since March 2016", "since 2016" |
| period | "last week", "this month" (never resolved to a day) |

The words come from ontology/lexicon/time.yaml.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_dates")
>>> doc = nlp("On Thursday night, sanctions in place since March 2016 were discussed.")
>>> [(span.text, span.label_) for span in doc.spans["kg_dates"]]
[('On Thursday night', 'weekday'), ('since March 2016', 'since')]
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.events import read_lexicon_yaml

SINCE_KINDS = frozenset({"date", "month", "year"})
PREPOSITIONS = {"weekday": ("on",), "date": ("on",), "month": ("in",), "year": ("in",)}


def date_patterns(words: dict) -> dict[str, list[list[dict]]]:
    """Matcher patterns per date kind, built from the words of time.yaml.

    A leading "on", "in" or "since" is not part of a pattern: ``DateMarker`` takes it in
    after matching, which keeps the matcher small.
    """
    month = {"LOWER": {"IN": list(words["months"]) + list(words["month_abbreviations"])},
             "IS_TITLE": True}
    weekday = {"LOWER": {"IN": list(words["weekdays"])}, "IS_TITLE": True}
    day_number = {"IS_DIGIT": True, "LENGTH": {"<=": 2}}
    year = {"SHAPE": "dddd"}
    return {
        "day": [[{"LOWER": {"IN": list(words["relative_days"])}}]],
        "weekday": [[weekday, {"LOWER": {"IN": list(words["day_parts"])}, "OP": "?"}]],
        "date": [[month, {"ORTH": ".", "OP": "?"}, day_number, {"ORTH": ",", "OP": "?"}, year],
                 [day_number, month, year], [month, day_number], [day_number, month],
                 [year, {"ORTH": "-"}, {"SHAPE": "dd"}, {"ORTH": "-"}, {"SHAPE": "dd"}]],
        "month": [[month, year]],
        "year": [[year]],
        "period": [[{"LOWER": {"IN": list(words["period_modifiers"])}},
                    {"LOWER": {"IN": list(words["periods"])}}]],
    }


class DateMarker:
    """Marks the longest time expression at each place of a Doc."""

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab)
        words = read_lexicon_yaml("time.yaml")
        self.since_words = frozenset(words["since_words"])
        for kind, patterns in date_patterns(words).items():
            self.matcher.add(kind, patterns)

    def expression(self, doc: Doc, match_id: int, start: int, end: int) -> Span | None:
        """The span of one match, its preposition taken in; a bare year needs "in"/"since"."""
        kind = doc.vocab.strings[match_id]
        before = doc[start - 1].lower_ if start > 0 else ""
        if before in self.since_words and kind in SINCE_KINDS:
            return Span(doc, start - 1, end, label="since")
        if kind == "year" and before != "in" or kind == "year" and not 1000 < int(
                doc[start].text) < 2200:
            return None
        if before in PREPOSITIONS.get(kind, ()):
            start -= 1
        return Span(doc, start, end, label=kind)

    def __call__(self, doc: Doc) -> Doc:
        spans = [span for match_id, start, end in self.matcher(doc)
                 if (span := self.expression(doc, match_id, start, end)) is not None]
        doc.spans[self.spans_key] = filter_spans(spans)
        return doc


@Language.factory("kg_dates", default_config={"spans_key": "kg_dates"})
def make_date_marker(nlp: Language, name: str, spans_key: str) -> DateMarker:
    """Build the time-expression marker."""
    return DateMarker(nlp, name, spans_key)
