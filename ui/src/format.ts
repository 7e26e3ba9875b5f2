// Pure shaping and formatting of backend data for display. No DOM here, so
// all of it is unit-tested in node.
import type {
  AppError,
  ArticleSummary,
  DateMethod,
  EventRow,
  ImportSummary,
  ImportEvent,
  PublishedDate,
  WorkspaceInfo,
} from "./bindings";

const METHOD_LABELS: Record<DateMethod, string> = {
  metadata: "metadata",
  dateline: "dateline",
  weekday_inference: "weekday inference",
  file_mtime: "file modification time",
  neighbours: "the file's other articles",
  stated: "a date the text states",
  user: "set by user",
};

export function methodLabel(method: DateMethod): string {
  return METHOD_LABELS[method];
}

/** "2022-03-01 · weekday inference", or "undated". */
export function formatPublished(published: PublishedDate | null): string {
  if (published === null) return "undated";
  return `${published.date} · ${methodLabel(published.method)}`;
}

/** 0.8 -> "80%"; values outside 0..1 are clamped, non-numbers shown as "—". */
export function formatConfidence(confidence: number): string {
  if (!Number.isFinite(confidence)) return "—";
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/** The reader's line on where the publication date came from. */
export function formatProvenance(published: PublishedDate | null): string {
  if (published === null) return "No publication date found.";
  const evidence = published.evidence === null ? "" : `, from “${published.evidence}”`;
  return `Published ${published.date} — ${methodLabel(published.method)}${evidence}, confidence ${formatConfidence(published.confidence)}`;
}

export interface ImportSummaryText {
  headline: string;
  failures: string[];
}

/** "Imported 1, duplicates 0, failed 0" plus one "path: reason" line per failure. */
export function formatImportSummary(summary: ImportSummary): ImportSummaryText {
  const stopped = summary.cancelled ? " (cancelled: what was imported stays)" : "";
  return {
    headline: `Imported ${summary.imported}, duplicates ${summary.duplicates}, failed ${summary.failed.length}${stopped}`,
    failures: summary.failed.map((f) => `${f.path}: ${f.reason}`),
  };
}

/**
 * "Importing… 3 of 10 files, 2 articles so far", and with an estimate
 * (`secondsLeft`, see `ImportRate`): "…, about 12 s left"; null: not known yet.
 */
export function formatImportProgress(event: ImportEvent, secondsLeft?: number | null): string {
  const base = `Importing… ${event.done} of ${plural(event.total, "file", "files")}, ${plural(event.imported, "article", "articles")} so far`;
  if (secondsLeft === undefined) return base;
  if (secondsLeft === null) return `${base}, estimating time left…`;
  return `${base}, ${formatTimeLeft(secondsLeft)}`;
}

/** "less than a second left", "about 12 s left", "about 3 min 20 s left", "about 2 h 5 min left". */
export function formatTimeLeft(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 1) return "less than a second left";
  const s = Math.round(seconds);
  if (s < 60) return `about ${s} s left`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = Math.round((s - m * 60) / 10) * 10;
    return rest === 0 || rest === 60 ? `about ${rest === 60 ? m + 1 : m} min left` : `about ${m} min ${rest} s left`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s - h * 3600) / 60);
  return m === 0 ? `about ${h} h left` : `about ${h} h ${m} min left`;
}

/**
 * Estimates the time left of an import from its progress events: the rate is
 * files done per second since the first event (the core sends a few a second),
 * so one slow or fast batch does not swing the estimate.
 */
export class ImportRate {
  private first: { at: number; done: number } | null;

  /** `startMs`: when the import was started (0 files done then); without it the first event is the start. */
  constructor(startMs?: number) {
    this.first = startMs === undefined ? null : { at: startMs, done: 0 };
  }

  /** Records `event` seen at `nowMs`; returns the seconds left, or null while there is no rate yet. */
  observe(event: Pick<ImportEvent, "done" | "total">, nowMs: number): number | null {
    if (this.first === null || event.done < this.first.done) {
      this.first = { at: nowMs, done: event.done };
      return event.done >= event.total && event.total > 0 ? 0 : null;
    }
    if (event.done >= event.total) return 0;
    const files = event.done - this.first.done;
    const seconds = (nowMs - this.first.at) / 1000;
    if (files <= 0 || seconds <= 0) return null;
    return (event.total - event.done) / (files / seconds);
  }
}

/** "1 article", "1,250 articles" */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** "1 article · 3 events" */
export function formatCounts(info: Pick<WorkspaceInfo, "articles" | "events">): string {
  return `${plural(info.articles, "article", "articles")} · ${plural(info.events, "event", "events")}`;
}

/**
 * Newest publication date first; undated articles last; ties by id so the
 * order is stable across reloads. Dates are ISO strings, so they compare as text.
 * Returns a new array.
 */
export function sortArticlesByDate(articles: readonly ArticleSummary[]): ArticleSummary[] {
  return [...articles].sort((a, b) => {
    const da = a.published?.date ?? null;
    const db = b.published?.date ?? null;
    if (da !== db) {
      if (da === null) return 1;
      if (db === null) return -1;
      return da < db ? 1 : -1;
    }
    return a.id - b.id;
  });
}

/** An event's date as written: the exact value, or its bounds; "on or before D" for precision "before". */
/** A TIMEX3 value as people write it: a decade "193" is "1930s", a century "19" the "1900s". */
function readableValue(value: string): string {
  if (/^\d{3}$/.test(value)) return `${value}0s`;
  if (/^\d{2}$/.test(value)) return `${value}00s`;
  return value;
}

export function formatEventDate(event: Pick<EventRow, "date_value" | "earliest" | "latest"> & { precision?: string }): string {
  if (event.precision === "before") {
    const day = event.latest ?? event.earliest ?? event.date_value;
    if (day !== null) return `on or before ${day}`;
  }
  if (event.date_value !== null) return readableValue(event.date_value);
  const { earliest, latest } = event;
  if (earliest !== null && latest !== null) return earliest === latest ? earliest : `${earliest} – ${latest}`;
  if (earliest !== null) return `after ${earliest}`;
  if (latest !== null) return `before ${latest}`;
  return "undated";
}

/** Chronological order for the events table, undated last, ties by id. */
export function sortEventsByDate(events: readonly EventRow[]): EventRow[] {
  const key = (e: EventRow) => e.date_value ?? e.earliest ?? e.latest;
  return [...events].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return ka < kb ? -1 : 1;
    }
    return a.id - b.id;
  });
}

/** Events in the order of the day they were reported (undated reports last), then by date. */
export function sortEventsByReport(events: readonly EventRow[]): EventRow[] {
  // The sort is stable: events of one report day stay in date order.
  return sortEventsByDate(events).sort((a, b) => {
    if (a.reported === b.reported) return 0;
    if (a.reported === null) return 1;
    if (b.reported === null) return -1;
    return a.reported < b.reported ? -1 : 1;
  });
}

/**
 * The change a history label names. The core labels them "Undo: hide event 12"
 * and "Redo: …"; the buttons and the status line add their own verb.
 */
export function historyChange(label: string): string {
  return label.replace(/^(Undo|Redo): /, "");
}

/** A sentence for an error; the wording depends on the code only, the message is appended as detail. */
export function describeError(error: AppError): string {
  const lead: Record<AppError["code"], string> = {
    not_found: "Not found",
    invalid_input: "Check the input",
    io: "Could not read or write a file",
    store: "The workspace database reported an error",
    internal: "Something went wrong inside Linimasa",
  };
  return `${lead[error.code]}: ${error.message}`;
}

/** Paragraphs separated by blank lines; single newlines are kept inside a paragraph. */
export function splitParagraphs(text: string): string[] {
  return paragraphRanges(text).map(([start, end]) => text.slice(start, end).replace(/\r\n?/g, "\n"));
}

/**
 * The paragraphs of `text` as [start, end) offsets into it (JavaScript string indices, i.e. UTF-16
 * code units, the unit the backend gives highlight offsets in). Blank lines separate paragraphs;
 * whitespace at a paragraph's ends is left out.
 */
export function paragraphRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const separator = /\r?\n[ \t]*(?:\r?\n[ \t]*)+/g;
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) ranges.push([start, end]);
  };
  for (const m of text.matchAll(separator)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return ranges;
}

/** A run of text, highlighted when it is (part of) a mark. */
export interface Segment<M> {
  text: string;
  mark: M | null;
}

/**
 * Cuts text[start, end) into plain and marked runs. Marks are [start, end) offsets into the whole
 * text; overlapping or out-of-range marks are clipped, never allowed to duplicate text.
 */
export function segments<M extends { start: number; end: number }>(
  text: string,
  start: number,
  end: number,
  marks: readonly M[],
): Array<Segment<M>> {
  const out: Array<Segment<M>> = [];
  let at = start;
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    const s = Math.max(m.start, at);
    const e = Math.min(m.end, end);
    if (e <= s) continue;
    if (s > at) out.push({ text: text.slice(at, s), mark: null });
    out.push({ text: text.slice(s, e), mark: m });
    at = e;
  }
  if (at < end) out.push({ text: text.slice(at, end), mark: null });
  return out;
}

/** A run of text inside (or outside) one outer mark, cut again by the inner marks. */
export interface Layered<O, I> {
  outer: O | null;
  parts: Array<Segment<I>>;
}

/**
 * Two levels of highlighting over text[start, end): outer marks (event
 * evidence) contain inner marks (time expressions, names). Inner marks are cut
 * at outer boundaries so the DOM nests properly; the text is never duplicated.
 */
export function nestedSegments<O extends { start: number; end: number }, I extends { start: number; end: number }>(
  text: string,
  start: number,
  end: number,
  outer: readonly O[],
  inner: readonly I[],
): Array<Layered<O, I>> {
  const out: Array<Layered<O, I>> = [];
  let at = start;
  for (const seg of segments(text, start, end, outer)) {
    const segEnd = at + seg.text.length;
    out.push({ outer: seg.mark, parts: segments(text, at, segEnd, inner) });
    at = segEnd;
  }
  return out;
}

/** Drops the marks of `lower` that overlap any mark of `higher` (time expressions win over names). */
export function withoutOverlaps<L extends { start: number; end: number }>(lower: readonly L[], higher: ReadonlyArray<{ start: number; end: number }>): L[] {
  return lower.filter((m) => !higher.some((h) => h.start < m.end && m.start < h.end));
}

/**
 * The evidence around the first whole-word occurrence of its trigger: [before, trigger, after];
 * null without a trigger or when the evidence does not hold it as a word.
 */
export function splitAtTrigger(evidence: string, trigger: string | null): [string, string, string] | null {
  if (trigger === null || trigger === "") return null;
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let at = evidence.indexOf(trigger); at >= 0; at = evidence.indexOf(trigger, at + 1)) {
    if (!isWord(evidence[at - 1]) && !isWord(evidence[at + trigger.length])) {
      return [evidence.slice(0, at), trigger, evidence.slice(at + trigger.length)];
    }
  }
  return null;
}

const MODALITY_LABELS: Readonly<Record<string, string>> = {
  asserted: "Asserted",
  reported: "Reported by someone",
  denied: "Denied",
  planned: "Planned",
  hypothetical: "Hypothetical",
};

/** A modality as the core labels it in facets ("reported" → "Reported by someone"); null when it is none. */
export function modalityLabel(modality: string): string | null {
  return MODALITY_LABELS[modality] ?? null;
}

/**
 * How long after an event it was reported: the first report's day against the event's last
 * possible day ("the same day", "3 days later", "30 years later"; "ahead of it" for a plan).
 */
export function formatReportLag(eventLatest: string | null, reported: string): string {
  const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  if (eventLatest === null || Number.isNaN(day(eventLatest)) || Number.isNaN(day(reported))) return reported;
  const days = Math.round((day(reported) - day(eventLatest)) / 86_400_000);
  const ago = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} later`;
  const lag =
    days < 0 ? "ahead of it" : days === 0 ? "the same day" : days < 14 ? ago(days, "day") : days < 35 ? ago(Math.round(days / 7), "week") : days < 730 ? ago(Math.round(days / 30.44), "month") : ago(Math.floor(days / 365.25), "year");
  return `${reported.slice(0, 10)} (${lag})`;
}
