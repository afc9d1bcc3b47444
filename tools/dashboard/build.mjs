// Bundles the dashboard page (src/) with esbuild into src/DiligenceBot/wwwroot/dashboard: one script (teams-js,
// Fluent UI web components, ECharts, the page), one stylesheet and index.html. No CDN: the app serves all of it.
//
//   node build.mjs            build (minified)
//   node build.mjs --check    exit 1 when the committed bundle differs from a fresh build (CI: the bundle is current)
import { build } from "esbuild";
import { mkdirSync, copyFileSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "..", "src", "DiligenceBot", "wwwroot", "dashboard");
const check = process.argv.includes("--check");
const out = check ? mkdtempSync(join(tmpdir(), "dashboard-")) : target;
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { dashboard: join(here, "src", "main.js"), configure: join(here, "src", "configure.js") },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["chrome110", "safari16"],
  outdir: out,
  legalComments: "external",
  logLevel: "warning",
});
copyFileSync(join(here, "src", "dashboard.css"), join(out, "dashboard.css"));
copyFileSync(join(here, "src", "index.html"), join(out, "index.html"));
copyFileSync(join(here, "src", "configure.html"), join(out, "configure.html"));

if (check) {
  const stale = ["dashboard.js", "configure.js", "dashboard.css", "index.html", "configure.html"].filter((f) => {
    try {
      return !readFileSync(join(out, f)).equals(readFileSync(join(target, f)));
    } catch {
      return true;
    }
  });
  rmSync(out, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`The committed bundle is out of date (${stale.join(", ")}): run node tools/dashboard/build.mjs and commit.`);
    process.exit(1);
  }
  console.log("The committed bundle is current.");
}
