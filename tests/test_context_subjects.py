"""Which subject a pronoun that opens its clause stands for (ArticleContext.previous_topics
and pronoun_candidates). Sentences written for these tests; entities and posts set by hand."""
from __future__ import annotations

import pytest
from events_support import blank_pipeline, entities_in, extract_text

from kg.extract import extract_with_entities
from kg.extract.context import ArticleContext
from kg.model import Article, Mention, RoleFact

NAMES = {"Norland": ("norland", "Country"), "Valdoria": ("valdoria", "Country"),
         "Arvid Holm": ("holm", "Person"), "Holm": ("holm", "Person"),
         "Piet Maas": ("maas", "Person"), "Maas": ("maas", "Person"),
         "Brenholm": ("brenholm", "City")}


def agents_of(text: str, cls: str) -> list[list[str]]:
    return [event.agents for event in extract_text(text, NAMES).events if event.cls == cls]


@pytest.mark.parametrize("text", [
    # after an opening "But" or "And": the subject of the sentence before
    "Arvid Holm told reporters that Norland would talk to Piet Maas. But he rejected the plan.",
    "Arvid Holm told reporters that Norland would talk to Piet Maas. And he rejected the plan.",
    # after ", and": the subject of its own sentence
    "Arvid Holm told reporters that Valdoria owed a reply to Piet Maas, and he rejected the plan.",
    # after an opening phrase that names nobody: the subject of the sentence before
    "Arvid Holm took a firmer line than Piet Maas. In a message online he rejected the plan.",
])
def test_he_opening_a_clause_is_the_subject_before(text: str):
    assert agents_of(text, "Rejection") == [["holm"]]


def with_post(text: str, post: str, holder: str):
    """The extraction of ``text`` where ``holder`` holds the post written before him."""
    entities = entities_in(text, NAMES)
    start, end = text.index(post), text.index(post) + len(post)
    for entity in entities:
        if entity.local_id == holder:
            entity.roles.append(RoleFact(title="Minister", of="norland", mention=Mention(
                start=start, end=end, text=post, sentence=0, sentence_start=0,
                sentence_end=text.index(".") + 1)))
    return extract_with_entities(blank_pipeline()(text), Article.from_text(text), entities)


def test_he_is_the_person_whose_post_names_the_country_before_him():
    text = ("Norland foreign minister Arvid Holm told reporters that Valdoria would talk to "
            "Piet Maas. But he rejected the plan.")
    extraction = with_post(text, "Norland foreign minister Arvid Holm", "holm")
    assert [e.agents for e in extraction.events if e.cls == "Rejection"] == [["holm"]]


def test_a_name_after_a_preposition_is_no_subject_for_they():
    text = ("Arvid Holm and Piet Maas met in Brenholm. Later in Valdoria the talks ended. "
            "And they rejected the plan.")
    assert ["valdoria"] not in agents_of(text, "Rejection")


def test_an_opening_phrase_that_names_someone_gives_no_topic():
    text = ("Arvid Holm took a firmer line than Piet Maas. "
            "In a message to Maas he rejected the plan of Valdoria.")
    context = ArticleContext.build(blank_pipeline()(text), Article.from_text(text),
                                   entities_in(text, NAMES))
    pronoun = next(token.i for token in context.doc if token.text == "he")
    assert context.previous_topics(pronoun) == []
