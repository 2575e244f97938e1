// Small progressive enhancements; every page works without this file.
htmx.config.includeIndicatorStyles = false;

// After an in-place swap, move focus to the swapped content's marked element (or one swapped in out of
// band, such as a new action under its resolution) so keyboard and screen-reader users land where the
// change happened; the marker is used once.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.elt;
  if (!target || !target.querySelector) return;
  var focus = target.querySelector("[data-focus-after-swap]") || target.querySelector("[data-error-summary]") ||
    document.querySelector("[data-focus-after-swap]:not([data-focused])");
  if (focus) {
    if (!focus.hasAttribute("tabindex") && !focus.matches("a[href], button, input, select, textarea, summary")) {
      focus.setAttribute("tabindex", "-1");
    }
    focus.setAttribute("data-focused", "");
    focus.focus();
  }
  announce(target);
});

// A polite live region (in the workspace) says what an in-place change did: the swapped content marks
// its sentence with data-announce. Set after a moment, so screen readers notice the change of text.
function announce(root) {
  var region = document.getElementById("workspace-announcer");
  if (!region) return;
  var marked = Array.prototype.slice.call(document.querySelectorAll("[data-announce]:not([data-announced])"));
  var said = marked.map(function (el) { el.setAttribute("data-announced", ""); return el.textContent.trim(); });
  if (!said.length) return;
  region.textContent = "";
  window.setTimeout(function () { region.textContent = said.join(" "); }, 50);
}
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-announce]").forEach(function (el) { el.setAttribute("data-announced", ""); });
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

// The workspace's agenda: one item open at a time, opened from the index, the item's own heading or
// next/previous without a reload (each link also works as a plain link: ?item=<id> opens it on the server).
function agendaItems() { return Array.prototype.slice.call(document.querySelectorAll("#agenda .agenda-item")); }
function openItem(id, focusHeading) {
  var section = document.getElementById("item-" + id);
  if (!section) return false;
  // A closed item comes without its minutes and resolutions (so the page stays short): drawn when opened. If
  // that fails, its plain link opens it the way it does without JavaScript.
  var unloaded = section.querySelector(".item-body[data-load]");
  if (unloaded && window.htmx) {
    var url = unloaded.getAttribute("data-load");
    unloaded.removeAttribute("data-load");
    htmx.ajax("GET", url, { target: section, swap: "outerHTML" }).then(function () {
      var loaded = document.querySelector("#item-" + id + " .item-body");
      if (loaded && loaded.children.length) return openItem(id, focusHeading);
      var page = new URL(window.location.href);  // keeps Edit agenda mode (edit=1)
      page.searchParams.set("item", id);
      page.hash = "item-" + id;
      window.location.assign(page);
    });
    return true;
  }
  agendaItems().forEach(function (other) {
    var mine = other === section;
    var body = other.querySelector(".item-body");
    if (body) body.hidden = !mine;
    other.classList.toggle("is-open", mine);
    var toggle = other.querySelector(".item-toggle");
    if (toggle) toggle.setAttribute("aria-expanded", mine ? "true" : "false");
  });
  document.querySelectorAll("#agenda-index a[data-open-item]").forEach(function (link) {
    if (link.getAttribute("data-open-item") === String(id)) link.setAttribute("aria-current", "true");
    else link.removeAttribute("aria-current");
  });
  var url = new URL(window.location.href);
  url.searchParams.set("item", id);
  url.hash = "item-" + id;
  history.replaceState(null, "", url);
  if (focusHeading) {
    var heading = section.querySelector(".item-toggle");
    if (heading) heading.focus();
  }
  section.scrollIntoView({ block: "start" });
  return true;
}
function openItemId() {
  var open = document.querySelector("#agenda .agenda-item.is-open");
  return open ? open.id.replace("item-", "") : null;
}
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("#agenda a[data-open-item]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  var id = link.getAttribute("data-open-item");
  if (link.classList.contains("item-toggle") && openItemId() === id) {
    // Its own heading closes an open item.
    event.preventDefault();
    var section = document.getElementById("item-" + id);
    section.querySelector(".item-body").hidden = true;
    section.classList.remove("is-open");
    link.setAttribute("aria-expanded", "false");
    return;
  }
  if (openItem(id, true)) event.preventDefault();
});

// Keyboard shortcuts, listed on the page. Never while typing in a field, or with Ctrl, Alt or Cmd held.
function typingIn(el) {
  return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}
document.addEventListener("keydown", function (event) {
  if (!document.querySelector("[data-workspace-agenda]")) return;
  if (event.key === "Escape" && typingIn(event.target)) {
    var section = event.target.closest(".agenda-item");
    var toggle = section && section.querySelector(".item-toggle");
    if (toggle) { toggle.focus(); event.preventDefault(); }
    return;
  }
  if (typingIn(event.target) || event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.key === "s") {
    var step = document.querySelector("#lifecycle .status-steps button");
    if (step) { step.focus(); event.preventDefault(); }
    return;
  }
  var items = agendaItems();
  if (!items.length) return;
  var current = openItemId();
  var here = items.findIndex(function (s) { return s.id === "item-" + current; });
  var key = event.key;
  if (key === "j" || key === "n" || key === "k" || key === "p") {
    var step = (key === "j" || key === "n") ? 1 : -1;
    var there = here === -1 ? 0 : Math.min(Math.max(here + step, 0), items.length - 1);
    openItem(items[there].id.replace("item-", ""), true);
    event.preventDefault();
    return;
  }
  var open = here === -1 ? null : items[here];
  if (!open) return;
  var field = null;
  if (key === "m") field = open.querySelector(".minutes-form textarea");
  if (key === "r") field = open.querySelector(".add-resolution textarea");
  if (key === "a") {
    var makers = open.querySelectorAll("a[id^=make-action-link-]");
    if (makers.length) { makers[makers.length - 1].click(); event.preventDefault(); }
    return;
  }
  if (field) { field.focus(); event.preventDefault(); }
});
