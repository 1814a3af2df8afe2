"""The entity lexicon: actors, places and organisations with aliases and Wikidata ids, as data.

``load_lexicon()`` reads every YAML file of ontology/lexicon/ that has an ``entities:`` list
(countries.yaml, cities.yaml, persons.yaml ...), plus the user's own files (``--lexicon FILE``),
and gives lookups by normalised surface form. A later file may redefine an id of an earlier
one (a user's file overrides the project's entry). ``name_cues()`` reads names.yaml: the
word lists the names finder and the role reader use.

Entry fields: id, label, class, wikidata, iso3, aliases, demonyms, metonyms, capital,
located_in, part_of, country, roles [{title, of, from, to}], short_names, ambiguous.

>>> lexicon = Lexicon.from_entries([{"id": "north-korea", "label": "North Korea",
...     "class": "Country", "wikidata": "Q423", "metonyms": ["Pyongyang"]}])
>>> lexicon.lookup("PYONGYANG")
[('north-korea', 'metonym')]
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from kg.nlp.normalise import normalise_term, read_yaml
from kg.paths import ontology_dir

ENTITY_CLASSES = frozenset({"Country", "City", "Region", "Place", "Facility", "Organization",
                            "GovernmentBody", "Person"})
NOT_ENTITY_FILES = frozenset({"triggers.yaml"})
LIST_FIELDS = ("aliases", "demonyms", "metonyms", "short_names")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
# the kinds of surface form an entry has, strongest first
FORM_KINDS = ("name", "alias", "short_name", "demonym", "metonym")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class RoleSpec:
    """A post an entry holds: title (canonical), of (an entry id), and when."""

    title: str
    of: str | None = None
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date | None) -> bool:
        """True when the post was held on ``day`` (any post is, when the day is unknown)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class LexiconEntry:
    """One actor, place or organisation of the lexicon."""

    id: str
    label: str
    cls: str
    wikidata: str | None = None
    iso3: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    short_names: tuple[str, ...] = ()
    capital: str | None = None
    located_in: str | None = None
    part_of: str | None = None
    country: str | None = None
    roles: tuple[RoleSpec, ...] = ()
    ambiguous: bool = False

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Every (text, kind) this entry may be written as."""
        yield self.label, "name"
        for kind, forms in (("alias", self.aliases), ("short_name", self.short_names),
                            ("demonym", self.demonyms), ("metonym", self.metonyms)):
            for form in forms:
                yield form, kind


@dataclass(frozen=True)
class NameCues:
    """The word lists of ontology/lexicon/names.yaml, normalised."""

    not_names: frozenset[str]
    organization_heads: frozenset[str]
    government_heads: frozenset[str]
    place_heads: frozenset[str]
    facility_heads: frozenset[str]
    event_heads: frozenset[str]
    person_cues_before: frozenset[str]
    former_words: frozenset[str]
    place_preps: frozenset[str]
    place_suffixes: frozenset[str]
    acting_verbs: frozenset[str]
    acting_preps: frozenset[str]
    modifier_determiners: frozenset[str]
    name_connectors: frozenset[str]
    given_names: frozenset[str]
    coordination_openers: frozenset[str] = frozenset()
    motion_verbs: frozenset[str] = frozenset()
    actor_object_verbs: frozenset[str] = frozenset()
    title_prefixes: frozenset[str] = frozenset()
    portfolio_heads: frozenset[str] = frozenset()  # "minister" of "minister for trade"
    acting_nouns_before_of: frozenset[str] = frozenset()
    month_cues_before: frozenset[str] = frozenset()
    publication_verbs: frozenset[str] = frozenset()
    place_modifiers: frozenset[str] = frozenset()
    words_before_verb: frozenset[str] = frozenset()
    feature_openers: frozenset[str] = frozenset()  # "Lake" of "Lake Nyasa"
    weekdays: frozenset[str] = frozenset()  # of time.yaml
    months: frozenset[str] = frozenset()  # of time.yaml
    titles: dict[str, str] = field(default_factory=dict)  # normalised form -> canonical title
    max_title_words: int = 1

    def canonical_title(self, words: str) -> str | None:
        """The canonical title for a written form: "foreign minister" -> its canonical title."""
        return self.titles.get(normalise_term(words))

    def same_post(self, title: str, other: str) -> bool:
        """True when two written titles name one post ("Spokesman", "spokesperson").

        >>> name_cues().same_post("Minister of Foreign Affairs", "Foreign Minister")
        True
        """
        return (self.canonical_title(title) or title) == (self.canonical_title(other) or other)


def parse_partial_date(value: object, end: bool = False) -> date | None:
    """A date from YAML: a date, a year, "YYYY-MM" or "YYYY-MM-DD"; ``end`` picks the last day.

    >>> parse_partial_date("2018-05"), parse_partial_date(2019, end=True)
    (datetime.date(2018, 5, 1), datetime.date(2019, 12, 31))
    """
    if value is None or isinstance(value, date):
        return value
    match = PARTIAL_DATE.match(str(value).strip())
    if not match:
        raise ValueError(f"not a date: {value!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    if day is None:
        next_month = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(next_month.toordinal() - 1) if end else date(year, month, 1)
    return date(year, month, day)


def entry_from_data(data: dict) -> LexiconEntry:
    """A LexiconEntry from one YAML mapping; raises ValueError naming what is wrong."""
    if not isinstance(data, dict):
        raise ValueError(f"an entity must be a mapping, not {type(data).__name__}")
    missing = [name for name in ("id", "label", "class") if not data.get(name)]
    if missing:
        raise ValueError(f"entity {data.get('id', data.get('label', '?'))!r} lacks "
                         + ", ".join(missing))
    if data["class"] not in ENTITY_CLASSES:
        raise ValueError(f"entity {data['id']!r} has unknown class {data['class']!r}")
    roles = tuple(RoleSpec(title=str(role["title"]), of=role.get("of"),
                           start=parse_partial_date(role.get("from")),
                           end=parse_partial_date(role.get("to"), end=True))
                  for role in data.get("roles") or ())
    lists = {name: tuple(str(form) for form in data.get(name) or ()) for name in LIST_FIELDS}
    return LexiconEntry(
        id=str(data["id"]), label=str(data["label"]), cls=str(data["class"]),
        wikidata=data.get("wikidata"), iso3=data.get("iso3"), capital=data.get("capital"),
        located_in=data.get("located_in"), part_of=data.get("part_of"),
        country=data.get("country"), roles=roles, ambiguous=bool(data.get("ambiguous")),
        **lists)


class Lexicon:
    """Entries by id and by normalised surface form."""

    def __init__(self, entries: Iterable[LexiconEntry], files: Sequence[Path] = ()) -> None:
        self.entries: dict[str, LexiconEntry] = {entry.id: entry for entry in entries}
        self.files = tuple(files)
        self.forms: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for entry in self.entries.values():
            for text, kind in entry.surface_forms():
                found = self.forms[normalise_term(text)]
                if (entry.id, kind) not in found:
                    found.append((entry.id, kind))
        for found in self.forms.values():
            found.sort(key=lambda pair: FORM_KINDS.index(pair[1]))

    @classmethod
    def from_entries(cls, data: Iterable[dict]) -> "Lexicon":
        """A lexicon from plain mappings, as a YAML file holds them."""
        return cls(entry_from_data(item) for item in data)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def __getitem__(self, entry_id: str) -> LexiconEntry:
        return self.entries[entry_id]

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, text: str) -> list[tuple[str, str]]:
        """The (entry id, kind of form) pairs a surface form may stand for, strongest first."""
        return list(self.forms.get(normalise_term(text), ()))

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """Every (text, entry id, kind) of the lexicon."""
        for entry in self.entries.values():
            for text, kind in entry.surface_forms():
                yield text, entry.id, kind

    def holders(self, title: str, of: str | None, day: date | None) -> list[LexiconEntry]:
        """The persons who held the post ``title`` of ``of`` on ``day``.

        >>> lexicon = Lexicon.from_entries([{"id": "ri", "label": "Ri", "class": "Person",
        ...     "roles": [{"title": "Minister", "of": "nk", "from": 2016, "to": 2019}]}])
        >>> [entry.id for entry in lexicon.holders("Minister", "nk", date(2018, 3, 1))]
        ['ri']
        """
        same_post = name_cues().same_post
        return [entry for entry in self.entries.values() if entry.cls == "Person"
                and any(same_post(role.title, title) and role.of == of
                        and role.held_on(day) for role in entry.roles)]

    def post_holder_of(self, person_id: str, title: str, day: date | None) -> str | None:
        """Whose post ``title`` the lexicon's person ``person_id`` held on ``day`` (an entry
        id), where the lexicon knows exactly one.

        >>> lexicon = Lexicon.from_entries([{"id": "ri", "label": "Ri", "class": "Person",
        ...     "roles": [{"title": "Foreign Minister", "of": "nk", "from": 2016, "to": 2019}]}])
        >>> lexicon.post_holder_of("ri", "Minister of Foreign Affairs", date(2018, 3, 1))
        'nk'
        """
        same_post = name_cues().same_post
        entry = self.entries.get(person_id)
        found = {role.of for role in entry.roles if role.of and same_post(role.title, title)
                 and role.held_on(day)} if entry else set()
        return found.pop() if len(found) == 1 else None


def read_entity_file(path: Path, required: bool) -> list[LexiconEntry] | None:
    """The entries of one YAML file; None for a project data file without ``entities:``.

    Raises LexiconError (one line, naming the file) for anything unusable.
    """
    try:
        data = read_yaml(path)
    except OSError as error:
        raise LexiconError(f"{path}: cannot read lexicon ({error.strerror or error})") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" line {where.line + 1}" if where else ""
        raise LexiconError(f"{path}:{line} not valid YAML") from None
    if not isinstance(data, dict) or "entities" not in data:
        if required:
            raise LexiconError(f"{path}: a lexicon file needs an 'entities:' list")
        return None
    try:
        entries = [entry_from_data(item) for item in data["entities"] or ()]
    except (ValueError, KeyError, TypeError) as error:
        raise LexiconError(f"{path}: {error}") from None
    ids = [entry.id for entry in entries]
    duplicates = sorted({entry_id for entry_id in ids if ids.count(entry_id) > 1})
    if duplicates:
        raise LexiconError(f"{path}: id used twice: {', '.join(duplicates)}")
    return entries


def project_lexicon_files() -> list[Path]:
    """The YAML files of ontology/lexicon/ that may hold entities, in name order."""
    folder = ontology_dir() / "lexicon"
    return sorted(path for path in folder.glob("*.yaml") if path.name not in NOT_ENTITY_FILES)


@cache
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """The project's lexicon plus the user's files ``extra`` (read once per set of files).

    Raises LexiconError, whose message is one line naming the bad file.
    """
    entries: list[LexiconEntry] = []
    files: list[Path] = []
    for path, required in [(path, False) for path in project_lexicon_files()] + \
            [(Path(path), True) for path in extra]:
        found = read_entity_file(path, required)
        if found is not None:
            entries.extend(found)
            files.append(path)
    return Lexicon(entries, files)


def word_set(words: Iterable[str]) -> frozenset[str]:
    """The normalised forms of a word list."""
    return frozenset(normalise_term(str(word)) for word in words)


@cache
def name_cues() -> NameCues:
    """The word lists of ontology/lexicon/names.yaml."""
    data = read_yaml(ontology_dir() / "lexicon" / "names.yaml")
    titles = {normalise_term(form): item["title"]
              for item in data["titles"] for form in [item["title"], *item["forms"]]}
    lists = {name: word_set(data[name]) for name in (
        "not_names", "organization_heads", "government_heads", "place_heads", "facility_heads",
        "event_heads", "person_cues_before", "former_words", "place_preps", "place_suffixes",
        "name_connectors", "given_names", "acting_verbs", "acting_preps",
        "modifier_determiners", "coordination_openers", "motion_verbs", "actor_object_verbs", "title_prefixes",
        "portfolio_heads",
        "acting_nouns_before_of", "month_cues_before", "publication_verbs",
        "place_modifiers", "words_before_verb", "feature_openers")}
    time_words = read_yaml(ontology_dir() / "lexicon" / "time.yaml")
    months, weekdays = word_set(time_words["months"]), word_set(time_words["weekdays"])
    return NameCues(months=months, weekdays=weekdays, titles=titles,
                    max_title_words=max(len(form.split()) for form in titles), **lists)
