import json
import subprocess
import sys

import pytest

from training.cli import build_parser, main

COMMANDS = [
    "extract",
    "train",
    "evaluate",
    "crossval",
    "predict",
    "adapt",
    "priors",
    "data",
    "benchmark",
]


def test_every_subcommand_has_help_for_every_option(capsys):
    parser = build_parser()
    for command in COMMANDS:
        with pytest.raises(SystemExit) as exit_info:
            parser.parse_args([command, "--help"])
        assert exit_info.value.code == 0
        text = capsys.readouterr().out
        assert f"usage: quotestance {command}" in text
    sub = next(a for a in parser._actions if a.dest == "command")
    for command, subparser in sub.choices.items():
        for action in subparser._actions:
            assert action.help, f"{command} {action.option_strings or action.dest} has no help"


def test_console_script_runs():
    result = subprocess.run(
        [sys.executable, "-m", "training.cli", "--help"], capture_output=True, text=True, check=True
    )
    assert "extract" in result.stdout and "predict" in result.stdout


def test_extract_writes_records_and_scores_against_gold(corpus, tmp_path, capsys):
    articles, gold = corpus
    out = tmp_path / "quotes.jsonl"
    assert main(["extract", str(articles), "-o", str(out), "--gold", str(gold), "--baseline"]) == 0
    text = capsys.readouterr().out
    assert "72 quotes from 12 articles" in text and "naive" in text
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["speaker"] for r in records} >= {"Mara Olsen", "Chen Lihua"}


def test_extract_compares_a_second_speaker_annotation(corpus, tmp_path, capsys):
    articles, gold = corpus
    rows = [
        {"article_id": r["article_id"], "quote": r["quote"], "speaker": r["speaker"]}
        for path in sorted(gold.rglob("*.jsonl"))
        for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    ]
    second = tmp_path / "second.jsonl"
    second.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = tmp_path / "quotes.jsonl"
    args = ["extract", str(articles), "-o", str(out), "--second", str(second)]
    assert main(args) == 2
    assert "--second needs --gold" in capsys.readouterr().err
    assert main([*args, "--gold", str(gold)]) == 0
    assert f"name the same speaker: 1.000 ({len(rows)}/{len(rows)})" in capsys.readouterr().out


def test_user_errors_are_one_clear_line_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ndata: {gold: [g], articles: [a]}\ntraning: {}\n")
    assert main(["train", "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "traning: unknown key; did you mean 'training'" in err and "Traceback" not in err
    assert main(["predict", str(tmp_path), "--model", str(tmp_path / "none")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_train_if_missing_reuses_an_identical_run(trained_run, tiny_base, corpus, capsys):
    articles, gold = corpus
    args = [
        "train",
        "--config",
        "configs/tiny.yaml",
        "--output-dir",
        str(trained_run),
        "--set",
        f"model.base={tiny_base}",
        "--set",
        f"data.gold=[{gold}]",
        "--set",
        f"data.articles=[{articles}]",
        "--if-missing",
    ]
    assert main(args) == 0
    assert "reusing the trained model" in capsys.readouterr().out


def test_predict_prints_the_table(trained_run, corpus, tmp_path, capsys):
    articles, _ = corpus
    out = tmp_path / "p.jsonl"
    code = main(
        [
            "predict",
            str(articles),
            "--model",
            str(trained_run),
            "-o",
            str(out),
            "--device",
            "cpu",
            "--show",
            "3",
        ]
    )
    assert code == 0
    text = capsys.readouterr().out
    assert "article" in text and "speaker" in text and "stance" in text and "quotes/s" in text


def test_evaluate_quantized_writes_beside_the_fp32_reports(trained_run, corpus, capsys):
    articles, gold = corpus
    args = [
        "evaluate",
        "--model",
        str(trained_run),
        "--data",
        str(gold),
        "--articles",
        str(articles),
    ]
    assert main([*args, "--device", "cpu", "--quantize"]) == 0
    assert "eval-test-int8" in capsys.readouterr().out
    assert (trained_run / "eval-test-int8" / "metrics.json").is_file()
