from django.apps import AppConfig
from django.db.models.signals import post_migrate


def grant_clerk_permissions(sender, **kwargs):
    """Clerks use the Django admin as their fallback, so their group holds every permission on our models."""
    from django.contrib.auth.models import Group, Permission

    clerks = Group.objects.filter(name="Clerk").first()
    if clerks is None:
        return
    permissions = Permission.objects.filter(content_type__app_label__in=["meetings", "actions"])
    clerks.permissions.add(*permissions)


class MeetingsConfig(AppConfig):
    name = "meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(grant_clerk_permissions, dispatch_uid="grant_clerk_permissions")
