"""Time the search page against a decade of a large council (a script, not a test).

    python benchmarks/bench_search.py --actions 100000
    make bench ARGS="search --actions 100000"        # on a throwaway PostgreSQL

Builds the same database as bench_pages.py (the demo council grown by actions.scale.grow), builds the
search index with rebuild_search_index (timed), then requests /search/ with django.test.Client for a
range of queries (a rare word, a common one, a phrase, a negation, filters, a later page) as the
public, a councillor and the clerk, and prints the median time, the queries and the results found.
Target (issue 14): each search <= 100 ms at 100,000 actions on PostgreSQL.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pages import build, measure  # noqa: E402  (sets Django up)
from django.contrib.auth.models import User  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from actions.models import Action  # noqa: E402
from meetings.models import Committee  # noqa: E402
from search.models import SearchEntry  # noqa: E402
from search.signals import rebuild  # noqa: E402

TARGET_MS = 100


def searches(committee):
    slug = committee.slug
    return [
        ("rare word", "q=recruitment+difficulties+zebra"),
        ("one word, few hits", "q=leisure+refurbishment"),
        ("common word", "q=report"),
        ("very common word", "q=committee"),
        ('phrase "care leavers"', "q=%22care+leavers%22"),
        ("word, minus a word", "q=housing+-budget"),
        ("or", "q=library+or+leisure"),
        ("committee + kind + dates", f"q=report&committee={slug}&kind=action&date_from=2020-01-01&date_to=2023-12-31"),
        ("updates only", "q=figures&kind=update"),
        ("common word, page 10", "q=report&page=10"),
    ]


def run(size, runs):
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        committee = build(size)
        built = time.perf_counter() - started
        started = time.perf_counter()
        entries = rebuild()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        indexed = time.perf_counter() - started
        print(
            f"-- {connection.vendor}: {Action.objects.count()} actions; built in {built:.0f} s; "
            f"{entries} search entries indexed in {indexed:.0f} s "
            f"({SearchEntry.objects.values('kind').distinct().count()} kinds)",
            flush=True,
        )
        measure_searches(committee, runs)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run_existing(runs):
    """On the database DATABASE_URL names, already grown and indexed (load_demo --scale 100000 does both)."""
    committee = Committee.objects.annotate(n=Count("actions")).order_by("-n").first()
    print(f"-- {connection.vendor}: {Action.objects.count()} actions, {SearchEntry.objects.count()} search entries")
    measure_searches(committee, runs)


def measure_searches(committee, runs):
    clients = {"public": Client()}
    for username in ("councillor", "clerk"):
        clients[username] = Client()
        clients[username].force_login(User.objects.get(username=username))
    print(f"{'search':<28} {'who':<11} {'median':>8} {'queries':>8} {'found':>8}")
    worst = 0
    for label, query in searches(committee):
        for who, client in clients.items():
            median, queries, _size = measure(client, f"/search/?{query}", runs)
            page = client.get(f"/search/?{query}").context["page"]
            found = page.paginator.count if page is not None else 0
            worst = max(worst, median)
            flag = "" if median <= TARGET_MS else "  over target"
            print(f"{label:<28} {who:<11} {median:>6.1f} ms {queries:>8} {found:>8}{flag}", flush=True)
    print(f"worst median {worst:.1f} ms against a target of {TARGET_MS} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--existing", action="store_true", help="measure the DATABASE_URL database as it is")
    args = parser.parse_args()
    setup_test_environment()
    if args.existing:
        run_existing(args.runs)
    else:
        run(args.actions, args.runs)
    print(f"(median of {args.runs}; statistics.median over single in-process requests)")


if __name__ == "__main__":
    main()
