"""Events the rules used to miss entirely, on sentences written for these tests (full
rule pipeline: entities from the lexicon)."""
from __future__ import annotations

import pytest

from events_support import labelled_events as events_of

from kg.extract import extract
from kg.model import Article


def test_summoning_an_envoy_named_by_post_accuses_the_state_that_sent_them(nlp):
    events = events_of(nlp, "The Dutch foreign ministry summoned the Chinese ambassador on "
                            "Friday over the hacking claims.")
    assert [(cls, targets) for cls, _, targets in events] == [("Accusation", ["China"])]


def test_summoning_a_states_diplomat_accuses_that_state(nlp):
    events = events_of(nlp, "Germany summoned Iran's top diplomat in Berlin after the "
                            "executions.")
    assert events == [("Accusation", ["Germany"], ["Iran"])]


def test_summoning_someone_who_is_no_envoy_is_no_event(nlp):
    assert events_of(nlp, "The court summoned three witnesses from Japan.") == []


def test_travelling_to_a_country_is_a_visit_of_it(nlp):
    events = events_of(nlp, "Macron travelled to Japan by plane on Monday.")
    assert events == [("Visit", ["Emmanuel Macron"], ["Japan"])]


def test_travelling_to_a_city_is_no_visit_of_its_own(nlp):
    assert events_of(nlp, "Macron travelled to Osaka from Tokyo on Tuesday.") == []


@pytest.mark.parametrize("text, agent, target", [
    ("Hamas pulled out of the talks with Israel on Sunday.", "Hamas", "Israel"),
    ("Iran withdrew from the agreement with France last year.", "Iran", "France"),
])
def test_leaving_talks_or_a_deal_rejects_the_other_party(nlp, text, agent, target):
    assert events_of(nlp, text) == [("Rejection", [agent], [target])]


def test_withdrawing_from_a_place_is_no_rejection(nlp):
    assert events_of(nlp, "The army withdrew from the town on Monday.") == []


def test_suspending_sanctions_lifts_them(nlp):
    assert events_of(nlp, "The EU suspended sanctions on Syria.") == [
        ("SanctionLifted", ["European Union"], ["Syria"])]


@pytest.mark.parametrize("text, cls, target", [
    ("The EU agreed on Monday to suspend sanctions on Syria.", "SanctionLifted", "Syria"),
    ("The EU agreed to impose sanctions on Belarus.", "SanctionImposed", "Belarus"),
])
def test_agreeing_to_a_sanction_is_the_sanction_not_a_promise(nlp, text, cls, target):
    assert events_of(nlp, text) == [(cls, ["European Union"], [target])]


def test_agreeing_to_hold_talks_stays_a_promise(nlp):
    assert [cls for cls, _, _ in events_of(nlp, "Japan agreed to hold talks with Korea.")] \
        == ["Promise"]


def test_writing_on_social_media_is_a_statement(nlp):
    assert events_of(nlp, "Macron wrote on social media that the vote was a victory.") == [
        ("Statement", ["Emmanuel Macron"], [])]


def test_writing_on_a_named_platform_is_a_statement(nlp):
    assert events_of(nlp, "Kim Jong-un wrote on X on Saturday that the talks had failed.") == \
        [("Statement", ["Kim Jong-un"], [])]


def test_writing_on_x_at_the_end_of_a_sentence_is_a_statement(nlp):
    events = events_of(nlp, "\"The talks have failed,\" Kim Jong-un wrote on X. Seoul said "
                            "nothing.")
    assert events == [("Statement", ["Kim Jong-un"], [])]


def test_a_name_joined_to_a_participle_of_mediation_mediates(nlp):
    events = events_of(nlp, "After EU-facilitated talks between Kosovo and Serbia, both "
                            "sides left Brussels.")
    assert ("Mediation", ["European Union"], ["Kosovo", "Serbia"]) in events
    assert ("Negotiation", [], []) in events


def test_facilitating_without_a_hyphen_is_no_mediation(nlp):
    assert events_of(nlp, "Qatar wants to facilitate trade with Oman.") == []


def test_standing_ready_to_help_is_an_offer(nlp):
    assert events_of(nlp, "Turkey is ready to help Russia and Ukraine settle the dispute.") == \
        [("Offer", ["Turkey"], ["Russia", "Ukraine"])]


def test_walking_out_of_talks_is_a_rejection(nlp):
    events = events_of(nlp, "The talks in Geneva collapsed when Japan walked out on Friday.")
    assert ("Rejection", ["Japan"], []) in events


def test_ready_to_do_something_else_is_no_offer(nlp):
    assert events_of(nlp, "Turkey is ready to switch its gas supplier.") == []


@pytest.mark.parametrize("text", [
    "Macron said in a video on Telegram that the vote had been a victory.",
    "Macron said in a video message that the vote had been a victory.",
])
def test_speaking_in_a_video_that_is_put_out_is_a_statement(nlp, text):
    assert events_of(nlp, text) == [("Statement", ["Emmanuel Macron"], [])]


def test_a_video_link_or_footage_is_no_statement(nlp):
    assert events_of(nlp, "Macron joined by video link, and the navy released a video "
                          "that showed the boat.") == []


def test_a_communique_is_the_statement_of_those_who_issue_it(nlp):
    assert ("Statement", ["Japan", "Mexico"], []) in events_of(
        nlp, "Japan and Mexico said in a joint communique that trade had grown.")


def test_summoning_a_charge_d_affaires_accuses_the_state_that_sent_them(nlp):
    events = events_of(nlp, "Poland summoned the Belarusian charge d'affaires on Monday.")
    assert events == [("Accusation", ["Poland"], ["Belarus"])]


def test_initialling_a_text_is_an_agreement(nlp):
    text = "Japan and Peru initialled a fisheries accord in Lima."
    extraction = extract(nlp(text), Article.from_text(text))
    labels = {entity.local_id: entity.label for entity in extraction.entities}
    assert [(event.cls, sorted(labels[a] for a in event.actors))
            for event in extraction.events] == [("Agreement", ["Japan", "Peru"])]


def test_an_initial_meeting_signs_nothing(nlp):
    assert [cls for cls, _, _ in events_of(nlp, "Japan and Peru held an initial meeting.")] \
        == ["Meeting"]
