// Page behaviour without inline handlers (the Content-Security-Policy forbids them).
(function () {
  "use strict";
  // A filter form leaves its empty fields out of the URL (the server ignores them too).
  function dropEmpty(form) {
    form.querySelectorAll("input[name], select[name]").forEach(function (field) {
      if (!field.value) field.disabled = true;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    // <select data-autosubmit> submits its form as soon as the choice changes.
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () {
        if (!select.form) return;
        dropEmpty(select.form);
        select.form.submit();
      });
    });
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () { dropEmpty(form); });
    });
  });
  // Back to a page from the history: its fields are usable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.filters [disabled]").forEach(function (field) {
      field.disabled = false;
    });
  });
})();
