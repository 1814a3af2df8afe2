"""Where and when across the clauses of a sentence and the sentences of a paragraph
(kg/extract/setting.py), on short texts written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from events_support import KOREA, extract_text
from kg.model import PartialDate

FRIDAY = date(2019, 3, 1)


def settings_of(text: str) -> dict[str, tuple[str | None, date | None]]:
    """(place, date) of each event class of the text."""
    return {event.cls: (event.place, event.date)
            for event in extract_text(text, KOREA, FRIDAY).events}


@pytest.mark.parametrize("text", [
    "In Seoul, Moon told a regular briefing on Friday that the North had to wait.",
    "In Seoul, Moon said in a televised address on Friday that the North had to wait."])
def test_a_scene_places_the_occasion_a_verb_of_saying_was_told_at(text):
    assert settings_of(text)["Statement"] == ("seoul", FRIDAY)


def test_a_verb_after_and_takes_the_place_of_the_occasion_the_verb_before_was_done_at():
    found = settings_of("Kim rejected the offer at a news conference in Hanoi on Friday and "
                        "accused Trump of bad faith.")
    assert found["Accusation"] == ("hanoi", FRIDAY)


def test_a_date_after_a_participle_of_a_noun_is_the_participle_s_not_the_verb_s():
    assert settings_of("Kim threatened to quit an agreement signed in 2018.")["Threat"] \
        == (None, None)
    found = settings_of("Kim told a news conference in Hanoi on Friday that he was patient. "
                        "He threatened to quit an agreement signed in 2018.")
    assert found["Threat"] == ("hanoi", FRIDAY)


def test_a_day_in_a_closed_relative_clause_is_not_shared_after_and():
    found = settings_of("Moon, who met Kim on Thursday, said the talks were useful and urged "
                        "Trump to wait.")
    assert found["Meeting"] == (None, date(2019, 2, 28))
    assert found["Appeal"] == (None, None)


def test_earlier_in_the_day_is_the_day_named_last():
    found = settings_of("Moon said on Thursday that he had met Kim earlier in the day and "
                        "urged him to wait.")
    assert found["Meeting"] == found["Appeal"] == (None, date(2019, 2, 28))
    assert settings_of("Moon met Kim earlier in the day.")["Meeting"] == (None, None)


def test_the_occasion_a_verb_of_saying_tells_goes_on_with_its_actor_s_dated_act():
    found = settings_of('Kim accused Trump on Thursday of bad faith. "We have waited long '
                        'enough," he said in a televised address.')
    assert found["Statement"] == (None, date(2019, 2, 28))


def test_a_sentence_naming_a_day_but_no_event_sets_the_day_of_the_next_one():
    found = settings_of("Tempers flared again on Thursday. Kim spoke by telephone with Moon, "
                        "and the two agreed to meet in Hanoi.")
    assert found["Meeting"] == (None, date(2019, 2, 28))
    assert found["Promise"][1] == date(2019, 2, 28)


@pytest.mark.parametrize("text", [
    "Tempers flared again on Thursday.\n\nKim spoke by telephone with Moon.",
    "Tempers flared again on Thursday. Trump said Kim had spoken by telephone with Moon.",
    "Tempers flared again on Thursday. Kim had spoken by telephone with Moon."])
def test_no_day_set_across_a_paragraph_for_what_is_reported_or_told_before(text):
    assert settings_of(text)["Meeting"] == (None, None)


def test_a_day_told_in_the_past_perfect_sets_no_day_for_the_next_sentence():
    found = settings_of("Tempers had flared in Seoul on Thursday. Kim spoke by telephone "
                        "with Trump.")
    assert found["Meeting"] == (None, None)


@pytest.mark.parametrize("text, cls, setting", [
    # remarks with no event set the day and place of the speaker's next act
    ("Moon told reporters in Seoul on Thursday that he was patient. He urged Kim to return to "
     "the table.", "Appeal", ("seoul", date(2019, 2, 28))),
    # but not of another actor's
    ("Moon told reporters on Thursday that he was patient. Trump urged Kim to return to the "
     "table.", "Appeal", (None, None)),
    # a statement opening the next sentence goes on with its actor's dated act
    ("North Korea rejected the offer on Thursday. In a statement, it said it was patient.",
     "Statement", (None, date(2019, 2, 28)))])
def test_an_occasion_of_the_sentence_before_sets_the_speaker_s_next_act(text, cls, setting):
    assert settings_of(text)[cls] == setting


def test_a_date_before_the_object_noun_of_a_verb_dates_the_verb():
    found = settings_of("Kim rejected in a televised speech on Thursday any deal that would "
                        "leave sanctions in place.")
    assert found["Rejection"][1] == date(2019, 2, 28)


@pytest.mark.parametrize("text", [
    "Kim went further on Thursday and accused Trump of bad faith.",
    "Kim handed a letter to Moon on Thursday, and he accused Trump of bad faith."])
def test_a_verb_after_and_takes_the_day_of_a_clause_with_no_event(text):
    assert settings_of(text)["Accusation"][1] == date(2019, 2, 28)


def test_a_verb_after_and_takes_no_day_of_a_noun_before_it():
    found = settings_of("Moon watched the launch of Thursday and accused Kim of bad faith.")
    assert found["Accusation"][1] is None


def test_an_address_from_a_city_is_placed_there_with_the_acts_told_after_it():
    found = settings_of("In a televised address from Hanoi on Thursday, Kim called the "
                        "talks useless and accused Trump of bad faith.")
    assert found["Statement"] == ("hanoi", date(2019, 2, 28))
    assert found["Accusation"] == ("hanoi", date(2019, 2, 28))


def test_an_event_noun_takes_the_day_told_after_the_verb_that_says_it_happened():
    found = settings_of("Talks between the North and the US on the future of Yongbyon ended "
                        "in Hanoi on Thursday without agreement on the sanctions.")
    assert found["Negotiation"] == ("hanoi", date(2019, 2, 28))


def test_a_day_of_a_sentence_with_events_only_in_a_relative_clause_goes_on_with_its_actor():
    found = settings_of('Moon, who refuses to recognise his successor as leader, Ri Yong-ho, '
                        'welcomed the plan on Thursday. "We have waited long enough," he said '
                        'in a televised address. He urged Trump to be patient.')
    assert found["Statement"][1] == found["Appeal"][1] == date(2019, 2, 28)
    assert found["Rejection"][1] is None


def test_a_participle_of_saying_after_a_comma_dates_the_act_it_tells_of():
    found = settings_of("Kim rejected the offer, telling state media on Thursday that he was "
                        "patient. He also accused Trump of bad faith.")
    assert found["Rejection"][1] == found["Accusation"][1] == date(2019, 2, 28)


def test_a_time_expression_after_a_focus_adverb_still_opens_its_sentence():
    found = settings_of("Only last month, Kim and Trump had met in Hanoi, an official said.")
    assert found["Meeting"] == ("hanoi", PartialDate(2019, 2))
    assert settings_of("Also on Thursday, Kim met Trump.")["Meeting"][1] == date(2019, 2, 28)


def test_a_verb_of_saying_is_not_placed_where_what_it_reports_came_from():
    found = settings_of("Moon announced on Thursday that a ship had arrived from Hanoi.")
    assert found["Statement"] == (None, date(2019, 2, 28))
