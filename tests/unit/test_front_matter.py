"""Front matter is read as written: nothing an editor wrote is dropped, repeated or resolved silently."""

from __future__ import annotations

import pytest

from archive_search.errors import RejectedUploadError
from archive_search.parsing import parse_upload


def _markdown(front: str) -> bytes:
    return f"---\n{front}\n---\nBody text.\n".encode()


def _rejection(front: str) -> RejectedUploadError:
    with pytest.raises(RejectedUploadError) as caught:
        parse_upload("incoming/a.md", _markdown(front))
    return caught.value


# --- anchors and aliases -----------------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_before_it_is_expanded() -> None:
    front = f'x: &a "{"y" * 20_000}"\ntitle: T\nauthor: [{", ".join(["*a"] * 10_000)}]'

    error = _rejection(front)

    assert "&a" in error.reason
    assert "line 2" in error.reason
    assert len(error.reason) < 300


@pytest.mark.parametrize(
    ("front", "marker", "example"),
    [
        ("title: &Co announce merger", "&Co", 'title: "&Co announce merger"'),
        ("title: T\nsection: &Arts", "&Arts", 'section: "&Arts"'),
        ("title: T\nauthor: *Staff", "*Staff", 'author: "*Staff"'),
        ("title: T\ntags:\n  - &t politics\n  - *t", "&t", '"&t politics"'),
    ],
)
def test_an_anchor_or_alias_is_rejected_with_the_quoting_that_keeps_it(front: str, marker: str, example: str) -> None:
    error = _rejection(front)

    assert marker in error.reason
    assert example in error.fix


def test_ampersands_and_asterisks_inside_values_are_text() -> None:
    parsed = parse_upload("incoming/a.md", _markdown('title: R&D and A & B *starred*\nauthor: "&Co"'))

    assert (parsed.title, parsed.author) == ("R&D and A & B *starred*", "&Co")
