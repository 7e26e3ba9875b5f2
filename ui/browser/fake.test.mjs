// The built UI (ui/dist) in headless Chromium against the in-memory backend: the views load,
// a click on an actor facet filters the timeline, the chip appears, clearing it restores the
// total, and no script error happens. (The same UI runs in the app against Tauri: e2e/.)
//   cd ui && npm run build && cd .. && node --test ui/browser/   (run by scripts/test.sh)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, "../dist");
const chromium = process.env.CHROMIUM ?? "chromium";

// Runs in the page before the app: records errors, then drives the UI and reports in <pre>.
const HARNESS = `
window.__errors = [];
window.addEventListener("error", (e) => window.__errors.push(String(e.message)));
window.addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
window.addEventListener("DOMContentLoaded", () => {
  const out = document.createElement("pre");
  out.id = "harness-result";
  out.textContent = "pending";
  document.body.append(out);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const until = async (pred) => {
    for (let i = 0; i < 200; i++) {
      const v = pred();
      if (v) return v;
      await sleep(50);
    }
    return null;
  };
  const timeline = () => document.getElementById("timeline");
  const ready = () => timeline().dataset.state === "ready";
  (async () => {
    const r = {};
    await until(() => ready() && document.querySelector('button.facet-item[data-facet="actor"]'));
    r.total = Number(timeline().dataset.total);
    r.drawn = Number(document.getElementById("timeline-canvas").dataset.events ?? 0);
    r.kind = document.getElementById("backend-kind").textContent;
    const facet = document.querySelector('button.facet-item[data-facet="actor"]');
    r.actor = facet.dataset.value;
    r.actorCount = Number(facet.querySelector(".count")?.textContent?.replace(/\\D/g, "") ?? NaN);
    facet.click();
    await until(() => ready() && Number(timeline().dataset.total) !== r.total);
    r.filtered = Number(timeline().dataset.total);
    r.chips = [...document.querySelectorAll("#chips .chip")].map((c) => c.dataset.filter);
    document.querySelector("#chips .chip button").click();
    await until(() => ready() && Number(timeline().dataset.total) === r.total);
    r.restored = Number(timeline().dataset.total);
    r.errors = window.__errors;
    out.textContent = JSON.stringify(r);
  })().catch((e) => { out.textContent = JSON.stringify({ failed: String(e), errors: window.__errors }); });
});
`;

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };

/** Serves ui/dist, with the harness put before the app in index.html. */
function serve() {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/harness.js") {
      res.writeHead(200, { "content-type": "text/javascript" });
      return res.end(HARNESS);
    }
    const file = normalize(join(dist, path === "/" ? "index.html" : path));
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    let body = readFileSync(file);
    if (file.endsWith("index.html")) {
      body = body.toString("utf8").replace("<head>", '<head><script src="/harness.js"></script>');
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("the UI runs in Chromium against the in-memory backend and its filters work", { timeout: 180_000 }, async () => {
  assert.ok(existsSync(join(dist, "index.html")), "build the UI first (cd ui && npm run build)");
  const server = await serve();
  try {
    const { port } = server.address();
    const dom = await new Promise((resolve, reject) => {
      execFile(
        chromium,
        ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800",
          "--virtual-time-budget=30000", "--dump-dom", `http://127.0.0.1:${port}/`],
        { encoding: "utf8", timeout: 150_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
    });
    const match = dom.match(/<pre id="harness-result">([^<]*)<\/pre>/);
    assert.ok(match, `no result in the page:\n${dom.slice(0, 400)}`);
    const text = match[1].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    assert.notEqual(text, "pending", "the harness never finished");
    const r = JSON.parse(text);
    assert.equal(r.failed, undefined, `the harness failed: ${text}`);
    assert.deepEqual(r.errors, [], "no script errors");
    assert.ok(r.total > 10, `the demo data has events (${r.total})`);
    assert.ok(r.drawn > 0, "the timeline drew them");
    assert.ok(r.filtered > 0 && r.filtered < r.total, `the actor filter (${r.actor}) narrows ${r.total} to ${r.filtered}`);
    assert.equal(r.filtered, r.actorCount, "the timeline shows as many events as the facet counted");
    assert.deepEqual(r.chips, ["actor"], "a chip shows the filter");
    assert.equal(r.restored, r.total, "removing the chip brings every event back");
  } finally {
    server.close();
  }
});
