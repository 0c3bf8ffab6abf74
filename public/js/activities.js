// The session form: choosing a kind ticks that kind's usual learning domains, unless the officer
// has ticked or unticked domains themselves. Without JavaScript the server applies the same
// defaults when no domain is ticked.
(function () {
  var kind = document.querySelector('select[data-domain-defaults]');
  if (!kind) return;
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="domains"]'));
  function defaultsOfSelected() {
    var option = kind.options[kind.selectedIndex];
    return ((option && option.getAttribute('data-domains')) || '').split(' ').filter(Boolean);
  }
  function showsDefaults() {
    var defaults = defaultsOfSelected();
    return boxes.every(function (box) {
      return box.checked === defaults.indexOf(box.value) >= 0;
    });
  }
  var untouched =
    showsDefaults() ||
    boxes.every(function (box) {
      return !box.checked;
    });
  boxes.forEach(function (box) {
    box.addEventListener('change', function () {
      untouched = false;
    });
  });
  kind.addEventListener('change', function () {
    if (!untouched) return;
    var defaults = defaultsOfSelected();
    boxes.forEach(function (box) {
      box.checked = defaults.indexOf(box.value) >= 0;
    });
  });
})();
