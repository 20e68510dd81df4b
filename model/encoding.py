"""Quote -> model input: the quote as text A, "speaker: context" as text B."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

UNKNOWN_SPEAKER = "unknown speaker"


QUOTE_MARK = "[quote]"


def second_text(speaker: str | None, context: str, quote: str | None = None) -> str:
    """ "speaker: context"; given the quote, its words in the context become QUOTE_MARK, so that
    text B carries only what text A does not (and a fifth fewer tokens on the corpus)."""
    context = " ".join(context.split())
    if quote:
        context = context.replace(" ".join(quote.split()), QUOTE_MARK, 1)
    return f"{speaker or UNKNOWN_SPEAKER}: {context}"


def pair_texts(record: Mapping, mask_quote: bool = False) -> tuple[str, str]:
    """(text A, text B) of a quote record, as the model reads them before tokenization."""
    quote = " ".join(str(record["quote"]).split())
    context = str(record.get("context") or "")
    return quote, second_text(record.get("speaker"), context, quote if mask_quote else None)


def encode_pairs(
    tokenizer, records: Sequence[Mapping], max_length: int, mask_quote: bool = False
) -> list[dict]:
    """Tokenize records without padding (padding happens per batch).

    Truncation cuts the speaker/context side first so the quote stays whole; only a quote
    longer than the whole budget is itself cut.
    """
    pairs = [pair_texts(r, mask_quote) for r in records]
    quotes = [a for a, _ in pairs]
    seconds = [b for _, b in pairs]
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
