"""A task-and-finish review's five recommendations to Cabinet, from the final report to the six-month review.

The report was taken seven months ago (dates are relative to today, as in the demo): Cabinet answered within
the week, so the six-month review points have passed and land on the agenda of the next meeting and the chair's
brief. The public reads the published tracker, and never the recommendation made in private.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import AgendaItem, Committee, Meeting
from recommendations.models import Body, Recommendation
from tests.browser.helpers import assert_accessible, fill_date, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORT = "Review of school exclusions"
TEXTS = [
    "Publish exclusion figures by school each term",
    "Fund an alternative provision pilot",
    "Give every excluded pupil a named key worker",
    "Write to the Minister about managed moves",
    "Close the pupil referral unit",
]
RESPONSES = ["Accepted", "Accepted", "Accepted", "Partly accepted", "Rejected"]
SECRET = "Renegotiate the Zanzibar transport contract"


def seven_months_ago(cyp):
    day = timezone.localdate() - datetime.timedelta(days=213)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(18, 0)))
    meeting = Meeting.objects.create(committee=cyp, starts_at=starts, status=Meeting.Status.PUBLISHED)
    report = AgendaItem.objects.create(
        meeting=meeting, number="6", order=6, title="Task and finish group: final report"
    )
    secret = AgendaItem.objects.create(meeting=meeting, number="9", order=9, title="Transport contract", exempt=True)
    return meeting, report, secret


def test_a_task_and_finish_report_to_cabinet_from_response_to_six_month_review(browser, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    cyp = Committee.objects.get(short_name="CYP")
    cabinet = Body.objects.get(name="Cabinet", kind=Body.Kind.EXECUTIVE)  # the demo's report went to Cabinet too
    demo = Recommendation.objects.filter(committee=cyp)  # all public (test_demo_data)
    demo_count, demo_in_progress = demo.count(), demo.in_progress().count()
    meeting, report_item, secret_item = seven_months_ago(cyp)
    Recommendation.make(source_item=secret_item, body=cabinet, text=SECRET)
    responded_on = meeting.date + datetime.timedelta(days=6)

    clerk = browser.new_context(locale="en-GB", timezone_id="Europe/London").new_page()
    sign_in(clerk, live_server, "clerk")
    clerk.goto(f"{live_server.url}{cyp.get_absolute_url()}")
    clerk.get_by_role("link", name="Recommendations", exact=True).click()
    clerk.get_by_role("link", name="Record a task-and-finish report").click()
    clerk.get_by_label("Agenda item the report was taken at").select_option(value=str(report_item.pk))
    clerk.get_by_label("Title of the report").fill(REPORT)
    clerk.get_by_label("To", exact=True).select_option(label="Cabinet")
    clerk.get_by_label("Portfolio holder or lead officer").fill("Cabinet Member for Children and Young People")
    clerk.get_by_label("Recommendations, one a line, in order").fill("\n".join(TEXTS))
    clerk.screenshot(path=screenshot_dir / "recommendations-report-form.png", full_page=True)
    clerk.get_by_role("button", name="Record the recommendations").click()
    expect(clerk.get_by_role("status").first).to_contain_text("5 recommendations")
    rows = clerk.locator("#recommendations-table tbody tr")
    expect(rows).to_have_count(6 + demo_count)  # the five, the one made in private (the clerk reads it), the demo's
    assert_accessible(clerk)

    # Cabinet's response, one recommendation at a time, as the clerk types it from the Cabinet decision notice.
    made = list(Recommendation.objects.filter(report_title=REPORT).order_by("number"))
    for recommendation, answer in zip(made, RESPONSES, strict=True):
        clerk.goto(f"{live_server.url}{recommendation.get_absolute_url()}")
        form = clerk.locator("#response-form")
        form.get_by_label(answer, exact=True).check()
        form.get_by_label("The response, in the body's words").fill(f"{answer}: see the Cabinet decision notice.")
        fill_date(form, "Date of the decision", responded_on)
        form.get_by_role("button", name="Record the response").click()
        expect(clerk.get_by_role("status").first).to_contain_text("Response recorded")
    responses = [r.response for r in Recommendation.objects.filter(report_title=REPORT).order_by("number")]
    assert responses == ["accepted", "accepted", "accepted", "partly", "rejected"]

    # An implementation update on the first.
    clerk.goto(f"{live_server.url}{made[0].get_absolute_url()}")
    progress = clerk.locator("#progress-form")
    progress.get_by_label("Progress update").fill("Termly figures published on the council website")
    progress.get_by_label("Green").check()
    progress.get_by_role("button", name="Post the update").click()
    expect(clerk.locator(".timeline")).to_contain_text("Termly figures published on the council website")
    clerk.screenshot(path=screenshot_dir / "recommendation-detail-clerk.png", full_page=True)
    assert_accessible(clerk)

    # The six-month reviews of the four accepted ones are on the next meeting's agenda, through the work programme.
    next_meeting = cyp.next_meeting()
    clerk.goto(f"{live_server.url}{next_meeting.get_absolute_url()}")
    for recommendation in made[:4]:
        expect(clerk.locator("main")).to_contain_text(
            f"Six-month review of scrutiny recommendation {recommendation.reference}"
        )
    expect(clerk.locator("main")).not_to_contain_text(f"review of scrutiny recommendation {made[4].reference}")
    clerk.screenshot(path=screenshot_dir / "recommendations-next-agenda.png", full_page=True)

    # ... and on the chair's brief.
    chair = browser.new_context(locale="en-GB", timezone_id="Europe/London").new_page()
    sign_in(chair, live_server, "chair")
    chair.goto(f"{live_server.url}/actions/brief/{cyp.slug}/")
    reviews = chair.locator("#reviews-title + ul")
    for recommendation in made[:4]:
        expect(reviews).to_contain_text(f"Six-month review of scrutiny recommendation {recommendation.reference}")
    chair.locator("#brief-recommendations").screenshot(path=screenshot_dir / "recommendations-brief.png")
    assert_accessible(chair)

    # The public reads the published tracker: the five and their responses, never the one made in private.
    public = browser.new_context(locale="en-GB", timezone_id="Europe/London").new_page()
    public.goto(f"{live_server.url}{cyp.get_absolute_url()}")
    public.get_by_role("link", name="Recommendations", exact=True).click()
    expect(public.locator("#recommendations-table tbody tr")).to_have_count(5 + demo_count)
    expect(public.locator("main")).not_to_contain_text("Zanzibar")
    public.get_by_label("Show").select_option(label="Implemented")
    public.get_by_label("Show").select_option(label="Accepted and in progress")
    public.get_by_role("button", name="Apply filters").click()
    expect(public.locator("#recommendations-table tbody tr")).to_have_count(4 + demo_in_progress)
    assert "show=in_progress" in public.url
    public.screenshot(path=screenshot_dir / "recommendations-public-tracker.png", full_page=True)
    assert_accessible(public)
    secret = Recommendation.objects.get(text=SECRET)
    assert public.goto(f"{live_server.url}{secret.get_absolute_url()}").status == 404
    for each in (clerk, chair, public):
        each.context.close()
