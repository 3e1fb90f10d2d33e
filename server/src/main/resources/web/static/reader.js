// The reader opened at a span: /read/{doc}?start=&end= marks it server-side (#target); the short form
// /read/{doc}#start-end is turned into that, and the target is scrolled into view.
(function () {
  var m = /^#(\d+)-(\d+)$/.exec(location.hash);
  if (m) { location.replace(location.pathname + "?start=" + m[1] + "&end=" + m[2] + "#target"); return; }
  var target = document.getElementById("target");
  if (target) target.scrollIntoView({ block: "center" });
})();
