// The dashboard in a real browser: Debian's Chromium (playwright-core) opens the page of a running app in the demo
// sign-in (Development), for each view (Today, the punctuality heatmap and its table, a manager, a log — the last two
// reached by clicking through) at 360 and 1280 px, in en-US and zh-CN, in the light and dark themes (and high
// contrast once), and:
//   - saves a full-page screenshot of each: <out>/<view>.<lang>.<theme>.<width>.png
//   - runs axe (axe-core through @axe-core/playwright): serious and critical violations are faults
//   - reports a page wider than the viewport (overflow), a script error, a failed request, or a view that did not draw.
//
//   node browser-test.mjs <base-url> <out-folder> [--person li-na]
// Stdout: {"shots":N,"faults":[{"shot","kind","detail"}]} (also <out>/report.json). Exit 0 when there is no fault.
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error("usage: node browser-test.mjs <base-url> <out-folder> [--person li-na]");
  process.exit(2);
}
const personArg = process.argv.indexOf("--person");
const person = personArg > 0 ? process.argv[personArg + 1] : "li-na";
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  console.error(`browser-test: no Chromium at ${chromiumPath} (Debian: apt-get install -y chromium fonts-noto-cjk; or set CHROMIUM_PATH)`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const origin = new URL(base).origin;
const faults = [];
let shots = 0;

const combos = [];
for (const lang of ["en-US", "zh-CN"]) {
  for (const theme of ["default", "dark"]) {
    for (const width of [360, 1280]) combos.push({ lang, theme, width });
  }
}
combos.push({ lang: "zh-CN", theme: "contrast", width: 1280 }, { lang: "en-US", theme: "contrast", width: 360 });

for (const { lang, theme, width } of combos) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1, locale: lang });
  const page = await context.newPage();
  const name = (view) => `${view}.${lang}.${theme}.${width}`;
  let current = "";
  page.on("pageerror", (error) => faults.push({ shot: current, kind: "script-error", detail: String(error) }));
  // teams-js reads Microsoft's list of Teams host origins at load (data, not code; it falls back to its own copy): the
  // one request that may leave the app, refused here since the machine is offline.
  const originList = "https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json";
  page.on("console", (message) => message.type() === "error" && message.location()?.url !== originList && faults.push({ shot: current, kind: "console-error", detail: message.text() }));
  // Nothing else leaves the app: a request elsewhere (a CDN) is refused and reported.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    if (url === originList) return route.abort();
    faults.push({ shot: current, kind: "outside-request", detail: url });
    return route.abort();
  });
  page.on("response", (response) => response.status() >= 400 && faults.push({ shot: current, kind: "failed-request", detail: `${response.status()} ${response.url()}` }));

  const capture = async (view, label = view) => {
    current = name(label);
    try {
      await page.waitForSelector(`#app[data-ready="${view}"]`, { timeout: 30000 });
    } catch {
      faults.push({ shot: current, kind: "not-drawn", detail: `the ${view} view did not finish drawing` });
    }
    if (view === "today" || view === "punctuality") {
      const charts = await page.locator(".chart svg").count();
      if (charts === 0 && !(await page.locator("table.days").count())) faults.push({ shot: current, kind: "no-chart", detail: "no chart drawn" });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) faults.push({ shot: current, kind: "overflow", detail: `the page is ${overflow}px wider than the ${width}px screen` });
    await page.screenshot({ path: join(out, `${current}.png`), fullPage: true });
    shots++;
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    for (const v of axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      faults.push({ shot: current, kind: `axe:${v.id}`, detail: `${v.impact}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})` });
    }
  };

  const url = (view, extra = "") => `${base}/dashboard/?lang=${lang}&theme=${theme}&person=${person}&view=${view}${extra}`;
  await page.goto(url("today"));
  await capture("today");
  // Drill down by clicking, as a lead does: the first manager of the Today table, then their latest log.
  await page.locator("table tbody th a.link").first().click();
  await capture("manager");
  await page.locator("table tbody th a.link").first().click();
  await capture("log");

  await page.goto(url("punctuality"));
  await capture("punctuality");
  await page.goto(url("punctuality", "&table=1"));
  await capture("punctuality", "punctuality-table");
  await context.close();
}

await browser.close();
const report = { shots, faults };
writeFileSync(join(out, "report.json"), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report));
process.exit(faults.length === 0 ? 0 : 1);
