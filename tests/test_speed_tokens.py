"""kg/nlp/tokens.py: the token table, sentences and annotation checks say exactly what the
spaCy Token and Doc objects say."""
from __future__ import annotations

import doctest

import pytest
import spacy
from spacy.attrs import DEP
from spacy.tokens import Doc

import kg.nlp.tokens
from kg.nlp.tokens import TokenTable, annotated, sentences, token_table

TEXT = ("GENEVA –  Envoys of the Freedonian  government met on 12 May.\n\n"
        "“We talked,” said Ana Ruiz-Ortega, 45, of the U.N. body (UNHCR).\t Done!")

ATTRIBUTES = {"text": "text", "lower": "lower_", "idx": "idx", "is_space": "is_space",
              "is_title": "is_title", "is_upper": "is_upper", "is_lower": "is_lower",
              "is_alpha": "is_alpha", "is_digit": "is_digit", "is_punct": "is_punct"}


@pytest.fixture(scope="module")
def doc():
    return spacy.blank("en")(TEXT)


def test_docstring_examples():
    result = doctest.testmod(kg.nlp.tokens)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("column, attribute", ATTRIBUTES.items())
def test_each_column_is_the_token_attribute(doc, column, attribute):
    table = TokenTable.of(doc)
    assert getattr(table, column) == [getattr(token, attribute) for token in doc]


def test_lengths_and_spacing(doc):
    table = TokenTable.of(doc)
    assert table.length == [len(token) for token in doc]
    assert table.spaced == [token.whitespace_ == " " for token in doc]
    assert len(table) == len(doc)


def test_an_empty_doc_has_an_empty_table():
    table = TokenTable.of(spacy.blank("en")(""))
    assert len(table) == 0 and table.lower == []


def test_one_table_per_doc_while_it_lives(doc):
    other = spacy.blank("en")(TEXT)
    assert token_table(doc) is token_table(doc)
    assert token_table(other) is not token_table(doc)
    assert token_table(other) == token_table(doc)


@pytest.fixture(scope="module")
def sentencizer():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.parametrize("text", [TEXT, "One.", "Two words", "", "A. B! C? D"])
def test_sentences_are_doc_sents(sentencizer, text):
    doc = sentencizer(text)
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]


def test_a_doc_without_boundaries_is_one_sentence():
    doc = spacy.blank("en")("Envoys met. They talked.")
    assert [(s.start, s.end) for s in sentences(doc)] == [(0, len(doc))]


def test_annotated_is_has_annotation():
    vocab = spacy.blank("en").vocab
    parsed = Doc(vocab, words=["Envoys", "met"], heads=[1, 1], deps=["nsubj", "ROOT"])
    plain = Doc(vocab, words=["Envoys", "met"])
    assert annotated(parsed, DEP) and parsed.has_annotation("DEP")
    assert not annotated(plain, DEP) and not plain.has_annotation("DEP")
    assert annotated(Doc(vocab, words=[]), DEP) == Doc(vocab, words=[]).has_annotation("DEP")
