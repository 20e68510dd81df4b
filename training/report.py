"""Evaluation results -> report.md, plots, metrics.json and a one-screen terminal summary.

`results[split][system]` holds the dicts of training.metrics; the system "model" is the
fine-tuned classifier, every other system a baseline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure
from sklearn.metrics import ConfusionMatrixDisplay

from training.baselines import BASELINES
from training.metrics import expected_calibration_error, reliability_bins

MODEL = "model"
CONTEXT_CHARS = 300  # long contexts would make the error table unreadable


def write_report(
    results: dict,
    errors: dict[str, list[dict]],
    labels: Sequence[str],
    task: str,
    output_dir: Path,
    title: str,
    plots: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
) -> None:
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    lines = [f"# {title}", ""]
    for split, systems in results.items():
        lines += _split_section(split, systems, errors.get(split, []), list(labels), task)
    (output_dir / "report.md").write_text("\n".join(lines), encoding="utf-8")

    for split, (gold_idx, probs) in (plots or {}).items():
        _plot_confusion(gold_idx, probs, labels, split, output_dir / f"confusion_{split}.png")
        _plot_reliability(gold_idx, probs, split, output_dir / f"reliability_{split}.png")

    flat = flatten_metrics(results)
    (output_dir / "metrics.json").write_text(
        json.dumps(flat, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def flatten_metrics(results: dict) -> dict[str, float | list]:
    """One flat level of `{split}[_{system}]_{metric}` keys; metrics that are None are left out."""
    flat: dict[str, float | list] = {}
    for split, systems in results.items():
        for system, metrics in systems.items():
            prefix = f"{split}_" if system == MODEL else f"{split}_{system}_"
            for key, value in metrics.items():
                if value is None:
                    continue
                if key in ("per_class", "per_frame"):
                    for label, scores in value.items():
                        for name, number in scores.items():
                            flat[f"{prefix}{label}_{name}"] = number
                elif key == "macro_f1_ci":
                    flat[f"{prefix}macro_f1_ci_low"], flat[f"{prefix}macro_f1_ci_high"] = value
                else:
                    flat[f"{prefix}{key}"] = value
    return flat


def terminal_summary(results: dict, task: str) -> str:
    lines = []
    for split, systems in results.items():
        lines.append(f"{split}:")
        width = max(len(name) for name in systems)
        for system in _ordered(systems):
            marker = "*" if system == MODEL else " "
            lines.append(f" {marker} {system:<{width}}  {_headline(systems[system], task)}")
    return "\n".join(lines)


def _headline(metrics: dict, task: str) -> str:
    if task == "frames":
        return f"micro-F1 {metrics['micro_f1']:.3f}  macro-F1 {metrics['macro_f1']:.3f}"
    return (
        f"acc {metrics['accuracy']:.3f}  macro-F1 {_with_ci(metrics)}  "
        f"F_avg {_number(metrics['f_avg'])}  ECE {_number(metrics['ece'])}"
    )


def _ordered(systems: dict) -> list[str]:
    """The model first, then the baselines in their canonical order, then anything else."""
    rank = {name: i for i, name in enumerate((MODEL, *BASELINES))}
    return sorted(systems, key=lambda name: (rank.get(name, len(rank)), name))


def _split_section(
    split: str, systems: dict, errors: list[dict], labels: list[str], task: str
) -> list[str]:
    n = next(iter(systems.values()))["n"] if systems else 0
    lines = [f"## {split} (n = {n})", ""]
    if task == "frames":
        header = ["System", "Micro-F1", "Macro-F1"]
        rows = [
            [name, _number(m["micro_f1"]), _number(m["macro_f1"])]
            for name, m in ((s, systems[s]) for s in _ordered(systems))
        ]
    else:
        header = ["System", "Accuracy", "Macro-F1 [95% CI]", "F_avg", "ECE"]
        rows = [
            [name, _number(m["accuracy"]), _with_ci(m), _number(m["f_avg"]), _number(m["ece"])]
            for name, m in ((s, systems[s]) for s in _ordered(systems))
        ]
    lines += [*_table(header, [[f"**{r[0]}**" if r[0] == MODEL else r[0], *r[1:]] for r in rows])]

    model = systems.get(MODEL)
    if model is not None:
        per_label = model.get("per_frame" if task == "frames" else "per_class", {})
        lines += ["", "### Model per label", ""]
        lines += _table(
            ["Label", "Precision", "Recall", "F1", "Support"],
            [
                [
                    label,
                    _number(s["precision"]),
                    _number(s["recall"]),
                    _number(s["f1"]),
                    str(s["support"]),
                ]
                for label, s in per_label.items()
            ],
        )
        if "confusion" in model:
            lines += ["", "### Model confusion matrix (rows: gold, columns: predicted)", ""]
            lines += _table(
                ["gold \\ pred", *labels],
                [
                    [label, *map(str, row)]
                    for label, row in zip(labels, model["confusion"], strict=True)
                ],
            )
    if errors:
        lines += ["", "### Most confident errors", ""]
        lines += _table(
            ["Confidence", "Gold", "Predicted", "Speaker", "Quote", "Context"],
            [
                [
                    _number(e.get("confidence")),
                    _labels_text(e.get("gold")),
                    _labels_text(e.get("pred")),
                    e.get("speaker") or "—",
                    e.get("quote", ""),
                    _shorten(e.get("context") or "", CONTEXT_CHARS),
                ]
                for e in errors
            ],
        )
    return [*lines, ""]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(map(_cell, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(_cell, row)) + " |" for row in rows]
    return lines


def _cell(text) -> str:
    # A raw "|" or newline inside a quote would break the markdown table's columns.
    return " ".join(str(text).split()).replace("|", "\\|")


def _number(value) -> str:
    return "—" if value is None else f"{value:.3f}"


def _with_ci(metrics: dict) -> str:
    ci = metrics.get("macro_f1_ci")
    text = _number(metrics["macro_f1"])
    return text if ci is None else f"{text} [{ci[0]:.3f}, {ci[1]:.3f}]"


def _labels_text(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(value) or "(none)"
    return "—" if value is None else str(value)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# Figure() rather than pyplot: renders through Agg, needs no display and leaves the
# process-wide pyplot state (and any interactive backend) alone.
def _plot_confusion(gold_idx, probs, labels: Sequence[str], split: str, path: Path) -> None:
    fig = Figure(figsize=(1.6 * len(labels) + 2, 1.4 * len(labels) + 1.5), layout="constrained")
    ax = fig.subplots()
    ConfusionMatrixDisplay.from_predictions(
        np.asarray(gold_idx),
        np.asarray(probs).argmax(axis=1),
        labels=list(range(len(labels))),
        display_labels=list(labels),
        ax=ax,
        colorbar=False,
        cmap="Blues",
    )
    ax.set_title(f"Confusion matrix ({split})")
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    fig.savefig(path, dpi=120)


def _plot_reliability(gold_idx, probs, split: str, path: Path) -> None:
    bins = [b for b in reliability_bins(probs, gold_idx) if b["count"]]
    ece = expected_calibration_error(probs, gold_idx)
    fig = Figure(figsize=(5, 5), layout="constrained")
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    ax.bar(
        [b["low"] for b in bins],
        [b["accuracy"] for b in bins],
        width=[b["high"] - b["low"] for b in bins],
        align="edge",
        edgecolor="black",
        alpha=0.7,
        label="accuracy",
    )
    ax.plot(
        [b["confidence"] for b in bins],
        [b["accuracy"] for b in bins],
        marker="o",
        color="black",
        linestyle="none",
        label="accuracy at mean confidence",
    )
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="confidence (top probability)", ylabel="accuracy")
    ax.set_title(f"Reliability ({split}), ECE {ece:.3f}")
    ax.legend(loc="upper left")
    fig.savefig(path, dpi=120)
