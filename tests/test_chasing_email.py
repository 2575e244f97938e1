"""Every message is built one way (chasing.mail): plain text and HTML, a subject with what and by when."""

import datetime

from chasing import mail

from .chasing_helpers import parts, subject


def test_a_message_arrives_through_smtp_with_both_parts_subject_and_council_name(smtp_inbox, settings, db):
    settings.COUNCIL_NAME = "Borsetshire County Council"
    by = datetime.date(2027, 3, 12)
    context = {"owner": type("P", (), {"display_name": "Dana"})(), "actions": [], "link": "http://x/chasing/update/t/"}
    mail.send("update_request", context, ["dana@council.example"], "Update needed on 0 actions", by=by)
    ((to, message),) = smtp_inbox.received
    assert to == ["dana@council.example"]
    assert subject(message) == "Update needed on 0 actions by 12 March 2027 – Borsetshire County Council"
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert message.is_multipart() and message.get_content_type() == "multipart/alternative"
    text, html = parts(message)
    assert "Borsetshire County Council" in text and "12 March 2027" in text
    assert "<strong>12 March 2027</strong>" in html and "Borsetshire County Council" in html


def test_the_console_backend_is_the_default_while_trying_the_app_out():
    import importlib
    import os

    from scrutiny import settings as project_settings

    saved = os.environ.pop("EMAIL_BACKEND", None)
    try:
        importlib.reload(project_settings)
        assert project_settings.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    finally:
        if saved is not None:
            os.environ["EMAIL_BACKEND"] = saved
        importlib.reload(project_settings)
