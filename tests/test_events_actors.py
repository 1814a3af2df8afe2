"""Who the agents and targets of an event are where the sentence does not name them next
to the trigger: a second verb after "and", descriptions of persons by their post, answers
to an earlier act. Sentences written for these tests; entities set by hand."""
from __future__ import annotations

from datetime import date

import pytest

from events_support import KOREA, blank_pipeline, entities_in, extract_text

from kg.extract import extract_with_entities
from kg.model import Article, RoleFact

FRIDAY = date(2019, 3, 1)


def only(text: str, cls: str):
    found = [e for e in extract_text(text, KOREA, FRIDAY).events if e.cls == cls]
    assert len(found) == 1, [(e.cls, e.agents, e.targets) for e in found]
    return found[0]


def test_a_verb_after_and_shares_the_subject_of_the_verb_before():
    appeal = only("Moon praised North Korea's restraint and urged Pyongyang to keep talking.",
                  "Appeal")
    assert (appeal.agents, appeal.targets) == (["moon"], ["nk"])


def test_a_verb_after_and_reaches_past_quoted_words():
    accusation = only('Ri Yong-ho called the plan "a dead end" and accused Washington of lying.',
                      "Accusation")
    assert (accusation.agents, accusation.targets) == (["ri"], ["us"])


def with_posts(text: str, posts: dict[str, tuple[str, str]]):
    """The events of ``text`` where each person of ``posts`` holds a (title, of) post."""
    doc = blank_pipeline()(text)
    entities = entities_in(text, KOREA)
    for entity in entities:
        if entity.local_id in posts:
            title, of = posts[entity.local_id]
            entity.roles.append(RoleFact(title=title, of=of))
    return extract_with_entities(doc, Article.from_text(text, published=FRIDAY), entities).events


def test_the_minister_before_a_verb_is_the_minister_named_before():
    text = "Ri Yong-ho arrived in Hanoi on Friday. The foreign minister urged the US to act."
    appeal = next(e for e in with_posts(text, {"ri": ("Foreign Minister", "nk")})
                  if e.cls == "Appeal")
    assert (appeal.agents, appeal.targets) == (["ri"], ["us"])


def test_a_post_of_a_state_is_its_holder_not_the_state():
    text = "Ri Yong-ho spoke in Hanoi. Later the North's foreign minister accused the US."
    accusation = next(e for e in with_posts(text, {"ri": ("Foreign Minister", "nk")})
                      if e.cls == "Accusation")
    assert accusation.agents == ["ri"]
    visit = next(e for e in with_posts("Ri Yong-ho flew out. It was the first visit to the "
                                       "US by the North's foreign minister.",
                                       {"ri": ("Foreign Minister", "nk")}) if e.cls == "Visit")
    assert (visit.agents, visit.targets) == (["ri"], ["us"])


def test_a_post_nobody_holds_leaves_the_state():
    text = "Ri Yong-ho spoke in Hanoi. Then the North's general accused the US."
    accusation = next(e for e in with_posts(text, {"ri": ("Foreign Minister", "nk")})
                      if e.cls == "Accusation")
    assert accusation.agents == ["nk"]


def test_condemning_the_move_targets_who_made_the_last_act():
    text = ("The US imposed sanctions on North Korea. Ri Yong-ho rejected the accusation of "
            "Moon. KCNA condemned the move.")
    accusation = next(e for e in extract_text(text, KOREA, FRIDAY).events
                      if e.cls == "Accusation")
    assert (accusation.agents, accusation.targets) == (["kcna"], ["us"])


def test_dismissing_a_remark_targets_who_said_it():
    rejection = only("Trump accused Pyongyang of cheating. Ri Yong-ho dismissed the remarks.",
                     "Rejection")
    assert (rejection.agents, rejection.targets) == (["ri"], ["trump"])


def test_no_one_answers_their_own_act():
    rejection = only("Ri Yong-ho offered to close Yongbyon. Then Ri Yong-ho dismissed the "
                     "decision.", "Rejection")
    assert rejection.targets == []


def test_the_subject_of_a_demanded_clause_is_the_target():
    demand = only("Moon demanded that North Korea and the US resume talks.", "Demand")
    assert (demand.agents, demand.targets) == (["moon"], ["nk", "us"])


def test_the_subject_of_a_demanded_clause_after_adverbials_is_the_target():
    demand = only("Moon demanded in Hanoi on Friday that North Korea resume talks.", "Demand")
    assert (demand.agents, demand.targets) == (["moon"], ["nk"])


def test_a_demanded_clause_about_a_place_names_no_target():
    demand = only("Moon demanded that Hanoi host the talks.", "Demand")
    assert demand.targets == []


def test_a_past_verb_after_and_is_not_negated_by_the_verb_before():
    appeal = only("Moon said Kim had not replied and urged Pyongyang to talk.", "Appeal")
    assert not appeal.negated
    meeting = only("Kim did not travel and meet Moon.", "Meeting")
    assert meeting.negated


MINISTERS = {"ri": ("Foreign Minister", "nk"), "moon": ("Foreign Minister", "us")}


def test_their_ministers_are_the_ministers_of_the_states_named_before():
    events = with_posts("Ri Yong-ho and Moon landed. North Korea and the US agreed to resume "
                        "talks after their foreign ministers met.", MINISTERS)
    meeting = next(e for e in events if e.cls == "Meeting")
    assert sorted(meeting.actors) == ["moon", "ri"]


def test_the_ministers_of_two_states_are_their_ministers():
    events = with_posts("Ri Yong-ho and Moon landed. Later the foreign ministers of North Korea "
                        "and the US met in Hanoi.", MINISTERS)
    meeting = next(e for e in events if e.cls == "Meeting")
    assert sorted(meeting.actors) == ["moon", "ri"]


def test_ministers_of_states_without_them_stay_the_states():
    events = with_posts("Ri Yong-ho landed. Later the generals of North Korea and the US met.",
                        MINISTERS)
    meeting = next(e for e in events if e.cls == "Meeting")
    assert sorted(meeting.actors) == ["nk", "us"]


def test_the_council_is_the_council_named_before():
    rejection = only("The UN Security Council met in Seoul. On Friday the council rejected "
                     "the plan.", "Rejection")
    assert rejection.agents == ["unsc"]
    appeal = only("KCNA spoke in Hanoi. Moon urged the council to act.", "Appeal")
    assert appeal.targets == []


def test_the_bloc_is_the_organisation_named_before():
    appeal = only("KCNA spoke in Hanoi. Later the bloc urged the US to act.", "Appeal")
    assert (appeal.agents, appeal.targets) == (["kcna"], ["us"])


def test_an_act_with_a_target_but_no_agent_is_left_out():
    for text in ("The painting was offered to Moon in 2017.",
                 "Many critics blame Kim for the crisis."):
        assert [e.cls for e in extract_text(text, KOREA, FRIDAY).events] == []
    assert only("Moon urged the US to act.", "Appeal").agents == ["moon"]


def test_a_person_before_a_definite_apposition_is_the_subject():
    demand = only("Moon Jae-in, the president of the South, demanded an answer from "
                  "Pyongyang.", "Demand")
    assert (demand.agents, demand.targets) == (["moon"], ["nk"])


PARTED_SUBJECTS = [
    # a state or body before a description between commas
    ("North Korea, the host of the next round, accused the US of stalling.", "Accusation",
     ["nk"], ["us"]),
    ("KCNA, the state news agency of the North, urged Washington to reply.", "Appeal",
     ["kcna"], ["us"]),
    # a group named by its leaders between commas: its own name, else the leaders
    ("The US delegation, led by Chris Green, which arrived on Friday, accused Pyongyang of "
     "stalling.", "Accusation", ["us"], ["nk"]),
    ("The mission, headed by Chris Green, urged Pyongyang to allow visits.", "Appeal",
     ["green"], ["nk"]),
    # a name in apposition after a title or "the"
    ("The North's envoy, General Ri Yong-ho, threatened to leave the talks.", "Threat",
     ["ri"], []),
    ("Its partner, the International Crisis Group, rejected the plan.", "Rejection",
     ["icg"], []),
    # a verb after "and" shares the named subject of the verb of saying before it
    ("The North's envoy, Ri Yong-ho, told reporters that the talks had stalled and accused "
     "Washington of bad faith.", "Accusation", ["ri"], ["us"]),
    ("Ri Yong-ho, who met Moon and the US envoy, Chris Green, told reporters that the talks "
     "had stalled and accused Washington of bad faith.", "Accusation", ["ri"], ["us"]),
]


@pytest.mark.parametrize(("text", "cls", "agents", "targets"), PARTED_SUBJECTS)
def test_a_subject_parted_from_its_verb_by_commas_is_found(text, cls, agents, targets):
    event = only(text, cls)
    assert (event.agents, event.targets) == (agents, targets)


def test_the_subject_of_a_demanded_clause_is_no_target_where_it_is_the_agent():
    demand = only("Pyongyang demanded that the North's envoys travel freely.", "Demand")
    assert (demand.agents, demand.targets) == (["nk"], [])


@pytest.mark.parametrize(("text", "targets"), [
    ("Chris Green said the International Crisis Group was ready to help Pyongyang.", ["nk"]),
    ("Chris Green added that Vietnam remained open to talks with the US.", ["us"]),
])
def test_readiness_stated_by_a_speaker_is_the_speaker_s_offer(text, targets):
    offer = only(text, "Offer")
    assert (offer.agents, offer.targets) == (["green"], targets)


def test_the_antecedent_of_whose_past_a_short_name_is_the_subject():
    names = {"International Crisis Group": ("icg", "Organization"), "ICG": ("icg", "Organization"),
             "Washington": ("us", "Country")}
    text = "The International Crisis Group (ICG), whose reports are read abroad, urged Washington."
    appeal = next(e for e in extract_text(text, names, FRIDAY).events if e.cls == "Appeal")
    assert (appeal.agents, appeal.targets) == (["icg"], ["us"])


def test_a_place_after_a_preposition_before_a_description_is_no_subject():
    events = extract_text("In Hanoi, the host of the talks, the minister urged the US to act.",
                          KOREA, FRIDAY).events
    assert agents_of("Appeal", events) in ([], [[]])


def agents_of(cls: str, events) -> list[list[str]]:
    """The agents of each event of class ``cls``."""
    return [event.agents for event in events if event.cls == cls]


def test_a_statement_is_made_by_the_named_speaker_of_the_verb_before_it():
    text = ("The North's foreign minister, Ri Yong-ho, said in a written statement that the "
            "talks had stalled.")
    statement = next(e for e in with_posts(text, {"ri": ("Foreign Minister", "nk")})
                     if e.cls == "Statement")
    assert statement.agents == ["ri"]


def test_a_statement_opening_a_paragraph_is_made_by_the_subject_after_it():
    text = "Kim met Trump in Hanoi.\n\nIn a statement issued on Friday, KCNA accused the US."
    assert agents_of("Statement", extract_text(text, KOREA, FRIDAY).events) == [["kcna"]]


def test_a_name_before_a_participle_phrase_is_the_subject():
    appeal = only("Moon, speaking to reporters, urged Pyongyang to return.", "Appeal")
    assert (appeal.agents, appeal.targets) == (["moon"], ["nk"])


def test_a_comparative_before_the_verb_does_not_end_the_subject():
    accusation = only("Kim met Moon on Tuesday, and Trump later accused Kim of bad faith.",
                      "Accusation")
    assert (accusation.agents, accusation.targets) == (["trump"], ["kim"])


def test_an_adverb_inside_a_passive_keeps_it_passive():
    sanction = only("North Korea was further sanctioned by the UN Security Council.",
                    "SanctionImposed")
    assert (sanction.agents, sanction.targets) == (["unsc"], ["nk"])


def test_a_stated_intent_with_another_event_in_its_clause_is_still_a_promise():
    events = with_posts("Ri Yong-ho said North Korea would close Yongbyon once talks "
                        "resumed.", {"ri": ("Foreign Minister", "nk")})
    assert agents_of("Promise", events) == [["ri"]]


def test_the_three_states_are_the_three_named_before():
    text = "North Korea, Vietnam and the US met in Hanoi. The three countries urged Moon to act."
    appeal = only(text, "Appeal")
    assert (sorted(appeal.agents), appeal.targets) == (["nk", "us", "vietnam"], ["moon"])


def test_a_warning_against_something_to_someone_is_a_threat():
    threat = only("Moon warned Pyongyang against any new launch.", "Threat")
    assert (threat.agents, threat.targets) == (["moon"], ["nk"])
    assert extract_text("Moon warned against complacency.", KOREA, FRIDAY).events == []


def test_the_speaker_of_a_news_conference_is_past_a_relative_clause():
    statement = only("Moon, who had met Kim in Hanoi, told a news conference that talks "
                     "would resume.", "Statement")
    assert statement.agents == ["moon"]


def test_a_person_before_a_bare_apposition_is_the_subject():
    meeting = only("Moon Jae-in, chairman of the talks, spoke by telephone with Kim on Monday.",
                   "Meeting")
    assert sorted(meeting.actors) == ["kim", "moon"]
    assert only("Ri Yong-ho, however, rejected the plan.", "Rejection").agents == ["ri"]


def test_a_possessive_stands_for_the_name_before_it_in_its_sentence():
    text = "Kim met Trump in Hanoi. Moon, on his first visit to Pyongyang, urged the US to act."
    visit = only(text, "Visit")
    assert (visit.agents, visit.targets) == (["moon"], ["nk"])
