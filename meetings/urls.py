from django.urls import path

from . import views, work_programme

app_name = "meetings"

meeting = "meetings/<int:pk>/"
item = "meetings/<int:meeting_pk>/items/<int:pk>/"
resolution = "meetings/<int:meeting_pk>/resolutions/<int:pk>/"

urlpatterns = [
    path("committees/", views.committee_list, name="committees"),
    path("committees/<slug:slug>/", views.committee_detail, name="committee"),
    path("committees/<slug:slug>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("committees/<slug:slug>/procedural-items/", views.committee_procedural, name="committee_procedural"),
    path("committees/<slug:slug>/work-programme/", work_programme.work_programme, name="work_programme"),
    path("committees/<slug:slug>/work-programme/add/", work_programme.work_add, name="work_add"),
    path(
        "committees/<slug:slug>/work-programme/<int:pk>/schedule/",
        work_programme.work_schedule,
        name="work_schedule",
    ),
    path("committees/<slug:slug>/work-programme/<int:pk>/defer/", work_programme.work_defer, name="work_defer"),
    path("committees/<slug:slug>/work-programme/<int:pk>/drop/", work_programme.work_drop, name="work_drop"),
    path(meeting, views.meeting_detail, name="meeting"),
    path(f"{meeting}edit/", views.meeting_edit, name="meeting_edit"),
    path(f"{meeting}status/", views.meeting_status, name="meeting_status"),
    path(f"{meeting}items/new/", views.item_add, name="item_add"),
    path(f"{meeting}items/renumber/", views.items_renumber, name="items_renumber"),
    path(f"{meeting}attendance/", views.attendance_set, name="attendance_set"),
    path(f"{meeting}attendance/add/", views.attendee_add, name="attendee_add"),
    path(f"{meeting}attendance/substitute/", views.substitute_add, name="substitute_add"),
    path(f"{meeting}attendance/public/", views.public_attendance, name="public_attendance"),
    path("meetings/<int:meeting_pk>/attendance/<int:pk>/remove/", views.attendance_remove, name="attendance_remove"),
    path(f"{meeting}declarations/add/", views.declaration_add, name="declaration_add"),
    path(
        "meetings/<int:meeting_pk>/declarations/<int:pk>/delete/", views.declaration_delete, name="declaration_delete"
    ),
    path(item, views.item_detail, name="item"),
    path(f"{item}edit/", views.item_edit, name="item_edit"),
    path(f"{item}body/", views.item_body, name="item_body"),
    path(f"{item}delete/", views.item_delete, name="item_delete"),
    path(f"{item}move/", views.item_move, name="item_move"),
    path(f"{item}minutes/", views.item_minutes, name="item_minutes"),
    path(f"{item}resolutions/add/", views.resolution_add, name="resolution_add"),
    path(f"{resolution}edit/", views.resolution_edit, name="resolution_edit"),
    path(f"{resolution}delete/", views.resolution_delete, name="resolution_delete"),
    path(f"{resolution}move/", views.resolution_move, name="resolution_move"),
    path("people/<int:pk>/", views.person_detail, name="person"),
]
