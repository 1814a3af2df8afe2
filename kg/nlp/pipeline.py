"""``load_pipeline``: the one spaCy Language every article goes through.

With no model named: blank English, ``kg_sentencizer`` (spaCy's sentencizer, faster;
kg/nlp/sentences.py) and ``kg_lemmatizer`` (the lookup table of
spacy-lookups-data, as spaCy's lookup lemmatizer reads it; kg/nlp/lemmas.py), so nothing is
downloaded. With ``model`` (an installed package name or a path): that trained pipeline, whose
NER and parse the project's components read. Either way the project's components follow, in
this order: ``kg_gazetteer`` (lexicon names), ``kg_names`` (names the lexicon does not know),
``kg_dates``, ``kg_quotes``, ``kg_events``; then the limits of kg/nlp/limits.py
(``kg_span_limit``, ``kg_sentence_limit``, and a tokenizer that splits overlong runs).

>>> nlp = load_pipeline()
>>> nlp.pipe_names[-7:-2]
['kg_gazetteer', 'kg_names', 'kg_dates', 'kg_quotes', 'kg_events']
>>> nlp.pipe_names[-2:]
['kg_span_limit', 'kg_sentence_limit']
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

# imported for their factories: kg_sentencizer, kg_lemmatizer, kg_gazetteer, kg_names,
# kg_dates, kg_quotes, kg_events
from kg.nlp import dates, events, gazetteer, lemmas, names, quotes, sentences  # noqa: F401
from kg.nlp.events import read_lexicon_yaml
from kg.nlp.limits import Limits, add_limits

PROJECT_COMPONENTS = ("kg_dates", "kg_quotes", "kg_events")
SENTENCE_SPLITTERS = ("parser", "senter", "sentencizer", "kg_sentencizer")
INSTALL_HINT = ("install one with `python -m spacy download en_core_web_sm` where a network "
                "exists, or `pip install` a pipeline wheel")


class PipelineError(ValueError):
    """A spaCy pipeline that cannot be used; the message is one line."""


def trained_pipeline(model: str) -> Language:
    """``spacy.load(model)``, or a PipelineError that says how to install one."""
    try:
        return spacy.load(model)
    except OSError:
        raise PipelineError(f"spaCy pipeline {model!r} is not installed: {INSTALL_HINT}") \
            from None


def split_letter_names(nlp: Language) -> None:
    """Make each one-letter name of names.yaml ``letter_names`` before a dot a name and a
    full stop, so that "he wrote on X." ends its sentence and names the platform (spaCy
    keeps a capital letter and a dot together, as an initial).

    >>> nlp = spacy.blank("en"); split_letter_names(nlp)
    >>> [token.text for token in nlp("He wrote on X.")]
    ['He', 'wrote', 'on', 'X', '.']
    """
    for letter in read_lexicon_yaml("names.yaml")["letter_names"]:
        nlp.tokenizer.add_special_case(f"{letter}.", [{ORTH: letter}, {ORTH: "."}])


def blank_pipeline() -> Language:
    """Blank English with sentence splitting and lookup lemmas (no download needed)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_sentencizer")
    nlp.add_pipe("kg_lemmatizer")
    return nlp


def load_pipeline(model: str | None = None, lexicons: Sequence[Path] = (),
                  limits: Limits = Limits()) -> Language:
    """The pipeline: ``model`` (or blank English) plus the project's components.

    ``lexicons`` are extra entity lexicon files (``--lexicon FILE``); ``limits`` bound what
    one article hands the rules. Raises PipelineError for a model that is not installed and
    kg.lexicon.LexiconError for an unusable lexicon file.
    """
    nlp = trained_pipeline(model) if model else blank_pipeline()
    split_letter_names(nlp)
    if not any(nlp.has_pipe(name) for name in SENTENCE_SPLITTERS):
        nlp.add_pipe("kg_sentencizer")
    nlp.add_pipe("kg_gazetteer", config={"lexicons": [str(path) for path in lexicons]})
    nlp.add_pipe("kg_names")
    for component in PROJECT_COMPONENTS:
        nlp.add_pipe(component)
    return add_limits(nlp, limits)
