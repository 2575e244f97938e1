"""The demo council's recommendations (load_demo): a task-and-finish review's final report to Cabinet with
recommendations in every state, and one to an NHS trust still within its 28 days. Dates are relative to today,
recorded through the model's verbs, with each timeline entry dated when it happened."""

import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from meetings.models import AgendaItem, Attendance, Meeting

from .models import Body, Recommendation, RecommendationEvent

REPORT = "Task and finish review: children missing education and school exclusions"
CABINET_MEMBER = "Cabinet Member for Children and Young People"
RECOMMENDATIONS = [
    "The Council publishes a termly dashboard of fixed-term and permanent exclusions by school, year group and "
    "characteristic, shared with headteachers and this Committee.",
    "A single point of contact in the Virtual School for every child missing education for more than ten days.",
    "Alternative provision places are commissioned jointly with schools, with a common quality framework.",
    "Cabinet funds a second Education Welfare Officer for each locality from the 2026/27 budget.",
    "The Council writes to the Department for Education asking that managed moves be recorded nationally.",
]
NHS_TRUST = "Greater Manchester Mental Health NHS Foundation Trust"


def local(days, hour=10, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def day(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _dated(recommendation, kinds, at):
    """Timeline entries the verbs wrote now, dated when they happened."""
    RecommendationEvent.objects.filter(recommendation=recommendation, kind__in=kinds).update(at=at)


def load(demo):
    """Recommendations made at the demo's second meeting (a published Children and Young People meeting about 150
    days ago) and at a new published health scrutiny meeting ten days ago."""
    meeting, health_committee, people = demo.m2, demo.hsc, demo.p
    clerk = User.objects.get(username="clerk")
    cabinet = Body.objects.get_or_create(name="Cabinet", defaults={"kind": Body.Kind.EXECUTIVE})[0]
    item = AgendaItem.objects.create(
        meeting=meeting,
        number="8",
        order=8,
        title="Final report of the task and finish group on children missing education",
        kind=AgendaItem.Kind.REPORT,
        description="Report attached",
        minutes_text=(
            "Councillor Butler presented the group's final report after six evidence sessions with headteachers, "
            "the Virtual School and parents. Members agreed the five recommendations for Cabinet's response."
        ),
    )
    made = Recommendation.make_report(item, REPORT, RECOMMENDATIONS, cabinet, by=clerk, lead_post=CABINET_MEMBER)
    for recommendation in made:
        Recommendation.objects.filter(pk=recommendation.pk).update(created_at=meeting.starts_at)
        _dated(recommendation, ["made"], meeting.starts_at)
    dashboard, contact, provision, welfare, letter = made
    cabinet_day = -95

    def answer(recommendation, response, text):
        recommendation.record_response(
            response, text, "Cabinet", day(cabinet_day), by=clerk, event={"at": local(cabinet_day, 19)}
        )
        _dated(recommendation, ["review"], local(cabinet_day, 19, 1))

    answer(dashboard, "accepted", "Accepted. The first dashboard will cover the spring term.")
    dashboard.set_plan(
        "Build the dashboard from the school census and publish it each term",
        "Head of Education Performance",
        day(45),
        by=clerk,
        event={"at": local(-80)},
    )
    dashboard.add_progress(
        "Spring term dashboard shared with headteachers; summer term data being checked.",
        "green",
        by=clerk,
        event={"at": local(-12)},
    )
    answer(contact, "accepted", "Accepted. The Virtual School will name a contact within five days of referral.")
    contact.set_plan(
        "Name a Virtual School contact for each child missing education",
        "Virtual School Head",
        day(20),
        by=clerk,
        event={"at": local(-85)},
    )
    contact.add_progress(
        "Contacts named for every child referred since April.", "green", by=clerk, event={"at": local(-40)}
    )
    contact.record_outcome(
        "implemented", "Confirmed by the Virtual School Head's report.", on=day(-30), by=clerk, event={"at": local(-30)}
    )
    answer(
        provision,
        "partly",
        "Partly accepted. Joint commissioning from September; a common quality framework needs the schools forum.",
    )
    provision.set_plan(
        "Joint commissioning of alternative provision with the secondary heads' group",
        "Head of Inclusion",
        day(-10),
        by=clerk,
        event={"at": local(-75)},
    )
    provision.add_progress(
        "Tender documents agreed with the heads; the schools forum meets next month.",
        "amber",
        by=clerk,
        event={"at": local(-3)},
    )
    answer(welfare, "rejected", "Rejected. There is no provision in the 2026/27 budget; Cabinet will revisit it.")
    # The letter: Cabinet has not responded, and its two months are long past (overdue).

    trust = Body.objects.get_or_create(name=NHS_TRUST, defaults={"kind": Body.Kind.NHS})[0]
    health = Meeting.objects.create(
        committee=health_committee,
        starts_at=local(-10, 17, 30),
        ends_at=local(-10, 19),
        venue=health_committee.default_venue,
        status=Meeting.Status.PUBLISHED,
        public_attendance="Two members of the public attended.",
    )
    for name in ("D Quinn", "C Boles", "M Whitby"):
        Attendance.objects.create(meeting=health, person=people[name], in_chair=name == "D Quinn")
    item = AgendaItem.objects.create(
        meeting=health,
        number="1",
        order=1,
        title="Community mental health services for young adults",
        kind=AgendaItem.Kind.REPORT,
        lead_officer=people["Lesley Jones"],
        minutes_text="Members heard that waits for a first appointment had risen to eleven weeks.",
    )
    waiting = Recommendation.make(
        source_item=item,
        body=trust,
        text="The Trust publishes waiting times for a first appointment by borough each month.",
        lead_post="Chief Executive of the Trust",
        by=clerk,
        created_at=health.starts_at,
    )
    _dated(waiting, ["made"], health.starts_at)
    return [*made, waiting]
