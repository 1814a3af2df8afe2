"""kg_lemmatizer (kg/nlp/lemmas.py) gives exactly the lemmas of spaCy's lookup lemmatizer."""
from __future__ import annotations

import doctest

import pytest
import spacy
from spacy.tokens import Doc

import kg.nlp.lemmas

TEXT = ("Envoys were meeting in the capitals; talks resumed after both sides had agreed. "
        "The ministers' offers, the U.N.'s sanctions and 12 newly imposed measures were "
        "discussed,\n\nsaid Ana Ruiz, who chaired the committees' sessions.")


@pytest.fixture(scope="module")
def pipelines():
    spacy_lookup = spacy.blank("en")
    spacy_lookup.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    ours = spacy.blank("en")
    ours.add_pipe("kg_lemmatizer")
    return spacy_lookup, ours


def test_docstring_examples():
    result = doctest.testmod(kg.nlp.lemmas)
    assert result.attempted > 0 and result.failed == 0


def test_same_lemmas_as_spacy_lookup_mode(pipelines):
    spacy_lookup, ours = pipelines
    expected = [token.lemma_ for token in spacy_lookup(TEXT)]
    assert [token.lemma_ for token in ours(TEXT)] == expected
    assert "meet" in expected and "agree" in expected  # the table was read


def test_a_lemma_already_set_is_kept(pipelines):
    _, ours = pipelines
    doc = Doc(ours.vocab, words=["talks", "resumed"], lemmas=["talking", ""])
    assert [token.lemma_ for token in ours.get_pipe("kg_lemmatizer")(doc)] == ["talking",
                                                                               "resume"]


def test_an_empty_doc(pipelines):
    _, ours = pipelines
    assert len(ours("")) == 0
