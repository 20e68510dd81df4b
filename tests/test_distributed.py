"""The unchanged train command under torchrun: two CPU processes with gloo."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_train_runs_unchanged_under_torchrun_on_cpu(tiny_base, corpus, tmp_path):
    torchrun = shutil.which("torchrun") or str(Path(sys.executable).with_name("torchrun"))
    articles, gold = corpus
    run_dir = tmp_path / "ddp"
    command = [
        torchrun, "--nproc_per_node", "2", "--master_port", "29517", "-m", "training.cli",
        "train", "--config", str(ROOT / "configs" / "tiny.yaml"), "--output-dir", str(run_dir),
        "--set", f"model.base={tiny_base}", "--set", f"data.gold=[{gold}]",
        "--set", f"data.articles=[{articles}]",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "worker process done" in result.stdout, (
        "the second rank must run and leave saving to rank 0"
    )
    assert (run_dir / "model.safetensors").is_file() and (run_dir / "metrics.json").is_file()
