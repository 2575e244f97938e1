"""Time the main pages against a decade of a large council (a script, not a test).

    python benchmarks/bench_pages.py --actions 100000 --baseline 1000
    python benchmarks/bench_pages.py --actions 100000 --throughput      # also gunicorn + wrk at 16 connections
    make bench                                                          # both, on a throwaway PostgreSQL

For each size it builds a throwaway database the way the test runner does (bench_<size> on
PostgreSQL), loads the demo council and grows it with actions.scale.grow (twenty committees, ten
years, ~25 actions a meeting, three timeline entries each), then requests each page with
django.test.Client and prints the median time, the statements and the bytes, and the ratio of the
median at --actions to the median at --baseline. The pages are the busiest committee's. The two
sizes are measured in turns, each page at one size and straight away at the other (the writes a
round at a time), so a few slow seconds on a shared machine fall on both sides of a ratio.

--throughput serves the large database with gunicorn (2 workers) and drives `/actions/` as a
councillor with wrk at 16 connections for a few seconds, then a view that serves the same bytes
without touching the database: the ratio of the two is the figure, not either absolute rate. It runs
twice: as deployed, where a page the councillor has just seen is kept until the database changes
(core/pagecache.py), and with PAGE_CACHE=0, every page drawn afresh. Single requests are always
timed drawn afresh.
Targets (issue 10): each HTML page median <= 150 ms and ratio <= 1.5; CSV/XLSX of a 5,000-row log
<= 2 s; RAG change and discharge <= 25 ms; /actions/ throughput >= 0.25 x the floor.
"""

import argparse
import contextlib
import copy
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402
from django.db.models import Case, Count, Q, When  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from actions.management.commands.load_demo import Demo  # noqa: E402
from actions.models import Action, ActionUpdate  # noqa: E402
from actions.scale import grow  # noqa: E402
from meetings.models import Committee, Meeting, Membership  # noqa: E402


def build(size):
    with transaction.atomic():
        Demo().build()
        grow(size, log=lambda line: None)
        busiest = Committee.objects.annotate(n=Count("actions")).order_by("-n").first()
        chair, councillor = (User.objects.get(username=u).person for u in ("chair", "councillor"))
        Membership.objects.create(person=chair, committee=busiest, role=Membership.Role.CHAIR)
        Membership.objects.create(person=councillor, committee=busiest)
        give_officer(busiest)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return busiest


OFFICER_OWNS = 30  # outstanding actions the officer owns at every size: "my actions" then differs only in history


def give_officer(busiest):
    """An officer owns a realistic share, the same at every size (the busiest committee's first, then others'), so
    the ratio of "my actions" measures the history behind the page, not a longer list: with the busiest committee's
    only, the officer had 40 at 100,000 actions and 5 at 1,000. Again on a kept database, where earlier runs'
    discharges took some."""
    officer = User.objects.get(username="officer").person
    outstanding = Action.objects.outstanding().order_by(Case(When(committee=busiest, then=0), default=1), "pk")
    mine = list(outstanding.values_list("pk", flat=True)[:OFFICER_OWNS])
    outstanding.filter(owner=officer).exclude(pk__in=mine).update(owner=None)
    Action.objects.filter(pk__in=mine).update(owner=officer)


def pages(committee):
    held = committee.meetings.exclude(status=Meeting.Status.SCHEDULED).order_by("-starts_at")
    action = Action.objects.filter(committee=committee, source_item__exempt=False).outstanding().first()
    log = reverse("actions:log", args=[committee.slug])
    return [
        ("home (public)", None, "/"),
        ("home (clerk)", "clerk", "/"),
        ("home (councillor)", "councillor", "/"),
        ("/actions/ (councillor)", "councillor", "/actions/"),
        ("/actions/ (clerk)", "clerk", "/actions/"),
        ("/actions/?overdue=on", "councillor", "/actions/?overdue=on"),
        ("/actions/ (public)", None, "/actions/"),
        ("action page", "councillor", action.get_absolute_url()),
        ("my actions (officer)", "officer", reverse("actions:mine")),
        ("my committees", "councillor", reverse("actions:my_committees")),
        ("committee page", None, committee.get_absolute_url()),
        ("meeting workspace (clerk)", "clerk", held.first().get_absolute_url()),
        ("meeting page (public)", None, held.filter(status="published").first().get_absolute_url()),
        ("brief (chair)", "chair", reverse("actions:brief", args=[committee.slug])),
        ("action log (HTML)", "councillor", log),
        ("action log ?show=all (HTML)", "councillor", f"{log}?show=all"),
        ("log CSV ?show=all", "councillor", reverse("actions:log_csv", args=[committee.slug]) + "?show=all"),
        ("log XLSX ?show=all", "councillor", reverse("actions:log_xlsx", args=[committee.slug]) + "?show=all"),
    ]


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


class Counted:
    """The statements a request sends, counted as it runs. (CaptureQueriesContext would also format and keep each
    one's SQL, a cost production does not pay, inside the time measured. BEGIN and COMMIT are not counted, as in
    the tests.)"""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self.count = 0
        self._wrapped = connection.execute_wrapper(self)
        self._wrapped.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapped.__exit__(*exc)


def one_request(client, url):
    """(ms, statements, bytes) of one GET, drawn and read in full."""
    with Counted() as queries:
        start = time.perf_counter()
        response = client.get(url)
        content = body(response)
        ms = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return ms, queries.count, len(content)


def write_requests(db, runs):
    """The htmx writes a clerk makes most, from the meeting workspace: a RAG change and a discharge, as (name,
    actions, make, meeting), up to `runs` actions each."""
    meeting = db.committee.meetings.exclude(status=Meeting.Status.SCHEDULED).order_by("-starts_at").first()
    # Others' before the officer's, so "my actions" keeps its forty on a kept (large) database.
    outstanding = Action.objects.outstanding().filter(committee=db.committee).order_by("-pk")
    officers = Q(owner__user__username="officer")
    actions = [*outstanding.exclude(officers)[: runs * 2], *outstanding.filter(officers)[: runs * 2]][: runs * 2]
    rag = (
        lambda a: reverse("actions:set_rag", args=[a.pk]),
        lambda a: {"rag": "red" if a.rag != "red" else "green", "reason": "Benchmark"},
    )
    discharge = (
        lambda a: reverse("actions:discharge", args=[a.pk]),
        lambda a: {"at_meeting": meeting.pk, "evidence": "Done."},
    )
    half = len(actions) // 2  # the small database's busiest committee may have fewer outstanding than asked for
    return [
        ("RAG change (htmx)", actions[:half], rag, meeting),
        ("discharge (htmx)", actions[half:], discharge, meeting),
    ]


def one_write(client, action, make, meeting):
    url_of, data_of = make
    action.refresh_from_db()
    data = {**data_of(action), "version": action.version, "workspace_meeting": meeting.pk}
    with Counted() as queries:
        start = time.perf_counter()
        response = client.post(url_of(action), data, HTTP_HX_REQUEST="true")
        ms = (time.perf_counter() - start) * 1000
    # A refused change answers 200 too, with the row and its error: time only changes that were made.
    assert response.status_code == 200 and b"error-summary" not in response.content, response.content
    return ms, queries.count, 0


class Sized:
    """One size's database with a connection of its own, both kept open and warm: use() makes it the default, so
    taking the sizes in turns costs no reconnection (a fresh backend would read its catalogue afresh on every page)."""

    def __init__(self, size, keep):
        self.size = size
        # A connection of its own, with its own copy of the settings: create_test_db renames the database in them.
        connections["default"] = connections["default"].__class__(copy.deepcopy(connection.settings_dict), "default")
        self.wrapper = connections["default"]
        # One database per size: bench_<size>, built once and reused with --keep.
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"bench_{size}"
        self.old_name = connection.creation.create_test_db(verbosity=0, autoclobber=not keep, keepdb=keep)
        started = time.perf_counter()
        if keep and Action.objects.exists():
            self.committee = Committee.objects.annotate(n=Count("actions")).order_by("-n").first()
            give_officer(self.committee)
        else:
            self.committee = build(size)
        print(
            f"-- {connection.vendor}: {Action.objects.count()} actions ({Action.objects.outstanding().count()} "
            f"outstanding), {ActionUpdate.objects.count()} timeline entries, {Meeting.objects.count()} meetings; "
            f"busiest committee {self.committee.name}: {self.committee.actions.count()} actions; the officer owns "
            f"{Action.objects.outstanding().filter(owner__user__username='officer').count()} outstanding; "
            f"built in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        self.clients = {None: Client()}
        for username in ("clerk", "councillor", "chair", "officer"):
            self.clients[username] = Client()
            self.clients[username].force_login(User.objects.get(username=username))

    def use(self):
        connections["default"] = self.wrapper
        return self

    def destroy(self):
        self.use()
        connection.creation.destroy_test_db(self.old_name, verbosity=0)


def measure(dbs, runs):
    """Each page and write at every size, taken in turns, page by page (each page at one size, then straight away
    at the next, the order swapped each round), so a few slow seconds on this shared machine fall on both sides of
    a ratio: {size: {name: (median ms, statements, bytes)}}. (Taken a round of every page at a time, a slow
    half-minute could land on one size's round and lift every ratio it touched.)"""
    samples = {db.size: {} for db in dbs}
    plans, writes = {}, {}
    for db in dbs:  # each read from its own database
        plans[db.size] = pages(db.use().committee)
        writes[db.size] = write_requests(db, runs)
    for round_ in range(runs + 1):
        for k in range(len(plans[dbs[0].size])):
            for db in dbs if round_ % 2 else dbs[::-1]:
                db.use()
                name, role, url = plans[db.size][k]
                taken = one_request(db.clients[role], url)
                if round_:  # the first round warms: template loading, the connection
                    samples[db.size].setdefault(name, []).append(taken)
        for db in dbs:
            db.use()
            for name, actions, make, meeting in writes[db.size] if round_ else []:
                if round_ <= len(actions):
                    taken = one_write(db.clients["clerk"], actions[round_ - 1], make, meeting)
                    samples[db.size].setdefault(name, []).append(taken)
    return {
        size: {name: (statistics.median(t[0] for t in taken), taken[-1][1], taken[-1][2]) for name, taken in by.items()}
        for size, by in samples.items()
    }


def throughput(committee, clients, seconds):
    wrk = shutil.which("wrk")
    if not wrk:
        print("throughput: wrk is not installed (apt-get install wrk); skipped")
        return
    # The councillor's cookies as their browser holds them after one page: the session and the CSRF cookie.
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in clients["councillor"].cookies.items())
    with tempfile.NamedTemporaryFile(suffix=".html", delete=False) as floor:
        floor.write(clients["councillor"].get("/actions/").content)
    try:
        for page_cache in ("1", "0"):
            label = "pages kept (PAGE_CACHE=1)" if page_cache == "1" else "every page drawn (PAGE_CACHE=0)"
            print(f"-- throughput, {label}, wrk: 2 threads, 16 connections, {seconds} s")
            with _gunicorn(floor.name, page_cache) as port:
                rates = {}
                for name, path in (("/actions/ (councillor)", "/actions/"), ("no-database floor", "/__floor__/")):
                    command = [wrk, "-t2", "-c16", f"-d{seconds}s", "-H", f"Cookie: {cookies}"]
                    command += ["-H", "X-Forwarded-Proto: https", f"http://127.0.0.1:{port}{path}"]
                    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30).stdout
                    rates[name] = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
                    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
                    note = f"  ({non2xx.group(1)} not 2xx)" if non2xx else ""
                    print(f"{name:34} {rates[name]:8.1f} requests/s{note}")
            print(f"{'ratio to the floor':34} {rates['/actions/ (councillor)'] / rates['no-database floor']:8.2f}")
    finally:
        os.unlink(floor.name)


@contextlib.contextmanager
def _gunicorn(floor_file, page_cache):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    db = connection.settings_dict  # the large size's
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="benchmarks.floor_settings",
        BENCH_FLOOR_FILE=floor_file,
        PAGE_CACHE=page_cache,
        DEBUG="0",
        SECRET_KEY=settings.SECRET_KEY,  # the sessions signed here must be valid there
        STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"]
        + ["scrutiny.wsgi:application"],
        cwd=ROOT,
        env=env,
    )
    try:
        time.sleep(3)
        yield port
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1_000, help="the size the ratio is taken against (0: none)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--throughput", action="store_true")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the --actions database (bench_<size>) and reuse it next time instead of building it again "
        "(the baseline is always built afresh); needs a PostgreSQL that outlives the run (DATABASE_URL), "
        "not make bench's throwaway one",
    )
    args = parser.parse_args()
    setup_test_environment(debug=False)
    # Single requests time drawing the page: a page kept by core/pagecache.py would time a dictionary lookup.
    settings.PAGE_CACHE = False
    dbs = []
    try:
        if args.baseline:
            dbs.append(Sized(args.baseline, keep=False))  # small: built afresh each time (seconds)
        big = Sized(args.actions, args.keep)
        dbs.append(big)
        results = measure(dbs, args.runs)
        baseline = results.get(args.baseline, {})
        # The small size's bytes too: a page bounded at 25 rows draws fewer where the small council has fewer to show,
        # so its ratio is the history behind the page and the rows on it.
        print(f"{'page':34} {'median ms':>10} {'queries':>8} {'KB':>7} {'ratio':>7} {'KB small':>9}")
        for name, (median, queries, size) in results[args.actions].items():
            ratio = f"{median / baseline[name][0]:7.2f}" if name in baseline else ""
            small = f"{baseline[name][2] / 1024:9.0f}" if name in baseline else ""
            print(f"{name:34} {median:10.1f} {queries:8d} {size / 1024:7.0f} {ratio:>7} {small}")
        if args.throughput:
            big.use()
            throughput(big.committee, big.clients, args.seconds)
    finally:
        for db in dbs:
            if db.size == args.baseline or not args.keep:
                db.destroy()


if __name__ == "__main__":
    main()
