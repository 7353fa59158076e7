/* Sinergi map: plots the LKS of <div data-map="ID"> from the JSON in <script id="ID" type="application/json">.
   Without a configured tile server the markers sit on a plain background with the kabupaten/kota names written
   on it; if tiles fail to load the markers still show. The same facts are in the tables, for use without JS. */
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

  function label(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  function init() {
    if (typeof window.L === "undefined") { return; }
    var containers = document.querySelectorAll("[data-map]");
    Array.prototype.forEach.call(containers, function (container) {
      var data = readJson(container.getAttribute("data-map"));
      if (!data || !data.points || data.points.length === 0) { return; }
      container.hidden = false;
      var map = window.L.map(container, { preferCanvas: false, attributionControl: Boolean(data.tileUrl) });
      if (data.tileUrl) {
        window.L.tileLayer(data.tileUrl, { attribution: data.attribution || "", maxZoom: 18 }).addTo(map);
      }
      var kindCodes = Object.keys(data.kinds || {});
      var bounds = [];
      data.points.forEach(function (point) {
        var colour = PALETTE[Math.max(kindCodes.indexOf(point.kind), 0) % PALETTE.length];
        window.L.circleMarker([point.lat, point.lng], {
          radius: 6, color: "#ffffff", weight: 1, fillColor: colour, fillOpacity: 0.9
        }).bindPopup(popup(point, data.kinds || {})).addTo(map);
        bounds.push([point.lat, point.lng]);
      });
      (data.labels || []).forEach(function (item) {
        window.L.tooltip({ permanent: true, direction: "center", className: "map-region-label", opacity: 0.8 })
          .setLatLng([item.lat, item.lng])
          .setContent(label(item.name))
          .addTo(map);
      });
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
