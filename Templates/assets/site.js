// Progressive enhancement only: remembers the large-text / high-contrast
// choice between pages. Without JavaScript the switch still works on each page.
(function () {
  var box = document.getElementById("large-text");
  if (!box) return;
  try {
    if (window.localStorage.getItem("gen-site-large-text") === "1") box.checked = true;
    box.addEventListener("change", function () {
      window.localStorage.setItem("gen-site-large-text", box.checked ? "1" : "0");
    });
  } catch (e) { /* storage blocked: the switch still works on this page */ }
})();
