"""Keeping Action.public and Action.source_meeting right (issue 10c).

They are copies of the source item's answers: whether the public may see the action (the live rule, action_q for
an anonymous visitor) and the item's meeting. The lists read them (ActionQuerySet.visible_to) so that checking
who may see a row does not join every outstanding row to its item and meeting. Every change that can move them
rewrites them from the live rule, in the same transaction as the change:

- an action saved new, or saved in full, or with its source item among the columns written (Action.save);
- an agenda item saved (its exemption, its meeting) or a meeting saved (its status), and the same fields
  changed in bulk (meetings.models.visibility_changed, sent by their QuerySet.update());
- bulk inserts (the scale generator) call refresh() on what they inserted.

A verb's save names the columns it changed and never these two, so it neither pays for this nor writes back a
copy it loaded before somebody else changed the item.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.signals import post_save
from django.dispatch import receiver

from meetings.models import AgendaItem, Meeting, visibility_changed

STORED = {"public", "source_meeting", "source_meeting_id"}
MOVES_THEM = {"source_item", "source_item_id"} | STORED


def refresh(actions):
    """Rewrite the copies of `actions` (a queryset, of the live model or a migration's) from the live rule: one
    UPDATE."""
    from .models import action_q

    model = actions.model
    public = model._base_manager.filter(action_q(AnonymousUser()), pk=OuterRef("pk"))
    items = model._meta.get_field("source_item").related_model._base_manager
    meeting = items.filter(pk=OuterRef("source_item_id")).values("meeting_id")[:1]
    return actions.order_by().update(public=Exists(public), source_meeting=Subquery(meeting))


def after_save(action, adding, update_fields):
    if not adding and update_fields is not None and not MOVES_THEM & set(update_fields):
        return
    from .models import Action

    refresh(Action.objects.filter(pk=action.pk))
    action.public, action.source_meeting_id = (
        Action.objects.filter(pk=action.pk).values_list("public", "source_meeting_id").get()
    )


def _actions_of(sender, pks):
    from .models import Action

    if sender is AgendaItem:
        return Action.objects.filter(source_item__in=pks)
    return Action.objects.filter(source_item__meeting__in=pks)


@receiver(post_save, sender=AgendaItem, dispatch_uid="actions-visibility-item")
@receiver(post_save, sender=Meeting, dispatch_uid="actions-visibility-meeting")
def _item_or_meeting_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if created or raw:  # a new item or meeting has no actions yet
        return
    if update_fields is not None and not {"exempt", "meeting", "meeting_id", "status"} & set(update_fields):
        return
    refresh(_actions_of(sender, [instance.pk]))


@receiver(visibility_changed, dispatch_uid="actions-visibility-bulk")
def _changed_in_bulk(sender, pks, **kwargs):
    if sender in (AgendaItem, Meeting):
        refresh(_actions_of(sender, pks))
