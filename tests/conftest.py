"""Fixtures shared by the whole suite."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed articles in ../shared/seeds: skip when absent, but fail under CI=true."""
    if not SEEDS_DIR.is_dir() or not any(SEEDS_DIR.glob("*.txt")):
        message = f"the seed articles are not at {SEEDS_DIR}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: the seeds must be present)")
        pytest.skip(message)
    return SEEDS_DIR


@pytest.fixture(scope="session")
def seed_paths(seeds_dir: Path) -> dict[str, Path]:
    """The seed files by their number prefix: {"000": Path(...), "003": Path(...)}."""
    return {path.name.split("_")[0]: path for path in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture()
def browser(request: pytest.FixtureRequest):
    """A headless Chromium (tests/browser.py): skips when missing, fails under CI=true."""
    from browser import browser_fixture

    return browser_fixture(request)


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (no trained model), loaded once for the whole suite. A test file
    that needs another pipeline defines its own ``nlp`` fixture."""
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()
