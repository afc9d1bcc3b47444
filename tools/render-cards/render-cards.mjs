// Renders Adaptive Cards as Teams would show them, with the official renderer, into PNGs, and reports layout faults.
//
//   node tools/render-cards/render-cards.mjs <cards-folder> <out-folder> [--widths 360,800] [--fail-on-faults]
//
// Every *.json file directly in <cards-folder> holds one card (a bare AdaptiveCard, an attachment
// {"contentType":"application/vnd.microsoft.card.adaptive","content":{...}} or an invoke response
// {"type":"application/vnd.microsoft.card.adaptive","value":{...}}), as tools/validate/validate-cards.mjs reads them.
// Each card is rendered by the `adaptivecards` library (3.0.6, the renderer behind the Adaptive Cards designer) with a
// Teams-like host config (teams-host-config.json: Teams' font sizes, spacing, colours, inline show cards, " *" after
// required labels) in headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH), once per width, into
//   <out-folder>/<card>.<width>.png
// plus one picture per Action.ShowCard visible on the card, opened (<card>.<width>.show-<n>.png), and one with every
// Action.ToggleVisibility pressed once (<card>.<width>.toggled.png), so what opens on demand can be looked at too.
// Chinese needs CJK fonts (Debian: fonts-noto-cjk), or it renders as boxes.
//
// Layout faults found in each picture (reported, and the exit code with --fail-on-faults):
//   narrow-text   a text that wraps to 3+ lines with at most 2 characters a line (one-character-per-line titles)
//   broken-token  a line break inside a date, time, number (a row number "10" too), percentage or form number (2026-11-30, 2026-11-30 08:10,
//                 08:30, 95%, XX-2026-000123, 2026年11月30日, 11月30日（星期一）, Monday 30 November, November 2026;
//                 hyphens may be U+2011, spaces U+00A0, a Chinese date may carry word joiners U+2060)
//   missing-glyph a character drawn as a box because no font of the page has it
//   cut-off       a text or button title cut off (ellipsis or overflow) instead of wrapping
//   overflow      the card is wider than the width it was given
//   double-marker a required input whose label carries its own "*" (the host adds one for isRequired)
// Stdout: {"cards":N,"images":N,"faults":[{"file","width","variant","kind","text"}],"errors":[{"file","error"}]}
// (also written to <out-folder>/report.json). Exit code: 0 when every card rendered (and, with --fail-on-faults, no
// fault was found); 1 otherwise; 2 on a usage error.
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

// ---------------------------------------------------------------- arguments

function usage(message) {
  if (message) console.error(`render-cards: ${message}`);
  console.error("usage: node render-cards.mjs <cards-folder> <out-folder> [--widths 360,800] [--fail-on-faults]");
  process.exit(2);
}

const positional = [];
let widths = [360, 800];
let failOnFaults = false;
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--widths") {
    const v = process.argv[++i];
    widths = (v ?? "").split(",").map((w) => Number(w.trim()));
    if (widths.length === 0 || widths.some((w) => !Number.isInteger(w) || w < 200 || w > 2000)) usage(`bad --widths ${v}`);
  } else if (a === "--fail-on-faults") {
    failOnFaults = true;
  } else if (a === "-h" || a === "--help") {
    usage();
  } else if (a.startsWith("--")) {
    usage(`unknown option ${a}`);
  } else {
    positional.push(a);
  }
}
if (positional.length !== 2) usage();
const [cardsFolder, outFolder] = positional;

let names;
try {
  if (!statSync(cardsFolder).isDirectory()) throw new Error("not a folder");
  names = readdirSync(cardsFolder).filter((n) => n.toLowerCase().endsWith(".json") && statSync(join(cardsFolder, n)).isFile()).sort();
} catch (e) {
  usage(`cannot read folder ${cardsFolder}: ${e.message}`);
}
mkdirSync(outFolder, { recursive: true });

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  console.error(`render-cards: no Chromium at ${chromiumPath} (Debian: apt-get install -y chromium fonts-noto-cjk; or set CHROMIUM_PATH)`);
  process.exit(1);
}

// Chinese drawn without a CJK font is a row of boxes nobody can judge: refuse rather than draw it.
try {
  const { execFileSync } = await import("node:child_process");
  if (!execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).trim()) throw new Error("no font for :lang=zh");
} catch (e) {
  console.error(`render-cards: no Chinese font found (${e.message}); Debian: apt-get install -y fonts-noto-cjk`);
  process.exit(1);
}

// ---------------------------------------------------------------- the page

const { chromium } = require("playwright-core");
const hostConfig = JSON.parse(readFileSync(join(here, "teams-host-config.json"), "utf8"));
const acDist = dirname(require.resolve("adaptivecards/dist/adaptivecards.min.js"));

// Teams-like chrome around the card: a light chat background and a white bubble with the card inside.
const PAGE_CSS = `
  html, body { margin: 0; padding: 0; background: #F5F5F5; }
  #frame { padding: 8px; display: inline-block; }
  #card { background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px; overflow: hidden; box-sizing: border-box; }
  .ac-pushButton { font-family: 'Segoe UI', 'Noto Sans CJK SC', sans-serif; color: #242424; background: #FFFFFF;
    border: 1px solid #D1D1D1; border-radius: 4px; min-height: 32px; padding: 4px 12px; font-weight: 600; }
  .ac-pushButton.style-positive { background: #5B5FC7; color: #FFFFFF; border-color: #5B5FC7; }
  .ac-pushButton.style-destructive { color: #C4314B; }
  .ac-pushButton[aria-expanded=true] { background: #E8EBFA; }
  .ac-textBlock p { margin: 0; }
  .ac-textBlock ul, .ac-textBlock ol { margin: 0; padding-left: 20px; }
  .ac-input { font-family: 'Segoe UI', 'Noto Sans CJK SC', sans-serif; font-size: 14px; }
  .ac-input input, .ac-input textarea, .ac-input select, input.ac-input, textarea.ac-input, select.ac-input {
    border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 8px; min-height: 32px; box-sizing: border-box; }
`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: Math.max(...widths) + 16, height: 900 }, deviceScaleFactor: 1 });
await page.route("**/*", (route) => (route.request().url().startsWith("data:") || route.request().url() === "about:blank" ? route.continue() : route.abort()));
await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${readFileSync(join(acDist, "adaptivecards.css"), "utf8")}</style><style>${PAGE_CSS}</style></head><body><div id="frame"><div id="card"></div></div></body></html>`);
await page.addScriptTag({ path: join(acDist, "adaptivecards.min.js") });
// Markdown as Teams draws it in a TextBlock (bold, italic, lists, links, a line break for each newline): markdown-it,
// which the adaptivecards library itself looks for, with raw HTML left as text.
await page.addScriptTag({ path: join(here, "node_modules", "markdown-it", "dist", "browser", "markdown-it.umd.min.js") });
await page.evaluate(() => {
  const md = window.markdownit({ html: false, linkify: false, breaks: true });
  window.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = md.render(text);
    result.didProcess = true;
  };
});

// Runs in the page: renders one card at a width; returns the rendered actions to open (show cards, toggles).
function renderInPage({ json, width, hostConfig }) {
  const AC = window.AdaptiveCards;
  const host = document.getElementById("card");
  host.innerHTML = "";
  host.style.width = `${width}px`;
  // Drawn as a client without msteams.width "Full" and without user-specific views gets it: no width hint, no refresh.
  json = { ...json };
  delete json.msteams;
  delete json.refresh;
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(hostConfig);
  card.onExecuteAction = () => {};
  card.parse(json, new AC.SerializationContext(AC.Versions.v1_5));
  const rendered = card.render();
  if (!rendered) throw new Error("the renderer returned nothing");
  host.appendChild(rendered);
  window.__card = card;
  const visible = (el) => el && el.offsetParent !== null;
  // getAllActions() lists an ActionSet's actions twice: each must be pressed once.
  const actions = [...new Set(card.getAllActions())].filter((a) => visible(a.renderedElement));
  window.__showCards = actions.filter((a) => a.getJsonTypeName() === "Action.ShowCard");
  window.__toggles = actions.filter((a) => a.getJsonTypeName() === "Action.ToggleVisibility");
  return { showCards: window.__showCards.length, toggles: window.__toggles.length };
}

// Runs in the page: the layout faults of what is on screen now.
function faultsInPage({ width }) {
  const faults = [];
  const root = document.getElementById("card");
  const rootBox = root.getBoundingClientRect();
  if (root.scrollWidth > width + 1) faults.push({ kind: "overflow", text: `card content is ${root.scrollWidth}px wide in ${width}px` });

  const shown = (el) => {
    for (let e = el; e && e !== root; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden") return false;
    }
    return true;
  };
  // Line tops of a range, merged within half a line (rects of one line differ by a pixel or two).
  const lineCount = (range, lineHeight) => {
    const tops = [];
    for (const r of range.getClientRects()) {
      if (r.width < 0.5) continue;
      if (!tops.some((t) => Math.abs(t - r.top) < lineHeight / 2)) tops.push(r.top);
    }
    return tops.length;
  };
  // A date's hyphens may be non-breaking (U+2011), a date and its time or an English date's words joined by a no-break
  // space (U+00A0), a Chinese date's characters by word joiners (U+2060): the bot's CardDates writes them so.
  const H = "[-\\u2011]";
  const S = "[ \\u00a0]";
  const J = "\\u2060?";
  const D = `\\d${J}`;
  const TOKENS = [
    new RegExp(`\\d{4}${H}\\d{1,2}${H}\\d{1,2}(?:${S}\\d{1,2}:\\d{2})?`, "g"),
    new RegExp(`\\d{4}${H}\\d{1,2}(?![-\\u2011\\d])`, "g"),
    new RegExp(`(?:${D}){4}年${J}(?:${D}){1,2}月(?:${J}(?:${D}){1,2}日)?`, "g"),
    new RegExp(`(?:${D}){1,2}月${J}(?:${D}){1,2}日(?:${J}（(?:${J}[^（）\\s]){1,4}${J}）)?`, "g"),
    new RegExp(`[A-Z][a-z]{2,8}\\u00a0\\d{1,2}\\u00a0[A-Z][a-z]{2,8}`, "g"),
    new RegExp(`[A-Z][a-z]{2,8}\\u00a0\\d{4}`, "g"),
    /\d{1,2}:\d{2}(?:[–-]\d{1,2}:\d{2})?/g,
    /[A-Z]{2,}-\d{4}-\d{3,}/g,
    /\d+(?:[.,]\d+)*\s?%/g,
    /\d+(?:[.,]\d+)+/g,
    /\d{1,2}\/\d{1,2}(?:\/\d{2,4})?/g,
    /\d{2,}/g,
  ];

  // A character no font of the page has is drawn as a box: compare each non-ASCII character, drawn in the text's own
  // font on a canvas, with an unassigned code point (U+0378) drawn the same way.
  const glyphCache = (window.__glyphCache ??= new Map());
  const canvas = (window.__glyphCanvas ??= Object.assign(document.createElement("canvas"), { width: 64, height: 64 }));
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const pixels = (font, ch) => {
    ctx.clearRect(0, 0, 64, 64);
    ctx.font = font;
    ctx.fillStyle = "#000";
    ctx.fillText(ch, 8, 44);
    return ctx.getImageData(0, 0, 64, 64).data;
  };
  const missingGlyph = (font, ch) => {
    const key = font + "\u0000" + ch;
    if (!glyphCache.has(key)) {
      const refKey = font + "\u0000\u0378";
      if (!glyphCache.has(refKey)) glyphCache.set(refKey, pixels(font, "\u0378"));
      const ref = glyphCache.get(refKey);
      const drawn = pixels(font, ch);
      let inked = false;
      let same = true;
      for (let i = 3; i < ref.length; i += 4) {
        if (ref[i] !== 0) inked = true;
        if (ref[i] !== drawn[i]) { same = false; break; }
      }
      glyphCache.set(key, inked && same);
    }
    return glyphCache.get(key);
  };

  // Every block of text: walk text nodes, group by their nearest block-level parent.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const blocks = new Map();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.nodeValue.trim() || !shown(n.parentElement)) continue;
    let block = n.parentElement;
    while (block !== root && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    if (!blocks.has(block)) blocks.set(block, []);
    blocks.get(block).push(n);
  }
  for (const [block, nodes] of blocks) {
    const text = nodes.map((n) => n.nodeValue).join("");
    const style = getComputedStyle(block);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
    const range = document.createRange();
    range.setStart(nodes[0], 0);
    range.setEnd(nodes[nodes.length - 1], nodes[nodes.length - 1].nodeValue.length);
    const lines = lineCount(range, lineHeight);
    const chars = [...text.replace(/\s+/g, "")].length;
    if (lines >= 3 && chars / lines <= 2) faults.push({ kind: "narrow-text", text: `${text.trim().slice(0, 60)} (${chars} characters on ${lines} lines)` });

    const clipped = (el) => {
      const s = getComputedStyle(el);
      return (s.textOverflow === "ellipsis" || s.overflow === "hidden" || s.overflowX === "hidden") && el.scrollWidth > el.clientWidth + 1;
    };
    let clipper = null;
    for (let e = block; e && e !== root; e = e.parentElement) {
      if (clipped(e)) { clipper = e; break; }
      if (e.classList && (e.classList.contains("ac-textBlock") || e.classList.contains("ac-pushButton"))) break;
    }
    if (clipper) faults.push({ kind: "cut-off", text: text.trim().slice(0, 80) });

    const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const boxes = [...new Set([...text].filter((c) => c.codePointAt(0) > 0x7f && !/\s/.test(c)))].filter((c) => missingGlyph(font, c));
    if (boxes.length > 0) faults.push({ kind: "missing-glyph", text: `${boxes.map((c) => "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")).join(", ")} drawn as a box in: ${text.trim().slice(0, 80)}` });

    for (const node of nodes) {
      for (const re of TOKENS) {
        re.lastIndex = 0;
        for (let m = re.exec(node.nodeValue); m; m = re.exec(node.nodeValue)) {
          const r = document.createRange();
          r.setStart(node, m.index);
          r.setEnd(node, m.index + m[0].length);
          if (lineCount(r, lineHeight) > 1) faults.push({ kind: "broken-token", text: `"${m[0]}" is broken over two lines in: ${text.trim().slice(0, 80)}` });
        }
      }
    }
  }
  return faults;
}

// ---------------------------------------------------------------- the cards

function unwrap(value) {
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObject(value) && value.contentType === CARD_CONTENT_TYPE && isObject(value.content)) return value.content;
  if (isObject(value) && value.type === CARD_CONTENT_TYPE && isObject(value.value)) return value.value;
  return value;
}

// Required inputs whose label has its own "*": the host already shows one after the label.
function doubleMarkers(node, found = []) {
  if (Array.isArray(node)) node.forEach((n) => doubleMarkers(n, found));
  else if (node && typeof node === "object") {
    if (typeof node.type === "string" && node.type.startsWith("Input.") && node.isRequired === true && typeof node.label === "string" && /[*＊]/.test(node.label)) {
      found.push({ kind: "double-marker", text: `required input ${node.id} has "*" in its label "${node.label}"` });
    }
    Object.values(node).forEach((v) => doubleMarkers(v, found));
  }
  return found;
}

const faults = [];
const errors = [];
let images = 0;
for (const name of names) {
  const stem = basename(name, ".json");
  let json;
  try {
    let text = readFileSync(join(cardsFolder, name), "utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    json = unwrap(JSON.parse(text));
  } catch (e) {
    errors.push({ file: name, error: `not valid JSON: ${e.message}` });
    continue;
  }
  for (const f of doubleMarkers(json)) faults.push({ file: name, width: null, variant: "card", ...f });

  for (const width of widths) {
    try {
      const shot = async (variant) => {
        const file = join(outFolder, variant === "card" ? `${stem}.${width}.png` : `${stem}.${width}.${variant}.png`);
        await page.locator("#card").screenshot({ path: file });
        images++;
        for (const f of await page.evaluate(faultsInPage, { width })) faults.push({ file: name, width, variant, ...f });
      };
      const { showCards, toggles } = await page.evaluate(renderInPage, { json, width, hostConfig });
      await shot("card");
      for (let i = 0; i < showCards; i++) {
        await page.evaluate(renderInPage, { json, width, hostConfig });
        await page.evaluate((i) => window.__showCards[i].renderedElement.click(), i);
        await shot(`show-${i + 1}`);
      }
      if (toggles > 0) {
        await page.evaluate(renderInPage, { json, width, hostConfig });
        await page.evaluate(() => window.__toggles.forEach((a) => a.renderedElement.click()));
        await shot("toggled");
      }
    } catch (e) {
      errors.push({ file: name, error: `at ${width}px: ${e && e.message ? e.message : e}` });
    }
  }
}
await browser.close();

if (names.length === 0) errors.push({ file: cardsFolder, error: "no *.json card in the folder" });
const report = { cards: names.length, images, faults, errors };
writeFileSync(join(outFolder, "report.json"), JSON.stringify(report, null, 2));
// exitCode, not exit(): a large report written to a pipe must be flushed before the process ends.
process.stdout.write(JSON.stringify(report, null, 2) + "\n");
process.exitCode = errors.length === 0 && !(failOnFaults && faults.length > 0) ? 0 : 1;
