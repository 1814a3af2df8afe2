"""Helpers for the role tests: the posts the entity stage gives the persons of a text."""
from __future__ import annotations

from datetime import date

from spacy.language import Language

from kg.extract.entities import extract_entities
from kg.model import Article


def posts(nlp: Language, text: str, dateline: str | None = None) -> set[tuple[str, str, str]]:
    """(person, title, whose post) of every role the text gives (an article with the
    given dateline, if any)."""
    article = Article.from_text(text, published=date(2024, 5, 1), dateline=dateline)
    entities = extract_entities(nlp(text), article)
    label = {entity.local_id: entity.label for entity in entities}
    return {(entity.label, role.title, label.get(role.of or "", ""))
            for entity in entities for role in entity.roles}
