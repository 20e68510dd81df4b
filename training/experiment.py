"""Named steps that the CLI calls: train a run, evaluate a run, cross-validate a config."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
from pathlib import Path

import numpy as np
import yaml

from model.articles import Article
from model.predict import Classifier
from model.quotes import extract_quotes
from model.tfidf import save_tfidf
from training.baselines import fit_baseline
from training.config import Config, parse_config
from training.data import (
    DataError,
    data_hash,
    kfold_by_article,
    load_articles,
    load_records,
    split_by_article,
)
from training.evaluate import evaluate_splits, mean_thresholds, score
from training.extraction_eval import by_article, match_quotes, score_extraction
from training.metrics import tune_thresholds
from training.model_card import write_model_card
from training.report import flatten_metrics
from training.train import save_run, task_records, train_model


def load_splits(config: Config) -> tuple[dict[str, list[dict]], dict[str, Article]]:
    """train/dev/test of the annotated corpus, plus `real` when a real test set is configured."""
    articles = load_articles(config.data.articles)
    records = load_records(config.data.gold, articles)
    d = config.data
    splits = split_by_article(records, d.dev_fraction, d.test_fraction, d.split_seed)
    if d.test_gold:
        real_articles = load_articles(d.test_articles)
        splits["real"] = load_records(d.test_gold, real_articles)
        overlap = {r["article_id"] for r in splits["real"]} & set(articles)
        if overlap:
            raise DataError(f"real test articles are also in the training data: {sorted(overlap)}")
        articles = {**articles, **real_articles}
    return {k: v for k, v in splits.items() if v}, articles


def run_training(config: Config, run_dir: Path | None = None, resume: bool = False) -> dict:
    run_dir = Path(run_dir or config.output_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    splits, _ = load_splits(config)
    splits = {name: task_records(records, config.task) for name, records in splits.items()}
    model, tokenizer, schema = train_model(config, splits, run_dir, resume=resume)
    if int(os.environ.get("RANK", "0")) != 0:
        return {}  # under torchrun / accelerate only the main process saves and evaluates
    classifier = Classifier(model, tokenizer, schema, model.device, name=str(run_dir))
    # Saved beside the model: `predict` averages the two (ahead of each in cross-validation).
    tfidf = fit_baseline("tfidf_logreg", splits["train"], config.task, schema.labels, config.seed)
    calibrate_on_dev(classifier, splits["dev"], config.evaluation.batch_size, tfidf)
    save_run(model, tokenizer, schema, config, run_dir, data_hash(config.data.gold))
    save_tfidf(tfidf.estimator, run_dir)
    results = evaluate_splits(
        classifier,
        {name: records for name, records in splits.items() if name != "train"},
        splits["train"],
        run_dir,
        baselines=config.evaluation.baselines,
        bootstrap=config.evaluation.bootstrap_samples,
        seed=config.seed,
        batch_size=config.evaluation.batch_size,
        title=f"Evaluation of {config.name}",
    )
    write_model_card(run_dir, config, results, {k: len(v) for k, v in splits.items()})
    return results


def calibrate_on_dev(classifier: Classifier, dev: list[dict], batch_size: int, tfidf=None) -> None:
    """What a model is served with from its dev split: per-frame thresholds (frames; also for
    the mean with `tfidf`, the TF-IDF baseline fitted beside it), or the label mix it learned,
    from which prior adaptation starts (stance)."""
    schema = classifier.schema
    probs = classifier.probabilities(dev, batch_size)
    if schema.multi_label:
        gold = [r["frames"] or [] for r in dev]
        schema.thresholds = tune_thresholds(gold, probs, schema.labels)
        if tfidf is not None:
            tfidf_probs = tfidf.predict_proba(dev)
            schema.mean_thresholds = mean_thresholds(dev, probs, tfidf_probs, schema.labels)
    else:
        schema.dev_prior = {
            label: float(p) for label, p in zip(schema.labels, probs.mean(axis=0), strict=True)
        }


def run_config(run_dir: Path) -> Config:
    path = Path(run_dir) / "config.resolved.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"{path} missing: {run_dir} is not a quotestance run directory")
    return parse_config(yaml.safe_load(path.read_text(encoding="utf-8")), source=str(path))


def evaluate_data(
    classifier: Classifier,
    run_dir: Path,
    data: list[str],
    articles: list[str] | None,
    split: str,
    output_dir: Path,
) -> dict:
    """Score annotated quotes: those of `data` in one split of the run's own data (its articles
    as split in training), or all of `data`, which must then be articles the run never saw."""
    config = run_config(run_dir)
    # The run's own splits, made exactly as training made them (split first, then the task's
    # filter): a subset of the data, or a differently filtered one, splits differently, and its
    # "test" articles could be ones the run trained on.
    splits, run_articles = load_splits(config)
    run_splits = {name: task_records(recs, config.task) for name, recs in splits.items()}
    article_texts = load_articles(articles) if articles else run_articles
    records = task_records(load_records(data, article_texts), config.task)
    if split == "all":
        refuse_trained_on(records, run_splits, run_dir)
        chosen = {"all": records}
    else:
        if split not in run_splits or not run_splits[split]:
            raise DataError(f"split {split!r} is empty or unknown (train, dev, test, real, all)")
        in_split = {r["article_id"] for r in run_splits[split]}
        chosen = {split: [r for r in records if r["article_id"] in in_split]}
        if not chosen[split]:
            raise DataError(
                f"no quote in --data is from an article of {run_dir}'s {split} split; "
                "pass the run's own data, or --split all for data it never saw"
            )
    return evaluate_splits(
        classifier,
        chosen,
        run_splits["train"],
        output_dir,
        baselines=config.evaluation.baselines,
        bootstrap=config.evaluation.bootstrap_samples,
        seed=config.seed,
        title=f"Evaluation of {run_dir}",
        dev_records=run_splits["dev"],
    )


def refuse_trained_on(records: list[dict], run_splits: dict, run_dir: Path) -> None:
    """Held-out claims need held-out articles: none the run trained or early-stopped on."""
    seen = sorted(
        {r["article_id"] for r in records}
        & {r["article_id"] for r in run_splits["train"] + run_splits["dev"]}
    )
    if seen:
        raise DataError(
            f"{len(seen)} article(s) in --data were used to train {run_dir} "
            f"(e.g. {', '.join(seen[:3])}), so they are not held-out: use --split test for "
            "the run's own held-out articles, or data it never saw"
        )


def unseen_records(run_dir: Path, data: list[str], articles: list[str]) -> list[dict]:
    """Annotated quotes of articles the run never saw (an error names any it did)."""
    config = run_config(run_dir)
    splits, _ = load_splits(config)
    records = load_records(data, load_articles(articles))
    refuse_trained_on(records, splits, run_dir)
    return records


def evaluate_articles(
    classifier: Classifier, article_paths: list[str], gold_paths: list[str], output_dir: Path
) -> dict:
    """End to end: extract from raw articles, match to gold by overlap, classify the matches."""
    articles = load_articles(article_paths)
    gold = load_records(gold_paths, articles)
    gold_ids = {r["article_id"] for r in gold}
    if not gold_ids:
        raise DataError("the gold file has no quotes for these articles")
    texts = {aid: articles[aid].text for aid in gold_ids}
    predicted = [q.to_dict() for aid in sorted(gold_ids) for q in extract_quotes(texts[aid], aid)]
    extraction = score_extraction(predicted, gold, texts)
    matched_gold, matched_pred = [], []
    gold_by, pred_by = by_article(gold), by_article(predicted)
    for aid in sorted(gold_ids):
        g, p = gold_by[aid], pred_by.get(aid, [])
        pairs = match_quotes(
            [(r["start"], r["end"]) for r in p], [(r["start"], r["end"]) for r in g], 0.3
        )
        matched_pred += [p[i] for i, _ in pairs]
        matched_gold += [g[j] for _, j in pairs]
    if not matched_gold:
        raise DataError(
            "no extracted quote matches any gold quote: check that --gold fits --articles"
        )
    schema = classifier.schema
    probs = classifier.probabilities(matched_pred)
    stance = score(matched_gold, probs, schema, 1000, 0)
    results = {
        "extraction": extraction["overall"],
        "stance_on_matched": stance,
        "gold_quotes": len(gold),
        "matched": len(matched_gold),
        "lost_before_classification": len(gold) - len(matched_gold),
    }
    output_dir.mkdir(parents=True, exist_ok=True)
    # flatten_metrics prefixes keys by split name: the split here is "end_to_end".
    flat = flatten_metrics({"end_to_end": {"model": stance}})
    for key, value in extraction["overall"].items():
        if isinstance(value, dict):  # one entry per overlap level: precision, recall, f1
            flat.update({f"extraction_{key}_{name}": v for name, v in value.items()})
        elif isinstance(value, int | float):
            flat[f"extraction_{key}"] = value
    flat["end_to_end_lost_before_classification"] = results["lost_before_classification"]
    (output_dir / "metrics.json").write_text(json.dumps(flat, indent=2) + "\n", encoding="utf-8")
    return results


def crossval(config: Config, folds: int, work_dir: Path | None = None) -> dict:
    """k folds by article: model and baselines on each held-out fold; mean and std."""
    articles = load_articles(config.data.articles)
    records = task_records(load_records(config.data.gold, articles), config.task)
    per_fold: list[dict] = []
    with tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        for i, (train, test) in enumerate(kfold_by_article(records, folds, config.data.split_seed)):
            inner = split_by_article(
                train, config.data.dev_fraction, 0.0, config.data.split_seed + i
            )
            fold_dir = Path(tmp) / f"fold{i}"
            splits = {"train": inner["train"], "dev": inner["dev"]}
            model, tokenizer, schema = train_model(config, splits, fold_dir)
            classifier = Classifier(model, tokenizer, schema, model.device)
            # As in training: frame thresholds (the model's and the baselines') tuned on dev.
            calibrate_on_dev(classifier, inner["dev"], config.evaluation.batch_size)
            results = evaluate_splits(
                classifier,
                {"fold": test},
                inner["train"],
                fold_dir / "eval",
                baselines=config.evaluation.baselines,
                bootstrap=0,
                seed=config.seed,
                batch_size=config.evaluation.batch_size,
                dev_records=inner["dev"],
            )
            per_fold.append(results["fold"])
    return summarise_folds(per_fold, config.task)


def summarise_folds(per_fold: list[dict], task: str) -> dict:
    # Calibration error too, so that two recipes that tie on macro-F1 can be told apart by it.
    keys = (
        ("macro_f1", "micro_f1") if task == "frames" else ("macro_f1", "f_avg", "accuracy", "ece")
    )
    summary: dict = {}
    for system in per_fold[0]:
        summary[system] = {}
        for key in keys:
            if any(fold[system].get(key) is None for fold in per_fold):
                continue  # a system without probabilities has no calibration error
            values = [float(fold[system][key]) for fold in per_fold]
            summary[system][key] = {
                "mean": float(np.mean(values)),
                "std": statistics.stdev(values) if len(values) > 1 else 0.0,
                "folds": values,
            }
    return summary
