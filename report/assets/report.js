// magpie HTML report (report/html_reporter.cc): sorting and filtering of the findings table.
// Inline in the page, no network. State can be given in the URL hash, which is also the test
// hook: #sort=<column key>&dir=asc|desc&q=<text>&severity=<level>.
(function () {
  'use strict';
  var table = document.getElementById('findings-table');
  if (!table) return;
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var filter = document.getElementById('filter');
  var severity = document.getElementById('severity-filter');
  var count = document.getElementById('visible-count');
  var state = { sort: '', dir: 'asc' };

  function key(cell, numeric) {
    var value = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
    return numeric ? (parseFloat(value) || 0) : value.toLowerCase();
  }

  function sortBy(name, dir) {
    var column = -1;
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].getAttribute('data-key') === name) column = i;
      heads[i].removeAttribute('aria-sort');
    }
    if (column < 0) return;
    var numeric = heads[column].getAttribute('data-type') === 'number';
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, index) { row.setAttribute('data-order', index); });
    rows.sort(function (a, b) {
      var x = key(a.cells[column], numeric), y = key(b.cells[column], numeric);
      var c = x < y ? -1 : x > y ? 1 : 0;
      if (dir === 'desc') c = -c;
      return c || (a.getAttribute('data-order') - b.getAttribute('data-order'));
    });
    rows.forEach(function (row) { body.appendChild(row); });
    heads[column].setAttribute('aria-sort', dir === 'desc' ? 'descending' : 'ascending');
    table.setAttribute('data-sorted-by', name);
    table.setAttribute('data-sort-dir', dir);
    state.sort = name;
    state.dir = dir;
  }

  function applyFilter() {
    var text = filter.value.toLowerCase();
    var level = severity.value;
    var shown = 0;
    for (var i = 0; i < body.rows.length; i++) {
      var row = body.rows[i];
      var match = (!level || row.getAttribute('data-severity') === level) &&
                  (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !match;
      if (match) shown++;
    }
    table.setAttribute('data-visible-rows', String(shown));
    count.textContent = shown + ' of ' + body.rows.length + ' shown';
  }

  function fromHash() {
    var params = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) {
        try {
          params[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
        } catch (e) { /* a malformed escape: ignore that parameter */ }
      }
    });
    if ('q' in params) filter.value = params.q;
    if ('severity' in params) severity.value = params.severity;
    if (params.sort) sortBy(params.sort, params.dir === 'desc' ? 'desc' : 'asc');
    applyFilter();
  }

  for (var i = 0; i < heads.length; i++) {
    heads[i].addEventListener('click', function (event) {
      var name = event.currentTarget.getAttribute('data-key');
      sortBy(name, state.sort === name && state.dir === 'asc' ? 'desc' : 'asc');
    });
  }
  filter.addEventListener('input', applyFilter);
  severity.addEventListener('change', applyFilter);
  window.addEventListener('hashchange', fromHash);
  fromHash();
  document.documentElement.setAttribute('data-report-ready', '1');
})();
