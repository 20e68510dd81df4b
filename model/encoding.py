"""Quote -> model input: the quote as text A, "speaker: context" as text B."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

UNKNOWN_SPEAKER = "unknown speaker"


def second_text(speaker: str | None, context: str) -> str:
    return f"{speaker or UNKNOWN_SPEAKER}: {' '.join(context.split())}"


def encode_pairs(tokenizer, records: Sequence[Mapping], max_length: int) -> list[dict]:
    """Tokenize records without padding (padding happens per batch).

    Truncation cuts the speaker/context side first so the quote stays whole; only a quote
    longer than the whole budget is itself cut.
    """
    quotes = [" ".join(str(r["quote"]).split()) for r in records]
    seconds = [second_text(r.get("speaker"), str(r.get("context") or "")) for r in records]
    quote_lengths = [len(ids) for ids in tokenizer(quotes, add_special_tokens=False)["input_ids"]]
    # [CLS] A [SEP] B [SEP] takes three special tokens; keep a few tokens of context at least.
    room_for_quote = max_length - 3 - 8
    # One tokenizer call per truncation strategy: the fast tokenizer batches in Rust.
    encoded: list[dict] = [{} for _ in quotes]
    for strategy in ("only_second", "longest_first"):
        idx = [
            i
            for i, n in enumerate(quote_lengths)
            if (n <= room_for_quote) == (strategy == "only_second")
        ]
        if not idx:
            continue
        features = tokenizer(
            [quotes[i] for i in idx],
            [seconds[i] for i in idx],
            truncation=strategy,
            max_length=max_length,
        )
        for row, i in enumerate(idx):
            encoded[i] = {key: values[row] for key, values in features.items()}
    return encoded
