import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.batch import run_batch, shard_of
from model.predict import Classifier

FIELDS = {
    "article_id",
    "quote",
    "speaker",
    "cue",
    "start",
    "end",
    "context",
    "stance",
    "stance_scores",
    "model",
}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def make_articles(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(
            f"Talks went on. “We will keep working with Moscow on item {i},” said Li Wei, "
            f"a spokesperson. “Sanctions on item {i} are a mistake,” he added.\n",
            encoding="utf-8",
        )
    return folder


@pytest.fixture(scope="module")
def classifier(trained_run):
    return Classifier.load(trained_run, device="cpu")


def test_records_follow_the_contract(classifier, corpus, tmp_path):
    articles, _ = corpus
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(articles)], classifier, out, progress=False)
    records = read_jsonl(out)
    assert summary["articles"] == 12 and summary["quotes"] == len(records) >= 60
    texts = {p.stem: p.read_text(encoding="utf-8").split("\n\n", 1)[1] for p in articles.iterdir()}
    for record in records:
        assert set(record) >= FIELDS
        assert texts[record["article_id"]][record["start"] : record["end"]] == record["quote"]
        assert abs(sum(record["stance_scores"].values()) - 1) < 1e-3
    assert not list(tmp_path.glob("out.jsonl.*")), "no sidecar files are left behind"


def test_bad_inputs_are_recorded_and_the_batch_goes_on(classifier, tmp_path):
    folder = make_articles(tmp_path / "in", 3)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "latin1.txt").write_bytes('caf\xe9 "quoted," said Ana'.encode("latin-1"))
    (folder / "empty.txt").write_text("")
    (folder / "huge.txt").write_text("x" * 6_000_000)
    (folder / "lines.jsonl").write_text('{"id": "j1", "text": "“Fine,” said Bo Li."}\n[1, 2]\n')
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(folder)], classifier, out, progress=False)
    assert summary["articles"] == 4
    errors = read_jsonl(Path(summary["errors_file"]))
    sources = " ".join(e["source"] for e in errors)
    for name in ("binary.txt", "latin1.txt", "empty.txt", "huge.txt", "lines.jsonl:2"):
        assert name in sources
    assert summary["errors"] == len(errors) == 5
    assert {r["article_id"] for r in read_jsonl(out)} >= {"a0000", "a0002", "j1"}


def test_csv_output_by_suffix(classifier, tmp_path):
    folder = make_articles(tmp_path / "in", 2)
    out = tmp_path / "out.csv"
    run_batch([str(folder)], classifier, out, progress=False)
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("article_id,quote,speaker,cue,start,end,context,stance")


def test_shards_partition_the_inputs_and_their_union_is_the_single_run(classifier, tmp_path):
    folder = make_articles(tmp_path / "in", 20)
    whole = tmp_path / "all.jsonl"
    run_batch([str(folder)], classifier, whole, progress=False)
    parts = []
    for i in range(3):
        out = tmp_path / f"shard{i}.jsonl"
        run_batch([str(folder)], classifier, out, num_shards=3, shard_index=i, progress=False)
        parts.append(read_jsonl(out))
    ids = [{r["article_id"] for r in part} for part in parts]
    assert not ids[0] & ids[1] and not ids[1] & ids[2] and all(ids)
    key = lambda r: (r["article_id"], r["start"])  # noqa: E731
    assert sorted((r for p in parts for r in p), key=key) == sorted(read_jsonl(whole), key=key)
    assert shard_of("a0001", 3) == shard_of("a0001", 3)
    with pytest.raises(ValueError, match=r"shard-index must be in 0\.\.2"):
        run_batch([str(folder)], classifier, whole, num_shards=3, shard_index=3, progress=False)


def test_killed_run_resumes_to_the_same_output(trained_run, tmp_path):
    folder = make_articles(tmp_path / "in", 600)
    reference = tmp_path / "ref.jsonl"
    base = [
        sys.executable,
        "-m",
        "training.cli",
        "predict",
        str(folder),
        "--model",
        str(trained_run),
        "--device",
        "cpu",
        "--batch-size",
        "2",
    ]
    subprocess.run([*base, "-o", str(reference)], check=True, capture_output=True)

    out = tmp_path / "out.jsonl"
    done = tmp_path / "out.jsonl.done"
    proc = subprocess.Popen(
        [*base, "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 120
    while time.time() < deadline and (not done.exists() or done.stat().st_size < 200):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "a killed run must not leave a final output"
    finished = len(done.read_text().split())
    assert 0 < finished < 600
    subprocess.run([*base, "-o", str(out), "--resume"], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == reference.read_text(encoding="utf-8")


def test_quantized_classifier_agrees_in_shape(trained_run):
    records = [{"quote": "We stand together", "speaker": "Li Wei", "context": "They met."}]
    probs = Classifier.load(trained_run, device="cpu", quantize=True).probabilities(records)
    assert probs.shape == (1, 3) and abs(probs.sum() - 1) < 1e-4
