// 督办看板: every figure comes from the same /api endpoints other clients use, with the signed-in person's bearer token.
"use strict";

const tokenKey = "yiyang.board.token";
const view = document.getElementById("view");
const zone = "Asia/Shanghai";

const kindNames = {
    acknowledge: "签收", report: "报送进展", complete: "办结", redocompletion: "重新申请办结", extensiondecided: "延期申请已决定",
    acknowledgecooperation: "签收配合事项", reportcooperation: "报送配合情况",
};
const obligationNames = { acknowledgement: "签收逾期", report: "进展报告缺报", completion: "逾期未办结" };
const statusNames = { assigned: "待签收", acknowledged: "已签收", inprogress: "推进中", completionreported: "待审核办结", completed: "已办结" };
const progressNames = { ontrack: "正常推进", atrisk: "存在风险", blocked: "工作受阻" };
const ratingNames = { good: "良好", fair: "一般", poor: "较差" };
const roleNames = { liaison: "联络员", office: "联席会议办公室", supervision: "督查组", admin: "管理员", system: "系统" };

const key = (s) => String(s ?? "").replace(/[^a-z]/gi, "").toLowerCase();
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const lower = (dict) => Object.fromEntries(Object.entries(dict ?? {}).map(([k, v]) => [key(k), v]));

function day(value) {
    if (!value) return "";
    const [y, m, d] = String(value).slice(0, 10).split("-").map(Number);
    return `${y}年${m}月${d}日`;
}
function instant(value) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat("zh-CN", {
        timeZone: zone, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false,
    }).formatToParts(new Date(value)).map((p) => [p.type, p.value]));
    return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

function claims(token) {
    try {
        const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
        const json = decodeURIComponent(atob(payload).split("").map((c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join(""));
        return JSON.parse(json);
    } catch { return null; }
}
function me() {
    const token = sessionStorage.getItem(tokenKey);
    const c = token && claims(token);
    return c ? { token, role: c.role, unit: c.unit, name: c.name ?? c.sub } : null;
}

async function api(path, options = {}) {
    const person = me();
    const response = await fetch(path, {
        ...options,
        // The board is Chinese: its figures' reasons and refusals too, whatever language the browser prefers.
        headers: { Accept: "application/json", "Accept-Language": "zh-CN", ...(person ? { Authorization: `Bearer ${person.token}` } : {}), ...(options.headers ?? {}) },
    });
    if (response.status === 401) { signOut(); throw new Error("登录已失效，请重新登录。"); }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error(body?.detail ?? body?.title ?? `请求失败（${response.status}）`);
    return body;
}

function signOut() {
    sessionStorage.removeItem(tokenKey);
    location.hash = "#/";
    route();
}

async function showSignIn() {
    document.getElementById("nav").hidden = true;
    view.replaceChildren(document.getElementById("sign-in").content.cloneNode(true));
    document.getElementById("token-form").addEventListener("submit", (e) => {
        e.preventDefault();
        const token = document.getElementById("token").value.trim();
        if (!claims(token)) { alert("这不是有效的访问令牌。"); return; }
        sessionStorage.setItem(tokenKey, token);
        location.hash = "#/";
        route();
    });
    const response = await fetch("/board/demo/roles");
    if (!response.ok) return;
    const box = document.getElementById("demo-roles");
    box.hidden = false;
    for (const person of await response.json()) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = person.label;
        button.dataset.role = person.role;
        if (person.unit) button.dataset.unit = person.unit;
        button.addEventListener("click", async () => {
            const minted = await fetch("/board/demo/tokens", {
                method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ role: person.role, unit: person.unit }),
            }).then((r) => r.json());
            sessionStorage.setItem(tokenKey, minted.token);
            location.hash = "#/";
            route();
        });
        box.querySelector(".buttons").append(button);
    }
}

function showNav(person) {
    const nav = document.getElementById("nav");
    nav.hidden = false;
    for (const link of nav.querySelectorAll("[data-for]")) link.hidden = !link.dataset.for.split(" ").includes(person.role);
    document.getElementById("who").textContent = `${person.name}（${roleNames[person.role] ?? person.role}${person.unit ? "，" + person.unit : ""}）`;
}

async function showPlans() {
    const plans = await api("/api/plans");
    view.innerHTML = `<section><h2>方案</h2><div class="plans">${plans.map((p) => {
        const s = lower(p.tasksByStatus);
        return `<a href="#/plans/${encodeURIComponent(p.planId)}"><section><h3>${esc(p.title)}</h3>
            <p class="muted">${esc(p.jurisdiction)} · ${p.taskCount} 项任务</p>
            <p>已办结 ${s.completed ?? 0} · 推进中 ${(s.inprogress ?? 0) + (s.acknowledged ?? 0)} · 待签收 ${s.assigned ?? 0}</p></section></a>`;
    }).join("")}</div></section>`;
}

function rankingChart(rows) {
    const judged = rows.filter((r) => r.onTimeRate !== null && r.onTimeRate !== undefined);
    const shown = judged.slice(0, 25);
    const rowHeight = 24, labelWidth = 230, barWidth = 520, height = shown.length * rowHeight + 10;
    const bars = shown.map((r, i) => {
        const y = i * rowHeight + 4, rate = r.onTimeRate, width = Math.max(2, Math.round(rate * barWidth));
        const colour = rate >= 0.8 ? "var(--green)" : rate >= 0.6 ? "var(--yellow)" : "var(--red)";
        return `<g data-unit="${esc(r.unit)}"><text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${esc(r.unit)}</text>
            <rect class="track" x="${labelWidth}" y="${y}" width="${barWidth}" height="18"></rect>
            <rect class="bar" x="${labelWidth}" y="${y}" width="${width}" height="18" fill="${colour}"><title>${esc(r.unit)}：按时率 ${(rate * 100).toFixed(1)}%</title></rect>
            <text x="${labelWidth + width + 6}" y="${y + 15}">${(rate * 100).toFixed(0)}%${r.admonishments ? ` · 告诫${r.admonishments}` : ""}</text></g>`;
    }).join("");
    return `<svg class="ranking" role="img" aria-label="各单位按时率排名" viewBox="0 0 ${labelWidth + barWidth + 90} ${height}" width="100%">${bars}</svg>
        <p class="muted">按时率＝按时签收、报送、办结的次数 ÷ 已到期的次数；共 ${judged.length} 个单位${judged.length > shown.length ? `，显示前 ${shown.length} 个` : ""}。</p>`;
}

async function showPlan(planId) {
    const o = await api(`/api/reports/plans/${encodeURIComponent(planId)}/overview`);
    const lights = lower(o.lights), status = lower(o.tasksByStatus);
    view.innerHTML = `
        <section><h2>${esc(o.title)}</h2>
            <div class="lights">
                <div class="light green" data-light="green"><strong>${lights.green ?? 0}</strong>绿灯</div>
                <div class="light yellow" data-light="yellow"><strong>${lights.yellow ?? 0}</strong>黄灯</div>
                <div class="light red" data-light="red"><strong>${lights.red ?? 0}</strong>红灯</div>
            </div>
            <div class="counts">${Object.entries(statusNames).map(([k, name]) => `<span>${name} <b data-status="${k}">${status[k] ?? 0}</b></span>`).join("")}
                <span class="muted">截至 ${instant(o.asOf)}</span></div>
        </section>
        <section id="ranking"><h2>单位通报（按时率排名）</h2>${rankingChart(o.unitRanking)}</section>
        <section id="overdue"><h2>逾期清单（${o.overdueTotal}）</h2>
            <table><thead><tr><th>序号</th><th>工作任务</th><th>单位</th><th>事项</th><th>应完成日</th><th>逾期（工作日）</th></tr></thead><tbody>
            ${o.overdue.map((t) => `<tr><td><a href="#/plans/${encodeURIComponent(planId)}/tasks/${t.number}">${t.number}</a></td>
                <td>${esc(t.text.length > 60 ? t.text.slice(0, 60) + "…" : t.text)}</td><td>${esc(t.unit ?? t.leadUnits.join("、"))}</td>
                <td>${obligationNames[key(t.obligation)] ?? esc(t.obligation)}</td><td>${day(t.dueOn)}</td><td class="num">${t.workingDaysOverdue}</td></tr>`).join("")}
            </tbody></table></section>`;
}

function describe(type, d) {
    const units = (list) => (list ?? []).join("、");
    switch (type) {
        case "TaskAssigned": return ["交办任务", `牵头：${units(d.leadUnits)}${d.cooperatingUnits?.length ? `；配合：${units(d.cooperatingUnits)}` : ""}${d.deadline ? `；时限：${day(d.deadline)}` : d.deadlineWords ? `；时限：${d.deadlineWords}` : ""}`];
        case "TaskAcknowledgedByLeadUnit": return [`${d.unit} 签收`, ""];
        case "ProgressReported": return [`${d.unit} 报送进展（${day(d.periodStart)}至${day(d.periodEnd)}）`, `${progressNames[key(d.status)] ?? d.status}，完成 ${d.percentDone}%：${d.narrative}`];
        case "CompletionReported": return [`${d.unit} 申请办结`, d.summary];
        case "CompletionAccepted": return ["同意办结", d.comment ?? ""];
        case "CompletionRejected": return ["退回办结申请", d.reason];
        case "DeadlineExtensionRequested": return [`${d.unit} 申请延期至 ${day(d.requestedDeadline)}`, d.reason];
        case "DeadlineExtensionGranted": return [`同意延期至 ${day(d.newDeadline)}`, d.comment ?? ""];
        case "DeadlineExtensionRefused": return ["不同意延期", d.reason];
        case "SupervisionFindingRecorded": return [`督查评价：${ratingNames[key(d.rating)] ?? d.rating}`, d.notes];
        case "AdmonishmentIssued": return [`效能告诫：${units(d.units)}`, d.reason];
        case "AccountabilityEscalated": return [`问责：${units(d.units)}`, d.reason];
        case "AcknowledgementOverdue": return [`${d.unit} 签收逾期`, `应于 ${day(d.dueOn)} 前签收`];
        case "ReportMissed": return [`${d.unit} 进展报告缺报`, `${day(d.periodStart)}至${day(d.periodEnd)}，应于 ${day(d.dueOn)} 前报送`];
        case "DeadlineMissed": return ["逾期未办结", `完成时限 ${day(d.deadline)}`];
        case "TaskRevised": return ["方案修订，任务调整", units(d.changes)];
        case "TaskWithdrawn": return ["任务撤销", d.reason ?? ""];
        default: return [type, ""];
    }
}
// An event's own time (the clock of whoever recorded it), else the time it was stored.
const occurredAt = (e) => Object.entries(e.data ?? {}).find(([k, v]) => /At$/.test(k) && typeof v === "string")?.[1] ?? e.timestamp;

async function showTask(planId, number) {
    const base = `/api/plans/${encodeURIComponent(planId)}/tasks/${number}`;
    const [v, history] = await Promise.all([api(base), api(`${base}/history`)]);
    const t = v.task, light = key(v.light.light);
    const entries = history.map((e) => {
        const [what, detail] = describe(e.type, e.data ?? {});
        const who = e.actor ? (e.actor.role === "system" ? "系统" : e.actor.displayName) : "—";
        return `<li class="${e.actor?.role === "system" ? "system" : ""}" data-type="${esc(e.type)}"><time>${instant(occurredAt(e))}</time><span class="who">${esc(who)}</span>${esc(what)}
            ${detail ? `<div class="detail">${esc(detail)}</div>` : ""}</li>`;
    }).join("");
    view.innerHTML = `
        <section><h2><span class="dot ${light}"></span>任务 ${t.number}（${statusNames[key(t.status)] ?? t.status}）</h2>
            <p>${esc(t.text)}</p>
            <p class="muted">牵头单位：${esc(t.leadUnits.join("、"))}${t.cooperatingUnits.length ? `　配合单位：${esc(t.cooperatingUnits.join("、"))}` : ""}
                　完成时限：${t.deadline ? day(t.deadline) : esc(t.deadlineWords ?? "未定")}</p>
            ${v.light.reasons.length ? `<ul>${v.light.reasons.map((r) => `<li>${esc(r)}</li>`).join("")}</ul>` : ""}
        </section>
        <section><h2>办理过程</h2><ol class="timeline">${entries}</ol></section>`;
}

const trendNames = { rising: "上升", steady: "持平", falling: "下降" };

// 基层减负: what all plans demand of each unit per month (GET /api/reports/burden), the most burdened first.
async function showBurden() {
    const b = await api("/api/reports/burden");
    const months = b.units[0]?.months.map((m) => m.month) ?? [];
    const demands = (d) => d.acknowledgements + d.reports + d.completions;
    view.innerHTML = `<section id="burden"><h2>基层减负：各单位报送负担（${day(b.from)}至${day(b.to)}）</h2>
        <p class="muted">每月各方案要求该单位签收、报送进展、办结的次数（牵头与配合合计），负担最重的单位在前。</p>
        <table><thead><tr><th>单位</th><th>合计</th><th>牵头</th><th>配合</th>${months.map((m) => `<th>${esc(m)}</th>`).join("")}<th>趋势</th><th>涉及任务</th></tr></thead><tbody>
        ${b.units.map((u) => `<tr data-unit="${esc(u.unit)}"><td>${esc(u.unit)}</td><td class="num" data-total>${u.total}</td>
            <td class="num">${demands(u.led)}</td><td class="num">${demands(u.cooperated)}</td>
            ${u.months.map((m) => `<td class="num">${m.total}</td>`).join("")}
            <td>${trendNames[key(u.trend)] ?? esc(u.trend)}</td><td class="num">${u.sources.length}</td></tr>`).join("")}
        </tbody></table></section>`;
}

async function showTodo() {
    const todo = await api("/api/me/todo");
    const badge = document.getElementById("badge");
    badge.hidden = todo.counts.total === 0;
    badge.textContent = todo.counts.total;
    badge.classList.toggle("overdue", todo.counts.overdue > 0);
    view.innerHTML = `<section id="todo"><h2>${esc(todo.unitName)} 的待办</h2>
        <p class="counts"><span>共 <b data-count="total">${todo.counts.total}</b> 项</span><span>已逾期 <b data-count="overdue">${todo.counts.overdue}</b></span>
            <span>3个工作日内到期 <b data-count="soon">${todo.counts.dueWithin3WorkingDays}</b></span></p>
        <div class="items"></div></section>`;
    const list = view.querySelector(".items");
    if (todo.items.length === 0) list.innerHTML = `<p class="muted">没有待办事项。</p>`;
    for (const item of todo.items) list.append(todoItem(item));
}

function todoItem(item) {
    const kind = key(item.kind);
    const div = document.createElement("div");
    div.className = "todo-item";
    Object.assign(div.dataset, { kind, plan: item.planId, number: item.taskNumber });
    const due = item.dueOn
        ? `<span class="due ${item.overdue ? "overdue" : ""}">${day(item.dueOn)}前 · ${item.overdue ? `已逾期 ${Math.abs(item.workingDaysLeft ?? 0)} 个工作日` : `剩 ${item.workingDaysLeft} 个工作日`}</span>` : "";
    div.innerHTML = `<div class="head"><div><b>${kindNames[kind] ?? esc(item.kind)}</b>
            <a href="#/plans/${encodeURIComponent(item.planId)}/tasks/${item.taskNumber}">${esc(item.planTitle)} · 任务 ${item.taskNumber}</a>
            ${item.period ? `<span class="muted">（${day(item.period.start)}至${day(item.period.end)}）</span>` : ""}</div>${due}</div>
        <div class="muted">${esc(item.taskText.length > 90 ? item.taskText.slice(0, 90) + "…" : item.taskText)}</div>
        <div class="actions"></div><p class="error" hidden></p>`;
    const actions = div.querySelector(".actions"), error = div.querySelector(".error");
    const fail = (e) => { error.hidden = false; error.textContent = e.message; };
    if (kind === "acknowledge") {
        const button = Object.assign(document.createElement("button"), { type: "button", textContent: "签收" });
        button.className = "acknowledge";
        button.addEventListener("click", async () => {
            button.disabled = true;
            try { await api(item.action.href, { method: item.action.method }); await showTodo(); } catch (e) { fail(e); button.disabled = false; }
        });
        actions.append(button);
    }
    if (kind === "acknowledge" || kind === "report") {
        const button = Object.assign(document.createElement("button"), { type: "button", textContent: "报送进展", className: "secondary report" });
        button.addEventListener("click", () => { if (!div.querySelector("form")) div.insertBefore(reportForm(item, fail), error); });
        actions.append(button);
    }
    return div;
}

function reportForm(item, fail) {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
    const start = item.period?.start ?? today.slice(0, 8) + "01", end = item.period?.end ?? today;
    const form = document.createElement("form");
    form.innerHTML = `<div><label>报告期起</label><input name="periodStart" type="date" value="${start}" required></div>
        <div><label>报告期止</label><input name="periodEnd" type="date" value="${end}" required></div>
        <div><label>进展情况</label><select name="status"><option value="onTrack">正常推进</option><option value="atRisk">存在风险</option><option value="blocked">工作受阻</option></select></div>
        <div><label>完成比例（%）</label><input name="percentDone" type="number" min="0" max="100" value="50" required></div>
        <div class="wide"><label>工作进展</label><textarea name="narrative" rows="3" required></textarea></div>
        <div class="wide"><button type="submit">提交</button></div>`;
    form.addEventListener("submit", async (e) => {
        e.preventDefault();
        const f = new FormData(form);
        const body = { periodStart: f.get("periodStart"), periodEnd: f.get("periodEnd"), status: f.get("status"),
            percentDone: Number(f.get("percentDone")), narrative: f.get("narrative") };
        const href = `/api/plans/${encodeURIComponent(item.planId)}/tasks/${item.taskNumber}/progress-reports`;
        try { await api(href, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }); await showTodo(); }
        catch (err) { fail(err); }
    });
    return form;
}

async function route() {
    const person = me();
    if (!person) return showSignIn();
    showNav(person);
    const path = location.hash.replace(/^#/, "") || "/";
    let m;
    try {
        if ((m = path.match(/^\/plans\/([^/]+)\/tasks\/(\d+)$/))) await showTask(decodeURIComponent(m[1]), Number(m[2]));
        else if ((m = path.match(/^\/plans\/([^/]+)$/))) await showPlan(decodeURIComponent(m[1]));
        else if (path === "/plans") await showPlans();
        else if (path === "/burden") await showBurden();
        else if (path === "/todo" || person.role === "liaison") await showTodo();
        else await showPlans();
    } catch (e) {
        view.innerHTML = `<section><p class="error">${esc(e.message)}</p></section>`;
    }
    document.body.dataset.view = path;
}

document.getElementById("sign-out").addEventListener("click", signOut);
window.addEventListener("hashchange", route);
route();
