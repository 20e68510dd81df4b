from pathlib import Path

import pytest

from training.config import ConfigError, load_config, parse_config

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = sorted((ROOT / "configs").glob("*.yaml"))
MINIMAL = {"name": "x", "data": {"gold": ["g"], "articles": ["a"]}}


def test_configs_folder_is_not_empty():
    names = {p.name for p in CONFIGS}
    assert {"stance-minilm.yaml", "frames-minilm.yaml", "tiny.yaml"} <= names


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.name)
def test_every_shipped_config_loads_and_its_data_exists(path):
    config = load_config(path)
    for folder in config.data.gold + config.data.articles + config.data.test_gold:
        assert (ROOT / folder).exists(), f"{path.name}: {folder} does not exist"


def test_misspelt_key_names_the_key_and_suggests_the_right_one():
    raw = {**MINIMAL, "training": {"learnin_rate": 1e-4}}
    with pytest.raises(
        ConfigError, match=r"training\.learnin_rate: unknown key; did you mean 'learning_rate'"
    ):
        parse_config(raw)


def test_unknown_section_is_an_error():
    with pytest.raises(ConfigError, match=r"trainig: unknown key; did you mean 'training'"):
        parse_config({**MINIMAL, "trainig": {}})


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("training", "learning_rate", -1e-4),
        ("training", "epochs", 0),
        ("training", "batch_size", 0),
        ("data", "gold", []),
        ("model", "max_length", 4),
        ("training", "recipe", "magic"),
        ("training", "epochs", "three"),
    ],
)
def test_impossible_values_are_errors(section, key, value):
    raw = {**MINIMAL, section: {**MINIMAL.get(section, {}), key: value}}
    with pytest.raises(ConfigError, match=rf"{section}\.{key}"):
        parse_config(raw)


def test_set_overrides_are_typed_and_checked(tmp_path):
    path = ROOT / "configs" / "tiny.yaml"
    config = load_config(path, ["training.epochs=3", "training.class_weights=false"])
    assert config.training.epochs == 3 and config.training.class_weights is False
    with pytest.raises(ConfigError, match=r"training\.epoch: unknown key; did you mean .epochs."):
        load_config(path, ["training.epoch=3"])
    with pytest.raises(ConfigError, match=r"section\.key=value"):
        load_config(path, ["training.epochs"])


def test_missing_file_and_bad_yaml_are_clear(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)


def test_test_gold_without_articles_is_an_error():
    raw = {**MINIMAL, "data": {**MINIMAL["data"], "test_gold": ["x"]}}
    with pytest.raises(ConfigError, match="test_gold and test_articles go together"):
        parse_config(raw)
