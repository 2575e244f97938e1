"""What anonymous visitors see: published business only, never an exempt item, in every format."""

import io

import openpyxl
import pytest
from django.urls import reverse

from actions.models import Action
from meetings.models import Committee
from tests.conftest import content

PUBLIC_TEXT = "Improvement Plan to be sent to all councillors"
EXEMPT_TEXT = "Renegotiate the secret residential care contract"
DRAFT_TEXT = "Draft business action not yet published"


@pytest.fixture
def mixed(make_action, exempt_item, unpublished_item):
    return {
        "public": make_action(text=PUBLIC_TEXT),
        "exempt": make_action(text=EXEMPT_TEXT, source_item=exempt_item),
        "draft": make_action(text=DRAFT_TEXT, source_item=unpublished_item),
    }


def everything_in(response):
    """All the text a visitor could read from a response, whatever its format."""
    if response["Content-Type"].startswith("application/vnd.openxml"):
        sheet = openpyxl.load_workbook(io.BytesIO(content(response))).active
        return " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None)
    return content(response).decode("utf-8")


FORMATS = ["log", "log_csv", "log_xlsx"]


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("show", ["outstanding", "all"])
def test_public_action_log_never_leaks_exempt_or_unpublished_actions(anonymous, committee, mixed, name, show):
    response = anonymous.get(reverse(f"actions:{name}", args=[committee.slug]), {"show": show})
    assert response.status_code == 200
    text = everything_in(response)
    assert PUBLIC_TEXT in text and mixed["public"].reference in text
    for hidden in ("exempt", "draft"):
        assert mixed[hidden].text not in text
        assert mixed[hidden].reference not in text
    assert "Secret contract negotiation" not in text  # the exempt item's title
    assert "Draft business" not in text


@pytest.mark.parametrize("name", FORMATS)
def test_public_discharged_log_never_leaks_either(anonymous, committee, mixed, name):
    for action in mixed.values():
        action.discharge(note="Done")
    text = everything_in(anonymous.get(reverse(f"actions:{name}", args=[committee.slug]), {"show": "discharged"}))
    assert PUBLIC_TEXT in text
    assert EXEMPT_TEXT not in text and DRAFT_TEXT not in text


@pytest.mark.parametrize("client_name", ["councillor", "clerk"])
@pytest.mark.parametrize("name", FORMATS)
def test_members_and_clerks_see_exempt_and_unpublished_actions_in_every_format(
    request, committee, mixed, client_name, name
):
    client = request.getfixturevalue(client_name)
    text = everything_in(client.get(reverse(f"actions:{name}", args=[committee.slug]), {"show": "all"}))
    for action in mixed.values():
        assert action.text in text


@pytest.mark.parametrize("name", FORMATS)
def test_an_officer_without_a_need_to_know_sees_what_the_public_sees_in_every_format(
    officer, anonymous, committee, mixed, name
):
    url = reverse(f"actions:{name}", args=[committee.slug])
    theirs, public = (everything_in(client.get(url, {"show": "all"})) for client in (officer, anonymous))
    hidden = [action for action in mixed.values() if action.text not in public]
    assert hidden, "the fixture has exempt and unpublished actions"
    for action in mixed.values():
        assert (action.text in theirs) == (action.text in public), action.text


def test_exempt_items_are_marked_for_council_users(councillor, committee, mixed):
    page = councillor.get(reverse("actions:log", args=[committee.slug])).content.decode()
    assert "Secret contract negotiation" in page and "tag-exempt" in page


def test_public_list_and_search_never_find_hidden_actions(anonymous, mixed):
    for query in ({}, {"q": "secret"}, {"q": "draft"}, {"overdue": "on"}):
        page = anonymous.get(reverse("actions:list"), query).content.decode()
        assert EXEMPT_TEXT not in page and DRAFT_TEXT not in page


def test_public_action_pages_404_for_hidden_actions(anonymous, mixed):
    assert anonymous.get(mixed["public"].get_absolute_url()).status_code == 200
    assert anonymous.get(mixed["exempt"].get_absolute_url()).status_code == 404
    assert anonymous.get(mixed["draft"].get_absolute_url()).status_code == 404


def test_public_home_links_each_committee_to_its_action_log(anonymous, committee, other_committee):
    page = anonymous.get("/").content.decode()
    assert reverse("actions:log", args=[committee.slug]) in page
    assert reverse("actions:log", args=[other_committee.slug]) in page
    assert reverse("actions:log_index") in page  # in the navigation


def test_log_index_lists_every_committee(anonymous, committee, other_committee):
    page = anonymous.get(reverse("actions:log_index")).content.decode()
    for c in Committee.objects.all():
        assert c.name in page


def test_private_pages_send_the_public_to_sign_in(anonymous, committee, mixed):
    for path in (
        reverse("actions:mine"),
        reverse("actions:my_committees"),
        reverse("actions:brief", args=[committee.slug]),
    ):
        response = anonymous.get(path)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), path


def test_signed_in_user_without_a_role_cannot_open_the_brief(committee, django_user_model, client):
    user = django_user_model.objects.create_user("visitor", password="secret-pass-123")
    client.force_login(user)
    assert client.get(reverse("actions:brief", args=[committee.slug])).status_code == 403


def test_a_role_less_user_sees_only_public_actions(committee, mixed, django_user_model, client):
    client.force_login(django_user_model.objects.create_user("visitor", password="secret-pass-123"))
    page = client.get(reverse("actions:log", args=[committee.slug]), {"show": "all"}).content.decode()
    assert PUBLIC_TEXT in page and EXEMPT_TEXT not in page and DRAFT_TEXT not in page
    assert Action.objects.count() == 3
