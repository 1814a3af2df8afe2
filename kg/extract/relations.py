"""Facts beside events: where a place lies, whom a person works for, what a state belongs to.

- ``worksFor``: a person followed by "of", "at" or "from" an organisation ("Chris Green of
  the International Crisis Group"); every person of a coordination ("X and Y of Z").
- ``locatedIn``: a facility, city or region followed by "in" a country or region ("the
  Yongbyon complex in North Korea") or by a comma and a country ("Seoul, South Korea"), but
  not two items of a list ("in Idaho, Michigan and Ohio").
- ``memberOf``: "X, a member of Y", "X is part of the Y" (a group: an organisation or body).

Each argument must follow right after its mention and preposition: "X cited an article of the
Y" makes no one work for Y.
Located-in facts the entity lexicon knows are added by the resolve stage, not here.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.extract.context import (BODY_CLASSES, DETERMINERS, Argument, ArticleContext, discourse,
                                starts_with)
from kg.model import Relation

LOCATED_CLASSES = frozenset({"Facility", "City", "Region", "Place"})
CONTAINER_CLASSES = frozenset({"Country", "Region"})
MEMBER_REACH = 6  # tokens from a member to the words "member of"
MEMBER_CLASSES = frozenset({"Person", "Country", "Organization", "GovernmentBody"})


def mention_starts(context: ArticleContext) -> Iterator[int]:
    """The first token of every entity mention outside quotes."""
    for i, owner in enumerate(context.owner):
        if owner is not None and context.span_start[i] == i and not context.quoted[i]:
            yield i


def argument_right_after(i: int, preps: frozenset[str] | set[str],
                         context: ArticleContext) -> Argument | None:
    """The entity right after the mention starting at ``i``, introduced by one of ``preps``
    and determiners only ("X of the Y", "Seoul, South Korea" where "," is one of them; line
    breaks do not count); not one further on ("X cited an article of the Y")."""
    j = word_from(context.span_end[i], context)
    if j >= len(context.owner) or context.tokens.lower[j] not in preps or context.quoted[j]:
        return None
    k = entity_start_after(j, context)
    return None if k is None else \
        Argument(context.owner[k], k, context.span_end[k], context.tokens.lower[j])


def word_from(j: int, context: ArticleContext) -> int:
    """The first token from ``j`` on that is not white space (a line break)."""
    while j < len(context.owner) and context.tokens.is_space[j]:
        j += 1
    return j


def entity_start_after(j: int, context: ArticleContext) -> int | None:
    """The first token of an entity mention right after token ``j``, past determiners."""
    lower, owner = context.tokens.lower, context.owner
    k = word_from(j + 1, context)
    while k < len(owner) and lower[k] in DETERMINERS and not owner[k]:
        k = word_from(k + 1, context)
    return k if k < len(owner) and owner[k] and context.span_start[k] == k else None


def in_a_list(i: int, argument: Argument, context: ArticleContext) -> bool:
    """Whether the mention at ``i`` and the argument after its comma are two items of a list
    ("in Idaho, Michigan, Missouri, and Washington"): an entity of the mention's or the
    argument's class follows the argument after a comma or "and", or comes so before the
    mention. A chain of places ("Kenosha, Wisconsin, United States") is none."""
    classes = {context.cls_of(context.owner[i]), context.cls_of(argument.local_id)}
    after = next_listed(argument.end, 1, context)
    before = next_listed(i - 1, -1, context)
    return any(other is not None and context.cls_of(other) in classes
               for other in (after, before))


def next_listed(j: int, step: int, context: ArticleContext) -> str | None:
    """The entity one list step from token ``j`` (a comma, "and" or "or", then an entity,
    determiners between; going back where ``step`` is -1), if any."""
    lower, owner = context.tokens.lower, context.owner
    if not 0 <= j < len(owner) or lower[j] not in discourse().list_words:
        return None
    while 0 <= j < len(owner) and not owner[j] and (lower[j] in discourse().list_words
                                                    or lower[j] in DETERMINERS):
        j += step
    return owner[j] if 0 <= j < len(owner) else None


def works_for(i: int, context: ArticleContext) -> Iterator[Relation]:
    """"X (and Y) of the Z": every person before the organisation works for it."""
    following = argument_right_after(i, discourse().affiliation_preps, context)
    if following is None or context.cls_of(following.local_id) not in BODY_CLASSES:
        return
    for person in context.coordinated_before(i):
        if context.cls_of(person) == "Person":
            yield Relation(person, "worksFor", following.local_id,
                           context.mention(context.doc[i:following.end]))


def located_in(i: int, context: ArticleContext) -> Iterator[Relation]:
    """"the complex in North Korea", "Seoul, South Korea" (not two items of a list)."""
    following = argument_right_after(i, discourse().location_preps | {","}, context)
    if following is None or context.cls_of(following.local_id) not in CONTAINER_CLASSES \
            or following.prep == "," and in_a_list(i, following, context):
        return
    yield Relation(context.owner[i], "locatedIn", following.local_id,
                   context.mention(context.doc[i:following.end]))


def words_after(j: int, count: int, context: ArticleContext) -> list[int]:
    """The first ``count`` tokens from ``j`` on that are not white space."""
    found: list[int] = []
    j = word_from(j, context)
    while j < len(context.owner) and len(found) < count:
        found.append(j)
        j = word_from(j + 1, context)
    return found


def member_of(i: int, context: ArticleContext) -> Iterator[Relation]:
    """"X, a member of Y", "X is part of the Y": a person, state or body in a group; the
    words between are only a comma, a form of "be" and determiners, and the group follows
    right after the phrase."""
    if context.cls_of(context.owner[i]) not in MEMBER_CLASSES:
        return
    at_words = words_after(context.span_end[i], MEMBER_REACH, context)
    words = [context.tokens.lower[j] for j in at_words]
    phrases = discourse().membership_phrases
    first_words = {phrase[0] for phrase in phrases}
    for at, word in enumerate(words):
        if word not in first_words:
            if word not in discourse().membership_links and word not in DETERMINERS:
                return
            continue
        phrase = next((p for p in phrases if starts_with(words, at, p)), None)
        if phrase is None:
            return
        k = entity_start_after(at_words[at + len(phrase) - 1], context)
        if k is not None and context.cls_of(context.owner[k]) in BODY_CLASSES:
            yield Relation(context.owner[i], "memberOf", context.owner[k],
                           context.mention(context.doc[i:context.span_end[k]]))
        return


def iter_relations(context: ArticleContext) -> Iterator[Relation]:
    """Every worksFor, locatedIn and memberOf fact the article states, each once."""
    seen: set[tuple[str, str, str]] = set()
    for i in mention_starts(context):
        cls = context.cls_of(context.owner[i])
        finders = [member_of]
        if cls == "Person":
            finders.append(works_for)
        if cls in LOCATED_CLASSES:
            finders.append(located_in)
        for finder in finders:
            for relation in finder(i, context):
                triple = (relation.subject, relation.predicate, relation.object)
                if relation.subject != relation.object and triple not in seen:
                    seen.add(triple)
                    yield relation
