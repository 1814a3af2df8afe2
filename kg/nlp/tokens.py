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
from weakref import WeakKeyDictionary

from spacy.attrs import (IDX, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE,
                         IS_UPPER, LENGTH, LOWER, ORTH, SPACY)
from spacy.tokens import Doc

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
        orth, lower, idx, length = array[:, :4].T.tolist()
        strings = doc.vocab.strings
        words = {key: strings[key] for key in {*orth, *lower}}
        return cls([words[key] for key in orth], [words[key] for key in lower], idx, length,
                   *array[:, 4:].astype(bool).T.tolist())

    def __len__(self) -> int:
        return len(self.text)


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
