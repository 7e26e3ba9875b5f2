//! Plain-text articles: the first real line is the title, site breadcrumbs are stripped, and a
//! "Place, Publisher.com -" dateline names the publisher.

use super::{tidy_text, RawArticle};

/// Words that open a site breadcrumb trail copied along with an article ("Home Internasional ...").
const BREADCRUMB_HEADS: &[&str] = &[
    "home", "beranda", "index", "indeks", "berita", "news", "homepage",
];
const BREADCRUMB_SEPARATORS: &[&str] = &[" > ", " » ", " / ", " › ", " | "];

pub(super) fn parse(content: &str, source: &str) -> RawArticle {
    let tidy = tidy_text(content);
    let lines: Vec<&str> = tidy.lines().collect();
    let mut article = RawArticle {
        source: source.to_string(),
        ..Default::default()
    };
    let Some(first_idx) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return article;
    };
    let (title, section) = strip_breadcrumb(lines[first_idx]);
    article.title = title.to_string();
    article.section = section;
    // Copied pages often repeat the title on its own line after the breadcrumb line; skip the repeat.
    let mut body_start = first_idx + 1;
    if let Some(next) = lines
        .iter()
        .skip(body_start)
        .position(|l| !l.trim().is_empty())
    {
        let idx = body_start + next;
        if lines[idx].trim() == article.title
            || lines[first_idx].trim().ends_with(lines[idx].trim()) && lines[idx].len() > 8
        {
            article.title = lines[idx].trim().to_string();
            body_start = idx + 1;
        }
    }
    let body = lines[body_start..].join("\n");
    article.text = body.trim().to_string();
    if article.text.is_empty() {
        // A one-line article: the line is both title and text.
        article.text = article.title.clone();
    }
    article.publisher = dateline_publisher(&article.text);
    article
}

/// Splits "Home Internasional Kremlin: ..." into ("Kremlin: ...", Some("Internasional")), and
/// "News > World > Title" into ("Title", Some("World")). Lines without a breadcrumb come back whole.
fn strip_breadcrumb(line: &str) -> (&str, Option<String>) {
    let line = line.trim();
    for sep in BREADCRUMB_SEPARATORS {
        if line.matches(sep).count() >= 1 {
            let parts: Vec<&str> = line.split(sep).collect();
            if parts.len() >= 2
                && BREADCRUMB_HEADS.contains(&parts[0].trim().to_lowercase().as_str())
            {
                let title = parts[parts.len() - 1].trim();
                let section = (parts.len() >= 3).then(|| parts[parts.len() - 2].trim().to_string());
                return (title, section);
            }
        }
    }
    let mut words = line.splitn(3, ' ');
    let head = words.next().unwrap_or_default();
    if BREADCRUMB_HEADS.contains(&head.to_lowercase().as_str()) {
        if let (Some(section), Some(rest)) = (words.next(), words.next()) {
            // The section is one capitalised word ("Internasional", "Nasional", "World").
            if section.chars().next().is_some_and(char::is_uppercase)
                && section.chars().all(char::is_alphabetic)
            {
                return (rest.trim(), Some(section.to_string()));
            }
        }
    }
    (line, None)
}

/// "Moskow, Gatra.com - Kremlin mengatakan" → "Gatra.com"; "JAKARTA, KOMPAS.com -" → "KOMPAS.com".
fn dateline_publisher(text: &str) -> Option<String> {
    let head: &str = text.lines().next()?;
    let head = &head[..head.char_indices().nth(120).map_or(head.len(), |(i, _)| i)];
    let dash = head.find([' ', '\u{a0}']).and_then(|_| {
        ["- ", "– ", "— ", "-- "]
            .iter()
            .filter_map(|d| head.find(d))
            .min()
    })?;
    let before = head[..dash].trim();
    let (_, publisher) = before.rsplit_once(", ")?;
    let publisher = publisher.trim();
    let looks_like_site = publisher.contains('.')
        && publisher.len() <= 40
        && !publisher.contains(' ')
        && publisher
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()) && tld.len() >= 2);
    looks_like_site.then(|| publisher.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumb_and_repeated_title_are_stripped() {
        let a = parse("Home Internasional Kremlin: Terlalu Cepat\n\nKremlin: Terlalu Cepat\n\nMoskow, Gatra.com - Kremlin mengatakan.", "x.txt");
        assert_eq!(a.title, "Kremlin: Terlalu Cepat");
        assert_eq!(a.section.as_deref(), Some("Internasional"));
        assert_eq!(a.text, "Moskow, Gatra.com - Kremlin mengatakan.");
        assert_eq!(a.publisher.as_deref(), Some("Gatra.com"));
    }

    #[test]
    fn separator_breadcrumbs_give_the_last_part_as_title() {
        let (title, section) = strip_breadcrumb("Home > World > Europe > Talks stall");
        assert_eq!(title, "Talks stall");
        assert_eq!(section.as_deref(), Some("Europe"));
    }

    #[test]
    fn a_title_without_breadcrumb_is_kept_whole() {
        let a = parse("\n\nHome prices rise again\nPrices rose.", "x.txt");
        assert_eq!(a.title, "Home prices rise again");
        assert_eq!(a.text, "Prices rose.");
        assert_eq!(a.publisher, None);
    }
}
