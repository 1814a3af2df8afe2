"""Attribution frames of news copy (stop 23), on short texts written for these tests."""
from __future__ import annotations

from quotes_support import quoted_speakers

NAMES = {"Lena Varga": ("varga", "Person"), "Varga": ("varga", "Person"),
         "Pablo Ortiz": ("ortiz", "Person"), "Ortiz": ("ortiz", "Person"),
         "Hungary": ("hu", "Country"), "Hungarian": ("hu", "Country"), "Budapest": ("hu", "Country"),
         "Danube University": ("du", "Organization"), "Harbour Times": ("ht", "Organization"),
         "Rail Union": ("ru", "Organization"), "HTV": ("htv", "Organization")}


def speakers(text: str) -> list[tuple[str | None, str]]:
    return quoted_speakers(text, NAMES)


def test_alleged_gives_the_quote_its_speaker():
    assert speakers("Lena Varga alleged that the mayor had “hidden the bills”.") == [
        ("Lena Varga", "hidden the bills")]
    assert speakers("“The count was rigged,” Ortiz alleged.") == [
        ("Ortiz", "The count was rigged")]


def test_alleged_after_a_possessive_is_no_verb_of_saying():
    text = "Police shut a forum called “Night Market” and its alleged founder Pablo Ortiz."
    assert speakers(text) == [(None, "Night Market")]


def test_according_to_a_body_and_a_post_before_the_name_is_the_person():
    assert speakers("According to Danube University historian Lena Varga, the bridge was "
                    "“never meant to last”.") == [("Lena Varga", "never meant to last")]
    assert speakers("According to Harbour Times editor Pablo Ortiz, “the port will close”.") \
        == [("Pablo Ortiz", "the port will close")]


def test_a_description_before_the_name_between_commas_is_still_the_person():
    assert speakers("The survey's main author, doctoral student Lena Varga, said, “We "
                    "counted every nest.”") == [("Lena Varga", "We counted every nest.")]
    assert speakers("Another author, soil chemistry professor Pablo Ortiz, said, “The "
                    "samples agree.”") == [("Pablo Ortiz", "The samples agree.")]


def test_a_pronoun_opening_a_clause_stands_for_the_one_opening_its_sentence():
    text = ("Pablo Ortiz spent a night in Budapest, where he told students that Hungary had "
            "“run out of patience”.")
    assert speakers(text) == [("Pablo Ortiz", "run out of patience")]


def test_a_pronoun_after_another_name_in_its_sentence_is_not_the_opener():
    text = ("Lena Varga spoke first. Pablo Ortiz met Varga's aide, and she said the plan was "
            "“dead”.")
    assert ("Pablo Ortiz", "dead") not in speakers(text)


def test_a_verb_of_saying_after_and_has_the_sentence_s_subject_not_the_object():
    text = ("Lena Varga met the union's leader, Pablo Ortiz, on Tuesday and told him that "
            "Hungary's “offer still stands”.")
    assert speakers(text) == [("Lena Varga", "offer still stands")]
    text = "On Friday, Pablo Ortiz met the envoys and said the strike was “off for now”."
    assert speakers(text) == [("Pablo Ortiz", "off for now")]


def test_a_name_and_verb_of_saying_right_after_a_quote_inside_a_clause_are_no_attribution():
    text = ("Lena Varga rejected the offer. She accused Budapest of “writing every line” "
            "Ortiz reads out.")
    assert speakers(text) == [("Lena Varga", "writing every line")]


def test_a_verb_of_saying_set_off_by_a_comma_or_and_still_attributes_a_quote_inside_a_clause():
    text = "Lena Varga spoke. The river is the “real border” between them, Ortiz added."
    assert speakers(text) == [("Ortiz", "real border")]
    text = "Rail Union sent its “warmest thanks” and said the strike was over."
    assert speakers(text) == [("Rail Union", "warmest thanks")]


def test_a_participle_after_a_clause_set_between_commas_is_that_clause_s_subject_s():
    text = ("In a statement carried by the state broadcaster HTV, Rail Union blamed Ortiz for "
            "the delay, saying he had “broken his word”.")
    assert speakers(text) == [("Rail Union", "broken his word")]


def test_a_participle_after_a_predicate_between_commas_is_the_name_before_them():
    text = ("Since then, a senator, Lena Varga, has backed the strike, telling reporters: "
            "“The workers are right.”")
    assert speakers(text) == [("Lena Varga", "The workers are right.")]


def test_a_verb_of_saying_after_and_in_a_sentence_a_pronoun_opens_has_the_pronoun_s_speaker():
    text = ("Lena Varga arrived late. She then met the director and said, “We start "
            "tomorrow.”")
    assert speakers(text) == [("Lena Varga", "We start tomorrow.")]


# shapes the rules already read (stop 23 checked them on sentences of its own)

def test_said_then_a_body_a_post_and_the_name():
    assert speakers("“The ice is thinning,” said Danube University geologist Lena Varga.") \
        == [("Lena Varga", "The ice is thinning")]


def test_a_name_then_a_post_at_a_body_between_commas_before_said():
    assert speakers("“The ice is thinning,” Lena Varga, a geologist at Danube University, "
                    "said.") == [("Lena Varga", "The ice is thinning")]


def test_the_person_opening_the_sentence_before_a_quote_that_stands_alone():
    assert speakers("Pablo Ortiz spoke to reporters outside the depot. “We will not go back "
                    "to work.”") == [("Pablo Ortiz", "We will not go back to work.")]


def test_a_quote_running_on_into_the_next_paragraph_keeps_its_speaker():
    text = "Lena Varga said: “The depot stays shut.\n\n“Nobody crosses the line.”"
    assert speakers(text) == [("Lena Varga", "The depot stays shut."),
                              ("Lena Varga", "Nobody crosses the line.")]


def test_an_unnamed_speaker_for_a_body_is_a_person_of_that_body():
    assert speakers("“Talks will resume,” a spokeswoman for Rail Union said.") == [
        ("spokeswoman for Rail Union", "Talks will resume")]


def test_a_quote_within_a_quote_is_part_of_the_outer_speaker_s_words():
    assert speakers("“They shouted ‘Go home’ and we left,” Ortiz said.") == [
        ("Ortiz", "They shouted ‘Go home’ and we left")]


def test_a_speaker_who_goes_on_to_say_is_the_subject_before_the_phrase():
    assert speakers("Lena Varga praised the crews. Varga went on to say, “Nobody here gave "
                    "up.”") == [("Lena Varga", "Nobody here gave up.")]
    assert speakers("Pablo Ortiz later went on to add, “The line holds.”") == [
        ("Pablo Ortiz", "The line holds.")]


def test_a_post_after_a_possessive_pronoun_then_a_name_is_the_person():
    assert speakers("The Rail Union voted to strike. “We are ready,” said its chairman, "
                    "Lena Varga.") == [("Lena Varga", "We are ready")]
    assert speakers("“Nothing was signed,” said his lawyer, Pablo Ortiz.") == [
        ("Pablo Ortiz", "Nothing was signed")]


def test_a_source_a_state_qualifies_with_words_after_the_noun_is_the_source():
    text = ("Pablo Ortiz spoke first. A Hungarian official close to the talks said Budapest "
            "saw “no need to rush” on the deal.")
    assert speakers(text) == [("Hungarian official", "no need to rush")]
    assert speakers("“We will wait,” a Rail Union source familiar with the vote said.") == [
        ("Rail Union source", "We will wait")]


def test_the_source_noun_later_refers_back_to_a_source_with_a_qualifier():
    text = ("A Hungarian diplomat familiar with the vote said Budapest would abstain. “It is "
            "not our fight,” the diplomat said.")
    assert speakers(text) == [("Hungarian diplomat", "It is not our fight")]
