"""The last layer computed for [CLS] only gives the same logits as the full model."""

import copy

import pytest
import torch
from transformers import (
    BertConfig,
    BertForSequenceClassification,
    DistilBertConfig,
    DistilBertForSequenceClassification,
)

from model.first_token import FirstTokenLayer, first_token_only
from model.predict import quantize_dynamic


def tiny_classifier(attn_implementation="sdpa"):
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=100,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=37,
        num_labels=3,
        attn_implementation=attn_implementation,
    )
    return BertForSequenceClassification(config).eval()


def padded_batch():
    torch.manual_seed(1)
    ids = torch.randint(5, 100, (3, 11))
    mask = torch.ones_like(ids)
    mask[1, 7:] = 0  # padding, so the attention mask matters
    mask[2, 3:] = 0
    return {"input_ids": ids, "attention_mask": mask}


@pytest.mark.parametrize("attn_implementation", ["sdpa", "eager"])
def test_same_logits_with_padding(attn_implementation):
    full = tiny_classifier(attn_implementation)
    fast = first_token_only(copy.deepcopy(full))
    assert isinstance(fast.bert.encoder.layer[-1], FirstTokenLayer)
    with torch.inference_mode():
        expected = full(**padded_batch()).logits
        got = fast(**padded_batch()).logits
    torch.testing.assert_close(got, expected, rtol=1e-5, atol=1e-6)


def test_same_labels_after_int8_quantisation():
    full = quantize_dynamic(tiny_classifier())
    fast = first_token_only(copy.deepcopy(full))
    with torch.inference_mode():
        expected = full(**padded_batch()).logits
        got = fast(**padded_batch()).logits
    assert torch.equal(got.argmax(-1), expected.argmax(-1))
    torch.testing.assert_close(got, expected, rtol=0.05, atol=0.05)


def test_applied_once_and_only_to_known_heads():
    model = tiny_classifier()
    first_token_only(first_token_only(model))
    assert not isinstance(model.bert.encoder.layer[-1].layer, FirstTokenLayer)
    other = DistilBertForSequenceClassification(
        DistilBertConfig(vocab_size=100, dim=32, n_layers=1, n_heads=4, hidden_dim=37)
    )
    assert first_token_only(other) is other
    assert not any(isinstance(m, FirstTokenLayer) for m in other.modules())
