/* Rekenschap client-side search: no server, works from file:// (the index is a script). */
(function () {
  "use strict";
  var index = window.REKENSCHAP_SEARCH || [];
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  var prepared = index.map(function (e) {
    return { href: e.href, title: e.title, text: e.text, t: fold(e.title), b: fold(e.text) };
  });
  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) { return []; }
    var hits = [];
    prepared.forEach(function (e) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = e.t.indexOf(terms[i]) >= 0, inBody = e.b.indexOf(terms[i]) >= 0;
        if (!inTitle && !inBody) { return; }
        score += (inTitle ? 3 : 0) + (inBody ? 1 : 0);
      }
      hits.push({ e: e, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.map(function (h) { return h.e; });
  }
  function snippet(e, query) {
    var term = fold(query).split(/\s+/).filter(Boolean)[0] || "";
    var at = Math.max(0, e.b.indexOf(term) - 60);
    return (at > 0 ? "… " : "") + e.text.slice(at, at + 200) + "…";
  }
  function show(query) {
    var list = document.getElementById("rs-results");
    var status = document.getElementById("rs-status");
    if (!list || !status) { return; }
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    var found = search(query);
    status.textContent = found.length === 0 ? status.dataset.none
      : found.length === 1 ? status.dataset.one
      : status.dataset.count.replace("{n}", String(found.length));
    found.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.href;
      a.textContent = e.title;
      var p = document.createElement("p");
      p.textContent = snippet(e, query);
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
  }
  var params = new URLSearchParams(window.location.search);
  var q = params.get("q") || "";
  var box = document.getElementById("rs-q");
  if (box) { box.value = q; }
  show(q);
  window.rekenschapSearch = search;
})();
