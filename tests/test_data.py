import json
import shutil
from pathlib import Path

import pytest

from training.data import (
    DataError,
    kfold_by_article,
    load_articles,
    load_records,
    split_by_article,
    to_dataset,
)

ROOT = Path(__file__).resolve().parents[1]


def gold_with(tmp_path, corpus, edit) -> tuple[Path, dict]:
    """A copy of the synthetic gold whose first article's second line is edited."""
    articles, gold = corpus
    copy = tmp_path / "gold"
    shutil.copytree(gold, copy)
    target = sorted(copy.glob("*.jsonl"))[0]
    lines = target.read_text(encoding="utf-8").splitlines()
    lines[1] = edit(lines[1])
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return copy, load_articles([articles])


def change(**fields):
    return lambda line: json.dumps({**json.loads(line), **fields})


def test_loads_valid_records_with_exact_offsets(corpus):
    articles, gold = corpus
    texts = load_articles([articles])
    records = load_records([gold], texts)
    assert len(records) == 72
    for r in records:
        assert texts[r["article_id"]].text[r["start"] : r["end"]] == r["quote"]
    assert len(to_dataset(records)) == 72


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda line: line[:-3], r"t00_wire\.jsonl:2: malformed JSON"),
        (
            lambda line: json.dumps({k: v for k, v in json.loads(line).items() if k != "stance"}),
            r":2: missing field 'stance'",
        ),
        (
            change(stance="pro"),
            r":2: field 'stance': unknown stance 'pro' \(favor, against, none\)",
        ),
        (change(frames=["politics"]), r":2: field 'frames': unknown frame 'politics' \(valid: "),
        (change(quote="  "), r":2: field 'quote' is empty"),
        (change(quote="words nobody wrote"), r":2: field 'quote': not found verbatim"),
        (change(article_id="missing"), r":2: field 'article_id': no article 'missing'"),
        (change(colour="red"), r":2: unknown field 'colour'"),
        (lambda line: "[1, 2]", r":2: each line must be a JSON object"),
    ],
    ids=["json", "missing", "stance", "frame", "empty", "not-found", "article", "field", "array"],
)
def test_each_bad_record_is_named_by_file_line_and_field(tmp_path, corpus, edit, message):
    gold, texts = gold_with(tmp_path, corpus, edit)
    with pytest.raises(DataError, match=message):
        load_records([gold], texts)


def test_duplicate_quote_is_an_error(tmp_path, corpus):
    articles, gold = corpus
    copy = tmp_path / "gold"
    shutil.copytree(gold, copy)
    target = sorted(copy.glob("*.jsonl"))[0]
    first = target.read_text(encoding="utf-8").splitlines()[0]
    with target.open("a", encoding="utf-8") as handle:
        handle.write(first + "\n")
    with pytest.raises(DataError, match="duplicate quote"):
        load_records([copy], load_articles([articles]))


def test_missing_gold_folder_is_an_error(tmp_path, corpus):
    with pytest.raises(DataError, match="no such file or folder"):
        load_records([tmp_path / "nothing"], load_articles([corpus[0]]))


def test_splits_are_by_article_deterministic_and_cover_everything(corpus):
    articles, gold = corpus
    records = load_records([gold], load_articles([articles]))
    splits = split_by_article(records, 0.25, 0.25, seed=3)
    again = split_by_article(records, 0.25, 0.25, seed=3)
    ids = {name: {r["article_id"] for r in part} for name, part in splits.items()}
    assert ids == {name: {r["article_id"] for r in part} for name, part in again.items()}
    assert not ids["train"] & ids["dev"] and not ids["train"] & ids["test"]
    assert not ids["dev"] & ids["test"]
    assert sum(len(p) for p in splits.values()) == len(records)
    for part in splits.values():
        assert {r["stance"] for r in part} == {"favor", "against", "none"}


def test_kfold_never_puts_an_article_on_both_sides(corpus):
    articles, gold = corpus
    records = load_records([gold], load_articles([articles]))
    folds = kfold_by_article(records, 4, seed=0)
    assert len(folds) == 4
    tested = []
    for train, test in folds:
        assert not {r["article_id"] for r in train} & {r["article_id"] for r in test}
        tested += [r["article_id"] for r in test]
    assert sorted(tested) == sorted(r["article_id"] for r in records)
    with pytest.raises(DataError, match="cannot make 50 folds"):
        kfold_by_article(records, 50, seed=0)


def test_project_corpus_and_seed_gold_are_valid():
    """The shipped annotations follow the codebook (every record, every file)."""
    corpus = load_records(
        [ROOT / "seeds/corpus/gold"], load_articles([ROOT / "seeds/corpus/articles"])
    )
    seeds = load_records([ROOT / "seeds/gold"], load_articles([ROOT / "seeds/articles"]))
    assert len(corpus) >= 1000 and len({r["article_id"] for r in corpus}) >= 80
    assert len(seeds) >= 25


def test_data_stats_covers_the_real_test_split(tiny_config):
    from training.commands import data_stats
    from training.config import dump_config

    config = tiny_config.model_copy(deep=True)
    real = {
        "test_gold": [str(ROOT / "seeds/gold")],
        "test_articles": [str(ROOT / "seeds/articles")],
    }
    config.data = config.data.model_copy(update=real)
    path = Path(tiny_config.data.gold[0]).parent / "with-real.yaml"
    dump_config(config, path)
    stats = json.loads(data_stats(path))
    assert stats["real"]["quotes"] == 32
    assert stats["real"]["style"] == {"real": 32}
