from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.hooks import (
            MeetingExtension,
            register_demo_loader,
            register_imported_item_handler,
            register_meeting_extension,
        )

        from .demo import load as load_demo
        from .importing import make_imported

        # Beside each resolution on the clerk's workspace: "Make this a recommendation" (a page of its own).
        register_meeting_extension(MeetingExtension(resolution_template="recommendations/resolution_tools.html"))
        # The minutes importer proposes recommendations to another body; confirmed, they are recorded here.
        register_imported_item_handler(make_imported)
        # load_demo adds the demo's recommendations (recommendations/demo.py), through the hook.
        register_demo_loader(load_demo)
