// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Focus the search box on the home page, unless the visitor already moved focus.
  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('q');
    if (box && document.activeElement === document.body) box.focus();
  });
})();
