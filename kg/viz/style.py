"""The look of pictures (colours, shapes, edge words), read from kg/viz/style.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Family:
    """A top class whose instances are drawn as nodes: Event, Entity, Sanction, Quote."""

    name: str
    shape: str  # vis-network shape
    marker: str  # matplotlib marker
    colour: str


@dataclass(frozen=True)
class Style:
    """Colours per class, shapes per family and the word on each kind of edge."""

    families: tuple[Family, ...]
    colours: dict[str, str]
    roles: dict[str, str]  # predicate IRI -> role word
    role_colours: dict[str, str]  # role word -> edge colour in static pictures
    generic_roles: frozenset[str]
    naming: dict[str, str]  # role word -> preposition in a generated name

    def family(self, name: str) -> Family:
        """The family called ``name``."""
        return next(family for family in self.families if family.name == name)

    def colour(self, cls: str, family: str) -> str:
        """The colour of a class, else of its family.

        >>> style = load_style()
        >>> style.colour("NoSuchClass", "Entity") == style.family("Entity").colour
        True
        """
        return self.colours.get(cls, self.family(family).colour)

    def role_colour(self, role: str) -> str:
        """The colour of an edge in the static pictures; grey for a role without one.

        >>> load_style().role_colour("no such role")
        '#999999'
        """
        return self.role_colours.get(role, "#999999")


@cache
def load_style() -> Style:
    """The style shipped with the package."""
    data = yaml.safe_load(resources.files("kg.viz").joinpath("style.yaml").read_text("utf-8"))
    families = tuple(Family(name, **settings) for name, settings in data["families"].items())
    return Style(families=families, colours=dict(data["colours"]), roles=dict(data["roles"]),
                 role_colours=dict(data["role_colours"]),
                 generic_roles=frozenset(data["generic_roles"]), naming=dict(data["naming"]))
