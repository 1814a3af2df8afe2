"""Quotes and their speakers.

Each span of ``doc.spans["kg_quotes"]`` is attributed, in this order, to:

1. the subject of a verb of saying after it in its sentence ("..., X told reporters",
   "..., said X", "..., he added" with "he" the last speaker);
2. the subject of a verb of saying before it ("X said the talks had made 'progress'");
3. the last speaker of the same paragraph (a quote that continues a speaker's words);
4. the agent of the event reported just before it in its sentence ("they were offering to
   close 'a portion of the complex'").

A speaker without a name ("a senior US official") becomes a Person entity whose affiliation is
the country or organisation named in the phrase; "the official" later refers back to it.
A quote by "they" after "X and Y said" is recorded once per speaker.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span

from kg.extract.context import ArticleContext, discourse
from kg.extract.events import EventMention
from kg.model import Entity, Quote

SUBJECT_WINDOW = 6
SPEAKER_REACH = 200  # tokens back to an earlier verb of saying a pronoun may point to
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
TRIM = " ,;:\n\t"


@dataclass
class SpeakerMemory:
    """Who spoke last: groups of entity local ids, most recent last."""

    groups: list[list[str]] = field(default_factory=list)
    unnamed: dict[str, str] = field(default_factory=dict)  # source noun -> entity local id
    by_verb: dict[int, list[str]] = field(default_factory=dict)  # verb token -> its speakers
    agents: list[tuple[int, str]] = field(default_factory=list)  # (trigger token, agent)

    def last_for(self, pronoun: str, context: ArticleContext) -> list[str]:
        """The last speakers a pronoun can stand for: a group for "they", one for "he"."""
        return next((group for group in reversed(self.groups) if fits(group, pronoun, context)),
                    [])


def is_speech_verb(context: ArticleContext, i: int) -> bool:
    """A verb of saying outside quotes and entity names."""
    return (context.doc[i].lower_ in discourse().speech_verbs and not context.quoted[i]
            and context.owner[i] is None)


def speech_verb_after(quote: Span, context: ArticleContext) -> int | None:
    """The first verb of saying after a quote in the sentence where the quote ends."""
    sentence = context.sentence_of(quote.end - 1)
    for i in range(quote.end, sentence.end):
        if is_speech_verb(context, i):
            return i
    return None


def speech_verb_before(quote: Span, context: ArticleContext) -> int | None:
    """The nearest verb of saying before a quote in the sentence where the quote starts."""
    sentence = context.sentence_of(quote.start)
    for i in range(quote.start - 1, sentence.start - 1, -1):
        if is_speech_verb(context, i):
            return i
    return None


def unnamed_source(verb: int, context: ArticleContext, memory: SpeakerMemory,
                   after: bool) -> list[str]:
    """A speaker named by description ("a senior US official", "the official"), as an entity."""
    doc = context.doc
    window = range(verb + 1, min(len(doc), verb + SUBJECT_WINDOW)) if after else \
        range(verb - 1, max(-1, verb - SUBJECT_WINDOW), -1)
    noun = next((i for i in window if doc[i].lower_ in discourse().source_nouns
                 and not context.quoted[i]), None)
    if noun is None:
        return []
    start = noun
    while start > 0 and (doc[start - 1].lower_ not in ("a", "an", "the") and
                         (doc[start - 1].is_alpha or doc[start - 1].is_space
                          or context.owner[start - 1])
                         and not context.is_boundary(doc[start - 1])):
        start -= 1
    while doc[start].is_space:
        start += 1
    determiner = doc[start - 1].lower_ if start > 0 else ""
    head = doc[noun].lower_
    if determiner == "the" and head in memory.unnamed:
        return [memory.unnamed[head]]
    phrase = doc[start:noun + 1]
    affiliation = next((context.owner[i] for i in range(start, noun) if context.owner[i]), None)
    entity = Entity(local_id=f"source{len(memory.unnamed) + 1}-{phrase.start}",
                    label=" ".join(t.text for t in phrase if not t.is_space), cls="Person",
                    affiliation=affiliation, confidence=0.6)
    context.add_entity(entity, phrase)
    memory.unnamed[head] = entity.local_id
    return [entity.local_id]


def subject_of(verb: int, context: ArticleContext, memory: SpeakerMemory,
               allow_after: bool) -> list[str]:
    """Who speaks with a verb of saying: before it ("X said"), or after it ("said X")."""
    if verb not in memory.by_verb:
        memory.by_verb[verb] = find_subject(verb, context, memory, allow_after)
    return memory.by_verb[verb]


def find_subject(verb: int, context: ArticleContext, memory: SpeakerMemory,
                 allow_after: bool) -> list[str]:
    """The speakers of a verb of saying, found in the text around it."""
    doc = context.doc
    before = previous_content(verb, context)
    if before is not None and doc[before].lower_ in discourse().pronouns:
        group = pronoun_speakers(verb, doc[before].lower_, context, memory)
        if group:
            return group
    if before is not None and context.owner[before] is None:
        holder = title_holder(before, context)
        if holder is not None:
            return [holder]
    named_by_description = before is not None and context.owner[before] is None \
        and doc[before].lower_ in discourse().source_nouns
    subject = [] if named_by_description else context.subject_before(verb)
    if subject:
        return subject
    source = unnamed_source(verb, context, memory, after=False)
    if source or not allow_after:
        return source
    arguments = context.arguments_after(verb)
    if arguments and arguments[0].start - verb <= 2:
        return context.coordinated_before(arguments[-1].start) if len(arguments) > 1 \
            and arguments[-1].prep in discourse().affiliation_preps else [arguments[0].local_id]
    return unnamed_source(verb, context, memory, after=True)


def pronoun_speakers(verb: int, pronoun: str, context: ArticleContext,
                     memory: SpeakerMemory) -> list[str]:
    """Who "he said" or "they wrote" stands for, nearest evidence first: a speaker earlier in
    the paragraph, an actor of an event earlier in the paragraph ("she appealed ... she
    said"), the last quoted speaker, a speaker of an earlier paragraph."""
    start = paragraph_start(verb, context)
    return (earlier_speakers(verb, pronoun, context, memory, start)
            or paragraph_agent(verb, pronoun, context, memory, start)
            or memory.last_for(pronoun, context)
            or earlier_speakers(verb, pronoun, context, memory, verb - SPEAKER_REACH))


def paragraph_start(i: int, context: ArticleContext) -> int:
    """The first token of the paragraph that token ``i`` is in."""
    paragraph = context.paragraph_at(i)
    j = i
    while j > 0 and context.paragraph_at(j - 1) == paragraph:
        j -= 1
    return j


def fits(group: list[str], pronoun: str, context: ArticleContext) -> bool:
    """Whether a pronoun can stand for a group of entities ("they" for two, "she" for one)."""
    allowed = discourse().pronouns.get(pronoun, frozenset())
    return pronoun in PLURAL_PRONOUNS and len(group) > 1 or \
        len(group) == 1 and context.cls_of(group[0]) in allowed


def paragraph_agent(verb: int, pronoun: str, context: ArticleContext, memory: SpeakerMemory,
                    start: int) -> list[str]:
    """The agent of the latest event before ``verb`` in its paragraph that fits a pronoun."""
    for token, agent in reversed(memory.agents):
        if start <= token < verb and fits([agent], pronoun, context):
            return [agent]
    return []


def title_holder(noun: int, context: ArticleContext) -> str | None:
    """The person last named of those who hold the post a noun names ("the president
    said")."""
    word = context.doc[noun].lower_
    if not context.doc[noun].is_lower or context.doc[max(noun - 1, 0)].lower_ != "the":
        return None
    holders = {entity.local_id for entity in context.entities if entity.cls == "Person" and any(
        role.title.lower().split()[-1:] == [word] for role in entity.roles)}
    latest = max((mention.start, entity.local_id) for entity in context.entities
                 if entity.local_id in holders for mention in entity.mentions
                 if mention.start < context.doc[noun].idx) if holders else None
    return latest[1] if latest else None


def earlier_speakers(verb: int, pronoun: str, context: ArticleContext,
                     memory: SpeakerMemory, start: int) -> list[str]:
    """The speakers of an earlier verb of saying (back to token ``start``) that a pronoun
    can stand for."""
    for i in range(verb - 1, max(-1, start - 1), -1):
        if not is_speech_verb(context, i) or i in memory.by_verb and not memory.by_verb[i]:
            continue
        group = subject_of(i, context, memory, allow_after=True)
        if fits(group, pronoun, context):
            return group
    return []


def paragraph_speaker(quote: Span, context: ArticleContext,
                      memory: SpeakerMemory) -> list[str]:
    """The speaker of the nearest verb of saying earlier in the quote's paragraph."""
    paragraph = context.paragraph_at(quote.start)
    for i in range(quote.start - 1, -1, -1):
        if context.tokens.is_space[i] and context.paragraph_at(i) != paragraph:
            break
        if is_speech_verb(context, i):
            speakers = subject_of(i, context, memory, allow_after=True)
            if speakers:
                return speakers
    return []


def previous_content(i: int, context: ArticleContext) -> int | None:
    """The nearest token before ``i`` that is neither white space nor punctuation."""
    j = i - 1
    while j >= 0 and (context.doc[j].is_space or context.doc[j].is_punct):
        j -= 1
    return j if j >= 0 else None


def sentence_speaker(quote: Span, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The speaker named by a verb of saying in the quote's sentence, if any."""
    verb = speech_verb_after(quote, context)
    if verb is not None:
        speaker = subject_of(verb, context, memory, allow_after=True)
        if speaker:
            return speaker
    verb = speech_verb_before(quote, context)
    while verb is not None:
        speaker = subject_of(verb, context, memory, allow_after=False)
        if speaker:
            return speaker
        earlier = context.doc[context.sentence_of(verb).start:verb]
        verb = next((t.i for t in reversed(earlier) if is_speech_verb(context, t.i)), None)
    return []


def event_agent_before(quote: Span, mentions: list[EventMention],
                       context: ArticleContext) -> list[str]:
    """The agent of the last event reported before the quote in its sentence."""
    sentence = context.sentence_index[quote.start]
    for mention in reversed(mentions):
        if mention.token < quote.start and context.sentence_index[mention.token] == sentence:
            return mention.event.agents[:1]
    return []


def quote_text(quote: Span) -> str:
    """The quoted words with line breaks folded and edge punctuation trimmed."""
    return " ".join(quote.text.split()).strip(TRIM)


def iter_quotes(context: ArticleContext, mentions: list[EventMention],
                memory: SpeakerMemory) -> Iterator[Quote]:
    """Every quote of the article with its speaker (one Quote per speaker of a group)."""
    memory.agents = [(m.token, agent) for m in mentions for agent in m.event.agents[:1]]
    last_paragraph = -1
    for number, quote in enumerate(context.doc.spans.get("kg_quotes", [])):
        if not quote_text(quote):
            continue
        paragraph = context.paragraph_at(quote.start)
        speakers, confidence = sentence_speaker(quote, context, memory), 0.9
        if not speakers and paragraph == last_paragraph and memory.groups:
            speakers, confidence = memory.groups[-1], 0.8
        if not speakers:
            speakers, confidence = paragraph_speaker(quote, context, memory), 0.8
        if not speakers:
            speakers, confidence = event_agent_before(quote, mentions, context), 0.6
        if speakers:
            memory.groups.append(speakers)
            last_paragraph = paragraph
        for speaker in speakers or [None]:
            yield Quote(local_id=f"quote{number}-{speaker or 'unknown'}", text=quote_text(quote),
                        speaker=speaker, mention=context.mention(quote),
                        confidence=confidence if speaker else 0.0)
