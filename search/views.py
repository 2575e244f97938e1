from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from .forms import SearchForm
from .models import SearchEntry
from .sources import SOURCES

PAGE_SIZE = 20


class FoundPaginator(Paginator):
    """Pages of ranked results whose number is already known (the ids found), so counting costs no query."""

    def __init__(self, ranked, found, per_page):
        super().__init__(ranked, per_page)
        self.found = found

    @cached_property
    def count(self):
        return self.found


@require_safe
def search(request):
    """One search over everything the visitor may read: the pages' visibility rules, applied before counting."""
    form = SearchForm(request.GET)
    page, snippets = None, {}
    if form.is_valid() and form.cleaned_data["q"].strip():
        text = form.cleaned_data["q"].strip()
        ids = form.results(SearchEntry.objects.all()).newest_visible(request.user)
        ranked = SearchEntry.objects.ranked(ids, text).select_related("committee").defer("search")
        page = FoundPaginator(ranked, len(ids), PAGE_SIZE).get_page(request.GET.get("page"))
        snippets = SearchEntry.objects.snippets(page.object_list, text)
    context = {
        "form": form,
        "page": page,
        "searched": page is not None,
        "capped": page is not None and SearchEntry.objects.capped(page.paginator.count),
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2) if page is not None else [],
        "results": [(entry, snippets.get(entry.pk), SOURCES[entry.kind].label) for entry in page or []],
    }
    template = "search/search.html#results" if request.htmx else "search/search.html"
    return render(request, template, context)
