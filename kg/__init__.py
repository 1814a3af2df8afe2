"""event-kg: news articles in, one merged, provenance-carrying RDF event graph out."""
from __future__ import annotations

__version__ = "0.1.0"
