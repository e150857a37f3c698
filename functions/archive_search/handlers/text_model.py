"""The sentence-embedding model both functions load, once per container."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from archive_search.ports import TextEncoder

# One BLAS thread unless the environment says otherwise (the template sets it too): OpenBLAS's threads busy-wait,
# so two processes embedding at once on two cores slowed each other down many times over (seen in the test suite),
# and a Lambda below 1,769 MB has less than one vCPU. Batches run in parallel instead. numpy reads it on import,
# which happens only in text_encoder() below.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


@functools.cache
def text_encoder(model_dir: Path | None) -> TextEncoder | None:
    """The encoder for TEXT_MODEL_DIR (about 0.2 s and 100 MB to load), or None when no model is configured.

    numpy and tokenizers are imported only here, so a deployment without a model does not pay for them.
    """
    if model_dir is None:
        return None
    from archive_search.adapters.text_encoder import MiniLMEncoder

    return MiniLMEncoder(model_dir)
