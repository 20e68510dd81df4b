"""Annotated JSONL -> validated records -> datasets.Dataset; splits and folds by article."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import datasets
from sklearn.model_selection import StratifiedGroupKFold

from model.articles import Article, ReadError, read_articles
from model.labels import FRAMES, STANCES
from training.extraction_eval import locate_gold

REQUIRED = ("article_id", "quote", "speaker", "context", "stance")
OPTIONAL = ("frames", "note", "start")
MAX_LISTED_PROBLEMS = 30


class DataError(ValueError):
    """Annotated data that breaks the codebook; the message lists every problem found."""


def jsonl_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.jsonl")))
        elif path.is_file():
            files.append(path)
        else:
            raise DataError(f"{path}: no such file or folder (check the data paths in the config)")
    if not files:
        raise DataError(f"no .jsonl files found in {', '.join(map(str, paths))}")
    return files


def jsonl_objects(paths: Iterable[str | Path]) -> Iterator[tuple[str, dict]]:
    """("file:line", object) for every non-blank line; malformed lines are errors naming both."""
    for path in jsonl_files(paths):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{line_no}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise DataError(
                    f"{where}: malformed JSON ({err.msg} at column {err.colno})"
                ) from err
            if not isinstance(row, dict):
                raise DataError(f"{where}: each line must be a JSON object")
            yield where, row


def load_articles(paths: Iterable[str | Path]) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    problems = []
    for item in read_articles(list(paths)):
        if isinstance(item, ReadError):
            problems.append(f"{item.source}: {item.message}")
        elif item.id in articles:
            problems.append(f"{item.meta.get('source')}: article id {item.id!r} is used twice")
        else:
            articles[item.id] = item
    if problems:
        raise DataError("cannot read the articles:\n  " + "\n  ".join(problems))
    return articles


def load_records(gold: Sequence[str | Path], articles: dict[str, Article]) -> list[dict]:
    """Read and validate every record; raise one DataError listing all problems."""
    problems: list[str] = []
    by_article: dict[str, list[dict]] = {}
    for path in jsonl_files(gold):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{line_no}"
            record = _check_record(line, where, articles, problems)
            if record is not None:
                by_article.setdefault(record["article_id"], []).append(record)
    records: list[dict] = []
    for article_id, group in by_article.items():
        _locate(group, articles[article_id].text, problems)
        records.extend(r for r in group if "end" in r)
    if problems:
        shown = problems[:MAX_LISTED_PROBLEMS]
        more = len(problems) - len(shown)
        tail = f"\n  ... and {more} more" if more else ""
        raise DataError("invalid annotated data:\n  " + "\n  ".join(shown) + tail)
    records.sort(key=lambda r: (r["article_id"], r["start"]))
    return records


def _check_record(line: str, where: str, articles: dict, problems: list[str]) -> dict | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        problems.append(f"{where}: malformed JSON ({err.msg} at column {err.colno})")
        return None
    if not isinstance(record, dict):
        problems.append(f"{where}: each line must be a JSON object, got {type(record).__name__}")
        return None
    before = len(problems)
    for key in REQUIRED:
        if key not in record:
            problems.append(f"{where}: missing field {key!r} (required: {', '.join(REQUIRED)})")
    for key in record:
        if key not in REQUIRED + OPTIONAL:
            valid = ", ".join(REQUIRED + OPTIONAL)
            problems.append(f"{where}: unknown field {key!r} (valid fields: {valid})")
    if len(problems) > before:
        return None
    if record["stance"] not in STANCES:
        valid = ", ".join(STANCES)
        problems.append(f"{where}: field 'stance': unknown stance {record['stance']!r} ({valid})")
    frames = record.get("frames")
    if frames is not None:
        if not isinstance(frames, list):
            problems.append(f"{where}: field 'frames' must be a list of frame names")
        for frame in frames if isinstance(frames, list) else []:
            if frame not in FRAMES:
                valid = ", ".join(FRAMES)
                problems.append(
                    f"{where}: field 'frames': unknown frame {frame!r} (valid: {valid})"
                )
    if not isinstance(record["quote"], str) or not record["quote"].strip():
        problems.append(f"{where}: field 'quote' is empty")
    if record["speaker"] is not None and not isinstance(record["speaker"], str):
        problems.append(f"{where}: field 'speaker' must be a string or null")
    if record["article_id"] not in articles:
        problems.append(
            f"{where}: field 'article_id': no article {record['article_id']!r} among the "
            "articles given (check data.articles in the config)"
        )
    if len(problems) > before:
        return None
    return {**record, "frames": frames, "note": record.get("note", ""), "source": where}


def _locate(group: list[dict], text: str, problems: list[str]) -> None:
    """Give each record its span in the article; report missing quotes and duplicates."""
    seen: dict[tuple[int, int], str] = {}
    anchor: list[dict] = []  # the previous located record: the search goes on after it
    for record in group:
        try:
            start, end = locate_gold([*anchor, record], text)[-1]
        except ValueError:
            problems.append(
                f"{record['source']}: field 'quote': not found verbatim in article "
                f"{record['article_id']!r}: {record['quote'][:60]!r}"
            )
            continue
        if (start, end) in seen:
            problems.append(
                f"{record['source']}: duplicate quote (same span as {seen[(start, end)]}); "
                "if the text occurs twice, give this record a 'start' offset"
            )
            continue
        seen[(start, end)] = record["source"]
        record["start"], record["end"] = start, end
        anchor = [{"quote": record["quote"], "start": start}]


def split_by_article(
    records: list[dict], dev_fraction: float, test_fraction: float, seed: int
) -> dict[str, list[dict]]:
    """Deterministic train/dev/test split by article, stratified by stance where possible."""
    remaining, test = _hold_out(records, test_fraction, seed)
    train, dev = _hold_out(remaining, dev_fraction / (1 - test_fraction), seed + 1)
    splits = {"train": train, "dev": dev, "test": test}
    for name in ("train", "dev") + (("test",) if test_fraction > 0 else ()):
        if not splits[name]:
            raise DataError(f"the {name} split is empty: add articles or change the fractions")
    return splits


def _hold_out(records: list[dict], fraction: float, seed: int) -> tuple[list[dict], list[dict]]:
    if fraction <= 0:
        return list(records), []
    n_splits = max(2, round(1 / fraction))
    folds = kfold_by_article(records, n_splits, seed)
    return folds[0]


def kfold_by_article(records: list[dict], k: int, seed: int) -> list[tuple[list, list]]:
    """k (train, test) folds; no article is on both sides of any fold."""
    groups = [r["article_id"] for r in records]
    n_articles = len(set(groups))
    if k < 2 or k > n_articles:
        raise DataError(f"cannot make {k} folds by article from {n_articles} articles")
    labels = [r["stance"] for r in records]
    splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    folds = []
    for train_idx, test_idx in splitter.split(records, labels, groups):
        folds.append(([records[i] for i in train_idx], [records[i] for i in test_idx]))
    return folds


def to_dataset(records: list[dict]) -> datasets.Dataset:
    columns = ("article_id", "quote", "speaker", "context", "stance", "frames", "start", "end")
    return datasets.Dataset.from_list(
        [{c: (r[c] if c != "frames" else r[c] or []) for c in columns} for r in records]
    )


def data_hash(paths: Iterable[str | Path]) -> str:
    """sha256 over every file's name and bytes, so a run records exactly what it learnt from."""
    digest = hashlib.sha256()
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(file.as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def speaker_type(speaker: str | None) -> str:
    if speaker is None:
        return "unattributed"
    org_words = (
        "ministry",
        "agency",
        "kcna",
        "office",
        "government",
        "committee",
        "council",
        "statement",
        "embassy",
        "department",
        "spokes",
        "commentary",
        "news",
        "daily",
        "institute",
        "nato",
        "union",
        "party",
        "command",
        "headquarters",
        "service",
    )
    lowered = speaker.lower()
    return "organisation" if any(w in lowered for w in org_words) else "person"


def stats(splits: dict[str, list[dict]], articles: dict[str, Article]) -> dict:
    out: dict = {}
    for name, records in splits.items():
        out[name] = {
            "articles": len({r["article_id"] for r in records}),
            "quotes": len(records),
            "stance": dict(Counter(r["stance"] for r in records).most_common()),
            "frames": dict(Counter(f for r in records for f in r["frames"] or []).most_common()),
            "style": dict(
                Counter(
                    articles[r["article_id"]].meta.get("style", "real") for r in records
                ).most_common()
            ),
            "speaker_type": dict(
                Counter(speaker_type(r["speaker"]) for r in records).most_common()
            ),
        }
    return out
