// Small behaviours shared by every page. No inline scripts: the CSP forbids them.
(function () {
  "use strict";
  // A form with data-confirm="question" asks before it is sent (e.g. deactivating an LKS).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    // (a second tap on a form already on its way is not asked again: the guard below holds it back)
    if (question && !(form.hasAttribute("data-sent-at") && recentlySent(form)) && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // A form sent by a page load (not htmx, not the upload's own script), on a phone on a slow link:
  // - a second tap while the first is on its way is not sent again: it would save twice (two clients, two
  //   incidents each notified) or answer "not saved" to a form that was (the fifty-third review);
  // - without a signal it is not sent at all: the browser's offline page would take the form's place in the
  //   history, and Back would skip past everything typed;
  // - it carries the token of the browser's current cookie, not the one the page was given, when the browser is
  //   still signed in as the page's user (sinergi_who): a sign-out and sign-in in another tab renews the token, and
  //   the form was refused; another user signed in meanwhile (an office's shared computer) is still refused.
  // A second tap is told the form is on its way; the state is cleared when the page is shown again (Back), and a
  // form whose answer left the page in place (a download) may be sent again after 15 seconds.
  var RESUBMIT_AFTER_MS = 15000;

  function cookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|;\\s*)" + name + "=([^;]+)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  function recentlySent(form) {
    var sentAt = Number(form.getAttribute("data-sent-at") || 0);
    return sentAt && Date.now() - sentAt < RESUBMIT_AFTER_MS;
  }

  function pageLoadPost(form) {
    return form && form.tagName === "FORM" && (form.getAttribute("method") || "").toLowerCase() === "post" &&
      !form.hasAttribute("hx-post") && !form.hasAttribute("data-hx-post");
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !pageLoadPost(form)) { return; }
    if (recentlySent(form)) {
      event.preventDefault();
      var waiting = notice();
      if (waiting && waiting.getAttribute("data-sending")) {
        waiting.textContent = waiting.getAttribute("data-sending");
        waiting.hidden = false;
      }
      return;
    }
    if (navigator.onLine === false) {
      event.preventDefault();
      var box = notice();
      if (box) {
        box.textContent = box.getAttribute("data-unsent") || "";
        box.hidden = false;
      }
      return;
    }
    var token = cookie("csrftoken");
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    var page = notice();
    var who = page && page.getAttribute("data-who");
    if (token && field && who && cookie("sinergi_who") === who) { field.value = token; }
    form.setAttribute("data-sent-at", String(Date.now()));
    form.setAttribute("aria-busy", "true");
    // A page that stays (the answer was a download) is free again after the window
    window.setTimeout(function () {
      if (!recentlySent(form)) {
        form.removeAttribute("data-sent-at");
        form.removeAttribute("aria-busy");
      }
    }, RESUBMIT_AFTER_MS + 100);
    unsentSince = 0;
  });

  window.addEventListener("pageshow", function () {
    var sent = document.querySelectorAll("form[data-sent-at]");
    for (var i = 0; i < sent.length; i++) {
      sent[i].removeAttribute("data-sent-at");
      sent[i].removeAttribute("aria-busy");
    }
  });

  // While a form holds input not yet sent, the session is kept alive (typing is no request, and the idle timeout
  // would end it under a long form), for up to three hours; if it has ended anyway, the page says so before the
  // user sends and loses what they typed.
  var KEEPALIVE_EVERY_MS = 10 * 60 * 1000;
  var KEEPALIVE_FOR_MS = 3 * 60 * 60 * 1000;
  var unsentSince = 0;
  var typedAt = 0;
  // Kept alive only while someone types: a form left unattended still ends with the idle timeout (30 minutes
  // without typing), as a page left open does (the fifty-fifth review).
  var TYPED_WITHIN_MS = 30 * 60 * 1000;

  document.addEventListener("input", function (event) {
    var form = event.target && event.target.form;
    if (!pageLoadPost(form)) { return; }
    typedAt = Date.now();
    if (!unsentSince) { unsentSince = typedAt; }
  });

  window.setInterval(function () {
    var box = notice();
    var url = box && box.getAttribute("data-keepalive");
    var idle = Date.now() - typedAt > TYPED_WITHIN_MS;
    if (!url || !unsentSince || idle || Date.now() - unsentSince > KEEPALIVE_FOR_MS || document.visibilityState === "hidden") {
      return;
    }
    window.fetch(url, {credentials: "same-origin", cache: "no-store"}).then(function (response) {
      if (response.status === 401 && box) {
        sessionEnded = true;
        box.textContent = box.getAttribute("data-session-ended") || "";
        box.hidden = false;
      }
    }).catch(function () { /* no signal now: the next tick tries again */ });
  }, KEEPALIVE_EVERY_MS);

  // A side request (a capacity search, a region search) that meets an ended session would take the whole page to
  // the login form (HX-Redirect), and what was typed with it. While the page holds unsent input it stays, and says
  // the session has ended.
  document.addEventListener("htmx:beforeOnLoad", function (event) {
    var xhr = event.detail && event.detail.xhr;
    var target = xhr && xhr.getResponseHeader("HX-Redirect");
    var box = notice();
    if (!target || !unsentSince || !box || target.indexOf(box.getAttribute("data-login") || "/accounts/login/") !== 0) {
      return;
    }
    event.preventDefault();
    sessionEnded = true;  // kept: the request's end would otherwise clear the notice as a success
    box.textContent = box.getAttribute("data-session-ended") || "";
    box.hidden = false;
  });

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
    // Written once: the notice is a live region, and the same words rewritten at every failed poll are read again.
    if (box.textContent !== text) { box.textContent = text; }
    box.hidden = false;
  }

  // While polls fail (offline, a dead zone), wait longer between them: 2, 4, 6 … up to 30 s, instead of one a
  // second for as long as the link is down. The first poll that succeeds sets the page's own pace again.
  var pollFailures = 0;
  var pollNotBefore = 0;

  function pollFailed() {
    pollFailures += 1;
    pollNotBefore = Date.now() + Math.min(30000, 2000 * pollFailures);
  }

  var sessionEnded = false;

  function hideNotice() {
    var box = notice();
    if (box && !box.hidden && !sessionEnded) {
      box.hidden = true;
      box.textContent = "";
    }
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var detail = event.detail;
    if (detail.verb !== "get") { return; }
    var polling = isPolling(detail.elt);
    if (polling && (document.visibilityState === "hidden" || Date.now() < pollNotBefore)) {
      event.preventDefault();
      return;
    }
    if (!detail.timeout) {
      detail.timeout = polling ? POLL_TIMEOUT_MS : GET_TIMEOUT_MS;
    }
  });

  function onFailure(event) {
    var polling = isPolling(event.detail && event.detail.elt);
    if (polling) { pollFailed(); }
    showNotice(polling);
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
    if (xhr && xhr.status > 0 && xhr.status < 500) {
      hideNotice();
      pollFailures = 0;
      pollNotBefore = 0;
    }
  });

  // A job's card (an import's or an export's progress) is replaced at every poll. What a screen reader should hear
  // is its state when it changes ("Uji coba selesai"), in a live region that is not replaced (data-announce names
  // it); and a keyboard user whose focus was on the card (its "Batalkan" button, gone once the job ends) is brought
  // to the state instead of the top of the page.
  var focusWasIn = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    // An error answer marked as a fragment for this target (sinergi/core/errors.py) says its refusal in place.
    var answer = event.detail && event.detail.xhr;
    if (answer && answer.status >= 400 && answer.status < 500 && answer.getResponseHeader("Sinergi-Fragment")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
    var target = event.detail && event.detail.target;
    focusWasIn = target && target.contains(document.activeElement) && document.activeElement !== document.body
      ? target.id : null;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var card = event.detail && event.detail.target;
    if (card && !card.isConnected && card.id) { card = document.getElementById(card.id); }
    var announcer = card && card.getAttribute("data-announce") && document.getElementById(card.getAttribute("data-announce"));
    var state = card && card.querySelector(".job-state strong");
    if (announcer && state) {
      var words = state.textContent.trim();
      if (announcer.getAttribute("data-said") !== words) {
        announcer.setAttribute("data-said", words);
        announcer.textContent = words;
      }
    }
    // A fragment that takes the place of the control that was clicked (a revealed NIK) is focusable
    // (tabindex="-1") and takes the focus, which would otherwise fall to the page, and is read out.
    var focusTo = state || (card && card.getAttribute("tabindex") === "-1" ? card : null);
    var active = document.activeElement;
    if (focusWasIn && card && card.id === focusWasIn && (!active || active === document.body) && focusTo) {
      focusTo.focus();
    }
    focusWasIn = null;
  });
  window.addEventListener("offline", function () {
    var polls = document.querySelector("[hx-trigger^='every'], [data-hx-trigger^='every']");
    if (polls) { showNotice(true); }
  });
})();
