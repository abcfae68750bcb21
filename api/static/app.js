// Clicking a responsibility cell or an edge row shows its quoted sentence and source.
// Every value is written with textContent: document text is untrusted.
(function () {
  var panel = document.getElementById("quote-panel");
  if (!panel) { return; }
  function put(id, value) { document.getElementById(id).textContent = value || ""; }
  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-quote]");
    if (el) {
      put("qp-title", el.getAttribute("data-title"));
      put("qp-quote", el.getAttribute("data-quote"));
      put("qp-source", el.getAttribute("data-source"));
      panel.classList.add("open");
      event.preventDefault();
    } else if (event.target.id === "qp-close") {
      panel.classList.remove("open");
    }
  });
})();
