"""General constructions of the trigger lexicon (ontology/lexicon/triggers.yaml): phrases
whose particle or means stands a few words after the verb ("turned the offer down",
"discussed the crisis by phone"). Sentences written for these tests; entities set by hand."""
from __future__ import annotations

from datetime import date

import pytest
import spacy

from events_support import KOREA, blank_pipeline, extract_text

from kg.nlp.events import SplitPhrase, split_lemma, trigger_lemma
from kg.nlp.tokens import token_table

FRIDAY = date(2019, 3, 1)


def events_of(text: str, cls: str) -> list[tuple[list[str], list[str], list[str]]]:
    """(agents, targets, sorted actors) of every event of class ``cls`` in ``text``."""
    return [(e.agents, e.targets, sorted(e.actors))
            for e in extract_text(text, KOREA, FRIDAY).events if e.cls == cls]


def test_a_split_phrase_is_its_verb_with_the_lemma_of_the_whole_phrase():
    doc = blank_pipeline()("Kim turned the latest offer down.")
    [span] = [s for s in doc.spans["kg_triggers"] if s.label_ == "Rejection"]
    assert (span.text, trigger_lemma(span)) == ("turned", "turn down")
    assert split_lemma("discuss ... by phone") == "discuss by phone"



@pytest.mark.parametrize("text, found", [
    ("they turned it down", True), ("they turned the latest offer down", True),
    ("they turned down", False),  # the gap holds one word at least
    ("they turned one more new offer down", False),  # more than three words
    ("they turned, at last, down", False),  # no punctuation in the gap
])
def test_a_split_phrase_matches_with_one_to_reach_words_in_its_gap(text: str, found: bool) -> None:
    doc = spacy.blank("en")(text)
    phrase = SplitPhrase.of("Rejection|verbs", "turn ... down")
    assert phrase.matches_at(token_table(doc), 1, 3) is found


@pytest.mark.parametrize("text, cls, expected", [
    ("Kim turned the new proposal down on Friday.", "Rejection", [(["kim"], [], ["kim"])]),
    ("Moon ruled further talks with Pyongyang out.", "Rejection",
     [(["moon"], ["nk"], ["moon", "nk"])]),
    ("Moon discussed the crisis by telephone with Trump.", "Meeting",
     [([], [], ["moon", "trump"])]),
    ("Trump and Moon talked for an hour by phone.", "Meeting", [([], [], ["moon", "trump"])]),
])
def test_a_particle_or_a_means_a_few_words_after_the_verb_completes_the_phrase(
        text, cls, expected):
    assert events_of(text, cls) == expected


@pytest.mark.parametrize("text", [
    "Kim turned to his aides, and the talks went down badly.",  # punctuation ends the gap
    "Moon discussed the crisis with Trump.",  # no means of a call: no meeting
])
def test_no_split_phrase_across_punctuation_or_without_its_last_words(text):
    assert events_of(text, "Rejection") == events_of(text, "Meeting") == []


def test_a_call_of_heads_of_state_is_no_summit():
    text = "President Moon discussed the crisis by telephone with President Trump."
    assert [e.cls for e in extract_text(text, KOREA, FRIDAY).events] == ["Meeting"]


@pytest.mark.parametrize("text, expected", [
    ("Moon asked the North to return to the table.", [(["moon"], ["nk"], ["moon", "nk"])]),
    ("Moon asked that the detained crews be freed.", [(["moon"], [], ["moon"])]),
    ("Moon asked whether the crews had been freed.", []),
    ("A diplomat in Seoul, who asked not to be named, said the crews were safe.", []),
    ("Moon asked about the crews, and Kim agreed to free them.", []),
])
def test_asking_someone_to_act_is_an_appeal(text, expected):
    assert events_of(text, "Appeal") == expected


def test_assuring_someone_that_a_side_would_act_is_a_promise_to_them():
    text = "Moon assured Kim that South Korea would sign nothing behind his back."
    assert events_of(text, "Promise") == [(["moon"], ["kim"], ["kim", "moon"])]
    assert events_of(text, "Agreement") == []


@pytest.mark.parametrize("text, expected", [
    ("The truce, which North Korea and Vietnam accepted last year, still holds.",
     [([], [], ["nk", "vietnam"])]),
    ("North Korea and Vietnam reached an understanding on fishing rights.",
     [([], [], ["nk", "vietnam"])]),
    ("North Korea and Vietnam reached a three-point consensus on fishing rights.",
     [([], [], ["nk", "vietnam"])]),
    ("North Korea and Vietnam accepted the invitation.", []),
])
def test_accepting_a_truce_or_reaching_an_understanding_is_an_agreement(text, expected):
    assert events_of(text, "Agreement") == expected
