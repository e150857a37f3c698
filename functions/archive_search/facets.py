"""Facet counts for section, author and year that stay disjunctive.

Each facet is counted with every filter except its own (the filters themselves go into the search's
post_filter), so choosing one section still shows how many articles the other sections hold. Each facet lists
its top values by count, plus the selected values even when they are not among them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archive_search.models import FacetValue

if TYPE_CHECKING:
    from archive_search.search import SearchRequest

FACET_NAMES = ("section", "author", "year")
TOP_VALUES = 10
_TERMS_FIELDS = {"section": "section", "author": "author.keyword"}


def facet_aggregations(filters: dict[str, dict[str, Any]], request: SearchRequest) -> dict[str, Any]:
    """`filters` maps a facet name to its filter clause; the tag filter must already be in the query."""
    aggs: dict[str, Any] = {}
    for name in FACET_NAMES:
        others = [clause for facet, clause in filters.items() if facet != name]
        if name == "year":
            values: dict[str, Any] = {
                "date_histogram": {
                    "field": "published",
                    "calendar_interval": "year",
                    "format": "yyyy",
                    "min_doc_count": 1,
                }
            }
        else:
            values = {"terms": {"field": _TERMS_FIELDS[name], "size": TOP_VALUES}}
        inner: dict[str, Any] = {"values": values}
        chosen = list(request.section) if name == "section" else list(request.author) if name == "author" else []
        if chosen:
            # Selected values outside the top ten still need their counts.
            field = _TERMS_FIELDS[name]
            include = [v.lower() for v in chosen] if name == "section" else chosen
            inner["chosen"] = {"terms": {"field": field, "include": include, "size": len(include)}}
        aggs[f"facet_{name}"] = {"filter": {"bool": {"filter": others}}, "aggs": inner}
    return aggs


def _selected_years(request: SearchRequest) -> set[str]:
    if request.date_from and request.date_to:
        year = request.date_from[:4]
        if request.date_from == f"{year}-01-01" and request.date_to == f"{year}-12-31":
            return {year}
    return set()


def _selected(name: str, request: SearchRequest) -> dict[str, str]:
    """Selected values by their folded form, for case-insensitive comparison with the index's values."""
    chosen = _selected_years(request) if name == "year" else getattr(request, name)
    return {value.casefold(): value for value in chosen}


def read_facets(aggregations: dict[str, Any], request: SearchRequest) -> dict[str, list[FacetValue]]:
    facets: dict[str, list[FacetValue]] = {}
    for name in FACET_NAMES:
        facet = aggregations.get(f"facet_{name}", {})
        buckets = facet.get("values", {}).get("buckets", [])
        counted = [(str(b.get("key_as_string", b["key"])), int(b["doc_count"])) for b in buckets]
        counted.sort(key=lambda pair: (-pair[1], pair[0]))
        chosen_counts = [(str(b["key"]), int(b["doc_count"])) for b in facet.get("chosen", {}).get("buckets", [])]
        selected = _selected(name, request)
        top = counted[:TOP_VALUES]
        shown = {value.casefold() for value, _count in top}
        # A selected value outside the top ten is still listed, with its own count (or 0).
        counts = {value.casefold(): (value, count) for value, count in counted + chosen_counts}
        extra = [counts.get(key, (original, 0)) for key, original in selected.items() if key not in shown]
        facets[name] = [
            FacetValue(value=value, count=count, selected=value.casefold() in selected) for value, count in top + extra
        ]
    return facets
