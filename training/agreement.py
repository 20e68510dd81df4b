"""Inter-annotator agreement: a second, independent annotation against the gold records."""

from __future__ import annotations

from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from model.labels import FRAMES, STANCES
from training.data import DataError, jsonl_objects


def read_second(paths: list[str | Path]) -> list[dict]:
    rows = []
    for where, row in jsonl_objects(paths):
        if row.get("stance") not in STANCES:
            raise DataError(
                f"{where}: field 'stance': {row.get('stance')!r} is not one of {', '.join(STANCES)}"
            )
        unknown = set(row.get("frames") or []) - set(FRAMES)
        if unknown:
            raise DataError(f"{where}: field 'frames': unknown {sorted(unknown)}")
        rows.append(row)
    return rows


def pair_up(gold: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """Match by article and quote text (and start where a text occurs twice)."""
    index = {(r["article_id"], r["quote"], r["start"]): r for r in gold}
    by_text: dict[tuple[str, str], list[dict]] = {}
    for r in gold:
        by_text.setdefault((r["article_id"], r["quote"]), []).append(r)
    pairs = []
    for row in second:
        if "start" in row:
            first = index.get((row["article_id"], row["quote"], row["start"]))
        else:
            candidates = by_text.get((row["article_id"], row["quote"]), [])
            first = candidates[0] if len(candidates) == 1 else None
        if first is None:
            raise DataError(
                f"second annotation of {row['article_id']}: quote not in gold (or "
                f"ambiguous without 'start'): {row['quote'][:60]!r}"
            )
        pairs.append((first, row))
    return pairs


def agreement(pairs: list[tuple[dict, dict]]) -> dict:
    if not pairs:
        raise DataError("no doubly annotated quotes")
    a = [p[0]["stance"] for p in pairs]
    b = [p[1]["stance"] for p in pairs]
    result = {
        "quotes": len(pairs),
        "articles": len({p[0]["article_id"] for p in pairs}),
        "stance_kappa": round(float(cohen_kappa_score(a, b, labels=list(STANCES))), 3),
        "stance_agreement": round(sum(x == y for x, y in zip(a, b, strict=True)) / len(a), 3),
        "frames": {},
    }
    framed = [(f, s) for f, s in pairs if f["frames"] is not None]
    for frame in FRAMES:
        x = [frame in f["frames"] for f, _ in framed]
        y = [frame in (s.get("frames") or []) for _, s in framed]
        if not any(x) and not any(y):
            continue
        kappa = cohen_kappa_score(x, y) if len(set(x) | set(y)) > 1 else 1.0
        result["frames"][frame] = {
            "kappa": round(float(kappa), 3),
            "agreement": round(sum(p == q for p, q in zip(x, y, strict=True)) / len(x), 3),
            "first": sum(x),
            "second": sum(y),
        }
    result["disagreements"] = [
        {"article_id": f["article_id"], "quote": f["quote"], "first": f["stance"],
         "second": s["stance"], "second_note": s.get("note", "")}
        for f, s in pairs if f["stance"] != s["stance"]
    ]  # fmt: skip
    return result
