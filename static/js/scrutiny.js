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
