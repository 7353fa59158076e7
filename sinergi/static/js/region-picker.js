/* Region picker (sinergi.regions.widgets.RegionPickerWidget): choosing a search result fills the hidden input.
   Event delegation on the document, so pickers that arrive later in HTMX fragments work too. */
(function () {
  "use strict";

  function parts(picker) {
    return {
      code: picker.querySelector("[data-region-code]"),
      label: picker.querySelector("[data-region-label]"),
      clear: picker.querySelector("[data-region-clear]"),
      search: picker.querySelector("[data-region-search]"),
      results: picker.querySelector("[data-region-results]"),
    };
  }

  function refresh(picker) {
    var p = parts(picker);
    if (p.clear) p.clear.hidden = !p.code.value;
  }

  function choose(picker, code, label) {
    var p = parts(picker);
    p.code.value = code;
    p.label.textContent = label || p.label.getAttribute("data-empty-text") || "";
    p.search.value = "";
    if (p.results) p.results.replaceChildren();
    refresh(picker);
    picker.dispatchEvent(new CustomEvent("region:chosen", { bubbles: true, detail: { code: code } }));
  }

  document.addEventListener("click", function (event) {
    var pick = event.target.closest("[data-region-pick]");
    if (pick) {
      var picker = pick.closest("[data-region-picker]");
      if (!picker) return;
      event.preventDefault();
      choose(picker, pick.getAttribute("data-code"), pick.getAttribute("data-label"));
      parts(picker).search.focus();
      return;
    }
    var clear = event.target.closest("[data-region-clear]");
    if (clear) {
      var owner = clear.closest("[data-region-picker]");
      if (owner) {
        event.preventDefault();
        choose(owner, "", "");
      }
    }
  });

  // Enter in the search box (a phone keyboard's "Go") takes the first result instead of submitting the form
  // half-filled; on a slow link the results may not be there yet: the search is sent at once and its first result
  // taken when it arrives (the fifty-third review).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.matches("[data-region-search]")) return;
    event.preventDefault();
    var picker = event.target.closest("[data-region-picker]");
    var first = picker && picker.querySelector("[data-region-pick]");
    if (first) {
      first.click();
    } else if (picker && event.target.value.trim()) {
      picker.setAttribute("data-pick-first", "1");
      if (window.htmx) { window.htmx.trigger(event.target, "search"); }
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var picker = event.detail.target && event.detail.target.closest && event.detail.target.closest("[data-region-picker]");
    if (!picker || !picker.hasAttribute("data-pick-first")) return;
    picker.removeAttribute("data-pick-first");
    var first = picker.querySelector("[data-region-pick]");
    if (first) first.click();
  });

  // The box is named after the form field (so a code typed without JavaScript is submitted with the form);
  // the search view reads it as q.
  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.matches || !elt.matches("[data-region-search]")) return;
    var params = event.detail.parameters;
    params.q = elt.value;
    delete params[elt.name];
  });

  function init(root) {
    var pickers = root.querySelectorAll ? root.querySelectorAll("[data-region-picker]") : [];
    for (var i = 0; i < pickers.length; i++) refresh(pickers[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
