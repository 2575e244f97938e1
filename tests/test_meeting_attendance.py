"""Attendance with one click, substitutes, people also in attendance, and declarations of interest."""

from django.urls import reverse

from meetings.models import Attendance, Declaration, Membership, Person

from .conftest import HTMX


def test_one_click_marks_a_member_and_swaps_only_the_attendance_section(clerk, next_meeting, members):
    url = reverse("meetings:attendance_set", args=[next_meeting.pk])
    response = clerk.post(url, {"person": members[0].pk, "status": "apologies"}, **HTMX)
    assert response.content.lstrip().startswith(b'<section id="attendance"')
    assert b"Cllr R Gold: apologies." in response.content
    assert b'aria-pressed="true"' in response.content
    clerk.post(url, {"person": members[0].pk, "status": "present"})
    assert Attendance.objects.get(person=members[0]).status == "present"


def test_a_member_with_two_current_memberships_has_one_row_under_the_senior_role(clerk, next_meeting, members):
    Membership.objects.create(person=members[1], committee=next_meeting.committee, role=Membership.Role.CHAIR)
    page = clerk.get(next_meeting.get_absolute_url()).content.decode()
    attendance = page[page.index('id="attendance"') : page.index('id="declarations"')]
    assert attendance.count(f'id="attendance-{members[1].pk}"') == 1
    row = attendance[attendance.index(f'id="attendance-{members[1].pk}"') :]
    assert '<span class="hint"> Chair</span>' in row[: row.index("</tr>")]


def test_only_one_member_is_in_the_chair(clerk, next_meeting, members):
    url = reverse("meetings:attendance_set", args=[next_meeting.pk])
    clerk.post(url, {"person": members[0].pk, "status": "chair"}, **HTMX)
    clerk.post(url, {"person": members[1].pk, "status": "chair"}, **HTMX)
    chairs = Attendance.objects.filter(meeting=next_meeting, in_chair=True)
    assert [a.person for a in chairs] == [members[1]] and chairs[0].status == "present"


def test_unknown_attendance_status_is_refused(clerk, next_meeting, members):
    url = reverse("meetings:attendance_set", args=[next_meeting.pk])
    assert clerk.post(url, {"person": members[0].pk, "status": "asleep"}, **HTMX).status_code == 400
    assert not Attendance.objects.exists()


def test_substitute_is_recorded_as_cllr_x_for_cllr_y(clerk, next_meeting, members):
    sub = Person.objects.create(name="D Quinn", kind=Person.Kind.COUNCILLOR)
    url = reverse("meetings:substitute_add", args=[next_meeting.pk])
    response = clerk.post(url, {"person": sub.pk, "substitute_for": members[2].pk}, **HTMX)
    assert b"Cllr D Quinn for Cllr M Smith (substitute)" in response.content
    assert Attendance.objects.get(person=members[2]).status == "apologies"
    response = clerk.post(url, {"person": members[2].pk, "substitute_for": members[2].pk}, **HTMX)
    assert b"cannot substitute for themselves" in response.content
    assert Attendance.objects.count() == 2


def test_officer_also_in_attendance_from_the_register_or_added_inline(clerk, next_meeting):
    officer = Person.objects.create(name="Jacqui Dennis", job_title="Director of Law")
    url = reverse("meetings:attendee_add", args=[next_meeting.pk])
    clerk.post(url, {"person": officer.pk, "new_kind": "officer"}, **HTMX)
    response = clerk.post(
        url, {"new_name": "T Tariq", "new_kind": "councillor", "capacity": "Cabinet Member for Children"}, **HTMX
    )
    assert b"Cllr T Tariq" in response.content and b"Cabinet Member for Children" in response.content
    assert set(next_meeting.attendances.values_list("status", flat=True)) == {"in_attendance"}
    assert Person.objects.filter(name="T Tariq", kind="councillor").exists()


def test_attendee_needs_exactly_one_of_register_or_new_name(clerk, next_meeting):
    officer = Person.objects.create(name="Jacqui Dennis")
    people = Person.objects.count()
    url = reverse("meetings:attendee_add", args=[next_meeting.pk])
    response = clerk.post(url, {"person": officer.pk, "new_name": "Someone", "new_kind": "officer"})
    assert response.status_code == 200 and b"not both" in response.content
    assert not Attendance.objects.exists() and Person.objects.count() == people


def test_remove_attendance_and_save_the_public_attendance_note(clerk, next_meeting, members):
    attendance = Attendance.objects.create(meeting=next_meeting, person=members[0])
    clerk.post(reverse("meetings:attendance_remove", args=[next_meeting.pk, attendance.pk]), **HTMX)
    assert not Attendance.objects.exists()
    url = reverse("meetings:public_attendance", args=[next_meeting.pk])
    response = clerk.post(url, {"public_attendance": "Two members of the public.", "version": 1}, **HTMX)
    assert b"Public attendance saved." in response.content
    response = clerk.post(url, {"public_attendance": "Stale note", "version": 1}, **HTMX)
    next_meeting.refresh_from_db()
    assert next_meeting.public_attendance == "Two members of the public."
    assert b"Someone else saved this" in response.content


def test_declaration_per_person_and_item_with_type(clerk, next_meeting, next_item, members):
    url = reverse("meetings:declaration_add", args=[next_meeting.pk])
    data = {"person": members[1].pk, "item": next_item.pk, "type": "dpi", "text": "Employed by a care provider"}
    response = clerk.post(url, data, **HTMX)
    assert b"Declaration by Cllr T Pilkington recorded." in response.content
    declaration = Declaration.objects.get()
    assert (declaration.item, declaration.type) == (next_item, "dpi")
    clerk.post(reverse("meetings:declaration_delete", args=[next_meeting.pk, declaration.pk]))
    assert not Declaration.objects.exists()


def test_declaration_without_text_is_refused_both_ways(clerk, next_meeting, members):
    url = reverse("meetings:declaration_add", args=[next_meeting.pk])
    data = {"person": members[1].pk, "type": "personal", "text": ""}
    assert b"There is a problem" in clerk.post(url, data, **HTMX).content
    page = clerk.post(url, data)
    assert page.status_code == 200 and b"<html" in page.content and b"This field is required" in page.content
    assert not Declaration.objects.exists()


def test_declaration_on_another_meetings_item_is_refused(clerk, next_meeting, item, members):
    url = reverse("meetings:declaration_add", args=[next_meeting.pk])
    clerk.post(url, {"person": members[1].pk, "item": item.pk, "type": "personal", "text": "x"})
    assert not Declaration.objects.exists()
