"""Where a trigger word is no event, or its agent stands apart from it (sentences written
for these tests; full rule pipeline: entities from the lexicon)."""
from __future__ import annotations

import pytest


from events_support import labelled_events as events_of
from kg.extract import extract
from kg.model import Article


def test_an_appeal_to_someone_is_an_appeal(nlp):
    events = events_of(nlp, "Macron appealed on Monday to Japan for help with the fires.")
    assert events == [("Appeal", ["Emmanuel Macron"], ["Japan"])]


def test_a_court_appeal_is_no_appeal(nlp):
    assert events_of(nlp, "Lawyers for Macron filed an appeal against the ruling.") == []
    assert events_of(nlp, "Macron stays in prison pending his appeal.") == []


def test_offering_condolences_is_no_offer(nlp):
    assert events_of(nlp, "Macron offered his deepest condolences to Japan.") == []


def test_offering_help_is_an_offer(nlp):
    events = events_of(nlp, "Macron offered help to Japan after the earthquake.")
    assert events == [("Offer", ["Emmanuel Macron"], ["Japan"])]


def test_a_threat_received_is_not_the_receivers(nlp):
    events = events_of(nlp, "Macron said he and his family had received threats.")
    assert [cls for cls, _, _ in events] == []


def test_what_someone_is_accused_of_is_no_event_of_its_own(nlp):
    events = events_of(nlp, "Japan accused Russia of rejecting the talks, and Kishida "
                            "demanded that Moscow pay.")
    assert ("Accusation", ["Japan"], ["Russia"]) in events
    assert all(cls != "Rejection" for cls, _, _ in events)
    assert any(cls == "Demand" for cls, _, _ in events)


def test_a_subject_past_a_phrase_between_commas(nlp):
    events = events_of(nlp, "Russia, in turn, accused Japan of spying.")
    assert events == [("Accusation", ["Russia"], ["Japan"])]


def test_a_subject_past_auxiliaries_and_adverbs(nlp):
    events = events_of(nlp, "Japan has repeatedly urged Russia to return the islands.")
    assert events == [("Appeal", ["Japan"], ["Russia"])]


def test_an_object_as_does_not_end_the_clause_of_the_first_verb(nlp):
    events = events_of(nlp, "In 2007 the United States labelled Iran as a threat and levied "
                            "sanctions against it.")
    assert ("SanctionImposed", ["United States"], ["Iran"]) in events


def test_him_names_the_person_of_its_own_sentence(nlp):
    text = ("Putin met Macron in Paris. Washington imposed sanctions on Kim Jong-un, "
            "accusing him of funding missile tests.")
    events = events_of(nlp, text)
    assert ("Accusation", ["United States"], ["Kim Jong-un"]) in events


def test_said_after_and_reports_an_intent(nlp):
    events = events_of(nlp, "French President Emmanuel Macron urged Japan to act and said "
                            "France would support any agreement.")
    assert ("Promise", ["Emmanuel Macron"], []) in events


def test_a_wish_is_no_intent(nlp):
    events = events_of(nlp, "Macron said France would prefer a slower pace.")
    assert events == []


def test_what_the_speaker_will_do_themselves_is_a_plan_not_a_promise(nlp):
    assert events_of(nlp, "French President Emmanuel Macron said he would fly home "
                          "on Sunday.") == []
    events = events_of(nlp, "French President Emmanuel Macron said he would not step down.")
    assert ("Rejection", ["Emmanuel Macron"], []) in events


def test_a_negation_inside_quote_marks_after_the_modal_negates_the_intent(nlp):
    events = events_of(nlp, 'French President Emmanuel Macron said France would "not give '
                            'in to threats from anyone".')
    assert ("Rejection", ["Emmanuel Macron"], []) in events


def test_levied_sanctions_are_imposed(nlp):
    events = events_of(nlp, "Japan levied sanctions on Russia on Friday.")
    assert events == [("SanctionImposed", ["Japan"], ["Russia"])]


def test_being_prepared_to_host_talks_is_an_offer(nlp):
    events = events_of(nlp, "Turkey was prepared to host talks between Russia and Ukraine.")
    assert [(cls, agents) for cls, agents, _ in events][:1] == [("Offer", ["Turkey"])]


def test_a_negation_before_a_phrase_between_commas_negates_the_verb(nlp):
    for text in ("Japan had not, as of yesterday, announced plans to leave.",
                 "Japan, however, did not announce plans to leave."):
        extraction = extract(nlp(text), Article.from_text(text))
        assert [(event.cls, event.negated) for event in extraction.events] \
            == [("Statement", True)]


@pytest.mark.parametrize("text", [
    "Macron is due to visit Japan next month.",
    "Macron is scheduled to meet Olaf Scholz on Friday.",
])
def test_an_event_due_or_scheduled_has_not_happened(nlp, text):
    assert events_of(nlp, text) == []


@pytest.mark.parametrize("text, cls", [
    ("French President Emmanuel Macron said France would respond firmly to any new "
     "expulsion.", "Threat"),
    ("French President Emmanuel Macron said France would retaliate.", "Threat"),
    ("French President Emmanuel Macron said France would help.", "Promise"),
])
def test_a_stated_answer_to_another_sides_act_is_a_threat(nlp, text, cls):
    assert events_of(nlp, text) == [(cls, ["Emmanuel Macron"], [])]


def test_a_city_after_from_is_where_a_speech_is_given_not_its_speaker(nlp):
    text = ("In a televised address from Banja Luka on Friday, Kishida called the ruling a "
            "disgrace.")
    extraction = extract(nlp(text), Article.from_text(text))
    labels = {entity.local_id: entity.label for entity in extraction.entities}
    statement = next(event for event in extraction.events if event.cls == "Statement")
    assert [labels[a] for a in statement.agents] == ["Fumio Kishida"]
    assert labels[statement.place] == "Banja Luka"


def test_a_word_of_saying_after_a_determiner_is_no_verb_of_saying(nlp):
    events = events_of(nlp, "In a televised address on Friday, Kishida threatened to stop "
                            "paying Okinawa's share of the state budget.")
    assert ("Statement", ["Fumio Kishida"], []) in events
