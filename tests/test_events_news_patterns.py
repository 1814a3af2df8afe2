"""Shapes of English news sentences the event rules used to miss or misread: a subject
parted from its verb by a description, 'asked that', 'ruled out', an act addressed to the
one just called, a post or statement named where something was said, a verb after a that
clause of quoted words, participles after adverbial clauses, 'held ... talks', the meeting a
mediation names, a statement named again as a subject, tariffs. Sentences written for these
tests; entities set by hand."""
from __future__ import annotations

from datetime import date

import pytest

from events_support import KOREA, blank_pipeline, entities_in, extract_text

from kg.extract import extract_with_entities
from kg.model import Article, RoleFact

FRIDAY = date(2019, 3, 1)


def events_of(text: str, cls: str) -> list[tuple[list[str], list[str]]]:
    """(agents, targets) of every event of class ``cls`` in ``text``."""
    return [(e.agents, e.targets) for e in extract_text(text, KOREA, FRIDAY).events
            if e.cls == cls]


# (what the rule says, text, event class, (agents, targets) of every event of that class)
CASES = [
    ("a_description_and_an_adverb_part_subject_and_verb",
     "Kim Jong-un, chairman of the ruling party, has repeatedly refused to negotiate with "
     "Washington.", "Rejection", [(["kim"], ["us"])]),
    ("a_noun_phrase_in_apposition_and_an_auxiliary_part_subject_and_verb",
     "North Korea, a close ally of Vietnam, has flatly rejected talks with Washington.",
     "Rejection", [(["nk"], ["us"])]),
    ("asking_that_something_be_done_is_an_appeal",
     "Moon asked that the detained crews be released at once.", "Appeal", [(["moon"], [])]),
    ("asking_a_question_is_no_appeal",
     "Moon asked whether the crews had been released.", "Appeal", []),
    ("ruling_something_out_is_a_rejection",
     "Kim ruled out any talks with Washington this year.", "Rejection", [(["kim"], ["us"])]),
    ("what_is_asked_after_a_call_is_asked_of_the_one_called",
     "Moon spoke by telephone with Kim Jong-un on Friday and asked that the crews be "
     "released.", "Appeal", [(["moon"], ["kim"])]),
    ("an_act_after_a_call_with_its_own_object_keeps_it",
     "Moon spoke by telephone with Kim Jong-un on Friday and accused Washington of "
     "stalling.", "Accusation", [(["moon"], ["us"])]),
    ("no_addressee_comes_from_a_meeting_that_did_not_take_place",
     "Moon had not met Kim Jong-un and asked that the crews be released.", "Appeal",
     [(["moon"], [])]),
    ("a_post_named_where_something_was_said_is_a_statement_of_the_clause_subject",
     "In a post on Telegram, Kim Jong-un threatened to close the border.", "Statement",
     [(["kim"], [])]),
    ("a_statement_opening_the_sentence_is_made_by_the_subject_of_its_clause",
     "In a statement on Friday, North Korea condemned the drills.", "Statement",
     [(["nk"], [])]),
    ("a_post_held_by_a_person_is_no_statement",
     "Kim Jong-un took up the post of party chairman.", "Statement", []),
    ("a_verb_after_a_that_clause_of_quoted_words_shares_the_first_subject",
     'Kim Jong-un demanded that Washington "end its hostile policy" and warned that the '
     'North would respond.', "Threat", [(["kim"], [])]),
    ("a_participle_after_an_adverbial_clause_is_the_main_subjects",
     "North Korea held talks with Vietnam after Washington tested a missile, offering to "
     "help with the talks.", "Offer", [(["nk"], [])]),
    ("a_participle_after_the_charged_act_of_an_accusation_is_the_accused",
     "Washington accused Kim Jong-un of trying to blackmail Seoul, threatening to close the "
     "border.", "Threat", [(["kim"], [])]),
    ("a_mediation_of_the_meeting_told_before_is_between_its_participants",
     "Moon met Kim Jong-un in Hanoi on Friday. The meeting was mediated by Donald Trump.",
     "Mediation", [(["trump"], ["moon", "kim"])]),
    ("a_statement_named_again_as_a_subject_acts_for_whoever_made_it",
     "In a statement, North Korea said it would respond. The statement also criticised "
     "Vietnam.", "Accusation", [(["nk"], ["vietnam"])]),
    ("a_tariff_imposed_is_no_sanction",
     "Washington imposed a 30 per cent tariff on goods from Vietnam on Friday.",
     "SanctionImposed", []),
    ("sanctions_imposed_stay_sanctions",
     "Washington imposed sanctions on Vietnam on Friday.", "SanctionImposed",
     [(["us"], ["vietnam"])]),
]


@pytest.mark.parametrize("text, cls, expected", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_the_events_of_a_class_in_a_sentence(text, cls, expected):
    assert events_of(text, cls) == expected


def test_a_mediation_of_a_meeting_of_a_series_keeps_the_sides():
    text = ("Moon met Kim Jong-un in Hanoi on Friday. Trump, who helped arrange the first "
            "meeting, spoke later.")
    assert (["trump"], ["moon", "kim"]) not in events_of(text, "Mediation")


@pytest.mark.parametrize("text, classes", [
    ("Moon held his first direct talks with Kim Jong-un on Friday.", ["Meeting"]),
    ("The talks between Moon and Kim Jong-un resumed on Friday.", ["Negotiation"]),
], ids=["holding_talks_with_words_between_is_a_meeting", "talks_alone_are_a_negotiation"])
def test_the_class_of_talks(text, classes):
    assert [e.cls for e in extract_text(text, KOREA, FRIDAY).events] == classes


def test_the_holders_of_a_post_of_states_written_with_the_are_the_subject():
    text = ("Trump and Kim arrived on Thursday. The leaders of the US and North Korea met "
            "on Friday, urging Vietnam to help.")
    doc = blank_pipeline()(text)
    entities = entities_in(text, KOREA)
    for entity in entities:
        if entity.local_id in ("trump", "kim"):
            of = "us" if entity.local_id == "trump" else "nk"
            entity.roles.append(RoleFact(title="Leader", of=of))
    events = extract_with_entities(doc, Article.from_text(text, published=FRIDAY),
                                   entities).events
    assert [sorted(e.agents) for e in events if e.cls == "Appeal"] == [["kim", "trump"]]
