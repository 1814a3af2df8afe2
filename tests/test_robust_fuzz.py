"""The ingest fuzz target (tests/fuzz/fuzz_ingest.py), run on a bounded number of inputs."""
from __future__ import annotations

import pytest
from fuzz.fuzz_ingest import fuzz_random

INPUTS = 2000


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_fuzz_target_holds_on_2000_random_inputs() -> None:
    checked = fuzz_random(INPUTS, seed=11)
    assert checked >= INPUTS // 2  # most byte strings make a valid input: the run is no no-op
