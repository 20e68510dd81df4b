"""Score a model and the baselines side by side on annotated splits; write the reports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from model.labels import LabelSchema
from model.predict import Classifier
from model.priors import em_priors, training_mix
from training.baselines import fit_baseline
from training.metrics import frame_metrics, stance_metrics, tune_thresholds
from training.report import terminal_summary, write_report

WORST_ERRORS = 15
# Reported beside the baselines: the mean of the model's and TF-IDF's stance probabilities.
ENSEMBLE_PARTNER = "tfidf_logreg"
ENSEMBLE = "model+tfidf_logreg"
ADAPTED = "model_adapted_priors"


def gold_of(records: list[dict], schema: LabelSchema) -> list:
    return (
        [r["frames"] or [] for r in records]
        if schema.multi_label
        else [r["stance"] for r in records]
    )


def predicted_labels(probs: np.ndarray, schema: LabelSchema) -> list:
    labels = schema.labels
    if schema.multi_label:
        cut = np.array([schema.thresholds.get(label, 0.5) for label in labels])
        return [[labels[j] for j in np.flatnonzero(row >= cut)] for row in probs]
    return [labels[int(i)] for i in probs.argmax(axis=1)]


def score(records: list[dict], probs: np.ndarray, schema: LabelSchema, bootstrap: int, seed: int):
    gold, pred = gold_of(records, schema), predicted_labels(probs, schema)
    if schema.multi_label:
        return frame_metrics(gold, pred, schema.labels)
    return stance_metrics(gold, pred, probs, schema.labels, bootstrap, seed)


def check_known_labels(records: list[dict], schema: LabelSchema, split: str) -> None:
    known = set(schema.labels)
    for record in records:
        values = record["frames"] or [] if schema.multi_label else [record["stance"]]
        for value in values:
            if value not in known:
                raise ValueError(
                    f"{record.get('source', split)}: label {value!r} is not one the model knows "
                    f"({', '.join(schema.labels)})"
                )


def worst_errors(records: list[dict], probs: np.ndarray, schema: LabelSchema) -> list[dict]:
    """Confident mistakes first: they are what a user most needs to see."""
    if schema.multi_label:
        return []
    errors = []
    for record, row in zip(records, probs, strict=True):
        pred = schema.labels[int(row.argmax())]
        if pred != record["stance"]:
            errors.append(
                {
                    "article_id": record["article_id"],
                    "quote": record["quote"],
                    "speaker": record["speaker"],
                    "context": record["context"],
                    "gold": record["stance"],
                    "pred": pred,
                    "confidence": float(row.max()),
                }
            )
    return sorted(errors, key=lambda e: -e["confidence"])[:WORST_ERRORS]


def evaluate_splits(
    classifier: Classifier,
    splits: dict[str, list[dict]],
    train_records: list[dict],
    output_dir: Path,
    baselines: list[str] | tuple[str, ...] = (),
    bootstrap: int = 1000,
    seed: int = 13,
    batch_size: int = 64,
    title: str = "Evaluation",
    dev_records: list[dict] | None = None,
) -> dict:
    """Model and baselines (fit on `train_records`) on every split; writes report + metrics.json.

    Frame baselines tune their thresholds on `dev_records` (default: the `dev` split), as the
    model did on its own dev split; without any they would be held to 0.5 and look worse."""
    schema = classifier.schema
    for name, records in splits.items():
        if not records:
            raise ValueError(f"the {name!r} split is empty: nothing to evaluate")
        check_known_labels(records, schema, name)
    fitted = [fit_baseline(n, train_records, schema.task, schema.labels, seed) for n in baselines]
    dev = dev_records if dev_records is not None else splits.get("dev")
    baseline_schemas = [own_thresholds(b, schema, dev) for b in fitted]
    ensemble_schema = ensemble_thresholds(classifier, fitted, schema, dev, batch_size)
    results, errors, plots = {}, {}, {}
    for name, records in splits.items():
        probs = classifier.probabilities(records, batch_size)
        results[name] = {"model": score(records, probs, schema, bootstrap, seed)}
        for baseline, base_schema in zip(fitted, baseline_schemas, strict=True):
            base_probs = baseline.predict_proba(records)
            results[name][baseline.name] = score(records, base_probs, base_schema, bootstrap, seed)
            if baseline.name == ENSEMBLE_PARTNER and ensemble_schema is not None:
                # Two differently built models: does the mean beat each alone?
                mean = (probs + base_probs) / 2
                results[name][ENSEMBLE] = score(records, mean, ensemble_schema, bootstrap, seed)
        if schema.dev_prior and classifier.tfidf is None:
            # What `predict --adapt-priors` would give on this split, taken as one collection.
            adapted, _ = em_priors(probs, training_mix(schema))
            results[name][ADAPTED] = score(records, adapted, schema, bootstrap, seed)
        errors[name] = worst_errors(records, probs, schema)
        if not schema.multi_label:
            plots[name] = (np.array([schema.label2id[r["stance"]] for r in records]), probs)
    output_dir.mkdir(parents=True, exist_ok=True)
    write_report(results, errors, schema.labels, schema.task, output_dir, title, plots)
    return results


def ensemble_thresholds(
    classifier: Classifier, fitted: list, schema: LabelSchema, dev: list[dict] | None, batch_size
) -> LabelSchema | None:
    """The schema that scores the mean of the model and TF-IDF; None without TF-IDF. Frames get
    thresholds of their own, tuned on dev for the mean as each member's were for itself."""
    partner = next((b for b in fitted if b.name == ENSEMBLE_PARTNER), None)
    if partner is None or classifier.tfidf is not None:
        return None
    if not schema.multi_label:
        return schema
    thresholds = {}
    if dev:
        model_dev = classifier.probabilities(dev, batch_size)
        thresholds = mean_thresholds(dev, model_dev, partner.predict_proba(dev), schema.labels)
    return replace(schema, thresholds=thresholds)


def mean_thresholds(dev: list[dict], model_probs, tfidf_probs, labels) -> dict[str, float]:
    """Per-frame thresholds for the mean of two models' dev probabilities (training saves them,
    evaluation scores the mean with them)."""
    return tune_thresholds(
        [r["frames"] or [] for r in dev], (model_probs + tfidf_probs) / 2, labels
    )


def own_thresholds(baseline, schema: LabelSchema, dev: list[dict] | None) -> LabelSchema:
    """A frame baseline gets per-frame thresholds tuned on dev like the model, not the model's."""
    if not schema.multi_label:
        return schema
    thresholds = {}
    if dev:
        gold = [r["frames"] or [] for r in dev]
        thresholds = tune_thresholds(gold, baseline.predict_proba(dev), schema.labels)
    return replace(schema, thresholds=thresholds)


def summarise(results: dict, task: str, device: str) -> str:
    return f"device: {device}\n" + terminal_summary(results, task)
