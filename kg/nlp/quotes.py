"""The ``kg_quotes`` component: marks quoted passages in ``doc.spans["kg_quotes"]``.

A span covers the words between an opening quote mark and the mark that closes it (“…”,
"…", „…“, «…», ‹…›, single curly quotes ‘…’ and straight ones '…'), without the marks.
A straight ' opens a quote only at the start of a word and closes one only at the end of
one. Marks of another kind
inside a quote are part of its words (a quote within a quote). A ’ or ' is also the apostrophe:
it closes a single quote only where it cannot be a possessive ("the leaders’ talks"), and a ‘
before a digit or a lone letter is an elision ("the ‘80s", "rock ‘n’ roll"). A quote left
open at the end of a paragraph (news style for a quote that runs on into the next paragraph)
ends there.

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
           "«": frozenset({"»"}), "‹": frozenset({"›"}), "‘": frozenset({"’"}),
           "'": frozenset({"'"})}  # by opener
APOSTROPHES = frozenset({"’", "'"})  # marks that may also be an apostrophe
STRAIGHT = "'"
OPENING_PUNCT = frozenset({"(", "[", "“", '"', "«", "—", "–", "-"})
DOUBLE_PAIRS = (("“", "”"), ("„", "“"), ("«", "»"))  # a quote inside an open single one


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


def opens_quote(tokens: TokenTable, i: int) -> bool:
    """Whether the mark at token ``i`` opens a quote: a ‘ or ' before a digit or before a
    lone letter and an apostrophe is an elision ("the ‘80s", "rock 'n' roll"), not a quote;
    a straight ' opens one only at the start of a word (after a space, the start of the
    text or an opening mark, and right before the word: "'We will stay,' she said"), not
    after a word it ends ("the leaders' talks")."""
    if tokens.text[i] not in CLOSING:
        return False
    if tokens.text[i] not in {"‘", STRAIGHT} or i + 1 >= len(tokens):
        return tokens.text[i] != STRAIGHT
    if tokens.text[i] == STRAIGHT and not starts_a_word(tokens, i):
        return False
    after = tokens.text[i + 1]
    elided = after[:1].isdigit() or len(after) == 1 and after.isalpha() \
        and i + 2 < len(tokens) and tokens.text[i + 2] in APOSTROPHES
    return not elided


def starts_a_word(tokens: TokenTable, i: int) -> bool:
    """Whether the mark at token ``i`` stands before a word, with a space, an opening mark or
    the start of the text before it."""
    before = i == 0 or tokens.spaced[i - 1] or tokens.is_space[i - 1] or \
        tokens.text[i - 1] in OPENING_PUNCT
    return before and not tokens.spaced[i] and not tokens.is_space[i + 1]


def is_attached(tokens: TokenTable, i: int) -> bool:
    """Whether the mark at token ``i`` follows the token before it with no space between."""
    return i > 0 and not tokens.spaced[i - 1] and not tokens.is_space[i - 1]


def quoted_spans(doc: Doc) -> list[Span]:
    """The quoted passages of a Doc, in text order, marks excluded.

    A blank line is a token of its own (spaCy keeps at most one space after a token), so a
    quote left open ends at the first white-space token holding one. A single quote still
    open there, past a ’ read as a possessive, closes at that ’ ("called it ‘a matter of
    days’ before leaving"), and the words after it are read again; one with no such ’ that
    holds a whole double quote was no quote, and is read again from its mark on. A second
    single quote opening while one is open past such a ’ shows that the ’ closed it ("the
    ‘hawks’ and ‘doves’").
    """
    tokens = token_table(doc)
    spans: list[Span] = []
    start: int | None = None
    closing: frozenset[str] = frozenset()
    skipped: int | None = None  # the last ’ of an open single quote read as a possessive
    i = 0
    while i <= len(tokens):  # len(tokens): the end of the text, read as a paragraph break
        text = tokens.text[i] if i < len(tokens) else "\n\n"
        if start is None:
            if i < len(tokens) and opens_quote(tokens, i):
                start, closing, skipped = i + 1, CLOSING[text], None
        elif text in closing and (text not in APOSTROPHES or closes_single_quote(tokens, i)
                                  and (text != STRAIGHT or is_attached(tokens, i))):
            if i > start:
                spans.append(doc[start:i])
            start = None
        elif skipped is not None and tokens.text[start - 1] == text and opens_quote(tokens, i):
            spans.append(doc[start:skipped])  # "the 'hawks' and 'doves'": the ' closed
            start, skipped = i + 1, None
        elif text in APOSTROPHES and text in closing:
            skipped = i
        elif (i == len(tokens) or tokens.is_space[i]) and is_paragraph_break(text):
            again = reread_from(tokens, start, i, skipped) if closing & APOSTROPHES else None
            if again is not None:
                if skipped is not None and skipped > start:
                    spans.append(doc[start:skipped])
                start, i = None, again
                continue
            if i > start:
                spans.append(doc[start:i])
            start = None
        i += 1
    return spans


def reread_from(tokens: TokenTable, start: int, end: int, skipped: int | None) -> int | None:
    """Where to read again a single quote open from ``start`` to a paragraph break at
    ``end`` (see ``quoted_spans``): after the last ’ it skipped, or after its opening mark
    where it holds a whole double quote or opened with a straight ' (an elision: "'specially",
    "the 'net"); None where it stands as a quote left open."""
    if skipped is not None:
        return skipped + 1
    words = tokens.text[start:end]
    whole_double = any(mark in words and closer in words for mark, closer in DOUBLE_PAIRS)
    return start if whole_double or tokens.text[start - 1] == STRAIGHT else None


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
