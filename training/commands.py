"""What each sub-command does, as functions that return printable text (tests call these)."""

from __future__ import annotations

import json
import os
from itertools import islice
from pathlib import Path

import yaml

from model.articles import ReadError, read_articles
from model.batch import format_table, run_batch
from model.classifier import resolve_device
from model.predict import Classifier
from model.priors import adapt_file
from model.quotes import extract_quotes, naive_quotes
from model.tfidf import TFIDF_FILE
from training.agreement import agreement, pair_up, read_second
from training.config import ConfigError, load_config, parse_config
from training.data import data_hash, load_articles, load_records, stats
from training.evaluate import summarise
from training.experiment import (
    crossval as run_crossval,
)
from training.experiment import (
    evaluate_articles,
    evaluate_data,
    load_splits,
    run_training,
    unseen_records,
)
from training.extraction_eval import format_extraction_report, score_extraction
from training.prior_shift import format_results, simulate
from training.speaker_agreement import (
    format_speaker_agreement,
    pair_second,
    read_second_speakers,
    speaker_agreement,
)


def extract(
    paths: list[str],
    output: Path,
    gold: list[str] | None,
    baseline: bool,
    second: list[str] | None = None,
) -> str:
    """Stream quote records to OUTPUT (atomically); keep them in memory only to score --gold."""
    kept, naive, errors, texts = [], [], [], {}
    n_articles = n_quotes = 0
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for item in read_articles(paths):
            if isinstance(item, ReadError):
                errors.append(f"  {item.source}: {item.message}")
                continue
            quotes = [q.to_dict() for q in extract_quotes(item.text, item.id)]
            out.writelines(json.dumps(q, ensure_ascii=False) + "\n" for q in quotes)
            n_articles += 1
            n_quotes += len(quotes)
            if gold:
                texts[item.id] = item.text
                kept += quotes
                if baseline:
                    naive += [q.to_dict() for q in naive_quotes(item.text, item.id)]
    os.replace(tmp, output)
    report = [f"{n_quotes} quotes from {n_articles} articles -> {output}"]
    if errors:
        report.append(f"{len(errors)} inputs could not be read:\n" + "\n".join(errors))
    if gold:
        records = load_records(gold, load_articles(paths))
        gold_ids = {r["article_id"] for r in records}
        scored = {a: t for a, t in texts.items() if a in gold_ids}
        systems = [("quotestance rules", kept)]
        if baseline:
            systems.append(("naive quote-mark pairing (baseline)", naive))
        for name, predicted in systems:
            mine = [p for p in predicted if p["article_id"] in scored]
            report.append(
                f"{name}:\n" + format_extraction_report(score_extraction(mine, records, scored))
            )
        if second:
            pairs = pair_second(records, read_second_speakers(second))
            report.append(format_speaker_agreement(speaker_agreement(kept, pairs)))
    return "\n".join(report)


def is_cached(run_dir: Path, config) -> bool:
    """The run dir holds a model from exactly this resolved config and these data."""
    resolved, data_file = run_dir / "config.resolved.yaml", run_dir / "data.json"
    if not (
        (run_dir / "model.safetensors").is_file() and resolved.is_file() and data_file.is_file()
    ):
        return False
    if config.task == "stance" and not (run_dir / TFIDF_FILE).is_file():
        return False  # trained before the TF-IDF model was saved beside it
    # Read through today's schema: a run saved before a key existed holds that key's default,
    # which keeps behaviour, so it is the same config; a key since removed makes it stale.
    try:
        saved = parse_config(yaml.safe_load(resolved.read_text()) or {}, source=str(resolved))
    except ConfigError:
        return False
    same_config = saved.model_dump(mode="json") == config.model_dump(mode="json")
    same_data = json.loads(data_file.read_text())["sha256"] == data_hash(config.data.gold)
    return same_config and same_data


def train(
    config_path: Path, overrides, output_dir: Path | None, resume: bool, if_missing: bool
) -> str:
    config = load_config(config_path, overrides)
    run_dir = Path(output_dir or config.output_dir)
    if if_missing and is_cached(run_dir, config):
        return (
            f"reusing the trained model in {run_dir} (same config and data); delete it to retrain"
        )
    results = run_training(config, run_dir, resume)
    if not results:
        return f"worker process done (the main process saves {run_dir})"
    device = str(resolve_device(config.training.device))
    return summarise(results, config.task, device) + f"\nmodel, reports and card in {run_dir}"


def evaluate(args) -> str:
    classifier = Classifier.load(args.model, device=args.device, quantize=args.quantize)
    device = f"{classifier.device}"
    # int8 reports go beside the fp32 ones instead of over them.
    variant = "-int8" if args.quantize else ""
    if args.gold:
        if not args.articles:
            raise ValueError("--gold needs --articles: the raw articles to extract from")
        out = args.output_dir or Path(args.model) / f"eval-articles{variant}"
        r = evaluate_articles(classifier, args.articles, args.gold, out)
        e, s = r["extraction"], r["stance_on_matched"]
        return (
            f"device: {device}\nend to end on {r['gold_quotes']} gold quotes: "
            f"{r['matched']} matched, "
            f"{r['lost_before_classification']} lost before classification\n"
            f"extraction F1 at overlap 0.3 / 0.8 / exact: {e['0.3']['f1']:.3f} / "
            f"{e['0.8']['f1']:.3f} / {e['exact']['f1']:.3f}; speaker accuracy "
            f"{e['speaker_accuracy'] or 0:.3f}\n"
            f"stance on matched quotes: accuracy {s['accuracy']:.3f}, "
            f"macro-F1 {s['macro_f1']:.3f}, F_avg {s['f_avg']:.3f}\n"
            f"metrics: {out / 'metrics.json'}"
        )
    if not args.data:
        raise ValueError("give --data FILE (annotated quotes) or --articles PATHS --gold FILE")
    out = args.output_dir or Path(args.model) / f"eval-{args.split}{variant}"
    results = evaluate_data(classifier, args.model, args.data, args.articles, args.split, out)
    return summarise(results, classifier.schema.task, device) + f"\nreport: {out / 'report.md'}"


def crossval(config_path: Path, folds: int, overrides, output: Path | None) -> str:
    config = load_config(config_path, overrides)
    summary = run_crossval(config, folds)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    lines = [f"{folds}-fold cross-validation by article: {config.name} ({config.training.recipe})"]
    for system, metrics in summary.items():
        cells = [f"{k} {v['mean']:.3f} ± {v['std']:.3f}" for k, v in metrics.items()]
        lines.append(f"  {system:<18} " + "   ".join(cells))
    return "\n".join(lines)


def mix_line(summary: dict) -> str:
    def fmt(mix: dict) -> str:
        return ", ".join(f"{label} {share:.3f}" for label, share in mix.items())

    return (
        f"stance mix estimated for these {summary['quotes']} quotes (EM): "
        f"{fmt(summary['estimated_mix'])}\n"
        f"  labels before adaptation: {fmt(summary['labels_before'])}; "
        f"the model's training mix: {fmt(summary['training_mix'])}"
    )


def adapt(predictions: Path, run_dir: Path, output: Path) -> str:
    summary = adapt_file(predictions, output, run_dir)
    return mix_line(summary) + f"\nrecords -> {summary['output']}"


def priors(args) -> str:
    records = unseen_records(args.model, args.data, args.articles)
    shares = [None, *args.none_shares]
    results = simulate(args.model, records, shares, args.size, args.samples, device=args.device)
    return format_results(results, args.size, args.samples)


def predict(args) -> str:
    # Prior adaptation needs calibrated probabilities: the model's own (model/priors.py).
    classifier = Classifier.load(
        args.model,
        device=args.device,
        quantize=args.quantize,
        tfidf=not (args.model_only or args.adapt_priors),
    )
    if classifier.schema.task != "stance":
        raise ValueError(
            f"--model {args.model} is a {classifier.schema.task} model; give a stance model"
        )
    frames = None
    if args.frames_model:
        frames = Classifier.load(
            args.frames_model,
            device=args.device,
            quantize=args.quantize,
            tfidf=not args.model_only,
        )
        if frames.schema.task != "frames":
            raise ValueError(f"--frames-model {args.frames_model} is not a frames model")
    summary = run_batch(
        args.paths,
        classifier,
        args.output,
        args.format,
        frames,
        args.resume,
        args.num_shards,
        args.shard_index,
        args.batch_size,
        adapt_priors=args.adapt_priors,
    )
    text = []
    if args.show:
        with args.output.open(encoding="utf-8") as handle:
            rows = islice(handle, None if args.show < 0 else args.show)
            if args.output.suffix.lower() != ".csv":
                text.append(format_table([json.loads(line) for line in rows]))
    text.append(
        f"articles {summary['articles']} (+{summary['skipped_done']} done before), "
        f"quotes {summary['quotes']}, errors {summary['errors']}, "
        f"stance {summary['stance']}, {summary['seconds']} s, {summary['quotes_per_s']} quotes/s"
    )
    if summary["prior_adaptation"]:
        text.append(mix_line(summary["prior_adaptation"]))
    text.append(f"records -> {summary['output']}")
    if summary["errors_file"]:
        text.append(f"errors  -> {summary['errors_file']}")
    return "\n".join(text)


def data_stats(config_path: Path) -> str:
    config = load_config(config_path)
    splits, articles = load_splits(config)
    return json.dumps(stats(splits, articles), indent=2)


def data_agreement(config_path: Path, second: list[str]) -> str:
    config = load_config(config_path)
    gold = load_records(config.data.gold, load_articles(config.data.articles))
    return json.dumps(agreement(pair_up(gold, read_second(second))), indent=2, ensure_ascii=False)
