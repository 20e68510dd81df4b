import pytest
from transformers import AutoTokenizer

from model.encoding import QUOTE_MARK, UNKNOWN_SPEAKER, encode_pairs, pair_texts, second_text
from model.labels import FRAMES, STANCES, LabelSchema


@pytest.fixture(scope="module")
def tokenizer(tiny_base):
    return AutoTokenizer.from_pretrained(tiny_base)


def test_second_text_names_the_speaker_or_says_unknown():
    assert second_text("Li Wei", "They  met\nin Beijing.") == "Li Wei: They met in Beijing."
    assert second_text(None, "x").startswith(UNKNOWN_SPEAKER)


def test_long_context_is_cut_and_the_quote_kept_whole(tokenizer):
    quote = "We will invariably support our neighbour in every circumstance"
    record = {"quote": quote, "speaker": "Kim", "context": "Long context words. " * 200}
    (features,) = encode_pairs(tokenizer, [record], max_length=64)
    assert len(features["input_ids"]) == 64
    quote_ids = tokenizer(quote, add_special_tokens=False)["input_ids"]
    assert features["input_ids"][1 : 1 + len(quote_ids)] == quote_ids


def test_a_quote_longer_than_the_budget_is_cut_too(tokenizer):
    record = {"quote": "word " * 300, "speaker": "Kim", "context": "short"}
    (features,) = encode_pairs(tokenizer, [record], max_length=64)
    assert len(features["input_ids"]) == 64


def test_schema_round_trips_and_rejects_nonsense(tmp_path):
    schema = LabelSchema.for_task("frames", thresholds={"economic": 0.3}, max_length=128)
    schema.save(tmp_path)
    loaded = LabelSchema.load(tmp_path)
    assert loaded == schema and loaded.multi_label and loaded.labels == list(FRAMES)
    assert LabelSchema.for_task("stance").id2label == dict(enumerate(STANCES))
    with pytest.raises(ValueError, match="unknown task"):
        LabelSchema.for_task("sentiment")
    with pytest.raises(FileNotFoundError, match="not a quotestance run directory"):
        LabelSchema.load(tmp_path / "missing")


def test_mask_quote_replaces_the_quote_in_the_context_only():
    record = {
        "quote": "a  blood-sealed alliance",
        "speaker": "KCNA",
        "context": "The paper called it “a blood-sealed alliance” on Monday.",
    }
    assert pair_texts(record, mask_quote=True) == (
        "a blood-sealed alliance",
        f"KCNA: The paper called it “{QUOTE_MARK}” on Monday.",
    )
    assert pair_texts(record)[1] == "KCNA: The paper called it “a blood-sealed alliance” on Monday."
    elsewhere = {**record, "context": "Nothing quoted here."}
    assert pair_texts(elsewhere, mask_quote=True)[1] == "KCNA: Nothing quoted here."
