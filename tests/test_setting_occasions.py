"""Where and when, on short texts written for these tests: dates qualified by a part of the
day, and events that share the setting of the occasion they are told with
(kg/extract/setting.py, kg/nlp/dates.py)."""
from __future__ import annotations

from datetime import date

import pytest

from events_support import KOREA, extract_text
from test_events_setting import FRIDAY, dates_of, marked


def test_a_qualified_weekday_is_one_time_expression():
    assert marked("Kim left late on Monday and returned early Tuesday.") == [
        ("late on Monday", "weekday"), ("early Tuesday", "weekday")]


def test_a_qualified_weekday_after_the_occasion_of_a_verb_dates_the_verb():
    found = dates_of("Kim rejected the offer in a televised address late on Wednesday and "
                     "accused Trump of bad faith.")
    assert found["Rejection"] == found["Accusation"] == date(2019, 2, 27)


def test_an_event_noun_takes_the_setting_of_the_participle_after_it():
    events = extract_text("Kim spoke of sanctions in a speech posted on Telegram late on Monday.",
                          KOREA, FRIDAY).events
    speech = next(event for event in events if event.cls == "Statement" and event.agents)
    assert speech.date == date(2019, 2, 25)


def test_a_verb_after_and_shares_the_date_of_the_occasion_noun_before_it():
    found = dates_of("Moon welcomed the plan in a statement on Monday and urged Kim to "
                     "resume talks.")
    assert found["Appeal"] == date(2019, 2, 25)


def test_an_after_clause_shares_the_setting_of_the_clause_before_it():
    events = extract_text("Kim and Trump agreed in Hanoi on Thursday to keep talking, after "
                          "Ri met Moon for three hours.", KOREA, FRIDAY).events
    meeting = next(event for event in events if event.cls == "Meeting")
    assert (meeting.place, meeting.date) == ("hanoi", date(2019, 2, 28))


def test_an_after_clause_right_after_a_day_is_on_that_day():
    found = dates_of("Moon arrived in Seoul on Monday after Kim met Trump.")
    assert found["Meeting"] == date(2019, 2, 25)


def test_a_noun_after_a_day_and_after_keeps_its_own_time():
    assert dates_of("Moon arrived in Seoul on Monday after his meeting with Kim.")[
        "Meeting"] is None


def test_a_visit_told_in_a_relative_clause_places_no_later_act():
    events = extract_text("Moon, who visited Seoul in January, promised Kim more aid.",
                          KOREA, FRIDAY).events
    promise = next(event for event in events if event.cls == "Promise")
    assert promise.place is None


def test_a_visit_in_its_own_clause_places_the_agent_s_later_acts():
    events = extract_text("Moon arrived in Seoul on Monday. He promised Kim more aid.",
                          KOREA, FRIDAY).events
    promise = next(event for event in events if event.cls == "Promise")
    assert promise.place == "seoul"


def test_an_act_during_the_talks_named_before_is_at_their_place_and_day():
    events = extract_text("Kim and Trump met in Hanoi on Wednesday. Moon rejected the offer "
                          "during the talks.", KOREA, FRIDAY).events
    rejection = next(event for event in events if event.cls == "Rejection")
    assert (rejection.place, rejection.date) == ("hanoi", date(2019, 2, 27))


def test_an_act_at_a_new_gathering_recalls_none():
    events = extract_text("Kim and Trump met in Hanoi on Wednesday. Moon rejected the offer "
                          "at a dinner.", KOREA, FRIDAY).events
    rejection = next(event for event in events if event.cls == "Rejection")
    assert (rejection.place, rejection.date) == (None, None)


def test_an_as_complement_opens_no_clause_that_an_opening_date_skips():
    found = dates_of("On Monday, Moon described Kim as a threat and imposed sanctions "
                     "on Pyongyang.")
    assert found["SanctionImposed"] == date(2019, 2, 25)


def test_an_as_clause_with_its_own_verb_keeps_its_own_time():
    found = dates_of("On Monday, as Kim arrived in Hanoi, Trump imposed sanctions on "
                     "Pyongyang.")
    assert found["SanctionImposed"] == date(2019, 2, 25)


@pytest.mark.parametrize("text, day", [
    # an event noun some hours after a dated clause is on its day
    ("Moon said on Wednesday that Seoul would help, hours after another round of US-brokered "
     "talks between Kim and Trump in Hanoi ended.", date(2019, 2, 27)),
    # an event noun takes the place of the verb that says it happened
    ("Talks between Kim and the internationally isolated government of the North ended in "
     "Hanoi on Thursday without a deal.", date(2019, 2, 28)),
])
def test_talks_take_the_setting_their_sentence_gives(text, day):
    talks = next(event for event in extract_text(text, KOREA, FRIDAY).events
                 if event.cls == "Negotiation")
    assert (talks.date, talks.place) == (day, "hanoi")


def test_hours_after_leave_a_noun_whose_kind_the_text_dates_elsewhere():
    events = extract_text("Kim and Trump met in Hanoi on Thursday. Pyongyang on Friday promised "
                          "to keep talking, hours after a summit between Kim and Trump "
                          "collapsed.", KOREA, FRIDAY).events
    assert {event.date for event in events if event.cls in ("Summit", "Meeting")} == {
        date(2019, 2, 28)}


def test_an_event_noun_after_a_verb_of_saying_takes_no_happening_place_of_its_own():
    events = extract_text("Moon said that Kim had backed talks between the two sides, which "
                          "ended in Hanoi.", KOREA, FRIDAY).events
    assert all(event.place is None for event in events if event.cls == "Negotiation")


SOCHI = {**KOREA, "Black Sea": ("blacksea", "Region"), "Sochi": ("sochi", "City"),
         "Russia": ("russia", "Country")}


def test_a_region_named_before_the_settlement_of_an_event_gives_way_to_it():
    for text in ("Kim met Trump in the Black Sea resort of Sochi on Monday.",
                 "Kim met Trump in Russia's southern city of Sochi on Monday."):
        meeting = next(event for event in extract_text(text, SOCHI, FRIDAY).events
                       if event.cls in ("Meeting", "Summit"))
        assert meeting.place == "sochi", text


def test_a_region_with_no_settlement_named_after_it_stays_the_place():
    meeting = next(event for event in extract_text("Kim met Trump in Russia on Monday.",
                                                   SOCHI, FRIDAY).events
                   if event.cls in ("Meeting", "Summit"))
    assert meeting.place == "russia"


def test_an_event_told_afterwards_is_on_the_day_and_at_the_place_of_the_one_before():
    for text in ("Kim and Trump met in Hanoi on Wednesday. Afterwards, Moon urged Kim to "
                 "keep talking.",
                 "Kim and Trump met in Hanoi on Wednesday.\n\nSpeaking at a news conference "
                 "afterwards, Moon said the talks had gone well."):
        told = next(event for event in extract_text(text, KOREA, FRIDAY).events
                    if event.cls in ("Appeal", "Statement"))
        assert (told.date, told.place) == (date(2019, 2, 27), "hanoi"), text


@pytest.mark.parametrize("text, day", [
    # a meeting named first as "the meeting" is the occasion told before
    ("Pyongyang agreed on Wednesday to halt its tests. Kim announced the decision after the "
     "meeting.", date(2019, 2, 27)),
    # one named as new ("a meeting") recalls none
    ("Pyongyang agreed on Wednesday to halt its tests. Kim announced the decision after a "
     "meeting.", None),
    # nor is an occasion two paragraphs back recalled
    ("Pyongyang agreed on Wednesday to halt its tests.\n\nTrump welcomed the news.\n\nKim "
     "announced the decision after the meeting.", None),
    # a speech where the remarks told before were made is their occasion
    ("Kim warned on Wednesday that talks could fail. Kim made the remarks in a speech to "
     "officials.", date(2019, 2, 27)),
    # a speech after other words recalls nothing
    ("Kim warned on Wednesday that talks could fail. Kim made the point in a speech to "
     "officials.", None),
])
def test_a_statement_told_as_after_or_at_what_was_told_before_takes_its_day(text, day):
    assert dates_of(text)["Statement"] == day


def test_a_verb_takes_the_setting_of_the_speech_it_was_done_in():
    events = extract_text("Moon urged Kim in a speech in Seoul to keep talking.", KOREA,
                          FRIDAY).events
    assert next(event for event in events if event.cls == "Appeal").place == "seoul"
    found = dates_of("Moon urged Kim to keep talking, in a statement released on Tuesday.")
    assert found["Appeal"] == date(2019, 2, 26)


def test_a_speech_past_a_verb_of_saying_gives_the_verb_before_no_setting():
    events = extract_text("Moon urged Kim, officials said in a speech in Seoul, to keep "
                          "talking.", KOREA, FRIDAY).events
    assert next(event for event in events if event.cls == "Appeal").place is None
