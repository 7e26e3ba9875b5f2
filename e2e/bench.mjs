// Speed of the desktop app in its real WebKitGTK window, driven through tauri-driver (not part of
// the test run; numbers go to BENCHMARKS.md). Run by hand:
//
//   target/release/linimasa bench query --events 100000 --actors 2000 --runs 20 --dir /tmp/lbench100k
//   target/release/linimasa bench query --events 20000 --actors 2000 --runs 20 --dir /tmp/lbench20k
//   node e2e/bench.mjs [--workspace FILE] [--network-workspace FILE] [--startup-runs N]
//
// It measures:
//   start-up   from the session request (tauri-driver launches the app) to #timeline[data-state=ready],
//              and the page's own clock at that moment (data-ready-ms: ms since the page began loading);
//              for a fresh empty workspace and for the big one
//   zoom/pan   50 wheel zooms and 50 drag steps on #timeline-canvas; per frame the timeline's own
//              drawing time (data-draw-ms) and the interval between animation frames
//   filter     10 facets clicked on and off again in turn; data-filter-ms on #timeline is the time
//              from the query change to the timeline's frame with the new result
//   network    with 2,000 actors: 5 s of layout from the first frame, then 100 hover moves; per
//              frame data-frame-ms (layout step + drawing) and the interval between frames
//
// Environment as for app.test.mjs (LINIMASA_APP, TAURI_DRIVER); DISPLAY is used when set, otherwise
// the script starts its own Xvfb (1280x800) as e2e/run.sh does.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { command, Session, waitFor } from "./webdriver.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const APP = resolve(process.env.LINIMASA_APP ?? join(repo, "target", "debug", "linimasa-app"));
const BIG = resolve(option("workspace", "/tmp/lbench100k/bench-query-100000.db"));
const NET = resolve(option("network-workspace", "/tmp/lbench20k/bench-query-20000.db"));
const STARTUP_RUNS = Number(option("startup-runs", "3"));
const PORT = Number(process.env.LINIMASA_WEBDRIVER_PORT ?? 4454);
const BASE = `http://127.0.0.1:${PORT}`;
const DRIVER =
  process.env.TAURI_DRIVER ??
  (existsSync(join(homedir(), ".cargo", "bin", "tauri-driver")) ? join(homedir(), ".cargo", "bin", "tauri-driver") : "tauri-driver");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { n: 0, median: NaN, p95: NaN, max: NaN };
  const at = (p) => v[Math.min(v.length - 1, Math.round((v.length - 1) * p))];
  return { n: v.length, median: at(0.5), p95: at(0.95), max: v[v.length - 1] };
}

const rows = [];
function report(what, values, target = "") {
  const s = stats(values);
  rows.push({ what, ...s, target });
  console.log(`  ${what}: n=${s.n} median ${s.median?.toFixed(1)} ms, p95 ${s.p95?.toFixed(1)} ms, max ${s.max?.toFixed(1)} ms ${target}`);
}

// ---- Xvfb and tauri-driver ----

const children = [];
async function startXvfb() {
  if (process.env.DISPLAY) return;
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "ignore", "pipe"],
    detached: true,
  });
  children.push(xvfb);
  const number = await new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error("Xvfb did not start within 20 s")), 20_000);
    xvfb.stdio[3].on("data", (chunk) => {
      text += chunk.toString();
      if (text.includes("\n")) {
        clearTimeout(timer);
        resolve(text.trim());
      }
    });
  });
  process.env.DISPLAY = `:${number}`;
  console.log(`Xvfb on ${process.env.DISPLAY}`);
}

let driverLog = "";
async function startDriver() {
  const driver = spawn(DRIVER, ["--port", String(PORT), "--native-port", String(PORT + 1)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: process.env,
  });
  children.push(driver);
  const collect = (chunk) => {
    driverLog = (driverLog + chunk.toString()).slice(-50_000);
  };
  driver.stdout.on("data", collect);
  driver.stderr.on("data", collect);
  await waitFor(`tauri-driver on ${BASE}`, async () => {
    try {
      await command(BASE, "GET", "/status", undefined, 2_000);
      return true;
    } catch {
      return false;
    }
  }, { timeoutMs: 30_000, intervalMs: 100 });
}

function stopAll() {
  for (const child of children.reverse()) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** Starts the app on `workspace`; returns the session and the start-up times. */
async function launch(workspace) {
  const logStart = driverLog.length;
  const t0 = performance.now();
  const session = await Session.create(BASE, {
    alwaysMatch: { "tauri:options": { application: APP, args: ["--workspace", workspace] } },
  });
  const sessionMs = performance.now() - t0;
  // In-page scripts below run for tens of seconds; WebDriver's default allows 30 s.
  await session.cmd("POST", "/timeouts", { script: 600_000 });
  await waitFor(
    "#timeline[data-state=ready]",
    async () => (await session.execute('return document.getElementById("timeline")?.dataset.state ?? null')) === "ready",
    { timeoutMs: 120_000, intervalMs: 20 },
  );
  const readyMs = performance.now() - t0;
  const page = await session.execute(
    'const t = document.getElementById("timeline"); return { readyMs: Number(t.dataset.readyMs), total: Number(t.dataset.total) };',
  );
  const logged = driverLog.slice(logStart).trim();
  return { session, sessionMs, readyMs, pageReadyMs: page.readyMs, total: page.total, logged };
}

// ---- in-page measurements (run through WebDriver's execute/async) ----

/** Zooms with the wheel `n` times, then drags `n` steps; per frame the draw time and the frame interval. */
const ZOOM_PAN = `
  const [n, done] = [arguments[0], arguments[arguments.length - 1]];
  const canvas = document.getElementById("timeline-canvas");
  const rect = canvas.getBoundingClientRect();
  const cx = rect.left + rect.width * 0.6, cy = rect.top + rect.height * 0.5;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const out = { idleFrame: [], wheelDraw: [], wheelFrame: [], dragDraw: [], dragFrame: [] };
  (async () => {
    await frame();
    // The window's own frame rate with nothing changing: the floor for every interval below.
    let last = performance.now();
    for (let i = 0; i < 30; i++) {
      await frame();
      const now = performance.now();
      out.idleFrame.push(now - last);
      last = now;
    }
    last = performance.now();
    for (let i = 0; i < n; i++) {
      // In for the first half, out again for the second.
      const deltaY = i < n / 2 ? -120 : 120;
      canvas.dispatchEvent(new WheelEvent("wheel", { deltaY, deltaMode: 0, clientX: cx, clientY: cy, bubbles: true, cancelable: true, view: window }));
      await frame();
      await frame();
      const now = performance.now();
      out.wheelDraw.push(Number(canvas.dataset.drawMs));
      out.wheelFrame.push((now - last) / 2);
      last = now;
    }
    // Zoom in a little so that dragging pans, then drag left and right.
    for (let i = 0; i < 6; i++) {
      canvas.dispatchEvent(new WheelEvent("wheel", { deltaY: -240, clientX: cx, clientY: cy, bubbles: true, cancelable: true, view: window }));
      await frame();
    }
    let x = cx;
    canvas.dispatchEvent(new MouseEvent("mousedown", { clientX: x, clientY: cy, button: 0, buttons: 1, bubbles: true, cancelable: true, view: window }));
    await frame();
    last = performance.now();
    for (let i = 0; i < n; i++) {
      x += i < n / 2 ? -12 : 12;
      window.dispatchEvent(new MouseEvent("mousemove", { clientX: x, clientY: cy, button: 0, buttons: 1, bubbles: true, cancelable: true, view: window }));
      await frame();
      await frame();
      const now = performance.now();
      out.dragDraw.push(Number(canvas.dataset.drawMs));
      out.dragFrame.push((now - last) / 2);
      last = now;
    }
    window.dispatchEvent(new MouseEvent("mouseup", { clientX: x, clientY: cy, button: 0, bubbles: true, cancelable: true, view: window }));
    document.getElementById("zoom-reset").click();
    done(out);
  })().catch((e) => done({ error: String(e) }));
`;

/** Clicks the facet (kind, value) and resolves data-filter-ms once the timeline drew the result. */
const FILTER = `
  const [kind, value, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
  const root = document.getElementById("timeline");
  const before = root.dataset.filterSeq ?? "0";
  const css = 'button.facet-item[data-facet="' + kind + '"][data-value="' + CSS.escape(value) + '"]';
  const button = document.querySelector(css);
  if (button === null) return done({ error: "no facet " + css });
  const clicked = performance.now();
  button.click();
  const deadline = clicked + 300000;
  const poll = () => {
    if ((root.dataset.filterSeq ?? "0") !== before && root.dataset.state === "ready") {
      return done({ filterMs: Number(root.dataset.filterMs), fetchMs: Number(root.dataset.fetchMs), wallMs: performance.now() - clicked, total: Number(root.dataset.total) });
    }
    if (performance.now() > deadline) return done({ error: "timeout" });
    setTimeout(poll, 5);
  };
  poll();
`;

/** Waits until the facet lists show again (after a change) and returns up to 3 values per kind. */
const FACET_VALUES = `
  const out = {};
  for (const kind of ["actor", "place", "cameo", "source"]) {
    out[kind] = [...document.querySelectorAll('button.facet-item[data-facet="' + kind + '"]')].map((b) => b.dataset.value).slice(0, 3);
  }
  return out;
`;

/** Records every network frame for \`ms\`, then hovers \`moves\` times; frame script times and intervals. */
const NETWORK = `
  const [ms, moves, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
  const canvas = document.getElementById("network-canvas");
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const layout = { script: [], interval: [] };
  const hover = { script: [], interval: [] };
  let sink = layout;
  let lastFrameAt = null;
  const observer = new MutationObserver(() => {
    const now = performance.now();
    sink.script.push(Number(canvas.dataset.frameMs));
    if (lastFrameAt !== null) sink.interval.push(now - lastFrameAt);
    lastFrameAt = now;
  });
  observer.observe(canvas, { attributes: true, attributeFilter: ["data-frame-ms", "data-frames"] });
  (async () => {
    const start = performance.now();
    while (performance.now() - start < ms) await frame();
    const settled = canvas.dataset.layout;
    sink = hover;
    lastFrameAt = null;
    const rect = canvas.getBoundingClientRect();
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < moves; i++) {
      const x = rect.left + rect.width * (0.2 + 0.6 * rnd());
      const y = rect.top + rect.height * (0.2 + 0.6 * rnd());
      canvas.dispatchEvent(new PointerEvent("pointermove", { clientX: x, clientY: y, bubbles: true, pointerType: "mouse", view: window }));
      await frame();
      await frame();
    }
    observer.disconnect();
    done({ layout, hover, settled, frames: Number(canvas.dataset.frames), count: Number(canvas.dataset.count), edges: Number(canvas.dataset.edges) });
  })().catch((e) => done({ error: String(e) }));
`;

/** Times the timeline's command through Tauri's IPC alone (query + encoding + transfer, and the header read). */
const IPC = `
  const [query, runs, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
  const invoke = window.__TAURI_INTERNALS__.invoke;
  (async () => {
    const list = [], bytes = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const buffer = await invoke("event_timeline", { query });
      const length = new DataView(buffer).getUint32(4, true);
      rows = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, length))).count;
      list.push(performance.now() - t);
      bytes.push(buffer.byteLength);
    }
    done({ list, rows, bytes: bytes[0] });
  })().catch((e) => done({ error: String(e) }));
`;

/**
 * Waits until every view has finished loading (each one's data-state is ready) and stayed so for
 * a second: a filter or window change makes every view query the backend, one after the other.
 */
async function idle(session, what) {
  const started = performance.now();
  let since = null;
  await waitFor(`the views to finish loading (${what})`, async () => {
    const busy = await session.execute(`
      // Views in hidden tabs load when shown, so only the visible ones count.
      return ["timeline", "network", "map", "facets", "events"]
        .map((id) => document.getElementById(id))
        .filter((el) => el !== null && el.closest("[hidden]") === null && el.dataset.state !== "ready")
        .map((el) => el.id);`);
    if (busy.length > 0) {
      since = null;
      return false;
    }
    since ??= performance.now();
    return performance.now() - since >= 1_000;
  }, { timeoutMs: 600_000, intervalMs: 50 });
  return performance.now() - started - 1_000;
}

// ---- the run ----

async function main() {
  for (const [what, path] of [["app", APP], ["100,000-event workspace", BIG], ["2,000-actor workspace", NET]]) {
    if (!existsSync(path)) throw new Error(`${what} not found at ${path} (see the commands at the top of e2e/bench.mjs)`);
  }
  await startXvfb();
  await startDriver();
  const scratch = mkdtempSync(join(tmpdir(), "linimasa-bench-"));
  try {
    console.log("start-up");
    const fresh = [];
    const freshPage = [];
    for (let i = 0; i < STARTUP_RUNS; i++) {
      const r = await launch(join(scratch, `fresh-${i}.db`));
      fresh.push(r.readyMs);
      freshPage.push(r.pageReadyMs);
      if (i === 0) console.log(`  app output at start: ${r.logged === "" ? "(nothing)" : JSON.stringify(r.logged.slice(0, 500))}`);
      await r.session.delete();
    }
    report("start-up, fresh workspace: session request to timeline ready", fresh, "(target <= 1500 ms)");
    report("start-up, fresh workspace: page's own clock at timeline ready", freshPage);

    const big = [];
    const bigPage = [];
    let session = null;
    let bigTotal = NaN;
    for (let i = 0; i < STARTUP_RUNS; i++) {
      const r = await launch(BIG);
      big.push(r.readyMs);
      bigPage.push(r.pageReadyMs);
      if (i === 0) console.log(`  ${BIG}: ${r.total} events selected`);
      bigTotal = r.total;
      if (i < STARTUP_RUNS - 1) await r.session.delete();
      else session = r.session;
    }
    const size = `${bigTotal.toLocaleString("en")} events`;
    report(`start-up, ${size}: session request to timeline ready`, big, "(target <= 1500 ms)");
    report(`start-up, ${size}: page's own clock at timeline ready`, bigPage);

    console.log(`zoom and pan (${size}, all loaded)`);
    const zp = await session.executeAsync(ZOOM_PAN, [50], 300_000);
    if (zp.error) throw new Error(`zoom/pan: ${zp.error}`);
    report("idle (nothing changing): interval between frames", zp.idleFrame);
    report("wheel zoom: timeline draw (data-draw-ms)", zp.wheelDraw, "(target median <= 16 ms)");
    report("wheel zoom: interval between frames", zp.wheelFrame);
    report("drag pan: timeline draw (data-draw-ms)", zp.dragDraw, "(target median <= 16 ms)");
    report("drag pan: interval between frames", zp.dragFrame);
    // The same with the network's tab hidden (the articles list shown): what the network costs.
    await idle(session, "before zoom and pan without the network");
    await session.click(await session.find("#tab-articles"));
    const quiet = await session.executeAsync(ZOOM_PAN, [30], 300_000);
    if (quiet.error) throw new Error(`zoom/pan: ${quiet.error}`);
    report("wheel zoom, network tab hidden: timeline draw", quiet.wheelDraw);
    report("wheel zoom, network tab hidden: interval between frames", quiet.wheelFrame);
    report("drag pan, network tab hidden: interval between frames", quiet.dragFrame);
    await session.click(await session.find("#tab-network"));

    console.log(`filter changes (${size})`);
    // The gestures changed the date window: every view queries the backend again. Wait for that.
    const settle = await idle(session, "after zoom and pan");
    console.log(`  the views finished loading ${(settle / 1000).toFixed(1)} s after the last gesture`);
    const values = await session.execute(FACET_VALUES);
    const picks = [];
    for (let i = 0; i < 3 && picks.length < 10; i++) {
      for (const kind of ["actor", "place", "cameo", "source"]) {
        const v = values[kind]?.[i];
        if (v !== undefined && picks.length < 10) picks.push([kind, v]);
      }
    }
    const on = [];
    const off = [];
    const wall = [];
    const allViews = [];
    const fetch = [];
    for (const [kind, value] of picks) {
      const a = await session.executeAsync(FILTER, [kind, value], 600_000);
      if (a.error) throw new Error(`filter ${kind}=${value}: ${a.error}`);
      const aIdle = await idle(session, `${kind}=${value} on`);
      const b = await session.executeAsync(FILTER, [kind, value], 600_000);
      if (b.error) throw new Error(`filter off ${kind}=${value}: ${b.error}`);
      const bIdle = await idle(session, `${kind}=${value} off`);
      allViews.push(aIdle, bIdle);
      on.push(a.filterMs);
      off.push(b.filterMs);
      wall.push(a.wallMs, b.wallMs);
      fetch.push(a.fetchMs);
      console.log(`    ${kind}=${value}: on ${a.filterMs} ms (fetch ${a.fetchMs} ms; ${a.total} events; all views ${aIdle.toFixed(0)} ms), off ${b.filterMs} ms (${b.total} events; all views ${bIdle.toFixed(0)} ms)`);
    }
    report("filter on (one facet, few hundred events): query change to timeline drawn", on, "(target <= 100 ms)");
    report("filter on: the timeline's request until its answer is handled in the page", fetch);
    report("filter off (back to all events): query change to timeline drawn", off, "(target <= 100 ms)");
    report("filter on and off: click to timeline drawn (wall clock in the page)", wall);
    report("filter on and off: after the timeline's frame, until every other view (facets, network, map, lists) has loaded too (±50 ms)", allViews);
    // Where the time of a filter change goes: the same commands over IPC alone.
    const [kind, value] = picks[0] ?? ["actor", ""];
    const key = { actor: "actor", place: "place", cameo: "cameo", source: "source" }[kind];
    const one = await session.executeAsync(IPC, [{ [key]: value }, 10], 300_000);
    const all = await session.executeAsync(IPC, [{}, 10], 300_000);
    if (one.error || all.error) throw new Error(`ipc: ${one.error ?? all.error}`);
    report(`IPC event_timeline, ${kind}=${value} (${one.rows} events, ${one.bytes} bytes)`, one.list);
    report(`IPC event_timeline, no filter (${all.rows} events, ${all.bytes} bytes)`, all.list);
    await session.delete();

    console.log("network (2,000 actors)");
    const net = await launch(NET);
    await waitFor("#network-canvas to draw actors", async () => Number(await net.session.execute('return document.getElementById("network-canvas").dataset.count ?? 0')) > 0, {
      timeoutMs: 120_000,
      intervalMs: 20,
    });
    const n = await net.session.executeAsync(NETWORK, [5_000, 100], 300_000);
    if (n.error) throw new Error(`network: ${n.error}`);
    console.log(`    ${n.count} actors, ${n.edges} links drawn; layout after 5 s: ${n.settled}; ${n.frames} frames in all`);
    report("network layout (first 5 s): frame script time (data-frame-ms)", n.layout.script, "(interactive: <= 16 ms)");
    report("network layout (first 5 s): interval between frames", n.layout.interval);
    report("network hover: frame script time (data-frame-ms)", n.hover.script);
    report("network hover: interval between frames", n.hover.interval);
    await net.session.delete();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  console.log("\n| measurement | n | median ms | p95 ms | max ms | target |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.what} | ${r.n} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.target.replace(/[()]/g, "")} |`);
  }
}

main()
  .catch((error) => {
    console.error(error);
    console.error(driverLog.split("\n").slice(-20).join("\n"));
    process.exitCode = 1;
  })
  .finally(stopAll);
