"""The ResolutionIndex: what resolution needs to know of the articles already stored.

A small SQLite database (standard library) beside the store, ``<store>/index.sqlite``, or in
memory. Every row carries the article it came from, so ``forget_article`` removes exactly
what one article taught it.

- ``articles``: every article recorded;
- ``aliases``: normalised surface form + class -> entity key (persons by full names only);
- ``labels``: entity key -> canonical name;
- ``roles``: post + holder key -> person key (who is "the North Korean foreign minister");
- ``events`` and ``event_actors``: stored events for event coreference (kg/resolve/events.py).

The lookups read covering indexes, so that their cost does not grow with the number of
articles that repeat a name or an event (a row per article each).

>>> from kg.model import Article, Entity, Extraction
>>> index = ResolutionIndex(None)
>>> article = Article.from_text("Talks.")
>>> person = Entity("e1", "Chris Green", "Person", key="entity/person/chris-green")
>>> index.record(Extraction(article, entities=[person]))
>>> index.find_entity("CHRIS GREEN", "Person")
'entity/person/chris-green'
>>> index.forget_article(article.id); index.find_entity("Chris Green", "Person") is None
True
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.model import Extraction, date_from_iso, days_between, days_of
from kg.nlp.normalise import normalise_name, normalise_term

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (article TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS aliases (alias TEXT, cls TEXT, key TEXT, article TEXT);
CREATE INDEX IF NOT EXISTS aliases_by_name ON aliases (alias, cls, key);
CREATE INDEX IF NOT EXISTS aliases_by_article ON aliases (article);
CREATE TABLE IF NOT EXISTS labels (key TEXT, label TEXT, article TEXT);
CREATE INDEX IF NOT EXISTS labels_by_key ON labels (key);
CREATE INDEX IF NOT EXISTS labels_by_article ON labels (article);
CREATE TABLE IF NOT EXISTS roles (title TEXT, of_key TEXT, person TEXT, former INTEGER,
                                  day TEXT, article TEXT);
CREATE INDEX IF NOT EXISTS roles_by_post ON roles (title, of_key);
CREATE INDEX IF NOT EXISTS roles_by_article ON roles (article);
CREATE TABLE IF NOT EXISTS events (key TEXT, cls TEXT, day TEXT, place TEXT, article TEXT);
CREATE INDEX IF NOT EXISTS events_by_key_class ON events (key, cls);
CREATE INDEX IF NOT EXISTS events_by_article ON events (article);
CREATE TABLE IF NOT EXISTS event_actors (key TEXT, actor TEXT, article TEXT);
CREATE INDEX IF NOT EXISTS event_actors_by_actor_key ON event_actors (actor, key);
CREATE INDEX IF NOT EXISTS event_actors_by_key ON event_actors (key);
CREATE INDEX IF NOT EXISTS event_actors_by_article ON event_actors (article);
DROP INDEX IF EXISTS aliases_by_alias;
DROP INDEX IF EXISTS events_by_key;
DROP INDEX IF EXISTS event_actors_by_actor;
"""
# A row in every table names the article that taught it; ``articles`` lists them all.
TABLES = ("articles", "aliases", "labels", "roles", "events", "event_actors")
# One transaction per article. With a write-ahead log that is not synced on every commit, an
# article costs no disk flush; a crash of the program loses nothing, and a power cut at worst
# the rows of the last articles (resolution then knows less of them), never consistency.
# The log is copied into the database every 10,000 pages (40 MB) instead of SQLite's 1,000:
# an index page that many articles touch is copied once per checkpoint, not once per article
# (recording an article in the 10,000-article index: 2.2 -> 1.5 ms CPU, 5.5 -> 3.1 ms wall).
DURABILITY = ("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
              "PRAGMA wal_autocheckpoint = 10000;")


@dataclass(frozen=True)
class StoredEvent:
    """An event the index knows: its key, class, actor keys, date (the narrowest of those
    stored), place key, articles."""

    key: str
    cls: str
    actors: tuple[str, ...]
    date: date | None
    place: str | None
    articles: tuple[str, ...]


def narrowest(dates: Iterable[date]) -> date | None:
    """Of the dates articles give one event, the one that says most: a day before a range
    of days ("last week"), a range or a month before a year; where none lies within all the
    others but they overlap (a week across the turn of a month, and that month), the days
    they share.

    >>> narrowest([date_from_iso("2019"), date_from_iso("2019-02-28")])
    datetime.date(2019, 2, 28)
    >>> narrowest([date_from_iso("2019-02"), date_from_iso("2019-01-28/2019-02-03")])
    DateRange('2019-02-01/2019-02-03')
    """
    given = list(dates)
    if not given:
        return None
    spans = [days_of(value) for value in given]
    first, last = max(span[0] for span in spans), min(span[1] for span in spans)
    if first > last:  # they disagree: the most precise one
        return min(given, key=lambda value: (days_of(value)[1] - days_of(value)[0]).days)
    return next((value for value, span in zip(given, spans) if span == (first, last)),
                days_between(first, last))


def comparison_form(name: str, cls: str) -> str:
    """How a name is compared: persons' names as written, others with spelling folded."""
    return normalise_name(name) if cls == "Person" else normalise_term(name)


class ResolutionIndex:
    """Alias, role and event lookups over the stored articles (SQLite)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False)
        if path is not None:
            self.db.executescript(DURABILITY)
        listed = self.has_table("articles")
        self.db.executescript(SCHEMA)
        if not listed:  # an index written before the list of articles was kept
            with self.db:
                self.db.execute("INSERT OR IGNORE INTO articles " + " UNION ".join(
                    f"SELECT article FROM {table}" for table in TABLES[1:]))

    def has_table(self, name: str) -> bool:
        """Whether the database has a table of this name."""
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (name,)).fetchone() is not None

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> "ResolutionIndex":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def find_entity(self, name: str, cls: str) -> str | None:
        """The key of a stored entity of class ``cls`` known by ``name``, if exactly one."""
        rows = self.db.execute("SELECT DISTINCT key FROM aliases WHERE alias = ? AND cls = ?",
                               (comparison_form(name, cls), cls)).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def label(self, key: str) -> str | None:
        """The canonical name last stored for a key."""
        row = self.db.execute("SELECT label FROM labels WHERE key = ? ORDER BY rowid DESC "
                              "LIMIT 1", (key,)).fetchone()
        return row[0] if row else None

    def role_holder(self, title: str, of_key: str, day: date | None) -> str | None:
        """The person key that holds post ``title`` of ``of_key``: the one nearest ``day``."""
        rows = self.db.execute(
            "SELECT person, day FROM roles WHERE title = ? AND of_key = ? AND former = 0",
            (title, of_key)).fetchall()
        people = {person for person, _ in rows}
        if len(people) <= 1 or day is None:
            return next(iter(people)) if len(people) == 1 else None
        return min(rows, key=lambda row: abs((date.fromisoformat(row[1]) - day).days)
                   if row[1] else 1 << 30)[0]

    def find_events(self, cls: str, actor_keys: Iterable[str]) -> list[StoredEvent]:
        """Stored events of class ``cls`` that share at least one actor with ``actor_keys``."""
        actors = sorted(set(actor_keys))
        if not actors:
            return []
        marks = ",".join("?" * len(actors))
        keys = [row[0] for row in self.db.execute(
            f"SELECT DISTINCT a.key FROM event_actors a WHERE a.actor IN ({marks}) AND EXISTS "
            f"(SELECT 1 FROM events e WHERE e.key = a.key AND e.cls = ?)", (*actors, cls))]
        return [self.stored_event(key) for key in keys]

    def stored_event(self, key: str) -> StoredEvent:
        """Everything the index holds of one event key."""
        rows = self.db.execute("SELECT cls, day, place, article FROM events WHERE key = ?",
                               (key,)).fetchall()
        actors = sorted({row[0] for row in self.db.execute(
            "SELECT actor FROM event_actors WHERE key = ?", (key,))})
        return StoredEvent(key=key, cls=rows[0][0], actors=tuple(actors),
                           date=narrowest(date_from_iso(row[1]) for row in rows if row[1]),
                           place=next((row[2] for row in rows if row[2]), None),
                           articles=tuple(sorted({row[3] for row in rows})))

    def record(self, extraction: Extraction) -> None:
        """Remember a stored article's resolved entities, roles and events."""
        article = extraction.article.id
        keys = {entity.local_id: entity.key for entity in extraction.entities if entity.key}
        with self.db:
            if self.has_article(article):
                self.delete_rows(article)
            self.db.execute("INSERT INTO articles VALUES (?)", (article,))
            self.db.executemany("INSERT INTO aliases VALUES (?, ?, ?, ?)", [
                (comparison_form(name, entity.cls), entity.cls, entity.key, article)
                for entity in extraction.entities if entity.key and not entity.description
                for name in {entity.label, *entity.aliases}
                if entity.cls != "Person" or len(name.split()) > 1])
            self.db.executemany("INSERT INTO labels VALUES (?, ?, ?)", [
                (entity.key, entity.label, article) for entity in extraction.entities
                if entity.key and not entity.description])
            day = extraction.article.published.isoformat() \
                if extraction.article.published else None
            self.db.executemany("INSERT INTO roles VALUES (?, ?, ?, ?, ?, ?)", [
                (role.title, role.of, entity.key, int(role.former), day, article)
                for entity in extraction.entities if entity.key and not entity.description
                for role in entity.roles if role.of])
            events = [event for event in extraction.events if event.key]
            self.db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)", [
                (event.key, event.cls, event.date.isoformat() if event.date else None,
                 keys.get(event.place) if event.place else None, article) for event in events])
            self.db.executemany("INSERT INTO event_actors VALUES (?, ?, ?)", [
                (event.key, keys[actor], article) for event in events
                for actor in set(event.actors) if actor in keys])

    def has_article(self, article_id: str) -> bool:
        """Whether the index has recorded the article (every row's article is listed)."""
        return self.db.execute("SELECT 1 FROM articles WHERE article = ?",
                               (article_id,)).fetchone() is not None

    def article_ids(self) -> list[str]:
        """The ids of the articles the index has recorded."""
        return [row[0] for row in self.db.execute("SELECT article FROM articles ORDER BY article")]

    def forget_article(self, article_id: str) -> None:
        """Remove everything one article taught the index."""
        with self.db:
            self.delete_rows(article_id)

    def delete_rows(self, article_id: str) -> None:
        """Delete one article's rows from every table (inside the caller's transaction)."""
        for table in TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE article = ?", (article_id,))
