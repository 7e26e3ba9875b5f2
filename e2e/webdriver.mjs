// A small W3C WebDriver client over HTTP (https://www.w3.org/TR/webdriver2/),
// enough for the end-to-end tests: sessions, finding elements by CSS, typing,
// clicking, reading text and attributes, screenshots. Node built-ins only.

/** The web element identifier of the W3C spec (note: ends in "cecf"). */
export const ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriverError extends Error {
  /**
   * @param {string} what     the command, e.g. "POST /session/…/element"
   * @param {number} status   HTTP status
   * @param {string} error    W3C error code, e.g. "no such element"
   * @param {string} message  the remote end's message
   */
  constructor(what, status, error, message) {
    super(`${what} failed (HTTP ${status}, ${error}): ${message}`);
    this.name = "WebDriverError";
    this.status = status;
    this.error = error;
  }
}

function elementId(reference) {
  const id = reference?.[ELEMENT_KEY];
  if (typeof id !== "string") throw new Error(`not a W3C element reference: ${JSON.stringify(reference)}`);
  return id;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One HTTP round trip to a WebDriver remote end; returns the `value` member.
 * @param {string} base  e.g. "http://127.0.0.1:4444"
 */
export async function command(base, method, path, body, timeoutMs = 60_000) {
  const what = `${method} ${path}`;
  let response;
  try {
    response = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new Error(`${what}: no answer from ${base} (${cause?.cause?.code ?? cause?.name ?? cause})`, { cause });
  }
  const raw = await response.text();
  let json;
  try {
    json = raw === "" ? {} : JSON.parse(raw);
  } catch {
    throw new WebDriverError(what, response.status, "invalid json", raw.slice(0, 500));
  }
  const value = json?.value;
  if (!response.ok || (value && typeof value === "object" && typeof value.error === "string")) {
    throw new WebDriverError(what, response.status, value?.error ?? "unknown error", value?.message ?? raw.slice(0, 500));
  }
  return value;
}

/**
 * Calls `probe` until it returns something other than undefined/null/false,
 * and returns that. Errors for stale or not-yet-present elements count as
 * "not yet". On timeout the error names what was awaited and the last state
 * `describe` reports.
 */
export async function waitFor(what, probe, { timeoutMs = 20_000, intervalMs = 200, describe } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const result = await probe();
      if (result !== undefined && result !== null && result !== false) return result;
      lastError = undefined;
    } catch (error) {
      const transient =
        error instanceof WebDriverError && (error.error === "no such element" || error.error === "stale element reference");
      if (!transient) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      let state = "";
      if (describe) {
        try {
          state = `\n  last seen: ${await describe()}`;
        } catch (error) {
          state = `\n  (could not describe the state: ${error.message})`;
        }
      }
      const cause = lastError ? `\n  last error: ${lastError.message}` : "";
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${state}${cause}`);
    }
    await sleep(intervalMs);
  }
}

export class Session {
  /** @param {string} base @param {string} id */
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /** POST /session; app start-up happens here, so the timeout is long. */
  static async create(base, capabilities, timeoutMs = 120_000) {
    const value = await command(base, "POST", "/session", { capabilities }, timeoutMs);
    if (typeof value?.sessionId !== "string") throw new Error(`POST /session: no sessionId in ${JSON.stringify(value)}`);
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body, timeoutMs) {
    return command(this.base, method, `/session/${this.id}${path}`, body, timeoutMs);
  }

  async delete() {
    await this.cmd("DELETE", "", undefined, 30_000);
  }

  navigate(url) {
    return this.cmd("POST", "/url", { url });
  }

  /** The element's reference, or throws WebDriverError "no such element". */
  async find(css) {
    const value = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return elementId(value);
  }

  /** References of all matches (possibly none). */
  async findAll(css) {
    const value = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return value.map(elementId);
  }

  click(element) {
    return this.cmd("POST", `/element/${element}/click`, {});
  }

  clear(element) {
    return this.cmd("POST", `/element/${element}/clear`, {});
  }

  type(element, text) {
    return this.cmd("POST", `/element/${element}/value`, { text });
  }

  text(element) {
    return this.cmd("GET", `/element/${element}/text`);
  }

  attribute(element, name) {
    return this.cmd("GET", `/element/${element}/attribute/${encodeURIComponent(name)}`);
  }

  enabled(element) {
    return this.cmd("GET", `/element/${element}/enabled`);
  }

  /** Whether a checkbox is ticked (or an option chosen). */
  selected(element) {
    return this.cmd("GET", `/element/${element}/selected`);
  }

  /** Text of the first match of `css`, or null when there is none. */
  async textOf(css) {
    const [element] = await this.findAll(css);
    return element === undefined ? null : this.text(element);
  }

  /** Whether the element is rendered (not hidden by `hidden`, display: none and the like). */
  displayed(element) {
    return this.cmd("GET", `/element/${element}/displayed`);
  }

  /** Chooses the option with `value` of the <select> matching `css`, by clicking the option as a user would. */
  async selectOption(css, value) {
    await this.click(await this.find(`${css} option[value="${value}"]`));
  }

  /** Runs `script` (a function body; `arguments` holds `args`) in the page and returns its value. */
  execute(script, args = [], timeoutMs) {
    return this.cmd("POST", "/execute/sync", { script, args }, timeoutMs);
  }

  /** Runs `script` in the page; it calls `arguments[arguments.length - 1](value)` when done. */
  executeAsync(script, args = [], timeoutMs) {
    return this.cmd("POST", "/execute/async", { script, args }, timeoutMs);
  }

  /** PNG bytes of the current viewport. */
  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }
}
