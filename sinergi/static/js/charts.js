/* Sinergi charts: draws every <canvas data-chart="ID"> from the JSON in <script id="ID" type="application/json">.
   The numbers are always also in a table on the page, so a failure here only loses the picture. */
(function () {
  "use strict";

  // One colour per LKS kind, in vocabulary order; further kinds reuse the palette.
  var PALETTE = ["#0b6e4f", "#1b4f9c", "#c77d00", "#a4161a", "#6b4c9a", "#3d8b99", "#7a7a7a"];

  function readJson(id) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    try { return JSON.parse(node.textContent); } catch (error) { return null; }
  }

  // "Kabupaten Hulu Sungai Tengah" → "Kab. Hulu Sungai Tengah", and on a narrow screen over two lines, so that
  // no name is cut at the left edge. The tooltip keeps the full name.
  function regionTick(label, narrow) {
    var text = String(label).replace(/^Kabupaten\s+/i, "Kab. ");
    if (!narrow || text.length <= 14) { return text; }
    var lines = [""];
    text.split(" ").forEach(function (word) {
      var last = lines.length - 1;
      if (lines[last] && (lines[last] + " " + word).length > 14) {
        lines.push(word);
      } else {
        lines[last] = lines[last] ? lines[last] + " " + word : word;
      }
    });
    return lines;
  }

  // Every kabupaten/kota gets its row (none skipped): the box grows when the rows would not fit.
  function fitHeight(canvas, rows) {
    var box = canvas.parentNode;
    var needed = rows * 30 + 110;
    if (box && box.clientHeight < needed) { box.style.height = needed + "px"; }
  }

  function drawStackedBar(canvas, data) {
    var locale = document.documentElement.lang || "id";
    var datasets = data.datasets.map(function (set, index) {
      return {
        label: set.label,
        data: set.data,
        backgroundColor: PALETTE[index % PALETTE.length],
        borderWidth: 0
      };
    });
    return new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: datasets },
      options: {
        // Horizontal bars keep long kabupaten names readable on a phone.
        indexAxis: "y",
        locale: locale,
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
          y: {
            stacked: true,
            ticks: {
              autoSkip: false,
              callback: function (value) {
                return regionTick(this.getLabelForValue(value), canvas.clientWidth < 560);
              }
            }
          }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  function init() {
    if (typeof window.Chart !== "function") { return; }
    var canvases = document.querySelectorAll("canvas[data-chart]");
    Array.prototype.forEach.call(canvases, function (canvas) {
      var data = readJson(canvas.getAttribute("data-chart"));
      if (!data || !data.labels || data.labels.length === 0) { return; }
      var card = canvas.closest("[data-chart-card]");
      if (card) { card.hidden = false; }
      fitHeight(canvas, data.labels.length);
      drawStackedBar(canvas, data);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
