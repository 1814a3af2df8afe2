"""Limits on what one article hands the rules: the longest sentence, the most entities and
event triggers.

A news sentence runs to a few hundred characters and an article names a few dozen entities
and events. The rules look around each word within its sentence and compare an article's
event mentions pair by pair, so a broken or hostile input (a megabyte with no full stop, a
list of thousands of names) would keep them busy for hours. Two components bound that work:

- ``kg_sentence_limit`` runs once sentences are known (before a dependency parser, which
  then keeps its cuts): a sentence longer than ``max_chars`` characters is cut, at the token
  that would pass the limit, into pieces of at most ``max_chars``;
- ``kg_span_limit`` runs last: only the first ``max_entities`` entity names of the article
  (in text order; one name is one lexicon id, or one class and normalised name) keep their
  mentions, and only the first ``max_triggers`` event triggers are kept.

What was cut is noted on the Doc (``doc._.kg_cuts``); ``report_cuts`` turns the notes into
warning lines of a kg.ingest Report. ``add_limits`` puts both components into a pipeline.

>>> from kg.nlp import load_pipeline
>>> nlp = add_limits(load_pipeline(), Limits(max_sentence_chars=30))
>>> doc = nlp("Envoys met and talked and talked and talked and left at last.")
>>> [sentence.text for sentence in doc.sents]
['Envoys met and talked and', 'talked and talked and left at', 'last.']
>>> report = Report()
>>> report_cuts(doc, "notes.txt", report)
>>> report.lines()
['notes.txt: warning: long sentence cut (1 sentence over 30 characters cut into pieces)']
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.ingest.report import Report
from kg.nlp.normalise import normalise_name
from kg.nlp.spans import ENTITIES_KEY

TRIGGERS_KEY = "kg_triggers"
SENTENCE_FINAL = frozenset({".", "!", "?", "…"})

if not Doc.has_extension("kg_cuts"):
    Doc.set_extension("kg_cuts", default=None)


@dataclass(frozen=True)
class Limits:
    """The most one article may hand the rules.

    ``max_sentence_chars``: a longer sentence is cut into pieces; ``max_entities``: names
    past this many (in text order) are left out; ``max_triggers``: event triggers past this
    many are left out. The defaults are several times what a long news article needs (in
    the 294 Wikinews articles: sentences up to 731 characters, up to 134 entity names and
    103 triggers).
    """

    max_sentence_chars: int = 2000
    max_entities: int = 500
    max_triggers: int = 1000


def note_cut(doc: Doc, reason: str, detail: str) -> None:
    """Note on the Doc that something was cut (kept as plain strings, so Docs still
    serialise between processes)."""
    doc._.kg_cuts = [*(doc._.kg_cuts or []), [reason, detail]]


def plural(count: int, noun: str) -> str:
    """A count with its noun.

    >>> plural(1, "sentence"), plural(3, "sentence")
    ('1 sentence', '3 sentences')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


def starts_piece(token: Token) -> bool:
    """True where a sentence begins, or (before sentences are set) where one probably
    begins: after a full stop, question or exclamation mark."""
    if token.is_sent_start is None:
        return token.i > 0 and token.nbor(-1).text in SENTENCE_FINAL
    return bool(token.is_sent_start)


def cut_long_sentences(doc: Doc, max_chars: int) -> int:
    """Start a new sentence wherever one would pass ``max_chars`` characters; the number of
    sentences so cut.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> doc = nlp("one two three four five six. Short.")
    >>> cut_long_sentences(doc, 12), [s.text for s in doc.sents]
    (1, ['one two', 'three four', 'five six.', 'Short.'])
    """
    cut = 0
    piece_start = 0
    cutting = False
    for token in doc[1:]:
        if starts_piece(token):
            piece_start, cutting = token.idx, False
        elif token.idx + len(token) - piece_start > max_chars:
            token.is_sent_start = True
            cut += not cutting
            piece_start, cutting = token.idx, True
    return cut


class SentenceLimit:
    """Cuts sentences longer than ``max_chars`` characters into pieces."""

    def __init__(self, name: str, max_chars: int) -> None:
        self.name = name
        self.max_chars = max_chars

    def __call__(self, doc: Doc) -> Doc:
        cut = cut_long_sentences(doc, self.max_chars)
        if cut:
            note_cut(doc, "long sentence cut",
                     f"{plural(cut, 'sentence')} over {self.max_chars} characters cut into "
                     f"pieces")
        return doc


@Language.factory("kg_sentence_limit", default_config={"max_chars": Limits.max_sentence_chars})
def make_sentence_limit(nlp: Language, name: str, max_chars: int) -> SentenceLimit:
    """Build the sentence limit: sentences over ``max_chars`` characters are cut."""
    return SentenceLimit(name, max_chars)


def entity_name(span: Span) -> str:
    """What makes two mentions one name: the lexicon id, else the class and normalised text.

    >>> import spacy
    >>> doc = spacy.blank("en")("Envoy Ana Lima met ANA LIMA")
    >>> entity_name(Span(doc, 1, 3, label="Person")) == entity_name(Span(doc, 4, 6, label="Person"))
    True
    """
    return span.kb_id_ or f"{span.label_}|{normalise_name(span.text)}"


def first_names(spans: Iterable[Span], most: int) -> tuple[list[Span], int]:
    """The mentions of the first ``most`` names (in text order), and how many names there
    were in all."""
    kept_names: set[str] = set()
    all_names: set[str] = set()
    kept: list[Span] = []
    for span in sorted(spans, key=lambda span: span.start):
        name = entity_name(span)
        all_names.add(name)
        if name in kept_names or len(kept_names) < most:
            kept_names.add(name)
            kept.append(span)
    return kept, len(all_names)


def replace_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    """Put ``spans`` in the span group ``key``, keeping the group's attributes."""
    attrs = dict(doc.spans[key].attrs)
    doc.spans[key] = spans
    doc.spans[key].attrs.update(attrs)


class SpanLimit:
    """Keeps the first ``max_entities`` entity names and ``max_triggers`` event triggers."""

    def __init__(self, name: str, max_entities: int, max_triggers: int) -> None:
        self.name = name
        self.max_entities = max_entities
        self.max_triggers = max_triggers

    def __call__(self, doc: Doc) -> Doc:
        self.limit_entities(doc)
        self.limit_triggers(doc)
        return doc

    def limit_entities(self, doc: Doc) -> None:
        """Leave out the mentions of names past the first ``max_entities``."""
        spans = list(doc.spans.get(ENTITIES_KEY, ()))
        kept, names = first_names(spans, self.max_entities)
        if names > self.max_entities:
            replace_spans(doc, ENTITIES_KEY, kept)
            note_cut(doc, "entities left out",
                     f"kept the first {self.max_entities} of {names} entity names; "
                     f"{plural(len(spans) - len(kept), 'mention')} left out")

    def limit_triggers(self, doc: Doc) -> None:
        """Leave out the event triggers past the first ``max_triggers``."""
        spans = sorted(doc.spans.get(TRIGGERS_KEY, ()), key=lambda span: span.start)
        if len(spans) > self.max_triggers:
            replace_spans(doc, TRIGGERS_KEY, spans[:self.max_triggers])
            note_cut(doc, "event triggers left out",
                     f"kept the first {self.max_triggers} of {len(spans)} event triggers")


@Language.factory("kg_span_limit", default_config={"max_entities": Limits.max_entities,
                                                   "max_triggers": Limits.max_triggers})
def make_span_limit(nlp: Language, name: str, max_entities: int,
                    max_triggers: int) -> SpanLimit:
    """Build the span limit: entity names past ``max_entities`` and event triggers past
    ``max_triggers`` are left out."""
    return SpanLimit(name, max_entities, max_triggers)


def sentence_limit_place(nlp: Language) -> str | None:
    """The component the sentence limit goes before: the first dependency parser (which
    keeps sentence starts already set) or project component; None for the end.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer"), nlp.add_pipe("kg_quotes")
    >>> sentence_limit_place(nlp)
    'kg_quotes'
    """
    return next((name for name in nlp.pipe_names
                 if "token.dep" in nlp.get_pipe_meta(name).assigns or name.startswith("kg_")),
                None)


def add_limits(nlp: Language, limits: Limits = Limits()) -> Language:
    """Put the limits into a pipeline built by kg.nlp.load_pipeline; returns it."""
    nlp.add_pipe("kg_sentence_limit", before=sentence_limit_place(nlp),
                 config={"max_chars": limits.max_sentence_chars})
    nlp.add_pipe("kg_span_limit", config={"max_entities": limits.max_entities,
                                          "max_triggers": limits.max_triggers})
    return nlp


def report_cuts(doc: Doc, where: str, report: Report) -> None:
    """One warning on ``report`` for each thing the limits cut from the article."""
    for reason, detail in doc._.kg_cuts or ():
        report.warn(where, reason, detail)
