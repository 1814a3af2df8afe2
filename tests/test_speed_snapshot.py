"""The extraction snapshot (benchmarks/extraction_snapshot.py) that proves a speed change
leaves the output identical: canonical lines, and a comparison that finds a changed field."""
from __future__ import annotations

import doctest
import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from kg.model import Article, Entity, Event, Extraction, Mention

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "extraction_snapshot.py"


@pytest.fixture(scope="module")
def snapshot():
    spec = importlib.util.spec_from_file_location("extraction_snapshot", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def an_extraction(day: date) -> Extraction:
    article = Article.from_text("Envoys of Freedonia met in Sylvania.", source="/x/corpus/a.txt")
    mention = Mention(0, 6, "Envoys", 0, 0, 36)
    entity = Entity("e1", "Freedonia", "Country", aliases={"the Freedonians", "Freedonia's"},
                    mentions=[mention])
    event = Event("event0", "Meeting", "meet", actors=["e1"], date=day, mentions=[mention])
    return Extraction(article, entities=[entity], events=[event])


def test_docstring_examples(snapshot):
    result = doctest.testmod(snapshot)
    assert result.attempted > 0 and result.failed == 0


def test_line_is_canonical_and_names_the_source_inside_its_corpus(snapshot, nlp):
    doc = nlp("Envoys of Freedonia met in Sylvania.")
    line = snapshot.snapshot_line(doc, an_extraction(date(2020, 5, 4)), Path("/x/corpus"))
    record = json.loads(line)
    assert record["source"] == "corpus/a.txt"
    assert record["extraction"]["entities"][0]["aliases"] == ["Freedonia's", "the Freedonians"]
    assert record["extraction"]["events"][0]["date"] == "2020-05-04"
    assert set(record["spans"]) == set(snapshot.SPAN_GROUPS)
    assert line == snapshot.snapshot_line(doc, an_extraction(date(2020, 5, 4)), Path("/x/corpus"))


def test_compare_names_the_field_that_changed(snapshot, nlp, tmp_path):
    doc = nlp("Envoys of Freedonia met in Sylvania.")
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    before.write_text(snapshot.snapshot_line(doc, an_extraction(date(2020, 5, 4)),
                                             Path("/x/corpus")) + "\n")
    after.write_text(snapshot.snapshot_line(doc, an_extraction(date(2020, 5, 5)),
                                            Path("/x/corpus")) + "\n")
    assert snapshot.compare(before, before) == []
    [difference] = snapshot.compare(before, after)
    assert difference.startswith("corpus/a.txt ")
    assert 'extraction.events[0].date: "2020-05-04" != "2020-05-05"' in difference
