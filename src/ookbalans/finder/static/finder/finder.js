/* The finder's progressive enhancements (static file, CSP-safe): a running count of the services a
   professional ticks, a print button on the parent's list, and "read aloud" with the browser's own
   speech synthesis. Without JavaScript the pages work the same; only these controls are absent. */
(function () {
  "use strict";

  function countPicks() {
    var boxes = document.querySelectorAll('input[name="s"][form="list-form"]');
    var counters = document.querySelectorAll(".picked");
    if (!boxes.length || !counters.length) { return; }
    function update() {
      var n = 0;
      boxes.forEach(function (box) { if (box.checked) { n += 1; } });
      counters.forEach(function (counter) {
        counter.hidden = false;
        counter.querySelector(".picked-count").textContent = String(n);
      });
    }
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
  }

  function printButton() {
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function readAloud() {
    var button = document.querySelector("button[data-read-aloud]");
    if (!button || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") { return; }
    var region = document.querySelector(button.getAttribute("data-read-aloud")) || document.querySelector("main");
    var label = button.querySelector(".read-label");
    var start = button.getAttribute("data-start");
    var stop = button.getAttribute("data-stop");
    function reset() { label.textContent = start; button.setAttribute("aria-pressed", "false"); }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (window.speechSynthesis.speaking) { window.speechSynthesis.cancel(); reset(); return; }
      var parts = [];
      region.querySelectorAll("h1, h2, p, li, dt, dd").forEach(function (element) {
        if (element.querySelector("p, li, dt, dd")) { return; }
        if (!element.closest("[hidden], .read-aloud-skip") && element.textContent.trim()) {
          parts.push({ text: element.textContent.trim(), lang: (element.closest("[lang]") || document.documentElement).lang });
        }
      });
      parts.forEach(function (part, index) {
        var utterance = new SpeechSynthesisUtterance(part.text);
        utterance.lang = part.lang;
        if (index === parts.length - 1) { utterance.onend = reset; }
        window.speechSynthesis.speak(utterance);
      });
      label.textContent = stop;
      button.setAttribute("aria-pressed", "true");
    });
  }

  countPicks();
  printButton();
  readAloud();
}());
