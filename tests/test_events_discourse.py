"""Event rules that read the discourse around a trigger: conditions, intents, framing verbs,
pairs named by a noun ("the two leaders"), a person's state ("his country") and answers to
earlier events. Sentences written for these tests; entities set by hand."""
from __future__ import annotations

from datetime import date

import pytest
from events_support import KOREA, blank_pipeline, entities_in, extract_text

from kg.extract import extract_with_entities
from kg.model import Article, RoleFact

FRIDAY = date(2019, 3, 1)


def events_of(text: str):
    return extract_text(text, KOREA, FRIDAY).events


def classes_of(text: str) -> list[str]:
    return sorted(e.cls for e in events_of(text))


def only(text: str, cls: str):
    found = [e for e in events_of(text) if e.cls == cls]
    assert len(found) == 1, [(e.cls, e.actors) for e in events_of(text)]
    return found[0]


def test_an_event_in_a_condition_does_not_happen():
    assert classes_of("Ri said the plan would stand even if Washington asked for new talks.") \
        == []


def test_a_future_modal_plans_a_meeting_but_states_an_intent():
    assert classes_of("Moon said Kim and Trump would meet in Hanoi.") == []
    rejection = only("KCNA said North Korea would suspend its cooperation.", "Rejection")
    assert rejection.agents == ["nk"]


def test_the_object_of_a_report_is_what_was_said_not_a_target():
    statement = only("KCNA reported Trump had left.", "Statement")
    assert (statement.agents, statement.targets) == (["kcna"], [])


def test_describing_something_is_no_statement():
    assert classes_of("Kim described the US offer as a trick.") == ["Offer"]


def test_an_announcement_of_an_event_is_that_event():
    assert classes_of("North Korea announced that it would suspend its cooperation.") \
        == ["Rejection"]
    assert classes_of("KCNA announced a new five-year plan.") == ["Statement"]


def test_the_two_leaders_are_the_two_persons_named_before():
    meeting = only("Kim greeted Trump in Hanoi before the two leaders held talks.", "Meeting")
    assert sorted(meeting.actors) == ["kim", "trump"]


def test_a_pair_noun_needs_two_parties_named_before():
    assert classes_of("Kim arrived. The two leaders then held talks.") == []


def test_a_pair_noun_may_have_modifiers_between_number_and_noun():
    promise = only("Kim greeted Moon at the border, and the two Korean leaders promised "
                   "to reopen the liaison office.", "Promise")
    assert sorted(promise.agents) == ["kim", "moon"]


def test_the_and_a_number_alone_stand_for_the_persons_named_before():
    promise = only("Trump spoke with Moon and Kim on Monday. The three agreed to meet in "
                   "Seoul.", "Promise")
    assert sorted(promise.agents) == ["kim", "moon", "trump"]


def test_a_number_before_a_noun_of_its_own_is_no_group_of_persons():
    assert classes_of("Kim met Trump on Monday. The two proposals promised little.") \
        == ["Meeting"]
    assert classes_of("Kim met Trump on Monday. The two promised little.") \
        == ["Meeting", "Promise"]


def with_posts(text: str, posts: dict[str, str]):
    """The extraction of ``text`` where each person of ``posts`` holds a post of a state."""
    doc = blank_pipeline()(text)
    entities = entities_in(text, KOREA)
    for entity in entities:
        if entity.local_id in posts:
            entity.roles.append(RoleFact(title="Minister", of=posts[entity.local_id]))
    return extract_with_entities(doc, Article.from_text(text, published=FRIDAY), entities)


def test_his_country_is_the_state_of_the_person():
    text = ("North Korea sent Ri Yong-ho to Hanoi. "
            "He said his country had offered to close Yongbyon.")
    offer = next(e for e in with_posts(text, {"ri": "nk"}).events if e.cls == "Offer")
    assert offer.agents == ["nk"]


def test_their_government_names_no_state():
    text = "Kim spoke in Hanoi. Critics say their government blamed the US."
    accusation = next(e for e in with_posts(text, {"kim": "nk"}).events
                      if e.cls == "Accusation")
    assert "nk" not in accusation.agents


def test_what_an_accused_is_accused_of_names_no_target():
    accusation = only("Ri Yong-ho accused the US of waging war on North Korea.", "Accusation")
    assert (accusation.agents, accusation.targets) == (["ri"], ["us"])


def test_condemning_a_launch_targets_the_launcher():
    accusation = only("North Korea fired two missiles on Friday. Moon condemned the launch.",
                      "Accusation")
    assert (accusation.agents, accusation.targets) == (["moon"], ["nk"])


def test_rejecting_the_measures_targets_who_imposed_them():
    rejection = only("The US imposed sanctions on North Korea. Ri Yong-ho rejected the measures.",
                     "Rejection")
    assert (rejection.agents, rejection.targets) == (["ri"], ["us"])


def test_rejecting_the_measures_without_earlier_sanctions_names_no_target():
    rejection = only("Kim met Moon. Ri Yong-ho rejected the measures.", "Rejection")
    assert rejection.targets == []


def test_agreeing_to_do_something_is_a_promise():
    promise = only("Kim and Trump agreed to keep talking.", "Promise")
    assert sorted(promise.agents) == ["kim", "trump"]
    assert classes_of("Kim and Trump agreed to the plan.") == ["Agreement"]


@pytest.mark.parametrize("text, cls", [
    ("Kim and Trump agreed to have their envoys meet next week.", "Promise"),
    ("Kim and Trump agreed to swap the names of detained sailors within ten days.", "Promise"),
    ("Kim and Trump agreed to prepare a second round of talks.", "Promise"),
    ("Kim and Trump agreed to share satellite images of the coast.", "Agreement"),
    ("Kim and Trump agreed to extend the fishing ban by a year.", "Agreement"),
])
def test_an_act_to_be_done_later_is_promised_one_settled_now_agreed(text, cls):
    assert classes_of(text) == [cls]


def test_a_noun_trigger_that_is_the_object_of_its_verb_is_one_event():
    agreement = only("Kim signed a deal with Trump in Hanoi.", "Agreement")
    assert sorted(agreement.actors) == ["kim", "trump"]


def test_wanting_is_a_demand_only_with_the_result_wanted():
    assert classes_of("Trump said Pyongyang wanted every sanction lifted.") == ["Demand"]
    assert classes_of("Trump said Pyongyang wanted the US to pay.") == ["Demand"]
    assert classes_of("Trump said Pyongyang wanted a prosperous future.") == []


def test_a_firm_answer_or_response_vowed_is_a_threat():
    threat = only("North Korea vowed a firm response to the US.", "Threat")
    assert (threat.agents, threat.targets) == (["nk"], ["us"])
    assert only("North Korea would not start a war, but would give a firm answer to any attack.",
                "Threat").agents == ["nk"]


def test_a_warning_is_a_threat_only_of_what_will_be_done():
    assert only("Kim warned that North Korea would resume its tests.", "Threat").agents == ["kim"]
    assert classes_of("Kim warned of floods in Seoul.") == []


def test_committing_a_crime_is_no_promise():
    assert classes_of("Kim said the US committed a crime.") == []
    assert classes_of("North Korea committed to talks with the US.") == ["Promise"]


def test_calls_with_two_counterparts_on_two_days_are_two_meetings():
    text = "Moon spoke by telephone with Kim on Thursday and with Trump on Friday."
    meetings = sorted(sorted(e.actors) for e in events_of(text) if e.cls == "Meeting")
    assert meetings == [["kim", "moon"], ["moon", "trump"]]


def test_one_preposition_for_two_counterparts_is_one_meeting():
    meeting = only("Moon met with Kim and Trump in Hanoi.", "Meeting")
    assert sorted(meeting.actors) == ["kim", "moon", "trump"]


def test_what_a_speaker_says_their_side_will_do_is_their_commitment():
    text = "The US met North Korea in Hanoi. Ri Yong-ho said North Korea would close Yongbyon."
    promise = next(e for e in with_posts(text, {"ri": "nk"}).events if e.cls == "Promise")
    assert promise.agents == ["ri"] and promise.asserted_by is None


def test_a_stated_refusal_and_a_stated_condition():
    assert only("Kim said he would not give up his weapons.", "Rejection").agents == ["kim"]
    threat = only("Kim said he will resume the tests unless the US lifts its sanctions.",
                  "Threat")
    assert threat.agents == ["kim"]


def test_what_a_speaker_says_others_will_do_is_no_commitment():
    assert classes_of("Kim said the US would lose.") == []
    assert classes_of("Kim said his plan would fail.") == []


def test_an_intent_trigger_stated_for_ones_side_takes_the_speaker_as_agent():
    text = "The US met North Korea in Hanoi. Ri Yong-ho said North Korea would give a firm answer."
    threat = next(e for e in with_posts(text, {"ri": "nk"}).events if e.cls == "Threat")
    assert threat.agents == ["ri"]


def test_a_threat_without_target_goes_to_the_other_side_of_the_speaker():
    text = ("The summit between the US and North Korea ended. "
            "Ri Yong-ho warned that North Korea would resume its tests.")
    threat = next(e for e in with_posts(text, {"ri": "nk"}).events if e.cls == "Threat")
    assert (threat.agents, threat.targets) == (["ri"], ["us"])


def test_a_comma_does_not_join_a_place_to_a_speaker():
    statement = only("Speaking in Seoul, Moon said at a news conference that talks helped.",
                     "Statement")
    assert statement.agents == ["moon"]


def test_the_name_before_a_noun_phrase_in_apposition_is_the_subject():
    rejection = only("North Korea, a state that has few friends in Asia, has refused to talk.",
                     "Rejection")
    assert rejection.agents == ["nk"]


def test_the_subject_of_a_verb_does_what_its_purpose_says():
    mediation = only("Moon met Kim in Seoul in an effort to ease tension between the US and "
                     "the North.", "Mediation")
    assert mediation.agents == ["moon"] and sorted(mediation.targets) == ["nk", "us"]


def test_a_written_statement_takes_the_speaker_of_the_verb_before():
    statement = only("Trump said in a written statement that the talks were useful.",
                     "Statement")
    assert statement.agents == ["trump"]


def test_a_mediation_by_a_third_party_is_between_the_two_sides():
    text = "The summit between the US and North Korea ended. Moon helped broker a new round."
    mediation = only(text, "Mediation")
    assert (mediation.agents, sorted(mediation.targets)) == (["moon"], ["nk", "us"])


def test_acting_as_mediator_makes_the_subject_the_mediator():
    mediation = only("Kim and Trump met in Hanoi, with Vietnam acting as host and mediator.",
                     "Mediation")
    assert mediation.agents == ["vietnam"] and sorted(mediation.targets) == ["kim", "trump"]


def test_a_name_inside_the_phrase_of_a_target_is_the_target():
    imposed = only("The US imposed sanctions on the main banks of North Korea.",
                   "SanctionImposed")
    assert (imposed.agents, imposed.targets) == (["us"], ["nk"])


def test_a_name_after_of_outside_a_target_phrase_is_no_target():
    imposed = only("The US imposed sanctions at the request of North Korea.", "SanctionImposed")
    assert imposed.targets == []


def test_a_pronoun_opening_a_sentence_is_the_entity_the_sentence_before_opens_with():
    text = ("Moon is respected in Seoul, where Kim urged calm last week. "
            "He urged the US to wait.")
    appeal = next(e for e in events_of(text) if e.targets == ["us"])
    assert appeal.agents == ["moon"]


def test_declaring_an_emergency_is_no_statement():
    assert classes_of("Moon declared a state of emergency in Seoul.") == []


def test_a_joint_event_of_one_actor_without_place_says_nothing():
    assert classes_of("Kim agreed, saying the plan was sound.") == []
    assert classes_of("Kim met in Hanoi.") == ["Meeting"]


def test_rejecting_what_someone_owns_targets_the_owner():
    assert only("Moon rejected Kim's offer.", "Rejection").targets == ["kim"]
    rejection = only("Trump said the North wanted everything. Pyongyang disputed his account.",
                     "Rejection")
    assert (rejection.agents, rejection.targets) == (["nk"], ["trump"])


def test_a_dispute_as_a_noun_is_no_rejection():
    assert classes_of("Talks stalled in a budget dispute between Kim and the US.") \
        == ["Negotiation"]


def test_sanctioning_is_imposing_sanctions():
    imposed = only("The US sanctioned North Korea's shipping firms.", "SanctionImposed")
    assert (imposed.agents, imposed.targets) == (["us"], ["nk"])


def test_a_participle_after_a_comma_takes_the_subject_of_the_last_verb_before():
    text = "Kim lashed out at the summit in Hanoi, accusing the US of bad faith."
    accusation = only(text, "Accusation")
    assert (accusation.agents, accusation.targets) == (["kim"], ["us"])


def test_a_deal_reached_happened_and_one_to_reach_did_not():
    agreement = only("Kim and Trump reached an agreement in Hanoi.", "Agreement")
    assert sorted(agreement.actors) == ["kim", "trump"] and not agreement.negated
    assert classes_of("Kim went to Hanoi to secure a deal with Trump.") == []


def test_striking_a_deal_makes_the_subject_a_party():
    agreement = only("North Korea struck a deal with the US.", "Agreement")
    assert sorted(agreement.actors) == ["nk", "us"]


def test_he_in_what_someone_told_is_the_teller():
    promise = only("KCNA reported that Kim had told Trump he wanted to meet him again.",
                   "Promise")
    assert (promise.agents, promise.targets) == (["kim"], ["trump"])


def test_a_region_or_city_is_no_target():
    appeal = only("Moon appealed to Seoul residents and to the US to wait.", "Appeal")
    assert appeal.targets == ["us"]


def test_the_city_of_a_trip_is_its_place():
    visit = only("Kim made a trip to Hanoi.", "Visit")
    assert (visit.agents, visit.targets, visit.place) == (["kim"], [], "hanoi")


def test_negotiators_meeting_is_a_negotiation():
    talks = only("North Korea and US negotiators met in Hanoi on Tuesday.", "Negotiation")
    assert sorted(talks.actors) == ["nk", "us"]
    assert classes_of("Kim and Trump met in Hanoi.") == ["Meeting"]


def test_a_participle_opening_a_sentence_takes_its_by_agent():
    imposed = only("Sanctions imposed by the UN Security Council have cut North Korea off.",
                   "SanctionImposed")
    assert imposed.agents == ["unsc"]


def test_what_a_speaker_says_another_party_must_do_is_their_demand():
    demand = only("Ri Yong-ho said the US had to end its sanctions.", "Demand")
    assert (demand.agents, demand.targets) == (["ri"], ["us"])
    assert classes_of("Moon said the US must lift the sanctions.") == ["Demand"]


def test_what_a_speaker_says_they_must_do_is_no_demand():
    assert classes_of("Kim said he had to leave early.") == []


def test_hoping_to_meet_is_a_promise_not_a_meeting():
    events = events_of("Moon Jae-in, speaking in Seoul, said he hoped to meet Kim soon.")
    assert [(e.cls, e.agents, e.targets) for e in events] == [("Promise", ["moon"], ["kim"])]
