"""Does prior adaptation help when a collection's stance mix differs from the training data's?

Simulated on annotated quotes the run never saw: many random collections are drawn from them with
a chosen share of `none` quotes (the rest favor and against in their own proportion), and each is
scored as served (the model averaged with TF-IDF), by the model alone, and by the model alone
after EM has estimated the collection's mix (model/priors.py).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.predict import Classifier
from model.priors import check_adaptable, em_priors, training_mix
from model.tfidf import load_tfidf, tfidf_probabilities
from training.metrics import stance_metrics

SYSTEMS = ("served (model+tfidf)", "model alone", "model, priors adapted")


def simulate(
    run_dir: str | Path,
    records: list[dict],
    none_shares: list[float | None],
    size: int = 300,
    samples: int = 300,
    seed: int = 0,
    device: str = "auto",
) -> dict:
    """Mean macro-F1, accuracy and prevalence error (half the L1 distance between the true mix
    and the estimated one: label counts, or EM's mix) per share of `none` and system.
    A share of None draws collections with the data's own mix."""
    classifier = Classifier.load(run_dir, device=device)
    tfidf = load_tfidf(run_dir)
    schema = classifier.schema
    check_adaptable(schema)
    if tfidf is None:
        raise ValueError(f"{run_dir} has no saved TF-IDF model to compare the served output")
    labels = schema.labels
    gold = np.array([labels.index(r["stance"]) for r in records])
    model_probs = classifier.probabilities(records)
    served = (model_probs + tfidf_probabilities(tfidf, records, len(labels))) / 2
    source = training_mix(schema)
    none = np.flatnonzero(gold == labels.index("none"))
    stanced = np.flatnonzero(gold != labels.index("none"))
    rng = np.random.default_rng(seed)
    results = {}
    for share in none_shares:
        if share is not None and not 0 <= share <= 1:
            raise ValueError(f"a share of none must be between 0 and 1, got {share}")
        k = None if share is None else round(share * size)
        if k is not None and (k > len(none) or size - k > len(stanced)):
            raise ValueError(
                f"not enough quotes to draw {size} with a none share of {share}: "
                f"{len(none)} none and {len(stanced)} favor/against"
            )
        if k is None and size > len(gold):
            raise ValueError(f"--size {size} is more than the {len(gold)} quotes given")
        rows = []
        for _ in range(samples):
            if k is None:
                idx = rng.choice(len(gold), size, replace=False)
            else:
                idx = np.concatenate(
                    [
                        rng.choice(none, k, replace=False),
                        rng.choice(stanced, size - k, replace=False),
                    ]
                )
            adapted, mix = em_priors(model_probs[idx], source)
            true_mix = np.bincount(gold[idx], minlength=len(labels)) / size
            row = []
            for probs, estimate in (
                (served[idx], None),
                (model_probs[idx], None),
                (adapted, mix),
            ):
                pred = probs.argmax(axis=1)
                counted = np.bincount(pred, minlength=len(labels)) / size
                m = stance_metrics(
                    [labels[i] for i in gold[idx]], [labels[i] for i in pred], None, labels, 0, 0
                )
                error = np.abs((counted if estimate is None else estimate) - true_mix).sum() / 2
                row.append((m["macro_f1"], m["accuracy"], error))
            rows.append(row)
        mean = np.array(rows).mean(axis=0)
        results["data's own mix" if share is None else f"none {share:.2f}"] = {
            system: {"macro_f1": float(f1), "accuracy": float(acc), "mix_error": float(err)}
            for system, (f1, acc, err) in zip(SYSTEMS, mean, strict=True)
        }
    return results


def format_results(results: dict, size: int, samples: int) -> str:
    lines = [
        f"{samples} random collections of {size} quotes per row; mean macro-F1 / accuracy / "
        "error of the estimated stance mix (label counts; EM's estimate when adapted)"
    ]
    for share, systems in results.items():
        lines.append(f"{share}:")
        for system, m in systems.items():
            lines.append(
                f"  {system:<24} macro-F1 {m['macro_f1']:.3f}  accuracy {m['accuracy']:.3f}  "
                f"mix error {m['mix_error']:.3f}"
            )
    return "\n".join(lines)
