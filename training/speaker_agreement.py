"""How often two annotators name the same speaker, and how the rules fare against each.

A second annotator, given the codebook, the article and the gold quotes without speakers, names
every quote's speaker. Their agreement with the gold is the ceiling that speaker accuracy can be
held to where the codebook leaves room; the rules' agreement with either annotator says how much
of the rules' shortfall is a naming convention the annotators themselves split on.
"""

from __future__ import annotations

from pathlib import Path

from training.data import DataError, jsonl_objects
from training.extraction_eval import by_article, match_quotes, same_speaker


def read_second_speakers(paths: list[str | Path]) -> list[dict]:
    """Records of {"article_id", "quote", "speaker"} (speaker a string or null), in file order."""
    rows = []
    for where, row in jsonl_objects(paths):
        for key in ("article_id", "quote", "speaker"):
            if key not in row:
                raise DataError(f"{where}: missing field {key!r} (a speaker may be null)")
        if row["speaker"] is not None and not isinstance(row["speaker"], str):
            raise DataError(f"{where}: field 'speaker' must be a string or null")
        rows.append(row)
    return rows


def pair_second(gold: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """Pair each gold record with the second annotation's record of the same quote.

    Within an article a quote text that occurs twice pairs in order. Every gold quote of an
    annotated article must have a second record and vice versa: a partial second annotation
    would make the agreement look better or worse than it is.
    """
    waiting: dict[tuple[str, str], list[dict]] = {}
    for record in sorted(gold, key=lambda r: (r["article_id"], r["start"])):
        waiting.setdefault((record["article_id"], record["quote"]), []).append(record)
    pairs = []
    for row in second:
        queue = waiting.get((row["article_id"], row["quote"]))
        if not queue:
            raise DataError(
                f"second annotation: quote {row['quote'][:60]!r} of article "
                f"{row['article_id']!r} is not in the gold (or is there fewer times)"
            )
        pairs.append((queue.pop(0), row))
    annotated = {row["article_id"] for row in second}
    left = [r for q in waiting.values() for r in q if r["article_id"] in annotated]
    if left:
        raise DataError(
            f"second annotation: {len(left)} gold quotes have no speaker, e.g. "
            f"{left[0]['quote'][:60]!r} in article {left[0]['article_id']!r}"
        )
    return pairs


def speaker_agreement(pred: list[dict], pairs: list[tuple[dict, dict]]) -> dict:
    """Counts: annotators agreeing, and the rules' speakers (`pred`, quote records) against the
    gold, the second annotator and either, on the gold quotes the rules found (overlap 0.3)."""
    counts = dict.fromkeys(
        (
            "quotes",
            "annotators_agree",
            "found",
            "found_agree",
            "rules_gold",
            "rules_second",
            "rules_either",
            "rules_on_agreed",
        ),
        0,
    )
    pred_by = by_article(pred)
    pairs_by: dict[str, list[tuple[dict, dict]]] = {}
    for gold, second in pairs:
        pairs_by.setdefault(gold["article_id"], []).append((gold, second))
    for article_id, group in pairs_by.items():
        preds = pred_by.get(article_id, [])
        spans = [(g["start"], g["end"]) for g, _ in group]
        found = dict(
            (j, preds[i]["speaker"])
            for i, j in match_quotes([(p["start"], p["end"]) for p in preds], spans, 0.3)
        )
        for j, (gold, second) in enumerate(group):
            agree = same_speaker(gold["speaker"], second["speaker"])
            counts["quotes"] += 1
            counts["annotators_agree"] += agree
            if j not in found:
                continue
            to_gold = same_speaker(found[j], gold["speaker"])
            to_second = same_speaker(found[j], second["speaker"])
            counts["found"] += 1
            counts["found_agree"] += agree
            counts["rules_gold"] += to_gold
            counts["rules_second"] += to_second
            counts["rules_either"] += to_gold or to_second
            counts["rules_on_agreed"] += agree and to_gold
    return counts


def format_speaker_agreement(counts: dict) -> str:
    def share(part: str, whole: str) -> str:
        n = counts[whole]
        return f"{counts[part] / n:.3f} ({counts[part]}/{n})" if n else "-"

    return "\n".join(
        [
            "speaker agreement with a second annotation:",
            f"  gold and second annotator name the same speaker: "
            f"{share('annotators_agree', 'quotes')}",
            f"  on the quotes the rules found: annotators {share('found_agree', 'found')}; "
            f"rules = gold {share('rules_gold', 'found')}, rules = second "
            f"{share('rules_second', 'found')}, rules = either {share('rules_either', 'found')}",
            f"  rules = gold where the annotators agree: {share('rules_on_agreed', 'found_agree')}",
        ]
    )
