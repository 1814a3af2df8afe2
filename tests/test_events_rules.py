"""Event extraction rules on short texts written for these tests (entities set by hand)."""
from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from events_support import KOREA, blank_pipeline, entities_in, extract_text, summary
from kg.extract import extract_with_entities
from kg.model import Article

MARCH_2 = date(2019, 3, 2)  # a Saturday


def events_of(text: str, published: date | None = MARCH_2):
    return extract_text(text, KOREA, published).events


def only(events, cls):
    found = [e for e in events if e.cls == cls]
    assert len(found) == 1, [(e.cls, e.actors) for e in events]
    return found[0]


def test_agent_before_verb_and_target_after_preposition():
    promise = only(events_of("North Korea on Friday vowed more negotiations with the US."),
                   "Promise")
    assert (promise.agents, promise.targets) == (["nk"], ["us"])
    assert promise.date == date(2019, 3, 1) and promise.date_text == "on Friday"
    assert promise.cameo == "030"


def test_direct_object_is_the_target():
    appeal = only(events_of("Trump had urged Kim to give up more."), "Appeal")
    assert (appeal.agents, appeal.targets) == (["trump"], ["kim"])


def test_content_of_a_promise_is_not_an_event_of_its_own():
    events = events_of("North Korea promised further negotiations with the US.")
    assert [e.cls for e in events] == ["Promise"]


@pytest.mark.parametrize("text", [
    "Kim repeated that refusal in a statement on Friday.",
    "Kim welcomed the pledge on prisoners in a statement on Friday.",
])
def test_a_noun_of_an_act_does_not_hide_the_statement_it_was_told_in(text):
    assert only(events_of(text), "Statement").agents == ["kim"]


def test_an_attempt_to_impose_sanctions_imposes_none():
    events = events_of("Two members had blocked earlier attempts to impose sanctions on "
                       "North Korea.")
    assert [e.cls for e in events if e.cls == "SanctionImposed"] == []


def test_passive_takes_agent_from_by_and_target_from_subject():
    appeal = only(events_of("Kim was urged by Trump to wait."), "Appeal")
    assert (appeal.agents, appeal.targets) == (["trump"], ["kim"])
    imposed = only(events_of("New curbs were imposed on Pyongyang by the UN Security Council."),
                   "SanctionImposed")
    assert (imposed.agents, imposed.targets) == (["unsc"], ["nk"])


def test_reduced_relative_participle():
    imposed = only(events_of("They discussed the sanctions imposed on Pyongyang by the "
                             "UN Security Council last year."), "SanctionImposed")
    assert (imposed.agents, imposed.targets) == (["unsc"], ["nk"])


def test_nominal_event_takes_place_and_coordinated_actors():
    summit = only(events_of("The Hanoi summit between Kim and Trump ended early."), "Summit")
    assert summit.place == "hanoi"
    assert sorted(summit.actors) == ["kim", "trump"]
    assert summit.agents == [] and summit.targets == []


def test_titles_between_names_do_not_become_actors():
    text = "The meeting between North Korean leader Kim and US President Trump was short."
    events = extract_text(text, {**KOREA, "North Korean": ("nk", "Country")}, MARCH_2).events
    assert sorted(only(events, "Meeting").actors) == ["kim", "trump"]


def test_relative_pronoun_points_to_its_antecedent():
    mediation = only(events_of("Moon, who has brokered talks between the US and the North, "
                               "spoke on Monday."), "Mediation")
    assert mediation.agents == ["moon"] and mediation.targets == ["us", "nk"]


def test_failed_deal_is_negated():
    agreement = only(events_of("The failure to reach a deal in Hanoi surprised few."),
                     "Agreement")
    assert agreement.negated and agreement.place == "hanoi"
    meeting = only(events_of("Kim did not meet Trump."), "Meeting")
    assert meeting.negated and sorted(meeting.actors) == ["kim", "trump"]


def test_hope_is_not_an_event():
    assert not [e for e in events_of("Trump said he hoped to meet Kim soon.")
                if e.cls == "Meeting"]


def test_reported_speech_makes_a_claimed_demand():
    extraction = extract_text("Trump said Pyongyang wanted every sanction lifted.", KOREA,
                              MARCH_2)
    demand = only(extraction.events, "Demand")
    assert demand.agents == ["nk"] and demand.asserted_by == "trump"
    assert [c.claimant for c in extraction.claims] == ["trump"]


def test_want_outside_reported_speech_is_no_demand():
    assert not [e for e in events_of("Pyongyang wanted a quick result.") if e.cls == "Demand"]


def test_each_blames_the_other_gives_one_accusation_per_side():
    text = "The talks between Kim and Trump collapsed. Each tried to blame the other's stance."
    accusations = [e for e in events_of(text) if e.cls == "Accusation"]
    assert sorted((e.agents[0], e.targets[0]) for e in accusations) == [
        ("kim", "trump"), ("trump", "kim")]


def test_mentions_of_one_summit_merge_within_the_article():
    text = ("Their Hanoi summit ended without a deal. The second meeting between Kim and "
            "Trump on Thursday broke up early. State media called the Hanoi meeting useful.")
    summits = [e for e in events_of(text) if e.cls in ("Summit", "Meeting")]
    assert len(summits) == 1
    summit = summits[0]
    assert (summit.cls, summit.place, summit.date) == ("Summit", "hanoi", date(2019, 2, 28))
    assert sorted(summit.actors) == ["kim", "trump"] and len(summit.mentions) == 3


def test_earlier_meeting_of_a_series_is_kept_apart_and_takes_its_parties():
    text = ("The second summit between Kim and Trump took place in Hanoi. "
            "Critics said the initial meeting in Singapore gave little.")
    events = [e for e in events_of(text) if e.cls == "Summit"]
    places = sorted(e.place for e in events)
    assert places == ["hanoi", "singapore"]
    assert all(sorted(e.actors) == ["kim", "trump"] for e in events)


def test_event_without_any_argument_is_dropped():
    assert events_of("Talks were held.") == []


def test_date_goes_to_the_nearest_event_not_to_a_later_one():
    events = events_of("KCNA yesterday reported that the summit in Hanoi had gone well.")
    statement = only(events, "Statement")
    summit = only(events, "Summit")
    assert statement.date == date(2019, 3, 1) and summit.date is None


def test_no_date_without_the_article_date():
    statement = only(events_of("KCNA on Friday reported a warm exchange.", published=None),
                     "Statement")
    assert statement.date is None


def test_triggers_inside_quotes_are_not_events():
    events = events_of('Moon said: "We will meet the North again."')
    assert not [e for e in events if e.cls == "Meeting"]


def test_dependency_parse_is_read_when_present():
    words = ["Kim", "urged", "Trump", "to", "wait", "."]
    doc = Doc(blank_pipeline().vocab, words=words, heads=[1, 1, 1, 4, 1, 1],
              deps=["nsubj", "ROOT", "dobj", "aux", "xcomp", "punct"],
              sent_starts=[True] + [False] * 5)
    doc = blank_pipeline().get_pipe("kg_events")(doc)
    text = doc.text
    extraction = extract_with_entities(doc, Article.from_text(text),
                                       entities_in(text, KOREA))
    assert summary(extraction) == {("Appeal", ("kim",), ("trump",), ("kim", "trump"), None)}


def test_dependency_parse_passive_agent():
    words = ["Sanctions", "were", "imposed", "on", "Pyongyang", "by", "Washington", "."]
    doc = Doc(blank_pipeline().vocab, words=words, heads=[2, 2, 2, 2, 3, 2, 5, 2],
              deps=["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "agent", "pobj", "punct"],
              sent_starts=[True] + [False] * 7)
    doc = blank_pipeline().get_pipe("kg_events")(doc)
    extraction = extract_with_entities(doc, Article.from_text(doc.text),
                                       entities_in(doc.text, KOREA))
    imposed = only(extraction.events, "SanctionImposed")
    assert (imposed.agents, imposed.targets) == (["us"], ["nk"])


@pytest.mark.parametrize("text", ["", "   ", "No news today.", '"An open quote', "Kim."])
def test_odd_texts_give_no_error(text):
    extract_text(text, KOREA, MARCH_2)
