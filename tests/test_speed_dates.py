"""kg_dates matches stretch by stretch around anchor words: the same matches, in the same
order, as its matcher over the whole Doc."""
from __future__ import annotations

import pytest
import spacy

from kg.nlp.dates import anchors

TEXTS = [
    "2019-03-01",
    "Talks ended on Thursday night. Since March 2016, and again on 1 March 2019, envoys met.",
    "March 1, 2019: the envoys met. They may meet again in 2020, this week or last month.",
    "Yesterday. Today. Tomorrow. Mar. 3, 2021 and 12 Sept 1999 were both mentioned.",
    "No dates here at all, only words.",
    "",
]


@pytest.fixture(scope="module")
def marker():
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_dates")
    return nlp, nlp.get_pipe("kg_dates")


@pytest.mark.parametrize("text", TEXTS)
def test_stretches_find_what_the_whole_doc_gives(marker, text):
    nlp, dates = marker
    doc = nlp.make_doc(text)
    assert list(dates.matches(doc)) == dates.matcher(doc)


def test_stretches_are_merged_where_they_meet(marker):
    nlp, dates = marker
    doc = nlp.make_doc("On Monday and Tuesday they met; " + "then they talked " * 10 + "in 2019.")
    stretches = dates.stretches(doc)
    assert stretches[0][0] == 0 and len(stretches) == 2
    assert all(first[1] < second[0] for first, second in zip(stretches, stretches[1:]))


def test_every_pattern_needs_an_anchor():
    with pytest.raises(ValueError, match="no word list or shape"):
        anchors({"odd": [[{"IS_DIGIT": True}, {"LOWER": "of", "OP": "?"}]]})
