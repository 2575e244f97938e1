from django.urls import include, path

from . import views

app_name = "actions"

urlpatterns = [
    path("<int:pk>/", views.action_detail, name="detail"),
    path("", include("actions.urls_workspace")),
    path("import/", include("actions.urls_import")),
]
