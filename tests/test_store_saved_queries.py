"""The saved queries (examples/queries/*.rq): each says what it answers, runs in any SPARQL
client (it declares its prefixes) with the vocabulary's terms only, and answers
meaningfully on the seeds' and the examples' graphs; date disagreements on hand-made ones."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pyoxigraph
import pytest

from kg.model import Article, DateRange, PartialDate
from kg.pipeline import build
from kg.rdf.vocab import EKG
from kg.store import KnowledgeGraph
from kg.store.graph import ontology_quads

from store_support import article_a, article_b, saved_queries, summit_event

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
BY_NAME = {path.stem: path for path in saved_queries()}
ASKED_FOR = {"timeline", "who_met_whom", "sanction_claims", "quotes_by_speaker", "yongbyon",
             "single_source", "date_disagreements"}


def rows(graph: KnowledgeGraph, name: str) -> list[dict[str, str]]:
    return graph.select(BY_NAME[name].read_text(encoding="utf-8"))  # type: ignore[return-value]


def test_the_issue_s_queries_are_all_there():
    assert ASKED_FOR <= BY_NAME.keys()


@pytest.mark.parametrize("path", saved_queries(), ids=lambda path: path.stem)
def test_a_saved_query_says_what_it_answers_and_runs_anywhere(path):
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith("# ") and len(" ".join(header)) > 60
    pyoxigraph.Store().query(text)  # no predeclared prefixes: it declares its own


@pytest.mark.parametrize("path", saved_queries(), ids=lambda path: path.stem)
def test_a_saved_query_uses_only_terms_of_the_ontology(path):
    declared = {str(quad.subject) for quad in ontology_quads()}
    used = set(re.findall(r"\bekg:([A-Za-z]+)", path.read_text(encoding="utf-8")))
    assert used and all(f"<{EKG.iri}{term}>" in declared for term in used), used


def two_tellings(other_summit) -> KnowledgeGraph:
    graph = KnowledgeGraph.open(None)
    graph.add_extraction(article_a())  # dates the summit 2019-02-28
    graph.add_extraction(article_b(other_summit))
    return graph


def test_two_outlets_dating_one_summit_differently_disagree():
    found = rows(two_tellings(summit_event(date(2019, 2, 27), key="event/summit/0000000000aa")),
                 "date_disagreements")
    assert [(row["kind"], row["date"], row["dated_by"], row["other_date"],
             row["other_dated_by"]) for row in found] == [
        ("Summit", "2019-02-27", "Other Paper", "2019-02-28", "Test Wire")]


def test_one_event_dated_twice_disagrees_with_itself():
    found = rows(two_tellings(summit_event(date(2019, 3, 1))), "date_disagreements")
    assert len(found) == 1 and found[0]["event"] == found[0]["other"]


@pytest.mark.parametrize("other", [
    summit_event(date(2019, 2, 28), key="event/summit/0000000000aa"),  # the same date
    summit_event(date(2019, 2, 20), key="event/summit/0000000000aa"),  # a week apart
    summit_event(date(2019, 2, 27), key="event/summit/0000000000aa", actors=("kim", "moon")),
    summit_event(date(2019, 2, 27), key="event/summit/0000000000aa", place="seoul"),
    summit_event(None, key="event/summit/0000000000aa"),  # no date given
])
def test_other_events_are_no_disagreement(other):
    assert rows(two_tellings(other), "date_disagreements") == []


def test_one_article_telling_two_dates_is_no_disagreement():
    first = article_a()
    first.events.append(summit_event(date(2019, 2, 27), key="event/summit/0000000000aa"))
    first.events[-1].local_id = "ev9"
    graph = KnowledgeGraph.open(None)
    graph.add_extraction(first)
    assert rows(graph, "date_disagreements") == []


@pytest.fixture(scope="module")
def seeds(seed_paths) -> KnowledgeGraph:
    graph = KnowledgeGraph.open(None)
    build(list(seed_paths.values()), graph)
    return graph


@pytest.fixture(scope="module")
def examples() -> KnowledgeGraph:
    graph = KnowledgeGraph.open(None)
    build([EXAMPLES], graph)
    return graph


@pytest.mark.slow
def test_the_seeds_timeline_has_the_hanoi_summit_from_both_articles(seeds):
    summit = [row for row in rows(seeds, "timeline") if row["kind"] == "Summit"]
    assert [(row["date"], row["place"], row["sources"], row["participants"])
            for row in summit] == [("2019-02-28", "Hanoi", "2", "Donald Trump, Kim Jong-un")]


@pytest.mark.slow
def test_the_seeds_say_who_met_whom(seeds):
    met = {(row["first"], row["second"], row.get("place")) for row in rows(seeds, "who_met_whom")}
    assert {("Donald Trump", "Kim Jong-un", "Hanoi"),
            ("Donald Trump", "Kim Jong-un", "Singapore")} <= met


@pytest.mark.slow
def test_the_seeds_claims_about_sanctions_contradict_each_other(seeds):
    claims = {(row["claimant"], row.get("contradicts")) for row in rows(seeds, "sanction_claims")}
    assert {("Donald Trump", "Ri Yong-ho"), ("Ri Yong-ho", "Donald Trump")} <= claims
    assert all("sentence" in row and "publisher" in row for row in rows(seeds, "sanction_claims"))


@pytest.mark.slow
def test_the_seeds_quotes_by_speaker(seeds):
    said = {(row["name"], row["quote"][:25]) for row in rows(seeds, "quotes_by_speaker")}
    assert ("Donald Trump", "Sometimes you have to wal") in said
    assert {row["publisher"] for row in rows(seeds, "quotes_by_speaker")} == {"AFP", "BSS/AFP"}


@pytest.mark.slow
def test_the_entities_count_the_articles_naming_them(seeds):
    """Both seeds name Kim; the count comes from the articles' schema:mentions, not from
    the entities graph that describes him once."""
    counts = {row["name"]: row["articles"] for row in rows(seeds, "entities")}
    assert counts["Kim Jong-un"] == "2"
    assert "1" in counts.values()  # what only seed 003 names (its analysts)


@pytest.mark.slow
def test_the_seeds_events_about_yongbyon(seeds):
    found = {(row["kind"], row["relation"]) for row in rows(seeds, "yongbyon")}
    assert ("Offer", "about") in found


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ASKED_FOR - {"date_disagreements"}))
def test_every_saved_query_answers_on_the_examples(examples, name):
    assert rows(examples, name), name


@pytest.mark.slow
def test_what_only_one_article_reports(examples, seeds):
    single = rows(examples, "single_source")
    assert {row["kind"] for row in single} >= {"Claim", "Sanction", "Meeting"}
    reported_twice = {row["event"] for row in rows(examples, "timeline") if row["sources"] != "1"}
    assert not reported_twice & {row["fact"] for row in single}
    assert rows(seeds, "single_source") == []  # the seeds are two tellings of one story


# The saved queries read each fact once where the union of the article graphs repeats it per
# article; these check that what different articles say of one event still adds up.

def test_who_met_whom_pairs_participants_that_different_articles_name():
    graph = two_tellings(summit_event(actors=("kim", "moon")))  # one summit, Moon only in B
    assert sorted((row["first"], row["second"], row["kind"], row["sources"])
                  for row in rows(graph, "who_met_whom")) == [
        ("Donald Trump", "Kim Jong-un", "Summit", "2"),
        ("Donald Trump", "Moon Jae-in", "Summit", "2"),
        ("Kim Jong-un", "Moon Jae-in", "Summit", "2")]


def test_an_event_one_article_calls_a_summit_and_another_a_meeting_is_both():
    meeting = summit_event()
    meeting.cls = "Meeting"  # the same event (same key), of the class above
    found = rows(two_tellings(meeting), "who_met_whom")
    assert sorted((row["kind"], row["first"], row["second"], row["sources"]) for row in found) \
        == [("Meeting", "Donald Trump", "Kim Jong-un", "2"),
            ("Summit", "Donald Trump", "Kim Jong-un", "2")]
    timeline = {(row["kind"], row["sources"]) for row in rows(two_tellings(meeting), "timeline")}
    assert {("Meeting", "2"), ("Summit", "2")} <= timeline


def test_the_timeline_lists_months_and_spans_of_days_in_order_with_days():
    graph = KnowledgeGraph.open(None)
    last_week = DateRange(date(2019, 2, 18), date(2019, 2, 24))
    for key, when in (("event/summit/00000000000b", last_week),
                      ("event/summit/00000000000c", PartialDate(2019, 2)),
                      ("event/summit/00000000000d", date(2019, 2, 20))):
        extraction = article_a()
        extraction.article = Article.from_text(extraction.article.text + key,
                                               published=date(2019, 3, 1))
        extraction.events = [summit_event(when, key=key)]
        graph.add_extraction(extraction)
    assert [row["date"] for row in rows(graph, "timeline")] == [
        "2019-02", "2019-02-18/2019-02-24", "2019-02-20"]
