// Autosave safety net for the application editor (no inline script: CSP).
// htmx posts the form on change and after typing; when the connection drops, the typed text
// stays in the page, a copy goes to this browser's storage and the save is retried.
(function () {
  "use strict";
  function status(form, text, css) {
    var box = document.getElementById("autosave-status");
    if (box) { box.textContent = text; box.className = "small " + css; }
  }
  function snapshot(form) {
    var data = {};
    new FormData(form).forEach(function (value, key) {
      if (typeof value === "string" && key !== "csrfmiddlewaretoken") { data[key] = value; }
    });
    return data;
  }
  function key(form) { return "qaward-autosave:" + form.getAttribute("data-autosave"); }
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.target.closest("form[data-autosave]");
    if (!form) { return; }
    try { localStorage.setItem(key(form), JSON.stringify(snapshot(form))); } catch (e) { /* storage full */ }
    status(form, "网络中断，内容尚未保存到服务器，已暂存在本机；恢复连接后将自动重试。", "text-danger");
    window.setTimeout(function () { htmx.trigger(form, "change"); }, 10000);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target.closest("form[data-autosave]");
    if (form && event.detail.successful) {
      try { localStorage.removeItem(key(form)); } catch (e) { /* ignore */ }
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      var saved;
      try { saved = JSON.parse(localStorage.getItem(key(form)) || "null"); } catch (e) { saved = null; }
      if (!saved) { return; }
      Object.keys(saved).forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (field && "value" in field && field.value !== saved[name]) { field.value = saved[name]; }
      });
      status(form, "已恢复上次未保存到服务器的内容，正在保存……", "text-warning");
      htmx.trigger(form, "change");
    });
  });
})();
