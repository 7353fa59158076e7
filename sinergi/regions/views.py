"""Pages and fragments of the regions app."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from .codes import normalize_code
from .selectors import SEARCH_LIMIT, region_paths, region_search

LEVELS = {"1", "2", "3", "4"}


class RegionSearchView(View):
    """The region picker's results: an HTMX fragment of at most 20 regions matching `q` (public reference data)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        q = " ".join(request.GET.get("q", "").split())
        levels = [int(v) for raw in request.GET.getlist("level") for v in raw.split(",") if v.strip() in LEVELS]
        within = normalize_code(request.GET.get("within", "")) or None
        results, more = region_search(q=q, level=levels or None, within=within) if q else ([], False)
        paths = region_paths(results, below=within)
        items = [
            {
                "region": r,
                "path": paths[r.code],
                # The path without the region's own name, which the result shows in bold already.
                "above": paths[r.code].removeprefix(r.name).removeprefix(", "),
                "label": f"{paths[r.code]} ({r.code})",
            }
            for r in results
        ]
        context = {"q": q, "items": items, "more": more, "limit": SEARCH_LIMIT}
        return render(request, "regions/partials/search_results.html", context)
