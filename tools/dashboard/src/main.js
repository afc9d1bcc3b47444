// The leads' dashboard tab ("My teams"). In Teams: the locale and theme from the Teams context (following theme
// changes), the API called with the Teams SSO token (authentication.getAuthToken). Outside Teams, in Development only:
// the clearly marked demo sign-in (the server refuses it elsewhere), ?lang=zh-CN|en-US and ?theme=default|dark|contrast.
// Views: Today and the punctuality heatmap (with a table alternative), drilling down to the manager and the log.
// Deep links for the browser test and for sharing: ?view=today|punctuality&team=&from=&to=&manager=&log=&table=1.
import { app, authentication } from "@microsoft/teams-js";
import { setTheme } from "@fluentui/web-components";
import "@fluentui/web-components/button/define.js";
import "@fluentui/web-components/tablist/define.js";
import "@fluentui/web-components/tab/define.js";
import { teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme } from "@fluentui/tokens";
import * as echarts from "echarts/core";
import { HeatmapChart, PieChart } from "echarts/charts";
import { GridComponent, TooltipComponent, VisualMapComponent, AriaComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([HeatmapChart, PieChart, GridComponent, TooltipComponent, VisualMapComponent, AriaComponent, SVGRenderer]);

const params = new URLSearchParams(location.search);
const root = document.getElementById("app");
const state = {
  lang: "en-US",
  theme: "default",
  texts: {},
  auth: null, // () => Promise<headers>
  demo: null, // { people, person }
  me: null,
  view: params.get("view") === "punctuality" ? "punctuality" : "today",
  team: params.get("team") || "",
  from: params.get("from") || "",
  to: params.get("to") || "",
  table: params.get("table") === "1",
  manager: params.get("manager") || "",
  log: params.get("log") || "",
};
const charts = [];

// ---------------------------------------------------------------- start

start().catch((error) => showError(error));

async function start() {
  const framed = window.self !== window.top;
  if (framed) {
    await withTimeout(app.initialize(), 10000, "Teams did not answer");
    const context = await app.getContext();
    state.lang = languageOf(context.app?.locale);
    applyTheme(context.app?.theme);
    app.registerOnThemeChangeHandler((theme) => {
      applyTheme(theme);
      render();
    });
    state.auth = async () => {
      try {
        return { Authorization: "Bearer " + (await authentication.getAuthToken()) };
      } catch (error) {
        throw new SignInError(String(error?.message ?? error));
      }
    };
  } else {
    state.lang = languageOf(params.get("lang") || navigator.language);
    applyTheme(params.get("theme"));
  }

  state.texts = await (await fetch(`/api/dashboard/texts?lang=${state.lang}`)).json();
  document.documentElement.lang = state.lang;
  document.title = t("title");

  if (!framed) {
    const people = await fetch("/api/dashboard/demo/people");
    if (!people.ok) {
      root.replaceChildren(el("h1", {}, t("title")), el("p", { class: "notice" }, t("openInTeams")));
      return;
    }

    const list = await people.json();
    const wanted = params.get("person") || localStorage.getItem("dashboard.demo.person") || "li-na";
    state.demo = { people: list, person: list.some((p) => p.id === wanted) ? wanted : list[0]?.id };
    state.auth = async () => ({ "X-Demo-Person": state.demo.person });
  }

  await loadMe();
  await render();
  let resizing;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => charts.forEach((c) => c.resize()), 100);
  });
}

async function loadMe() {
  state.me = await api("/api/dashboard/me");
  if (state.team && !state.me.teams.some((team) => team.id === state.team)) state.team = "";
}

// ---------------------------------------------------------------- helpers

class SignInError extends Error {}

class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
  }
}

function withTimeout(promise, ms, message) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms))]);
}

function languageOf(locale) {
  return String(locale || "").toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

function applyTheme(theme) {
  state.theme = theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "default";
  setTheme(state.theme === "dark" ? teamsDarkTheme : state.theme === "contrast" ? teamsHighContrastTheme : teamsLightTheme);
  document.documentElement.dataset.theme = state.theme;
  document.documentElement.style.colorScheme = state.theme === "default" ? "light" : "dark";
}

function t(key, ...args) {
  const text = state.texts[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

async function api(path) {
  const headers = { Accept: "application/json", "Accept-Language": state.lang, ...(await state.auth()) };
  const response = await fetch(path, { headers });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // Not problem+json (a 401 from the token check has no body).
    }
    throw new ProblemError(response.status, problem);
  }
  return response.json();
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function teamName(team) {
  return state.lang === "zh-CN" ? team.nameZh : team.nameEn;
}

function parseDay(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function formatDay(day, withWeekday = false) {
  return new Intl.DateTimeFormat(state.lang, { timeZone: "UTC", month: "short", day: "numeric", ...(withWeekday ? { weekday: "short" } : {}) }).format(parseDay(day));
}

// A deadline as the team's clock shows it: the API writes it in the team's zone, so its own date and time are read as they are.
function formatTeamTime(instant) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(instant);
  if (!m) return formatInstant(instant);
  const local = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  return new Intl.DateTimeFormat(state.lang, { timeZone: "UTC", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(local);
}

function formatDayShort(day) {
  return state.lang === "zh-CN" ? `${parseDay(day).getUTCDate()}日` : String(parseDay(day).getUTCDate());
}

function formatInstant(instant) {
  return new Intl.DateTimeFormat(state.lang, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(instant));
}

const LOG_STATES = ["OnTime", "Late", "Missing", "NotYetDue"];
const LOG_TEXT = { OnTime: "onTime", Late: "late", Missing: "missing", NotYetDue: "notYetDue" };
const STATUS_TEXT = { Submitted: "statusSubmitted", Returned: "statusReturned", Approved: "statusApproved" };
const FORM_TEXT = { Sent: "formSent", Acknowledged: "formAcknowledged", Reopened: "formReopened" };

function logChip(log) {
  return el("span", { class: `chip chip-${log}` }, el("span", { class: "dot", "aria-hidden": "true" }), t(LOG_TEXT[log]));
}

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function stateColours() {
  return Object.fromEntries(LOG_STATES.map((s) => [s, cssVar(`--state-${s}`)]));
}

function link(text, onclick, label) {
  return el("a", { href: "#", class: "link", "aria-label": label, onclick: (event) => { event.preventDefault(); onclick(); } }, text);
}

// ---------------------------------------------------------------- rendering

async function render() {
  charts.splice(0).forEach((c) => c.dispose());
  const header = el("header", { class: "top" },
    el("h1", {}, t("title")),
    state.me ? el("span", { class: "who" }, t("signedInAs", state.me.name)) : null);
  const page = [header];
  if (state.demo) page.unshift(demoBanner());

  const body = el("section", { class: "body" }, el("p", { class: "loading" }, t("loading")));
  if (state.log || state.manager) {
    page.push(body);
  } else {
    page.push(tabs(), filters(), body);
  }
  root.replaceChildren(...page);
  root.removeAttribute("data-ready");

  try {
    if (state.log) await renderLog(body);
    else if (state.manager) await renderManager(body);
    else if (state.view === "punctuality") await renderPunctuality(body);
    else await renderToday(body);
  } catch (error) {
    body.replaceChildren(errorMessage(error));
  }
  // Charts are drawn in a microtask after their section is placed: mark the page ready after them (the browser test waits for it).
  await new Promise((resolve) => setTimeout(resolve, 0));
  root.dataset.ready = state.log ? "log" : state.manager ? "manager" : state.view;
}

function demoBanner() {
  const select = el("select", { id: "demo-person", onchange: async (event) => {
    state.demo.person = event.target.value;
    localStorage.setItem("dashboard.demo.person", state.demo.person);
    state.manager = state.log = "";
    try {
      await loadMe();
    } catch (error) {
      state.me = null;
    }
    render();
  } }, state.demo.people.map((p) => el("option", { value: p.id, selected: p.id === state.demo.person }, p.name)));
  return el("div", { class: "demo", role: "note" },
    el("strong", {}, t("demoBanner")), " ",
    el("label", { for: "demo-person", class: "visually-hidden" }, t("demoPerson")), select);
}

function tabs() {
  const list = el("fluent-tablist", { activeid: `tab-${state.view}`, "aria-label": t("title") },
    el("fluent-tab", { id: "tab-today" }, t("tabToday")),
    el("fluent-tab", { id: "tab-punctuality" }, t("tabPunctuality")));
  list.addEventListener("change", () => {
    const view = list.activeid === "tab-punctuality" ? "punctuality" : "today";
    if (view !== state.view) {
      state.view = view;
      render();
    }
  });
  return list;
}

function filters() {
  const form = el("form", { class: "filters", onsubmit: (event) => {
    event.preventDefault();
    const data = new FormData(form);
    state.team = data.get("team") || "";
    if (state.view === "punctuality") {
      state.from = data.get("from") || "";
      state.to = data.get("to") || "";
    }
    render();
  } });
  const teams = state.me?.teams ?? [];
  form.append(el("label", {}, el("span", {}, t("team")),
    el("select", { name: "team" },
      el("option", { value: "" }, t("allTeams")),
      teams.map((team) => el("option", { value: team.id, selected: team.id === state.team }, teamName(team))))));
  if (state.view === "punctuality") {
    form.append(
      el("label", {}, el("span", {}, t("from")), el("input", { type: "date", name: "from", value: state.from })),
      el("label", {}, el("span", {}, t("to")), el("input", { type: "date", name: "to", value: state.to })));
  }
  form.append(el("fluent-button", { type: "submit", appearance: "primary" }, t("show")));
  return form;
}

function errorMessage(error) {
  const text = error instanceof SignInError ? t("signInFailed", error.message) : t("loadFailed", error.message);
  return el("p", { class: "error", role: "alert" }, text);
}

function showError(error) {
  root.replaceChildren(el("p", { class: "error", role: "alert" }, String(error?.message ?? error)));
}

function query(extra = {}) {
  const q = new URLSearchParams();
  if (state.team) q.set("team", state.team);
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

function openManager(id) {
  state.manager = id;
  state.log = "";
  render();
}

function openLog(id) {
  state.log = id;
  render();
}

function back() {
  if (state.log) state.log = "";
  else state.manager = "";
  render();
}

// ---------------------------------------------------------------- exports

// The view's filters, as a file: fetched with the same sign-in as the view, saved under the name the API gives.
function exportButtons(path, extra = {}) {
  return el("div", { class: "exports" }, ["xlsx", "csv"].map((format) => el("fluent-button", {
    appearance: "secondary",
    onclick: async () => {
      try {
        const response = await fetch(`${path}${query({ ...extra, format })}`, { headers: { "Accept-Language": state.lang, ...(await state.auth()) } });
        if (!response.ok) throw new ProblemError(response.status, await response.json().catch(() => null));
        const disposition = response.headers.get("Content-Disposition") || "";
        const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
        const plain = /filename="?([^";]+)"?/i.exec(disposition);
        const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : `export.${format}`;
        const url = URL.createObjectURL(await response.blob());
        const link = el("a", { href: url, download: name });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      } catch (error) {
        root.querySelector(".body")?.prepend(errorMessage(error));
      }
    },
  }, t(format === "xlsx" ? "exportXlsx" : "exportCsv"))));
}

// ---------------------------------------------------------------- Today

async function renderToday(body) {
  const view = await api(`/api/dashboard/today${query()}`);
  const sections = view.teams.map((team) => {
    const section = el("section", { class: "team" },
      el("h2", {}, teamName(team.team)),
      el("p", { class: "sub" }, t("logsOf", formatDay(team.day, true), formatTeamTime(team.deadline))));
    if (team.managers.length === 0) {
      section.append(el("p", {}, t("noManagers")));
      return section;
    }

    const c = team.counts;
    const tiles = el("div", { class: "tiles" },
      LOG_STATES.map((s) => tile(t(LOG_TEXT[s]), c[s.charAt(0).toLowerCase() + s.slice(1)], `tile-${s}`)),
      tile(t("formsOpen"), c.formsOpen, c.formsOverdue ? "tile-warn" : ""),
      tile(t("formsOverdue"), c.formsOverdue, c.formsOverdue ? "tile-Missing" : ""),
      tile(t("actionsOpen"), c.actionsOpen, ""),
      tile(t("actionsOverdue"), c.actionsOverdue, c.actionsOverdue ? "tile-Missing" : ""));
    const chart = el("div", { class: "chart chart-today", role: "img", "aria-label": t("todayChartLabel", teamName(team.team)) });
    section.append(el("div", { class: "today-top" }, chart, tiles), todayTable(team));
    queueMicrotask(() => drawTodayChart(chart, team));
    return section;
  });
  body.replaceChildren(exportButtons("/api/dashboard/today/export"), ...sections);
}

function tile(label, value, kind) {
  return el("div", { class: `tile ${kind}` }, el("span", { class: "value" }, String(value)), el("span", { class: "label" }, label));
}

function todayTable(team) {
  return el("div", { class: "table-wrap" }, el("table", {},
    el("caption", { class: "visually-hidden" }, teamName(team.team)),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col" }, t("manager")),
      el("th", { scope: "col" }, t("log")),
      el("th", { scope: "col", class: "num" }, t("formsOpen")),
      el("th", { scope: "col", class: "num" }, t("actionsOpen")))),
    el("tbody", {}, team.managers.map((row) => el("tr", {},
      el("th", { scope: "row" }, link(row.manager.name, () => openManager(row.manager.id))),
      el("td", {}, row.logId ? link(logChip(row.log), () => openLog(row.logId), `${row.manager.name}: ${t(LOG_TEXT[row.log])}`) : logChip(row.log),
        row.logStatus ? el("span", { class: "status" }, t(STATUS_TEXT[row.logStatus])) : null),
      el("td", { class: "num" }, String(row.formsOpen), row.formsOverdue ? el("span", { class: "overdue" }, ` (${t("overdue")} ${row.formsOverdue})`) : null),
      el("td", { class: "num" }, String(row.actionsOpen), row.actionsOverdue ? el("span", { class: "overdue" }, ` (${t("overdue")} ${row.actionsOverdue})`) : null))))));
}

function drawTodayChart(node, team) {
  const colours = stateColours();
  const chart = echarts.init(node, null, { renderer: "svg" });
  charts.push(chart);
  const c = team.counts;
  const data = LOG_STATES.map((s) => ({ name: t(LOG_TEXT[s]), value: c[s.charAt(0).toLowerCase() + s.slice(1)], itemStyle: { color: colours[s] } })).filter((d) => d.value > 0);
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: "item" },
    series: [{
      type: "pie",
      radius: ["45%", "75%"],
      label: { show: false },
      itemStyle: { borderColor: cssVar("--colorNeutralBackground1"), borderWidth: 2 },
      data,
    }],
    graphic: [],
  });
}

// ---------------------------------------------------------------- Punctuality

async function renderPunctuality(body) {
  const view = await api(`/api/dashboard/punctuality${query({ from: state.from, to: state.to })}`);
  state.from = view.from;
  state.to = view.to;
  const from = body.ownerDocument.querySelector("input[name=from]");
  const to = body.ownerDocument.querySelector("input[name=to]");
  if (from) from.value = view.from;
  if (to) to.value = view.to;

  const toggle = el("fluent-button", { appearance: "secondary", onclick: () => { state.table = !state.table; render(); } }, state.table ? t("showChart") : t("showTable"));
  const parts = [el("div", { class: "heading-row" }, el("p", { class: "sub" }, t("punctualityOf", formatDay(view.from), formatDay(view.to))), toggle),
    exportButtons("/api/dashboard/punctuality/export", { from: view.from, to: view.to }),
    el("p", { class: "hint" }, t("heatmapHint")), legend()];
  for (const team of view.teams) {
    const section = el("section", { class: "team" }, el("h2", {}, teamName(team.team)));
    if (team.managers.length === 0) {
      section.append(el("p", {}, t("noManagers")));
    } else if (state.table) {
      section.append(punctualityTable(team));
    } else {
      const chart = el("div", { class: "chart chart-heatmap", role: "img", "aria-label": t("heatmapLabel", teamName(team.team)), style: `height:${80 + team.managers.length * 34}px` });
      section.append(chart);
      queueMicrotask(() => drawHeatmap(chart, team));
    }
    parts.push(section);
  }
  body.replaceChildren(...parts);
}

function legend() {
  return el("ul", { class: "legend" }, LOG_STATES.map((s) => el("li", {}, logChip(s))));
}

function punctualityTable(team) {
  return el("div", { class: "table-wrap" }, el("table", { class: "days" },
    el("caption", { class: "visually-hidden" }, t("heatmapLabel", teamName(team.team))),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col" }, t("manager")),
      el("th", { scope: "col", class: "num" }, t("totals")),
      team.days.map((d) => el("th", { scope: "col", class: "day", title: formatDay(d, true) }, formatDayShort(d))))),
    el("tbody", {}, team.managers.map((row) => el("tr", {},
      el("th", { scope: "row" }, link(row.manager.name, () => openManager(row.manager.id))),
      el("td", { class: "num" }, `${row.onTime}/${row.late}/${row.missing}`),
      row.cells.map((cell, i) => {
        const label = `${formatDay(team.days[i], true)}: ${t(LOG_TEXT[cell.log])}`;
        const mark = el("span", { class: `cell cell-${cell.log}`, title: label }, el("span", { class: "visually-hidden" }, label));
        return el("td", { class: "day" }, cell.logId ? link(mark, () => openLog(cell.logId), label) : mark);
      }))))));
}

function drawHeatmap(node, team) {
  const colours = stateColours();
  const chart = echarts.init(node, null, { renderer: "svg" });
  charts.push(chart);
  const managers = team.managers.map((m) => m.manager.name);
  const data = [];
  team.managers.forEach((row, y) => row.cells.forEach((cell, x) => data.push({ value: [x, y, LOG_STATES.indexOf(cell.log)], logId: cell.logId, manager: row.manager.id })));
  const narrow = node.clientWidth < 600;
  chart.setOption({
    animation: false,
    aria: { enabled: true, decal: { show: false } },
    tooltip: {
      formatter: (p) => `${managers[p.value[1]]}<br>${formatDay(team.days[p.value[0]], true)}: ${t(LOG_TEXT[LOG_STATES[p.value[2]]])}`,
    },
    grid: { left: narrow ? 76 : 130, right: 8, top: 8, bottom: 40 },
    xAxis: {
      type: "category",
      data: team.days.map(formatDayShort),
      axisLabel: { color: cssVar("--colorNeutralForeground2"), interval: narrow ? Math.ceil(team.days.length / 6) - 1 : "auto" },
      axisLine: { lineStyle: { color: cssVar("--colorNeutralStroke1") } },
      splitArea: { show: false },
    },
    yAxis: {
      type: "category",
      data: managers,
      inverse: true,
      // On a phone a bilingual name goes on two lines at its last space ("Chen Jie" over "陈杰"), never inside a word.
      axisLabel: { color: cssVar("--colorNeutralForeground1"), width: narrow ? 68 : 120, overflow: "truncate", lineHeight: 14, formatter: (name) => (narrow ? name.replace(/ (?=[^ ]*$)/, "\n") : name) },
      axisLine: { lineStyle: { color: cssVar("--colorNeutralStroke1") } },
    },
    visualMap: {
      show: false,
      type: "piecewise",
      dimension: 2,
      pieces: LOG_STATES.map((s, i) => ({ value: i, color: colours[s], label: t(LOG_TEXT[s]) })),
    },
    series: [{
      type: "heatmap",
      data,
      itemStyle: { borderColor: cssVar("--colorNeutralBackground1"), borderWidth: 2 },
      emphasis: { itemStyle: { borderColor: cssVar("--colorNeutralForeground1"), borderWidth: 2 } },
    }],
  });
  chart.on("click", (p) => (p.data.logId ? openLog(p.data.logId) : openManager(p.data.manager)));
}

// ---------------------------------------------------------------- drill-down

async function renderManager(body) {
  const view = await api(`/api/dashboard/managers/${encodeURIComponent(state.manager)}${query({ from: state.from, to: state.to }).replace(/team=[^&]*&?/, "")}`);
  body.replaceChildren(
    el("fluent-button", { appearance: "subtle", onclick: back }, "← ", t("back")),
    el("h2", {}, view.manager.name),
    el("p", { class: "sub" }, teamName(view.team), " · ", t("punctualityOf", formatDay(view.from), formatDay(view.to))),
    el("h3", {}, t("managerLogs")),
    el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {},
        el("th", { scope: "col" }, t("day")),
        el("th", { scope: "col" }, t("log")),
        el("th", { scope: "col" }, t("submittedAt")),
        el("th", { scope: "col", class: "num" }, t("rating")))),
      el("tbody", {}, view.logs.map((log) => el("tr", {},
        el("th", { scope: "row", class: "nowrap" }, log.logId ? link(formatDay(log.day, true), () => openLog(log.logId)) : formatDay(log.day, true)),
        el("td", {}, logChip(log.log), log.status ? el("span", { class: "status" }, t(STATUS_TEXT[log.status])) : null),
        el("td", { class: "nowrap" }, log.submittedAt ? formatInstant(log.submittedAt) : "—"),
        el("td", { class: "num" }, log.rating ?? "—")))))),
    el("h3", {}, t("managerForms")),
    view.forms.length === 0 ? el("p", {}, t("none")) : el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("formNumber")), el("th", { scope: "col" }, t("formState")), el("th", { scope: "col" }, t("formDue")))),
      el("tbody", {}, view.forms.map((f) => el("tr", {},
        el("th", { scope: "row", class: "nowrap" }, f.number),
        el("td", {}, t(FORM_TEXT[f.state] ?? f.state)),
        el("td", {}, formatInstant(f.handleDueAt), f.overdue ? el("span", { class: "overdue" }, ` ${t("overdue")}`) : null)))))),
    el("h3", {}, t("managerActions")),
    view.actions.length === 0 ? el("p", {}, t("none")) : el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("actionText")), el("th", { scope: "col" }, t("actionDue")))),
      el("tbody", {}, view.actions.map((a) => el("tr", {},
        el("td", {}, a.text, a.state === "Blocked" ? el("span", { class: "status" }, t("actionBlocked")) : null),
        el("td", { class: "nowrap" }, formatDay(a.dueDate), a.overdue ? el("span", { class: "overdue" }, ` ${t("overdue")}`) : null)))))));
}

async function renderLog(body) {
  const log = await api(`/api/dashboard/logs/${encodeURIComponent(state.log)}`);
  const zh = state.lang === "zh-CN";
  body.replaceChildren(
    el("fluent-button", { appearance: "subtle", onclick: back }, "← ", t("back")),
    el("h2", {}, t("recordTitle", log.manager.name, formatDay(log.day, true))),
    el("p", { class: "sub" }, teamName(log.team), " · ", logChip(log.log), " ", el("span", { class: "status" }, t(STATUS_TEXT[log.status])),
      " · ", t("revision", log.revision), " · ", formatInstant(log.submittedAt)),
    el("dl", { class: "answers" }, log.answers.map((a) => [el("dt", {}, zh ? a.labelZh : a.labelEn), el("dd", {}, (zh ? a.valueZh : a.valueEn) || "—")])),
    el("h3", {}, t("reviews")),
    log.reviews.length === 0 ? el("p", {}, t("noReviews")) : el("ol", { class: "reviews" }, log.reviews.map((r) => el("li", {},
      el("strong", {}, t(r.decision === "Approved" ? "reviewApproved" : "reviewReturned", r.reviewer)), " · ", t("revision", r.revision), " · ", formatInstant(r.at),
      r.rating ? ` · ${t("rating")} ${r.rating}/5` : "",
      el("dl", {},
        r.evaluation ? [el("dt", {}, t("evaluation")), el("dd", {}, r.evaluation)] : null,
        r.requirement ? [el("dt", {}, t("requirement")), el("dd", {}, r.requirement)] : null,
        r.suggestion ? [el("dt", {}, t("suggestion")), el("dd", {}, r.suggestion)] : null)))));
}
