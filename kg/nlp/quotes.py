"""The ``kg_quotes`` component: marks quoted passages in ``doc.spans["kg_quotes"]``.

A span covers the words between an opening quote mark and the mark that closes it (“…”,
"…", „…“, «…», ‹…›, and single curly quotes ‘…’), without the marks. Marks of another kind
inside a quote are part of its words (a quote within a quote). A ’ is also the apostrophe:
it closes a single quote only where it cannot be a possessive ("the leaders’ talks"). A quote
left open at the end of a paragraph (news style for a quote that runs on into the next
paragraph) ends there.

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

from kg.nlp.tokens import TokenTable, token_table

CLOSING = {"“": frozenset({"”"}), '"': frozenset({'"'}), "„": frozenset({"“", "”"}),
           "«": frozenset({"»"}), "‹": frozenset({"›"}), "‘": frozenset({"’"})}  # by opener
APOSTROPHE = "’"


def is_paragraph_break(text: str) -> bool:
    """True for the white space between two paragraphs (a blank line)."""
    return text.count("\n") >= 2


def closes_single_quote(tokens: TokenTable, i: int) -> bool:
    """Whether the ’ at token ``i`` closes a single quote rather than marking a plural
    possessive: it follows punctuation ("‘We stay,’ she said"), or a word that does not end
    in s, or no lower-case word follows it ("‘the talks’ went on" stays open: "talks’ went"
    reads as a possessive)."""
    if i == 0 or tokens.is_punct[i - 1]:
        return True
    following = i + 1 < len(tokens) and tokens.is_alpha[i + 1] and tokens.is_lower[i + 1]
    return not tokens.lower[i - 1].endswith("s") or not following


def quoted_spans(doc: Doc) -> list[Span]:
    """The quoted passages of a Doc, in text order, marks excluded.

    A blank line is a token of its own (spaCy keeps at most one space after a token), so a
    quote left open ends at the first white-space token holding one.
    """
    tokens = token_table(doc)
    spans: list[Span] = []
    start: int | None = None
    closing: frozenset[str] = frozenset()
    for i, text in enumerate(tokens.text):
        if start is None:
            if text in CLOSING:
                start, closing = i + 1, CLOSING[text]
        elif text in closing and (text != APOSTROPHE or closes_single_quote(tokens, i)):
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
