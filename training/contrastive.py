"""A SetFit-style contrastive phase before the classifier is trained.

all-MiniLM-L6-v2 was trained for mean pooling, but a sequence-classification head reads the
pooled [CLS] vector, which that training never shaped. With ~1,000 examples the head learns
slowly from it. Pulling quotes with the same labels together (and pushing different ones
apart) in exactly the vector the head reads gives the head a representation that already
separates the labels. The model stays a standard Hugging Face class, so pipeline() loads it.
"""

from __future__ import annotations

import random

import torch
from tqdm import tqdm

from model.encoding import encode_pairs
from model.labels import LabelSchema


def similarity(a: dict, b: dict, schema: LabelSchema) -> float:
    """1 for the same stance, 0 otherwise; for frames, the overlap of the two frame sets."""
    if not schema.multi_label:
        return float(a["stance"] == b["stance"])
    x, y = set(a["frames"] or []), set(b["frames"] or [])
    return len(x & y) / len(x | y) if x | y else 1.0


def make_pairs(records: list[dict], schema: LabelSchema, per_example: int, seed: int):
    """For each record, half partners with the same label and half with another (when any)."""
    rng = random.Random(seed)
    key = (
        (lambda r: tuple(sorted(r["frames"] or [])))
        if schema.multi_label
        else (lambda r: r["stance"])
    )
    groups: dict = {}
    for i, record in enumerate(records):
        groups.setdefault(key(record), []).append(i)
    pairs = []
    for i, record in enumerate(records):
        same = groups[key(record)]
        other = [j for k, members in groups.items() if k != key(record) for j in members]
        for n in range(per_example):
            pool = same if (n % 2 == 0 or not other) else other
            j = rng.choice(pool)
            pairs.append((i, j, similarity(record, records[j], schema)))
    rng.shuffle(pairs)
    return pairs


def pooled(model, batch: dict) -> torch.Tensor:
    """The vector the classification head reads (BERT's pooler; else the first token)."""
    outputs = model.base_model(**batch)
    pooler = getattr(outputs, "pooler_output", None)
    return pooler if pooler is not None else outputs.last_hidden_state[:, 0]


def contrastive_phase(
    model,
    tokenizer,
    records: list[dict],
    schema: LabelSchema,
    *,
    pairs_per_example: int,
    epochs: int,
    learning_rate: float,
    batch_size: int,
    seed: int,
    device: torch.device,
) -> float:
    """Train the encoder with a cosine-similarity loss on labelled pairs; returns the last loss."""
    torch.manual_seed(seed)
    features = encode_pairs(tokenizer, records, schema.max_length, schema.mask_quote)
    model.to(device).train()
    params = [
        p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("classifier")
    ]
    optimizer = torch.optim.AdamW(params, lr=learning_rate)
    loss_fn = torch.nn.MSELoss()
    loss = torch.tensor(0.0)
    for epoch in range(epochs):
        pairs = make_pairs(records, schema, pairs_per_example, seed + epoch)
        steps = range(0, len(pairs), batch_size)
        for first in tqdm(steps, desc=f"contrastive epoch {epoch + 1}/{epochs}", unit="step"):
            chunk = pairs[first : first + batch_size]
            idx = [i for i, _, _ in chunk] + [j for _, j, _ in chunk]
            batch = tokenizer.pad([features[k] for k in idx], return_tensors="pt")
            vectors = pooled(model, {k: v.to(device) for k, v in batch.items()})
            left, right = vectors[: len(chunk)], vectors[len(chunk) :]
            target = torch.tensor([s for _, _, s in chunk], device=device)
            loss = loss_fn(torch.cosine_similarity(left, right), target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return loss.item()
