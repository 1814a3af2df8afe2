"""The runnable examples in the docstrings of kg/viz."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["kg.viz.exchange", "kg.viz.layout", "kg.viz.output", "kg.viz.page",
           "kg.viz.picture", "kg.viz.projection", "kg.viz.selection", "kg.viz.sources",
           "kg.viz.style", "kg.viz.timeline"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
