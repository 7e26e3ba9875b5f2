// Fixtures for the in-memory fake backend and the unit tests. They follow the
// shapes in ../bindings.ts; the values are illustrative, not extractor output.
import type { ArticleDetail, EventRow, TimexView } from "../bindings";

/** What a fake workspace starts with. */
export interface FakeSeed {
  path: string;
  articles: ArticleDetail[];
  events: EventRow[];
}

const KREMLIN_TEXT = [
  "Kremlin: Terlalu Cepat Menilai Pembicaraan dengan Ukraina",
  "Moskow, Gatra.com - Kremlin mengatakan terlalu dini untuk menarik kesimpulan dari putaran pertama pembicaraan yang diadakan dengan Ukraina, untuk mengakhiri perang menyusul invasi Moskow pekan lalu.",
  "Juru bicara Kremlin Dmitry Peskov mengatakan Presiden Vladimir Putin telah diberitahu tentang pembicaraan tersebut. “Bahwa \"terlalu dini untuk menilai\" hasilnya,” katanya dikutip AFP, Selasa (1/3).",
  "Pejabat Rusia dan Ukraina bertemu pada hari Senin di perbatasan Belarus dan Ukraina dalam pembicaraan pertama sejak pecahnya perang.",
  "Peskov mengatakan Moskow akan \"menganalisis\" hasil pembicaraan.",
].join("\n\n");

// Invented text, with markup-like content on purpose: the reader must show it
// as text, never interpret it.
const HARBOUR_TEXT = [
  "Harbour reopens after storm",
  "The port authority said on Thursday that the northern harbour would reopen to cargo ships after three days of closure.",
  "Inspectors found <b>no damage</b> to the main quay; <script>alert(1)</script> a crane on the eastern pier remains out of service.",
].join("\n\n");

const FERRY_TEXT = [
  "Ferry service resumes on the island route",
  "Ferry operators resumed the island route on Friday, a day after the harbour reopened.",
].join("\n\n");

/** A time expression over the first occurrence of `surface` in `text`, or null when absent. */
function timex(text: string, surface: string, timex_type: string, value: string, rule: string): TimexView | null {
  const start = text.indexOf(surface);
  return start < 0 ? null : { start, end: start + surface.length, text: surface, timex_type, value, rule };
}

export function demoSeed(): FakeSeed {
  return {
    path: "(in-memory demo workspace)",
    articles: [
      {
        summary: {
          id: 1,
          title: "Kremlin: Terlalu Cepat Menilai Pembicaraan dengan Ukraina",
          publisher: "Gatra.com",
          url: null,
          language: "id",
          published: {
            date: "2022-03-01",
            method: "weekday_inference",
            evidence: "Selasa (1/3)",
            confidence: 0.8,
          },
          warnings: [],
          source: "gatra-kremlin-talks.txt",
          events: 3,
        },
        text: KREMLIN_TEXT,
        time_expressions: [
          timex(KREMLIN_TEXT, "Selasa (1/3)", "DATE", "2022-03-01", "id.date.weekday_paren"),
        ].filter((t): t is TimexView => t !== null),
        date_derivation:
          '"Selasa (1/3)" has no year: 1 March falls on a Tuesday in 2022, the latest such year not after 2026-11-25 [rule dateline.weekday_paren]',
      },
      {
        summary: {
          id: 2,
          title: "Harbour reopens after storm",
          publisher: null,
          url: null,
          language: "en",
          published: null,
          warnings: ["no publication date found", "publisher unknown"],
          source: "harbour.txt",
          events: 0,
        },
        text: HARBOUR_TEXT,
        date_derivation: null,
        time_expressions: [],
      },
    ],
    events: [
      {
        id: 1,
        article_id: 1,
        cameo: "040",
        date_value: "2022-02-28",
        earliest: null,
        latest: null,
        precision: "day",
        evidence: "Pejabat Rusia dan Ukraina bertemu pada hari Senin di perbatasan Belarus dan Ukraina",
        actors: ["Russia", "Ukraine"],
        places: ["Belarus"],
        modality: "asserted",
        confidence: 0.7,
        participants: [
          { actor: "Russia", role: "agent" },
          { actor: "Ukraine", role: "agent" },
        ],
        attribution: null,
        derivation: 'the time expression "hari Senin" (2022-02-28) in the same clause',
      },
      {
        id: 2,
        article_id: 1,
        cameo: "010",
        date_value: "2022-03-01",
        earliest: null,
        latest: null,
        precision: "day",
        evidence: "Kremlin mengatakan terlalu dini untuk menarik kesimpulan dari putaran pertama pembicaraan",
        actors: ["Kremlin", "Dmitry Peskov"],
        places: ["Moscow"],
        modality: "asserted",
        confidence: 0.75,
        participants: [
          { actor: "Kremlin", role: "source" },
          { actor: "Dmitry Peskov", role: "source" },
        ],
        attribution: null,
        derivation: "no time expression nearby: the article date",
      },
      {
        id: 3,
        article_id: 1,
        cameo: "031",
        date_value: null,
        earliest: "2022-02-28",
        latest: "2022-03-01",
        precision: "range",
        evidence: "Presiden Vladimir Putin telah diberitahu tentang pembicaraan tersebut",
        actors: ["Vladimir Putin"],
        places: [],
        modality: "reported",
        confidence: 0.5,
        participants: [{ actor: "Vladimir Putin", role: "target" }],
        attribution: "Dmitry Peskov",
        derivation: "between the talks and the article date",
      },
    ],
  };
}

export function emptySeed(): FakeSeed {
  return { path: "(in-memory empty workspace)", articles: [], events: [] };
}

/**
 * Files the fake can "read" when a path is imported, so the path-import flow
 * works in a plain browser. The Kremlin file duplicates the demo article.
 */
export const fixtureFiles: Readonly<Record<string, string>> = {
  "/demo/gatra-kremlin-talks.txt": KREMLIN_TEXT,
  "/demo/ferry.txt": FERRY_TEXT,
};
