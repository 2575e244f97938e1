"""Private calendar addresses: a calendar app fetches without signing in, so the address itself is the key."""

import secrets

from django.conf import settings
from django.db import models, transaction


def new_key():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a person's private calendar addresses ("my committees", "actions due").

    A feed read with it shows what its user would see signed in, no more. Revoking deletes it, so
    every address made with it stops working at once; issuing again makes a new one.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Calendar address of {self.user}"

    @classmethod
    @transaction.atomic
    def issue(cls, user):
        """A new secret for the user: any earlier address stops working."""
        cls.objects.filter(user=user).delete()
        return cls.objects.create(user=user)

    @classmethod
    def revoke(cls, user):
        return cls.objects.filter(user=user).delete()[0] > 0

    @classmethod
    def user_for(cls, key):
        """The active user whose secret this is, or None."""
        token = cls.objects.filter(key=key, user__is_active=True).select_related("user").first()
        return token.user if token else None
