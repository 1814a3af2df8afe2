"""Names no list knows, recognised from the structure around them: a post in apposition, a
title before a name that opens with a state's name, an abbreviated title closing a name.
Sentences and names invented for these tests; the project's lexicon."""
from __future__ import annotations

import pytest
from spacy.language import Language

from names_support import found

from kg.extract.entities import extract_entities
from kg.model import Article
from kg.nlp import load_pipeline


@pytest.mark.parametrize("text, name", [
    ("Its general secretary, Varun Odedra, wrote online that the vote had been rigged.",
     "Varun Odedra"),
    ("The administrator of the harbour, Teodor Quillan, ruled out any toll cut.",
     "Teodor Quillan"),
    ("Marisol Etxeberri, the Liberal shadow trade secretary, accused ministers of drift.",
     "Marisol Etxeberri"),
    ("The round was led by Teodor Quillan, a joint secretary in the mines ministry.",
     "Teodor Quillan"),
])
def test_a_post_in_apposition_makes_an_unknown_name_a_person(nlp: Language, text: str,
                                                             name: str) -> None:
    assert (name, "Person") in found(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("The guild named a new leader. Its paramount chief, Tavi Oruvenko, rejected the offer.",
     "Tavi Oruvenko"),
    ("The council's new head, Marit Sollevan, will visit in May.", "Marit Sollevan"),
])
def test_an_owned_post_before_a_name_in_apposition_makes_it_a_person(nlp: Language, text: str,
                                                                     name: str) -> None:
    assert (name, "Person") in found(nlp, text)


def test_a_body_head_that_is_no_name_alone_opens_a_body_name(nlp: Language) -> None:
    spans = found(nlp, "The premier of the Government of Civic Accord spoke first.")
    assert ("Government of Civic Accord", "GovernmentBody") in spans


@pytest.mark.parametrize("text, cls", [
    ("Peru's Coastal Patrol Agency said the boats were seized.", "GovernmentBody"),
    ("The Coastal Patrol Agency, a charity, said the boats were seized.", "Organization"),
])
def test_an_agency_a_state_owns_is_a_government_body(nlp: Language, text: str,
                                                     cls: str) -> None:
    assert ("Coastal Patrol Agency", cls) in found(nlp, text)


@pytest.mark.parametrize("text, names", [
    ("She works at the Department of Fisheries and Rural Development in Velmora.",
     [("Department of Fisheries and Rural Development", "GovernmentBody")]),
    ("Staff of the Bank of Velmora and Korvath Shipping walked out.",
     [("Bank of Velmora", "Organization"), ("Korvath Shipping", "Organization")]),
])
def test_common_words_after_and_go_on_with_what_a_body_is_for(nlp: Language, text: str,
                                                              names: list) -> None:
    assert [name for name in found(nlp, text) if name[1] != "City"] == names


@pytest.mark.parametrize("text, name", [
    ("The licence went to Harvane Marine Services last year.", "Harvane Marine Services"),
    ("Drilling is run by Korrowa Energy under a lease.", "Korrowa Energy"),
    ("The trawler belongs to Velstrand Fisheries, a family firm.", "Velstrand Fisheries"),
    ("The report was carried by the news agency Velmoran on Friday.", "Velmoran"),
    ("She spoke to the radio station Kestel, far from home.", "Kestel"),
])
def test_a_company_head_or_a_noun_for_an_outlet_makes_an_organisation(nlp: Language, text: str,
                                                                      name: str) -> None:
    assert (name, "Organization") in found(nlp, text)


def test_a_name_after_a_place_preposition_before_said_is_a_place(nlp: Language) -> None:
    spans = found(nlp, "A navy officer in Tamsel said the patrols would go on.")
    assert ("Tamsel", "City") in spans


def test_a_reservoir_word_after_a_name_makes_a_facility(nlp: Language) -> None:
    spans = found(nlp, "Releases from the Vardo reservoir fell in June.")
    assert ("Vardo reservoir", "Facility") in spans


def test_a_name_given_as_a_former_name_is_another_name_of_the_one_before(nlp: Language) -> None:
    text = ("Troops trained at the Vellmark Air Station. The station at Vellmark, formerly "
            "known as Orrin Air Base, hosts a radar.")
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    facilities = [(e.label, sorted(e.aliases)) for e in entities if e.cls == "Facility"]
    assert facilities == [("Vellmark Air Station", ["Orrin Air Base", "Vellmark"])]


def test_radio_opening_a_name_makes_an_organisation(nlp: Language) -> None:
    spans = found(nlp, "He repeated the threat in an interview with Radio Velmora, late at night.")
    assert ("Radio Velmora", "Organization") in spans


def test_a_number_alone_is_no_name(nlp: Language) -> None:
    assert found(nlp, "The ministry added 12 Russian firms to its list.") == [
        ("Russian", "Country")]


def test_a_month_abbreviation_inside_a_name_is_a_word_of_the_name(nlp: Language) -> None:
    spans = found(nlp, "Its trade minister, Thet Mar Lwin, said the border would reopen.")
    assert ("Thet Mar Lwin", "Person") in spans


def test_a_state_word_opening_a_name_after_a_title_is_no_state(nlp: Language) -> None:
    spans = found(nlp, "Defence Minister Jordan Vellacott said the troops would stay. "
                       "Vellacott spoke again on Friday.")
    assert ("Jordan Vellacott", "Person") in spans
    assert ("Jordan", "Country") not in spans


def test_a_state_after_a_title_stays_a_state_before_a_lower_case_word(nlp: Language) -> None:
    assert ("Jordan", "Country") in found(nlp, "The talks were hosted by Foreign Minister "
                                               "Jordan and chaired by an envoy.")


def test_an_abbreviated_title_closing_a_name_is_part_of_the_name(nlp: Language) -> None:
    spans = found(nlp, "The call was held with Lok Sen, the province's former governor.")
    assert ("Lok Sen", "Person") in spans
    assert ("Ana Rao", "Person") in found(nlp, "Gen Ana Rao inspected the troops.")


def test_a_short_name_shared_by_two_persons_is_left_alone(nlp: Language) -> None:
    text = ("Governor Lok Manit met Lok Sen, the province's former governor. "
            "Lok said little.")
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    names = {entity.label: entity for entity in entities if entity.cls == "Person"}
    assert set(names) == {"Lok Manit", "Lok Sen"}
    assert all("Lok" not in entity.aliases for entity in names.values())


@pytest.mark.parametrize("text, name", [
    ("The dispute is over Orvel Gate Terminals, a Lisbon-owned company that runs two docks.",
     "Orvel Gate Terminals"),
    ("Bram Kesteven, the state ferry firm, cut its routes.", "Bram Kesteven"),
])
def test_a_company_described_in_apposition_is_an_organisation(nlp: Language, text: str,
                                                              name: str) -> None:
    assert (name, "Organization") in found(nlp, text)


def test_a_company_word_before_a_post_describes_a_person(nlp: Language) -> None:
    assert ("Dana Kurtz", "Person") in found(nlp, "Dana Kurtz, a company director, said no.")


def test_the_company_names_again_the_organisation_so_described(nlp: Language) -> None:
    text = ("The row is over Orvel Gate Terminals, a Lisbon-owned company. An auditor "
            "accused the company of hiding fees. The company rejected the charge.")
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    company = next(entity for entity in entities if entity.label == "Orvel Gate Terminals")
    assert [mention.text for mention in company.mentions][1:] == ["the company", "The company"]


def test_a_states_police_is_a_body_of_that_state_named_again_later(nlp: Language) -> None:
    text = ("Rights groups accused Peru's police of beating marchers. The police have denied "
            "it, and Peru said nothing.")
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    police = next(entity for entity in entities if entity.cls == "GovernmentBody")
    assert [mention.text for mention in police.mentions] == ["Peru's police", "The police"]
    assert police.label == "Police of Peru"
    assert any(entity.label == "Peru" for entity in entities)


def test_a_lone_family_name_is_the_known_person_named_in_full_before(tmp_path) -> None:
    lexicon = tmp_path / "people.yaml"
    lexicon.write_text("entities:\n- {id: ines-stone, label: Ines Stone, class: Person}\n")
    nlp = load_pipeline(lexicons=[lexicon])
    text = "Foreign Minister Ines Stone met the envoy.\n\nStone told reporters no more."
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    persons = [entity for entity in entities if entity.cls == "Person"]
    assert [(entity.lexicon_id, len(entity.mentions)) for entity in persons] == [
        ("ines-stone", 2)]


def test_a_common_word_alone_is_a_short_name_only_of_a_person_of_the_article(
        nlp: Language) -> None:
    text = "Foreign Minister Ines Marwick left early.\n\nMarwick said the deal was dead."
    assert ("Marwick", "Person") in found(nlp, text)
    assert ("Little", "Person") not in found(nlp, "Little said the deal was dead.")


def test_a_persons_full_name_written_again_without_a_cue_is_that_person(nlp: Language) -> None:
    text = ("Governor Tavi Okonjo opened the session.\n\n"
            "Later that week the envoy spoke with Tavi Okonjo again.")
    spans = found(nlp, text)
    assert spans.count(("Tavi Okonjo", "Person")) == 2


def test_a_body_name_before_party_names_a_party_not_the_body(nlp: Language) -> None:
    spans = found(nlp, "In Delhi the opposition Congress party walked out of the session.")
    assert ("Congress", "Organization") in spans
    assert ("Congress", "GovernmentBody") not in spans
    assert ("US Senate", "GovernmentBody") in found(nlp, "The US Senate committee met.")


@pytest.mark.parametrize("text, name", [
    ("The Royal Elbonian Army said the border was calm.", "Royal Elbonian Army"),
    ("The Royal Thai Navy said two boats were seized.", "Royal Thai Navy"),
    ("A ruling of the Constitutional Court was read out.", "Constitutional Court"),
])
def test_a_body_head_closing_a_name_keeps_the_whole_name(nlp: Language, text: str,
                                                          name: str) -> None:
    assert (name, "GovernmentBody") in found(nlp, text)


def test_a_demonym_opening_a_post_or_a_described_body_stays_the_states(nlp: Language) -> None:
    spans = found(nlp, "Former Thai Prime Minister Ana Rao spoke. The Thai army denied it.")
    assert spans.count(("Thai", "Country")) == 2


def test_a_states_body_described_by_its_head_is_the_body_named_before(nlp: Language) -> None:
    text = ("The talks were led by Ana Rao, a joint secretary in Peru's Ministry of Mines. "
            "A statement issued by the Peruvian ministry said the talks went well.")
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    bodies = [entity for entity in entities if entity.cls == "GovernmentBody"]
    assert [(body.label, sorted(body.aliases)) for body in bodies] == [
        ("Ministry of Mines", ["Peruvian ministry"])]


@pytest.mark.parametrize("text, name", [
    ("Inspectors toured the town of Harrowfield on Tuesday.", "Harrowfield"),
    ("Fishing boats stayed in the port of Velmora.", "Velmora"),
])
def test_a_town_word_and_of_before_an_unknown_name_make_it_a_city(nlp: Language, text: str,
                                                                  name: str) -> None:
    assert (name, "City") in found(nlp, text)


@pytest.mark.parametrize("text, name, cls", [
    ("Patrol boats sailed up the Vessany river at dawn.", "Vessany river", "Place"),
    ("Herders moved their flocks into the Korvath valley.", "Korvath valley", "Region"),
    ("A new harbour is planned on Tellamar island.", "Tellamar island", "Region"),
    ("Lorries queued for days at the Dubrin crossing.", "Dubrin crossing", "Place"),
    ("Engineers surveyed the Halvard field for gas.", "Halvard field", "Place"),
    ("Fishermen from both shores work on Lake Ombrena.", "Lake Ombrena", "Place"),
    ("Pilgrims walked to Mount Tessaro in the spring.", "Mount Tessaro", "Place"),
    ("Fishing boats crossed Lake Victoria at night.", "Lake Victoria", "Place"),
])
def test_a_feature_word_beside_an_unknown_name_makes_a_place(nlp: Language, text: str,
                                                             name: str, cls: str) -> None:
    assert (name, cls) in found(nlp, text)


def test_a_feature_named_after_a_town_the_text_names_alone_is_that_town(nlp: Language) -> None:
    spans = found(nlp, "Traders waited in Velmora. The Velmora crossing stayed shut.")
    assert spans == [("Velmora", "City"), ("Velmora", "City")]


def test_a_feature_word_after_a_capitalised_word_makes_no_place(nlp: Language) -> None:
    assert ("Merrow pass", "Place") not in found(nlp, "Will Merrow pass the test, analysts asked.")


def test_a_state_described_presidency_is_a_body_of_that_state(nlp: Language) -> None:
    text = "The Ghanaian presidency said the visit would go ahead."
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    bodies = [entity for entity in entities if entity.cls == "GovernmentBody"]
    assert [entity.label for entity in bodies] == ["Presidency of Ghana"]


def test_a_state_described_cabinet_or_coast_guard_is_a_body_of_that_state(nlp: Language) -> None:
    text = ("The Peruvian cabinet met on Sunday, and the Peruvian coast guard stopped "
            "two trawlers.")
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    bodies = [entity for entity in entities if entity.cls == "GovernmentBody"]
    assert [entity.label for entity in bodies] == ["Cabinet of Peru", "Peruvian coast guard"]


def test_a_body_word_inside_a_post_makes_no_body(nlp: Language) -> None:
    text = "Peru's chief cabinet secretary told reporters the plan was ready."
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    assert [entity.cls for entity in entities if entity.cls == "GovernmentBody"] == []


@pytest.mark.parametrize("text, name", [
    ("Several Vetrano lawmakers walked out of the chamber.", "Vetrano"),
    ("She served under the former Truth and Order government for years.", "Truth and Order"),
    ("Ana Rao, the Liberal shadow trade secretary, spoke first.", "Liberal"),
])
def test_a_party_written_as_a_modifier_is_an_organisation(nlp: Language, text: str,
                                                          name: str) -> None:
    assert (name, "Organization") in found(nlp, text)


def test_a_place_word_that_opens_a_facility_name_is_that_facility(nlp: Language) -> None:
    text = ("Troops trained at the Vellmark Air Station last week. The station at Vellmark "
            "also hosts a radar. Engineers inspected the Corvane plant, and the grid at "
            "Corvane is weak.")
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    facilities = {entity.label: entity for entity in entities if entity.cls == "Facility"}
    assert "Vellmark" in facilities["Vellmark Air Station"].aliases
    assert "Corvane" in facilities["Corvane plant"].aliases
    assert not any(entity.cls == "City" for entity in entities)


@pytest.mark.parametrize("text, name, cls", [
    ("Inspectors from Marvanta, the EU fisheries agency, boarded the trawler.", "Marvanta",
     "Organization"),
    ("The bill was sent to Kelvorn, the regional planning authority, for review.", "Kelvorn",
     "GovernmentBody"),
    ("He said the state grid company Veltrana would cut supplies.", "Veltrana", "Organization"),
    ("She spoke to the broadcaster Radio Kestrel on Monday.", "Radio Kestrel", "Organization"),
])
def test_an_organisation_described_beside_an_unknown_name(nlp: Language, text: str, name: str,
                                                          cls: str) -> None:
    assert (name, cls) in found(nlp, text)


def test_a_member_of_a_body_in_apposition_stays_a_person(nlp: Language) -> None:
    spans = found(nlp, "Ana Rao, a member of the commission, said no.")
    assert ("Ana Rao", "Person") in spans


@pytest.mark.parametrize("text, name", [
    ("The bank's regional manager for the north, Corin Maddox, said the loan was ready.",
     "Corin Maddox"),
    ("Police questioned Tavi Orlen, a blogger who had criticised the mayor.", "Tavi Orlen"),
])
def test_a_manager_or_blogger_in_apposition_is_a_person(nlp: Language, text: str,
                                                        name: str) -> None:
    assert (name, "Person") in found(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Officials said the two Nordvik states would share the cost.", "Nordvik"),
    ("Border checks fell to the Tavrel state concerned.", "Tavrel"),
])
def test_a_name_after_an_article_before_states_is_no_speaker(nlp: Language, text: str,
                                                             name: str) -> None:
    assert (name, "Person") not in found(nlp, text)


def test_a_demonym_opening_a_party_name_is_part_of_it(nlp: Language) -> None:
    spans = found(nlp, "The ruling Georgian Bright Path party won the vote.")
    assert ("Georgian Bright Path", "Organization") in spans
    assert ("Georgian", "Country") not in spans
    assert ("Thai", "Country") in found(nlp, "The Thai army said the border was calm.")


def test_a_bare_foreign_ministry_takes_the_state_of_its_context(nlp: Language) -> None:
    text = ("Ghana recalled its envoy from Lome on Friday. At a briefing later that day, "
            "foreign ministry spokeswoman Efua Mensah said the talks were over. In Accra, "
            "its foreign ministry spoke again.")
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    bodies = [entity.label for entity in entities if entity.cls == "GovernmentBody"]
    assert bodies == ["Ministry of Foreign Affairs of Ghana"]
