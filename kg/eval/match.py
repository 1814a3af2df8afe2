"""Pairing one article's gold with what its graph holds, and counting the pairs.

Pairs are one-to-one: each gold item is credited to at most one graph item and each graph
item to at most one gold item, chosen so that as many pairs as possible agree (networkx
``max_weight_matching``). What is left over are misses and false positives. Items that agree
in all but one respect (a name with the wrong class, an event with the wrong actors, a quote
with the wrong speaker) are then paired among the rest and reported as such; they count as a
miss and a false positive.

Names agree by the project's own normalisation (kg.nlp.normalise: ``normalise_name`` for
persons, ``normalise_term`` for everything else) with a leading "the", "a" or "an" dropped,
against any gold name or alias and the graph's label or any altLabel. A class is credited
when the graph's class is the gold class or one of its subclasses in ontology/kg.ttl (a Summit
counts for a Meeting); a broader class (Meeting for Summit, Place for City) is not credited.

>>> name_key("The Kremlin", person=False) == name_key("kremlin", person=False)
True
>>> tree = ClassTree({"Summit": {"Meeting"}, "Meeting": {"Event"}})
>>> tree.credited({"Summit"}, "Meeting"), tree.credited({"Meeting"}, "Summit")
(True, False)
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cache
from pathlib import Path

import networkx as nx
import pyoxigraph

from kg.eval.gold import (DateSpan, GoldArticle, GoldEntity, GoldEvent, GoldQuote, GoldSanction,
                         Role)
from kg.eval.graph import (GraphArticle, GraphEntity, GraphEvent, GraphQuote, GraphSanction,
                           local_name)
from kg.eval.scores import (ARTICLE_DATES, ENTITIES, EVENT_DATES, EVENT_PLACES, EVENTS, LINKING,
                            QUOTES, ROLES, SANCTION_DETAILS, SANCTIONS, Outcome, SpeakerAccuracy)
from kg.nlp.normalise import normalise_name, normalise_term
from kg.paths import ontology_dir
from kg.rdf.vocab import RDFS

SUBCLASS_OF = pyoxigraph.NamedNode(RDFS.iri + "subClassOf")

LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")
WORD = re.compile(r"[^\W_]+")
POSSESSIVE = re.compile(r"['’]s\b")
NO_CLASS = ""  # the one "class" of measures that have no classes (quotes, roles, dates)


class ClassTree:
    """The ekg: class hierarchy: each class's direct superclasses, by local name."""

    def __init__(self, parents: Mapping[str, Collection[str]]) -> None:
        self.parents = {cls: frozenset(supers) for cls, supers in parents.items()}

    @classmethod
    def from_ontology(cls, path: Path | None = None) -> "ClassTree":
        """The hierarchy of ontology/kg.ttl (or of the Turtle file ``path``)."""
        parents: dict[str, set[str]] = {}
        turtle = path or ontology_dir() / "kg.ttl"
        for quad in pyoxigraph.parse(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE):
            if quad.predicate == SUBCLASS_OF:
                child, parent = local_name(quad.subject.value), local_name(quad.object.value)
                if child and parent:
                    parents.setdefault(child, set()).add(parent)
        return cls(parents)

    def ancestors(self, cls: str) -> frozenset[str]:
        """The class and every class above it."""
        seen, todo = {cls}, [cls]
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return frozenset(seen)

    def below(self, root: str) -> frozenset[str]:
        """Every class under ``root`` (not ``root`` itself).

        >>> sorted(ClassTree({"Summit": {"Meeting"}, "Meeting": {"Event"}}).below("Event"))
        ['Meeting', 'Summit']
        """
        return frozenset(cls for cls in self.parents if root in self.ancestors(cls) - {cls})

    def credited(self, found: Iterable[str], gold: str) -> bool:
        """Whether a graph thing of the classes ``found`` counts for the gold class."""
        return any(gold in self.ancestors(cls) for cls in found)

    def most_specific(self, classes: Iterable[str]) -> str:
        """The class of a set that no other member is below (the first by name), for reports."""
        classes = sorted(classes)
        narrowest = [cls for cls in classes
                     if not any(cls in self.ancestors(other) - {other} for other in classes)]
        return (narrowest or classes or [NO_CLASS])[0]


@cache
def name_key(name: str, person: bool) -> str:
    """The form two names must share to agree."""
    folded = normalise_name(name) if person else normalise_term(name)
    return LEADING_ARTICLE.sub("", folded)


def names_agree(entity: GoldEntity, names: Iterable[str]) -> bool:
    """Whether any of ``names`` is one of the gold entity's names."""
    person = entity.cls == "Person"
    wanted = {name_key(name, person) for name in entity.names}
    return any(name_key(name, person) in wanted for name in names)


def words(text: str) -> list[str]:
    """The folded words of a text, possessive endings dropped, for comparing quotes and phrases.

    >>> words("“I’d much rather…” Saudi Arabia's")
    ['id', 'much', 'rather', 'saudi', 'arabia']
    """
    return WORD.findall(normalise_name(POSSESSIVE.sub("", text)))


def best_pairs(gold: Collection[int], found: Collection[int],
               weight: Callable[[int, int], int]) -> list[tuple[int, int]]:
    """A one-to-one pairing with as many pairs as possible, then the highest total weight.

    ``weight(g, f)`` is 0 where gold item ``g`` and graph item ``f`` cannot be paired.

    >>> best_pairs([0, 1], [0, 1], lambda g, f: 1 if f == 0 or g == 0 else 0)
    [(0, 1), (1, 0)]
    """
    graph = nx.Graph()
    for g in gold:
        for f in found:
            score = weight(g, f)
            if score:
                graph.add_edge(("gold", g), ("found", f), weight=score)
    pairs = []
    for one, other in nx.max_weight_matching(graph, maxcardinality=True):
        gold_end, found_end = (one, other) if one[0] == "gold" else (other, one)
        pairs.append((gold_end[1], found_end[1]))
    return sorted(pairs)


def leftovers(count: int, pairs: Iterable[tuple[int, int]], side: int) -> list[int]:
    """The indices of one side that no pair uses."""
    used = {pair[side] for pair in pairs}
    return [index for index in range(count) if index not in used]


def sector_key(sector: str) -> str:
    """The form two sector words must share to agree.

    >>> sector_key("Textiles") == sector_key("textile")
    True
    """
    return name_key(sector, person=False).removesuffix("s")


def describe_measure(imposers: list[str], targets: list[str], sectors: list[str],
                     since: str | None, evidence: str) -> str:
    """A sanctions measure in a report line.

    >>> describe_measure(["UN"], ["North Korea"], ["coal"], "2016-03", "")
    'sanctions by UN on North Korea (coal) since 2016-03'
    """
    text = f"sanctions by {', '.join(sorted(imposers)) or '(no imposer)'}"
    text += f" on {', '.join(sorted(targets)) or '(no target)'}"
    text += f" ({', '.join(sorted(sectors))})" if sectors else ""
    text += f" since {since}" if since else ""
    return text + (f" [{evidence}]" if evidence else "")


def date_agrees(span: DateSpan | None, dates: Collection[str]) -> bool:
    """No date on either side, or every graph date within the gold span (a graph month or
    year with all its days: "2018-06" agrees with a gold "2018-06" or "2018", not "2018-06-12").
    """
    if span is None or not dates:
        return span is None and not dates
    return all(within(text, span) for text in dates)


def within(text: str, span: DateSpan) -> bool:
    """Whether an ISO date literal (a day, month, year or range of days) lies wholly inside
    the span."""
    try:
        found = DateSpan.parse(text)
    except ValueError:
        return False
    return found.start in span and found.end in span


class ArticleMatcher:
    """Scores one article: its gold against its graph, measure by measure."""

    def __init__(self, gold: GoldArticle, found: GraphArticle, tree: ClassTree,
                 article: str) -> None:
        self.gold = gold
        self.found = found
        self.tree = tree
        self.article = article  # how findings name the article
        self.speakers = SpeakerAccuracy()
        self.entity_pairs: list[tuple[int, int]] = []  # name-level pairs, for linking

    def outcome(self, measure: str) -> Outcome:
        """An empty outcome of this article."""
        return Outcome(measure, self.article)

    def outcomes(self) -> list[Outcome]:
        """Every measure's outcome on this article."""
        return [self.entities(), self.linking(), *self.events(), self.quotes(), self.roles(),
                *self.sanctions(), self.article_date()]

    # -- entities ---------------------------------------------------------------------

    def found_class(self, entity: GraphEntity) -> str:
        """The class a graph entity is reported under."""
        return self.tree.most_specific(entity.classes)

    def describe_found(self, entity: GraphEntity) -> str:
        """A graph entity in a report line."""
        return f"{entity.label} ({self.found_class(entity)})"

    def entities(self) -> Outcome:
        """Entities: name (alias-aware) and class (with subclass credit)."""
        outcome, gold, found = self.outcome(ENTITIES), self.gold.entities, self.found.entities

        def named(g: int, f: int) -> bool:
            return names_agree(gold[g], self.found.names_of(found[f].iri))

        right = best_pairs(range(len(gold)), range(len(found)), lambda g, f: int(
            named(g, f) and self.tree.credited(found[f].classes, gold[g].cls)))
        rest_gold, rest_found = leftovers(len(gold), right, 0), leftovers(len(found), right, 1)
        wrong = best_pairs(rest_gold, rest_found, lambda g, f: int(named(g, f)))
        self.entity_pairs = right + wrong
        for g, _ in right:
            outcome.hit(gold[g].cls)
        for g, f in wrong:
            outcome.near_miss("wrong class", gold[g].cls, self.found_class(found[f]),
                              f"{gold[g].name} is {gold[g].cls}, the graph has "
                              f"{self.describe_found(found[f])}")
        for g in leftovers(len(gold), self.entity_pairs, 0):
            outcome.miss(gold[g].cls, f"{gold[g].name} ({gold[g].cls})")
        for f in leftovers(len(found), self.entity_pairs, 1):
            outcome.false_positive(self.found_class(found[f]), self.describe_found(found[f]))
        return outcome

    def linking(self) -> Outcome:
        """Wikidata ids: the article's gold ids against the graph's, as sets.

        A graph link on an entity paired with a gold entity that has no id is not scored
        (the gold gives ids only where they are certain). Uses the pairs ``entities`` made.
        """
        outcome, gold, found = self.outcome(LINKING), self.gold.entities, self.found.entities
        partner = {f: gold[g] for g, f in self.entity_pairs}
        wanted = {entity.wikidata: entity for entity in gold if entity.wikidata}
        linked = {qid: entity for f, entity in enumerate(found) for qid in entity.wikidata
                  if f not in partner or partner[f].wikidata}
        for qid, entity in sorted(wanted.items()):
            if qid in linked:
                outcome.hit(entity.cls)
            else:
                outcome.miss(entity.cls, f"{entity.name} ({entity.cls}) is {qid}")
        for qid, entity in sorted(linked.items()):
            if qid not in wanted:
                outcome.false_positive(self.found_class(entity),
                                       f"{self.describe_found(entity)} linked to {qid}")
        return outcome

    # -- events -----------------------------------------------------------------------

    def same_entities(self, names: Collection[str], iris: Collection[str]) -> bool:
        """Whether gold entity names and graph IRIs are the same things, one to one."""
        gold = [self.gold.entity(name) for name in sorted(names)]
        found = sorted(iris)
        if len(gold) != len(found):
            return False
        pairs = best_pairs(range(len(gold)), range(len(found)), lambda g, f: int(
            names_agree(gold[g], self.found.names_of(found[f]))))
        return len(pairs) == len(gold)

    def actors_agree(self, event: GoldEvent, found: GraphEvent) -> bool:
        """The same participants on both sides (a gold event that names none agrees with any)."""
        return not event.actors or self.same_entities(event.actors, found.actors)

    def place_agrees(self, event: GoldEvent, found: GraphEvent) -> bool:
        """No place on either side, or every graph place named as the gold place."""
        if event.place is None or not found.places:
            return event.place is None and not found.places
        place = self.gold.entity(event.place)
        return all(names_agree(place, self.found.names_of(iri)) for iri in found.places)

    def describe_event(self, event: GoldEvent) -> str:
        """A gold event in a report line."""
        text = f"{event.cls} by {', '.join(sorted(event.actors)) or '(no actors)'}"
        text += f" in {event.place}" if event.place else ""
        text += f" on {event.date.text}" if event.date else ""
        return text + (f" [{event.evidence}]" if event.evidence else "")

    def describe_found_event(self, event: GraphEvent) -> str:
        """A graph event in a report line."""
        names = sorted(self.found.label_of(iri) for iri in event.actors)
        text = f"{self.tree.most_specific(event.classes)} by {', '.join(names) or '(no actors)'}"
        places = sorted(self.found.label_of(iri) for iri in event.places)
        text += f" in {', '.join(places)}" if places else ""
        text += f" on {', '.join(sorted(event.dates))}" if event.dates else ""
        return text + (f" (trigger {event.trigger!r})" if event.trigger else "")

    def events(self) -> list[Outcome]:
        """Events: class and actors; then also the date; then also the place."""
        outcomes = [self.outcome(EVENTS), self.outcome(EVENT_DATES), self.outcome(EVENT_PLACES)]
        gold, found = self.gold.events, self.found.events

        def classed(g: int, f: int) -> bool:
            return self.tree.credited(found[f].classes, gold[g].cls)

        def weight(g: int, f: int) -> int:
            if not (classed(g, f) and self.actors_agree(gold[g], found[f])):
                return 0
            dated = date_agrees(gold[g].date, found[f].dates)
            return 1 + 2 * dated + (dated and self.place_agrees(gold[g], found[f]))

        right = best_pairs(range(len(gold)), range(len(found)), weight)
        for g, f in right:
            self.count_event_pair(outcomes, gold[g], found[f])
        rest_gold, rest_found = leftovers(len(gold), right, 0), leftovers(len(found), right, 1)
        near = best_pairs(rest_gold, rest_found, lambda g, f: 2 if classed(g, f) else int(
            bool(gold[g].actors) and self.actors_agree(gold[g], found[f])))
        for g, f in near:
            kind = "wrong actors" if classed(g, f) else "wrong class"
            text = f"{self.describe_event(gold[g])}; the graph has " \
                   f"{self.describe_found_event(found[f])}"
            for level, outcome in enumerate(outcomes):
                outcome.near_miss(kind, gold[g].cls, self.tree.most_specific(found[f].classes),
                                  text if level == 0 else None)
        for g in leftovers(len(gold), right + near, 0):
            for level, outcome in enumerate(outcomes):
                outcome.miss(gold[g].cls, self.describe_event(gold[g]) if level == 0 else None)
        for f in leftovers(len(found), right + near, 1):
            for level, outcome in enumerate(outcomes):
                outcome.false_positive(self.tree.most_specific(found[f].classes),
                                       self.describe_found_event(found[f]) if level == 0 else None)
        return outcomes

    def count_event_pair(self, outcomes: list[Outcome], gold: GoldEvent,
                         found: GraphEvent) -> None:
        """Count a pair that agrees on class and actors at each level it also passes."""
        events, dated, placed = outcomes
        found_cls = self.tree.most_specific(found.classes)
        events.hit(gold.cls)
        text = f"{self.describe_event(gold)}; the graph has {self.describe_found_event(found)}"
        date_ok = date_agrees(gold.date, found.dates)
        if date_ok:
            dated.hit(gold.cls)
        else:
            dated.near_miss("wrong date", gold.cls, found_cls, text)
        if date_ok and self.place_agrees(gold, found):
            placed.hit(gold.cls)
        else:
            placed.near_miss("wrong place", gold.cls, found_cls,
                             text if date_ok else None)

    # -- quotes and roles -------------------------------------------------------------

    def quote_text_agrees(self, quote: GoldQuote, found: GraphQuote) -> bool:
        """The graph's quote begins with the gold's first words."""
        first = words(quote.text)
        return words(found.text)[:len(first)] == first

    def speaker_agrees(self, quote: GoldQuote, found: GraphQuote) -> bool:
        """One of the graph's speakers is one of the gold's."""
        return any(names_agree(self.gold.entity(name), self.found.names_of(iri))
                   for name in quote.speakers for iri in found.speakers)

    def describe_found_quote(self, found: GraphQuote) -> str:
        """A graph quote in a report line."""
        speakers = ", ".join(sorted(self.found.label_of(iri) for iri in found.speakers))
        text = found.text if len(found.text) <= 60 else found.text[:57] + "..."
        return f"{speakers or '(no speaker)'}: \"{text}\""

    def quotes(self) -> Outcome:
        """Quotes: the words and the speaker; also sets ``speakers`` (quote-speaker accuracy)."""
        outcome, gold, found = self.outcome(QUOTES), self.gold.quotes, self.found.quotes
        right = best_pairs(range(len(gold)), range(len(found)), lambda g, f: int(
            self.quote_text_agrees(gold[g], found[f]) and self.speaker_agrees(gold[g], found[f])))
        rest_gold, rest_found = leftovers(len(gold), right, 0), leftovers(len(found), right, 1)
        wrong = best_pairs(rest_gold, rest_found,
                           lambda g, f: int(self.quote_text_agrees(gold[g], found[f])))
        self.speakers = SpeakerAccuracy(found=len(right) + len(wrong), right=len(right))
        for _ in right:
            outcome.hit(NO_CLASS)
        for g, f in wrong:
            outcome.near_miss("wrong speaker", NO_CLASS, NO_CLASS,
                              f"{' or '.join(gold[g].speakers)}: \"{gold[g].text}...\"; the "
                              f"graph has {self.describe_found_quote(found[f])}")
        for g in leftovers(len(gold), right + wrong, 0):
            outcome.miss(NO_CLASS, f"{' or '.join(gold[g].speakers)}: \"{gold[g].text}...\"")
        for f in leftovers(len(found), right + wrong, 1):
            outcome.false_positive(NO_CLASS, self.describe_found_quote(found[f]))
        return outcome

    def role_agrees(self, role: Role, found: Role) -> bool:
        """Same title, same body or country (where the gold names one), both former or not."""
        if name_key(role.title, False) != name_key(found.title, False) \
                or role.former != found.former:
            return False
        if role.of is None:
            return True
        return found.of is not None and names_agree(self.gold.entity(role.of),
                                                    self.found.names_of(found.of))

    def describe_role(self, person: str, title: str, of: str | None, former: bool) -> str:
        """A post in a report line."""
        return f"{person}: {'former ' if former else ''}{title}" + (f" of {of}" if of else "")

    def describe_found_role(self, found: Role) -> str:
        """A graph role in a report line."""
        return self.describe_role(self.found.label_of(found.person), found.title,
                                  self.found.label_of(found.of) if found.of else None,
                                  found.former)

    def roles(self) -> Outcome:
        """Roles: the person, the title and what it is a post of."""
        outcome, gold, found = self.outcome(ROLES), self.gold.roles, self.found.roles

        def same_person(g: int, f: int) -> bool:
            return names_agree(self.gold.entity(gold[g].person),
                               self.found.names_of(found[f].person))

        right = best_pairs(range(len(gold)), range(len(found)), lambda g, f: int(
            same_person(g, f) and self.role_agrees(gold[g], found[f])))
        rest_gold, rest_found = leftovers(len(gold), right, 0), leftovers(len(found), right, 1)
        wrong = best_pairs(rest_gold, rest_found, lambda g, f: int(same_person(g, f)))
        for _ in right:
            outcome.hit(NO_CLASS)
        for g, f in wrong:
            role = gold[g]
            outcome.near_miss("wrong post", NO_CLASS, NO_CLASS,
                              f"{self.describe_role(role.person, role.title, role.of, role.former)}"
                              f"; the graph has {self.describe_found_role(found[f])}")
        for g in leftovers(len(gold), right + wrong, 0):
            role = gold[g]
            outcome.miss(NO_CLASS, self.describe_role(role.person, role.title, role.of,
                                                      role.former))
        for f in leftovers(len(found), right + wrong, 1):
            outcome.false_positive(NO_CLASS, self.describe_found_role(found[f]))
        return outcome

    # -- sanctions --------------------------------------------------------------------

    def sanction_parties_agree(self, sanction: GoldSanction, found: GraphSanction) -> bool:
        """The same imposers and the same targets (none on both sides agrees)."""
        return self.same_entities(sanction.imposers, found.imposers) \
            and self.same_entities(sanction.targets, found.targets)

    @staticmethod
    def sanction_details_agree(sanction: GoldSanction, found: GraphSanction) -> bool:
        """The same sectors (folded, a plural "s" dropped) and a start inside the gold's."""
        return {sector_key(sector) for sector in sanction.sectors} \
            == {sector_key(sector) for sector in found.sectors} \
            and date_agrees(sanction.since, [found.since] if found.since else [])

    def describe_sanction(self, sanction: GoldSanction) -> str:
        """A gold sanctions measure in a report line."""
        return describe_measure(list(sanction.imposers), list(sanction.targets),
                                list(sanction.sectors),
                                sanction.since.text if sanction.since else None,
                                sanction.evidence)

    def describe_found_sanction(self, found: GraphSanction) -> str:
        """A graph sanctions measure in a report line."""
        return describe_measure([self.found.label_of(iri) for iri in found.imposers],
                                [self.found.label_of(iri) for iri in found.targets],
                                list(found.sectors), found.since, "")

    def sanctions(self) -> list[Outcome]:
        """Sanctions measures: imposers and targets; then also sectors and start. Not scored
        (no outcome counts) where the gold file has no ``sanctions`` key."""
        outcomes = [self.outcome(SANCTIONS), self.outcome(SANCTION_DETAILS)]
        if self.gold.sanctions is None:
            return outcomes
        gold, found = self.gold.sanctions, self.found.sanctions

        def weight(g: int, f: int) -> int:
            if not self.sanction_parties_agree(gold[g], found[f]):
                return 0
            return 1 + self.sanction_details_agree(gold[g], found[f])

        right = best_pairs(range(len(gold)), range(len(found)), weight)
        parties, details = outcomes
        for g, f in right:
            parties.hit(NO_CLASS)
            if self.sanction_details_agree(gold[g], found[f]):
                details.hit(NO_CLASS)
            else:
                details.near_miss("wrong sectors or start", NO_CLASS, NO_CLASS,
                                  f"{self.describe_sanction(gold[g])}; the graph has "
                                  f"{self.describe_found_sanction(found[f])}")
        for g in leftovers(len(gold), right, 0):
            for level, outcome in enumerate(outcomes):
                outcome.miss(NO_CLASS, self.describe_sanction(gold[g]) if level == 0 else None)
        for f in leftovers(len(found), right, 1):
            for level, outcome in enumerate(outcomes):
                outcome.false_positive(NO_CLASS, self.describe_found_sanction(found[f])
                                       if level == 0 else None)
        return outcomes

    def article_date(self) -> Outcome:
        """The article's publication date (dcterms:date) against the gold's ``published``."""
        outcome = self.outcome(ARTICLE_DATES)
        wanted = self.gold.published.isoformat() if self.gold.published else None
        found = self.found.published
        if wanted and wanted == found:
            outcome.hit(NO_CLASS)
        elif wanted and found:
            outcome.near_miss("wrong date", NO_CLASS, NO_CLASS, f"{wanted}; the graph has {found}")
        elif wanted:
            outcome.miss(NO_CLASS, wanted)
        elif found:
            outcome.false_positive(NO_CLASS, f"{found} (the gold gives no date)")
        return outcome
