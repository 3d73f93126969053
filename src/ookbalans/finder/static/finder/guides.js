// Progressive enhancement: a print button where JavaScript runs (the browser's menu prints without it).
document.querySelectorAll(".print-button").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
