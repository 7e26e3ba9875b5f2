// Calendar days as UTC milliseconds. Event dates are calendar days as
// written (no time zone); treating them as UTC midnights keeps every day the
// same length and never shifts a date across a local-time boundary.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2022-03-01" -> ms at UTC midnight, or null when it is not a real calendar day. */
export function parseDay(iso: string): number | null {
  const m = ISO_DAY.exec(iso.trim());
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

export function isIsoDay(iso: string): boolean {
  return parseDay(iso) !== null;
}

/** ms -> "2022-03-01" (the UTC calendar day containing it). */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2022-03" of a day. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function floorDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** Monday of ISO week `week` of ISO year `year`, ms UTC. */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY + (week - 1) * 7 * DAY;
}

/** Adds whole days to an ISO day. */
export function addDays(iso: string, days: number): string | null {
  const ms = parseDay(iso);
  return ms === null ? null : formatDay(ms + days * DAY);
}
