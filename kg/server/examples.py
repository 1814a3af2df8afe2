"""The saved example queries the query page offers.

They are the project's examples/queries/*.rq. The package reaches them through
kg/server/queries, a link to that folder in a checkout that becomes a copy in a built wheel,
so an installed kg offers the same queries.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

QUERIES = resources.files("kg.server") / "queries"


@dataclass(frozen=True)
class ExampleQuery:
    """A saved query: its name (the file name without .rq) and its SPARQL text."""

    name: str
    text: str


def example_queries(folder: Traversable = QUERIES) -> list[ExampleQuery]:
    """The saved queries in ``folder``, sorted by name; none when the folder is missing.

    >>> all(q.text.strip() for q in example_queries())
    True
    """
    if not folder.is_dir():
        return []
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return [ExampleQuery(f.name.removesuffix(".rq"), f.read_text(encoding="utf-8")) for f in files]
