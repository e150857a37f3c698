"""bench/smart.py: a SMART-format collection converted into the folder bench/judged.py loads."""

from __future__ import annotations

import json
from pathlib import Path

from bench import judged
from bench.smart import convert

DOCS = """.I 1
.T
Storm closes the ferry
route to Skarvik .
.A
J. DOE
.W
the ferry  stops
for a week .
.I 2
.T
Fares frozen .
.T
Fares frozen .
.A
A. ROE
.A
B. POE
.B
Journal 1 (1964)
.W
fares stay as they are .
.I 3
.T
.A
C. HERMAN
 island schools reopen .
.W
the schools open again .
"""
QUERIES = """.I 1
.W
What closes
ferry routes?
.I 2
.W
fares
"""
RELEVANCE = "1 1 0 0.000000\n1 3 0 0.000000\n2 2\n"


def test_records_become_the_folder_the_benchmark_loads(tmp_path: Path) -> None:
    counts = convert(DOCS, QUERIES, RELEVANCE, tmp_path / "tiny", "tiny")

    assert counts == (3, 2, 3)
    collection = judged.load_collection(tmp_path / "tiny")
    articles = {a["id"]: a for a in collection.articles}
    # Lines joined, whitespace collapsed, fields other than .T .A .W left out
    assert articles["tiny-0001"] == {
        "id": "tiny-0001",
        "title": "Storm closes the ferry route to Skarvik .",
        "author": "J. DOE",
        "body": "the ferry stops for a week .",
    }
    # A repeated title is kept once; each author's own .A adds the author
    assert articles["tiny-0002"]["title"] == "Fares frozen ."
    assert articles["tiny-0002"]["author"] == "A. ROE; B. POE"
    # An empty title takes the line of .A that is not in capitals
    assert (articles["tiny-0003"]["title"], articles["tiny-0003"]["author"]) == ("island schools reopen .", "C. HERMAN")
    assert collection.queries == {"1": "What closes ferry routes?", "2": "fares"}
    assert collection.qrels == {"1": {"tiny-0001", "tiny-0003"}, "2": {"tiny-0002"}}
    assert json.loads((tmp_path / "tiny" / "queries.jsonl").read_text().splitlines()[0]) == {
        "qid": "1",
        "text": "What closes ferry routes?",
    }
