"""The per-token facts that rules read, as plain lists: one pass over a Doc, not one per rule.

Every ``doc[i]`` builds a new Token object and every ``token.lower_`` a string lookup, so a
rule that reads a few attributes of each token costs more than spaCy's tokenizer did to make
the Doc. ``TokenTable.of(doc)`` reads them all at once with ``Doc.to_array`` (in C) and keeps
them as lists indexed by token: ``table.lower[i]`` is ``doc[i].lower_``, ``table.is_title[i]``
is ``doc[i].is_title``, and so on.

>>> import spacy
>>> doc = spacy.blank("en")("Envoys met in GENEVA on 12 May.")
>>> table = TokenTable.of(doc)
>>> table.lower[3], table.is_upper[3], table.is_digit[5], table.text[-1]
('geneva', True, True, '.')
>>> [table.lower[i] == token.lower_ and table.idx[i] == token.idx for i, token in enumerate(doc)]
[True, True, True, True, True, True, True, True]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from weakref import WeakKeyDictionary

import numpy

from spacy.attrs import (IDX, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE,
                         IS_UPPER, LENGTH, LOWER, ORTH, SENT_START, SPACY)
from spacy.tokens import Doc, Span, Token

FLAGS = (IS_SPACE, IS_TITLE, IS_UPPER, IS_LOWER, IS_ALPHA, IS_DIGIT, IS_PUNCT, SPACY)
COLUMNS = (ORTH, LOWER, IDX, LENGTH, *FLAGS)


@dataclass(frozen=True)
class TokenTable:
    """Token attributes of one Doc by token index (booleans as they are, strings as text)."""

    text: list[str]
    lower: list[str]
    idx: list[int]  # character offset of the token in the Doc's text
    length: list[int]  # characters
    is_space: list[bool]
    is_title: list[bool]
    is_upper: list[bool]
    is_lower: list[bool]
    is_alpha: list[bool]
    is_digit: list[bool]
    is_punct: list[bool]
    spaced: list[bool]  # followed by a space (Token.whitespace_ == " ")

    @classmethod
    def of(cls, doc: Doc) -> "TokenTable":
        """Read the table of a Doc."""
        if not len(doc):
            return cls(*([] for _ in COLUMNS))
        array = doc.to_array(list(COLUMNS))
        keys, where = numpy.unique(array[:, :2], return_inverse=True)  # ORTH and LOWER
        words = numpy.array([doc.vocab.strings[key] for key in keys.tolist()], dtype=object)
        text, lower = words[where.reshape(-1, 2)].T.tolist()
        idx, length = array[:, 2:4].T.tolist()
        return cls(text, lower, idx, length, *array[:, 4:].astype(bool).T.tolist())

    def __len__(self) -> int:
        return len(self.text)

    @cached_property
    def doc_text(self) -> str:
        """The Doc's text, as ``Doc.text`` gives it (which makes a Token per token each time).

        >>> import spacy
        >>> TokenTable.of(spacy.blank("en")("Talks resumed,  then stalled.")).doc_text
        'Talks resumed,  then stalled.'
        """
        return "".join([word + " " if spaced else word
                        for word, spaced in zip(self.text, self.spaced)])


TABLES: "WeakKeyDictionary[Doc, TokenTable]" = WeakKeyDictionary()


def token_table(doc: Doc) -> TokenTable:
    """The TokenTable of a Doc, read on first use and kept while the Doc lives.

    The project's components come after every component that could change the tokens
    (a trained pipeline's), so one table serves them all and the extractors.

    >>> import spacy
    >>> doc = spacy.blank("en")("Talks resumed.")
    >>> token_table(doc) is token_table(doc)
    True
    """
    table = TABLES.get(doc)
    if table is None:
        table = TABLES[doc] = TokenTable.of(doc)
    return table


def annotated(doc: Doc, attr: int) -> bool:
    """``doc.has_annotation(attr)`` for a token attribute such as DEP or ENT_IOB, read with
    ``Doc.to_array`` (has_annotation walks every token in Python on each call).

    >>> import spacy
    >>> from spacy.attrs import DEP
    >>> annotated(spacy.blank("en")("Talks resumed."), DEP)
    False
    """
    return not len(doc) or bool(doc.to_array(attr).any())


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc.sents``, or the whole Doc as one where it has no boundaries.

    The same spans as ``list(doc.sents)``, found from the SENT_START column at once.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> [span.text for span in sentences(nlp("Talks resumed. Both sides met."))]
    ['Talks resumed.', 'Both sides met.']
    >>> [span.text for span in sentences(spacy.blank("en")("No boundaries here"))]
    ['No boundaries here']
    """
    if "sents" in doc.user_hooks:
        return list(doc.sents)
    if not len(doc):
        return []
    after_first = doc.to_array(SENT_START)[1:]  # 1: starts a sentence, 0: not annotated
    if len(doc) > 1 and not after_first.any():
        return [doc[:]]
    starts = (after_first == 1).nonzero()[0] + 1
    bounds = [0, *starts.tolist(), len(doc)]
    return [Span(doc, start, end) for start, end in zip(bounds, bounds[1:])]


def word_before(doc: Doc, i: int, skipped: frozenset[str] = frozenset()) -> Token | None:
    """The nearest word before token ``i`` that is neither white space nor in ``skipped``."""
    i -= 1
    while i >= 0 and (doc[i].is_space or doc[i].lower_ in skipped):
        i -= 1
    return doc[i] if i >= 0 else None


def word_after(doc: Doc, i: int) -> Token | None:
    """The nearest token after token ``i`` that is not white space."""
    i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None
