"""Where and when, on short texts written for these tests: the -ing form after a comma tells
what the subject of the clause before did on that occasion (kg/extract/setting.py)."""
from __future__ import annotations

from datetime import date

from events_support import KOREA, extract_text
from test_events_setting import FRIDAY, dates_of


def test_a_participle_after_a_dated_verb_shares_its_day_and_place():
    events = extract_text("Washington imposed sanctions on Pyongyang in Hanoi on Wednesday, "
                          "accusing Kim of arming militias.", KOREA, FRIDAY).events
    accusation = next(event for event in events if event.cls == "Accusation")
    assert (accusation.date, accusation.place) == (date(2019, 2, 27), "hanoi")


def test_a_participle_after_a_clause_dated_with_no_event_takes_its_day():
    assert dates_of("Washington brought the case in December, accusing Pyongyang of "
                    "breaking its word.")["Accusation"].isoformat() == "2018-12"


def test_a_participle_after_a_verb_of_saying_takes_no_day_of_its_own():
    assert dates_of("Officials said on Monday that Moon had met Trump, accusing Kim of "
                    "stalling.")["Accusation"] is None


def test_a_participle_after_a_clause_to_come_is_not_dated():
    assert dates_of("Washington is expected to bring the case on Monday, accusing Pyongyang of "
                    "breaking its word.")["Accusation"] is None
