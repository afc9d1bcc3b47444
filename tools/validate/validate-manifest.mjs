// Offline validation of a Teams app package (or of the folder it is built from).
//
//   node tools/validate/validate-manifest.mjs <folder-or-zip> [--app-id GUID]
//
// Prints one line per check, "ok <check>" or "FAIL <check>: <detail>", then a summary line.
// Exit code: 0 when every check passed, 1 when any check failed, 2 on a usage error.
//
// If manifest.json still holds the {{BotAppId}} placeholder (the template in manifests/), it is
// replaced by --app-id, or by a fixed sample GUID when --app-id is not given.
// The JSON schemas come from the installed npm package @microsoft/app-manifest (never fetched).
import { readFileSync, statSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import { inflateRawSync } from "node:zlib";

const require = createRequire(import.meta.url);
const Ajv04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const { PNG } = require("pngjs");

const PLACEHOLDER = "{{BotAppId}}";
const HOST_PLACEHOLDER = "{{HostName}}";
const DEFAULT_HOST = "diligencebot.example.com";
const DEFAULT_APP_ID = "5f3c9a7e-2b41-4d8e-9c6a-1e7b0d4f8a23";
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v1\.\d+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/;
const SCHEMA_ROOT = join(dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");

// ---------------------------------------------------------------- arguments

function usage(message) {
  if (message) console.error(message);
  console.error("usage: node validate-manifest.mjs <folder-or-zip> [--app-id GUID]");
  process.exit(2);
}

const args = process.argv.slice(2);
let target;
let appId = DEFAULT_APP_ID;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--app-id") {
    if (i + 1 >= args.length) usage("--app-id needs a value");
    appId = args[++i];
  } else if (args[i].startsWith("--app-id=")) {
    appId = args[i].slice("--app-id=".length);
  } else if (args[i] === "-h" || args[i] === "--help") {
    usage();
  } else if (target === undefined) {
    target = args[i];
  } else {
    usage(`unexpected argument: ${args[i]}`);
  }
}
if (target === undefined) usage();

// ---------------------------------------------------------------- reporting

let failures = 0;
let checks = 0;
function ok(name) {
  checks++;
  console.log(`ok ${name}`);
}
function fail(name, detail) {
  checks++;
  failures++;
  console.log(`FAIL ${name}${detail ? `: ${detail}` : ""}`);
}
function check(name, passed, detail) {
  if (passed) ok(name);
  else fail(name, detail);
  return passed;
}
function finish() {
  console.log(`${checks - failures} passed, ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
}

// ---------------------------------------------------------------- zip reading

// A small reader for the zip format: reads the central directory, then each entry's data
// (stored or deflated). Enough for app packages made by any ordinary zip tool.
function readZip(buffer) {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const LOCAL = 0x04034b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file (no end-of-central-directory record)");
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error("zip64 archives are not supported");
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(offset) !== CENTRAL) throw new Error("corrupt zip central directory");
    const flags = buffer.readUInt16LE(offset + 8);
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString(flags & 0x800 ? "utf8" : "latin1", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    if (buffer.readUInt32LE(localOffset) !== LOCAL) throw new Error(`corrupt zip local header for ${name}`);
    if (flags & 0x1) throw new Error(`${name} is encrypted`);
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    let data;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else throw new Error(`${name} uses unsupported compression method ${method}`);
    if (data.length !== size) throw new Error(`${name}: size mismatch after decompression`);
    entries.set(name, data);
  }
  return entries;
}

// ---------------------------------------------------------------- loading the package

// files: Map of package-relative path -> Buffer (lazily for folders).
let files;
let isZip = false;
try {
  const st = statSync(target);
  if (st.isDirectory()) {
    files = new Map();
    for (const name of readdirSync(target)) {
      const full = join(target, name);
      if (statSync(full).isFile()) files.set(name, readFileSync(full));
    }
  } else {
    isZip = true;
    files = readZip(readFileSync(target));
  }
} catch (e) {
  fail(`read ${target}`, e.message);
  finish();
}
ok(`read ${isZip ? "zip" : "folder"} ${target} (${files.size} files)`);

if (isZip) {
  const nested = [...files.keys()].filter((n) => n.includes("/") || n.includes("\\"));
  check("zip holds its files at the root (no folders)", nested.length === 0, `nested entries: ${nested.join(", ")}`);
}

const manifestBuffer = files.get("manifest.json");
if (!check("manifest.json present at the package root", manifestBuffer !== undefined)) finish();

function parseJson(buffer) {
  let text = buffer.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { text, value: JSON.parse(text) };
  } catch (e) {
    return { text, error: e.message };
  }
}

// ---------------------------------------------------------------- manifest

let manifestText = manifestBuffer.toString("utf8");
if (manifestText.charCodeAt(0) === 0xfeff) manifestText = manifestText.slice(1);
if (manifestText.includes(PLACEHOLDER)) {
  check(`--app-id ${appId} is a GUID`, GUID.test(appId), "expected 8-4-4-4-12 hex digits");
  manifestText = manifestText.split(PLACEHOLDER).join(appId);
  ok(`substituted ${PLACEHOLDER} with ${appId}`);
}
if (manifestText.includes(HOST_PLACEHOLDER)) {
  manifestText = manifestText.split(HOST_PLACEHOLDER).join(DEFAULT_HOST);
  ok(`substituted ${HOST_PLACEHOLDER} with ${DEFAULT_HOST}`);
}
const leftovers = manifestText.match(/\{\{[^}]*\}\}/g);
check("manifest.json has no unresolved {{placeholders}}", !leftovers, leftovers && [...new Set(leftovers)].join(", "));

const parsedManifest = parseJson(Buffer.from(manifestText, "utf8"));
if (!check("manifest.json is valid JSON", parsedManifest.error === undefined, parsedManifest.error)) finish();
const manifest = parsedManifest.value;

function schemaFor(url, expectedFile) {
  const m = typeof url === "string" ? SCHEMA_URL.exec(url) : null;
  if (!m || m[2] !== expectedFile) return { error: `"$schema" must be https://developer.microsoft.com/json-schemas/teams/v1.NN/${expectedFile}, got ${JSON.stringify(url)}` };
  const path = join(SCHEMA_ROOT, m[1], expectedFile);
  try {
    return { version: m[1], path, schema: JSON.parse(readFileSync(path, "utf8")) };
  } catch {
    return { error: `no local schema ${m[1]}/${expectedFile} in @microsoft/app-manifest` };
  }
}

// unicodeRegExp is off because the official schemas contain patterns (e.g. "\\b]" in the
// localization schema) that are valid JavaScript regular expressions only without the "u" flag.
function compile(schema) {
  const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

function validateAgainst(name, schema, data) {
  let validate;
  try {
    validate = compile(schema);
  } catch (e) {
    return fail(name, `schema did not compile: ${e.message}`);
  }
  const valid = validate(data);
  check(name, valid, valid ? "" : describeErrors(validate.errors));
}

function describeErrors(errors) {
  return errors
    .slice(0, 20)
    .map((e) => {
      const where = e.instancePath || "(root)";
      const extra =
        e.keyword === "additionalProperties" ? ` "${e.params.additionalProperty}"` :
        e.keyword === "enum" ? ` ${JSON.stringify(e.params.allowedValues)}` :
        e.keyword === "const" ? ` ${JSON.stringify(e.params.allowedValue)}` : "";
      return `${where} ${e.message}${extra}`;
    })
    .join("; ") + (errors.length > 20 ? `; ... ${errors.length - 20} more` : "");
}

const manifestSchema = schemaFor(manifest.$schema, "MicrosoftTeams.schema.json");
if (check("manifest $schema names a locally available Teams schema", !manifestSchema.error, manifestSchema.error)) {
  const version = manifestSchema.version.replace(/^v/, "");
  check(`manifestVersion matches $schema (${version})`, manifest.manifestVersion === version, `manifestVersion is ${JSON.stringify(manifest.manifestVersion)}`);
  validateAgainst(`manifest.json valid against ${manifestSchema.version}/MicrosoftTeams.schema.json`, manifestSchema.schema, manifest);
}

check("id is a GUID", GUID.test(String(manifest.id)), `id is ${JSON.stringify(manifest.id)}`);
const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
bots.forEach((bot, i) => check(`bots[${i}].botId is a GUID`, GUID.test(String(bot?.botId)), `botId is ${JSON.stringify(bot?.botId)}`));

// Teams single sign-on for the tabs: the resource is the app's Application ID URI (api://HOST/APPID) on a host the
// tabs are served from, which validDomains lists; every tab page is https on such a host.
if (manifest.webApplicationInfo) {
  const sso = manifest.webApplicationInfo;
  check("webApplicationInfo.id is the app's id", sso.id === manifest.id, `id is ${JSON.stringify(sso.id)}`);
  const resource = /^api:\/\/([^/]+)\/([0-9a-fA-F-]{36})$/.exec(String(sso.resource));
  check("webApplicationInfo.resource is api://HOST/APPID", resource && resource[2] === manifest.id, `resource is ${JSON.stringify(sso.resource)}`);
  check("webApplicationInfo.resource's host is a valid domain", resource && (manifest.validDomains ?? []).includes(resource[1]), `validDomains: ${JSON.stringify(manifest.validDomains)}`);
}
const tabUrls = [
  ...(manifest.staticTabs ?? []).flatMap((t, i) => [[`staticTabs[${i}].contentUrl`, t.contentUrl], [`staticTabs[${i}].websiteUrl`, t.websiteUrl]]),
  ...(manifest.configurableTabs ?? []).map((t, i) => [`configurableTabs[${i}].configurationUrl`, t.configurationUrl]),
].filter(([, url]) => url);
for (const [where, url] of tabUrls) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  check(`${where} is https on a valid domain`, parsed && parsed.protocol === "https:" && (manifest.validDomains ?? []).includes(parsed.host), `${url}; validDomains: ${JSON.stringify(manifest.validDomains)}`);
}

// ---------------------------------------------------------------- referenced files

const referenced = new Map(); // path -> what refers to it
if (manifest.icons?.color) referenced.set(manifest.icons.color, "icons.color");
if (manifest.icons?.outline) referenced.set(manifest.icons.outline, "icons.outline");
if (manifest.icons?.color32x32) referenced.set(manifest.icons.color32x32, "icons.color32x32");
const languages = manifest.localizationInfo?.additionalLanguages ?? [];
if (manifest.localizationInfo?.defaultLanguageFile) referenced.set(manifest.localizationInfo.defaultLanguageFile, "localizationInfo.defaultLanguageFile");
languages.forEach((l, i) => l?.file && referenced.set(l.file, `localizationInfo.additionalLanguages[${i}].file`));
for (const [path, by] of referenced) {
  check(`${by} file "${path}" exists in the package`, files.has(path), isZip ? "not a root entry of the zip" : "not in the folder");
}

// ---------------------------------------------------------------- icons

function readPng(path) {
  try {
    return { png: PNG.sync.read(files.get(path)) };
  } catch (e) {
    return { error: e.message };
  }
}

const colorPath = manifest.icons?.color;
if (colorPath && files.has(colorPath)) {
  const { png, error } = readPng(colorPath);
  if (check(`${colorPath} is a PNG`, !error, error)) {
    check(`${colorPath} is 192x192`, png.width === 192 && png.height === 192, `it is ${png.width}x${png.height}`);
  }
}

const outlinePath = manifest.icons?.outline;
if (outlinePath && files.has(outlinePath)) {
  const { png, error } = readPng(outlinePath);
  if (check(`${outlinePath} is a PNG`, !error, error)) {
    check(`${outlinePath} is 32x32`, png.width === 32 && png.height === 32, `it is ${png.width}x${png.height}`);
    let bad = 0;
    let visible = 0;
    let firstBad;
    const d = png.data;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 0) continue;
      visible++;
      if (d[i] !== 255 || d[i + 1] !== 255 || d[i + 2] !== 255) {
        bad++;
        if (firstBad === undefined) {
          const p = i / 4;
          firstBad = `(${p % png.width},${Math.floor(p / png.width)}) is rgba(${d[i]},${d[i + 1]},${d[i + 2]},${d[i + 3]})`;
        }
      }
    }
    check(`${outlinePath} pixels are white or fully transparent`, bad === 0, `${bad} coloured pixels, first at ${firstBad}`);
    check(`${outlinePath} has a transparent background and a visible shape`, visible > 0 && visible < png.width * png.height, visible === 0 ? "fully transparent" : "no transparent pixel");
  }
}

// ---------------------------------------------------------------- localization files

// Resolves a localization key such as "bots[0].commandLists[1].commands[0].title" in the manifest.
function manifestHasPath(key) {
  let node = manifest;
  for (const part of key.split(".")) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return false;
    node = node?.[m[1]];
    for (const idx of m[2].match(/\d+/g) ?? []) node = Array.isArray(node) ? node[Number(idx)] : undefined;
    if (node === undefined) return false;
  }
  return true;
}

const localizationFiles = [];
if (manifest.localizationInfo?.defaultLanguageFile) localizationFiles.push(manifest.localizationInfo.defaultLanguageFile);
for (const l of languages) if (l?.file) localizationFiles.push(l.file);
for (const path of localizationFiles) {
  if (!files.has(path)) continue;
  const parsed = parseJson(files.get(path));
  if (!check(`${path} is valid JSON`, parsed.error === undefined, parsed.error)) continue;
  const loc = parsed.value;
  const locSchema = schemaFor(loc.$schema ?? manifest.$schema?.replace("MicrosoftTeams.schema.json", "MicrosoftTeams.Localization.schema.json"), "MicrosoftTeams.Localization.schema.json");
  if (!check(`${path} $schema names a locally available localization schema`, !locSchema.error, locSchema.error)) continue;
  if (manifestSchema.version) {
    check(`${path} schema version matches the manifest (${manifestSchema.version})`, locSchema.version === manifestSchema.version, `it is ${locSchema.version}`);
  }
  validateAgainst(`${path} valid against ${locSchema.version}/MicrosoftTeams.Localization.schema.json`, locSchema.schema, loc);
  const dangling = Object.keys(loc).filter((k) => k !== "$schema" && k !== "localizationKeys" && !manifestHasPath(k));
  check(`${path} keys all refer to fields present in manifest.json`, dangling.length === 0, dangling.join(", "));
}

finish();
