"""Facts beside events: where a place lies, whom a person works for, what a state belongs to.

- ``worksFor``: a person followed by "of", "at" or "from" an organisation ("Chris Green of
  the International Crisis Group"); every person of a coordination ("X and Y of Z").
- ``locatedIn``: a facility, city or region followed by "in" a country or region ("the
  Yongbyon complex in North Korea") or by a comma and a country ("Seoul, South Korea").
- ``memberOf``: "X, a member of Y".
Located-in facts the entity lexicon knows are added by the resolve stage, not here.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.extract.context import ArticleContext, discourse, starts_with
from kg.model import Relation

EMPLOYER_CLASSES = frozenset({"Organization", "GovernmentBody"})
LOCATED_CLASSES = frozenset({"Facility", "City", "Region", "Place"})
CONTAINER_CLASSES = frozenset({"Country", "Region"})
MEMBER_REACH = 6  # tokens from a member to the words "member of"


def mention_starts(context: ArticleContext) -> Iterator[int]:
    """The first token of every entity mention outside quotes."""
    for i, owner in enumerate(context.owner):
        if owner is not None and context.span_start[i] == i and not context.quoted[i]:
            yield i


def next_argument(i: int, context: ArticleContext):
    """The first entity after the mention starting at ``i`` in its clause, if any."""
    arguments = context.arguments_after(context.span_end[i] - 1)
    return arguments[0] if arguments else None


def works_for(i: int, context: ArticleContext) -> Iterator[Relation]:
    """"X (and Y) of the Z": every person before the organisation works for it."""
    following = next_argument(i, context)
    if following is None or following.prep not in discourse().affiliation_preps \
            or context.cls_of(following.local_id) not in EMPLOYER_CLASSES:
        return
    for person in context.coordinated_before(i):
        if context.cls_of(person) == "Person":
            yield Relation(person, "worksFor", following.local_id,
                           context.mention(context.doc[i:following.end]))


def located_in(i: int, context: ArticleContext) -> Iterator[Relation]:
    """"the complex in North Korea", "Seoul, South Korea"."""
    following = next_argument(i, context)
    if following is None or context.cls_of(following.local_id) not in CONTAINER_CLASSES:
        return
    end = context.span_end[i]
    comma_apposition = following.start == end + 1 and context.doc[end].text == ","
    if following.prep in discourse().location_preps or comma_apposition:
        yield Relation(context.owner[i], "locatedIn", following.local_id,
                       context.mention(context.doc[i:following.end]))


def member_of(i: int, context: ArticleContext) -> Iterator[Relation]:
    """"X, a member of Y"."""
    end = context.span_end[i]
    words = context.tokens.lower[end:end + MEMBER_REACH]
    phrases = discourse().membership_phrases
    first_words = {phrase[0] for phrase in phrases}
    for at, word in enumerate(words):
        if word not in first_words:
            continue
        phrase = next((p for p in phrases if starts_with(words, at, p)), None)
        if phrase is None:
            continue
        group = next_argument(end + at + len(phrase) - 1, context)
        if group is not None:
            yield Relation(context.owner[i], "memberOf", group.local_id,
                           context.mention(context.doc[i:group.end]))
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
