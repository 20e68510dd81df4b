"""ONNX Runtime backend: a run directory exported once, then scored by ORT's CPU kernels.

On a CPU the fp32 encoder is already compute-bound, so batching alone cannot go much further;
the large remaining gain is int8 matrix multiplies (VNNI), where ORT's fused kernels beat
torch.ao's dynamic quantisation (which is deprecated besides). The export is cached inside the
run directory, keyed by a digest of the weights, so a retrained model is never scored by a
stale graph.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import warnings
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import torch

from model.classifier import load_model

ONNX_DIR = "onnx"
MANIFEST = "manifest.json"
WEIGHTS = "model.safetensors"
# Bump when the export recipe changes, so old caches are rebuilt rather than trusted.
EXPORT_VERSION = 1


def weights_digest(run_dir: Path) -> str:
    weights = run_dir / WEIGHTS
    if not weights.is_file():
        raise FileNotFoundError(f"{weights} not found: {run_dir} is not a trained run directory")
    digest = hashlib.sha256()
    with weights.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def exported_path(run_dir: Path, quantize: bool) -> Path:
    return run_dir / ONNX_DIR / ("model.int8.onnx" if quantize else "model.onnx")


def export_onnx(run_dir: str | Path, quantize: bool = False) -> Path:
    """Export RUN to RUN/onnx/model[.int8].onnx unless a current export is there; its path.

    Files are written to a temporary name and renamed, so concurrent shards exporting the same
    run, or an interrupted export, never leave a half-written graph behind.
    """
    run_dir = Path(run_dir)
    digest = weights_digest(run_dir)
    target = exported_path(run_dir, quantize)
    out_dir = target.parent
    try:
        out_dir.mkdir(exist_ok=True)
    except OSError as error:
        raise PermissionError(
            f"cannot create {out_dir} for the ONNX export ({error.strerror}); "
            "make the run directory writable or copy it somewhere writable"
        ) from error
    manifest = _read_manifest(out_dir)
    if target.is_file() and manifest.get(target.name) == _stamp(digest):
        return target

    fp32 = exported_path(run_dir, quantize=False)
    if manifest.get(fp32.name) != _stamp(digest) or not fp32.is_file():
        _atomic(fp32, lambda tmp: _export_fp32(run_dir, tmp))
        manifest[fp32.name] = _stamp(digest)
    if quantize:
        _atomic(target, lambda tmp: _quantize(fp32, tmp))
        manifest[target.name] = _stamp(digest)
    _atomic(
        out_dir / MANIFEST,
        lambda tmp: tmp.write_text(json.dumps(manifest, indent=2), encoding="utf-8"),
    )
    return target


def _stamp(digest: str) -> str:
    return f"v{EXPORT_VERSION}:{digest}"


def _read_manifest(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def _atomic(target: Path, write) -> None:
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        # mkstemp makes the file private; give it the permissions a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _export_fp32(run_dir: Path, path: Path) -> None:
    model, tokenizer, _ = load_model(run_dir, torch.device("cpu"))
    # Two rows of different lengths so the traced graph keeps batch and sequence dynamic.
    sample = tokenizer(
        ["a quote", "a longer quote here"], ["s: c", "s: c"], return_tensors="pt", padding=True
    )
    names = [name for name in ("input_ids", "attention_mask", "token_type_ids") if name in sample]
    dims = {name: {0: torch.export.Dim("batch"), 1: torch.export.Dim("sequence")} for name in names}
    logging.getLogger("torch.onnx").setLevel(logging.ERROR)
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")
        program = torch.onnx.export(
            model,
            (),
            kwargs={name: sample[name] for name in names},
            input_names=names,
            output_names=["logits"],
            dynamic_shapes=dims,
            dynamo=True,
            verbose=False,
        )
    program.save(str(path))


def _quantize(fp32: Path, path: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Per-channel weight scales keep the int8 model closer to fp32 for a negligible cost.
    logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))
    quantize_dynamic(fp32, path, weight_type=QuantType.QInt8, per_channel=True)


class OnnxSession:
    """An ORT session that maps a tokenizer batch to logits, like a model's forward pass."""

    def __init__(self, path: str | Path, threads: int | None = None):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or torch.get_num_threads()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.path = Path(path)
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.input_names = [i.name for i in self.session.get_inputs()]

    def logits(self, batch: Mapping[str, np.ndarray]) -> np.ndarray:
        missing = [name for name in self.input_names if name not in batch]
        if missing:
            raise ValueError(f"{self.path} expects inputs {missing} the tokenizer did not give")
        feed = {name: np.asarray(batch[name], dtype=np.int64) for name in self.input_names}
        return self.session.run(["logits"], feed)[0]
