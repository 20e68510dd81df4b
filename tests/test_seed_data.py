"""Every annotated set in seeds/ loads and locates its quotes; every second speaker annotation
pairs one to one with its gold. A broken record fails here, not in a user's evaluation."""

from pathlib import Path

import pytest

from training.data import load_articles, load_records
from training.speaker_agreement import pair_second, read_second_speakers

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SETS = sorted(p.parent for p in SEEDS.glob("*/gold") if (p.parent / "articles").is_dir())
SECONDS = sorted(SEEDS.glob("*/agreement/second"))


def test_every_set_is_found():
    assert {p.name for p in SETS} >= {"corpus", "holdout", "holdout10"}
    assert (SEEDS / "gold").is_dir() and (SEEDS / "articles").is_dir()


@pytest.mark.parametrize("folder", [SEEDS, *SETS], ids=lambda p: p.name)
def test_gold_records_load_and_locate(folder):
    records = load_records([folder / "gold"], load_articles([folder / "articles"]))
    assert records and all(r["end"] > r["start"] for r in records)


@pytest.mark.parametrize(
    "second", [s for s in SECONDS if s.parts[-3] != "corpus"], ids=lambda p: p.parts[-3]
)
def test_second_speaker_annotations_pair_with_the_gold(second):
    folder = second.parent.parent
    gold = load_records([folder / "gold"], load_articles([folder / "articles"]))
    assert len(pair_second(gold, read_second_speakers([second]))) == len(gold)
