"""Helpers for the store, query and export tests: small resolved articles made by hand, and a
live Oxigraph server (the `oxigraph` PyPI package, a dev dependency) started and stopped by the
test that needs it.

The hand-made articles are written for these tests; their keys are set here, as kg/resolve
would set them, so the tests exercise kg/rdf and kg/store alone.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
import pyoxigraph
import pytest

from kg.model import Article, Claim, Entity, Event, Extraction, Mention, Quote

QUERIES = Path(__file__).resolve().parents[1] / "examples" / "queries"

KEYS = {"kim": "entity/kim-jong-un", "trump": "entity/donald-trump", "hanoi": "entity/hanoi",
        "moon": "entity/moon-jae-in", "envoy": "entity/person/lena-brandt",
        "seoul": "entity/seoul"}
NAMES = {"kim": ("Kim Jong-un", "Person"), "trump": ("Donald Trump", "Person"),
         "hanoi": ("Hanoi", "City"), "moon": ("Moon Jae-in", "Person"),
         "envoy": ("Lena Brandt", "Person"), "seoul": ("Seoul", "City")}


def entity(local_id: str, label: str | None = None) -> Entity:
    """One of the test entities, keyed; ``label`` is another spelling of its name."""
    name, cls = NAMES[local_id]
    return Entity(local_id, label or name, cls, key=KEYS[local_id])


def mention_of(text: str, words: str) -> Mention:
    """Where ``words`` stand in ``text``, with the sentence around them."""
    start = text.index(words)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start + len(words)) + 1 or len(text)
    return Mention(start, start + len(words), words, text.count(". ", 0, start),
                   sentence_start, sentence_end)


def summit_event(day: date | None = date(2019, 2, 28), key: str = "event/summit/000000000001",
                 actors: tuple[str, ...] = ("kim", "trump"), place: str | None = "hanoi"
                 ) -> Event:
    """The two leaders' summit in Hanoi (or another telling of it)."""
    return Event("ev1", "Summit", "summit", cameo="043", actors=list(actors), place=place,
                 date=day, confidence=0.9, key=key)


def article_a() -> Extraction:
    """An article about the summit, with a quote and a claim."""
    text = "Kim Jong-un and Donald Trump met in Hanoi. Trump said it was a good talk."
    claim_event = Event("ev2", "Demand", "demand", agents=["kim"], actors=["kim"],
                        asserted_by="trump", key="event/demand/000000000002")
    return Extraction(
        Article.from_text(text, title="Leaders meet", published=date(2019, 3, 1),
                          publisher="Test Wire"),
        entities=[entity("kim"), entity("trump"), entity("hanoi"), entity("envoy")],
        events=[summit_event(), claim_event],
        quotes=[Quote("q1", "it was a good talk", "trump", mention_of(text, "it was a good talk"),
                      0.8)],
        claims=[Claim("c1", "trump", "ev2")])


def article_b(summit: Event | None = None) -> Extraction:
    """Another outlet's report: the same summit (another spelling of Kim's name), and Moon;
    ``summit`` is another telling of the summit."""
    text = "Kim Jong Un met Donald Trump in Hanoi. Moon Jae-in spoke in Seoul."
    statement = Event("ev3", "Statement", "speak", agents=["moon"], actors=["moon"],
                      key="event/statement/000000000003")
    return Extraction(
        Article.from_text(text, title="Summit ends", published=date(2019, 3, 1),
                          publisher="Other Paper"),
        entities=[entity("kim", "Kim Jong Un"), entity("trump"), entity("hanoi"),
                  entity("moon"), entity("seoul")],
        events=[summit or summit_event(), statement])


def hand_made_store(folder: Path) -> Path:
    """A store folder holding the two hand-made articles."""
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(folder) as graph:
        graph.add_extraction(article_a())
        graph.add_extraction(article_b())
    return folder


def saved_queries() -> list[Path]:
    """The saved queries, examples/queries/*.rq."""
    return sorted(QUERIES.glob("*.rq"))


def sorted_nquads(graph) -> bytes:
    """The article graphs of a KnowledgeGraph as sorted N-Quads (the ontology left out: a
    server names its blank nodes afresh)."""
    return pyoxigraph.serialize(sorted(graph.quads(), key=str),
                                format=pyoxigraph.RdfFormat.N_QUADS)


def answer_rows(graph, sparql: str, params=None):
    """A query's answer in a form to compare: sorted rows of N-Triples terms, a bool for
    ASK, sorted triples for CONSTRUCT."""
    answer = graph.query(sparql, params)
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return bool(answer)
    if isinstance(answer, pyoxigraph.QueryTriples):
        return sorted(str(triple) for triple in answer)
    names = [variable.value for variable in answer.variables]
    return sorted(tuple("" if row[name] is None else str(row[name]) for name in names)
                  for row in answer)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The `oxigraph` command of this environment (the venv's bin), if installed."""
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@contextmanager
def oxigraph_server(location: Path, *options: str) -> Iterator[str]:
    """Run ``oxigraph serve --location LOCATION --bind 127.0.0.1:PORT`` until the block ends;
    yields its base URL. Skips when the command is missing (fails under CI=true)."""
    binary = oxigraph_binary()
    if binary is None:
        message = "the oxigraph command is not installed (pip install oxigraph)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(location),
                                "--bind", f"127.0.0.1:{port}", *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_answering(url: str, process: subprocess.Popen, patience: float = 30.0) -> None:
    """Poll the server's query endpoint until it answers (or the process dies)."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited: {process.stderr.read().decode()}")
        try:
            httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph serve did not answer at {url} within {patience} s")
