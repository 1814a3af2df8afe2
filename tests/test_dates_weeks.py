"""Weeks the text names ("last week", "earlier this week", "last weekend"): a range of days,
written as ekg:earliestDate / ekg:latestDate, scored against gold START/END spans, and
agreeing with any day or month that holds it or that it holds."""
from __future__ import annotations

from datetime import date

from io import BytesIO

import pytest
from rdflib import Dataset

from events_support import extract_text
from kg.eval.gold import DateSpan
from kg.eval.match import date_agrees
from kg.extract.dates import day_of
from kg.model import DateRange, PartialDate, dates_agree, date_from_iso
from kg.resolve.events import resolve_events
from kg.resolve.index import ResolutionIndex, narrowest
from kg.store import KnowledgeGraph
from kg.validate import union_graph, validate_graph

from store_support import article_a, article_b, summit_event

WEDNESDAY = date(2024, 8, 14)
ACTORS = {"Ruritania": ("rur", "Country"), "Freedonia": ("fre", "Country")}


@pytest.mark.parametrize("text, tense, expected", [
    ("last week", None, "2024-08-05/2024-08-13"),
    ("late last week", "past", "2024-08-05/2024-08-13"),
    ("earlier this week", None, "2024-08-12/2024-08-13"),
    ("this week", "past", "2024-08-12/2024-08-14"),
    ("this week", None, None),  # told neither as past nor as to come: not guessed
    ("this week", "future", "2024-08-14/2024-08-18"),
    ("later this week", None, "2024-08-15/2024-08-18"),
    ("next week", None, "2024-08-19/2024-08-25"),
    ("last weekend", None, "2024-08-10/2024-08-11"),
])
def test_weeks_resolve_to_the_days_they_may_stand_for(text, tense, expected):
    found = day_of("period", text, WEDNESDAY, tense=tense)
    assert (found.isoformat() if found else None) == expected


def test_a_week_needs_the_article_date_and_a_monday_has_no_earlier_this_week():
    assert day_of("period", "last week", None) is None
    assert day_of("period", "earlier this week", date(2024, 8, 12)) is None


def test_a_range_of_one_day_is_that_day():
    assert day_of("period", "earlier this week", date(2024, 8, 13)) == date(2024, 8, 12)
    assert type(day_of("period", "this week", date(2024, 8, 12), tense="past")) is date


def test_inexact_dates_take_no_arithmetic():
    from datetime import timedelta
    week = DateRange(date(2024, 8, 5), date(2024, 8, 13))
    with pytest.raises(TypeError):
        week + timedelta(days=1)
    with pytest.raises(TypeError):
        week.replace(day=6)


def test_a_range_round_trips_through_its_iso_form_and_pickling():
    import pickle
    span = DateRange(date(2024, 8, 5), date(2024, 8, 13))
    assert date_from_iso(span.isoformat()) == span
    assert pickle.loads(pickle.dumps(span)) == span
    with pytest.raises(ValueError):
        DateRange(date(2024, 8, 13), date(2024, 8, 5))
    with pytest.raises(ValueError):
        DateRange(date(2024, 8, 5), date(2024, 8, 5))


@pytest.mark.parametrize("first, second, agree", [
    (date(2024, 8, 7), "2024-08-05/2024-08-13", True),
    (date(2024, 8, 14), "2024-08-05/2024-08-13", False),
    (PartialDate(2024, 8), "2024-08-05/2024-08-13", True),
    (PartialDate(2024, 7), "2024-08-05/2024-08-13", False),
    (date(2024, 8, 7), "2024-08", True),
    (date(2024, 8, 7), "2024-08-08", False),
])
def test_dates_agree_when_one_holds_the_other(first, second, agree):
    assert dates_agree(first, date_from_iso(second)) is agree
    assert dates_agree(date_from_iso(second), first) is agree


def test_an_event_of_last_week_gets_the_range_and_a_day_in_it_narrows_it():
    text = ("Ruritania met Freedonia last week to discuss the border. "
            "Ruritania met Freedonia on Monday to discuss the border.")
    [meeting] = [e for e in extract_text(text, ACTORS, published=WEDNESDAY).events
                 if e.cls == "Meeting"]
    assert meeting.date == date(2024, 8, 12) and len(meeting.mentions) == 2
    [alone] = extract_text(text.split(". ")[0] + ".", ACTORS, published=WEDNESDAY).events
    assert alone.date == DateRange(date(2024, 8, 5), date(2024, 8, 13))


def test_a_range_is_written_as_earliest_and_latest_date_and_validates():
    extraction = article_a()
    extraction.events = [summit_event(day=DateRange(date(2019, 2, 18), date(2019, 3, 1)))]
    graph = KnowledgeGraph.open(None)
    graph.add_extraction(extraction)
    rows = graph.select("SELECT ?first ?last WHERE { ?event ekg:earliestDate ?first ; "
                        "ekg:latestDate ?last }")
    assert rows == [{"first": "2019-02-18", "last": "2019-03-01"}]
    exported = BytesIO()
    graph.export(exported, "nquads")
    dataset = Dataset().parse(data=exported.getvalue().decode(), format="nquads")
    assert not [v for v in validate_graph(union_graph(dataset.quads())) if "date" in v.message]


def test_the_eval_reads_a_range_as_a_span_inside_the_gold_one():
    assert date_agrees(DateSpan.parse("2019-02-18/2019-03-01"), ["2019-02-18/2019-03-01"])
    assert not date_agrees(DateSpan.parse("2019-02-21/2019-02-27"), ["2019-02-18/2019-03-01"])
    assert not date_agrees(DateSpan.parse("2019-02-28"), ["2019-02-18/2019-03-01"])


def test_a_day_another_article_gives_joins_the_event_of_last_week():
    week = DateRange(date(2019, 2, 25), date(2019, 3, 1))
    with ResolutionIndex(None) as index:
        first = article_a()
        first.events = [summit_event(day=week, key=None)]
        index.record(resolve_events(first, index))
        second = resolve_events(article_b(summit_event(day=date(2019, 2, 28), key=None)), index)
        assert second.events[0].key == first.events[0].key
        index.record(second)
        [stored] = index.find_events("Summit", ["entity/donald-trump"])
        assert stored.date == date(2019, 2, 28)  # the narrowest of the dates given
        other = resolve_events(article_b(summit_event(day=date(2019, 3, 6), key=None)), index)
        assert other.events[0].key != first.events[0].key


@pytest.mark.parametrize("given, stored", [
    (["2019-02", "2019-01-28/2019-02-03"], "2019-02-01/2019-02-03"),  # the days they share
    (["2019", "2019-02", "2019-02-18/2019-02-24"], "2019-02-18/2019-02-24"),
    (["2019-02-20", "2019-02-18/2019-02-24"], "2019-02-20"),
    (["2019-02-20", "2019-03"], "2019-02-20"),  # they disagree: the most precise
    (["2019-02-01/2019-02-28", "2019-02"], "2019-02-01/2019-02-28"),
])
def test_the_index_keeps_what_all_the_dates_of_an_event_say(given, stored):
    assert narrowest(map(date_from_iso, given)).isoformat() == stored
