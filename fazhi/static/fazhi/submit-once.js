/* A double click on 保存 sends a form once.
 *
 * Every POST form gets a one-time submit_token (if the server did not render
 * one); the server sends a repeated token to the first submission's result.
 * While a form is being sent its submit buttons are disabled. */
(function () {
  "use strict";

  function token() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function equip(form) {
    if ((form.getAttribute("method") || "").toLowerCase() !== "post") return;
    if (form.querySelector("input[name=submit_token]")) return;
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "submit_token";
    input.value = token();
    form.appendChild(input);
  }

  function renew(form) {
    var input = form.querySelector("input[name=submit_token]");
    if (input) input.value = token();
  }

  function buttons(form) {
    return form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]");
  }

  function release(form) {
    delete form.dataset.submitting;
    buttons(form).forEach(function (button) { button.disabled = false; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if ((form.getAttribute("method") || "").toLowerCase() !== "post") return;
    if (form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "1";
    // disable after the browser has taken the clicked button's name and value
    window.setTimeout(function () {
      buttons(form).forEach(function (button) { button.disabled = true; });
    }, 0);
    window.setTimeout(function () { release(form); }, 15000); // a download keeps the page
  }, true);

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form").forEach(equip);
  });
  document.addEventListener("htmx:afterSwap", function () {
    document.querySelectorAll("form").forEach(equip);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target.closest && event.target.closest("form");
    if (form) {
      release(form);
      renew(form); // the form stays on the page: its next sending is a new submission
    }
  });
  window.addEventListener("pageshow", function (event) {
    document.querySelectorAll("form[data-submitting]").forEach(release);
    if (event.persisted) document.querySelectorAll("form").forEach(renew); // back button
  });
})();
