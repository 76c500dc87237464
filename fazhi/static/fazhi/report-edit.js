// The report page: remember unsaved typing, say so beside 保存, and warn before
// the page is left with it. 生成 sends the edits along (hx-include), so a
// successful 生成 counts as a save.
(function () {
  "use strict";
  var form = document.getElementById("report-edit");
  if (!form) return;
  var note = document.getElementById("unsaved-note");
  var dirty = false;

  function mark(value) {
    dirty = value;
    if (note) note.hidden = !value;
  }

  form.addEventListener("input", function () { mark(true); });
  form.addEventListener("change", function () { mark(true); });
  form.addEventListener("submit", function () { mark(false); });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var source = event.detail && event.detail.elt;
    if (event.detail.successful && source && source.closest && source.closest("#report-generate")) {
      mark(false);
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = "";
  });
})();
