"""Sanctions as things on text the seeds do not have: when they hold from, which sectors they
cover, which measures are only talked of, and who holds them (texts written for the tests)."""
from __future__ import annotations

from datetime import date

import pytest

from events_support import blank_pipeline, entities_in, extract_text
from kg.extract import extract_with_entities
from kg.model import Article

STATES = {"Arden": ("arden", "Country"), "Velmora": ("velmora", "Country"),
          "Velmoran": ("velmora", "Country"), "Brisca": ("brisca", "Country"),
          "Tolan": ("tolan", "Country"), "Cobalt Freight": ("cobalt", "Organization")}
WEDNESDAY = date(2024, 5, 8)


def measures(text: str) -> list[tuple[list[str], list[str], list[str], str | None]]:
    """(imposers, targets, sectors, since) of every sanction of the text."""
    extraction = extract_text(text, STATES, WEDNESDAY)
    return [(s.imposed_by, s.targets, s.sectors, s.since) for s in extraction.sanctions]


@pytest.mark.parametrize("text, since", [
    ("Arden on Tuesday imposed sanctions on Velmora.", "2024-05-07"),
    ("Arden last month imposed sanctions on Velmora.", "2024-04"),
    ("Arden imposed sanctions on Velmora in 2021.", "2021"),
    ("Arden imposed sanctions on Velmora last week.", None),  # some day of a week: no start
    ("Arden has imposed sanctions on Velmora since March 2016.", "2016-03"),
    # a verb of imposing after the noun says when it began
    ("Arden keeps sanctions on Velmora, first imposed in 2014.", "2014"),
    ("Arden keeps sanctions on Velmora that it first imposed in 2014.", "2014"),
    ("Arden keeps sanctions on Velmora, applied from June 2020.", "2020-06"),
])
def test_a_measure_holds_from_the_day_it_was_imposed(text, since):
    assert [m[3] for m in measures(text)] == [since]


def test_a_measure_told_twice_holds_from_its_earliest_start():
    text = ("Arden on Tuesday imposed new sanctions on Velmoran firms. The listings add to "
            "sanctions Arden first imposed on Velmora in October 2022.")
    assert measures(text) == [(["arden"], ["velmora"], [], "2022-10")]


@pytest.mark.parametrize("text", [
    "The envoy warned that Arden could impose sanctions on Velmora.",
    "Brisca blocked earlier attempts to impose sanctions on Velmora.",
    "Arden did not impose sanctions on Velmora.",
    "Arden promised a proposal for new sanctions on Velmora.",
    # "any" names no particular measure
    "Tolan threatened to veto any Arden sanctions against Velmora.",
    "Tolan said it would block any sanctions on Velmora.",
    # a bare "sanction" after a modal or "not" is a verb not done
    "Arden could sanction Cobalt Freight.",
    "Arden did not sanction Cobalt Freight.",
])
def test_a_measure_only_talked_of_is_no_sanction(text):
    assert measures(text) == []


def test_a_demand_for_a_measure_told_of_takes_it_as_topic():
    text = ("Arden on Tuesday imposed sanctions on Velmora. Brisca had asked for sanctions on "
            "Velmora in March.")
    extraction = extract_text(text, STATES, WEDNESDAY)
    assert len(extraction.sanctions) == 1
    assert extraction.sanctions[0].since == "2024-05-07"


@pytest.mark.parametrize("text, sectors", [
    ("Arden imposed sanctions on Velmora, banning its exports of coal, iron and textiles.",
     ["coal", "iron", "textiles"]),
    ("Arden imposed sanctions on Velmora's potash, petroleum products and tobacco industries.",
     ["potash", "petroleum products", "tobacco"]),
    ("Arden keeps sanctions on Velmora's oil and petrochemical sectors.",
     ["oil", "petrochemicals"]),
    ("Arden keeps sanctions on Velmoran banks.", ["banking"]),
    ("Arden imposed financial sanctions on Velmora.", ["finance"]),
    # what a later sentence says the measure covers
    ("Arden imposed sanctions on Velmora. The measures cover coal and timber.",
     ["coal", "timber"]),
    # sector words that describe something else are not what the measure covers
    ("Arden imposed sanctions on Cobalt Freight, which runs tankers carrying Velmoran crude.",
     []),
    ("Arden imposed sanctions on Velmora's state gold mining company.", []),
])
def test_the_sectors_a_measure_covers(text, sectors):
    assert [m[2] for m in measures(text)] == [sectors]


def test_who_eases_a_measure_is_who_imposed_it():
    assert measures("Arden eased oil sanctions on Velmora.") == [
        (["arden"], ["velmora"], ["oil"], None)]


def test_a_second_party_s_own_measure_is_on_the_same_target():
    text = "Arden imposed sanctions on Velmora. Brisca has kept most of its own sanctions in place."
    assert [m[:2] for m in measures(text)] == [(["arden"], ["velmora"]), (["brisca"], ["velmora"])]


def test_the_words_after_a_measure_end_at_the_next_verb():
    text = ("Arden imposed sanctions on Velmora. The measures were a response to its war "
            "against Tolan.")
    assert [m[:2] for m in measures(text)] == [(["arden"], ["velmora"])]


def test_whoever_is_added_to_a_sanctions_list_is_its_target():
    assert [m[:2] for m in measures("Arden added Cobalt Freight to its sanctions list.")] == [
        (["arden"], ["cobalt"])]


def test_a_relative_clause_names_who_holds_a_measure():
    text = ("Arden imposed sanctions on Velmora. The measures widen restrictions that Brisca "
            "has applied since 2022.")
    assert (["brisca"], [], [], "2022") in measures(text)


def test_who_was_placed_under_a_measure_is_its_target():
    text = "Lena Varga, who was placed under Arden sanctions in May, stayed silent."
    names = {**STATES, "Lena Varga": ("varga", "Person")}
    extraction = extract_text(text, names, WEDNESDAY)
    assert [(s.imposed_by, s.targets) for s in extraction.sanctions] == [(["arden"], ["varga"])]


def test_a_word_of_saying_in_a_compound_ends_no_clause():
    text = "Arden imposed sanctions on Velmora's state-run freight firm Cobalt Freight."
    assert sorted(measures(text)[0][1]) == ["cobalt", "velmora"]


def test_sector_words_of_a_relative_clause_about_something_else_are_not_covered():
    text = ("Arden keeps sanctions on Velmora. Brisca asked that the sanctions be extended to "
            "the navy's pension fund, which owns most of the country's coal trade.")
    assert [m[2] for m in measures(text)] == [[]]


@pytest.mark.parametrize("text, target", [
    ("Talks with Velmora stalled. The new measures widen sanctions on the country's oil "
     "sector that Arden has applied since 2021.", "velmora"),
    ("Cobalt Freight denied the charge. Arden imposed sanctions on its managers.", "cobalt"),
])
def test_a_target_left_to_the_reader_is_the_one_named_before(text, target):
    assert [m[1] for m in measures(text)] == [[target]]


def test_it_as_the_imposer_is_the_body_named_before_it_in_its_sentence():
    text = "Tolan accused Brisca of bad faith when it imposed sanctions on Velmora."
    assert [m[:2] for m in measures(text)] == [(["brisca"], ["velmora"])]


@pytest.mark.parametrize("text, targets", [
    ("Sanctions imposed by Arden since 2019 have crippled Velmora's ports.", [["velmora"]]),
    # a measure that only angers someone does not act on them
    ("Sanctions imposed by Arden since 2019 have angered Velmora.", [[]]),
])
def test_a_measure_as_subject_acts_on_the_object_of_a_verb_of_striking(text, targets):
    assert [m[1] for m in measures(text)] == targets


def test_a_target_named_after_its_description_is_found():
    text = "Arden recalled the sanctions imposed on the state freight company Cobalt Freight."
    assert [m[1] for m in measures(text)] == [["cobalt"]]


def test_a_body_of_the_imposing_state_tells_of_the_same_measure():
    text = ("The United States imposed sanctions on Velmora on Tuesday. The US Treasury said "
            "the measures froze the assets of its banks.")
    names = {**STATES, "United States": ("us", "Country"), "US Treasury": ("treasury",
                                                                         "GovernmentBody")}
    entities = entities_in(text, names)
    for entity in entities:
        entity.lexicon_id = {"us": "united-states", "treasury": "us-treasury"}.get(
            entity.local_id)
    extraction = extract_with_entities(blank_pipeline()(text),
                                       Article.from_text(text, published=WEDNESDAY), entities)
    assert [(s.imposed_by, s.targets) for s in extraction.sanctions] == [(["us"], ["velmora"])]


def test_targets_a_measure_only_counts_are_those_named_soon_after():
    text = ("Arden imposed sanctions on two senior officers. It named them as Lena Varga, "
            "a colonel, and Ivo Brand.")
    names = {**STATES, "Lena Varga": ("varga", "Person"), "Ivo Brand": ("brand", "Person")}
    extraction = extract_text(text, names, WEDNESDAY)
    assert [(s.imposed_by, s.targets) for s in extraction.sanctions] == [
        (["arden"], ["varga", "brand"])]


def test_a_measure_someone_was_placed_under_holds_from_the_date_after_it():
    text = "Lena Varga, who was placed under Arden sanctions in December, stayed silent."
    names = {**STATES, "Lena Varga": ("varga", "Person")}
    assert [s.since for s in extract_text(text, names, WEDNESDAY).sanctions] == ["2023-12"]


@pytest.mark.parametrize("text, found", [
    ("Arden and Brisca on Monday barred eleven Velmoran judges from entering their territory.",
     [(["arden", "brisca"], ["velmora"], [], "2024-05-06")]),
    ("Arden banned exports of coal, steel and timber to Velmora.",
     [(["arden"], ["velmora"], ["coal", "steel", "timber"], None)]),
    # a ban of something else, and one only threatened, are no measure
    ("Velmora banned street protests in the capital.", []),
    ("Arden would have banned exports of coal to Velmora.", []),
])
def test_a_verb_of_banning_states_a_measure_without_a_sanctions_noun(text, found):
    assert measures(text) == found


@pytest.mark.parametrize("text, found", [
    ("Arden said on Monday that its sanctions on Velmora would stay.", [(["arden"], ["velmora"])]),
    # "its" stands for who imposed a measure told before, not for its target
    ("Arden imposed sanctions on Velmora. Tolan accused Arden of starving Velmoran farmers "
     "with its measures.", [(["arden"], ["velmora"])]),
])
def test_its_measure_is_held_by_the_state_its_stands_for(text, found):
    assert [m[:2] for m in measures(text)] == found


@pytest.mark.parametrize("text, found", [
    ("Arden sanctioned Cobalt Freight on Tuesday.", [(["arden"], ["cobalt"], [], "2024-05-07")]),
    ("Cobalt Freight was blacklisted by Arden in 2021.", [(["arden"], ["cobalt"], [], "2021")]),
])
def test_a_verb_that_sanctions_states_a_measure(text, found):
    assert measures(text) == found
