"""Posts people hold, read from the words around their names.

``find_roles`` yields a RoleMention per post a person is given in the text:

- a title before the name, with whose post it is and ``former``:
  "US President Donald Trump", "South Korea's dovish President Moon Jae-in",
  "North Korean Minister of Foreign Affairs Ri Yong-ho",
  "Former US ambassador to South Korea Kathleen Stephens" (title "Ambassador to South Korea");
- a title in apposition after the name, with its holder written before it or after "of"
  (or "for" a body): "Hugh Todd, Guyana's foreign minister,", "Baron Waqa, the secretary
  general of the Pacific Islands Forum,", "X, President of the European Commission,", "X,
  spokeswoman for the European Commission,"; "Syria's former president, Bashar al-Assad"
  before it;
- a holder written as a possessive pronoun or a noun after "the", the body named last
  before it: "The EU named an envoy. Its foreign policy chief, Josep Marel, ..." (also
  "Marel, its foreign policy chief,"), "the country's president", "the bank's director";
- the state of a titled person before "and" for a post written after it without one:
  "Lebanese President A and Prime Minister B" (B is Lebanon's prime minister);
- an organisation after "of": "Chris Green of the International Crisis Group", also for
  names coordinated before it ("Joel Wit and Jenny Town of the ... 38 North project").

The word lists (titles, former words) are in ontology/lexicon/names.yaml.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract.context import ARTICLES, BODY_CLASSES, PREPOSITIONS, argument_words, discourse
from kg.lexicon import Lexicon, NameCues
from kg.nlp.tokens import token_table

POSSESSIVES = frozenset({"’s", "'s"})
PLURAL_POSSESSIVES = frozenset({"'", "’"})  # "the Houthis' chief negotiator"
BODY_PRONOUNS = frozenset({"its", "their"})  # "Its spokeswoman, X": the body named before
REFERENT_CLASSES = frozenset({"Country", "Organization", "GovernmentBody"})
PRONOUN_REACH = 60  # tokens back to the body a possessive pronoun stands for
SUBJECT_REACH = 150  # tokens back to the start of the sentence whose subject it may be
HOLDER_CLASSES = frozenset({"Country", "Organization", "GovernmentBody", "City", "Region"})
MEMBER_TITLE = "Member"  # the post of "X of the Y" where the text names none
MAX_ADJECTIVES = 2  # "South Korea's dovish President"
MAX_AFFILIATION_GAP = 6  # words between "of the" and the organisation
POST_OBJECT_WORDS = frozenset({"to", "for"})  # "Ambassador to South Korea", "Envoy for Iran"
POST_PHRASE_WORDS = POST_OBJECT_WORDS | {"in"}  # "X, the EU's envoy in the country,"
SMALL_WORDS = frozenset({"of", "for", "the", "to", "and", "on", "-"})
APPOSITION_ENDS = frozenset({",", ".", ";", ")"})
GENERIC_MINISTER = "minister"  # the title whose portfolio the text may write before it
PORTFOLIO_WORDS = 2  # "economic development minister"
MAX_PORTFOLIO_WORDS = 8  # "minister of state for regional integration"
LIST_WORDS = frozenset({",", "and", "or"})  # between the items of a list
BODY_POST_WORDS = frozenset({"for", "in", "at"})  # "X, a director at the Fisheries Agency,"
SEAT_CLASSES = frozenset({"City"})  # "envoy in Vienna": where a post is held, not whose
DOUBLE_QUOTES = frozenset({"“", "”", '"', "«", "»"})  # not the apostrophes of possessives
UNKNOWN_SUBJECT = -1  # a sentence whose subject is a name or noun that is no entity span


@dataclass(frozen=True)
class RoleMention:
    """A post given to the person of span index ``person`` (of the entity spans)."""

    person: int
    title: str
    of: int | None  # index of the country's or organisation's span
    former: bool
    start_char: int  # where the whole phrase starts and ends
    end_char: int


class SpanIndex:
    """Entity spans by the token they start or end at."""

    def __init__(self, doc: Doc, spans: list[Span]) -> None:
        self.doc = doc
        self.tokens = token_table(doc)
        self.spans = spans
        self.ending_at = {span.end - 1: n for n, span in enumerate(spans)}
        self.starting_at = {span.start: n for n, span in enumerate(spans)}
        self.sentence_starts = frozenset(self.first_word(sentence.start) for sentence in doc.sents)

    def first_word(self, i: int) -> int:
        """The index of the first non-space token from ``i`` on."""
        while i < len(self.tokens.text) - 1 and self.tokens.is_space[i]:
            i += 1
        return i

    def previous_word(self, i: int) -> int:
        """The index of the last non-space token before ``i`` (-1 if none)."""
        i -= 1
        while i >= 0 and self.tokens.is_space[i]:
            i -= 1
        return i

    def is_possessive(self, i: int) -> bool:
        """Whether token ``i`` marks a possessive: "'s", or an apostrophe alone after a name
        ending in s ("the Houthis' chief negotiator", "the United Nations' envoy")."""
        text = self.tokens.text[i]
        return text in POSSESSIVES or text in PLURAL_POSSESSIVES and i > 0 and \
            i - 1 in self.ending_at and self.tokens.lower[i - 1].endswith("s")

    def holder_ending_at(self, i: int) -> int | None:
        """The span of a country or organisation ending at token ``i``, if any."""
        n = self.ending_at.get(i)
        return n if n is not None and self.spans[n].label_ in HOLDER_CLASSES else None

    def referred_holder(self, i: int) -> int | None:
        """The body that the word at token ``i`` stands for, named last before it a few
        sentences back at most: a possessive pronoun ("The EU named an envoy. Its foreign
        policy chief, X"; not "the measures it imposed on Kosovo, its foreign policy chief
        X", nor a demonym: "Chile expelled Peruvian staff and recalled its envoy"), or after "the" a noun for a state ("the country's president"), a
        bloc ("the bloc's") or a kind of body in the body's name ("the bank's regional
        director": the World Bank); None for any other word."""
        lower = self.tokens.lower[i]
        subject = self.subject_before(i) if lower in BODY_PRONOUNS else None
        if subject is not None:
            return subject if subject != UNKNOWN_SUBJECT else None
        if lower in BODY_PRONOUNS:  # the last body named, not as the object of a preposition
            return self.last_holder(i, lambda span: span.label_ in REFERENT_CLASSES and
                                    span.id_ != "demonym" and  # "Algerian agents": no referent
                                    not self.after_preposition(span))
        before = self.previous_word(i)
        if before < 0 or self.tokens.lower[before] != "the" or not self.tokens.is_lower[i]:
            return None
        if lower in discourse().represented_nouns:
            return self.last_holder(i, lambda span: span.label_ == "Country")
        if lower in argument_words().bloc_nouns:
            return self.last_holder(i, lambda span: span.label_ == "Organization")
        if lower in argument_words().body_nouns:
            return self.last_holder(i, lambda span: span.label_ in REFERENT_CLASSES
                                    and lower in span.text.lower().split())
        return None

    def subject_before(self, i: int) -> int | None:
        """The body a possessive pronoun at token ``i`` stands for as the subject of the
        sentence it is in, or of the sentence before where it opens one or follows a quote
        ("The Council backed the plan. Its secretary-general, X", "\"...,\" said its
        president, X"): the span that opens that sentence, after "the" (in its own sentence
        the body named last stands for it: "Kenya's envoy said South Africa was represented
        by its minister"); UNKNOWN_SUBJECT where
        a name that is no span, a demonym before one ("The Bolivian Chamber of Transport") or
        a noun that is no kind of body ("The company") opens it, or a name that is no span
        before a comma ("Linava, the hauliers' association,"); None where the sentence opens
        otherwise ("In Brussels, ...")."""
        tokens, j, reach = self.tokens, i - 1, max(-1, i - SUBJECT_REACH)
        own = i not in self.sentence_starts  # the pronoun's own sentence, no quote before it
        while j > reach:
            if tokens.text[j] in DOUBLE_QUOTES:  # back past the quote to its opening mark
                own = False
                j = next((k for k in range(j - 1, reach, -1)
                          if tokens.text[k] in DOUBLE_QUOTES), reach)
                if j in self.sentence_starts or j + 1 in self.sentence_starts or j == reach:
                    j -= 1
                    continue
            if j in self.sentence_starts:
                subject = self.sentence_subject(j)
                return subject if not own or subject == UNKNOWN_SUBJECT else None
            j -= 1
        return None

    def sentence_subject(self, start: int) -> int | None:
        """The entity span that opens the sentence starting at token ``start``, after "the"
        (see ``subject_before``)."""
        tokens = self.tokens
        first = start + (tokens.lower[start] == "the" and start not in self.starting_at)
        while first == start + 1 and tokens.is_lower[first] and tokens.is_alpha[first] and \
                first + 1 in self.starting_at and tokens.lower[first] not in subject_nouns():
            first += 1  # "The opposition Congress party"
        n = self.starting_at.get(first)
        if n is not None:
            span = self.spans[n]
            if span.id_ != "demonym":
                return n if span.label_ in REFERENT_CLASSES else None
            after = span.end
            return UNKNOWN_SUBJECT if after < len(tokens.text) and tokens.is_title[after] else None
        if first == start + 1 and tokens.is_lower[first]:  # "The company": a noun
            return None if tokens.lower[first] in subject_nouns() else UNKNOWN_SUBJECT
        named = first == start + 1 or first + 1 < len(tokens.text) and tokens.text[first + 1] == ","
        return UNKNOWN_SUBJECT if tokens.is_title[first] and named else None  # "Linava, the ..."

    def after_preposition(self, span: Span) -> bool:
        """Whether a span is the object of a preposition, alone or in a list after one
        ("vessels from Latvia, Lithuania and Poland")."""
        before = self.previous_word(span.start)
        while before > 0 and self.tokens.lower[before] in LIST_WORDS \
                and self.previous_word(before) in self.ending_at:
            before = self.previous_word(self.spans[self.ending_at[self.previous_word(before)]].start)
        return before >= 0 and self.tokens.lower[before] in PREPOSITIONS

    def last_holder(self, i: int, fits: Callable[[Span], bool]) -> int | None:
        """The span that ``fits`` ending last before token ``i``, within PRONOUN_REACH."""
        for j in range(i - 1, max(-1, i - PRONOUN_REACH), -1):
            n = self.ending_at.get(j)
            if n is not None and fits(self.spans[n]):
                return n
        return None


@cache
def subject_nouns() -> frozenset[str]:
    """Nouns for a state, a bloc or a kind of body, which may stand for one named before
    ("The bloc said ... Its envoy")."""
    return frozenset(discourse().represented_nouns | argument_words().bloc_nouns |
                     argument_words().body_nouns)


def written_title(words: list[str]) -> str:
    """A title as the text writes it, each word capitalised but the small ones.

    >>> written_title(["foreign", "ministry", "spokesman"]), written_title(["minister", "of", "foreign", "affairs"])
    ('Foreign Ministry Spokesman', 'Minister of Foreign Affairs')
    >>> written_title(["secretary", "-", "general"])
    'Secretary-General'
    """
    text = " ".join(word if word.lower() in SMALL_WORDS else word[:1].upper() + word[1:]
                    for word in words)
    return text.replace(" - ", "-")


def topic_start(index: SpanIndex, i: int) -> int:
    """The word before a post's topic ending at token ``i`` ("the EU's special envoy for
    the dialogue, X": the topic is "for the dialogue"): lower-case words after "for" that
    name no entity, a few at most; else ``i`` itself."""
    j = i
    while i - j < MAX_AFFILIATION_GAP and j >= 0 and j not in index.ending_at and \
            index.tokens.is_lower[j] and index.tokens.is_alpha[j]:
        if index.tokens.lower[j] == "for" and j < i:
            return index.previous_word(j)
        j = index.previous_word(j)
    return i


def title_ending_at(index: SpanIndex, i: int, cues: NameCues) -> tuple[str, int] | None:
    """The title whose words end at token ``i`` (as written), and its first token."""
    words: list[int] = []
    j = i
    while j >= 0 and len(words) < cues.max_title_words and j not in index.ending_at \
            and (index.tokens.is_alpha[j] or index.tokens.text[j] == "-"):
        words.insert(0, j)
        j = index.previous_word(j)
    texts = [index.tokens.text[k] for k in words]
    for size in range(len(words), 0, -1):
        if texts[-size] != "-" and cues.canonical_title(" ".join(texts[-size:])):
            size += portfolio_words(index, words[:-size], texts[-size:], cues)
            return written_title(texts[-size:]), words[-size]
    return None


def portfolio_title_before(index: SpanIndex, i: int, cues: NameCues) -> tuple[str, int] | None:
    """A post with its portfolio after "of" or "for", ending at token ``i`` ("Kenya's
    principal secretary for foreign affairs, X", "the minister of state for regional
    integration"): the title as written, from a known title that ends in a portfolio head
    (names.yaml ``portfolio_heads``) before the first such word, and its first token."""
    words: list[int] = []
    j = i
    while j >= 0 and len(words) < MAX_PORTFOLIO_WORDS and j not in index.ending_at \
            and index.tokens.is_lower[j] and index.tokens.is_alpha[j]:
        words.insert(0, j)
        j = index.previous_word(j)
    for at, k in enumerate(words[1:-1], 1):
        if index.tokens.lower[k] not in POST_OBJECT_WORDS | {"of"} or \
                index.tokens.lower[words[at - 1]] not in cues.portfolio_heads:
            continue
        found = title_ending_at(index, words[at - 1], cues)
        if found is not None:
            return written_title([index.tokens.text[w] for w in words
                                  if w >= found[1]]), found[1]
    return None


def portfolio_words(index: SpanIndex, before: list[int], title: list[str],
                    cues: NameCues) -> int:
    """How many of the words ``before`` a generic "minister" name its portfolio, which the
    title list does not know ("Indonesia's fisheries minister", "French Overseas Minister
    X", "economic development minister"): the last few, written in the same case as the
    title, back to a former word, a prefix or a common word."""
    if [word.lower() for word in title] != [GENERIC_MINISTER]:
        return 0
    count = 0
    for k in reversed(before[-PORTFOLIO_WORDS:]):
        lower = index.tokens.lower[k]
        if index.tokens.text[k][:1].isupper() != title[0][:1].isupper() or \
                not index.tokens.is_alpha[k] or lower in cues.former_words or \
                lower in cues.title_prefixes or lower in cues.not_names or \
                lower in ARTICLES or lower in PREPOSITIONS:
            break
        count += 1
    return count


def label_of(span: Span, lexicon: Lexicon) -> str:
    """The canonical name of a span's entity: the lexicon's label, else its text."""
    return lexicon[span.kb_id_].label if span.kb_id_ in lexicon else " ".join(span.text.split())


def with_prefix(index: SpanIndex, title: str, start: int,
                cues: NameCues) -> tuple[str, int, int]:
    """The title with a word such as "acting" written before token ``start`` ("acting US
    Defense Secretary" is an "Acting Defense Secretary"): the title, where the phrase now
    starts, and the word before it."""
    k = index.previous_word(start)
    if k >= 0 and index.tokens.lower[k] in cues.title_prefixes:
        return f"{written_title([index.tokens.lower[k]])} {title}", k, index.previous_word(k)
    return title, start, k


def title_before(index: SpanIndex, n: int, lexicon: Lexicon,
                 cues: NameCues) -> list[RoleMention]:
    """The post written before the person of span ``n``, if any, also with a comma between
    ("Saudi Arabia's energy minister, Khalid al-Falih"), past the city the post is held in
    ("Russia's envoy in Vienna, Mikhail Ulyanov"), with its holder after "of" ("the foreign
    minister of Uzbekistan, Bakhtiyor Saidov"); two posts joined by "and" are both the
    person's ("Vietnamese Deputy Prime Minister and Foreign Minister X"); a rank written
    before the name is passed over ("A ministry spokesman, Rear Admiral X")."""
    i = index.previous_word(index.spans[n].start)
    while i >= 0 and index.tokens.is_title[i] and index.tokens.lower[i] in cues.person_cues_before:
        i = index.previous_word(i)
    portfolio = None
    if i >= 0 and index.tokens.text[i] == ",":
        portfolio = portfolio_title_before(index, index.previous_word(i), cues)
        i = topic_start(index, index.previous_word(i))
    target = index.holder_ending_at(i) if portfolio is None else None
    suffix = ""
    holder = None  # "the foreign minister of Uzbekistan, X"
    if target is not None:
        before = index.previous_word(index.spans[target].start)
        if before >= 0 and index.tokens.lower[before] in ARTICLES:
            before = index.previous_word(before)  # "ambassador to the United Nations, X"
        word = index.doc[before].lower_ if before >= 0 else None
        if word == "in" and index.spans[target].label_ in SEAT_CLASSES:
            target = None  # "Russia's envoy in Vienna, X": where the post is held
        elif word == "of" and index.tokens.text[index.previous_word(index.spans[n].start)] == ",":
            holder = target
        elif word not in POST_OBJECT_WORDS:
            return []
        elif word == "for" and index.spans[target].label_ in BODY_CLASSES:
            holder = target  # "a spokesperson for the European Commission, X"
        else:
            suffix = f" {word} {label_of(index.spans[target], lexicon)}"
        i = index.previous_word(before)
    found = portfolio or title_ending_at(index, i, cues)
    if found is None:
        return []
    title, start = found
    tokens = index.tokens
    title, start, k = with_prefix(index, title, start, cues)
    joined: list[str] = []  # posts joined before it by "and"
    while k >= 0 and tokens.lower[k] == "and":
        other = title_ending_at(index, index.previous_word(k), cues)
        if other is None:
            break
        other_title, start, k = with_prefix(index, *other, cues)
        joined.append(other_title)
    for _ in range(MAX_ADJECTIVES):
        if k >= 0 and tokens.is_lower[k] and tokens.is_alpha[k] and k not in index.ending_at \
                and tokens.lower[k] not in cues.former_words \
                and tokens.lower[k] not in cues.not_names:  # "dovish", not "with"
            k = index.previous_word(k)
    former = k >= 0 and tokens.lower[k] in cues.former_words  # "Syria's former president"
    if former:
        start, k = k, index.previous_word(k)
    if k >= 0 and index.is_possessive(k):
        k = index.previous_word(k)
    of = holder if holder is not None else index.holder_ending_at(k) if k >= 0 else None
    referred = index.referred_holder(k) if k >= 0 and of is None else None
    if referred is None and of is None and k >= 0 and tokens.lower[k] in BODY_PRONOUNS:
        return []  # "Its president, X" where the body it stands for is no entity
    if referred is not None:
        first = k if tokens.lower[k] in BODY_PRONOUNS else index.previous_word(k)
        return [RoleMention(n, post, post_of, former, tokens.idx[first], index.spans[n].end_char)
                for post, post_of in joined_posts(index, title + suffix, joined, referred)]
    if of is not None and holder is None:
        title, start, k = with_prefix(index, title, index.spans[of].start, cues)
    if k >= 0 and tokens.lower[k] in cues.former_words:
        former, start = True, k
    person = index.spans[n]
    return [RoleMention(n, post, post_of, former, tokens.idx[start], person.end_char)
            for post, post_of in joined_posts(index, title + suffix, joined, of)]


def joined_posts(index: SpanIndex, title: str, joined: list[str],
                 of: int | None) -> list[tuple[str, int | None]]:
    """The posts written before a name, the last (``title``) and those joined before it by
    "and", each with its holder: a state written before them all holds every one
    ("Vietnamese Deputy Prime Minister and Foreign Minister X"), a body only the first
    ("Conservative Party leader and Prime Minister X": not the party's prime minister)."""
    shared = not joined or of is None or index.spans[of].label_ == "Country"
    return [(title, of if shared else None), *((post, of) for post in joined)]


def title_after(index: SpanIndex, n: int, cues: NameCues) -> RoleMention | None:
    """The post in apposition after the person of span ``n``, where the apposition names its
    holder: before the title with "'s" ("Hugh Todd, Guyana's foreign minister,"), as a
    state's adjective after a former word ("X, a former Sri Lankan envoy to India,") or
    after it with "of" ("X, the secretary general of the Pacific Islands Forum,"). The
    apposition must end at a comma or full stop; what the post is "to" or "for", or where it
    is held ("in"), may stand before that ("Iran's ambassador to the agency,", "the EU's
    special representative in the country.")."""
    tokens, person = index.tokens, index.spans[n]
    comma = person.end
    if comma >= len(tokens.text) or tokens.text[comma] != ",":
        return None
    j = comma + 1
    if j not in index.starting_at:  # "X, the EU's ...": a holder whose name takes "the"
        j += j < len(tokens.text) and tokens.lower[j] in ARTICLES
    of = index.starting_at.get(j)
    if of is not None:
        end = index.spans[of].end
        if index.spans[of].label_ not in HOLDER_CLASSES or end >= len(tokens.text) \
                or not index.is_possessive(end):
            return None
        j = end + 1
    elif j < len(tokens.text) and tokens.lower[j] in BODY_PRONOUNS:
        of, j = index.referred_holder(j), j + 1  # "X, its foreign policy chief,"
    elif j + 1 < len(tokens.text) and tokens.text[j + 1] in POSSESSIVES:
        of, j = index.referred_holder(j), j + 2  # "X, the bank's regional director,"
    former = j < len(tokens.text) and tokens.lower[j] in cues.former_words
    j += former
    adjective = index.starting_at.get(j) if of is None and former else None
    if adjective is not None and index.spans[adjective].id_ == "demonym" \
            and index.spans[adjective].label_ == "Country":
        of, j = adjective, index.spans[adjective].end  # "X, a former Sri Lankan envoy,"
    end = j
    while end < len(tokens.text) and (tokens.is_lower[end] or tokens.is_title[end]) \
            and tokens.is_alpha[end] and end not in index.starting_at \
            and tokens.lower[end] not in POST_PHRASE_WORDS | BODY_POST_WORDS \
            and tokens.lower[end] != "of":
        end += 1  # "X, foreign minister of ...", "X, President of ..."
    found = title_ending_at(index, end - 1, cues) if end > j else None
    if found is not None:
        found = with_prefix(index, *found, cues)[:2]  # "X, Congo's government spokesman,"
    holder_after = of is None and end < len(tokens.text) and tokens.lower[end] == "of"
    if found is None or found[1] != j and not (holder_after and
                                               describes_post(index, j, found[1], cues)):
        return None  # "X, the loyalist president of ...", not "X, Y's personal envoy"
    portfolio = portfolio_end(index, found[1], end, cues) if of is not None else None
    if portfolio is not None:  # "X, Rwanda's minister of state for regional integration,"
        found = written_title(tokens.text[found[1]:portfolio]), found[1]
        end = portfolio
    elif of is None and end + 1 < len(tokens.text) and tokens.lower[end] == "of":
        of = index.holder_ending_at(holder_end(index, end + 1))
        end = index.spans[of].end if of is not None else end
    elif of is None and end + 1 < len(tokens.text) and tokens.lower[end] in BODY_POST_WORDS:
        body = index.ending_at.get(holder_end(index, end + 1))  # "X, spokeswoman for the EC,"
        if body is not None and index.spans[body].label_ in BODY_CLASSES:
            of, end = body, index.spans[body].end
    close = apposition_end(index, end)
    if of is None or close is None:
        return None
    return RoleMention(n, found[0], of, former, person.start_char, tokens.idx[close])


def portfolio_end(index: SpanIndex, title: int, end: int, cues: NameCues) -> int | None:
    """The comma or stop after a portfolio written after "of" or "for" at token ``end``,
    past the title starting at token ``title`` that ends in a portfolio head ("minister
    for overseas territories,"): lower-case words that name no entity, a few at most."""
    tokens = index.tokens
    if end >= len(tokens.text) or tokens.lower[end] not in POST_OBJECT_WORDS | {"of"} \
            or tokens.lower[end - 1] not in cues.portfolio_heads or end - 1 < title:
        return None
    for k in range(end + 1, min(len(tokens.text), end + MAX_PORTFOLIO_WORDS)):
        if tokens.text[k] in APPOSITION_ENDS:
            return k if k > end + 1 else None
        if not (tokens.is_lower[k] and tokens.is_alpha[k]) or k in index.starting_at:
            return None
    return None


def describes_post(index: SpanIndex, start: int, title: int, cues: NameCues) -> bool:
    """Whether tokens [start, title) are at most a few lower-case words that describe the
    post starting at token ``title`` ("X, the loyalist president of ...", "X, the veteran
    foreign minister of ..."): no clause ("X, who became president of ...")."""
    words = range(start, title)
    return len(words) <= MAX_ADJECTIVES and all(
        index.tokens.is_lower[k] and index.tokens.is_alpha[k]
        and index.tokens.lower[k] not in discourse().clause_openers
        and index.tokens.lower[k] not in cues.not_names for k in words)


def holder_end(index: SpanIndex, i: int) -> int:
    """The last token of the entity span starting at token ``i``, or after its "the", or of
    the body that span owns ("chairman of Sudan's Sovereignty Council": the council)."""
    if index.tokens.lower[i] in ARTICLES and i not in index.starting_at:
        i += 1
    n = index.starting_at.get(i)
    if n is None:
        return -1
    end = index.spans[n].end
    owned = index.starting_at.get(end + 1) if end < len(index.tokens.text) and \
        index.is_possessive(end) else None
    if owned is not None and index.spans[owned].label_ in BODY_CLASSES:
        return index.spans[owned].end - 1
    return end - 1


def apposition_end(index: SpanIndex, i: int) -> int | None:
    """The comma or stop that ends an apposition at token ``i``, past a phrase of what the
    post is to or for, or where it is held ("to the agency", "in the country"), if it ends
    within a few words."""
    tokens = index.tokens
    if i < len(tokens.text) and tokens.lower[i] in POST_PHRASE_WORDS:
        i = next((j for j in range(i + 1, min(len(tokens.text), i + MAX_AFFILIATION_GAP))
                  if tokens.text[j] in APPOSITION_ENDS), len(tokens.text))
    return i if i < len(tokens.text) and tokens.text[i] in APPOSITION_ENDS else None


def affiliation_after(index: SpanIndex, n: int) -> int | None:
    """The organisation of "X of the Y" after the person of span ``n``, if any."""
    doc = index.doc
    i = index.spans[n].end
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    for j in range(i + 1, min(len(doc), i + 2 + MAX_AFFILIATION_GAP)):
        m = index.starting_at.get(j)
        if m is not None and index.spans[m].label_ in ("Organization", "GovernmentBody"):
            return m
        if m is None and not (doc[j].is_lower or doc[j].text == "-" or doc[j].is_space):
            inside = any(s.start <= j < s.end and s.label_ not in ("Person",)
                         for s in index.spans)
            if not inside:
                return None
    return None


def with_state_after(index: SpanIndex, role: RoleMention) -> RoleMention:
    """A post without a holder given the state named after "of" right after the person
    ("Foreign Minister Bakhtiyor Saidov of Uzbekistan"), else the post as it is."""
    i = index.spans[role.person].end
    if i + 1 >= len(index.tokens.text) or index.tokens.lower[i] != "of":
        return role
    end = holder_end(index, i + 1)
    state = index.ending_at.get(end) if end >= 0 else None
    if state is None or index.spans[state].label_ != "Country" or \
            end + 1 < len(index.tokens.text) and index.tokens.is_title[end + 1]:
        return role  # "Director X of the United States National Institute of ...": a name
    return replace(role, of=state, end_char=index.spans[state].end_char)


def coordinated_persons(index: SpanIndex, n: int) -> list[int]:
    """The person of span ``n`` and those joined to it by "and" or commas before it."""
    group = [n]
    while True:
        i = index.previous_word(index.spans[group[0]].start)
        if i < 0 or index.doc[i].lower_ not in ("and", ","):
            return group
        m = index.ending_at.get(index.previous_word(i))
        if m is None or index.spans[m].label_ != "Person":
            return group
        group.insert(0, m)


def with_state_of_coordinated(index: SpanIndex, role: RoleMention,
                              states: dict[int, int]) -> RoleMention:
    """A post written before a name without a holder, right after "and" and a person whose
    post written before them names a state, held for that state ("Lebanese President A and
    Prime Minister B": B is Lebanon's prime minister); else the post as it is. ``states``
    maps a person's span to the state of their post before the name."""
    start = index.doc.char_span(role.start_char, role.start_char + 1, alignment_mode="expand")
    conjunction = index.previous_word(start.start) if start is not None else -1
    if conjunction < 0 or index.tokens.lower[conjunction] != "and":
        return role
    before = index.ending_at.get(index.previous_word(conjunction))
    state = states.get(before) if before is not None else None
    return replace(role, of=state) if state is not None else role


def find_roles(doc: Doc, spans: list[Span], lexicon: Lexicon,
               cues: NameCues) -> Iterator[RoleMention]:
    """Every post the text gives a person (see the module docstring)."""
    index = SpanIndex(doc, spans)
    states: dict[int, int] = {}  # person span -> the state of the post written before them
    for n, span in enumerate(spans):
        if span.label_ != "Person":
            continue
        for role in title_before(index, n, lexicon, cues):
            if role.of is None:
                role = with_state_of_coordinated(index, with_state_after(index, role), states)
            if role.of is not None and spans[role.of].label_ == "Country":
                states[n] = role.of
            yield role
        role = title_after(index, n, cues)  # always with a holder
        if role:
            yield role
        org = affiliation_after(index, n)
        if org is not None:
            for person in coordinated_persons(index, n):
                yield RoleMention(person, MEMBER_TITLE, org, False,
                                  spans[person].start_char, spans[org].end_char)
