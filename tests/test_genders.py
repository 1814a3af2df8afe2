"""The genders a text shows for its persons (kg/extract/genders.py), read by the pronoun
rules of quotes and events. Sentences written for these tests; entities set by hand."""
from __future__ import annotations

from events_support import blank_pipeline, entities_in

from kg.extract.context import ArticleContext
from kg.extract.genders import Genders, pronoun_gender
from kg.model import Article

PEOPLE = {"Marta Ruiz": ("ruiz", "Person"), "Ruiz": ("ruiz", "Person"),
          "Tomas Berg": ("berg", "Person"), "Berg": ("berg", "Person"),
          "Lee Park": ("park", "Person"), "Park": ("park", "Person"),
          "Dana Holt": ("holt", "Person"), "Holt": ("holt", "Person")}


def genders_of(text: str) -> Genders:
    doc = blank_pipeline()(text)
    context = ArticleContext.build(doc, Article.from_text(text), entities_in(text, PEOPLE))
    return Genders.of(context)


def test_a_given_name_tells_a_gender_the_text_does_not():
    genders = genders_of("Marta Ruiz met Tomas Berg and Lee Park at the port.")
    assert (genders.of_person("ruiz"), genders.of_person("berg"), genders.of_person("park")) \
        == ({"she"}, {"he"}, set())


def test_a_title_and_a_pronoun_in_a_one_person_sentence_tell_a_gender():
    genders = genders_of("Mr Park arrived late. Holt said she would wait for the ferry.")
    assert genders.of_person("park") == {"he"}
    assert genders.of_person("holt") == {"she"}


def test_the_text_s_own_pronoun_wins_over_the_given_name():
    genders = genders_of("Tomas Berg spoke first. Later Berg said she was tired.")
    assert genders.of_person("berg") == {"she"}
    assert genders.conflicts(["berg"], "he") and genders.agrees("berg", "she")


def test_only_he_and_she_tell_a_gender():
    assert (pronoun_gender("his"), pronoun_gender("her"), pronoun_gender("they")) \
        == ("he", "she", None)
