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
    page, snippets = None, {}
    if form.is_valid() and form.cleaned_data["q"].strip():
        entries = form.results(SearchEntry.objects.visible_to(request.user))
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        snippets = SearchEntry.objects.snippets(page.object_list, form.cleaned_data["q"].strip())
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
