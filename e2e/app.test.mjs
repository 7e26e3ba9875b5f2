// End-to-end test of the real desktop app: tauri-driver starts the built
// binary under WebKitWebDriver, and the test drives the window like a user.
//
//   bash e2e/run.sh          (starts Xvfb when there is no usable DISPLAY)
//
// Environment:
//   LINIMASA_APP   app binary (default <repo>/target/debug/linimasa-app)
//   LINIMASA_SEED  article to import (default <repo>/resources/demo/gatra-kremlin-talks.txt)
//   TAURI_DRIVER   tauri-driver binary (default ~/.cargo/bin/tauri-driver, else PATH)
//   LINIMASA_WEBDRIVER_PORT  tauri-driver port (default 4444; the native driver uses port + 1)
//
// The app is started with LINIMASA_EXPORT_DIR set to a temporary folder, so its
// exports are written there without a save dialog.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { command, Session, waitFor } from "./webdriver.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const APP = resolve(process.env.LINIMASA_APP ?? join(repo, "target", "debug", "linimasa-app"));
const SEED = resolve(process.env.LINIMASA_SEED ?? join(repo, "resources", "demo", "gatra-kremlin-talks.txt"));
const PORT = Number(process.env.LINIMASA_WEBDRIVER_PORT ?? 4444);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = join(here, "out");
const DRIVER =
  process.env.TAURI_DRIVER ??
  (existsSync(join(homedir(), ".cargo", "bin", "tauri-driver")) ? join(homedir(), ".cargo", "bin", "tauri-driver") : "tauri-driver");

const TITLE = "Kremlin: Terlalu Cepat Menilai Pembicaraan dengan Ukraina";
const DATE = "2022-03-01";
const ROWS = "#articles tbody tr[data-article-id]";

let driver; // the tauri-driver child process
let driverLog = "";
let session;
let workspaceDir;
let exportDir;

function driverOutput() {
  const lines = driverLog.trim().split("\n");
  // A panic's message comes before its long backtrace: show it, then the tail.
  const panics = lines.filter((line) => /panicked at|thread '.*' panicked|^\s*(Failed|Error)/i.test(line));
  const shown = [...panics.slice(0, 5), ...(panics.length > 0 ? ["..."] : []), ...lines.slice(-20)];
  const text = shown.join("\n").trim();
  return text === "" ? "(tauri-driver printed nothing)" : `tauri-driver output:\n${text}`;
}

async function answersStatus() {
  try {
    await command(BASE, "GET", "/status", undefined, 2_000);
    return true;
  } catch {
    return false;
  }
}

before(async () => {
  assert.ok(existsSync(APP), `app binary not found at ${APP}: build it (cargo build -p linimasa-app) or set LINIMASA_APP`);
  assert.ok(existsSync(SEED), `seed article not found at ${SEED}: set LINIMASA_SEED`);
  assert.ok(process.env.DISPLAY, "DISPLAY is not set: run through e2e/run.sh, which starts Xvfb");
  assert.ok(!(await answersStatus()), `something already answers on ${BASE}; stop it or set LINIMASA_WEBDRIVER_PORT`);

  mkdirSync(OUT, { recursive: true });
  // A path that does not exist yet: the app creates a fresh workspace there.
  workspaceDir = mkdtempSync(join(tmpdir(), "linimasa-e2e-"));
  exportDir = mkdtempSync(join(tmpdir(), "linimasa-e2e-export-"));

  // Own process group, so `after` can stop tauri-driver together with the
  // WebKitWebDriver and app processes it started.
  // tauri-driver passes its environment on to WebKitWebDriver and from there to the app.
  driver = spawn(DRIVER, ["--port", String(PORT), "--native-port", String(PORT + 1)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LINIMASA_EXPORT_DIR: exportDir },
  });
  const collect = (chunk) => {
    driverLog = (driverLog + chunk.toString()).slice(-20_000);
  };
  driver.stdout.on("data", collect);
  driver.stderr.on("data", collect);
  const exited = new Promise((resolve) => {
    driver.once("error", (error) => resolve(`could not start ${DRIVER}: ${error.message}`));
    driver.once("exit", (code, signal) => resolve(`tauri-driver exited early (code ${code}, signal ${signal})`));
  });

  const ready = waitFor(`tauri-driver to answer ${BASE}/status`, answersStatus, { timeoutMs: 30_000, intervalMs: 250 });
  const outcome = await Promise.race([ready.then(() => null), exited]);
  if (outcome !== null) assert.fail(`${outcome}\n${driverOutput()}`);

  try {
    session = await Session.create(BASE, {
      alwaysMatch: {
        "tauri:options": { application: APP, args: ["--workspace", join(workspaceDir, "workspace.db")] },
      },
    });
  } catch (error) {
    assert.fail(`could not start the app through tauri-driver: ${error.message}\n${driverOutput()}`);
  }
});

after(async () => {
  // What tauri-driver, WebKitWebDriver and the app printed: the first place to look when the web
  // page crashed (e2e/run.sh shows its tail when a run fails).
  writeFileSync(join(OUT, "tauri-driver.log"), driverLog);
  if (session) {
    await session.delete().catch((error) => console.error(`deleting the WebDriver session: ${error.message}`));
  }
  if (driver && driver.exitCode === null && driver.signalCode === null) {
    const gone = new Promise((resolve) => driver.once("exit", resolve));
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {
      driver.kill("SIGTERM");
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-driver.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5_000);
    await gone;
    clearTimeout(timer);
  }
  if (workspaceDir) rmSync(workspaceDir, { recursive: true, force: true });
  if (exportDir) rmSync(exportDir, { recursive: true, force: true });
});

/** Current rows of the articles table, for failure messages. */
async function describeArticles() {
  const status = await session.textOf("#status");
  const rows = await session.findAll(ROWS);
  const texts = await Promise.all(rows.map((row) => session.text(row)));
  return `status ${JSON.stringify(status)}, ${rows.length} article row(s) ${JSON.stringify(texts)}`;
}

/** Types `path` into the import box, clicks Import, and waits until the import has finished. */
async function importPath(path) {
  const input = await session.find("#import-path");
  await session.clear(input);
  await session.type(input, path);
  const button = await session.find("#import-button");
  await session.click(button);
  // The button is disabled while the import and the reload after it run.
  await waitFor(
    "the import to finish (#import-button enabled and #status no longer busy)",
    async () => {
      const busy = await session.attribute(await session.find("#status"), "data-kind");
      return busy !== "busy" && (await session.enabled(await session.find("#import-button")));
    },
    { timeoutMs: 20_000, describe: describeArticles },
  );
  return session.textOf("#status");
}

test("a fresh workspace imports the seed article once, with its inferred date", async () => {
  // 1. The window renders an empty workspace (no demo article).
  const state = await waitFor(
    "#articles to finish loading",
    async () => {
      const value = await session.attribute(await session.find("#articles"), "data-state");
      return value === "ready" || value === "error" ? value : null;
    },
    { timeoutMs: 30_000, describe: async () => `#status ${JSON.stringify(await session.textOf("#status"))}` },
  );
  assert.equal(state, "ready", `the articles table failed to load: ${await session.textOf("#status")}`);
  // The articles list is a tab beside the network, map and events list; show it so its rows are visible.
  await session.click(await session.find("#tab-articles"));
  assert.equal((await session.findAll(ROWS)).length, 0, `a fresh workspace must have no articles; ${await describeArticles()}`);

  // 2. Import the seed file by path.
  const first = await importPath(SEED);
  const row = await waitFor(
    `a row titled "${TITLE}"`,
    async () => {
      for (const r of await session.findAll(ROWS)) {
        const text = await session.text(r);
        if (text.includes(TITLE)) return { element: r, text };
      }
      return null;
    },
    { timeoutMs: 20_000, describe: describeArticles },
  );
  assert.ok(row.text.includes(DATE), `the article row should show the publication date ${DATE}: ${JSON.stringify(row.text)}`);
  assert.match(first, /Imported 1, duplicates 0, failed 0/, "status after the first import");

  // 3. The same file again is a duplicate and adds no row.
  const second = await importPath(SEED);
  assert.match(second, /Imported 0, duplicates 1, failed 0/, "status after importing the same file again");
  assert.equal((await session.findAll(ROWS)).length, 1, `still exactly one article; ${await describeArticles()}`);

  // 3b. A path that does not exist is reported with its reason; nothing else changes.
  const missing = await importPath("/nonexistent/linimasa-e2e.txt");
  assert.match(missing, /Imported 0, duplicates 0, failed 1/, "status after importing a missing path");
  assert.match(missing, /nonexistent\/linimasa-e2e\.txt: cannot read/, "the failure names the file and the reason");
  assert.equal((await session.findAll(ROWS)).length, 1, `still exactly one article; ${await describeArticles()}`);

  // 4. Opening the article shows it in the reader with its date.
  // WebKitWebDriver refuses to click a <tr> ("element not interactable"); click its title cell.
  await session.click(await session.find(`${ROWS} td.title`));
  await waitFor(
    "#reader to show the article",
    async () => (await session.attribute(await session.find("#reader"), "data-state")) === "ready",
    { timeoutMs: 10_000, describe: async () => JSON.stringify(await session.textOf("#reader")) },
  );
  const reader = await session.textOf("#reader");
  assert.ok(reader.includes(TITLE), `the reader should show the title: ${JSON.stringify(reader.slice(0, 300))}`);
  assert.ok(reader.includes(DATE), `the reader should show the date provenance: ${JSON.stringify(reader.slice(0, 300))}`);

  // 5. The reader highlights the time expressions the tagger found, at the right places.
  const marks = await Promise.all((await session.findAll("#reader mark.timex")).map((m) => session.text(m)));
  for (const expected of ["Selasa (1/3)", "Kamis lalu", "pekan lalu"]) {
    assert.ok(marks.includes(expected), `the reader should highlight ${JSON.stringify(expected)}: ${JSON.stringify(marks)}`);
  }

  // 6. Keep a picture of the window for a human to look at.
  writeFileSync(join(OUT, "app.png"), await session.screenshot());
});

// ---- the second test: filters, views, selection, curation with undo, exports ----

/** A data-* attribute of the first match of `css` as a number (NaN when missing). */
async function numberOf(css, name) {
  return Number(await session.attribute(await session.find(css), name));
}

async function describeState() {
  const parts = [];
  for (const [css, names] of [
    ["#timeline", ["data-state", "data-total"]],
    ["#timeline-canvas", ["data-events"]],
    ["#selection-count", ["data-total"]],
    ["#map", ["data-state", "data-count"]],
    ["#network-canvas", ["data-count"]],
    ["#detail", ["data-state"]],
    ["#status", ["data-kind"]],
  ]) {
    const [element] = await session.findAll(css);
    if (element === undefined) {
      parts.push(`${css} missing`);
      continue;
    }
    const values = await Promise.all(names.map((n) => session.attribute(element, n)));
    parts.push(`${css}[${names.map((n, i) => `${n}=${values[i]}`).join(" ")}]`);
  }
  parts.push(`status ${JSON.stringify(await session.textOf("#status"))}`);
  return parts.join(", ");
}

/** The selected events' total once the timeline has finished loading. */
async function timelineTotal(what) {
  return waitFor(
    `${what}: #timeline ready with a total`,
    async () => {
      const root = await session.find("#timeline");
      if ((await session.attribute(root, "data-state")) !== "ready") return null;
      const total = Number(await session.attribute(root, "data-total"));
      return Number.isFinite(total) ? { total } : null;
    },
    { timeoutMs: 30_000, describe: describeState },
  ).then((r) => r.total);
}

/** Opens the Export panel, makes the choices, clicks Export and waits for the outcome in #status. */
async function exportVia(choices, expectedExtension) {
  await session.click(await session.find("#export-button"));
  await waitFor("#export-panel to open", async () => session.displayed(await session.find("#export-panel")), {
    timeoutMs: 10_000,
    describe: describeState,
  });
  for (const [css, value] of choices) await session.selectOption(css, value);
  const before = await session.textOf("#status");
  await session.click(await session.find("#export-go"));
  const status = await waitFor(
    `the ${expectedExtension} export to finish (#status info naming a .${expectedExtension} file, or an error)`,
    async () => {
      const element = await session.find("#status");
      const kind = await session.attribute(element, "data-kind");
      const text = await session.text(element);
      if (kind === "error") return { kind, text };
      if (kind === "info" && text !== before && text.includes(`.${expectedExtension}`)) return { kind, text };
      return null;
    },
    { timeoutMs: 90_000, describe: describeState },
  );
  assert.equal(status.kind, "info", `the ${expectedExtension} export failed: ${status.text}`);
  assert.ok(await session.enabled(await session.find("#export-button")), "#export-button is enabled again after the export");
  return status.text;
}

/** The one file in the export folder ending in `extension`, with its bytes. */
function exported(extension) {
  const names = readdirSync(exportDir).filter((n) => n.endsWith(`.${extension}`));
  assert.equal(names.length, 1, `exactly one .${extension} file in ${exportDir}: ${JSON.stringify(readdirSync(exportDir))}`);
  const path = join(exportDir, names[0]);
  assert.ok(statSync(path).size > 0, `${path} is empty`);
  return { path, bytes: readFileSync(path) };
}

test("filters, views, curation with undo and exports work in the real app", async () => {
  // 0. The first test imported the seed article; import it when this test runs alone.
  if ((await numberOf("#timeline", "data-total").catch(() => NaN)) === 0) await importPath(SEED);

  // 1. The timeline draws the seed's events.
  const drawn = await waitFor(
    "#timeline-canvas to draw more than 10 events",
    async () => {
      const n = await numberOf("#timeline-canvas", "data-events");
      return n > 10 ? n : null;
    },
    { timeoutMs: 30_000, describe: describeState },
  );
  const all = await timelineTotal("before filtering");
  assert.ok(all >= drawn, `the timeline's total (${all}) covers the ${drawn} events drawn`);

  // 2. An actor facet filters every view and shows a chip.
  const facets = await session.findAll('button.facet-item[data-facet="actor"]');
  const values = await Promise.all(facets.map((f) => session.attribute(f, "data-value")));
  assert.ok(values.includes("Russia"), `an actor facet for Russia: ${JSON.stringify(values)}`);
  await session.click(await session.find('button.facet-item[data-facet="actor"][data-value="Russia"]'));
  await waitFor(
    'a chip for the actor filter (#chips .chip[data-filter="actor"])',
    async () => (await session.findAll('#chips .chip[data-filter="actor"]')).length === 1,
    { timeoutMs: 10_000, describe: describeState },
  );
  const chip = await session.textOf('#chips .chip[data-filter="actor"]');
  assert.ok(chip.includes("Russia"), `the chip names the actor: ${JSON.stringify(chip)}`);
  const russia = await waitFor(
    `the timeline's total to drop below ${all}`,
    async () => {
      const root = await session.find("#timeline");
      const total = Number(await session.attribute(root, "data-total"));
      return (await session.attribute(root, "data-state")) === "ready" && total < all && total > 0 ? total : null;
    },
    { timeoutMs: 30_000, describe: describeState },
  );

  // 3. The map shows the places of the selected events.
  await session.click(await session.find("#tab-map"));
  const places = await waitFor(
    "#map to show at least 3 places",
    async () => {
      const n = await numberOf("#map", "data-count");
      return n >= 3 ? n : null;
    },
    { timeoutMs: 30_000, describe: describeState },
  );
  assert.ok(places >= 3);

  // 4. The network shows the actors.
  await session.click(await session.find("#tab-network"));
  await waitFor(
    "#network-canvas to draw at least 3 actors",
    async () => (await numberOf("#network-canvas", "data-count")) >= 3,
    { timeoutMs: 30_000, describe: describeState },
  );

  // 5. Selecting an event (through the events list: the timeline is a canvas) fills the detail panel.
  await session.click(await session.find("#tab-events"));
  const firstEvent = await waitFor(
    "a row in the events list",
    async () => (await session.findAll("#events tr[data-event-id] td.date"))[0] ?? null,
    { timeoutMs: 20_000, describe: describeState },
  );
  // WebKitWebDriver does not click <tr> elements; click a cell.
  await session.click(firstEvent);
  await waitFor(
    '#detail[data-state="ready"]',
    async () => (await session.attribute(await session.find("#detail"), "data-state")) === "ready",
    { timeoutMs: 20_000, describe: describeState },
  );
  // The list fits its pane (no sideways scrolling) and gives each date's precision under it.
  const fit = await session.execute(`
    const panel = document.querySelector("#events-panel");
    const row = document.querySelector("#events tr[data-event-id]");
    return { table: document.querySelector("#events").offsetWidth, pane: panel.clientWidth,
             precision: row?.querySelector("td.date .precision")?.textContent ?? "" };
  `);
  assert.ok(fit.table <= fit.pane, `the events list fits its pane: ${JSON.stringify(fit)}`);
  assert.match(fit.precision, /^[a-z]+$/, `a precision under the date: ${JSON.stringify(fit)}`);
  // The detail says when the event was first reported.
  const reportedLine = await session.textOf("#detail-reported");
  assert.match(reportedLine ?? "", /^\d{4}-\d{2}-\d{2}/, `the detail gives the report day: ${JSON.stringify(reportedLine)}`);

  // 5b. Report time: the chip says so and the timeline still shows the selection.
  await session.selectOption("#time-axis", "reported");
  await waitFor('a chip for report time (#chips .chip[data-filter="time"])', async () => ((await session.textOf('#chips .chip[data-filter="time"]')) ?? "").includes("of reports"), { timeoutMs: 10_000, describe: describeState });
  await waitFor(
    `the timeline in report time to show the ${russia} events of the actor filter`,
    async () => {
      const root = await session.find("#timeline");
      return (await session.attribute(root, "data-state")) === "ready" && Number(await session.attribute(root, "data-total")) === russia;
    },
    { timeoutMs: 30_000, describe: describeState },
  );
  // The event list goes by the day each event was reported and says it under its date.
  await waitFor(
    "the event list in report time (rows with their report day)",
    async () => (await session.execute('return document.querySelectorAll("#events tbody tr[data-event-id] .reported-on").length;')) > 0,
    { timeoutMs: 10_000, describe: describeState },
  );
  const reportDays = await session.execute('return [...document.querySelectorAll("#events tbody tr[data-event-id]")].map((r) => r.dataset.reported);');
  assert.ok(reportDays.length > 0 && reportDays.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)), `every listed event has its report day: ${JSON.stringify(reportDays.slice(0, 5))}`);
  assert.deepEqual(reportDays, [...reportDays].sort(), "the list goes by report day");
  // Removing the chip goes back to event time, and the menu follows.
  await session.click(await session.find('#chips .chip[data-filter="time"] button'));
  await waitFor("no report-time chip", async () => (await session.findAll('#chips .chip[data-filter="time"]')).length === 0, { timeoutMs: 10_000, describe: describeState });
  assert.equal(await session.execute('return document.getElementById("time-axis").value;'), "event", "the Dates menu is back at events");

  // 6. Hiding the event removes it everywhere; undo brings it back.
  assert.equal(await session.enabled(await session.find("#undo")), false, "nothing to undo before the first correction");
  await session.click(await session.find("#edit-hide"));
  await waitFor("#undo to become enabled", async () => session.enabled(await session.find("#undo")), {
    timeoutMs: 20_000,
    describe: describeState,
  });
  await waitFor(
    `the timeline's total to drop to ${russia - 1} after hiding`,
    async () => (await timelineTotal("after hiding")) === russia - 1,
    { timeoutMs: 30_000, describe: describeState },
  );
  await session.click(await session.find("#undo"));
  await waitFor(
    `the timeline's total to be back at ${russia} after undo`,
    async () => (await timelineTotal("after undo")) === russia,
    { timeoutMs: 30_000, describe: describeState },
  );
  const status = await session.textOf("#status");
  assert.match(status, /^Undone: hide event/, "the status line says what was undone");

  // 7. Esc closes the Export panel.
  await session.click(await session.find("#export-button"));
  await waitFor("#export-panel to open", async () => session.displayed(await session.find("#export-panel")), { timeoutMs: 10_000 });
  await session.type(await session.find("#export-kind"), "\uE00C");
  await waitFor("Esc to close #export-panel", async () => !(await session.displayed(await session.find("#export-panel"))), {
    timeoutMs: 10_000,
    describe: describeState,
  });

  // 8. A PDF chart of the timeline and the selection as GraphML, written to LINIMASA_EXPORT_DIR.
  const pdfStatus = await exportVia(
    [
      ["#export-kind", "chart"],
      ["#export-view", "timeline"],
      ["#export-format", "pdf"],
    ],
    "pdf",
  );
  const pdf = exported("pdf");
  assert.ok(pdfStatus.includes(pdf.path), `the status names the file written (${pdf.path}): ${JSON.stringify(pdfStatus)}`);
  assert.ok(pdfStatus.includes("actor: Russia"), `the status shows the caption with the filter: ${JSON.stringify(pdfStatus)}`);
  assert.equal(pdf.bytes.subarray(0, 4).toString("latin1"), "%PDF", `${pdf.path} is a PDF`);
  copyFileSync(pdf.path, join(OUT, "export-timeline.pdf"));

  // The network chart takes the on-screen layout (positions keyed by actor name).
  await session.click(await session.find("#tab-network"));
  await exportVia(
    [
      ["#export-kind", "chart"],
      ["#export-view", "network"],
      ["#export-format", "svg"],
    ],
    "svg",
  );
  const svg = exported("svg");
  assert.match(svg.bytes.toString("utf8"), /<svg[\s>][\s\S]*Russia/, `${svg.path} is an SVG naming the selected actor`);
  copyFileSync(svg.path, join(OUT, "export-network.svg"));

  const graphmlStatus = await exportVia(
    [
      ["#export-kind", "data"],
      ["#export-data-format", "graphml"],
    ],
    "graphml",
  );
  const graphml = exported("graphml");
  assert.ok(graphmlStatus.includes(graphml.path), `the status names the file written (${graphml.path}): ${JSON.stringify(graphmlStatus)}`);
  const xml = graphml.bytes.toString("utf8");
  assert.match(xml, /<graphml[\s>]/, `${graphml.path} is GraphML`);
  assert.ok(xml.includes("Russia"), `${graphml.path} has the selected actor`);
  copyFileSync(graphml.path, join(OUT, "export.graphml"));

  writeFileSync(join(OUT, "app-export.png"), await session.screenshot());
});

// ---- the third test: the issue's scenario (dates, an actor, the article date with undo, hostile text) ----

/** Every row of the events list: id, first and last day, actors, type, how the date was derived. */
function eventRows() {
  return session.execute(`
    return [...document.querySelectorAll("#events tr[data-event-id]")].map((r) => ({
      id: Number(r.dataset.eventId),
      date: r.dataset.date,
      latest: r.dataset.latest,
      actors: (r.dataset.actors || "").split("\\n").filter((a) => a !== ""),
      type: r.dataset.type,
      derivation: r.querySelector("td.date")?.title ?? "",
    }));
  `);
}

/**
 * The events list once it shows what the timeline shows: the list and the timeline are ready
 * and agree on the total (so a reload after a change is over), and `accept` holds for the rows.
 */
async function settledEvents(what, accept = () => true) {
  return waitFor(
    what,
    async () => {
      const table = await session.find("#events");
      const timeline = await session.find("#timeline");
      if ((await session.attribute(table, "data-state")) !== "ready") return null;
      if ((await session.attribute(timeline, "data-state")) !== "ready") return null;
      const total = Number(await session.attribute(timeline, "data-total"));
      const rows = await eventRows();
      if (rows.length !== Math.min(total, 500) || !accept(rows)) return null;
      return rows;
    },
    { timeoutMs: 30_000, describe: async () => `${await describeState()}; rows ${JSON.stringify((await eventRows()).map((r) => `${r.id}:${r.date}`))}` },
  );
}

const nextDay = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

test("the issue's scenario: dated events, an actor filter, the article date with undo, and hostile text shown as text", async () => {
  // 0. The seed article is in (the first test imported it); no filters from the test before.
  if ((await numberOf("#timeline", "data-total").catch(() => NaN)) === 0) await importPath(SEED);
  const clearAll = await session.find("#clear-all");
  if (await session.displayed(clearAll)) await session.click(clearAll);
  await waitFor("no filter chips", async () => (await session.findAll("#chips .chip")).length === 0, { timeoutMs: 10_000, describe: describeState });
  await session.click(await session.find("#tab-events"));

  // (a) Events on the days the article names: "Kamis lalu", "hari Senin", "Selasa (1/3)".
  const before = await settledEvents("the events list of the seed article", (rows) => rows.length > 10);
  const days = new Set(before.map((r) => r.date));
  for (const day of ["2022-02-24", "2022-02-28", "2022-03-01"]) {
    assert.ok(days.has(day), `an event on ${day}; the list has ${JSON.stringify([...days].sort())}`);
  }

  // (b) The actor facet "Sergei Shoigu" leaves only his events; clearing it brings all back.
  const shoiguCss = 'button.facet-item[data-facet="actor"][data-value="Sergei Shoigu"]';
  if ((await session.findAll(shoiguCss)).length === 0) {
    // Only the busiest actors are listed until "Show all" is clicked.
    await session.click(await session.find('section.facet[data-facet="actor"] button.more'));
  }
  await session.click(await waitFor("the Sergei Shoigu facet", async () => (await session.findAll(shoiguCss))[0] ?? null, { timeoutMs: 10_000, describe: describeState }));
  const shoigu = await settledEvents("the events list filtered to Sergei Shoigu", (rows) => rows.length > 0 && rows.length < before.length);
  for (const row of shoigu) {
    assert.ok(row.actors.includes("Sergei Shoigu"), `event ${row.id} is listed under the Sergei Shoigu filter but its actors are ${JSON.stringify(row.actors)}`);
  }
  const chip = await session.textOf('#chips .chip[data-filter="actor"]');
  assert.ok(chip?.includes("Sergei Shoigu"), `a chip names the actor filter: ${JSON.stringify(chip)}`);
  await session.click(await session.find("#clear-all"));
  await settledEvents(`all ${before.length} events listed again after clearing the filter`, (rows) => rows.length === before.length);

  // (b2) "hide" beside the statements type leaves statements out; the type stays listed and
  // "show" takes it back.
  const statements = before.filter((r) => r.type === "01").length;
  assert.ok(statements > 0 && statements < before.length, `statements among the events: ${statements} of ${before.length}`);
  await session.click(await session.find('button.facet-hide[data-facet-hide="01"]'));
  const noStatements = await settledEvents("the events list without statements", (rows) => rows.length === before.length - statements);
  assert.ok(noStatements.every((r) => r.type !== "01"), "no statement is listed once statements are hidden");
  const typeChip = await session.textOf('#chips .chip[data-filter="cameo"]');
  assert.ok(typeChip?.includes("all but 01"), `the chip says what is left out: ${JSON.stringify(typeChip)}`);
  const show = await session.find('button.facet-hide[data-facet-hide="01"]');
  assert.equal(await session.text(show), "show", "the hidden type is still listed, to be shown again");
  await session.click(show);
  await settledEvents(`all ${before.length} events listed again after showing statements`, (rows) => rows.length === before.length);

  // (b3) The modality facet ("asserted", "reported by someone", ...) narrows the list; the
  // date-certainty box shows as a chip.
  const modalities = await session.findAll('button.facet-item[data-facet="modality"]');
  assert.ok(modalities.length >= 2, `at least two modalities in the seed article: ${modalities.length}`);
  const modality = await session.attribute(modalities[1], "data-value");
  await session.click(modalities[1]);
  await settledEvents(`the events list told as ${modality}`, (rows) => rows.length > 0 && rows.length < before.length);
  const modalityChip = await session.textOf('#chips .chip[data-filter="modality"]');
  assert.ok(modalityChip?.startsWith("modality:"), `a chip names the modality filter: ${JSON.stringify(modalityChip)}`);
  await session.click(await session.find("#date-certain"));
  await waitFor('a chip for the date certainty (#chips .chip[data-filter="certainty"])', async () => (await session.findAll('#chips .chip[data-filter="certainty"]')).length === 1, { timeoutMs: 10_000, describe: describeState });
  await session.click(await session.find("#clear-all"));
  await settledEvents(`all ${before.length} events listed again after clearing modality and certainty`, (rows) => rows.length === before.length);
  assert.equal(await session.selected(await session.find("#date-certain")), false, "clearing all filters unticks the certainty box");

  // (c) The article date one day later (2022-03-02) through the reader's curation control.
  await session.click(await session.find("#tab-articles"));
  const titleCell = await waitFor(
    `the article row titled "${TITLE}"`,
    async () => {
      for (const row of await session.findAll(ROWS)) {
        if ((await session.text(row)).includes(TITLE)) return (await session.findAll(`${ROWS}[data-article-id="${await session.attribute(row, "data-article-id")}"] td.title`))[0] ?? null;
      }
      return null;
    },
    { timeoutMs: 10_000, describe: describeArticles },
  );
  await session.click(titleCell);
  const dateInput = await waitFor("#article-date-input in the reader", async () => (await session.findAll("#reader #article-date-input"))[0] ?? null, {
    timeoutMs: 10_000,
    describe: async () => JSON.stringify((await session.textOf("#reader"))?.slice(0, 300)),
  });
  assert.equal(await session.attribute(dateInput, "value"), DATE, "the date control starts at the article's date");
  await session.clear(dateInput);
  await session.type(dateInput, nextDay(DATE));
  await session.click(await session.find("#article-date-set"));
  await waitFor("#undo to offer undoing the new article date", async () => {
    const undo = await session.find("#undo");
    return (await session.enabled(undo)) && /set the date/.test((await session.attribute(undo, "title")) ?? "");
  }, { timeoutMs: 20_000, describe: describeState });
  await session.click(await session.find("#tab-events"));
  // Events dated by the article date move with it. Events dated by a weekday the article names
  // ("Kamis lalu", "hari Senin", "hari Selasa") stay: from Wednesday 2 March, last Thursday is
  // still 24 February and Monday still 28 February.
  const byArticleDate = (r) => r.derivation.startsWith("no time expression");
  const old = new Map(before.map((r) => [r.id, r]));
  const moved = before.filter(byArticleDate);
  assert.ok(moved.length > 5, `events dated by the article date: ${moved.length}`);
  const after = await settledEvents("the events dated by the article date to move one day", (rows) =>
    rows.every((r) => r.date === (byArticleDate(r) ? nextDay(old.get(r.id)?.date ?? "") : old.get(r.id)?.date)),
  );
  assert.equal(after.length, before.length, "setting the date adds or removes no events");
  const afterDays = new Set(after.map((r) => r.date));
  assert.ok(afterDays.has("2022-03-02"), `events on 2022-03-02 after the change: ${JSON.stringify([...afterDays].sort())}`);
  const stayed = after.filter((r) => !byArticleDate(r)).map((r) => `${r.id}:${r.date}`);
  console.log(`  article date 2022-03-01 -> 2022-03-02: ${moved.length} events moved one day; weekday-dated events kept their days ${JSON.stringify(stayed)}`);

  // ... and undo puts every event back on its day.
  await session.click(await session.find("#undo"));
  await settledEvents("every event back on its day after undo", (rows) => rows.every((r) => r.date === old.get(r.id)?.date) && rows.length === before.length);
  assert.match(await session.textOf("#status"), /^Undone: set the date/, "the status line says what was undone");

  // A text filter set while the Articles tab is hidden, after that correction, selects the
  // articles when the tab opens (the list once kept showing every article).
  await session.type(await session.find("#search"), "zzqx no such words\uE007");
  await waitFor('a chip for the text filter (#chips .chip[data-filter="text"])', async () => (await session.findAll('#chips .chip[data-filter="text"]')).length === 1, {
    timeoutMs: 10_000,
    describe: describeState,
  });
  await session.click(await session.find("#tab-articles"));
  await waitFor("the Articles tab to say no article matches the text filter", async () => {
    const rows = await session.findAll(ROWS);
    return rows.length === 0 && /No article matches/.test((await session.textOf("#articles")) ?? "");
  }, { timeoutMs: 10_000, describe: describeArticles });
  await session.click(await session.find("#clear-all"));
  await waitFor("the article listed again after clearing the filter", async () => (await session.findAll(ROWS)).length >= 1, {
    timeoutMs: 10_000,
    describe: describeArticles,
  });

  // (d) Pasted text with markup is shown as text; nothing in it runs.
  const hostileTitle = "Hostile markup test article";
  const hostile = [
    hostileTitle,
    "",
    'Before the script: <script>window.__pwned = 1</script> and an image: <img src=x onerror="window.__pwned = 2"> after.',
  ].join("\uE007"); // Enter: WebKitWebDriver drops a typed "\n"
  await session.click(await session.find("#paste summary"));
  const textArea = await waitFor("#import-text to be shown", async () => {
    const t = await session.find("#import-text");
    return (await session.displayed(t)) ? t : null;
  }, { timeoutMs: 10_000 });
  await session.type(textArea, hostile);
  await session.click(await session.find("#import-text-button"));
  const status = await waitFor("the pasted import to finish", async () => {
    const element = await session.find("#status");
    const kind = await session.attribute(element, "data-kind");
    const text = await session.text(element);
    return kind !== "busy" && /^Imported/.test(text) ? text : null;
  }, { timeoutMs: 20_000, describe: describeState });
  assert.match(status, /Imported 1, duplicates 0, failed 0/, "the hostile article imports");
  await session.click(await session.find("#tab-articles"));
  const hostileCell = await waitFor(`the article row titled "${hostileTitle}"`, async () => {
    for (const row of await session.findAll(ROWS)) {
      if ((await session.text(row)).includes(hostileTitle)) return (await session.findAll(`${ROWS}[data-article-id="${await session.attribute(row, "data-article-id")}"] td.title`))[0] ?? null;
    }
    return null;
  }, { timeoutMs: 20_000, describe: describeArticles });
  await session.click(hostileCell);
  await waitFor("#reader to show the hostile article", async () => (await session.textOf("#reader"))?.includes(hostileTitle), {
    timeoutMs: 10_000,
    describe: async () => JSON.stringify((await session.textOf("#reader"))?.slice(0, 300)),
  });
  const reader = await session.textOf("#reader");
  assert.ok(reader.includes("<script>window.__pwned = 1</script>"), `the reader shows the script tag as text: ${JSON.stringify(reader.slice(0, 600))}`);
  assert.ok(reader.includes('<img src=x onerror="window.__pwned = 2">'), `the reader shows the img tag as text: ${JSON.stringify(reader.slice(0, 600))}`);
  const page = await session.execute(
    'return { pwned: typeof window.__pwned, scripts: document.querySelectorAll("#reader script").length, images: document.querySelectorAll("#reader img").length };',
  );
  assert.deepEqual(page, { pwned: "undefined", scripts: 0, images: 0 }, "nothing from the article ran or became an element");
  writeFileSync(join(OUT, "app-scenario.png"), await session.screenshot());

  // (e) The Articles tab follows the filters: the actor Russia leaves the seed article, not the
  // pasted one (it reports no event of Russia's); clearing the filter lists both again.
  const listed = async () => {
    const rows = await session.findAll(ROWS);
    return Promise.all(rows.map(async (row) => (await session.text(row)).includes(hostileTitle) ? "hostile" : (await session.text(row)).includes(TITLE) ? "seed" : "other"));
  };
  await session.click(await session.find('button.facet-item[data-facet="actor"][data-value="Russia"]'));
  await waitFor("the Articles tab to list only the seed article under the actor filter", async () => {
    const table = await session.find("#articles");
    if ((await session.attribute(table, "data-filtered")) !== "true") return false;
    const kinds = await listed();
    return kinds.length === 1 && kinds[0] === "seed";
  }, { timeoutMs: 20_000, describe: describeArticles });
  const note = await session.textOf("#articles tr.filtered-note");
  assert.match(note ?? "", /^1 of 2 articles/, `the list says it is filtered: ${JSON.stringify(note)}`);
  await session.click(await session.find("#clear-all"));
  await waitFor("both articles listed again after clearing the filters", async () => {
    const kinds = await listed();
    return kinds.length === 2 && kinds.includes("seed") && kinds.includes("hostile");
  }, { timeoutMs: 20_000, describe: describeArticles });
});
