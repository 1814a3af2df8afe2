"""RDF terms written by hand, as `kg query --param name=value` takes them.

``<iri>``, a prefixed name (``entity:kim-jong-un``, ``ekg:Summit``), a quoted literal
(``"text"``, ``"text"@en``, ``"5"^^xsd:integer``, ``"5"^^<iri>``) or bare text, which is a
plain literal. The value becomes a term that is bound to the variable, never text spliced
into the query.

>>> parse_term('"Kim"@en', {}).language
'en'
>>> parse_term("ekg:Summit", {"ekg": "https://w3id.org/event-kg/ontology#"}).value
'https://w3id.org/event-kg/ontology#Summit'
>>> parse_term("Hanoi summit", {}).value
'Hanoi summit'
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from pyoxigraph import Literal, NamedNode

VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
PREFIXED_NAME = re.compile(r"(?P<prefix>[A-Za-z][\w.-]*)?:(?P<local>[^\s<>\"{}|^`\\]*)")
QUOTED = re.compile(r'"(?P<text>(?:[^"\\]|\\.)*)"(?:@(?P<language>[A-Za-z]+(?:-[A-Za-z0-9]+)*)'
                    r'|\^\^(?P<datatype>\S+))?', re.DOTALL)
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}

Term = NamedNode | Literal


class TermError(ValueError):
    """A value that is not a term; the message says what is wrong in one line."""


def parse_iri(text: str, prefixes: Mapping[str, str]) -> NamedNode:
    """``<iri>`` or a prefixed name with a known prefix.

    >>> parse_iri("<http://x/a>", {}).value
    'http://x/a'
    """
    if text.startswith("<") and text.endswith(">"):
        try:
            return NamedNode(text[1:-1])
        except ValueError as error:
            raise TermError(f"{text} is not an IRI: {error}") from None
    found = PREFIXED_NAME.fullmatch(text)
    if not found:
        raise TermError(f"{text} is neither <an IRI> nor a prefixed name such as ekg:Summit")
    prefix = found.group("prefix") or ""
    if found.group("local").startswith("//"):
        raise TermError(f"write an IRI in angle brackets: <{text}>")
    if prefix not in prefixes:
        raise TermError(f"unknown prefix {prefix}: in {text} (known: "
                        f"{', '.join(sorted(name + ':' for name in prefixes))}); "
                        'quote the value ("...") to mean text')
    try:
        return NamedNode(prefixes[prefix] + found.group("local"))
    except ValueError as error:
        raise TermError(f"{text} is not an IRI: {error}") from None


def unescape(text: str) -> str:
    r"""The text of a quoted literal with its backslash escapes read.

    >>> unescape(r'say \"no\"\n')
    'say "no"\n'
    """
    return re.sub(r"\\(.)", lambda found: ESCAPES.get(found.group(1), found.group(0)), text,
                  flags=re.DOTALL)


def parse_term(text: str, prefixes: Mapping[str, str]) -> Term:
    """The term a value written by hand stands for (see the module docstring)."""
    if text.startswith('"'):
        found = QUOTED.fullmatch(text)
        if not found:
            raise TermError(f"{text}: a quoted value must end with a quote, optionally "
                            'followed by @language or ^^datatype ("5"^^xsd:integer)')
        value = unescape(found.group("text"))
        if found.group("datatype"):
            return Literal(value, datatype=parse_iri(found.group("datatype"), prefixes))
        return Literal(value, language=found.group("language")) if found.group("language") \
            else Literal(value)
    if text.startswith("<") or PREFIXED_NAME.fullmatch(text):
        return parse_iri(text, prefixes)
    return Literal(text)


def parse_binding(text: str, prefixes: Mapping[str, str]) -> tuple[str, Term]:
    """``name=value`` as a variable name and its term.

    >>> parse_binding("speaker=<http://x/trump>", {})
    ('speaker', <NamedNode value=http://x/trump>)
    """
    name, equals, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not equals or not VARIABLE_NAME.fullmatch(name):
        raise TermError(f"{text!r}: write NAME=VALUE, e.g. speaker=entity:kim-jong-un")
    return name, parse_term(value, prefixes)
