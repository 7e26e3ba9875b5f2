//! Import: every accepted format, bad files, idempotence, the seed article's date.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use linimasa::import::ImportOptions;
use linimasa::model::DateMethod;
use linimasa::pipeline;
use linimasa::store::Store;
use linimasa::view::ImportSummary;

use super::{date, seed_path};

fn import(store: &mut Store, paths: &[&Path]) -> ImportSummary {
    import_with(store, paths, &ImportOptions::default())
}

fn import_with(store: &mut Store, paths: &[&Path], options: &ImportOptions) -> ImportSummary {
    let paths: Vec<_> = paths.iter().map(|p| p.to_path_buf()).collect();
    pipeline::import_paths(
        store,
        &paths,
        options,
        date("2026-11-25"),
        &AtomicBool::new(false),
        |_| {},
    )
    .unwrap()
}

#[test]
fn seed_article_is_dated_2022_03_01_by_weekday_inference() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = import(&mut store, &[&seed_path()]);
    assert_eq!(
        (summary.imported, summary.duplicates, summary.failed.len()),
        (1, 0, 0)
    );
    let articles = store.articles().unwrap();
    assert_eq!(articles.len(), 1);
    let a = &articles[0];
    assert_eq!(
        a.title,
        "Kremlin: Terlalu Cepat Menilai Pembicaraan dengan Ukraina"
    );
    assert_eq!(a.publisher.as_deref(), Some("Gatra.com"));
    assert_eq!(a.language.as_deref(), Some("id"));
    let p = a.published.as_ref().unwrap();
    assert_eq!(p.date, "2022-03-01");
    assert_eq!(p.method, DateMethod::WeekdayInference);
    assert_eq!(p.evidence.as_deref(), Some("Selasa (1/3)"));
    assert!(
        p.confidence < 0.9,
        "an inferred year is less certain than a printed one"
    );
    let detail = store.article_detail(a.id).unwrap();
    let derivation = detail.date_derivation.unwrap();
    assert!(
        derivation.contains("Tuesday") && derivation.contains("2022"),
        "{derivation}"
    );
    assert!(!detail.text.starts_with("Home"), "breadcrumb kept in text");
    // Time expressions are resolved against that date and stored with their rules.
    let times = &detail.time_expressions;
    let find = |surface: &str| {
        times
            .iter()
            .find(|t| t.text == surface)
            .unwrap_or_else(|| panic!("no {surface} in {times:?}"))
    };
    let dateline = find("Selasa (1/3)");
    assert_eq!(
        (dateline.value.as_str(), dateline.rule.as_str()),
        ("2022-03-01", "id.date.weekday_paren")
    );
    assert_eq!(find("Kamis lalu").value, "2022-02-24");
    assert_eq!(find("pekan lalu").value, "2022-W08");
    // Offsets are UTF-16 code units into the text, for the UI: the text has curly quotes (one
    // unit each in UTF-16, three bytes in UTF-8) before the dateline.
    let utf16: Vec<u16> = detail.text.encode_utf16().collect();
    let slice = String::from_utf16(&utf16[dateline.start as usize..dateline.end as usize]).unwrap();
    assert_eq!(slice, "Selasa (1/3)");
    assert!(
        detail.text.find("Selasa (1/3)").unwrap() > dateline.start as usize,
        "byte and UTF-16 offsets differ here"
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &[&seed_path()]);
    let again = import(&mut store, &[&seed_path()]);
    assert_eq!((again.imported, again.duplicates), (0, 1));
    assert_eq!(store.articles().unwrap().len(), 1);
}

#[test]
fn folder_with_bad_files_imports_the_good_one_and_reports_three_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed_path(), dir.path().join("seed.txt")).unwrap();
    std::fs::write(
        dir.path().join("photo.bin"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0x00],
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("broken.json"),
        "{\"title\": \"A\", \"text\": ",
    )
    .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let summary = import(&mut store, &[dir.path()]);
    assert_eq!(summary.imported, 1);
    assert_eq!(summary.failed.len(), 3, "{:?}", summary.failed);
    let reason = |name: &str| {
        summary
            .failed
            .iter()
            .find(|f| f.path.ends_with(name))
            .map(|f| f.reason.clone())
            .unwrap_or_else(|| panic!("no failure for {name}"))
    };
    assert!(
        reason("photo.bin").contains("binary"),
        "{}",
        reason("photo.bin")
    );
    assert!(
        reason("empty.txt").contains("empty"),
        "{}",
        reason("empty.txt")
    );
    assert!(
        reason("broken.json").contains("malformed JSON"),
        "{}",
        reason("broken.json")
    );
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn every_format_imports_from_nested_folders() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        sub.join("page.html"),
        r#"<html lang="en"><head><title>T</title><meta property="og:title" content="Talks end">
        <meta property="article:published_time" content="2022-03-01T09:00:00+03:00"></head>
        <body><article><p>The Kremlin said on Tuesday that it was too early to judge the talks with Ukraine, and that the
        president had been told about them by his officials in the capital.</p></article></body></html>"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("items.jsonl"), "{\"title\":\"J1\",\"text\":\"Satu dua tiga.\",\"date\":\"2022-01-02\"}\n{\"title\":\"J2\",\"text\":\"Empat lima.\"}\n").unwrap();
    std::fs::write(dir.path().join("table.csv"), "title,text,date,url,source\n\"C, one\",\"Text with \"\"quotes\"\"\",2021-05-06,http://c/1,Antara\n").unwrap();
    std::fs::write(
        dir.path().join("feed.rss"),
        "<rss><channel><title>Wire</title><item><title>R1</title><pubDate>Tue, 01 Mar 2022 10:00:00 +0000</pubDate><description>Feed text.</description></item></channel></rss>",
    )
    .unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "Hidden\nnot imported").unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let summary = import(&mut store, &[dir.path()]);
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    assert_eq!(summary.imported, 5);
    let articles = store.articles().unwrap();
    let by_title = |t: &str| {
        articles
            .iter()
            .find(|a| a.title == t)
            .unwrap_or_else(|| panic!("no article {t}"))
    };
    let html = by_title("Talks end");
    assert_eq!(html.published.as_ref().unwrap().date, "2022-03-01");
    assert_eq!(
        html.published.as_ref().unwrap().method,
        DateMethod::Metadata
    );
    assert_eq!(html.language.as_deref(), Some("en"));
    assert_eq!(by_title("C, one").publisher.as_deref(), Some("Antara"));
    assert_eq!(by_title("R1").publisher.as_deref(), Some("Wire"));
    assert_eq!(
        by_title("J1").published.as_ref().unwrap().date,
        "2022-01-02"
    );
    // No date anywhere: the file time, flagged as a guess.
    assert_eq!(
        by_title("J2").published.as_ref().unwrap().method,
        DateMethod::FileMtime
    );
}

#[test]
fn invalid_utf8_is_kept_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin.txt");
    std::fs::write(
        &path,
        b"Judul berita\n\nKafe \xe9 dibuka di Jakarta, Senin (7/3/2022).",
    )
    .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let summary = import(&mut store, &[&path]);
    assert_eq!(summary.imported, 1);
    let a = &store.articles().unwrap()[0];
    assert!(
        a.warnings.iter().any(|w| w.contains("invalid UTF-8")),
        "{:?}",
        a.warnings
    );
    assert_eq!(a.published.as_ref().unwrap().date, "2022-03-07");
}

#[test]
fn a_file_over_the_size_limit_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    std::fs::write(&path, "kata ".repeat(1000)).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let summary = import_with(
        &mut store,
        &[&path],
        &ImportOptions {
            max_file_bytes: 1000,
            ..Default::default()
        },
    );
    assert_eq!(summary.imported, 0);
    assert!(summary.failed[0].path.ends_with("huge.txt"));
    assert!(
        summary.failed[0]
            .reason
            .contains("over the 1000-byte limit"),
        "{}",
        summary.failed[0].reason
    );
}

#[test]
fn a_missing_path_is_reported_and_the_rest_goes_on() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = import(
        &mut store,
        &[Path::new("/nonexistent/linimasa.txt"), &seed_path()],
    );
    assert_eq!(summary.imported, 1);
    assert_eq!(summary.failed.len(), 1);
    assert!(
        summary.failed[0].reason.contains("cannot read"),
        "{}",
        summary.failed[0].reason
    );
}

#[test]
fn articles_of_one_file_without_a_year_or_a_date_take_the_years_the_others_state() {
    // A news archive of 2017 saved as one JSONL file today: two articles state their dates (in
    // their URLs), one has a dateline without a year, one has no date at all.
    let line = |url: &str, text: &str| {
        format!("{{\"title\":\"Berita\",\"url\":\"{url}\",\"text\":\"{text}\"}}\n")
    };
    let jsonl = [
        line(
            "https://a.id/2017/03/20/x",
            "Presiden meresmikan jembatan itu.",
        ),
        line(
            "https://a.id/2017/05/02/y",
            "Menteri mengunjungi pasar itu.",
        ),
        line("https://a.id/z", "Hal itu dikatakan Menteri, Senin (27/3)."),
        line("https://a.id/w", "Warga menanam pohon di taman kota."),
        line(
            "https://a.id/v",
            "Warga menanam pohon di taman kota. Mereka datang dari berbagai kampung di sekitar \
             sungai, membawa bibit dan cangkul, dan bekerja sampai sore. Taman itu rusak berat \
             setelah banjir 20 April 2017 .",
        ),
    ]
    .concat();
    let mut store = Store::open_in_memory().unwrap();
    let s = pipeline::import_text(&mut store, "archive.jsonl", &jsonl, date("2026-11-25")).unwrap();
    assert_eq!(s.imported, 5);
    let dated = |needle: &str| {
        let article = store
            .articles()
            .unwrap()
            .into_iter()
            .find(|a| a.url.as_deref().is_some_and(|u| u.ends_with(needle)))
            .unwrap();
        let p = article.published.unwrap();
        (p.date, p.method)
    };
    // 27 March was a Monday in 2023 too; the file's other articles are of 2017.
    assert_eq!(
        dated("/z"),
        ("2017-03-27".to_string(), DateMethod::WeekdayInference)
    );
    assert_eq!(
        dated("/w"),
        ("2017-05-02".to_string(), DateMethod::Neighbours)
    );
    // An undated article stating a day in full is guessed from it, not from the others.
    assert_eq!(dated("/v"), ("2017-04-20".to_string(), DateMethod::Stated));
}

#[test]
fn pasted_text_imports_and_html_is_never_run() {
    let mut store = Store::open_in_memory().unwrap();
    let s = pipeline::import_text(
        &mut store,
        "pasted.html",
        "<p>Aman <script>alert(1)</script>sekali, kata dia Senin (7/3/2022).</p>",
        date("2026-01-01"),
    )
    .unwrap();
    assert_eq!(s.imported, 1);
    let text = store
        .article_detail(store.articles().unwrap()[0].id)
        .unwrap()
        .text;
    assert!(
        !text.contains("alert") && text.contains("Aman sekali"),
        "{text}"
    );
    let empty = pipeline::import_text(&mut store, "pasted.txt", "   ", date("2026-01-01")).unwrap();
    assert_eq!(empty.failed[0].reason, "file is empty");
}

#[test]
fn a_cancelled_import_keeps_what_it_stored_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    linimasa::bench::write_articles(dir.path(), 600, 9).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let cancel = AtomicBool::new(false);
    let summary = pipeline::import_paths(
        &mut store,
        &[dir.path().to_path_buf()],
        &ImportOptions::default(),
        date("2026-01-01"),
        &cancel,
        |p| {
            if p.files_done == 300 {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
    )
    .unwrap();
    assert!(summary.cancelled);
    assert_eq!(summary.imported as i64, store.info().unwrap().articles);
    assert!(
        summary.imported >= 256 && summary.imported <= 300,
        "{}",
        summary.imported
    );
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn a_better_derived_title_keeps_the_identity_of_articles_already_stored() {
    // A record without a title, as IndoSum's: the lead opens with a byline line.
    let dir = tempfile::tempdir().unwrap();
    let text = "Suara.com - ,\nMenteri Keuangan Sri Mulyani didaulat menjadi menteri terbaik dunia. Ia menerima penghargaan itu di Dubai.";
    std::fs::write(
        dir.path().join("lead.jsonl"),
        format!("{}\n", serde_json::json!({ "text": text })),
    )
    .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(import(&mut store, &[dir.path()]).imported, 1);
    let summary = &store.articles().unwrap()[0];
    assert_eq!(
        summary.title,
        "Menteri Keuangan Sri Mulyani didaulat menjadi menteri terbaik dunia"
    );
    // The identity is the one such articles had when their title was the first line's words,
    // so a workspace made then finds them again on re-import, with their corrections.
    let stored = store.article(summary.id).unwrap();
    assert_eq!(
        stored.content_hash,
        linimasa::store::content_hash("Suara.com - ,", &stored.text)
    );
    assert_eq!(import(&mut store, &[dir.path()]).duplicates, 1);
}

#[test]
fn extraction_on_every_core_gives_what_one_article_after_another_gives() {
    // More articles than the workers take at a time, in two languages, long and short.
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let mut jsonl = String::new();
    for k in 0..11 {
        let text = if k % 2 == 0 {
            format!("{seed}\n\nParagraf {k}: Menteri bertemu Presiden di Jakarta pada 3 Maret.")
        } else {
            format!(
                "Boeing said on Monday, March {}, 2020 that it would cut {k} jobs. Airbus met \
                 the unions in Toulouse two days later.",
                k + 1
            )
        };
        let line = serde_json::json!({"title": format!("Artikel {k}"), "text": text});
        jsonl.push_str(&format!("{line}\n"));
    }
    let mut store = Store::open_in_memory().unwrap();
    let summary = pipeline::import_text(&mut store, "many.jsonl", &jsonl, date("2026-11-25"));
    assert_eq!(summary.unwrap().imported, 11);
    let articles: Vec<_> = store
        .article_ids()
        .unwrap()
        .into_iter()
        .map(|id| store.article(id).unwrap())
        .collect();
    let parallel = pipeline::extract_all(&articles.iter().collect::<Vec<_>>());
    assert_eq!(parallel.len(), articles.len());
    for (article, extraction) in articles.iter().zip(&parallel) {
        assert!(!extraction.events.is_empty(), "{}", article.title);
        assert_eq!(&pipeline::extract(article), extraction, "{}", article.title);
    }
}
