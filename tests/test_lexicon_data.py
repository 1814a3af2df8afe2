"""The lexicon data under ontology/lexicon/: consistent ids, references, names and classes."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, Namespace
from rdflib.namespace import RDFS

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
EKG = Namespace("https://w3id.org/event-kg/ontology#")
NAME_FIELDS = ("label", "aliases", "demonyms", "metonyms")
# which classes a reference field may point to
REFERENCE_CLASSES = {
    "capital": {"City"},
    "located_in": {"Country", "Region", "City", "Place", "Facility"},
    "country": {"Country"},
    "part_of": {"Organization", "GovernmentBody"},
    "of": {"Country", "Organization", "GovernmentBody", "Region"},
}
UN_MEMBERS_AND_OBSERVERS = 193 + 2


def fold(name: str) -> str:
    """A name folded as the clash check compares it: no accents, case, spaces or punctuation.

    >>> fold("Kim Jong-un") == fold("KIM JONG UN") == fold("Kim Jongun")
    True
    """
    plain = "".join(char for char in unicodedata.normalize("NFKD", name)
                    if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", "", plain.casefold())


@cache
def entity_files() -> tuple[tuple[Path, tuple[dict, ...]], ...]:
    """Every lexicon file with an ``entities:`` list, with its entries."""
    found = []
    for path in sorted((ONTOLOGY / "lexicon").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "entities" in data:
            found.append((path, tuple(data["entities"])))
    return tuple(found)


def entries() -> list[dict]:
    """All entries of all entity files."""
    return [entry for _path, file_entries in entity_files() for entry in file_entries]


@cache
def entries_by_id() -> dict[str, dict]:
    """Entries by id (the uniqueness test checks there is no overwriting)."""
    return {entry["id"]: entry for entry in entries()}


def names_of(entry: dict) -> Iterator[str]:
    """The label, aliases, demonyms and metonyms of an entry."""
    for name_field in NAME_FIELDS:
        value = entry.get(name_field) or []
        yield from [value] if isinstance(value, str) else value


def references(entry: dict) -> Iterator[tuple[str, str]]:
    """(field, id) of every reference an entry makes to another entry."""
    for ref_field in ("capital", "located_in", "country", "part_of"):
        if entry.get(ref_field):
            yield ref_field, entry[ref_field]
    for role in entry.get("roles") or ():
        if role.get("of"):
            yield "of", role["of"]


@cache
def ontology() -> Graph:
    """ontology/kg.ttl."""
    return Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")


def test_entity_files_are_found():
    names = {path.name for path, _ in entity_files()}
    assert {"countries.yaml", "cities.yaml", "organizations.yaml", "agencies.yaml",
            "persons.yaml", "facilities.yaml"} <= names


def test_ids_are_unique_across_files():
    seen: dict[str, Path] = {}
    repeated = []
    for path, file_entries in entity_files():
        for entry in file_entries:
            if entry["id"] in seen:
                repeated.append(f"{entry['id']} ({seen[entry['id']].name}, {path.name})")
            seen[entry["id"]] = path
    assert not repeated


def test_ids_are_slugs():
    assert [e["id"] for e in entries() if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e["id"])] == []


def test_every_entry_has_label_and_class_declared_in_ontology():
    for entry in entries():
        assert entry.get("label"), entry["id"]
        cls = EKG[entry["class"]]
        assert EKG.Entity in set(ontology().transitive_objects(cls, RDFS.subClassOf)), entry["id"]


def test_wikidata_ids_are_q_numbers_and_unique():
    owners: dict[str, list[str]] = defaultdict(list)
    for entry in entries():
        if "wikidata" in entry:
            assert re.fullmatch(r"Q[1-9][0-9]*", str(entry["wikidata"])), entry["id"]
            owners[entry["wikidata"]].append(entry["id"])
    assert {q: ids for q, ids in owners.items() if len(ids) > 1} == {}


def test_given_wikidata_ids():
    ids = entries_by_id()
    assert ids["hanoi"]["wikidata"] == "Q1858"
    assert ids["north-korea"]["wikidata"] == "Q423"
    assert ids["united-states"]["wikidata"] == "Q30"
    assert ids["un-security-council"]["wikidata"] == "Q37470"


def test_no_name_stands_for_two_entries_unless_marked_ambiguous():
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries():
        for name in names_of(entry):
            owners[fold(str(name))].add(entry["id"])
    ids = entries_by_id()
    clashes = {name: sorted(found) for name, found in owners.items() if len(found) > 1
               and not any(ids[entry_id].get("ambiguous") for entry_id in found)}
    assert clashes == {}


def test_every_reference_resolves_to_an_entry_of_a_fitting_class():
    ids = entries_by_id()
    broken = [f"{entry['id']}.{ref_field} -> {target}"
              for entry in entries() for ref_field, target in references(entry)
              if target not in ids or ids[target]["class"] not in REFERENCE_CLASSES[ref_field]]
    assert broken == []


def test_every_un_member_and_observer_state_is_there_with_iso3_and_capital_or_none():
    """countries.yaml holds the UN's members and observers; the states of limited recognition
    that news treats as countries (Taiwan, Kosovo) are in regions.yaml."""
    countries = [entry for path, file_entries in entity_files() if path.name == "countries.yaml"
                 for entry in file_entries if entry["class"] == "Country"]
    assert len(countries) == UN_MEMBERS_AND_OBSERVERS
    codes = [entry.get("iso3") for entry in countries]
    assert all(re.fullmatch(r"[A-Z]{3}", str(code)) for code in codes)
    assert len(set(codes)) == len(codes)
    assert all(entry.get("demonyms") or entry["id"] in {"dominica", "holy-see"}
               for entry in countries)


def test_every_capital_city_lies_in_its_country():
    ids = entries_by_id()
    wrong = [entry["id"] for entry in entries() if entry.get("capital")
             and ids[entry["capital"]].get("located_in") != entry["id"]]
    assert wrong == []


def test_roles_have_titles_and_ordered_years():
    for entry in entries():
        for role in entry.get("roles") or ():
            assert role.get("title"), entry["id"]
            start, end = role.get("from"), role.get("to")
            for year in (start, end):
                assert year is None or (isinstance(year, int) and 1900 < year < 2100), entry["id"]
            assert start is None or end is None or start <= end, entry["id"]


def test_roles_only_on_persons_and_persons_have_a_role_or_country():
    for entry in entries():
        if entry["class"] != "Person":
            assert "roles" not in entry and "short_names" not in entry, entry["id"]
        else:
            assert entry.get("roles") or entry.get("country"), entry["id"]


def test_a_metonym_that_names_a_place_entry_is_marked_ambiguous_there():
    owners: dict[str, list[dict]] = defaultdict(list)
    for entry in entries():
        for name in names_of(entry):
            owners[fold(str(name))].append(entry)
    for entry in entries():
        for metonym in entry.get("metonyms") or ():
            others = [other for other in owners[fold(metonym)] if other["id"] != entry["id"]]
            assert all(other.get("ambiguous") for other in others), (entry["id"], metonym)


def test_every_trigger_class_is_an_event_class_of_the_ontology_with_a_fitting_cameo_root():
    triggers = yaml.safe_load((ONTOLOGY / "lexicon" / "triggers.yaml").read_text("utf-8"))
    assert triggers["classes"]
    for name, spec in triggers["classes"].items():
        cls = EKG[name]
        assert EKG.Event in set(ontology().transitive_objects(cls, RDFS.subClassOf)), name
        assert (cls, RDFS.label, None) in ontology(), name
        roots = {str(root) for root in ontology().objects(cls, EKG.cameoRoot)}
        if spec.get("cameo"):
            assert str(spec["cameo"])[:2] in roots, (name, spec["cameo"], roots)


@pytest.mark.parametrize("name,entry_id", [
    ("DPRK", "north-korea"), ("the North", "north-korea"), ("Vietnamese", "vietnam"),
    ("Kim Jong Un", "kim-jong-un"), ("U.S.", "united-states"), ("KCNA", "kcna"),
    ("Yongbyon", "yongbyon"), ("UN Security Council", "un-security-council"),
])
def test_names_of_the_reference_story_are_known(name, entry_id):
    found = {entry["id"] for entry in entries() if fold(name) in {fold(str(n)) for n in names_of(entry)}}
    assert entry_id in found


def test_user_lexicon_is_a_plain_entities_file(tmp_path):
    """A user's file in the same format is read by the loader next to the project's files."""
    import kg.nlp  # noqa: F401  (kg.lexicon is imported through kg.nlp)
    from kg.lexicon import load_lexicon

    own = tmp_path / "mine.yaml"
    own.write_text("entities:\n  - {id: acme-institute, label: Acme Institute, "
                   "class: Organization, aliases: [AcmeI]}\n", encoding="utf-8")
    lexicon = load_lexicon((own,))
    assert ("acme-institute", "alias") in lexicon.lookup("AcmeI")
    assert "north-korea" in lexicon
