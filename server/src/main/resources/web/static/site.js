// Shared by every page: the zh/en switch. The choice is kept per browser; pages that draw labels themselves
// (the explorer) listen for the "kg-lang" event.
(function () {
  var KEY = "nqpf-kg-lang";
  function current() { try { return localStorage.getItem(KEY) === "en" ? "en" : "zh"; } catch (e) { return "zh"; } }
  function apply(lang) {
    document.documentElement.setAttribute("data-lang", lang);
    document.documentElement.setAttribute("lang", lang);
    var button = document.getElementById("lang-switch");
    if (button) button.textContent = lang === "en" ? "中文" : "EN";
    document.dispatchEvent(new CustomEvent("kg-lang", { detail: lang }));
  }
  window.kgLang = current;
  window.kgLabel = function (label) {
    if (!label) return "";
    return (current() === "en" ? label.en || label.zh : label.zh || label.en) || "";
  };
  apply(current());
  var button = document.getElementById("lang-switch");
  if (button) button.addEventListener("click", function () {
    var next = current() === "en" ? "zh" : "en";
    try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: the switch still works on this page */ }
    apply(next);
  });
})();
