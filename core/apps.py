from django.apps import AppConfig
from django.db.models.signals import post_migrate

# The apps whose permissions clerks hold; the last of them to migrate triggers the grant.
ROLE_APPS = ("meetings", "actions")


def ensure_role_groups(sender, **kwargs):
    """The role groups always exist (also after a test flush), and clerks hold every permission on our
    models because the Django admin is their fallback."""
    from django.contrib.auth.models import Group, Permission

    from .roles import CLERK, ROLE_GROUPS

    # Django sends this once per app; by the last of ours every permission we grant exists.
    if sender.label != ROLE_APPS[-1]:
        return
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)
    clerks = Group.objects.get(name=CLERK)
    permissions = Permission.objects.filter(content_type__app_label__in=ROLE_APPS)
    clerks.permissions.add(*permissions)


class CoreConfig(AppConfig):
    """What both apps share: time, versions, roles and the access rule, the admin's guard, page context."""

    name = "core"
    verbose_name = "Scrutiny core"

    def ready(self):
        post_migrate.connect(ensure_role_groups, dispatch_uid="ensure_role_groups")
