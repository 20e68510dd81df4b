"""The real all-MiniLM-L6-v2 from the PyPI package: loads offline and fine-tunes."""

import os
from pathlib import Path

import pytest

from model.classifier import new_model, resolve_base_model
from model.labels import LabelSchema
from training.config import load_config
from training.experiment import run_training

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_packaged_base_model_loads_without_a_hub(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    path = Path(resolve_base_model("all-MiniLM-L6-v2"))
    assert (path / "model.safetensors").is_file()
    model, tokenizer = new_model("all-MiniLM-L6-v2", LabelSchema.for_task("stance"))
    assert model.config.hidden_size == 384 and model.config.num_labels == 3
    assert tokenizer("Pyongyang")["input_ids"][0] == tokenizer.cls_token_id


@pytest.mark.slow
def test_real_base_model_fine_tunes_two_steps(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    articles, gold = corpus
    config = load_config(
        ROOT / "configs" / "tiny.yaml", [f"data.gold=[{gold}]", f"data.articles=[{articles}]"]
    )
    results = run_training(config, tmp_path)
    assert set(results) == {"dev", "test"} and results["test"]["model"]["n"] > 0
    assert (tmp_path / "model.safetensors").stat().st_size > 80_000_000
    assert os.environ["HF_HUB_OFFLINE"] == "1"
