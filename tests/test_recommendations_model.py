"""Recommendations to another body: deadlines by body, the response, implementation, review points, the rules."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.concurrency import StaleEdit
from meetings.models import AgendaItem, Committee, Meeting, WorkProgrammeItem
from recommendations.models import Body, Recommendation, RecommendationEvent, ReviewPoint, add_months

MADE = datetime.date(2026, 3, 10)


def aware(day, hour=18):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def traveller():
    """The clock stands still at noon, a fortnight after the meeting; tests move it on."""
    with time_machine.travel(aware(datetime.date(2026, 3, 25), 12), tick=False) as traveller:
        yield traveller


def go_to(traveller, day):
    traveller.move_to(aware(day, 12))


@pytest.fixture
def scrutiny(traveller, db):
    committee = Committee.objects.create(name="Children and Young People Scrutiny Committee", short_name="CYP")
    meeting = Meeting.objects.create(committee=committee, starts_at=aware(MADE), status=Meeting.Status.PUBLISHED)
    item = AgendaItem.objects.create(meeting=meeting, number="6", order=6, title="Final report: school exclusions")
    return committee, meeting, item


@pytest.fixture
def cabinet(db):
    return Body.objects.create(name="Cabinet", kind=Body.Kind.EXECUTIVE)


@pytest.fixture
def trust(db):
    return Body.objects.create(name="Northern Care NHS Trust", kind=Body.Kind.NHS)


def make(scrutiny, body, number=1, **fields):
    return Recommendation.make(
        source_item=scrutiny[2], body=body, number=number, text=f"Recommendation {number}", **fields
    )


def accepted(recommendation, on=None, response=Recommendation.Response.ACCEPTED):
    recommendation.record_response(response, "We agree.", "Cabinet", on or datetime.date(2026, 3, 20))
    return recommendation


# --- the body's response period ----------------------------------------------------------------


def test_add_months_keeps_the_day_or_takes_the_last_of_a_shorter_month():
    assert add_months(datetime.date(2026, 3, 10), 2) == datetime.date(2026, 5, 10)
    assert add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 11, 30), 12) == datetime.date(2027, 11, 30)


def test_the_executive_has_two_months_and_an_nhs_body_28_days(scrutiny, cabinet, trust):
    assert make(scrutiny, cabinet).response_due_on == datetime.date(2026, 5, 10)
    assert make(scrutiny, trust, number=2).response_due_on == datetime.date(2026, 4, 7)


def test_a_body_may_have_its_own_period(scrutiny):
    partner = Body.objects.create(name="Police and Crime Commissioner", kind=Body.Kind.PARTNER, response_days=42)
    assert make(scrutiny, partner).response_due_on == MADE + datetime.timedelta(days=42)
    assert partner.period_display == "42 days"


def test_response_overdue_by_body_type_on_a_frozen_clock(traveller, scrutiny, cabinet, trust):
    to_cabinet, to_trust = make(scrutiny, cabinet), make(scrutiny, trust, number=2)
    overdue = Recommendation.objects.response_overdue
    go_to(traveller, datetime.date(2026, 4, 7))  # the trust's last day: due, not overdue
    assert list(overdue()) == []
    go_to(traveller, datetime.date(2026, 4, 8))
    assert list(overdue()) == [to_trust]
    assert to_trust.response_overdue() and not to_cabinet.response_overdue()
    go_to(traveller, datetime.date(2026, 5, 11))
    assert set(overdue()) == {to_cabinet, to_trust}


def test_a_response_takes_a_recommendation_out_of_overdue(traveller, scrutiny, trust):
    late = make(scrutiny, trust)
    go_to(traveller, datetime.date(2026, 4, 20))
    late.record_response(Recommendation.Response.REJECTED, "Not affordable.", "Trust board", datetime.date(2026, 4, 19))
    assert not Recommendation.objects.response_overdue().exists()


def test_changing_a_bodys_period_moves_the_deadline_of_those_still_waiting(scrutiny, cabinet):
    waiting, answered = make(scrutiny, cabinet), accepted(make(scrutiny, cabinet, number=2))
    cabinet.response_days = 30
    cabinet.save()
    waiting.refresh_from_db()
    assert waiting.response_due_on == MADE + datetime.timedelta(days=30)
    assert Recommendation.objects.get(pk=answered.pk).response_due_on == datetime.date(2026, 5, 10)


# --- making them ---------------------------------------------------------------------------------


def test_references_are_like_the_actions_and_count_up(scrutiny, cabinet):
    first, second = make(scrutiny, cabinet), make(scrutiny, cabinet, number=2)
    assert (first.reference, second.reference) == ("CYP/2026-03/R01", "CYP/2026-03/R02")


def test_a_task_and_finish_report_records_its_numbered_recommendations_at_once(scrutiny, cabinet):
    texts = [f"Do thing {n}" for n in range(1, 6)]
    made = Recommendation.make_report(scrutiny[2], "Review of school exclusions", texts, cabinet)
    assert [(r.number, r.text) for r in made] == list(enumerate(texts, start=1))
    assert all(r.events.get().kind == RecommendationEvent.Kind.MADE for r in made)


def test_a_report_number_is_used_once(scrutiny, cabinet):
    make(scrutiny, cabinet, report_title="Review")
    with pytest.raises(IntegrityError), transaction.atomic():
        make(scrutiny, cabinet, report_title="Review")


# --- the response ---------------------------------------------------------------------------------


def test_recording_the_response_puts_who_when_and_what_on_the_timeline(scrutiny, cabinet, clerk_user):
    recommendation = make(scrutiny, cabinet)
    recommendation.record_response("partly", "Agreed in part.", "Cabinet", datetime.date(2026, 3, 11), by=clerk_user)
    recommendation.refresh_from_db()
    assert recommendation.stage == "Partly accepted, in progress"
    entry = recommendation.events.filter(kind=RecommendationEvent.Kind.RESPONSE).get()
    assert entry.by == clerk_user and entry.text == "Partly accepted by Cabinet: Agreed in part."


def test_the_response_can_name_a_meeting_recorded_in_the_app(scrutiny, cabinet):
    cabinet_committee = Committee.objects.create(name="Cabinet", short_name="CAB")
    meeting = Meeting.objects.create(committee=cabinet_committee, starts_at=aware(datetime.date(2026, 3, 11)))
    recommendation = make(scrutiny, cabinet)
    recommendation.record_response("accepted", "Yes.", "Cabinet", None, at_meeting=meeting)
    assert recommendation.response_on == datetime.date(2026, 3, 11) and recommendation.response_meeting == meeting


@pytest.mark.parametrize(
    ("response", "text", "on", "message"),
    [
        ("maybe", "x", MADE, "Choose accepted"),
        ("accepted", "  ", MADE, "in the body's words"),
        ("accepted", "Yes", MADE - datetime.timedelta(days=1), "before the recommendation was made"),
        ("accepted", "Yes", datetime.date(2026, 3, 26), "in the future"),
    ],
)
def test_an_impossible_response_is_refused_and_nothing_changes(scrutiny, cabinet, response, text, on, message):
    recommendation = make(scrutiny, cabinet)
    with pytest.raises(ValueError, match=message):
        recommendation.record_response(response, text, "Cabinet", on)
    assert Recommendation.objects.get(pk=recommendation.pk).response == ""


def test_a_second_response_is_refused(scrutiny, cabinet):
    recommendation = accepted(make(scrutiny, cabinet, number=1), on=MADE)
    with pytest.raises(ValueError, match="already recorded"):
        recommendation.record_response("rejected", "No", "Cabinet", MADE)


def test_a_response_from_a_page_drawn_before_someone_elses_is_refused(scrutiny, cabinet):
    recommendation = make(scrutiny, cabinet)
    drawn = recommendation.version
    Recommendation.objects.get(pk=recommendation.pk).record_response("accepted", "Yes", "Cabinet", MADE)
    with pytest.raises(StaleEdit):
        recommendation.record_response("rejected", "No", "Cabinet", MADE, expected_version=drawn)


def test_the_database_refuses_a_response_without_its_date_or_an_outcome_of_a_rejected_one(scrutiny, cabinet):
    recommendation = make(scrutiny, cabinet)
    with pytest.raises(IntegrityError), transaction.atomic():
        Recommendation.objects.filter(pk=recommendation.pk).update(response="accepted", response_text="Yes")
    with pytest.raises(IntegrityError), transaction.atomic():
        Recommendation.objects.filter(pk=recommendation.pk).update(
            response="rejected", response_text="No", response_on=MADE, outcome="implemented", outcome_on=MADE
        )


# --- implementation, outcome ------------------------------------------------------------------------


def test_only_an_accepted_recommendation_gets_a_plan_progress_or_outcome(scrutiny, cabinet):
    rejected = make(scrutiny, cabinet)
    rejected.record_response("rejected", "No", "Cabinet", MADE)
    for verb in (
        lambda: rejected.set_plan("x", "y", datetime.date(2026, 9, 1)),
        lambda: rejected.add_progress("x", "green"),
        lambda: rejected.record_outcome("implemented"),
    ):
        with pytest.raises(ValueError, match="Only an accepted"):
            verb()


def test_plan_progress_and_outcome_land_on_the_timeline_and_close_it(traveller, scrutiny, cabinet):
    recommendation = accepted(make(scrutiny, cabinet))
    go_to(traveller, datetime.date(2026, 4, 1))
    recommendation.set_plan("New exclusions protocol", "Head of Inclusion", datetime.date(2026, 9, 1))
    recommendation.add_progress("Protocol drafted", "green")
    recommendation.record_outcome("implemented", "Protocol in force", on=datetime.date(2026, 4, 1))
    kinds = list(recommendation.events.order_by("at", "pk").values_list("kind", flat=True))
    assert kinds == ["made", "response", "review", "review", "plan", "progress", "outcome"]
    with pytest.raises(ValueError, match="already recorded its outcome"):
        recommendation.add_progress("More", "green")
    assert list(Recommendation.objects.implemented()) == [recommendation]


# --- review points on the committee's agenda ------------------------------------------------------------


def test_acceptance_sets_review_points_at_six_and_twelve_months(scrutiny, cabinet):
    recommendation = accepted(make(scrutiny, cabinet), on=datetime.date(2026, 3, 20))
    points = list(recommendation.reviews.order_by("months").values_list("months", "due_on"))
    assert points == [(6, datetime.date(2026, 9, 20)), (12, datetime.date(2027, 3, 20))]


def test_a_rejected_recommendation_has_no_review_points(scrutiny, cabinet):
    recommendation = make(scrutiny, cabinet)
    recommendation.record_response("rejected", "No", "Cabinet", MADE)
    assert not recommendation.reviews.exists()


def test_the_six_month_review_joins_the_agenda_of_the_first_meeting_scheduled_after_it(scrutiny, cabinet):
    committee = scrutiny[0]
    before = Meeting.objects.create(committee=committee, starts_at=aware(datetime.date(2026, 9, 1)))
    after = Meeting.objects.create(committee=committee, starts_at=aware(datetime.date(2026, 10, 6)))
    recommendation = accepted(make(scrutiny, cabinet), on=datetime.date(2026, 3, 20))
    six = recommendation.reviews.get(months=6)
    assert six.work.status == WorkProgrammeItem.Status.SCHEDULED
    assert list(after.items.values_list("title", flat=True)) == [
        "Six-month review of scrutiny recommendation CYP/2026-03/R01"
    ]
    assert not before.items.exists()


def test_a_review_with_no_meeting_yet_waits_in_the_work_programme_and_joins_the_next_new_agenda(scrutiny, cabinet):
    committee = scrutiny[0]
    recommendation = accepted(make(scrutiny, cabinet), on=datetime.date(2026, 3, 20))
    six = recommendation.reviews.get(months=6)
    assert (six.work.status, six.work.target_month) == ("planned", datetime.date(2026, 9, 1))
    # The meeting for that September is scheduled later, with the agenda the committee always takes.
    september = Meeting.create_with_agenda(committee, aware(datetime.date(2026, 9, 22)))
    assert september.items.filter(title=six.title, kind=AgendaItem.Kind.WORK_PROGRAMME).exists()
    assert not september.items.filter(title=recommendation.reviews.get(months=12).title).exists()


def test_reviews_due_by_a_meeting_are_the_briefs_and_an_outcome_takes_them_off(traveller, scrutiny, cabinet):
    committee = scrutiny[0]
    recommendation = accepted(make(scrutiny, cabinet), on=datetime.date(2026, 3, 20))
    october = Meeting.create_with_agenda(committee, aware(datetime.date(2026, 10, 6)))
    assert [p.months for p in ReviewPoint.objects.due_by(october)] == [6]
    go_to(traveller, datetime.date(2026, 4, 2))
    recommendation.record_outcome("superseded", "The new national guidance replaced it")
    assert not ReviewPoint.objects.due_by(october).exists()
    assert not october.items.filter(title__startswith="Six-month").exists()


def test_a_review_of_a_recommendation_made_in_private_is_an_exempt_agenda_item(scrutiny, cabinet):
    committee, meeting, _ = scrutiny
    secret = AgendaItem.objects.create(meeting=meeting, number="9", order=9, title="Contract", exempt=True)
    later = Meeting.objects.create(committee=committee, starts_at=aware(datetime.date(2026, 10, 6)))
    recommendation = Recommendation.make(source_item=secret, body=cabinet, text="Renegotiate")
    accepted(recommendation)
    assert later.items.get().exempt


# --- who reads them -------------------------------------------------------------------------------------


def test_the_public_reads_only_recommendations_of_published_non_exempt_items(scrutiny, cabinet):
    committee, meeting, item = scrutiny
    public = make(scrutiny, cabinet)
    secret_item = AgendaItem.objects.create(meeting=meeting, number="9", order=9, title="Contract", exempt=True)
    Recommendation.make(source_item=secret_item, body=cabinet, text="Secret")
    draft = Meeting.objects.create(committee=committee, starts_at=aware(MADE), status=Meeting.Status.MINUTES_DRAFT)
    draft_item = AgendaItem.objects.create(meeting=draft, number="3", order=3, title="Draft")
    Recommendation.make(source_item=draft_item, body=cabinet, text="Draft")
    assert list(Recommendation.objects.visible_to(AnonymousUser())) == [public]
