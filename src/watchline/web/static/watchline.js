// Page behaviour without inline handlers (the Content-Security-Policy forbids them).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // <select data-autosubmit> submits its form as soon as the choice changes.
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () {
        if (select.form) select.form.submit();
      });
    });
  });
})();
