from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from . import signals, sources  # noqa: F401  (the built-in sources register; the signals connect)
        from .recommendations import register_recommendations

        register_recommendations()
