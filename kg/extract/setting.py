"""Where and when: the places and dates of an article's event mentions.

Runs after kg/extract/events.py has found each mention's actors: a mention with no place of
its own takes one from its sentence (``inherit_places``), and each day expression of the
text dates the event mention nearest to it (``attach_dates``). Suppressed mentions take part
(a date may belong to them) and are dropped at the end (``situated``).
"""
from __future__ import annotations

from kg.extract.context import PLACE_CLASSES, ArticleContext, argument_words
from kg.extract.dates import DAY_KINDS, day_of
from kg.extract.events import EventMention, is_coordinated_verb, previous_word

ADJACENT = 2


def situated(mentions: list[EventMention], context: ArticleContext) -> list[EventMention]:
    """The mentions that stand, each with the place and date its text gives."""
    inherit_places(mentions, context)
    attach_dates(mentions, context)
    return [mention for mention in mentions if not mention.suppressed]


def inherit_places(mentions: list[EventMention], context: ArticleContext) -> None:
    """Places from the sentence around an event that names none.

    An event in a relative clause takes the place of the event the clause is about ("the
    meeting in Singapore, which produced a commitment from Kim"), or the place the clause
    is about ("Abe was in Tehran, where he had met Khamenei"); a verb after "and" takes
    the place of an arrival before it ("arrived in Tehran and held talks").
    """
    visits = argument_words().visit_classes
    for previous, mention in zip([None, *mentions], mentions):
        if mention.event.place is not None:
            continue
        mention.event.place = relative_place(mention.token, context)
        if previous is None or previous.event.place is None or mention.event.place \
                or context.sentence_index[previous.token] != context.sentence_index[mention.token]:
            continue
        between = context.doc[previous.token + 1:mention.token]
        if any(t.lower_ in ("which", "where") for t in between) or (
                previous.event.cls in visits and is_coordinated_verb(mention, context)):
            mention.event.place = previous.event.place


def relative_place(i: int, context: ArticleContext) -> str | None:
    """The place a "where" clause holding token ``i`` is about ("in Tehran, where he met")."""
    start = context.clause_start(i)
    opener = context.doc[start - 1] if start > context.sentence_of(i).start else None
    if opener is None or opener.lower_ != "where":
        return None
    before = previous_word(opener)
    if before is not None and before.lower_ == ",":
        before = previous_word(before)
    place = context.owner[before.i] if before is not None else None
    return place if place and context.cls_of(place) in PLACE_CLASSES else None


def attach_dates(mentions: list[EventMention], context: ArticleContext) -> None:
    """Date each mention from the day expression nearest to it in its sentence.

    A date goes to the closest trigger before it, or to a trigger right after it with no
    punctuation between ("yesterday promised"); periods, months and "since" expressions never date an event.
    """
    by_sentence: dict[int, list[EventMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(context.sentence_index[mention.token], []).append(mention)
    published = context.article.published
    for span in context.doc.spans.get("kg_dates", []):
        if span.label_ not in DAY_KINDS or context.quoted[span.start]:
            continue
        day = day_of(span.label_, span.text, published)
        candidates = by_sentence.get(context.sentence_index[span.start], [])
        if day is None or not candidates:
            continue
        paragraph = context.paragraph_at(span.start)
        candidates = [m for m in candidates
                      if context.paragraph_at(m.token) == paragraph]
        after = [m for m in candidates if 0 <= m.token - span.end < ADJACENT
                 and not any(t.is_punct for t in context.doc[span.end:m.token])]
        before = [m for m in candidates if m.token < span.start]
        chosen = after[0] if after else (before[-1] if before else None)
        if chosen is not None and chosen.event.date is None:
            chosen.event.date = day
            chosen.event.date_text = span.text
