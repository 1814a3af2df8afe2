"""The data that flows between the stages: plain dataclasses, no spaCy and no RDF.

ingest -> Article;  nlp -> spaCy Doc;  extract -> Extraction;  resolve -> Extraction with
canonical keys;  rdf -> quads;  store -> KnowledgeGraph.

Keys are the bridge between resolution and RDF: ``resolve`` gives every entity and event a
stable ``key`` (a relative IRI path such as ``"country/north-korea"`` or
``"event/summit/3f2a9c1b7d0e"``) and ``rdf`` mints the IRI as ``base_iri + key``.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date


def normalise_text(text: str) -> str:
    """Normalise an article body for hashing: NFC, unified line ends, folded white space.

    >>> normalise_text("a  b\\r\\n c ") == normalise_text("a b c")
    True
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\s+", " ", text).strip()


class InexactDate(date):
    """A date that is not one day: a month, a year, a range of days. It equals only a date
    with the same ISO form, hashes and prints as that form, and takes no arithmetic (what
    would "last week" plus a day be?).

    >>> from datetime import timedelta
    >>> PartialDate(2018, 6) + timedelta(days=1)
    Traceback (most recent call last):
    TypeError: PartialDate('2018-06') is not one day: no date arithmetic
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, date) and self.isoformat() == other.isoformat()

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.isoformat())

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.isoformat()!r})"

    def __add__(self, other: object) -> date:
        raise TypeError(f"{self!r} is not one day: no date arithmetic")

    __radd__ = __sub__ = __rsub__ = __add__

    def replace(self, *args: object, **kwargs: object) -> date:
        """Not for inexact dates (see the class docstring)."""
        raise TypeError(f"{self!r} is not one day: no date arithmetic")


class PartialDate(InexactDate):
    """A month or a year without its day. It sorts as its first day, equals only the same
    month or year (not that day), and writes itself as ISO 8601 does ("2018-06", "2018"),
    the lexical form of xsd:gYearMonth and xsd:gYear.

    >>> PartialDate(2018, 6).isoformat(), PartialDate(2018).isoformat()
    ('2018-06', '2018')
    >>> PartialDate(2018, 6) == date(2018, 6, 1), PartialDate(2018, 6) == PartialDate(2018, 6)
    (False, True)
    """

    precision: str  # "month" or "year"

    def __new__(cls, year: int, month: int | None = None) -> "PartialDate":
        value = super().__new__(cls, year, month or 1, 1)
        value.precision = "year" if month is None else "month"
        return value

    def isoformat(self) -> str:
        """"2018-06" for a month, "2018" for a year."""
        return f"{self.year:04d}" if self.precision == "year" else f"{self.year:04d}-{self.month:02d}"

    def __reduce__(self) -> tuple:
        return PartialDate, (self.year, None if self.precision == "year" else self.month)


class DateRange(InexactDate):
    """Some one day between two days, the text not saying which: "last week" in an article
    of Wednesday 14 August 2024 is a day from Monday 5 August to Tuesday 13 August. It sorts
    as its first day, equals only the same range, and writes itself as an ISO 8601 interval
    ("2024-08-05/2024-08-13"); the graph holds it as ekg:earliestDate and ekg:latestDate.
    ``days_between`` makes one, or a plain date where the two days are one.

    >>> span = DateRange(date(2024, 8, 5), date(2024, 8, 13))
    >>> span.isoformat(), span.last, span == date(2024, 8, 5)
    ('2024-08-05/2024-08-13', datetime.date(2024, 8, 13), False)
    """

    last: date

    def __new__(cls, first: date, last: date) -> "DateRange":
        if last <= first:
            raise ValueError(f"a range of days needs {last} after {first}")
        value = super().__new__(cls, first.year, first.month, first.day)
        value.last = last
        return value

    @property
    def first(self) -> date:
        """The earliest day the event may have been on."""
        return date(self.year, self.month, self.day)

    def isoformat(self) -> str:
        """"FIRST/LAST", as ISO 8601 writes an interval of two dates."""
        return f"{self.first.isoformat()}/{self.last.isoformat()}"

    def __reduce__(self) -> tuple:
        return DateRange, (self.first, self.last)


def days_between(first: date, last: date) -> date:
    """The days from ``first`` to ``last``: a DateRange, or the day itself where they are one.

    >>> days_between(date(2024, 8, 12), date(2024, 8, 12))
    datetime.date(2024, 8, 12)
    """
    return first if first == last else DateRange(first, last)


def is_day(value: date) -> bool:
    """Whether a date names one day, not a month, a year or a range of days."""
    return not isinstance(value, InexactDate)


def days_of(value: date) -> tuple[date, date]:
    """The first and the last day a date may stand for.

    >>> days_of(PartialDate(2024, 2))
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    if isinstance(value, DateRange):
        return value.first, value.last
    if isinstance(value, PartialDate):
        following = PartialDate(value.year + 1) if value.precision == "year" else \
            date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return date(value.year, value.month, 1), date.fromordinal(following.toordinal() - 1)
    return value, value


def within_days(inner: date, outer: date) -> bool:
    """Whether every day ``inner`` may stand for is one ``outer`` may stand for ("on 7 August"
    within "last week", "last week" within "in August").

    >>> within_days(date(2024, 8, 7), DateRange(date(2024, 8, 5), date(2024, 8, 13)))
    True
    """
    (first, last), (start, end) = days_of(inner), days_of(outer)
    return start <= first and last <= end


def dates_agree(first: date | None, second: date | None) -> bool:
    """Whether two optional dates may be of one event: either missing, or one within the
    other ("on Tuesday" and "last week"; "on 3 March" and "in March")."""
    return first is None or second is None or within_days(first, second) \
        or within_days(second, first)


def date_from_iso(text: str) -> date:
    """A date from its ISO form: "2019-02-28" a day, "2018-06" and "2018" a PartialDate,
    "2024-08-05/2024-08-13" a DateRange.

    >>> date_from_iso("2018-06"), date_from_iso("2019-02-28")
    (PartialDate('2018-06'), datetime.date(2019, 2, 28))
    """
    if "/" in text:
        first, last = text.split("/", 1)
        return DateRange(date.fromisoformat(first), date.fromisoformat(last))
    if len(text) == 4:
        return PartialDate(int(text))
    if len(text) == 7:
        return PartialDate(int(text[:4]), int(text[5:]))
    return date.fromisoformat(text)


KEY_HEX = 12  # hex digits of the content digests in keys


def digest(*parts: str) -> str:
    """The first hex digits of a sha256 over the parts: the tail of a content key.

    >>> digest("Summit", "entity/kim-jong-un")
    '790576d43c84'
    """
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:KEY_HEX]


def article_id(text: str) -> str:
    """The stable id of an article: sha256 of its normalised body."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One input document, its header parsed off.

    ``text`` is the body only; every character offset in the pipeline refers to it.
    """

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    dateline: str | None = None  # place name as written, e.g. "Hanoi"
    publisher: str | None = None  # outlet or agency as written, e.g. "BSS/AFP"
    url: str | None = None
    source: str | None = None  # where it was read from: a path, "<stdin>", "file.jsonl:12"
    byline: str | None = None

    @classmethod
    def from_text(cls, text: str, **metadata: object) -> "Article":
        """Build an Article whose id is derived from its body.

        >>> Article.from_text("Talks resumed.").id[:8]
        'e6351357'
        """
        return cls(id=article_id(text), text=text, **metadata)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Mention:
    """Where a thing is named: character offsets into Article.text and its sentence."""

    start: int
    end: int
    text: str
    sentence: int  # index of the sentence in the article
    sentence_start: int
    sentence_end: int


@dataclass
class RoleFact:
    """A post a person holds: "US President", "Former US ambassador to South Korea"."""

    title: str  # "President", "Ambassador to South Korea"
    of: str | None = None  # key of the country or organisation
    former: bool = False
    mention: Mention | None = None


@dataclass
class Entity:
    """A named thing of one article (after resolve: with its canonical key).

    ``cls`` is the local name of an ekg: class: Person, Country, Organization, GovernmentBody,
    Place, City, Region, Facility.
    """

    local_id: str  # unique within the Extraction
    label: str  # canonical name (lexicon label, else the longest surface form)
    cls: str
    key: str | None = None  # set by resolve
    wikidata: str | None = None  # "Q423"
    lexicon_id: str | None = None  # id of the lexicon entry it matched, if any
    aliases: set[str] = field(default_factory=set)  # every other surface form seen
    mentions: list[Mention] = field(default_factory=list)
    roles: list[RoleFact] = field(default_factory=list)
    confidence: float = 1.0
    affiliation: str | None = None  # local_id of the org/country of an unnamed source
    description: bool = False  # named only by a post ("the North Korean foreign minister")


@dataclass
class Event:
    """Something that happened (or was said not to), with who did what to whom.

    Argument fields hold Entity.local_id values within one Extraction.
    ``cls`` is the local name of an ekg: event class (Summit, Promise, Demand ...).
    """

    local_id: str
    cls: str
    trigger: str  # the lemma that signalled it
    cameo: str | None = None
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # every participant incl. agents/targets
    place: str | None = None
    date: date | None = None  # a day, or a PartialDate: a month or year without its day
    date_text: str | None = None  # "yesterday", "on Friday", "last November"
    topics: list[str] = field(default_factory=list)  # entity or sanction local ids
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.5
    negated: bool = False  # "failed to produce a deal": reported as not having happened
    asserted_by: str | None = None  # entity local_id when the event is only someone's claim
    key: str | None = None  # set by resolve


@dataclass
class Quote:
    """Quoted words and who said them."""

    local_id: str
    text: str  # without quote marks
    speaker: str | None  # Entity.local_id
    mention: Mention
    confidence: float = 0.5


@dataclass
class Sanction:
    """A sanctions measure as a thing."""

    local_id: str
    imposed_by: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    since: str | None = None  # ISO: "2016-03", "2016", "2016-03-02"
    mentions: list[Mention] = field(default_factory=list)
    key: str | None = None


@dataclass
class Claim:
    """A statement someone makes that the graph keeps as theirs, not as fact."""

    local_id: str
    claimant: str  # Entity.local_id
    event: str  # Event.local_id of the claimed event (with asserted_by set)
    mention: Mention | None = None
    contradicts: list[str] = field(default_factory=list)  # other Claim.local_id values


@dataclass
class Relation:
    """A fact beside events: located in, member of, works for."""

    subject: str
    predicate: str  # local name of an ekg: property: locatedIn, memberOf, worksFor
    object: str
    mention: Mention | None = None


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sanctions: list[Sanction] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) offsets
    dateline: str | None = None  # Entity.local_id of the dateline's place (set by resolve)
    cuts: list[tuple[str, str]] = field(default_factory=list)  # (reason, detail) of kg/nlp limits

    def entity(self, local_id: str) -> Entity:
        """The entity with this local id."""
        for entity in self.entities:
            if entity.local_id == local_id:
                return entity
        raise KeyError(local_id)
