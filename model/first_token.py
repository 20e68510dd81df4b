"""Compute the last encoder layer for the first token only.

A sequence classifier reads nothing but the first ([CLS]) position of the last layer, so the
other positions' queries, attention outputs and feed-forward passes in that layer are wasted
work: about a sixth of the encoder. Keys and values still come from every token, so the first
position's output, and so the logits, are the same up to float rounding.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional

# Heads known to read only position 0 of the last hidden state.
_FIRST_TOKEN_HEADS = frozenset(
    {
        "BertForSequenceClassification",
        "RobertaForSequenceClassification",
        "XLMRobertaForSequenceClassification",
    }
)


class FirstTokenLayer(nn.Module):
    """Wraps a BERT-style encoder layer; returns hidden states for position 0 only."""

    def __init__(self, layer: nn.Module) -> None:
        super().__init__()
        self.layer = layer

    def forward(self, hidden_states: torch.Tensor, attention_mask=None, *args, **kwargs):
        attention = self.layer.attention.self
        batch, length, _ = hidden_states.shape
        first = hidden_states[:, :1]

        def heads(x: torch.Tensor, n: int) -> torch.Tensor:
            return x.view(batch, n, -1, attention.attention_head_size).transpose(1, 2)

        query = heads(attention.query(first), 1)
        key = heads(attention.key(hidden_states), length)
        value = heads(attention.value(hidden_states), length)
        if attention_mask is not None and attention_mask.dim() == 4:
            attention_mask = attention_mask[:, :, :1, :]
        context = functional.scaled_dot_product_attention(
            query, key, value, attn_mask=attention_mask, scale=attention.scaling
        )
        context = context.transpose(1, 2).reshape(batch, 1, -1)
        attention_output = self.layer.attention.output(context, first)
        return self.layer.feed_forward_chunk(attention_output)


def first_token_only(model: nn.Module) -> nn.Module:
    """Swap the last encoder layer of a known first-token classifier for FirstTokenLayer, in
    place, for inference (hidden states of the last layer then hold position 0 only). Other
    architectures are returned unchanged."""
    if type(model).__name__ not in _FIRST_TOKEN_HEADS or model.config.add_cross_attention:
        return model
    layers = model.base_model.encoder.layer
    if not isinstance(layers[-1], FirstTokenLayer):
        layers[-1] = FirstTokenLayer(layers[-1])
    return model
