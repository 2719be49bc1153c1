// Replying in place: "Reply" moves the comment form under the comment instead
// of opening the reply page. Without JavaScript the link opens that page.
(function () {
  "use strict";
  var form = document.querySelector("[data-comment-form]");
  if (!form) {
    return;
  }
  var home = form.parentNode;
  var next = form.nextSibling;
  var parentInput = form.querySelector("[data-comment-parent]");
  var heading = form.querySelector("#comment-form-heading");
  var originalHeading = heading ? heading.textContent : "";
  var section = document.getElementById("comments");
  var cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "comment-form__cancel";
  cancel.textContent = section.getAttribute("data-cancel-label") || "×";
  cancel.hidden = true;
  form.querySelector("button[type=submit]").after(cancel);

  function reset() {
    parentInput.value = "";
    if (heading) {
      heading.textContent = originalHeading;
    }
    cancel.hidden = true;
    home.insertBefore(form, next);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-comment-reply]");
    if (!link) {
      return;
    }
    event.preventDefault();
    var comment = document.getElementById("comment-" + link.getAttribute("data-comment-reply"));
    parentInput.value = link.getAttribute("data-comment-reply");
    if (heading) {
      var name = document.createElement("bdi");
      name.textContent = link.getAttribute("data-comment-author");
      heading.textContent = section.getAttribute("data-reply-label") + " ";
      heading.appendChild(name);
    }
    cancel.hidden = false;
    comment.querySelector(".comment__inner").after(form);
    form.querySelector("textarea").focus();
  });
  cancel.addEventListener("click", reset);
})();
