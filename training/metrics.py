"""Evaluation numbers for stance (single-label) and frames (multi-label).

Everything returned is plain Python (floats, ints, lists, dicts) so it goes straight into
metrics.json and the report.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)
from sklearn.preprocessing import MultiLabelBinarizer

# SemEval-2016 Task 6 scores stance as the mean F1 of the two committed classes: `none` is
# excluded so a system cannot look good by abstaining.
F_AVG_LABELS = ("favor", "against")
THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.05), 2)
DEFAULT_THRESHOLD = 0.5
# Resamples are drawn in chunks so bootstrap memory stays bounded on large test sets.
_BOOTSTRAP_CELLS_PER_CHUNK = 4_000_000


def per_label(labels: Sequence[str], precision, recall, f1, support) -> dict[str, dict]:
    return {
        label: {
            "precision": float(precision[i]),
            "recall": float(recall[i]),
            "f1": float(f1[i]),
            "support": int(support[i]),
        }
        for i, label in enumerate(labels)
    }


def stance_metrics(
    gold: Sequence[str],
    pred: Sequence[str],
    probs: np.ndarray | None,
    labels: Sequence[str],
    bootstrap_samples: int = 1000,
    seed: int = 0,
) -> dict:
    labels = list(labels)
    gold_idx = _label_indices(gold, labels, "gold")
    pred_idx = _label_indices(pred, labels, "pred")
    if len(gold_idx) != len(pred_idx):
        raise ValueError(f"gold has {len(gold_idx)} labels but pred has {len(pred_idx)}")
    if len(gold_idx) == 0:
        raise ValueError("cannot score an empty gold list")
    if probs is not None:
        probs = _check_probs(probs, len(gold_idx), len(labels))

    ids = list(range(len(labels)))
    precision, recall, f1, support = precision_recall_fscore_support(
        gold_idx, pred_idx, labels=ids, zero_division=0
    )
    per_class = per_label(labels, precision, recall, f1, support)
    committed = [per_class[label]["f1"] for label in F_AVG_LABELS if label in per_class]
    return {
        "n": len(gold_idx),
        "accuracy": float(accuracy_score(gold_idx, pred_idx)),
        "macro_f1": float(
            f1_score(gold_idx, pred_idx, labels=ids, average="macro", zero_division=0)
        ),
        "f_avg": float(np.mean(committed)) if committed else None,
        "per_class": per_class,
        "confusion": confusion_matrix(gold_idx, pred_idx, labels=ids).tolist(),
        "macro_f1_ci": _bootstrap_macro_f1_ci(
            gold_idx, pred_idx, len(labels), bootstrap_samples, seed
        ),
        "ece": None if probs is None else expected_calibration_error(probs, gold_idx),
    }


def frame_metrics(
    gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], labels: Sequence[str]
) -> dict:
    labels = list(labels)
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} frame lists but pred has {len(pred)}")
    if len(gold) == 0:
        raise ValueError("cannot score an empty gold list")
    gold_matrix = frame_matrix(gold, labels, "gold")
    pred_matrix = frame_matrix(pred, labels, "pred")

    precision, recall, f1, support = precision_recall_fscore_support(
        gold_matrix, pred_matrix, average=None, zero_division=0
    )
    # A frame nobody used and nobody predicted would add a meaningless 0 to the average.
    active = (gold_matrix.sum(axis=0) > 0) | (pred_matrix.sum(axis=0) > 0)
    return {
        "n": len(gold),
        "micro_f1": float(f1_score(gold_matrix, pred_matrix, average="micro", zero_division=0)),
        "macro_f1": float(f1[active].mean()) if active.any() else 0.0,
        "per_frame": per_label(labels, precision, recall, f1, support),
    }


def tune_thresholds(
    gold: Sequence[Sequence[str]], probs: np.ndarray, labels: Sequence[str]
) -> dict[str, float]:
    """Per frame, the grid threshold (predict when prob >= t) with the best dev F1.

    Ties are common on small dev sets (every t between two scores is equally good); the
    tied threshold nearest 0.5 wins so the choice moves off the default only when the data
    say so.
    """
    labels = list(labels)
    gold_matrix = frame_matrix(gold, labels, "gold")
    probs = _check_probs(probs, len(gold_matrix), len(labels))
    # Ordering candidates by distance from 0.5 lets argmax's first-wins rule break ties.
    grid = sorted(THRESHOLD_GRID, key=lambda t: (abs(t - DEFAULT_THRESHOLD), t))
    thresholds = {}
    for j, label in enumerate(labels):
        positives = gold_matrix[:, j].astype(bool)
        if not positives.any():
            thresholds[label] = DEFAULT_THRESHOLD
            continue
        predicted = probs[:, j][None, :] >= np.array(grid)[:, None]
        tp = (predicted & positives).sum(axis=1)
        f1 = _f1_from_counts(tp, positives.sum(), predicted.sum(axis=1))
        thresholds[label] = float(grid[int(np.argmax(f1))])
    return thresholds


def reliability_bins(probs: np.ndarray, gold_idx: Sequence[int], n_bins: int = 10) -> list[dict]:
    """Equal-width bins on the top probability; an empty bin has confidence/accuracy None."""
    gold_idx = np.asarray(gold_idx, dtype=int)
    probs = _check_probs(probs, len(gold_idx), None)
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == gold_idx
    # Bin i is [i/n, (i+1)/n); confidence 1.0 joins the last bin.
    which = np.minimum((confidence * n_bins).astype(int), n_bins - 1)
    bins = []
    for i in range(n_bins):
        members = which == i
        count = int(members.sum())
        bins.append(
            {
                "low": i / n_bins,
                "high": (i + 1) / n_bins,
                "count": count,
                "confidence": float(confidence[members].mean()) if count else None,
                "accuracy": float(correct[members].mean()) if count else None,
            }
        )
    return bins


def expected_calibration_error(
    probs: np.ndarray, gold_idx: Sequence[int], n_bins: int = 10
) -> float:
    """Count-weighted mean gap between confidence and accuracy over the reliability bins."""
    bins = reliability_bins(probs, gold_idx, n_bins)
    total = sum(b["count"] for b in bins)
    if total == 0:
        return 0.0
    return float(
        sum(b["count"] * abs(b["accuracy"] - b["confidence"]) for b in bins if b["count"]) / total
    )


def frame_matrix(rows: Sequence[Sequence[str]], labels: Sequence[str], what: str) -> np.ndarray:
    """Frame lists -> 0/1 matrix with columns in `labels` order; unknown frames are an error."""
    labels = list(labels)
    unknown = sorted({frame for row in rows for frame in row} - set(labels))
    if unknown:
        raise ValueError(f"{what} has frames not in the label set: {', '.join(unknown)}")
    return MultiLabelBinarizer(classes=labels).fit_transform(rows)


def _label_indices(values: Sequence[str], labels: list[str], what: str) -> np.ndarray:
    # sklearn silently drops labels outside `labels=`; a typo there must fail loudly instead.
    unknown = sorted(set(values) - set(labels))
    if unknown:
        raise ValueError(f"{what} has labels not in {labels}: {', '.join(map(str, unknown))}")
    index = {label: i for i, label in enumerate(labels)}
    return np.array([index[v] for v in values], dtype=int)


def _check_probs(probs: np.ndarray, n: int, k: int | None) -> np.ndarray:
    probs = np.asarray(probs, dtype=float)
    if probs.ndim != 2 or probs.shape[0] != n or (k is not None and probs.shape[1] != k):
        expected = f"({n}, {k if k is not None else 'k'})"
        raise ValueError(f"probs has shape {probs.shape}, expected {expected}")
    return probs


def _f1_from_counts(tp: np.ndarray, n_gold, n_pred) -> np.ndarray:
    """F1 = 2tp / (gold + pred), 0 where both are 0 (sklearn's zero_division=0)."""
    denominator = np.asarray(n_gold + n_pred, dtype=float)
    return np.divide(2.0 * tp, denominator, out=np.zeros_like(denominator), where=denominator > 0)


def _bootstrap_macro_f1_ci(
    gold_idx: np.ndarray, pred_idx: np.ndarray, k: int, samples: int, seed: int
) -> list[float] | None:
    """95% percentile interval of macro-F1 over quotes resampled with replacement.

    Each resample's macro-F1 comes from its confusion matrix (one bincount for a whole chunk
    of resamples): calling f1_score 1000 times would dominate evaluation time.
    """
    if samples <= 0:
        return None
    rng = np.random.default_rng(seed)
    n = len(gold_idx)
    chunk = max(1, _BOOTSTRAP_CELLS_PER_CHUNK // n)
    scores = []
    for start in range(0, samples, chunk):
        size = min(chunk, samples - start)
        rows = rng.integers(0, n, size=(size, n))
        cells = gold_idx[rows] * k + pred_idx[rows] + (np.arange(size) * k * k)[:, None]
        confusion = np.bincount(cells.ravel(), minlength=size * k * k).reshape(size, k, k)
        tp = np.diagonal(confusion, axis1=1, axis2=2)
        f1 = _f1_from_counts(tp, confusion.sum(axis=2), confusion.sum(axis=1))
        scores.append(f1.mean(axis=1))
    low, high = np.percentile(np.concatenate(scores), [2.5, 97.5])
    return [float(low), float(high)]
