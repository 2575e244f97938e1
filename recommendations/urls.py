from django.urls import path

from . import views

app_name = "recommendations"

urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/response/", views.respond, name="respond"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/progress/", views.progress, name="progress"),
    path("<int:pk>/outcome/", views.outcome, name="outcome"),
    path("from-resolution/<int:pk>/", views.make_from_resolution, name="make"),
    path("committee/<slug:slug>/", views.tracker, name="tracker"),
    path("committee/<slug:slug>/report/", views.report, name="report"),
    path("committee/<slug:slug>/csv/", views.export, {"fmt": "csv"}, name="export_csv"),
    path("committee/<slug:slug>/xlsx/", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
]
