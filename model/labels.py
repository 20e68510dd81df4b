"""The label schema of the codebook (shared/CODEBOOK.md §2–3), saved with every model."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

STANCES: tuple[str, ...] = ("favor", "against", "none")
FRAMES: tuple[str, ...] = (
    "economic",
    "capacity_and_resources",
    "morality",
    "fairness_and_equality",
    "legality_constitutionality_jurisprudence",
    "policy_prescription_and_evaluation",
    "crime_and_punishment",
    "security_and_defense",
    "health_and_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation_and_reputation",
)
TASKS = ("stance", "frames")
SCHEMA_FILE = "quotestance.json"


@dataclass
class LabelSchema:
    """What a trained model predicts and how to read its outputs.

    Stored as `quotestance.json` beside the Hugging Face files so inference needs nothing else.
    """

    task: str
    labels: list[str]
    thresholds: dict[str, float] = field(default_factory=dict)  # frames only
    # Frames only: the thresholds for the mean of this model's and the saved TF-IDF model's
    # probabilities (what `predict` serves), tuned on dev like `thresholds`.
    mean_thresholds: dict[str, float] = field(default_factory=dict)
    max_length: int = 256
    base_model: str = ""
    mask_quote: bool = False  # the quote's words in the context replaced by a mark (encoding.py)
    # Stance only: the model's mean probabilities on its dev split, the mix it learned; prior
    # adaptation (priors.py) re-weights from it to a collection's own mix.
    dev_prior: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"unknown task {self.task!r}; valid tasks: {', '.join(TASKS)}")
        if not self.labels:
            raise ValueError("a label schema needs at least one label")

    @property
    def multi_label(self) -> bool:
        return self.task == "frames"

    @property
    def id2label(self) -> dict[int, str]:
        return dict(enumerate(self.labels))

    @property
    def label2id(self) -> dict[str, int]:
        return {label: i for i, label in enumerate(self.labels)}

    @classmethod
    def for_task(cls, task: str, **kwargs) -> LabelSchema:
        if task not in TASKS:
            raise ValueError(f"unknown task {task!r}; valid tasks: {', '.join(TASKS)}")
        labels = list(STANCES if task == "stance" else FRAMES)
        return cls(task=task, labels=labels, **kwargs)

    def save(self, directory: str | Path) -> None:
        path = Path(directory) / SCHEMA_FILE
        path.write_text(
            json.dumps(self.__dict__, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, directory: str | Path) -> LabelSchema:
        path = Path(directory) / SCHEMA_FILE
        if not path.is_file():
            raise FileNotFoundError(
                f"{path} not found: {directory} is not a quotestance run directory "
                "(train one with `quotestance train --config ...`)"
            )
        return cls(**json.loads(path.read_text(encoding="utf-8")))
