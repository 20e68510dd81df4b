"""Inference speed, measured in one process on the same quotes.

Compares the way a user would naively write it (a transformers pipeline called one quote at a
time) with quotestance's classifier (length-sorted, dynamically padded batches under
inference_mode), and its int8 variant; relates the achieved FLOP rate to the machine's own
float32 matrix-multiply rate measured by the same script; and measures the peak memory of a
real `quotestance predict` process.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

import numpy as np
import torch
from transformers import pipeline

from model.articles import Article, read_articles
from model.encoding import encode_pairs, pair_texts
from model.first_token import FirstTokenLayer
from model.labels import LabelSchema
from model.predict import Classifier
from model.quotes import extract_quotes
from training.evaluate import evaluate_splits
from training.experiment import load_splits, run_config


def collect_quotes(paths: list[str], n: int) -> list[dict]:
    quotes = [
        q.to_dict()
        for article in read_articles(paths)
        if isinstance(article, Article)
        for q in extract_quotes(article.text, article.id)
    ]
    if not quotes:
        raise ValueError(f"no quotes found in {', '.join(paths)}")
    return list(islice(cycle(quotes), n))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def rate(n: int, seconds: list[float]) -> dict:
    """Quotes per second: the median pass, and the slowest and fastest passes."""
    return {
        "quotes_per_s": round(n / float(np.median(seconds)), 1),
        "range": [round(n / max(seconds), 1), round(n / min(seconds), 1)],
    }


def matmul_gflops(size: int = 1024, repeats: int = 20) -> float:
    """The machine's float32 GEMM rate with torch's threads: the ceiling for encoder inference."""
    a, b = torch.randn(size, size), torch.randn(size, size)
    torch.matmul(a, b)
    seconds = timed(lambda: [torch.matmul(a, b) for _ in range(repeats)])
    return 2 * size**3 * repeats / seconds / 1e9


def model_gflop(classifier: Classifier, records: list[dict]) -> float:
    """About 2 FLOPs per weight per token that passes through it (attention scores add little
    at these lengths). A FirstTokenLayer passes every token through its key and value weights
    only, and one token per quote through the rest."""
    model = classifier.model
    weights = sum(p.numel() for n, p in model.named_parameters() if "embeddings" not in n)
    first_only = sum(
        p.numel()
        for m in model.modules()
        if isinstance(m, FirstTokenLayer)
        for n, p in m.named_parameters()
        if ".key." not in f".{n}" and ".value." not in f".{n}"
    )
    features = encode_pairs(classifier.tokenizer, records, 512, classifier.schema.mask_quote)
    lengths = [len(f["input_ids"]) for f in features]
    return 2 * ((weights - first_only) * sum(lengths) + first_only * len(lengths)) / 1e9


def peak_rss_of_predict(model_dir: Path, articles: list[str]) -> float:
    """Peak resident memory (MB) of a real `quotestance predict` child process."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            sys.executable,
            "-m",
            "training.cli",
            "predict",
            *articles,
            "--model",
            str(model_dir),
            "-o",
            f"{tmp}/out.jsonl",
            "--device",
            "cpu",
        ]
        subprocess.run(command, check=True, capture_output=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# (label, quantize): the ways `quotestance predict` can run a model on the CPU.
VARIANTS = (("fp32", False), ("int8", True))


def run_benchmark(
    model_dir: Path, articles: list[str], n_quotes: int = 512, repeats: int = 3
) -> dict:
    """Each path times `repeats` passes over the same quotes after one warm-up pass; rates are
    the median pass (a single pass moved by ±5% from run to run on a 2-core machine)."""
    # First, while this process is small: a forked child's peak RSS counts the parent's pages
    # it shared before exec, so measuring after loading the models below would report their size.
    peak_rss = peak_rss_of_predict(model_dir, articles)
    records = collect_quotes(articles, n_quotes)
    n = len(records)
    naive = pipeline("text-classification", model=str(model_dir), device="cpu")
    mask_quote = LabelSchema.load(model_dir).mask_quote  # the naive user feeds the same texts
    pairs = [
        dict(zip(("text", "text_pair"), pair_texts(r, mask_quote), strict=True)) for r in records
    ]

    def naive_pass(batch=pairs):
        for pair in batch:
            naive(pair, truncation=True)

    naive_pass(pairs[:32])
    naive_times = [timed(naive_pass) for _ in range(repeats)]
    naive_rate = rate(n, naive_times)
    result: dict = {
        "quotes": n,
        "repeats": repeats,
        "torch_threads": torch.get_num_threads(),
        "naive_pipeline_quotes_per_s": naive_rate["quotes_per_s"],
        "naive_pipeline_range": naive_rate["range"],
    }
    classifiers = {}
    for label, quantize in VARIANTS:
        classifier = Classifier.load(model_dir, device="cpu", quantize=quantize)
        labels = classifier.probabilities(records).argmax(1)  # also the warm-up pass
        times = [timed(lambda c=classifier: c.probabilities(records)) for _ in range(repeats)]
        classifiers[label] = classifier
        result[label] = rate(n, times)
        result[label]["speedup_vs_naive"] = round(
            float(np.median(naive_times) / np.median(times)), 2
        )
        if label == "fp32":
            reference = labels
            achieved = model_gflop(classifier, records) / float(np.median(times))
        else:
            agree = np.mean(labels == reference)
            result[label]["agreement_with_fp32"] = round(float(agree), 4)
    for label, change in variant_f1_changes(model_dir, classifiers).items():
        result[label]["test_macro_f1_change"] = change
    peak = matmul_gflops()
    result.update(
        {
            "matmul_gflops": round(peak, 1),
            "fp32_achieved_gflops": round(achieved, 1),
            "fp32_fraction_of_matmul_peak": round(achieved / peak, 3),
            "predict_peak_rss_mb": round(peak_rss, 1),
        }
    )
    return result


def variant_f1_changes(model_dir: Path, classifiers: dict[str, Classifier]) -> dict[str, float]:
    """Per variant: macro-F1 minus fp32's on the run's held-out test split ({} if none)."""
    try:
        splits, _ = load_splits(run_config(model_dir))
    except (FileNotFoundError, ValueError):
        return {}
    if not splits.get("test"):
        return {}
    scores = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, classifier in classifiers.items():
            results = evaluate_splits(
                classifier,
                {"test": splits["test"]},
                splits["train"],
                Path(tmp) / label,
                bootstrap=0,
            )
            scores[label] = results["test"]["model"]["macro_f1"]
    return {
        label: round(score - scores["fp32"], 4)
        for label, score in scores.items()
        if label != "fp32"
    }
