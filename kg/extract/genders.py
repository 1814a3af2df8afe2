"""What a text shows of its persons' genders, for pronouns that must agree with them.

A person's gender is read from the text's own words first: a gendered title right before
the name ("Mr", "his wife Ana Lima"; discourse.yaml gendered_titles) and the one gender of
the pronouns after the only person a sentence names ("Anna Lind arrived. She said ...").
Where the text shows none, the given name may tell it (discourse.yaml given_name_genders:
"Anna", "Pavel"). "He" and "she" then stand only for a person the evidence does not show to
be of the other gender, in quotes ("'...,' she said") as in events ("She asked ...").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span

from kg.model import Entity
from kg.nlp.events import read_lexicon_yaml
from kg.nlp.normalise import normalise_name

if TYPE_CHECKING:  # context.py builds a Genders per article and imports this module
    from kg.extract.context import ArticleContext


@dataclass(frozen=True)
class GenderWords:
    """The gender word lists of discourse.yaml: each word -> "he" or "she"."""

    titles: dict[str, str]
    pronouns: dict[str, str]
    given_names: dict[str, str]  # folded given name -> "he" or "she"


@cache
def gender_words() -> GenderWords:
    """The gender word lists, read once."""
    data = read_lexicon_yaml("discourse.yaml")

    def by_gender(key: str) -> dict[str, str]:
        return {word: gender for gender, words in data[key].items() for word in words}

    return GenderWords(titles=by_gender("gendered_titles"),
                       pronouns=by_gender("gendered_pronouns"),
                       given_names=by_gender("given_name_genders"))


def pronoun_gender(pronoun: str) -> str | None:
    """The gender ("he" or "she") a lower-case pronoun tells, or None ("they", "it")."""
    return gender_words().pronouns.get(pronoun)


@dataclass
class Genders:
    """What the text shows of each person's gender: the genders ("he", "she") of the words it
    uses for them, and, where it uses none, the gender its given name tells ("Anna Lind").
    Evidence only grows, so a conflict once seen stays."""

    known: dict[str, set[str]] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, context: ArticleContext) -> "Genders":
        """The evidence of given names, of titles before names and of pronouns in one-person
        sentences."""
        genders = cls(by_name=given_name_genders(context.entities))
        for sentence in context.sentences:
            genders.read_sentence(sentence, context)
        return genders

    def read_sentence(self, sentence: Span, context: ArticleContext) -> None:
        """Add what one sentence shows: a gendered title right before a person's name; the
        one gender of the pronouns after the only person the sentence names."""
        titles, pronouns = gender_words().titles, gender_words().pronouns
        persons: set[str] = set()
        seen: set[str] = set()
        for i in range(sentence.start, sentence.end):
            owner, lower = context.owner[i], context.tokens.lower[i]
            if context.quoted[i]:
                continue
            if owner and context.cls_of(owner) == "Person":
                persons.add(owner)
                title = context.tokens.lower[i - 1] if context.span_start[i] == i > 0 else ""
                if title in titles:
                    self.add(owner, titles[title])
            elif persons and owner is None and lower in pronouns:
                seen.add(pronouns[lower])
        if len(persons) == 1 and len(seen) == 1:
            self.add(persons.pop(), seen.pop())

    def add(self, local_id: str, gender: str) -> None:
        """Record that the text shows ``local_id`` to be a ``gender`` ("he" or "she")."""
        self.known.setdefault(local_id, set()).add(gender)

    def of_person(self, local_id: str) -> set[str]:
        """The genders shown for a person: the text's, else its given name's."""
        shown = self.known.get(local_id)
        if shown:
            return shown
        return {self.by_name[local_id]} if local_id in self.by_name else set()

    def note(self, group: list[str], pronoun: str) -> None:
        """Record that the text calls the one person of ``group`` by ``pronoun``."""
        gender = pronoun_gender(pronoun)
        if gender and len(group) == 1:
            self.add(group[0], gender)

    def conflicts(self, group: list[str], pronoun: str) -> bool:
        """Whether the text (or a given name) shows the one person of ``group`` to be of the
        other gender than ``pronoun``'s."""
        gender = pronoun_gender(pronoun)
        return gender is not None and len(group) == 1 and \
            bool(self.of_person(group[0]) - {gender})

    def contradicts(self, local_id: str, pronoun: str) -> bool:
        """Whether the text (or a given name) shows a person to be of the other gender than
        ``pronoun``'s only: mixed evidence contradicts neither pronoun."""
        gender = pronoun_gender(pronoun)
        shown = self.of_person(local_id)
        return gender is not None and bool(shown) and gender not in shown

    def agrees(self, local_id: str, pronoun: str) -> bool:
        """Whether the text (or a given name) shows a person to be of ``pronoun``'s gender
        only."""
        gender = pronoun_gender(pronoun)
        return gender is not None and self.of_person(local_id) == {gender}


def given_name_genders(entities: list[Entity]) -> dict[str, str]:
    """The gender the given name of each person tells, where it tells one: the first word of
    its label or of a mention of two words or more ("Anna Lind", "Yván Gil")."""
    names = gender_words().given_names
    found: dict[str, str] = {}
    for entity in entities:
        if entity.cls != "Person":
            continue
        forms = [entity.label] + [mention.text for mention in entity.mentions]
        genders = {names[first] for form in forms if len(form.split()) > 1
                   for first in [normalise_name(form.split()[0])] if first in names}
        if len(genders) == 1:
            found[entity.local_id] = genders.pop()
    return found
