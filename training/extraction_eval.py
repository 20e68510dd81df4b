"""Score extracted quotes against gold quote records: span precision/recall/F1 and speakers.

Spans are compared by character overlap (|intersection| / |union|) at three strictness levels:
0.3 (found roughly the right quote), 0.8 (found nearly the right span) and exact. Speaker
accuracy is measured on the pairs matched at 0.3, so it is not hidden by span disagreements.
"""

from __future__ import annotations

import re

from model.cues import ORG_HEADS, words

LEVELS = (("0.3", 0.3), ("0.8", 0.8), ("exact", 1.0))


def locate_gold(records: list[dict], text: str) -> list[tuple[int, int]]:
    """Character spans of one article's gold records, taken in order.

    A record's "start" wins; otherwise the next occurrence at or after the previous record's end
    (gold lists quotes in text order), else the first occurrence anywhere.
    """
    spans = []
    cursor = 0
    for record in records:
        quote = record["quote"]
        start = record.get("start")
        if start is None or text[start : start + len(quote)] != quote:
            start = text.find(quote, cursor)
            if start < 0:
                start = text.find(quote)
        if start < 0 or not quote:
            raise ValueError(
                f"gold quote not found in article {record.get('article_id')!r}: {quote[:80]!r}"
            )
        spans.append((start, start + len(quote)))
        cursor = start + len(quote)
    return spans


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else float(a == b)


def match_quotes(
    pred: list[tuple[int, int]], gold: list[tuple[int, int]], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one (pred_idx, gold_idx) pairs whose overlap reaches threshold, best first.

    threshold 1.0 (or "exact") means identical spans.
    """
    exact = threshold == "exact" or threshold >= 1.0
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            score = 1.0 if p == g else (0.0 if exact else overlap(p, g))
            if score > 0 and score >= (1.0 if exact else threshold):
                candidates.append((-score, i, j))
    pairs, used_pred, used_gold = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_pred and j not in used_gold:
            pairs.append((i, j))
            used_pred.add(i)
            used_gold.add(j)
    return sorted(pairs)


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).lower()


# "the Korean Central News Agency (KCNA)", "the Federal Agency for Tourism (Rostourism)": the
# full name and the short one in parentheses are one body.
_PAREN_ACRONYM = re.compile(r"^(.+?)\s*\(([A-Z][A-Za-z0-9.&-]+)\)$")
_OWNED_ACRONYM = re.compile(r"^.+?['’]s\s+(?:(?:official|state)\s+)*([A-Z][A-Z0-9.&-]+)$")


_OWNED_NAME = re.compile(r"^.+?['’]s\s+(?:(?:official|state|state-run)\s+)*([A-Z].+)$")
# The owner written after the name ("the Korean Central News Agency of North Korea"): the same
# body as with the owner in front, so the same alias.
_OWNER_AFTER = re.compile(
    r"^(.+?)\s+of\s+(?:the\s+)?(?:North Korea|South Korea|DPRK|ROK|Democratic People['’]s "
    r"Republic of Korea|Republic of Korea|Russia|Russian Federation|China|People['’]s Republic "
    r"of China|PRC|Japan|Ukraine|United States|U\.S\.|US)$"
)
_NAME_LINKS = frozenset({"of", "the", "and", "for"})
_SPOKESPERSON_FOR = re.compile(
    r"^(?:[Tt]he|[Aa]n?)\s+spokes(?:man|woman|person)\s+(?:for|of)\s+(.+)$"
    r"|^[Aa]n?\s+(.+?)\s+spokes(?:man|woman|person)$"
)


def _long_body_name(form: str) -> list[str] | None:
    """The capitalised words of a name of three or more ("Joint Chiefs of Staff") or of a
    two-word proper name ("Rodong Sinmun"), else None: generic ones ("Foreign Ministry") need
    their owner to say whose they are."""
    words = [w for w in form.split() if w.lower() not in _NAME_LINKS]
    if not all(w[:1].isupper() for w in words):
        return None
    if len(words) >= 3 or (len(words) == 2 and not {w.lower() for w in words} & _GENERIC):
        return words
    return None


# Words that make a two-word body name generic: every country has a "Defense Ministry".
_GENERIC = words(
    """foreign defense defence interior state finance trade unification justice security
    intelligence health education energy industry economy national central presidential general
    prime people's military armed ministry office agency department assembly council committee
    staff service command embassy government army navy party court police bank guard"""
)


def _forms(name: str) -> set[str]:
    """Spellings of one body that gold annotators wrote interchangeably: a leading "the", an
    acronym or short name in parentheses after the full name ("the Korean Central News Agency
    (KCNA)" is also "KCNA" and "the Korean Central News Agency"), an acronym or a long proper
    name with its owner in front or after ("North Korea's official KCNA" is "KCNA"; "South
    Korea's Joint Chiefs of Staff" and "the Joint Chiefs of Staff of South Korea" are "the Joint
    Chiefs of Staff"). Never a surname for a full name, and never one person's name for
    another's: a two- or three-part personal name has only itself as alias."""
    forms = {name.strip()}
    spokes = _SPOKESPERSON_FOR.match(name.strip())
    if spokes:  # writers differ on "the spokesman for X" (or "an X spokesperson") and X
        body = spokes.group(1) or spokes.group(2)
        forms |= {body, "the " + body}
    owner = _OWNER_AFTER.match(name.strip())
    if owner and _PAREN_ACRONYM.match(owner.group(1)):
        forms.add(owner.group(1))  # "the Korean Central News Agency (KCNA) of the DPRK"
    for form in list(forms):
        paren = _PAREN_ACRONYM.match(form)
        if paren:
            forms |= {paren.group(1), paren.group(2)}
    for form in list(forms):
        owned = _OWNED_ACRONYM.match(form) or _OWNED_NAME.match(form) or _OWNER_AFTER.match(form)
        if owned and (owned.group(1).isupper() or _long_body_name(owned.group(1))):
            forms.add(owned.group(1))
    return forms


def speaker_aliases(name: str) -> set[str]:
    return {re.sub(r"^the ", "", _norm(f)) for f in _forms(name)}


def _words(name: str) -> set[str]:
    return set(re.findall(r"[\w.&-]+", name.upper()))


def _initials(name: str) -> set[str]:
    """A long body name's initials ("jcs" for "the Joint Chiefs of Staff"), to meet an acronym."""
    out = set()
    for form in _forms(name):
        words = _long_body_name(re.sub(r"^[Tt]he ", "", form))
        if words and len(words) >= 3 and any(w.lower() in ORG_HEADS for w in words):
            out.add("".join(w[0] for w in words).lower())
    return out


def same_speaker(a: str | None, b: str | None) -> bool:
    # Case, spacing and apostrophe style (’ vs ') are typography, not a different speaker.
    if a is None or b is None:
        return a is b
    if _norm(a) == _norm(b):
        return True
    forms_a, forms_b = speaker_aliases(a), speaker_aliases(b)
    if forms_a & forms_b:
        return True
    # Initials meet only an acronym as written: "the Federal Agency for Tourism" and "the
    # Federal Agency for Transport" share initials but are two bodies.
    acronyms_a = {f for f in forms_a if " " not in f and f.upper() in _words(a)}
    acronyms_b = {f for f in forms_b if " " not in f and f.upper() in _words(b)}
    return bool(_initials(a) & acronyms_b or _initials(b) & acronyms_a)


def _prf(matched: int, n_pred: int, n_gold: int) -> dict:
    precision = matched / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = matched / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "matched": matched}


def _count(pred_recs, gold_recs, pred_spans, gold_spans) -> dict:
    counts = {"n_pred": len(pred_spans), "n_gold": len(gold_spans)}
    for name, threshold in LEVELS:
        counts[name] = len(match_quotes(pred_spans, gold_spans, threshold))
    pairs = match_quotes(pred_spans, gold_spans, 0.3)
    right = [
        same_speaker(pred_recs[i].get("speaker"), gold_recs[j].get("speaker")) for i, j in pairs
    ]
    counts["speaker_correct"] = sum(right)
    counts["speaker_total"] = len(pairs)
    # Quotes the rules found no cue for inherit a speaker: the weakest step, so shown apart.
    uncued = [ok for (i, _), ok in zip(pairs, right, strict=True) if not pred_recs[i].get("cue")]
    counts["uncued_correct"] = sum(uncued)
    counts["uncued_total"] = len(uncued)
    return counts


def _scores(counts: dict) -> dict:
    out = {"n_pred": counts["n_pred"], "n_gold": counts["n_gold"]}
    for name, _ in LEVELS:
        out[name] = _prf(counts[name], counts["n_pred"], counts["n_gold"])
    total = counts["speaker_total"]
    out["speaker_accuracy"] = counts["speaker_correct"] / total if total else None
    out["speaker_correct"] = counts["speaker_correct"]
    out["speaker_total"] = total
    out["uncued_correct"] = counts.get("uncued_correct", 0)
    out["uncued_total"] = counts.get("uncued_total", 0)
    return out


def by_article(records: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for record in records:
        grouped.setdefault(record["article_id"], []).append(record)
    return grouped


def score_extraction(pred: list[dict], gold: list[dict], texts: dict[str, str]) -> dict:
    """Compare Quote.to_dict() records with gold records, per article and overall.

    Articles in `texts` with no records on either side still count (as empty), so a missed
    article lowers recall and a spurious one lowers precision.
    """
    pred_by, gold_by = by_article(pred), by_article(gold)
    ids = sorted(set(texts) | set(pred_by) | set(gold_by))
    total: dict[str, int] = {}
    per_article = {}
    for article_id in ids:
        if article_id not in texts:
            raise ValueError(f"no article text for {article_id!r}; pass it in texts")
        preds, golds = pred_by.get(article_id, []), gold_by.get(article_id, [])
        pred_spans = [(r["start"], r["end"]) for r in preds]
        gold_spans = locate_gold(golds, texts[article_id])
        counts = _count(preds, golds, pred_spans, gold_spans)
        per_article[article_id] = _scores(counts)
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    if not total:
        total = {"n_pred": 0, "n_gold": 0, "speaker_correct": 0, "speaker_total": 0}
        total.update({"uncued_correct": 0, "uncued_total": 0})
        total.update({name: 0 for name, _ in LEVELS})
    return {"overall": _scores(total), "per_article": per_article}


def format_extraction_report(scores: dict) -> str:
    """A plain-text table: one row per article, then the overall row."""
    header = (
        f"{'article':<40} {'gold':>5} {'pred':>5}  "
        + "  ".join(f"{'F1@' + name:>8}" for name, _ in LEVELS)
        + f"  {'speaker':>8}"
    )
    lines = [header, "-" * len(header)]
    rows = [*list(scores.get("per_article", {}).items()), ("OVERALL", scores["overall"])]
    for name, row in rows:
        if name == "OVERALL":
            lines.append("-" * len(header))
        speaker = row["speaker_accuracy"]
        cells = "  ".join(f"{row[level]['f1']:>8.3f}" for level, _ in LEVELS)
        speaker_cell = f"{speaker:>8.3f}" if speaker is not None else f"{'-':>8}"
        lines.append(
            f"{name[:40]:<40} {row['n_gold']:>5} {row['n_pred']:>5}  {cells}  {speaker_cell}"
        )
    overall = scores["overall"]
    lines.append("")
    for level, _ in LEVELS:
        s = overall[level]
        lines.append(
            f"overlap {level:>5}: precision {s['precision']:.3f}  recall "
            f"{s['recall']:.3f}  F1 {s['f1']:.3f}"
        )
    if overall["speaker_accuracy"] is not None:
        lines.append(
            f"speaker accuracy: {overall['speaker_accuracy']:.3f} "
            f"({overall['speaker_correct']}/{overall['speaker_total']} matched at 0.3)"
        )
        cued_total = overall["speaker_total"] - overall["uncued_total"]
        cued_correct = overall["speaker_correct"] - overall["uncued_correct"]
        uncued = f"{overall['uncued_correct']}/{overall['uncued_total']}"
        if cued_total:  # naive pairing finds no cues, so the split says nothing there
            lines.append(
                f"  quotes with a cue verb or label: {cued_correct}/{cued_total}; without one "
                f"(speaker taken from the text around): {uncued}"
            )
    return "\n".join(lines)
