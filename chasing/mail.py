"""Every message Scrutiny sends, built one way: a plain-text and an HTML part from templates, a subject that
says what is wanted and by when, and the council's name. Sent through Django's configured EMAIL_BACKEND."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from core.dates import prose_date


def subject_for(wanted, by=None):
    """'Update needed on 2 actions by 12 March 2027 – Demo Borough Council'."""
    when = f" by {prose_date(by)}" if by else ""
    return f"{wanted}{when} – {settings.COUNCIL_NAME}"


def absolute(path):
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def build(template, context, to, wanted, by=None, cc=(), headers=None):
    """One message from templates/chasing/email/<template>.txt and .html."""
    context = {**context, "council_name": settings.COUNCIL_NAME, "by": by, "wanted": wanted}
    message = EmailMultiAlternatives(
        subject=subject_for(wanted, by),
        body=render_to_string(f"chasing/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        cc=list(cc),
        headers=headers or {},
    )
    message.attach_alternative(render_to_string(f"chasing/email/{template}.html", context), "text/html")
    return message


def send(template, context, to, wanted, by=None, cc=(), headers=None):
    message = build(template, context, to, wanted, by=by, cc=cc, headers=headers)
    message.send()
    return message
