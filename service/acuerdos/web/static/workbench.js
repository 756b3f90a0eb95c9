// The SPARQL workbench at /sparql: YASGUI (served from this site) set up for this graph.
// Our prefixes declared, every named question an example tab, results as a table whose IRIs open
// their pages here (with their labels), the query kept in the address (#query=…, never sent to the
// server). Without this script the page is a plain form that sends the query to /sparql.
(function () {
  "use strict";
  var holder = document.getElementById("workbench");
  var source = document.getElementById("workbench-config");
  if (!holder || !source || typeof window.Yasgui === "undefined") { return; }
  var config = JSON.parse(source.textContent);
  var Yasgui = window.Yasgui;
  var endpoint = new URL(config.endpoint, window.location.href).href;
  var asked = /(?:^#|&)query=/.test(window.location.hash);

  holder.hidden = false;
  var form = document.getElementById("sparql-form");
  if (form) { form.hidden = true; }

  var yasgui = new Yasgui(holder, {
    persistenceId: null, // nothing kept in the browser's storage: the address keeps the query
    populateFromUrl: true, // a #query=… opens in a tab of its own
    autofocus: false,
    copyEndpointOnNewTab: true,
    tabName: config.strings.workbench_tab,
    requestConfig: { endpoint: endpoint, method: "POST" },
    yasqe: {
      value: config.query,
      persistenceId: null,
      collapsePrefixesOnLoad: true, // the PREFIX lines folded: the query is what one reads
      autocompleters: ["variables"], // the others ask prefix.cc and LOV: nothing may leave this host
      prefixCcApi: null
    },
    yasr: {
      prefixes: config.prefixes,
      defaultPlugin: "table",
      persistenceId: null,
      plugins: { table: { dynamicConfig: { openIriInNewWindow: false } } }
    }
  });

  config.examples.forEach(function (example) {
    yasgui.addTab(false, { name: example.title, yasqe: { value: example.query } });
  });

  // the query in the address: on every change and run, and for the tab shown
  var keep = function (tab) {
    if (!tab || tab !== yasgui.getTab()) { return; }
    var query = tab.getQuery();
    window.history.replaceState(null, "", "#query=" + encodeURIComponent(query));
  };
  yasgui.on("tabChange", function (instance, tab) { keep(tab); });
  yasgui.on("query", function (instance, tab) { keep(tab); });
  yasgui.on("tabSelect", function (instance, id) { window.setTimeout(function () { keep(yasgui.getTab(id)); }, 0); });
  keep(yasgui.getTab());
  if (asked) { yasgui.getTab().query(); }

  // IRIs served here open here, with their label beside them
  var labels = {};
  var local = function (iri) {
    for (var i = 0; i < config.local.length; i += 1) {
      var from = config.local[i][0];
      if (iri.indexOf(from) === 0) { return config.local[i][1] + iri.slice(from.length); }
    }
    return null;
  };
  var fetchLabels = function (iris, done) {
    var wanted = iris.filter(function (iri) { return !(iri in labels); });
    if (!wanted.length) { done(); return; }
    wanted.forEach(function (iri) { labels[iri] = ""; });
    var query = "SELECT ?x ?l WHERE { VALUES ?x { " + wanted.map(function (iri) { return "<" + iri + ">"; }).join(" ") +
      " } ?x <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel> ?l " +
      'FILTER(LANG(?l) = "' + config.lang + '") }';
    fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json" },
      body: query
    }).then(function (response) { return response.ok ? response.json() : null; }).then(function (answer) {
      (answer ? answer.results.bindings : []).forEach(function (row) { labels[row.x.value] = row.l.value; });
      done();
    }).catch(function () { done(); });
  };
  var localise = function () {
    var fresh = Array.prototype.filter.call(holder.querySelectorAll(".yasr a.iri"), function (a) { return !a.dataset.iri; });
    var found = [];
    fresh.forEach(function (a) {
      var iri = a.getAttribute("href");
      a.dataset.iri = iri;
      var here = local(iri);
      if (here) { a.setAttribute("href", here); a.removeAttribute("target"); a.title = iri; found.push(iri); }
    });
    fetchLabels(found, function () {
      fresh.forEach(function (a) {
        var label = labels[a.dataset.iri];
        if (label && !a.parentNode.querySelector(".iri-label")) {
          var span = document.createElement("span");
          span.className = "iri-label";
          span.textContent = label;
          a.parentNode.appendChild(span);
        }
      });
    });
  };
  // what YASGUI leaves out for assistive technology: a name for each editor, tab panels that exist,
  // and a tab list that holds tabs only (its "new tab" button moves after it)
  var accessible = function () {
    Array.prototype.forEach.call(holder.querySelectorAll(".CodeMirror textarea:not([aria-label])"), function (area) {
      area.setAttribute("aria-label", config.strings.workbench_editor);
    });
    Array.prototype.forEach.call(holder.querySelectorAll("select.tableSizer:not([aria-label])"), function (select) {
      select.setAttribute("aria-label", config.strings.workbench_rows);
    });
    Array.prototype.forEach.call(holder.querySelectorAll("[role=tab][aria-controls]"), function (tab) {
      if (!document.getElementById(tab.getAttribute("aria-controls"))) { tab.removeAttribute("aria-controls"); }
    });
    Array.prototype.forEach.call(holder.querySelectorAll("[role=tablist] .addTab"), function (button) {
      var list = button.closest("[role=tablist]");
      list.parentNode.insertBefore(button, list.nextSibling);
    });
  };
  var pending = null;
  new MutationObserver(function () {
    if (pending === null) { pending = window.setTimeout(function () { pending = null; localise(); accessible(); }, 30); }
  }).observe(holder, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-controls"] });
  accessible();
})();
