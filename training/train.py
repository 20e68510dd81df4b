"""Fine-tune a sequence classifier from a Config with the Hugging Face Trainer."""

from __future__ import annotations

import csv
import json
import math
import os
import shutil
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import f1_score
from transformers import (
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainerCallback,
    TrainingArguments,
    set_seed,
)
from transformers.trainer_utils import get_last_checkpoint

from model.classifier import new_model, resolve_device, save_model
from model.encoding import encode_pairs
from model.labels import LabelSchema
from training.config import Config, ConfigError, dump_config
from training.contrastive import contrastive_phase
from training.data import DataError

CHECKPOINTS = "checkpoints"


def encode_split(tokenizer, records: list[dict], schema: LabelSchema) -> list[dict]:
    """Token features plus `labels`: a class index (stance) or a multi-hot vector (frames)."""
    features = encode_pairs(tokenizer, records, schema.max_length, schema.mask_quote)
    for feature, record in zip(features, records, strict=True):
        if schema.multi_label:
            chosen = set(record["frames"] or [])
            feature["labels"] = [1.0 if label in chosen else 0.0 for label in schema.labels]
        else:
            feature["labels"] = schema.label2id[record["stance"]]
    return features


def task_records(records: list[dict], task: str) -> list[dict]:
    """The frame model learns only from records whose frames were annotated."""
    return [r for r in records if r["frames"] is not None] if task == "frames" else records


def class_weights(records: list[dict], schema: LabelSchema) -> torch.Tensor:
    """Inverse-frequency weights (stance) or positive weights (frames), so rare labels count."""
    if schema.multi_label:
        positives = np.array(
            [sum(label in (r["frames"] or []) for r in records) for label in schema.labels], float
        )
        negatives = len(records) - positives
        return torch.tensor(np.clip(negatives / np.maximum(positives, 1), 1, 10), dtype=torch.float)
    counts = np.array(
        [sum(r["stance"] == label for r in records) for label in schema.labels], float
    )
    weights = len(records) / (len(schema.labels) * np.maximum(counts, 1))
    return torch.tensor(weights, dtype=torch.float)


def classification_loss(
    logits: torch.Tensor,
    labels: torch.Tensor,
    weights: torch.Tensor | None,
    smoothing: float,
    multi_label: bool,
) -> torch.Tensor:
    """Cross-entropy (or per-frame binary cross-entropy) with optional class weights and label
    smoothing: targets of 1 - smoothing spread the rest over the other classes, which keeps a
    small model from driving its training quotes to probability 1."""
    if multi_label:
        targets = labels.to(logits.dtype) * (1 - smoothing) + smoothing / 2
        return torch.nn.BCEWithLogitsLoss(pos_weight=weights)(logits, targets)
    return torch.nn.functional.cross_entropy(
        logits, labels, weight=weights, label_smoothing=smoothing
    )


class WeightedTrainer(Trainer):
    """Trainer with an optional class-weighted loss and layer-wise learning-rate decay."""

    def __init__(
        self, *args, loss_weights=None, layer_decay=1.0, head_lr=None, smoothing=0.0, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.loss_weights = loss_weights
        self.smoothing = smoothing
        self.layer_decay = layer_decay
        self.head_lr = head_lr
        # Read from the unwrapped model: under DDP, compute_loss receives a wrapper without .config.
        self.multi_label = self.model.config.problem_type == "multi_label_classification"

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        weights = None if self.loss_weights is None else self.loss_weights.to(outputs.logits.device)
        loss = classification_loss(
            outputs.logits, labels, weights, self.smoothing, multi_label=self.multi_label
        )
        return (loss, outputs) if return_outputs else loss

    def create_optimizer(self, model=None):
        if self.optimizer is None:
            model = model if model is not None else self.model
            groups = parameter_groups(
                model,
                self.args.learning_rate,
                self.head_lr or self.args.learning_rate,
                self.layer_decay,
                self.args.weight_decay,
            )
            self.optimizer = torch.optim.AdamW(groups, lr=self.args.learning_rate)
        return self.optimizer


def freeze_lower(model, n_layers: int) -> None:
    """Stop gradients for the embeddings and the lowest n encoder layers (BERT-style models).

    Their weights stay as pre-trained; with layer-wise decay they are the slowest to move anyway.
    """
    base = model.base_model
    layers = getattr(getattr(base, "encoder", None), "layer", None)
    if getattr(base, "embeddings", None) is None or layers is None:
        raise ConfigError(
            f"training.frozen_layers needs a BERT-style encoder (embeddings, encoder.layer); "
            f"{type(base).__name__} has none: set training.frozen_layers: null"
        )
    if n_layers > len(layers):
        raise ConfigError(
            f"training.frozen_layers is {n_layers} but the model has {len(layers)} layers: "
            f"use 0 to {len(layers)}"
        )
    for module in (base.embeddings, *layers[:n_layers]):
        for param in module.parameters():
            param.requires_grad = False


def parameter_groups(model, lr: float, head_lr: float, decay: float, weight_decay: float):
    """Encoder layer i of n gets lr * decay**(n - i); embeddings the lowest; head gets head_lr.

    With decay == 1 this is plain fine-tuning (one rate for the encoder).
    """
    n_layers = model.config.num_hidden_layers
    groups: dict[tuple[float, float], list] = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if ".embeddings." in f".{name}":
            rate = lr * decay ** (n_layers + 1)
        elif ".layer." in name:
            layer = int(name.split(".layer.")[1].split(".")[0])
            rate = lr * decay ** (n_layers - layer)
        else:  # pooler and classifier head
            rate = head_lr
        no_decay = name.endswith("bias") or "LayerNorm" in name
        key = (rate, 0.0 if no_decay else weight_decay)
        groups.setdefault(key, []).append(param)
    return [{"params": p, "lr": r, "weight_decay": wd} for (r, wd), p in groups.items()]


def compute_metrics_for(schema: LabelSchema):
    def compute(eval_pred) -> dict:
        logits, labels = eval_pred.predictions, eval_pred.label_ids
        if schema.multi_label:
            predicted = (1 / (1 + np.exp(-logits))) >= 0.5
            return {
                "micro_f1": f1_score(labels, predicted, average="micro", zero_division=0),
                "macro_f1": f1_score(labels, predicted, average="macro", zero_division=0),
            }
        predicted = logits.argmax(-1)
        return {
            "accuracy": float((predicted == labels).mean()),
            "macro_f1": f1_score(labels, predicted, average="macro", zero_division=0),
        }

    return compute


class CsvLogger(TrainerCallback):
    """Loss and development metrics as CSV beside TensorBoard, readable without any tool."""

    def __init__(self, path: Path):
        self.path = path

    def on_log(self, args, state, control, logs=None, **kwargs):
        if not state.is_world_process_zero or not logs:
            return
        new = not self.path.exists()
        with self.path.open("a", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            if new:
                writer.writerow(["step", "epoch", "key", "value"])
            for key, value in logs.items():
                if isinstance(value, int | float):
                    writer.writerow([state.global_step, state.epoch, key, value])


def training_arguments(config: Config, run_dir: Path, n_train: int) -> TrainingArguments:
    t = config.training
    device = resolve_device(t.device)  # a clear error for cuda without a GPU
    world = int(os.environ.get("WORLD_SIZE", "1"))
    steps_per_epoch = max(
        1, math.ceil(n_train / (t.batch_size * t.gradient_accumulation_steps * world))
    )
    eval_steps = min(steps_per_epoch, t.max_steps) if t.max_steps > 0 else steps_per_epoch
    on_gpu = device.type == "cuda"
    bf16 = on_gpu and torch.cuda.is_bf16_supported()
    return TrainingArguments(
        output_dir=str(run_dir / CHECKPOINTS),
        num_train_epochs=t.epochs,
        max_steps=t.max_steps,
        per_device_train_batch_size=t.batch_size,
        per_device_eval_batch_size=config.evaluation.batch_size,
        gradient_accumulation_steps=t.gradient_accumulation_steps,
        learning_rate=t.learning_rate,
        weight_decay=t.weight_decay,
        warmup_steps=t.warmup_ratio,
        eval_strategy="steps",
        eval_steps=eval_steps,
        save_strategy="steps",
        save_steps=eval_steps,
        # Averaging needs the last N epochs' checkpoints on disk (so it survives --resume).
        save_total_limit=max(2, t.average_last_epochs),
        load_best_model_at_end=not t.average_last_epochs,
        # No best-checkpoint tracking when averaging: it would keep an old checkpoint on disk.
        metric_for_best_model=None if t.average_last_epochs else "macro_f1",
        greater_is_better=None if t.average_last_epochs else True,
        logging_steps=t.logging_steps,
        report_to=["tensorboard"],
        seed=config.seed,
        data_seed=config.seed,
        use_cpu=not on_gpu,
        bf16=bf16,
        fp16=on_gpu and not bf16,
        dataloader_num_workers=0,
        # Batches of similar length waste little compute on padding.
        train_sampling_strategy="group_by_length",
        remove_unused_columns=False,
        disable_tqdm=False,
    )


def train_model(config: Config, splits: dict[str, list[dict]], run_dir: Path, resume: bool = False):
    """Fine-tune on the train split, keep the best on dev: (model, tokenizer, schema)."""
    set_seed(config.seed)
    schema = LabelSchema.for_task(
        config.task,
        max_length=config.model.max_length,
        base_model=config.model.base,
        mask_quote=config.model.mask_quote,
    )
    train = task_records(splits["train"], config.task)
    dev = task_records(splits["dev"], config.task)
    if not train or not dev:
        raise DataError(f"no {config.task} annotations in the train or dev split")
    model, tokenizer = new_model(config.model.base, schema)
    t = config.training
    if t.frozen_layers is not None:
        freeze_lower(model, t.frozen_layers)
    if t.recipe == "contrastive" and not resume:  # a resumed checkpoint already holds its effect
        contrastive_phase(
            model, tokenizer, train, schema,
            pairs_per_example=t.contrastive_pairs_per_example, epochs=t.contrastive_epochs,
            learning_rate=t.contrastive_learning_rate, batch_size=t.batch_size,
            seed=config.seed, device=resolve_device(t.device),
        )  # fmt: skip
    args = training_arguments(config, run_dir, len(train))
    # transformers 5 takes the TensorBoard folder from the environment only.
    os.environ["TENSORBOARD_LOGGING_DIR"] = str(run_dir / "logs")
    callbacks: list[TrainerCallback] = [CsvLogger(run_dir / "train_log.csv")]
    if config.training.early_stopping_patience > 0:
        callbacks.append(EarlyStoppingCallback(config.training.early_stopping_patience))
    trainer = WeightedTrainer(
        model=model,
        args=args,
        train_dataset=encode_split(tokenizer, train, schema),
        eval_dataset=encode_split(tokenizer, dev, schema),
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics_for(schema),
        callbacks=callbacks,
        loss_weights=class_weights(train, schema) if t.class_weights else None,
        layer_decay=t.layer_decay if t.recipe == "llrd" else 1.0,
        head_lr=t.head_learning_rate,
        smoothing=t.label_smoothing,
    )
    checkpoint = None
    if resume:
        checkpoint = (
            get_last_checkpoint(args.output_dir) if Path(args.output_dir).is_dir() else None
        )
        if checkpoint is None:
            raise FileNotFoundError(
                f"--resume: no checkpoint in {args.output_dir}; start without --resume"
            )
    trainer.train(resume_from_checkpoint=checkpoint)
    if t.average_last_epochs:
        average_checkpoints(trainer.model, Path(args.output_dir), t.average_last_epochs)
    return trainer.model, tokenizer, schema


def average_checkpoints(model, checkpoint_dir: Path, n: int) -> None:
    """Load into `model` the mean of the weights of the last n checkpoints (one per epoch)."""
    from safetensors.torch import load_file

    checkpoints = sorted(
        checkpoint_dir.glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[-1])
    )[-n:]
    if len(checkpoints) < n:
        raise FileNotFoundError(
            f"average_last_epochs={n} but only {len(checkpoints)} checkpoints in {checkpoint_dir}"
        )
    total = None
    for path in checkpoints:
        weights = load_file(path / "model.safetensors")
        if total is None:
            total = {k: v.double() for k, v in weights.items()}
        else:
            for k, v in weights.items():
                total[k] += v.double()
    state = model.state_dict()
    averaged = {k: (v / n).to(state[k].dtype) for k, v in total.items() if k in state}
    model.load_state_dict(averaged, strict=False)


def save_run(model, tokenizer, schema, config: Config, run_dir: Path, data_hash: str) -> None:
    """The run dir: a Hugging Face model folder plus resolved config and data hash."""
    save_model(model, tokenizer, schema, run_dir)
    dump_config(config, run_dir / "config.resolved.yaml")
    (run_dir / "data.json").write_text(
        json.dumps({"sha256": data_hash, "gold": config.data.gold}, indent=2) + "\n",
        encoding="utf-8",
    )
    shutil.rmtree(run_dir / CHECKPOINTS, ignore_errors=True)
