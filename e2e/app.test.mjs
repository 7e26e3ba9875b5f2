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
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

  // Own process group, so `after` can stop tauri-driver together with the
  // WebKitWebDriver and app processes it started.
  driver = spawn(DRIVER, ["--port", String(PORT), "--native-port", String(PORT + 1)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
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
