/* Rekenschap: check while typing (progressive enhancement; no dependencies, no inline script).
 *
 * A form with data-live-check="<region id>" is posted, debounced while the author types, to its
 * own URL with _check=1 (the CSRF token travels in the form data). The server builds the content
 * exactly as a save would, validates it with the domain model and runs the checks registry, saves
 * nothing, and answers {summary, problems: [{code, severity, message, path, field}]}. The region
 * (an aria-live status) is redrawn from that with text nodes only; fields with an error get
 * aria-invalid. Without JavaScript the form works as before: the findings show after a save.
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

  function draw(region, form, data) {
    var list = document.createElement("ul");
    list.className = "live-problems";
    var invalid = {};
    (data.problems || []).forEach(function (p) {
      var item = document.createElement("li");
      item.className = "sev-" + p.severity;
      item.setAttribute("data-code", p.code);
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
    region.replaceChildren(text("p", data.summary || "", "live-summary"), list);
  }

  function enhance(form) {
    var region = document.getElementById(form.getAttribute("data-live-check"));
    if (!region) { return; }
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
        if (mine === latest) { draw(region, form, data); }
      }).catch(function () {
        if (mine === latest) {
          region.replaceChildren(text("p", region.getAttribute("data-failed") || "", "error"));
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
