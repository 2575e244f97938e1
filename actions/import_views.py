"""The clerk's minutes import: upload or paste → review every proposal → create the draft meeting.

Nothing is stored between the steps: the review page carries the parsed proposal in a signed
hidden field, so an abandoned import leaves no trace and a tampered one is refused.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import roles
from meetings.models import Committee, Person
from meetings.people import Register

from . import import_forms as f
from .importer import MinutesImportError
from .importer.apply import (
    AlreadyImported,
    create_meeting_from_proposal,
    existing_import,
    fingerprint,
    match_committee,
)

REVIEW = "actions/import/review.html"
START = "actions/import/start.html"


@login_required
def import_start(request):
    roles.require_clerk(request.user)
    form = f.UploadForm(request.POST or None, request.FILES or None)
    if not form.is_valid():
        return render(request, START, {"form": form}, status=400 if form.is_bound else 200)
    register = Register()
    read = form.read(known_people=[p.name for p in register.people])
    if read is None:
        return render(request, START, {"form": form}, status=400)
    text, proposal = read
    committee = form.cleaned_data["committee"] or match_committee(proposal.get("committee"))
    payload = {"proposal": proposal, "fingerprint": fingerprint(text), "committee": committee and committee.pk}
    review = Review(payload, register)
    return render(request, REVIEW, review.context(duplicate=review.duplicate(committee)))


@login_required
@require_POST
def import_confirm(request):
    roles.require_clerk(request.user)
    try:
        payload = f.read_payload(request.POST.get("payload"))
    except signing.BadSignature:
        problem = "The review page was changed or is more than a day old, so nothing was imported. Please start again."
        return render(request, START, {"form": f.UploadForm(), "problem": problem}, status=400)
    review = Review(payload, Register(), data=request.POST)
    if not review.is_valid():
        return render(request, REVIEW, review.context(), status=400)
    committee = review.meeting_form.cleaned_data["committee"]
    try:
        meeting = create_meeting_from_proposal(review.proposal(), committee, request.user, payload["fingerprint"])
    except AlreadyImported as exc:
        return render(request, REVIEW, review.context(duplicate=exc.meeting), status=409)
    except MinutesImportError as exc:
        review.meeting_form.add_error(None, str(exc))
        return render(request, REVIEW, review.context(), status=400)
    messages.success(request, f"Imported the minutes as a draft: {meeting}. Check them, then approve and publish.")
    return redirect(meeting)


class Review:
    """The review page's forms, built from the signed proposal, and the proposal they make once confirmed."""

    def __init__(self, payload, register, data=None):
        self.payload, self.register, self.data = payload, register, data
        parsed = payload["proposal"]
        self.meeting_form = f.MeetingForm(data, prefix="meeting", initial=_meeting_initial(payload))
        self.attendance = [
            f.AttendanceForm(
                data, prefix=f"att-{i}", initial=self._attendee_initial(row), candidates=self._candidates(row)
            )
            for i, row in enumerate(parsed.get("attendance") or [])
        ]
        self.declarations = [
            f.DeclarationForm(data, prefix=f"dec-{i}", initial=row)
            for i, row in enumerate(parsed.get("declarations") or [])
        ]
        self.items = [self._item_forms(i, item) for i, item in enumerate(parsed.get("items") or [])]

    def _item_forms(self, i, item):
        return {
            "form": f.ItemForm(self.data, prefix=f"item-{i}", initial=item),
            "resolutions": [
                f.ResolutionForm(self.data, prefix=f"res-{i}-{j}", initial={"text": text})
                for j, text in enumerate(item.get("resolutions") or [])
            ],
            "actions": [
                f.ActionForm(self.data, prefix=f"act-{i}-{j}", initial=action)
                for j, action in enumerate(item.get("actions") or [])
            ],
            "standing": [
                f.StandingItemForm(self.data, prefix=f"std-{i}-{j}", initial={"title": title})
                for j, title in enumerate(item.get("standing_items") or [])
            ],
            "recommendations": [
                f.RecommendationRowForm(self.data, prefix=f"rec-{i}-{j}", initial=row)
                for j, row in enumerate(item.get("recommendations") or [])
            ],
        }

    def _candidates(self, row):
        best = self.register.match(row.get("name"))
        surname = (row.get("name") or "").split()[-1:]
        others = [p for p in self.register.people if p is not best and p.name.split()[-1:] == surname]
        return ([best] if best else []) + others[:5]

    def _attendee_initial(self, row):
        best = self.register.match(row.get("name"))
        return {**row, "role": row.get("role") or "", "person": str(best.pk) if best else f.NEW_PERSON}

    def all_forms(self):
        yield self.meeting_form
        yield from self.attendance
        yield from self.declarations
        for item in self.items:
            yield item["form"]
            yield from item["resolutions"] + item["actions"] + item["standing"] + item["recommendations"]

    def is_valid(self):
        return all([form.is_valid() for form in self.all_forms()])

    def duplicate(self, committee):
        date = _parse_date(self.payload["proposal"].get("date"))
        return existing_import(committee, date, self.payload["fingerprint"])

    def proposal(self):
        meeting = self.meeting_form.cleaned_data
        return {
            "committee": meeting["committee"].name,
            "date": meeting["date"].isoformat(),
            "start_time": meeting["start_time"].strftime("%H:%M"),
            "end_time": meeting["end_time"].strftime("%H:%M") if meeting["end_time"] else None,
            "attendance": [_attendee(form.cleaned_data) for form in _kept(self.attendance)],
            "declarations": [
                {"name": form.cleaned_data["name"], "item": row.get("item"), "text": form.cleaned_data["text"]}
                for form, row in zip(
                    self.declarations, self.payload["proposal"].get("declarations") or [], strict=False
                )
                if form.cleaned_data["keep"]
            ],
            "items": [_item(item) for item in self.items if item["form"].cleaned_data["keep"]],
        }

    def context(self, duplicate=None):
        return {
            "review": self,
            "forms_with_errors": [form for form in self.all_forms() if form.errors],
            "payload": f.sign_payload(self.payload),
            "people": Person.objects.filter(active=True).only("name", "job_title"),
            "duplicate": duplicate,
            "committees": Committee.objects.all(),
        }


def _kept(forms):
    return [form for form in forms if form.cleaned_data["keep"]]


def _attendee(data):
    return {
        "name": data["name"],
        "status": data["status"],
        "role": data["role"] or None,
        "title": data["title"] or None,
        "person_id": data["person"],
    }


def _item(item):
    data = item["form"].cleaned_data
    return {
        "number": data["number"] or None,
        "title": data["title"],
        "resolutions": [form.cleaned_data["text"] for form in _kept(item["resolutions"])],
        "actions": [
            {key: form.cleaned_data[key] or None for key in ("text", "owner", "due", "rag")}
            for form in _kept(item["actions"])
        ],
        "standing_items": [form.cleaned_data["title"] for form in _kept(item["standing"])],
        "recommendations": [
            {"text": form.cleaned_data["text"], "to": form.cleaned_data["to"]}
            for form in _kept(item["recommendations"])
        ],
    }


def _parse_date(value):
    try:
        return datetime.date.fromisoformat(value or "")
    except (TypeError, ValueError):
        return None


def _meeting_initial(payload):
    proposal = payload["proposal"]
    return {
        "committee": payload.get("committee"),
        "date": _parse_date(proposal.get("date")),
        "start_time": proposal.get("start_time"),
        "end_time": proposal.get("end_time"),
    }
