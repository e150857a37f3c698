"""The sentence-embedding model both functions load, once per container."""

from __future__ import annotations

import functools
from pathlib import Path

from archive_search.ports import TextEncoder


@functools.cache
def text_encoder(model_dir: Path | None) -> TextEncoder | None:
    """The encoder for TEXT_MODEL_DIR (about 0.2 s and 100 MB to load), or None when no model is configured.

    numpy and tokenizers are imported only here, so a deployment without a model does not pay for them.
    """
    if model_dir is None:
        return None
    from archive_search.adapters.text_encoder import MiniLMEncoder

    return MiniLMEncoder(model_dir)
