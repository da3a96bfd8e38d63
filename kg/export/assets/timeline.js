/* kg timeline page: filter rows by text. Reads text with textContent only; its one string
   comes from the page's data (kg-data, filled from kg/lang/<lang>/ui.json). */
(function () {
  "use strict";
  var I18N = JSON.parse(document.getElementById("kg-data").textContent).i18n;
  var input = document.getElementById("kg-filter");
  var count = document.getElementById("kg-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll(".kg-row"));
  function T(key, values) {
    return I18N[key].replace(/\{(\w+)\}/g, function (m, name) { return name in values ? String(values[name]) : m; });
  }
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var texts = rows.map(function (r) { return fold(r.textContent); });
  input.addEventListener("input", function () {
    var q = fold(input.value.trim()), shown = 0;
    rows.forEach(function (r, i) {
      var hit = !q || texts[i].indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) shown += 1;
    });
    document.querySelectorAll(".kg-group").forEach(function (g) {
      g.hidden = !g.querySelector(".kg-row:not([hidden])");
    });
    count.textContent = T("timeline.count_filtered", { shown: shown, count: rows.length });
  });
})();
