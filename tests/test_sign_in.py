"""Password guessing is stopped (django-axes), for the site's sign-in and the admin's, and a forgotten
password is reset by email."""

import re
import socket

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from .conftest import make_user

RIGHT = "secret-pass-123"


@pytest.fixture
def kelly(db):
    user = make_user("clerk", "Clerk")
    user.email = "kelly.barnett@example.gov.uk"
    user.save()
    return user


def sign_in(client, username, password, url=None):
    return client.post(url or reverse("login"), {"username": username, "password": password})


def test_five_wrong_passwords_pause_sign_in_for_that_user_even_with_the_right_one(kelly, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "clerk", "guess").status_code == 200
    assert sign_in(client, "clerk", "guess").status_code == 429  # the last allowed failure pauses sign-in
    response = sign_in(client, "clerk", RIGHT)
    assert response.status_code == 429 and "Sign-in is paused" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_address_guessing_many_user_names_is_paused_too(kelly, settings):
    client = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"someone{n}", "guess")
    assert sign_in(client, "clerk", RIGHT).status_code == 429


def test_behind_a_proxy_one_guessing_address_does_not_pause_everyone_else(kelly, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1  # as AXES_PROXY_COUNT=1 sets them
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    guesser = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1")
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(guesser, f"someone{n}", "guess")
    colleague = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 10.0.0.1")
    assert sign_in(colleague, "clerk", RIGHT).status_code == 302
    assert sign_in(guesser, "clerk", RIGHT).status_code == 429


def test_without_a_proxy_a_forged_forwarded_address_does_not_dodge_the_pause(kelly, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        forger = Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        sign_in(forger, f"someone{n}", "guess")
    assert (
        sign_in(Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="192.0.2.1"), "clerk", RIGHT).status_code == 429
    )


def test_a_few_wrong_passwords_then_the_right_one_signs_in(kelly, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "clerk", "guess")
    assert sign_in(client, "clerk", RIGHT).status_code == 302


def test_the_admin_sign_in_is_covered_too(db, settings):
    User.objects.create_superuser("admin", password=RIGHT)
    client = Client()
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "admin", "guess", url)
    assert sign_in(client, "admin", RIGHT, url).status_code == 429


def test_a_forgotten_password_is_reset_through_a_link_sent_by_email(kelly):
    client = Client()
    assert 'href="/accounts/password-reset/"' in client.get(reverse("login")).content.decode()
    response = client.post(reverse("password_reset"), {"email": "kelly.barnett@example.gov.uk"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kelly.barnett@example.gov.uk"] and "new password" in message.subject
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Set a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password", "new_password2": "a-new-long-password"},
    )
    assert done.status_code == 302 and done.url == reverse("password_reset_complete")
    assert sign_in(Client(), "clerk", "a-new-long-password").status_code == 302


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on this machine (aiosmtpd), and the app set to send to it as in production."""
    from aiosmtpd.controller import Controller

    received = []

    class Inbox:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope)
            return "250 Message accepted for delivery"

    with socket.socket() as probe:  # a free port on this machine
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    yield received
    controller.stop()


def test_the_reset_email_goes_out_over_smtp(kelly, smtp_server):
    Client().post(reverse("password_reset"), {"email": "kelly.barnett@example.gov.uk"})
    assert len(smtp_server) == 1
    envelope = smtp_server[0]
    assert envelope.rcpt_tos == ["kelly.barnett@example.gov.uk"]
    assert b"/accounts/reset/" in envelope.content and b"Set a new password for Scrutiny" in envelope.content


def test_an_unknown_address_gets_the_same_answer_and_no_email(db):
    response = Client().post(reverse("password_reset"), {"email": "nobody@example.gov.uk"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert mail.outbox == []
