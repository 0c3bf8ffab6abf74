/*
 * Draws the indicators' charts with Chart.js (served by the app from /public/vendor/chartjs/).
 * Each <canvas data-chart="ID"> reads its data from <script type="application/json" id="ID">,
 * which is data, not code, so the page needs no inline script. The same numbers are in the table
 * beside each chart; without JavaScript the tables are all there is.
 */
(function () {
  'use strict';
  if (typeof window.Chart !== 'function') return;
  var BAR = '#0b5cad';
  var TARGET_COLOURS = ['#b3261e', '#8a5a00', '#1e7b34'];

  function readData(id) {
    var block = document.getElementById(id);
    if (!block) return null;
    try {
      return JSON.parse(block.textContent || 'null');
    } catch {
      return null;
    }
  }

  function draw(canvas) {
    var data = readData(canvas.getAttribute('data-chart'));
    if (!data || !data.labels) return;
    var datasets = [
      {
        type: 'bar',
        label: data.valueLabel,
        data: data.values,
        backgroundColor: BAR,
        order: 2,
      },
    ];
    (data.targets || []).forEach(function (target, i) {
      datasets.push({
        type: 'line',
        label: target.label,
        data: data.labels.map(function () {
          return target.value;
        }),
        borderColor: TARGET_COLOURS[i % TARGET_COLOURS.length],
        borderDash: [6, 4],
        borderWidth: 2,
        // With a single date a line has no length: show the target as a short dash instead.
        pointRadius: data.labels.length > 1 ? 0 : 14,
        pointStyle: 'line',
        pointBorderWidth: 3,
        fill: false,
        order: 1,
      });
    });
    var decimal = document.documentElement.lang === 'en' ? '.' : ',';
    var format = function (value) {
      return value === null || value === undefined ? '—' : String(value).replace('.', decimal) + '%';
    };
    new window.Chart(canvas, {
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { min: 0, max: 100, ticks: { callback: format } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                return ctx.dataset.label + ': ' + format(ctx.raw);
              },
            },
          },
        },
      },
    });
  }

  function start() {
    var canvases = document.querySelectorAll('canvas[data-chart]');
    for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
