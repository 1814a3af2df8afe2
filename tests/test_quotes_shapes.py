"""Speaker shapes of wire copy, on short texts written for these tests (entities set by hand)."""
from __future__ import annotations

from events_support import extract_text
from quotes_support import quoted_speakers

PEOPLE = {"Nadia Petrosyan": ("petrosyan", "Person"), "Petrosyan": ("petrosyan", "Person"),
          "Emre Kaya": ("kaya", "Person"), "Kaya": ("kaya", "Person"),
          "Armenia": ("am", "Country"), "Turkey": ("tr", "Country"),
          "Radio Ankara": ("ra", "Organization")}


def speakers(text: str, names: dict[str, tuple[str, str]] = PEOPLE) -> list[tuple[str | None, str]]:
    return quoted_speakers(text, names)


def test_he_said_is_the_person_opening_the_sentence_after_an_earlier_speaker():
    text = ("Nadia Petrosyan met the envoys. “The border can open,” Petrosyan said. "
            "Emre Kaya sounded less sure. “Conditions come first,” he said.")
    assert [s for s, _ in speakers(text)] == ["Nadia Petrosyan", "Emre Kaya"]


def test_he_said_keeps_the_earlier_speaker_named_after_the_opening_person():
    text = ("Emre Kaya sounded less sure. “Conditions come first,” Kaya said. "
            "“We will wait,” he said.")
    assert [s for s, _ in speakers(text)] == ["Emre Kaya", "Emre Kaya"]


def test_the_broadcaster_told_is_not_the_speaker():
    assert speakers("“The patrols will grow,” Emre Kaya told Radio Ankara.") == [
        ("Emre Kaya", "The patrols will grow")]


def test_an_addressee_after_told_never_speaks():
    text = "Nadia Petrosyan spoke first. “We will wait,” told Radio Ankara on Friday."
    assert ("Radio Ankara", "We will wait") not in speakers(text)


def test_a_participle_after_a_quote_keeps_the_sentence_speaker():
    text = ("Nadia Petrosyan said the men must face “serious charges”, adding Turkey "
            "would be asked to help.")
    assert speakers(text) == [("Nadia Petrosyan", "serious charges")]


def test_according_to_before_a_speaker_names_the_report_not_the_words():
    text = ("According to Radio Ankara, Emre Kaya said the deal was “close to done”.")
    assert speakers(text) == [("Emre Kaya", "close to done")]


def test_according_to_after_the_quote_names_the_speaker():
    assert speakers("“The deal is close,” according to Emre Kaya.") == [
        ("Emre Kaya", "The deal is close")]


def test_a_quote_in_single_curly_marks_has_its_speaker():
    assert speakers("‘There is no going back,’ Emre Kaya told reporters.") == [
        ("Emre Kaya", "There is no going back")]


def test_a_description_after_said_gives_way_to_the_name_it_is_set_beside():
    assert speakers("“This day is hard for me,” said his father, Emre Kaya, at the grave.") == [
        ("Emre Kaya", "This day is hard for me")]


def test_a_possessive_description_gives_way_to_the_name_after_its_comma():
    text = "“It is a dark day,” said Petrosyan’s chief foreign policy adviser, Emre Kaya."
    assert speakers(text) == [("Emre Kaya", "It is a dark day")]


def test_a_name_opening_a_new_clause_is_not_the_source():
    text = "According to two officials, Emre Kaya was driving “far too fast” that night."
    assert [s for s, _ in speakers(text)] == ["officials"]


def test_the_one_cited_as_saying_is_the_speaker_not_the_one_citing():
    text = "Radio Ankara cited Emre Kaya as saying: “The border stays open.”"
    assert speakers(text) == [("Emre Kaya", "The border stays open.")]


def test_cited_past_an_apposition():
    text = ("Radio Ankara quoted Emre Kaya, a former envoy to Armenia, as saying the talks "
            "were “useful”.")
    assert speakers(text) == [("Emre Kaya", "useful")]


def test_an_unnamed_source_cited_as_saying():
    text = "Radio Ankara quoted a senior Turkish official as saying the offer was “not serious”."
    extraction = extract_text(text, PEOPLE)
    speaker = extraction.entity(extraction.quotes[0].speaker)
    assert speaker.cls == "Person" and speaker.label == "senior Turkish official"


def test_quoted_as_saying_in_the_passive_keeps_its_subject():
    text = "Emre Kaya was quoted as saying that “nobody wants another winter”."
    assert speakers(text) == [("Emre Kaya", "nobody wants another winter")]


def test_an_unnamed_source_before_a_relative_clause_is_not_the_place_it_is_in():
    names = {**PEOPLE, "Yerevan": ("yerevan", "City")}
    text = ("A Western diplomat in Yerevan, who spoke on condition of anonymity, said the "
            "talks were “buying time”.")
    assert speakers(text, names) == [("Western diplomat", "buying time")]


def test_a_post_opening_the_sentence_gives_way_to_the_name_after_its_comma():
    text = ("The Radio Ankara director general, Emre Kaya, called the vote “a farce” and "
            "said: “The region cannot accept this.”")
    assert speakers(text) == [("Emre Kaya", "a farce"),
                              ("Emre Kaya", "The region cannot accept this.")]


def test_a_naming_verb_after_a_parenthetical_has_the_subject_before_it():
    text = "Emre Kaya, while campaigning in the east, called the plan “a betrayal”."
    assert speakers(text) == [("Emre Kaya", "a betrayal")]


def test_a_state_acting_in_the_sentence_is_not_the_speaker_of_a_fragment():
    text = ("“We gave them a list,” Emre Kaya told reporters.\n\n"
            "In return, Armenia offered to close “a part of the border crossing”.")
    assert ("Armenia", "a part of the border crossing") not in speakers(text)


def test_the_first_of_a_list_of_people_opening_the_sentence_is_not_a_post():
    text = "Nadia Petrosyan, Emre Kaya, and Armenia met in Yerevan: “We stand together.”"
    assert speakers(text) == [("Nadia Petrosyan", "We stand together.")]


def test_a_person_acting_in_the_sentence_speaks_a_fragment_there():
    text = "Emre Kaya appealed to both sides to avoid “tit-for-tat measures”."
    assert speakers(text) == [("Emre Kaya", "tit-for-tat measures")]


def test_colon_quote_after_a_nameless_introduction():
    text = ("A veteran diplomat, Emre Kaya, also commented on the talks: “Nobody expected "
            "this much.”")
    assert speakers(text) == [("Emre Kaya", "Nobody expected this much.")]


def test_an_unnamed_source_is_never_read_from_the_sentence_before():
    text = ("Emre Kaya met Armenian officials. Speaking afterwards, he said the partnership "
            "was “strategic”.")
    assert speakers(text) == [("Emre Kaya", "strategic")]


def test_a_quote_left_open_at_its_paragraph_end_takes_the_speaker_of_the_next():
    text = ("“Our position is simple. We want the troops out.\n\n"
            "“Until then, there is nothing to discuss,” said Emre Kaya.")
    assert speakers(text) == [("Emre Kaya", "Our position is simple. We want the troops out."),
                              ("Emre Kaya", "Until then, there is nothing to discuss")]


def test_a_closed_quote_does_not_take_the_speaker_of_the_next_paragraph():
    text = ("The statement ended: “We want the troops out.”\n\n"
            "“Until then, there is nothing to discuss,” said Emre Kaya.")
    assert ("Emre Kaya", "We want the troops out.") not in speakers(text)


def test_a_document_noun_after_a_name_is_not_a_verb_of_saying():
    names = {**PEOPLE, "the UN": ("un", "Organization")}
    text = "Emre Kaya said the UN report was “one-sided”."
    assert speakers(text, names) == [("Emre Kaya", "one-sided")]


def test_he_said_after_a_paragraph_is_the_speaker_named_since_the_last_quote():
    text = ("“We will wait,” said Nadia Petrosyan.\n\n"
            "Emre Kaya said in a speech on Monday that his forces were ready.\n\n"
            "“We did not start this,” he said.")
    assert [s for s, _ in speakers(text)] == ["Nadia Petrosyan", "Emre Kaya"]


def test_he_said_keeps_the_last_quoted_speaker_named_by_according_to():
    text = ("“We will wait,” said Nadia Petrosyan.\n\n"
            "According to Emre Kaya, the plan is “unworkable”. He said, on Monday, "
            "“nobody asked us.”")
    assert [s for s, _ in speakers(text)][-1] == "Emre Kaya"


def test_a_verb_of_saying_after_a_modal_tells_no_words():
    text = "Emre Kaya said Turkey would continue its efforts “for as long as needed”."
    assert speakers(text) == [("Emre Kaya", "for as long as needed")]


def test_an_infinitive_of_saying_with_a_name_for_object_tells_no_words():
    text = ("Emre Kaya called on Armenia to add Nadia Petrosyan to its list. “The fleet is "
            "shadowy only for those who do not look,” he wrote.")
    assert speakers(text)[0][0] == "Emre Kaya"


def test_an_unnamed_source_before_a_participle_phrase_speaks():
    text = ("A Turkish trade official, speaking on condition of anonymity, said the "
            "delegations had spent the day “talking past each other”.")
    assert speakers(text) == [("Turkish trade official", "talking past each other")]


def test_a_name_between_the_commas_is_the_speaker_not_the_description():
    text = "Kaya’s spokesperson, Nadia Petrosyan, said it was “possible”."
    assert speakers(text) == [("Nadia Petrosyan", "possible")]


def test_according_to_before_a_complement_verb_names_the_report_not_the_words():
    names = {**PEOPLE, "Armenian": ("am", "Country")}
    text = ("According to the Armenian account of the call, Emre Kaya urged Turkey to act "
            "“before it is too late”.")
    assert speakers(text, names) == [("Emre Kaya", "before it is too late")]


def test_a_verb_of_saying_after_and_has_the_subject_before_not_a_name_after():
    text = ("Emre Kaya urged both members to settle the matter “in the Ankara way” and said "
            "Radio Ankara stood ready to help.")
    assert speakers(text) == [("Emre Kaya", "in the Ankara way")]


def test_a_complement_verb_after_and_has_the_subject_opening_the_sentence():
    names = {**PEOPLE, "Yerevan": ("yerevan", "City")}
    text = ("Radio Ankara in Yerevan rejected the ruling as unfair and accused Armenia of "
            "“piracy dressed up as law”.")
    assert speakers(text, names) == [("Radio Ankara", "piracy dressed up as law")]
