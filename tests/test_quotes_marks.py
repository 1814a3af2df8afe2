"""Quote marks the kg_quotes component reads (texts written for these tests)."""
from __future__ import annotations

import pytest
import spacy

import kg.nlp.quotes  # noqa: F401  (registers kg_quotes)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("kg_quotes")
    return pipeline


def quoted(nlp: spacy.language.Language, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for span in doc.spans["kg_quotes"]]


def test_single_curly_quotes(nlp):
    assert quoted(nlp, "‘We stay in the talks,’ she said of the ‘frank’ meeting.") == [
        "We stay in the talks,", "frank"]


def test_an_apostrophe_inside_a_single_quote_does_not_close_it(nlp):
    assert quoted(nlp, "He said: ‘It is Russia’s problem and the leaders’ duty.’ Then he left.") \
        == ["It is Russia’s problem and the leaders’ duty."]


def test_a_single_quote_inside_a_double_quote_is_part_of_its_words(nlp):
    assert quoted(nlp, "“He told me ‘never again’ and left,” she said.") == [
        "He told me ‘never again’ and left,"]


def test_low_opening_mark_closes_with_a_high_one(nlp):
    assert quoted(nlp, "„Wir bleiben“, sagte sie. «Nous restons», dit-il.") == [
        "Wir bleiben", "Nous restons"]


def test_a_possessive_after_a_closed_quote_is_not_a_quote(nlp):
    assert quoted(nlp, "‘Frank’ talks, the ministers’ statement said.") == ["Frank"]


def test_an_elision_opens_no_quote(nlp):
    assert quoted(nlp, "Rock ‘n’ roll fans said the ‘80s were great. He said “yes”.") == ["yes"]


def test_a_single_quote_left_open_past_a_possessive_closes_there(nlp):
    assert quoted(nlp, "She called the deal ‘a matter of days’ before leaving. "
                       "Officials said “no”.") == ["a matter of days", "no"]


def test_straight_single_quotes(nlp):
    assert quoted(nlp, "'We won't go,' she said of the 'frank' talks. 'Never.'") == [
        "We won't go,", "frank", "Never."]


def test_a_straight_apostrophe_ending_a_word_is_no_quote(nlp):
    assert quoted(nlp, "'It's over,' she said of the leaders' talks in the '90s.") == [
        "It's over,"]
    assert quoted(nlp, "Sean O'Brien met the leaders' envoys.") == []


def test_a_straight_mark_left_open_is_an_elision(nlp):
    assert quoted(nlp, "I liked the sisters, 'specially Judit.\n\nShe won.") == []


def test_a_second_single_quote_closes_one_read_past_a_possessive(nlp):
    assert quoted(nlp, "The 'hawks' and 'doves' met.") == ["hawks", "doves"]
    assert quoted(nlp, "The ‘hawks’ and ‘doves’ met.") == ["hawks", "doves"]
