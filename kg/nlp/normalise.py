"""One normaliser for every comparison of names: gazetteer, names finder, resolution, keys.

``normalise_name`` folds what does not tell two names apart: Unicode compatibility forms,
diacritics, case, hyphens, apostrophes and dots. ``normalise_term`` also folds British and
American spellings (data: the ``spelling`` table of ontology/lexicon/names.yaml), for
anything that is not a person's name.

>>> normalise_name("KIM JONG-UN") == normalise_name("Kim Jong Un")
True
>>> normalise_term("Ministry of Defence") == normalise_term("ministry of defense")
True
>>> slug("Moon Jae-in")
'moon-jae-in'
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import yaml

from kg.paths import ontology_dir

FOLDED_AS_SPACE = re.compile(r"[-‐‑‒–—_/\s]+")
DROPPED = re.compile(r"[.'’ʼ`´‘]")
NOT_SLUG = re.compile(r"[^a-z0-9]+")
MIN_STEM = 3  # letters that must remain before a folded ending ("four" keeps its "our")
# libyaml's loader where PyYAML was built with it: the same data, about six times faster
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> object:
    """The data of one YAML file of the project (or a user's lexicon), read safely.

    Raises OSError when the file cannot be read and yaml.YAMLError when it is not YAML.
    """
    return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)


@lru_cache(maxsize=200_000)
def normalise_name(text: str) -> str:
    """Fold a name for comparison: NFKD, no diacritics, casefold, hyphens as spaces, no dots.

    >>> normalise_name("Côte d’Ivoire")
    'cote divoire'
    >>> normalise_name("U.S.")
    'us'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    folded = DROPPED.sub("", plain.casefold())
    return FOLDED_AS_SPACE.sub(" ", folded).strip()


@cache
def spelling_endings() -> tuple[tuple[str, str], ...]:
    """The (British, American) word endings, longest first."""
    data = read_yaml(ontology_dir() / "lexicon" / "names.yaml") or {}
    pairs = [(str(british), str(american)) for british, american in data.get("spelling", ())]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=200_000)
def fold_spelling(word: str) -> str:
    """The American form of one lower-case word, where its ending is a British one.

    >>> fold_spelling("organisation"), fold_spelling("centre"), fold_spelling("four")
    ('organization', 'center', 'four')
    """
    for british, american in spelling_endings():
        if word.endswith(british) and len(word) - len(british) >= MIN_STEM:
            return word[: -len(british)] + american
    return word


@lru_cache(maxsize=200_000)
def normalise_term(text: str) -> str:
    """``normalise_name`` plus British/American spelling folded, for non-person names."""
    return " ".join(fold_spelling(word) for word in normalise_name(text).split())


@lru_cache(maxsize=200_000)
def token_norm(text: str) -> str:
    """The norm the gazetteer gives one token: its folded form, or the token itself if empty.

    >>> token_norm("Organisation"), token_norm("-"), token_norm("’s")
    ('organization', '-', 's')
    """
    return normalise_term(text) or text


def slug(text: str) -> str:
    """A lower-case, hyphen-joined form for IRIs: ``slug("Ri Yong-ho") == "ri-yong-ho"``."""
    return NOT_SLUG.sub("-", normalise_name(text)).strip("-")
