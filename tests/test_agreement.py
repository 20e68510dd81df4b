import json

import pytest

from training.agreement import agreement, pair_up, read_second
from training.data import DataError, load_articles, load_records


def second_from(gold_records, tmp_path, flip_every=0):
    folder = tmp_path / "second"
    folder.mkdir()
    rows = []
    for i, r in enumerate(gold_records):
        stance = r["stance"]
        if flip_every and i % flip_every == 0:
            stance = "none" if stance != "none" else "favor"
        rows.append(
            {
                "article_id": r["article_id"],
                "quote": r["quote"],
                "stance": stance,
                "frames": r["frames"],
                "note": "",
            }
        )
    (folder / "all.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return folder


def test_identical_annotation_has_kappa_one(corpus, tmp_path):
    articles, gold = corpus
    records = load_records([gold], load_articles([articles]))
    result = agreement(pair_up(records, read_second([second_from(records, tmp_path)])))
    assert result["stance_kappa"] == 1.0 and result["disagreements"] == []
    assert result["frames"]["political"]["kappa"] == 1.0


def test_disagreements_lower_kappa_and_are_listed(corpus, tmp_path):
    articles, gold = corpus
    records = load_records([gold], load_articles([articles]))
    result = agreement(pair_up(records, read_second([second_from(records, tmp_path, 4)])))
    assert 0 < result["stance_kappa"] < 1
    assert len(result["disagreements"]) == len(records[::4])


def test_unknown_quote_in_second_annotation_is_an_error(corpus, tmp_path):
    articles, gold = corpus
    records = load_records([gold], load_articles([articles]))
    folder = tmp_path / "s"
    folder.mkdir()
    row = {"article_id": "t00_wire", "quote": "never said", "stance": "none", "frames": []}
    (folder / "x.jsonl").write_text(json.dumps(row) + "\n")
    with pytest.raises(DataError, match="quote not in gold"):
        pair_up(records, read_second([folder]))
