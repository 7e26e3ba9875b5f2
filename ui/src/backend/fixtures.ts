// Fixtures for the in-memory fake backend and the unit tests. They follow the
// shapes in ../bindings.ts; the values are illustrative, not extractor output
// (the article texts are invented or abridged, except the Gatra demo article).
import type { ArticleDetail, DateMethod, EventRow, ParticipantView, TimexView } from "../bindings";
import { DAY, formatDay, isoWeekStart, parseDay } from "../dates";
import { mulberry32 } from "../random";

export interface FakeActor {
  name: string;
  /** person, organisation, country or group. */
  kind: string;
  aliases: string[];
}

export interface FakePlace {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  aliases: string[];
}

/** What a fake workspace starts with. Event rows name actors and places by their canonical names. */
export interface FakeSeed {
  path: string;
  articles: ArticleDetail[];
  events: EventRow[];
  actors: FakeActor[];
  places: FakePlace[];
  /** Events that are one real-world event reported by several articles (event ids). */
  groups?: number[][];
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

export const DEMO_ACTORS: readonly FakeActor[] = [
  { name: "Russia", kind: "country", aliases: ["Rusia", "Russian"] },
  { name: "Ukraine", kind: "country", aliases: ["Ukraina", "Ukrainian"] },
  { name: "Kremlin", kind: "organisation", aliases: [] },
  { name: "Vladimir Putin", kind: "person", aliases: ["Putin"] },
  { name: "Dmitry Peskov", kind: "person", aliases: ["Peskov"] },
  { name: "Volodymyr Zelensky", kind: "person", aliases: ["Zelensky"] },
  { name: "Dmytro Kuleba", kind: "person", aliases: ["Kuleba"] },
  { name: "Sergei Lavrov", kind: "person", aliases: ["Lavrov"] },
  { name: "Sergei Shoigu", kind: "person", aliases: ["Shoigu"] },
  { name: "NATO", kind: "organisation", aliases: [] },
  { name: "United Nations", kind: "organisation", aliases: ["PBB"] },
  { name: "António Guterres", kind: "person", aliases: ["Guterres"] },
  { name: "Red Cross", kind: "organisation", aliases: [] },
  { name: "European Union", kind: "organisation", aliases: ["Uni Eropa"] },
  { name: "United States", kind: "country", aliases: ["Washington"] },
  { name: "Recep Tayyip Erdogan", kind: "person", aliases: ["Erdogan"] },
  { name: "Indonesia", kind: "country", aliases: [] },
  { name: "Joko Widodo", kind: "person", aliases: ["Jokowi"] },
  { name: "Retno Marsudi", kind: "person", aliases: ["Retno"] },
  { name: "Puan Maharani", kind: "person", aliases: ["Puan"] },
  { name: "BEM SI", kind: "group", aliases: ["mahasiswa"] },
  { name: "Polri", kind: "organisation", aliases: ["Polisi"] },
];

export const DEMO_PLACES: readonly FakePlace[] = [
  { name: "Moscow", country: "RU", lat: 55.76, lon: 37.62, aliases: ["Moskow"] },
  { name: "Kyiv", country: "UA", lat: 50.45, lon: 30.52, aliases: ["Kiev"] },
  { name: "Kharkiv", country: "UA", lat: 49.99, lon: 36.23, aliases: [] },
  { name: "Mariupol", country: "UA", lat: 47.1, lon: 37.55, aliases: [] },
  { name: "Bucha", country: "UA", lat: 50.54, lon: 30.21, aliases: [] },
  { name: "Chernihiv", country: "UA", lat: 51.49, lon: 31.29, aliases: [] },
  { name: "Ukraine", country: "UA", lat: 49.0, lon: 31.4, aliases: [] },
  { name: "Poland", country: "PL", lat: 52.0, lon: 19.4, aliases: ["Polandia"] },
  { name: "Brussels", country: "BE", lat: 50.85, lon: 4.35, aliases: [] },
  { name: "Istanbul", country: "TR", lat: 41.01, lon: 28.98, aliases: [] },
  { name: "Antalya", country: "TR", lat: 36.9, lon: 30.7, aliases: [] },
  { name: "New York", country: "US", lat: 40.71, lon: -74.01, aliases: [] },
  { name: "Jakarta", country: "ID", lat: -6.2, lon: 106.85, aliases: [] },
  { name: "Bali", country: "ID", lat: -8.65, lon: 115.22, aliases: [] },
  // Places the gazetteer does not know keep their name but have no coordinates.
  { name: "Belarus–Ukraine border", country: null, lat: null, lon: null, aliases: [] },
  { name: "Azovstal steel works", country: null, lat: null, lon: null, aliases: [] },
];

interface EventSpec {
  /** A substring of the article text: the evidence. */
  s: string;
  cameo: string;
  /** "2022-03-01" day, "2022-W09" week, "2022-03" month, "2022-02-24..2022-03-02" a range, "before:2022-03-02" on or before. */
  date: string;
  /** "Russia:agent,Ukraine:target" */
  who: string;
  where?: string;
  mod?: string;
  attr?: string;
  conf?: number;
  /** The date expression as written, for the derivation text. */
  said?: string;
  /** Reports with the same key, from different articles, are one event (grouped as the core does). */
  group?: string;
}

interface ArticleSpec {
  title: string;
  publisher: string | null;
  language: string;
  date: string | null;
  method: DateMethod;
  dateEvidence: string | null;
  source: string;
  url: string | null;
  body: string[];
  derivation: string | null;
  /** [surface, TIMEX3 type, value] */
  timexes: Array<[string, string, string]>;
  events: EventSpec[];
}

const ARTICLES: ArticleSpec[] = [
  {
    title: "Kremlin: Terlalu Cepat Menilai Pembicaraan dengan Ukraina",
    publisher: "Gatra.com",
    language: "id",
    date: "2022-03-01",
    method: "weekday_inference",
    dateEvidence: "Selasa (1/3)",
    source: "gatra-kremlin-talks.txt",
    url: null,
    body: [],
    derivation:
      '"Selasa (1/3)" has no year: 1 March falls on a Tuesday in 2022, the latest such year not after 2026-11-25 [rule dateline.weekday_paren]',
    timexes: [
      ["pekan lalu", "DATE", "2022-W08"],
      ["Selasa (1/3)", "DATE", "2022-03-01"],
      ["hari Senin", "DATE", "2022-02-28"],
    ],
    events: [
      { s: "Kremlin mengatakan terlalu dini untuk menarik kesimpulan dari putaran pertama pembicaraan", cameo: "01", date: "2022-03-01", who: "Kremlin:source", where: "Moscow" },
      { s: "invasi Moskow pekan lalu", cameo: "19", date: "2022-W08", who: "Russia:agent,Ukraine:target", where: "Ukraine", said: "pekan lalu", group: "invasion" },
      { s: "Presiden Vladimir Putin telah diberitahu tentang pembicaraan tersebut", cameo: "04", date: "2022-02-28..2022-03-01", who: "Vladimir Putin:target,Dmitry Peskov:source", mod: "reported", attr: "Dmitry Peskov", conf: 0.5 },
      { s: "Pejabat Rusia dan Ukraina bertemu pada hari Senin di perbatasan Belarus dan Ukraina", cameo: "04", date: "2022-02-28", who: "Russia:agent,Ukraine:agent", where: "Belarus–Ukraine border", said: "hari Senin", group: "belarus-talks" },
      { s: "Peskov mengatakan Moskow akan \"menganalisis\" hasil pembicaraan", cameo: "01", date: "2022-03-01", who: "Dmitry Peskov:source,Russia:agent", mod: "planned" },
    ],
  },
  {
    title: "Russian forces shell Kharkiv as talks stall",
    publisher: "Example Wire",
    language: "en",
    date: "2022-03-02",
    method: "metadata",
    dateEvidence: "article:published_time 2022-03-02T09:14:00+00:00",
    source: "wire-kharkiv.html",
    url: "https://example.org/world/2022/03/02/kharkiv",
    body: [
      "Russian forces shelled residential districts of Kharkiv on Tuesday, regional officials said.",
      "Ukrainian President Volodymyr Zelensky called the attack a war crime.",
      "NATO said on Wednesday the alliance would not send troops into Ukraine.",
      "Foreign Minister Dmytro Kuleba urged the United Nations to act.",
      "A convoy of aid trucks reached Kyiv this week, the Red Cross said.",
      "Russian and Ukrainian officials met on Monday at the Belarus border for their first talks since the invasion.",
    ],
    derivation: "the page's article:published_time meta tag",
    timexes: [
      ["on Tuesday", "DATE", "2022-03-01"],
      ["on Wednesday", "DATE", "2022-03-02"],
      ["this week", "DATE", "2022-W09"],
    ],
    events: [
      { s: "Russian forces shelled residential districts of Kharkiv on Tuesday", cameo: "19", date: "2022-03-01", who: "Russia:agent", where: "Kharkiv", said: "on Tuesday" },
      { s: "Ukrainian President Volodymyr Zelensky called the attack a war crime", cameo: "11", date: "2022-03-01", who: "Volodymyr Zelensky:source,Russia:target", said: "on Tuesday" },
      { s: "NATO said on Wednesday the alliance would not send troops into Ukraine", cameo: "12", date: "2022-03-02", who: "NATO:source,Ukraine:target", where: "Brussels", said: "on Wednesday" },
      { s: "Foreign Minister Dmytro Kuleba urged the United Nations to act", cameo: "02", date: "before:2022-03-02", who: "Dmytro Kuleba:source,United Nations:target" },
      { s: "A convoy of aid trucks reached Kyiv this week", cameo: "07", date: "2022-W09", who: "Red Cross:agent", where: "Kyiv", mod: "reported", attr: "Red Cross", said: "this week" },
      { s: "Russian and Ukrainian officials met on Monday at the Belarus border", cameo: "04", date: "2022-02-28", who: "Russia:agent,Ukraine:agent", where: "Belarus–Ukraine border", said: "on Monday", group: "belarus-talks" },
    ],
  },
  {
    title: "Retno Marsudi Serukan Gencatan Senjata di Ukraina",
    publisher: "Kompas.com",
    language: "id",
    date: "2022-03-03",
    method: "dateline",
    dateEvidence: "Jakarta, 3 Maret 2022",
    source: "kompas-retno.json",
    url: "https://example.org/kompas/2022/03/03/retno",
    body: [
      "Jakarta, 3 Maret 2022 - Menteri Luar Negeri Retno Marsudi menyerukan gencatan senjata di Ukraina pada Kamis (3/3).",
      "Indonesia mendukung resolusi Majelis Umum PBB pada Rabu lalu.",
      "Retno mengatakan Indonesia siap membantu evakuasi warga negara Indonesia dari Kyiv.",
      "Sebanyak 80 WNI telah dievakuasi melalui Polandia sebelum 2 Maret.",
      "Presiden Joko Widodo meminta perang segera dihentikan.",
      "Rusia menginvasi Ukraina pada 24 Februari.",
      "Pejabat Rusia dan Ukraina bertemu di perbatasan Belarus pada 28 Februari.",
    ],
    derivation: 'the dateline "Jakarta, 3 Maret 2022"',
    timexes: [
      ["3 Maret 2022", "DATE", "2022-03-03"],
      ["Kamis (3/3)", "DATE", "2022-03-03"],
      ["Rabu lalu", "DATE", "2022-03-02"],
      ["sebelum 2 Maret", "DATE", "2022-03-02"],
    ],
    events: [
      { s: "Menteri Luar Negeri Retno Marsudi menyerukan gencatan senjata di Ukraina pada Kamis (3/3)", cameo: "02", date: "2022-03-03", who: "Retno Marsudi:source", where: "Jakarta", said: "Kamis (3/3)" },
      { s: "Indonesia mendukung resolusi Majelis Umum PBB pada Rabu lalu", cameo: "05", date: "2022-03-02", who: "Indonesia:agent,United Nations:target", where: "New York", said: "Rabu lalu" },
      { s: "Retno mengatakan Indonesia siap membantu evakuasi warga negara Indonesia dari Kyiv", cameo: "07", date: "2022-03-03", who: "Retno Marsudi:source,Indonesia:agent", where: "Kyiv", mod: "planned" },
      { s: "Sebanyak 80 WNI telah dievakuasi melalui Polandia sebelum 2 Maret", cameo: "07", date: "2022-02-24..2022-03-02", who: "Indonesia:agent", where: "Poland", said: "sebelum 2 Maret" },
      { s: "Presiden Joko Widodo meminta perang segera dihentikan", cameo: "02", date: "2022-03-03", who: "Joko Widodo:source", where: "Jakarta" },
      { s: "Rusia menginvasi Ukraina pada 24 Februari", cameo: "19", date: "2022-02-24", who: "Russia:agent,Ukraine:target", where: "Ukraine", said: "24 Februari", group: "invasion" },
      { s: "Pejabat Rusia dan Ukraina bertemu di perbatasan Belarus pada 28 Februari", cameo: "04", date: "2022-02-28", who: "Russia:agent,Ukraine:agent", where: "Belarus–Ukraine border", said: "28 Februari", group: "belarus-talks" },
    ],
  },
  {
    title: "EU agrees new sanctions on Moscow",
    publisher: "Example Wire",
    language: "en",
    date: "2022-03-15",
    method: "metadata",
    dateEvidence: "datePublished 2022-03-15",
    source: "wire-sanctions.jsonl",
    url: "https://example.org/world/2022/03/15/sanctions",
    body: [
      "European Union governments agreed on Tuesday a fourth package of sanctions against Russia.",
      "The Kremlin denied that the sanctions had hurt the Russian economy.",
      "Washington announced new export controls earlier in March.",
      "Ukraine and Russia held a fourth round of talks by video link on Monday.",
      "Sergei Lavrov met Dmytro Kuleba in Antalya last week.",
    ],
    derivation: "JSON-LD datePublished",
    timexes: [
      ["on Tuesday", "DATE", "2022-03-15"],
      ["earlier in March", "DATE", "2022-03"],
      ["on Monday", "DATE", "2022-03-14"],
      ["last week", "DATE", "2022-W10"],
    ],
    events: [
      { s: "European Union governments agreed on Tuesday a fourth package of sanctions against Russia", cameo: "16", date: "2022-03-15", who: "European Union:agent,Russia:target", where: "Brussels", said: "on Tuesday" },
      { s: "The Kremlin denied that the sanctions had hurt the Russian economy", cameo: "01", date: "2022-03-15", who: "Kremlin:source", where: "Moscow", mod: "denied" },
      { s: "Washington announced new export controls earlier in March", cameo: "16", date: "2022-03", who: "United States:agent,Russia:target", said: "earlier in March" },
      { s: "Ukraine and Russia held a fourth round of talks by video link on Monday", cameo: "04", date: "2022-03-14", who: "Ukraine:agent,Russia:agent", said: "on Monday" },
      { s: "Sergei Lavrov met Dmytro Kuleba in Antalya last week", cameo: "04", date: "2022-W10", who: "Sergei Lavrov:agent,Dmytro Kuleba:target", where: "Antalya", said: "last week" },
    ],
  },
  {
    title: "Talks in Istanbul raise hopes of a ceasefire",
    publisher: "Example Wire",
    language: "en",
    date: "2022-03-30",
    method: "metadata",
    dateEvidence: "pubDate Wed, 30 Mar 2022 07:02:00 GMT",
    source: "wire-feed.rss",
    url: "https://example.org/world/2022/03/30/istanbul",
    body: [
      "Russian and Ukrainian negotiators met in Istanbul on Tuesday.",
      "Moscow would drastically reduce military activity around Kyiv, Russia's deputy defence minister said.",
      "President Recep Tayyip Erdogan hosted the delegations at the Dolmabahce palace.",
      "Shelling continued near Chernihiv overnight, the mayor said.",
      "Sergei Shoigu said on Tuesday the first phase of the operation was largely complete.",
    ],
    derivation: "the feed item's pubDate",
    timexes: [
      ["on Tuesday", "DATE", "2022-03-29"],
      ["overnight", "DATE", "2022-03-30"],
    ],
    events: [
      { s: "Russian and Ukrainian negotiators met in Istanbul on Tuesday", cameo: "04", date: "2022-03-29", who: "Russia:agent,Ukraine:agent", where: "Istanbul", said: "on Tuesday" },
      { s: "Moscow would drastically reduce military activity around Kyiv", cameo: "03", date: "2022-03-29", who: "Russia:source", where: "Kyiv", mod: "planned" },
      { s: "President Recep Tayyip Erdogan hosted the delegations", cameo: "05", date: "2022-03-29", who: "Recep Tayyip Erdogan:agent,Russia:target,Ukraine:target", where: "Istanbul" },
      { s: "Shelling continued near Chernihiv overnight", cameo: "19", date: "2022-03-29..2022-03-30", who: "Russia:agent", where: "Chernihiv", mod: "reported", said: "overnight" },
      { s: "Sergei Shoigu said on Tuesday the first phase of the operation was largely complete", cameo: "01", date: "2022-03-29", who: "Sergei Shoigu:source", where: "Moscow", said: "on Tuesday" },
    ],
  },
  {
    title: "Pasukan Rusia Mundur dari Sekitar Kyiv, Ratusan Jenazah Ditemukan di Bucha",
    publisher: "Tempo.co",
    language: "id",
    date: "2022-04-04",
    method: "dateline",
    dateEvidence: "Senin (4/4)",
    source: "tempo-bucha.html",
    url: "https://example.org/tempo/2022/04/04/bucha",
    body: [
      "Pasukan Rusia mundur dari wilayah sekitar Kyiv pada akhir pekan.",
      "Pejabat Ukraina menemukan ratusan jenazah warga sipil di Bucha pada Minggu (3/4).",
      "Warga mengatakan pembunuhan terjadi selama pendudukan, sebelum akhir Maret.",
      "Presiden Volodymyr Zelensky mengunjungi Bucha pada Senin (4/4).",
      "Uni Eropa mengecam pembunuhan tersebut.",
      "Rusia membantah terlibat dalam pembunuhan di Bucha.",
    ],
    derivation: 'the dateline "Senin (4/4)", year from the weekday',
    timexes: [
      ["akhir pekan", "DATE", "2022-W13-WE"],
      ["Minggu (3/4)", "DATE", "2022-04-03"],
      ["sebelum akhir Maret", "DATE", "2022-03"],
      ["Senin (4/4)", "DATE", "2022-04-04"],
    ],
    events: [
      { s: "Pasukan Rusia mundur dari wilayah sekitar Kyiv pada akhir pekan", cameo: "08", date: "2022-W13", who: "Russia:agent", where: "Kyiv", said: "akhir pekan" },
      { s: "Pejabat Ukraina menemukan ratusan jenazah warga sipil di Bucha pada Minggu (3/4)", cameo: "09", date: "2022-04-03", who: "Ukraine:agent", where: "Bucha", said: "Minggu (3/4)" },
      { s: "pembunuhan terjadi selama pendudukan, sebelum akhir Maret", cameo: "20", date: "2022-02-27..2022-03-31", who: "Russia:agent", where: "Bucha", mod: "reported", conf: 0.55, said: "sebelum akhir Maret" },
      { s: "Presiden Volodymyr Zelensky mengunjungi Bucha pada Senin (4/4)", cameo: "04", date: "2022-04-04", who: "Volodymyr Zelensky:agent", where: "Bucha", said: "Senin (4/4)" },
      { s: "Uni Eropa mengecam pembunuhan tersebut", cameo: "11", date: "2022-04-04", who: "European Union:source,Russia:target", where: "Brussels" },
      { s: "Rusia membantah terlibat dalam pembunuhan di Bucha", cameo: "01", date: "2022-04-04", who: "Russia:source", where: "Bucha", mod: "denied" },
    ],
  },
  {
    title: "Putin orders blockade of Mariupol steel works",
    publisher: "Example Wire",
    language: "en",
    date: "2022-04-21",
    method: "metadata",
    dateEvidence: "article:published_time 2022-04-21",
    source: "wire-mariupol.html",
    url: "https://example.org/world/2022/04/21/mariupol",
    body: [
      "Vladimir Putin ordered his forces on Thursday to blockade the Azovstal steel works in Mariupol rather than storm it.",
      "Sergei Shoigu told Putin that the rest of Mariupol had been taken.",
      "Ukrainian fighters remained inside the plant, Kyiv said.",
      "Evacuation buses left Mariupol on or before 20 April, according to local officials.",
      "The United Nations called for a humanitarian corridor from the city.",
      "António Guterres will visit Moscow and Kyiv next week.",
    ],
    derivation: "the page's article:published_time meta tag",
    timexes: [
      ["on Thursday", "DATE", "2022-04-21"],
      ["on or before 20 April", "DATE", "2022-04-20"],
      ["next week", "DATE", "2022-W17"],
    ],
    events: [
      { s: "Vladimir Putin ordered his forces on Thursday to blockade the Azovstal steel works in Mariupol", cameo: "19", date: "2022-04-21", who: "Vladimir Putin:agent", where: "Mariupol,Azovstal steel works", said: "on Thursday" },
      { s: "Sergei Shoigu told Putin that the rest of Mariupol had been taken", cameo: "01", date: "2022-04-21", who: "Sergei Shoigu:source,Vladimir Putin:target", where: "Moscow" },
      { s: "Ukrainian fighters remained inside the plant", cameo: "15", date: "2022-04-21", who: "Ukraine:agent", where: "Azovstal steel works", mod: "reported", attr: "Ukraine" },
      { s: "Evacuation buses left Mariupol on or before 20 April", cameo: "07", date: "2022-04-14..2022-04-20", who: "Ukraine:agent", where: "Mariupol", said: "on or before 20 April" },
      { s: "The United Nations called for a humanitarian corridor from the city", cameo: "02", date: "2022-04-21", who: "United Nations:source", where: "Mariupol" },
      { s: "António Guterres will visit Moscow and Kyiv next week", cameo: "04", date: "2022-W17", who: "António Guterres:agent,Russia:target,Ukraine:target", where: "Moscow,Kyiv", mod: "planned", said: "next week" },
    ],
  },
  {
    title: "Ribuan Mahasiswa Berunjuk Rasa di Depan Gedung DPR",
    publisher: "Detik.com",
    language: "id",
    date: "2022-04-11",
    method: "dateline",
    dateEvidence: "Senin (11/4)",
    source: "detik-demo.txt",
    url: null,
    body: [
      "Jakarta - Ribuan mahasiswa berunjuk rasa di depan gedung DPR di Jakarta pada Senin (11/4).",
      "Polisi menembakkan gas air mata untuk membubarkan massa.",
      "Presiden Joko Widodo menegaskan pekan lalu bahwa pemilu tetap digelar pada 2024.",
      "Ketua DPR Puan Maharani menerima perwakilan mahasiswa.",
    ],
    derivation: 'the dateline "Senin (11/4)", year from the weekday',
    timexes: [
      ["Senin (11/4)", "DATE", "2022-04-11"],
      ["pekan lalu", "DATE", "2022-W14"],
      ["2024", "DATE", "2024"],
    ],
    events: [
      { s: "Ribuan mahasiswa berunjuk rasa di depan gedung DPR di Jakarta pada Senin (11/4)", cameo: "14", date: "2022-04-11", who: "BEM SI:agent", where: "Jakarta", said: "Senin (11/4)" },
      { s: "Polisi menembakkan gas air mata untuk membubarkan massa", cameo: "17", date: "2022-04-11", who: "Polri:agent,BEM SI:target", where: "Jakarta" },
      { s: "Presiden Joko Widodo menegaskan pekan lalu bahwa pemilu tetap digelar pada 2024", cameo: "01", date: "2022-W14", who: "Joko Widodo:source", where: "Jakarta", said: "pekan lalu" },
      { s: "Ketua DPR Puan Maharani menerima perwakilan mahasiswa", cameo: "04", date: "2022-04-11", who: "Puan Maharani:agent,BEM SI:agent", where: "Jakarta" },
    ],
  },
  {
    title: "Jokowi Bertemu Putin di Moskow Sehari Setelah ke Kyiv",
    publisher: "Antara",
    language: "id",
    date: "2022-06-30",
    method: "metadata",
    dateEvidence: "datePublished 2022-06-30",
    source: "antara-jokowi.json",
    url: "https://example.org/antara/2022/06/30/jokowi-putin",
    body: [
      "Presiden Joko Widodo bertemu Presiden Vladimir Putin di Kremlin, Moskow, pada Kamis (30/6).",
      "Sehari sebelumnya, Jokowi mengunjungi Kyiv dan bertemu Presiden Volodymyr Zelensky.",
      "Jokowi menyampaikan pesan dari Zelensky kepada Putin.",
      "Putin menjamin keamanan pasokan pangan dan pupuk dari Rusia.",
      "Indonesia akan menjadi tuan rumah KTT G20 di Bali pada November.",
      "Jokowi juga mengundang Zelensky ke KTT G20 pekan ini.",
    ],
    derivation: "JSON field datePublished",
    timexes: [
      ["Kamis (30/6)", "DATE", "2022-06-30"],
      ["Sehari sebelumnya", "DATE", "2022-06-29"],
      ["November", "DATE", "2022-11"],
      ["pekan ini", "DATE", "2022-W26"],
    ],
    events: [
      { s: "Presiden Joko Widodo bertemu Presiden Vladimir Putin di Kremlin, Moskow, pada Kamis (30/6)", cameo: "04", date: "2022-06-30", who: "Joko Widodo:agent,Vladimir Putin:target", where: "Moscow", said: "Kamis (30/6)" },
      { s: "Jokowi mengunjungi Kyiv dan bertemu Presiden Volodymyr Zelensky", cameo: "04", date: "2022-06-29", who: "Joko Widodo:agent,Volodymyr Zelensky:target", where: "Kyiv", said: "Sehari sebelumnya" },
      { s: "Jokowi menyampaikan pesan dari Zelensky kepada Putin", cameo: "01", date: "2022-06-30", who: "Joko Widodo:source,Volodymyr Zelensky:other,Vladimir Putin:target", where: "Moscow" },
      { s: "Putin menjamin keamanan pasokan pangan dan pupuk dari Rusia", cameo: "03", date: "2022-06-30", who: "Vladimir Putin:source,Russia:agent", where: "Moscow", mod: "planned" },
      { s: "Indonesia akan menjadi tuan rumah KTT G20 di Bali pada November", cameo: "04", date: "2022-11", who: "Indonesia:agent", where: "Bali", mod: "planned", said: "November" },
      { s: "Jokowi juga mengundang Zelensky ke KTT G20 pekan ini", cameo: "03", date: "2022-W26", who: "Joko Widodo:source,Volodymyr Zelensky:target", where: "Bali", said: "pekan ini" },
    ],
  },
];

/** Every occurrence-free lookup: the first occurrence of `surface` in `text` as a time expression. */
function timex(text: string, surface: string, timex_type: string, value: string, rule: string): TimexView | null {
  const start = text.indexOf(surface);
  return start < 0 ? null : { start, end: start + surface.length, text: surface, timex_type, value, rule };
}

interface DateFields {
  date_value: string | null;
  earliest: string | null;
  latest: string | null;
  precision: string;
}

/** Turns a fixture date spec into the row's date fields, as the core stores them. */
export function dateFields(spec: string): DateFields {
  // "before:D": reported without a date of its own, so on or before the article's day D.
  const before = /^before:(\d{4}-\d{2}-\d{2})$/.exec(spec);
  if (before !== null) {
    const d = before[1] ?? null;
    return { date_value: d, earliest: d, latest: d, precision: "before" };
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(spec);
  if (range !== null) return { date_value: null, earliest: range[1] ?? null, latest: range[2] ?? null, precision: "day" };
  const week = /^(\d{4})-W(\d{2})$/.exec(spec);
  if (week !== null) {
    const start = isoWeekStart(Number(week[1]), Number(week[2]));
    return { date_value: spec, earliest: formatDay(start), latest: formatDay(start + 6 * DAY), precision: "week" };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(spec);
  if (month !== null) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    return {
      date_value: spec,
      earliest: formatDay(Date.UTC(y, m - 1, 1)),
      latest: formatDay(Date.UTC(y, m, 1) - DAY),
      precision: "month",
    };
  }
  if (parseDay(spec) === null) throw new Error(`bad fixture date ${spec}`);
  return { date_value: spec, earliest: spec, latest: spec, precision: "day" };
}

function participants(who: string): ParticipantView[] {
  return who.split(",").map((p) => {
    const [actor, role] = p.split(":");
    return { actor: actor ?? "", role: role ?? "other" };
  });
}

function buildDemo(): { articles: ArticleDetail[]; events: EventRow[]; groups: number[][] } {
  const articles: ArticleDetail[] = [];
  const events: EventRow[] = [];
  const groups = new Map<string, number[]>();
  ARTICLES.forEach((spec, index) => {
    const id = index + 1;
    const text = index === 0 ? KREMLIN_TEXT : [spec.title, ...spec.body].join("\n\n");
    const rows: EventRow[] = spec.events.map((e) => {
      if (!text.includes(e.s)) throw new Error(`fixture evidence not in article ${id}: ${e.s}`);
      const dates = dateFields(e.date);
      const people = participants(e.who);
      const derivation =
        e.said !== undefined
          ? `the time expression "${e.said}" (${e.date}) in the same clause`
          : dates.precision === "before"
            ? `no time expression nearby: on or before the article date (${dates.latest ?? ""})`
            : "no time expression nearby: the article date";
      const eventId = events.length + spec.events.indexOf(e) + 1;
      if (e.group !== undefined) groups.set(e.group, [...(groups.get(e.group) ?? []), eventId]);
      return {
        id: eventId,
        article_id: id,
        cameo: e.cameo,
        ...dates,
        evidence: e.s,
        actors: people.map((p) => p.actor),
        places: e.where === undefined ? [] : e.where.split(","),
        modality: e.mod ?? "asserted",
        confidence: e.conf ?? (e.said !== undefined ? 0.8 : 0.6),
        participants: people,
        attribution: e.attr ?? null,
        derivation,
        article_title: spec.title,
        publisher: spec.publisher,
        reports: 1,
        trigger: null,
        reported: null,
      };
    });
    events.push(...rows);
    articles.push({
      summary: {
        id,
        title: spec.title,
        publisher: spec.publisher,
        url: spec.url,
        language: spec.language,
        published:
          spec.date === null
            ? null
            : { date: spec.date, method: spec.method, evidence: spec.dateEvidence, confidence: spec.method === "metadata" ? 0.95 : 0.8 },
        warnings: [],
        source: spec.source,
        events: rows.length,
      },
      text,
      date_derivation: spec.derivation,
      time_expressions: spec.timexes
        .map(([surface, type, value]) => timex(text, surface, type, value, `${spec.language}.fixture`))
        .filter((t): t is TimexView => t !== null)
        .sort((a, b) => a.start - b.start),
      mentions: [],
      events: [],
    });
  });
  articles.push({
    summary: {
      id: articles.length + 1,
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
    mentions: [],
    events: [],
  });
  return { articles, events, groups: [...groups.values()] };
}

export function demoSeed(): FakeSeed {
  const { articles, events, groups } = buildDemo();
  return {
    groups,
    path: "(in-memory demo workspace)",
    articles,
    events,
    actors: structuredClone([...DEMO_ACTORS]),
    places: structuredClone([...DEMO_PLACES]),
  };
}

export function emptySeed(): FakeSeed {
  return { path: "(in-memory empty workspace)", articles: [], events: [], actors: [], places: [] };
}

export { mulberry32 };

const SYLLABLES = ["ka", "ri", "mo", "sa", "lu", "na", "te", "vo", "di", "an", "pe", "ro", "ti", "ba", "ya", "ko"];

/**
 * A synthetic workspace for checking performance in the browser (`?big`):
 * `events` events over ten years, `actors` actors with a skewed popularity
 * (a few very active ones, a long tail), 200 places (a few without coordinates).
 */
export function bigSeed(events = 20_000, actors = 2_000): FakeSeed {
  const rnd = mulberry32(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const word = () => {
    const w = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join("");
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const kinds = ["person", "person", "organisation", "country", "group"];
  const actorList: FakeActor[] = [];
  const names = new Set<string>();
  while (actorList.length < actors) {
    const name = `${word()} ${word()}`;
    if (names.has(name)) continue;
    names.add(name);
    actorList.push({ name, kind: pick(kinds), aliases: [] });
  }
  const placeList: FakePlace[] = Array.from({ length: 200 }, (_, i) => {
    const known = i % 25 !== 24;
    return {
      name: `${word()}${i % 3 === 0 ? "grad" : i % 3 === 1 ? "pura" : " City"}`,
      country: known ? pick(["RU", "UA", "ID", "US", "TR", "PL", "DE", "BR", "IN", "ZA"]) : null,
      lat: known ? Math.round((rnd() * 130 - 55) * 100) / 100 : null,
      lon: known ? Math.round((rnd() * 340 - 170) * 100) / 100 : null,
      aliases: [],
    };
  });
  const publishers = ["Example Wire", "Kompas.com", "Tempo.co", "Antara", "Detik.com", "Daily Planet", null];
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const articleCount = Math.ceil(events / 10);
  // Skewed popularity: index = floor(n * r^3) favours low indexes.
  const skewed = <T>(list: readonly T[]): T => list[Math.floor(list.length * rnd() ** 3)] as T;
  const articleList: ArticleDetail[] = [];
  const eventList: EventRow[] = [];
  for (let a = 0; a < articleCount; a++) {
    const day = start + Math.floor(rnd() ** 0.7 * (span / DAY)) * DAY;
    const language = rnd() < 0.5 ? "id" : "en";
    const publisher = pick(publishers);
    const title = `${word()} ${word()} ${language === "id" ? "berunding" : "talks"} #${a + 1}`;
    const sentences: string[] = [];
    const rows: EventRow[] = [];
    for (let k = 0; k < 10 && eventList.length + rows.length < events; k++) {
      const people = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => skewed(actorList).name);
      const unique = [...new Set(people)];
      const evidence = `${unique.join(" and ")} event ${eventList.length + rows.length + 1}`;
      sentences.push(`${evidence}.`);
      const shift = Math.floor(rnd() * 10) * DAY;
      const kind = rnd();
      const d = formatDay(day - shift);
      const dates: DateFields =
        kind < 0.75
          ? { date_value: d, earliest: d, latest: d, precision: "day" }
          : kind < 0.88
            ? dateFields(d.slice(0, 7))
            : { date_value: null, earliest: formatDay(day - shift - 14 * DAY), latest: d, precision: "day" };
      rows.push({
        id: eventList.length + rows.length + 1,
        article_id: a + 1,
        cameo: String(1 + Math.floor(rnd() * 20)).padStart(2, "0"),
        ...dates,
        evidence,
        actors: unique,
        places: rnd() < 0.7 ? [skewed(placeList).name] : [],
        modality: pick(["asserted", "asserted", "asserted", "reported", "planned", "denied"]),
        confidence: Math.round((0.4 + rnd() * 0.55) * 100) / 100,
        participants: unique.map((actor, i) => ({ actor, role: i === 0 ? "agent" : "target" })),
        attribution: null,
        derivation: "synthetic",
        article_title: title,
        publisher,
        reports: 1,
        trigger: null,
        reported: null,
      });
    }
    eventList.push(...rows);
    articleList.push({
      summary: {
        id: a + 1,
        title,
        publisher,
        url: null,
        language,
        published: { date: formatDay(day), method: "metadata", evidence: null, confidence: 0.95 },
        warnings: [],
        source: `synthetic/${a + 1}.txt`,
        events: rows.length,
      },
      text: [title, ...sentences].join("\n\n"),
      date_derivation: "synthetic",
      time_expressions: [],
      mentions: [],
      events: [],
    });
  }
  return { path: "(in-memory synthetic workspace, ?big)", articles: articleList, events: eventList, actors: actorList, places: placeList };
}

/**
 * Files the fake can "read" when a path is imported, so the path-import flow
 * works in a plain browser. The Kremlin file duplicates the demo article.
 */
export const fixtureFiles: Readonly<Record<string, string>> = {
  "/demo/gatra-kremlin-talks.txt": KREMLIN_TEXT,
  "/demo/ferry.txt": FERRY_TEXT,
};

/** Workspace files the browser demo can switch to: an empty one, and a file that is not a workspace. */
export function fixtureWorkspaces(): Record<string, FakeSeed | "not a workspace"> {
  return {
    "/demo/empty.db": { ...emptySeed(), path: "/demo/empty.db" },
    "/demo/notes.txt": "not a workspace",
  };
}

/** The browser demo's recent list: the last one no longer exists. */
export const fixtureRecent: readonly string[] = ["/demo/empty.db", "/demo/notes.txt", "/demo/gone.db"];

/** What the browser demo's "native dialogs" answer. */
export const fixtureDialogs = {
  files: ["/demo/ferry.txt", "/demo/gatra-kremlin-talks.txt"],
  folder: "/demo",
  openWorkspace: "/demo/empty.db",
  newWorkspace: "/demo/new.db",
};
