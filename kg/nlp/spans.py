"""What the entity components share: the span layout of ``doc.spans["kg_entities"]``.

Each span is one entity mention: ``label_`` is the ekg class local name, ``kb_id_`` the lexicon
id (or ""), ``id_`` how it was found (``name``, ``alias``, ``short_name``, ``demonym``,
``metonym`` from the gazetteer; ``shape``, ``model`` from the names finder) and
``span._.kg_confidence`` a float in [0, 1].

>>> import spacy
>>> doc = spacy.blank("en")("Talks in Hanoi")
>>> span = entity_span(doc, 2, 3, "City", "hanoi", "name", 1.0)
>>> (span.label_, span.kb_id_, span.id_, span._.kg_confidence)
('City', 'hanoi', 'name', 1.0)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from kg.lexicon import NameCues

ENTITIES_KEY = "kg_entities"

if not Span.has_extension("kg_confidence"):
    Span.set_extension("kg_confidence", default=1.0)


def entity_span(doc: Doc, start: int, end: int, cls: str, kb_id: str, kind: str,
                confidence: float) -> Span:
    """A mention span in the project's layout."""
    span = Span(doc, start, end, label=cls, kb_id=kb_id, span_id=kind)
    span._.kg_confidence = round(confidence, 2)
    return span


def is_capitalised(token: Token) -> bool:
    """True for a word written with a capital or a number ("Moon", "KCNA", "38")."""
    return token.text[:1].isupper() or token.is_digit


def in_place_context(doc: Doc, start: int, end: int, place_preps: frozenset[str],
                     place_suffixes: frozenset[str], parsed: bool) -> bool:
    """True where the name at [start, end) stands for a place, not an actor.

    Governed by a place preposition ("a speech in Seoul"; read from the parse where the Doc
    has one: ``parsed``, which the caller reads once per Doc) or joined to a place suffix
    ("Washington-based").
    """
    before = doc[start - 1].lower_ if start else ""
    if before == "the" and start > 1:
        before = doc[start - 2].lower_
    if before in place_preps:
        return True
    if parsed:
        root = doc[start:end].root
        if root.dep_ == "pobj" and root.head.lower_ in place_preps:
            return True
    return (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
            and doc[end + 1].lower_ in place_suffixes)


ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "agent", "dative"})
POSSESSIVES = frozenset({"’s", "'s", "’", "'"})


def acts(doc: Doc, start: int, end: int, cues: "NameCues", parsed: bool) -> bool:
    """True where the name at [start, end) is an actor: "Pyongyang wanted", "Washington's",
    "sanctions on Pyongyang"; not "the Hanoi summit" or "a speech in Seoul".

    Read from the parse where the Doc has one (``parsed``), else from the words beside the
    name.
    """
    if in_place_context(doc, start, end, cues.place_preps, cues.place_suffixes, parsed):
        return False
    if parsed:
        root = doc[start:end].root
        return root.dep_ in ACTING_DEPS or root.dep_ == "pobj" \
            and root.head.lower_ in cues.acting_preps
    before = doc[start - 1].lower_ if start else ""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text in POSSESSIVES or before in cues.acting_preps:
        return True
    if after is None or before in cues.modifier_determiners:
        return False
    verb = verb_after(doc, end, cues)
    if verb is None or not verb.is_lower:
        return False
    return verb.lower_ in cues.acting_verbs or bool(verb.lemma_) and verb.lemma_ != verb.lower_


def verb_after(doc: Doc, end: int, cues: "NameCues") -> Token | None:
    """The word after a name past adverbs and time words ("last month", "on Tuesday"), where
    its verb would stand; None at the end of the sentence."""
    j = end
    while j < len(doc) and not doc[j].is_sent_start and (
            doc[j].lower_ in cues.words_before_verb and (doc[j].is_lower or doc[j].is_title)):
        j += 1
    if j >= len(doc) or j > end and doc[j].is_sent_start:
        return None
    return doc[j]
