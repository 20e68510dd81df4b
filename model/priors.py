"""Estimate a collection's stance mix and adapt the model's probabilities to it.

A classifier's probabilities carry the label mix it learned. Where a collection's mix differs
(news may quote many more neutral voices than the training articles do), they are off by the
ratio of the two mixes. EM (Saerens, Latinne & Decaestecker 2002, "Adjusting the outputs of a
classifier to new a priori probabilities: a simple procedure", Neural Computation 14) estimates
the collection's mix from the probabilities themselves and re-weights them. It needs calibrated
probabilities, so it takes the fine-tuned model's own, not their average with TF-IDF (which is
under-confident: EM then over-corrects, README "Prior adaptation").
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from model.labels import LabelSchema

# Below this many quotes the estimate is too noisy to help (README "Prior adaptation").
MIN_QUOTES = 50


def em_priors(
    probs: np.ndarray, source: np.ndarray, max_iter: int = 1000, tol: float = 1e-6
) -> tuple[np.ndarray, np.ndarray]:
    """(adapted probabilities, estimated mix) for rows of `probs` made under prior `source`."""
    probs = np.asarray(probs, dtype=np.float64)
    source = np.asarray(source, dtype=np.float64)
    prior = source.copy()
    for _ in range(max_iter):
        weighted = probs * (prior / source)
        weighted /= weighted.sum(axis=1, keepdims=True)
        new = weighted.mean(axis=0)
        converged = np.abs(new - prior).max() < tol
        prior = new
        if converged:
            break
    return weighted, prior


def training_mix(schema: LabelSchema) -> np.ndarray:
    """The mix the model learned (its mean dev probabilities), in label order: EM's start."""
    return np.array([schema.dev_prior[label] for label in schema.labels])


def check_adaptable(schema: LabelSchema, model_name: str = "") -> None:
    """Before any work: can this model's probabilities be adapted?"""
    if schema.task != "stance" or not schema.dev_prior:
        raise ValueError(
            "this run has no dev_prior in quotestance.json (a frames run, or a stance run trained "
            "before prior adaptation existed): retrain it with `quotestance train`"
        )
    if model_name.endswith("+tfidf"):
        raise ValueError(
            f"{model_name} averages in TF-IDF; prior adaptation needs the model's own "
            "probabilities: load it with --model-only"
        )


def adapt_records(records: list[dict], schema: LabelSchema, where: str = "input") -> dict:
    """Re-label `records` (predict's output of one stance model, without TF-IDF) in place under
    the mix EM estimates for them; returns that mix and the mix of the labels before."""
    check_adaptable(schema)
    if len(records) < MIN_QUOTES:
        raise ValueError(
            f"{where}: {len(records)} quotes; estimating the stance mix needs at least "
            f"{MIN_QUOTES}: adapt the whole collection at once, or leave prior adaptation off"
        )
    labels = schema.labels
    for i, record in enumerate(records, 1):
        model = str(record.get("model", ""))
        if model.endswith("+tfidf"):
            raise ValueError(
                f"{where}: record {i} was scored with TF-IDF averaged in ({model}); prior "
                "adaptation needs the model's own probabilities: predict with --model-only"
            )
        if record.get("prior_adapted"):
            raise ValueError(
                f"{where}: record {i} was already adapted; adapting again would shift it twice: "
                "give predict's output from before adaptation"
            )
        scores = record.get("stance_scores")
        if not isinstance(scores, dict) or set(scores) != set(labels):
            raise ValueError(
                f"{where}: record {i} has no stance_scores for {', '.join(labels)}; give the "
                "output of `quotestance predict` (JSONL)"
            )
    probs = np.array([[r["stance_scores"][label] for label in labels] for r in records])
    adapted, mix = em_priors(probs, training_mix(schema))
    before = np.bincount(probs.argmax(axis=1), minlength=len(labels)) / len(records)
    for record, row in zip(records, adapted, strict=True):
        record["stance"] = labels[int(row.argmax())]
        record["stance_scores"] = dict(zip(labels, map(_rounded, row), strict=True))
        record["prior_adapted"] = True
    return {
        "quotes": len(records),
        "estimated_mix": {lab: round(float(p), 3) for lab, p in zip(labels, mix, strict=True)},
        "labels_before": {lab: round(float(p), 3) for lab, p in zip(labels, before, strict=True)},
        "training_mix": {lab: round(schema.dev_prior[lab], 3) for lab in labels},
    }


def _rounded(p: float) -> float:
    return round(float(p), 4)  # as predict writes scores


def read_jsonl(path: Path) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{n}: not a JSON line ({err.msg})") from None
    return records


def write_jsonl(path: Path, records: Iterable[dict]) -> None:
    """All or nothing: a temporary file renamed into place."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    os.replace(tmp, path)


def adapt_file(source: Path, output: Path, run_dir: str | Path) -> dict:
    """`quotestance adapt`: predict's JSONL output, re-labelled under its estimated mix."""
    if source.suffix.lower() == ".csv":
        raise ValueError(f"{source}: give predict's JSONL output (-o FILE.jsonl), not CSV")
    records = read_jsonl(source)
    summary = adapt_records(records, LabelSchema.load(run_dir), where=str(source))
    output.parent.mkdir(parents=True, exist_ok=True)
    write_jsonl(output, records)
    return {**summary, "output": str(output)}
