/* Storyline timeline: filters, a vis-timeline view, an event list and an evidence panel.
 * Shared by the web page and the self-contained HTML export. Report text is untrusted:
 * it is only ever put in the page with textContent, never as HTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("storyline-data").textContent);
  var WEB = DATA.mode === "web";
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k]; else if (k === "cls") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c != null) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function actorName(id) { return (DATA.actors[id] || {}).name || id; }
  function names(ids) { return (ids || []).map(actorName).join(", "); }
  function nextDay(iso) {
    var d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1); return d.toISOString().slice(0, 10);
  }
  function safeUrl(u) { return /^https?:\/\//i.test(u || "") ? u : null; }

  /* ---------------------------------------------------------------- filters */
  function fillSelect(select, values, label) {
    values.forEach(function (v) { select.appendChild(el("option", { value: v, text: label ? label(v) : v })); });
  }
  var counts = {};  /* events on the timeline (the default view) per actor */
  DATA.events.forEach(function (e) {
    if (e.timeline === false) return;
    var seen = {};
    e.source.concat(e.target).forEach(function (a) { if (!seen[a]) { seen[a] = true; counts[a] = (counts[a] || 0) + 1; } });
  });
  var actorIds = Object.keys(DATA.actors).sort(function (a, b) { return actorName(a).localeCompare(actorName(b)); });
  fillSelect($("f-actor"), actorIds, function (a) { return actorName(a) + " (" + (counts[a] || 0) + ")"; });
  fillSelect($("f-type"), DATA.types);
  fillSelect($("f-status"), DATA.statuses);

  var STORIES = DATA.stories || [];
  if (STORIES.length > 1) {  /* a mixed feed: pick one story */
    fillSelect($("f-story"), STORIES.map(function (s) { return s.id; }), function (id) {
      var s = STORIES.filter(function (x) { return x.id === id; })[0];
      return s.label + " (" + s.n_docs + " reports)";
    });
    $("f-story-label").hidden = false;
  }

  function filters() {
    return { story: $("f-story").value, actor: $("f-actor").value, type: $("f-type").value, status: $("f-status").value,
      start: $("f-start").value, end: $("f-end").value, multi: $("f-multi").checked,
      all: $("f-all").checked };
  }
  function keep(e, f) {
    if (f.story && e.story !== f.story) return false;
    if (f.actor && e.source.indexOf(f.actor) < 0 && e.target.indexOf(f.actor) < 0) return false;
    if (f.type && e.type !== f.type) return false;
    if (f.status && e.status !== f.status) return false;
    if (f.multi && e.n_reports < 2) return false;
    if (!f.all && e.timeline === false) return false;
    if (f.start && (e.end || e.start || "") < f.start) return false;
    if (f.end && (!e.start || e.start > f.end)) return false;
    return true;
  }

  /* ---------------------------------------------------------------- timeline */
  var byId = {};
  DATA.events.forEach(function (e) { byId[e.id] = e; });

  function item(e) {
    var range = e.end && e.end !== e.start;
    var tip = esc(e.label) + "<br>" + esc(e.type) + " · " + esc(e.status) + " · " + esc(e.date) +
      " · " + e.n_reports + " report" + (e.n_reports === 1 ? "" : "s");
    var it = { id: e.id, group: e.type, start: e.start, type: range ? "range" : "box", title: tip,
      className: "t-" + e.type + " s-" + e.status + (e.n_reports > 1 ? " multi" : "") };
    if (range) it.end = nextDay(e.end);
    return it;
  }
  function itemContent(it) {
    var e = byId[it.id];
    var label = e.label.length > 60 ? e.label.slice(0, 57) + "…" : e.label;
    return el("span", {}, [label, e.n_reports > 1 ? el("span", { cls: "n", text: String(e.n_reports) }) : null]);
  }

  var items = new vis.DataSet([]);
  var groups = new vis.DataSet(DATA.types.map(function (t) { return { id: t, content: t }; }));
  var timeline = new vis.Timeline($("timeline"), items, groups, {
    stack: true, zoomable: true, orientation: "top", maxHeight: 520, minHeight: 200,
    margin: { item: 6 }, zoomMin: 1000 * 60 * 60 * 24 * 3, template: itemContent,
    tooltip: { followMouse: true, overflowMethod: "cap" }
  });

  /* ---------------------------------------------------------------- list and detail */
  function showDetail(id) {
    var e = byId[id], box = $("detail");
    box.textContent = "";
    if (!e) { box.hidden = true; return; }
    box.hidden = false;
    var head = el("h2", {}, [el("span", { cls: "type t-" + e.type, text: e.type }), " ", e.label]);
    var facts = [e.date || "undated", e.status, (names(e.source) || "?") + (e.target.length ? " → " + names(e.target) : ""),
      e.n_reports + " report" + (e.n_reports === 1 ? "" : "s")];
    if (e.location) facts.push(e.location);
    box.appendChild(head);
    box.appendChild(el("p", { cls: "muted", text: facts.join(" · ") }));
    if (WEB) box.appendChild(el("p", {}, [el("a", { href: "/events/" + encodeURIComponent(e.id), text: "Open the event with its reports →" })]));
    e.evidence.forEach(function (ev) {
      var url = safeUrl(ev.url);
      var title = (WEB ? el("a", { href: "/documents/" + encodeURIComponent(ev.doc), text: ev.title || ev.doc })
        : url ? el("a", { href: url, rel: "noopener noreferrer", text: ev.title || ev.doc }) : ev.title || ev.doc);
      box.appendChild(el("blockquote", {}, [ev.before, el("mark", { cls: "evidence", text: ev.text }), ev.after,
        el("small", {}, [title, ev.published ? ", " + ev.published : ""])]));
    });
    if (e.n_evidence > e.evidence.length) box.appendChild(el("p", { cls: "muted", text: "… and " + (e.n_evidence - e.evidence.length) + " more evidence spans." }));
    Array.prototype.forEach.call(document.querySelectorAll("#event-list tr.selected"), function (r) { r.classList.remove("selected"); });
    var row = document.querySelector('#event-list tr[data-id="' + CSS.escape(id) + '"]');
    if (row) row.classList.add("selected");
  }

  function renderList(events) {
    var body = document.querySelector("#event-list tbody");
    body.textContent = "";
    events.forEach(function (e) {
      var row = el("tr", { "data-id": e.id, cls: e.n_reports > 1 ? "multi" : "" }, [
        el("td", { text: e.date || "undated" }), el("td", {}, [el("span", { cls: "type t-" + e.type, text: e.type })]),
        el("td", { text: e.label }), el("td", { text: e.status }), el("td", { text: String(e.n_reports) })]);
      row.addEventListener("click", function () {
        if (e.start) { timeline.setSelection([e.id], { focus: true }); }
        showDetail(e.id);
      });
      body.appendChild(row);
    });
    $("list-count").textContent = "(" + events.length + ")";
  }

  function apply() {
    var f = filters();
    var shown = DATA.events.filter(function (e) { return keep(e, f); });
    var dated = shown.filter(function (e) { return e.start; });
    items.clear();
    items.add(dated.map(item));
    var types = {};
    dated.forEach(function (e) { types[e.type] = true; });
    groups.forEach(function (g) { groups.update({ id: g.id, visible: !!types[g.id] }); });
    renderList(shown);
    $("f-count").textContent = shown.length + " of " + DATA.events.length + " events" +
      (shown.length > dated.length ? " (" + (shown.length - dated.length) + " undated, in the list only)" : "");
    if (dated.length) timeline.fit({ animation: false });
  }

  timeline.on("select", function (props) { if (props.items.length) showDetail(props.items[0]); });
  ["f-story", "f-actor", "f-type", "f-status", "f-start", "f-end", "f-multi", "f-all"].forEach(function (id) { $(id).addEventListener("change", apply); });
  $("f-reset").addEventListener("click", function () {
    ["f-story", "f-actor", "f-type", "f-status", "f-start", "f-end"].forEach(function (id) { $(id).value = ""; });
    $("f-multi").checked = false; $("f-all").checked = false; apply();
  });
  $("z-in").addEventListener("click", function () { timeline.zoomIn(0.5); });
  $("z-out").addEventListener("click", function () { timeline.zoomOut(0.5); });
  $("z-fit").addEventListener("click", function () { timeline.fit(); });
  if ($("generated")) $("generated").textContent = DATA.n_documents + " reports · generated " + DATA.generated;
  apply();
  window.storyline = { timeline: timeline, data: DATA, select: showDetail };
})();
