"""Where an app that builds on meetings adds to a meeting's pages, without meetings importing it.

The meeting pages (the clerk's workspace and the public record) ask every registered
MeetingExtension for what it adds: a queryset step for the agenda items (e.g. prefetch each
item's actions), context for the page (e.g. the matters arising), and templates to include at
fixed places. An app registers in its AppConfig.ready(); the actions app's extension is
`actions.workspace_views.ActionsOnMeetings`.

The places, in templates/meetings/workspace.html and meeting_detail.html:
- `section_template`: a section of the workspace after the declarations;
- `item_template`: under each agenda item in the workspace;
- `resolution_template`: beside each resolution's tools in the workspace;
- `public_item_template`: under each agenda item on the meeting's public record;
- `item_summary_template`: at the end of each item's one-line summary in the workspace (e.g. its count of actions);
- `resolution_footer_template`: under each resolution in the workspace (e.g. the actions made from it).
"""

from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class MeetingExtension:
    section_template: str = ""
    item_template: str = ""
    resolution_template: str = ""
    public_item_template: str = ""
    item_summary_template: str = ""
    resolution_footer_template: str = ""

    def agenda_items(self, items):
        """The meeting's agenda-item queryset, with what this extension's templates need."""
        return items

    def context(self, meeting):
        """Extra context for the clerk's workspace."""
        return {}

    def item_stake(self, user):
        """A Q over agenda items in which `user` has a stake through this app (the need-to-know rule)."""
        return Q(pk__in=[])


meeting_extensions: list[MeetingExtension] = []


def register_meeting_extension(extension):
    if extension not in meeting_extensions:
        meeting_extensions.append(extension)


def agenda_items(items):
    for extension in meeting_extensions:
        items = extension.agenda_items(items)
    return items


def workspace_context(meeting):
    context = {"meeting_extensions": meeting_extensions}
    for extension in meeting_extensions:
        context.update(extension.context(meeting))
    return context


# Called for each agenda item the minutes importer creates, with the confirmed entry for it (its JSON, e.g.
# "recommendations") and the clerk: an app that builds on the importer's output registers here.
imported_item_handlers: list = []


def register_imported_item_handler(handler):
    if handler not in imported_item_handlers:
        imported_item_handlers.append(handler)


# Called by load_demo (actions) with its Demo once the demo council is built: an app above actions adds its
# own demo records here (e.g. recommendations/demo.py).
demo_loaders: list = []


def register_demo_loader(loader):
    if loader not in demo_loaders:
        demo_loaders.append(loader)
