"""Where and when: each time expression dates the event it belongs to (kg/extract/setting.py),
on short texts written for these tests with their entities set by hand."""
from __future__ import annotations

from datetime import date

import pytest

from events_support import KOREA, blank_pipeline, extract_text
from kg.extract.context import ArticleContext
from kg.extract.dates import day_of
from kg.extract.setting import tense_of
from kg.model import Article, PartialDate

FRIDAY = date(2019, 3, 1)
MID_MARCH = date(2019, 3, 14)


def dates_of(text: str, published: date | None = FRIDAY) -> dict[str, date | None]:
    """The date of each event class of the text (one event per class)."""
    events = extract_text(text, KOREA, published).events
    classes = [event.cls for event in events]
    assert len(classes) == len(set(classes)), classes
    return {event.cls: event.date for event in events}


def places_of(text: str, published: date | None = FRIDAY) -> dict[str, str | None]:
    """The place of each event class of the text."""
    return {event.cls: event.place for event in extract_text(text, KOREA, published).events}


def statement_setting(text: str) -> tuple[str | None, date | None]:
    """(place, date) of the text's Statement."""
    statement = next(e for e in extract_text(text, KOREA, FRIDAY).events if e.cls == "Statement")
    return statement.place, statement.date


def marked(text: str) -> list[tuple[str, str]]:
    doc = blank_pipeline()(text)
    return [(span.text, span.label_) for span in doc.spans["kg_dates"]]


def test_a_date_before_and_stays_with_the_verb_before_it():
    found = dates_of("Trump arrived in Hanoi on Tuesday and met Kim on Wednesday.")
    assert found == {"Visit": date(2019, 2, 26), "Meeting": date(2019, 2, 27)}


def test_a_verb_after_and_shares_the_date_of_the_verb_before_it():
    found = dates_of("Kim rejected the offer on Wednesday and accused Trump of bad faith.")
    assert found["Rejection"] == found["Accusation"] == date(2019, 2, 27)


def test_a_verb_after_and_with_its_own_clause_shares_nothing():
    found = dates_of("Kim met Moon on Tuesday, and Trump later accused Kim of bad faith.")
    assert found == {"Meeting": date(2019, 2, 26), "Accusation": None}


def test_a_clause_after_and_whose_subject_refers_back_shares_the_date():
    found = dates_of("Kim met Moon on Tuesday, and the two promised to meet again.")
    assert found == {"Meeting": date(2019, 2, 26), "Promise": date(2019, 2, 26)}
    found = dates_of("Kim met Moon on Tuesday, and he accused Trump of bad faith.")
    assert found["Accusation"] == date(2019, 2, 26)


def test_a_clause_after_and_with_a_named_subject_shares_nothing():
    found = dates_of("Kim met Moon on Tuesday, and Trump accused Kim of bad faith.")
    assert found == {"Meeting": date(2019, 2, 26), "Accusation": None}


def test_a_news_conference_a_rejection_was_made_at_is_a_statement_of_its_own():
    events = extract_text("Kim rejected the offer at a news conference on Wednesday.",
                          KOREA, FRIDAY).events
    assert {(e.cls, tuple(e.agents), e.date) for e in events} == {
        ("Rejection", ("kim",), date(2019, 2, 27)), ("Statement", ("kim",), date(2019, 2, 27))}


@pytest.mark.parametrize("occasion", ["in a televised address", "in a short statement",
                                      "in a live video on Facebook"])
def test_a_described_occasion_a_rejection_was_made_in_is_a_statement_of_its_own(occasion):
    events = extract_text(f"Kim rejected the offer {occasion} on Wednesday.", KOREA,
                          FRIDAY).events
    assert {(e.cls, tuple(e.agents), e.date) for e in events} == {
        ("Rejection", ("kim",), date(2019, 2, 27)), ("Statement", ("kim",), date(2019, 2, 27))}


def test_a_bare_statement_a_rejection_was_made_in_is_part_of_the_rejection():
    events = extract_text("Kim rejected the offer in a statement on Wednesday.", KOREA,
                          FRIDAY).events
    assert [e.cls for e in events] == ["Rejection"]


def test_a_verb_after_and_shares_the_date_of_the_occasion_of_the_verb_before():
    found = dates_of("Kim rejected the offer in a televised address on Wednesday and accused "
                     "Trump of bad faith.")
    assert found["Rejection"] == found["Accusation"] == date(2019, 2, 27)


def test_a_date_before_an_infinitive_of_purpose_stays_with_the_verb_before_it():
    assert dates_of("Trump arrived in Hanoi on Monday to meet Kim.") == {
        "Visit": date(2019, 2, 25)}


def test_the_verb_not_its_object_noun_takes_the_date():
    found = dates_of("North Korea rejected the accusation on Thursday.")
    assert found == {"Rejection": date(2019, 2, 28)}


def test_a_verb_takes_no_day_after_the_article_s_unless_told_as_to_come():
    assert dates_of("KCNA reported Kim will visit Seoul on March 5.") == {"Statement": None}
    assert dates_of("KCNA reported on March 5 that Kim had left.") == {"Statement": None}


def test_a_past_date_after_an_appeal_s_content_dates_the_appeal():
    assert dates_of("Moon urged Kim to resume talks on Monday.")["Appeal"] == date(2019, 2, 25)


def test_the_following_day_counts_from_the_last_day_named():
    text = "North Korea fired two missiles on 9 May 2019. KCNA reported the following day " \
           "that Kim had watched."
    assert dates_of(text, published=None)["Statement"] == date(2019, 5, 10)


def test_the_same_evening_and_days_later_count_from_the_last_day_named():
    found = dates_of("Trump arrived in Hanoi on Wednesday and met Kim the same evening. "
                     "Two days later KCNA reported a frank exchange.")
    assert found == {"Visit": date(2019, 2, 27), "Meeting": date(2019, 2, 27),
                     "Statement": date(2019, 3, 1)}


def test_a_day_counted_from_no_named_day_is_left_out():
    assert dates_of("KCNA reported the next day that the talks went well.")["Statement"] is None


def test_a_sentence_opening_date_dates_its_events_but_not_what_is_reported():
    found = dates_of("On Monday, Trump arrived in Hanoi and met Kim.")
    assert found == {"Visit": date(2019, 2, 25), "Meeting": date(2019, 2, 25)}
    found = dates_of("On Monday, Moon said North Korea had fired two missiles.")
    assert found["WeaponsTest"] is None


def test_a_sentence_opening_date_skips_a_noun_tied_to_another_time():
    assert dates_of("Last year, Moon spoke of the meeting between Kim and Trump.") == {
        "Meeting": None}
    assert dates_of("On Monday, Moon spoke at the meeting between Kim and Trump.") == {
        "Meeting": date(2019, 2, 25)}


def test_a_sentence_opening_date_skips_inner_clauses_and_infinitives():
    found = dates_of("On Monday, Kim, who had visited Seoul, met Trump.")
    assert found == {"Meeting": date(2019, 2, 25), "Visit": None}
    assert dates_of("On Monday, Kim vowed to visit Seoul.").get("Visit") is None


def test_a_with_phrase_of_circumstance_shares_the_clause_s_place_and_date():
    text = "Kim and Trump met in Hanoi on Thursday, with Moon acting as a mediator."
    events = {e.cls: (e.place, e.date) for e in extract_text(text, KOREA, FRIDAY).events}
    assert events["Mediation"] == ("hanoi", date(2019, 2, 28))


def test_a_past_as_clause_happens_with_its_main_clause():
    text = "Kim and Moon signed an accord on Thursday, as the two leaders held talks in Pyongyang."
    events = {e.cls: (e.place, e.date) for e in extract_text(text, KOREA, FRIDAY).events}
    assert events == {"Agreement": ("nk", date(2019, 2, 28)),
                      "Meeting": ("nk", date(2019, 2, 28))}
    text = "Kim and Moon signed an accord on Thursday, as their envoys meet in Pyongyang."
    assert dates_of(text) == {"Agreement": date(2019, 2, 28), "Meeting": None}


def test_a_date_in_what_a_verb_of_saying_reports_is_not_the_saying_s():
    assert dates_of("Kim stated that Moon had fallen ill on Wednesday.") == {"Statement": None}
    assert dates_of("Kim announced Moon resigned on Wednesday.") == {"Statement": None}
    assert dates_of("Kim announced on Wednesday that Moon had resigned.") == {
        "Statement": date(2019, 2, 27)}


def test_a_when_clause_takes_the_date_before_it():
    found = dates_of("Talks began in June last year, when Kim met Trump in Singapore.")
    assert found["Meeting"] == PartialDate(2018, 6)


def test_a_date_after_a_verb_of_saying_is_the_saying_s():
    assert dates_of("Kim met Moon in Seoul, officials said on Friday.")["Meeting"] is None


def test_since_dates_a_state_but_not_an_ongoing_act():
    found = dates_of("The UN Security Council has tightened sanctions on North Korea since 2016.")
    assert found["SanctionImposed"] is None
    found = dates_of("Since 2016, the UN Security Council has tightened sanctions on Pyongyang.")
    assert found["SanctionImposed"] is None
    found = dates_of("Kim wants the sanctions imposed on North Korea since March 2016 lifted.")
    assert found["SanctionImposed"] == PartialDate(2016, 3)


def test_a_month_after_the_article_s_is_last_year_s_for_a_past_event():
    assert dates_of("Kim visited Seoul in December.", MID_MARCH)["Visit"] == PartialDate(2018, 12)
    assert dates_of("Kim met Moon on December 12.", MID_MARCH)["Meeting"] == date(2018, 12, 12)


@pytest.mark.parametrize("text, tense, expected", [
    ("Kim visited Seoul on Tuesday.", "past", date(2019, 3, 12)),
    ("Kim was due to visit Seoul in December.", None, None),
    ("Kim wanted to visit Seoul in December.", None, None),
    ("Kim is due to visit Seoul in December.", "future", PartialDate(2019, 12)),
    ("A visit is scheduled for next week, on Tuesday.", "future", date(2019, 3, 19)),
    ("Kim will visit Seoul on Tuesday.", "future", date(2019, 3, 19)),
    ("Moon has invited Kim to visit Seoul on Tuesday.", "future", date(2019, 3, 19)),
])
def test_the_tense_of_the_clause_places_its_time_expression(text, tense, expected):
    doc = blank_pipeline()(text)
    context = ArticleContext.build(doc, Article.from_text(text, published=MID_MARCH), [])
    span = doc.spans["kg_dates"][-1]
    assert tense_of(span, context) == tense
    assert day_of(span.label_, span.text, MID_MARCH, tense=tense) == expected


@pytest.mark.parametrize("kind, text, tense, expected", [
    ("month_name", "in December", "past", PartialDate(2018, 12)),
    ("month_name", "in December", None, None),
    ("month_name", "in December", "future", PartialDate(2019, 12)),
    ("month_name", "in February", "past", PartialDate(2019, 2)),
    ("month_name", "in February", "future", PartialDate(2020, 2)),
    ("month_name", "last February", "future", PartialDate(2019, 2)),
    ("date", "on December 12", "past", date(2018, 12, 12)),
    ("date", "on December 12", None, date(2019, 12, 12)),
    ("date", "on February 12", "future", date(2020, 2, 12)),
    ("date", "on December 12, 2019", "past", date(2019, 12, 12)),
    ("date", "on December 12 last year", None, date(2018, 12, 12)),
    ("date", "on 2 May this year", "past", date(2019, 5, 2)),
    ("weekday", "on Tuesday", None, date(2019, 3, 12)),
    ("weekday", "on Tuesday", "future", date(2019, 3, 19)),
    ("weekday", "on Thursday", "future", date(2019, 3, 21)),
])
def test_the_tense_of_an_event_places_a_day_or_month_without_its_year(kind, text, tense,
                                                                       expected):
    assert day_of(kind, text, MID_MARCH, tense=tense) == expected


@pytest.mark.parametrize("text, last_day, expected", [
    ("the next day", date(2019, 5, 9), date(2019, 5, 10)),
    ("on the previous evening", date(2019, 5, 9), date(2019, 5, 8)),
    ("later that day", date(2019, 5, 9), date(2019, 5, 9)),
    ("a week earlier", date(2019, 5, 9), date(2019, 5, 2)),
    ("3 days later", date(2019, 5, 9), date(2019, 5, 12)),
    ("the next day", None, None),
])
def test_days_counted_from_another(text, last_day, expected):
    assert day_of("anchored", text, FRIDAY, last_day=last_day) == expected


@pytest.mark.parametrize("text, expected", [
    ("They met again the following morning.", [("the following morning", "anchored")]),
    ("On the same day, envoys met.", [("On the same day", "anchored")]),
    ("Two days later they left.", [("Two days later", "anchored")]),
    ("They met on March 20 last year.", [("on March 20 last year", "date")]),
    ("It was day-to-day work, that day-to-day grind.", []),
    ("Curbs stay until April 30.", [("until April 30", "bound")]),
    ("Masks are required from June 15.", [("from June 15", "bound")]),
    ("Stores could not run the Wednesday special.", []),
    ("He has carried messages since last year.", [("since last year", "since")]),
])
def test_relative_days_bounds_and_generic_weekdays_are_marked_as_such(text, expected):
    assert marked(text) == expected


@pytest.mark.parametrize("text", ["In Seoul, Moon urged Kim to return to the table.",
                                 "At a news conference in Seoul, Moon urged Kim to return.",
                                 "Moon, speaking in Seoul, urged Kim to return.",
                                 "Speaking in Seoul on Friday, Moon urged Kim to return.",
                                 "During a dinner in Seoul, Moon urged Kim to return."])
def test_a_phrase_that_sets_the_scene_places_the_events_after_it(text):
    assert places_of(text)["Appeal"] == "seoul"


@pytest.mark.parametrize("text", ["In Seoul, Moon said North Korea had fired two missiles.",
                                 "At a dinner hosted in Seoul, Moon urged Kim to return.",
                                 "In the Seoul media's view, Moon urged Kim to return."])
def test_no_scene_for_what_is_reported_or_a_place_inside_another_phrase(text):
    assert set(places_of(text).values()) == {None}


def test_someone_placed_somewhere_acts_there_in_the_rest_of_the_paragraph():
    text = "Moon was in Hanoi for the summit. He urged Kim to return.\n\nMoon urged Trump to wait."
    appeals = {tuple(event.targets): event.place
               for event in extract_text(text, KOREA, FRIDAY).events if event.cls == "Appeal"}
    assert appeals == {("kim",): "hanoi", ("trump",): None}
    assert places_of("Moon was in Hanoi. Trump urged Kim to return.")["Appeal"] is None


def test_an_arrival_places_the_visitor_s_later_acts_in_the_paragraph():
    text = "Trump arrived in Hanoi on Tuesday. He urged Kim to give up more.\n\nTrump met Moon."
    found = places_of(text)
    assert (found["Appeal"], found["Meeting"]) == ("hanoi", None)


def test_a_place_past_an_infinitive_or_another_event_is_not_the_verb_s():
    assert places_of("Kim and Trump agreed to keep meeting to settle the matters left open "
                     "in Hanoi.")["Promise"] is None
    assert places_of("Moon helped arrange the first meeting in Singapore.")["Mediation"] is None
    assert places_of("Kim refused to release the letters kept in Seoul.")["Rejection"] is None


def test_a_place_after_the_verb_s_own_object_or_occasion_stays_the_verb_s():
    assert places_of("Kim and Trump met face to face in Hanoi.")["Meeting"] == "hanoi"
    assert places_of("Kim signed an agreement with Moon in Seoul.")["Agreement"] == "seoul"
    assert places_of("Moon urged Kim at a news conference in Seoul to talk.")["Appeal"] == "seoul"


def test_a_hyphenated_participle_shares_the_place_and_date_of_its_event_noun():
    text = "Moon-mediated talks between Kim and Trump ended in Hanoi on Thursday."
    events = {e.cls: (e.place, e.date) for e in extract_text(text, KOREA, FRIDAY).events}
    assert events["Mediation"] == ("hanoi", date(2019, 2, 28))


def test_a_date_in_a_relative_clause_of_the_object_is_not_the_verb_s():
    assert dates_of("Kim accused Trump of backing the groups that attacked Seoul last "
                    "November.")["Accusation"] is None
    assert dates_of("Kim on Monday accused Trump of backing the groups that attacked "
                    "Seoul.")["Accusation"] == date(2019, 2, 25)


@pytest.mark.parametrize("text, expected", [
    ("Moon offered help after a ship vanished in November.", None),
    ("Moon offered help, the first since a ship vanished in November.", None),
    ("Moon offered help in November.", PartialDate(2018, 11)),
])
def test_a_date_in_a_clause_with_its_own_verb_is_not_the_event_s(text, expected):
    assert dates_of(text)["Offer"] == expected


def test_the_next_sentence_goes_on_with_the_same_actor_s_dated_occasion():
    said = "KCNA said in a statement on Thursday that the talks had failed."
    assert dates_of(f"{said} KCNA accused Trump of bad faith.")["Accusation"] == date(2019, 2, 28)
    assert dates_of(f"{said}\n\nKCNA accused Trump of bad faith.")["Accusation"] is None
    assert dates_of(f"{said} Moon accused Trump of bad faith.")["Accusation"] is None
    met = "Kim and Moon spoke by telephone on Tuesday."
    assert dates_of(f"{met} Moon urged Kim to return to talks.")["Appeal"] == date(2019, 2, 26)


@pytest.mark.parametrize("text", [
    "At a briefing in Seoul on Monday, Moon urged Kim to return to talks.",
    "Moon, in a speech to parliament on Monday, urged Kim to return to talks.",
])
def test_a_phrase_of_occasion_dates_the_verb_after_it(text):
    assert dates_of(text)["Appeal"] == date(2019, 2, 25)


def test_an_act_done_by_deciding_it_is_on_the_day_of_the_decision():
    found = dates_of("The UN Security Council agreed on Monday to lift sanctions on North "
                     "Korea.")
    assert found == {"SanctionLifted": date(2019, 2, 25)}


def test_an_event_right_after_another_is_on_its_day_and_at_its_place():
    assert statement_setting("Kim and Trump met in Hanoi on Thursday. KCNA issued a statement "
                             "after the meeting.") \
        == ("hanoi", date(2019, 2, 28))
    assert statement_setting("Kim and Trump met in Hanoi on Thursday. KCNA issued a statement "
                             "a day after the meeting.") \
        == (None, None)


def test_a_verb_after_and_takes_the_place_written_before_the_and():
    found = places_of("Kim and Moon met in Seoul last month and pledged to end hostilities.")
    assert found["Promise"] == "seoul"
    found = places_of("Kim criticised the policy in Seoul and called for an apology.")
    assert found["Appeal"] is None


def test_a_simple_past_although_clause_shares_its_main_clause_s_day_and_place():
    text = "Kim and Trump met in Hanoi on Thursday, although they agreed to meet again."
    events = {e.cls: (e.place, e.date) for e in extract_text(text, KOREA, FRIDAY).events}
    assert events["Promise"] == ("hanoi", date(2019, 2, 28))
    text = "Kim and Trump met in Hanoi on Thursday, although they had agreed to meet in Seoul."
    events = {e.cls: (e.place, e.date) for e in extract_text(text, KOREA, FRIDAY).events}
    assert events["Promise"] == (None, None)


def test_an_event_noun_days_after_a_dated_event_counts_back_from_its_day():
    text = "Kim toured Yongbyon on Thursday, two days after his summit with Trump."
    events = {e.cls: e.date for e in extract_text(text, KOREA, FRIDAY).events}
    assert events["Summit"] == date(2019, 2, 26)


def test_a_possessive_date_dates_the_noun_it_modifies_not_the_verb_before():
    assert dates_of("KCNA reported Monday's talks between Kim and Trump.") == {
        "Statement": None, "Negotiation": date(2019, 2, 25)}
    assert dates_of("KCNA reported Monday's flood in Hanoi.") == {"Statement": None}


def test_a_place_of_the_verb_s_common_noun_object_or_of_a_participle_is_not_the_verb_s():
    assert places_of("Kim criticised the policy in Seoul.")["Accusation"] is None
    assert places_of("Kim said he wanted to stay in Seoul.")["Promise"] is None
    assert places_of("Kim fired missiles targeting troops in Seoul.")["WeaponsTest"] is None
    assert places_of("Kim signed a policing agreement in Seoul.")["Agreement"] == "seoul"
    assert places_of("Kim and Trump met for a second day in Hanoi.")["Meeting"] == "hanoi"
    assert places_of("KCNA reported Typhoon Lingling in Seoul.")["Statement"] is None


def test_an_event_after_an_opening_after_the_meeting_phrase_is_on_its_day():
    assert statement_setting("Kim and Trump met in Hanoi on Thursday. After the meeting, KCNA "
                             "issued a statement.") \
        == ("hanoi", date(2019, 2, 28))


def test_a_joint_act_is_held_at_the_meeting_before_it():
    assert statement_setting("Kim held talks with Moon in Seoul on Thursday. Moon told a "
                             "joint news conference that the talks went well.") \
        == ("seoul", date(2019, 2, 28))
    assert statement_setting("Kim held talks with Moon in Seoul on Thursday. Kim fired a "
                             "missile on Friday. Moon told a joint news conference that the "
                             "talks went well.") == (None, None)
