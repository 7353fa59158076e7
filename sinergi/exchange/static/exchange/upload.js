// The spreadsheet upload on a slow, flaky mobile link: a 3-5 MB file takes a minute or more over 3G.
// Instead of a page that looks frozen, the upload runs in the background (XMLHttpRequest) and shows how far it has
// come; a second tap does not send the file again; when the connection drops or stalls it says so and offers
// "Coba lagi" with the same file. Without JavaScript the form is sent the ordinary way.
(function () {
  "use strict";
  var STALL_MS = 45000; // no byte sent for this long: the link is dead, give up and offer to try again
  var ANSWER_MS = 120000; // the file was sent but no answer came: the server or the link is gone

  var lang = document.documentElement.lang || "id";
  var megabytes = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  function mb(bytes) {
    return megabytes.format(bytes / 1048576) + " MB";
  }

  function inMegabytes(bytes, decimals) {
    var format = new Intl.NumberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    return format.format(bytes / 1048576) + " MB";
  }

  // A file over the limit and the limit, written so that they differ (as files.too_large_message): a file a few
  // bytes over 25 MB read "25,0 MB, melebihi batas 25,0 MB".
  function sizesApart(size, limit) {
    var limitText = inMegabytes(limit, limit % 1048576 === 0 ? 0 : 2);
    for (var decimals = 1; decimals < 7; decimals++) {
      if (inMegabytes(size, decimals) !== inMegabytes(limit, decimals)) {
        return { size: inMegabytes(size, decimals), limit: limitText };
      }
    }
    return { size: inMegabytes(size, 7), limit: limitText };
  }

  function pathOf(url) {
    try { return new URL(url, location.href).pathname; } catch (e) { return url; }
  }

  function setup(form) {
    var box = form.querySelector("#upload-box");
    if (!box || !window.FormData || !("upload" in new XMLHttpRequest())) { return; }
    var bar = box.querySelector("#upload-progress");
    var status = box.querySelector("#upload-status");
    var announce = box.querySelector("#upload-announce") || status;
    var retry = box.querySelector("#upload-retry");
    var cancel = box.querySelector("#upload-cancel");
    var submit = form.querySelector("button[type=submit]");
    var xhr = null;
    var sentAll = false;
    var percent = 0;
    var stallTimer = null;
    var answerTimer = null;

    function say(key, values, quietly) {
      var text = fill(box.getAttribute("data-" + key) || "", values || {});
      status.textContent = text;
      if (!quietly && announce !== status) { announce.textContent = text; }
    }

    function clearTimers() {
      window.clearTimeout(stallTimer);
      window.clearTimeout(answerTimer);
    }

    function busy(on) {
      submit.disabled = on;
      cancel.hidden = !on;
      if (on) { retry.hidden = true; }
      form.setAttribute("aria-busy", on ? "true" : "false");
    }

    function stop() {
      // Forget the request before aborting it, so that its abort/error handlers do nothing.
      clearTimers();
      var current = xhr;
      xhr = null;
      if (current) { current.abort(); }
      busy(false);
    }

    function fail(key, values) {
      stop();
      box.classList.add("upload-failed");
      say(key, values || {});
      retry.hidden = false;
      retry.focus();
    }

    function watchStall() {
      window.clearTimeout(stallTimer);
      stallTimer = window.setTimeout(function () {
        fail("stalled", { seconds: String(STALL_MS / 1000) });
      }, STALL_MS);
    }

    function showForm(html) {
      // The server refused the form (400: wrong type, too big, no rights): show its answer in place of the form.
      var page = new DOMParser().parseFromString(html, "text/html");
      var fresh = page.getElementById("upload-form");
      if (!fresh) { return false; }
      stop();
      form.replaceWith(fresh);
      setup(fresh);
      var first = fresh.querySelector(".errors-summary, .errorlist");
      if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
      return true;
    }

    function tooLarge() {
      // Refused before it is sent: over a 3G link a file past the limit would take minutes to be told so.
      var limit = Number(box.getAttribute("data-max-bytes") || 0);
      var size = fileSize();
      if (!limit || size <= limit) { return false; }
      box.hidden = false;
      box.classList.add("upload-failed");
      // A CSV is text, not packed: saved as XLSX the same rows are several times smaller (a national export of
      // workers, 28 MB as CSV, is under the limit as XLSX).
      say(isText() ? "over-limit-csv" : "over-limit", sizesApart(size, limit));
      return true;
    }

    function isText() {
      var input = form.querySelector("input[type=file]");
      var name = input && input.files && input.files[0] ? input.files[0].name.toLowerCase() : "";
      return /\.(csv|txt|tsv)$/.test(name);
    }

    function start() {
      if (tooLarge()) { return; }
      var request = new XMLHttpRequest();
      var target = form.getAttribute("action") || location.href;
      xhr = request;
      sentAll = false;
      percent = 0;
      bar.value = 0;
      box.hidden = false;
      box.classList.remove("upload-failed");
      busy(true);
      request.open("POST", target);
      request.setRequestHeader("X-Requested-With", "XMLHttpRequest"); // answered with the job's address, not a redirect
      request.upload.addEventListener("progress", function (event) {
        if (request !== xhr || !event.lengthComputable) { return; }
        var before = percent;
        percent = Math.floor((event.loaded / event.total) * 100);
        bar.value = percent;
        // The words seen follow every step (they stood still at "0 %" for 15 s of a slow upload while the bar
        // moved: the fifty-third review); those a screen reader hears (a live region) change every 10 %, not at each
        // of the ~200 progress events, which it would read out one after the other.
        var words = { sent: mb(event.loaded), total: mb(event.total), percent: percent + "%" };
        say("sending", words, Math.floor(percent / 10) === Math.floor(before / 10));
        watchStall();
      });
      request.upload.addEventListener("load", function () {
        if (request !== xhr) { return; }
        sentAll = true;
        percent = 100;
        bar.value = 100;
        say("waiting");
        window.clearTimeout(stallTimer);
        answerTimer = window.setTimeout(function () { fail("lost-after-send"); }, ANSWER_MS);
      });
      request.addEventListener("readystatechange", function () {
        if (request !== xhr || request.readyState < 2) { return; }
        // The job is made: the answer names its page (201, no body; see views._to_job_page), and only the browser
        // fetches it. A redirect there would be followed by this request, and the page fetched twice.
        var made = request.status === 201 && request.getResponseHeader("Location");
        // The session has ended: the server names the login page (HX-Redirect, core.middleware) for the same reason.
        var away = request.getResponseHeader("HX-Redirect");
        if (made || away) {
          stop();
          location.assign(made || away);
          return;
        }
        // Redirected elsewhere (to the login page, the session having ended): go there as soon as the headers are
        // in, without waiting for the XMLHttpRequest to download a page the browser is about to load anyway.
        if (!request.responseURL) { return; }
        if (request.status === 200 && pathOf(request.responseURL) !== pathOf(target)) {
          var next = request.responseURL;
          stop();
          location.assign(next);
        }
      });
      request.addEventListener("load", function () {
        if (request !== xhr) { return; }
        if ((request.status === 400 || request.status === 200) && showForm(request.responseText)) { return; }
        if (request.status === 413) { fail("too-large"); return; }
        fail("refused", { status: String(request.status) });
      });
      request.addEventListener("error", function () {
        if (request !== xhr) { return; }
        fail(sentAll ? "lost-after-send" : "lost", { percent: percent + "%" });
      });
      say("sending", { sent: mb(0), total: mb(fileSize()), percent: "0%" });
      if (box.scrollIntoView) { box.scrollIntoView({ block: "nearest" }); }
      watchStall();
      request.send(new FormData(form));
    }

    function fileSize() {
      var input = form.querySelector("input[type=file]");
      return input && input.files && input.files[0] ? input.files[0].size : 0;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (xhr) { return; } // a second tap while the file is on its way
      start();
    });
    retry.addEventListener("click", function () {
      if (xhr) { return; }
      if (form.reportValidity && !form.reportValidity()) { return; }
      // The first sending may have arrived with its answer lost: asked first, its job is shown instead of the whole
      // file going up again.
      var key = form.querySelector("input[name=upload_key]");
      var lookup = box.getAttribute("data-by-key");
      if (!key || !key.value || !lookup || !window.fetch) { start(); return; }
      retry.disabled = true;
      window.fetch(lookup.replace("00000000-0000-0000-0000-000000000000", key.value), {credentials: "same-origin"})
        .then(function (response) {
          retry.disabled = false;
          var place = response.status === 204 && response.headers.get("Location");
          if (place && pathOf(place).indexOf("/exchange/imports/") !== -1) { location.href = place; } else { start(); }
        })
        .catch(function () { retry.disabled = false; start(); });
    });
    cancel.addEventListener("click", function () {
      // Once every byte has left, the server may have it already: saying "not sent" would be wrong.
      var sent = sentAll;
      stop();
      box.classList.add("upload-failed");
      say(sent ? "cancelled-after-send" : "cancelled");
      retry.hidden = false;
      // The cancel button, which had the focus, is hidden now: the focus goes on to what the user may do next, as
      // after a failure, rather than to the page's start (and "Coba lagi", before it, would be skipped by Tab).
      retry.focus();
    });
    window.addEventListener("beforeunload", function (event) {
      if (xhr) {
        event.preventDefault();
        event.returnValue = box.getAttribute("data-leave") || "";
      }
    });
  }

  var form = document.getElementById("upload-form");
  if (form) { setup(form); }
})();
