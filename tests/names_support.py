"""Helpers for the name-recognition tests: the entity spans the rule pipeline marks."""
from __future__ import annotations

from spacy.language import Language


def found(nlp: Language, text: str) -> list[tuple[str, str]]:
    """Each entity span's text and class."""
    doc = nlp(text)
    return [(span.text, span.label_) for span in doc.spans["kg_entities"]]
