// Updates every job progress bar on the page by polling /api/v1/jobs/:id, then reloads the
// page once the job has finished so its results show. Without JavaScript the page refreshes itself.
(function () {
  document.querySelectorAll('.job-progress[data-job-id]').forEach(function (box) {
    if (box.getAttribute('data-finished') === 'true') return;
    var id = box.getAttribute('data-job-id');
    var bar = box.querySelector('progress');
    var percent = box.querySelector('[data-role=percent]');
    var noWorker = box.querySelector('[data-role=no-worker]');
    function poll() {
      fetch('/api/v1/jobs/' + id, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) {
          return r.ok ? r.json() : null;
        })
        .then(function (run) {
          if (!run) return setTimeout(poll, 3000);
          bar.value = run.progress;
          percent.textContent = run.progress;
          if (noWorker) noWorker.hidden = !run.noWorker;
          if (run.finished) window.location.reload();
          else setTimeout(poll, 1000);
        })
        .catch(function () {
          setTimeout(poll, 3000);
        });
    }
    setTimeout(poll, 500);
  });
})();
