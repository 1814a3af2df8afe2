"""Where the project's data files live."""
from __future__ import annotations

import sys
from pathlib import Path


def ontology_dir() -> Path:
    """The ontology/ folder: beside the package in a checkout, or under the installed prefix."""
    for candidate in (Path(__file__).resolve().parent.parent / "ontology",
                      Path(sys.prefix) / "share" / "event-kg" / "ontology"):
        if (candidate / "kg.ttl").exists() or candidate.is_dir():
            return candidate
    raise FileNotFoundError("the event-kg ontology folder was not found; reinstall the package")
