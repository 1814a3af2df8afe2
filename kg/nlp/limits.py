"""Limits on what one article hands the tokenizer and the rules: the longest run of text
without a space, the longest sentence, the most entities and event triggers.

A news sentence runs to a few hundred characters, a word or URL to well under a hundred, and
an article names a few dozen entities and events. spaCy's tokenizer strips the quote marks or
brackets off a run of them one at a time (8,000 quote marks in a row take it 12 s, twice as
many four times as long); the rules look around each word within its sentence and compare an
article's event mentions pair by pair. So a broken or hostile input (a megabyte with no full
stop, a list of thousands of names) would keep them busy for hours. The limits:

- ``BoundedTokenizer`` (set by ``add_limits`` as the pipeline's tokenizer): a run of more than
  ``max_word_chars`` characters without white space is split into words and single marks by a
  regular expression instead of spaCy's affix rules;
- ``kg_span_limit``: only the first ``max_entities`` entity names of the article (in text
  order; one name is one lexicon id, or one class and normalised name) keep their mentions,
  and only the first ``max_triggers`` event triggers are kept;
- ``kg_sentence_limit``: a sentence longer than ``max_chars`` characters is cut into pieces of
  at most that many, never inside an entity, date or trigger. It runs last, once the spans
  are known; in a trained pipeline, before its dependency parser (a parsed Doc's sentences
  cannot be changed), which keeps the cuts.

What was cut is noted on the Doc (``doc._.kg_cuts``); ``report_cuts`` turns the notes into
warning lines of a kg.ingest Report. kg.nlp.load_pipeline puts them in (``add_limits``).

>>> from kg.nlp import load_pipeline
>>> nlp = load_pipeline(limits=Limits(max_sentence_chars=30))
>>> doc = nlp("Envoys met and talked and talked and talked and left at last.")
>>> [sentence.text for sentence in doc.sents]
['Envoys met and talked and', 'talked and talked and left at', 'last.']
>>> report = Report()
>>> report_cuts(doc, "notes.txt", report)
>>> report.lines()
['notes.txt: warning: long sentence cut (1 sentence over 30 characters cut into pieces)']
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Callable

from spacy.attrs import IDX, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.ingest.report import Report
from kg.nlp.bounds import Limits
from kg.nlp.normalise import normalise_name
from kg.nlp.spans import ENTITIES_KEY

TRIGGERS_KEY = "kg_triggers"
UNCUT_KEYS = (ENTITIES_KEY, "kg_dates", TRIGGERS_KEY)  # the spans a sentence cut must not split
WORD_OR_MARK = re.compile(r"\w+|\W")
SENTENCE_FINAL = frozenset({".", "!", "?", "…"})

if not Doc.has_extension("kg_cuts"):
    Doc.set_extension("kg_cuts", default=None)


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


def piece_starts(doc: Doc) -> list[bool]:
    """For each token, whether a sentence begins there, or (before sentences are set) probably
    begins: after a full stop, question or exclamation mark. Read from the Doc's arrays, as
    making a Token per token would cost more than the cut itself.

    >>> import spacy
    >>> piece_starts(spacy.blank("en")("Talks ended. Envoys left"))
    [True, False, False, True, False]
    """
    starts = doc.to_array(SENT_START).tolist()
    words = doc.to_array(ORTH).tolist()
    final = {doc.vocab.strings[mark] for mark in SENTENCE_FINAL}
    return [start == 1 or start == 0 and i > 0 and words[i - 1] in final
            for i, start in enumerate(starts)]


def inside_spans(doc: Doc, keys: Iterable[str] = UNCUT_KEYS) -> bytearray:
    """1 for each token that continues a span of the groups ``keys`` (a cut before it would
    split the span), else 0."""
    inside = bytearray(len(doc))
    for key in keys:
        for span in doc.spans.get(key, ()):
            inside[span.start + 1:span.end] = b"\x01" * (len(span) - 1)
    return inside


def cut_long_sentences(doc: Doc, max_chars: int) -> int:
    """Start a new sentence wherever one would pass ``max_chars`` characters (earlier where
    that would split an entity, date or trigger); the number of sentences so cut.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> doc = nlp("one two three four five six. Short.")
    >>> doc.spans["kg_dates"] = [doc[2:4]]
    >>> cut_long_sentences(doc, 12), [s.text for s in doc.sents]
    (1, ['one two', 'three four', 'five six.', 'Short.'])

    Before sentences are set (ahead of a parser), a full stop counts as a sentence end:

    >>> doc = spacy.blank("en")("one two three four. five six")
    >>> cut_long_sentences(doc, 12), [token.is_sent_start for token in doc]
    (1, [True, None, True, None, None, None, None])
    """
    if not len(doc):
        return 0
    inside: bytearray | None = None  # read only once a piece runs long
    starts = piece_starts(doc)
    offsets, lengths = doc.to_array([IDX, LENGTH]).T.tolist()
    cut = 0
    piece_start = 0  # first token of the current piece
    cutting = False
    for i in range(1, len(doc)):
        if starts[i]:
            piece_start, cutting = i, False
        elif offsets[i] + lengths[i] - offsets[piece_start] > max_chars:
            at = i
            inside = inside_spans(doc) if inside is None else inside
            while inside[at] and at > piece_start + 1:
                at -= 1
            doc[at].is_sent_start = True
            cut += not cutting
            piece_start, cutting = at, True
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


class BoundedTokenizer:
    """spaCy's tokenizer, except for runs of more than ``max_chars`` characters without white
    space: those are split into words and single marks (``\\w+|\\W``), which takes linear
    time whatever they hold.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, 8)
    >>> doc = nlp("Talks “““““““““ ended (well).")
    >>> [token.text for token in doc][:4], len(doc), doc.text
    (['Talks', '“', '“', '“'], 15, 'Talks “““““““““ ended (well).')
    >>> doc._.kg_cuts
    [['long word split', '1 run of more than 8 characters without a space split into words and marks']]
    """

    def __init__(self, tokenizer: Callable[[str], Doc], max_chars: int) -> None:
        self.tokenizer = tokenizer
        self.max_chars = max_chars
        self.long_run = re.compile(r"\S{%d,}" % (max_chars + 1))

    def __call__(self, text: str) -> Doc:
        runs = list(self.long_run.finditer(text))
        if not runs:
            return self.tokenizer(text)
        docs: list[Doc] = []
        at = 0
        for run in runs:
            if run.start() > at:
                docs.append(self.tokenizer(text[at:run.start()]))
            words = WORD_OR_MARK.findall(run.group())
            spaced = text[run.end():run.end() + 1] == " "
            docs.append(Doc(self.tokenizer.vocab, words=words,
                            spaces=[False] * (len(words) - 1) + [spaced]))
            at = run.end() + spaced
        if at < len(text):
            docs.append(self.tokenizer(text[at:]))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        note_cut(doc, "long word split",
                 f"{plural(len(runs), 'run')} of more than {self.max_chars} characters without "
                 f"a space split into words and marks")
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        return (self(text) for text in texts)

    @property
    def vocab(self):
        """The vocabulary of the wrapped tokenizer."""
        return self.tokenizer.vocab


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
    keeps sentence starts already set); None for the end of the pipeline.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer"), nlp.add_pipe("kg_quotes")
    >>> sentence_limit_place(nlp) is None
    True
    >>> _ = nlp.add_pipe("parser", before="kg_quotes")
    >>> sentence_limit_place(nlp)
    'parser'
    """
    return next((name for name in nlp.pipe_names
                 if "token.dep" in nlp.get_pipe_meta(name).assigns), None)


def add_limits(nlp: Language, limits: Limits = Limits()) -> Language:
    """Put the limits into a pipeline of the project's components; returns it."""
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, limits.max_word_chars)
    nlp.add_pipe("kg_span_limit", config={"max_entities": limits.max_entities,
                                          "max_triggers": limits.max_triggers})
    nlp.add_pipe("kg_sentence_limit", before=sentence_limit_place(nlp),
                 config={"max_chars": limits.max_sentence_chars})
    return nlp


def report_cuts(doc: Doc, where: str, report: Report) -> None:
    """One warning on ``report`` for each thing the limits cut from the article."""
    for reason, detail in doc._.kg_cuts or ():
        report.warn(where, reason, detail)
