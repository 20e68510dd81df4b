"""Batch inference over folders of articles: streaming, sharded, resumable, never half-written.

Work goes to `OUT.partial` (complete JSON lines only) and the ids of finished articles to
`OUT.done`; the final OUT appears by an atomic rename only when every input has been seen.
After a kill, `resume=True` drops any records of unfinished articles and carries on, so the
final output equals that of an uninterrupted run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from tqdm import tqdm

from model.articles import Article, ReadError, read_articles
from model.predict import Classifier
from model.priors import adapt_records, check_adaptable, read_jsonl, write_jsonl
from model.quotes import extract_quotes

CSV_FIELDS = (
    "article_id", "quote", "speaker", "cue", "start", "end", "context",
    "stance", "stance_scores", "frames", "model",
)  # fmt: skip


def shard_of(key: str, num_shards: int) -> int:
    """Stable across machines and Python runs (unlike hash())."""
    return int.from_bytes(hashlib.sha1(key.encode("utf-8")).digest()[:8], "big") % num_shards


def output_format(output: Path, fmt: str | None) -> str:
    fmt = fmt or ("csv" if output.suffix.lower() == ".csv" else "jsonl")
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown output format {fmt!r}; use jsonl or csv")
    return fmt


def sidecars(output: Path) -> tuple[Path, Path, Path]:
    return (
        output.with_name(output.name + ".partial"),
        output.with_name(output.name + ".done"),
        output.with_name(output.name + ".errors.jsonl"),
    )


def restore_progress(partial: Path, done_file: Path) -> set[str]:
    """Finished article ids; the partial file is cut back to exactly their records (streamed)."""
    done = set()
    if done_file.exists():
        done = set(done_file.read_text(encoding="utf-8").split("\n")) - {""}
    if partial.exists():
        tmp = partial.with_name(partial.name + ".tmp")
        with partial.open(encoding="utf-8") as src, tmp.open("w", encoding="utf-8") as dst:
            for line in src:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut off by the kill
                if record.get("article_id") in done:
                    dst.write(line if line.endswith("\n") else line + "\n")
        os.replace(tmp, partial)
    return done


def chunks(items: Iterable, max_quotes: int) -> Iterator[list[tuple[Article, list[dict]]]]:
    """Groups of whole articles with about max_quotes quotes, so batches stay full."""
    group, n = [], 0
    for article in items:
        quotes = [q.to_dict() for q in extract_quotes(article.text, article.id)]
        group.append((article, quotes))
        n += len(quotes)
        if n >= max_quotes:
            yield group
            group, n = [], 0
    if group:
        yield group


def run_batch(
    inputs: list[str],
    classifier: Classifier,
    output: Path,
    fmt: str | None = None,
    frames_classifier: Classifier | None = None,
    resume: bool = False,
    num_shards: int = 1,
    shard_index: int = 0,
    batch_size: int = 16,
    progress: bool = True,
    adapt_priors: bool = False,
) -> dict:
    """adapt_priors: once every article is classified, re-label all quotes under the stance
    mix EM estimates for the whole batch (model/priors.py), before the output appears."""
    if not 0 <= shard_index < num_shards:
        raise ValueError(f"--shard-index must be in 0..{num_shards - 1}, got {shard_index}")
    if adapt_priors and num_shards > 1:
        raise ValueError(
            "--adapt-priors estimates the stance mix of the whole collection, not of one shard: "
            "predict each shard with --model-only, then run `quotestance adapt` on their "
            "concatenated output"
        )
    if adapt_priors:
        check_adaptable(classifier.schema, classifier.name)
    fmt = output_format(output, fmt)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial, done_file, errors_file = sidecars(output)
    if resume:
        done = restore_progress(partial, done_file)
    else:
        done = set()
        for path in (partial, done_file):
            path.unlink(missing_ok=True)
    stats = {"articles": 0, "skipped_done": len(done), "quotes": 0, "errors": 0}
    stances: Counter = Counter()
    errors: list[dict] = []
    started = time.perf_counter()

    def wanted() -> Iterator[Article]:
        for item in read_articles(inputs):
            key = item.source if isinstance(item, ReadError) else item.id
            if shard_of(key, num_shards) != shard_index:
                continue
            if isinstance(item, ReadError):
                errors.append({"source": item.source, "error": item.message})
                stats["errors"] += 1
            elif item.id not in done:
                yield item

    bar = tqdm(desc="articles", unit=" art", disable=not progress)
    with partial.open("a", encoding="utf-8") as out, done_file.open("a", encoding="utf-8") as log:
        for group in chunks(wanted(), max_quotes=batch_size * 4):
            records = [q for _, quotes in group for q in quotes]
            classify(records, classifier, frames_classifier, batch_size)
            out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
            out.flush()
            os.fsync(out.fileno())
            # An article counts as done only after its records are safely on disk.
            log.write("".join(f"{article.id}\n" for article, _ in group))
            log.flush()
            stats["articles"] += len(group)
            stats["quotes"] += len(records)
            stances.update(r["stance"] for r in records)
            elapsed = time.perf_counter() - started
            bar.update(len(group))
            bar.set_postfix(quotes=stats["quotes"], q_per_s=f"{stats['quotes'] / elapsed:.1f}")
    bar.close()
    mix = None
    if adapt_priors:
        records = read_jsonl(partial)
        try:
            mix = adapt_records(
                records, classifier.schema, where=f"the quotes of {', '.join(inputs)}"
            )
        except ValueError:
            # Too few quotes, found only now: nothing worth resuming (a rerun is quick), and the
            # sidecars would otherwise be left beside an output that never appears.
            for path in (partial, done_file):
                path.unlink(missing_ok=True)
            raise
        write_jsonl(partial, records)
        stances = Counter(r["stance"] for r in records)
    finish(partial, output, fmt)
    write_errors(errors_file, errors)
    done_file.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    stats.update(
        stance=dict(stances.most_common()),
        seconds=round(seconds, 2),
        quotes_per_s=round(stats["quotes"] / seconds, 1) if seconds > 0 else 0.0,
        output=str(output),
        errors_file=str(errors_file) if errors else None,
        prior_adaptation=mix,
    )
    return stats


def classify(
    records: list[dict], classifier: Classifier, frames: Classifier | None, batch_size: int
):
    for record, result in zip(records, classifier.predict(records, batch_size), strict=True):
        record.update(result)
        record["model"] = classifier.name
    if frames is not None:
        for record, result in zip(records, frames.predict(records, batch_size), strict=True):
            record["frames"] = result["frames"]


def finish(partial: Path, output: Path, fmt: str) -> None:
    if fmt == "jsonl":
        os.replace(partial, output)
        return
    tmp = output.with_name(output.name + ".tmp")
    with partial.open(encoding="utf-8") as src, tmp.open("w", newline="", encoding="utf-8") as dst:
        writer = csv.DictWriter(dst, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for line in src:
            record = json.loads(line)
            record["stance_scores"] = json.dumps(record.get("stance_scores", {}))
            record["frames"] = ";".join(record.get("frames", []))
            writer.writerow(record)
    os.replace(tmp, output)
    partial.unlink()


def write_errors(path: Path, errors: list[dict]) -> None:
    if not errors:
        path.unlink(missing_ok=True)
        return
    write_jsonl(path, errors)


def format_table(records: list[dict], width: int = 60) -> str:
    """A readable terminal table: article, speaker, quote, stance, confidence."""

    def cut(text, n):
        text = " ".join(str(text).split())
        return text if len(text) <= n else text[: n - 1] + "…"

    rows = [("article", "speaker", "quote", "stance", "conf")]
    for r in records:
        conf = max(r.get("stance_scores", {}).values(), default=0.0)
        rows.append(
            (
                cut(r["article_id"], 22),
                cut(r["speaker"] or "—", 22),
                cut(r["quote"], width),
                r.get("stance", ""),
                f"{conf:.2f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
