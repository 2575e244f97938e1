from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .forms import SearchForm
from .models import SearchEntry
from .sources import SOURCES

PAGE_SIZE = 20


@require_safe
def search(request):
    """One search over everything the visitor may read: the pages' visibility rules, applied before counting."""
    form = SearchForm(request.GET)
    page, shown = None, []
    if form.is_valid() and form.cleaned_data["q"].strip():
        text = form.cleaned_data["q"].strip()
        matches = form.results(SearchEntry.objects.all())
        ids = matches.best_visible(request.user, text, until=form.cleaned_data["date_to"])
        page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
        shown = SearchEntry.objects.shown(page.object_list, text)
    context = {
        "form": form,
        "page": page,
        "searched": page is not None,
        "capped": page is not None and SearchEntry.objects.capped(page.paginator.count),
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2) if page is not None else [],
        "results": [(entry, snippet, SOURCES[entry.kind].label) for entry, snippet in shown],
    }
    template = "search/search.html#results" if request.htmx else "search/search.html"
    return render(request, template, context)
