// Time spent in a lesson that asks for some minutes of study. Opens the lesson first (the page
// itself changes nothing: reading is a GET), then counts the time the page is visible
// (document.visibilityState), shows it live, and reports it every 15 seconds of it (POSTs with the
// CSRF header). When the page is hidden or left, what is not reported yet goes by
// navigator.sendBeacon: a beacon cannot set headers, so it carries the CSRF token as the `_csrf`
// field of a form body, as forms do. The server stays the authority: it credits each report at
// most the wall time since the previous one (or the opening) and 60 s, and the count shown follows
// what it answers.
//
// One clock, two ways to run it: the page is visible (reading, or watching the lesson's video on
// the page), or the page is hidden while a lesson video goes on playing (picture-in-picture, a
// phone's split screen). Hidden, only normal playback moves the clock: each 'timeupdate' adds the
// player's progress since the previous one, at most the wall time between them; a seek, a jump
// or a step back adds nothing, and wall time already counted (visible, or another video) is never
// counted twice. Skipping ahead in a video never adds the skipped minutes.
(function () {
  var box = document.getElementById('lesson-timer');
  if (!box || !window.fetch) return;
  var STEP = 15;
  var url = box.getAttribute('data-url');
  var csrf = box.getAttribute('data-csrf');
  var clock = document.querySelector('[data-role=spent]');
  var template = clock ? clock.getAttribute('data-template') : '';
  var credited = Number(box.getAttribute('data-spent')) || 0; // what the server has credited
  var sending = 0; // seconds reported, not answered yet
  var unsent = 0; // milliseconds of visible time not reported yet
  var since = visible() ? Date.now() : null; // when the page last became visible
  var quietUntil = 0; // after a failed report, wait a step before the next
  var finished = false;
  var countedUntil = 0; // wall time (ms) up to which watching while hidden has been counted

  post(box.getAttribute('data-open-url'), {}).catch(function () {});
  var timer = setInterval(tick, 1000);
  document.addEventListener('visibilitychange', function () {
    if (visible()) resume();
    else flush();
  });
  window.addEventListener('pagehide', flush);
  window.addEventListener('pageshow', function () {
    if (visible()) resume();
  });

  var videos = document.querySelectorAll('.learn-body video');
  for (var i = 0; i < videos.length; i++) watch(videos[i]);

  function visible() {
    return document.visibilityState === 'visible';
  }

  /** Adds the visible time up to now; hidden time is never counted. */
  function settle() {
    if (since === null) return;
    var now = Date.now();
    unsent += now - since;
    since = visible() ? now : null;
  }

  function resume() {
    if (!finished && since === null) since = Date.now();
  }

  function tick() {
    settle();
    render();
    if (!sending && unsent >= STEP * 1000 && Date.now() >= quietUntil) report();
  }

  function report() {
    var seconds = Math.floor(unsent / 1000);
    unsent -= seconds * 1000;
    sending = seconds;
    var failed = function () {
      sending = 0;
      unsent += seconds * 1000;
      quietUntil = Date.now() + STEP * 1000;
    };
    post(url, { seconds: seconds })
      .then(function (result) {
        if (!result) return failed();
        sending = 0;
        credited = result.secondsSpent;
        render();
        show(result);
      })
      .catch(failed);
  }

  /** Counts a lesson video's normal playback while the page is hidden (visible time counts already). */
  function watch(video) {
    var position = null; // the player's position (s) and the wall time (ms) at the last step
    var at = 0;
    var mark = function () {
      position = video.paused || video.seeking ? null : video.currentTime;
      at = Date.now();
    };
    var step = function () {
      if (position === null || video.seeking) return mark();
      var now = Date.now();
      var moved = (video.currentTime - position) * 1000;
      var wall = now - at;
      var rate = Math.max(1, video.playbackRate || 1);
      position = video.currentTime;
      at = now;
      if (finished || visible() || video.paused) return;
      // Backwards, or further than playback could have gone: a seek, not watching.
      if (moved <= 0 || moved > wall * rate + 1000) return;
      var from = Math.max(now - wall, countedUntil);
      var add = Math.min(moved, now - from);
      if (add <= 0) return;
      unsent += add;
      countedUntil = now;
      render();
      if (!sending && unsent >= STEP * 1000 && now >= quietUntil) report();
    };
    video.addEventListener('playing', mark);
    video.addEventListener('seeked', mark);
    // A seek starts: the jump must never be taken for playback.
    video.addEventListener('seeking', function () {
      position = null;
    });
    video.addEventListener('timeupdate', step);
    video.addEventListener('pause', function () {
      step();
      position = null;
    });
  }

  /** The page is hidden or left: what is not reported yet goes now, or it would be lost. */
  function flush() {
    settle();
    since = null;
    // Visible time is counted up to now: watching while hidden counts from here on.
    countedUntil = Date.now();
    var seconds = Math.floor(unsent / 1000);
    if (finished || seconds < 1 || !navigator.sendBeacon || !window.URLSearchParams) return;
    var body = new URLSearchParams();
    body.set('_csrf', csrf);
    body.set('seconds', String(seconds));
    if (!navigator.sendBeacon(url, body)) return;
    unsent -= seconds * 1000;
    credited += seconds;
    render();
  }

  function render() {
    if (!clock) return;
    var total = credited + sending + Math.floor(unsent / 1000);
    clock.textContent = template
      .replace('{minutes}', String(Math.floor(total / 60)))
      .replace('{seconds}', String(total % 60));
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
    finished = true;
    since = null;
    unsent = 0;
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
