"""A store folder on disk: Oxigraph's files, the resolution index and a record of the build.

``<store>/kg-store.json`` records the base IRI of the graph and the versions of event-kg, the
ontology and the lexicons that built it, so that a later build into the same folder keeps the
IRIs and says when it runs with other versions.

One writer or any number of readers: ``<store>/kg-access.lock`` is held exclusively by the
process that writes the store and shared by those that read it (Oxigraph does not promise
what a reader sees while another process writes). A process that cannot have the access it
asks for waits up to ``wait`` seconds, then fails with a message that says who holds it.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph

from kg import __version__

RECORD = "kg-store.json"
INDEX = "index.sqlite"
ACCESS_LOCK = "kg-access.lock"
LOCK_POLL_SECONDS = 0.2
# The files a store folder holds: Oxigraph's RocksDB files, the record and the index.
STORE_FILE = re.compile(r"CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|(MANIFEST|OPTIONS)-\d+"
                        r"(\.dbtmp)?|\d+\.(log|sst|blob|dbtmp)|kg-store\.(json|tmp)"
                        r"|index\.sqlite(-journal|-wal|-shm)?|kg-access\.lock")


class StoreError(Exception):
    """A store that cannot be used as asked; the message is one line for the user."""


@dataclass(frozen=True)
class BuildRecord:
    """What a store folder was built with."""

    base_iri: str
    event_kg: str = __version__
    ontology: str = ""
    lexicons: str = ""

    def differences(self, current: "BuildRecord") -> list[str]:
        """Plain-word lines for each version that differs from ``current``.

        >>> BuildRecord("x", "0.1.0").differences(BuildRecord("x", "0.2.0"))
        ['built with event-kg 0.1.0, this is 0.2.0']
        """
        found = []
        for name, label in (("event_kg", "event-kg"), ("ontology", "ontology"),
                            ("lexicons", "lexicons")):
            stored, now = getattr(self, name), getattr(current, name)
            if stored and now and stored != now:
                found.append(f"built with {label} {stored}, this is {now}")
        return found


def digest_files(paths: Iterable[Path]) -> str:
    """A short digest of the contents of some files, in the order given."""
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.read_bytes())
    return sha.hexdigest()[:12]


def read_record(folder: Path) -> BuildRecord | None:
    """The build record of a store folder, or None for a folder that has none yet."""
    path = folder / RECORD
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return BuildRecord(**{key: str(data[key]) for key in data
                              if key in BuildRecord.__dataclass_fields__})
    except (ValueError, TypeError, KeyError) as error:
        raise StoreError(f"{path}: not a readable store record ({error})") from None


def write_record(folder: Path, record: BuildRecord) -> None:
    """Write the build record, replacing the old one atomically."""
    path = folder / RECORD
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(asdict(record), indent=2, sort_keys=True) + "\n",
                       encoding="utf-8")
    partial.replace(path)


def is_store_file(name: str) -> bool:
    """Whether a file of this name is one a store folder holds.

    >>> is_store_file("000012.sst"), is_store_file("LOCK"), is_store_file("notes.txt")
    (True, True, False)
    """
    return STORE_FILE.fullmatch(name) is not None


def check_store_folder(folder: Path) -> None:
    """Refuse a folder that exists, holds files and is not an event-kg store.

    A folder with no record yet but only a store's files is one whose first build is opening
    it right now, or was killed while it did: it is a store.
    """
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is a file, not a store folder")
    if folder.is_dir() and not (folder / RECORD).exists() \
            and not all(is_store_file(path.name) for path in folder.iterdir()):
        raise StoreError(f"{folder} is not an event-kg store (it holds other files); "
                         "name a new or empty folder")


class AccessLock:
    """The store folder's access lock: exclusive for its writer, shared by its readers.

    An ``flock`` on ``kg-access.lock``; the system lets go of it when the process ends, so a
    killed build leaves no stale lock.
    """

    def __init__(self, folder: Path, exclusive: bool, wait: float) -> None:
        path = folder / ACCESS_LOCK
        try:
            self.fd: int | None = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:  # a folder this user may read but not write: readers go unlocked
            self.fd = os.open(path, os.O_RDONLY) if path.exists() else None
        if self.fd is None:
            return
        deadline = time.monotonic() + wait
        while not self.try_lock(exclusive):
            if time.monotonic() >= deadline:
                holder = "read by another process (kg query, serve, viz ...)" \
                    if exclusive and self.try_lock(False) else "written by another process"
                self.release()
                raise StoreError(f"the store {folder} is being {holder}; wait for it to finish "
                                 "(or pass --wait SECONDS)")
            time.sleep(LOCK_POLL_SECONDS)

    def try_lock(self, exclusive: bool) -> bool:
        """Take the lock if it is free; False when another process holds it."""
        try:
            fcntl.flock(self.fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def release(self) -> None:
        """Let go of the lock."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


@dataclass
class OpenStore:
    """An Oxigraph store folder, open, with the access lock that goes with it."""

    store: pyoxigraph.Store
    lock: AccessLock

    def close(self) -> None:
        """Let go of the store, then of the lock."""
        self.store = None  # type: ignore[assignment]
        self.lock.release()


def open_writable(folder: Path, wait: float) -> OpenStore:
    """Open (or create) the Oxigraph store in ``folder`` for writing, waiting for access."""
    check_store_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    lock = AccessLock(folder, exclusive=True, wait=wait)
    while True:
        try:
            return OpenStore(pyoxigraph.Store(str(folder)), lock)
        except OSError as error:  # Oxigraph's own lock: a writer that took no access lock
            if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                lock.release()
                detail = "is being written by another process; wait for it to finish (or " \
                    "pass --wait SECONDS)" if "lock" in str(error).lower() \
                    else f"cannot be opened: {error}"
                raise StoreError(f"the store {folder} {detail}") from None
            time.sleep(LOCK_POLL_SECONDS)


def open_read_only(folder: Path, wait: float = 0.0) -> OpenStore:
    """Open an existing store folder (event-kg's, or any Oxigraph folder) for reading, once no
    process writes it."""
    if not (folder / RECORD).exists() and not (folder / "CURRENT").exists():
        raise StoreError(f"{folder} is not an event-kg store (build one with "
                         f"`kg build ... --store {folder}`)")
    lock = AccessLock(folder, exclusive=False, wait=wait)
    try:
        return OpenStore(pyoxigraph.Store.read_only(str(folder)), lock)
    except OSError as error:
        lock.release()
        raise StoreError(f"cannot open the store {folder}: {error}") from None
