"""Who the agents and targets of an event are where the sentence does not name them next
to the trigger: a second verb after "and", descriptions of persons by their post, answers
to an earlier act. Sentences written for these tests; entities set by hand."""
from __future__ import annotations

from datetime import date

from events_support import KOREA, extract_text

FRIDAY = date(2019, 3, 1)


def only(text: str, cls: str):
    found = [e for e in extract_text(text, KOREA, FRIDAY).events if e.cls == cls]
    assert len(found) == 1, [(e.cls, e.agents, e.targets) for e in found]
    return found[0]


def test_a_verb_after_and_shares_the_subject_of_the_verb_before():
    appeal = only("Moon praised North Korea's restraint and urged Pyongyang to keep talking.",
                  "Appeal")
    assert (appeal.agents, appeal.targets) == (["moon"], ["nk"])


def test_a_verb_after_and_reaches_past_quoted_words():
    accusation = only('Ri Yong-ho called the plan "a dead end" and accused Washington of lying.',
                      "Accusation")
    assert (accusation.agents, accusation.targets) == (["ri"], ["us"])
