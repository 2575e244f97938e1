from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.hooks import register_meeting_extension

        from . import visibility  # noqa: F401  (connects the signals that keep Action.public right)
        from .workspace_views import ACTIONS_ON_MEETINGS

        # Actions build on meetings: the meeting pages show them through this hook, never an import.
        register_meeting_extension(ACTIONS_ON_MEETINGS)
