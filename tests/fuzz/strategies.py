"""Hypothesis strategies for hostile input: what the robustness tests and the fuzz target feed
the reader and the pipeline.

Texts mix news-like words (so that the rules have names, triggers, quotes and dates to work
on) with arbitrary Unicode, control characters, right-to-left script with bidi marks, and
quote marks nested or left open. Files are text (with and without headers), JSON Lines
with odd types, HTML with scripts and broken markup, and raw bytes (NUL bytes, invalid
UTF-8 such as encoded lone surrogates).
"""
from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

QUOTE_MARKS = ('"', "“", "”", "‘", "’", "«", "»", "„", "'")
BIDI_MARKS = ("\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
              "\u2066", "\u2067", "\u2068", "\u2069", "\u061c")
RTL_WORDS = ("שלום", "ירושלים", "السلام", "مفاوضات", "القاهرة", "طهران", "١٢", "٢٠١٩")
NEWS_WORDS = (
    "North Korea", "South Korea", "the US", "Japan", "Hanoi", "Seoul", "Geneva", "Kim", "Trump",
    "President", "Foreign Minister", "the minister", "Ana Lima", "Tomas Berg", "KCNA", "UN",
    "met", "said", "told", "promised", "talks", "summit", "sanctions", "lifted", "imposed",
    "urged", "accused", "rejected", "threatened", "agreed", "visited", "offered", "launched",
    "he", "she", "they", "it", "the", "and", "of", "in", "on", "with", "after", "who", "not",
    "on Monday", "yesterday", "March 1, 2019", "2019-03-02", "last week", "a senior official",
    ",", ".", ";", ":", "-", "–", "—", "(", ")", "?", "!", "'s", "\n", "\n\n", "  ",
)
CONTROL = tuple(chr(code) for code in (*range(0, 32), 127, *range(0x80, 0xA0)))
HEADER_LINES = (
    "title: Envoys meet again", "date: 2019-03-02", "date: March 1, 2019", "source: AP, Rome",
    "url: https://example.org/a", "author: A. Writer", "dateline: LIMA", "Title: ", "date:",
    "date 2021-06-07 Reuters, GENEVA", "date 2021-13-45 X, Y", "By Ana Lima", "By ",
    "Published: 4 May 2021, 09:30", "Posted on 31 February 2020", "212", "0", "",
    "GENEVA (AP) - ", "DOHA, May 3, 2021 (QNA) – ", "TEHRAN – ", "Lima, 2019 (X) -- ",
)

#: Any character a str can hold except lone surrogates (UTF-8 cannot carry those; they are
#: made as bytes by ``invalid_utf8``): control characters, private use, unassigned.
any_char = st.characters(exclude_categories=("Cs",))

fragment = st.one_of(
    st.sampled_from(NEWS_WORDS), st.sampled_from(QUOTE_MARKS), st.sampled_from(BIDI_MARKS),
    st.sampled_from(RTL_WORDS), st.sampled_from(CONTROL), st.text(any_char, max_size=12),
)


@st.composite
def nested_quotes(draw: st.DrawFn) -> str:
    """Quote marks opened several levels deep, closed wrongly or not at all."""
    depth = draw(st.integers(0, 30))
    opening = draw(st.lists(st.sampled_from(QUOTE_MARKS), min_size=depth, max_size=depth))
    closing = draw(st.lists(st.sampled_from(QUOTE_MARKS), max_size=depth))
    inner = draw(st.lists(st.sampled_from(NEWS_WORDS), max_size=8))
    return "".join(opening) + " ".join(inner) + "".join(closing)


#: An article body: news-like fragments mixed with hostile ones.
article_text = st.lists(st.one_of(fragment, nested_quotes()), max_size=120).map(" ".join)


@st.composite
def text_with_header(draw: st.DrawFn) -> str:
    """An article body under a header of some of the styles kg/ingest/headers.py reads,
    broken or not."""
    lines = draw(st.lists(st.one_of(st.sampled_from(HEADER_LINES), st.text(any_char, max_size=30)),
                          max_size=10))
    separator = draw(st.sampled_from(("\n", "\n\n", "\r\n")))
    return separator.join(lines) + draw(st.sampled_from(("\n\n", "\n", ""))) + draw(article_text)


HTML_TAGS = ("p", "div", "article", "span", "b", "i", "h1", "table", "td", "li", "main",
             "section", "a", "br", "img", "svg", "math", "noscript", "iframe", "template")


def html_node(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """One element around some children, its end tag sometimes missing or wrong."""
    return st.builds(
        lambda tag, attrs, inner, end: f"<{tag}{attrs}>{''.join(inner)}{end.format(tag=tag)}",
        st.sampled_from(HTML_TAGS),
        st.sampled_from(("", ' class="x"', " dir=rtl", ' style="display:none"', " a=", ' b="')),
        st.lists(children, max_size=4),
        st.sampled_from(("</{tag}>", "", "</div>", "</{tag}", "<{tag}>")),
    )


html_leaf = st.one_of(
    article_text,
    st.sampled_from(("<script>var s = '</p>'; alert(1)</script>", "<style>p{}</style>",
                     "<!-- a comment", "<!-- -->", "<![CDATA[ raw ]]>", "&#0;", "&#xD800;",
                     "&#x110000;", "&bogus;", "&amp", "<", ">", "</", "<?php ?>",
                     '<meta property="article:published_time" content="99999-99-99">',
                     '<meta name="author" content="">', "<title>Talks</title>")),
)
html_page = st.recursive(html_leaf, html_node, max_leaves=40).map(
    lambda body: f"<html><head><title>Talks</title></head><body>{body}</body></html>")

json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(any_char, max_size=20)
    | article_text,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(any_char, max_size=8), children, max_size=4),
    max_leaves=12,
)
json_record = st.dictionaries(
    st.sampled_from(("text", "title", "date", "id", "source", "url", "author", "dateline",
                     "TEXT", " title ")),
    json_value, max_size=6)


@st.composite
def jsonl_line(draw: st.DrawFn) -> bytes:
    """One line of a .jsonl file: a record with odd types (NaN and Infinity too), a JSON value
    that is no record, or no JSON at all; lone surrogates both as JSON escapes and as raw
    (invalid) bytes."""
    value = draw(st.one_of(json_record, json_value))
    ascii_only = draw(st.booleans())
    line = json.dumps(value, ensure_ascii=ascii_only) if draw(st.integers(0, 9)) \
        else draw(st.text(any_char, max_size=40))
    return line.replace("\n", " ").encode("utf-8", "surrogatepass")


jsonl_file = st.lists(st.one_of(jsonl_line(), st.just(b""), st.just(b" \t")), max_size=8).map(
    b"\n".join)

#: Bytes that are not UTF-8: encoded lone surrogates, stray continuation bytes, overlong forms.
invalid_utf8 = st.lists(st.one_of(
    st.sampled_from((b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\x80", b"\xc0\xaf", b"\xff", b"\xfe")),
    article_text.map(lambda text: text.encode("utf-8"))), max_size=20).map(b"".join)

#: The content of a file of some kind, as its suffix and bytes.
file_bytes = st.one_of(
    st.tuples(st.just(".txt"), st.one_of(text_with_header(), article_text).map(str.encode)),
    st.tuples(st.just(".txt"), st.one_of(invalid_utf8, st.binary(max_size=300))),
    st.tuples(st.just(".jsonl"), jsonl_file),
    st.tuples(st.just(".html"), html_page.map(lambda page: page.encode("utf-8", "replace"))),
    st.tuples(st.sampled_from((".html", ".jsonl", "")), st.binary(max_size=300)),
)


def robust_settings(max_examples: int) -> settings:
    """Hypothesis settings for these tests: no deadline (timings are noisy; hangs are caught
    by pytest-timeout), health checks on size off, and the same examples on every CI run."""
    return settings(max_examples=max_examples, deadline=None,
                    derandomize=os.environ.get("CI", "").lower() == "true",
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])
