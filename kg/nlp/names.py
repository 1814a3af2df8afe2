"""The ``kg_names`` component: names the gazetteer does not know, from their shape and context.

Without a trained pipeline it reads runs of capitalised words (joined by "of", "for", hyphens
and line breaks) and gives each a class and a confidence from its context, all word lists in
ontology/lexicon/names.yaml:

| cue | class |
| --- | --- |
| a title before it ("Former US ambassador to South Korea Kathleen Stephens") | Person |
| a common given name first, "Mr", "analyst" before, "said" beside it | Person |
| an organisation head last ("International Crisis Group", "Ministry of ...") | Organization, GovernmentBody |
| a lower-case organisation head after it ("the 38 North project"), a noun for one before it ("the broadcaster Radio Kestrel") | Organization |
| a word for a party's members after it ("Fidesz lawmakers"), a party word before a post | Organization |
| a facility word after it ("the Yongbyon complex") | Facility |
| a place head last ("Korean Peninsula"), a division word ("the Essequibo region") | Region |
| a town word and "of" before it ("the town of Okuma") | City |
| a place preposition before it ("in Ulsan"), unless it is a common word or one of ``not_places`` ("in Nature", "in Islam") with no known place after its comma | Place |
| a post in apposition after it ("X, Sweden's trade minister,"), or a holder described before it ("Russia's human rights commissioner, X,") | Person |
| a body described in apposition after it ("X, the EU border agency,") | Organization, GovernmentBody |
| the word of a person's name found elsewhere in the article ("Green said"), also after a place preposition ("at Iyambo's funeral") | Person |

A capitalised word that opens a sentence, follows a quote mark or stands in a headline is not
a name by itself when it is a common English word ("Despite", "Analysts"); words of the
``not_names`` list (weekdays, months, "According") never are. A capitalised run with no cue
is left out: precision first.

With a trained pipeline, its ``doc.ents`` are used instead of the shape rules, their labels
mapped to ekg classes (PERSON -> Person, ORG -> Organization, FAC -> Facility, LOC -> Region,
GPE -> the lexicon's class or Place, NORP -> the state of the demonym), and the gazetteer's
spans win where both found a name.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("sentencizer"); _ = nlp.add_pipe("kg_names")
>>> doc = nlp("Despite that, analyst Chris Green of the Crisis Group spoke on Thursday.")
>>> [(span.text, span.label_) for span in doc.spans["kg_entities"]]
[('Chris Green', 'Person'), ('Crisis Group', 'Organization')]
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.attrs import DEP, ENT_IOB
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.lexicon import Lexicon, NameCues, load_lexicon, name_cues
from kg.nlp.events import read_lexicon_yaml, word_forms
from kg.nlp.gazetteer import is_month_date
from kg.nlp.normalise import normalise_term
from kg.nlp.spans import ENTITIES_KEY, entity_span, in_place_context
from kg.nlp.tokens import annotated, sentences, token_table
from kg.nlp.words import common_words

POSSESSIVES = frozenset({"'s", "’s"})
OPENERS = frozenset({"“", '"', "‘", "'", "«", "(", "[", "–", "—", ":", "-"})
SENTENCE_END = frozenset({".", "?", "!", "”", '"', "’", ":"})
AFFILIATION_PREPS = frozenset({"of", "from", "at"})
AFFILIATION_WORDS = frozenset({"the", "'s", "’s", "(", ")", "of", "for", "and", "-"})
AFFILIATION_REACH = 12  # tokens of "of the UK's National Crime Agency (NCA)"
MAX_CONNECTORS = 2  # joining words in a row inside one name ("van der", "de la", "of the")
APPOSITION_CLOSERS = frozenset({",", ".", ";", "("})  # what may follow a name in apposition
BODY_DESCRIPTION_WORDS = 4  # tokens of "the EU border agency" after "Frontex, the"
RELATIVE_WORDS = frozenset({"that", "which", "whose"})
APPOSITION_WORDS = 3  # words after "Name, a" where an occupation may stand ("a senior analyst")
HOLDER_DESCRIPTION_WORDS = 4  # "Russia's parliamentary human rights commissioner, X"
OWNER_DETERMINERS = frozenset({"his", "her", "its", "their"})  # "his Peruvian counterpart, X"
OWNED_POST_WORDS = 2  # lower-case words between an owner and a post: "its new deputy head"
POST_OBJECT_PREPS = frozenset({"to", "for", "in", "at", "on", "of"})  # "envoy in Vienna"
POST_OBJECT_REACH = 12  # tokens back from a comma to the preposition after a post ("the
# president of the commission of the Economic Community of Central African States, X")
MODEL_LABELS = {"PERSON": "Person", "ORG": "Organization", "FAC": "Facility", "LOC": "Region"}
MODEL_CONFIDENCE = 0.8
SHORT_NAME_CONFIDENCE = 0.7  # an organisation's first word alone ("Coralstar" of "Coralstar Shipping")
TITLED_CONFIDENCE = 0.9  # a person named after a title ("Mr Olund")
ABBREVIATION_LETTERS = 3  # an abbreviated title: "Sen", "Gen"
ARTICLES = frozenset({"a", "an", "the"})
NAMED_AGAIN_CONFIDENCE = 0.7  # a name written again with no cue of its own
OTHER_ORGANISATION_CONFIDENCE = 0.8  # "the Congress party": a body's name before "party"
BODY_WORDS_AFTER_DEMONYM = 3  # "Royal Elbonian Air Defence Force" has "Air Defence Force"
COMPANY_DESCRIPTION_TOKENS = 6  # "a Hong Kong - owned container company"
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "upper", "lower"})
BODY_JOINS = frozenset({"Organization", "GovernmentBody", "City", "Region"})
JOINS = {"Organization": BODY_JOINS,  # see joined_to_known
         "GovernmentBody": BODY_JOINS | {"Country"}, "Facility": BODY_JOINS | {"Country"}}
JOINED_KINDS = frozenset({"name", "alias"})
DEMONYM_JOINS = frozenset({"Organization", "GovernmentBody"})  # see opens_with_demonym
PLACE_NAME_CLASSES = frozenset({"City", "Region"})  # see places_closing_bodies
CONTAINING_PLACES = frozenset({"Country", "Region", "City"})  # "Cork, Ireland", "Queens, NY"
TAKEN, TAKEN_PLACE = b"\x01", b"\x02"  # a token the gazetteer took; one of a place holding others
PLACE_GUESSES = frozenset({"City", "Place"})  # what a place preposition alone makes a name
PLACE_GUESS_CONFIDENCE = 0.6  # a name a place preposition alone made a place ("at Pituffik")
PLACES_IN_NAMES = frozenset({"City", "Country"})  # see places_opening_names


@cache
def speech_verbs() -> frozenset[str]:
    """Every form of the verbs of saying of ontology/lexicon/discourse.yaml."""
    return frozenset(form for verb in read_lexicon_yaml("discourse.yaml")["speech_verbs"]
                     for form in word_forms(verb))


@cache
def listed_words(key: str) -> frozenset[str]:
    """A word list of names.yaml, normalised: ``name_ranks`` (ranks that are part of a
    person's name: "Pope Francis"), ``division_words`` (a part of a country written beside
    its name: "Khost province"), ``apposition_posts`` (a post in apposition after a name),
    ``not_places`` (no place after a place preposition), ``compound_suffixes`` (joined by a
    hyphen after a name they make it a modifier: "Serb-majority"), ``settlement_words``
    (a town before "of" and a name: "the port of Soma"), ``owned_government_heads`` (an
    organisation's head that a state owning the name makes a government body's: "Russia's
    Federal Agency for Fishery"), ``party_words`` (a
    party's member written before a name), ``company_heads`` (the capitalised last word of
    a company's name: "Coralstar Shipping"), ``organisation_nouns_before`` (a noun for an
    organisation right before its name: "the broadcaster Radio Kestrel"),
    ``organisation_openers`` (a first word that makes a name an organisation's: "Radio
    Mitre")."""
    return frozenset(normalise_term(word) for word in read_lexicon_yaml("names.yaml")[key])


@cache
def feature_heads() -> dict[str, str]:
    """The class a lower-case word for a natural or border feature gives the unknown name
    before it, with which it makes one name (names.yaml ``feature_heads``: "the Litani
    river" is a Place, "the Galwan valley" a Region)."""
    return {normalise_term(word): cls
            for word, cls in read_lexicon_yaml("names.yaml")["feature_heads"].items()}


def without_feature_word(name: str) -> str | None:
    """A feature's name without the lower-case feature word that ends it, by which the
    feature also goes ("Sarstoon" of "Sarstoon river"), else None.

    >>> without_feature_word("Sarstoon river"), without_feature_word("Sarstoon River")
    ('Sarstoon', None)
    """
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].islower() \
        and normalise_term(words[-1]) in feature_heads() else None


@cache
def month_abbreviations() -> frozenset[str]:
    """The abbreviated month names of time.yaml ``month_abbreviations`` ("mar", "jan")."""
    return frozenset(read_lexicon_yaml("time.yaml")["month_abbreviations"])


@cache
def count_words() -> frozenset[str]:
    """The words of number of time.yaml ``counts`` ("three", "ten")."""
    return frozenset(read_lexicon_yaml("time.yaml")["counts"])


@cache
def family_name_prefixes() -> dict[str, tuple[str, ...]]:
    """The prefixes of names.yaml ``family_name_prefixes`` ("Mc", "De"), as written, grouped
    by their first letter (a word is only tried against the prefixes it can start with)."""
    grouped: dict[str, list[str]] = {}
    for prefix in read_lexicon_yaml("names.yaml")["family_name_prefixes"]:
        grouped.setdefault(prefix[:1], []).append(prefix)
    return {letter: tuple(prefixes) for letter, prefixes in grouped.items()}


def is_prefixed_name(text: str) -> bool:
    """True for a family name written with a prefix and a second capital ("McArthur",
    "DeVita", "LaToya"); not a brand such as "GitHub" or "YouTube".

    >>> is_prefixed_name("McArthur"), is_prefixed_name("GitHub"), is_prefixed_name("Mcdonald")
    (True, False, False)
    """
    return any(text.startswith(prefix) and text[len(prefix):len(prefix) + 1].isupper()
               and text[len(prefix) + 1:].isalpha() and not text[len(prefix) + 1:].isupper()
               for prefix in family_name_prefixes().get(text[:1], ()))


@dataclass
class Found:
    """A name the shape rules found: token range, class, confidence."""

    start: int
    end: int
    cls: str
    confidence: float


class DocShape:
    """Per-token facts the rules read: capital context, norms, taken tokens.

    Token attributes come from the Doc's TokenTable (kg/nlp/tokens.py), read once.
    """

    def __init__(self, doc: Doc, taken: bytearray, cues: NameCues) -> None:
        self.doc = doc
        self.tokens = token_table(doc)
        self.taken = taken
        self.cues = cues
        self.parsed = annotated(doc, DEP)
        norm_of = {text: normalise_term(text) for text in set(self.tokens.text)}
        self.norms = [norm_of[text] for text in self.tokens.text]
        self.sentence_starts = {sentence.start for sentence in sentences(doc)}
        self.name_words = self.find_name_words()
        self.seen_capitalised = {self.norms[i] for i, title in enumerate(self.tokens.is_title)
                                 if title and not self.capital_context(i)}

    def capital_context(self, i: int) -> bool:
        """True for a word whose capital says nothing: it starts a sentence, or the nearest
        token before it that is not white space is an opening mark (or there is none)."""
        tokens = self.tokens
        if tokens.is_space[i]:
            return False
        j = i - 1
        while j >= 0 and tokens.is_space[j]:
            j -= 1
        return i in self.sentence_starts or j < 0 or tokens.text[j] in OPENERS

    def find_name_words(self) -> list[bool]:
        """Per token: a capitalised word (or a number before one) not taken by the gazetteer;
        a family name with a prefix counts ("McArthur", "DeVita")."""
        tokens = self.tokens
        title_next = tokens.is_title[1:] + [False]
        return [not taken and (title or upper and alpha and length > 1 or digit
                               or alpha and not lower and is_prefixed_name(text))
                and (not digit or before_title)
                for taken, title, upper, lower, alpha, digit, length, before_title, text in zip(
                    self.taken, tokens.is_title, tokens.is_upper, tokens.is_lower,
                    tokens.is_alpha, tokens.is_digit, tokens.length, title_next, tokens.text)]

    def runs(self) -> Iterator[tuple[int, int]]:
        """Maximal runs of name words, joined by connectors, hyphens and line breaks."""
        tokens, words, size = self.tokens, self.name_words, len(self.name_words)
        end = 0
        for start in [i for i, word in enumerate(words) if word]:
            if start < end:
                continue
            end = start + 1
            while end < size:
                joined = self.connectors_at(end)
                if words[end]:
                    end += 1
                elif joined and end + joined < size and words[end + joined]:
                    end += joined + 1
                elif self.particle_hyphen(end):
                    end += 3
                elif tokens.text[end] == "-" and not tokens.spaced[end - 1] \
                        and end + 1 < size and tokens.is_alpha[end + 1] \
                        and not self.taken[end + 1] \
                        and self.norms[end + 1] not in self.cues.place_suffixes \
                        and self.norms[end + 1] not in listed_words("compound_suffixes"):
                    end += 2  # "Cho Tae-yul", "Komsomolsk-on-Amur"; not "Serb-majority"
                else:
                    break
            yield start, end

    def particle_hyphen(self, i: int) -> bool:
        """True for a particle joined by a hyphen to the name word after it, at token ``i``
        (the "al-" of "Jamal al-Harbi", the "bin-" of "bin-Salem")."""
        tokens = self.tokens
        return i + 2 < len(tokens) and self.joins(i) and not tokens.spaced[i] \
            and tokens.text[i + 1] == "-" and not tokens.spaced[i + 1] and self.name_words[i + 2]

    def connectors_at(self, i: int) -> int:
        """The number of joining words in a row from token ``i`` ("van der" of "Ibrahim van der
        Berg", "of the" of "Office of the President"), at most MAX_CONNECTORS."""
        count = 0
        while count < MAX_CONNECTORS and i + count < len(self.norms) and self.joins(i + count):
            count += 1
        return count

    def joins(self, i: int) -> bool:
        """True for a word that may join two parts of one name ("of", a line break)."""
        tokens = self.tokens
        return not self.taken[i] and (tokens.is_space[i] and tokens.text[i].count("\n") == 1
                                      or tokens.is_lower[i]
                                      and self.norms[i] in self.cues.name_connectors)

    def segments(self, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
        """The names within a run: titles and non-names cut off, with "a title before" flags."""
        titled = self.title_before(start)
        i = start
        while i < end:
            skip = self.title_at(i, end)
            if skip:
                titled, i = True, i + skip
                continue
            ranked = self.norms[i] in listed_words("name_ranks") and i + 1 < end \
                and self.name_words[i + 1]
            if self.norms[i] in self.cues.person_cues_before and not ranked \
                    and not self.tokens.is_lower[i] or self.party_before_name(i, end):
                titled, i = True, i + 1  # "Mr Olund", "Dr Sato", "Republican Ana Rao"
                continue
            opens = self.capital_context(i) and self.opens_name_in_apposition(i, end) \
                or self.opens_body_name(i, end)
            if not ranked and not opens and (self.norms[i] in self.cues.not_names
                                             or self.norms[i] in self.cues.former_words
                                             or self.joins(i) or self.capital_context(i)
                                             and not self.supported(i)):
                titled, i = False, i + 1  # "The Princess and the Frog": no cue for "Frog"
                continue
            j = i + 1
            while j < end and not self.title_at(j, end) and \
                    (self.norms[j] not in self.cues.not_names or self.hyphen_bound(j)
                     or self.abbreviation_inside_name(j, end)
                     or self.norms[j] == "and" and self.joins(j) or self.continues_body(j)
                     or self.norms[j - 1] == "of" and self.continues_body(j - 1)
                     or self.closes_body(j, end)):
                j += 1  # coordinated_parts splits at "and"
            while j > i + 1 and (self.joins(j - 1) or self.tokens.text[j - 1] == "-"):
                j -= 1
            for part_start, part_end in self.coordinated_parts(i, j):
                yield part_start, part_end, titled or ranked
            titled, i = False, j

    def opens_body_name(self, i: int, end: int) -> bool:
        """Whether the head word of a body that alone is no name opens the name of one,
        going on with "of" and capitalised words in the run ("Government of National
        Unity", "Senate of the Republic")."""
        return self.norms[i] in self.cues.government_heads and i + 1 < end \
            and self.continues_body(i + 1)

    def owned_by_place(self, start: int) -> bool:
        """Whether a state, region or city the gazetteer found owns the name starting at
        token ``start``: its possessive ("Indonesia's") or its demonym ("the Japanese")
        stands right before it."""
        taken, tokens = self.taken, self.tokens
        possessive = start >= 2 and tokens.text[start - 1] in POSSESSIVES
        before = start - 1 - possessive
        return before >= 0 and taken[before] == TAKEN_PLACE[0]

    def abbreviation_inside_name(self, j: int, end: int) -> bool:
        """Whether a month's abbreviation at token ``j`` is a word of a name that goes on
        after it in the run ("Zin Mar Aung"), not a date ("Mar 12")."""
        return self.norms[j] in month_abbreviations() and j + 1 < end \
            and self.tokens.is_alpha[j + 1] and self.name_words[j + 1]

    def party_before_name(self, i: int, end: int) -> bool:
        """True for a party word before two or more words of a run that names no body or
        event and goes on with a name or a title ("Republican Ana Rao", "Republican Senator
        Ana Rao"; not "Republican National Committee", "Liberal National MP")."""
        cues = self.cues
        heads = cues.organization_heads | cues.government_heads | cues.event_heads
        after = i + 1
        return self.norms[i] in listed_words("party_words") and end - i > 2 \
            and all(self.name_words[j] for j in range(after, end)) \
            and self.norms[end - 1] not in heads \
            and (self.tokens.lower[after] not in common_words()
                 or self.norms[after] in cues.given_names or self.title_at(after, end) > 0)

    def closes_body(self, i: int, end: int) -> bool:
        """True for the head word of a body or organisation that ends the run after other
        words of the name, also one that alone is no name ("Royal Elbonian Army",
        "Constitutional Court"; "Army" alone is none)."""
        return i == end - 1 and self.norms[i] in self.cues.government_heads \
            | self.cues.organization_heads

    def continues_body(self, i: int) -> bool:
        """True for a joining word that goes on with the name of a body or place after its head
        word ("Ministry of Defence", "Institute for Peace Research", "Gulf of Aden")."""
        return self.joins(i) and self.body_head_before(i) is not None

    def body_head_before(self, i: int) -> str | None:
        """The head word of a body or place right before the joining words that end at token
        ``i`` ("ministry" for the "of" of "Ministry of Defence", "gulf" of "Gulf of Aden")."""
        k = i
        while k >= 0 and self.joins(k):
            if self.norms[k] == "and":  # coordinated_parts reads "and"
                return None
            k -= 1
        cues = self.cues
        heads = cues.organization_heads | cues.government_heads | cues.place_heads
        return self.norms[k] if k >= 0 and self.norms[k] in heads else None

    def head_word(self, start: int, end: int) -> str:
        """The word that says what a name is: the head before its first joining word where
        that is a body's head ("ministry" of "Ministry of Defence"), else its last word."""
        first_join = next((i for i in range(start + 1, end) if self.joins(i)), None)
        head = self.body_head_before(first_join) if first_join is not None else None
        return head or self.norms[end - 1]

    def hyphen_bound(self, i: int) -> bool:
        """True for a word between two hyphens with no space around them: the "on" of
        "Komsomolsk-on-Amur", the "upon" of "Stratford-upon-Avon"."""
        text, spaced = self.tokens.text, self.tokens.spaced
        return 0 < i < len(text) - 1 and text[i - 1] == "-" and text[i + 1] == "-" \
            and not spaced[i - 1] and not spaced[i]

    def coordinated_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        """A run split at "and", unless it names one organisation ("Belt and Road
        Initiative", "... and Security Council": only the last part ends in a head word; "the
        Law and Justice government": a party's).

        "Joel Wit and Jenny Town" are two names, as are "Green Party and Labour Party".
        """
        heads = self.cues.organization_heads | self.cues.government_heads
        parts: list[tuple[int, int]] = []
        part_start = start
        for i in range(start, end):
            if self.norms[i] == "and" and self.tokens.is_lower[i]:
                parts.append((part_start, i))
                part_start = i + 1
        if (self.norms[end - 1] in heads or self.members_after(end)) \
                and not any(self.norms[part_end - 1] in heads for _, part_end in parts) \
                or parts and self.remit_goes_on(start, parts[0][1], end):
            return [(start, end)]
        return parts + [(part_start, end)]

    def remit_goes_on(self, start: int, first_end: int, end: int) -> bool:
        """Whether the words after the first "and" of a run name more of what the body
        that the run opens is for: the first part is a body's head and "of" ("Department
        of Foreign Affairs"), and only common English words follow ("... and Trade",
        "Ministry of Agriculture and Rural Development"; not "Bank of Norland and Vestra")."""
        cues = self.cues
        first_join = next((i for i in range(start + 1, first_end) if self.joins(i)), None)
        head = self.body_head_before(first_join) if first_join is not None else None
        return head in cues.government_heads | cues.organization_heads and all(
            self.tokens.lower[i] in common_words() for i in range(first_end + 1, end)
            if self.tokens.is_alpha[i])

    def supported(self, i: int) -> bool:
        """True when a capitalised word at a sentence start may still be a name."""
        lower = self.tokens.lower[i]
        return lower not in common_words() or self.norms[i] in self.seen_capitalised \
            and lower not in self.cues.not_names

    def title_at(self, i: int, end: int) -> int:
        """The number of tokens of the longest title starting at token ``i`` (0 if none); a
        hyphen between its words counts as a space ("Secretary-General"). An abbreviated
        title is one only before a name: at the end of the run it is a word of the name
        ("Hun Sen", where "Sen" may stand for "Senator")."""
        if self.tokens.text[i] == "-":
            return 0
        for size in range(min(2 * self.cues.max_title_words, end - i), 0, -1):
            if " ".join(self.norms[k] for k in range(i, i + size) if self.tokens.text[k] != "-") \
                    in self.cues.titles and self.tokens.text[i + size - 1] != "-":
                return 0 if size == 1 and i + 1 >= end and self.abbreviated_title(i) else size
        return 0

    def abbreviated_title(self, i: int) -> bool:
        """Whether the title at token ``i`` is written as a short abbreviation of its title's
        first word ("Sen" of "Senator", "Gen" of "General"; not "Chair" of "Chairman")."""
        norm = self.norms[i]
        first = normalise_term(self.cues.titles[norm]).split()[0]
        return len(norm) <= ABBREVIATION_LETTERS and norm != first and first.startswith(norm)

    def title_before(self, i: int) -> bool:
        """True when a title or a person cue word ends right before token ``i``, not joined to
        it by a hyphen ("Bishop-Emeritus" names no person "Emeritus")."""
        if i > 0 and self.tokens.text[i - 1] == "-":
            return False
        words = [self.norms[j] for j in range(max(0, i - 2 * self.cues.max_title_words), i)
                 if not self.tokens.is_space[j] and self.tokens.text[j] != "-"]
        return title_closes(words[-self.cues.max_title_words:], self.cues)

    def classify(self, start: int, end: int, titled: bool) -> Found | None:
        """The class and confidence of a name from its context, or None without a cue."""
        cues, norms = self.cues, self.norms
        if all(self.tokens.is_digit[i] or self.tokens.is_punct[i] for i in range(start, end)):
            return None  # a number left alone: "added 12 Russian companies"
        first, last = norms[start], self.head_word(start, end)
        after = norms[end] if end < len(norms) else ""
        if last in cues.event_heads or is_month_date(self.doc, start, end, cues) \
                or self.compound_modifier(end):
            return None
        if last in cues.government_heads:
            return Found(start, end, "GovernmentBody", 0.85)
        if last in listed_words("owned_government_heads") and self.owned_by_place(start):
            return Found(start, end, "GovernmentBody", 0.85)  # "Russia's Federal Agency for X"
        if self.party_named(start, end):
            return Found(start, end, "Organization", 0.75)  # "Fidesz lawmakers"
        if last in cues.organization_heads or end - start > 1 \
                and last in listed_words("company_heads") \
                or company_noun_in_apposition(self.doc, end, cues) is not None:
            return Found(start, end, "Organization", 0.85)
        feature = self.feature_after(start, end)
        if feature is not None:
            return Found(start, end + 1, feature, 0.7)  # "the Litani river"
        if first in cues.feature_openers and end - start > 1:
            return Found(start, end, "Place", 0.7)  # "Lake Nyasa", "Mount Kailash"
        if titled or first in cues.given_names and end - start > 1 \
                and last not in cues.place_heads | cues.facility_heads:
            return Found(start, end, "Person", TITLED_CONFIDENCE if titled else 0.85)
        if first in listed_words("organisation_openers") and end - start > 1:
            return Found(start, end, "Organization", 0.8)  # "Radio Mitre"
        if start > 0 and self.tokens.is_lower[start - 1] \
                and norms[start - 1] in listed_words("organisation_nouns_before"):
            return Found(start, end, "Organization", 0.8)  # "the broadcaster Radio Kestrel"
        if end - start > 1 and (self.post_in_apposition(end) or self.post_before_comma(start, end)
                                or self.holder_described_before(start, end)
                                or self.person_clause(start, end)):
            return Found(start, end, "Person", 0.8)
        body = self.body_in_apposition(end)
        if body is not None:
            return Found(start, end, body, 0.8)  # "Frontex, the EU border agency,"
        if last in cues.place_heads and end - start > 1:
            return Found(start, end, "Region", 0.7)
        if self.division_named(start, end):
            return Found(start, end, "Region", 0.7)  # "Khost province"
        if self.settlement_named(start):
            return Found(start, end, "City", 0.7)  # "the town of Okuma"
        if after in cues.facility_heads and self.tokens.is_lower[end]:
            return Found(start, end + 1, "Facility", 0.8)  # "the Grand Faw port"
        if after in cues.facility_heads or last in cues.facility_heads and end - start > 1:
            return Found(start, end, "Facility", 0.8)
        if after in cues.organization_heads:
            return Found(start, end, "Organization", 0.8)
        if self.speaks(start, end) and not self.title_at(end, len(norms)) \
                and not self.common_word_alone(start, end) \
                and not (start > 0 and norms[start - 1] in cues.place_preps):
            return Found(start, end, "Person", 0.7)  # not "said California ..." nor "in Tula said"
        if in_place_context(self.doc, start, end, cues.place_preps, cues.place_suffixes,
                            self.parsed) and not self.published_in(start) \
                and not self.common_word_alone(start, end):
            return Found(start, end, self.place_class(start, end), PLACE_GUESS_CONFIDENCE)
        if end - start == 1 and self.tokens.is_upper[start] and self.tokens.is_alpha[start] \
                and self.tokens.length[start] > 1:  # not "X." (the network)
            return Found(start, end, "Organization", 0.6)
        return None

    def feature_after(self, start: int, end: int) -> str | None:
        """The class of the natural or border feature a lower-case word right after the name
        says it is (``feature_heads``: "the Sarstoon river", "on Bubiyan island"), where a
        lower-case word or an article stands before the name (not "Congress pass"); else
        None."""
        tokens = self.tokens
        if end >= len(tokens) or not tokens.is_lower[end] or start == 0 \
                or not (tokens.is_lower[start - 1] or self.norms[start - 1] in ARTICLES):
            return None
        return feature_heads().get(self.norms[end])

    def division_named(self, start: int, end: int) -> bool:
        """Whether a lower-case word for a part of a country stands right after the name
        ("Khost province", "the Essequibo region") or before it with "of" ("the breakaway
        region of Somaliland")."""
        tokens, norms = self.tokens, self.norms
        after = end < len(norms) and tokens.is_lower[end] \
            and norms[end] in listed_words("division_words")
        return after or start >= 2 and norms[start - 1] == "of" and tokens.is_lower[start - 2] \
            and norms[start - 2] in listed_words("division_words")

    def party_named(self, start: int, end: int) -> bool:
        """Whether the name is a party's, written as a modifier: before a lower-case word for
        its members or its government ("Fidesz lawmakers", "the Law and Justice
        government"), or a party word alone before a post ("the Conservative shadow foreign
        secretary")."""
        return self.members_after(end) or end - start == 1 \
            and self.norms[start] in listed_words("party_words") and self.qualified_title_at(start)

    def members_after(self, end: int) -> bool:
        """Whether a lower-case word for a party's members or government follows token
        ``end`` - 1 (names.yaml ``party_members``)."""
        return end < len(self.norms) and self.tokens.is_lower[end] \
            and self.norms[end] in listed_words("party_members")

    def settlement_named(self, start: int) -> bool:
        """Whether a lower-case word for a town and "of" stand right before the name ("the
        town of Okuma", "the port of Soma"): the name is a city's."""
        tokens, norms = self.tokens, self.norms
        return start >= 2 and norms[start - 1] == "of" and tokens.is_lower[start - 2] \
            and norms[start - 2] in listed_words("settlement_words")

    def compound_modifier(self, end: int) -> bool:
        """True where a hyphen and a word of ``compound_suffixes`` follow the name: it
        modifies the word after it ("Serb-majority", "Marsk-led"), and is no name there."""
        tokens = self.tokens
        return end + 1 < len(tokens) and tokens.text[end] == "-" and not tokens.spaced[end - 1] \
            and not tokens.spaced[end] and self.norms[end + 1] in listed_words("compound_suffixes")

    def place_class(self, start: int, end: int) -> str:
        """The class of an unknown place: a region where a compass word opens it ("North
        Waziristan"), a city where it is one capitalised word, with hyphenated parts or not
        ("Komsomolsk-on-Amur"), else a place."""
        compass = self.norms[start] in COMPASS_WORDS and end - start > 1
        one_word = all(self.tokens.text[i] == "-" or self.hyphen_bound(i) or i == start
                       or self.tokens.text[i - 1] == "-" for i in range(start, end))
        city = one_word and self.tokens.is_title[start] \
            and self.norms[start] not in COMPASS_WORDS  # not "FAQ", "2003", "North" Wales
        return "Region" if compass else "City" if city else "Place"

    def place_of_a_person(self, name: Found, family_names: set[str]) -> bool:
        """Whether a one-word place the context found is the family name of a person the
        article names ("at Iyambo's funeral" after "Nahas Iyambo"): ``family_names`` are
        the last words of the article's persons of two words or more."""
        return name.cls in PLACE_GUESSES and name.end - name.start == 1 \
            and self.norms[name.start] in family_names

    def common_word_alone(self, start: int, end: int) -> bool:
        """Whether a one-word name is a common English word ("in Nature", "at Category 5",
        "Stream said") or a word of names.yaml ``not_places`` (faiths, languages, planets,
        online services: "in Islam", "told Wikinews"): no place after a place preposition
        and no person beside a verb of saying, unless a comma and a known name follow."""
        return end - start == 1 and not self.before_known_place(end) \
            and (self.tokens.lower[start] in common_words()
                 or self.norms[start] in listed_words("not_places"))

    def before_known_place(self, end: int) -> bool:
        """Whether a comma and a state, region or city the gazetteer knows follow token
        ``end`` - 1 ("Cork, Ireland"): the name is a place in that one (not "in Islam, Obama
        said")."""
        return end + 1 < len(self.taken) and self.tokens.text[end] == "," \
            and self.taken[end + 1] == TAKEN_PLACE[0]

    def published_in(self, start: int) -> bool:
        """Whether a verb of publishing and a preposition come right before the name ("a
        study published in Science Advances"): a publication, not a place."""
        words = [j for j in range(max(0, start - 4), start) if not self.tokens.is_space[j]
                 and self.norms[j] != "the"]
        return len(words) >= 2 and self.norms[words[-1]] in self.cues.place_preps \
            and self.norms[words[-2]] in self.cues.publication_verbs

    def post_in_apposition(self, end: int) -> bool:
        """Whether a post or a person's occupation follows the name after a comma ("Ana
        Rao, spokesperson for the party, said"; "Ana Rao, a lawyer, said")."""
        norms, size = self.norms, len(self.norms)
        if end + 1 >= size or norms[end] != ",":
            return False
        i = self.past_possessor(end + 1 + (norms[end + 1] in ARTICLES))
        words = [norms[j] for j in range(i, min(size, i + self.cues.max_title_words + 1))
                 if norms[j] != "-"]
        return any(word in self.cues.person_cues_before or word in listed_words("apposition_posts")
                   for word in words[:APPOSITION_WORDS]) \
            or any(" ".join(words[first:first + size_]) in self.cues.titles
                   for first in range(min(2, len(words)))  # "its longtime foreign minister"
                   for size_ in range(1, len(words) - first + 1)) \
            or self.qualified_title_at(i)

    def body_in_apposition(self, end: int) -> str | None:
        """The class of the body that a description in apposition after the name says it is,
        or None: "the" or "a", lower-case words or names the gazetteer knows, and a lower-case
        head word of an organisation or government body that closes the phrase ("Frontex,
        the EU border agency," is an Organization; "Ofcom, the media regulator" is not, no
        head word)."""
        tokens, norms, cues, size = self.tokens, self.norms, self.cues, len(self.norms)
        if end + 2 >= size or norms[end] != "," or norms[end + 1] not in ARTICLES:
            return None
        for i in range(end + 2, min(size, end + 2 + BODY_DESCRIPTION_WORDS)):
            lower_word = tokens.is_lower[i] and tokens.is_alpha[i] \
                and norms[i] not in cues.name_connectors
            if not lower_word and not self.taken[i]:
                return None
            closed = i + 1 >= size or tokens.text[i + 1] in APPOSITION_CLOSERS \
                or norms[i + 1] in RELATIVE_WORDS
            if lower_word and closed and norms[i] in cues.government_heads:
                return "GovernmentBody"
            if lower_word and closed and norms[i] in cues.organization_heads:
                return "Organization"
        return None

    def qualified_title_at(self, i: int) -> bool:
        """Whether a title follows party words and title prefixes from token ``i`` ("the
        Liberal shadow trade secretary", "the Labour interim party leader")."""
        norms, size = self.norms, len(self.norms)
        start = i
        while start < size and (norms[start] in listed_words("party_words")
                                or norms[start] in self.cues.title_prefixes):
            start += 1
        return start > i and any(" ".join(norms[start:start + size_]) in self.cues.titles
                                 for size_ in range(1, self.cues.max_title_words + 1))

    def past_possessor(self, i: int) -> int:
        """Token ``i``, or the token after whose post follows there: a state, body or place the
        gazetteer found ("Sweden's", "the Swedish"), or a word with "'s" ("the army's")."""
        taken, tokens = self.taken, self.tokens
        j = i
        while j < len(taken) and taken[j]:
            j += 1
        if j == i and j + 1 < len(taken) and tokens.is_alpha[j] and not self.name_words[j]:
            j += 1  # a lower-case possessor: "the army's"
        if j < len(taken) and tokens.text[j] in POSSESSIVES:
            return j + 1
        return j if j > i and not tokens.is_lower[i] else i

    def person_clause(self, start: int, end: int) -> bool:
        """Whether the words around a name say it is a person's: "according to" before it, or
        after it a comma and "who" or an age ("X, who leads ...", "X, 54, was ...")."""
        lower, size = self.tokens.lower, len(self.tokens)
        words_before = [lower[j] for j in range(max(0, start - 2), start)]
        after_comma = lower[end + 1] if end + 1 < size and lower[end] == "," else ""
        return words_before == ["according", "to"] or after_comma == "who" \
            or self.age_after(end) > 0

    def opens_name_in_apposition(self, i: int, end: int) -> bool:
        """Whether a common word opening a sentence, a given name or no word of ``not_names``
        ("He"), is the first word of a name of two words that a post follows in apposition
        ("He Yadong, a spokesman for ..."; not "And Hawkins, a candidate")."""
        norm = self.norms[i]
        return end - i == 2 and self.name_words[i + 1] \
            and (norm in self.cues.given_names or norm not in self.cues.not_names) \
            and self.tokens.lower[i + 1] not in common_words() and self.post_in_apposition(end)

    def holder_described_before(self, start: int, end: int) -> bool:
        """Whether the name stands in apposition after lower-case words that a known state or
        body owns ("Russia's human rights commissioner, Ana Rao,"; "his Peruvian
        counterpart, Ana Rao,"), set off by commas or closing the sentence."""
        tokens = self.tokens
        comma = start - 1
        while comma >= 0 and tokens.is_space[comma]:
            comma -= 1
        closed = end >= len(tokens) or tokens.text[end] in APPOSITION_CLOSERS
        if not closed or comma <= 0 or tokens.text[comma] != ",":
            return False
        i = comma - 1
        while i > comma - 1 - HOLDER_DESCRIPTION_WORDS and i >= 0 and tokens.is_lower[i] \
                and tokens.is_alpha[i]:
            i -= 1
        if i == comma - 1 or i < 1 or not self.taken[i] and tokens.text[i] not in POSSESSIVES:
            return False
        owned = tokens.text[i] in POSSESSIVES and bool(self.taken[i - 1])
        return owned or bool(self.taken[i]) and tokens.lower[i - 1] in OWNER_DETERMINERS

    def post_before_comma(self, start: int, end: int) -> bool:
        """Whether the name stands in apposition after a post, set off by commas or closing
        the sentence ("the port's chief engineer, Ana Rao, said"; "its new mayor, Ana Rao.")."""
        tokens = self.tokens
        comma = start - 1
        while comma >= 0 and tokens.is_space[comma]:
            comma -= 1
        closed = end >= len(tokens) or tokens.text[end] in APPOSITION_CLOSERS
        return closed and comma > 0 and tokens.text[comma] == "," \
            and (any(self.title_before(i) or self.apposition_post_before(i)
                     for i in self.post_ends_before(comma)) or self.owned_post_before(comma))

    def owned_post_before(self, comma: int) -> bool:
        """Whether a word that marks a post only in apposition (names.yaml
        ``apposition_posts``) stands right before the comma at token ``comma``, owned by an
        owner's word or a possessive before it and at most two lower-case words ("Its
        paramount chief, Ana Rao,"; "the council's new head, Ana Rao,")."""
        norms, tokens = self.norms, self.tokens
        post = comma - 1
        if post < 1 or norms[post] not in listed_words("apposition_posts"):
            return False
        i = post - 1
        while i > post - 1 - OWNED_POST_WORDS and i >= 0 and tokens.is_lower[i] \
                and tokens.is_alpha[i] and norms[i] not in OWNER_DETERMINERS:
            i -= 1
        return i >= 0 and (norms[i] in OWNER_DETERMINERS or tokens.text[i] in POSSESSIVES)

    def apposition_post_before(self, i: int) -> bool:
        """Whether a word that marks a post only in apposition (names.yaml
        ``apposition_posts``) stands, determined, before the "of" at token ``i`` ("the head
        of the cooperative, Ana Rao,": a post, as "the head" alone is not)."""
        norms = self.norms
        return i >= 2 and norms[i] == "of" and norms[i - 1] in listed_words("apposition_posts") \
            and (norms[i - 2] in ARTICLES | OWNER_DETERMINERS or self.tokens.text[i - 2] in POSSESSIVES)

    def post_ends_before(self, comma: int) -> list[int]:
        """Where the title of a post may end before a comma: right before it, or before what
        the post is for, to or in ("the envoy for the talks,", "Russia's envoy in Vienna,")."""
        tokens, ends = self.tokens, [comma]
        i = comma - 1
        while i >= max(0, comma - POST_OBJECT_REACH) and (tokens.is_alpha[i] or tokens.is_space[i]):
            if tokens.lower[i] in POST_OBJECT_PREPS:
                ends.append(i)
            i -= 1
        return ends

    def speaks(self, start: int, end: int) -> bool:
        """True when a verb of saying stands right before or after the name."""
        lower = self.tokens.lower
        before = lower[start - 1] if start else ""
        end += self.age_after(end)
        if end - start > 1 and self.tokens.lower[start] not in common_words():
            end += self.affiliation_after(end)  # "Ana Rao of the bank said", not "Academy of"
        after = lower[end] if end < len(lower) else ""
        return before in speech_verbs() or after in speech_verbs() and not self.modifies_noun(start)

    def modifies_noun(self, start: int) -> bool:
        """Whether an article opens the noun phrase a name stands in, a count word at most
        between them ("the Schengen state", "the three Baltic states"): the name modifies
        the noun after it, which is no verb of saying; a person's name takes no article."""
        lower, i = self.tokens.lower, start - 1
        if i >= 0 and (self.tokens.is_digit[i] or lower[i] in count_words()):
            i -= 1
        return i >= 0 and lower[i] in ARTICLES

    def affiliation_after(self, end: int) -> int:
        """The number of tokens of an affiliation right after a name, made of capitalised
        words ("of the UK's National Crime Agency (NCA)"), when a verb of saying follows it."""
        tokens, size = self.tokens, len(self.tokens)
        if end >= size or tokens.lower[end] not in AFFILIATION_PREPS:
            return 0
        j = end + 1
        while j < min(size, end + AFFILIATION_REACH) and (
                tokens.is_title[j] or tokens.is_upper[j] or tokens.lower[j] in AFFILIATION_WORDS):
            j += 1
        named = any(tokens.is_title[k] or tokens.is_upper[k] for k in range(end + 1, j))
        return j - end if named and j < size and tokens.lower[j] in speech_verbs() else 0

    def age_after(self, end: int) -> int:
        """The number of tokens of an age set off by commas right after a name (", 54,")."""
        tokens = self.tokens
        age = end + 3 <= len(tokens) and tokens.text[end] == "," and tokens.is_digit[end + 1] \
            and tokens.length[end + 1] <= 3 and tokens.text[end + 2] == ","
        return 3 if age else 0


def company_noun_in_apposition(doc: Doc, end: int, cues: NameCues) -> str | None:
    """The company noun of a description in apposition after the name ending at token
    ``end`` ("X, a Singapore-owned company that ...", "X, the state shipping firm,"), or
    None. The noun is the head: no post follows it ("X, a company director" is a person).

    >>> import spacy
    >>> doc = spacy.blank("en")("Orvel Ports, a Hong Kong-owned company, denied it.")
    >>> company_noun_in_apposition(doc, 2, name_cues())
    'company'
    """
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ARTICLES:
        return None
    for token in doc[end + 2:end + 2 + COMPANY_DESCRIPTION_TOKENS]:
        if token.is_punct and token.text != "-":
            return None
        noun = normalise_term(token.text)
        if token.is_lower and noun in listed_words("company_nouns"):
            after = normalise_term(doc[token.i + 1].text) if token.i + 1 < len(doc) else ""
            return None if after in cues.titles or after in cues.person_cues_before \
                or after in listed_words("apposition_posts") else noun
    return None


def shape_names(doc: Doc, taken: bytearray, cues: NameCues,
                known_family_names: frozenset[str] = frozenset()) -> list[Found]:
    """Every name the shape rules find in the tokens not yet taken. A word alone that is a
    word of a person's name the rules found, or the family name of a person of
    ``known_family_names`` (the gazetteer's), is that person's short name ("Gil told
    reporters" after "Foreign Minister Yvan Gil"), even if it is a common word."""
    shape = DocShape(doc, taken, cues)
    found: list[Found] = []
    unclassified: list[tuple[int, int]] = []
    for run_start, run_end in shape.runs():
        names, others = [], []
        for start, end, titled in shape.segments(run_start, run_end):
            name = shape.classify(start, end, titled)
            (names if name else others).append(name or (start, end))
        if any(name.cls == "Person" for name in names):  # "Paul Ardent and Nadia Roux"
            names += [Found(start, end, "Person", 0.7) for start, end in others if end - start > 1]
        found.extend(names)
        unclassified.extend(others)
    person_words = {shape.norms[i] for name in found if name.cls == "Person"
                    for i in range(name.start, name.end) if shape.norms[i].isalnum()}
    person_words |= known_family_names
    family_names = {shape.norms[name.end - 1] for name in found
                    if name.cls == "Person" and name.end - name.start > 1}
    found = [Found(name.start, name.end, "Person", 0.7)
             if shape.place_of_a_person(name, family_names) else name for name in found]
    persons = [Found(start, end, "Person", 0.7) for start, end in unclassified
               if end - start == 1 and shape.norms[start] in person_words]
    found.extend(persons + named_again(shape, found, unclassified, persons))
    found = facility_short_names(shape, organisation_short_names(shape, found))
    return sorted(places_of_features(shape, found), key=lambda name: name.start)


def places_of_features(shape: "DocShape", found: list[Found]) -> list[Found]:
    """The names found, where a feature named after a place the article also names alone
    ("the Dajabon crossing" beside "from Dajabon") is a mention of that place: its name
    without the feature word, in the place's class."""
    norms = shape.norms

    def is_feature(name: Found) -> bool:
        last = name.end - 1
        return name.end - name.start > 1 and shape.tokens.is_lower[last] \
            and norms[last] in feature_heads()

    alone = {tuple(norms[name.start:name.end]): name.cls for name in found
             if name.cls in PLACE_GUESSES | {"Region"} and not is_feature(name)}
    return [Found(name.start, name.end - 1, alone[tuple(norms[name.start:name.end - 1])],
                  name.confidence)
            if is_feature(name) and tuple(norms[name.start:name.end - 1]) in alone else name
            for name in found]


def named_again(shape: "DocShape", found: list[Found], unclassified: list[tuple[int, int]],
                persons: list[Found]) -> list[Found]:
    """The runs no cue classified that write the full name of a person found elsewhere in
    the article with a cue ("Lok Manit" alone after "Governor Lok Manit"), as that person;
    not the runs already taken as a person's short name. (Other classes were tried: a name
    of an organisation written again made more false events than it found.)"""
    def text(start: int, end: int) -> str:
        return " ".join(shape.norms[start:end])

    names = {text(name.start, name.end) for name in found if name.cls == "Person"}
    taken = {person.start for person in persons}
    return [Found(start, end, "Person", NAMED_AGAIN_CONFIDENCE) for start, end in unclassified
            if start not in taken and text(start, end) in names]


def organisation_short_names(shape: "DocShape", found: list[Found]) -> list[Found]:
    """The names found, where one word, no common English word, that opens the name of an
    organisation found in the article ("Coralstar" of "Coralstar Shipping") is that
    organisation's short name, not a person a verb beside it suggests ("Coralstar denied
    ..."). A name with a title stays a person's, and so does a word of the name of a person
    of two words or more."""
    norms = shape.norms
    organisations = {norms[name.start] for name in found
                     if name.cls == "Organization" and name.end - name.start > 1}
    organisations -= {norms[i] for name in found if name.cls == "Person"
                      and name.end - name.start > 1 for i in range(name.start, name.end)}
    return [Found(name.start, name.end, "Organization", SHORT_NAME_CONFIDENCE)
            if name.end - name.start == 1 and name.cls == "Person"
            and name.confidence < TITLED_CONFIDENCE and norms[name.start] in organisations
            and shape.tokens.lower[name.start] not in common_words() else name
            for name in found]


def facility_short_names(shape: "DocShape", found: list[Found]) -> list[Found]:
    """The names found, where one word that only a place preposition made a place ("the
    base at Pituffik") and that is, or opens, the name of a facility found in the article
    ("the Pituffik Space Base", "the Pituffik plant") is that facility's name."""
    facilities = {shape.norms[name.start] for name in found if name.cls == "Facility"}
    return [Found(name.start, name.end, "Facility", name.confidence)
            if name.end - name.start == 1 and name.cls in PLACE_GUESSES
            and name.confidence <= PLACE_GUESS_CONFIDENCE and shape.norms[name.start] in facilities
            else name for name in found]


def model_class(span: Span, lexicon: Lexicon, cues: NameCues) -> tuple[str, str] | None:
    """The (ekg class, lexicon id) of a trained pipeline's entity, or None to leave it out."""
    known = lexicon.lookup(span.text)
    if span.label_ == "NORP":
        state = next((entry_id for entry_id, kind in known if kind == "demonym"), None)
        return (lexicon[state].cls, state) if state else None
    if span.label_ == "GPE":
        return (lexicon[known[0][0]].cls, known[0][0]) if known else ("Place", "")
    cls = MODEL_LABELS.get(span.label_)
    if cls == "Organization" and normalise_term(span[-1].text) in cues.government_heads:
        cls = "GovernmentBody"
    return (cls, "") if cls else None


def model_names(doc: Doc, taken: bytearray, lexicon: Lexicon, cues: NameCues) -> list[Span]:
    """The trained pipeline's entities not overlapping the gazetteer's, as project spans."""
    shape = DocShape(doc, taken, cues)
    spans: list[Span] = []
    for ent in doc.ents:
        if any(taken[ent.start:ent.end]):
            continue
        mapped = model_class(ent, lexicon, cues)
        if mapped is None:
            continue
        for start, end, _ in shape.segments(ent.start, ent.end):
            spans.append(entity_span(doc, start, end, mapped[0], mapped[1], "model",
                                     MODEL_CONFIDENCE))
    return spans


def joined_to_known(doc: Doc, known: list[Span], found: list[Span],
                    cues: NameCues) -> tuple[list[Span], list[Span]]:
    """The gazetteer's and the shape rules' spans, where a body or facility name the shape
    rules found right after a name of an organisation, city or region (or of a state, before
    a government body or a facility) takes that name in ("African Union" + "Commission",
    "Marsk" + "International Airport", "Japan" + "Coast Guard"): one new name; the state
    of a body so named keeps a mention (kg/extract/entities.py add_state_within). A state
    stays apart from an organisation that is no government body; its demonym does not
    (``opens_with_demonym``: "Elbonian" + "Fishing Association")."""
    ending_at = {span.end: span for span in known
                 if span.id_ in JOINED_KINDS or span.id_ == "demonym"}
    heads = cues.organization_heads | cues.government_heads | cues.facility_heads
    joined: dict[int, Span] = {}
    for n, name in enumerate(found):
        before = ending_at.get(name.start)
        if before is None or not doc[before.end - 1].whitespace_ \
                or not any(normalise_term(token.text) in heads for token in name):  # not "CBD"
            continue
        if opens_with_demonym(before, name) if before.id_ == "demonym" \
                else before.label_ in JOINS.get(name.label_, ()):
            joined[n] = before
    if not joined:
        return known, found
    dropped = {id(span) for span in joined.values()}
    return [span for span in known if id(span) not in dropped], \
        [entity_span(doc, joined[n].start, name.end, name.label_, "", "shape",
                     name._.kg_confidence) if n in joined else name
         for n, name in enumerate(found)]


def opens_with_demonym(demonym: Span, name: Span) -> bool:
    """Whether a state's demonym opens the capitalised name of an organisation or body right
    after it: "the Elbonian Fishing Association", "the Elbonian Coast Guard", "Elbonian
    National Army forces". A name with "of" names the body in full and keeps the state
    apart ("the Elbonian Ministry of Mines" is that state's "Ministry of Mines")."""
    return demonym.label_ == "Country" and name.label_ in DEMONYM_JOINS \
        and not any(token.lower_ == "of" for token in name)


def places_closing_bodies(doc: Doc, known: list[Span], found: list[Span],
                          cues: NameCues) -> tuple[list[Span], list[Span]]:
    """The gazetteer's and the shape rules' spans, where an organisation the shape rules found
    ends in its head word and goes on with "of" (and "the") and a city or region the gazetteer
    knows: the place closes the organisation's name ("University of the South Pacific",
    "University of Tokyo"), and so does a state ("Central Bank of Nigeria"); a government
    body keeps its state apart ("Water Commission" of "Peru"). A name ending
    in a place head takes a state too, as a region ("Gulf of Finland", "Bay of Bengal")."""
    starting_at = {span.start: span for span in known if span.id_ in JOINED_KINDS}
    joined: dict[int, tuple[Span, str]] = {}
    for n, name in enumerate(found):
        i = name.end
        head = normalise_term(name[-1].text)
        if i >= len(doc) or doc[i].lower_ != "of":
            continue
        i += 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
        place = starting_at.get(i)
        if place is None or place.end < len(doc) and doc[place.end].is_title:
            continue
        if place.label_ not in PLACE_NAME_CLASSES | {"Country"}:
            continue
        if head in cues.place_heads:
            joined[n] = (place, "Region")
        elif name.label_ == "Organization" and head in cues.organization_heads:
            joined[n] = (place, name.label_)
    if not joined:
        return known, found
    dropped = {id(place) for place, _ in joined.values()}
    return [span for span in known if id(span) not in dropped], \
        [entity_span(doc, name.start, joined[n][0].end, joined[n][1], "", "shape",
                     name._.kg_confidence) if n in joined else name
         for n, name in enumerate(found)]


def places_opening_names(doc: Doc, known: list[Span], cues: NameCues) -> list[Span]:
    """The known spans, less a one-word city or state that opens a person's name and goes on
    with a capitalised word no list knows: a city that is a given name ("Milan" of "Milan
    Radoicic") or a place right after a title ("Defence Minister Israel Katz"). The words
    are the person's name, which the shape rules then read. "Milan Fashion Week" keeps its
    city, "Foreign Minister Israel" its state."""
    starts = {span.start for span in known}
    return [span for span in known if not opens_name(doc, span, starts, cues)]


def demonyms_inside_bodies(doc: Doc, known: list[Span], cues: NameCues) -> list[Span]:
    """The known spans, less a demonym written inside the name of a body: after a
    capitalised word of the name and before capitalised words that end in a body's head
    ("the Royal Elbonian Army", "the Free Elbonian Army"), or opening a party's name ("the
    Elbonian Dawn party"); the shape rules then read the whole name. A demonym opening a name stays the state's ("the Thai army", "Thai Prime
    Minister X")."""
    starts = {span.start for span in known}
    return [span for span in known if not (span.id_ == "demonym" and (inside_body_name(
        doc, span, starts, cues) or opens_party_name(doc, span, starts)))]


def opens_party_name(doc: Doc, span: Span, starts: set[int]) -> bool:
    """Whether the demonym ``span`` opens the name of a party: capitalised words the
    gazetteer does not know follow it, then a lower-case word of names.yaml ``party_nouns``
    ("the ruling Elbonian Dawn party"; not "the Thai army")."""
    end = span.end
    while end < len(doc) and end - span.end < BODY_WORDS_AFTER_DEMONYM and doc[end].is_title \
            and end not in starts:
        end += 1
    return span.end < end < len(doc) and doc[end].is_lower \
        and normalise_term(doc[end].text) in listed_words("party_nouns")


def inside_body_name(doc: Doc, span: Span, starts: set[int], cues: NameCues) -> bool:
    """Whether the demonym ``span`` stands inside the name of a body (see
    demonyms_inside_bodies): the words around it are capitalised, not known to the
    gazetteer, and the last of those after it is a body's or organisation's head word."""
    if span.start < 1 or doc[span.start - 1].is_sent_start:
        return False
    before = doc[span.start - 1]
    if not before.is_title or normalise_term(before.text) in cues.not_names \
            or title_closes([normalise_term(before.text)], cues):
        return False
    heads = cues.government_heads | cues.organization_heads
    end = span.end
    while end < len(doc) and end - span.end < BODY_WORDS_AFTER_DEMONYM and doc[end].is_title \
            and end not in starts:
        end += 1
    return end > span.end and normalise_term(doc[end - 1].text) in heads


def bodies_naming_organisations(doc: Doc, known: list[Span], cues: NameCues) -> list[Span]:
    """The known spans, where a government body's name that names another organisation
    (``names_other_organisation``: "the opposition Congress party") is that organisation's
    name, with no lexicon entry: not the body of the lexicon ("Congress" of another state)."""
    return [entity_span(doc, span.start, span.end, "Organization", "", "shape",
                        OTHER_ORGANISATION_CONFIDENCE)
            if names_other_organisation(doc, span, cues) else span for span in known]


def names_other_organisation(doc: Doc, span: Span, cues: NameCues) -> bool:
    """Whether a government body's name stands before a lower-case organisation head that
    is no body's ("the opposition Congress party", not "the Senate committee")."""
    if span.label_ != "GovernmentBody" or span.end >= len(doc):
        return False
    after = doc[span.end]
    head = normalise_term(after.text)
    return after.is_lower and head in cues.organization_heads \
        and head not in cues.government_heads


def opens_name(doc: Doc, span: Span, starts: set[int], cues: NameCues) -> bool:
    """Whether ``span`` is a one-word place that opens a person's name (see
    places_opening_names)."""
    if span.label_ not in PLACES_IN_NAMES or len(span) != 1 or span.end >= len(doc) \
            or not span[0].whitespace_:
        return False
    given = span.label_ == "City" and normalise_term(span.text) in cues.given_names
    if not given and not title_closes(words_before(doc, span.start, cues), cues):
        return False
    after = doc[span.end]
    return span.end not in starts and after.is_title and after.is_alpha \
        and after.lower_ not in common_words() and normalise_term(after.text) not in cues.not_names


def words_before(doc: Doc, i: int, cues: NameCues) -> list[str]:
    """The normalised words of a title that may end right before token ``i``: at most
    ``max_title_words`` words, a hyphen joining two of them; none after a hyphen."""
    if i > 0 and doc[i - 1].text == "-":
        return []
    words = [normalise_term(token.text) for token in doc[max(0, i - 2 * cues.max_title_words):i]
             if not token.is_space and token.text != "-"]
    return words[-cues.max_title_words:]


def title_closes(words: list[str], cues: NameCues) -> bool:
    """Whether the last of ``words`` end a title or are a person cue word ("Mr", "analyst").

    >>> title_closes(["the", "defence", "minister"], name_cues()), title_closes(["the"], name_cues())
    (True, False)
    """
    return bool(words) and words[-1] in cues.person_cues_before \
        or any(" ".join(words[-size:]) in cues.titles for size in range(1, len(words) + 1))


def family_names_of(known: list[Span]) -> frozenset[str]:
    """The normalised last words of the gazetteer's persons named in two words or more."""
    return frozenset(normalise_term(span[-1].text) for span in known
                     if span.label_ == "Person" and len(span) > 1 and span[-1].is_alpha)


class NameFinder:
    """Adds the names the gazetteer did not find to ``doc.spans[spans_key]``."""

    def __init__(self, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.cues = name_cues()

    def __call__(self, doc: Doc) -> Doc:
        known = list(doc.spans.get(self.spans_key, ()))
        for refine in (places_opening_names, demonyms_inside_bodies, bodies_naming_organisations):
            known = refine(doc, known, self.cues)
        attrs = dict(doc.spans[self.spans_key].attrs) if self.spans_key in doc.spans else {}
        taken = bytearray(len(doc))
        for span in known:  # 2 for a state, region or city, 1 for anything else it knows
            mark = TAKEN_PLACE if span.label_ in CONTAINING_PLACES else TAKEN
            taken[span.start:span.end] = mark * len(span)
        if annotated(doc, ENT_IOB):
            lexicon = load_lexicon(tuple(Path(path) for path in attrs.get("lexicons", ())))
            found = model_names(doc, taken, lexicon, self.cues)
        else:
            found = [entity_span(doc, name.start, name.end, name.cls, "", "shape",
                                 name.confidence)
                     for name in shape_names(doc, taken, self.cues, family_names_of(known))]
            known, found = joined_to_known(doc, known, found, self.cues)
            known, found = places_closing_bodies(doc, known, found, self.cues)
        doc.spans[self.spans_key] = sorted(known + found, key=lambda span: span.start)
        doc.spans[self.spans_key].attrs.update(attrs)
        return doc


@Language.factory("kg_names", default_config={"spans_key": ENTITIES_KEY})
def make_name_finder(nlp: Language, name: str, spans_key: str) -> NameFinder:
    """Build the finder of names the lexicon does not know."""
    return NameFinder(name, spans_key)
