import json
from pathlib import Path

import numpy as np
import pytest
import torch
from transformers import pipeline

from model.classifier import load_model, resolve_device
from model.predict import Classifier
from training.config import ConfigError
from training.data import load_articles, load_records, split_by_article
from training.train import (
    WeightedTrainer,
    class_weights,
    classification_loss,
    parameter_groups,
    save_run,
    train_model,
)

RECORDS = [
    {"article_id": "a", "quote": "We stand together", "speaker": "Li Wei", "context": "x"},
    {"article_id": "a", "quote": "A short", "speaker": None, "context": "y" * 400},
]


def splits_of(config):
    records = load_records(config.data.gold, load_articles(config.data.articles))
    d = config.data
    return split_by_article(records, d.dev_fraction, d.test_fraction, d.split_seed)


def test_tiny_model_trains_two_steps_and_the_run_dir_is_a_hf_model(trained_run):
    names = {p.name for p in trained_run.iterdir()}
    assert {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "quotestance.json",
        "config.resolved.yaml",
        "data.json",
        "metrics.json",
        "README.md",
        "report.md",
        "train_log.csv",
    } <= names
    assert "checkpoints" not in names and not list(trained_run.glob("*.bin"))
    config = json.loads((trained_run / "config.json").read_text())
    assert config["id2label"] == {"0": "favor", "1": "against", "2": "none"}
    clf = pipeline("text-classification", model=str(trained_run), device="cpu")
    out = clf({"text": "We stand together", "text_pair": "Li Wei: They met."})
    assert out["label"] in {"favor", "against", "none"}
    metrics = json.loads((trained_run / "metrics.json").read_text())
    assert {"dev_macro_f1", "test_macro_f1", "test_tfidf_logreg_macro_f1"} <= set(metrics)


def test_save_then_load_gives_identical_logits(trained_run, tmp_path):
    model, tokenizer, schema = load_model(trained_run)
    first = Classifier(model, tokenizer, schema, torch.device("cpu")).probabilities(RECORDS)
    save_run(model, tokenizer, schema, _config(trained_run), tmp_path, "h")
    second = Classifier.load(tmp_path, device="cpu").probabilities(RECORDS)
    np.testing.assert_array_equal(first, second)


def _config(run_dir):
    from training.experiment import run_config

    return run_config(run_dir)


def test_same_seed_gives_same_metrics_on_cpu(tiny_config, tmp_path):
    splits = splits_of(tiny_config)
    a = train_model(tiny_config, splits, tmp_path / "a")[0]
    b = train_model(tiny_config, splits, tmp_path / "b")[0]
    for (name, pa), (_, pb) in zip(a.named_parameters(), b.named_parameters(), strict=True):
        assert torch.equal(pa, pb), name


def test_resume_after_interruption_reaches_the_same_final_state(tiny_config, tmp_path, monkeypatch):
    config = tiny_config.model_copy(deep=True)
    config.training.max_steps = 4
    config.training.batch_size = 18  # two steps an epoch: checkpoints at steps 2 and 4
    splits = splits_of(config)
    reference = train_model(config, splits, tmp_path / "ref")[0]

    real_step = WeightedTrainer.training_step
    calls = {"n": 0}

    def interrupted(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_step(self, *args, **kwargs)

    monkeypatch.setattr(WeightedTrainer, "training_step", interrupted)
    with pytest.raises(KeyboardInterrupt):
        train_model(config, splits, tmp_path / "run")
    monkeypatch.setattr(WeightedTrainer, "training_step", real_step)
    resumed = train_model(config, splits, tmp_path / "run", resume=True)[0]
    for (name, pa), (_, pb) in zip(
        reference.named_parameters(), resumed.named_parameters(), strict=True
    ):
        assert torch.allclose(pa, pb, atol=1e-6), name


def test_resume_without_checkpoint_is_a_clear_error(tiny_config, tmp_path):
    with pytest.raises(FileNotFoundError, match="no checkpoint"):
        train_model(tiny_config, splits_of(tiny_config), tmp_path, resume=True)


def test_class_weights_favour_rare_labels():
    from model.labels import LabelSchema

    schema = LabelSchema.for_task("stance")
    records = [{"stance": "none"}] * 8 + [{"stance": "favor"}] * 2 + [{"stance": "against"}] * 2
    weights = class_weights(records, schema)
    assert weights[0] == weights[1] > weights[2]


def test_label_smoothing_moves_targets_off_one_and_zero():
    logits = torch.tensor([[4.0, -2.0, -2.0], [-1.0, 3.0, 0.0]])
    labels = torch.tensor([0, 1])
    plain = classification_loss(logits, labels, None, 0.0, multi_label=False)
    smooth = classification_loss(logits, labels, None, 0.1, multi_label=False)
    # smoothing 0.1 over 3 classes: target 0.9333 for the gold class, 0.0333 for the others
    targets = torch.full((2, 3), 0.1 / 3) + torch.nn.functional.one_hot(labels, 3) * 0.9
    expected = -(targets * logits.log_softmax(-1)).sum(-1).mean()
    assert torch.isclose(smooth, expected) and smooth > plain
    frames = torch.tensor([[1.0, 0.0]])
    smooth_bce = classification_loss(torch.zeros(1, 2), frames, None, 0.2, multi_label=True)
    assert torch.isclose(smooth_bce, torch.log(torch.tensor(2.0)))  # any target at logit 0


def test_label_smoothing_must_leave_the_gold_label_ahead(tmp_path):
    from training.config import load_config

    with pytest.raises(ConfigError, match="label_smoothing"):
        load_config(Path("configs/tiny.yaml"), ["training.label_smoothing=0.6"])


def test_layerwise_decay_gives_lower_layers_smaller_rates(tiny_base):
    from model.classifier import new_model
    from model.labels import LabelSchema

    model, _ = new_model(str(tiny_base), LabelSchema.for_task("stance"))
    groups = parameter_groups(model, lr=1e-4, head_lr=1e-3, decay=0.5, weight_decay=0.01)
    rate = {id(p): g["lr"] for g in groups for p in g["params"]}
    emb = rate[id(model.bert.embeddings.word_embeddings.weight)]
    low = rate[id(model.bert.encoder.layer[0].attention.self.query.weight)]
    top = rate[id(model.bert.encoder.layer[1].attention.self.query.weight)]
    head = rate[id(model.classifier.weight)]
    assert emb < low < top < head == 1e-3
    assert sum(len(g["params"]) for g in groups) == len(list(model.parameters()))


def test_frozen_layers_stay_as_pretrained_while_the_rest_trains(tiny_config, tiny_base, tmp_path):
    from model.classifier import new_model
    from model.labels import LabelSchema

    before, _ = new_model(str(tiny_base), LabelSchema.for_task("stance"))
    config = tiny_config.model_copy(deep=True)
    config.training.frozen_layers = 1
    model, _, _ = train_model(config, splits_of(config), tmp_path / "run")
    after = dict(model.named_parameters())
    for name, param in before.named_parameters():
        moved = not torch.equal(param, after[name].detach().cpu())
        frozen = ".embeddings." in f".{name}" or ".layer.0." in name
        assert moved != frozen, name
    groups = parameter_groups(model, lr=1e-4, head_lr=1e-3, decay=0.5, weight_decay=0.01)
    in_groups = {id(p) for g in groups for p in g["params"]}
    assert id(model.bert.encoder.layer[0].attention.self.query.weight) not in in_groups


def test_freezing_more_layers_than_the_model_has_is_a_config_error(tiny_config, tmp_path):
    config = tiny_config.model_copy(deep=True)
    config.training.frozen_layers = 3
    with pytest.raises(ConfigError, match=r"frozen_layers is 3 but the model has 2 layers"):
        train_model(config, splits_of(config), tmp_path / "run")


def test_cuda_without_gpu_is_an_error_not_a_fallback(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(RuntimeError, match="no CUDA GPU"):
        resolve_device("cuda")
    assert resolve_device("auto").type == "cpu"


def frames_config(tiny_base, gold, articles):
    """The tiny config as a frame model on the given corpus."""
    from training.config import load_config

    overrides = [f"model.base={tiny_base}", f"data.gold=[{gold}]", f"data.articles=[{articles}]"]
    return load_config("configs/tiny.yaml", ["task=frames", *overrides])


def test_frame_model_tunes_and_saves_thresholds_and_adds_frames(
    tiny_base, corpus, trained_run, tmp_path, monkeypatch
):
    from model.batch import run_batch
    from training.evaluate import score
    from training.experiment import evaluate_data, load_splits, run_training
    from training.train import task_records

    articles, gold = corpus
    config = frames_config(tiny_base, gold, articles)
    results = run_training(config, tmp_path / "frames")
    splits, _ = load_splits(config)
    assert {"micro_f1", "macro_f1", "per_frame"} <= set(results["test"]["model"])
    assert set(results["test"]) == {"model", "majority", "tfidf_logreg", "model+tfidf_logreg"}
    schema = json.loads((tmp_path / "frames" / "quotestance.json").read_text())
    assert schema["task"] == "frames" and len(schema["thresholds"]) == 14
    assert all(0.05 <= t <= 0.95 for t in schema["thresholds"].values())
    # The TF-IDF model is saved beside it with thresholds of its own for the mean of the two.
    assert (tmp_path / "frames" / "tfidf.skops").is_file()
    assert len(schema["mean_thresholds"]) == 14
    # `evaluate` tunes the frame baselines' thresholds on the run's dev split, as training did
    # (without it they are held to 0.5): the same dev articles, and the same scores.
    import training.evaluate

    tuned_on = []
    real_own_thresholds = training.evaluate.own_thresholds

    def spy(baseline, schema, dev):
        tuned_on.append({r["article_id"] for r in dev or []})
        return real_own_thresholds(baseline, schema, dev)

    monkeypatch.setattr(training.evaluate, "own_thresholds", spy)
    rescored = evaluate_data(
        Classifier.load(tmp_path / "frames", device="cpu"), tmp_path / "frames", [str(gold)],
        None, "test", tmp_path / "eval",
    )  # fmt: skip
    assert tuned_on and all(ids == {r["article_id"] for r in splits["dev"]} for ids in tuned_on)
    for system in ("majority", "tfidf_logreg", "model+tfidf_logreg"):
        assert rescored["test"][system]["micro_f1"] == results["test"][system]["micro_f1"]
    # Served: the mean, read with the thresholds tuned for the mean; it scores as evaluated.
    served = Classifier.load(tmp_path / "frames", device="cpu", tfidf=True)
    assert served.schema.thresholds == schema["mean_thresholds"]
    test = task_records(splits["test"], "frames")
    rescored = score(test, served.probabilities(test), served.schema, 0, 0)
    for key in ("micro_f1", "macro_f1"):
        assert rescored[key] == pytest.approx(results["test"]["model+tfidf_logreg"][key])
    stance = Classifier.load(trained_run, device="cpu")
    out = tmp_path / "out.jsonl"
    run_batch([str(articles)], stance, out, frames_classifier=served, progress=False)
    assert all(isinstance(json.loads(line)["frames"], list) for line in out.open())
    # A frames run trained before the TF-IDF model was saved: the mean is refused by name.
    (tmp_path / "frames" / "tfidf.skops").unlink()
    with pytest.raises(ValueError, match="--model-only"):
        Classifier.load(tmp_path / "frames", device="cpu", tfidf=True)


def test_contrastive_pairs_are_balanced_and_scored():
    from model.labels import LabelSchema
    from training.contrastive import make_pairs, similarity

    records = [{"stance": s, "frames": f} for s, f in
               [("favor", ["economic"]), ("favor", ["political"]), ("none", ["economic"]),
                ("against", None), ("none", ["economic", "political"])]]  # fmt: skip
    stance = LabelSchema.for_task("stance")
    pairs = make_pairs(records, stance, per_example=4, seed=0)
    assert len(pairs) == 20
    same = sum(s == 1.0 for _, _, s in pairs)
    assert same == 10 and all(
        records[i]["stance"] == records[j]["stance"] for i, j, s in pairs if s
    )
    frames = LabelSchema.for_task("frames")
    assert similarity(records[2], records[4], frames) == 0.5
    assert make_pairs(records, stance, 4, seed=0) == pairs


def test_contrastive_recipe_trains_end_to_end(tiny_config, tmp_path):
    config = tiny_config.model_copy(deep=True)
    config.training.recipe = "contrastive"
    before = train_model(tiny_config, splits_of(config), tmp_path / "plain")[0]
    after = train_model(config, splits_of(config), tmp_path / "contrastive")[0]
    a = before.bert.encoder.layer[0].attention.self.query.weight
    b = after.bert.encoder.layer[0].attention.self.query.weight
    assert not torch.equal(a, b), "the contrastive phase must change the encoder"


def test_average_last_epochs_gives_the_mean_of_the_last_checkpoints(tiny_config, tmp_path):
    from safetensors.torch import load_file

    config = tiny_config.model_copy(deep=True)
    config.training.max_steps = 6
    config.training.batch_size = 18  # two steps an epoch: checkpoints at steps 2, 4 and 6
    config.training.average_last_epochs = 2
    model = train_model(config, splits_of(config), tmp_path)[0]
    ckpts = tmp_path / "checkpoints"
    a = load_file(ckpts / "checkpoint-4" / "model.safetensors")
    b = load_file(ckpts / "checkpoint-6" / "model.safetensors")
    name = "bert.encoder.layer.0.attention.self.query.weight"
    assert not torch.equal(a[name], b[name])
    expected = (a[name].double() + b[name].double()) / 2
    assert torch.allclose(model.state_dict()[name].double(), expected, atol=1e-6)
    assert not (ckpts / "checkpoint-2").exists()  # only the averaged ones are kept


def test_average_last_epochs_with_early_stopping_is_a_config_error():
    from training.config import parse_config

    raw = {
        "name": "x",
        "data": {"gold": ["g"], "articles": ["a"]},
        "training": {"average_last_epochs": 2, "early_stopping_patience": 2},
    }
    with pytest.raises(ConfigError, match="early_stopping_patience: 0"):
        parse_config(raw, source="x.yaml")


def test_evaluate_scores_a_frame_run_on_its_own_test_split_when_some_records_lack_frames(
    tiny_base, corpus, tmp_path
):
    """Training splits all records, then keeps those with frames; `evaluate` must split the same
    way, or its 'test' split could hold articles the frame model trained on."""
    from training.experiment import evaluate_data, run_training

    articles, gold = corpus
    partial = tmp_path / "gold"
    partial.mkdir()
    for n, path in enumerate(sorted(gold.glob("*.jsonl"))):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for i, record in enumerate(records):
            if n % 3 == 0 or (n % 2 and i < 2):  # whole articles and some quotes unannotated
                del record["frames"]
        (partial / path.name).write_text("".join(json.dumps(r) + "\n" for r in records))
    config = frames_config(tiny_base, partial, articles)
    run = tmp_path / "frames"
    results = run_training(config, run)
    rescored = evaluate_data(
        Classifier.load(run, device="cpu"), run, [str(partial)], None, "test", tmp_path / "eval"
    )
    assert rescored["test"]["model"] == results["test"]["model"]


def test_frame_crossval_tunes_thresholds_on_each_folds_dev_split(tiny_base, corpus, monkeypatch):
    """Each fold is scored as a frame model is served: thresholds tuned on the fold's own dev
    articles, for the model and the baselines alike (not held to 0.5)."""
    import training.experiment

    articles, gold = corpus
    config = frames_config(tiny_base, gold, articles)
    seen = []
    real_evaluate_splits = training.experiment.evaluate_splits

    def spy(classifier, splits, train_records, *args, **kwargs):
        dev = kwargs["dev_records"]
        seen.append((dict(classifier.schema.thresholds), dev, splits["fold"], train_records))
        return real_evaluate_splits(classifier, splits, train_records, *args, **kwargs)

    monkeypatch.setattr(training.experiment, "evaluate_splits", spy)
    summary = training.experiment.crossval(config, folds=2)
    assert len(seen) == 2 and {"model", "majority", "tfidf_logreg"} <= set(summary)
    for thresholds, dev, fold, train in seen:
        assert len(thresholds) == 14
        ids = [{r["article_id"] for r in part} for part in (dev, fold, train)]
        assert ids[0] and not (ids[0] & ids[1]) and not (ids[0] & ids[2])
