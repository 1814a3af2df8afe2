"""Trigger words used as nouns, adjectives or inside names are no triggers; object verbs
need their object; the classes added to the lexicon are found."""
from __future__ import annotations

import pytest

from events_support import blank_pipeline


def triggers(text: str) -> list[tuple[str, str]]:
    doc = blank_pipeline()(text)
    return [(span.text, span.label_) for span in doc.spans["kg_triggers"]]


@pytest.mark.parametrize("text", [
    "She chairs the Sign Language Council.",                 # capitalised inside a name
    "It was a sign of strength.",                            # after a determiner
    "Ruritania's report came out.",                          # after a possessive
    "They spoke in sign language.",                          # a base form after a preposition
    "The two signs were clear.",                            # a plural after a number
    "Fans organised a meet-up.",                            # joined by a hyphen
    "Officials of the United States spoke.",                 # inside a lexicon name
    "Officials and state firms were named.",                 # a noun-like verb's base form
    "Voters in nine states chose.",                          # and its -s form
])
def test_verb_triggers_that_are_not_verbs_are_dropped(text):
    assert [label for _, label in triggers(text)] == []


@pytest.mark.parametrize("text, expected", [
    ("Ruritania stated its position.", [("stated", "Statement")]),
    ("Officials are stating their case.", [("stating", "Statement")]),
    ("They were accused of imposing sanctions.", [("imposing", "SanctionImposed")]),
])
def test_verb_triggers_used_as_verbs_stay(text, expected):
    assert [pair for pair in triggers(text) if pair[1] != "Accusation"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Ruritania fired three ballistic missiles at dawn.", [("fired", "WeaponsTest")]),
    ("The board fired its chairman.", []),
    ("Envoys eased tensions between the two states.", [("eased", "Mediation")]),
    ("Brussels eased sanctions on the country.", [("eased", "SanctionLifted")]),
])
def test_object_verbs_need_their_object(text, expected):
    assert triggers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The minister arrived in the capital.", [("arrived in", "Visit")]),
    ("He began a state visit to the kingdom.", [("state visit", "Visit")]),
    ("She offered to act as a mediator.", [("offered", "Offer"), ("mediator", "Mediation")]),
    ("Rebels threatened the town.", [("threatened", "Threat")]),
])
def test_added_classes_are_found(text, expected):
    assert triggers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The envoy held talks with the king.", [("held talks", "Meeting")]),
    ("The two leaders spoke by telephone.", [("spoke by telephone", "Meeting")]),
    ("Ruritania lodged a formal protest.", [("lodged", "Accusation")]),
    ("The council tightened its sanctions.", [("tightened", "SanctionImposed")]),
    ("The club tightened its rules.", []),
])
def test_phrases_and_object_verbs_of_the_lexicon(text, expected):
    assert triggers(text) == expected


def test_wanting_to_do_is_an_intent_not_a_demand():
    assert triggers("He said he wanted to meet her again.") == [
        ("wanted to", "Promise"), ("meet", "Meeting")]
    assert triggers("He said they wanted sanctions lifted.") == [
        ("wanted", "Demand"), ("lifted", "SanctionLifted")]


@pytest.mark.parametrize("text, expected", [
    ("Seoul slammed the launch.", "Accusation"),
    ("Moscow vetoed the resolution.", "Rejection"),
    ("Kim spurned the offer.", "Rejection"),
])
def test_more_words_of_disapproval_and_rejection(text, expected):
    doc = blank_pipeline()(text)
    assert expected in [span.label_ for span in doc.spans["kg_triggers"]]


def test_a_phrase_broken_by_a_hard_line_break_is_one_trigger():
    """Plain-text feeds wrap their lines: "held" / "talks" is still one trigger."""
    assert triggers("The two sides held\ntalks in Lima.") == [("held\ntalks", "Meeting")]
    assert triggers("She said she hoped\nto see him.") == [("hoped\nto", "Promise")]
