"""The TF-IDF + logistic-regression model that is saved beside the fine-tuned one.

In cross-validation the mean of the two models' probabilities beats each alone (README: the
stance recipe comparison, and Frames), so a run folder also holds this model, fitted on the same
training split, and `quotestance predict` averages the two. It lives in `model/` so that
inference never imports training code; skops stores it without pickle's arbitrary code execution.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import skops.io as sio
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer

from model.encoding import second_text

TFIDF_FILE = "tfidf.skops"


def text_columns(records: Sequence[Mapping]) -> np.ndarray:
    """(n, 2) object array: the quote, and "speaker: context" as the fine-tuned model sees it."""
    rows = [
        (
            " ".join(str(r["quote"]).split()),
            second_text(r.get("speaker"), str(r.get("context") or "")),
        )
        for r in records
    ]
    return np.array(rows, dtype=object).reshape(len(rows), 2)


def tfidf_features() -> ColumnTransformer:
    # Separate vocabularies: "support" in the quote and in the narration mean different things.
    return ColumnTransformer(
        [
            ("quote", TfidfVectorizer(ngram_range=(1, 2)), 0),
            ("speaker_context", TfidfVectorizer(ngram_range=(1, 2)), 1),
        ]
    )


def tfidf_probabilities(estimator, records: Sequence[Mapping], n_labels: int) -> np.ndarray:
    """One row per record over all labels (stance: a distribution; frames: one probability per
    frame); a label absent from training gets 0."""
    out = np.zeros((len(records), n_labels))
    if len(records):
        out[:, estimator.classes_] = estimator.predict_proba(text_columns(records))
    return out


def save_tfidf(estimator, run_dir: str | Path) -> None:
    sio.dump(estimator, Path(run_dir) / TFIDF_FILE)


def load_tfidf(run_dir: str | Path):
    """The saved estimator, or None when the run has none (a run trained before it was saved)."""
    path = Path(run_dir) / TFIDF_FILE
    if not path.is_file():
        return None
    # Only the scikit-learn and numpy types this module saves; anything else is refused.
    untrusted = sio.get_untrusted_types(file=path)
    unexpected = [t for t in untrusted if not t.startswith(("sklearn.", "numpy."))]
    if unexpected:
        raise ValueError(f"{path}: refusing to load unexpected types {unexpected}")
    return sio.load(path, trusted=untrusted)
