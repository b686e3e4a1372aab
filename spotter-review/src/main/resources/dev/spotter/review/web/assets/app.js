// Spotter review page. Everything from a record is written with textContent (never innerHTML): an LLM answer
// holding <script> or <img onerror> shows those characters and runs nothing. No dependencies, no build step.
"use strict";
(function () {
  const TOKEN = document.querySelector('meta[name="spotter-token"]').content;
  const S = { view: "home", reviewer: localStorage.getItem("spotter.reviewer") || "", session: sessionStorage.getItem("spotter.session") || "",
    overview: null, sel: 0, source: null, batch: null, list: null, rec: null, mode: null, reasonSel: -1, showSystem: false, raw: false, busy: false };

  // ------------------------------------------------------------------ DOM helpers (text only)
  function el(tag, props, ...kids) {
    const e = document.createElement(tag);
    if (props) for (const [k, v] of Object.entries(props)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v; else if (k === "on") for (const [ev, f] of Object.entries(v)) e.addEventListener(ev, f);
      else if (k === "text") e.textContent = v; else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of kids.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }
  const txt = (s) => el("div", { class: "text", dir: "auto" }, str(s));
  function str(v) { return typeof v === "string" ? v : v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v); }
  function kbd(k) { return el("kbd", null, k); }
  function toast(msg, err) { const t = el("div", { class: err ? "err" : "" }, msg); document.getElementById("toast").append(t); setTimeout(() => t.remove(), err ? 7000 : 2500); }
  const main = () => document.getElementById("main");

  // ------------------------------------------------------------------ HTTP (token in a header on every call)
  async function api(path, body) {
    const opt = { method: body ? "POST" : "GET", headers: { "X-Spotter-Token": TOKEN } };
    if (body) { opt.headers["Content-Type"] = "application/json"; opt.body = JSON.stringify(Object.assign({ session: S.session }, body)); }
    const r = await fetch(path, opt);
    const data = r.headers.get("content-type") && r.headers.get("content-type").includes("json") ? await r.json() : { error: await r.text() };
    if (r.status === 409 && data.session && body && path !== "/api/session") { await startSession(); return api(path, body); }
    if (!r.ok) { const e = new Error(data.error || ("HTTP " + r.status)); e.status = r.status; e.data = data; throw e; }
    return data;
  }
  async function startSession() {
    const r = await api("/api/session", { reviewer: S.reviewer });
    S.session = r.session; sessionStorage.setItem("spotter.session", S.session);
  }

  // ------------------------------------------------------------------ keys shown on screen, per view
  const KEYS = {
    home: [["j/k", "select batch"], ["Enter", "review"], ["l", "list"], ["S", "sign off"], ["?", "help"]],
    list: [["j/k", "select"], ["Enter", "open"], ["n", "next pending"], ["h", "home"], ["S", "sign off"], ["?", "help"]],
    record: [["a", "accept"], ["r", "reject, then 1–9"], ["e", "edit"], ["s", "skip"], ["u", "undo"], ["j/k", "next/previous"],
      ["n", "next pending"], ["p", "system prompt"], ["v", "raw JSON"], ["l", "list"], ["h", "home"], ["S", "sign off"], ["?", "help"]],
    reject: [["1–9", "reason"], ["type", "note"], ["Enter", "reject"], ["Esc", "cancel"]],
    edit: [["Ctrl+Enter", "check & accept edit"], ["Esc", "cancel edit"]],
    signoff: [["Enter", "sign off"], ["Esc", "cancel"]],
    login: [["Enter", "start"]],
  };
  function footer() {
    const k = document.getElementById("keys"); k.replaceChildren();
    const set = S.mode === "reject" ? "reject" : S.mode === "edit" ? "edit" : S.mode === "signoff" ? "signoff" : S.view;
    for (const [key, what] of KEYS[set] || []) k.append(el("span", null, kbd(key), " ", what));
  }
  function crumbs() {
    const c = document.getElementById("crumbs"); c.replaceChildren();
    if (S.view !== "home" && S.view !== "login") {
      c.append(el("a", { href: "#", on: { click: (e) => { e.preventDefault(); home(); } } }, "batches"), " / ", S.source + " / " + S.batch);
      if (S.view === "record" && S.rec && !S.rec.done) c.append(" / record " + (S.rec.position + 1) + " of " + S.rec.batchSize);
    }
    document.getElementById("who").textContent = S.reviewer ? "reviewer: " + S.reviewer : "";
  }
  function render(node) { main().replaceChildren(node); crumbs(); footer(); }

  // ------------------------------------------------------------------ login
  function login() {
    S.view = "login";
    const input = el("input", { type: "text", id: "reviewer", placeholder: "your name", value: S.reviewer, autocomplete: "off" });
    const go = async () => { const v = input.value.trim(); if (!v) return; S.reviewer = v; localStorage.setItem("spotter.reviewer", v); await startSession(); home(); };
    input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); go().catch(err => toast(err.message, true)); } });
    render(el("div", { class: "source" }, el("h1", null, "Who is reviewing?"), el("p", { class: "muted" }, "Decisions are recorded under this name."), input,
      el("p", null, el("button", { class: "primary", id: "start", on: { click: () => go().catch(err => toast(err.message, true)) } }, "Start"))));
    input.focus();
  }

  // ------------------------------------------------------------------ home: batches per source and category
  function batchesFlat() { const out = []; for (const s of S.overview.sources) for (const b of s.batches) out.push([s, b]); return out; }
  async function home() {
    S.view = "home"; S.mode = null; S.rec = null;
    S.overview = await api("/api/overview");
    drawHome();
  }
  function pct(x) { return (Math.round(x * 1000) / 10) + "%"; }
  function drawHome() {
    const root = el("div", { id: "home" }, el("h1", null, "Batches to review"));
    let i = 0;
    const flat = batchesFlat(); if (S.sel >= flat.length) S.sel = Math.max(0, flat.length - 1);
    for (const s of S.overview.sources) {
      const p = s.policy;
      const box = el("section", { class: "source", "data-source": s.id },
        el("h2", null, s.id, " ", el("span", { class: "muted" }, "(" + s.file + ")")),
        el("p", { class: "muted" }, p.mode === "all" ? "full review of every record" :
          "sample " + p.samplePercent + "% (min " + p.minSample + ") per batch, max reject rate " + p.maxRejectRate + ", on fail: " + p.onFail,
          " · batches of " + p.batchSize + " unless generation runs say otherwise"));
      for (const w of s.warnings) box.append(el("div", { class: "banner warn" }, w));
      const ct = el("table", { class: "cats" }, el("tr", null, ...["category", "records", "reviewed", "accepted", "rejected", "edited", "pending", "reject rate"].map(h => el("th", { class: h === "category" ? "" : "num" }, h))));
      for (const c of s.categories) ct.append(el("tr", null, el("td", null, c.name || "(none)"), ...[c.records, c.reviewed, c.accepted, c.rejected, c.edited, c.pending].map(n => el("td", { class: "num" }, n)), el("td", { class: "num" }, pct(c.rejectRate))));
      box.append(el("h3", null, "By category"), ct, el("h3", null, "Batches"));
      const bt = el("table", { class: "batches" }, el("tr", null, ...["batch", "records", "reviewed", "accepted", "rejected", "edited", "pending", "reject rate", "sample", "state", "sign-off"].map(h => el("th", { class: ["batch", "state", "sign-off", "sample"].includes(h) ? "" : "num" }, h))));
      for (const b of s.batches) {
        const idx = i++;
        const tr = el("tr", { class: "clickable" + (idx === S.sel ? " sel" : ""), "data-batch": b.id, on: { click: () => { S.sel = idx; openBatch(s.id, b.id); } } },
          el("td", null, b.id), ...[b.records, b.reviewed, b.accepted, b.rejected, b.edited, b.pending].map(n => el("td", { class: "num" }, n)),
          el("td", { class: "num" }, pct(b.rejectRate)),
          el("td", null, s.policy.mode === "all" && !b.escalated ? "all" : (b.escalated ? "escalated: all" : b.sampleSize + " (" + b.sampleRejected + " rej, ≤" + b.allowedRejects + ")")),
          el("td", null, el("span", { class: "state " + b.state, title: b.explanation }, b.state)),
          el("td", null, b.signedBy ? b.signedBy + " · " + b.signedAt.replace("T", " ").slice(0, 16) : "—"));
        bt.append(tr);
      }
      box.append(bt);
      root.append(box);
    }
    if (S.mode === "signoff") root.append(signoffPanel());
    render(root);
    const selRow = document.querySelector("tr.sel"); if (selRow) selRow.scrollIntoView({ block: "nearest" });
    if (S.mode === "signoff") document.getElementById("signoff-name").focus();
  }
  function selectedBatch() { const f = batchesFlat()[S.sel]; return f ? { source: f[0].id, batch: f[1].id } : null; }

  // ------------------------------------------------------------------ list view
  async function list(source, batch) {
    S.view = "list"; S.mode = null; S.source = source; S.batch = batch;
    S.list = await api("/api/batch?source=" + encodeURIComponent(source) + "&batch=" + encodeURIComponent(batch));
    if (S.listSel === undefined || S.listSel >= S.list.rows.length) S.listSel = 0;
    drawList();
  }
  function drawList() {
    const b = S.list.batch;
    const t = el("table", { id: "list" }, el("tr", null, ...["#", "line", "record", "category", "status", "first user message"].map(h => el("th", null, h))));
    S.list.rows.forEach((r, i) => t.append(el("tr", { class: "clickable" + (i === S.listSel ? " sel" : ""), "data-index": r.index, on: { click: () => openAt(r.index) } },
      el("td", { class: "num" }, i + 1), el("td", { class: "num" }, r.line), el("td", null, r.recordId), el("td", null, r.category),
      el("td", { class: "status-" + r.status }, r.status + (r.reason ? " (" + r.reason + ")" : "") + (r.required ? "" : " · not in sample") + (r.leasedBy ? " · open by " + r.leasedBy : "")),
      el("td", { dir: "auto", class: "text" }, r.excerpt))));
    render(el("div", null, el("h1", null, "Batch " + b.id + " ", el("span", { class: "state " + b.state }, b.state)), el("p", { class: "muted" }, b.explanation), t,
      S.mode === "signoff" ? signoffPanel() : null));
    const sel = document.querySelector("tr.sel"); if (sel) sel.scrollIntoView({ block: "nearest" });
  }

  // ------------------------------------------------------------------ record view
  async function openBatch(source, batch) { S.source = source; S.batch = batch; await openRecord({ mode: "pending", from: -1 }); }
  async function openAt(index) { await openRecord({ mode: "at", index: index }); }
  async function openRecord(req) {
    S.view = "record"; S.mode = null; S.reasonSel = -1; S.raw = false;
    S.rec = await api("/api/open", Object.assign({ source: S.source, batch: S.batch }, req));
    drawRecord();
  }
  function drawRecord() {
    const r = S.rec;
    if (r.done) {
      const b = r.batch;
      render(el("div", { id: "done", class: "source" }, el("h1", null, "Nothing left to review in batch " + b.id),
        el("p", null, el("span", { class: "state " + b.state }, b.state), " ", b.explanation),
        el("p", null, b.state === "ready" ? ["Press ", kbd("S"), " to sign the batch off."] : b.state === "passed" ? "Signed off." : ""),
        el("p", { class: "muted" }, "Use j/k or the list (l) to look at any record again."), S.mode === "signoff" ? signoffPanel() : null));
      if (S.mode === "signoff") document.getElementById("signoff-name").focus();
      return;
    }
    const conv = el("div", { id: "conversation", "data-record": r.recordId, "data-index": r.index });
    if (r.parseError) conv.append(el("div", { class: "banner bad" }, "This line is not a chat example: " + r.parseError), el("pre", { class: "raw" }, r.raw));
    for (const m of r.messages || []) conv.append(turn(m, r));
    if (r.chunk) conv.append(chunkPanel(r.chunk));
    const side = el("div", { class: "side" }, decisionBox(r), actionsBox(r), checksBox(r), provenanceBox(r));
    render(el("div", null,
      r.stale ? el("div", { class: "banner warn" }, r.stale) : null,
      !r.lease.mine && !r.decision ? el("div", { class: "banner warn", id: "leased" }, "Being reviewed by " + (r.lease.reviewer || "someone") + ": read only until their lease ends.") : null,
      el("div", { class: "layout" }, conv, side)));
    if (S.mode === "reject") document.getElementById("note").focus();
    if (S.mode === "edit") { const t = document.querySelector("textarea"); if (t) t.focus(); }
  }
  function turn(m, r) {
    if (m.role === "system") {
      const d = el("details", { class: "turn system", "data-turn": m.turn }, el("summary", null, "system prompt (" + m.content.length + " chars) — p to show"), txt(m.content));
      if (S.showSystem) d.open = true;
      return d;
    }
    const box = el("div", { class: "turn " + m.role, "data-turn": m.turn, "data-role": m.role }, el("div", { class: "role" }, m.role));
    if (m.role === "assistant" && S.mode === "edit") {
      box.append(el("textarea", { "data-turn": m.turn, spellcheck: "false" }, m.pretty || m.content));
      return box;
    }
    if (m.role !== "assistant") { box.append(txt(m.content)); return box; }
    if (S.raw || !m.json) {
      if (m.grounding && !S.raw) box.append(highlighted(m.content, m.grounding.spans));
      else if (m.json) box.append(el("pre", { class: "raw" }, m.pretty));
      else box.append(txt(m.content));
    } else if (m.json.differential_diagnoses !== undefined || m.json.reasoning_chain !== undefined) {
      box.append(injuryCard(m.json));
    } else if (m.json.calculation !== undefined) {
      box.append(txt(m.json.answer));
    } else {
      box.append(el("pre", { class: "raw" }, m.pretty));
    }
    if (m.pace) box.append(paceBox(m.pace));
    if (m.grounding) box.append(el("div", { class: "card grounding" }, el("h4", null, "grounding"),
      el("span", { class: "pill " + (m.grounding.grounded ? "good" : "bad") }, m.grounding.verdict), " score " + m.grounding.score + ", support " + m.grounding.support,
      m.grounding.grounded ? null : el("div", { class: "text" }, m.grounding.reason)));
    return box;
  }
  function highlighted(text, spans) {
    const d = el("div", { class: "text hl", dir: "auto" }); let at = 0;
    for (const [s, e, kind] of spans || []) {
      if (s < at || e > text.length) continue;
      d.append(text.slice(at, s), el("mark", { class: kind, title: kind === "unbacked_number" ? "number the chunk does not state" : kind === "number" ? "number the chunk states" : "word found in the chunk" }, text.slice(s, e)));
      at = e;
    }
    d.append(text.slice(at));
    return d;
  }
  function chunkPanel(c) {
    return el("div", { class: "turn chunk", id: "chunk" }, el("div", { class: "role" }, "knowledge-base chunk " + c.id + (c.category ? " · " + c.category : "")),
      c.title ? el("h3", { dir: "auto" }, c.title) : null, highlighted(c.content, c.spans));
  }
  // Injury answer card; every field is read defensively (LLM JSON may have wrong types) and shown as text.
  function injuryCard(j) {
    const arr = (v) => Array.isArray(v) ? v : [];
    const obj = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : {};
    const card = el("div", { class: "injury" });
    const conf = obj(j.confidence);
    card.append(el("div", { class: "card" }, el("h4", null, "assessment"),
      el("span", { class: "pill" + (j.assessment_type === "red_flag" ? " bad" : "") }, str(j.assessment_type)),
      el("span", { class: "pill" }, "confidence " + str(conf.level) + " " + str(conf.score)), txt(j.summary), conf.justification ? el("div", { class: "muted text" }, str(conf.justification)) : null));
    const rc = el("ol"); for (const s of arr(j.reasoning_chain)) { const o = obj(s); rc.append(el("li", { dir: "auto" }, el("b", null, str(o.observation)), " → ", str(o.inference))); }
    card.append(el("div", { class: "card" }, el("h4", null, "reasoning chain"), rc));
    const dd = el("table", null, el("tr", null, el("th", null, "condition"), el("th", { class: "num" }, "probability"), el("th", null, "for"), el("th", null, "against")));
    for (const d of arr(j.differential_diagnoses)) { const o = obj(d); const p = typeof o.probability === "number" ? o.probability : NaN;
      dd.append(el("tr", null, el("td", { dir: "auto" }, str(o.condition)), el("td", { class: "num" }, isNaN(p) ? el("span", { class: "pill bad" }, str(o.probability)) : [el("span", { class: "bar", style: null }), Math.round(p * 100) + "%"]),
        el("td", { dir: "auto" }, arr(o.supporting_evidence).map(str).join("; ")), el("td", { dir: "auto" }, arr(o.against_evidence).map(str).join("; ")))); }
    card.append(el("div", { class: "card" }, el("h4", null, "differential"), dd));
    const mt = el("table", null, el("tr", null, ...["exercise", "action", "load %", "sets", "reps", "rationale"].map(h => el("th", null, h))));
    for (const m of arr(j.exercise_modifications)) { const o = obj(m);
      mt.append(el("tr", null, el("td", { dir: "auto" }, str(o.exercise) + (o.substitute ? " → " + str(o.substitute) : "")), el("td", null, str(o.action)), el("td", { class: "num" }, str(o.load_percent)), el("td", { class: "num" }, str(o.sets)), el("td", null, str(o.reps)), el("td", { dir: "auto" }, str(o.rationale)))); }
    card.append(el("div", { class: "card" }, el("h4", null, "modifications"), mt));
    const lm = obj(j.load_management);
    card.append(el("div", { class: "card" }, el("h4", null, "load management"), el("div", { class: "kv" },
      el("span", { class: "k" }, "volume −"), el("span", { class: "v" }, str(lm.volume_reduction_percent) + "%"), el("span", { class: "k" }, "intensity −"), el("span", { class: "v" }, str(lm.intensity_reduction_percent) + "%"),
      el("span", { class: "k" }, "frequency"), el("span", { class: "v" }, str(lm.frequency)), el("span", { class: "k" }, "weeks"), el("span", { class: "v" }, str(lm.duration_weeks)),
      el("span", { class: "k" }, "return when"), el("span", { class: "v" }, str(lm.return_criteria)))));
    const tl = el("table", null, el("tr", null, el("th", null, "checkpoint"), el("th", null, "expected"), el("th", null, "if not improved")));
    for (const c of arr(j.recovery_timeline)) { const o = obj(c); tl.append(el("tr", null, el("td", null, str(o.checkpoint)), el("td", { dir: "auto" }, str(o.expected_progress)), el("td", { dir: "auto" }, str(o.if_not_improved)))); }
    card.append(el("div", { class: "card" }, el("h4", null, "recovery checkpoints"), tl));
    const es = obj(j.escalation);
    card.append(el("div", { class: "card" }, el("h4", null, "escalation"), el("span", { class: "pill" + (es.see_clinician === "emergency" || es.see_clinician === "within_24_hours" ? " bad" : "") }, str(es.see_clinician)),
      es.clinician_type ? " " + str(es.clinician_type) : "", el("ul", null, arr(es.triggers).map(t => el("li", { dir: "auto" }, str(t))))));
    if (arr(j.follow_up_questions).length) card.append(el("div", { class: "card" }, el("h4", null, "follow-up questions"), el("ul", null, arr(j.follow_up_questions).map(q => el("li", { dir: "auto" }, str(q))))));
    card.querySelectorAll("span.bar").forEach((b, i) => { const d = arr(j.differential_diagnoses)[i]; const p = d && typeof d.probability === "number" ? d.probability : 0; b.style.width = Math.max(0, Math.min(1, p)) * 80 + "px"; });
    card.append(el("p", { class: "muted" }, "v shows the raw JSON"));
    return card;
  }
  function paceBox(p) {
    const t = el("table", { class: "pace" }, el("tr", null, el("th", null, "field"), el("th", { class: "num" }, "model"), el("th", { class: "num" }, "Spotter"), el("th", null, "")));
    for (const f of p.fields) t.append(el("tr", null, el("td", null, f.name), el("td", { class: "num" }, f.model), el("td", { class: "num" }, f.spotter), el("td", null, el("span", { class: "pill " + (f.ok ? "good" : "bad") }, f.ok ? "agrees" : "wrong"))));
    return el("div", { class: "card pace-box" }, el("h4", null, "pace recomputation " + (p.type ? "(" + p.type + ")" : "")), p.fields.length ? t : null, el("div", { class: p.ok ? "muted" : "text" }, p.summary));
  }
  function decisionBox(r) {
    const box = el("div", { class: "box", id: "decision" }, el("h3", null, "Decision"));
    const d = r.decision;
    if (!d) box.append(el("div", { class: "status-pending" }, "pending" + (r.required ? "" : " · not in the sample")));
    else {
      box.append(el("div", { class: "status-" + (d.action === "accept" ? "accepted" : d.action === "edit" ? "edited" : "rejected") },
        d.action === "accept" ? "accepted" : d.action === "edit" ? "edited and accepted" : "rejected: " + d.reasonLabel),
        d.note ? el("div", { class: "text" }, "note: " + d.note) : null,
        el("div", { class: "muted" }, "by " + d.reviewer + " at " + d.decidedAt.replace("T", " ").slice(0, 19) + " (" + Math.round(d.msSpent / 100) / 10 + " s)"));
      for (const t of d.diff || []) { const dv = el("div", { class: "diff" }, el("div", { class: "muted" }, "turn " + t.turn + ":"));
        for (const l of t.lines) dv.append(el("div", { class: l.op === "+" ? "add" : l.op === "-" ? "del" : "" }, l.op + " " + l.text)); box.append(dv); }
    }
    const b = r.batchState;
    box.append(el("div", { class: "muted" }, "batch: ", el("span", { class: "state " + b.state }, b.state), " " + b.reviewed + "/" + b.records + " reviewed, " + b.required + " required left"));
    return box;
  }
  function actionsBox(r) {
    const can = r.lease.mine || (!r.lease.reviewer);
    const box = el("div", { class: "box", id: "actions" }, el("h3", null, "Actions"));
    if (S.mode === "signoff") {
      box.append(signoffPanel());
    } else if (S.mode === "reject") {
      const ol = el("ol", { id: "reasons" });
      r.reasons.forEach((x, i) => ol.append(el("li", { class: i === S.reasonSel ? "sel" : "", "data-code": x.code }, i < 9 ? [kbd(String(i + 1)), " "] : "", x.label)));
      box.append(el("div", { class: "panel", id: "reject-panel" }, el("b", null, "Reject: pick a reason"), ol,
        el("input", { type: "text", id: "note", placeholder: "note (optional), Enter to reject", autocomplete: "off" })));
    } else if (S.mode === "edit") {
      box.append(el("div", { class: "panel", id: "edit-panel" }, "Edit the assistant turns, then ", kbd("Ctrl+Enter"), " to re-run the checks and accept. ", kbd("Esc"), " cancels.",
        el("div", { id: "edit-checks" })));
    } else {
      box.append(el("div", { class: "actions" },
        el("button", { class: "primary", id: "btn-accept", disabled: !can, on: { click: accept } }, kbd("a"), " accept"),
        el("button", { id: "btn-reject", disabled: !can, on: { click: () => { S.mode = "reject"; drawRecord(); } } }, kbd("r"), " reject"),
        el("button", { id: "btn-edit", disabled: !can || !r.messages, on: { click: () => { S.mode = "edit"; drawRecord(); } } }, kbd("e"), " edit"),
        el("button", { id: "btn-skip", on: { click: skip } }, kbd("s"), " skip"),
        el("button", { id: "btn-undo", on: { click: undo } }, kbd("u"), " undo")));
    }
    return box;
  }
  function checksBox(r) {
    const box = el("div", { class: "box", id: "checks" }, el("h3", null, "Checks"));
    for (const c of r.checks) box.append(checkLine(c));
    return box;
  }
  function checkLine(c) { return el("div", { class: "check " + (c.ok ? "ok" : "fail"), "data-code": c.code }, el("span", { class: "mark" }, c.ok ? "✓" : "✗"), el("div", null, el("b", null, c.name), " ", el("span", { class: "muted" }, c.code), el("div", { class: "text" }, c.message))); }
  function provenanceBox(r) {
    const box = el("div", { class: "box", id: "provenance" }, el("h3", null, "Provenance"));
    const kv = el("div", { class: "kv" });
    const add = (k, v) => kv.append(el("span", { class: "k" }, k), el("span", { class: "v" }, str(v)));
    add("line", r.line); add("record", r.recordId); add("category", r.category); add("content sha256", r.hash.slice(0, 16) + "…");
    if (r.provenance) { for (const [k, v] of Object.entries(r.provenance)) { if (!["line", "category"].includes(k)) add(k, v); } }
    else { add("provenance", "none (no sidecar line)"); }
    box.append(kv);
    return box;
  }

  // ------------------------------------------------------------------ actions
  async function decide(body) {
    if (S.busy) return; S.busy = true;
    try {
      const r = S.rec;
      const res = await api("/api/decide", Object.assign({ source: r.source, index: r.index, hash: r.hash, replaces: r.decision ? r.decision.id : 0 }, body));
      toast(res.decision.action === "reject" ? "rejected: " + res.decision.reasonLabel : res.decision.action === "edit" ? "edited and accepted" : "accepted");
      await openRecord({ mode: "pending", from: r.index });
    } catch (e) {
      if (e.status === 422 && e.data && e.data.checks) showEditChecks(e.data.checks, e.message);
      else toast(e.message, true);
    } finally { S.busy = false; }
  }
  function accept() { return decide({ action: "accept" }); }
  function rejectWith(i) {
    const reason = S.rec.reasons[i]; if (!reason) return;
    const note = document.getElementById("note").value;
    S.mode = null; return decide({ action: "reject", reason: reason.code, note: note });
  }
  function edits() { return Array.from(document.querySelectorAll("textarea[data-turn]")).map(t => ({ turn: Number(t.dataset.turn), content: t.value })); }
  function showEditChecks(checks, msg) {
    const box = document.getElementById("edit-checks"); if (!box) { toast(msg, true); return; }
    box.replaceChildren(el("div", { class: "banner bad" }, msg), ...checks.map(checkLine));
  }
  async function acceptEdit() {
    const ed = edits();
    try {
      const c = await api("/api/check", { source: S.rec.source, index: S.rec.index, hash: S.rec.hash, edits: ed });
      if (!c.ok) { showEditChecks(c.checks, "a check fails: fix the edit, it cannot be accepted yet"); return; }
      await decide({ action: "edit", edits: ed });
    } catch (e) { toast(e.message, true); }
  }
  async function skip() { try { await api("/api/skip", { source: S.rec.source, index: S.rec.index, hash: S.rec.hash }); await openRecord({ mode: "pending", from: S.rec.index }); } catch (e) { toast(e.message, true); } }
  async function undo() {
    try {
      const u = await api("/api/undo", {});
      toast("undone: " + u.undone);
      if (u.source) { S.source = u.source; S.batch = u.batch; await openRecord({ mode: "at", index: u.index }); }
    } catch (e) { toast(e.message, true); }
  }
  function signoffPanel() {
    return el("div", { class: "panel", id: "signoff-panel" }, el("b", null, "Sign off batch " + S.batch + " as"),
      el("input", { type: "text", id: "signoff-name", value: S.reviewer, autocomplete: "off" }), el("div", { class: "muted" }, "Enter signs off, Esc cancels."));
  }
  async function signOff() {
    const name = document.getElementById("signoff-name").value.trim();
    try {
      const r = await api("/api/signoff", { source: S.source, batch: S.batch, reviewer: name });
      toast("batch " + S.batch + ": " + r.batchState.state);
    } catch (e) { toast(e.message, true); }
    S.mode = null;
    if (S.view === "home") await home(); else if (S.view === "list") await list(S.source, S.batch);
    else if (S.rec && S.rec.done) await openRecord({ mode: "pending", from: -1 }); else await openRecord({ mode: "at", index: S.rec.index });
  }
  function help() {
    const t = el("table", { class: "help" });
    for (const v of ["record", "reject", "edit", "home", "list"]) { t.append(el("tr", null, el("th", { colspan: 2 }, v))); for (const [k, w] of KEYS[v]) t.append(el("tr", null, el("td", null, kbd(k)), el("td", null, w))); }
    toast("keyboard map below"); main().prepend(el("div", { class: "source", id: "help" }, el("h2", null, "Keyboard"), t));
  }

  // ------------------------------------------------------------------ keyboard
  document.addEventListener("keydown", (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    const run = (p) => { e.preventDefault(); Promise.resolve(p).catch(err => toast(err.message, true)); };
    if (S.view === "login") return;
    if (S.mode === "signoff") {
      if (e.key === "Enter") return run(signOff());
      if (e.key === "Escape") { S.mode = null; return run(S.view === "home" ? drawHome() : S.view === "list" ? drawList() : drawRecord()); }
      return;
    }
    if (S.mode === "reject") {
      if (e.key === "Escape") { S.mode = null; return run(drawRecord()); }
      if (/^[1-9]$/.test(e.key) && document.getElementById("note").value === "") { // digits pick the reason until a note is typed
        const i = Number(e.key) - 1; if (i < S.rec.reasons.length) { S.reasonSel = i; e.preventDefault(); document.querySelectorAll("#reasons li").forEach((li, j) => li.classList.toggle("sel", j === i)); }
        return;
      }
      if (e.key === "Enter") { if (S.reasonSel < 0) { toast("pick a reason first (1–9)", true); e.preventDefault(); return; } return run(rejectWith(S.reasonSel)); }
      return;
    }
    if (S.mode === "edit") {
      if (e.key === "Escape") { S.mode = null; return run(drawRecord()); }
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) return run(acceptEdit());
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key;
    if (k === "?") return run(help());
    if (S.view === "home") {
      const n = batchesFlat().length;
      if (k === "j") { S.sel = Math.min(n - 1, S.sel + 1); return run(drawHome()); }
      if (k === "k") { S.sel = Math.max(0, S.sel - 1); return run(drawHome()); }
      const sb = selectedBatch(); if (!sb) return;
      if (k === "Enter" || k === "o") return run(openBatch(sb.source, sb.batch));
      if (k === "l") return run(list(sb.source, sb.batch));
      if (k === "S") { S.source = sb.source; S.batch = sb.batch; S.mode = "signoff"; return run(drawHome()); }
      return;
    }
    if (S.view === "list") {
      if (k === "j") { S.listSel = Math.min(S.list.rows.length - 1, S.listSel + 1); return run(drawList()); }
      if (k === "k") { S.listSel = Math.max(0, S.listSel - 1); return run(drawList()); }
      if (k === "Enter" || k === "o") return run(openAt(S.list.rows[S.listSel].index));
      if (k === "n") return run(openRecord({ mode: "pending", from: -1 }));
      if (k === "h") return run(home());
      if (k === "S") { S.mode = "signoff"; drawList(); document.getElementById("signoff-name").focus(); e.preventDefault(); return; }
      return;
    }
    if (S.view === "record") {
      const r = S.rec;
      if (k === "h") return run(home());
      if (k === "l") return run(list(S.source, S.batch));
      if (k === "S") { S.mode = "signoff"; e.preventDefault(); drawRecord(); document.getElementById("signoff-name").focus(); return; }
      if (k === "n") return run(openRecord({ mode: "pending", from: r.done ? -1 : r.index }));
      if (k === "u") return run(undo());
      if (r.done) { if (k === "j" || k === "k") return run(list(S.source, S.batch)); return; }
      if (k === "j") return run(openRecord({ mode: "next", from: r.index }));
      if (k === "k") return run(openRecord({ mode: "prev", from: r.index }));
      if (k === "a") return run(accept());
      if (k === "r") { S.mode = "reject"; S.reasonSel = -1; e.preventDefault(); return drawRecord(); }
      if (k === "e") { S.mode = "edit"; e.preventDefault(); return drawRecord(); }
      if (k === "s") return run(skip());
      if (k === "p") { S.showSystem = !S.showSystem; return run(drawRecord()); }
      if (k === "v") { S.raw = !S.raw; return run(drawRecord()); }
    }
  });

  // ------------------------------------------------------------------ start
  (async () => {
    if (!S.reviewer) return login();
    if (!S.session) await startSession();
    await home();
  })().catch(e => { toast(e.message, true); });
})();
