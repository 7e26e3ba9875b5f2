//! A small SVG writer: shapes and text, everything escaped.

use std::fmt::Write;

use crate::export::xml::esc;

/// The font every chart asks for; the PNG and PDF renderers embed it (see `resources/fonts`).
pub const FONT: &str = "DejaVu Sans, Verdana, sans-serif";

pub struct Svg {
    out: String,
    pub width: f64,
    pub height: f64,
}

/// Text anchoring.
#[derive(Clone, Copy)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Svg {
    pub fn new(width: f64, height: f64) -> Self {
        Svg {
            out: String::new(),
            width,
            height,
        }
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, style: &str) {
        let _ = writeln!(
            self.out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" {style}/>"#,
            w.max(0.0),
            h.max(0.0)
        );
    }

    pub fn circle(&mut self, x: f64, y: f64, r: f64, style: &str) {
        let _ = writeln!(
            self.out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {style}/>"#
        );
    }

    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, style: &str) {
        let _ = writeln!(
            self.out,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" {style}/>"#
        );
    }

    pub fn path(&mut self, d: &str, style: &str) {
        let _ = writeln!(self.out, r#"<path d="{d}" {style}/>"#);
    }

    /// Text at (x, y) (baseline), `size` px, with an optional tooltip title.
    pub fn text(&mut self, x: f64, y: f64, size: f64, anchor: Anchor, style: &str, text: &str) {
        let anchor = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let _ = writeln!(
            self.out,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" text-anchor="{anchor}" {style}>{}</text>"#,
            esc(text)
        );
    }

    /// Opens a group clipped to a rectangle (closed by `clip_end`).
    pub fn clip_start(&mut self, id: &str, x: f64, y: f64, w: f64, h: f64) {
        let _ = writeln!(
            self.out,
            r#"<clipPath id="{id}"><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}"/></clipPath><g clip-path="url(#{id})">"#
        );
    }

    pub fn clip_end(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// Opens a group with a tooltip (`<title>`), for hover text in viewers.
    pub fn group_with_title(&mut self, title: &str) {
        let _ = writeln!(self.out, "<g><title>{}</title>", esc(title));
    }

    pub fn end_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// Wraps `text` into lines of at most `chars` characters at spaces.
    pub fn wrap(text: &str, chars: usize) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > chars {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Draws the caption at the bottom, growing the picture to fit; returns its height.
    pub fn caption(&mut self, text: &str) -> f64 {
        let chars = ((self.width - 40.0) / 6.6).max(20.0) as usize;
        let lines = Self::wrap(text, chars);
        let top = self.height + 6.0;
        self.line(
            20.0,
            top,
            self.width - 20.0,
            top,
            r##"stroke="#d0d0d0" stroke-width="1""##,
        );
        for (i, l) in lines.iter().enumerate() {
            self.text(
                20.0,
                top + 18.0 + i as f64 * 15.0,
                11.0,
                Anchor::Start,
                r##"fill="#555555" class="caption""##,
                l,
            );
        }
        let added = 24.0 + lines.len() as f64 * 15.0;
        self.height += added;
        added
    }

    /// The finished document.
    pub fn finish(self, title: &str) -> String {
        format!(
            r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="{font}">
<title>{title}</title>
<rect x="0" y="0" width="{w:.0}" height="{h:.0}" fill="#ffffff"/>
{body}</svg>
"##,
            w = self.width,
            h = self.height,
            font = FONT,
            title = esc(title),
            body = self.out
        )
    }
}

/// CAMEO root colours (the same as the app's, `ui/src/cameo.ts`).
pub fn cameo_colour(code: &str) -> &'static str {
    match code {
        "01" => "#8c8c8c",
        "02" => "#bab0ac",
        "03" => "#a0cbe8",
        "04" => "#4e79a7",
        "05" => "#86bcb6",
        "06" => "#499894",
        "07" => "#59a14f",
        "08" => "#8cd17d",
        "09" => "#b6992d",
        "10" => "#f1ce63",
        "11" => "#d4a6c8",
        "12" => "#b07aa1",
        "13" => "#d37295",
        "14" => "#fabfd2",
        "15" => "#9d7660",
        "16" => "#d7b5a6",
        "17" => "#ffbe7d",
        "18" => "#f28e2b",
        "19" => "#e15759",
        "20" => "#a3232f",
        crate::events::OTHER => "#79706e",
        _ => "#7f7f7f",
    }
}

/// Community colours for the network (the app's palette).
pub const COMMUNITY_COLOURS: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#8c6bb1",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(
            Svg::wrap("one two three four", 9),
            ["one two", "three", "four"]
        );
        assert_eq!(Svg::wrap("", 9), Vec::<String>::new());
    }

    #[test]
    fn text_is_escaped() {
        let mut svg = Svg::new(10.0, 10.0);
        svg.text(0.0, 0.0, 10.0, Anchor::Start, "", "<script>&");
        let doc = svg.finish("a <b>");
        assert!(doc.contains("&lt;script&gt;&amp;") && doc.contains("<title>a &lt;b&gt;</title>"));
    }
}
