// Show each translation's status as a badge in the page editor's header, beside
// the page's own status, not only inside the header's "…" menu.
(function () {
  "use strict";
  var match = window.location.pathname.match(/^(.*\/)pages\/(\d+)\/edit\/$/);
  if (!match) {
    return;
  }
  var url = match[1] + "translations/page/" + match[2] + "/status/";
  function show(data) {
    var nav = document.getElementById("w-slim-header-buttons");
    if (!nav || document.querySelector("[data-translation-badge]")) {
      return;
    }
    data.statuses.forEach(function (row) {
      var badge = document.createElement("a");
      badge.href = row.url;
      badge.textContent = row.label;
      badge.className = "w-status w-ml-2" + (row.status === "up_to_date" ? "" : " w-status--primary");
      badge.setAttribute("data-translation-badge", row.language);
      badge.setAttribute("data-translation-status", row.status);
      nav.parentNode.insertBefore(badge, nav);
    });
  }
  fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (data) {
      if (!data) {
        return;
      }
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () {
          show(data);
        });
      } else {
        show(data);
      }
    });
})();
