// The learning-citizen year page: each self-declared statement is saved in place. The form posts
// to its own action (the same route as without JavaScript) asking for JSON; the server validates
// and answers the criterion's new state, the result and the progress, or the errors to show next
// to the field. The submit bar says what is answered and what is not; it waits only for a statement
// edited and not saved yet. Without JavaScript the forms post and the page reloads.
(function () {
  var texts = document.getElementById('citizen-year');
  if (!texts || !window.fetch || !window.FormData) return;
  var bar = document.querySelector('.citizen-submit');
  var answered = bar ? Number(bar.getAttribute('data-answered')) : 0;
  var total = bar ? Number(bar.getAttribute('data-total')) : 0;
  var waitingText = bar ? bar.getAttribute('data-waiting-text') : '';

  var forms = document.querySelectorAll('form.citizen-answer');
  for (var i = 0; i < forms.length; i++) watch(forms[i]);
  update();

  function watch(form) {
    var field = form.querySelector('textarea[name="statement"]');
    field.addEventListener('input', function () {
      form.querySelector('.citizen-saved').textContent = '';
      update();
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      save(form, field);
    });
  }

  function save(form, field) {
    var status = form.querySelector('.citizen-saved');
    var button = form.querySelector('button[type="submit"]');
    var body = new URLSearchParams(new FormData(form));
    status.textContent = texts.getAttribute('data-saving-text');
    button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
        'x-csrf-token': body.get('_csrf') || '',
      },
      body: body.toString(),
    })
      .then(function (res) {
        return res.json().then(
          function (answer) {
            return { ok: res.ok, answer: answer };
          },
          function () {
            return { ok: false, answer: {} };
          },
        );
      })
      .then(function (reply) {
        button.disabled = false;
        if (!reply.ok) {
          var errors = reply.answer.errors || {};
          var message =
            errors.statement ||
            errors.criterionCode ||
            reply.answer.message ||
            texts.getAttribute('data-failed-text');
          status.textContent = '';
          showError(form, field, message);
          return;
        }
        showError(form, field, '');
        field.setAttribute('data-saved', field.value.trim());
        if (field.value !== field.value.trim()) field.value = field.value.trim();
        status.textContent = reply.answer.savedText;
        show(form, reply.answer);
        update();
      })
      .catch(function () {
        button.disabled = false;
        status.textContent = '';
        showError(form, field, texts.getAttribute('data-failed-text'));
      });
  }

  function showError(form, field, message) {
    var error = form.querySelector('.error');
    error.textContent = message;
    error.hidden = !message;
    form.querySelector('.field').classList.toggle('has-error', !!message);
    if (message) field.setAttribute('aria-invalid', 'true');
    else field.removeAttribute('aria-invalid');
  }

  /** What a reload would show: the criterion's state and points, the result, the progress. */
  function show(form, answer) {
    var c = answer.criterion;
    var item = form.closest('.citizen-item');
    if (c && item) {
      item.className = 'citizen-item state-' + c.state;
      item.setAttribute('data-state', c.state);
      var badge = item.querySelector('[data-role="state"]');
      badge.textContent = c.stateLabel;
      badge.className = 'badge ' + c.stateClass;
      item.querySelector('[data-role="points"]').textContent = c.pointsText;
      var missing = item.querySelector('.citizen-missing');
      item.querySelector('[data-role="missing"]').textContent = c.missing || '';
      missing.hidden = !c.missing;
    }
    var result = answer.result;
    var box = document.querySelector('[data-role="result"]');
    if (result && box && box.querySelector('.badge')) {
      var eligible = box.querySelector('.badge');
      eligible.textContent = result.label;
      eligible.className = 'badge ' + (result.eligible ? 'ok' : 'bad');
      eligible.setAttribute('data-eligible', String(result.eligible));
      box.querySelector('[data-field="total"]').textContent = result.totalText;
      var reasons = box.querySelector('.citizen-reasons');
      reasons.textContent = '';
      for (var i = 0; i < result.reasons.length; i++) {
        var li = document.createElement('li');
        li.textContent = result.reasons[i];
        reasons.appendChild(li);
      }
      box.querySelector('.citizen-why-not').hidden = result.reasons.length === 0;
    }
    if (answer.progress) {
      answered = answer.progress.answered;
      total = answer.progress.total;
      waitingText = answer.progress.waitingText;
      if (bar) bar.querySelector('[data-role="progress"]').textContent = answer.progress.text;
    }
  }

  /**
   * The bar says what is still unanswered; the submit waits only while a statement is edited and not
   * saved. A worker may submit with criteria unanswered (one they cannot honestly claim stays so).
   */
  function update() {
    if (!bar) return;
    var unsaved = false;
    for (var i = 0; i < forms.length; i++) {
      var field = forms[i].querySelector('textarea[name="statement"]');
      if (field.value.trim() !== field.getAttribute('data-saved')) unsaved = true;
    }
    var why = unsaved ? bar.getAttribute('data-unsaved-text') : answered < total ? waitingText : '';
    bar.querySelector('[data-role="why"]').textContent = why;
    bar.querySelector('button[type="submit"]').disabled = unsaved;
  }
})();
