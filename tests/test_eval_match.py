"""Scoring one article: hand-made gold against hand-made graph records (no build, no store)."""
from __future__ import annotations

import doctest
import importlib
from datetime import date
from pathlib import Path

import pytest

from kg.eval.gold import (DateSpan, GoldArticle, GoldEntity, GoldEvent, GoldQuote, GoldSanction,
                         Role)
from kg.eval.graph import GraphArticle, GraphEntity, GraphEvent, GraphQuote, GraphSanction
from kg.eval.match import ArticleMatcher, ClassTree, best_pairs, names_agree
from kg.eval.scores import (ARTICLE_DATES, ENTITIES, EVENT_DATES, EVENT_PLACES, EVENTS, LINKING,
                            QUOTES, ROLES, SANCTION_DETAILS, SANCTIONS, Tally, combine)

ARTICLE = "news/a.txt"
# The cast of the hand-made article: a made-up summit of two made-up leaders.
LENA = GoldEntity("Lena Varga", "Person", "Q1", ("Varga",))
OTTO = GoldEntity("Otto Brandt", "Person")
ARDEN = GoldEntity("Arden", "Country", "Q2", ("Ardenian",))
PORTA = GoldEntity("Porta", "City", "Q3")
CAST = (LENA, OTTO, ARDEN, PORTA)


@pytest.fixture(scope="module")
def tree() -> ClassTree:
    return ClassTree.from_ontology()


def entity(iri: str, label: str, cls: str, *alt: str, wikidata: tuple[str, ...] = ()):
    """A graph entity and its names."""
    return GraphEntity(iri, label, frozenset({cls}), frozenset(wikidata)), {label, *alt}


def graph_article(*entities, events=(), quotes=(), roles=(), sanctions=(),
                  published=None) -> GraphArticle:
    """A GraphArticle of the given (entity, names) pairs and records."""
    article = GraphArticle("urn:a", ARTICLE, "0" * 64, published, [e for e, _ in entities],
                           list(events), list(quotes), list(roles), list(sanctions))
    article.names = {e.iri: frozenset(names) for e, names in entities}
    return article


THE_CAST = (entity("urn:lena", "Lena Varga", "Person", "Varga", wikidata=("Q1",)),
            entity("urn:otto", "Otto Brandt", "Person"),
            entity("urn:arden", "Arden", "Country", wikidata=("Q2",)),
            entity("urn:porta", "Porta", "City", wikidata=("Q3",)))


def score(tree, gold: GoldArticle, found: GraphArticle):
    matcher = ArticleMatcher(gold, found, tree, ARTICLE)
    return combine(matcher.outcomes()), matcher


def gold_article(**fields) -> GoldArticle:
    return GoldArticle(Path("a.yaml"), ARTICLE, **{"entities": CAST, **fields})


def kinds(matcher: ArticleMatcher, measure: str) -> list[tuple[str, str]]:
    """The (kind, text) of every finding of one measure."""
    return [(finding.kind, finding.text) for outcome in matcher.outcomes()
            for finding in outcome.findings if finding.measure == measure]


def test_names_agree_through_aliases_case_hyphens_and_a_leading_article():
    kim = GoldEntity("Kim Jong-un", "Person", aliases=("Kim",))
    assert names_agree(kim, {"KIM JONG UN"}) and names_agree(kim, {"Kim"})
    assert not names_agree(kim, {"Kim Yo-jong"})
    kremlin = GoldEntity("Kremlin", "GovernmentBody")
    assert names_agree(kremlin, {"the Kremlin"})
    assert names_agree(GoldEntity("Defence Ministry", "GovernmentBody"), {"Defense Ministry"})


def test_subclasses_are_credited_superclasses_are_not(tree):
    assert tree.credited({"Summit"}, "Meeting")
    assert not tree.credited({"Meeting"}, "Summit")
    assert tree.credited({"City"}, "Place") and not tree.credited({"Place"}, "City")
    assert tree.most_specific({"Meeting", "Summit"}) == "Summit"
    assert {"Summit", "Meeting", "Appeal"} <= tree.below("Event")
    assert "Event" not in tree.below("Event") and "Person" not in tree.below("Event")


def test_pairs_are_one_to_one_and_as_many_as_possible():
    # gold 0 fits graph 0 and 1, gold 1 fits only graph 0: both pair only one way
    assert best_pairs([0, 1], [0, 1], lambda g, f: 1 if g == 0 or f == 0 else 0) == [(0, 1), (1, 0)]
    assert best_pairs([0, 1], [0], lambda g, f: 1) in ([(0, 0)], [(1, 0)])


def test_entities_by_alias_wrong_class_miss_and_false_positive(tree):
    found = graph_article(entity("urn:lena", "Varga", "Person"),
                          entity("urn:porta", "Porta", "Country"),
                          entity("urn:x", "Varga Institute", "Organization"),
                          entity("urn:arden", "Arden", "Country"))
    measures, matcher = score(tree, gold_article(), found)
    assert measures[ENTITIES].per_class["Person"] == Tally(tp=1, fp=0, fn=1)
    assert measures[ENTITIES].per_class["City"] == Tally(tp=0, fp=0, fn=1)
    assert measures[ENTITIES].per_class["Country"] == Tally(tp=1, fp=1, fn=0)
    assert measures[ENTITIES].micro == Tally(tp=2, fp=2, fn=2)
    findings = kinds(matcher, ENTITIES)
    assert ("wrong class", "Porta is City, the graph has Porta (Country)") in findings
    assert ("miss", "Otto Brandt (Person)") in findings
    assert ("false positive", "Varga Institute (Organization)") in findings


def test_a_split_entity_is_one_hit_and_one_false_positive(tree):
    found = graph_article(*THE_CAST, entity("urn:varga", "Varga", "Person"))
    measures, _ = score(tree, gold_article(), found)
    assert measures[ENTITIES].micro == Tally(tp=4, fp=1, fn=0)


def test_linking_scores_ids_and_skips_links_the_gold_does_not_know(tree):
    found = graph_article(
        entity("urn:lena", "Lena Varga", "Person", wikidata=("Q9",)),
        entity("urn:otto", "Otto Brandt", "Person", wikidata=("Q7",)),  # gold has no id: unscored
        entity("urn:arden", "Arden", "Country", wikidata=("Q2",)),
        entity("urn:porta", "Porta", "City"))
    measures, _ = score(tree, gold_article(), found)
    assert measures[LINKING].per_class["Person"] == Tally(tp=0, fp=1, fn=1)
    assert measures[LINKING].per_class["Country"] == Tally(tp=1, fp=0, fn=0)
    assert measures[LINKING].per_class["City"] == Tally(tp=0, fp=0, fn=1)


SUMMIT = GoldEvent("Meeting", agents=("Lena Varga", "Otto Brandt"), place="Porta",
                   date=DateSpan.parse("2024-05"), evidence="met in Porta")


@pytest.mark.parametrize("event, levels", [
    (GraphEvent("urn:e", frozenset({"Summit"}), frozenset({"urn:lena", "urn:otto"}),
                frozenset({"urn:porta"}), frozenset({"2024-05-02"})), (1, 1, 1)),
    (GraphEvent("urn:e", frozenset({"Summit"}), frozenset({"urn:lena", "urn:otto"}),
                frozenset({"urn:arden"}), frozenset({"2024-05-02"})), (1, 1, 0)),
    (GraphEvent("urn:e", frozenset({"Meeting"}), frozenset({"urn:lena", "urn:otto"}),
                frozenset({"urn:porta"}), frozenset({"2024-06-01"})), (1, 0, 0)),
    (GraphEvent("urn:e", frozenset({"Meeting"}), frozenset({"urn:lena", "urn:otto"}),
                frozenset({"urn:porta"})), (1, 0, 0)),
    (GraphEvent("urn:e", frozenset({"Meeting"}), frozenset({"urn:lena"}),
                frozenset({"urn:porta"}), frozenset({"2024-05-02"})), (0, 0, 0)),
    (GraphEvent("urn:e", frozenset({"Meeting"}), frozenset({"urn:lena", "urn:otto", "urn:arden"}),
                frozenset({"urn:porta"}), frozenset({"2024-05-02"})), (0, 0, 0)),
    (GraphEvent("urn:e", frozenset({"Appeal"}), frozenset({"urn:lena", "urn:otto"}),
                frozenset({"urn:porta"}), frozenset({"2024-05-02"})), (0, 0, 0)),
], ids=["summit-for-meeting", "wrong-place", "wrong-date", "no-date", "missing-actor",
        "extra-actor", "wrong-class"])
def test_event_levels(tree, event, levels):
    measures, _ = score(tree, gold_article(events=(SUMMIT,)), graph_article(*THE_CAST,
                                                                          events=[event]))
    assert tuple(measures[name].micro.tp for name in (EVENTS, EVENT_DATES, EVENT_PLACES)) == levels
    for name, hit in zip((EVENTS, EVENT_DATES, EVENT_PLACES), levels):
        assert measures[name].micro == Tally(tp=hit, fp=1 - hit, fn=1 - hit)


def test_a_gold_summit_is_not_credited_to_a_plain_meeting(tree):
    gold = gold_article(events=(GoldEvent("Summit", agents=("Lena Varga", "Otto Brandt")),))
    event = GraphEvent("urn:e", frozenset({"Meeting"}), frozenset({"urn:lena", "urn:otto"}))
    measures, matcher = score(tree, gold, graph_article(*THE_CAST, events=[event]))
    assert measures[EVENTS].per_class["Summit"] == Tally(fn=1)
    assert measures[EVENTS].per_class["Meeting"] == Tally(fp=1)
    assert [kind for kind, _ in kinds(matcher, EVENTS)] == ["wrong class"]


def test_event_findings_are_listed_once_under_the_first_measure_they_fail(tree):
    gold = gold_article(events=(SUMMIT, GoldEvent("Appeal", agents=("Arden",))))
    wrong_date = GraphEvent("urn:e", frozenset({"Summit"}), frozenset({"urn:lena", "urn:otto"}),
                            frozenset({"urn:porta"}), frozenset({"2023-01-01"}), "summit")
    extra = GraphEvent("urn:f", frozenset({"Visit"}), frozenset({"urn:otto"}))
    matcher = ArticleMatcher(gold, graph_article(*THE_CAST, events=[wrong_date, extra]), tree,
                             ARTICLE)
    findings = [(f.measure, f.kind) for outcome in matcher.events() for f in outcome.findings]
    assert sorted(findings) == sorted([(EVENTS, "false positive"), (EVENTS, "miss"),
                                       (EVENT_DATES, "wrong date")])


def test_a_gold_event_without_actors_matches_on_class_alone(tree):
    gold = gold_article(events=(GoldEvent("Summit", place="Porta"),))
    event = GraphEvent("urn:e", frozenset({"Summit"}), frozenset({"urn:lena"}),
                       frozenset({"urn:porta"}))
    measures, _ = score(tree, gold, graph_article(*THE_CAST, events=[event]))
    assert [measures[name].micro.tp for name in (EVENTS, EVENT_DATES, EVENT_PLACES)] == [1, 1, 1]


def test_quotes_by_first_words_and_speaker_accuracy(tree):
    gold = gold_article(quotes=(GoldQuote(("Lena Varga",), "We will keep talking"),
                                GoldQuote(("Otto Brandt",), "Nothing was agreed"),
                                GoldQuote(("Lena Varga", "Otto Brandt"), "Both of us"),
                                GoldQuote(("Otto Brandt",), "Never again")))
    found = graph_article(*THE_CAST, quotes=[
        GraphQuote("urn:q1", "“We will keep talking, as long as it takes.”",
                   frozenset({"urn:lena"})),
        GraphQuote("urn:q2", "Nothing was agreed today", frozenset({"urn:lena"})),
        GraphQuote("urn:q3", "Both of us want peace", frozenset({"urn:otto"})),
        GraphQuote("urn:q4", "We will keep", frozenset({"urn:lena"}))])
    measures, matcher = score(tree, gold, found)
    assert measures[QUOTES].micro == Tally(tp=2, fp=2, fn=2)
    assert (matcher.speakers.found, matcher.speakers.right) == (3, 2)
    assert [kind for kind, _ in kinds(matcher, QUOTES)] == [
        "wrong speaker", "miss", "false positive"]


def test_roles_title_of_and_former(tree):
    gold = gold_article(roles=(Role("Lena Varga", "President", "Arden"),
                               Role("Otto Brandt", "Ambassador", None, former=True)))
    found = graph_article(*THE_CAST, roles=[Role("urn:lena", "president", "urn:arden"),
                                            Role("urn:otto", "Ambassador", "urn:arden",
                                                      former=True)])
    measures, _ = score(tree, gold, found)
    assert measures[ROLES].micro == Tally(tp=2)
    found.roles = [Role("urn:lena", "President"), Role("urn:otto", "Ambassador")]
    measures, matcher = score(tree, gold, found)
    assert measures[ROLES].micro == Tally(fp=2, fn=2)
    assert [kind for kind, _ in kinds(matcher, ROLES)] == [
        "wrong post", "wrong post"]


ARDEN_ON_OTTO = GoldSanction(("Arden",), ("Otto Brandt",), ("Textiles", "iron ore"),
                             DateSpan.parse("2016-03"))


@pytest.mark.parametrize("found, parties, details", [
    (GraphSanction("urn:s", frozenset({"urn:arden"}), frozenset({"urn:otto"}),
                   frozenset({"textile", "iron ore"}), "2016-03"), Tally(tp=1), Tally(tp=1)),
    (GraphSanction("urn:s", frozenset({"urn:arden"}), frozenset({"urn:otto"}),
                   frozenset({"textile"}), "2016-03"), Tally(tp=1), Tally(fp=1, fn=1)),
    (GraphSanction("urn:s", frozenset({"urn:arden"}), frozenset({"urn:otto"}),
                   frozenset({"textile", "iron ore"}), "2016"), Tally(tp=1), Tally(fp=1, fn=1)),
    (GraphSanction("urn:s", frozenset({"urn:arden"}), frozenset({"urn:otto", "urn:lena"}),
                   frozenset({"textile", "iron ore"}), "2016-03"),
     Tally(fp=1, fn=1), Tally(fp=1, fn=1)),
    (GraphSanction("urn:s", frozenset(), frozenset({"urn:otto"})), Tally(fp=1, fn=1),
     Tally(fp=1, fn=1)),
])
def test_sanction_levels(tree, found, parties, details):
    gold = gold_article(sanctions=(ARDEN_ON_OTTO,))
    measures, _ = score(tree, gold, graph_article(*THE_CAST, sanctions=[found]))
    assert (measures[SANCTIONS].micro, measures[SANCTION_DETAILS].micro) == (parties, details)


def test_sanctions_are_scored_only_where_the_gold_annotates_them(tree):
    found = graph_article(*THE_CAST, sanctions=[GraphSanction("urn:s", frozenset({"urn:arden"}))])
    measures, _ = score(tree, gold_article(), found)
    assert measures[SANCTIONS].micro == Tally() == measures[SANCTION_DETAILS].micro
    measures, matcher = score(tree, gold_article(sanctions=()), found)
    assert measures[SANCTIONS].micro == Tally(fp=1)
    assert kinds(matcher, SANCTIONS) == [("false positive", "sanctions by Arden on (no target)")]


@pytest.mark.parametrize("published, found, tally", [
    (date(2024, 5, 2), "2024-05-02", Tally(tp=1)),
    (date(2024, 5, 2), "2024-05-03", Tally(fp=1, fn=1)),
    (date(2024, 5, 2), None, Tally(fn=1)),
    (None, "2024-05-03", Tally(fp=1)),
    (None, None, Tally()),
])
def test_article_dates(tree, published, found, tally):
    measures, _ = score(tree, gold_article(published=published),
                        graph_article(*THE_CAST, published=found))
    assert measures[ARTICLE_DATES].micro == tally


@pytest.mark.parametrize("name", ["kg.eval.gold", "kg.eval.graph", "kg.eval.match",
                                  "kg.eval.scores", "kg.eval.report"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
