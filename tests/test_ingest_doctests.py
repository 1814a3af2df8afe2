"""The runnable examples in the docstrings of ingestion and the CLI helpers."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["kg.ingest.articles", "kg.ingest.dates", "kg.ingest.formats", "kg.ingest.headers",
           "kg.ingest.report", "kg.ingest.sources", "kg.cli.build", "kg.cli.progress"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
