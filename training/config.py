"""YAML -> typed, validated config. Unknown keys are errors; `--set a.b=value` overrides."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator


class ConfigError(ValueError):
    """A config file or override that cannot be used, with what to change."""


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ModelSection(Section):
    base: str = "all-MiniLM-L6-v2"  # the packaged weights; or a local HF folder, or a hub id
    max_length: int = Field(256, ge=16, le=512)
    mask_quote: bool = False  # replace the quote's words in the context with a mark


class DataSection(Section):
    gold: list[str] = Field(min_length=1)  # annotated JSONL files or folders of them
    articles: list[str] = Field(min_length=1)  # the articles the gold quotes come from
    test_gold: list[str] = []  # a separate real-world test set (the seed articles)
    test_articles: list[str] = []
    dev_fraction: float = Field(0.15, gt=0, lt=0.5)
    test_fraction: float = Field(0.15, ge=0, lt=0.5)
    split_seed: int = 13

    @model_validator(mode="after")
    def _test_pairs(self) -> DataSection:
        if bool(self.test_gold) != bool(self.test_articles):
            raise ValueError("test_gold and test_articles go together: give both or neither")
        return self


class TrainingSection(Section):
    recipe: Literal["plain", "llrd", "contrastive"] = "plain"
    epochs: float = Field(6, gt=0)
    max_steps: int = -1  # > 0 overrides epochs (tiny test runs)
    batch_size: int = Field(16, ge=1)
    gradient_accumulation_steps: int = Field(1, ge=1)
    learning_rate: float = Field(5e-5, gt=0, lt=1)
    head_learning_rate: float | None = Field(None, gt=0, lt=1)  # defaults to learning_rate
    layer_decay: float = Field(
        0.85, gt=0, le=1
    )  # llrd: each lower layer's rate is this times the one above
    contrastive_pairs_per_example: int = Field(4, ge=1)  # contrastive: partners per quote
    contrastive_epochs: int = Field(1, ge=1)
    contrastive_learning_rate: float = Field(5e-5, gt=0, lt=1)
    # None trains every weight; N freezes the embeddings and the lowest N encoder layers
    # (0: the embeddings only), which cuts the backward pass and the optimizer's work.
    frozen_layers: int | None = Field(None, ge=0)
    weight_decay: float = Field(0.01, ge=0)
    warmup_ratio: float = Field(0.1, ge=0, lt=1)
    class_weights: bool = True
    label_smoothing: float = Field(0.0, ge=0, lt=0.5)  # share of each target spread elsewhere
    early_stopping_patience: int = Field(2, ge=0)  # 0 turns early stopping off
    # > 0: the final model is the mean of the weights at the end of the last N epochs instead
    # of the best dev epoch (dev macro-F1 swings by several points from epoch to epoch here).
    average_last_epochs: int = Field(0, ge=0)
    device: Literal["auto", "cpu", "cuda"] = "auto"
    logging_steps: int = Field(10, ge=1)

    @model_validator(mode="after")
    def _averaging_runs_to_the_end(self) -> TrainingSection:
        if self.average_last_epochs and self.early_stopping_patience:
            raise ValueError(
                "average_last_epochs averages the last epochs of a full run: set "
                "early_stopping_patience: 0 with it"
            )
        if self.average_last_epochs > self.epochs:
            raise ValueError(
                f"average_last_epochs ({self.average_last_epochs}) is more than epochs "
                f"({self.epochs})"
            )
        return self


class EvaluationSection(Section):
    batch_size: int = Field(64, ge=1)
    bootstrap_samples: int = Field(1000, ge=0)
    baselines: list[Literal["majority", "tfidf_logreg", "frozen_embeddings"]] = [
        "majority",
        "tfidf_logreg",
        "frozen_embeddings",
    ]


class Config(Section):
    name: str
    task: Literal["stance", "frames"] = "stance"
    seed: int = 13
    output_dir: str = "runs/default"
    model: ModelSection = ModelSection()
    data: DataSection
    training: TrainingSection = TrainingSection()
    evaluation: EvaluationSection = EvaluationSection()


def load_config(path: str | Path, overrides: list[str] | tuple[str, ...] = ()) -> Config:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"config file {path} does not exist")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: not valid YAML: {err}") from err
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of sections")
    for item in overrides:
        apply_override(raw, item)
    return parse_config(raw, source=str(path))


def apply_override(raw: dict, item: str) -> None:
    """`training.epochs=3` -> raw["training"]["epochs"] = 3 (the value is read as YAML)."""
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--set {item!r}: write it as section.key=value, e.g. training.epochs=3")
    parts = key.strip().split(".")
    node = raw
    for part in parts[:-1]:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise ConfigError(f"--set {item!r}: {part} is not a section")
    node[parts[-1]] = yaml.safe_load(value)


def parse_config(raw: dict, source: str = "config") -> Config:
    try:
        return Config.model_validate(raw)
    except ValidationError as err:
        raise ConfigError(_explain(err, source)) from None


def _explain(err: ValidationError, source: str) -> str:
    lines = [f"{source}: invalid config"]
    for problem in err.errors():
        loc = ".".join(str(p) for p in problem["loc"])
        if problem["type"] == "extra_forbidden":
            lines.append(f"  {loc}: unknown key{_suggest(problem['loc'])}")
        else:
            lines.append(f"  {loc}: {problem['msg']} (got {problem.get('input')!r})")
    return "\n".join(lines)


def _suggest(loc: tuple) -> str:
    model: type[BaseModel] = Config
    for part in loc[:-1]:
        field = model.model_fields.get(str(part))
        if field is None or not isinstance(field.annotation, type):
            return ""
        model = field.annotation
    valid = list(model.model_fields)
    close = difflib.get_close_matches(str(loc[-1]), valid, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{hint} (valid keys here: {', '.join(valid)})"


def dump_config(config: Config, path: str | Path) -> None:
    Path(path).write_text(
        yaml.safe_dump(config.model_dump(mode="json"), sort_keys=False), encoding="utf-8"
    )
