"""The ``kg_quotes`` component: marks quoted passages in ``doc.spans["kg_quotes"]``.

A span covers the words between an opening and a closing double quote mark (curly or
straight), without the marks. A quote left open at the end of a paragraph (news style for a
quote that runs on into the next paragraph) ends there.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_quotes")
>>> doc = nlp('“We will talk,” he said of the “constructive” meeting.')
>>> [span.text for span in doc.spans["kg_quotes"]]
['We will talk,', 'constructive']
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.tokens import token_table

OPENING = frozenset({"“", "„", "«"})
CLOSING = frozenset({"”", "»"})
STRAIGHT = '"'


def is_paragraph_break(text: str) -> bool:
    """True for the white space between two paragraphs (a blank line)."""
    return text.count("\n") >= 2


def quoted_spans(doc: Doc) -> list[Span]:
    """The quoted passages of a Doc, in text order, marks excluded.

    A blank line is a token of its own (spaCy keeps at most one space after a token), so a
    quote left open ends at the first white-space token holding one.
    """
    tokens = token_table(doc)
    spans: list[Span] = []
    start: int | None = None
    for i, text in enumerate(tokens.text):
        if start is None:
            if text in OPENING or text == STRAIGHT:
                start = i + 1
        elif text in CLOSING or text == STRAIGHT:
            if i > start:
                spans.append(doc[start:i])
            start = None
        elif tokens.is_space[i] and is_paragraph_break(text):
            if i > start:
                spans.append(doc[start:i])
            start = None
    if start is not None and start < len(doc):
        spans.append(doc[start:])
    return spans


class QuoteMarker:
    """Writes the quoted passages of a Doc to a span group."""

    def __init__(self, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = quoted_spans(doc)
        return doc


@Language.factory("kg_quotes", default_config={"spans_key": "kg_quotes"})
def make_quote_marker(nlp: Language, name: str, spans_key: str) -> QuoteMarker:
    """Build the quote marker."""
    return QuoteMarker(name, spans_key)
