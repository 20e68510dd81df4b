"""`quotestance`: one entry point; each sub-command parses options and calls one function."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from training.config import ConfigError

DESCRIPTION = """Find every quote in news articles, who said it, and its stance (favor / against /
none) and frames toward the China-Russia-North Korea alignment."""


def add_device(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--device",
        default="auto",
        choices=["auto", "cpu", "cuda"],
        help="where the model runs; auto = CUDA when present, else CPU (default: auto)",
    )


def add_overrides(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a config value, e.g. --set training.epochs=3 (repeatable)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotestance", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="find quotes and speakers in articles (no model needed)")
    p.add_argument("paths", nargs="+", help=".txt/.html/.jsonl files, folders, or - for stdin")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("quotes.jsonl"),
        help="where to write the quote records (JSONL; default: quotes.jsonl)",
    )
    p.add_argument(
        "--gold",
        nargs="+",
        help="annotated JSONL (files or folders): also score the "
        "extraction against these gold quotes and print the scores",
    )
    p.add_argument(
        "--baseline",
        action="store_true",
        help="with --gold: also score naive quote-mark pairing for comparison",
    )
    p.add_argument(
        "--second",
        nargs="+",
        help="with --gold: an independent second annotation of the same quotes' speakers "
        "(JSONL of article_id, quote, speaker): print how often the annotators agree and how "
        "the rules fare against each",
    )

    p = sub.add_parser("train", help="fine-tune a model from a YAML config")
    p.add_argument(
        "--config", required=True, type=Path, help="YAML file, e.g. configs/stance-minilm.yaml"
    )
    p.add_argument(
        "--output-dir", type=Path, help="run directory (default: the config's output_dir)"
    )
    add_overrides(p)
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint")
    p.add_argument(
        "--if-missing",
        action="store_true",
        help="reuse the run directory's model "
        "when it was trained from the same resolved config and data; train otherwise",
    )

    p = sub.add_parser("evaluate", help="score a model and the baselines; write reports")
    p.add_argument("--model", required=True, type=Path, help="run directory from `train`")
    p.add_argument("--data", nargs="+", help="annotated JSONL (files or folders) to score")
    p.add_argument(
        "--split",
        default="test",
        choices=["train", "dev", "test", "real", "all"],
        help=(
            "with --data: the quotes of the run's own train/dev/test (or configured real) "
            "articles, split as in training, or all (data the run never saw) (default: test)"
        ),
    )
    p.add_argument(
        "--articles",
        nargs="+",
        help="with --data: the articles the quotes come from "
        "(default: the run's); with --gold: raw articles to run end to end",
    )
    p.add_argument("--gold", nargs="+", help="gold quotes for --articles (end-to-end mode)")
    p.add_argument("--output-dir", type=Path, help="where reports go (default: RUN/eval-SPLIT)")
    p.add_argument(
        "--quantize", action="store_true", help="score the int8 model (CPU), as predict runs it"
    )
    add_device(p)

    p = sub.add_parser("crossval", help="k-fold cross-validation by article, model vs baselines")
    p.add_argument("--config", required=True, type=Path, help="YAML config to cross-validate")
    p.add_argument("--folds", type=int, default=5, help="number of folds (default: 5)")
    add_overrides(p)
    p.add_argument("--output", type=Path, help="write the summary as JSON here")

    p = sub.add_parser("predict", help="batch inference over folders of articles")
    p.add_argument("paths", nargs="+", help=".txt/.html/.jsonl files, folders, or - for stdin")
    p.add_argument("--model", required=True, type=Path, help="stance run directory")
    p.add_argument("--frames-model", type=Path, help="frame run directory (adds `frames`)")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("predictions.jsonl"),
        help="output file; .csv means CSV (default: predictions.jsonl)",
    )
    p.add_argument(
        "--format", choices=["jsonl", "csv"], help="override the format the suffix implies"
    )
    p.add_argument(
        "--resume", action="store_true", help="skip articles an interrupted run finished"
    )
    p.add_argument("--num-shards", type=int, default=1, help="split the inputs into N shards")
    p.add_argument("--shard-index", type=int, default=0, help="which shard this process runs")
    p.add_argument(
        "--batch-size",
        type=int,
        default=16,
        help="quotes per forward pass (default 16: fastest on CPU in our benchmark; "
        "raise it on a GPU)",
    )
    p.add_argument("--quantize", action="store_true", help="int8 dynamic quantisation (CPU)")
    p.add_argument(
        "--model-only",
        action="store_true",
        help="stance and frames from the fine-tuned models alone, not averaged with each run's "
        "TF-IDF model (the average is the default: it is ahead of each in cross-validation)",
    )
    p.add_argument(
        "--adapt-priors",
        action="store_true",
        help="estimate the collection's stance mix (EM over all its quotes, at least 50) and "
        "re-label under it; uses the model alone, as --model-only (README: Prior adaptation)",
    )
    p.add_argument(
        "--show",
        type=int,
        default=0,
        metavar="N",
        help="print a table of the first N records (-1: all)",
    )
    add_device(p)

    p = sub.add_parser(
        "adapt",
        help="re-label predict's output under the stance mix EM estimates for it",
    )
    p.add_argument("predictions", type=Path, help="JSONL from `predict --model-only`")
    p.add_argument("--model", required=True, type=Path, help="the stance run that scored it")
    p.add_argument("-o", "--output", type=Path, required=True, help="adapted JSONL")

    p = sub.add_parser(
        "priors",
        help="simulate collections with another stance mix: served, model, priors adapted",
    )
    p.add_argument("--model", required=True, type=Path, help="stance run directory")
    p.add_argument(
        "--data", nargs="+", required=True, help="annotated JSONL of articles the run never saw"
    )
    p.add_argument("--articles", nargs="+", required=True, help="the articles of --data")
    p.add_argument(
        "--none-shares",
        nargs="+",
        type=float,
        default=[0.6, 0.78, 0.9],
        help="shares of `none` quotes to simulate, besides the data's own mix "
        "(default: 0.6 0.78 0.9)",
    )
    p.add_argument("--size", type=int, default=300, help="quotes per collection (default 300)")
    p.add_argument("--samples", type=int, default=300, help="collections per share (default 300)")
    add_device(p)

    p = sub.add_parser("data", help="inspect the annotated data")
    p.add_argument(
        "action",
        choices=["stats", "agreement"],
        help="stats: counts per split, label, frame, style and speaker type; "
        "agreement: Cohen's kappa of --second against the gold annotation",
    )
    p.add_argument("--config", required=True, type=Path, help="the config naming the data")
    p.add_argument(
        "--second",
        nargs="+",
        default=["seeds/corpus/agreement/second"],
        help="with agreement: the independent second annotation (JSONL files/folders)",
    )

    p = sub.add_parser("benchmark", help="inference speed: naive pipeline vs quotestance")
    p.add_argument("--model", required=True, type=Path, help="stance run directory to time")
    p.add_argument("--quotes", type=int, default=512, help="how many quotes to time")
    p.add_argument(
        "--articles",
        nargs="+",
        default=["seeds/articles", "seeds/corpus/articles"],
        help="articles the timed quotes are extracted from",
    )
    p.add_argument(
        "--repeats", type=int, default=3, help="timed passes per path; the median is reported"
    )
    return parser


def cmd_extract(args) -> int:
    from training.commands import extract

    if args.second and not args.gold:
        raise ValueError("--second needs --gold, the annotation it pairs with")
    print(extract(args.paths, args.output, args.gold, args.baseline, args.second))
    return 0


def cmd_train(args) -> int:
    from training.commands import train

    print(train(args.config, args.overrides, args.output_dir, args.resume, args.if_missing))
    return 0


def cmd_evaluate(args) -> int:
    from training.commands import evaluate

    print(evaluate(args))
    return 0


def cmd_crossval(args) -> int:
    from training.commands import crossval

    print(crossval(args.config, args.folds, args.overrides, args.output))
    return 0


def cmd_predict(args) -> int:
    from training.commands import predict

    print(predict(args))
    return 0


def cmd_adapt(args) -> int:
    from training.commands import adapt

    print(adapt(args.predictions, args.model, args.output))
    return 0


def cmd_priors(args) -> int:
    from training.commands import priors

    print(priors(args))
    return 0


def cmd_data(args) -> int:
    from training.commands import data_agreement, data_stats

    if args.action == "agreement":
        print(data_agreement(args.config, args.second))
    else:
        print(data_stats(args.config))
    return 0


def cmd_benchmark(args) -> int:
    from training.benchmark import run_benchmark

    result = run_benchmark(args.model, args.articles, args.quotes, args.repeats)
    print(json.dumps(result, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = globals()[f"cmd_{args.command}"]
    try:
        return handler(args)
    except (ConfigError, ValueError, FileNotFoundError, RuntimeError) as err:
        print(f"quotestance {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"quotestance {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
