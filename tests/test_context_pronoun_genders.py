"""The gender of pronouns in event arguments (ArticleContext.resolve_pronoun): "she"
stands for no man the text or a given name shows to be one, "he" for no such woman.
Sentences written for these tests; entities set by hand."""
from __future__ import annotations

from events_support import blank_pipeline, entities_in, extract_text

from kg.extract.context import ArticleContext
from kg.model import Article

PEOPLE = {"Marta Ruiz": ("ruiz", "Person"), "Ruiz": ("ruiz", "Person"),
          "Tomas Berg": ("berg", "Person"), "Berg": ("berg", "Person"),
          "Lee Park": ("park", "Person"), "Park": ("park", "Person"),
          "Norland": ("norland", "Country"), "Vesta": ("vesta", "Country"),
          "Harbour Union": ("union", "Organization")}


def context_of(text: str) -> ArticleContext:
    doc = blank_pipeline()(text)
    return ArticleContext.build(doc, Article.from_text(text), entities_in(text, PEOPLE))


def pronoun_at(context: ArticleContext, word: str, nth: int = 0) -> str | None:
    positions = [token.i for token in context.doc if token.text == word]
    return context.resolve_pronoun(positions[nth])


def agents_of(text: str, cls: str) -> list[tuple[str, ...]]:
    return [tuple(event.agents) for event in extract_text(text, PEOPLE).events
            if event.cls == cls]


def test_she_passes_over_the_latest_agent_when_his_given_name_is_a_man_s():
    text = ("Marta Ruiz and Tomas Berg spoke at the forum. Berg praised the plan. "
            "She criticized the new port tax.")
    assert pronoun_at(context_of(text), "She") == "ruiz"


def test_she_takes_no_man_when_no_woman_is_named():
    text = "Tomas Berg praised the plan. She criticized the new port tax."
    assert pronoun_at(context_of(text), "She") is None
    assert agents_of(text, "Accusation") == []


def test_a_person_of_unknown_gender_stays_a_referent():
    text = "Tomas Berg left early. Lee Park praised the plan. She criticized the port tax."
    assert pronoun_at(context_of(text), "She") == "park"


def test_a_possessive_skips_a_person_of_the_other_gender_in_its_sentence():
    text = "Marta Ruiz met Tomas Berg in Norland on her first visit."
    assert pronoun_at(context_of(text), "her") == "ruiz"


def test_he_passes_over_a_woman_who_opens_the_sentence_before():
    text = "Marta Ruiz met Tomas Berg. He criticized the port tax."
    assert pronoun_at(context_of(text), "He") == "berg"



def test_they_still_stands_for_a_state_or_a_body():
    text = "Vesta praised the plan. They criticized the port tax."
    assert pronoun_at(context_of(text), "They") == "vesta"
    text = "The Harbour Union praised the plan. They criticized the port tax."
    assert pronoun_at(context_of(text), "They") == "union"


def test_they_stands_for_the_persons_named_together():
    text = "Marta Ruiz and Tomas Berg met in Norland. They criticized the port tax."
    assert agents_of(text, "Accusation") == [("ruiz", "berg")]


def test_they_after_one_person_stays_as_before():
    text = "Vesta praised the plan, and Tomas Berg spoke. They criticized the port tax."
    assert agents_of(text, "Accusation") != [("ruiz", "berg")]
