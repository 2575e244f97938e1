"""The form renderer (settings.FORM_RENDERER): Django's own, with the plain widgets drawn in Python.

A meeting workspace draws some sixty widgets (each item's minutes and resolution boxes, the vote counts, the
action rows' controls). Through Django's widget templates each cost about as much as the rest of its row, a
sixth of drawing the page. The templates of the widgets below are a line or two each, so the same HTML is
written here, character for character, by the rules the template engine applies to them (localising and
escaping as {{ }} does, |stringformat:'s' keeping safe text safe); any other widget, or an option with a
template of its own, goes through the templates as before. tests/test_form_renderer.py holds the two equal,
widget by widget and on whole pages.
"""

from types import SimpleNamespace

from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.utils.safestring import SafeData, mark_safe

WIDGETS = "django/forms/widgets/"
INPUT_TEMPLATES = {
    f"{WIDGETS}{name}.html"
    for name in ("input", "text", "hidden", "number", "email", "url", "password", "search", "tel", "checkbox")
    + ("date", "time", "datetime")
}
OPTION_TEMPLATE = f"{WIDGETS}select_option.html"
# What a {{ }} in the widget templates renders with: a Context's defaults.
_CONTEXT = SimpleNamespace(use_tz=None, use_l10n=None, autoescape=True)


def _out(value):
    """{{ value }}"""
    return render_value_in_context(value, _CONTEXT)


def _formatted(value):
    """{{ value|stringformat:'s' }}: the filter is marked is_safe, so safe text stays unescaped."""
    text = "%s" % (str(value) if isinstance(value, tuple) else value)
    return _out(mark_safe(text) if isinstance(value, SafeData) else text)


def _attrs(attrs):
    """django/forms/widgets/attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is not False:
            parts.append(f" {_out(name)}" if value is True else f' {_out(name)}="{_formatted(value)}"')
    return "".join(parts)


def _input(widget):
    value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
    return f'<input type="{_out(widget["type"])}" name="{_out(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _textarea(widget):
    value = _out(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_out(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _select(widget):
    parts = [f'<select name="{_out(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_out(group_name)}">')
        for option in options:
            value, attrs, label = _formatted(option["value"]), _attrs(option["attrs"]), _out(option["label"])
            # select_option.html ends in a line break, which its include keeps.
            parts.append(f'\n  <option value="{value}"{attrs}>{label}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _drawn_here(template_name, widget):
    if template_name in INPUT_TEMPLATES:
        return _input
    if template_name == f"{WIDGETS}textarea.html":
        return _textarea
    if template_name == f"{WIDGETS}select.html":
        options = [option for _name, group, _index in widget["optgroups"] for option in group]
        return _select if all(option["template_name"] == OPTION_TEMPLATE for option in options) else None
    return None


class PlainWidgetsRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        draw = _drawn_here(template_name, widget) if widget is not None else None
        if draw is None:
            return super().render(template_name, context, request)
        return mark_safe(draw(widget))
