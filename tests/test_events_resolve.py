"""Event keys and cross-article event coreference (kg/resolve/events.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.model import Article, Claim, Entity, Event, Extraction, Sanction
from kg.resolve.events import event_key, resolve_events

KEYS = {"kim": "entity/kim-jong-un", "trump": "entity/donald-trump", "hanoi": "entity/hanoi"}


@dataclass
class Stored:
    key: str
    cls: str
    actors: list[str]
    date: date | None
    place: str | None


class FakeIndex:
    """The find_events part of a ResolutionIndex, over a list of stored events."""

    def __init__(self, stored: list[Stored] = ()) -> None:
        self.stored = list(stored)

    def find_events(self, cls, actor_keys):
        return [s for s in self.stored if s.cls == cls and set(s.actors) & set(actor_keys)]


def extraction(text: str, *events: Event) -> Extraction:
    entities = [Entity(local_id=local_id, label=local_id, cls="Person", key=key)
                for local_id, key in KEYS.items()]
    return Extraction(article=Article.from_text(text), entities=entities, events=list(events))


def summit(local_id="e1", day=date(2019, 2, 28), **changes) -> Event:
    fields = dict(local_id=local_id, cls="Summit", trigger="summit", actors=["kim", "trump"],
                  place="hanoi", date=day)
    return Event(**{**fields, **changes})


def test_same_event_in_two_articles_gets_one_key_in_either_order():
    first = resolve_events(extraction("one", summit()), FakeIndex()).events[0].key
    second = resolve_events(extraction("two", summit(actors=["trump", "kim"])),
                            FakeIndex()).events[0].key
    assert first == second and first.startswith("event/summit/")


def test_different_date_or_negation_or_claimant_is_another_event():
    base = event_key(summit(), KEYS, "a")
    assert event_key(summit(day=date(2018, 6, 12)), KEYS, "a") != base
    assert event_key(summit(negated=True), KEYS, "a") != base
    assert event_key(summit(asserted_by="trump"), KEYS, "a") != base


def test_agent_and_target_are_not_interchangeable():
    one = Event(local_id="a", cls="Accusation", trigger="blame", agents=["kim"],
                targets=["trump"], actors=["kim", "trump"])
    other = Event(local_id="b", cls="Accusation", trigger="blame", agents=["trump"],
                  targets=["kim"], actors=["kim", "trump"])
    assert event_key(one, KEYS, "x") != event_key(other, KEYS, "x")


def test_event_without_actors_stays_in_its_article():
    lonely = Event(local_id="a", cls="Agreement", trigger="deal", place="hanoi", negated=True)
    assert event_key(lonely, KEYS, "x") != event_key(lonely, KEYS, "y")


def test_undated_report_takes_the_key_of_a_stored_dated_event():
    index = FakeIndex([Stored("event/summit/abc", "Summit",
                              ["entity/donald-trump", "entity/kim-jong-un"],
                              date(2019, 2, 28), "entity/hanoi")])
    resolved = resolve_events(extraction("later", summit(day=None)), index)
    assert resolved.events[0].key == "event/summit/abc"
    elsewhere = resolve_events(extraction("other", summit(day=None, place=None,
                                                          actors=["kim"])), index)
    assert elsewhere.events[0].key == "event/summit/abc"
    conflicting = resolve_events(extraction("x", summit(day=date(2018, 6, 12))), index)
    assert conflicting.events[0].key != "event/summit/abc"


def test_two_events_of_one_article_with_one_key_merge_and_claims_follow():
    claim = Claim(local_id="c", claimant="trump", event="e2")
    result = extraction("t", summit("e1"), summit("e2"))
    result.claims.append(claim)
    resolve_events(result, FakeIndex())
    assert [e.local_id for e in result.events] == ["e1"] and claim.event == "e1"


def test_sanction_key_depends_on_content():
    sanctions = [Sanction(local_id=f"s{n}", imposed_by=["kim"], targets=["trump"],
                          since="2016-03") for n in range(2)]
    result = extraction("s")
    result.sanctions = sanctions
    resolve_events(result, FakeIndex())
    assert sanctions[0].key == sanctions[1].key and sanctions[0].key.startswith("sanction/")


def test_ambiguous_stored_events_lend_no_key():
    index = FakeIndex([Stored(f"event/summit/{n}", "Summit",
                              ["entity/donald-trump", "entity/kim-jong-un"], None, None)
                       for n in ("a", "b")])
    resolved = resolve_events(extraction("later", summit(day=None)), index)
    assert resolved.events[0].key not in ("event/summit/a", "event/summit/b")


def test_with_the_real_index():
    from kg.resolve.index import ResolutionIndex

    with ResolutionIndex(None) as index:
        first = resolve_events(extraction("one", summit()), index)
        index.record(first)
        second = resolve_events(extraction("two", summit(day=None)), index)
        assert second.events[0].key == first.events[0].key
