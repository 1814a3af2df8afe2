"""Claims: events that the article reports only as someone's words.

A verbal event in the complement of a verb of saying ("Trump saying Pyongyang wanted all
sanctions lifted") is asserted by the speaker, not by the article: the event gets
``asserted_by`` (RDF: ekg:factuality ekg:Claimed) and a Claim records who claims it. Two
claims of the same kind of event by the same agent but different claimants contradict each
other when the later one is introduced by a contrast ("However, ... said the North had only
wanted some of the measures eased").
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.extract.context import ArticleContext, discourse
from kg.extract.events import EventMention
from kg.extract.quotes import SpeakerMemory, subject_of
from kg.model import Claim, Event


def assign_claimants(mentions: list[EventMention], context: ArticleContext,
                     memory: SpeakerMemory) -> None:
    """Set ``asserted_by`` on every event reported in someone's words."""
    for mention in mentions:
        if mention.speech_verb is None:
            continue
        speakers = subject_of(mention.speech_verb, context, memory, allow_after=False)
        mention.event.asserted_by = speakers[0] if speakers else None


def has_contrast(event: Event, context: ArticleContext) -> bool:
    """Whether the sentence that reports an event opens a contrast ("however", "only")."""
    mention = event.mentions[0]
    sentence = context.sentences[mention.sentence]
    return any(token.lower_ in discourse().contrast for token in sentence)


def contradict(first: Event, second: Event) -> bool:
    """Two claimed events that cannot both be what happened."""
    return (first.cls == second.cls and first.asserted_by != second.asserted_by
            and bool(set(first.agents) & set(second.agents)))


def iter_claims(events: list[Event], context: ArticleContext) -> Iterator[Claim]:
    """One Claim per claimed event, contradictions linked both ways."""
    claims: list[tuple[Claim, Event]] = []
    for event in events:
        if event.asserted_by is None:
            continue
        claim = Claim(local_id=f"claim-{event.local_id}", claimant=event.asserted_by,
                      event=event.local_id, mention=event.mentions[0])
        for earlier, earlier_event in claims:
            if contradict(earlier_event, event) and has_contrast(event, context):
                claim.contradicts.append(earlier.local_id)
                earlier.contradicts.append(claim.local_id)
        claims.append((claim, event))
    yield from (claim for claim, _ in claims)
