"""Voicing concern or a protest is an Accusation (sentences written for these tests; full
rule pipeline: entities from the lexicon)."""
from __future__ import annotations


from events_support import labelled_events as events_of


def test_voicing_concern_is_an_accusation(nlp):
    events = events_of(nlp, "Japan voiced deep concern over the missile launches.")
    assert [(cls, agents) for cls, agents, _ in events] == [("Accusation", ["Japan"])]
