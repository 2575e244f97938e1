// Small progressive enhancements; every page works without this file.
htmx.config.includeIndicatorStyles = false;

// After an in-place swap, move focus to the swapped content's marked element so keyboard
// and screen-reader users land where the change happened.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.elt;
  if (!target || !target.querySelector) return;
  var focus = target.querySelector("[data-focus-after-swap]") || target.querySelector("[data-error-summary]");
  if (focus) {
    if (!focus.hasAttribute("tabindex")) focus.setAttribute("tabindex", "-1");
    focus.focus();
  }
});

// A form swapped into the page (edit an item, make an action) takes focus on its first field,
// unless the response marked its own focus point; an error summary always wins.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.elt;
  if (!target || !target.querySelector) return;
  var summary = target.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); return; }
  if (target.querySelector("[data-focus-after-swap]")) return;
  var field = target.querySelector("form[data-focus-first] input:not([type=hidden]), form[data-focus-first] select, form[data-focus-first] textarea");
  if (field) field.focus();
});

// Cancel on a swapped-in form just removes it; without JavaScript the link goes back to the meeting.
document.addEventListener("click", function (event) {
  var cancel = event.target.closest && event.target.closest("[data-cancel-form]");
  if (!cancel || !cancel.closest("[id]")) return;
  var form = cancel.closest("form");
  if (!form || !form.parentElement || form.parentElement.tagName === "MAIN") return;
  event.preventDefault();
  form.remove();
});

// Ctrl+Enter (Cmd+Enter on a Mac) in a workspace text box saves it: no reach for the mouse mid-meeting.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
  var field = event.target;
  if (field.tagName !== "TEXTAREA" || !field.form) return;
  event.preventDefault();
  field.form.requestSubmit();
});

// A swap that redraws a larger part of the page (moving or deleting an agenda item redraws the
// agenda) must not throw away what the clerk has typed but not yet saved elsewhere in it.
// Unsaved text is any field whose value differs from what the server rendered. The version its form
// was drawn with comes back too, so saving it later is refused if someone else saved in between.
var unsavedTyping = null;
function isUnsaved(field) {
  return field.id && (field.tagName === "TEXTAREA" || field.type === "text") && field.value !== field.defaultValue;
}
document.addEventListener("htmx:beforeSwap", function (event) {
  var target = event.detail.target;
  if (!target || !target.querySelectorAll) return;
  var sent = event.detail.requestConfig && event.detail.requestConfig.elt;
  var sentForm = sent && (sent.tagName === "FORM" ? sent : sent.closest && sent.closest("form"));
  unsavedTyping = {};
  target.querySelectorAll("textarea, input[type=text]").forEach(function (field) {
    if (!isUnsaved(field) || (sentForm && sentForm.contains(field))) return;
    unsavedTyping[field.id] = field.value;
    var version = field.form && field.form.querySelector("input[name=version][id]");
    if (version) unsavedTyping[version.id] = version.value;
  });
});
document.addEventListener("htmx:afterSwap", function () {
  if (!unsavedTyping) return;
  Object.keys(unsavedTyping).forEach(function (id) {
    var field = document.getElementById(id);
    if (field && (field.type === "hidden" || field.value === field.defaultValue)) field.value = unsavedTyping[id];
  });
  unsavedTyping = null;
});

// Leaving the page with unsaved typing asks first, as a word processor would.
window.addEventListener("beforeunload", function (event) {
  if (document.body.dataset.submitting) return;
  // Only forms that save something count: a typed search is not work to lose.
  var fields = document.querySelectorAll("main form[method=post] textarea, main form[method=post] input[type=text]");
  for (var i = 0; i < fields.length; i++) {
    if (isUnsaved(fields[i])) { event.preventDefault(); event.returnValue = ""; return; }
  }
});
// A plain (non-htmx) form submission is the clerk saving, not leaving.
document.addEventListener("submit", function (event) {
  if (!event.target.hasAttribute("hx-post")) document.body.dataset.submitting = "1";
});
