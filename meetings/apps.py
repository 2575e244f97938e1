from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_role_groups(sender, **kwargs):
    """The role groups always exist (also after a test flush), and clerks hold every permission on our
    models because the Django admin is their fallback."""
    from django.contrib.auth.models import Group, Permission

    from .roles import CLERK, ROLE_GROUPS

    # Django sends this once per app; by the last of ours every permission we grant exists.
    if sender.label != "actions":
        return
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)
    clerks = Group.objects.get(name=CLERK)
    permissions = Permission.objects.filter(content_type__app_label__in=["meetings", "actions"])
    clerks.permissions.add(*permissions)


class MeetingsConfig(AppConfig):
    name = "meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(ensure_role_groups, dispatch_uid="ensure_role_groups")
