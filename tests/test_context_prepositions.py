"""The preposition that introduces a name (ArticleContext.preposition_before): a gerund
between them makes the name its object, so that preposition is not the name's. Sentences
written for these tests; entities set by hand."""
from __future__ import annotations

from events_support import blank_pipeline, entities_in, extract_text

from kg.extract.context import ArticleContext
from kg.model import Article

NAMES = {"Norland": ("norland", "Country"), "Valdoria": ("valdoria", "Country"),
         "Estmark": ("estmark", "Country"), "Brenholm": ("brenholm", "City")}


def preposition_of(text: str, name: str) -> str | None:
    """The preposition before the first mention of ``name`` in ``text``."""
    context = ArticleContext.build(blank_pipeline()(text), Article.from_text(text),
                                   entities_in(text, NAMES))
    start = next(token.i for token in context.doc if token.text == name)
    return context.preposition_before(start)


def test_a_name_after_a_gerund_is_its_object():
    assert preposition_of("Norland went further in accusing Valdoria.", "Valdoria") is None


def test_a_name_after_a_gerund_is_no_place_of_the_next_event():
    text = "Norland went further in accusing Valdoria, pledging to send ships to Estmark."
    assert [e.place for e in extract_text(text, NAMES).events if e.cls == "Promise"] == [None]


def test_a_participle_used_as_an_adjective_keeps_the_preposition():
    assert preposition_of("Norland met Estmark in neighbouring Brenholm.", "Brenholm") == "in"


def test_a_noun_in_ing_after_a_determiner_keeps_the_preposition():
    text = "Norland spoke at the opening Brenholm session."
    assert preposition_of(text, "Brenholm") == "at"
