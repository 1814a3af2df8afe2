"""kg_gazetteer, kg_names and load_pipeline on sentences written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp import PipelineError, load_pipeline
from kg.nlp.normalise import normalise_name, normalise_term, slug

FIXTURE = Path(__file__).parent / "fixtures" / "lexicon.yaml"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(None, [FIXTURE])


def entities(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(span.text, span.label_, span.kb_id_) for span in doc.spans["kg_entities"]]


@pytest.mark.parametrize("variant", ["Kim Jong Un", "Kim Jong-un", "KIM JONG-UN", "kim jong-Un"])
def test_name_variants_normalise_alike(variant: str) -> None:
    assert normalise_name(variant) == normalise_name("Kim Jong-un")


def test_spelling_folds_for_terms_only() -> None:
    assert normalise_term("Organisation of Defence") == normalise_term("Organization of Defense")
    assert normalise_name("Organisation") != normalise_name("Organization")
    assert slug("Côte d’Ivoire") == "cote-divoire"


@pytest.mark.parametrize("written", ["Kim Jong Un", "Kim Jong-un", "KIM JONG-UN"])
def test_gazetteer_matches_every_spelling(nlp: Language, written: str) -> None:
    assert (written, "Person", "kim-jong-un") in entities(nlp, f"Later {written} left the hall.")


def test_acronym_needs_capitals(nlp: Language) -> None:
    found = entities(nlp, "Nobody told us that the US envoy had left.")
    assert found == [("US", "Country", "united-states")]


def test_metonym_acts_or_is_a_place(nlp: Language) -> None:
    found = entities(nlp, "Pyongyang wanted relief. Moon spoke in Seoul after the Seoul talks.")
    assert ("Pyongyang", "Country", "north-korea") in found
    assert ("Seoul", "City", "seoul") in found
    assert ("Seoul", "Country", "south-korea") not in found


@pytest.mark.parametrize("text", ["Pyongyang last month rejected the offer.",
                                  "Pyongyang on Tuesday rejected the offer.",
                                  "Pyongyang also rejected the offer."])
def test_a_metonym_acts_across_adverbs_and_time_words(nlp: Language, text: str) -> None:
    assert ("Pyongyang", "Country", "north-korea") in entities(nlp, text)


def test_a_metonym_before_a_time_word_and_no_verb_is_the_city(nlp: Language) -> None:
    assert ("Seoul", "Country", "south-korea") not in entities(
        nlp, "The envoy flew to Seoul last week.")


def test_the_north_only_with_a_capital(nlp: Language) -> None:
    assert ("the North", "Country", "north-korea") in entities(nlp, "Talks with the North resumed.")
    assert entities(nlp, "Rain fell in the north overnight.") == []


def test_names_wrapped_onto_the_next_line(nlp: Language) -> None:
    found = entities(nlp, "Penalties from the UN\nSecurity Council stayed.")
    assert [kb for _, _, kb in found] == ["un-security-council"]


def test_names_component_classes(nlp: Language) -> None:
    text = ("Former US ambassador to South Korea Wilma Quist said the move helped.\n\n"
            "Paul Ardent and Nadia Roux of the independent Harbour Policy Institute agreed, "
            "as did staff at the Tarn complex.")
    found = {(text, cls) for text, cls, _ in entities(nlp, text)}
    assert {("Wilma Quist", "Person"), ("Paul Ardent", "Person"), ("Nadia Roux", "Person"),
            ("Harbour Policy Institute", "Organization"), ("Tarn complex", "Facility")} <= found


@pytest.mark.parametrize("opener", ["Despite", "Similarly", "Each", "Analysts", "According",
                                    "Relations"])
def test_sentence_openers_are_not_names(nlp: Language, opener: str) -> None:
    found = [text for text, _, _ in entities(nlp, f"{opener} the talks went on. They met on Thursday.")]
    assert opener not in found and "Thursday" not in found


def test_missing_model_is_one_line_error() -> None:
    with pytest.raises(PipelineError, match="not installed: install one with") as error:
        load_pipeline("no_such_pipeline_xyz")
    assert "\n" not in str(error.value)


@Language.component("test_stub_ner")
def stub_ner(doc: Doc) -> Doc:
    """A stand-in for a trained NER: fixed labels on capitalised runs of a known sentence."""
    labels = {"Ola Brenn": "PERSON", "Fjord Shipping": "ORG", "Vietnamese": "NORP",
              "Hanoi": "GPE"}
    spans = []
    for text, label in labels.items():
        start = doc.text.find(text)
        if start >= 0:
            spans.append(doc.char_span(start, start + len(text), label=label))
    doc.ents = [span for span in spans if span is not None]
    return doc


def test_trained_model_entities_are_mapped_and_gazetteer_wins(monkeypatch) -> None:
    def stub_load(name: str) -> Language:
        stub = spacy.blank("en")
        stub.add_pipe("sentencizer")
        stub.add_pipe("test_stub_ner")
        return stub

    monkeypatch.setattr(spacy, "load", stub_load)
    nlp = load_pipeline("stub_model", [FIXTURE])
    doc = nlp("Ola Brenn of Fjord Shipping met Vietnamese officials in Hanoi.")
    found = [(s.text, s.label_, s.kb_id_, s.id_) for s in doc.spans["kg_entities"]]
    assert ("Ola Brenn", "Person", "", "model") in found
    assert ("Fjord Shipping", "Organization", "", "model") in found
    assert ("Vietnamese", "Country", "vietnam", "demonym") in found
    assert ("Hanoi", "City", "hanoi", "name") in found


def test_hand_built_parse_decides_acting() -> None:
    nlp = load_pipeline(None, [FIXTURE])
    words = ["Pyongyang", "rejected", "it"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"],
              sent_starts=[True, False, False])
    doc = nlp.get_pipe("kg_gazetteer")(doc)
    assert [(s.text, s.kb_id_) for s in doc.spans["kg_entities"]] == [("Pyongyang", "north-korea")]
    assert isinstance(doc.spans["kg_entities"][0], Span)


def test_a_place_name_keeps_its_hyphenated_small_words(nlp: Language) -> None:
    found = [(text, cls) for text, cls, _ in
             entities(nlp, "The convoy stopped in Marsk-on-Vel on Sunday night.")]
    assert ("Marsk-on-Vel", "City") in found


def test_a_name_before_an_age_and_a_verb_of_saying_is_a_person(nlp: Language) -> None:
    found = [(text, cls) for text, cls, _ in
             entities(nlp, "“It was cold,” Marsk, 54, told reporters on Monday.")]
    assert ("Marsk", "Person") in found


@pytest.mark.parametrize("text, name", [
    ("Dara Venn, spokesperson for the council, said so.", "Dara Venn"),
    ("Dara Venn, a senior analyst at the bank, said so.", "Dara Venn"),
])
def test_a_post_in_apposition_makes_the_name_before_it_a_person(nlp: Language, text: str,
                                                                  name: str) -> None:
    assert (name, "Person") in [(found, cls) for found, cls, _ in entities(nlp, text)]


def test_a_description_of_a_thing_in_apposition_makes_no_person(nlp: Language) -> None:
    found = entities(nlp, "Acme Global, the maker of the drug, said so.")
    assert all(cls != "Person" for _, cls, _ in found)


def test_a_name_after_a_verb_of_publishing_is_no_place(nlp: Language) -> None:
    assert entities(nlp, "The findings were published in Marine Letters on Monday.") == []
    assert [cls for _, cls, _ in entities(nlp, "The talks were held in Marsk.")] == ["City"]


def test_a_place_name_after_an_unknown_given_name_is_a_family_name() -> None:
    """With the project's lexicon: "Holland" is the Netherlands, but not in "Nikki Holland";
    "North Wales" and "Wednesday, Greek" keep their places."""
    nlp = load_pipeline()
    def places(text: str) -> list[str]:
        doc = nlp(text)
        return [span.text for span in doc.spans["kg_entities"]
                if span.label_ in ("Country", "City", "Region")]

    assert places("Nikki Holland of the agency spoke.") == []
    assert places("They flew to Holland.") == ["Holland"]
    assert places("This Wednesday Greek officials spoke in North Wales.") == ["Greek", "Wales"]


def test_a_name_with_its_affiliation_before_a_verb_of_saying_is_a_person(nlp: Language) -> None:
    found = entities(nlp, "Dara Venn of the Marsk Water Board said the dam held.")
    assert ("Dara Venn", "Person") in [(text, cls) for text, cls, _ in found]


@pytest.mark.parametrize(("text", "name", "cls"), [
    ("The fishing boats sailed from Svalbard on Monday.", "Svalbard", "Region"),
    ("The leaders of Republika Srpska met in Banja Luka.", "Republika Srpska", "Region"),
    ("Trawlers crossed the Palk Strait on 9 May.", "Palk Strait", "Region"),
    ("Lorries waited high in the Andes for a week.", "Andes", "Region"),
    ("The rail line runs through Nakhchivan and the South Caucasus.", "South Caucasus", "Region"),
    ("Nepali Congress accused the government of silence.", "Nepali Congress", "Organization"),
    ("Bharatiya Janata Party leaders met the ANC in Pretoria.", "Bharatiya Janata Party",
     "Organization"),
    ("The Indian National Congress walked out of parliament.", "Indian National Congress",
     "Organization")])
def test_the_lexicon_knows_regions_and_parties_news_names(nlp: Language, text: str, name: str,
                                                          cls: str) -> None:
    """Islands, provinces, parts of the world; political parties."""
    assert (name, cls) in [(span, label) for span, label, _ in entities(nlp, text)]


def test_a_name_wrapped_onto_the_next_line_matches_without_growing_the_vocabulary():
    from spacy.matcher import PhraseMatcher

    from kg.nlp.gazetteer import Normaliser, matches_across_line_breaks

    nlp = spacy.blank("en")
    normalise = Normaliser(nlp)
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    matcher.add("council", [normalise(nlp.make_doc("Zorblat Tariff Council"))])
    doc = normalise(nlp.make_doc("Then the ZORBLAT\nTARIFF COUNCIL met."))
    known = len(nlp.vocab)
    assert [(start, end) for _, start, end in matches_across_line_breaks(matcher, doc)] == \
        [(2, 6)]
    assert len(nlp.vocab) == known  # the norms "zorblat", "tariff" ... made no new lexemes
