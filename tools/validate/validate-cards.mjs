// Offline validation of Adaptive Cards as DiligenceBot sends them to Teams.
//
//   node tools/validate/validate-cards.mjs <folder>
//
// Every *.json file directly in <folder> holds one card (a bare AdaptiveCard object; an attachment
// {"contentType":"application/vnd.microsoft.card.adaptive","content":{...}} or an invoke response
// {"type":"application/vnd.microsoft.card.adaptive","value":{...}} is unwrapped first).
// Each card goes through two independent checks:
//   1. the official "adaptivecards" JS library (3.0.6), parsing for schema version 1.5 without a
//      DOM: its parse events plus card.validateProperties() failures;
//   2. a structural check of the raw JSON against the Adaptive Cards 1.5 element/action types and
//      property types (the library silently drops values of the wrong type, ignores unknown
//      properties and accepts "version": "1.6"), plus the 28 KB size budget.
// Stdout: {"cards":N,"failures":[{"file":"x.json","problems":["..."]}]}
// Stderr: warnings that do not fail a card (library hints, unknown properties, ...).
// Exit code: 0 when all cards pass; 1 when any card fails or the folder has no *.json card;
// 2 on a usage error (no folder given, or not a folder).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");

const MAX_BYTES = 28 * 1024;
const MAX_VERSION = [1, 5];
const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

// ---------------------------------------------------------------- arguments

const folder = process.argv[2];
if (!folder || process.argv.length > 3 || folder === "-h" || folder === "--help") {
  console.error("usage: node validate-cards.mjs <folder>");
  process.exit(2);
}
let names;
try {
  if (!statSync(folder).isDirectory()) throw new Error("not a folder");
  names = readdirSync(folder).filter((n) => n.toLowerCase().endsWith(".json") && statSync(join(folder, n)).isFile()).sort();
} catch (e) {
  console.error(`validate-cards: cannot read folder ${folder}: ${e.message}`);
  process.exit(2);
}

// ---------------------------------------------------------------- check 1: the adaptivecards library

// Library events that are advice rather than errors: reported as warnings.
const ADVISORY_EVENTS = new Set([
  AC.ValidationEvent.Hint,
  AC.ValidationEvent.RequiredInputsShouldHaveLabel,
  AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage,
]);
// Card properties Teams understands that the library does not model (or models later than 1.5).
// An "unsupported property" event about one of these is not a failure.
// "choices.data" (Data.Query: Teams' dynamic type-ahead, answered by the bot's application/search invoke) is
// honoured by Teams at any card version (its own documentation's example is a 1.2 card); the library knows it from 1.6.
const TEAMS_PROPERTIES = new Set(["msteams", "refresh", "authentication", "metadata", "choices.data"]);

function libraryCheck(json) {
  const problems = [];
  const warnings = [];
  const describe = (e) => {
    const type = e.source && typeof e.source.getJsonTypeName === "function" ? e.source.getJsonTypeName() : undefined;
    return `adaptivecards ${AC.ValidationPhase[e.phase]}/${AC.ValidationEvent[e.event]}${type ? ` (${type})` : ""}: ${e.message}`;
  };
  const classify = (e) => {
    const teamsProperty = e.event === AC.ValidationEvent.UnsupportedProperty && [...TEAMS_PROPERTIES].some((p) => e.message.includes(`"${p}"`));
    // A type-ahead ChoiceSet's choices come from the bot; its static choices (those already picked) may be none.
    const typeAhead = e.event === AC.ValidationEvent.CollectionCantBeEmpty && typeAheadIds.has(e.source && e.source.id);
    (ADVISORY_EVENTS.has(e.event) || teamsProperty || typeAhead ? warnings : problems).push(describe(e));
  };
  const typeAheadIds = new Set();
  (function collect(node) {
    if (Array.isArray(node)) return node.forEach(collect);
    if (node && typeof node === "object") {
      if (node.type === "Input.ChoiceSet" && node["choices.data"] && node.id) typeAheadIds.add(node.id);
      Object.values(node).forEach(collect);
    }
  })(json);
  try {
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    const card = new AC.AdaptiveCard();
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) classify(context.getEventAt(i));
    for (const e of card.validateProperties().validationEvents) classify(e);
  } catch (e) {
    problems.push(`adaptivecards: parsing threw ${e && e.message ? e.message : e}`);
  }
  return { problems, warnings };
}

// ---------------------------------------------------------------- check 2: raw JSON structure

const oneOf = (...values) => ({ enum: values });
const E = {
  spacing: oneOf("default", "none", "small", "medium", "large", "extraLarge", "padding"),
  height: oneOf("auto", "stretch"),
  color: oneOf("default", "dark", "light", "accent", "good", "warning", "attention"),
  fontType: oneOf("default", "monospace"),
  textSize: oneOf("default", "small", "medium", "large", "extraLarge"),
  weight: oneOf("default", "lighter", "bolder"),
  hAlign: oneOf("left", "center", "right"),
  vAlign: oneOf("top", "center", "bottom"),
  containerStyle: oneOf("default", "emphasis", "good", "attention", "warning", "accent"),
  imageSize: oneOf("auto", "stretch", "small", "medium", "large"),
  imageStyle: oneOf("default", "person"),
  textBlockStyle: oneOf("default", "heading"),
  textInputStyle: oneOf("text", "tel", "url", "email", "password"),
  choiceInputStyle: oneOf("compact", "expanded", "filtered"),
  actionStyle: oneOf("default", "positive", "destructive"),
  actionMode: oneOf("primary", "secondary"),
  associatedInputs: oneOf("auto", "none"),
  fillMode: oneOf("cover", "repeatHorizontally", "repeatVertically", "repeat"),
};

// Property kinds: "string" | "number" | "boolean" | "object" | "string|object" | "string|number"
// | an enum | "elements" | "actions" | "action" | "selectAction" | special names handled below.
const ELEMENT_COMMON = {
  type: "string", id: "string", isVisible: "boolean", separator: "boolean", spacing: E.spacing,
  height: E.height, fallback: "elementFallback", requires: "requires", lang: "string",
};
const INPUT_COMMON = { ...ELEMENT_COMMON, label: "string", isRequired: "boolean", errorMessage: "string" };
const CONTAINER_LIKE = {
  items: "elements", selectAction: "selectAction", style: E.containerStyle, verticalContentAlignment: E.vAlign,
  bleed: "boolean", backgroundImage: "backgroundImage", minHeight: "string", rtl: "boolean",
};
const CELL_ALIGNMENT = { horizontalCellContentAlignment: E.hAlign, verticalCellContentAlignment: E.vAlign };

const ELEMENTS = {
  TextBlock: { props: { ...ELEMENT_COMMON, text: "string", color: E.color, fontType: E.fontType, horizontalAlignment: E.hAlign, isSubtle: "boolean", maxLines: "number", size: E.textSize, weight: E.weight, wrap: "boolean", style: E.textBlockStyle }, required: ["text"] },
  Image: { props: { ...ELEMENT_COMMON, url: "string", altText: "string", backgroundColor: "string", height: "string", horizontalAlignment: E.hAlign, selectAction: "selectAction", size: E.imageSize, style: E.imageStyle, width: "string" }, required: ["url"] },
  Media: { props: { ...ELEMENT_COMMON, sources: "mediaSources", poster: "string", altText: "string" }, required: ["sources"] },
  RichTextBlock: { props: { ...ELEMENT_COMMON, inlines: "inlines", horizontalAlignment: E.hAlign }, required: ["inlines"] },
  Container: { props: { ...ELEMENT_COMMON, ...CONTAINER_LIKE }, required: ["items"] },
  ColumnSet: { props: { ...ELEMENT_COMMON, columns: "columns", selectAction: "selectAction", style: E.containerStyle, bleed: "boolean", minHeight: "string", horizontalAlignment: E.hAlign }, required: [] },
  FactSet: { props: { ...ELEMENT_COMMON, facts: "facts" }, required: ["facts"] },
  ImageSet: { props: { ...ELEMENT_COMMON, images: "images", imageSize: E.imageSize }, required: ["images"] },
  ActionSet: { props: { ...ELEMENT_COMMON, actions: "actions" }, required: ["actions"] },
  Table: { props: { ...ELEMENT_COMMON, ...CELL_ALIGNMENT, columns: "tableColumns", rows: "tableRows", firstRowAsHeader: "boolean", showGridLines: "boolean", gridStyle: E.containerStyle }, required: [] },
  "Input.Text": { props: { ...INPUT_COMMON, isMultiline: "boolean", maxLength: "number", placeholder: "string", regex: "string", style: E.textInputStyle, inlineAction: "selectAction", value: "string" }, required: ["id"] },
  "Input.Number": { props: { ...INPUT_COMMON, max: "number", min: "number", value: "number", placeholder: "string" }, required: ["id"] },
  "Input.Date": { props: { ...INPUT_COMMON, max: "string", min: "string", value: "string", placeholder: "string" }, required: ["id"] },
  "Input.Time": { props: { ...INPUT_COMMON, max: "string", min: "string", value: "string", placeholder: "string" }, required: ["id"] },
  "Input.Toggle": { props: { ...INPUT_COMMON, title: "string", value: "string", valueOff: "string", valueOn: "string", wrap: "boolean" }, required: ["id", "title"] },
  "Input.ChoiceSet": { props: { ...INPUT_COMMON, choices: "choices", "choices.data": "dataQuery", isMultiSelect: "boolean", style: E.choiceInputStyle, value: "string", placeholder: "string", wrap: "boolean" }, required: ["id"] },
};
const COLUMN = { props: { ...ELEMENT_COMMON, ...CONTAINER_LIKE, width: "string|number", fallback: "columnFallback" }, required: [] };
const TABLE_ROW = { props: { type: "string", ...CELL_ALIGNMENT, cells: "tableCells", style: E.containerStyle }, required: [] };
const TABLE_CELL = { props: { type: "string", ...CONTAINER_LIKE }, required: ["items"] };
const TABLE_COLUMN = { props: { type: "string", ...CELL_ALIGNMENT, width: "string|number" }, required: [] };
const TEXT_RUN = { props: { type: "string", text: "string", color: E.color, fontType: E.fontType, highlight: "boolean", isSubtle: "boolean", italic: "boolean", selectAction: "selectAction", size: E.textSize, strikethrough: "boolean", underline: "boolean", weight: E.weight }, required: ["text"] };
const FACT = { props: { title: "string", value: "string" }, required: ["title", "value"] };
const CHOICE = { props: { title: "string", value: "string" }, required: ["title", "value"] };
const DATA_QUERY = { props: { type: "string", dataset: "string", count: "number", skip: "number", associatedInputs: "string" }, required: ["type", "dataset"] };
const MEDIA_SOURCE = { props: { mimeType: "string", url: "string" }, required: ["url"] };
const BACKGROUND_IMAGE = { props: { url: "string", fillMode: E.fillMode, horizontalAlignment: E.hAlign, verticalAlignment: E.vAlign }, required: ["url"] };
const TOGGLE_TARGET = { props: { elementId: "string", isVisible: "boolean" }, required: ["elementId"] };

const ACTION_COMMON = {
  type: "string", id: "string", title: "string", iconUrl: "string", style: E.actionStyle, fallback: "actionFallback",
  tooltip: "string", isEnabled: "boolean", mode: E.actionMode, requires: "requires",
};
const ACTIONS = {
  "Action.OpenUrl": { props: { ...ACTION_COMMON, url: "string" }, required: ["url"] },
  "Action.Submit": { props: { ...ACTION_COMMON, data: "string|object", associatedInputs: E.associatedInputs }, required: [] },
  "Action.Execute": { props: { ...ACTION_COMMON, verb: "string", data: "string|object", associatedInputs: E.associatedInputs }, required: [] },
  "Action.ShowCard": { props: { ...ACTION_COMMON, card: "card" }, required: [] },
  "Action.ToggleVisibility": { props: { ...ACTION_COMMON, targetElements: "targetElements" }, required: ["targetElements"] },
};

const CARD = {
  props: {
    type: "checkedSeparately", version: "checkedSeparately", $schema: "string", body: "elements", actions: "actions", selectAction: "selectAction",
    fallbackText: "string", backgroundImage: "backgroundImage", minHeight: "string", rtl: "boolean", speak: "string",
    lang: "string", verticalContentAlignment: E.vAlign, refresh: "refresh", authentication: "object", metadata: "object",
    msteams: "msteams",
  },
  required: [],
};
const REFRESH = { props: { action: "refreshAction", userIds: "stringArray", expires: "string" }, required: ["action"] };
const MSTEAMS = { props: { width: oneOf("Full"), entities: "array" }, required: [] };

const kindOf = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const isObject = (v) => kindOf(v) === "object";

function structuralCheck(root) {
  const problems = [];
  const warnings = [];
  const problem = (path, msg) => problems.push(`json ${path || "/"}: ${msg}`);
  const warn = (path, msg) => warnings.push(`json ${path || "/"}: ${msg}`);

  function checkObject(value, path, spec, what) {
    if (!isObject(value)) return problem(path, `${what} must be an object, got ${kindOf(value)}`);
    for (const name of spec.required) {
      if (value[name] === undefined || value[name] === null) problem(`${path}/${name}`, `required property of ${what} is missing`);
    }
    for (const [name, v] of Object.entries(value)) {
      const kind = spec.props[name];
      if (kind === undefined) {
        warn(`${path}/${name}`, `property not in the Adaptive Cards 1.5 schema for ${what} (ignored by clients)`);
        continue;
      }
      checkValue(v, `${path}/${name}`, kind);
    }
  }

  function checkList(value, path, each) {
    if (!Array.isArray(value)) return problem(path, `expected an array, got ${kindOf(value)}`);
    value.forEach((item, i) => each(item, `${path}/${i}`));
  }

  function checkElement(value, path) {
    if (!isObject(value)) return problem(path, `element must be an object, got ${kindOf(value)}`);
    const spec = ELEMENTS[value.type];
    if (!spec) return problem(path, value.type === undefined ? "element has no type" : `unknown element type ${JSON.stringify(value.type)} (not in Adaptive Cards 1.5)`);
    checkObject(value, path, spec, value.type);
  }

  function checkAction(value, path, { allowShowCard = true, only } = {}) {
    if (!isObject(value)) return problem(path, `action must be an object, got ${kindOf(value)}`);
    const spec = ACTIONS[value.type];
    if (!spec) return problem(path, value.type === undefined ? "action has no type" : `unknown action type ${JSON.stringify(value.type)} (not in Adaptive Cards 1.5)`);
    if (!allowShowCard && value.type === "Action.ShowCard") problem(path, "Action.ShowCard is not allowed here");
    if (only && value.type !== only) problem(path, `must be ${only}, got ${value.type}`);
    checkObject(value, path, spec, value.type);
  }

  function checkTyped(value, path, spec, typeName, what) {
    if (isObject(value) && value.type !== undefined && value.type !== typeName) problem(`${path}/type`, `expected ${JSON.stringify(typeName)}, got ${JSON.stringify(value.type)}`);
    checkObject(value, path, spec, what ?? typeName);
  }

  function checkValue(v, path, kind) {
    if (isObject(kind)) {
      // enum: string compared case-insensitively, as the renderers do
      if (typeof v !== "string") return problem(path, `expected one of ${kind.enum.join("|")}, got ${kindOf(v)}`);
      if (!kind.enum.some((e) => e.toLowerCase() === v.toLowerCase())) problem(path, `invalid value ${JSON.stringify(v)}, expected one of ${kind.enum.join("|")}`);
      return;
    }
    switch (kind) {
      case "string":
      case "number":
      case "boolean":
      case "object":
      case "array":
        if (kindOf(v) !== kind) problem(path, `expected ${kind}, got ${kindOf(v)}`);
        return;
      case "checkedSeparately":
        return;
      case "string|object":
        if (typeof v !== "string" && !isObject(v)) problem(path, `expected string or object, got ${kindOf(v)}`);
        return;
      case "string|number":
        if (typeof v !== "string" && typeof v !== "number") problem(path, `expected string or number, got ${kindOf(v)}`);
        return;
      case "stringArray":
        return checkList(v, path, (s, p) => typeof s !== "string" && problem(p, `expected string, got ${kindOf(s)}`));
      case "elements":
        return checkList(v, path, checkElement);
      case "actions":
        return checkList(v, path, (a, p) => checkAction(a, p));
      case "selectAction":
        return checkAction(v, path, { allowShowCard: false });
      case "refreshAction":
        return checkAction(v, path, { only: "Action.Execute" });
      case "elementFallback":
        if (v === "drop") return;
        return typeof v === "string" ? problem(path, `fallback must be "drop" or an element`) : checkElement(v, path);
      case "actionFallback":
        if (v === "drop") return;
        return typeof v === "string" ? problem(path, `fallback must be "drop" or an action`) : checkAction(v, path);
      case "columnFallback":
        if (v === "drop") return;
        return typeof v === "string" ? problem(path, `fallback must be "drop" or a Column`) : checkTyped(v, path, COLUMN, "Column");
      case "requires":
        if (!isObject(v)) return problem(path, `expected object, got ${kindOf(v)}`);
        for (const [k, s] of Object.entries(v)) if (typeof s !== "string") problem(`${path}/${k}`, `expected version string, got ${kindOf(s)}`);
        return;
      case "backgroundImage":
        return typeof v === "string" ? undefined : checkObject(v, path, BACKGROUND_IMAGE, "backgroundImage");
      case "card":
        return checkCard(v, path, false);
      case "refresh":
        return checkObject(v, path, REFRESH, "refresh");
      case "msteams":
        return checkObject(v, path, MSTEAMS, "msteams");
      case "columns":
        return checkList(v, path, (c, p) => checkTyped(c, p, COLUMN, "Column"));
      case "tableColumns":
        return checkList(v, path, (c, p) => checkTyped(c, p, TABLE_COLUMN, "TableColumnDefinition"));
      case "tableRows":
        return checkList(v, path, (r, p) => checkTyped(r, p, TABLE_ROW, "TableRow"));
      case "tableCells":
        return checkList(v, path, (c, p) => checkTyped(c, p, TABLE_CELL, "TableCell"));
      case "inlines":
        return checkList(v, path, (t, p) => (typeof t === "string" ? undefined : checkTyped(t, p, TEXT_RUN, "TextRun")));
      case "facts":
        return checkList(v, path, (f, p) => checkObject(f, p, FACT, "fact"));
      case "choices":
        return checkList(v, path, (c, p) => checkObject(c, p, CHOICE, "choice"));
      case "dataQuery":
        if (isObject(v) && v.type !== "Data.Query") problem(path, `choices.data must be a Data.Query, got ${JSON.stringify(v.type)}`);
        return checkObject(v, path, DATA_QUERY, "Data.Query");
      case "images":
        return checkList(v, path, (img, p) => checkTyped(img, p, ELEMENTS.Image, "Image"));
      case "mediaSources":
        return checkList(v, path, (s, p) => checkObject(s, p, MEDIA_SOURCE, "media source"));
      case "targetElements":
        return checkList(v, path, (t, p) => (typeof t === "string" ? undefined : checkObject(t, p, TOGGLE_TARGET, "target element")));
      default:
        throw new Error(`internal: unknown property kind ${kind}`);
    }
  }

  function checkCard(card, path, isRoot) {
    if (!isObject(card)) return problem(path, `card must be an object, got ${kindOf(card)}`);
    if (card.type !== "AdaptiveCard") problem(`${path}/type`, `must be "AdaptiveCard", got ${JSON.stringify(card.type)}`);
    if (isRoot || card.version !== undefined) {
      const m = typeof card.version === "string" ? /^(\d+)\.(\d+)$/.exec(card.version) : null;
      if (!m) {
        problem(`${path}/version`, `must be a version string like "1.5", got ${JSON.stringify(card.version)}`);
      } else {
        const [major, minor] = [Number(m[1]), Number(m[2])];
        if (major !== MAX_VERSION[0] || minor > MAX_VERSION[1]) problem(`${path}/version`, `${card.version} is above ${MAX_VERSION.join(".")} (or not a 1.x version)`);
      }
    }
    checkObject(card, path, CARD, "AdaptiveCard");
  }

  checkCard(root, "", true);

  const bytes = Buffer.byteLength(JSON.stringify(root), "utf8");
  if (bytes > MAX_BYTES) problems.push(`size: ${bytes} bytes serialized, above the ${MAX_BYTES}-byte (28 KB) budget`);
  return { problems, warnings };
}

// ---------------------------------------------------------------- main

function unwrap(value) {
  if (isObject(value) && value.contentType === CARD_CONTENT_TYPE && isObject(value.content)) return value.content;
  if (isObject(value) && value.type === CARD_CONTENT_TYPE && isObject(value.value)) return value.value;
  return value;
}

const failures = [];
for (const name of names) {
  let json;
  try {
    let text = readFileSync(join(folder, name), "utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    json = unwrap(JSON.parse(text));
  } catch (e) {
    failures.push({ file: name, problems: [`not valid JSON: ${e.message}`] });
    continue;
  }
  const lib = libraryCheck(json);
  const raw = structuralCheck(json);
  const problems = [...lib.problems, ...raw.problems];
  for (const w of [...lib.warnings, ...raw.warnings]) console.error(`warn ${name}: ${w}`);
  if (problems.length > 0) failures.push({ file: name, problems });
}

if (names.length === 0) console.error(`validate-cards: no *.json card in ${folder}`);
console.log(JSON.stringify({ cards: names.length, failures }, null, 2));
process.exit(names.length > 0 && failures.length === 0 ? 0 : 1);
