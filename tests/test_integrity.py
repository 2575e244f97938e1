"""Integrity through every door: stale pages are refused, every action change is on its timeline,
the work programme neither loses nor repeats a promise, and impossible dates are refused."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from actions.importer.apply import create_meeting_from_proposal
from actions.importer.errors import MinutesImportError
from actions.models import Action, ActionUpdate
from core import clock
from meetings.models import AgendaItem, Meeting, Resolution, WorkProgrammeItem

from .conftest import HTMX, at, client_for, make_user, version_of

# --- the admin is one more door ----------------------------------------------------------------


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("admin-clerk", password="secret-pass-123")


@pytest.fixture
def admin(admin_user):
    return client_for(admin_user)


@pytest.fixture
def second_clerk(db):
    from meetings.models import Person

    return client_for(make_user("clerk2", "Clerk", Person.objects.create(name="Second Clerk")))


def admin_form_data(response, **changes):
    """What a browser would post back from an admin change page, with `changes` typed in."""
    form = response.context["adminform"].form
    data = {}
    forms = [form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(
            {
                formset.management_form[n].html_name: formset.management_form[n].value()
                for n in formset.management_form.fields
            }
        )
        forms += list(formset.forms)
    for each in forms:
        for name in each.fields:
            value = each[name].value()
            if value is True:
                data[each.add_prefix(name)] = "on"
            elif value not in (None, False):
                data[each.add_prefix(name)] = value
    for name, value in changes.items():
        if value is False:
            data.pop(name, None)
        else:
            data[name] = "on" if value is True else value
    return {k: v for k, v in data.items() if v is not None}


def admin_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_admin_exempt_tick_then_a_stale_workspace_edit_is_refused_and_the_item_stays_exempt(
    admin, clerk, item, past_meeting
):
    # The second clerk opened the item's edit form (version 1) before the admin change.
    edit = reverse("meetings:item_edit", args=[past_meeting.pk, item.pk])
    stale_form = {"number": "5", "title": "Improvement Plan (typo fixed)", "kind": "report", "version": 1}
    page = admin.get(admin_url(item))
    response = admin.post(admin_url(item), admin_form_data(page, exempt=True, exempt_reason="Paragraph 3"))
    assert response.status_code == 302, response.content.decode()[:2000]
    item.refresh_from_db()
    assert item.exempt and item.version == 2
    response = clerk.post(edit, stale_form)
    assert b"Someone else saved this" in response.content
    item.refresh_from_db()
    assert item.exempt and item.title == "Improvement Plan"


def test_admin_page_opened_before_a_workspace_edit_is_refused(admin, clerk, item, past_meeting):
    page = admin.get(admin_url(item))
    clerk.post(
        reverse("meetings:item_minutes", args=[past_meeting.pk, item.pk]), {"minutes_text": "Typed", "version": 1}
    )
    response = admin.post(admin_url(item), admin_form_data(page, title="Admin's title"))
    assert response.status_code == 200 and b"Someone else saved this record" in response.content
    item.refresh_from_db()
    assert (item.title, item.minutes_text) == ("Improvement Plan", "Typed")


def test_action_changed_in_the_admin_lands_on_its_timeline_and_status_and_rag_are_not_editable_there(
    admin, admin_user, make_action
):
    action = make_action(rag=Action.Rag.GREEN)
    page = admin.get(admin_url(action))
    data = admin_form_data(page, text="Revised wording", owner_post="Head of Housing", rag="red", status="closed")
    assert admin.post(admin_url(action), data).status_code == 302
    action.refresh_from_db()
    assert (action.text, action.owner_post, action.rag, action.status) == (
        "Revised wording",
        "Head of Housing",
        "green",
        "open",
    )
    entry = action.updates.order_by("-pk").first()
    assert entry.kind == ActionUpdate.Kind.EDIT and entry.by == admin_user
    assert "text" in entry.text and "owner post" in entry.text


def test_action_admin_refuses_an_impossible_due_date(admin, make_action, past_meeting):
    action = make_action()
    page = admin.get(admin_url(action))
    response = admin.post(admin_url(action), admin_form_data(page, due_date="1900-01-01"))
    assert response.status_code == 200 and b"before the action was agreed" in response.content
    action.refresh_from_db()
    assert action.due_date is None


# --- status changes, moves, renumbering and deletes refuse a stale page ----------------------------


def status_post(meeting, to, **extra):
    return reverse("meetings:meeting_status", args=[meeting.pk]), {"to": to, **extra}


def test_publishing_minutes_that_someone_else_changed_after_the_page_was_drawn_asks_first(
    clerk, second_clerk, committee
):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-3), status=Meeting.Status.MINUTES_DRAFT)
    item = AgendaItem.objects.create(meeting=meeting, number="4", order=4, title="Budget", minutes_text="Draft")
    page = clerk.get(meeting.get_absolute_url()).content.decode()
    drawn_at = page.split('name="seen_at" value="')[1].split('"')[0]
    second_clerk.post(
        reverse("meetings:item_minutes", args=[meeting.pk, item.pk]),
        {"minutes_text": "Members asked for the reserves to be published", "version": 1},
    )
    url, data = status_post(meeting, "published", version=1, seen_at=drawn_at, confirmed="yes")
    response = clerk.post(url, data)
    assert response.status_code == 409
    assert "Someone else changed these minutes" in response.content.decode()
    assert "reserves to be published" in response.content.decode() and "Second Clerk" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_DRAFT
    # Having seen the change, the clerk may go ahead: the confirmation carries a fresh moment.
    confirm = response.content.decode().split('name="seen_at" value="')[1].split('"')[0]
    clerk.post(url, {**data, "seen_at": confirm})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED


def test_clerks_own_changes_do_not_hold_up_publishing(clerk, committee):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-3), status=Meeting.Status.MINUTES_DRAFT)
    item = AgendaItem.objects.create(meeting=meeting, number="4", order=4, title="Budget")
    page = clerk.get(meeting.get_absolute_url()).content.decode()
    drawn_at = page.split('name="seen_at" value="')[1].split('"')[0]
    clerk.post(reverse("meetings:item_minutes", args=[meeting.pk, item.pk]), {"minutes_text": "Mine", "version": 1})
    url, data = status_post(meeting, "published", version=1, seen_at=drawn_at, confirmed="yes")
    clerk.post(url, data)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED


def test_status_change_from_a_page_drawn_before_the_meeting_changed_is_refused(clerk, second_clerk, next_meeting):
    second_clerk.post(
        reverse("meetings:meeting_edit", args=[next_meeting.pk]),
        {"starts_at": f"{next_meeting.date}T18:00", "venue": "Committee Room 2", "version": 1},
    )
    assert version_of(next_meeting) == 2
    url, data = status_post(next_meeting, "cancelled", version=1)
    response = clerk.post(url, data, follow=True)
    assert "Someone else changed this meeting" in response.content.decode()
    next_meeting.refresh_from_db()
    assert next_meeting.status == Meeting.Status.SCHEDULED


@pytest.fixture
def agenda(next_meeting):
    return [AgendaItem.objects.create(meeting=next_meeting, number=n, order=int(n), title=f"Item {n}") for n in "123"]


def test_a_stale_edit_after_renumbering_is_refused_rather_than_putting_the_old_number_back(
    clerk, second_clerk, next_meeting, agenda
):
    AgendaItem.objects.filter(pk=agenda[1].pk).update(number="2a")
    signature = next_meeting.agenda_signature()
    edit = reverse("meetings:item_edit", args=[next_meeting.pk, agenda[1].pk])
    clerk.post(reverse("meetings:items_renumber", args=[next_meeting.pk]), {"agenda": signature}, **HTMX)
    assert AgendaItem.objects.get(pk=agenda[1].pk).number == "2"
    response = second_clerk.post(edit, {"number": "2a", "title": "Item 2 (typo fixed)", "kind": "report", "version": 1})
    assert b"Someone else saved this" in response.content
    assert AgendaItem.objects.get(pk=agenda[1].pk).number == "2"


def test_renumbering_from_a_page_drawn_before_a_move_is_refused(clerk, second_clerk, next_meeting, agenda):
    signature = next_meeting.agenda_signature()
    move = reverse("meetings:item_move", args=[next_meeting.pk, agenda[2].pk])
    second_clerk.post(move, {"direction": "up", "version": 1})
    response = clerk.post(reverse("meetings:items_renumber", args=[next_meeting.pk]), {"agenda": signature}, **HTMX)
    assert "Someone else changed the agenda" in response.content.decode()


def test_a_stale_edit_after_a_move_hears_someone_else_saved_not_that_the_number_is_taken(
    clerk, second_clerk, next_meeting, agenda
):
    move = reverse("meetings:item_move", args=[next_meeting.pk, agenda[2].pk])
    clerk.post(move, {"direction": "up", "version": 1}, **HTMX)
    assert AgendaItem.objects.get(pk=agenda[2].pk).number == "2"
    edit = reverse("meetings:item_edit", args=[next_meeting.pk, agenda[2].pk])
    response = second_clerk.post(edit, {"number": "3", "title": "Item 3 retitled", "kind": "report", "version": 1})
    page = response.content.decode()
    assert "Someone else saved this" in page and "already on this agenda" not in page
    assert AgendaItem.objects.get(pk=agenda[2].pk).title == "Item 3"


def test_moving_or_deleting_from_a_stale_page_is_refused(clerk, second_clerk, next_meeting, agenda):
    second_clerk.post(
        reverse("meetings:item_minutes", args=[next_meeting.pk, agenda[0].pk]),
        {"minutes_text": "Someone's careful minutes", "version": 1},
    )
    move = reverse("meetings:item_move", args=[next_meeting.pk, agenda[0].pk])
    response = clerk.post(move, {"direction": "down", "version": 1}, **HTMX)
    assert "Someone else changed item 1" in response.content.decode()
    assert AgendaItem.objects.get(pk=agenda[0].pk).order == 1
    delete = reverse("meetings:item_delete", args=[next_meeting.pk, agenda[0].pk])
    response = clerk.post(delete, {"version": 1}, **HTMX)
    assert "Someone else changed item 1" in response.content.decode()
    assert AgendaItem.objects.filter(pk=agenda[0].pk).exists()


def test_minutes_typed_into_an_item_someone_else_deleted_come_back_rather_than_a_404(
    clerk, second_clerk, next_meeting, agenda
):
    second_clerk.post(reverse("meetings:item_delete", args=[next_meeting.pk, agenda[1].pk]), {"version": 1})
    outcome = reverse("meetings:item_minutes", args=[next_meeting.pk, agenda[1].pk])
    typed = {"minutes_text": "Members asked for a breakdown by ward", "version": 1}
    for headers in (HTMX, {}):
        response = clerk.post(outcome, typed, **headers)
        assert response.status_code == 200
        page = response.content.decode()
        assert "deleted by someone else" in page and "Members asked for a breakdown by ward" in page


def test_reordering_resolutions_from_a_stale_page_is_refused(clerk, second_clerk, next_item):
    first = Resolution.objects.create(item=next_item, order=1, text="Noted")
    Resolution.objects.create(item=next_item, order=2, text="Report to come back")
    edit = reverse("meetings:resolution_edit", args=[next_item.meeting_id, first.pk])
    second_clerk.post(edit, {"text": "Noted with thanks", "vote": "", "version": 1})
    move = reverse("meetings:resolution_move", args=[next_item.meeting_id, first.pk])
    response = clerk.post(move, {"direction": "down", "version": 1}, **HTMX)
    assert "Someone else changed these resolutions" in response.content.decode()
    assert Resolution.objects.get(pk=first.pk).order == 1


def test_a_management_command_style_save_of_a_stale_copy_is_refused(item):
    from core.concurrency import StaleEdit

    copy = AgendaItem.objects.get(pk=item.pk)
    item.title = "Saved first"
    item.save()
    copy.title = "Saved from an old copy"
    with pytest.raises(StaleEdit):
        copy.save()
    item.refresh_from_db()
    assert item.title == "Saved first"


# --- discharge and reopen guards live in the verbs ---------------------------------------------


def test_discharge_and_reopen_guards_hold_whoever_calls_the_verb(make_action, held_meeting):
    action = make_action()
    with pytest.raises(ValueError, match="already open"):
        action.reopen(reason="no reason")
    action.discharge(at_meeting=held_meeting)
    stale_copy = Action.objects.get(pk=action.pk)
    stale_copy.status = Action.Status.OPEN  # an out-of-date copy in memory must not fool the guard
    with pytest.raises(ValueError, match="Only an outstanding action"):
        stale_copy.discharge(at_meeting=held_meeting)


# --- the work programme ------------------------------------------------------------------------


def test_a_to_be_confirmed_promise_is_scheduled_from_the_work_programme_page_onto_the_agenda_at_once(
    clerk, committee, next_meeting
):
    work = WorkProgrammeItem.promise(committee, "Housing for care leavers", WorkProgrammeItem.Timing.TBC)
    page = clerk.get(reverse("meetings:work_programme", args=[committee.slug])).content.decode()
    assert "Housing for care leavers" in page and "to be confirmed" in page
    url = reverse("meetings:work_schedule", args=[committee.slug, work.pk])
    response = clerk.post(url, {"meeting": next_meeting.pk, "version": work.version}, **HTMX)
    assert "is now item" in response.content.decode()
    work.refresh_from_db()
    assert work.status == WorkProgrammeItem.Status.SCHEDULED
    assert work.scheduled_for.meeting == next_meeting
    assert next_meeting.items.filter(title="Housing for care leavers", kind="work_programme").count() == 1


def test_a_promise_to_a_meeting_already_scheduled_joins_its_agenda(clerk, committee, past_meeting, next_meeting):
    resolution = Resolution.objects.create(
        item=AgendaItem.objects.create(meeting=past_meeting, number="7", order=7, title="Housing"),
        text="A report on housing for care leavers to come to the meeting in a fortnight",
    )
    clerk.post(
        reverse("actions:make_action", args=[resolution.pk]),
        {
            "creates": "future",
            "text": "Housing for care leavers report",
            "owner": "Director of Housing",
            "keep_as_post": "on",  # a post no one in the register holds (issue 11: confirmed, not assumed)
            "due_meeting": next_meeting.pk,
            "rag": "green",
        },
    )
    assert next_meeting.items.filter(title="Housing for care leavers report").exists()
    work = WorkProgrammeItem.objects.get(title="Housing for care leavers report")
    assert work.status == WorkProgrammeItem.Status.SCHEDULED


def test_a_next_meeting_promise_is_taken_once_and_never_added_to_later_meetings(committee, past_meeting):
    WorkProgrammeItem.promise(
        committee, "Improvement Plan highlight report", WorkProgrammeItem.Timing.NEXT_MEETING, agreed_at=past_meeting
    )
    first = Meeting.create_with_agenda(committee, at(20))
    second = Meeting.create_with_agenda(committee, at(50))
    third = Meeting.create_with_agenda(committee, at(80))
    titles = [list(m.items.values_list("title", flat=True)) for m in (first, second, third)]
    assert ["Improvement Plan highlight report" in t for t in titles] == [True, False, False]
    first.move_to(Meeting.Status.HELD, first.version)
    work = WorkProgrammeItem.objects.get()
    assert work.status == WorkProgrammeItem.Status.TAKEN and work.taken_at_item.meeting == first


def test_deferring_and_dropping_say_why_and_take_the_item_off_a_not_yet_held_agenda(clerk, committee, next_meeting):
    defer = WorkProgrammeItem.promise(
        committee, "Youth justice review", WorkProgrammeItem.Timing.MEETING, target_meeting=next_meeting
    )
    drop = WorkProgrammeItem.promise(committee, "Libraries consultation", WorkProgrammeItem.Timing.TBC)
    assert next_meeting.items.filter(title="Youth justice review").exists()
    clerk.post(
        reverse("meetings:work_defer", args=[committee.slug, defer.pk]),
        {"reason": "Report delayed by the inspection", "month": "2027-03", "version": version_of(defer)},
    )
    clerk.post(
        reverse("meetings:work_drop", args=[committee.slug, drop.pk]),
        {"reason": "Cabinet withdrew the proposal", "version": version_of(drop)},
    )
    defer.refresh_from_db()
    drop.refresh_from_db()
    assert (defer.status, defer.target_display) == ("planned", "March 2027")
    assert defer.reason == "Deferred: Report delayed by the inspection"
    assert not next_meeting.items.filter(title="Youth justice review").exists()
    assert (drop.status, drop.reason) == ("dropped", "Cabinet withdrew the proposal")
    page = clerk.get(reverse("meetings:work_programme", args=[committee.slug])).content.decode()
    assert "Cabinet withdrew the proposal" in page and "Deferred: Report delayed by the inspection" in page


def test_dropping_needs_a_reason_and_a_stale_page_is_refused(clerk, committee):
    work = WorkProgrammeItem.promise(committee, "Libraries consultation", WorkProgrammeItem.Timing.TBC)
    url = reverse("meetings:work_drop", args=[committee.slug, work.pk])
    response = clerk.post(url, {"reason": "", "version": work.version}, **HTMX)
    assert "Why is it dropped" in response.content.decode()
    WorkProgrammeItem.objects.get(pk=work.pk).save()  # someone else saved it
    response = clerk.post(url, {"reason": "No longer needed", "version": work.version}, **HTMX)
    assert "Someone else changed this item" in response.content.decode()
    assert WorkProgrammeItem.objects.get(pk=work.pk).status == WorkProgrammeItem.Status.PLANNED


def test_cancelling_a_meeting_puts_its_work_programme_items_back_to_be_confirmed(clerk, committee, next_meeting):
    work = WorkProgrammeItem.promise(
        committee, "Youth justice review", WorkProgrammeItem.Timing.MEETING, target_meeting=next_meeting
    )
    next_meeting.move_to(Meeting.Status.CANCELLED, next_meeting.version)
    work.refresh_from_db()
    assert work.status == WorkProgrammeItem.Status.PLANNED and work.timing == WorkProgrammeItem.Timing.TBC
    assert "cancelled" in work.reason


def test_the_brief_shows_the_work_programme_item_on_its_meeting(chair, committee, next_meeting):
    work = WorkProgrammeItem.promise(committee, "Housing for care leavers", WorkProgrammeItem.Timing.TBC)
    work.schedule_onto(next_meeting, work.version)
    page = chair.get(reverse("actions:brief", args=[committee.slug])).content.decode()
    assert "Housing for care leavers" in page and "on the agenda as item" in page


def test_the_work_programme_is_for_council_users_and_changed_only_by_clerks(councillor, anonymous, committee):
    work = WorkProgrammeItem.promise(committee, "Housing for care leavers", WorkProgrammeItem.Timing.TBC)
    url = reverse("meetings:work_programme", args=[committee.slug])
    page = councillor.get(url).content.decode()
    assert "Housing for care leavers" in page and "Drop from the programme" not in page
    assert anonymous.get(url).status_code == 302
    drop = reverse("meetings:work_drop", args=[committee.slug, work.pk])
    assert councillor.post(drop, {"reason": "x", "version": work.version}).status_code == 403


# --- dates a council would accept --------------------------------------------------------------


def test_a_due_date_before_the_meeting_that_agreed_it_or_years_after_is_refused(clerk, item, past_meeting):
    resolution = Resolution.objects.create(item=item, text="Report back")
    url = reverse("actions:make_action", args=[resolution.pk])
    base = {"creates": "action", "text": "Report back", "owner": "Director", "due_meeting": "", "rag": "green"}
    for due, message in (("1900-01-01", "before the action was agreed"), ("2099-01-01", "more than 5 years after")):
        response = clerk.post(url, {**base, "due_date": due})
        assert message in response.content.decode()
    assert not Action.objects.exists()
    with pytest.raises(Exception, match="before the action was agreed"):
        Action.record(text="x", committee=item.meeting.committee, source_item=item, due_date=datetime.date(1900, 1, 1))


def test_a_discharge_dated_1900_or_in_the_future_is_refused(clerk, make_action):
    action = make_action()
    url = reverse("actions:discharge", args=[action.pk])
    tomorrow = clock.today() + datetime.timedelta(days=1)
    for on, message in (("1900-01-01", "before the action was agreed"), (f"{tomorrow}", "in the future")):
        response = clerk.post(url, {"on": on, "version": version_of(action)}, **HTMX)
        assert message in response.content.decode()
    action.refresh_from_db()
    assert action.status == Action.Status.OPEN


@pytest.mark.parametrize("day", ["0001-01-01", "1989-12-31", "2099-06-01"])
def test_meeting_dates_outside_1990_to_ten_years_ahead_are_refused(clerk, committee, next_meeting, day):
    response = clerk.post(
        reverse("meetings:meeting_create", args=[committee.slug]), {"date": day, "start_time": "18:00"}
    )
    assert "looks like a typing slip" in response.content.decode()
    response = clerk.post(
        reverse("meetings:meeting_edit", args=[next_meeting.pk]), {"starts_at": f"{day}T18:00", "version": 1}
    )
    assert "looks like a typing slip" in response.content.decode()
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize(
    "day, time, problem",
    [("2026-03-29", "01:30", "does not exist in UK time"), ("2026-10-25", "01:30", "happens twice in UK time")],
)
def test_a_time_the_clocks_skip_or_repeat_is_refused_with_the_reason(
    clerk, committee, next_meeting, day, time, problem
):
    response = clerk.post(reverse("meetings:meeting_create", args=[committee.slug]), {"date": day, "start_time": time})
    assert problem in response.content.decode()
    response = clerk.post(
        reverse("meetings:meeting_edit", args=[next_meeting.pk]), {"starts_at": f"{day}T{time}", "version": 1}
    )
    assert problem in response.content.decode()
    assert Meeting.objects.count() == 1


def test_the_importer_refuses_the_same_impossible_dates(committee):
    base = {"committee": committee.name, "items": [], "attendance": []}
    for proposal, problem in (
        ({**base, "date": "0001-01-01"}, "looks like a typing slip"),
        ({**base, "date": "2026-03-29", "start_time": "01:30"}, "does not exist in UK time"),
        (
            {
                **base,
                "date": "2026-06-01",
                "items": [{"title": "Report", "actions": [{"text": "Do it", "due": "1900-01-01"}]}],
            },
            "before the action was agreed",
        ),
    ):
        with pytest.raises(MinutesImportError, match=problem):
            create_meeting_from_proposal(proposal, committee)
    assert not Meeting.objects.exists()


def test_the_import_review_screen_refuses_an_impossible_meeting_date(clerk, committee):
    from actions import import_forms

    form = import_forms.MeetingForm({"committee": committee.pk, "date": "1066-10-14", "start_time": "10:00"})
    assert not form.is_valid() and "looks like a typing slip" in str(form.errors)
    form = import_forms.MeetingForm({"committee": committee.pk, "date": "2026-10-25", "start_time": "01:15"})
    assert not form.is_valid() and "happens twice" in str(form.errors)
