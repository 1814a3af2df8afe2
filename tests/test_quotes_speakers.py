"""Quote attribution on short texts written for these tests (entities set by hand)."""
from __future__ import annotations

from events_support import KOREA, blank_pipeline, entities_in, extract_text
from kg.extract import extract_with_entities
from kg.model import Article, RoleFact
from quotes_support import quoted_speakers

PEOPLE = {**KOREA, "Jane Roe": ("roe", "Person"), "Joe Doe": ("doe", "Person"),
          "Acme Institute": ("acme", "Organization")}


def speakers(text: str) -> list[tuple[str | None, str]]:
    return quoted_speakers(text, PEOPLE)


def test_speaker_after_the_quote():
    assert speakers("“We walked away,” a tired Trump told reporters.") == [
        ("Trump", "We walked away")]


def test_said_before_the_name():
    assert speakers("“It is no disaster,” said Jane Roe of the Acme Institute.") == [
        ("Jane Roe", "It is no disaster")]


def test_pronoun_speaker_is_the_last_speaker_not_the_last_name():
    text = ("“Talks go on,” said Jane Roe.\n\nTrump could still walk out, she added. "
            "“He likes to look tough.”")
    assert [s for s, _ in speakers(text)] == ["Jane Roe", "Jane Roe"]


def test_a_quote_continuing_the_paragraph_keeps_its_speaker():
    text = "“We had to leave,” Trump said. “Maybe next time it works.”"
    assert [s for s, _ in speakers(text)] == ["Trump", "Trump"]


def test_short_fragment_goes_to_the_reporting_subject():
    text = "KCNA reported that the leaders had a “frank exchange” on Thursday."
    assert speakers(text) == [("KCNA", "frank exchange")]


def test_fragment_before_the_reporting_verb():
    text = "The talks made “real progress,” with both sides upbeat, Moon said in Seoul."
    assert speakers(text) == [("Moon", "real progress")]


def test_unnamed_source_becomes_a_person_with_affiliation():
    text = ("“It was nearly everything,” a senior US official told reporters.\n\n"
            "Trump had pressed Kim hard, the official said. “There is time.”")
    extraction = extract_text(text, PEOPLE)
    speaker_ids = {q.speaker for q in extraction.quotes}
    assert len(speaker_ids) == 1
    source = extraction.entity(speaker_ids.pop())
    assert source.cls == "Person" and source.label == "senior US official"
    assert source.affiliation == "us"
    assert len(extraction.quotes) == 2


def test_they_wrote_gives_one_quote_per_author():
    text = ("Jane Roe and Joe Doe of the Acme Institute said the deal was weak.\n\n"
            "“This is one more chapter,” they wrote.")
    assert sorted(s for s, _ in speakers(text)) == ["Jane Roe", "Joe Doe"]


def test_quote_without_any_speaker_is_kept_without_one():
    extraction = extract_text("“Nothing happened.”", PEOPLE)
    assert [(q.speaker, q.text) for q in extraction.quotes] == [(None, "Nothing happened.")]


def test_he_said_after_a_reported_speaker_of_the_paragraph():
    text = ("“We leave now,” Trump said.\n\nJoe Doe said the plan was sound. "
            "“It will hold,” he said.")
    assert [s for s, _ in speakers(text)] == ["Trump", "Joe Doe"]


def test_quoted_as_saying():
    text = "Kim met Trump. “We are ready,” Kim was quoted as saying."
    assert speakers(text) == [("Kim", "We are ready")]


def test_the_title_names_the_person_who_holds_it():
    text = "Trump met Kim on Monday. “We walked away,” the president said."
    entities = entities_in(text, PEOPLE)
    next(e for e in entities if e.local_id == "trump").roles.append(RoleFact("President"))
    extraction = extract_with_entities(blank_pipeline()(text), Article.from_text(text), entities)
    assert [q.speaker for q in extraction.quotes] == ["trump"]


def test_the_title_names_its_holder_past_an_auxiliary():
    """"the president had told ...": "had" is no subject; the title is."""
    text = ("Trump met Kim on Monday. A statement said the president had told aides that "
            "the talks would go on “as planned”.")
    entities = entities_in(text, PEOPLE)
    next(e for e in entities if e.local_id == "trump").roles.append(RoleFact("President"))
    extraction = extract_with_entities(blank_pipeline()(text), Article.from_text(text), entities)
    assert [q.speaker for q in extraction.quotes] == ["trump"]


def test_according_to_names_the_source():
    assert speakers("“The deal is off,” according to Jane Roe of the Acme Institute.") == [
        ("Jane Roe", "The deal is off")]


def test_according_to_a_description():
    assert speakers("According to a senior US official, the talks were “in a bad way”.") == [
        ("senior US official", "in a bad way")]


def test_a_phrase_between_commas_before_the_verb():
    text = "Jane Roe, the head of the Acme Institute, said: “We expected more.”"
    assert speakers(text) == [("Jane Roe", "We expected more.")]


def test_a_relative_clause_before_the_verb():
    assert speakers("Joe Doe, who sat in on the talks, said “nobody blinked”.") == [
        ("Joe Doe", "nobody blinked")]


def test_a_name_between_commas_is_the_speaker():
    text = "The head of the Acme Institute, Jane Roe, said: “We expected more.”"
    assert speakers(text) == [("Jane Roe", "We expected more.")]


def test_quote_verbs_beyond_saying():
    assert speakers("Jane Roe tweeted: “See you in Hanoi.”") == [
        ("Jane Roe", "See you in Hanoi.")]


def test_a_paragraph_of_only_a_quote_goes_on_with_the_last_speaker():
    text = ("Jane Roe said the plan had failed. “Nobody saw it coming,” she said.\n\n"
            "“Trump will try again, and Kim will listen.”")
    assert [s for s, _ in speakers(text)] == ["Jane Roe", "Jane Roe"]


def test_a_paragraph_before_without_a_speaker_gives_none():
    text = "Trump met Kim in Hanoi.\n\n“Nobody saw it coming.”"
    assert [s for s, _ in speakers(text)] == [None]


def test_she_is_not_a_man_the_text_calls_he():
    text = ("Joe Doe said his team was ready. “We can start,” he said.\n\n"
            "Jane Roe welcomed the plan. “It can work,” she said.")
    assert [s for s, _ in speakers(text)][0] == "Joe Doe"
    assert speakers(text)[1][0] != "Joe Doe"


def test_nouns_and_modifiers_are_not_verbs_of_saying():
    text = ("Jane Roe said the plan had failed.\n\n"
            "“The report on the state-owned firms left many questions open.”")
    assert [s for s, _ in speakers(text)] == ["Jane Roe"]


def test_a_description_standing_alone_speaks():
    text = "The mother said “we only want them home”."
    assert speakers(text) == [("mother", "we only want them home")]


def test_a_capitalised_post_is_no_description():
    text = "“It is unlawful,” said State Attorney General Jane Roe."
    assert speakers(text) == [("Jane Roe", "It is unlawful")]


def test_a_term_after_a_naming_verb_is_the_subjects():
    assert speakers("Jane Roe called the offer “a bad joke” on Monday.") == [
        ("Jane Roe", "a bad joke")]


def test_a_passive_naming_verb_gives_no_speaker():
    assert speakers("Joe Doe was called “a dreamer” by his rivals.") == [(None, "a dreamer")]


def test_a_name_given_right_after_the_verb_is_nobodys_term():
    assert speakers("The Acme Institute runs a course called “Open Doors”.") == [
        (None, "Open Doors")]


def test_a_quote_inside_a_paragraph_of_its_own_is_not_the_last_speakers():
    text = ("Jane Roe said the plan had failed.\n\n"
            "Since then the talks have been “on ice” for weeks.")
    assert [s for s, _ in speakers(text)] == [None]


def test_a_quote_after_a_colon_is_the_opening_subjects():
    text = "Jane Roe spoke to the press after the vote: “We keep going.”"
    assert speakers(text) == [("Jane Roe", "We keep going.")]


def test_a_colon_after_a_phrase_with_a_preposition_names_nobody():
    text = "In Hanoi the mood was grim: “Nobody smiled.”"
    assert speakers(text) == [(None, "Nobody smiled.")]


def test_a_longer_term_right_after_a_naming_verb_goes_to_its_subject():
    """A scare quote is at most three words, unless a naming verb and its object come right
    before it: "Jane Roe called Joe Doe 'a ...'" is hers; a longer quote further on is not."""
    assert speakers("Jane Roe called the plan “a small step on a very long road”.") == [
        ("Jane Roe", "a small step on a very long road")]
    assert speakers("Jane Roe called the plan, which Joe Doe wrote in the spring of that "
                    "year, “a small step on a very long road”.")[0][0] != "Jane Roe"


def test_a_pronoun_after_a_sentence_opening_with_a_person_is_that_person():
    assert speakers("Jane Roe arrived in the capital. “We came to listen,” she said.") == [
        ("Jane Roe", "We came to listen")]
    # a sentence that opens with something else gives no speaker to "she" (unless a given
    # name shows the gender: see test_quotes_pronouns.py)
    assert speakers("The talks with Chris Green ended. “We came to listen,” she said.")[0][0] \
        is None


def test_a_quote_that_is_a_sentence_takes_the_verb_opening_the_next():
    assert speakers("“Is anyone still listening?” Jane Roe asked the room.") == [
        ("Jane Roe", "Is anyone still listening?")]


def test_a_quote_inside_a_sentence_does_not_take_the_next_sentences_verb():
    text = "The talks were “on ice.” Jane Roe told the press the mood was grim."
    assert [s for s, _ in speakers(text)] == [None]


def test_a_participle_of_saying_speaks_for_the_subject_of_its_clause():
    assert speakers("Jane Roe turned the offer down, saying it was “far too little”.") == [
        ("Jane Roe", "far too little")]
    assert speakers("President Trump thanked Jane Roe, saying “you did well”.") == [
        ("Trump", "you did well")]
    assert speakers("On Monday, Kim left the room, stating “we are done”.") == [
        ("Kim", "we are done")]


def test_a_participle_after_a_clause_without_a_named_subject_gives_no_speaker():
    text = "Plans drawn up by Jane Roe were dropped, stating “nothing at all”."
    assert [s for s, _ in speakers(text)] == [None]


def test_a_place_does_not_speak():
    names = {**PEOPLE, "Springfield": ("springfield", "City")}
    extraction = extract_text("“We stay,” said Joe Doe of Springfield.\n\n"
                              "Springfield said “nothing is decided”.", names)
    assert [q.speaker for q in extraction.quotes] == ["doe", None]


def test_a_pronoun_prefers_a_person_opening_a_sentence_of_its_paragraph_to_an_old_speaker():
    text = ("“Nothing is agreed,” said Joe Doe.\n\n"
            "Trump was tired after the flight. The delegation rested. “We came to talk,” he said.")
    assert [s for s, _ in speakers(text)] == ["Joe Doe", "Trump"]


def test_an_unnamed_source_takes_the_body_named_after_it_as_affiliation():
    text = ("A negotiator from the Acme Institute said “we are close”.\n\n"
            "“Not yet,” said an aide at the Acme Institute. Later the negotiator said “soon”.")
    extraction = extract_text(text, PEOPLE)
    sources = [extraction.entity(q.speaker) for q in extraction.quotes]
    assert [(s.label, s.affiliation) for s in sources] == [
        ("negotiator from the Acme Institute", "acme"), ("aide", "acme"),
        ("negotiator from the Acme Institute", "acme")]


def test_a_clause_before_the_body_is_no_description():
    assert speakers("Trump met experts from the Acme Institute and said “we agree”.") == [
        ("Trump", "we agree")]
    assert speakers("The Chief Science Officer of the Acme Institute, Jane Roe, said “yes”.") == [
        ("Jane Roe", "yes")]


def test_a_description_between_the_verb_and_the_name():
    assert speakers("“Not yet,” said former chief negotiator Jane Roe.") == [
        ("Jane Roe", "Not yet")]
    assert speakers("“Not yet,” wrote the owner of the cafe next to Jane Roe.")[0][0] is None


def test_the_post_alone_is_the_person_described_with_it_before():
    text = ("Jane Roe, a spokeswoman for the Acme Institute, took questions. "
            "“We wait,” the spokeswoman said.\n\nTransport adviser Joe Doe agreed. "
            "“It is late,” the security adviser said.")
    extraction = extract_text(text, PEOPLE)
    labels = [extraction.entity(q.speaker).label for q in extraction.quotes]
    assert labels == ["Jane Roe", "security adviser"]


def test_more_verbs_give_a_quote_its_speaker():
    assert speakers("Jane Roe recalled: “We had no map.”") == [("Jane Roe", "We had no map.")]
    assert speakers("“Bring a coat,” quipped Joe Doe.") == [("Joe Doe", "Bring a coat")]


def test_a_relative_clause_holding_an_apposition_does_not_take_the_verb():
    text = ("Jane Roe, who met Trump and the envoy of the Acme Institute, Joe Doe, told the "
            "press the gap had narrowed. “We are closer,” she said.")
    assert speakers(text) == [("Jane Roe", "We are closer")]


def test_the_body_a_definite_noun_names():
    names = {**PEOPLE, "Foreign Ministry": ("ministry", "GovernmentBody")}
    extraction = extract_text("Trump met the Foreign Ministry.\n\n“Nothing was signed,” the "
                              "ministry said.", names)
    assert [q.speaker for q in extraction.quotes] == ["ministry"]


def test_a_quote_after_a_verb_taking_it_as_complement_is_the_subjects():
    assert speakers("Jane Roe urged the board to “give the talks a chance”.") == [
        ("Jane Roe", "give the talks a chance")]
    # but such a verb after a quote is another clause, not the quote's attribution
    text = "Joe Doe called the plan “a dead end” and accused Trump of stalling."
    assert speakers(text) == [("Joe Doe", "a dead end")]


def test_a_quote_broken_by_its_attribution_is_one_quote():
    text = "“Those who left,” Jane Roe said, “will not come back.” “Never,” she added."
    assert speakers(text) == [("Jane Roe", "Those who left will not come back."),
                              ("Jane Roe", "Never")]
    text = "“We wait,” Jane Roe said, while praising her “close ties” with Kim."
    assert speakers(text) == [("Jane Roe", "We wait"), ("Jane Roe", "close ties")]


def test_an_adverb_between_a_pronoun_and_the_verb():
    text = ("“We wait,” said Joe Doe.\n\nJane Roe met the board on Monday. "
            "“Nothing moved,” she later said.")
    assert [s for s, _ in speakers(text)] == ["Joe Doe", "Jane Roe"]


def test_a_passive_verb_of_saying_speaks_for_its_by_agent_only():
    assert speakers("Joe Doe was described by the Acme Institute as “a safe pair of "
                    "hands”.") == [("Acme Institute", "a safe pair of hands")]
    assert speakers("Joe Doe was told “not now”.") == [(None, "not now")]


def test_a_parenthesis_before_the_verb():
    assert speakers("Jane Roe of the Acme Institute (AI) said “we wait”.") == [
        ("Jane Roe", "we wait")]
    names = {**PEOPLE, "RMP": ("rmp", "GovernmentBody"), "Royal": ("royal", "Country")}
    extraction = extract_text("The Royal Mounted Police (RMP) said “we wait”.", names)
    assert [q.speaker for q in extraction.quotes] == ["rmp"]


def test_according_to_a_document_names_its_issuer():
    assert speakers("According to a statement from the Acme Institute, the talks were "
                    "“frank”.") == [("Acme Institute", "frank")]
    assert speakers("The Acme Institute met Trump. According to its press release, the "
                    "talks were “frank”.") == [("Acme Institute", "frank")]
    # a document after a verb is no attribution
    text = "Jane Roe asked for the release of the Acme Institute's files. “Soon,” she said."
    assert speakers(text) == [("Jane Roe", "Soon")]


def test_a_word_of_number_is_not_part_of_an_unnamed_source():
    text = "“The clock is ticking,” one senior US official said. “Soon,” another official said."
    extraction = extract_text(text, PEOPLE)
    sources = [extraction.entity(q.speaker) for q in extraction.quotes]
    assert [s.label for s in sources] == ["senior US official", "official"]
    assert sources[0].local_id != sources[1].local_id


def test_a_possessive_description_after_the_verb_is_not_the_possessors():
    assert speakers("“Heartbroken,” writes Trump’s longtime friend Joe Doe.") == [
        ("Joe Doe", "Heartbroken")]
    extraction = extract_text("“No,” said the Acme Institute’s chief negotiator.", PEOPLE)
    source = extraction.entity(extraction.quotes[0].speaker)
    assert (source.label, source.affiliation) == ("chief negotiator", "acme")


def test_a_sentence_opening_with_a_description_before_the_name_opens_with_the_person():
    text = ("“We wait,” said Joe Doe.\n\n"
            "One of the envoys, Jane Roe, arrived late. “We came to listen,” she said.")
    assert [s for s, _ in speakers(text)] == ["Joe Doe", "Jane Roe"]


def test_a_document_as_subject_speaks_for_its_issuer():
    assert speakers("“We wait,” the Acme Institute’s statement read.") == [
        ("Acme Institute", "We wait")]
    assert speakers("The Acme Institute met Trump. “We wait,” its statement said.") == [
        ("Acme Institute", "We wait")]


def test_a_body_named_between_commas_after_its_description_speaks():
    """"X's party, the Unity Movement, accused ...": the body, not the person owning it."""
    names = {**PEOPLE, "Unity Movement": ("unity", "Organization")}
    text = "Jane Roe's party, the Unity Movement, accused the council of “stealing the vote”."
    assert quoted_speakers(text, names) == [("Unity Movement", "stealing the vote")]
