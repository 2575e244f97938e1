"""Template filters for the actions app's parts of the meeting pages."""

from django import template

register = template.Library()


@register.filter
def made_from(actions, resolution):
    """The (already loaded) actions of an item that were made from this resolution."""
    return [action for action in actions if action.source_resolution_id == resolution.pk]
