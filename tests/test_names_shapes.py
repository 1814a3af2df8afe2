"""Shapes of names the lexicon does not know: particles, honorifics, ranks, bodies with "of",
posts and occupations before a name; places beside and inside names; company words ending a
name and a company's first word alone. Sentences written for these tests; the project's
lexicon."""
from __future__ import annotations

import pytest
from spacy.language import Language

from names_support import found

from kg.extract.entities import extract_entities
from kg.lexicon import load_lexicon
from kg.model import Article


@pytest.mark.parametrize("text, name", [
    ("Ibrahim van der Walt, a spokesman for the port, declined to comment.",
     "Ibrahim van der Walt"),
    ("Lucia de la Rambla told the hearing that the audit was late.", "Lucia de la Rambla"),
])
def test_a_name_keeps_its_particles(nlp: Language, text: str, name: str) -> None:
    assert (name, "Person") in found(nlp, text)


def test_an_honorific_inside_a_run_makes_the_next_words_a_person(nlp: Language) -> None:
    assert found(nlp, "Mr Olund left early. Later Dr Vessey arrived.") == [
        ("Olund", "Person"), ("Vessey", "Person")]


def test_a_rank_stays_part_of_the_name(nlp: Language) -> None:
    assert found(nlp, "Sir Keir Alden visited the ward.") == [("Sir Keir Alden", "Person")]
    assert found(nlp, "The Prince waved.") == []


def test_a_cue_reaches_only_the_word_after_it(nlp: Language) -> None:
    assert found(nlp, "They staged The Princess and the Toad on Friday.") == []


@pytest.mark.parametrize("text, name, cls", [
    ("The Ministry of Water Resources issued a warning.", "Ministry of Water Resources",
     "GovernmentBody"),
    ("A report by the Harlow Institute for Coastal Studies came out.",
     "Harlow Institute for Coastal Studies", "Organization"),
    ("The Office of the Ombudsman opened a file.", "Office of the Ombudsman", "GovernmentBody"),
    ("Lawyers went to the Council of State in Athens.", "Council of State", "GovernmentBody"),
    ("The Ministry of State Security held him.", "Ministry of State Security",
     "GovernmentBody"),
])
def test_a_body_keeps_what_follows_its_head(nlp: Language, text: str, name: str,
                                            cls: str) -> None:
    assert (name, cls) in found(nlp, text)


def test_of_after_a_person_still_splits_the_run(nlp: Language) -> None:
    spans = found(nlp, "Anna Brekke of the Tollund Institute said the data were sound.")
    assert ("Anna Brekke", "Person") in spans and ("Tollund Institute", "Organization") in spans


def test_and_after_a_body_is_left_to_coordination(nlp: Language) -> None:
    spans = found(nlp, "The Fisheries Board and the Marsh Search and Rescue Agency met.")
    assert ("Marsh Search and Rescue Agency", "Organization") in spans


@pytest.mark.parametrize("text, name", [
    ("Stage designer Tove Lindqvist and rapper Kip Dorne attended.", "Tove Lindqvist"),
    ("Stage designer Tove Lindqvist and rapper Kip Dorne attended.", "Kip Dorne"),
    ("Health Minister Radek Sklar defended the plan.", "Radek Sklar"),
])
def test_an_occupation_or_post_before_a_name_makes_a_person(nlp: Language, text: str,
                                                            name: str) -> None:
    assert (name, "Person") in found(nlp, text)


def test_a_particle_joined_by_a_hyphen_stays_in_the_name(nlp: Language) -> None:
    assert found(nlp, "Hassan al-Amiri closed the road.") == [("Hassan al-Amiri", "Person")]


@pytest.mark.parametrize("text", [
    "The offer was turned down by the navy's chief of staff, Tomas Brenner, on Monday.",
    "The town has a new mayor, Tomas Brenner.",
])
def test_a_name_in_apposition_after_a_post_is_a_person(nlp: Language, text: str) -> None:
    assert ("Tomas Brenner", "Person") in found(nlp, text)


@pytest.mark.parametrize("text", [
    "The head of the dockers' union, Tomas Brenner, said the strike would go on.",
    "The chairman of the board of the Northern Ferry Authority of Lanmark, Tomas Brenner, "
    "resigned.",
])
def test_a_name_after_a_post_of_a_body_is_a_person(nlp: Language, text: str) -> None:
    """A word that marks a post only in apposition does so before "of" ("the head of"), and
    the post may be of a long name."""
    assert ("Tomas Brenner", "Person") in found(nlp, text)


def test_an_officer_in_apposition_is_a_person(nlp: Language) -> None:
    assert ("Jimmo Vardak", "Person") in found(
        nlp, "Jimmo Vardak, the former police officer who leads the gang, refused.")


def test_a_post_word_alone_before_a_comma_makes_no_person(nlp: Language) -> None:
    assert ("Vardo Brennik", "Person") not in found(
        nlp, "They asked the head, Vardo Brennik, for a room.")


@pytest.mark.parametrize("text", [
    "A navy spokesman, Rear Admiral Tomas Brenner, said the frigate had left.",
    "Vice Admiral Tomas Brenner took command on Monday.",
])
def test_a_naval_rank_is_cut_off_whole(nlp: Language, text: str) -> None:
    assert ("Tomas Brenner", "Person") in found(nlp, text)


def test_a_hyphenated_title_is_cut_off_whole(nlp: Language) -> None:
    spans = found(nlp, "The alliance Secretary-General Tove Marsk spoke; Marsk left.")
    assert spans == [("Tove Marsk", "Person"), ("Marsk", "Person")]


@pytest.mark.parametrize("text", [
    "Petra Olund, Sweden's trade minister, disagreed.",
    "Petra Olund, the Swedish trade minister, disagreed.",
    "Petra Olund, the navy's chief of staff, disagreed.",
    "Petra Olund, the country's longtime foreign minister, disagreed.",
])
def test_a_name_before_a_post_with_its_holder_is_a_person(nlp: Language, text: str) -> None:
    assert ("Petra Olund", "Person") in found(nlp, text)


def test_a_thing_before_a_description_with_a_holder_is_no_person(nlp: Language) -> None:
    assert all(cls != "Person" for _, cls in
               found(nlp, "Nordvik Fiskeri, Norway's largest fishing firm, grew."))


def test_a_party_word_is_cut_off_before_a_name_but_not_a_body(nlp: Language) -> None:
    assert found(nlp, "Yesterday Republican Larry Brandt spoke.") == [("Larry Brandt", "Person")]
    assert found(nlp, "The Republican National Committee met.") == [
        ("Republican National Committee", "GovernmentBody")]


@pytest.mark.parametrize("text, name", [
    ("The bloc's special envoy for the dispute, Oskar Lindahl, met both sides.", "Oskar Lindahl"),
    ("Norway's envoy in Lisbon, Oskar Lindahl, met both sides.", "Oskar Lindahl"),
    ("It was chaired by Oskar Lindahl, an adviser to the premier.", "Oskar Lindahl"),
    ("Oskar Lindahl, chairperson of the Fjord Council, met both sides.", "Oskar Lindahl"),
])
def test_a_post_with_what_it_is_for_set_off_by_commas_makes_a_person(
        nlp: Language, text: str, name: str) -> None:
    assert (name, "Person") in found(nlp, text)


def test_a_name_ending_in_a_facility_word_is_a_facility(nlp: Language) -> None:
    assert found(nlp, "The envoys met at the Verdal Palace on Monday.") == [
        ("Verdal Palace", "Facility")]


@pytest.mark.parametrize("text, name", [
    ("Cranes arrived at the new Port Velka harbour.", "Port Velka harbour"),
    ("Engineers opened the Santa Orvena dam at dawn.", "Santa Orvena dam"),
])
def test_a_lower_case_facility_word_after_a_name_belongs_to_the_facility(
        nlp: Language, text: str, name: str) -> None:
    assert (name, "Facility") in found(nlp, text)


def test_a_place_head_before_of_heads_a_longer_place(nlp: Language) -> None:
    """"the Gulf" is a lexicon alias; "the Gulf of Marsk" is another place."""
    assert found(nlp, "A base on the Gulf of Marsk was offered.") == [("Gulf of Marsk", "Region")]


@pytest.mark.parametrize("text, name, cls", [
    ("A letter from Hillary Brandt reached the court.", "Hillary Brandt", "Person"),
    ("A letter from Zhang Weiping reached the court.", "Zhang Weiping", "Person"),
    ("They crossed the Helen Marsk Bridge at noon.", "Helen Marsk Bridge", "Facility"),
    ("Prayers were held at the Al Marsk Mosque.", "Al Marsk Mosque", "Facility"),
])
def test_a_given_name_first_makes_a_person_unless_a_place_word_ends_the_name(
        nlp: Language, text: str, name: str, cls: str) -> None:
    assert (name, cls) in found(nlp, text)


@pytest.mark.parametrize("text, name, cls", [
    ("They landed at Baghdad International Airport at dawn.", "Baghdad International Airport",
     "Facility"),
    ("A report by the Florida Department of Roads came out.", "Florida Department of Roads",
     "GovernmentBody"),
])
def test_a_body_or_facility_takes_in_the_place_name_before_it(nlp: Language, text: str,
                                                              name: str, cls: str) -> None:
    assert found(nlp, text) == [(name, cls)]


def test_a_state_opening_a_body_name_is_part_of_it_and_still_named(nlp: Language) -> None:
    text = "The Japan Coast Guard said so."
    assert found(nlp, text) == [("Japan Coast Guard", "GovernmentBody")]
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    assert [(entity.label, entity.cls) for entity in entities] == [
        ("Japan Coast Guard", "GovernmentBody"), ("Japan", "Country")]


@pytest.mark.parametrize("text, name, cls, state", [
    ("The Peruvian Fishing Association accused the port of delays.",
     "Peruvian Fishing Association", "Organization", "Peru"),
    ("An Irish Coast Guard helicopter flew out at dawn.", "Irish Coast Guard",
     "GovernmentBody", "Ireland"),
])
def test_a_demonym_opening_a_body_name_is_part_of_it_and_its_state_still_named(
        nlp: Language, text: str, name: str, cls: str, state: str) -> None:
    assert found(nlp, text) == [(name, cls)]
    entities = extract_entities(nlp(text), Article(id="t", text=text))
    assert [(entity.label, entity.cls) for entity in entities] == [(name, cls), (state, "Country")]


def test_a_demonym_before_a_body_named_with_of_stays_apart(nlp: Language) -> None:
    assert found(nlp, "The Kenyan Ministry of Mines said so.") == [
        ("Kenyan", "Country"), ("Ministry of Mines", "GovernmentBody")]


@pytest.mark.parametrize("text, wanted", [
    ("Strikes hit villages in North Marskia on Friday.", [("North Marskia", "Region")]),
    ("The attackers came from Marsk province at night.", [("Marsk", "Region")]),
    ("Police entered the Marsk-majority north on Friday.", []),
    ("A Vessey-led coalition won the vote.", []),
    ("Mayor Kang Dae-soon said so.", [("Kang Dae-soon", "Person")]),
])
def test_places_by_compass_word_and_province_and_compounds_that_are_no_names(
        nlp: Language, text: str, wanted: list[tuple[str, str]]) -> None:
    assert found(nlp, text) == wanted


@pytest.mark.parametrize("text, wanted", [
    ("The convoy stopped in Marsk-on-Vel overnight.", ("Marsk-on-Vel", "City")),
    ("They met in Vesseyburg on Monday.", ("Vesseyburg", "City")),
    ("They met in Great Vessey on Monday.", ("Great Vessey", "Place")),
])
def test_an_unknown_place_of_one_word_is_a_city(nlp: Language, text: str,
                                                wanted: tuple[str, str]) -> None:
    assert found(nlp, text) == [wanted]


@pytest.mark.parametrize("text", [
    "According to Tove Brekke, the deal is off.",
    "The plan was criticised by Tove Brekke, who leads the opposition.",
    "Tove Brekke, 54, was arrested on Monday.",
])
def test_according_to_who_and_an_age_make_a_person(nlp: Language, text: str) -> None:
    assert found(nlp, text) == [("Tove Brekke", "Person")]


def test_a_board_after_a_known_body_is_one_government_body(nlp: Language) -> None:
    assert found(nlp, "The IAEA Board of Governors met in June.") == [
        ("IAEA Board of Governors", "GovernmentBody")]


def test_taiwan_and_kosovo_are_states() -> None:
    lexicon = load_lexicon(())
    assert lexicon["taiwan"].cls == lexicon["kosovo"].cls == "Country"


def test_a_city_that_is_a_given_name_opens_a_persons_name(nlp: Language) -> None:
    assert found(nlp, "The trader Milan Dravic denied the claims.") == [("Milan Dravic", "Person")]
    assert ("Milan", "City") in found(nlp, "Milan Fashion Week opened in Milan on Friday.")


@pytest.mark.parametrize("text, name", [
    ("Fighting spread across the Varkand region overnight.", "Varkand"),
    ("They signed a deal with the breakaway region of Varkand.", "Varkand"),
    ("Floods hit Orvesk province on Monday.", "Orvesk"),
])
def test_a_word_for_a_part_of_a_country_makes_a_region(nlp: Language, text: str,
                                                        name: str) -> None:
    assert (name, "Region") in found(nlp, text)


def test_a_region_word_without_a_name_beside_it_makes_nothing(nlp: Language) -> None:
    assert found(nlp, "Officials said the region of the delta was calm.") == []


@pytest.mark.parametrize("text, name", [
    ("She teaches at the University of Tokyo.", "University of Tokyo"),
    ("He studied at the University of the South Pacific.", "University of the South Pacific"),
    ("The Central Bank of Nigeria cut rates.", "Central Bank of Nigeria"),
    ("A lawyer for the Farmers Union of Kenya spoke.", "Farmers Union of Kenya"),
])
def test_a_city_region_or_state_closes_an_organisations_name(nlp: Language, text: str,
                                                        name: str) -> None:
    assert found(nlp, text) == [(name, "Organization")]


def test_a_state_stays_apart_from_a_government_body_before_it(nlp: Language) -> None:
    assert ("Peru", "Country") in found(nlp, "The Water Commission of Peru met.")


def test_a_region_opening_a_longer_name_is_not_the_region(nlp: Language) -> None:
    assert ("Pacific", "Region") not in found(nlp, "A crew of Pacific Gas and Electric came.")
    assert ("Pacific", "Region") in found(nlp, "Pacific nations met in Suva.")
    assert ("Vermont", "Region") in found(nlp, "Vermont Senator Ana Rao spoke.")


def test_an_order_to_a_capital_is_addressed_to_its_state(nlp: Language) -> None:
    doc = nlp("The board passed a resolution ordering Tehran to explain the traces.")
    assert [(span.text, span.kb_id_) for span in doc.spans["kg_entities"]] == [("Tehran", "iran")]


@pytest.mark.parametrize("text", [
    "The study appeared in Nature last week.",
    "He wrote about free speech in Islam.",
    "Winds stayed at Category 4 overnight.",
])
def test_a_common_word_or_a_faith_after_a_place_preposition_is_no_place(
        nlp: Language, text: str) -> None:
    assert found(nlp, text) == []


def test_a_place_word_before_a_known_place_stays_a_city(nlp: Language) -> None:
    assert ("Cork", "City") in found(nlp, "A fire broke out in Cork, Ireland, on Friday.")


def test_a_family_name_after_a_place_preposition_is_the_person(nlp: Language) -> None:
    spans = found(nlp, "Vice President Nickey Olumbo died. Flags flew at Olumbo's home.")
    assert spans.count(("Olumbo", "Person")) == 1 and ("Olumbo", "City") not in spans


@pytest.mark.parametrize("text, name", [
    ("Norway's deputy trade commissioner, Ilse Varnum, said no.", "Ilse Varnum"),
    ("His Peruvian counterpart, Tadeo Quispe, had signed.", "Tadeo Quispe"),
    ("He Wenbo, a spokesman for the ministry, told reporters.", "He Wenbo"),
])
def test_a_name_in_apposition_after_a_described_post_is_a_person(nlp: Language, text: str,
                                                                  name: str) -> None:
    assert (name, "Person") in found(nlp, text)


def test_a_function_word_opening_a_sentence_is_no_part_of_a_name(nlp: Language) -> None:
    spans = found(nlp, "And Vollmer, a candidate, spoke last.")
    assert all(not text.startswith("And") for text, _ in spans)


def test_a_place_head_and_a_known_place_make_one_region(nlp: Language) -> None:
    assert found(nlp, "Tankers waited in the Gulf of Finland.") == [("Gulf of Finland", "Region")]


@pytest.mark.parametrize("text, name", [
    ("Workneh Tadesse, executive commissioner of the bloc, spoke.", "Workneh Tadesse"),
    ("Ilse Varnum, chief of the port authority, said the quay was shut.", "Ilse Varnum"),
    ("Tadeo Quispe, head of a regional relief office, said the roads were closed.",
     "Tadeo Quispe"),
])
def test_a_post_word_in_apposition_makes_a_person(nlp: Language, text: str,
                                                   name: str) -> None:
    assert (name, "Person") in found(nlp, text)


def test_chief_before_a_name_is_no_cut(nlp: Language) -> None:
    spans = found(nlp, "Our Chief Health Director, Ilse Varnum, spoke.")
    assert ("Health", "Person") not in spans


def test_a_member_in_apposition_is_a_person(nlp: Language) -> None:
    assert ("Ilse Varnum", "Person") in found(
        nlp, "Ilse Varnum, a member of the upper house, said the bill would pass.")


@pytest.mark.parametrize("text, name", [
    ("Governor Ana DeLorme signed the order.", "Ana DeLorme"),
    ("Later Ilse McTavish said the count was over.", "Ilse McTavish"),
    ("According to eyewitness Ana Rao, the car burst into flames.", "Ana Rao"),
    ("His wife Ilse Varnum said he was at home.", "Ilse Varnum"),
])
def test_prefixed_family_names_and_family_words_give_persons(nlp: Language, text: str,
                                                              name: str) -> None:
    assert (name, "Person") in found(nlp, text)


def test_a_brand_with_a_second_capital_is_no_name_word(nlp: Language) -> None:
    assert found(nlp, "The code moved to GitLab last year.") == []


@pytest.mark.parametrize("text", [
    "The engineers told Wikinews that the fix was ready.",
    "Stream said the release was delayed.",
])
def test_a_common_word_beside_a_verb_of_saying_is_no_person(nlp: Language, text: str) -> None:
    assert found(nlp, text) == []


def test_a_surname_that_is_a_common_word_still_joins_its_person(nlp: Language) -> None:
    assert ("Green", "Person") in found(nlp, "Analyst Chris Green spoke. Green said no.")


@pytest.mark.parametrize("text", ["He posted the video on X. Then he left.",
                                  "The H1N1 strain spread.", "Masks rated N95 sold out."])
def test_a_code_or_a_letter_is_no_organisation(nlp: Language, text: str) -> None:
    assert found(nlp, text) == []


def test_a_common_word_after_a_place_preposition_is_a_place_only_before_a_place(
        nlp: Language) -> None:
    assert ("Islam", "City") not in found(nlp, "Many people in Islam, Obama said, pray daily.")
    assert ("Cork", "City") in found(nlp, "The plant in Cork, Ireland, closed.")


@pytest.mark.parametrize("text, name", [
    ("Ships of Nordvik Freight were held at the port.", "Nordvik Freight"),
    ("The fund bought a stake in Maridal Shipping last year.", "Maridal Shipping"),
])
def test_a_company_word_ending_a_name_makes_an_organisation(nlp: Language, text: str,
                                                           name: str) -> None:
    assert (name, "Organization") in found(nlp, text)


def test_a_company_word_after_a_name_in_lower_case_is_a_trade(nlp: Language) -> None:
    assert not any(cls == "Organization" for _, cls in
                   found(nlp, "Officials said Baltic shipping would suffer."))


def test_the_first_word_of_a_company_alone_is_no_person(nlp: Language) -> None:
    text = ("The ministry fined Maridal Shipping on Monday. Maridal denied any wrongdoing, "
            "Maridal said.")
    assert ("Maridal", "Person") not in found(nlp, text)


def test_a_word_of_a_person_s_name_stays_the_person_s(nlp: Language) -> None:
    text = "Talks between Tarvo Lind and Lind Holdings stalled. Lind said the offer was low."
    assert ("Lind", "Person") in found(nlp, text)
