"""The ``kg_events`` component: marks event triggers from ontology/lexicon/triggers.yaml.

Every trigger becomes a span in ``doc.spans["kg_triggers"]`` whose ``label_`` is the ekg event
class and whose ``kb_id_`` is ``"verb"``, ``"noun"`` or ``"reported"`` (how it was matched).
Words are matched on their lower-case form against every inflection the lookup tables of
spacy-lookups-data know for a trigger lemma, so "Talks", "promised" and "negotiations" match
with or without a lemmatizer in the pipeline.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_events")
>>> doc = nlp("Talks resumed after Kim promised a summit.")
>>> [(span.text, span.label_) for span in doc.spans["kg_triggers"]]
[('Talks', 'Negotiation'), ('promised', 'Promise'), ('summit', 'Summit')]
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from spacy_lookups_data import get_file

from kg.nlp.normalise import read_yaml
from kg.paths import ontology_dir

TRIGGER_KINDS = ("verbs", "nouns", "reported")


@dataclass(frozen=True)
class EventClass:
    """One event class of the trigger lexicon."""

    name: str
    cameo: str | None
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()
    target_preps: frozenset[str] = field(default_factory=frozenset)
    symmetric: bool = False
    series: bool = False
    speech: bool = False


def lexicon_file(name: str) -> Path:
    """The path of a data file under ontology/lexicon/."""
    return ontology_dir() / "lexicon" / name


@cache
def read_lexicon_yaml(name: str) -> dict:
    """A YAML data file of ontology/lexicon/, parsed once per process."""
    return read_yaml(lexicon_file(name)) or {}


@cache
def event_classes(path: Path | None = None) -> dict[str, EventClass]:
    """The trigger lexicon: event class name -> EventClass.

    >>> event_classes()["Promise"].cameo
    '030'
    """
    data = read_yaml(path or lexicon_file("triggers.yaml"))
    return {
        name: EventClass(
            name=name,
            cameo=str(entry["cameo"]) if entry.get("cameo") is not None else None,
            verbs=tuple(entry.get("verbs") or ()),
            nouns=tuple(entry.get("nouns") or ()),
            reported=tuple(entry.get("reported") or ()),
            target_preps=frozenset(entry.get("target_preps") or ()),
            symmetric=bool(entry.get("symmetric", False)),
            series=bool(entry.get("series", False)),
            speech=bool(entry.get("speech", False)),
        )
        for name, entry in data["classes"].items()
    }


def word_forms(lemma: str, noun: bool = False) -> list[str]:
    """Every lower-case form of a lemma: ``word_forms("talk")`` holds "talks" and "talked".

    For a noun only its plurals count ("accords", not "according").
    """
    forms = inflected_forms().get(lemma.lower(), frozenset())
    if noun:
        forms = frozenset(form for form in forms if form.endswith("s"))
    return sorted({lemma.lower()} | forms)


@cache
def inflected_forms() -> dict[str, frozenset[str]]:
    """Lemma -> the inflected forms listed for it in spacy-lookups-data's English table."""
    table: dict[str, str] = srsly.read_gzip_json(get_file("en_lemma_lookup.json.gz"))
    forms: dict[str, set[str]] = defaultdict(set)
    for form, lemma in table.items():
        forms[lemma.lower()].add(form.lower())
    return {lemma: frozenset(words) for lemma, words in forms.items()}


def trigger_phrases(classes: dict[str, EventClass]) -> dict[str, set[str]]:
    """Every inflected wording per ``"<Class>|<kind>"`` key ("walk away" -> "walked away")."""
    phrases: dict[str, set[str]] = defaultdict(set)
    for event_class in classes.values():
        for kind in TRIGGER_KINDS:
            for entry in getattr(event_class, kind):
                forms = [word_forms(word, noun=kind == "nouns") for word in entry.split()]
                phrases[f"{event_class.name}|{kind}"].update(" ".join(words)
                                                             for words in product(*forms))
    return phrases


class EventTriggers:
    """Marks every trigger word of the lexicon in ``doc.spans["kg_triggers"]``.

    A PhraseMatcher over lower-case forms: one hash lookup per token, whatever the size of
    the lexicon.
    """

    def __init__(self, nlp: Language, name: str, spans_key: str, lexicon: Path | None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, phrases in trigger_phrases(event_classes(lexicon)).items():
            self.matcher.add(key, list(nlp.tokenizer.pipe(sorted(phrases))))

    def __call__(self, doc: Doc) -> Doc:
        kinds: dict[tuple[int, int, str], set[str]] = defaultdict(set)
        for match_id, start, end in self.matcher(doc):
            class_name, kind = doc.vocab.strings[match_id].split("|")
            kinds[(start, end, class_name)].add(kind)
        spans = [doc[start:end] for start, end, _ in kinds]
        for span, ((_, _, class_name), found) in zip(spans, kinds.items()):
            span.label_ = class_name
            span.kb_id_ = " ".join(sorted(found))
        doc.spans[self.spans_key] = filter_spans(spans)
        return doc


@Language.factory("kg_events", default_config={"spans_key": "kg_triggers", "lexicon": None})
def make_event_triggers(nlp: Language, name: str, spans_key: str,
                        lexicon: str | None) -> EventTriggers:
    """Build the trigger marker; ``lexicon`` is a triggers.yaml path (default: the project's)."""
    return EventTriggers(nlp, name, spans_key, Path(lexicon) if lexicon else None)
