"""Every message is built one way (chasing.mail): plain text and HTML, a subject with what and by when."""

import datetime
import os
import subprocess
import sys

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
    """What `make run` gets: DEBUG on, no EMAIL_BACKEND set, so mail is printed in the terminal."""
    env = {k: v for k, v in os.environ.items() if k not in ("EMAIL_BACKEND", "DEBUG")}
    code = "import scrutiny.settings as s; print(s.EMAIL_BACKEND)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "django.core.mail.backends.console.EmailBackend"
