from django.urls import include, path

from . import views

app_name = "actions"

urlpatterns = [
    path("", views.action_list, name="list"),
    path("<int:pk>/", views.action_detail, name="detail"),
    path("owners/", views.owner_suggestions, name="owner_suggestions"),
    path("mine/", views.my_actions, name="mine"),
    path("mine/<int:pk>/update/", views.owner_update, name="owner_update"),
    path("my-committees/", views.my_committees, name="my_committees"),
    path("brief/<slug:slug>/", views.brief, name="brief"),
    path("log/", views.log_index, name="log_index"),
    path("log/<slug:slug>/", views.action_log, name="log"),
    path("log/<slug:slug>/csv/", views.action_log, {"fmt": "csv"}, name="log_csv"),
    path("log/<slug:slug>/xlsx/", views.action_log, {"fmt": "xlsx"}, name="log_xlsx"),
    path("", include("actions.urls_workspace")),
    path("import/", include("actions.urls_import")),
]
