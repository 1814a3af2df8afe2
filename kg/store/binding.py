"""Binding query variables in SPARQL text sent to a remote endpoint, safely.

An embedded Oxigraph store binds variables itself (pyoxigraph's ``substitutions``). A remote
endpoint only takes text, so the bindings travel as a ``VALUES`` block made of serialised
RDF terms (N-Triples syntax, escaped by pyoxigraph), never of raw user text. The block opens
the query's WHERE group, which gives the same answers as a substitution: the variable is bound
before the pattern, its FILTERs and OPTIONALs are evaluated. A query whose WHERE group holds
nothing but triples (``CONSTRUCT WHERE { ... }``) or that has none (``DESCRIBE <x>``) gets the
block at its end instead.

Finding the WHERE group needs no parser: a small scanner skips comments, strings and IRIs and
counts braces and parentheses.

>>> from pyoxigraph import Literal, Variable
>>> bound_query("SELECT ?who WHERE { ?who ?p ?o }", {Variable("who"): Literal('x"}')})
'SELECT ?who WHERE { VALUES (?who) { ("x\\\\"}") } ?who ?p ?o }'
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Variable

#: One token of SPARQL text the scanner tells apart (everything else is a single character).
TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<variable>[?$][A-Za-z0-9_\u00b7\u00c0-\U000effff]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-.]*:?)
  | (?P<space>\s+)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
#: An empty store: a query is tried on it to check it before it is run elsewhere.
CHECKER = pyoxigraph.Store()


class BindingError(ValueError):
    """A value that cannot be written into a query's text (a blank node)."""


def tokens(sparql: str) -> Iterator[re.Match[str]]:
    """The tokens of a query, white space and comments left out."""
    for token in TOKEN.finditer(sparql):
        if token.lastgroup not in ("space", "comment"):
            yield token


def query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword after the prologue.

    >>> query_form("PREFIX select: <http://x/> # ASK\\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    """
    for token in tokens(sparql):
        if token.lastgroup == "word" and token.group().upper() in QUERY_FORMS:
            return token.group().upper()
    return None


def declared_prefixes(sparql: str) -> dict[str, str]:
    """The prefixes a query declares itself.

    >>> declared_prefixes("PREFIX ex: <http://x/> PREFIX : <http://y/> SELECT * { ?s ?p ?o }")
    {'ex': 'http://x/', '': 'http://y/'}
    """
    found: dict[str, str] = {}
    words = list(tokens(sparql))
    for keyword, name, iri in zip(words, words[1:], words[2:]):
        if keyword.group().upper() == "PREFIX" and iri.lastgroup == "iri" \
                and name.group().endswith(":"):
            found[name.group()[:-1]] = iri.group()[1:-1]
    return found


def answer_kind(sparql: str, prefixes: Mapping[str, str] | None = None,
                substitutions: Mapping[Variable, NamedNode | Literal | BlankNode] | None = None
                ) -> str:
    """What a query answers with: "solutions" (SELECT), "boolean" (ASK) or "triples"
    (CONSTRUCT, DESCRIBE). It is tried on an empty store, so it fails as pyoxigraph fails:
    SyntaxError for a malformed query, RuntimeError for a binding it cannot take.

    >>> answer_kind("ASK { ?s ?p ?o }"), answer_kind("DESCRIBE <http://x/a>")
    ('boolean', 'triples')
    """
    answer = CHECKER.query(sparql, prefixes=prefixes, substitutions=substitutions)
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return "boolean"
    return "triples" if isinstance(answer, pyoxigraph.QueryTriples) else "solutions"


def top_level_groups(sparql: str) -> Iterator[tuple[int, str]]:
    """(offset just inside, the word before it) for each ``{`` that opens a group at the top
    level of the query (not inside another group or a parenthesised expression)."""
    braces = parentheses = 0
    previous = ""
    for token in tokens(sparql):
        text = token.group()
        if text == "{":
            if braces == 0 and parentheses == 0:
                yield token.end(), previous.upper()
            braces += 1
        elif text == "}":
            braces -= 1
        elif text == "(":
            parentheses += 1
        elif text == ")":
            parentheses -= 1
        previous = text


def where_group(sparql: str) -> int | None:
    """The offset just inside the WHERE group of a query whose WHERE group is a graph
    pattern, else None (no WHERE group, or the short ``CONSTRUCT WHERE`` form).

    >>> text = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c }"
    >>> text[where_group(text):]
    ' ?s a ?c }'
    >>> where_group("CONSTRUCT WHERE { ?s ?p ?o }") is None
    True
    """
    groups = list(top_level_groups(sparql))
    if query_form(sparql) == "CONSTRUCT":
        if not groups or groups[0][1] == "WHERE":
            return None
        groups = groups[1:]  # the first group is the template
    return groups[0][0] if groups else None


def term_text(term: NamedNode | Literal | BlankNode) -> str:
    """A term as SPARQL text: pyoxigraph writes it in N-Triples syntax, escaped."""
    if isinstance(term, BlankNode):
        raise BindingError("a blank node cannot be bound in a query sent to an endpoint")
    return str(term)


def values_block(bindings: Mapping[Variable, NamedNode | Literal | BlankNode]) -> str:
    """``VALUES (?a ?b) { (<x> "y") }`` for one row of bindings.

    >>> values_block({Variable("p"): NamedNode("http://x/p")})
    'VALUES (?p) { (<http://x/p>) }'
    """
    names = " ".join(f"?{variable.value}" for variable in bindings)
    row = " ".join(term_text(term) for term in bindings.values())
    return f"VALUES ({names}) {{ ({row}) }}"


def bound_query(sparql: str,
                bindings: Mapping[Variable, NamedNode | Literal | BlankNode] | None) -> str:
    """The query with its variables bound by a VALUES block (see the module docstring)."""
    if not bindings:
        return sparql
    block = values_block(bindings)
    inside = where_group(sparql)
    if inside is None:
        return f"{sparql}\n{block}"
    return f"{sparql[:inside]} {block}{sparql[inside:]}"


def with_prefixes(sparql: str, prefixes: Mapping[str, str] | None) -> str:
    """The query with PREFIX declarations in front (its own declarations still win).

    >>> with_prefixes("ASK { ?s a ekg:Summit }", {"ekg": "http://x#"})
    'PREFIX ekg: <http://x#>\\nASK { ?s a ekg:Summit }'
    """
    lines = [f"PREFIX {name}: {NamedNode(iri)}" for name, iri in (prefixes or {}).items()]
    return "\n".join([*lines, sparql])
