"""The dateline places the news of an article's first sentence (kg/extract/setting.py
``dateline_places``, kg/resolve/dateline.py), on short texts written for these tests."""
from __future__ import annotations

from datetime import date

from events_support import blank_pipeline, entities_in
from kg.extract import extract_with_entities
from kg.lexicon import load_lexicon
from kg.model import Article, Event, Extraction
from kg.resolve.dateline import resolve_dateline
from kg.resolve.index import ResolutionIndex

FRIDAY = date(2019, 3, 1)
NAMES = {"European Union": ("eu", "Organization"), "Iran": ("iran", "Country"),
         "North Korea": ("north-korea", "Country"), "Shinzo Abe": ("abe", "Person"),
         "Hassan Rouhani": ("rouhani", "Person"), "United States": ("united-states", "Country")}


def extract_datelined(text: str, dateline: str) -> Extraction:
    """The extraction of a text filed from ``dateline``, its entities those of ``NAMES``
    with the lexicon entries of their local ids (Iran also known as Tehran)."""
    entities = entities_in(text, NAMES)
    for entity in entities:
        entity.lexicon_id = entity.local_id
        entity.aliases |= {"Tehran"} if entity.local_id == "iran" else set()
    article = Article.from_text(text, published=FRIDAY, dateline=dateline)
    return extract_with_entities(blank_pipeline()(text), article, entities)


def event_of(extraction: Extraction, cls: str) -> Event:
    """The extraction's one event of that class."""
    return next(event for event in extraction.events if event.cls == cls)


def place_label(extraction: Extraction, event: Event) -> str | None:
    """The label of the event's place."""
    return extraction.entity(event.place).label if event.place else None


def test_the_dateline_places_the_news_of_the_first_sentence():
    extraction = extract_datelined("The European Union imposed sanctions on Iran on Thursday. "
                                   "Iran rejected the sanctions on Friday.", "Brussels")
    assert place_label(extraction, event_of(extraction, "SanctionImposed")) == "Brussels"
    assert event_of(extraction, "Rejection").place is None


def test_the_dateline_places_no_undated_or_old_event():
    extraction = extract_datelined("The European Union imposed sanctions on Iran in 2017.",
                                   "Brussels")
    assert event_of(extraction, "SanctionImposed").place is None


def test_a_state_acting_alone_acts_from_home_not_from_the_dateline():
    extraction = extract_datelined("North Korea on Friday promised the United States more "
                                   "talks.", "Hanoi")
    assert event_of(extraction, "Promise").place is None


def test_a_capital_in_the_dateline_is_the_city_not_the_state_it_stands_for():
    text = "Shinzo Abe held talks with Hassan Rouhani on Wednesday about Iran."
    extraction = extract_datelined(text, "Tehran")
    talks = next(event for event in extraction.events if event.place)
    assert place_label(extraction, talks) == "Tehran"
    resolved = resolve_dateline(extraction, load_lexicon(()), ResolutionIndex(None))
    assert resolved.dateline == talks.place
