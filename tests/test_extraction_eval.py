import pytest

from model.quotes import extract_quotes
from training.extraction_eval import (
    format_extraction_report,
    locate_gold,
    match_quotes,
    same_speaker,
    score_extraction,
)

TEXT = (
    "“We will respond,” said Lena Varga. Later she repeated: “We will respond.” "
    "Officials called it “blackmail.”"
)


def gold(quote, speaker, **extra):
    return {"article_id": "a1", "quote": quote, "speaker": speaker, **extra}


def test_locate_gold_walks_forward_and_honours_start():
    records = [gold("We will respond", "Lena Varga"), gold("We will respond", "Lena Varga")]
    first, second = locate_gold(records, TEXT)
    assert TEXT[first[0] : first[1]] == "We will respond" and first[0] == 1
    assert second[0] > first[1]
    explicit = [gold("We will respond", None, start=second[0])]
    assert locate_gold(explicit, TEXT) == [second]


def test_locate_gold_raises_naming_the_missing_quote():
    with pytest.raises(ValueError, match="never said this"):
        locate_gold([gold("never said this", None)], TEXT)


def test_match_quotes_is_one_to_one_best_overlap_first():
    pred = [(0, 10), (0, 9), (50, 60)]
    gold_spans = [(0, 10), (52, 60)]
    assert match_quotes(pred, gold_spans, 0.3) == [(0, 0), (2, 1)]
    assert match_quotes(pred, gold_spans, 0.9) == [(0, 0)]
    assert match_quotes(pred, gold_spans, 1.0) == [(0, 0)]
    assert match_quotes(pred, gold_spans, "exact") == [(0, 0)]
    assert match_quotes([], gold_spans, 0.3) == []


def test_score_extraction_counts_levels_and_speakers():
    texts = {"a1": TEXT, "a2": "No quotes here at all."}
    golds = [
        gold("We will respond,", "lena  VARGA"),
        gold("We will respond.", "Lena Varga"),
        gold("blackmail.", None),
    ]
    pred = [q.to_dict() for q in extract_quotes(TEXT, "a1")]
    pred.append({"article_id": "a2", "quote": "quotes", "speaker": None, "start": 3, "end": 9})
    scores = score_extraction(pred, golds, texts)
    overall = scores["overall"]
    assert overall["n_gold"] == 3 and overall["n_pred"] == len(pred)
    assert overall["exact"]["matched"] == 3
    assert overall["exact"]["recall"] == 1.0
    assert overall["0.8"]["precision"] == pytest.approx(3 / 4)
    assert overall["speaker_total"] == 3
    assert scores["per_article"]["a2"]["0.3"]["f1"] == 0.0
    report = format_extraction_report(scores)
    assert "OVERALL" in report and "a2" in report and "speaker accuracy" in report


def test_speaker_accuracy_is_also_split_by_whether_a_cue_was_found():
    texts = {"a1": "“One,” said Ana Reyes. “Two.” “Three.”"}
    golds = [gold("One,", "Ana Reyes"), gold("Two.", "Ana Reyes"), gold("Three.", "Ben Cho")]
    pred = [
        {
            "article_id": "a1",
            "quote": "One,",
            "speaker": "Ana Reyes",
            "cue": "said",
            "start": 1,
            "end": 5,
        },
        {
            "article_id": "a1",
            "quote": "Two.",
            "speaker": "Ana Reyes",
            "cue": None,
            "start": 24,
            "end": 28,
        },
        {
            "article_id": "a1",
            "quote": "Three.",
            "speaker": "Ana Reyes",
            "cue": None,
            "start": 31,
            "end": 37,
        },
    ]
    overall = score_extraction(pred, golds, texts)["overall"]
    assert (overall["speaker_correct"], overall["speaker_total"]) == (2, 3)
    assert (overall["uncued_correct"], overall["uncued_total"]) == (1, 2)
    assert "with a cue verb or label: 1/1; without one" in format_extraction_report(
        {"overall": overall}
    )


def test_partial_overlap_counts_at_low_threshold_only():
    texts = {"a1": TEXT}
    golds = [gold("We will respond,", "Lena Varga")]
    pred = [{"article_id": "a1", "quote": "We will", "speaker": "Lena Varga", "start": 1, "end": 8}]
    overall = score_extraction(pred, golds, texts)["overall"]
    assert overall["0.3"]["f1"] == 1.0
    assert overall["0.8"]["f1"] == 0.0
    assert overall["speaker_accuracy"] == 1.0


def test_empty_inputs_score_cleanly():
    scores = score_extraction([], [], {"a1": TEXT})
    assert scores["overall"]["0.3"]["f1"] == 1.0
    assert scores["overall"]["speaker_accuracy"] is None
    assert "OVERALL" in format_extraction_report(scores)


# --- scoring aliases -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("RNA", "the Ruritanian News Agency (RNA)"),
        ("the Ruritanian News Agency", "the Ruritanian News Agency (RNA)"),
        ("the Harbour Gazette", "Harbour Gazette"),
        ("Ruritania's official RNA", "RNA"),
    ],
)
def test_clear_aliases_of_one_body_are_the_same_speaker(a, b):
    assert same_speaker(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong-un", "Kim Yo-jong"),
        ("Kim", "Kim Jong-un"),
        ("China's foreign ministry", "Russia's foreign ministry"),
        ("the foreign ministry", "China's foreign ministry"),
        (None, "RNA"),
    ],
)
def test_different_people_and_bodies_stay_different(a, b):
    assert not same_speaker(a, b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("KCNA", "the Korean Central News Agency", True),
        ("the JCS", "South Korea’s Joint Chiefs of Staff", True),
        ("North Korea's Korean Central News Agency", "the Korean Central News Agency", True),
        ("Russia's Foreign Ministry", "the foreign ministry", False),
        ("Japan's Defense Ministry", "the Defense Ministry", False),
        ("The Korean Central News Agency of North Korea", "the Korean Central News Agency", True),
        ("the Joint Chiefs of Staff of South Korea", "the JCS", True),
        ("the Defense Ministry of Japan", "the Defense Ministry", False),
        ("the Central Committee of the Workers' Party", "the Central Committee", False),
        ("North Korea's Minju Sinmun", "the Minju Sinmun", True),
        ("the spokesman for the Ministry of Trade of Laos", "the Ministry of Trade of Laos", True),
        ("a Laotian foreign ministry spokesperson", "the Laotian foreign ministry", True),
        ("a Laotian foreign ministry spokesperson", "the Thai foreign ministry", False),
        ("Kim Jong-un", "Kim Yo-jong", False),
        ("KJU", "Kim Jong Un", False),
        (
            "The Korean Central News Agency (KCNA) of the DPRK",
            "the Korean Central News Agency (KCNA)",
            True,
        ),
        ("The Federal Agency for Tourism", "the Federal Agency for Tourism (Rostourism)", True),
        ("Rostourism", "the Federal Agency for Tourism (Rostourism)", True),
        ("the Federal Agency for Tourism (Rostourism)", "the Federal Agency for Transport", False),
    ],
)
def test_scoring_aliases_for_owners_and_acronyms(a, b, same):
    assert same_speaker(a, b) is same
