"""Optimistic locking: two clerks editing one record never silently overwrite each other.

Each versioned row carries an integer that goes up on every save. A form remembers the
version it was rendered with; saving claims that version with a conditional UPDATE, and
a claim that matches no row means somebody else saved first.
"""

from django.db import models, transaction
from django.db.models import F


class StaleEdit(Exception):
    """The record changed after the editor loaded it."""

    def __init__(self, current):
        self.current = current
        super().__init__(f"{current._meta.verbose_name} was changed by someone else")


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save_versioned(self, expected_version, **save_kwargs):
        """Save only if nobody else saved since `expected_version`; raise StaleEdit otherwise."""
        with transaction.atomic():
            claimed = type(self).objects.filter(pk=self.pk, version=expected_version).update(version=F("version") + 1)
            if not claimed:
                raise StaleEdit(type(self).objects.get(pk=self.pk))
            self.version = int(expected_version) + 1
            self.save(**save_kwargs)
