"""Report files, metrics.json keys and the terminal summary on small known results."""

from __future__ import annotations

import json

import numpy as np
import pytest

from training.metrics import frame_metrics, stance_metrics
from training.report import flatten_metrics, terminal_summary, write_report

LABELS = ["favor", "against", "none"]
GOLD = ["favor", "favor", "favor", "against", "none", "none"]
PROBS = np.array(
    [
        [0.8, 0.1, 0.1],
        [0.7, 0.2, 0.1],
        [0.2, 0.7, 0.1],
        [0.1, 0.6, 0.3],
        [0.9, 0.05, 0.05],
        [0.3, 0.4, 0.3],
    ]
)
PRED = [LABELS[i] for i in PROBS.argmax(axis=1)]  # favor favor against against favor against
GOLD_IDX = np.array([LABELS.index(g) for g in GOLD])
ERRORS = [
    {
        "quote": "a | pipe\nand a newline",
        "speaker": None,
        "context": "x " * 400,
        "gold": "none",
        "pred": "favor",
        "confidence": 0.9,
    }
]


@pytest.fixture()
def stance_results():
    model = stance_metrics(GOLD, PRED, PROBS, LABELS, bootstrap_samples=50)
    majority = stance_metrics(GOLD, ["favor"] * 6, None, LABELS, bootstrap_samples=0)
    return {"test": {"majority": majority, "model": model}}


def test_flatten_metrics_keys_and_values(stance_results):
    flat = flatten_metrics(stance_results)
    model = stance_results["test"]["model"]
    assert flat["test_accuracy"] == pytest.approx(0.5)
    assert flat["test_majority_accuracy"] == pytest.approx(0.5)
    assert flat["test_favor_f1"] == pytest.approx(2 / 3)
    assert flat["test_against_precision"] == pytest.approx(1 / 3)
    assert flat["test_none_support"] == 2
    assert flat["test_majority_favor_recall"] == 1.0
    assert flat["test_macro_f1_ci_low"] == model["macro_f1_ci"][0]
    assert flat["test_macro_f1_ci_high"] == model["macro_f1_ci"][1]
    assert flat["test_confusion"] == [[2, 1, 0], [0, 1, 0], [1, 1, 0]]
    assert flat["test_n"] == 6
    # None values (the majority baseline's missing ECE and CI) are left out, not written as null.
    assert "test_majority_ece" not in flat and "test_majority_macro_f1_ci_low" not in flat
    assert all(isinstance(v, int | float) for k, v in flat.items() if not k.endswith("confusion"))


def test_write_report_stance(tmp_path, stance_results):
    out = tmp_path / "eval"
    write_report(
        stance_results,
        {"test": ERRORS},
        LABELS,
        "stance",
        out,
        "Stance on test",
        plots={"test": (GOLD_IDX, PROBS)},
    )
    report = (out / "report.md").read_text(encoding="utf-8")
    model = stance_results["test"]["model"]
    low, high = model["macro_f1_ci"]
    assert report.startswith("# Stance on test")
    assert "## test (n = 6)" in report
    assert "| System | Accuracy | Macro-F1 [95% CI] | F_avg | ECE |" in report
    assert f"| **model** | 0.500 | 0.389 [{low:.3f}, {high:.3f}] | 0.583 |" in report
    assert "| majority | 0.500 | 0.222 | 0.333 | — |" in report
    assert report.index("**model**") < report.index("| majority |")  # model first
    assert "| favor | 0.667 | 0.667 | 0.667 | 3 |" in report
    assert "| favor | 2 | 1 | 0 |" in report and "| none | 1 | 1 | 0 |" in report
    # The error's pipe is escaped and its newline flattened, so the table keeps six columns.
    assert "| 0.900 | none | favor | — | a \\| pipe and a newline |" in report
    assert "…" in report

    for name in ("confusion_test.png", "reliability_test.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics == flatten_metrics(stance_results)  # JSON round-trips floats exactly


def test_write_report_frames_without_plots(tmp_path):
    labels = ["economic", "political"]
    gold = [["economic"], ["political"], ["economic", "political"]]
    results = {
        "dev": {
            "model": frame_metrics(gold, [["economic"], ["political"], ["economic"]], labels),
            "majority": frame_metrics(gold, [[], [], []], labels),
        }
    }
    write_report(results, {"dev": []}, labels, "frames", tmp_path, "Frames")
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    # model: tp 3, predicted 3, gold 4 -> micro 6/7; political F1 2/3, economic 1
    assert "| System | Micro-F1 | Macro-F1 |" in report
    assert "| **model** | 0.857 | 0.833 |" in report
    assert "| political | 1.000 | 0.500 | 0.667 | 2 |" in report
    assert "confusion matrix" not in report and "confident errors" not in report
    assert not list(tmp_path.glob("*.png"))
    assert json.loads((tmp_path / "metrics.json").read_text())["dev_micro_f1"] == pytest.approx(
        6 / 7
    )


def test_terminal_summary_marks_the_model(stance_results):
    summary = terminal_summary(stance_results, "stance")
    lines = summary.splitlines()
    assert lines[0] == "test:"
    assert lines[1].startswith(" * model ")
    assert "acc 0.500" in lines[1] and "macro-F1 0.389 [" in lines[1] and "F_avg 0.583" in lines[1]
    assert lines[2].startswith("   majority ") and "ECE —" in lines[2]


def test_terminal_summary_frames():
    results = {"dev": {"model": {"n": 1, "micro_f1": 0.5, "macro_f1": 0.25, "per_frame": {}}}}
    assert terminal_summary(results, "frames") == "dev:\n * model  micro-F1 0.500  macro-F1 0.250"
