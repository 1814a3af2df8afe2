"""Gold files: the shipped ones load and state only what their article says; bad ones are
refused in one line that names the file and the field."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kg.eval.evaluate import unstated
from kg.eval.gold import DateSpan, GoldError, load_gold
from kg.eval.match import ClassTree
from kg.ingest import IngestOptions, Report, read_articles

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "examples" / "gold").glob("*.yaml"))
TREE = ClassTree.from_ontology()
ENTITY_CLASSES, EVENT_CLASSES = TREE.below("Entity"), TREE.below("Event")


def load(path: Path):
    return load_gold(path, ENTITY_CLASSES, EVENT_CLASSES)


def article_of(gold, seeds_dir: Path | None):
    """The Article a gold file names, read as kg build reads it."""
    path, _, line = gold.article.partition(":")
    folder = seeds_dir if gold.seed else ROOT
    assert folder is not None
    articles = list(read_articles([str(folder / path)], IngestOptions(), Report()))
    return articles[int(line) - 1] if line else articles[0]


def test_every_example_article_and_both_seeds_have_gold():
    named = {load(path).article for path in GOLD}
    assert {"examples/articles/06_briefs.jsonl:1", "examples/articles/06_briefs.jsonl:2",
            "examples/articles/06_briefs.jsonl:3", "examples/articles/07_abe_tehran_visit.html",
            "examples/articles/01_hanoi_summit_wire.txt"} <= named
    articles = {f"examples/articles/{path.name}"
                for path in (ROOT / "examples" / "articles").iterdir() if path.suffix != ".jsonl"}
    assert articles <= named
    assert sum(load(path).seed for path in GOLD) == 2


@pytest.mark.parametrize("path", [path for path in GOLD if not load(path).seed],
                         ids=lambda path: path.stem)
def test_example_gold_states_only_what_its_article_says(path):
    gold = load(path)
    assert gold.entities and gold.events and gold.quotes and gold.roles
    assert unstated(gold, article_of(gold, None).text) == []


@pytest.mark.parametrize("path", [path for path in GOLD if load(path).seed],
                         ids=lambda path: path.stem)
def test_seed_gold_states_facts_without_copying_the_seed(path, seeds_dir):
    gold = load(path)
    text = article_of(gold, seeds_dir).text
    assert unstated(gold, text) == []
    seed_words = re.findall(r"[a-z0-9]+", text.lower())
    runs = {" ".join(seed_words[i:i + 8]) for i in range(len(seed_words) - 7)}
    gold_words = re.findall(r"[a-z0-9]+", path.read_text(encoding="utf-8").lower())
    copied = [" ".join(gold_words[i:i + 8]) for i in range(len(gold_words) - 7)
              if " ".join(gold_words[i:i + 8]) in runs]
    assert copied == []


GOOD = """article: news/a.txt
published: 2024-05-02
entities:
- {name: Lena Varga, class: Person, wikidata: Q1, aliases: [Varga]}
- {name: Porta, class: City}
events:
- {class: Summit, agents: [Lena Varga], place: Porta, date: 2024-05, evidence: met}
quotes:
- {speaker: Lena Varga, text: We will talk}
roles:
- {person: Lena Varga, title: President, former: true}
sanctions:
- {imposed_by: [Lena Varga], targets: [Porta], sectors: [timber], since: 2023-11, evidence: met}
"""


def test_a_good_file_loads_into_its_records(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    gold = load(path)
    assert gold.article == "news/a.txt" and gold.published == date(2024, 5, 2)
    assert gold.entity("Lena Varga").names == ("Lena Varga", "Varga")
    assert gold.events[0].actors == {"Lena Varga"} and gold.events[0].date.text == "2024-05"
    assert gold.quotes[0].speakers == ("Lena Varga",) and gold.roles[0].former
    sanction = gold.sanctions[0]
    assert (sanction.imposers, sanction.targets, sanction.sectors, sanction.since.text) == (
        ("Lena Varga",), ("Porta",), ("timber",), "2023-11")


def test_a_file_without_sanctions_does_not_annotate_them(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD.split("sanctions:")[0], encoding="utf-8")
    assert load(path).sanctions is None
    path.write_text(GOOD.split("sanctions:")[0] + "sanctions: []\n", encoding="utf-8")
    assert load(path).sanctions == ()


@pytest.mark.parametrize("change, message", [
    (("article: news/a.txt\n", ""), "file.article: is required"),
    (("class: Summit", "class: Sumit"), "events[0].class: 'Sumit' is not an event class"),
    (("class: City", "class: Town"), "entities[1].class: 'Town' is not an entity class"),
    (("class: Summit", "class: Person"), "events[0].class: 'Person' is not an event class"),
    (("wikidata: Q1", "wikidata: 42"), "entities[0].wikidata: 42 is not a Wikidata id"),
    (("agents: [Lena Varga]", "agents: [Lena]"), "events[0].agents: 'Lena' is not the name"),
    (("speaker: Lena Varga", "speaker: Otto"), "quotes[0].speaker: 'Otto' is not the name"),
    (("date: 2024-05,", "date: May 2024,"), "events[0].date: 'May 2024' is not YYYY-MM-DD"),
    (("date: 2024-05,", "date: 2024-05-09/2024-05-01,"), "events[0].date: '2024-05-09/2024-05"
                                                          "-01' ends before it starts"),
    (("evidence: met", "evidance: met"), "events[0].evidance: unknown field"),
    (("former: true", "former: yes please"), "roles[0].former: must be true or false"),
    (("published: 2024-05-02", "published: 2024-05"), "published: '2024-05' is not one day"),
    (("article: news/a.txt", "article: news/a.txt\nsha256: ABC"), "sha256: must be 64 lower-case"),
    (("- {name: Porta, class: City}", "- {name: Lena Varga, class: City}"),
     "entities[1].name: 'Lena Varga' is listed twice"),
    (("text: We will talk", "text: [We, will]"), "quotes[0].text: must be a non-empty string"),
    (("entities:\n", "entities: 3\nx:\n"), "x: unknown field"),
    (("targets: [Porta]", "targets: [Portia]"), "sanctions[0].targets: 'Portia' is not the name"),
    (("since: 2023-11", "since: last year"), "sanctions[0].since: 'last year' is not YYYY-MM-DD"),
    (("sectors: [timber]", "sector: [timber]"), "sanctions[0].sector: unknown field"),
])
def test_a_bad_file_is_one_line_naming_file_and_field(tmp_path, change, message):
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        load(path)
    text = str(caught.value)
    assert "\n" not in text and text.startswith(f"{path}: ") and message in text


@pytest.mark.parametrize("content, message", [
    ("article: [a\n", "not valid YAML at line 2"),
    ("- just\n- a list\n", "file: must be a mapping of fields"),
])
def test_unreadable_files_are_one_line(tmp_path, content, message):
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=re.escape(message)):
        load(path)
    with pytest.raises(GoldError, match="cannot be read"):
        load(tmp_path / "missing.yaml")


@pytest.mark.parametrize("text, start, end", [
    ("2019-02-28", date(2019, 2, 28), date(2019, 2, 28)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2016", date(2016, 1, 1), date(2016, 12, 31)),
    ("2021-06-14/2021-06-24", date(2021, 6, 14), date(2021, 6, 24)),
    ("2018-11/2019", date(2018, 11, 1), date(2019, 12, 31)),
])
def test_date_spans(text, start, end):
    span = DateSpan.parse(text)
    assert (span.start, span.end) == (start, end)
    assert start in span and end in span and "2019-01-01" not in span
