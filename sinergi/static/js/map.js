/* Sinergi map: plots the LKS of <div data-map="ID">. The page's <script id="ID" type="application/json"> says how
   (the kinds' names, the tile server) and where the points are (pointsUrl); the points are fetched only when the map
   comes near the screen, so that the first page after sign-in stays small on a phone whether or not the map is looked
   at. While they come, and if they cannot (offline), the element named by data-map-status says so in the page's
   language (its data-loading, data-failed, data-retry, data-empty; data-session-ended and data-sign-in, with a link to
   data-login, when the session has ended: trying again would only fail again). Without a configured tile server the markers sit
   on a plain background with the kabupaten/kota names written on it (small, below their point, and only where they do
   not overlap); if tiles fail to load the markers still show. The same facts are in the tables, for use without JS. */
(function () {
  "use strict";

  var PALETTE = ["#0b6e4f", "#1b4f9c", "#c77d00", "#a4161a", "#6b4c9a", "#3d8b99", "#7a7a7a"];

  function readJson(id) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    try { return JSON.parse(node.textContent); } catch (error) { return null; }
  }

  // Names come from the registry: build DOM nodes with textContent, never HTML strings.
  function popup(point, kinds) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    var kind = document.createElement("div");
    kind.textContent = kinds[point.kind] || point.kind;
    box.appendChild(link);
    box.appendChild(kind);
    return box;
  }

  // A name as a node: Leaflet puts a string tooltip or popup in as HTML (an LKS named "<img …>" showed an image).
  function text(name) {
    var span = document.createElement("span");
    span.textContent = name;
    return span;
  }

  // "Kabupaten Hulu Sungai Tengah" → "Hulu Sungai Tengah": the map has little room, and "Kota" stays so that
  // Kota Banjarbaru is not read as Kabupaten Banjar.
  function shortName(name) {
    return String(name).replace(/^Kabupaten\s+/i, "").replace(/^Kab\.\s*/i, "");
  }

  function label(text) {
    var span = document.createElement("span");
    span.textContent = shortName(text);
    span.title = text;
    return span;
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  // Region names are written small and only where they do not cover one another: a name that would overlap one
  // already written is hidden until the user zooms in far enough for both to fit.
  function cullLabels(tooltips) {
    var shown = [];
    tooltips.forEach(function (tooltip) {
      var element = tooltip.getElement();
      if (!element) { return; }
      element.style.visibility = "";
      var box = element.getBoundingClientRect();
      var clash = shown.some(function (other) { return overlaps(box, other); });
      if (clash) {
        element.style.visibility = "hidden";
      } else {
        shown.push(box);
      }
    });
  }

  // A slow link may take a while; one that hangs is given up on, with the message and a button to try again.
  var FETCH_TIMEOUT_MS = 60 * 1000;

  function draw(container, config, data) {
    container.hidden = false;
    var map = window.L.map(container, { preferCanvas: false, attributionControl: Boolean(config.tileUrl) });
    if (config.tileUrl) {
      window.L.tileLayer(config.tileUrl, { attribution: config.attribution || "", maxZoom: 18 }).addTo(map);
    }
    var kinds = config.kinds || {};
    var kindCodes = Object.keys(kinds);
    var bounds = [];
    // The names get a pane below the markers' (overlayPane, z-index 400), so that markers are drawn over them.
    map.createPane("regionLabels").style.zIndex = 350;
    var tooltips = (data.labels || []).map(function (item) {
      return window.L.tooltip({
        pane: "regionLabels", permanent: true, direction: "bottom", offset: [0, 6],
        className: "map-region-label", opacity: 1
      }).setLatLng([item.lat, item.lng]).setContent(label(item.name)).addTo(map);
    });
    data.points.forEach(function (point) {
      var colour = PALETTE[Math.max(kindCodes.indexOf(point.kind), 0) % PALETTE.length];
      window.L.circleMarker([point.lat, point.lng], {
        radius: 6, color: "#ffffff", weight: 1.5, fillColor: colour, fillOpacity: 0.95
      }).bindPopup(popup(point, kinds))
        .bindTooltip(text(point.name), { permanent: false, direction: "top", offset: [0, -6] })
        .addTo(map);
      bounds.push([point.lat, point.lng]);
    });
    window.L.control.scale({ imperial: false }).addTo(map);
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
    var cull = function () { window.requestAnimationFrame(function () { cullLabels(tooltips); }); };
    map.on("zoomend resize", cull);
    cull();
  }

  var SESSION_ENDED = {};

  // The points as JSON; SESSION_ENDED when the answer was the login page (the request was sent there); or null
  // (offline, a timeout, anything but the points).
  function fetchPoints(url, loginPath, done) {
    var request = new XMLHttpRequest();
    var finished = false;
    function finish(data) {
      if (finished) { return; }
      finished = true;
      done(data);
    }
    request.open("GET", url, true);
    request.setRequestHeader("Accept", "application/json");
    request.timeout = FETCH_TIMEOUT_MS;
    request.onload = function () {
      var data = null;
      if (loginPath && (request.responseURL || "").indexOf(loginPath) !== -1) {
        finish(SESSION_ENDED);
        return;
      }
      if (request.status === 200) {
        try { data = JSON.parse(request.responseText); } catch (error) { data = null; }
      }
      finish(data && Array.isArray(data.points) ? data : null);
    };
    request.onerror = request.ontimeout = function () { finish(null); };
    request.send();
  }

  function say(status, text, retry) {
    if (!status) { return; }
    status.textContent = text || "";
    if (retry) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = status.getAttribute("data-retry") || "";
      button.addEventListener("click", retry);
      status.appendChild(document.createTextNode(" "));
      status.appendChild(button);
    }
  }

  // The session has ended: the words, and a link to sign in that brings the user back to this page.
  function sayToSignIn(status, loginPath) {
    say(status, status.getAttribute("data-session-ended"));
    var link = document.createElement("a");
    link.href = loginPath + "?next=" + encodeURIComponent(window.location.pathname + window.location.search);
    link.textContent = status.getAttribute("data-sign-in") || "";
    status.appendChild(document.createTextNode(" "));
    status.appendChild(link);
  }

  function load(container, config, status) {
    var loading = false;
    function attempt() {
      if (loading) { return; }
      loading = true;
      say(status, status && status.getAttribute("data-loading"));
      var loginPath = status && status.getAttribute("data-login");
      fetchPoints(config.pointsUrl, loginPath, function (data) {
        loading = false;
        if (data === SESSION_ENDED) {
          sayToSignIn(status, loginPath);
        } else if (!data) {
          say(status, status && status.getAttribute("data-failed"), attempt);
        } else if (data.points.length === 0) {
          say(status, status && status.getAttribute("data-empty"));  // gone since the page was made
        } else {
          say(status, "");
          draw(container, config, data);
        }
      });
    }
    attempt();
  }

  // Calls `callback` once, when `element` comes within a screen's height of the viewport; at once in a browser
  // without IntersectionObserver.
  function whenNear(element, callback) {
    if (typeof window.IntersectionObserver === "undefined") {
      callback();
      return;
    }
    var observer = new window.IntersectionObserver(function (entries) {
      var near = entries.some(function (entry) { return entry.isIntersecting; });
      if (near) {
        observer.disconnect();
        callback();
      }
    }, { rootMargin: "100% 0px" });
    observer.observe(element);
  }

  function init() {
    if (typeof window.L === "undefined") { return; }
    var containers = document.querySelectorAll("[data-map]");
    Array.prototype.forEach.call(containers, function (container) {
      var config = readJson(container.getAttribute("data-map"));
      if (!config || !config.pointsUrl) { return; }
      var status = document.getElementById(container.getAttribute("data-map-status") || "");
      // The container is hidden until there is a map to show, and a hidden element never intersects: watch its box.
      whenNear(container.parentNode, function () { load(container, config, status); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
