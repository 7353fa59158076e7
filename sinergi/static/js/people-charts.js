/* Sinergi people indicators: draws every <canvas data-people-chart="KEY"> from the JSON in
   <script id="people-chart-data" type="application/json">. The numbers are always in a table on the page too;
   hidden (suppressed) figures arrive as null and are drawn as gaps. Redraws after an HTMX swap of the results. */
(function () {
  "use strict";

  var PALETTE = ["#0b6e4f", "#1b4f9c", "#c77d00", "#a4161a", "#6b4c9a", "#3d8b99", "#7a7a7a"];
  var charts = [];

  function readJson(id) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    try { return JSON.parse(node.textContent); } catch (error) { return null; }
  }

  function hasNumbers(values) {
    return values.some(function (v) { return typeof v === "number" && v > 0; });
  }

  function baseOptions(extra) {
    var options = {
      locale: document.documentElement.lang || "id",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { position: "bottom" } }
    };
    Object.keys(extra).forEach(function (key) { options[key] = extra[key]; });
    return options;
  }

  function horizontalBars(canvas, data, stacked) {
    // Long category names stay readable on a phone as horizontal bars; give each bar room.
    canvas.parentNode.style.height = Math.max(240, data.labels.length * 22 + 80) + "px";
    return new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set, index) {
          return { label: set.label, data: set.data, backgroundColor: PALETTE[index % PALETTE.length], borderWidth: 0 };
        })
      },
      options: baseOptions({
        indexAxis: "y",
        scales: {
          x: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: stacked, ticks: { autoSkip: false } }
        }
      })
    });
  }

  function trend(canvas, data) {
    return new window.Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          { type: "line", label: data.active.label, data: data.active.data, borderColor: PALETTE[0],
            backgroundColor: PALETTE[0], yAxisID: "active", spanGaps: false, tension: 0.2 },
          { type: "bar", label: data.admissions.label, data: data.admissions.data, backgroundColor: PALETTE[1],
            yAxisID: "flow" },
          { type: "bar", label: data.discharges.label, data: data.discharges.data, backgroundColor: PALETTE[2],
            yAxisID: "flow" }
        ]
      },
      options: baseOptions({
        scales: {
          active: { type: "linear", position: "left", beginAtZero: true, ticks: { precision: 0 } },
          flow: { type: "linear", position: "right", beginAtZero: true, ticks: { precision: 0 },
                  grid: { drawOnChartArea: false } }
        }
      })
    });
  }

  function draw() {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    if (typeof window.Chart !== "function") { return; }
    var data = readJson("people-chart-data");
    if (!data) { return; }
    var canvases = document.querySelectorAll("canvas[data-people-chart]");
    Array.prototype.forEach.call(canvases, function (canvas) {
      var key = canvas.getAttribute("data-people-chart");
      var set = data[key];
      if (!set || !set.labels || set.labels.length === 0) { return; }
      var chart = null;
      if (key === "trend") {
        if (!hasNumbers(set.active.data) && !hasNumbers(set.admissions.data)) { return; }
        chart = trend(canvas, set);
      } else {
        var any = set.datasets.some(function (d) { return hasNumbers(d.data); });
        if (!any) { return; }
        chart = horizontalBars(canvas, set, key === "children");
      }
      var card = canvas.closest("[data-chart-card]");
      if (card) { card.hidden = false; }
      charts.push(chart);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
  document.addEventListener("htmx:afterSettle", draw);
})();
