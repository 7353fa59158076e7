// Small behaviours shared by every page. No inline scripts: the CSP forbids them.
(function () {
  "use strict";
  // A form with data-confirm="question" asks before it is sent (e.g. deactivating an LKS).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // HTMX on a slow, flaky mobile link (3G, a train through a dead zone).
  // - A GET that hangs is given up after a while, so a poll (the progress of an import) or a filter is never
  //   stuck behind a request that will not come back: htmx queues the next poll behind the hanging one.
  // - While requests fail, a notice says so; it goes away by itself once a request succeeds again.
  // - A page that polls (hx-trigger="every ...") does not poll while it is hidden (another tab, phone locked):
  //   that costs data and battery for nobody; the next tick after it is shown again catches up.
  var POLL_TIMEOUT_MS = 10000;
  var GET_TIMEOUT_MS = 30000;

  function isPolling(elt) {
    var trigger = elt && elt.getAttribute && (elt.getAttribute("hx-trigger") || elt.getAttribute("data-hx-trigger"));
    return !!trigger && /(^|,)\s*every\s/.test(trigger);
  }

  function notice() {
    return document.getElementById("connection-status");
  }

  function showNotice(polling) {
    var box = notice();
    if (!box) { return; }
    var text = (polling ? box.getAttribute("data-retrying") : box.getAttribute("data-failed")) || "";
    if (!navigator.onLine && box.getAttribute("data-offline")) { text = box.getAttribute("data-offline") + " " + text; }
    box.textContent = text;
    box.hidden = false;
  }

  function hideNotice() {
    var box = notice();
    if (box && !box.hidden) {
      box.hidden = true;
      box.textContent = "";
    }
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var detail = event.detail;
    if (detail.verb !== "get") { return; }
    var polling = isPolling(detail.elt);
    if (polling && document.visibilityState === "hidden") {
      event.preventDefault();
      return;
    }
    if (!detail.timeout) {
      detail.timeout = polling ? POLL_TIMEOUT_MS : GET_TIMEOUT_MS;
    }
  });

  function onFailure(event) {
    showNotice(isPolling(event.detail && event.detail.elt));
  }

  // A write the server gave up on because the data was locked by another process (sinergi/core/busy.py): its
  // plain-text answer says so in the notice; nothing was saved, and the user sends it again.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail && event.detail.xhr;
    var box = notice();
    var plain = xhr && (xhr.getResponseHeader("Content-Type") || "").indexOf("text/plain") === 0;
    if (xhr && xhr.status === 503 && plain && box && xhr.responseText && xhr.responseText.length < 500) {
      box.textContent = xhr.responseText;
      box.hidden = false;
    }
  });

  document.addEventListener("htmx:sendError", onFailure);
  document.addEventListener("htmx:timeout", onFailure);
  document.addEventListener("htmx:afterRequest", function (event) {
    var xhr = event.detail && event.detail.xhr;
    if (xhr && xhr.status > 0 && xhr.status < 500) { hideNotice(); }
  });
  window.addEventListener("offline", function () {
    var polls = document.querySelector("[hx-trigger^='every'], [data-hx-trigger^='every']");
    if (polls) { showNotice(true); }
  });
})();
