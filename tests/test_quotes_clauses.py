"""Which verb of saying a quote belongs to when clauses and posts stand around it (texts
written for these tests, entities set by hand)."""
from __future__ import annotations

from events_support import blank_pipeline, entities_in
from kg.extract import extract_with_entities
from kg.model import Article, RoleFact
from quotes_support import quoted_speakers

NAMES = {"Jane Roe": ("roe", "Person"), "Roe": ("roe", "Person"),
         "Joe Doe": ("doe", "Person"), "Doe": ("doe", "Person"),
         "Ana Ruiz": ("ruiz", "Person"), "Ruiz": ("ruiz", "Person"),
         "Norland": ("norland", "Country"), "Sudland": ("sudland", "Country"),
         "Baltica": ("baltica", "Person")}


def speakers(text: str) -> list[tuple[str | None, str]]:
    return quoted_speakers(text, NAMES)


def speakers_with_posts(text: str, posts: dict[str, RoleFact]) -> list[str | None]:
    """The speaker ids of the quotes of ``text``, the persons given the posts ``posts``."""
    entities = entities_in(text, NAMES)
    for entity in entities:
        if entity.local_id in posts:
            entity.roles.append(posts[entity.local_id])
    extraction = extract_with_entities(blank_pipeline()(text), Article.from_text(text), entities)
    return [q.speaker for q in extraction.quotes]


def test_a_verb_in_a_clause_of_time_after_the_quote_is_not_its_attribution():
    text = "Jane Roe said the port was “staying open”, hours after Joe Doe told her to shut it."
    assert speakers(text) == [("Jane Roe", "staying open")]
    text = "Jane Roe said the port was “staying open” because Joe Doe told her so."
    assert speakers(text) == [("Jane Roe", "staying open")]


def test_a_verb_after_the_named_speaker_still_attributes():
    text = "“The port stays open,” Jane Roe said after Joe Doe told her to shut it."
    assert speakers(text) == [("Jane Roe", "The port stays open")]


def test_a_base_form_after_a_persons_name_is_no_verb_of_hers():
    text = ("A Norland envoy said the plan was fine but wanted “a firm timetable” with "
            "Sudland as the Baltica state in charge.")
    assert speakers(text) == [("Norland envoy", "a firm timetable")]


def test_a_states_post_names_its_holder_named_later():
    text = ("Norland's president said the bridge was “not for sale”.\n\n"
            "Joe Doe later met President Jane Roe at her office.")
    posts = {"roe": RoleFact("President"), "doe": RoleFact("President", of="sudland")}
    assert speakers_with_posts(text, posts) == ["roe"]


def test_a_states_post_names_the_holder_of_that_state():
    text = ("President Jane Roe of Sudland arrived. Norland's president said the bridge was "
            "“not for sale”. President Joe Doe spoke later.")
    posts = {"roe": RoleFact("President", of="sudland"), "doe": RoleFact("President", of="norland")}
    assert speakers_with_posts(text, posts) == ["doe"]


def test_a_states_post_with_no_holder_named_is_not_the_state():
    text = "Norland's foreign minister said the bridge was “not for sale”."
    assert speakers_with_posts(text, {}) == [None]


def unnamed_sources(text: str) -> list[tuple[str, set[str]]]:
    """(label, other names) of the unnamed sources that speak the quotes of ``text``."""
    extraction = extract_with_entities(blank_pipeline()(text), Article.from_text(text),
                                       entities_in(text, NAMES))
    sources = {e.local_id: e for e in extraction.entities if e.local_id.startswith("source")}
    return [(sources[q.speaker].label, sources[q.speaker].aliases)
            for q in extraction.quotes if q.speaker in sources]


def test_an_unnamed_source_is_named_with_the_body_it_speaks_for():
    text = "A spokesman for the Norland embassy urged calm, calling the clash “regrettable”."
    assert unnamed_sources("A spokeswoman for Norland urged both sides to show “restraint”.") \
        == [("spokeswoman for Norland", {"spokeswoman"})]
    assert unnamed_sources(text) == [("spokesman for the Norland embassy", {"spokesman"})]


def test_an_unnamed_sources_phrase_stops_at_its_verb_or_clause():
    text = "“We were not told,” said a member of the dock committee who saw the ships leave."
    assert unnamed_sources(text) == [("member of the dock committee", {"member"})]
    text = "“It is too late for us,” a trader at the old market said."
    assert unnamed_sources(text) == [("trader", set())]  # where the source is, not whom for
    assert unnamed_sources("“It rained,” said a farmer mending a fence.") == [("farmer", set())]


def test_a_semicolon_or_while_ends_the_clause_a_quote_is_in():
    assert speakers("Jane Roe called the plan “odd”; Joe Doe said it was fine.") == [
        ("Jane Roe", "odd")]
    text = "Jane Roe said the loss was “a tragedy” while Joe Doe wrote that it was an accident."
    assert speakers(text) == [("Jane Roe", "a tragedy")]


def test_a_speaker_the_rules_cannot_name_is_not_the_last_one():
    text = ("Jane Roe called him “a hero of the port”. The Harbour Guild in Norport, in its "
            "statement, said he was “a true friend”.")
    assert speakers(text) == [("Jane Roe", "a hero of the port"), (None, "a true friend")]


def test_a_participle_after_but_and_a_pronoun_is_the_pronouns():
    text = ("Joe Doe told reporters that talks would go on. But he ruled out a deal, saying it "
            "did not meet “the needs of the port”.")
    assert speakers(text) == [("Joe Doe", "the needs of the port")]


def test_a_states_post_with_its_field_names_the_person_set_after_it():
    text = "“The toll is a tax matter,” said Norland's undersecretary of foreign trade, Jane Roe."
    assert speakers(text) == [("Jane Roe", "The toll is a tax matter")]


def test_a_persons_charge_reported_by_a_source_is_the_persons():
    text = ("Joe Doe phoned his Norland counterpart, Jane Roe. Roe had accused Sudland last week "
            "of “turning every road into a fight”, and Norland had not replied, an aide said.")
    assert speakers(text) == [("Jane Roe", "turning every road into a fight")]
