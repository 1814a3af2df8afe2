"""The ``kg_events`` component: marks event triggers from ontology/lexicon/triggers.yaml.

Every trigger becomes a span in ``doc.spans["kg_triggers"]`` whose ``label_`` is the ekg event
class and whose ``kb_id_`` is ``"verbs"``, ``"nouns"`` or ``"reported"`` (how it was matched).
Words are matched on their lower-case form against every inflection the lookup tables of
spacy-lookups-data know for a trigger lemma, so "Talks", "promised" and "negotiations" match
with or without a lemmatizer in the pipeline.

A word that is only a verb trigger is dropped where the text uses it as a noun or an adjective
or inside a name ("the state news agency", "state-run", "Secretary of State", "the State
Department"; ``is_verb_use``), and a verb that needs an object ("fired two missiles") only
counts with one after it (``has_object``).

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
from functools import cache, partial
from itertools import product
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from spacy_lookups_data import get_file

from kg.nlp.normalise import read_yaml
from kg.nlp.tokens import TokenTable, token_table, word_before
from kg.paths import ontology_dir

TRIGGER_KINDS = ("verbs", "nouns", "reported", "object_verbs")
RELATIVE_PRONOUNS = frozenset({"which", "that"})
GAP = "..."  # in a lexicon phrase: a few words may stand here ("turn ... down")
VERB_KINDS = frozenset({"verbs", "reported"})


@dataclass(frozen=True)
class EventClass:
    """One event class of the trigger lexicon."""

    name: str
    cameo: str | None
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()
    object_verbs: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    noun_like: frozenset[str] = field(default_factory=frozenset)
    frames: frozenset[str] = field(default_factory=frozenset)
    before_infinitive: str | None = None
    later_acts: tuple[str, ...] = ()
    by_subject: dict[str, str] = field(default_factory=dict)
    result_verbs: frozenset[str] = field(default_factory=frozenset)
    future_verbs: frozenset[str] = field(default_factory=frozenset)
    future_preps: frozenset[str] = field(default_factory=frozenset)
    country_verbs: frozenset[str] = field(default_factory=frozenset)
    next_words: dict[str, frozenset[str]] = field(default_factory=dict)
    not_objects: frozenset[str] = field(default_factory=frozenset)
    compound_verbs: frozenset[str] = field(default_factory=frozenset)
    target_preps: frozenset[str] = field(default_factory=frozenset)
    verb_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    symmetric: bool = False
    series: bool = False
    speech: bool = False
    clause_target: bool = False  # the subject of a "that" clause after it is its target


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
            object_verbs=tuple(entry.get("object_verbs") or ()),
            objects=tuple(entry.get("objects") or ()),
            noun_like=frozenset(entry.get("noun_like") or ()),
            frames=frozenset(entry.get("frames") or ()),
            before_infinitive=entry.get("before_infinitive"),
            later_acts=tuple(entry.get("later_acts") or ()),
            by_subject=dict(entry.get("by_subject") or {}),
            result_verbs=frozenset(entry.get("result_verbs") or ()),
            future_verbs=frozenset(entry.get("future_verbs") or ()),
            future_preps=frozenset(entry.get("future_preps") or ()),
            country_verbs=frozenset(entry.get("country_verbs") or ()),
            next_words={lemma: frozenset(words)
                        for lemma, words in (entry.get("next_words") or {}).items()},
            not_objects=frozenset(entry.get("not_objects") or ()),
            compound_verbs=frozenset(entry.get("compound_verbs") or ()),
            target_preps=frozenset(entry.get("target_preps") or ()),
            verb_preps={verb: frozenset(preps)
                        for verb, preps in (entry.get("verb_preps") or {}).items()},
            symmetric=bool(entry.get("symmetric", False)),
            series=bool(entry.get("series", False)),
            speech=bool(entry.get("speech", False)),
            clause_target=bool(entry.get("clause_target", False)),
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
    """Every inflected wording per ``"<Class>|<kind>"`` key ("walk away" -> "walked away").

    Of a ``noun_like`` verb only the forms that cannot be its noun count: "stated", "stating",
    not "state" or "states".
    """
    phrases: dict[str, set[str]] = defaultdict(set)
    for event_class in classes.values():
        for kind in TRIGGER_KINDS:
            for entry in getattr(event_class, kind):
                if GAP in entry.split():
                    continue
                forms = [word_forms(word, noun=kind == "nouns") for word in entry.split()]
                if entry in event_class.noun_like:
                    forms = [[form for form in words if form != entry and not form.endswith("s")]
                             for words in forms]
                phrases[f"{event_class.name}|{kind}"].update(" ".join(words)
                                                             for words in product(*forms))
    return phrases


@dataclass(frozen=True)
class VerbContext:
    """Words next to a verb trigger that show it is not used as a verb (triggers.yaml).

    ``noun_before``: determiners and possessives ("the state", "Venezuela's state");
    ``prepositions``: words before a base form that make it a noun ("head of state");
    ``joiners``: a hyphen written straight after ("state-run"); ``object_reach``: how many
    tokens after an ``object_verbs`` trigger its object may come, ``object_reach_before``:
    how many before it ("sanctions it imposed", "missiles were fired"); ``split_reach``:
    how many words the gap of a phrase may hold ("turned the Vietnamese demand down").
    """

    noun_before: frozenset[str]
    prepositions: frozenset[str]
    joiners: frozenset[str]
    object_reach: int
    object_reach_before: int
    split_reach: int


@cache
def verb_context(path: Path | None = None) -> VerbContext:
    """The ``verb_context`` section of the trigger lexicon."""
    data = read_yaml(path or lexicon_file("triggers.yaml"))["verb_context"]
    return VerbContext(noun_before=frozenset(data["noun_before"]),
                       prepositions=frozenset(data["prepositions"]),
                       joiners=frozenset(data["joiners"]),
                       object_reach=int(data["object_reach"]),
                       object_reach_before=int(data["object_reach_before"]),
                       split_reach=int(data["split_reach"]))


def opens_text(token: Token) -> bool:
    """Whether a token opens a sentence, a line or a quotation, where any word is capitalised."""
    before = word_before(token.doc, token.i)
    return token.is_sent_start or before is None or before.is_punct \
        or token.i > 0 and "\n" in token.doc[token.i - 1].text_with_ws


def is_verb_use(span: Span, context: VerbContext) -> bool:
    """Whether a verb-only trigger can be a verb where it stands.

    Not after a determiner or possessive ("the state news agency"), not as a base form after a
    preposition ("head of state"), not as a plural after a number ("the two states"), not joined to a hyphen ("state-run") and not capitalised
    inside a sentence, where it is part of a name or title ("Secretary of State").

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> words = verb_context()
    >>> [is_verb_use(nlp(text)[1:2], words) for text in ("Kim stated it.", "the state media",
    ...                                                  "Secretary State Smith", "a state-run")]
    [True, False, False, False]
    """
    first, last = span[0], span[-1]
    before = word_before(first.doc, first.i)
    if before is not None and (before.lower_ in context.noun_before or before.lower_ in
                               context.prepositions and not first.lower_.endswith("ing")
                               or before.like_num and first.lower_.endswith("s")):
        return False
    following = span.doc[last.i + 1] if last.i + 1 < len(span.doc) else None
    if following is not None and not last.whitespace_ and following.text in context.joiners:
        return False
    return not (first.is_title and not opens_text(first))


def stretches_around(breaks: list[int], size: int, reach: int) -> list[tuple[int, int]]:
    """The token ranges within ``reach`` words of each line break, overlapping ones joined.

    >>> stretches_around([5, 7, 40], 50, 3)
    [(0, 13), (34, 46)]
    """
    stretches: list[tuple[int, int]] = []
    for i in breaks:
        start, end = max(0, i - 2 * reach), min(size, i + 2 * reach)
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches


def split_phrases(classes: dict[str, EventClass]) -> dict[str, list[str]]:
    """The lexicon phrases with a gap per ``"<Class>|<kind>"`` key ("turn ... down")."""
    phrases: dict[str, list[str]] = defaultdict(list)
    for event_class in classes.values():
        for kind in TRIGGER_KINDS:
            phrases[f"{event_class.name}|{kind}"] += [entry for entry in getattr(event_class, kind)
                                                      if GAP in entry.split()]
    return {key: found for key, found in phrases.items() if found}


@dataclass(frozen=True)
class SplitPhrase:
    """A lexicon phrase with a gap ("turn ... down"): the verb's words in any form, one to
    ``reach`` words that are no punctuation, then the rest as written ("turned the offer
    down")."""

    key: str  # "<Class>|<kind>"
    phrase: str
    head: tuple[frozenset[str], ...]  # the forms of each word before the gap
    tail: tuple[str, ...]  # the words after it

    @classmethod
    def of(cls, key: str, phrase: str) -> "SplitPhrase":
        """The phrase of a lexicon entry.

        >>> found = SplitPhrase.of("Rejection|verbs", "turn ... down")
        >>> "turned" in found.head[0], found.tail
        (True, ('down',))
        """
        head, tail = (words.split() for words in phrase.split(f" {GAP} "))
        return cls(key, phrase, tuple(frozenset(word_forms(word)) for word in head), tuple(tail))

    def matches_at(self, tokens: TokenTable, i: int, reach: int) -> bool:
        """Whether the phrase starts at token ``i``, its gap within ``reach`` words."""
        end = i + len(self.head)
        if end > len(tokens.lower) or any(tokens.lower[i + k] not in forms
                                           for k, forms in enumerate(self.head)):
            return False
        for gap_end in range(end + 1, min(end + reach, len(tokens.lower)) + 1):
            if tokens.is_punct[gap_end - 1]:
                return False
            if tuple(tokens.lower[gap_end:gap_end + len(self.tail)]) == self.tail:
                return True
        return False


def split_lemma(phrase: str) -> str:
    """The lemma of a phrase with a gap: its words without the gap ("turn down")."""
    return " ".join(word for word in phrase.split() if word != GAP)


def relative_antecedent(doc: Doc, start: int, first: int, reach: int) -> list[Token]:
    """The word before the relative pronoun that opens the clause of token ``start``,
    within ``reach`` words ("the truce, which both sides accepted": "truce"), if any.

    >>> import spacy
    >>> doc = spacy.blank("en")("the truce, which both sides accepted")
    >>> relative_antecedent(doc, 6, 0, 6)
    [truce]
    """
    for i in range(start - 1, max(first, start - reach) - 1, -1):
        if doc[i].lower_ in RELATIVE_PRONOUNS:
            before = word_before(doc, i)
            if before is not None and before.text == ",":
                before = word_before(doc, before.i)
            return [before] if before is not None else []
        if doc[i].is_punct:
            break
    return []


def wrapped_pattern(words: Doc) -> list[dict]:
    """A Matcher pattern of a phrase's words with one optional line break between each two."""
    pattern: list[dict] = []
    for token in words:
        if pattern:
            pattern.append({"IS_SPACE": True, "OP": "?"})
        pattern.append({"LOWER": token.lower_})
    return pattern


def trigger_lemma(span: Span) -> str:
    """The lemma of a trigger, its words joined by one space whatever stands between them
    ("hoped" / "to" across a line break: "hope to"); that of a phrase with a gap
    ("turned" of "turned the offer down") is the phrase's, kept as the span's id."""
    if span.id_:
        return span.id_
    parts: list[str] = []
    for token in span:
        if not token.is_space:
            parts.append((token.lemma_ or token.text) + token.whitespace_)
        elif parts and not parts[-1].endswith(" "):
            parts.append(" ")
    return "".join(parts).strip().lower()


class EventTriggers:
    """Marks every trigger word of the lexicon in ``doc.spans["kg_triggers"]``.

    A PhraseMatcher over lower-case forms: one hash lookup per token, whatever the size of
    the lexicon. A trigger inside a name of ``doc.spans["kg_entities"]`` is none.
    """

    def __init__(self, nlp: Language, name: str, spans_key: str, lexicon: Path | None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.context = verb_context(lexicon)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.wrapped = Matcher(nlp.vocab)  # the phrases of several words across a line break
        classes = event_classes(lexicon)
        phrases_by_key = trigger_phrases(classes)
        self.longest = max((len(phrase.split()) for phrases in phrases_by_key.values()
                            for phrase in phrases), default=1)
        for key, phrases in phrases_by_key.items():
            self.matcher.add(key, list(nlp.tokenizer.pipe(sorted(phrases))))
            self.wrapped.add(key, [wrapped_pattern(words) for words in
                                   nlp.tokenizer.pipe(sorted(p for p in phrases if " " in p))])
        self.split: dict[str, list[SplitPhrase]] = defaultdict(list)  # by the first word's forms
        for key, phrases in split_phrases(classes).items():
            for phrase in map(partial(SplitPhrase.of, key), phrases):
                for form in phrase.head[0]:
                    self.split[form].append(phrase)
        self.objects = {name: frozenset(form for lemma in event_class.objects
                                        for form in word_forms(lemma, noun=True))
                        for name, event_class in classes.items()}

    def has_object(self, doc: Doc, start: int, end: int, class_name: str) -> bool:
        """Whether one of the class's object words follows within reach, in the sentence, or
        stands right before it ("the sanctions it imposed", "two missiles were fired") or
        before the relative pronoun of its clause ("the truce, which both sides accepted")."""
        sentence = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
        after = doc[end:min(sentence.end, end + self.context.object_reach)]
        before = doc[max(sentence.start, start - self.context.object_reach_before):start]
        antecedent = relative_antecedent(doc, start, sentence.start, self.context.object_reach)
        return any(token.lower_ in self.objects[class_name]
                   for token in (*after, *before, *antecedent))

    def wrapped_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches of phrases broken by a line break ("hoped" / "to meet"), searched
        only around the single line breaks of hard-wrapped text (a paragraph break ends a
        sentence; the PhraseMatcher finds the rest)."""
        tokens = token_table(doc)
        breaks = [i for i, (space, text) in enumerate(zip(tokens.is_space, tokens.text))
                  if space and text.count("\n") == 1]
        found = []
        for start, end in stretches_around(breaks, len(doc), self.longest):
            found += [(match_id, start + first, start + last)
                      for match_id, first, last in self.wrapped(doc[start:end])
                      if any(tokens.is_space[start + i] for i in range(first, last))]
        return found

    def split_matches(self, doc: Doc) -> dict[tuple[int, int, str], tuple[str, str]]:
        """(start, end, class) of the verb of each phrase with a gap -> (kind, lemma of the
        phrase): the span is the verb alone, so that its object stays an argument."""
        found: dict[tuple[int, int, str], tuple[str, str]] = {}
        tokens = token_table(doc)
        for start, lower in enumerate(tokens.lower):
            for phrase in self.split.get(lower, ()):
                if phrase.matches_at(tokens, start, self.context.split_reach):
                    class_name, kind = phrase.key.split("|")
                    found.setdefault((start, start + len(phrase.head), class_name),
                                     (kind, split_lemma(phrase.phrase)))
        return found

    def matches(self, doc: Doc) -> dict[tuple[int, int, str], set[str]]:
        """(start, end, class) -> the kinds it matched as; an object verb with its object
        counts as a verb and takes the place of other classes' triggers on its words."""
        kinds: dict[tuple[int, int, str], set[str]] = defaultdict(set)
        objected: dict[tuple[int, int], str] = {}
        for match_id, start, end in [*self.matcher(doc), *self.wrapped_matches(doc)]:
            class_name, kind = doc.vocab.strings[match_id].split("|")
            if kind == "object_verbs":
                if not self.has_object(doc, start, end, class_name):
                    continue
                objected[(start, end)] = class_name
                kind = "verbs"
            kinds[(start, end, class_name)].add(kind)
        return {key: found for key, found in kinds.items()
                if objected.get(key[:2], key[2]) == key[2]}

    def is_trigger(self, span: Span, kinds: set[str], inside_names: set[int]) -> bool:
        """Not inside a name, and a verb-only trigger only where it is used as a verb."""
        if any(token.i in inside_names for token in span):
            return False
        return not kinds <= VERB_KINDS or is_verb_use(span, self.context)

    def __call__(self, doc: Doc) -> Doc:
        inside_names = {i for name in doc.spans.get("kg_entities", [])
                        for i in range(name.start, name.end)}
        spans = []
        split = {key: ({kind}, lemma) for key, (kind, lemma) in self.split_matches(doc).items()}
        found_at = {key: (kinds, "") for key, kinds in self.matches(doc).items()}
        for (start, end, class_name), (found, lemma) in {**split, **found_at}.items():
            span = doc[start:end]
            if self.is_trigger(span, found, inside_names):
                span.label_ = class_name
                span.kb_id_ = " ".join(sorted(found))
                span.id_ = lemma
                spans.append(span)
        doc.spans[self.spans_key] = filter_spans(spans)
        return doc


@Language.factory("kg_events", default_config={"spans_key": "kg_triggers", "lexicon": None})
def make_event_triggers(nlp: Language, name: str, spans_key: str,
                        lexicon: str | None) -> EventTriggers:
    """Build the trigger marker; ``lexicon`` is a triggers.yaml path (default: the project's)."""
    return EventTriggers(nlp, name, spans_key, Path(lexicon) if lexicon else None)
