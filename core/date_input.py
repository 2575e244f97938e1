"""The GOV.UK date-input pattern (day, month and year boxes) as a reusable Django widget and form field, with the
Design System's error messages: "Due date must include a month", "Due date must be a real date".

The browser's own date picker shows mm/dd/yyyy in some locales; three labelled boxes read the same everywhere.
includes/field.html draws the widget inside a fieldset whose legend is the field's label.
"""

import datetime

from django import forms
from django.template import loader
from django.utils.safestring import mark_safe

PARTS = ("day", "month", "year")


class DateInputWidget(forms.MultiWidget):
    template_name = "includes/date_input.html"
    is_date_input = True  # includes/field.html draws a fieldset and legend for it

    def __init__(self, attrs=None):
        box = {"inputmode": "numeric", "class": "date-input-box", "autocomplete": "off"}
        widgets = {
            "day": forms.TextInput({**box, "class": "date-input-box width-2", "maxlength": 2}),
            "month": forms.TextInput({**box, "class": "date-input-box width-2", "maxlength": 2}),
            "year": forms.TextInput({**box, "class": "date-input-box width-4", "maxlength": 4}),
        }
        super().__init__(widgets, attrs)

    def _render(self, template_name, context, renderer=None):
        # The project's templates, not the form renderer's own directory of Django's widgets.
        return mark_safe(loader.render_to_string(template_name, context))

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:  # an ISO date from initial data or a query string
            year, month, day = value.split("-")
            return [day.lstrip("0"), month.lstrip("0"), year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        values = super().value_from_datadict(data, files, name)
        if not any(values) and data.get(name):  # a single ISO value (an old link, a test) still reads
            return self.decompress(data.get(name))
        return values

    def id_for_label(self, id_):
        return f"{id_}_0" if id_ else id_  # MultiWidget numbers its boxes: the day is _0


class DateInputField(forms.Field):
    """A date from three boxes; a missing part or an impossible date gets the GOV.UK message for it."""

    widget = DateInputWidget

    def to_python(self, value):
        parts = [str(v).strip() if v is not None else "" for v in (value or ["", "", ""])]
        if not any(parts):
            return None
        label = self.label or "Date"
        missing = [name for name, part in zip(PARTS, parts, strict=True) if not part]
        if missing:
            raise forms.ValidationError(f"{label} must include a {' and '.join(missing)}", code="incomplete")
        if not all(part.isdigit() for part in parts):
            raise forms.ValidationError(f"{label} must be a real date", code="invalid")
        day, month, year = (int(part) for part in parts)
        if len(parts[2]) != 4:
            raise forms.ValidationError("Year must include 4 numbers", code="year")
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(f"{label} must be a real date", code="invalid") from None

    def validate(self, value):
        if value is None and self.required:
            raise forms.ValidationError(f"Enter the {(self.label or 'date').lower()}", code="required")
