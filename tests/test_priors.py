import json
from pathlib import Path

import numpy as np
import pytest

from model.batch import run_batch
from model.labels import LabelSchema
from model.predict import Classifier
from model.priors import MIN_QUOTES, adapt_file, adapt_records, em_priors

MEANS = np.array([-2.0, 0.0, 2.0])  # one Gaussian per class: exact, calibrated posteriors


def posteriors(x: np.ndarray, prior: np.ndarray) -> np.ndarray:
    likelihood = np.exp(-0.5 * (x[:, None] - MEANS[None, :]) ** 2)
    joint = likelihood * prior
    return joint / joint.sum(axis=1, keepdims=True)


def sample(prior: np.ndarray, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = rng.choice(3, size=n, p=prior)
    return rng.normal(MEANS[y], 1.0), y


def test_em_recovers_a_shifted_mix_and_improves_accuracy():
    source = np.array([1 / 3, 1 / 3, 1 / 3])
    target = np.array([0.1, 0.1, 0.8])
    x, y = sample(target, 5000, seed=0)
    probs = posteriors(x, source)  # what a model trained on a balanced mix would output
    adapted, mix = em_priors(probs, source)
    assert np.abs(mix - target).max() < 0.03
    assert np.allclose(adapted.sum(axis=1), 1)
    assert (adapted.argmax(1) == y).mean() > (probs.argmax(1) == y).mean() + 0.03
    assert np.allclose(adapted, posteriors(x, mix), atol=1e-4)  # Bayes under the new mix


def test_em_leaves_an_unshifted_collection_about_as_it_was():
    source = np.array([0.3, 0.3, 0.4])
    x, _ = sample(source, 5000, seed=1)
    probs = posteriors(x, source)
    adapted, mix = em_priors(probs, source)
    assert np.abs(mix - source).max() < 0.03
    assert (adapted.argmax(1) == probs.argmax(1)).mean() > 0.97


def records_from(probs: np.ndarray, model: str = "runs/x") -> list[dict]:
    labels = ["favor", "against", "none"]
    return [
        {
            "article_id": f"a{i}",
            "quote": "q",
            "stance": labels[int(row.argmax())],
            "stance_scores": {lab: float(p) for lab, p in zip(labels, row, strict=True)},
            "model": model,
        }
        for i, row in enumerate(probs)
    ]


def schema(prior=(0.3, 0.3, 0.4)) -> LabelSchema:
    return LabelSchema.for_task(
        "stance", dev_prior=dict(zip(["favor", "against", "none"], prior, strict=True))
    )


def test_adapt_records_relabels_in_place_and_reports_the_mix():
    x, _ = sample(np.array([0.05, 0.05, 0.9]), 400, seed=2)
    records = records_from(posteriors(x, np.array([0.3, 0.3, 0.4])))
    before = sum(r["stance"] == "none" for r in records)
    summary = adapt_records(records, schema())
    assert summary["estimated_mix"]["none"] > 0.8 and summary["quotes"] == 400
    assert sum(r["stance"] == "none" for r in records) > before
    assert all(r["prior_adapted"] for r in records)
    assert all(abs(sum(r["stance_scores"].values()) - 1) < 1e-3 for r in records)
    with pytest.raises(ValueError, match="already adapted"):
        adapt_records(records, schema())


@pytest.mark.parametrize(
    "records, the_schema, message",
    [
        (records_from(np.full((MIN_QUOTES - 1, 3), 1 / 3)), schema(), "at least 50"),
        (records_from(np.full((60, 3), 1 / 3), "runs/x+tfidf"), schema(), "--model-only"),
        (records_from(np.full((60, 3), 1 / 3)), LabelSchema.for_task("stance"), "retrain"),
        ([{"model": "runs/x"}] * 60, schema(), "no stance_scores"),
    ],
    ids=["too few quotes", "tfidf averaged in", "run without dev_prior", "not predict output"],
)
def test_adapt_records_refuses_what_it_cannot_adapt(records, the_schema, message):
    with pytest.raises(ValueError, match=message):
        adapt_records(records, the_schema)


def test_adapt_file_writes_the_whole_output_or_names_the_bad_line(tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    schema().save(run)
    x, _ = sample(np.array([0.1, 0.1, 0.8]), 100, seed=3)
    source = tmp_path / "preds.jsonl"
    lines = [json.dumps(r) for r in records_from(posteriors(x, np.array([0.3, 0.3, 0.4])))]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = adapt_file(source, tmp_path / "out" / "adapted.jsonl", run)
    out = (tmp_path / "out" / "adapted.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(out) == 100 and summary["estimated_mix"]["none"] > 0.6
    assert not list((tmp_path / "out").glob("*.tmp"))
    source.write_text("\n".join([*lines[:60], "{not json"]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"preds\.jsonl:61: not a JSON line"):
        adapt_file(source, tmp_path / "bad.jsonl", run)
    assert not (tmp_path / "bad.jsonl").exists()
    with pytest.raises(ValueError, match="not CSV"):
        adapt_file(tmp_path / "preds.csv", tmp_path / "x.jsonl", run)


def test_training_saves_the_dev_mix_and_predict_adapts_the_whole_batch(
    trained_run, corpus, tmp_path
):
    saved = LabelSchema.load(trained_run)
    assert set(saved.dev_prior) == {"favor", "against", "none"}
    assert abs(sum(saved.dev_prior.values()) - 1) < 1e-4
    articles, _ = corpus
    model_only = Classifier.load(trained_run, device="cpu")
    out = tmp_path / "adapted.csv"
    summary = run_batch([str(articles)], model_only, out, progress=False, adapt_priors=True)
    assert summary["prior_adaptation"]["quotes"] == summary["quotes"] >= MIN_QUOTES
    assert out.read_text(encoding="utf-8").startswith("article_id,")  # CSV after adaptation
    with pytest.raises(ValueError, match="quotestance adapt"):
        run_batch(
            [str(articles)], model_only, tmp_path / "s.jsonl", num_shards=2, adapt_priors=True
        )
    averaged = Classifier.load(trained_run, device="cpu", tfidf=True)
    with pytest.raises(ValueError, match="--model-only"):
        run_batch(
            [str(articles)], averaged, tmp_path / "t.jsonl", progress=False, adapt_priors=True
        )
    assert not list(tmp_path.glob("t.jsonl*"))  # refused before any work
    one_article = sorted(Path(articles).glob("*.txt"))[0]
    with pytest.raises(ValueError, match="at least 50"):
        run_batch(
            [str(one_article)],
            model_only,
            tmp_path / "few.jsonl",
            progress=False,
            adapt_priors=True,
        )
    assert not list(tmp_path.glob("few.jsonl*"))  # found too few only at the end: no sidecars


def test_evaluation_and_the_priors_command_report_adapted_priors(trained_run, corpus, tmp_path):
    from training.cli import main
    from training.evaluate import ADAPTED
    from training.experiment import evaluate_data

    articles, gold = corpus
    classifier = Classifier.load(trained_run, device="cpu")
    results = evaluate_data(classifier, trained_run, [str(gold)], None, "test", tmp_path / "e")
    assert {"model", ADAPTED} <= set(results["test"])
    # Every article of the tiny corpus trained the run: the simulation refuses them.
    argv = ["priors", "--model", str(trained_run), "--data", str(gold), "--articles"]
    assert main([*argv, str(articles), "--size", "20", "--samples", "2"]) == 2
