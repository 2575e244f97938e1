from django.urls import path

from . import views

app_name = "chasing"

urlpatterns = [
    path("update/<str:token>/", views.update_page, name="update"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
    path("meetings/<int:pk>/request-updates/", views.request_updates, name="request_updates"),
    path("requests/<int:pk>/remind/", views.remind, name="remind"),
    path("requests/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("owners-who-cannot-be-chased/", views.unchaseable, name="unchaseable"),
    path("email-preferences/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
