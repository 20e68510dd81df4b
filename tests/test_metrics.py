"""Metric values on small cases worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import f1_score

from training.metrics import (
    expected_calibration_error,
    frame_metrics,
    reliability_bins,
    stance_metrics,
    tune_thresholds,
)

LABELS = ["favor", "against", "none"]
# favor: tp 2 of 3 gold, 3 predicted -> P = R = F1 = 2/3
# against: tp 1 of 1 gold, 3 predicted -> P 1/3, R 1, F1 1/2
# none: 2 gold, never predicted -> all 0 (zero_division=0)
GOLD = ["favor", "favor", "favor", "against", "none", "none"]
PRED = ["favor", "favor", "against", "against", "favor", "against"]


def test_stance_metrics_hand_computed():
    m = stance_metrics(GOLD, PRED, None, LABELS, bootstrap_samples=0)
    assert m["n"] == 6
    assert m["accuracy"] == pytest.approx(3 / 6)
    assert m["per_class"]["favor"] == pytest.approx(
        {"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3, "support": 3}
    )
    assert m["per_class"]["against"] == pytest.approx(
        {"precision": 1 / 3, "recall": 1.0, "f1": 0.5, "support": 1}
    )
    assert m["per_class"]["none"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 2}
    assert m["macro_f1"] == pytest.approx((2 / 3 + 0.5 + 0) / 3)
    assert m["f_avg"] == pytest.approx((2 / 3 + 0.5) / 2)  # `none` left out
    assert m["confusion"] == [[2, 1, 0], [0, 1, 0], [1, 1, 0]]
    assert m["macro_f1_ci"] is None
    assert m["ece"] is None


def test_confusion_follows_label_order():
    m = stance_metrics(GOLD, PRED, None, ["none", "against", "favor"], bootstrap_samples=0)
    assert m["confusion"] == [[0, 1, 1], [0, 1, 0], [0, 1, 2]]


def test_bootstrap_ci_matches_a_plain_sklearn_resampling():
    rng = np.random.default_rng(3)
    gold = list(rng.choice(LABELS, size=40))
    pred = [g if rng.random() < 0.6 else rng.choice(LABELS) for g in gold]
    m = stance_metrics(gold, pred, None, LABELS, bootstrap_samples=200, seed=7)

    # Same draws, scored one resample at a time with sklearn.
    g, p = np.array(gold), np.array(pred)
    rows = np.random.default_rng(7).integers(0, 40, size=(200, 40))
    scores = [f1_score(g[r], p[r], labels=LABELS, average="macro", zero_division=0) for r in rows]
    assert m["macro_f1_ci"] == pytest.approx(list(np.percentile(scores, [2.5, 97.5])))
    assert m["macro_f1_ci"][0] <= m["macro_f1"] <= m["macro_f1_ci"][1]


@pytest.mark.filterwarnings("ignore:A single label was found")
def test_bootstrap_is_seeded_and_degenerate_when_all_correct():
    a = stance_metrics(GOLD, PRED, None, LABELS, bootstrap_samples=100, seed=1)
    b = stance_metrics(GOLD, PRED, None, LABELS, bootstrap_samples=100, seed=1)
    assert a["macro_f1_ci"] == b["macro_f1_ci"]
    # With one label and no mistakes every resample scores 1.
    perfect = stance_metrics(["favor"] * 5, ["favor"] * 5, None, ["favor"], 50)
    assert perfect["macro_f1_ci"] == [1.0, 1.0]


# Four quotes in three bins: 0.95 right, 0.80 wrong, 0.60 right and 0.62 wrong.
PROBS = np.array([[0.95, 0.03, 0.02], [0.15, 0.80, 0.05], [0.60, 0.30, 0.10], [0.62, 0.28, 0.10]])
PROBS_GOLD = [0, 0, 0, 2]


def test_reliability_bins_hand_computed():
    bins = reliability_bins(PROBS, PROBS_GOLD)
    assert len(bins) == 10
    assert [b["count"] for b in bins] == [0, 0, 0, 0, 0, 0, 2, 0, 1, 1]
    assert bins[6]["low"] == pytest.approx(0.6) and bins[6]["high"] == pytest.approx(0.7)
    assert bins[6]["confidence"] == pytest.approx(0.61)
    assert bins[6]["accuracy"] == pytest.approx(0.5)
    assert bins[8]["accuracy"] == 0.0
    assert bins[0]["confidence"] is None and bins[0]["accuracy"] is None


def test_confidence_of_one_falls_in_the_last_bin():
    bins = reliability_bins(np.array([[1.0, 0.0]]), [0], n_bins=4)
    assert [b["count"] for b in bins] == [0, 0, 0, 1]


def test_ece_hand_computed_and_reported_by_stance_metrics():
    expected = (abs(1 - 0.95) + abs(0 - 0.80) + 2 * abs(0.5 - 0.61)) / 4
    assert expected_calibration_error(PROBS, PROBS_GOLD) == pytest.approx(expected)
    gold = [LABELS[i] for i in PROBS_GOLD]
    pred = [LABELS[i] for i in PROBS.argmax(axis=1)]
    m = stance_metrics(gold, pred, PROBS, LABELS, bootstrap_samples=0)
    assert m["ece"] == pytest.approx(expected)


def test_stance_metrics_rejects_bad_input():
    with pytest.raises(ValueError, match="empty"):
        stance_metrics([], [], None, LABELS)
    with pytest.raises(ValueError, match="not in"):
        stance_metrics(["favour"], ["favor"], None, LABELS)
    with pytest.raises(ValueError, match="pred has 1"):
        stance_metrics(["favor", "none"], ["favor"], None, LABELS)
    with pytest.raises(ValueError, match="shape"):
        stance_metrics(["favor"], ["favor"], np.ones((1, 2)), LABELS)


FRAME_LABELS = ["a", "b", "c", "d"]


def test_frame_metrics_hand_computed():
    gold = [["a"], ["a", "b"], [], ["b"]]
    pred = [["a"], ["b"], ["c"], []]
    m = frame_metrics(gold, pred, FRAME_LABELS)
    assert m["n"] == 4
    # tp 2, predicted 3, gold 4 -> 2*2 / (3 + 4)
    assert m["micro_f1"] == pytest.approx(4 / 7)
    # a and b: P 1, R 1/2; c: predicted only (F1 0 but counted); d: unused, left out
    assert m["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    assert m["per_frame"]["a"] == pytest.approx(
        {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2}
    )
    assert m["per_frame"]["c"]["support"] == 0
    assert m["per_frame"]["d"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}


def test_frame_metrics_with_nothing_anywhere_is_zero():
    m = frame_metrics([[], []], [[], []], FRAME_LABELS)
    assert m["micro_f1"] == 0.0 and m["macro_f1"] == 0.0


def test_frame_metrics_rejects_bad_input():
    with pytest.raises(ValueError, match="empty"):
        frame_metrics([], [], FRAME_LABELS)
    with pytest.raises(ValueError, match="not in the label set: zzz"):
        frame_metrics([["a"]], [["zzz"]], FRAME_LABELS)


def test_tune_thresholds_hand_computed():
    gold = [["x", "y"], ["x"], [], ["y"]]
    probs = np.array(
        [
            # x: positives 0.9 and 0.3, negatives 0.2, 0.1 -> F1 1 for t in {0.25, 0.30};
            # prob >= t counts as predicted, and the tie goes to the value nearer 0.5.
            [0.9, 0.95, 0.0],
            [0.3, 0.60, 0.0],
            [0.2, 0.10, 0.0],
            # y: positives 0.95 and 0.9, negative 0.6 -> F1 1 for t in 0.65..0.90.
            [0.1, 0.90, 0.0],
        ]
    )
    thresholds = tune_thresholds(gold, probs, ["x", "y", "z"])
    assert thresholds == {"x": 0.3, "y": 0.65, "z": 0.5}  # z: no positive in gold


def test_tune_thresholds_stays_on_the_grid():
    rng = np.random.default_rng(0)
    labels = ["p", "q"]
    gold = [[lab for lab in labels if rng.random() < 0.4] for _ in range(30)]
    thresholds = tune_thresholds(gold, rng.random((30, 2)), labels)
    grid = {round(0.05 * i, 2) for i in range(1, 20)}
    assert set(thresholds.values()) <= grid


def test_fold_summary_keeps_calibration_error_where_every_fold_has_one():
    from training.experiment import summarise_folds

    folds = [
        {
            "model": {"macro_f1": 0.8, "f_avg": 0.7, "accuracy": 0.8, "ece": 0.1},
            "tfidf": {"macro_f1": 0.7, "f_avg": 0.6, "accuracy": 0.7, "ece": None},
        },
        {
            "model": {"macro_f1": 0.6, "f_avg": 0.5, "accuracy": 0.6, "ece": 0.3},
            "tfidf": {"macro_f1": 0.7, "f_avg": 0.6, "accuracy": 0.7, "ece": None},
        },
    ]
    summary = summarise_folds(folds, "stance")
    assert summary["model"]["ece"]["mean"] == pytest.approx(0.2)
    assert summary["model"]["ece"]["folds"] == [0.1, 0.3]
    assert summary["model"]["macro_f1"]["mean"] == pytest.approx(0.7)
    assert "ece" not in summary["tfidf"]
