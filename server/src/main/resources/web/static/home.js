// The home page's search box: sentences from /api/search, each linking to the reader at that sentence and to
// the concepts it mentions. Works without this script too: the form then reloads the page with ?q=.
(function () {
  var form = document.getElementById("search");
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }
  // The snippet marks matches with <mark>; everything else in it is text, so rebuild it from text nodes only.
  function snippet(html) {
    var span = el("span");
    html.split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      var m = /^<mark>(.*)<\/mark>$/.exec(part);
      span.appendChild(m ? el("mark", {}, m[1]) : document.createTextNode(part));
    });
    return span;
  }
  function search(q) {
    results.textContent = "…";
    fetch("/api/search?limit=20&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        results.textContent = "";
        if (!r.ok) { results.appendChild(el("p", { "class": "none" }, r.body.detail || "search failed")); return; }
        var items = r.body.items || [];
        results.appendChild(el("p", {}, (r.body.total != null ? r.body.total : items.length) + " sentence(s)"));
        var list = el("ol");
        items.forEach(function (it) {
          var li = el("li");
          var a = el("a", { href: "/read/" + it.document + "?start=" + it.start + "&end=" + it.end + "#target", "class": "quote" });
          a.appendChild(snippet(it.snippet || it.text));
          li.appendChild(a);
          if (it.section) li.appendChild(el("span", { "class": "section" }, " " + it.section));
          (it.mentions || []).forEach(function (m) {
            li.appendChild(document.createTextNode(" "));
            li.appendChild(el("a", { href: "/page/" + m.id, "class": "tag" }, m.label));
          });
          list.appendChild(li);
        });
        results.appendChild(list);
      })
      .catch(function () { results.textContent = "search failed"; });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "/?q=" + encodeURIComponent(input.value));
    search(input.value);
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; search(q); }
})();
