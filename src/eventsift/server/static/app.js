/* eventsift page: map, timeline, filters, list and event panel over the JSON API.
 *
 * Everything that comes from articles (titles, sentences, names) is put into the page
 * with textContent or text nodes, never as HTML: see el() below, the only way this file
 * builds elements. The filter panel asks the server; the timeline brush and the
 * "new since my last visit" switch filter the loaded events in the page.
 */
"use strict";

(function () {
  const TYPES = ["battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
                 "strategic_developments"];
  const COLORS = {battles: "#d62728", explosions_remote_violence: "#ff7f0e", violence_against_civilians: "#9467bd",
                  protests: "#2ca02c", riots: "#c9a000", strategic_developments: "#1f77b4"};
  const LIST_STEP = 200;
  const VISIT_KEY = "eventsift.lastVisit";
  const BASELINE_KEY = "eventsift.baseline";

  const state = {
    meta: null,
    events: [],         // summaries matching the server-side filters
    byId: new Map(),
    markers: new Map(), // event_id -> Leaflet marker
    timeline: [],       // days from /api/stats/timeline
    brush: null,        // [from, to] ISO dates, or null
    baseline: null,     // ISO time of the previous visit, or null on a first visit
    listShown: LIST_STEP,
    selected: null,
    loadSeq: 0,
  };

  // ---- small helpers ---------------------------------------------------------------

  /** Build an element; children are nodes or strings (strings become text, never HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  function $(id) { return document.getElementById(id); }

  function setStatus(text) { $("status").textContent = text || ""; }

  async function getJSON(url) {
    const r = await fetch(url, {headers: {Accept: "application/json"}});
    if (!r.ok) {
      let detail = r.statusText;
      try { detail = JSON.stringify((await r.json()).detail); } catch (e) { /* not JSON */ }
      throw new Error(`${r.status} ${detail}`);
    }
    return r.json();
  }

  function typeLabel(t) { return (state.meta && state.meta.event_types[t]) || t; }
  function subLabel(t) { return (state.meta && state.meta.sub_event_types[t]) || t; }

  function dateText(start, end) {
    if (!start) return "undated";
    return end && end !== start ? `${start} – ${end}` : start;
  }

  function utcText(iso) {
    if (!iso) return "never";
    return iso.replace("T", " ").replace(/\.\d+/, "").replace("Z", " UTC");
  }

  /** Only http(s) links are made clickable; anything else stays text. */
  function safeHref(url) {
    try {
      const u = new URL(url, window.location.href);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }

  function newness(ev) {
    if (!state.baseline) return null;
    if (ev.first_seen > state.baseline) return "new";
    if (ev.updated_at > state.baseline) return "updated";
    return null;
  }

  // ---- last visit ------------------------------------------------------------------

  /** The previous visit's time stays the baseline for this tab; the next visit starts from now. */
  function initVisit(now) {
    let baseline = null;
    try {
      baseline = sessionStorage.getItem(BASELINE_KEY);
      if (baseline === null) {
        baseline = localStorage.getItem(VISIT_KEY) || "";
        sessionStorage.setItem(BASELINE_KEY, baseline);
      }
      localStorage.setItem(VISIT_KEY, now);
    } catch (e) { baseline = ""; }
    state.baseline = baseline || null;
  }

  // ---- map -------------------------------------------------------------------------

  let map, cluster;

  function initMap() {
    map = L.map("map", {worldCopyJump: true, minZoom: 1, maxZoom: 16, zoomSnap: 0.5}).setView([25, 20], 2);
    map.attributionControl.setPrefix(false);
    if (state.meta.tile_url) {
      const attribution = document.createElement("span");
      attribution.textContent = state.meta.tile_attribution || "";
      L.tileLayer(state.meta.tile_url, {attribution: attribution.innerHTML, maxZoom: 19}).addTo(map);
    }
    cluster = L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45, spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    });
    map.addLayer(cluster);
    map.on("moveend", () => { if ($("in-view").checked) reload(); });
    loadBasemap();
  }

  async function loadBasemap() {
    try {
      const topo = await getJSON("/static/vendor/world-atlas/countries-50m.json");
      const land = topojson.feature(topo, topo.objects.countries);
      const layer = L.geoJSON(land, {
        interactive: false, renderer: L.canvas({padding: 0.5}), attribution: "Borders: Natural Earth",
        style: {color: "#8c8c8c", weight: 0.7, fillColor: "#f3f1ea", fillOpacity: state.meta.tile_url ? 0.15 : 1},
      }).addTo(map);
      layer.bringToBack();
    } catch (e) {
      setStatus(`basemap not loaded: ${e.message}`);
    }
  }

  function clusterIcon(c) {
    const children = c.getAllChildMarkers();
    const counts = {};
    for (const m of children) counts[m.options.evType] = (counts[m.options.evType] || 0) + 1;
    let at = 0;
    const stops = [];
    for (const t of TYPES) {
      if (!counts[t]) continue;
      const next = at + (counts[t] / children.length) * 360;
      stops.push(`${COLORS[t]} ${at}deg ${next}deg`);
      at = next;
    }
    const size = children.length < 10 ? 30 : children.length < 100 ? 36 : children.length < 1000 ? 42 : 48;
    const anyNew = children.some((m) => m.options.evNew);
    const ring = el("div", {class: anyNew ? "ev-cluster has-new" : "ev-cluster",
                            title: anyNew ? "includes events new or updated since your last visit" : null},
      el("span", {text: String(children.length)}));
    ring.style.width = ring.style.height = `${size}px`;
    ring.style.background = `conic-gradient(${stops.join(", ")})`;
    return L.divIcon({html: ring, className: "ev-cluster-icon", iconSize: L.point(size, size)});
  }

  function markerFor(ev) {
    let m = state.markers.get(ev.event_id);
    if (m) return m;
    const fresh = newness(ev);
    const icon = L.divIcon({className: `ev-marker t-${ev.event_type}${fresh ? " is-new" : ""}`, iconSize: [14, 14]});
    const title = `${subLabel(ev.sub_event_type)} — ${ev.location || "?"}, ${dateText(ev.date_start, ev.date_end)}`;
    m = L.marker([ev.lat, ev.lon], {icon, title, alt: title, evType: ev.event_type, evId: ev.event_id,
                                     evNew: !!fresh, riseOnHover: true});
    m.on("click", () => openEvent(ev.event_id));
    state.markers.set(ev.event_id, m);
    return m;
  }

  // ---- filters ---------------------------------------------------------------------

  function filterParams(withBrush) {
    const form = $("filters");
    const p = new URLSearchParams();
    for (const name of ["date_from", "date_to", "country", "admin1", "actor", "q", "min_fatalities", "source"]) {
      const v = form.elements[name].value.trim();
      if (v !== "") p.set(name, v);
    }
    for (const box of form.querySelectorAll("input[name=event_type]:checked")) p.append("event_type", box.value);
    if (form.elements.conflicts.checked) p.set("conflicts", "true");
    if ($("in-view").checked && map) {
      const b = map.getBounds();
      const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
      const w = clamp(b.getWest(), -180, 180), e = clamp(b.getEast(), -180, 180);
      p.set("bbox", [w, clamp(b.getSouth(), -90, 90), e, clamp(b.getNorth(), -90, 90)]
        .map((x) => x.toFixed(4)).join(","));
    }
    if (withBrush && state.brush) {
      const from = p.get("date_from"), to = p.get("date_to");
      p.set("date_from", from && from > state.brush[0] ? from : state.brush[0]);
      p.set("date_to", to && to < state.brush[1] ? to : state.brush[1]);
      if (p.get("date_from") > p.get("date_to")) p.set("date_to", p.get("date_from"));
    }
    return p;
  }

  function fillFilterPanel(facets) {
    const types = $("types");
    for (const t of TYPES) {
      types.appendChild(el("label", {},
        el("input", {type: "checkbox", name: "event_type", value: t}),
        el("span", {class: `dot t-${t}`}), typeLabel(t), el("span", {class: "type-count", "data-type": t})));
    }
    const country = $("filters").elements.country;
    for (const c of facets.countries) country.appendChild(el("option", {value: c.value}, `${c.value} (${c.count})`));
    const source = $("filters").elements.source;
    for (const s of facets.sources) source.appendChild(el("option", {value: s.value}, `${s.value} (${s.count})`));
    const admin1 = $("admin1-list");
    for (const a of facets.admin1) admin1.appendChild(el("option", {value: a.value}));
  }

  // ---- loading ---------------------------------------------------------------------

  async function reload() {
    const seq = ++state.loadSeq;
    const params = filterParams(false);
    setStatus("loading…");
    try {
      const [timeline, types] = await Promise.all([
        getJSON(`/api/stats/timeline?${params}`), getJSON(`/api/stats/types?${params}`)]);
      const events = [];
      let total = Infinity;
      for (let offset = 0; offset < total; offset += state.meta.max_page) {
        const page = await getJSON(`/api/events?${params}&limit=${state.meta.max_page}&offset=${offset}&sort=-date`);
        if (seq !== state.loadSeq) return;   // a newer request took over
        total = page.total;
        events.push(...page.items);
        if (page.items.length === 0) break;
      }
      state.events = events;
      state.byId = new Map(events.map((e) => [e.event_id, e]));
      state.timeline = timeline.days;
      for (const span of document.querySelectorAll(".type-count")) {
        const row = types.types.find((t) => t.event_type === span.dataset.type);
        span.textContent = row ? String(row.count) : "0";
      }
      setStatus("");
      drawTimeline();
      render();
      document.body.dataset.ready = "1";
    } catch (e) {
      if (seq === state.loadSeq) setStatus(`could not load events: ${e.message}`);
    }
  }

  /** Events passing the in-page filters (timeline brush, only-new). */
  function visibleEvents() {
    const onlyNew = $("only-new").checked;
    const [from, to] = state.brush || [null, null];
    return state.events.filter((ev) => {
      if (onlyNew && !newness(ev)) return false;
      if (from) {
        if (!ev.date_start) return false;
        if ((ev.date_end || ev.date_start) < from || ev.date_start > to) return false;
      }
      return true;
    });
  }

  function render() {
    const shown = visibleEvents();
    cluster.clearLayers();
    const withPlace = shown.filter((ev) => ev.lat !== null && ev.lon !== null);
    cluster.addLayers(withPlace.map(markerFor));
    document.body.dataset.markers = String(withPlace.length);
    $("counts").textContent = `${shown.length} of ${state.events.length} events shown` +
      (shown.length > withPlace.length ? ` (${shown.length - withPlace.length} without coordinates)` : "");
    $("list-title").textContent = `Events (${shown.length})`;
    state.listShown = LIST_STEP;
    renderList(shown);
    const params = filterParams(true);
    $("export-csv").href = `/api/export?format=csv&${params}`;
    $("export-geojson").href = `/api/export?format=geojson&${params}`;
    if (!state.fitted && withPlace.length) {
      state.fitted = true;
      map.fitBounds(L.latLngBounds(withPlace.map((ev) => [ev.lat, ev.lon])).pad(0.3), {maxZoom: 7});
    }
  }

  function renderList(shown) {
    const list = $("event-list");
    const rows = shown.slice(0, state.listShown).map((ev) => {
      const fresh = newness(ev);
      const li = el("li", {tabindex: "0", "data-id": ev.event_id, class: ev.event_id === state.selected ? "selected" : null},
        el("span", {class: `dot t-${ev.event_type}`, title: typeLabel(ev.event_type)}),
        el("span", {class: "row-main"}, subLabel(ev.sub_event_type), " — ", ev.location || "unknown place",
          ev.has_conflicts ? el("span", {class: "badge badge-conflict", title: "Sources disagree"}, "disagree") : null,
          fresh ? el("span", {class: `badge badge-${fresh}`}, fresh) : null),
        el("span", {class: "row-sub"}, dateText(ev.date_start, ev.date_end),
          ev.country ? ` · ${ev.country}` : "", ev.actor1 ? ` · ${ev.actor1}` : "",
          ev.fatalities !== null ? ` · ${ev.fatalities} killed` : "",
          ` · ${ev.n_sources} source${ev.n_sources === 1 ? "" : "s"}`));
      li.addEventListener("click", () => openEvent(ev.event_id));
      li.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(ev.event_id); });
      return li;
    });
    list.replaceChildren(...rows);
    const more = $("more");
    more.hidden = shown.length <= state.listShown;
    more.textContent = `Show more (${Math.max(0, shown.length - state.listShown)} left)`;
  }

  // ---- timeline --------------------------------------------------------------------

  const DAY = 86400000;
  const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`);
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

  /** Bins of a day, a week or a month, so the bars stay wide enough to see and brush. */
  function binsFor(days) {
    if (!days.length) return {unit: "day", bins: []};
    const first = toDay(days[0].date), last = toDay(days[days.length - 1].date);
    const span = (last - first) / DAY + 1;
    const unit = span <= 200 ? "day" : span <= 1400 ? "week" : "month";
    const startOf = (ms) => {
      const d = new Date(ms);
      if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY;
      if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      return ms;
    };
    const next = (ms) => {
      if (unit === "day") return ms + DAY;
      if (unit === "week") return ms + 7 * DAY;
      const d = new Date(ms);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    };
    const bins = [];
    const index = new Map();
    for (let t = startOf(first); t <= last; t = next(t)) {
      index.set(t, bins.length);
      bins.push({start: t, end: next(t) - DAY, count: 0, byType: {}});
    }
    for (const d of days) {
      const b = bins[index.get(startOf(toDay(d.date)))];
      b.count += d.count;
      for (const [t, n] of Object.entries(d.by_type)) b.byType[t] = (b.byType[t] || 0) + n;
    }
    return {unit, bins};
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  let geometry = null; // {x0, width, bins} for mapping pointer positions to bins

  function drawTimeline() {
    const box = $("timeline");
    const width = box.clientWidth || 600, height = box.clientHeight || 100;
    const {unit, bins} = binsFor(state.timeline);
    $("bin-unit").textContent = unit;
    const pad = {l: 28, r: 6, t: 4, b: 16};
    const w = width - pad.l - pad.r, h = height - pad.t - pad.b;
    const nodes = [];
    geometry = {x0: pad.l, width: w, bins};
    if (bins.length) {
      const max = Math.max(...bins.map((b) => b.count));
      const bw = w / bins.length;
      bins.forEach((b, i) => {
        let y = pad.t + h;
        const g = svg("g", {"data-start": isoDay(b.start), "data-end": isoDay(b.end), class: "bar"});
        for (const t of TYPES) {
          const n = b.byType[t] || 0;
          if (!n) continue;
          const bh = (n / max) * h;
          y -= bh;
          const r = svg("rect", {x: pad.l + i * bw + 0.5, y, width: Math.max(1, bw - 1), height: bh, class: `f-${t}`});
          r.appendChild(svg("title")).textContent = `${isoDay(b.start)}: ${b.count} events`;
          g.appendChild(r);
        }
        nodes.push(g);
      });
      const label = (x, y, text, anchor) => {
        const t = svg("text", {x, y, class: "axis", "text-anchor": anchor});
        t.textContent = text;
        return t;
      };
      nodes.push(label(pad.l, height - 3, isoDay(bins[0].start), "start"));
      nodes.push(label(width - pad.r, height - 3, isoDay(bins[bins.length - 1].end), "end"));
      nodes.push(label(pad.l - 4, pad.t + 9, String(max), "end"));
    } else {
      const t = svg("text", {x: width / 2, y: height / 2, class: "axis", "text-anchor": "middle"});
      t.textContent = "no dated events";
      nodes.push(t);
    }
    const brush = svg("rect", {class: "brush", x: 0, y: pad.t, width: 0, height: h, visibility: "hidden"});
    brush.id = "brush-rect";
    nodes.push(brush);
    box.replaceChildren(...nodes);
    showBrush();
  }

  function binAt(clientX) {
    const rect = $("timeline").getBoundingClientRect();
    const x = clientX - rect.left - geometry.x0;
    const i = Math.floor((x / geometry.width) * geometry.bins.length);
    return Math.max(0, Math.min(geometry.bins.length - 1, i));
  }

  function showBrush() {
    const rect = $("brush-rect");
    const label = $("brush-label");
    $("brush-clear").hidden = !state.brush;
    for (const g of document.querySelectorAll("#timeline .bar")) {
      g.classList.toggle("dim", !!state.brush && (g.dataset.end < state.brush[0] || g.dataset.start > state.brush[1]));
    }
    if (!state.brush || !geometry || !geometry.bins.length) {
      if (rect) rect.setAttribute("visibility", "hidden");
      label.textContent = "";
      return;
    }
    const bins = geometry.bins, bw = geometry.width / bins.length;
    const i0 = bins.findIndex((b) => isoDay(b.end) >= state.brush[0]);
    let i1 = bins.length - 1;
    while (i1 > 0 && isoDay(bins[i1].start) > state.brush[1]) i1--;
    rect.setAttribute("x", geometry.x0 + Math.max(0, i0) * bw);
    rect.setAttribute("width", Math.max(1, (i1 - Math.max(0, i0) + 1) * bw));
    rect.setAttribute("visibility", "visible");
    label.textContent = `Period: ${dateText(state.brush[0], state.brush[1])}`;
  }

  function initBrush() {
    const box = $("timeline");
    let start = null, startX = 0;
    box.addEventListener("pointerdown", (e) => {
      if (!geometry || !geometry.bins.length) return;
      start = binAt(e.clientX);
      startX = e.clientX;
      box.setPointerCapture(e.pointerId);
    });
    box.addEventListener("pointermove", (e) => {
      if (start === null) return;
      const i = binAt(e.clientX);
      const [a, b] = [Math.min(start, i), Math.max(start, i)];
      state.brush = [isoDay(geometry.bins[a].start), isoDay(geometry.bins[b].end)];
      showBrush();
    });
    box.addEventListener("pointerup", (e) => {
      if (start === null) return;
      const moved = Math.abs(e.clientX - startX) > 3;
      const i = binAt(e.clientX);
      if (moved) {
        const [a, b] = [Math.min(start, i), Math.max(start, i)];
        state.brush = [isoDay(geometry.bins[a].start), isoDay(geometry.bins[b].end)];
      } else {
        // a click selects that one bin, or clears the period if it was already selected
        const one = [isoDay(geometry.bins[i].start), isoDay(geometry.bins[i].end)];
        state.brush = state.brush && state.brush[0] === one[0] && state.brush[1] === one[1] ? null : one;
      }
      start = null;
      showBrush();
      render();
    });
    $("brush-clear").addEventListener("click", () => { state.brush = null; showBrush(); render(); });
    window.addEventListener("resize", () => drawTimeline());
  }

  // ---- event panel -----------------------------------------------------------------

  function selectMarker(id) {
    for (const [eid, m] of state.markers) {
      const icon = m.getElement && m.getElement();
      if (icon) icon.classList.toggle("is-selected", eid === id);
    }
  }

  async function openEvent(id) {
    state.selected = id;
    for (const li of document.querySelectorAll("#event-list li")) li.classList.toggle("selected", li.dataset.id === id);
    $("list-view").hidden = true;
    $("event-panel").hidden = false;
    const body = $("event-body");
    body.replaceChildren(el("p", {class: "muted"}, "loading…"));
    const marker = state.markers.get(id);
    if (marker && cluster.hasLayer(marker)) cluster.zoomToShowLayer(marker, () => selectMarker(id));
    try {
      const ev = await getJSON(`/api/events/${encodeURIComponent(id)}`);
      if (state.selected !== id) return;
      body.replaceChildren(...eventView(ev));
      await Promise.all(ev.doc_ids.map((doc) => fillArticle(doc, ev)));
    } catch (e) {
      body.replaceChildren(el("p", {class: "muted"}, `could not load the event: ${e.message}`));
    }
  }

  function closeEvent() {
    state.selected = null;
    selectMarker(null);
    $("event-panel").hidden = true;
    $("list-view").hidden = false;
  }

  function actorText(a) {
    if (!a) return "—";
    return [a.name, a.kind ? `(${a.kind.replaceAll("_", " ")})` : "", a.country ? `· ${a.country}` : ""]
      .filter(Boolean).join(" ");
  }

  function eventView(ev) {
    const summary = state.byId.get(ev.event_id);
    const fresh = summary ? newness(summary) : null;
    const loc = ev.location;
    const d = ev.date;
    const out = [];
    out.push(el("h2", {},
      el("span", {class: `dot t-${ev.event_type}`}), subLabel(ev.sub_event_type),
      ev.conflicts.length ? el("span", {class: "badge badge-conflict", id: "conflict-badge",
                                         title: "The sources give different values"}, "Sources disagree") : null,
      fresh ? el("span", {class: `badge badge-${fresh}`}, fresh === "new" ? "New since your last visit" : "Updated") : null));
    const rows = [
      ["Type", typeLabel(ev.event_type)],
      ["Date", d ? `${dateText(d.start, d.end)} (${d.precision}${d.text ? `; “${d.text}”` : ""})` : "undated"],
      ["Location", loc ? [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") +
        ` (${loc.precision}${loc.qualifier ? `, ${loc.qualifier}` : ""})` : "—"],
      ["Coordinates", loc && loc.lat !== null ? `${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)}` : "—"],
      ["Actor 1", actorText(ev.actor1)],
      ["Actor 2", actorText(ev.actor2)],
      ["Fatalities", ev.fatalities ?? "—"],
      ["Injuries", ev.injuries ?? "—"],
      ["Event id", ev.event_id],
      ["First seen", utcText(ev.first_seen)],
      ["Updated", utcText(ev.updated_at)],
    ];
    out.push(el("dl", {}, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))])));

    if (ev.conflicts.length) {
      out.push(el("h3", {}, "Where the sources disagree"));
      for (const c of ev.conflicts) {
        const label = c.field === "sub_event_type" ? subLabel : c.field === "event_type" ? typeLabel : (v) => v;
        const parts = c.values.map((v) => `${label(v.value)} (${v.doc_ids.join(", ")})`);
        out.push(el("div", {class: "conflict"}, el("strong", {}, c.field.replaceAll("_", " ")), ": ",
          parts.join(" vs ")));
      }
    }

    out.push(el("h3", {}, `Sources (${ev.articles.length})`));
    out.push(el("ul", {class: "sources"}, ...ev.articles.map((a) => {
      const href = a.url ? safeHref(a.url) : null;
      const title = a.title || a.doc_id;
      return el("li", {},
        href ? el("a", {href, target: "_blank", rel: "noopener noreferrer"}, title) : el("span", {}, title),
        el("span", {class: "muted"}, [a.source, a.published].filter(Boolean).map((x) => ` · ${x}`).join("")));
    })));

    out.push(el("h3", {}, `Evidence (${ev.mentions.length} mention${ev.mentions.length === 1 ? "" : "s"})`));
    for (const m of ev.mentions) {
      const extra = [m.modality !== "asserted" ? m.modality : "", m.attributed_to ? `according to ${m.attributed_to}` : "",
                     m.fatalities !== null ? `${m.fatalities} killed` : "", `confidence ${m.confidence}`]
        .filter(Boolean).join(" · ");
      out.push(el("p", {class: "mention"}, el("strong", {}, `${m.doc_id}: `), `“${m.evidence.sentence}” `,
        el("span", {class: "muted"}, extra)));
    }
    for (const doc of ev.doc_ids) {
      out.push(el("div", {class: "article", "data-doc": doc},
        el("div", {class: "article-head"}, doc), el("div", {class: "article-text"}, "loading the article…")));
    }
    return out;
  }

  async function fillArticle(doc, ev) {
    const box = [...document.querySelectorAll("#event-body .article")].find((n) => n.dataset.doc === doc);
    if (!box) return;
    const mine = new Set(ev.mentions.map((m) => m.mention_id));
    try {
      const art = await getJSON(`/api/articles/${encodeURIComponent(doc)}`);
      if (state.selected !== ev.event_id) return;
      const head = box.querySelector(".article-head");
      head.textContent = art.title ? `${art.title}` : doc;
      const text = box.querySelector(".article-text");
      const pieces = art.segments.map((s) => {
        if (s.mentions.some((id) => mine.has(id))) return el("mark", {class: "evidence"}, s.text);
        if (s.mentions.length) return el("span", {class: "other-evidence", title: "evidence of another event"}, s.text);
        return document.createTextNode(s.text);
      });
      text.replaceChildren(...pieces);
      const first = text.querySelector("mark.evidence");
      if (first) text.scrollTop = Math.max(0, first.offsetTop - text.offsetTop - 40);
    } catch (e) {
      box.querySelector(".article-text").textContent = `could not load the article: ${e.message}`;
    }
  }

  // ---- start -----------------------------------------------------------------------

  async function start() {
    try {
      const [meta, facets] = await Promise.all([getJSON("/api/meta"), getJSON("/api/facets")]);
      state.meta = meta;
      initVisit(meta.now);
      $("updated").textContent = `Data updated ${utcText(meta.last_updated)} · ${meta.counts.events} events from ` +
        `${meta.counts.articles} articles`;
      fillFilterPanel(facets);
      initMap();
      initBrush();
    } catch (e) {
      setStatus(`could not reach the API: ${e.message}`);
      return;
    }
    const form = $("filters");
    form.addEventListener("submit", (e) => { e.preventDefault(); reload(); });
    form.addEventListener("reset", () => { setTimeout(() => { state.brush = null; reload(); }, 0); });
    for (const box of form.querySelectorAll("input[name=event_type], input[name=conflicts], #in-view")) {
      box.addEventListener("change", () => reload());
    }
    $("only-new").addEventListener("change", () => render());
    $("back").addEventListener("click", closeEvent);
    $("more").addEventListener("click", () => {
      state.listShown += LIST_STEP;
      renderList(visibleEvents());
    });
    $("new-badge").addEventListener("click", () => { $("only-new").checked = !$("only-new").checked; render(); });
    await reload();
    updateNewBadge();
    setInterval(checkForUpdates, 60000);
  }

  /** Tell the user when a run has changed the store since the page loaded. */
  async function checkForUpdates() {
    try {
      const meta = await getJSON("/api/meta");
      if (meta.last_updated === state.meta.last_updated) return;
      state.meta = meta;
      $("updated").textContent = `Data updated ${utcText(meta.last_updated)} · ${meta.counts.events} events from ` +
        `${meta.counts.articles} articles`;
      state.markers.clear();
      await reload();
      updateNewBadge();
    } catch (e) { /* the store may be busy with a run: try again next time */ }
  }

  function updateNewBadge() {
    const badge = $("new-badge");
    if (!state.baseline) {
      badge.hidden = true;
      return;
    }
    let added = 0, changed = 0;
    for (const ev of state.events) {
      const n = newness(ev);
      if (n === "new") added++;
      else if (n === "updated") changed++;
    }
    badge.hidden = added + changed === 0;
    badge.textContent = `${added} new · ${changed} updated since your last visit (${utcText(state.baseline)})`;
  }

  document.addEventListener("DOMContentLoaded", start);
})();
