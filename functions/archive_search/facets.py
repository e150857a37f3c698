"""Facet counts for section, author and year that stay disjunctive, shown as editors wrote them.

Each facet is counted with every filter except its own (the filters themselves go into the search's
post_filter), so choosing one section still shows how many articles the other sections hold. The year facet's own
filter is `year` (years and `undated`, any of them) or, without `year`, a From-To range of one whole year, which the
website's year choice sets; any other range, and any range beside `year`, bounds its counts as it bounds the results
(`year=undated` beside 1987's range selects nothing, and the facet counts 1987's articles, none undated). Each facet
lists its top values by count, plus the selected values even when they are not among them; the year facet then
`undated`, the articles without a publication date, when any of the search's are (or it is selected). Its counts
add up to what the search finds without the year facet's own filter only while that finds articles of TOP_VALUES
years or fewer: the years of fewest articles beyond them are not listed (unless selected).

Section and author are counted on their folded form (lower case, accents folded: the `folded` normalizer), the
form their filters match, so a facet's count is what selecting it returns however the articles vary the
spelling (`Politics`, `politics`). Each value is shown as written (a `terms` sub-aggregation on the field as
written), not folded: its most common spelling among the search's articles, one in capitals only where they write it
no other way (_written).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archive_search.models import FacetValue

if TYPE_CHECKING:
    from archive_search.search import SearchRequest

FACET_NAMES = ("section", "author", "year")
# The year facet's value, and `year` filter value, of the articles without a publication date.
UNDATED = "undated"
TOP_VALUES = 10
# Facet name -> (the folded field its filter and counts use, the field as written its labels come from).
FACET_FIELDS = {"section": ("section", "section.label"), "author": ("author.folded", "author.keyword")}


LABEL_SPELLINGS = 5  # spellings of one value read to choose its label


def _label(field: str) -> dict[str, Any]:
    return {"label": {"terms": {"field": field, "size": LABEL_SPELLINGS}}}


def facet_aggregations(filters: dict[str, dict[str, Any]], request: SearchRequest) -> dict[str, Any]:
    """`filters` maps a facet name to its filter clause; the tag filter must already be in the query."""
    aggs: dict[str, Any] = {}
    for name in FACET_NAMES:
        # The date range is the year facet's own filter only when it is the year the facet chose: another range (From
        # 5 November) bounds its counts as it bounds the results (it read "2026: 8" beside "4 results": session 54),
        # and so does any range beside `year`, the facet's choice then (`year=undated` beside 1987's range listed
        # 1987 and undated, both selected, beside "0 results": session 56's review).
        own = {name, "date"} if name == "year" and _range_chosen(request) else {name}
        others = [clause for facet, clause in filters.items() if facet not in own]
        inner: dict[str, Any]
        if name == "year":
            inner = {
                "values": {
                    "date_histogram": {
                        "field": "published",
                        "calendar_interval": "year",
                        "format": "yyyy",
                        "min_doc_count": 1,
                    }
                },
                UNDATED: {"missing": {"field": "published"}},
            }
        else:
            folded, written = FACET_FIELDS[name]
            inner = {"values": {"terms": {"field": folded, "size": TOP_VALUES}, "aggs": _label(written)}}
            chosen = getattr(request, name)
            if chosen:
                # Each selected value's own count and folded key (the engine folds it as it folds the articles'),
                # so it is marked in the top values, or listed after them when it is not among them.
                inner["chosen"] = {
                    "filters": {"filters": {str(i): {"term": {folded: value}} for i, value in enumerate(chosen)}},
                    "aggs": {"key": {"terms": {"field": folded, "size": 1}, "aggs": _label(written)}},
                }
        aggs[f"facet_{name}"] = {"filter": {"bool": {"filter": others}}, "aggs": inner}
    return aggs


def _selected_years(request: SearchRequest) -> set[str]:
    """The year facet's selected values: the `year` values ({"2004", "undated"}), else the year a whole-year From-To
    range selects (the website's year choice, _range_chosen): {"2004"}; else none."""
    return set(request.year) or _range_chosen(request)


def _range_chosen(request: SearchRequest) -> set[str]:
    """The year a From-To range of one whole year selects when no `year` is given: {"2004"} or none."""
    if request.date_from and request.date_to and not request.year:
        year = request.date_from[:4]
        if request.date_from == f"{year}-01-01" and request.date_to == f"{year}-12-31":
            return {year}
    return set()


def _written(bucket: dict[str, Any]) -> str:
    """A terms bucket's value as written: a spelling as an editor writes it, not a shouted one (_shouted), then its
    most common spelling; between spellings as common, one in lower case and then one with accents, rather than a
    stripped form (`Économie`, not `ECONOMIE`; `Straße`, not `Strasse`). The folded key when no spelling is stored.

    The spellings are those of the search's articles, so the most common one alone changed with the search: the
    Reuters-21578 bylines write 4 of Julie Vorman's 9 articles `JULIE VORMAN`, and the author facet read
    `JULIE VORMAN` on `section=crude` and the whole archive, `Julie Vorman` on `section=earn` (session 53's attack
    report). A shouted spelling is now the label only where the search's articles write the value no other way."""
    labels = bucket.get("label", {}).get("buckets", [])
    if not labels:
        return str(bucket["key"])

    def preference(label: dict[str, Any]) -> tuple[bool, int, bool, int]:
        text = str(label["key"])
        count = int(label["doc_count"])
        return not _shouted(text), count, any(c.islower() for c in text), sum(not c.isascii() for c in text)

    return str(max(labels, key=preference)["key"])


def _shouted(text: str) -> bool:
    """Whether a label is written in capitals: no word of three characters or more has a lower-case letter after its
    first (`JULIE VORMAN`, `TED d'AFFLISIO`; not `BBC News`, `Ted D'Afflisio`, `keith grant`)."""
    return not any(len(word) >= 3 and any(c.islower() for c in word[1:]) for word in text.split())


def _year_facet(facet: dict[str, Any], request: SearchRequest) -> list[FacetValue]:
    buckets = facet.get("values", {}).get("buckets", [])
    counted = sorted(((str(b["key_as_string"]), int(b["doc_count"])) for b in buckets), key=lambda p: (-p[1], p[0]))
    top = counted[:TOP_VALUES]
    selected = _selected_years(request)
    shown = {value for value, _count in top}
    extra = [(year, dict(counted).get(year, 0)) for year in sorted(selected - shown - {UNDATED})]
    undated = int(facet.get(UNDATED, {}).get("doc_count", 0))
    if undated or UNDATED in selected:
        extra.append((UNDATED, undated))
    return [FacetValue(value=value, count=count, selected=value in selected) for value, count in top + extra]


def _terms_facet(name: str, facet: dict[str, Any], request: SearchRequest) -> list[FacetValue]:
    buckets = facet.get("values", {}).get("buckets", [])
    top = sorted(
        ((str(b["key"]), _written(b), int(b["doc_count"])) for b in buckets), key=lambda t: (-t[2], t[1], t[0])
    )[:TOP_VALUES]
    chosen_buckets = facet.get("chosen", {}).get("buckets", {})
    selected: dict[str, tuple[str, int]] = {}  # folded key -> (as written, count), in the order chosen
    unmatched: list[str] = []
    for i, value in enumerate(getattr(request, name)):
        keys = chosen_buckets.get(str(i), {}).get("key", {}).get("buckets", [])
        if keys:
            selected.setdefault(str(keys[0]["key"]), (_written(keys[0]), int(keys[0]["doc_count"])))
        elif value not in unmatched:
            unmatched.append(value)
    shown = {key for key, _value, _count in top}
    values = [FacetValue(value=value, count=count, selected=key in selected) for key, value, count in top]
    values += [
        FacetValue(value=value, count=count, selected=True)
        for key, (value, count) in selected.items()
        if key not in shown
    ]
    values += [FacetValue(value=value, count=0, selected=True) for value in unmatched]
    return values


def read_facets(aggregations: dict[str, Any], request: SearchRequest) -> dict[str, list[FacetValue]]:
    """The facets of a search response: `{"section": [FacetValue…], "author": […], "year": […]}`."""
    return {
        name: _year_facet(aggregations.get(f"facet_{name}", {}), request)
        if name == "year"
        else _terms_facet(name, aggregations.get(f"facet_{name}", {}), request)
        for name in FACET_NAMES
    }
