// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // Focus the search box on the home page, unless the visitor already moved focus.
    var box = document.getElementById('q');
    if (box && document.activeElement === document.body && !document.querySelector('.search-results')) box.focus();

    // Ask before emptying the basket; without script the form simply submits.
    var clear = document.querySelector('form[action="/basket/clear"]');
    if (clear && clear.dataset.confirm) {
      clear.addEventListener('submit', function (event) {
        if (!window.confirm(clear.dataset.confirm)) event.preventDefault();
      });
    }
  });
})();
