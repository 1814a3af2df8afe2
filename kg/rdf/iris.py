"""Minting IRIs from keys (docs/ARCHITECTURE.md, "Keys and IRIs").

``resolve`` decides the keys of entities, events and sanctions; the keys of quotes, claims and
roles are digests of their content, made here, so that two outlets' versions of one quote land
on one IRI.

>>> article_iri("ab12", "http://x/").value
'http://x/article/ab12'
>>> mention_iri(article_iri("ab12", "http://x/"), 4, 9).value
'http://x/article/ab12#char=4,9'
"""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph

from kg.model import digest


@lru_cache(maxsize=65536)
def resource_iri(base_iri: str, key: str) -> pyoxigraph.NamedNode:
    """The IRI of a resource: ``base_iri + key``."""
    return pyoxigraph.NamedNode(base_iri + key)


def entities_graph(base_iri: str) -> pyoxigraph.NamedNode:
    """The named graph that holds each entity's canonical description once: its class, its
    canonical name and its Wikidata link (what articles say of it stays in their graphs).

    >>> entities_graph("http://x/").value
    'http://x/graph/entities'
    """
    return resource_iri(base_iri, "graph/entities")


def article_iri(article_id: str, base_iri: str) -> pyoxigraph.NamedNode:
    """The IRI of an article, which is also the IRI of its named graph."""
    return resource_iri(base_iri, f"article/{article_id}")


def article_id_of(iri: str, base_iri: str) -> str | None:
    """The article id inside an article IRI, or None when it is not one under ``base_iri``.

    >>> article_id_of("http://x/article/ab12", "http://x/")
    'ab12'
    """
    prefix = f"{base_iri}article/"
    return iri[len(prefix):] if iri.startswith(prefix) and "#" not in iri else None


def mention_iri(article: pyoxigraph.NamedNode, start: int, end: int) -> pyoxigraph.NamedNode:
    """The IRI of a span of an article's text: an RFC 5147 fragment, as NIF does."""
    return pyoxigraph.NamedNode(f"{article.value}#char={start},{end}")


def quote_key(speaker_key: str | None, text: str) -> str:
    """The key of a quote: who said which words."""
    return "quote/" + digest(speaker_key or "", " ".join(text.split()))


def claim_key(claimant_key: str, event_key: str) -> str:
    """The key of a claim: who claims which event."""
    return "claim/" + digest(claimant_key, event_key)


def role_key(person_key: str, title: str, of_key: str | None, former: bool) -> str:
    """The key of a post held by one person."""
    return "role/" + digest(person_key, title, of_key or "", "former" if former else "")
