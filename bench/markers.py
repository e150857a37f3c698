"""Generated tables in the README: each lives between a start and an end marker (an HTML comment)."""

from __future__ import annotations

from pathlib import Path


def write_between_markers(path: Path, start: str, end: str, text: str) -> bool:
    """Replace what lies between the markers in `path`; False (and nothing written) when a marker is missing."""
    content = path.read_text(encoding="utf-8")
    if start not in content or end not in content:
        return False
    before, rest = content.split(start, 1)
    _old, after = rest.split(end, 1)
    path.write_text(f"{before}{start}\n{text}\n{end}{after}", encoding="utf-8")
    return True
