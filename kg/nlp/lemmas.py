"""The ``kg_lemmatizer`` component: lemmas from the English lookup table of spacy-lookups-data.

It gives the same lemmas as spaCy's ``lemmatizer`` in ``lookup`` mode (a word the table does
not list is its own lemma; a token that already has a lemma keeps it), but sets them for a
whole Doc at once with ``Doc.from_array``, each distinct word looked up once per process
instead of once per token.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_lemmatizer")
>>> [token.lemma_ for token in nlp("Envoys met in Hanoi and talks resumed")]
['Envoys', 'meet', 'in', 'Hanoi', 'and', 'talk', 'resume']
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc

TABLE = "lemma_lookup"


class LookupLemmatizer:
    """Sets every token's LEMMA that is not set yet from the lookup table."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.strings = nlp.vocab.strings
        self.table = load_lookups(lang=nlp.lang, tables=[TABLE]).get_table(TABLE)
        self.lemma_of: dict[int, int] = {}

    def lemma_hash(self, orth: int) -> int:
        """The hash of the lemma of one word (of its ORTH hash)."""
        found = self.lemma_of.get(orth)
        if found is None:
            text = self.strings[orth]
            found = self.lemma_of[orth] = self.strings.add(self.table.get(text, text))
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        orths, lemmas = doc.to_array([ORTH, LEMMA]).T
        unique, inverse = numpy.unique(orths, return_inverse=True)
        looked_up = numpy.array([self.lemma_hash(orth) for orth in unique.tolist()],
                                dtype="uint64")[inverse]
        doc.from_array([LEMMA], numpy.where(lemmas == 0, looked_up, lemmas).reshape(-1, 1))
        return doc


@Language.factory("kg_lemmatizer")
def make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    """Build the lookup lemmatizer (spacy-lookups-data's table for the pipeline's language)."""
    return LookupLemmatizer(nlp, name)
