"""Time, once: what "now", "today", "past", "next" and "overdue" mean for the whole project.

Council business runs on UK wall-clock days (settings.TIME_ZONE, Europe/London), whatever the
server's clock or zone, so every rule here is stated in local calendar days:

- today: the UK date now.
- a meeting is *upcoming* from when it is scheduled until the end of the UK day it is held
  (midnight), and *past* from then on; the *next* meeting is the earliest upcoming one that is
  not cancelled. So a meeting held this evening is still "next" until midnight, and yesterday's
  meeting is "the last meeting" from 00:00 whatever time it started.
- an outstanding action is *overdue* once the UK day it was due (its due date, or its due
  meeting's date) has ended: due today is not overdue, due yesterday is.

And the dates a council would accept, used by the models, the forms and the importer alike.
Tests freeze this clock (time-machine) rather than patching any of these functions.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

EARLIEST_MEETING = datetime.date(1990, 1, 1)
MEETINGS_AHEAD_YEARS = 10
DUE_WITHIN_YEARS = 5


def now():
    return timezone.now()


def today():
    return timezone.localdate(now())


def local_date(moment):
    return timezone.localtime(moment).date()


# Councils' annual meetings are in May, and their business is counted from then.
MUNICIPAL_YEAR_STARTS = (5, 1)


def municipal_year(day=None):
    """The first day of the municipal year that `day` (today by default) falls in."""
    day = day or today()
    year = day.year if (day.month, day.day) >= MUNICIPAL_YEAR_STARTS else day.year - 1
    return datetime.date(year, *MUNICIPAL_YEAR_STARTS)


def municipal_year_label(year):
    """'2026/27' for the municipal year that began in May 2026."""
    return f"{year}/{(year + 1) % 100:02d}"


def start_of(day):
    """The first instant of a UK calendar day (midnight always exists in London)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def end_of(day):
    return start_of(day + datetime.timedelta(days=1)) - datetime.timedelta(microseconds=1)


def _zone():
    return ZoneInfo(settings.TIME_ZONE)


def local_datetime(day, time):
    """A UK wall-clock time on a day as an aware datetime; ValidationError if it does not exist or happens twice."""
    naive = datetime.datetime.combine(day, time)
    zone = _zone()
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
        when = f"{time:%H:%M} on {day:%-d %B %Y}"
        if round_trip != naive:
            raise ValidationError(
                f"{when} does not exist in UK time: the clocks go forward an hour that night. "
                "Enter the time as the clocks showed it (an hour later).",
                code="nonexistent_time",
            )
        raise ValidationError(
            f"{when} happens twice in UK time: the clocks go back an hour that night. "
            "Enter a time outside that hour, or put a note in the minutes.",
            code="ambiguous_time",
        )
    return first


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- the dates a council would accept ----------------------------------------------------------


def check_meeting_date(day):
    latest = add_years(today(), MEETINGS_AHEAD_YEARS)
    if day < EARLIEST_MEETING or day > latest:
        raise ValidationError(
            f"A meeting date must be between {EARLIEST_MEETING:%-d %B %Y} and {latest:%-d %B %Y}; "
            f"{day:%-d %B %Y} looks like a typing slip.",
            code="meeting_date_range",
        )


def check_due_date(due, agreed_on):
    """An action falls due on or after the meeting that agreed it, and within five years of it."""
    latest = add_years(agreed_on, DUE_WITHIN_YEARS)
    if due < agreed_on:
        raise ValidationError(
            f"The due date {due:%-d %B %Y} is before the action was agreed ({agreed_on:%-d %B %Y}).",
            code="due_before_agreed",
        )
    if due > latest:
        raise ValidationError(
            f"The due date {due:%-d %B %Y} is more than {DUE_WITHIN_YEARS} years after the action was agreed "
            f"({agreed_on:%-d %B %Y}).",
            code="due_too_late",
        )


def check_discharge_date(on, agreed_on):
    """A discharge happens after the action was agreed, and not in the future."""
    if on < agreed_on:
        raise ValidationError(
            f"The discharge date {on:%-d %B %Y} is before the action was agreed ({agreed_on:%-d %B %Y}).",
            code="discharged_before_agreed",
        )
    if on > today():
        raise ValidationError(
            f"The discharge date {on:%-d %B %Y} is in the future: record it on the day, or at the meeting, "
            "that discharged it.",
            code="discharged_in_future",
        )
