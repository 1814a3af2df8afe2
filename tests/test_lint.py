"""The code passes ruff with the rule set named in pyproject.toml ([tool.ruff.lint])."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing() -> None:
    if importlib.util.find_spec("ruff") is None:
        message = "ruff is not installed (it comes with the dev extras: pip install -e '.[dev]')"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: the linter must run)")
        pytest.skip(message)
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache",
                             "kg", "tests", "benchmarks"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
