"""Gold annotations: what one article states, written by hand as YAML (README, "Quality").

A gold file names its article and lists the entities, events, quotes, roles and sanctions
the text states. Everything else in the file refers to entities by their ``name``. ``load_gold``
checks the file against that format and against the ontology's classes; every problem is a
GoldError whose message is one line naming the file and the field.

>>> span = DateSpan.parse("2018-06")
>>> span.start, span.end
(datetime.date(2018, 6, 1), datetime.date(2018, 6, 30))
>>> date(2018, 6, 12) in span, date(2018, 7, 1) in span
(True, False)
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from kg.nlp.normalise import read_yaml

WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")
SHA256 = re.compile(r"[0-9a-f]{64}")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = re.compile(r"\d{4}-\d{2}")
YEAR = re.compile(r"\d{4}")

TOP_FIELDS = {"article", "seed", "sha256", "published", "entities", "events", "quotes", "roles",
              "sanctions"}
ENTITY_FIELDS = {"name", "class", "wikidata", "aliases"}
EVENT_FIELDS = {"class", "agents", "targets", "place", "date", "topics", "evidence"}
QUOTE_FIELDS = {"speaker", "text"}
ROLE_FIELDS = {"person", "title", "of", "former"}
SANCTION_FIELDS = {"imposed_by", "targets", "sectors", "since", "evidence"}


class GoldError(ValueError):
    """A gold file that cannot be used; the message is one line: file, field, problem."""


@dataclass(frozen=True)
class DateSpan:
    """When a gold event happened: a day, a month, a year, or an interval ``start/end``.

    >>> DateSpan.parse("2019-02-21/2019-02-27").text
    '2019-02-21/2019-02-27'
    """

    start: date
    end: date
    text: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @classmethod
    def parse(cls, value: object) -> "DateSpan":
        """A span from YAML: a date, ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``A/B``."""
        if isinstance(value, date):
            return cls(value, value, value.isoformat())
        text = str(value).strip()
        if "/" in text:
            first, _, last = text.partition("/")
            start, end = cls.parse(first).start, cls.parse(last).end
            if end < start:
                raise ValueError(f"{text!r} ends before it starts")
            return cls(start, end, text)
        if DAY.fullmatch(text):
            day = date.fromisoformat(text)
            return cls(day, day, text)
        if MONTH.fullmatch(text):
            year, month = int(text[:4]), int(text[5:])
            last_day = calendar.monthrange(year, month)[1]
            return cls(date(year, month, 1), date(year, month, last_day), text)
        if YEAR.fullmatch(text):
            return cls(date(int(text), 1, 1), date(int(text), 12, 31), text)
        raise ValueError(f"{text!r} is not YYYY-MM-DD, YYYY-MM, YYYY or START/END")


@dataclass(frozen=True)
class GoldEntity:
    """A named thing the article mentions: canonical name, ekg: class, other names."""

    name: str
    cls: str
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the text uses for it."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldEvent:
    """Something the article reports; participants are gold entity names."""

    cls: str
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    place: str | None = None
    date: DateSpan | None = None
    topics: tuple[str, ...] = ()
    evidence: str = ""

    @property
    def actors(self) -> frozenset[str]:
        """Every participant (agents and targets), as scored."""
        return frozenset(self.agents) | frozenset(self.targets)


@dataclass(frozen=True)
class GoldQuote:
    """Quoted words: the first words as written, and who says them (any one may be credited)."""

    speakers: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Role:
    """A post a person holds; ``of`` is None where no country or body is named.

    In a gold file ``person`` and ``of`` are entity names; read from a graph (kg.eval.graph),
    they are IRIs.
    """

    person: str
    title: str
    of: str | None = None
    former: bool = False


@dataclass(frozen=True)
class GoldSanction:
    """A sanctions measure: who imposes it on whom (entity names), on which sectors (as the
    text words them), in force since when."""

    imposers: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    since: DateSpan | None = None
    evidence: str = ""


@dataclass(frozen=True)
class GoldArticle:
    """One gold file."""

    path: Path
    article: str  # the article's path from the project root, or a seed's file name
    seed: bool = False
    sha256: str | None = None
    published: date | None = None
    entities: tuple[GoldEntity, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    roles: tuple[Role, ...] = ()
    sanctions: tuple[GoldSanction, ...] | None = None  # None: the file does not annotate them

    def entity(self, name: str) -> GoldEntity:
        """The gold entity with this canonical name."""
        for entity in self.entities:
            if entity.name == name:
                return entity
        raise KeyError(name)


class Reader:
    """Reads one gold file's YAML into a GoldArticle, naming the field of every problem."""

    def __init__(self, path: Path, entity_classes: Collection[str],
                 event_classes: Collection[str]) -> None:
        self.path = path
        self.entity_classes = entity_classes
        self.event_classes = event_classes

    def fail(self, where: str, problem: str) -> GoldError:
        """The error for a problem at one field."""
        return GoldError(f"{self.path}: {where}: {problem}")

    def mapping(self, value: object, where: str, fields: set[str],
                required: tuple[str, ...]) -> Mapping[str, Any]:
        """``value`` as a mapping with only ``fields`` and every ``required`` one."""
        if not isinstance(value, Mapping):
            raise self.fail(where, "must be a mapping of fields")
        unknown = sorted(set(map(str, value)) - fields)
        if unknown:
            raise self.fail(f"{where}.{unknown[0]}",
                            f"unknown field (known: {', '.join(sorted(fields))})")
        for name in required:
            if value.get(name) in (None, ""):
                raise self.fail(f"{where}.{name}", "is required")
        return value

    def text(self, value: object, where: str) -> str:
        """A non-empty string."""
        if isinstance(value, (dict, list)) or value is None or not str(value).strip():
            raise self.fail(where, "must be a non-empty string")
        return str(value).strip()

    def texts(self, value: object, where: str) -> tuple[str, ...]:
        """A string or a list of strings."""
        items = value if isinstance(value, list) else [] if value is None else [value]
        return tuple(self.text(item, f"{where}[{index}]") for index, item in enumerate(items))

    def items(self, data: Mapping[str, Any], name: str,
              read: Callable[[Any, str], Any]) -> tuple[Any, ...]:
        """The list ``data[name]``, each item read by ``read(item, where)``."""
        value = data.get(name) or []
        if not isinstance(value, list):
            raise self.fail(name, "must be a list")
        return tuple(read(item, f"{name}[{index}]") for index, item in enumerate(value))

    def span(self, value: object, where: str) -> DateSpan:
        """A DateSpan."""
        try:
            return DateSpan.parse(value)
        except ValueError as error:
            raise self.fail(where, str(error)) from None

    def entity(self, value: object, where: str) -> GoldEntity:
        """One item of ``entities``."""
        data = self.mapping(value, where, ENTITY_FIELDS, ("name", "class"))
        cls = self.text(data["class"], f"{where}.class")
        if cls not in self.entity_classes:
            raise self.fail(f"{where}.class", f"{cls!r} is not an entity class of the ontology")
        wikidata = data.get("wikidata")
        if wikidata is not None and not WIKIDATA_ID.fullmatch(str(wikidata)):
            raise self.fail(f"{where}.wikidata", f"{wikidata!r} is not a Wikidata id (Q123)")
        return GoldEntity(self.text(data["name"], f"{where}.name"), cls,
                          str(wikidata) if wikidata is not None else None,
                          self.texts(data.get("aliases"), f"{where}.aliases"))

    def event(self, value: object, where: str) -> GoldEvent:
        """One item of ``events``."""
        data = self.mapping(value, where, EVENT_FIELDS, ("class",))
        cls = self.text(data["class"], f"{where}.class")
        if cls not in self.event_classes:
            raise self.fail(f"{where}.class", f"{cls!r} is not an event class of the ontology")
        return GoldEvent(
            cls, self.texts(data.get("agents"), f"{where}.agents"),
            self.texts(data.get("targets"), f"{where}.targets"),
            self.text(data["place"], f"{where}.place") if data.get("place") else None,
            self.span(data["date"], f"{where}.date") if data.get("date") else None,
            self.texts(data.get("topics"), f"{where}.topics"),
            str(data.get("evidence") or "").strip())

    def quote(self, value: object, where: str) -> GoldQuote:
        """One item of ``quotes``."""
        data = self.mapping(value, where, QUOTE_FIELDS, ("speaker", "text"))
        return GoldQuote(self.texts(data["speaker"], f"{where}.speaker"),
                         self.text(data["text"], f"{where}.text"))

    def role(self, value: object, where: str) -> Role:
        """One item of ``roles``."""
        data = self.mapping(value, where, ROLE_FIELDS, ("person", "title"))
        former = data.get("former", False)
        if not isinstance(former, bool):
            raise self.fail(f"{where}.former", "must be true or false")
        return Role(self.text(data["person"], f"{where}.person"),
                        self.text(data["title"], f"{where}.title"),
                        self.text(data["of"], f"{where}.of") if data.get("of") else None, former)

    def sanction(self, value: object, where: str) -> GoldSanction:
        """One item of ``sanctions``."""
        data = self.mapping(value, where, SANCTION_FIELDS, ())
        return GoldSanction(self.texts(data.get("imposed_by"), f"{where}.imposed_by"),
                            self.texts(data.get("targets"), f"{where}.targets"),
                            self.texts(data.get("sectors"), f"{where}.sectors"),
                            self.span(data["since"], f"{where}.since") if data.get("since")
                            else None,
                            str(data.get("evidence") or "").strip())

    def article(self, data: object) -> GoldArticle:
        """The whole file."""
        top = self.mapping(data, "file", TOP_FIELDS, ("article",))
        sha256 = top.get("sha256")
        if sha256 is not None and not SHA256.fullmatch(str(sha256)):
            raise self.fail("sha256", "must be 64 lower-case hex digits")
        if not isinstance(top.get("seed", False), bool):
            raise self.fail("seed", "must be true or false")
        published = self.span(top["published"], "published") if top.get("published") else None
        if published and published.start != published.end:
            raise self.fail("published", f"{published.text!r} is not one day (YYYY-MM-DD)")
        gold = GoldArticle(
            self.path, self.text(top["article"], "article"), top.get("seed", False),
            str(sha256) if sha256 is not None else None, published and published.start,
            self.items(top, "entities", self.entity), self.items(top, "events", self.event),
            self.items(top, "quotes", self.quote), self.items(top, "roles", self.role),
            self.items(top, "sanctions", self.sanction) if "sanctions" in top else None)
        self.check_references(gold)
        return gold

    def check_references(self, gold: GoldArticle) -> None:
        """Every name an event, quote or role uses is a gold entity's, and names are unique."""
        names = [entity.name for entity in gold.entities]
        for index, name in enumerate(names):
            if name in names[:index]:
                raise self.fail(f"entities[{index}].name", f"{name!r} is listed twice")
        references = [(f"events[{index}].{field}", name)
                      for index, event in enumerate(gold.events)
                      for field, values in (("agents", event.agents), ("targets", event.targets),
                                            ("place", (event.place,) if event.place else ()),
                                            ("topics", event.topics))
                      for name in values]
        references += [(f"quotes[{index}].speaker", name)
                       for index, quote in enumerate(gold.quotes) for name in quote.speakers]
        references += [(f"roles[{index}].{field}", name)
                       for index, role in enumerate(gold.roles)
                       for field, name in (("person", role.person), ("of", role.of)) if name]
        references += [(f"sanctions[{index}].{field}", name)
                       for index, sanction in enumerate(gold.sanctions or ())
                       for field, names in (("imposed_by", sanction.imposers),
                                            ("targets", sanction.targets))
                       for name in names]
        for where, name in references:
            if name not in names:
                raise self.fail(where, f"{name!r} is not the name of one of the entities")


def load_gold(path: Path, entity_classes: Collection[str],
              event_classes: Collection[str]) -> GoldArticle:
    """Read and check one gold file; raises GoldError (one line) for any problem.

    ``entity_classes`` and ``event_classes`` are the ekg: class local names a gold file may use.
    """
    try:
        data = read_yaml(path)
    except OSError as error:
        raise GoldError(f"{path}: cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise GoldError(f"{path}: is not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "unreadable"
        raise GoldError(f"{path}: not valid YAML{where}: {problem}") from None
    return Reader(path, entity_classes, event_classes).article(data)
