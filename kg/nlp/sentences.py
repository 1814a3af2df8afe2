"""``kg_sentencizer``: spaCy's rule-based Sentencizer, reading the token table.

The same boundaries as spaCy's ``sentencizer`` (a sentence ends after a run of its
punctuation characters, before the next token that is no punctuation), found from the
token table's text and punctuation columns instead of a Token object per word, which cost
as much as the rest of the component.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_sentencizer")
>>> [sent.text for sent in nlp("Talks resumed! Did both sides meet?! They left.").sents]
['Talks resumed!', 'Did both sides meet?!', 'They left.']
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from kg.nlp.tokens import token_table


class TableSentencizer(Sentencizer):
    """spaCy's Sentencizer whose ``predict`` reads ``kg.nlp.tokens.token_table``."""

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        return [sentence_starts(doc, self.punct_chars) for doc in docs]


def sentence_starts(doc: Doc, punct_chars: set[str]) -> list[bool]:
    """Whether each token starts a sentence, as spaCy's Sentencizer.predict decides."""
    tokens = token_table(doc)
    starts = [False] * len(doc)
    if not starts:
        return starts
    start, seen_end = 0, False
    for i, (text, is_punct) in enumerate(zip(tokens.text, tokens.is_punct)):
        ends = text in punct_chars
        if seen_end and not is_punct and not ends:
            starts[start], start, seen_end = True, i, False
        elif ends:
            seen_end = True
    starts[start] = True
    return starts


@Language.factory("kg_sentencizer", assigns=["token.is_sent_start", "doc.sents"],
                  default_config={"punct_chars": None, "overwrite": False})
def make_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None,
                     overwrite: bool) -> TableSentencizer:
    """Build the sentence splitter of the pipeline without a trained model."""
    return TableSentencizer(name, punct_chars=punct_chars, overwrite=overwrite)
