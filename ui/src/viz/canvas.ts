// Canvas plumbing shared by the timeline and the network: HiDPI sizing and
// the theme colours read from CSS, so canvases follow light and dark mode.

/** Sizes the backing store to CSS size × devicePixelRatio; returns the CSS size. */
export function fitCanvas(canvas: HTMLCanvasElement): { width: number; height: number; ctx: CanvasRenderingContext2D | null } {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, canvas.clientHeight);
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext("2d");
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { width, height, ctx };
}

export interface Theme {
  bg: string;
  surface: string;
  surface2: string;
  text: string;
  muted: string;
  rule: string;
  accent: string;
  accentSoft: string;
  font: string;
}

export function theme(): Theme {
  const s = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
  return {
    bg: v("--bg", "#f7f7f5"),
    surface: v("--surface", "#fff"),
    surface2: v("--surface-2", "#f1f2f0"),
    text: v("--text", "#1f2328"),
    muted: v("--muted", "#5f6770"),
    rule: v("--rule", "#dcdfe3"),
    accent: v("--accent", "#0072b2"),
    accentSoft: v("--accent-soft", "#e3f0f8"),
    font: v("--font", "system-ui, sans-serif"),
  };
}

/** Calls `fn` when the OS switches between light and dark. */
export function onThemeChange(fn: () => void): void {
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", fn);
}

/** Cuts text to about `maxChars`, with an ellipsis. */
export function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1))}…`;
}

/** Shows the shared tooltip near the pointer with a bold first line and plain lines after. Text only. */
export function showTooltip(tooltip: HTMLElement, clientX: number, clientY: number, title: string, lines: string[]): void {
  const head = document.createElement("div");
  head.className = "tt-title";
  head.textContent = title;
  const rest = lines.map((l) => {
    const d = document.createElement("div");
    d.className = "tt-line";
    d.textContent = l;
    return d;
  });
  tooltip.replaceChildren(head, ...rest);
  tooltip.hidden = false;
  const pad = 14;
  const rect = tooltip.getBoundingClientRect();
  const x = clientX + pad + rect.width > window.innerWidth ? clientX - pad - rect.width : clientX + pad;
  const y = clientY + pad + rect.height > window.innerHeight ? clientY - pad - rect.height : clientY + pad;
  tooltip.style.left = `${Math.max(0, x)}px`;
  tooltip.style.top = `${Math.max(0, y)}px`;
}

export function hideTooltip(tooltip: HTMLElement): void {
  tooltip.hidden = true;
}
