"""The shallow clause and noun-phrase layer (kg/extract/clauses.py) of the no-model path.
Sentences written for these tests; entities set by hand."""
from __future__ import annotations

import pytest
from events_support import blank_pipeline, entities_in, extract_text

from kg.extract.clauses import act_subject, predicate_subject
from kg.extract.context import ArticleContext
from kg.model import Article

NAMES = {"Norland": ("norland", "Country"), "Valdoria": ("valdoria", "Country"),
         "Arvid Holm": ("holm", "Person"), "Holm": ("holm", "Person"),
         "Piet Maas": ("maas", "Person"), "Maas": ("maas", "Person"),
         "Lena Dahl": ("dahl", "Person"), "Brenholm": ("brenholm", "City"),
         "Norland embassy": ("embassy", "GovernmentBody"),
         "Harbour Union": ("union", "Organization")}


def context_of(text: str) -> ArticleContext:
    doc = blank_pipeline()(text)
    return ArticleContext.build(doc, Article.from_text(text), entities_in(text, NAMES))


def token_of(context: ArticleContext, word: str) -> int:
    return next(t.i for t in context.doc if t.text == word)


def subject_of(text: str, word: str) -> list[str]:
    context = context_of(text)
    return predicate_subject(token_of(context, word), context)


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a possessive post in apposition names its holder, not the state
    ("Norland's deputy trade minister, Arvid Holm, said the port would open.", "said", ["holm"]),
    # a description after the name between commas
    ("Arvid Holm, the deputy trade minister, told reporters the port would open.", "told",
     ["holm"]),
    # a titled second conjunct and a counterpart in apposition join the phrase
    ("Arvid Holm and Foreign Minister Piet Maas signed the accord.", "signed", ["holm", "maas"]),
    ("Arvid Holm and his Valdorian counterpart, Piet Maas, signed the accord.", "signed",
     ["holm", "maas"]),
    # a place after a body's name belongs to its phrase
    ("The Norland embassy in Brenholm said the talks were over.", "said", ["embassy"]),
    # a participle, an infinitive and a coordinated verb share the subject before them
    ("Arvid Holm rejected the plan, accusing Valdoria of delay.", "accusing", ["holm"]),
    ("Arvid Holm used a long interview to reject the plan.", "reject", ["holm"]),
    ("Arvid Holm arrived in Brenholm and signed the accord.", "signed", ["holm"]),
])
def test_predicate_subjects(text: str, verb: str, expected: list[str]):
    assert subject_of(text, verb) == expected


def test_an_infinitive_after_an_object_takes_no_inherited_subject():
    assert subject_of("Arvid Holm asked Piet Maas to reject the plan.", "reject") == []


def agents_of(text: str, cls: str) -> list[list[str]]:
    return [event.actors for event in extract_text(text, NAMES).events if event.cls == cls]


@pytest.mark.parametrize(("text", "cls", "expected"), [
    # a noun naming the occasion of any verb's act: that verb's subject
    ("Arvid Holm struck a conciliatory tone at a news conference in Brenholm.", "Statement",
     ["holm"]),
    # the object of a light or performing verb, past "of" and modifiers
    ("Norland's trade envoy, Arvid Holm, and Foreign Minister Piet Maas held the second "
     "round of border commissioners' talks in Brenholm.", "Negotiation", ["holm", "maas"]),
    ("Arvid Holm repeated that refusal in a radio interview on Monday.", "Rejection",
     ["holm"]),
    # a verb of saying with a noun of speech as its object, past a possessive post
    ("Norland's deputy trade minister, Arvid Holm, told a news conference the port would "
     "open.", "Statement", ["holm"]),
    # the head of a phrase that opens the sentence: the subject after its comma
    ("In a statement issued after the session, the Harbour Union said the port would open.",
     "Statement", ["union"]),
])
def test_a_noun_without_owner_takes_the_subject_of_its_clause(text: str, cls: str,
                                                               expected: list[str]):
    assert expected in agents_of(text, cls)


@pytest.mark.parametrize(("text", "noun"), [
    # the object of a verb that answers or describes an act is no act of its subject
    ("Arvid Holm described the summit as a success.", "summit"),
    # a noun that is the subject of its own verb
    ("Arvid Holm said the talks had ended.", "talks"),
    # a noun further inside an opening phrase
    ("In a statement after the talks, the Harbour Union said the port would open.", "talks"),
])
def test_no_clause_subject_for_other_nouns(text: str, noun: str):
    context = context_of(text)
    assert act_subject(token_of(context, noun), context) == []
