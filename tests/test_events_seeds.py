"""The issue's "Done when" list on the two seed articles, read from ../shared/seeds.

Each article is run through the real pipeline (ingest, blank spaCy pipeline with the
project's components, entities, events); every expected event must be found in BOTH
articles with the same class, actors, date and place, so that resolution can give it one
node. Events are compared by the labels of their actors.
"""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.ingest import IngestOptions, Report, read_articles
from kg.model import Event, Extraction, PartialDate
from kg.resolve import ResolutionIndex, resolve

pytestmark = pytest.mark.slow

# (class, agents, other actors, date, place, topic) by entity label; None: not checked
EXPECTED_IN_BOTH = [
    ("Summit", set(), {"Kim Jong-un", "Donald Trump"}, date(2019, 2, 28), "Hanoi", None),
    ("Promise", {"North Korea"}, {"United States"}, date(2019, 3, 1), None, None),
    ("Demand", {"North Korea"}, {"United States"}, None, None, "sanction"),
    ("Offer", {"North Korea"}, {"United States"}, None, None, "Yongbyon"),
    ("Statement", {"KCNA"}, set(), date(2019, 3, 1), None, None),
    ("Appeal", {"Donald Trump"}, {"Kim Jong-un"}, None, None, None),
    ("Mediation", {"Moon Jae-in"}, {"United States", "North Korea"}, None, None, None),
    ("SanctionImposed", {"UN Security Council"}, {"North Korea"}, PartialDate(2016, 3), None,
     None),
    ("Summit", set(), {"Kim Jong-un", "Donald Trump"}, None, "Singapore", None),
    ("Promise", {"Kim Jong-un"}, set(), None, "Singapore", "Korean Peninsula"),
]
QUOTES_IN_BOTH = [("Donald Trump", "Sometimes you have to walk"),
                  ("Donald Trump", "much rather do it right"),
                  ("Donald Trump", "a warmth that we have"),
                  ("senior US official", "basically all the sanctions")]
QUOTES_IN_003 = [("Chris Green", "a disaster"), ("Kathleen Stephens", "working-level talks"),
                 ("Joel Wit", "heavily invested"), ("Jenny Town", "heavily invested")]


@pytest.fixture(scope="module")
def extractions(seed_paths, nlp) -> dict[str, Extraction]:
    found = {}
    for number, path in seed_paths.items():
        article = next(iter(read_articles([path], IngestOptions(), Report())))
        found[number] = extract(nlp(article.text), article)
    return found


def names(extraction: Extraction, local_id: str | None) -> set[str]:
    """Every name of an entity (label and aliases), or {"sanction"} for a sanction."""
    if local_id is None:
        return set()
    if any(s.local_id == local_id for s in extraction.sanctions):
        return {"sanction"}
    entity = extraction.entity(local_id)
    return {entity.label} | entity.aliases


def named(extraction: Extraction, local_ids, expected: set[str]) -> bool:
    """Whether the entities are exactly the expected ones, each known by one of its names."""
    found = [names(extraction, local_id) for local_id in local_ids]
    return len(found) == len(expected) and all(
        any(name in entity_names for entity_names in found) for name in expected)


def matches(extraction: Extraction, expected: tuple) -> bool:
    return matching_event(extraction, expected) is not None


def matching_event(extraction: Extraction, expected: tuple) -> Event | None:
    cls, agents, others, day, place, topic = expected
    for event in extraction.events:
        actors_ok = named(extraction, event.actors, agents | others) if agents | others \
            else True
        if (event.cls == cls and actors_ok and named(extraction, event.agents, agents)
                | (not agents and not event.agents)
                and event.date == day
                and (place is None or place in names(extraction, event.place))
                and (topic is None or any(topic in name for t in event.topics
                                          for name in names(extraction, t)))
                and event.asserted_by is None and not event.negated):
            return event
    return None


def describe(extraction: Extraction, cls: str) -> list:
    return [(e.cls, [sorted(names(extraction, a))[0] for a in e.actors], e.date,
             names(extraction, e.place)) for e in extraction.events if e.cls == cls]


@pytest.mark.parametrize("expected", EXPECTED_IN_BOTH, ids=lambda e: f"{e[0]}-{e[4] or ''}")
def test_done_when_events_in_both_seeds(extractions, expected):
    for number, extraction in extractions.items():
        assert matches(extraction, expected), (number, describe(extraction, expected[0]))


def test_done_when_events_are_one_node_for_both_seeds(extractions):
    """Resolved in article order against one index, each event gets one key."""
    with ResolutionIndex(None) as index:
        for extraction in extractions.values():
            index.record(resolve(extraction, index))
    for expected in EXPECTED_IN_BOTH:
        keys = {matching_event(extraction, expected).key
                for extraction in extractions.values()}
        assert len(keys) == 1 and None not in keys, (expected, keys)


def test_an_accusation_by_each_side(extractions):
    for extraction in extractions.values():
        accusers = [e.agents[0] for e in extraction.events if e.cls == "Accusation" and e.agents]
        assert len(set(accusers)) == 2


def test_contradicting_claims_about_the_demand(extractions):
    for extraction in extractions.values():
        contradicting = [c for c in extraction.claims if c.contradicts]
        assert len(contradicting) == 2
        claimed = {c.event for c in contradicting}
        assert {e.cls for e in extraction.events if e.local_id in claimed} == {"Demand"}


def test_sanction_as_a_thing(extractions):
    for extraction in extractions.values():
        [sanction] = extraction.sanctions
        assert named(extraction, sanction.imposed_by, {"UN Security Council"})
        assert named(extraction, sanction.targets, {"North Korea"})
        assert sanction.since == "2016-03"
        assert {"coal", "iron ore", "seafood", "textiles"} <= set(sanction.sectors)


def speaker_of(extraction: Extraction, words: str) -> set[str]:
    return {name for q in extraction.quotes if words in q.text
            for name in names(extraction, q.speaker)}


@pytest.mark.parametrize("speaker, words", QUOTES_IN_BOTH)
def test_quotes_in_both(extractions, speaker, words):
    for extraction in extractions.values():
        assert speaker in speaker_of(extraction, words)


@pytest.mark.parametrize("speaker, words", QUOTES_IN_003)
def test_quotes_in_003(extractions, speaker, words):
    assert speaker in speaker_of(extractions["003"], words)


def test_works_for(extractions):
    extraction = extractions["003"]
    assert any(named(extraction, [r.subject], {"Chris Green"}) and r.predicate == "worksFor"
               and named(extraction, [r.object], {"International Crisis Group"})
               for r in extraction.relations)
