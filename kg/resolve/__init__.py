"""kg/resolve: canonical keys for an article's entities and events, against what is stored.

``resolve(extraction, index)`` runs entity resolution (kg/resolve/entities.py), then event
coreference (kg/resolve/events.py). ``ResolutionIndex`` (kg/resolve/index.py) is what the
store keeps of earlier articles.
"""
from __future__ import annotations

from kg.model import Extraction
from kg.resolve.entities import resolve_entities
from kg.resolve.events import resolve_events
from kg.resolve.index import ResolutionIndex, StoredEvent

__all__ = ["ResolutionIndex", "StoredEvent", "resolve", "resolve_entities", "resolve_events"]


def resolve(extraction: Extraction, index: ResolutionIndex) -> Extraction:
    """Set Entity.key, Event.key and Sanction.key; merge what one article says twice."""
    return resolve_events(resolve_entities(extraction, index), index)
