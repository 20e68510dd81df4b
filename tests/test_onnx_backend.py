import shutil

import numpy as np
import pytest
from safetensors.torch import load_file, save_file

from model.onnx_backend import MANIFEST, export_onnx, exported_path
from model.predict import Classifier
from training.benchmark import collect_quotes


@pytest.fixture
def run_copy(trained_run, tmp_path):
    run = tmp_path / "run"
    shutil.copytree(trained_run, run, ignore=shutil.ignore_patterns("onnx"))
    return run


@pytest.fixture
def records(corpus):
    articles, _ = corpus
    return collect_quotes([str(articles)], 40)


def test_onnx_fp32_gives_the_torch_probabilities(run_copy, records):
    torch_probs = Classifier.load(run_copy, device="cpu").probabilities(records)
    onnx = Classifier.load(run_copy, backend="onnx")
    assert onnx.session is not None
    np.testing.assert_allclose(onnx.probabilities(records), torch_probs, atol=1e-4)
    assert onnx.predict(records[:1])[0].keys() == {"stance", "stance_scores"}


def test_onnx_int8_is_close_to_fp32(run_copy, records):
    fp32 = Classifier.load(run_copy, device="cpu").probabilities(records)
    int8 = Classifier.load(run_copy, backend="onnx", quantize=True).probabilities(records)
    assert int8.shape == fp32.shape
    assert np.abs(int8 - fp32).max() < 0.2
    assert exported_path(run_copy, quantize=True).stat().st_size < (
        exported_path(run_copy, quantize=False).stat().st_size
    )


def test_export_is_reused_until_the_weights_change(run_copy):
    path = export_onnx(run_copy)
    first = path.stat().st_mtime_ns
    assert export_onnx(run_copy).stat().st_mtime_ns == first
    assert (run_copy / "onnx" / MANIFEST).is_file()
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]

    weights = load_file(run_copy / "model.safetensors")
    name = next(iter(weights))
    weights[name] = weights[name] + 1.0
    save_file(weights, run_copy / "model.safetensors", metadata={"format": "pt"})
    assert export_onnx(run_copy).stat().st_mtime_ns != first


def test_onnx_backend_rejects_cuda_and_unknown_backends(run_copy):
    with pytest.raises(ValueError, match="--backend onnx runs on the CPU"):
        Classifier.load(run_copy, device="cuda", backend="onnx")
    with pytest.raises(ValueError, match="unknown backend 'tensorrt'"):
        Classifier.load(run_copy, backend="tensorrt")


def test_onnx_backend_names_a_missing_run(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        Classifier.load(tmp_path / "nope", backend="onnx")


def test_predict_cli_with_the_onnx_backend_matches_torch(run_copy, corpus, tmp_path, capsys):
    import json

    from training.cli import main

    articles, _ = corpus
    assert main(["export", "--model", str(run_copy), "--quantize"]) == 0
    assert "model.int8.onnx" in capsys.readouterr().out
    outputs = {}
    for backend in ("torch", "onnx"):
        out = tmp_path / f"{backend}.jsonl"
        args = ["predict", str(articles), "--model", str(run_copy), "-o", str(out)]
        assert main([*args, "--device", "cpu", "--backend", backend]) == 0
        outputs[backend] = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["stance"] for r in outputs["onnx"]] == [r["stance"] for r in outputs["torch"]]
    out = tmp_path / "int8.jsonl"
    args = ["predict", str(articles), "--model", str(run_copy), "-o", str(out)]
    assert main([*args, "--backend", "onnx", "--quantize"]) == 0
    assert len(out.read_text().splitlines()) == len(outputs["torch"])
