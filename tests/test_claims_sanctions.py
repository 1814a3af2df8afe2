"""Claims that contradict each other, and sanctions as things (texts written for the tests)."""
from __future__ import annotations

from datetime import date

from events_support import KOREA, extract_text

SIDES = {**KOREA, "Ri": ("ri", "Person")}


def test_contradicting_claims_are_linked_and_neither_is_fact():
    text = ("Trump said Pyongyang wanted all sanctions lifted. "
            "However, Ri said the North had only wanted some of the measures eased.")
    extraction = extract_text(text, SIDES)
    demands = [e for e in extraction.events if e.cls == "Demand"]
    assert sorted(e.asserted_by for e in demands) == ["ri", "trump"]
    claims = {c.claimant: c for c in extraction.claims}
    assert claims["ri"].contradicts == [claims["trump"].local_id]
    assert claims["trump"].contradicts == [claims["ri"].local_id]


def test_agreeing_claims_do_not_contradict():
    text = "Trump said Pyongyang wanted all sanctions lifted. Moon said Pyongyang wanted a deal."
    extraction = extract_text(text, SIDES)
    assert all(not claim.contradicts for claim in extraction.claims)


def test_a_verb_of_saying_reports_nothing_past_but_or_its_closed_relative_clause():
    text = "Officials said two people were hurt, but KCNA reported that Kim had met Moon."
    assert {e.cls: e.asserted_by for e in extract_text(text, KOREA).events}["Statement"] is None
    text = "At the rally, which KCNA described as tense, Kim refused to meet Moon."
    assert [e.asserted_by for e in extract_text(text, KOREA).events] == [None]
    text = "Trump said North Korea wanted all sanctions lifted."
    assert [e.asserted_by for e in extract_text(text, KOREA).events] == ["trump"]


def test_sanction_as_a_thing():
    text = ("The UN Security Council sanctions imposed on Pyongyang since March 2016 hit coal "
            "and iron ore exports, seafood and textiles. North Korea demanded the lifting of "
            "the sanctions.")
    extraction = extract_text(text, KOREA, date(2019, 3, 2))
    assert len(extraction.sanctions) == 1
    sanction = extraction.sanctions[0]
    assert sanction.imposed_by == ["unsc"] and sanction.targets == ["nk"]
    assert sanction.since == "2016-03"
    assert sanction.sectors == ["coal", "iron ore", "seafood", "textiles"]
    demand = next(e for e in extraction.events if e.cls == "Demand")
    assert demand.topics == [sanction.local_id]


def test_a_sanction_named_as_the_object_of_imposing_has_its_imposer():
    extraction = extract_text("Washington imposed new sanctions on Pyongyang.", KOREA)
    assert [(s.imposed_by, s.targets) for s in extraction.sanctions] == [(["us"], ["nk"])]


def test_who_is_under_sanctions_is_their_target_not_their_imposer():
    extraction = extract_text("North Korea is still under US sanctions.", KOREA)
    assert [(s.imposed_by, s.targets) for s in extraction.sanctions] == [(["us"], ["nk"])]


def test_measures_alone_are_no_sanction():
    extraction = extract_text("The measures on coal worried Kim.", KOREA)
    assert extraction.sanctions == []


def test_relations_beside_events():
    names = {**KOREA, "North Korea": ("nk", "Country"), "Jane Roe": ("roe", "Person"),
             "Joe Doe": ("doe", "Person"), "Acme Institute": ("acme", "Organization")}
    text = ("Chris Green of the International Crisis Group spoke. Jane Roe and Joe Doe of "
            "the Acme Institute wrote. Inspectors saw Yongbyon in North Korea.")
    extraction = extract_text(text, names)
    facts = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    assert facts == {("green", "worksFor", "icg"), ("roe", "worksFor", "acme"),
                     ("doe", "worksFor", "acme"), ("yongbyon", "locatedIn", "nk")}
