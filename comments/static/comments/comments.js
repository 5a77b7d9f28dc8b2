// "Leave a reply", progressively enhanced. Without JavaScript the form posts normally,
// reply links load ?replytocom=ID#respond and errors come back on a server-rendered page.
(function () {
  "use strict";

  var STORE = "broadsheet.commenter";
  var FIELDS = ["comment", "author", "email", "url"];

  function field(form, name) { return form.querySelector("[name='" + name + "']"); }

  function remembered(form) {
    var box = form.querySelector("#comment-remember");
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(STORE) || "null"); } catch (e) { saved = null; }
    if (saved && box) {
      ["author", "email", "url"].forEach(function (name) {
        var input = field(form, name);
        if (input && !input.value && saved[name]) input.value = saved[name];
      });
      box.checked = true;
    }
  }

  function remember(form) {
    var box = form.querySelector("#comment-remember");
    try {
      if (box && box.checked) {
        window.localStorage.setItem(STORE, JSON.stringify({
          author: field(form, "author").value, email: field(form, "email").value, url: field(form, "url").value
        }));
      } else {
        window.localStorage.removeItem(STORE);
      }
    } catch (e) { /* storage may be disabled; the comment still posts */ }
  }

  function showErrors(form, errors) {
    var status = form.querySelector(".comment-form__status");
    var first = null;
    FIELDS.forEach(function (name) {
      var input = field(form, name);
      var slot = form.querySelector("#" + name + "-error");
      if (!input || !slot) return;
      if (errors[name]) {
        slot.textContent = errors[name];
        slot.hidden = false;
        input.setAttribute("aria-invalid", "true");
        first = first || input;
      } else {
        slot.textContent = "";
        slot.hidden = true;
        input.removeAttribute("aria-invalid");
      }
    });
    status.textContent = errors.__all__ || "";
    status.hidden = !errors.__all__;
    if (first) first.focus();
  }

  function fetchStart(form) {
    if (form.dataset.started) return;
    form.dataset.started = "asked";
    fetch(form.dataset.startUrl, { credentials: "omit", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) form.querySelector(".comment-form__started").value = data.started; })
      .catch(function () {});
  }

  function insertComment(form, data) {
    var holder = document.createElement("ol");
    holder.innerHTML = data.html;  // server-rendered and escaped
    var item = holder.firstElementChild;
    var list;
    if (data.parent) {
      var parent = document.getElementById("comment-" + data.parent);
      list = parent.querySelector(":scope > ol.comment-children");
      if (!list) {
        list = document.createElement("ol");
        list.className = "comment-children";
        parent.appendChild(list);
      }
    } else {
      list = document.querySelector(".comments .comment-list");
      if (!list) {
        list = document.createElement("ol");
        list.className = "comment-list";
        var section = document.querySelector(".comments");
        section.insertBefore(list, section.querySelector("#respond"));
      }
    }
    list.appendChild(item);
    item.setAttribute("tabindex", "-1");
    item.focus();
  }

  function submit(form, event) {
    event.preventDefault();
    var button = form.querySelector(".comment-form__submit");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        return response.json().catch(function () {
          return { ok: false, errors: { __all__: "Your comment could not be sent. Please try again." } };
        });
      })
      .then(function (data) {
        if (!data.ok) { showErrors(form, data.errors || {}); return; }
        remember(form);
        showErrors(form, {});
        insertComment(form, data);
        field(form, "comment").value = "";
        cancelReply(form);
      })
      .catch(function () {
        showErrors(form, { __all__: "Your comment could not be sent. Please check your connection and try again." });
      })
      .finally(function () { button.disabled = false; });
  }

  var home = null;

  function cancelReply(form) {
    var respond = document.getElementById("respond");
    if (home && respond.parentNode !== home.parent) home.parent.insertBefore(respond, home.next);
    form.querySelector(".comment-form__parent").value = "";
    document.getElementById("reply-title").textContent = "Leave a reply";
    respond.querySelector(".respond__cancel").hidden = true;
  }

  function startReply(form, link) {
    var respond = document.getElementById("respond");
    if (!home) home = { parent: respond.parentNode, next: respond.nextSibling };
    var item = document.getElementById("comment-" + link.dataset.replyTo);
    item.querySelector(":scope > article").after(respond);
    form.querySelector(".comment-form__parent").value = link.dataset.replyTo;
    var name = document.createElement("bdi");  // reader text: its direction stays inside (core.bidi)
    name.textContent = link.dataset.replyName;
    document.getElementById("reply-title").replaceChildren("Reply to ", name);
    respond.querySelector(".respond__cancel").hidden = false;
    field(form, "comment").focus();
  }

  document.querySelectorAll(".comment-form").forEach(function (form) {
    remembered(form);
    form.addEventListener("focusin", function () { fetchStart(form); });
    form.addEventListener("submit", function (event) { submit(form, event); });
    document.querySelectorAll(".comment__reply").forEach(function (link) {
      link.addEventListener("click", function (event) { event.preventDefault(); startReply(form, link); });
    });
    var cancel = document.querySelector(".respond__cancel-link");
    if (cancel) {
      cancel.addEventListener("click", function (event) {
        if (form.querySelector(".comment-form__parent").value && home) {
          event.preventDefault();
          cancelReply(form);
        }
      });
    }
  });
})();
