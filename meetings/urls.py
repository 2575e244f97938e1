from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("committees/", views.committee_list, name="committees"),
    path("committees/<slug:slug>/", views.committee_detail, name="committee"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:meeting_pk>/items/<int:pk>/", views.item_detail, name="item"),
    path("people/<int:pk>/", views.person_detail, name="person"),
]
