"""Agents and targets the rules find past the words next to a trigger: a pronoun subject of
a relative clause, prepositions of one verb, answered acts, participles of a statement.
Sentences written for these tests; full rule pipeline (entities from the lexicon)."""
from __future__ import annotations

import pytest

from events_support import labelled_events as events_of

from kg.extract import extract
from kg.model import Article


def test_no_one_is_agent_and_target_of_one_act(nlp):
    events = events_of(nlp, "Turkey sent two ships to the area. They called on Turkey to stop.")
    assert not [event for event in events if event[0] == "Appeal" and "Turkey" in event[1]]


def test_the_month_may_is_no_modal(nlp):
    events = events_of(nlp, "In May, Germany imposed sanctions on Serbia.")
    assert events == [("SanctionImposed", ["Germany"], ["Serbia"])]


def test_a_participle_after_another_noun_takes_no_subject_from_the_verb_before(nlp):
    events = events_of(nlp, "France met protesters urging Iran to reverse the ban.")
    assert not [event for event in events if event[0] == "Appeal" and event[1]]


def test_rejecting_a_demand_of_several_targets_all_who_made_it(nlp):
    events = events_of(nlp, "Britain and France issued a statement on Monday demanding that "
                            "Iran halt enrichment. Iran rejected their demand on Tuesday.")
    assert ("Rejection", ["Iran"], ["France", "United Kingdom"]) in \
        [(cls, agents, sorted(targets)) for cls, agents, targets in events]


def test_sanctions_relief_without_an_agent_takes_no_target(nlp):
    events = events_of(nlp, "Germany imposed sanctions on Serbia in 2021. Talk of sanctions "
                            "relief grew.")
    assert [cls for cls, _, _ in events] == ["SanctionImposed"]


def test_a_state_in_apposition_to_a_target_describes_it_and_is_no_target(nlp):
    events = events_of(nlp, "Germany imposed sanctions on Ivan Petrov, Serbia's minister of "
                            "state for trade, accusing him of fraud.")
    assert ("SanctionImposed", ["Germany"], ["Ivan Petrov"]) in events
    assert ("Accusation", ["Germany"], ["Ivan Petrov"]) in events


def test_a_speech_is_given_by_the_subject_of_the_verb_before_in(nlp):
    events = events_of(nlp, "Ivan Petrov, Serbia's envoy to the agency, made the remarks in a "
                            "speech to the board.")
    assert events == [("Statement", ["Ivan Petrov"], [])]


def test_blaming_an_act_on_someone_targets_them(nlp):
    events = events_of(nlp, "Serbia blamed the attack on Kosovo.")
    assert events == [("Accusation", ["Serbia"], ["Kosovo"])]


def test_condemning_an_attack_on_someone_does_not_target_them(nlp):
    events = events_of(nlp, "Serbia condemned the attack on Kosovo.")
    assert events == [("Accusation", ["Serbia"], [])]


def test_imposing_a_law_is_no_sanction(nlp):
    assert events_of(nlp, "Germany imposed a new law on Monday.") == []


def test_a_sanction_word_before_impose_makes_it_a_sanction(nlp):
    events = events_of(nlp, "Germany dropped the measures it had imposed on Serbia.")
    assert events == [("SanctionImposed", ["Germany"], ["Serbia"])]


def test_a_written_statement_is_made_by_the_subject_of_the_verb_before_in(nlp):
    events = events_of(nlp, "Ivan Petrov outlined the measures in a written statement.")
    assert events == [("Statement", ["Ivan Petrov"], [])]


def test_a_speech_between_commas_is_given_by_the_name_before_them(nlp):
    events = events_of(nlp, "Ivan Petrov, in a speech to members on Monday, urged Serbia to "
                            "settle the dispute.")
    assert ("Statement", ["Ivan Petrov"], []) in events
    assert ("Appeal", ["Ivan Petrov"], ["Serbia"]) in events


def two_sided(text: str) -> str:
    """``text`` after a sentence that makes Kosovo and Serbia the article's two sides."""
    return "Kosovo and Serbia held talks in Brussels on Monday. " + text


@pytest.mark.parametrize("text", [
    "Germany appealed to both parties to show restraint.",
    "Germany urged the two neighbours to show restraint.",
    "Germany offered to mediate between the two governments.",
    "Germany urged the two delegations to show restraint.",
    "Germany appealed to both capitals to show restraint."])
def test_both_sides_after_a_preposition_or_an_infinitive_are_the_targets(nlp, text):
    found = [(cls, agents, sorted(targets)) for cls, agents, targets in
             events_of(nlp, two_sided(text)) if agents == ["Germany"]]
    assert found and found[0][2] == ["Kosovo", "Serbia"], found


def test_both_sides_of_a_later_clause_are_not_the_targets(nlp):
    found = [(cls, targets) for cls, agents, targets in events_of(nlp, two_sided(
        "Germany offered help because the two sides were tired.")) if agents == ["Germany"]]
    assert found == [("Offer", [])], found


def test_a_gerund_before_and_is_not_the_verb_whose_subject_goes_on(nlp):
    events = events_of(nlp, "Ivan Petrov accused Olaf Scholz of handing power to Germany and "
                            "demanded a vote.")
    assert ("Demand", ["Ivan Petrov"], []) in [(c, a, t) for c, a, t in events if c == "Demand"]


def test_an_of_phrase_in_the_object_of_an_infinitive_is_no_target(nlp):
    events = events_of(nlp, "Colombia threatened to halt sales of Colombian power to Ecuador.")
    assert events == [("Threat", ["Colombia"], ["Ecuador"])]


def test_them_after_a_third_partys_verb_are_the_two_sides(nlp):
    found = [(cls, agents, sorted(targets)) for cls, agents, targets in
             events_of(nlp, two_sided("Germany urged them to end the dispute."))
             if cls == "Appeal"]
    assert found == [("Appeal", ["Germany"], ["Kosovo", "Serbia"])]


# (what the rule says, text, one of its events)
ONE_EVENT_AMONG = [
    ("a_pronoun_before_a_past_tense_is_its_subject_not_a_noun_it_qualifies",
     "Germany has dropped some of the measures it imposed on Serbia in 2022.",
     ("SanctionImposed", ["Germany"], ["Serbia"])),
    ("a_participle_after_a_noun_still_has_no_subject_of_its_own",
     "The measures imposed on Serbia by Germany were dropped.",
     ("SanctionImposed", ["Germany"], ["Serbia"])),
    ("a_verb_after_comma_and_shares_the_subject_of_the_main_clause",
     "Serbia accused Kosovo of backing gangs that raided Serbian towns in May, and demanded "
     "that Kosovo disband them.",
     ("Demand", ["Serbia"], ["Kosovo"])),
    ("a_participle_after_a_statement_is_said_by_who_issued_it",
     "France and Germany issued a statement on Monday urging Iran to reverse the ban.",
     ("Appeal", ["France", "Germany"], ["Iran"])),
    ("sanctions_lifted_are_lifted_from_whom_they_were_imposed_on",
     "Germany imposed sanctions on Serbia in 2021. Germany lifted the sanctions on Monday.",
     ("SanctionLifted", ["Germany"], ["Serbia"])),
    ("a_verb_after_and_shares_a_subject_found_past_an_apposition",
     "Canada's trade minister, Mary Ng, rejected the complaint in a televised address and "
     "accused China of dumping steel.",
     ("Accusation", ["Mary Ng"], ["China"])),
    ("a_stated_intent_takes_its_target_after_a_preposition_of_its_class",
     "Ivan Petrov, Serbia's prime minister, said Serbia would coordinate its support with "
     "Germany.",
     ("Promise", ["Ivan Petrov"], ["Germany"])),
    ("an_object_pronoun_is_not_the_subject_of_its_verb",
     "Ivan Petrov spoke by telephone with Olaf Scholz and offered him help.",
     ("Offer", ["Ivan Petrov"], ["Olaf Scholz"])),
    ("rejecting_the_complaint_targets_who_complained",
     "China accused Canada of breaking trade rules in August. Canada rejected the complaint "
     "on Monday.",
     ("Rejection", ["Canada"], ["China"])),
]


@pytest.mark.parametrize("text, event", [row[1:] for row in ONE_EVENT_AMONG],
                         ids=[row[0] for row in ONE_EVENT_AMONG])
def test_one_event_among_the_events_of_a_text(nlp, text, event):
    assert event in events_of(nlp, text)


def test_a_city_visited_as_object_gives_its_country_as_target(nlp):
    events = events_of(nlp, "Syria is at war. Annalena Baerbock visited Damascus in January.")
    assert events == [("Visit", ["Annalena Baerbock"], ["Syria"])]


def test_a_trip_at_home_has_no_host_state(nlp):
    text = "US President Donald Trump visited Washington, D.C. on Monday."
    assert events_of(nlp, text) == [("Visit", ["Donald Trump"], [])]


def test_the_two_delegations_are_the_two_parties_named_before(nlp):
    events = events_of(nlp, "Talks between Serbia and Kosovo ended in Brussels, although the "
                            "two delegations agreed to meet again.")
    assert ("Promise", ["Serbia", "Kosovo"], []) in events


def test_a_titled_conjunct_after_a_direct_object_is_an_object_too(nlp):
    text = "Scholz urged President Emmanuel Macron and Prime Minister Michel Barnier to act."
    assert ("Appeal", ["Olaf Scholz"], ["Emmanuel Macron", "Michel Barnier"]) in \
        events_of(nlp, text)


def test_a_counterpart_in_apposition_shares_the_act_of_the_subject(nlp):
    text = "Olaf Scholz and his French counterpart, Emmanuel Macron, rejected the plan."
    assert ("Rejection", ["Olaf Scholz", "Emmanuel Macron"], []) in events_of(nlp, text)


def test_a_counterpart_named_in_apposition_after_a_preposition_is_the_one_met(nlp):
    text = ("Foreign Minister Arvid Holm spoke by telephone with his Swedish counterpart, "
            "Piet Maas, on Monday.")
    extraction = extract(nlp(text), Article.from_text(text))
    labels = {entity.local_id: entity.label for entity in extraction.entities}
    assert [sorted(labels[a] for a in event.actors) for event in extraction.events] == \
        [["Arvid Holm", "Piet Maas"]]


def test_a_protest_lodged_with_a_state_targets_it_and_its_rejection_the_protester(nlp):
    events = events_of(nlp, "Peru lodged a formal protest with Chile on Monday. Chile "
                            "rejected the protest on Tuesday.")
    assert ("Accusation", ["Peru"], ["Chile"]) in events
    assert ("Rejection", ["Chile"], ["Peru"]) in events


def test_a_rejected_request_from_a_body_named_after_an_article_targets_it(nlp):
    events = events_of(nlp, "Canada rejected a request from the European Union for quotas.")
    assert events == [("Rejection", ["Canada"], ["European Union"])]


def test_the_government_without_an_owner_is_the_state_the_article_is_about(nlp):
    text = ("Norway and Sweden held talks in Oslo on Monday. The opposition Labour party "
            "accused the government of hiding the costs and demanded that the transitional "
            "government publish the deal.")
    assert {("Accusation", ("Norway",)), ("Demand", ("Norway",))} <= \
        {(cls, tuple(targets)) for cls, agents, targets in events_of(nlp, text)}


def test_the_government_of_a_named_place_is_not_the_state_the_article_is_about(nlp):
    events = events_of(nlp, "Norway held talks with Sweden on Monday. Sweden accused the "
                            "government of Finland of hiding the costs.")
    assert ("Accusation", ["Sweden"], ["Norway"]) not in events



def test_the_three_countries_are_the_three_named_together_before(nlp):
    events = events_of(nlp, "Norway, Sweden and Finland issued a joint statement on Monday. "
                            "Iran accused the three countries of meddling.")
    assert ("Accusation", ["Iran"], ["Norway", "Sweden", "Finland"]) in events


def test_rejecting_a_demand_a_demonym_describes_targets_that_state(nlp):
    events = events_of(nlp, "Peru on Monday rejected a Chilean demand for new fishing quotas.")
    assert ("Rejection", ["Peru"], ["Chile"]) in events


def test_a_person_rejecting_a_state_s_demand_targets_whoever_of_it_made_the_demand(nlp):
    events = events_of(nlp, "Ivan Petrov, Russia's foreign minister, demanded on Monday that "
                            "Norway release the trawler. Sweden demanded an inquiry. Erna Berg, "
                            "Norway's foreign minister, rejected the Russian demand on Tuesday.")
    assert ("Rejection", ["Erna Berg"], ["Ivan Petrov"]) in events


def test_rejecting_the_criticism_targets_the_critic(nlp):
    events = events_of(nlp, "Norway criticised the nuclear programme on Monday. Iran rejected "
                            "the criticism on Tuesday.")
    assert ("Rejection", ["Iran"], ["Norway"]) in events


def test_a_passive_agent_past_a_description_between_commas_keeps_its_conjunct(nlp):
    events = events_of(nlp, "Ivan Petrov and Piet Maas met in Oslo last month. The meeting was "
                            "mediated by Anna Berg, the prime minister of Norway, and Tomas "
                            "Lind, an adviser to the king.")
    assert ("Mediation", ["Anna Berg", "Tomas Lind"], ["Ivan Petrov", "Piet Maas"]) in events


def test_two_posts_with_their_holders_between_commas_are_both_the_subject(nlp):
    events = events_of(nlp, "Norway's foreign minister, Anna Berg, and Sweden's trade minister, "
                            "Tomas Lind, discussed the tariffs by telephone on Monday and "
                            "agreed to meet again.")
    assert ("Promise", ["Anna Berg", "Tomas Lind"], []) in events


def test_a_relative_clause_after_a_counterpart_in_apposition_is_of_both(nlp):
    text = ("The accord was signed by Norway's foreign minister, Anna Berg, and her Swedish "
            "counterpart, Tomas Lind, who met for three hours in Oslo that day.")
    extraction = extract(nlp(text), Article.from_text(text))
    labels = {entity.local_id: entity.label for entity in extraction.entities}
    assert ["Anna Berg", "Tomas Lind"] in \
        [sorted(labels[a] for a in event.actors) for event in extraction.events
         if event.cls == "Meeting"]


def test_a_statement_issued_in_an_opening_phrase_is_the_main_clause_subjects(nlp):
    events = events_of(nlp, "In a statement issued after the meeting, the State Department "
                            "said Ivan Petrov had demanded \"quick changes\" to the deal.")
    assert ("Statement", ["United States Department of State"], []) in events


def test_the_two_ministers_named_together_further_back_are_the_pair_met(nlp):
    text = ("Norway's foreign minister, Anna Berg, and her Swedish counterpart, Tomas Lind, "
            "signed the accord in Oslo. The accord covers fishing. It runs for ten years. Boats "
            "must carry trackers. Ports will share data. Fines will rise. Inspectors will be "
            "hired. The two ministers last met in Bergen in May.")
    extraction = extract(nlp(text), Article.from_text(text))
    labels = {entity.local_id: entity.label for entity in extraction.entities}
    assert [sorted(labels[a] for a in event.actors) for event in extraction.events
            if event.cls == "Meeting"] == [["Anna Berg", "Tomas Lind"]]


def test_an_unnamed_source_the_quotes_name_is_the_agent_of_its_verb(nlp):
    events = events_of(nlp, "Norway and Sweden met in Oslo on Monday. In Brussels, a "
                            "spokeswoman for the European Commission urged both governments "
                            "to settle the matter \"within the rules\".")
    assert ("Appeal", ["spokeswoman for the European Commission"], ["Norway", "Sweden"]) \
        in events


def test_a_persons_government_is_the_state_they_lead(nlp):
    events = events_of(nlp, "Norwegian Prime Minister Anna Berg met Swedish Prime Minister "
                            "Ivan Petrov in Oslo. Petrov later accused Berg's government of "
                            "hiding the costs.")
    assert ("Accusation", ["Ivan Petrov"], ["Norway"]) in events


def test_an_ordinal_adverb_does_not_part_a_verb_from_its_subject(nlp):
    events = events_of(nlp, "The European Union met in Brussels on Monday. The bloc first "
                            "imposed sanctions on Belarus in 2020.")
    assert ("SanctionImposed", ["European Union"], ["Belarus"]) in events



@pytest.mark.parametrize(("text", "expected"), [
    # a verb before its object parts it from the preposition of a phrase before the verb
    ("Ivan Petrov spoke on Tuesday. In the same speech he accused Washington of siding with "
     "Norway.", ("Accusation", ["Ivan Petrov"], ["United States"])),
    # a city asked to act in a "that" clause stands for its country
    ("A Chinese spokesman, Li Wei, said Canada had raised tariffs on steel. Li demanded that "
     "Ottawa withdraw the measure.", ("Demand", ["Li Wei"], ["Canada"])),
])
def test_the_state_an_object_or_clause_subject_stands_for(nlp, text, expected):
    assert expected in events_of(nlp, text)
