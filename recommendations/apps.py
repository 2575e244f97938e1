from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.hooks import MeetingExtension, register_imported_item_handler, register_meeting_extension

        from .importing import make_imported
        from .searching import register_recommendations

        # Beside each resolution on the clerk's workspace: "Make this a recommendation" (a page of its own).
        register_meeting_extension(MeetingExtension(resolution_template="recommendations/resolution_tools.html"))
        # The minutes importer proposes recommendations to another body; confirmed, they are recorded here.
        register_imported_item_handler(make_imported)
        # The site search finds them, under the rule of their pages (recommendations/searching.py).
        register_recommendations()
