from django.contrib import admin

from .models import Body


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    """Clerks keep the bodies recommendations go to, and each one's response period."""

    list_display = ["name", "kind", "response_days"]
