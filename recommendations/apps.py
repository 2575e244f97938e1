from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.hooks import MeetingExtension, register_meeting_extension

        # Beside each resolution on the clerk's workspace: "Make this a recommendation" (a page of its own).
        register_meeting_extension(MeetingExtension(resolution_template="recommendations/resolution_tools.html"))
