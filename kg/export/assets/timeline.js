/* kg timeline page: filter rows by text. Reads text with textContent only. */
(function () {
  "use strict";
  var input = document.getElementById("kg-filter");
  var count = document.getElementById("kg-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll(".kg-row"));
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
    count.textContent = shown + " / " + rows.length + " événements";
  });
})();
