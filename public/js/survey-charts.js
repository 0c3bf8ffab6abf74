/*
 * Draws a survey's results with Chart.js (served by the app from /public/vendor/chartjs/): one
 * horizontal bar chart per question, the share of each answer. Each <canvas data-chart="ID">
 * reads its data from <script type="application/json" id="ID">, data rather than code, so the page
 * needs no inline script. The table beside each chart holds the same numbers.
 */
(function () {
  'use strict';
  if (typeof window.Chart !== 'function') return;
  var BAR = '#0b5cad';

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
    var decimal = document.documentElement.lang === 'en' ? '.' : ',';
    var format = function (value) {
      return value === null || value === undefined ? '—' : String(value).replace('.', decimal) + '%';
    };
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{ label: data.valueLabel, data: data.values, backgroundColor: BAR }],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { min: 0, max: 100, ticks: { callback: format } } },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                return format(ctx.raw);
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
