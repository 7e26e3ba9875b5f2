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
