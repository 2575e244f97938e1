from django.urls import path

from . import views
from .feeds import CommitteeAtomFeed, CommitteeFeed

app_name = "opendata"
oparl = "api/oparl/"

urlpatterns = [
    path("calendars/", views.calendar_addresses, name="calendars"),
    path("calendars/token/", views.calendar_token, name="calendar_token"),
    path("calendars/committees/<slug:slug>.ics", views.committee_calendar, name="committee_calendar"),
    path("calendars/<str:key>/my-committees.ics", views.my_committees_calendar, name="my_committees_calendar"),
    path("calendars/<str:key>/actions-due.ics", views.actions_due_calendar, name="actions_due_calendar"),
    path("feeds/committees/<slug:slug>/rss/", CommitteeFeed(), name="committee_rss"),
    path("feeds/committees/<slug:slug>/atom/", CommitteeAtomFeed(), name="committee_atom"),
    path("api/openapi.json", views.openapi, name="openapi"),
    path(oparl, views.system, name="system"),
    path(f"{oparl}bodies/", views.bodies, name="bodies"),
    path(f"{oparl}body/", views.body, name="body"),
    path(f"{oparl}papers/", views.papers, name="papers"),
    path(f"{oparl}organizations/", views.organizations, name="organizations"),
    path(f"{oparl}organizations/<int:pk>/", views.organization, name="organization"),
    path(f"{oparl}people/", views.people, name="people"),
    path(f"{oparl}people/<int:pk>/", views.person, name="person"),
    path(f"{oparl}memberships/", views.memberships, name="memberships"),
    path(f"{oparl}memberships/<int:pk>/", views.membership, name="membership"),
    path(f"{oparl}meetings/", views.meetings, name="meetings"),
    path(f"{oparl}meetings/<int:pk>/", views.meeting, name="meeting"),
    path(f"{oparl}agenda-items/", views.agenda_items, name="agenda_items"),
    path(f"{oparl}agenda-items/<int:pk>/", views.agenda_item, name="agenda_item"),
    path(f"{oparl}actions/", views.actions, name="actions"),
    path(f"{oparl}actions/<int:pk>/", views.action, name="action"),
    path(f"{oparl}recommendations/", views.recommendations, name="recommendations"),
    path(f"{oparl}recommendations/<int:pk>/", views.recommendation, name="recommendation"),
]
