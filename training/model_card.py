"""The run directory's README.md: what the model is, what it learnt from, how good it is."""

from __future__ import annotations

from pathlib import Path

from training.config import Config

SPLIT_NAMES = {
    "dev": "authored corpus, development split (used for early stopping)",
    "test": "authored corpus, held-out test split (articles unseen in training)",
    "real": "real news: the seed articles (never used in training or tuning)",
}


def _row(system: str, m: dict, task: str) -> str:
    if task == "frames":
        return f"| {system} | {m['n']} | {m['micro_f1']:.3f} | {m['macro_f1']:.3f} |"
    ci = m.get("macro_f1_ci")
    ci_text = f" [{ci[0]:.2f}, {ci[1]:.2f}]" if ci else ""
    return (
        f"| {system} | {m['n']} | {m['accuracy']:.3f} | {m['macro_f1']:.3f}{ci_text} "
        f"| {m['f_avg']:.3f} |"
    )


def evaluation_table(results: dict, task: str) -> str:
    head = (
        "| system | n | micro-F1 | macro-F1 |\n|---|---|---|---|"
        if task == "frames"
        else "| system | n | accuracy | macro-F1 [95% CI] | F_avg |\n|---|---|---|---|---|"
    )
    parts = []
    for split, systems in results.items():
        rows = [_row(name, metrics, task) for name, metrics in systems.items()]
        parts.append(f"**{SPLIT_NAMES.get(split, split)}**\n\n{head}\n" + "\n".join(rows))
    return "\n\n".join(parts)


def write_model_card(run_dir: Path, config: Config, results: dict, sizes: dict[str, int]) -> None:
    what = "stance (favor / against / none)" if config.task == "stance" else "frames (multi-label)"
    card = f"""---
library_name: transformers
pipeline_tag: text-classification
base_model: {config.model.base}
---

# quotestance: {config.name}

Classifies the {what} of a news quote toward the China–Russia–North Korea alignment, following
the project's annotation codebook. Input is a text pair: the quote, and "speaker: context".

- Base model: `{config.model.base}`; recipe `{config.training.recipe}`; seed {config.seed}
- Training data: {", ".join(config.data.gold)} (sha256 in `data.json`);
  quotes per split: {", ".join(f"{k} {v}" for k, v in sizes.items())}
- Resolved configuration: `config.resolved.yaml`; labels and thresholds: `quotestance.json`
- `tfidf.skops`: a TF-IDF + logistic-regression model fitted on the same training split;
  `quotestance predict` serves the mean of the two models' probabilities (the row
  `model+tfidf_logreg` below), `--model-only` the fine-tuned model alone

## Evaluation

Baselines were trained on the same training split and scored in the same run.

{evaluation_table(results, config.task)}

Full report: `report.md`; machine-readable: `metrics.json`.

## Use

```python
from transformers import pipeline
clf = pipeline("text-classification", model="{run_dir}")
clf({{"text": "quote", "text_pair": "speaker: context"}})
```

or `quotestance predict ARTICLES --model {run_dir}` for whole articles.

## Limits

Trained on a small corpus of articles written for training in the styles of real outlets; the
real-news test set is two articles. Expect errors on sarcasm, on quotes whose stance depends on
context outside the two sentences the model sees, and on topics far from the alignment.
"""
    (Path(run_dir) / "README.md").write_text(card, encoding="utf-8")
