// Time spent in a lesson that asks for some minutes of study. Opens the lesson first (the page
// itself changes nothing: reading is a GET), then counts the seconds the page is visible and reports
// them every 30 of them (POSTs with the CSRF header). The server credits at most the wall time since
// the previous report (or the opening) and 60 s, so a replayed or forged report earns nothing extra;
// this script only makes sure hidden tabs do not count.
(function () {
  var box = document.getElementById('lesson-timer');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-url');
  var csrf = box.getAttribute('data-csrf');
  var visible = 0;
  var sending = false;

  post(box.getAttribute('data-open-url'), {}).catch(function () {});

  var timer = setInterval(function () {
    if (document.visibilityState === 'visible') visible += 1;
    if (visible >= 30 && !sending) report();
  }, 1000);

  function report() {
    var seconds = visible;
    visible = 0;
    sending = true;
    post(url, { seconds: seconds })
      .then(function (result) {
        sending = false;
        if (result) show(result);
      })
      .catch(function () {
        sending = false;
      });
  }

  function post(to, body) {
    return fetch(to, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.ok ? r.json() : null;
    });
  }

  function show(result) {
    var bar = document.querySelector('.learn-progress progress');
    var text = document.querySelector('.learn-progress [data-role=percent]');
    if (bar) bar.value = result.progressPercent;
    if (text)
      text.textContent = text.getAttribute('data-template').replace('{percent}', result.progressPercent);
    if (!result.lessonDone) return;
    clearInterval(timer);
    if (result.courseCompleted) return window.location.reload();
    var status = document.getElementById('lesson-status');
    if (!status) return;
    var badge = document.createElement('span');
    badge.className = 'badge ok';
    badge.textContent = box.getAttribute('data-done-badge');
    status.textContent = ' ' + box.getAttribute('data-done-text');
    status.insertBefore(badge, status.firstChild);
  }
})();
