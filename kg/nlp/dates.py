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
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.nlp.events import read_lexicon_yaml

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def date_patterns(words: dict) -> dict[str, list[list[dict]]]:
    """Matcher patterns per date kind, built from the words of time.yaml."""
    month = {"LOWER": {"IN": list(words["months"]) + list(words["month_abbreviations"])},
             "IS_TITLE": True}
    weekday = {"LOWER": {"IN": list(words["weekdays"])}, "IS_TITLE": True}
    on = {"LOWER": "on", "OP": "?"}
    day_number = {"IS_DIGIT": True, "LENGTH": {"<=": 2}}
    year = {"SHAPE": "dddd"}
    comma = {"ORTH": ",", "OP": "?"}
    since = {"LOWER": {"IN": list(words["since_words"])}}
    full_dates = [[month, {"ORTH": ".", "OP": "?"}, day_number, comma, year],
                  [day_number, month, year]]
    return {
        "day": [[{"LOWER": {"IN": list(words["relative_days"])}}]],
        "weekday": [[on, weekday, {"LOWER": {"IN": list(words["day_parts"])}, "OP": "?"}]],
        "date": [[on, *pattern] for pattern in full_dates]
        + [[on, month, day_number], [on, day_number, month], [{"TEXT": {"REGEX": ISO_DATE}}],
           [year, {"ORTH": "-"}, {"SHAPE": "dd"}, {"ORTH": "-"}, {"SHAPE": "dd"}]],
        "month": [[{"LOWER": "in", "OP": "?"}, month, year]],
        "year": [[{"LOWER": "in"}, year]],
        "since": [[since, *pattern] for pattern in full_dates] + [[since, month, year],
                                                                   [since, year]],
        "period": [[{"LOWER": {"IN": list(words["period_modifiers"])}},
                    {"LOWER": {"IN": list(words["periods"])}}]],
    }


class DateMarker:
    """Marks the longest time expression at each place of a Doc."""

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab)
        for kind, patterns in date_patterns(read_lexicon_yaml("time.yaml")).items():
            self.matcher.add(kind, patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = self.matcher(doc, as_spans=True)
        doc.spans[self.spans_key] = filter_spans(spans)
        return doc


@Language.factory("kg_dates", default_config={"spans_key": "kg_dates"})
def make_date_marker(nlp: Language, name: str, spans_key: str) -> DateMarker:
    """Build the time-expression marker."""
    return DateMarker(nlp, name, spans_key)
