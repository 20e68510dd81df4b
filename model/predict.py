"""Batched, length-sorted, dynamically padded inference."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import torch
from transformers import AutoTokenizer

from model.classifier import load_model, resolve_device
from model.encoding import encode_pairs
from model.labels import LabelSchema

BACKENDS = ("torch", "onnx")


class Classifier:
    """A trained run directory ready to score quote records (quote, speaker, context)."""

    def __init__(
        self, model, tokenizer, schema, device: torch.device, name: str = "", session=None
    ):
        self.model = model
        self.tokenizer = tokenizer
        self.schema = schema
        self.device = device
        self.name = name
        # An OnnxSession replaces the torch model's forward pass when given.
        self.session = session

    @classmethod
    def load(
        cls,
        run_dir: str | Path,
        device: str = "auto",
        quantize: bool = False,
        backend: str = "torch",
    ) -> Classifier:
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}; valid backends: {', '.join(BACKENDS)}")
        if backend == "onnx":
            return cls._load_onnx(Path(run_dir), device, quantize)
        torch_device = resolve_device(device)
        model, tokenizer, schema = load_model(run_dir, torch_device)
        if quantize:
            if torch_device.type != "cpu":
                raise ValueError("--quantize (int8 dynamic quantisation) runs on the CPU only")
            model = quantize_dynamic(model)
        return cls(model, tokenizer, schema, torch_device, name=str(run_dir))

    @classmethod
    def _load_onnx(cls, run_dir: Path, device: str, quantize: bool) -> Classifier:
        from model.onnx_backend import OnnxSession, export_onnx

        if device not in ("auto", "cpu"):
            raise ValueError(
                f"--backend onnx runs on the CPU; drop --device {device} or use --backend torch"
            )
        if not run_dir.is_dir():
            raise FileNotFoundError(f"model directory {run_dir} does not exist")
        schema = LabelSchema.load(run_dir)
        tokenizer = AutoTokenizer.from_pretrained(run_dir)
        session = OnnxSession(export_onnx(run_dir, quantize))
        cpu = torch.device("cpu")
        return cls(None, tokenizer, schema, cpu, name=str(run_dir), session=session)

    def probabilities(self, records: Sequence[Mapping], batch_size: int = 64) -> np.ndarray:
        """Class probabilities, one row per record, in the records' order."""
        n_labels = len(self.schema.labels)
        if not records:
            return np.zeros((0, n_labels), dtype=np.float32)
        features = encode_pairs(self.tokenizer, records, self.schema.max_length)
        # Sorting by length keeps padding, and so wasted compute, small within each batch.
        order = sorted(range(len(features)), key=lambda i: len(features[i]["input_ids"]))
        out = np.zeros((len(records), n_labels), dtype=np.float32)
        with torch.inference_mode():
            for first in range(0, len(order), batch_size):
                idx = order[first : first + batch_size]
                logits = self._logits([features[i] for i in idx])
                probs = logits.sigmoid() if self.schema.multi_label else logits.softmax(-1)
                out[idx] = probs.cpu().numpy()
        return out

    def _logits(self, features: list[dict]) -> torch.Tensor:
        if self.session is not None:
            batch = self.tokenizer.pad(features, return_tensors="np")
            return torch.from_numpy(self.session.logits(batch)).float()
        batch = self.tokenizer.pad(features, return_tensors="pt")
        batch = {k: v.to(self.device) for k, v in batch.items()}
        return self.model(**batch).logits.float()

    def predict(self, records: Sequence[Mapping], batch_size: int = 64) -> list[dict]:
        """Per record: {stance, stance_scores} or {frames, frame_scores}."""
        probs = self.probabilities(records, batch_size)
        labels = self.schema.labels
        results = []
        for row in probs:
            scores = {label: round(float(p), 4) for label, p in zip(labels, row, strict=True)}
            if self.schema.multi_label:
                thresholds = self.schema.thresholds
                chosen = [lab for lab in labels if scores[lab] >= thresholds.get(lab, 0.5)]
                results.append({"frames": chosen, "frame_scores": scores})
            else:
                results.append({"stance": labels[int(row.argmax())], "stance_scores": scores})
        return results


def quantize_dynamic(model):
    """int8 dynamic quantisation of the Linear layers (CPU inference only)."""
    return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
