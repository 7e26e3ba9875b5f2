// CAMEO root event types: the fixed list the type facet, the legend, the
// colour of every timeline mark and the curation select share.

export interface CameoRoot {
  code: string;
  name: string;
  /** Fixed colour keyed by code: cooperation in cool hues, conflict in warm ones. */
  color: string;
}

// Tableau 20 hues (colour-blind aware, readable on light and dark grounds),
// assigned so that the four CAMEO quad classes read as colour families.
export const CAMEO_ROOTS: readonly CameoRoot[] = [
  { code: "01", name: "Make public statement", color: "#8c8c8c" },
  { code: "02", name: "Appeal", color: "#bab0ac" },
  { code: "03", name: "Express intent to cooperate", color: "#a0cbe8" },
  { code: "04", name: "Consult", color: "#4e79a7" },
  { code: "05", name: "Engage in diplomatic cooperation", color: "#86bcb6" },
  { code: "06", name: "Engage in material cooperation", color: "#499894" },
  { code: "07", name: "Provide aid", color: "#59a14f" },
  { code: "08", name: "Yield", color: "#8cd17d" },
  { code: "09", name: "Investigate", color: "#b6992d" },
  { code: "10", name: "Demand", color: "#f1ce63" },
  { code: "11", name: "Disapprove", color: "#d4a6c8" },
  { code: "12", name: "Reject", color: "#b07aa1" },
  { code: "13", name: "Threaten", color: "#d37295" },
  { code: "14", name: "Protest", color: "#fabfd2" },
  { code: "15", name: "Exhibit force posture", color: "#9d7660" },
  { code: "16", name: "Reduce relations", color: "#d7b5a6" },
  { code: "17", name: "Coerce", color: "#ffbe7d" },
  { code: "18", name: "Assault", color: "#f28e2b" },
  { code: "19", name: "Fight", color: "#e15759" },
  { code: "20", name: "Use unconventional mass violence", color: "#a3232f" },
  // Not CAMEO: an event verb or noun outside the type lists ("delayed", "the crash"),
  // found where the language has a part-of-speech model (English).
  { code: "00", name: "Other event", color: "#79706e" },
];

const BY_CODE = new Map(CAMEO_ROOTS.map((r) => [r.code, r]));
const UNKNOWN_COLOR = "#7f7f7f";

/** "040" and "04" are both root "04"; anything unparsable is returned as given. */
export function cameoRoot(code: string): string {
  const m = /^(\d{2})/.exec(code.trim());
  return m?.[1] ?? code;
}

export function cameoName(code: string): string {
  return BY_CODE.get(cameoRoot(code))?.name ?? `CAMEO ${code}`;
}

export function cameoColor(code: string): string {
  return BY_CODE.get(cameoRoot(code))?.color ?? UNKNOWN_COLOR;
}

export function isCameoRoot(code: string): boolean {
  return BY_CODE.has(code);
}

/** "CAMEO 04", or "00" alone for an event of no CAMEO root: how a type's code is labelled. */
export function codeLabel(code: string): string {
  return cameoRoot(code) === "00" ? "00" : `CAMEO ${code}`;
}

/**
 * A type filter as the core reads it (`events::TypeSelection`): "04" or "01,19" keeps those
 * types; "-00" or "-00,-01" keeps every type but those.
 */
export interface TypeSelection {
  only: string[];
  not: string[];
}

/** Reads a type filter; an error when a code is no type (the message says which). */
export function parseTypes(value: string): TypeSelection | { error: string } {
  const selection: TypeSelection = { only: [], not: [] };
  for (const raw of value.split(",")) {
    const item = raw.trim();
    if (item === "") continue;
    const left = item.startsWith("-");
    const code = left ? item.slice(1).trim() : item;
    if (!isCameoRoot(code)) return { error: `"${code}" is not an event type (a CAMEO root code 01..20, or 00 for another event)` };
    const list = left ? selection.not : selection.only;
    if (!list.includes(code)) list.push(code);
  }
  if (selection.only.length === 0 && selection.not.length === 0) return { error: `"${value}" names no event type` };
  return selection;
}

function selectionOf(value: string | undefined): TypeSelection {
  if (value === undefined) return { only: [], not: [] };
  const s = parseTypes(value);
  return "error" in s ? { only: [], not: [] } : s;
}

/** The filter value of a selection; undefined when it keeps every type. */
export function formatTypes(s: TypeSelection): string | undefined {
  const items = [...s.only, ...s.not.map((c) => `-${c}`)];
  return items.length === 0 ? undefined : items.join(",");
}

/** Whether a selection keeps events of root type `code`. */
export function keepsType(s: TypeSelection, code: string): boolean {
  return (s.only.length === 0 || s.only.includes(code)) && !s.not.includes(code);
}

/** How a type stands in a filter value: chosen, left out, or neither. */
export function typeState(value: string | undefined, code: string): "only" | "not" | "none" {
  const s = selectionOf(value);
  return s.only.includes(code) ? "only" : s.not.includes(code) ? "not" : "none";
}

/**
 * A click on a type in the facet: that type alone, or no type filter when it already was
 * the only one. With `add` (Ctrl/⌘-click) the type joins the chosen ones or leaves them.
 */
export function chooseType(value: string | undefined, code: string, add: boolean): string | undefined {
  const s = selectionOf(value);
  if (!add) return s.only.length === 1 && s.only[0] === code ? undefined : code;
  const only = s.only.includes(code) ? s.only.filter((c) => c !== code) : [...s.only, code];
  return formatTypes({ only, not: s.not.filter((c) => c !== code) });
}

/** Leaves a type out of the selection, or takes it back when it was left out. */
export function leaveOutType(value: string | undefined, code: string): string | undefined {
  const s = selectionOf(value);
  if (s.not.includes(code)) return formatTypes({ only: s.only, not: s.not.filter((c) => c !== code) });
  const only = s.only.filter((c) => c !== code);
  // Among chosen types, leaving one out un-chooses it; a type not chosen is already out.
  if (only.length > 0 || s.only.length > 0 && !s.only.includes(code)) return formatTypes({ only, not: s.not });
  return formatTypes({ only, not: [...s.not, code] });
}

/** A type filter in words: "01 Make public statement, 19 Fight" or "all but 00 Other event". */
export function describeTypes(value: string): string {
  const s = parseTypes(value);
  if ("error" in s) return value;
  const named = (codes: string[]) => codes.map((c) => `${c} ${cameoName(c)}`).join(", ");
  if (s.not.length === 0) return named(s.only);
  if (s.only.length === 0) return `all but ${named(s.not)}`;
  return `${named(s.only)}, not ${named(s.not)}`;
}
