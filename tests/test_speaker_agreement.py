import json

import pytest

from training.data import DataError
from training.speaker_agreement import (
    format_speaker_agreement,
    pair_second,
    read_second_speakers,
    speaker_agreement,
)

# Two gold quotes of one article, the second said twice: pairing must keep occurrences apart.
GOLD = [
    {
        "article_id": "a1",
        "quote": "We will respond",
        "speaker": "Lena Varga",
        "start": 1,
        "end": 16,
    },
    {"article_id": "a1", "quote": "No comment", "speaker": "the ministry", "start": 40, "end": 50},
    {"article_id": "a1", "quote": "No comment", "speaker": None, "start": 80, "end": 90},
]


def second(quote, speaker, article_id="a1"):
    return {"article_id": article_id, "quote": quote, "speaker": speaker}


def test_pairs_repeated_quotes_in_order():
    rows = [second("No comment", "The Ministry"), second("We will respond", "Ms. Varga")]
    rows.append(second("No comment", "Lena Varga"))
    pairs = pair_second(GOLD, rows)
    assert [(g["start"], s["speaker"]) for g, s in pairs] == [
        (40, "The Ministry"),
        (1, "Ms. Varga"),
        (80, "Lena Varga"),
    ]


def test_missing_or_extra_quotes_are_errors_naming_the_quote():
    with pytest.raises(DataError, match=r"have no speaker.*a1"):
        pair_second(GOLD, [second("We will respond", "Lena Varga")])
    rows = [second(g["quote"], g["speaker"]) for g in GOLD] + [second("never said", None)]
    with pytest.raises(DataError, match=r"'never said'.*not in the gold"):
        pair_second(GOLD, rows)


def test_counts_annotators_and_rules_against_each():
    rows = [
        second("We will respond", "Lena Varga"),  # agree
        second("No comment", "the foreign ministry"),  # disagree (another body)
        second("No comment", None),  # agree on nobody
    ]
    pred = [
        {
            "article_id": "a1",
            "quote": "We will respond",
            "speaker": "Lena Varga",
            "start": 1,
            "end": 16,
        },
        {
            "article_id": "a1",
            "quote": "No comment",
            "speaker": "the foreign ministry",
            "start": 40,
            "end": 50,
        },
    ]  # the third quote is not found
    counts = speaker_agreement(pred, pair_second(GOLD, rows))
    assert counts["quotes"] == 3 and counts["annotators_agree"] == 2
    assert counts["found"] == 2 and counts["found_agree"] == 1
    assert (counts["rules_gold"], counts["rules_second"], counts["rules_either"]) == (1, 2, 2)
    assert counts["rules_on_agreed"] == 1
    report = format_speaker_agreement(counts)
    assert "0.667 (2/3)" in report and "rules = either 1.000 (2/2)" in report


def test_read_second_names_file_and_line(tmp_path):
    path = tmp_path / "second.jsonl"
    path.write_text(json.dumps(second("x", None)) + "\n" + json.dumps({"quote": "y"}) + "\n")
    with pytest.raises(DataError, match=r"second\.jsonl:2: missing field 'article_id'"):
        read_second_speakers([path])
    path.write_text(json.dumps(second("x", 3)) + "\n")
    with pytest.raises(DataError, match=r"second\.jsonl:1: field 'speaker'"):
        read_second_speakers([path])
    path.write_text('{"article_id": "a1",\n')
    with pytest.raises(DataError, match=r"second\.jsonl:1: malformed JSON"):
        read_second_speakers([path])
