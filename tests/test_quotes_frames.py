"""Attribution frames of news copy (stop 23), on short texts written for these tests."""
from __future__ import annotations

from quotes_support import quoted_speakers

NAMES = {"Lena Varga": ("varga", "Person"), "Varga": ("varga", "Person"),
         "Pablo Ortiz": ("ortiz", "Person"), "Ortiz": ("ortiz", "Person"),
         "Hungary": ("hu", "Country"), "Budapest": ("hu", "Country"),
         "Danube University": ("du", "Organization"), "Harbour Times": ("ht", "Organization"),
         "Rail Union": ("ru", "Organization")}


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
