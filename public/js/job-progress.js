// Updates every job progress bar on the page by polling /api/v1/jobs/:id, and reloads the page when
// the job's state changes (queued → running, finished): the server words the state, once, for the
// bar and the page's badge alike. Without JavaScript the page refreshes itself.
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
          if (run.finished || run.status !== box.getAttribute('data-status')) window.location.reload();
          else setTimeout(poll, 1000);
        })
        .catch(function () {
          setTimeout(poll, 3000);
        });
    }
    setTimeout(poll, 500);
  });
})();
