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
