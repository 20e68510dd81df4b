import json

import pytest

from model.predict import Classifier
from training.baselines import fit_baseline
from training.data import DataError, load_articles, load_records, split_by_article
from training.evaluate import ENSEMBLE, evaluate_splits
from training.experiment import evaluate_articles, evaluate_data, run_config


@pytest.fixture(scope="module")
def classifier(trained_run):
    return Classifier.load(trained_run, device="cpu")


def test_evaluate_data_scores_model_and_baselines_and_writes_reports(
    classifier, trained_run, corpus, tmp_path
):
    _, gold = corpus
    results = evaluate_data(classifier, trained_run, [str(gold)], None, "test", tmp_path)
    assert set(results["test"]) == {
        "model",
        "majority",
        "tfidf_logreg",
        "model+tfidf_logreg",
        "model_adapted_priors",
    }
    for name in ("metrics.json", "report.md", "confusion_test.png", "reliability_test.png"):
        assert (tmp_path / name).is_file()
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert 0 <= metrics["test_macro_f1"] <= 1 and "test_majority_macro_f1" in metrics


def test_cpu_evaluation_is_deterministic(classifier, trained_run, corpus, tmp_path):
    _, gold = corpus
    a = evaluate_data(classifier, trained_run, [str(gold)], None, "test", tmp_path / "a")
    b = evaluate_data(classifier, trained_run, [str(gold)], None, "test", tmp_path / "b")
    assert a == b


def test_split_all_refuses_articles_the_run_trained_on(classifier, trained_run, corpus, tmp_path):
    _, gold = corpus
    with pytest.raises(DataError, match=r"used to train .* --split test"):
        evaluate_data(classifier, trained_run, [str(gold)], None, "all", tmp_path)


def test_a_subset_of_the_data_is_scored_on_the_runs_own_test_articles(
    classifier, trained_run, corpus, tmp_path
):
    """Re-splitting a subset would put articles the run trained on into its 'test' split."""
    articles, gold = corpus
    d = run_config(trained_run).data
    records = load_records([str(gold)], load_articles([str(articles)]))
    splits = split_by_article(records, d.dev_fraction, d.test_fraction, d.split_seed)
    test_ids = {r["article_id"] for r in splits["test"]}
    train_ids = sorted({r["article_id"] for r in splits["train"]})

    def gold_of(ids, name):
        folder = tmp_path / name
        folder.mkdir()
        for article_id in ids:
            (folder / f"{article_id}.jsonl").write_text((gold / f"{article_id}.jsonl").read_text())
        return str(folder)

    subset = gold_of([*test_ids, *train_ids[:3]], "subset")
    part = evaluate_data(classifier, trained_run, [subset], None, "test", tmp_path / "part")
    assert part["test"]["model"]["n"] == len(splits["test"])
    only_train = gold_of(train_ids[:3], "only_train")
    with pytest.raises(DataError, match="no quote in --data is from an article of"):
        evaluate_data(classifier, trained_run, [only_train], None, "test", tmp_path / "x")


def test_unknown_label_in_data_is_an_error(classifier, trained_run, corpus, tmp_path):
    articles, gold = corpus
    copy = tmp_path / "gold"
    copy.mkdir()
    for path in gold.iterdir():
        (copy / path.name).write_text(path.read_text().replace('"favor"', '"support"'))
    with pytest.raises(DataError, match="unknown stance 'support'"):
        evaluate_data(classifier, trained_run, [str(copy)], [str(articles)], "all", tmp_path)


def test_end_to_end_on_raw_articles(classifier, corpus, tmp_path):
    articles, gold = corpus
    results = evaluate_articles(classifier, [str(articles)], [str(gold)], tmp_path)
    assert results["gold_quotes"] == 72
    assert results["matched"] + results["lost_before_classification"] == 72
    assert results["extraction"]["0.8"]["f1"] > 0.9
    assert (tmp_path / "metrics.json").is_file()


def test_gold_that_does_not_match_the_articles_is_an_error(classifier, corpus, tmp_path):
    _, gold = corpus
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Nothing quoted here.")
    with pytest.raises(DataError, match="no article 't00_wire'"):
        evaluate_articles(classifier, [str(other)], [str(gold)], tmp_path / "out")


def test_the_ensemble_row_scores_the_mean_of_model_and_tfidf(classifier, corpus, tmp_path):
    articles, gold = corpus
    records = load_records([gold], load_articles([articles]))
    tfidf = fit_baseline("tfidf_logreg", records, "stance", classifier.schema.labels, 13)

    class Echo:  # a "model" whose probabilities are TF-IDF's: the mean must score the same
        schema = classifier.schema
        tfidf = None

        def probabilities(self, recs, batch_size):
            return tfidf.predict_proba(recs)

    splits = {"test": records}
    echo = evaluate_splits(Echo(), splits, records, tmp_path / "a", ["tfidf_logreg"], 0)
    assert echo["test"][ENSEMBLE] == echo["test"]["tfidf_logreg"]
    real = evaluate_splits(classifier, splits, records, tmp_path / "b", ["tfidf_logreg"], 0)
    assert real["test"][ENSEMBLE] != real["test"]["tfidf_logreg"]
