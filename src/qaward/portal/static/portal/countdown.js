// Updates the calendar-time countdown of publicity windows once a minute. The server renders
// the numbers (this script only keeps them current), so the page works without JavaScript.
// Counts from the seconds the server computed, not the visitor's clock (which may be wrong).
(function () {
  "use strict";
  var loaded = Date.now();
  function render(el) {
    var total = parseInt(el.getAttribute("data-seconds-left"), 10);
    if (isNaN(total)) return;
    var left = Math.max(0, total - Math.floor((Date.now() - loaded) / 1000));
    if (left === 0) {
      el.textContent = el.getAttribute("data-label-closed") || "";
      return;
    }
    var days = Math.floor(left / 86400);
    var hours = Math.floor((left % 86400) / 3600);
    var minutes = Math.floor((left % 3600) / 60);
    var template = el.getAttribute("data-template") || "{d} d {h} h {m} min";
    el.textContent = template.replace("{d}", days).replace("{h}", hours).replace("{m}", minutes);
  }
  function tick() {
    document.querySelectorAll("[data-seconds-left]").forEach(render);
  }
  document.addEventListener("DOMContentLoaded", function () {
    tick();
    window.setInterval(tick, 30000);
  });
})();
