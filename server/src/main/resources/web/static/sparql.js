// The query editor: YASGUI against this server's SPARQL endpoint (same host, the endpoint's port), with the
// project's prefixes in every new tab and the named queries as examples. Settings come from the page's JSON block.
(function () {
  var config = JSON.parse(document.getElementById("sparql-config").textContent);
  var endpoint = location.protocol + "//" + location.hostname + ":" + config.port + config.path;
  document.getElementById("endpoint").textContent = endpoint;
  var prefixes = Object.keys(config.prefixes).map(function (p) { return "PREFIX " + p + ": <" + config.prefixes[p] + ">"; }).join("\n");
  var starter = prefixes + "\n\nSELECT ?mechanism ?label WHERE {\n  ?mechanism a nqpf:Mechanism ; rdfs:label ?label .\n} LIMIT 50\n";
  Yasgui.Yasqe.defaults.value = starter;
  // Completers that fetch prefix.cc or the LOV service would make the page reach outside this server (and fail
  // offline); variable completion stays.
  Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter(function (name) {
    return ["prefixes", "property", "class"].indexOf(name) < 0;
  });
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } }
  });
  window.kgYasgui = yasgui; // for tests and the console
  var select = document.getElementById("examples");
  config.queries.forEach(function (q) {
    var o = document.createElement("option");
    o.value = q.name;
    o.textContent = q.name + " — " + q.summary;
    select.appendChild(o);
  });
  select.addEventListener("change", function () {
    var q = config.queries.filter(function (x) { return x.name === select.value; })[0];
    if (!q) return;
    var tab = yasgui.addTab(true, { name: q.name, requestConfig: { endpoint: endpoint, method: "POST" } });
    tab.setQuery(q.query);
    tab.getYasqe().setValue(q.query);
  });
})();
