/* Rekenschap: check while typing (progressive enhancement; no dependencies, no inline script).
 *
 * A form with data-live-check="<region id>" is posted, debounced while the author types, to its
 * own URL with _check=1 (the CSRF token travels in the form data). The server builds the content
 * exactly as a save would, validates it with the domain model and runs the checks registry, saves
 * nothing, and answers {summary, problems: [{code, severity, message, path, field}]}. The list in
 * the region is redrawn from that with text nodes only; fields with an error get aria-invalid.
 * The list is not a live region (a screen reader would read it all again on every check): only
 * the short status line inside it is (role=status), and it changes only when the findings do,
 * to the summary plus what is new and what was resolved ("2 bevindingen, waarvan 1 fout; 1
 * nieuw"). Without JavaScript the form works as before: the findings show after a save.
 */
(function () {
  "use strict";
  var DELAY_MS = 600;

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) { node.className = className; }
    return node;
  }

  function keyOf(p) {
    return p.code + " " + (p.path || "") + " " + (p.field || "");
  }

  function shown(region) {
    var keys = {};
    region.querySelectorAll("li[data-key]").forEach(function (item) {
      keys[item.getAttribute("data-key")] = true;
    });
    return keys;
  }

  function announce(region, status, summary, before, after) {
    var added = Object.keys(after).filter(function (k) { return !before[k]; }).length;
    var gone = Object.keys(before).filter(function (k) { return !after[k]; }).length;
    if (!added && !gone && status.getAttribute("data-summary") === summary) {
      return;  // nothing changed: say nothing
    }
    var parts = [];
    if (added) { parts.push((region.getAttribute("data-new") || "{n}").replace("{n}", added)); }
    if (gone) { parts.push((region.getAttribute("data-gone") || "{n}").replace("{n}", gone)); }
    status.setAttribute("data-summary", summary);
    status.textContent = summary + (parts.length ? "; " + parts.join(", ") : "");
  }

  function draw(region, status, form, data) {
    var before = shown(region);
    var after = {};
    var list = document.createElement("ul");
    list.className = "live-problems";
    var invalid = {};
    (data.problems || []).forEach(function (p) {
      var item = document.createElement("li");
      item.className = "sev-" + p.severity;
      item.setAttribute("data-code", p.code);
      item.setAttribute("data-key", keyOf(p));
      after[keyOf(p)] = true;
      item.appendChild(text("code", p.code));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(text("span", p.label || p.severity, "sev-label"));
      item.appendChild(document.createTextNode(": " + p.message));
      if (p.field && document.getElementById(p.field)) {
        var link = text("a", region.getAttribute("data-goto") || "→");
        link.href = "#" + p.field;
        item.appendChild(document.createTextNode(" "));
        item.appendChild(link);
        if (p.severity === "error") { invalid[p.field] = true; }
      }
      list.appendChild(item);
    });
    form.querySelectorAll("[aria-invalid]").forEach(function (field) {
      if (!invalid[field.id]) { field.removeAttribute("aria-invalid"); }
    });
    Object.keys(invalid).forEach(function (id) {
      document.getElementById(id).setAttribute("aria-invalid", "true");
    });
    var old = region.querySelector("ul.live-problems");
    if (old) { old.replaceWith(list); } else { region.appendChild(list); }
    announce(region, status, data.summary || "", before, after);
  }

  function enhance(form) {
    var region = document.getElementById(form.getAttribute("data-live-check"));
    var status = region && region.querySelector("[role=status]");
    if (!region || !status) { return; }
    status.setAttribute("data-summary", status.textContent.trim());
    var timer = null;
    var latest = 0;
    function check() {
      var body = new FormData(form);
      body.set("_check", "1");
      var mine = ++latest;
      region.setAttribute("aria-busy", "true");
      fetch(form.getAttribute("action") || window.location.href, {
        method: "POST", body: body, credentials: "same-origin",
        headers: {"Accept": "application/json"}
      }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      }).then(function (data) {
        if (mine === latest) { draw(region, status, form, data); }
      }).catch(function () {
        if (mine === latest) {
          var failed = region.getAttribute("data-failed") || "";
          status.removeAttribute("data-summary");  // the next answer is announced again
          if (status.textContent !== failed) { status.textContent = failed; }
        }
      }).finally(function () {
        if (mine === latest) { region.removeAttribute("aria-busy"); }
      });
    }
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DELAY_MS);
    });
  }

  document.querySelectorAll("form[data-live-check]").forEach(enhance);
}());
