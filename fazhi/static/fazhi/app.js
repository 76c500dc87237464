/* Fazhi — the few behaviours every page shares; no framework.
   - each table cell learns its column's name (data-label), so a list reads as
     cards on a phone;
   - a [data-print] button prints the page (the print stylesheet hides the rest);
   - filters fold away on a phone unless they are in use. */
(function () {
  "use strict";

  function labelCells(table) {
    var heads = table.querySelectorAll("thead th");
    if (!heads.length) return;
    var names = Array.prototype.map.call(heads, function (th) { return th.textContent.trim(); });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        if (!cell.hasAttribute("data-label") && cell.colSpan === 1) {
          cell.setAttribute("data-label", names[column] || "");
        }
        column += cell.colSpan;
      });
    });
  }

  function foldFilters() {
    if (!window.matchMedia("(max-width: 720px)").matches) return;
    document.querySelectorAll("details.filter-fold[data-active='no']").forEach(function (fold) {
      fold.open = false;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".table-wrap table").forEach(labelCells);
    foldFilters();
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) window.print();
  });
  // htmx swaps in new rows: label them too.
  document.addEventListener("htmx:afterSwap", function (event) {
    event.target.querySelectorAll(".table-wrap table").forEach(labelCells);
  });
})();
