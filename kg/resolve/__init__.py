"""kg/resolve: canonical keys for an article's entities and events, against what is stored.

``resolve(extraction, index)`` runs entity resolution (kg/resolve/entities.py), then event
coreference (kg/resolve/events.py). ``ResolutionIndex`` (kg/resolve/index.py) is what the
store keeps of earlier articles. Event coreference shares the event classes of kg/extract,
which loads spaCy: it is imported on first use, so that opening a store (which needs the
index) stays quick.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

from kg.model import Extraction
from kg.resolve.entities import resolve_entities
from kg.resolve.index import ResolutionIndex, StoredEvent

__all__ = ["ResolutionIndex", "StoredEvent", "resolve", "resolve_entities", "resolve_events"]


def resolve(extraction: Extraction, index: ResolutionIndex) -> Extraction:
    """Set Entity.key, Event.key and Sanction.key; merge what one article says twice."""
    return import_module("kg.resolve.events").resolve_events(
        resolve_entities(extraction, index), index)


def __getattr__(name: str) -> Any:
    if name == "resolve_events":
        return import_module("kg.resolve.events").resolve_events
    raise AttributeError(f"module 'kg.resolve' has no attribute {name!r}")
