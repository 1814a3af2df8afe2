"""The occasion frame: an occasion told with its day goes on dating what the text tells as
done at it (kg/extract/setting.py carry_occasions), on short texts written for these tests."""
from __future__ import annotations

from datetime import date

from test_events_setting import dates_of

WEDNESDAY = date(2019, 2, 27)


def test_an_act_after_and_past_a_reported_clause_is_on_the_occasion_of_saying():
    found = dates_of("Moon told a press briefing on Wednesday that Seoul wanted calm and "
                     "accused Kim of stalling.")
    assert found["Accusation"] == WEDNESDAY


def test_an_act_after_a_comma_and_a_pronoun_is_on_the_occasion_of_saying():
    found = dates_of("Moon told a news conference on Wednesday that the talks had stalled, and he "
                     "urged Kim to return to Hanoi.")
    assert found["Appeal"] == WEDNESDAY


def test_an_act_of_another_doer_after_and_keeps_no_date():
    found = dates_of("Moon told a news conference on Wednesday that the talks had stalled, and Trump "
                     "urged Kim to return to Hanoi.")
    assert found["Appeal"] is None


def test_an_act_told_in_a_clause_of_another_time_keeps_no_date():
    found = dates_of("Moon met Trump on Wednesday, weeks after he accused Kim of stalling and "
                     "urged him to return.")
    assert found["Appeal"] is None


def test_at_which_after_an_occasion_carries_its_day():
    found = dates_of("Trump rejected the plan at a news conference on Wednesday, at which he "
                     "also accused Kim of stalling.")
    assert found["Rejection"] == found["Accusation"] == WEDNESDAY


def test_the_same_occasion_in_a_later_sentence_carries_its_day():
    found = dates_of("Kim rejected the plan in a televised address on Wednesday. In the same "
                     "address he urged Trump to lift sanctions.")
    assert found["Appeal"] == WEDNESDAY


def test_a_date_after_a_dropped_object_noun_dates_the_verb():
    found = dates_of("Kim rejected the offer in a video on Wednesday.")
    assert found["Rejection"] == WEDNESDAY


def test_an_opening_phrase_of_occasion_dates_a_sentence_that_opens_a_paragraph():
    found = dates_of("Kim spoke on Tuesday.\n\nAt a rally in Seoul on Wednesday, Moon urged "
                     "Kim to return to the talks.")
    assert found["Appeal"] == WEDNESDAY


def test_a_document_dated_in_an_opening_phrase_dates_the_acts_after_it():
    found = dates_of("In a letter to the council's members dated 27 February 2019, Moon urged "
                     "Kim to return to the talks.")
    assert found["Appeal"] == WEDNESDAY


def test_an_opening_statement_after_a_dated_meeting_carries_its_day_to_the_acts():
    found = dates_of("Kim and Trump met in Hanoi on Wednesday. In a statement after the "
                     "meeting, KCNA accused Washington of bad faith.")
    assert found["Accusation"] == WEDNESDAY


def test_that_morning_counts_from_the_story_not_from_a_day_of_the_past_perfect():
    found = dates_of("Kim accused Trump on 27 February 2019 of breaking the truce they had "
                     "agreed a day earlier, even as Moon and Ri met in Seoul that morning.")
    assert found["Meeting"] == WEDNESDAY


def test_the_next_sentence_goes_on_at_an_occasion_whose_noun_names_no_actor():
    found = dates_of("Moon struck a firm tone at a news conference on Wednesday. He accused "
                     "Kim of stalling.")
    assert found["Accusation"] == WEDNESDAY


def test_a_broker_of_the_dated_meeting_of_its_sentence_acts_on_its_day():
    found = dates_of("Trump and Kim met in Hanoi on Wednesday with Moon, who brokered the "
                     "encounter.")
    assert found["Mediation"] == WEDNESDAY
