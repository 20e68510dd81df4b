import shutil
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
import yaml

from model.predict import Classifier
from model.tfidf import TFIDF_FILE, load_tfidf, save_tfidf, tfidf_probabilities
from training.baselines import fit_baseline
from training.commands import is_cached
from training.data import load_articles, load_records
from training.experiment import run_config

LABELS = ["favor", "against", "none"]


@pytest.fixture(scope="module")
def records(corpus):
    articles, gold = corpus
    return load_records([gold], load_articles([articles]))


def test_a_stance_run_averages_its_saved_tfidf_model(trained_run, records):
    assert (trained_run / TFIDF_FILE).is_file()
    alone = Classifier.load(trained_run, device="cpu")
    both = Classifier.load(trained_run, device="cpu", tfidf=True)
    assert both.name.endswith("+tfidf")
    tfidf = tfidf_probabilities(load_tfidf(trained_run), records, len(LABELS))
    expected = (alone.probabilities(records) + tfidf) / 2
    np.testing.assert_allclose(both.probabilities(records), expected, rtol=1e-6)
    assert np.allclose(both.probabilities(records).sum(axis=1), 1.0, atol=1e-5)


def test_save_then_load_gives_identical_probabilities(records, tmp_path):
    fitted = fit_baseline("tfidf_logreg", records, "stance", LABELS, 13)
    save_tfidf(fitted.estimator, tmp_path)
    loaded = load_tfidf(tmp_path)
    np.testing.assert_array_equal(
        tfidf_probabilities(loaded, records, 3), fitted.predict_proba(records)
    )


def test_a_run_without_the_tfidf_model_is_retrained_not_half_used(trained_run, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(trained_run, old)
    (old / TFIDF_FILE).unlink()
    with pytest.raises(ValueError, match="--model-only"):
        Classifier.load(old, device="cpu", tfidf=True)
    config = run_config(trained_run)
    assert is_cached(Path(trained_run), config) and not is_cached(old, config)


def test_a_run_saved_before_a_key_existed_is_reused_one_with_a_removed_key_is_not(
    trained_run, tmp_path
):
    config = run_config(trained_run)
    for name, edit in (("older", "pop"), ("removed", "add")):
        run = tmp_path / name
        shutil.copytree(trained_run, run)
        resolved = yaml.safe_load((run / "config.resolved.yaml").read_text())
        if edit == "pop":
            del resolved["training"]["frozen_layers"]  # a key with a default added later
        else:
            resolved["training"]["no_longer_a_key"] = 1
        (run / "config.resolved.yaml").write_text(yaml.safe_dump(resolved))
        assert is_cached(run, config) == (edit == "pop"), name


def test_unexpected_types_in_the_file_are_refused(tmp_path):
    sio.dump({"where": Path("somewhere")}, tmp_path / TFIDF_FILE)
    with pytest.raises(ValueError, match="refusing to load"):
        load_tfidf(tmp_path)
