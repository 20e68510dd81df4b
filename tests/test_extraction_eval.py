import pytest

from model.quotes import extract_quotes
from training.extraction_eval import (
    format_extraction_report,
    locate_gold,
    match_quotes,
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
