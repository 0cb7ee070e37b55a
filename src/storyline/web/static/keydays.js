/* Storyline key days: the crisis's most important days, each opening its events and its evidence
 * with the evidence highlighted. Shared by the web page (/days) and the self-contained HTML export.
 * Report text is untrusted: it only ever enters the page through textContent, never as HTML. */
(function () {
  "use strict";
  var box = document.getElementById("key-days");
  var source = document.getElementById("storyline-data");
  if (!box || !source) return;
  var DATA = JSON.parse(source.textContent);
  var WEB = DATA.mode === "web";
  var DAYS = DATA.key_days || [];
  var SHOWN = DATA.key_days_shown || 10;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k]; else if (k === "cls") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c != null) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function safeUrl(u) { return /^https?:\/\//i.test(u || "") ? u : null; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function eventItem(e) {
    var label;
    if (WEB) label = el("a", { href: "/events/" + encodeURIComponent(e.id), text: e.label });
    else {  /* the export: show the event in the timeline's evidence panel below */
      label = el("a", { href: "#detail", text: e.label });
      label.addEventListener("click", function (ev) {
        if (window.storyline && window.storyline.select) {
          ev.preventDefault();
          window.storyline.select(e.id);
          var d = document.getElementById("detail");
          if (d) d.scrollIntoView({ behavior: "smooth", block: "start" });
        }
      });
    }
    return el("li", { "data-event": e.id }, [el("span", { cls: "type t-" + e.type, text: e.type }), " ", label,
      el("span", { cls: "muted", text: " · " + plural(e.n_reports, "report") + (e.timeline === false ? " · not on the timeline" : "") })]);
  }

  function evidenceQuote(ev) {
    var url = safeUrl(ev.url);
    var title = WEB ? el("a", { href: "/documents/" + encodeURIComponent(ev.doc), text: ev.title || ev.doc })
      : url ? el("a", { href: url, rel: "noopener noreferrer", text: ev.title || ev.doc }) : (ev.title || ev.doc);
    return el("blockquote", { "data-doc": ev.doc }, [ev.before, el("mark", { cls: "evidence", text: ev.text }), ev.after,
      el("small", {}, [title, ev.published ? ", " + ev.published : ""])]);
  }

  function dayItem(k) {
    var facts = [plural(k.n_reports, "report"), k.n_references + " later " + (k.n_references === 1 ? "report refers" : "reports refer") + " back",
      plural(k.events.length, "event")];
    var head = el("summary", {}, [el("span", { cls: "rank", text: String(k.rank) }), " ",
      el("time", { datetime: k.date, text: k.date }), " ", el("span", { cls: "day-summary", text: k.summary }), " ",
      el("span", { cls: "muted facts", text: facts.join(" · ") })]);
    var body = el("div", { cls: "day-body" });
    var filled = false;
    var details = el("details", { cls: "day", "data-date": k.date }, [head, body]);
    details.addEventListener("toggle", function () {  /* built when first opened: a long list stays light */
      if (!details.open || filled) return;
      filled = true;
      if (k.events.length) {
        body.appendChild(el("h4", { text: "Events" }));
        body.appendChild(el("ul", { cls: "day-events" }, k.events.map(eventItem)));
      }
      body.appendChild(el("h4", { text: "Evidence" }));
      k.evidence.forEach(function (ev) { body.appendChild(evidenceQuote(ev)); });
    });
    return details;
  }

  var list = box.querySelector(".days");
  var more = box.querySelector(".more");
  var count = box.querySelector(".count");
  if (!DAYS.length) {
    list.appendChild(el("p", { cls: "muted", text: "No key days: the reports name no day and date no event." }));
    if (more) more.hidden = true;
    return;
  }
  var shown = 0;
  function show(n) {
    DAYS.slice(shown, n).forEach(function (k) { list.appendChild(dayItem(k)); });
    shown = Math.min(n, DAYS.length);
    if (count) count.textContent = "(" + shown + " of " + DAYS.length + ", most important first)";
    if (more) more.hidden = shown >= DAYS.length;
  }
  if (more) more.addEventListener("click", function () { show(shown + SHOWN); });
  show(SHOWN);
  window.storylineKeyDays = { days: DAYS, open: function (date) {
    var d = list.querySelector('details.day[data-date="' + date + '"]');
    if (d) { d.open = true; d.scrollIntoView({ block: "start" }); }
    return d;
  } };
})();
(function () {
  "use strict";  /* the web page's story picker applies as soon as a story is chosen */
  var pick = document.getElementById("f-story-days");
  if (pick) pick.addEventListener("change", function () { pick.form.submit(); });
})();
