// claimcheck HTML report: sorting and filtering the fact matrix, and showing a
// figure's sentence. Reads only the page's own elements; loads nothing.
(function () {
  "use strict";
  var table = document.querySelector("table.matrix");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var severity = document.getElementById("f-severity");
  var subject = document.getElementById("f-subject");
  var count = document.getElementById("f-count");
  var detail = document.getElementById("detail");

  function applyFilter() {
    var min = Number(severity.value);
    var subj = subject.value;
    var shown = 0;
    rows.forEach(function (r) {
      var keep = Number(r.dataset.severity) >= min && (subj === "" || r.dataset.subject === subj);
      r.hidden = !keep;
      if (keep) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " rows";
  }
  severity.addEventListener("change", applyFilter);
  subject.addEventListener("change", applyFilter);

  var headers = Array.prototype.slice.call(table.tHead.querySelectorAll("th[aria-sort]"));
  headers.forEach(function (th) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () {
      var key = button.dataset.sort;
      var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", next);
      var dir = next === "ascending" ? 1 : -1;
      rows.sort(function (a, b) {
        var x = a.dataset[key], y = b.dataset[key], c;
        if (key === "severity") { c = Number(x) - Number(y); } else { c = x.localeCompare(y); }
        if (c === 0) { c = Number(a.dataset.order) - Number(b.dataset.order); return c; }
        return c * dir;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });

  var pressed = null;
  table.addEventListener("click", function (e) {
    var button = e.target.closest("button.fig");
    if (!button) { return; }
    var source = document.getElementById(button.dataset.q);
    if (!source) { return; }
    if (pressed) { pressed.setAttribute("aria-pressed", "false"); }
    button.setAttribute("aria-pressed", "true");
    pressed = button;
    while (detail.firstChild) { detail.removeChild(detail.firstChild); }
    var copy = source.cloneNode(true);
    copy.removeAttribute("id");
    detail.appendChild(copy);
  });
  Array.prototype.forEach.call(table.querySelectorAll("button.fig"), function (b) {
    b.setAttribute("aria-pressed", "false");
  });
})();
