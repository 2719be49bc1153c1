// The side-by-side translation editor: save one segment without reloading
// the page, move between segments from the keyboard, wrap words in the
// source's placeholders and take a suggestion with one click. Without this
// script the same form posts normally, one segment per Save button.
(function () {
  "use strict";

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  ready(function () {
    var form = document.querySelector("form[data-tr-editor]");
    if (!form) {
      return;
    }
    var announcer = document.querySelector("[data-tr-announce]");

    function rows() {
      return Array.prototype.slice.call(form.querySelectorAll("tr[data-segment]")).filter(function (row) {
        return row.querySelector("textarea");
      });
    }

    function rowOf(element) {
      return element.closest("tr[data-segment]");
    }

    function announce(text) {
      if (announcer) {
        announcer.textContent = "";
        window.setTimeout(function () {
          announcer.textContent = text;
        }, 50);
      }
    }

    function move(row, step) {
      var all = rows();
      var next = all[all.indexOf(row) + step];
      if (next) {
        var area = next.querySelector("textarea");
        area.focus();
        area.setSelectionRange(area.value.length, area.value.length);
        next.scrollIntoView({ block: "nearest" });
      }
      return Boolean(next);
    }

    function post(row, action) {
      var data = new FormData();
      var area = row.querySelector("textarea");
      data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
      data.append("action", action + ":" + row.dataset.segment);
      data.append(area.name, area.value);
      return fetch(window.location.href, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      }).then(function (response) {
        return response.json().catch(function () {
          return { ok: false, errors: [form.dataset.errorText] };
        });
      });
    }

    function showErrors(row, errors) {
      var box = row.querySelector("[data-tr-errors]");
      box.textContent = "";
      (errors || []).forEach(function (message) {
        var paragraph = document.createElement("p");
        paragraph.className = "error-message";
        paragraph.textContent = message;
        box.appendChild(paragraph);
      });
    }

    function save(row) {
      row.setAttribute("aria-busy", "true");
      return post(row, "save_segment").then(function (answer) {
        row.removeAttribute("aria-busy");
        showErrors(row, answer.ok ? [] : answer.errors);
        if (!answer.ok) {
          announce((answer.errors || [form.dataset.errorText]).join(" "));
          return false;
        }
        var badge = row.querySelector("[data-segment-status]");
        badge.textContent = answer.status_label;
        badge.classList.toggle("w-status--primary", answer.needs_work);
        row.dataset.status = answer.status;
        row.dataset.needsWork = String(answer.needs_work);
        var pageBadge = document.querySelector("[data-translation-status]");
        if (pageBadge) {
          pageBadge.textContent = answer.page_status_label;
          pageBadge.dataset.translationStatus = answer.page_status;
          pageBadge.classList.toggle("w-status--primary", answer.page_status !== "up_to_date");
        }
        row.querySelector("[data-tr-saved]").textContent = form.dataset.savedText;
        announce(form.dataset.savedText + ": " + answer.status_label);
        return true;
      });
    }

    function addUseButton(row, suggestion) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small button-secondary w-ml-2";
      button.textContent = form.dataset.useText;
      button.addEventListener("click", function () {
        var area = row.querySelector("textarea");
        area.value = suggestion.textContent;
        area.focus();
      });
      suggestion.parentNode.appendChild(button);
    }

    rows().forEach(function (row) {
      row.querySelectorAll("[data-suggestion]").forEach(function (suggestion) {
        addUseButton(row, suggestion);
      });
    });

    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) {
        return;
      }
      var row = rowOf(button);
      if (button.hasAttribute("data-tr-save")) {
        event.preventDefault();
        save(row);
      } else if (button.hasAttribute("data-tr-suggest")) {
        event.preventDefault();
        post(row, "suggest").then(function (answer) {
          showErrors(row, answer.ok ? [] : answer.errors);
          if (!answer.ok) {
            return;
          }
          var box = row.querySelector("[data-tr-suggestions]");
          var old = box.querySelector("[data-machine-suggestion]");
          if (old) {
            old.remove();
          }
          var paragraph = document.createElement("p");
          paragraph.setAttribute("data-machine-suggestion", "");
          var label = document.createElement("strong");
          label.textContent = form.dataset.machineText + " ";
          var text = document.createElement("span");
          text.setAttribute("data-suggestion", "");
          text.textContent = answer.suggestion;
          paragraph.appendChild(label);
          paragraph.appendChild(text);
          box.appendChild(paragraph);
          addUseButton(row, text);
          announce(form.dataset.machineText + " " + answer.suggestion);
        });
      } else if (button.classList.contains("tr-chip")) {
        var area = row.querySelector("textarea");
        var start = area.selectionStart;
        var end = area.selectionEnd;
        var opening = button.dataset.open;
        var closing = button.dataset.close || "";
        area.value = area.value.slice(0, start) + opening + area.value.slice(start, end) + closing + area.value.slice(end);
        area.focus();
        area.setSelectionRange(end + opening.length, end + opening.length);
      }
    });

    form.addEventListener("keydown", function (event) {
      if (event.target.tagName !== "TEXTAREA") {
        return;
      }
      var row = rowOf(event.target);
      if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        event.preventDefault();
        move(row, event.key === "ArrowDown" ? 1 : -1);
      } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        save(row).then(function (saved) {
          if (saved) {
            move(row, 1);
          }
        });
      }
    });

    form.addEventListener("focusin", function (event) {
      rows().forEach(function (row) {
        row.classList.toggle("tr-current", row.contains(event.target));
      });
    });
  });
})();
