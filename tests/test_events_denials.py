"""A denial of an act ('denied sending ...') or of a charge ('denied the allegations') is a
Rejection; other uses of 'deny' are not
(sentences written for these tests; full rule pipeline: entities from the lexicon)."""
from __future__ import annotations

import pytest

from events_support import labelled_events as events_of


def test_denying_an_act_is_a_rejection(nlp):
    events = events_of(nlp, "Japan firmly denied shipping weapons to the rebels.")
    assert [(cls, agents) for cls, agents, _ in events] == [("Rejection", ["Japan"])]


def test_denying_someone_a_thing_is_no_rejection(nlp):
    assert events_of(nlp, "Japan denied the journalists a visa.") == []


@pytest.mark.parametrize("text", [
    "Japan denied the allegations in parliament on Monday.",
    "Japan flatly denied the latest charges.",
])
def test_denying_a_charge_is_a_rejection(nlp, text):
    events = events_of(nlp, text)
    assert [(cls, agents) for cls, agents, _ in events] == [("Rejection", ["Japan"])]
