"""A SMART-format test collection (ADI, CISI, CACM, Cranfield) as a folder `make bench-relevance` reads.

    python bench/smart.py DOCS QUERIES RELEVANCE OUT_DIR [--prefix adi]

DOCS holds records `.I n` with fields `.T` (title), `.A` (authors, one a line), `.W` (text) and others, which are
left out; QUERIES the same with `.W` the query; RELEVANCE one judgment a line, the query number then the document
number (further columns ignored: ADI's and CISI's `.REL`, Cranfield's `cranqrel`). OUT_DIR receives the files
bench/judged.py loads: `articles.jsonl` (`{"id", "title", "author", "body"}`, ids `PREFIX-0001`), `queries.jsonl`
and `qrels.txt` (TREC format). Whitespace is collapsed, as in ../shared/data/relevance. A field given again adds
its lines (ADI's documents 41 and 78 give each author a `.A`) unless it repeats them (ADI's 67 repeats its `.T`);
an empty `.T` takes the line of `.A` that is not in capitals (ADI's 38 typed its title there; authors are in
capitals).

The collections are research data: converted into a folder outside the repository, never copied into it, and
passed to `bench/relevance.py --collections` as a held-out check (docs/search.md, "A held-out collection").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

_RECORD = re.compile(r"^\.I\s+", re.MULTILINE)
_FIELD = re.compile(r"^\.([A-Z])\s*$")


def records(text: str) -> Iterator[tuple[int, dict[str, list[str]]]]:
    """Each `.I n` record as (n, {field letter: its lines}), a field given again adding the lines it does not repeat."""
    for chunk in _RECORD.split(text)[1:]:
        number, _, rest = chunk.partition("\n")
        parts: list[tuple[str, list[str]]] = []
        for line in rest.splitlines():
            if field := _FIELD.match(line):
                parts.append((field.group(1), []))
            elif parts:
                parts[-1][1].append(line)
        fields: dict[str, list[str]] = {}
        for letter, lines in parts:
            if _text(fields.get(letter, [])) != _text(lines):
                fields.setdefault(letter, []).extend(lines)
        if not _text(fields.get("T", [])):
            fields["T"] = [line for line in fields.get("A", []) if line.strip() and line != line.upper()]
            fields["A"] = [line for line in fields.get("A", []) if line not in fields["T"]]
        yield int(number.split()[0]), fields


def _text(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def convert(docs: str, queries: str, relevance: str, out: Path, prefix: str) -> tuple[int, int, int]:
    """Write the collection folder; returns (documents, queries, judgments)."""
    out.mkdir(parents=True, exist_ok=True)
    articles = [
        {
            "id": f"{prefix}-{n:04d}",
            "title": _text(fields.get("T", [])),
            "author": "; ".join(line.strip() for line in fields.get("A", []) if line.strip()),
            "body": _text(fields.get("W", [])),
        }
        for n, fields in records(docs)
    ]
    asked = [{"qid": str(n), "text": _text(fields.get("W", []))} for n, fields in records(queries)]
    judgments = [line.split()[:2] for line in relevance.splitlines() if len(line.split()) >= 2]
    (out / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (out / "queries.jsonl").write_text("".join(json.dumps(q) + "\n" for q in asked), encoding="utf-8")
    (out / "qrels.txt").write_text(
        "".join(f"{int(q)} 0 {prefix}-{int(d):04d} 1\n" for q, d in judgments), encoding="utf-8"
    )
    return len(articles), len(asked), len(judgments)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("docs", "queries", "relevance"):
        parser.add_argument(name, type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--prefix", help="document id prefix (default: the output folder's name)")
    args = parser.parse_args(argv)
    docs, queries, relevance = (
        path.read_text(encoding="utf-8", errors="replace") for path in (args.docs, args.queries, args.relevance)
    )
    documents, asked, judgments = convert(docs, queries, relevance, args.out, args.prefix or args.out.name)
    print(f"{documents} documents, {asked} queries, {judgments} judgments -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
