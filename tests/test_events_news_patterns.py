"""Shapes of English news sentences the event rules used to miss or misread: a subject
parted from its verb by a description and an adverb, and the other patterns tested below.
Sentences written for these tests; entities set by hand."""
from __future__ import annotations

from datetime import date

from events_support import KOREA, blank_pipeline, entities_in, extract_text

from kg.extract import extract_with_entities
from kg.model import Article, RoleFact

FRIDAY = date(2019, 3, 1)


def events_of(text: str, cls: str) -> list[tuple[list[str], list[str]]]:
    """(agents, targets) of every event of class ``cls`` in ``text``."""
    return [(e.agents, e.targets) for e in extract_text(text, KOREA, FRIDAY).events
            if e.cls == cls]


def test_a_description_and_an_adverb_between_subject_and_verb():
    assert events_of("Kim Jong-un, chairman of the ruling party, has repeatedly refused to "
                     "negotiate with Washington.", "Rejection") == [(["kim"], ["us"])]


def test_a_noun_phrase_in_apposition_and_an_auxiliary_between_subject_and_verb():
    assert events_of("North Korea, a close ally of Vietnam, has flatly rejected talks "
                     "with Washington.", "Rejection") == [(["nk"], ["us"])]


def test_asking_that_something_be_done_is_an_appeal():
    assert events_of("Moon asked that the detained crews be released at once.",
                     "Appeal") == [(["moon"], [])]


def test_asking_a_question_is_no_appeal():
    assert events_of("Moon asked whether the crews had been released.", "Appeal") == []


def test_ruling_something_out_is_a_rejection():
    assert events_of("Kim ruled out any talks with Washington this year.",
                     "Rejection") == [(["kim"], ["us"])]


def test_what_is_asked_after_a_call_is_asked_of_the_one_called():
    assert events_of("Moon spoke by telephone with Kim Jong-un on Friday and asked that the "
                     "crews be released.", "Appeal") == [(["moon"], ["kim"])]


def test_an_act_after_a_call_with_its_own_object_keeps_it():
    assert events_of("Moon spoke by telephone with Kim Jong-un on Friday and accused "
                     "Washington of stalling.", "Accusation") == [(["moon"], ["us"])]


def test_no_addressee_comes_from_a_meeting_that_did_not_take_place():
    assert events_of("Moon had not met Kim Jong-un and asked that the crews be released.",
                     "Appeal") == [(["moon"], [])]


def test_a_post_named_where_something_was_said_is_a_statement_of_the_clause_subject():
    assert events_of("In a post on Telegram, Kim Jong-un threatened to close the border.",
                     "Statement") == [(["kim"], [])]


def test_a_statement_that_opens_the_sentence_is_made_by_the_subject_of_its_clause():
    assert events_of("In a statement on Friday, North Korea condemned the drills.",
                     "Statement") == [(["nk"], [])]


def test_a_post_held_by_a_person_is_no_statement():
    assert events_of("Kim Jong-un took up the post of party chairman.", "Statement") == []


def test_a_verb_after_a_that_clause_with_only_quoted_words_shares_the_first_subject():
    assert events_of('Kim Jong-un demanded that Washington "end its hostile policy" and '
                     'warned that the North would respond.', "Threat") == [(["kim"], [])]



def test_a_participle_after_an_adverbial_clause_is_the_main_subjects():
    assert events_of("North Korea held talks with Vietnam after Washington tested a missile, "
                     "offering to help with the talks.", "Offer") == [(["nk"], [])]


def test_a_participle_after_the_charged_act_of_an_accusation_is_the_accused():
    threats = events_of("Washington accused Kim Jong-un of trying to blackmail Seoul, "
                        "threatening to close the border.", "Threat")
    assert threats == [(["kim"], [])]



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


def test_holding_talks_with_words_between_is_a_meeting():
    assert [e.cls for e in extract_text("Moon held his first direct talks with Kim Jong-un "
                                        "on Friday.", KOREA, FRIDAY).events] == ["Meeting"]


def test_talks_without_a_light_verb_stay_a_negotiation():
    assert [e.cls for e in extract_text("The talks between Moon and Kim Jong-un resumed on "
                                        "Friday.", KOREA, FRIDAY).events] == ["Negotiation"]


def test_a_mediation_of_the_meeting_told_before_is_between_its_participants():
    text = ("Moon met Kim Jong-un in Hanoi on Friday. The meeting was mediated by "
            "Donald Trump.")
    assert events_of(text, "Mediation") == [(["trump"], ["moon", "kim"])]


def test_a_mediation_of_a_meeting_of_a_series_keeps_the_sides():
    text = ("Moon met Kim Jong-un in Hanoi on Friday. Trump, who helped arrange the first "
            "meeting, spoke later.")
    assert (["trump"], ["moon", "kim"]) not in events_of(text, "Mediation")


def test_a_tariff_imposed_is_no_sanction():
    assert events_of("Washington imposed a 30 per cent tariff on goods from Vietnam on "
                     "Friday.", "SanctionImposed") == []


def test_sanctions_imposed_stay_sanctions():
    assert events_of("Washington imposed sanctions on Vietnam on Friday.",
                     "SanctionImposed") == [(["us"], ["vietnam"])]
