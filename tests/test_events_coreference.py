"""Which mentions of an article are one event (kg/extract/coreference.py), on short texts
written for these tests with their entities set by hand."""
from __future__ import annotations

from datetime import date

from events_support import KOREA, extract_text

FRIDAY = date(2019, 3, 1)


def events_of(text: str, cls: str) -> list:
    return [e for e in extract_text(text, KOREA, FRIDAY).events if e.cls == cls]


def test_two_verbs_of_saying_far_apart_are_two_statements():
    text = ("KCNA reported that the talks had been useful.\n\nKim later toured a factory."
            "\n\nKCNA reported that the factory had met its targets.")
    assert len(events_of(text, "Statement")) == 2


def test_two_verbs_of_saying_on_one_named_day_are_one_statement():
    text = ("KCNA reported on Thursday that the talks had been useful. KCNA also reported on "
            "Thursday that Kim would return home.")
    [statement] = events_of(text, "Statement")
    assert statement.date == date(2019, 2, 28) and len(statement.mentions) == 2


def test_a_report_told_without_its_reporter_takes_no_one_else_s_name():
    text = ("It was reported that the talks had failed.\n\n"
            "KCNA reported on Friday that Kim had left Hanoi.")
    [statement] = events_of(text, "Statement")
    assert statement.agents == ["kcna"] and len(statement.mentions) == 1
    assert statement.mentions[0].start == text.index("reported on Friday")


def test_an_act_no_one_is_named_doing_is_no_event_even_with_a_place():
    assert events_of("Crimes reported in Seoul have risen.", "Statement") == []
    assert events_of("At times there were threats in Seoul.", "Threat") == []
    # an agreement is no act someone tells: with a place and no actor it is still an event
    [failed] = events_of("The failure to reach a deal in Hanoi surprised few.", "Agreement")
    assert failed.place == "hanoi" and failed.negated
