from django.apps import AppConfig


class ChasingConfig(AppConfig):
    name = "chasing"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Chasing owners"

    def ready(self):
        from core.hooks import register_meeting_extension

        from .views import CHASING_ON_MEETINGS

        # The clerk's "request updates" panel on the meeting workspace, through the hook (never an import).
        register_meeting_extension(CHASING_ON_MEETINGS)
