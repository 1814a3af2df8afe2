"""Argument rules of kg/extract/events.py on sentences written for these tests."""
from __future__ import annotations

from datetime import date

from events_support import KOREA, blank_pipeline, entities_in, extract_text
from kg.extract import extract_with_entities
from kg.model import Article

MONDAY = date(2019, 3, 4)


def only(text: str, cls: str):
    found = [e for e in extract_text(text, KOREA, MONDAY).events if e.cls == cls]
    assert len(found) == 1, [(e.cls, e.actors) for e in found]
    return found[0]


def test_a_noun_takes_no_place_from_a_later_clause_of_its_sentence():
    talks = only("Kim's talks with Moon were overshadowed by protests in Seoul.", "Negotiation")
    assert talks.place is None and sorted(talks.actors) == ["kim", "moon"]


def test_a_noun_keeps_the_place_where_it_took_place():
    talks = only("Talks between Kim and Moon were held in Seoul.", "Negotiation")
    assert talks.place == "seoul"


def test_subject_of_a_light_verb_and_a_title_before_a_name():
    offer = only("Kim made an offer to President Trump.", "Offer")
    assert (offer.agents, offer.targets) == (["kim"], ["trump"])


def test_subject_of_a_control_verb_is_the_agent_of_its_infinitive():
    mediation = only("Moon tried to broker a deal between the US and the North.", "Mediation")
    assert mediation.agents == ["moon"] and mediation.targets == ["us", "nk"]


def test_subject_of_the_clause_is_the_agent_of_a_participle_after_it():
    appeal = only("Moon said, urging Kim to return.", "Appeal")
    assert (appeal.agents, appeal.targets) == (["moon"], ["kim"])


def test_objects_of_a_meeting_end_at_the_next_event():
    meeting = only("Kim met Moon before talks with the US.", "Meeting")
    assert sorted(meeting.actors) == ["kim", "moon"]


def test_an_offer_without_target_goes_to_the_other_side():
    offer = only("The talks between North Korea and the US broke down. "
                 "North Korea offered to close Yongbyon.", "Offer")
    assert (offer.agents, offer.targets) == (["nk"], ["us"])


def test_an_offer_names_no_target_without_two_sides():
    offer = only("North Korea offered to close Yongbyon.", "Offer")
    assert offer.targets == []


def test_a_capitalised_word_far_from_the_name_does_not_carry_a_preposition():
    accusation = only("Moon on Monday accused Kim of lying.", "Accusation")
    assert (accusation.agents, accusation.targets) == (["moon"], ["kim"])


def test_the_speaker_at_a_news_conference_is_the_agent_of_later_pronouns():
    text = "Kim met Moon. Trump said at a joint news conference. He urged Kim to wait."
    events = extract_text(text, KOREA, MONDAY).events
    assert [e.agents for e in events if e.cls == "Statement"] == [["trump"]]
    assert [e.agents for e in events if e.cls == "Appeal"] == [["trump"]]


def test_a_country_visited_is_the_target_not_the_place():
    visit = only("Kim arrived in Singapore on Sunday.", "Visit")
    assert (visit.agents, visit.targets, visit.place) == (["kim"], ["singapore"], None)


def test_a_city_visited_gives_its_country_as_target():
    text = "Trump arrived in Hanoi, where Vietnam welcomed him."
    entities = entities_in(text, KOREA)
    for entity in entities:
        entity.lexicon_id = entity.local_id
    doc = blank_pipeline()(text)
    events = extract_with_entities(doc, Article.from_text(text, published=MONDAY),
                                   entities).events
    visit = next(e for e in events if e.cls == "Visit")
    assert (visit.targets, visit.place) == (["vietnam"], "hanoi")


def test_the_second_of_two_coordinated_verbs_shares_the_subject():
    offer = only("Kim arrived in Hanoi on Sunday and offered a deal to Trump.", "Offer")
    assert (offer.agents, offer.targets) == (["kim"], ["trump"])


def test_both_sides_are_the_two_sides_of_the_article():
    appeal = only("The summit between North Korea and the US ended early. "
                  "Moon, who has carried messages since 2018, urged both sides to talk.",
                  "Appeal")
    assert (appeal.agents, sorted(appeal.targets)) == (["moon"], ["nk", "us"])


def test_both_sides_are_the_article_s_sides_not_the_last_two_states_named():
    events = extract_text("The summit between North Korea and the US ended early. On Tuesday "
                          "Singapore and Vietnam offered to host another round. Moon urged "
                          "both sides to talk.", KOREA, MONDAY).events
    appeal = next(e for e in events if e.cls == "Appeal")
    assert (appeal.agents, sorted(appeal.targets)) == (["moon"], ["nk", "us"])


def test_a_verb_after_and_and_an_auxiliary_shares_the_subject_of_that_auxiliary():
    offer = only("Kim said the North had sought relief from those that hit its economy, "
                 "and had offered to close Yongbyon.", "Offer")
    assert offer.agents == ["nk"]


def test_a_meeting_of_two_parties_held_somewhere():
    summits = [e for e in extract_text(
        "The second summit between Kim and Trump took place in Hanoi. The first meeting "
        "of Kim and Trump, held in Singapore, was short.", KOREA, MONDAY).events
        if e.cls == "Summit"]
    assert sorted((e.place, tuple(sorted(e.actors))) for e in summits) == [
        ("hanoi", ("kim", "trump")), ("singapore", ("kim", "trump"))]


def test_a_date_before_a_comma_does_not_date_the_verb_after_it():
    appeal = only("Moon, who has spoken with Kim since Friday, urged Trump to wait.", "Appeal")
    assert appeal.date is None


def test_a_verb_coordinated_with_a_rejection_is_an_event_of_its_own():
    events = extract_text("Kim rejected the idea on Monday and accused Trump of lying.",
                          KOREA, MONDAY).events
    by_class = {e.cls: e for e in events}
    assert by_class["Rejection"].targets == []
    assert (by_class["Accusation"].agents, by_class["Accusation"].targets) == (["kim"], ["trump"])


def test_an_appeal_takes_no_target_from_what_it_asks():
    appeal = only("Moon welcomed the news and called on the army to abandon Kim.", "Appeal")
    assert (appeal.agents, appeal.targets) == (["moon"], [])


def test_a_name_in_apposition_is_the_subject():
    appeal = only("South Korea's leader, Moon, called for calm.", "Appeal")
    assert appeal.agents == ["moon"]


def test_a_where_clause_gives_its_place():
    meeting = only("Moon was in Hanoi, where he had met Kim.", "Meeting")
    assert meeting.place == "hanoi"


def test_a_verb_after_an_arrival_takes_its_place():
    offer = only("Kim arrived in Hanoi on Sunday and offered a deal to Trump.", "Offer")
    assert offer.place == "hanoi"


def test_a_rejection_of_an_accusation_targets_the_accuser():
    rejection = only("Trump accused Kim of lying. Kim rejected the accusation on Monday.",
                     "Rejection")
    assert (rejection.agents, rejection.targets) == (["kim"], ["trump"])


def test_a_verb_coordinated_with_a_verb_of_saying_is_the_speakers_act():
    extraction = extract_text("Moon said the talks had stalled and urged Kim to return.",
                              KOREA, MONDAY)
    appeal = next(e for e in extraction.events if e.cls == "Appeal")
    assert (appeal.agents, appeal.targets, appeal.asserted_by) == (["moon"], ["kim"], None)


def test_the_speaker_past_a_participle_phrase_between_commas():
    appeal = only("Moon, speaking on radio, said the talks had stalled and urged Kim to "
                  "return.", "Appeal")
    assert appeal.agents == ["moon"]


def test_a_title_is_no_verb_of_saying():
    appeal = only("Secretary of State Moon said the talks had stalled and urged Kim to "
                  "return.", "Appeal")
    assert appeal.agents == ["moon"]


def test_a_possessive_in_an_opening_phrase_looks_ahead_to_the_subject_after_it():
    text = "Trump left Hanoi on Thursday.  In his speech, South Korean President Moon hoped " \
           "for patience."
    speech = only(text, "Statement")
    assert speech.agents == ["moon"]



def test_the_state_of_a_person_s_post_in_apposition_is_no_second_target():
    sanction = only("Washington imposed sanctions on Ri Yong-ho, Pyongyang's foreign minister.",
                    "SanctionImposed")
    assert sanction.targets == ["ri"]
    listed = only("Washington imposed sanctions on Ri Yong-ho, Kim and Moon.", "SanctionImposed")
    assert sorted(listed.targets) == ["kim", "moon", "ri"]
