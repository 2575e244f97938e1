"""The admin as one more door: it claims versions and goes through the domain verbs like every other.

Nothing is registered here; the apps' admin modules use these pieces.
"""

from django import forms
from django.contrib import admin

STALE_ADMIN = (
    "Someone else saved this record after you opened this page, so your changes were not saved. "
    "Open the record again to see what it holds now, then make your change again."
)


class VersionedAdminForm(forms.ModelForm):
    """Carries the version the page was drawn with; a stale page is refused before anything is saved."""

    # Not "version": the admin refuses a form field named after a non-editable model field.
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["seen_version"] = self.instance.version

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            current = type(self.instance)._base_manager.filter(pk=self.instance.pk).values_list("version", flat=True)
            if data.get("seen_version") != current.first():
                raise forms.ValidationError(STALE_ADMIN, code="stale")
            self.instance.version = data["seen_version"]
        return data


class VersionedAdmin(admin.ModelAdmin):
    """The form refuses a stale page; a save racing it in the same instant is still refused by Versioned.save."""

    form = VersionedAdminForm


class ReadOnlyInline:
    """An inline that shows rows and links to their own change page, where the version guard applies."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
