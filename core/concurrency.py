"""Optimistic locking: two people editing one record never silently overwrite each other.

Each versioned row carries an integer that goes up on every save. Whatever the door (a
workspace form, the admin, a management command, the importer), saving an existing row claims
the version the instance was loaded or rendered with, with a conditional UPDATE in the same
transaction as the write; a claim that matches no row means somebody else saved first, and the
save is refused with StaleEdit. Bulk updates that bypass save() (reordering, renumbering) bump
the version themselves with `bump_versions`.
"""

import copy
from contextlib import contextmanager

from django.db import models, transaction
from django.db.models import F


class StaleEdit(Exception):
    """The record changed (or was deleted) after the editor loaded it. `current` is None when deleted."""

    def __init__(self, current, model=None):
        self.current = current
        model = model or type(current)
        self.deleted = current is None
        what = "deleted" if self.deleted else "changed"
        super().__init__(f"{model._meta.verbose_name} was {what} by someone else")


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or kwargs.get("force_insert"):
            return super().save(*args, **kwargs)
        model = type(self)
        held = self.__dict__.pop("_held_version", None)
        if (
            held is not None
            and held == self.version
            and transaction.get_connection(kwargs.get("using")).in_atomic_block
        ):
            # The caller locked the row at this version in this transaction (hold_row): nobody else can have
            # saved since, so the claim would only repeat the check the lock made.
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
            return super().save(*args, **kwargs)
        with transaction.atomic(using=kwargs.get("using")):
            claimed = model._base_manager.filter(pk=self.pk, version=self.version).update(version=F("version") + 1)
            if not claimed:
                raise StaleEdit(model._base_manager.filter(pk=self.pk).first(), model)
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
            return super().save(*args, **kwargs)

    def hold_row(self, locked):
        """Say that `locked` is this row as read with select_for_update() in the current transaction: the next
        save, in that transaction and at that version, skips its claim (the lock already guarantees it)."""
        self._held_version = locked.version

    @contextmanager
    def held_for_change(self):
        """Say that this instance is its row as read with select_for_update() in the transaction now open: the
        first verb called inside the block works from it rather than read and lock the row a second time. (Only
        the first: one that failed half-way may leave the instance changed from the row.) That verb takes no
        savepoint of its own: if it refuses, the transaction is spoiled and the caller ends it, as a view does."""
        if not transaction.get_connection().in_atomic_block:
            raise transaction.TransactionManagementError("held_for_change() needs the transaction that locked the row")
        self._held = True
        try:
            yield self
        finally:
            self.__dict__.pop("_held", None)

    def is_held(self):
        """Whether held_for_change() says this instance is its row, locked in the transaction still open."""
        return bool(self.__dict__.get("_held")) and transaction.get_connection().in_atomic_block

    def locked_row(self):
        """The row as locked in this transaction: a copy of this instance if it is held (held_for_change(), and
        only for the first verb), else read afresh with select_for_update()."""
        held = self.is_held()
        self.__dict__.pop("_held", None)
        return copy.copy(self) if held else type(self)._default_manager.select_for_update().get(pk=self.pk)

    def save_versioned(self, expected_version, **save_kwargs):
        """Save only if nobody else saved since `expected_version` (what the form was rendered with)."""
        self.version = int(expected_version)
        self.save(**save_kwargs)

    def check_version(self, expected_version):
        """Refuse a stale page before a change that does not go through save() (a move, a delete)."""
        current = type(self)._base_manager.filter(pk=self.pk).first()
        if current is None or expected_version in (None, "") or str(current.version) != str(expected_version):
            raise StaleEdit(current, type(self))


def bump_versions(queryset):
    """For writes that bypass save(): every row they touch gets a new version, so stale forms are refused."""
    return queryset.update(version=F("version") + 1)
