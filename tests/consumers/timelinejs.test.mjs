// TimelineJS (the real @knight-lab/timelinejs package) loads Linimasa's TimelineJS export in
// headless Chromium without errors and shows one slide per dated event plus the title slide.
//   node --test tests/consumers/timelinejs.test.mjs   (after `cargo build`; run by scripts/test.sh)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const cli = process.env.LINIMASA_CLI ?? join(root, "target/debug/linimasa");
const dist = join(here, "node_modules/@knight-lab/timelinejs/dist");
const chromium = process.env.CHROMIUM ?? "chromium";

function linimasa(db, ...args) {
  return execFileSync(cli, ["--db", db, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Loads `data` into TimelineJS in headless Chromium; returns what the page reported. */
function loadInTimelineJs(dir, data) {
  // Inside a <script>, "<" must not start a tag: JSON allows it escaped.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  const page = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(join(dist, "css/timeline.css"))}">
<script src="${pathToFileURL(join(dist, "js/timeline.js"))}"></script></head>
<body><div id="timeline" style="width: 1000px; height: 600px"></div><pre id="result">pending</pre>
<script>
const errors = [];
window.addEventListener("error", (e) => errors.push(String(e.message)));
const consoleError = console.error;
console.error = (...args) => { errors.push(args.map(String).join(" ")); consoleError(...args); };
const report = () => {
  const slides = document.querySelectorAll(".tl-slide").length;
  const messages = [...document.querySelectorAll(".tl-message-content")].map((m) => m.textContent).filter((t) => t.trim());
  document.getElementById("result").textContent = JSON.stringify({ slides, errors, messages });
};
try {
  const timeline = new TL.Timeline("timeline", ${json});
  timeline.on("loaded", () => setTimeout(report, 200));
} catch (e) { errors.push(String(e)); }
setTimeout(report, 4000);
</script></body></html>`;
  const file = join(dir, "page.html");
  writeFileSync(file, page);
  const dom = execFileSync(
    chromium,
    ["--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
      "--virtual-time-budget=8000", "--dump-dom", pathToFileURL(file).href],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 120_000 },
  );
  const match = dom.match(/<pre id="result">([^<]*)<\/pre>/);
  assert.ok(match, `no result in the page:\n${dom.slice(0, 500)}`);
  const text = match[1].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  assert.notEqual(text, "pending", "TimelineJS never reported");
  return JSON.parse(text);
}

test("TimelineJS shows every dated event of the seed article's export", () => {
  const dir = mkdtempSync(join(tmpdir(), "linimasa-tljs-"));
  const db = join(dir, "ws.db");
  linimasa(db, "import", join(root, "resources/demo/gatra-kremlin-talks.txt"));
  const out = join(dir, "timeline.json");
  linimasa(db, "export", "data", "--format", "timelinejs", "--group", "actor", "--out", out);
  const data = JSON.parse(readFileSync(out, "utf8"));
  const events = JSON.parse(linimasa(db, "events", "--format", "json"));
  const dated = events.filter((e) => e.earliest !== null).length;
  assert.ok(dated > 10, `the seed article gives dated events (${dated})`);
  assert.equal(data.events.length, dated);

  const got = loadInTimelineJs(dir, data);
  assert.deepEqual(got.errors, [], "no script errors");
  assert.deepEqual(got.messages, [], "no TimelineJS error message");
  assert.equal(got.slides, dated + 1, "one slide per event and the title slide");
});

// TimelineJS itself refuses a timeline without events ("has no events"): the empty export is
// still valid TimelineJS JSON whose title says why it is empty, and nothing breaks.
test("an empty export is valid TimelineJS JSON whose title says why it is empty", () => {
  const dir = mkdtempSync(join(tmpdir(), "linimasa-tljs-"));
  const db = join(dir, "ws.db");
  linimasa(db, "import", join(root, "resources/demo/gatra-kremlin-talks.txt"));
  const out = join(dir, "empty.json");
  linimasa(db, "export", "data", "--format", "timelinejs", "--actor", "Nobody", "--out", out);
  const data = JSON.parse(readFileSync(out, "utf8"));
  assert.equal(data.events.length, 0);
  assert.match(data.title.text.text, /No events match the filters/);
  const got = loadInTimelineJs(dir, data);
  assert.deepEqual(got.errors, [], "no script errors");
  assert.equal(got.slides, 0);
  assert.match(got.messages.join(" "), /no events/);
});
