"""Classes from context: a meeting in person of heads of state or government is a Summit,
and "agreed to <verb>" a Promise where the act is to be done later; a post written before a person does not cut the
coordination of two persons ("Chilean President A and Peruvian President B")."""
from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.model import Article


def meetings(nlp: Language, text: str) -> list[tuple[str, list[str]]]:
    """(class, sorted participant labels) of each Meeting or Summit of the text."""
    extraction = extract(nlp(text), Article.from_text(text, published=date(2024, 5, 8)))
    label = {entity.local_id: entity.label for entity in extraction.entities}
    return [(event.cls, sorted(label[a] for a in event.actors))
            for event in extraction.events if event.cls in ("Meeting", "Summit")]


def test_two_heads_of_state_holding_talks_are_a_summit(nlp: Language) -> None:
    text = "Chilean President Ana Ruiz and Peruvian President Marco Diaz held talks in Lima."
    assert meetings(nlp, text) == [("Summit", ["Ana Ruiz", "Marco Diaz"])]


def test_a_telephone_call_of_two_heads_of_state_stays_a_meeting(nlp: Language) -> None:
    text = "Chilean President Ana Ruiz spoke by telephone with Peruvian President Marco Diaz."
    assert meetings(nlp, text) == [("Meeting", ["Ana Ruiz", "Marco Diaz"])]


def test_a_president_meeting_a_minister_stays_a_meeting(nlp: Language) -> None:
    text = "Chilean President Ana Ruiz met Peruvian Foreign Minister Marco Diaz in Santiago."
    assert meetings(nlp, text) == [("Meeting", ["Ana Ruiz", "Marco Diaz"])]


@pytest.mark.parametrize("text, cls", [
    ("Chile and Peru agreed on Monday in Lima to set up a joint border commission.", "Promise"),
    ("Chile and Peru agreed on Monday in Lima to reopen their border crossings.", "Agreement"),
])
def test_the_infinitive_after_agreed_decides_past_time_and_place(nlp: Language, text: str,
                                                                 cls: str) -> None:
    """'agreed to <verb>' commits (a Promise) where the act is to be done later, and is an
    Agreement where it settles something now, also with a date and place between."""
    extraction = extract(nlp(text), Article.from_text(text, published=date(2024, 5, 8)))
    assert [event.cls for event in extraction.events] == [cls]


def test_his_meeting_with_another_leader_has_him_as_a_party(nlp: Language) -> None:
    text = ("Chilean President Ana Ruiz flew home on Friday, a day after her meeting with "
            "Peruvian President Marco Diaz in Lima.")
    assert meetings(nlp, text) == [("Summit", ["Ana Ruiz", "Marco Diaz"])]


def test_a_refusal_targets_who_asked(nlp: Language) -> None:
    text = ("The Bank of England refused to hand over the bullion at the request of "
            "Maduro's government.")
    extraction = extract(nlp(text), Article.from_text(text, published=date(2024, 5, 8)))
    label = {entity.local_id: entity.label for entity in extraction.entities}
    assert [(e.cls, [label[a] for a in e.agents], [label[t] for t in e.targets])
            for e in extraction.events] == [
        ("Rejection", ["Bank of England"], ["Nicolás Maduro"])]
