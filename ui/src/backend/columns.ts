// The timeline's events as columns: what `event_timeline` sends as one binary
// message (see `src/view/columns.rs` for the layout). 100,000 events arrive as
// typed arrays over one ArrayBuffer, without a number parsed or an object made;
// a full row is built only for the event under the pointer.
import type { EventRow } from "../bindings";
import { formatDay } from "../dates";

/** The day number of an unknown bound. */
export const NO_DAY = -2147483648;

const MAGIC = "LTC1";
const DAY_MS = 86_400_000;

export interface ColumnTables {
  actors: string[];
  roles: string[];
  places: string[];
  cameos: string[];
  precisions: string[];
  modalities: string[];
  values: string[];
  articles: Array<{ title: string; publisher: string | null }>;
}

/** Events in date order (undated last), one array per field; indexes point into `tables`. */
export interface TimelineColumns {
  count: number;
  id: Int32Array;
  /** Days since 1970-01-01, or NO_DAY. */
  earliest: Int32Array;
  latest: Int32Array;
  precision: Int32Array;
  cameo: Int32Array;
  modality: Int32Array;
  confidence: Float32Array;
  reports: Int32Array;
  article: Int32Array;
  /** Index into tables.values (the TIMEX3 value), -1 when none. */
  value: Int32Array;
  /** Event k's participants are actor[actorStart[k] .. actorStart[k + 1]). */
  actorStart: Int32Array;
  placeStart: Int32Array;
  actor: Int32Array;
  role: Int32Array;
  place: Int32Array;
  tables: ColumnTables;
}

/** Reads the message `event_timeline` returns; throws on anything else. */
export function decodeColumns(buffer: ArrayBuffer): TimelineColumns {
  const fail = (why: string): never => {
    throw new Error(`not timeline columns: ${why}`);
  };
  if (buffer.byteLength < 8) fail("too short");
  const head = new DataView(buffer);
  const magic = String.fromCharCode(head.getUint8(0), head.getUint8(1), head.getUint8(2), head.getUint8(3));
  if (magic !== MAGIC) fail("the magic bytes are missing");
  const headerLen = head.getUint32(4, true);
  if (8 + headerLen > buffer.byteLength || headerLen % 4 !== 0) fail("bad header length");
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, headerLen))) as ColumnTables & {
    count: number;
    actor_refs: number;
    place_refs: number;
  };
  let at = 8 + headerLen;
  const take = (n: number): Int32Array => {
    if (at + 4 * n > buffer.byteLength) fail("a column runs past the end");
    const column = new Int32Array(buffer, at, n);
    at += 4 * n;
    return column;
  };
  const n = header.count;
  const id = take(n);
  const earliest = take(n);
  const latest = take(n);
  const precision = take(n);
  const cameo = take(n);
  const modality = take(n);
  if (at + 4 * n > buffer.byteLength) fail("a column runs past the end");
  const confidence = new Float32Array(buffer, at, n);
  at += 4 * n;
  const columns: TimelineColumns = {
    count: n,
    id,
    earliest,
    latest,
    precision,
    cameo,
    modality,
    confidence,
    reports: take(n),
    article: take(n),
    value: take(n),
    actorStart: take(n + 1),
    placeStart: take(n + 1),
    actor: take(header.actor_refs),
    role: take(header.actor_refs),
    place: take(header.place_refs),
    tables: {
      actors: header.actors,
      roles: header.roles,
      places: header.places,
      cameos: header.cameos,
      precisions: header.precisions,
      modalities: header.modalities,
      values: header.values,
      articles: header.articles,
    },
  };
  if (at !== buffer.byteLength) fail("bytes are left over after the columns");
  return columns;
}

/** Columns from listing rows, as the in-memory backend answers `eventTimeline`. */
export function columnsFromRows(rows: readonly EventRow[]): TimelineColumns {
  const tables: ColumnTables = { actors: [], roles: [], places: [], cameos: [], precisions: [], modalities: [], values: [], articles: [] };
  const interners = new Map<unknown[], Map<string, number>>();
  const intern = (table: string[], key: string): number => {
    let index = interners.get(table);
    if (index === undefined) {
      index = new Map();
      interners.set(table, index);
    }
    let i = index.get(key);
    if (i === undefined) {
      i = table.length;
      table.push(key);
      index.set(key, i);
    }
    return i;
  };
  const articleIndex = new Map<number, number>();
  const n = rows.length;
  const c: TimelineColumns = {
    count: n,
    id: new Int32Array(n),
    earliest: new Int32Array(n),
    latest: new Int32Array(n),
    precision: new Int32Array(n),
    cameo: new Int32Array(n),
    modality: new Int32Array(n),
    confidence: new Float32Array(n),
    reports: new Int32Array(n),
    article: new Int32Array(n),
    value: new Int32Array(n),
    actorStart: new Int32Array(n + 1),
    placeStart: new Int32Array(n + 1),
    actor: new Int32Array(rows.reduce((s, r) => s + r.participants.length, 0)),
    role: new Int32Array(rows.reduce((s, r) => s + r.participants.length, 0)),
    place: new Int32Array(rows.reduce((s, r) => s + r.places.length, 0)),
    tables,
  };
  const day = (iso: string | null) => (iso === null ? NO_DAY : Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS));
  let a = 0;
  let p = 0;
  rows.forEach((r, k) => {
    c.id[k] = r.id;
    c.earliest[k] = day(r.earliest);
    c.latest[k] = day(r.latest);
    c.precision[k] = intern(tables.precisions, r.precision);
    c.cameo[k] = intern(tables.cameos, r.cameo);
    c.modality[k] = intern(tables.modalities, r.modality);
    c.confidence[k] = r.confidence;
    c.reports[k] = r.reports;
    let article = articleIndex.get(r.article_id);
    if (article === undefined) {
      article = tables.articles.length;
      tables.articles.push({ title: r.article_title, publisher: r.publisher });
      articleIndex.set(r.article_id, article);
    }
    c.article[k] = article;
    c.value[k] = r.date_value === null ? -1 : intern(tables.values, r.date_value);
    for (const part of r.participants) {
      c.actor[a] = intern(tables.actors, part.actor);
      c.role[a] = intern(tables.roles, part.role);
      a += 1;
    }
    c.actorStart[k + 1] = a;
    for (const place of r.places) c.place[p++] = intern(tables.places, place);
    c.placeStart[k + 1] = p;
  });
  return c;
}

/** Event k's actors (each once, in order). */
export function actorsAt(c: TimelineColumns, k: number): string[] {
  const out: string[] = [];
  for (let i = c.actorStart[k] ?? 0; i < (c.actorStart[k + 1] ?? 0); i++) {
    const name = c.tables.actors[c.actor[i] ?? 0] ?? "?";
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** Event k's places. */
export function placesAt(c: TimelineColumns, k: number): string[] {
  const out: string[] = [];
  for (let i = c.placeStart[k] ?? 0; i < (c.placeStart[k + 1] ?? 0); i++) out.push(c.tables.places[c.place[i] ?? 0] ?? "?");
  return out;
}

export type TimelineRow = Omit<EventRow, "article_id" | "evidence" | "attribution" | "derivation" | "trigger" | "reported">;

/** Event k as a row (what the tooltip shows), built on demand. */
export function rowAt(c: TimelineColumns, k: number): TimelineRow {
  const day = (d: number | undefined) => (d === undefined || d === NO_DAY ? null : formatDay(d * DAY_MS));
  const participants = [];
  for (let i = c.actorStart[k] ?? 0; i < (c.actorStart[k + 1] ?? 0); i++) {
    participants.push({ actor: c.tables.actors[c.actor[i] ?? 0] ?? "?", role: c.tables.roles[c.role[i] ?? 0] ?? "" });
  }
  const article = c.tables.articles[c.article[k] ?? 0];
  const value = c.value[k] ?? -1;
  return {
    id: c.id[k] ?? 0,
    cameo: c.tables.cameos[c.cameo[k] ?? 0] ?? "",
    date_value: value < 0 ? null : (c.tables.values[value] ?? null),
    earliest: day(c.earliest[k]),
    latest: day(c.latest[k]),
    precision: c.tables.precisions[c.precision[k] ?? 0] ?? "",
    actors: actorsAt(c, k),
    places: placesAt(c, k),
    modality: c.tables.modalities[c.modality[k] ?? 0] ?? "",
    confidence: c.confidence[k] ?? 0,
    participants,
    article_title: article?.title ?? "",
    publisher: article?.publisher ?? null,
    reports: c.reports[k] ?? 1,
  };
}
