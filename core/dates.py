"""One date language (issue 11): the same day written the same way on every page, the brief, the log and exports.

Tables (and other tight places) use the short month, "4 Jul 2026"; prose uses GOV.UK style, "4 July 2026"
(with the weekday where a meeting's day matters, "Saturday 4 July 2026"). Template filters `table_date` and
`prose_date` (core/templatetags/scrutiny.py) call these.
"""

import datetime

from django.utils import timezone


def _day(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def table_date(value):
    day = _day(value)
    return f"{day:%-d %b %Y}" if day else ""


def prose_date(value, weekday=False):
    day = _day(value)
    if not day:
        return ""
    return f"{day:%A %-d %B %Y}" if weekday else f"{day:%-d %B %Y}"
