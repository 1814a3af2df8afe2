"""One writer or any number of readers on a store folder, across real processes."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg.store import KnowledgeGraph, StoreError

HOLD = textwrap.dedent("""
    import sys, time
    from kg.store import KnowledgeGraph
    graph = KnowledgeGraph.open(sys.argv[1], read_only=sys.argv[2] == "read")
    print("open", flush=True)
    time.sleep(float(sys.argv[3]))
    graph.close()
    with open(sys.argv[4], "a") as log:
        print("closed", file=log)
""")


def hold(store: Path, mode: str, seconds: float) -> subprocess.Popen:
    """Another process that opens the store (to read or write), keeps it open a while, closes
    it and then writes "closed" to ``store``'s sibling file closed.log."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(store), mode, str(seconds),
                                str(store.parent / "closed.log")],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "open"
    return process


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    KnowledgeGraph.open(folder).close()
    return folder


def test_a_reader_keeps_a_writer_out_and_says_so(store):
    reader = hold(store, "read", 30)
    try:
        with pytest.raises(StoreError, match="being read by another process"):
            KnowledgeGraph.open(store)
    finally:
        reader.kill()
        reader.wait()
    KnowledgeGraph.open(store).close()  # the killed reader left no lock behind


def test_a_writer_keeps_readers_out_and_says_so(store):
    writer = hold(store, "write", 30)
    try:
        with pytest.raises(StoreError, match="being written by another process"):
            KnowledgeGraph.open(store, read_only=True)
    finally:
        writer.kill()
        writer.wait()
    KnowledgeGraph.open(store, read_only=True).close()


def test_readers_share_and_a_waiting_writer_gets_in_after_them(store):
    first, second = hold(store, "read", 1), hold(store, "read", 1)  # both open at once
    graph = KnowledgeGraph.open(store, wait=60)
    closed_before = (store.parent / "closed.log").read_text().split()
    graph.close()
    first.wait()
    second.wait()
    assert closed_before == ["closed", "closed"]  # the writer got in after both readers
