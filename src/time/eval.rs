//! Scores the tagger against gold TIMEX3 annotation, TempEval-3 style: strict span (same extent),
//! relaxed span (overlapping extents), and value and type accuracy over relaxed matches, as
//! precision, recall and F1.

use serde::Serialize;

use super::timeml::TimemlDoc;
use crate::model::TimeExpr;

/// Counts over one or many documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TimexScore {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value: usize,
    pub timex_type: usize,
}

/// Precision, recall and F1 of one measure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl TimexScore {
    fn prf(&self, correct: usize) -> Prf {
        let p = crate::measure::ratio(correct, self.system);
        let r = crate::measure::ratio(correct, self.gold);
        let f = crate::measure::f1(p, r);
        Prf {
            precision: p,
            recall: r,
            f1: f,
        }
    }
    pub fn strict(&self) -> Prf {
        self.prf(self.strict)
    }
    pub fn relaxed(&self) -> Prf {
        self.prf(self.relaxed)
    }
    pub fn value(&self) -> Prf {
        self.prf(self.value)
    }
    pub fn typed(&self) -> Prf {
        self.prf(self.timex_type)
    }
    pub fn add(&mut self, other: &TimexScore) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.value += other.value;
        self.timex_type += other.timex_type;
    }
}

/// One disagreement, for reading errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    Missed {
        text: String,
        value: String,
    },
    Spurious {
        text: String,
        value: String,
        rule: String,
    },
    WrongValue {
        gold_text: String,
        gold: String,
        text: String,
        got: String,
        rule: String,
    },
    /// The right value over another extent (counts for relaxed, not strict, span).
    Extent {
        gold_text: String,
        text: String,
        rule: String,
    },
}

/// Scores `system` against the document's gold timexes. Each gold timex matches at most one
/// system timex (the first overlapping one).
pub fn score(doc: &TimemlDoc, system: &[TimeExpr]) -> (TimexScore, Vec<Mismatch>) {
    let mut s = TimexScore {
        gold: doc.gold.len(),
        system: system.len(),
        ..Default::default()
    };
    let mut used = vec![false; system.len()];
    let mut mismatches = Vec::new();
    let slice = |a: usize, b: usize| doc.text.get(a..b).unwrap_or_default().to_string();
    for g in &doc.gold {
        let found = system
            .iter()
            .enumerate()
            .find(|(i, t)| !used[*i] && t.span.start < g.span.end && g.span.start < t.span.end);
        match found {
            Some((i, t)) => {
                used[i] = true;
                s.relaxed += 1;
                if t.span == g.span {
                    s.strict += 1;
                }
                if t.value == g.value {
                    s.value += 1;
                    if t.span != g.span {
                        mismatches.push(Mismatch::Extent {
                            gold_text: slice(g.span.start, g.span.end),
                            text: t.surface.clone(),
                            rule: t.provenance.rule.clone(),
                        });
                    }
                } else {
                    mismatches.push(Mismatch::WrongValue {
                        gold_text: slice(g.span.start, g.span.end),
                        gold: g.value.clone(),
                        text: t.surface.clone(),
                        got: t.value.clone(),
                        rule: t.provenance.rule.clone(),
                    });
                }
                if t.timex_type.as_str() == g.timex_type {
                    s.timex_type += 1;
                }
            }
            None => mismatches.push(Mismatch::Missed {
                text: slice(g.span.start, g.span.end),
                value: g.value.clone(),
            }),
        }
    }
    for (i, t) in system.iter().enumerate() {
        if !used[i] {
            mismatches.push(Mismatch::Spurious {
                text: t.surface.clone(),
                value: t.value.clone(),
                rule: t.provenance.rule.clone(),
            });
        }
    }
    (s, mismatches)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::timeml::parse;

    #[test]
    fn strict_relaxed_and_value_counts() {
        let doc = parse("<DCT><TIMEX3 value=\"2022-03-01\"></TIMEX3></DCT><TEXT>Pada <TIMEX3 type=\"DATE\" value=\"2022-02-28\">hari Senin</TIMEX3> dan <TIMEX3 type=\"DATE\" value=\"2021\">tahun lalu</TIMEX3> serta <TIMEX3 type=\"DURATION\" value=\"P2D\">dua hari</TIMEX3>.</TEXT>").unwrap();
        let mut system = crate::time::tagger::tag_text(&doc.text, "id", doc.dct);
        // Make one wrong on purpose and drop one.
        system.retain(|t| t.surface != "dua hari");
        system[0].value = "2022-02-21".into();
        let (s, mismatches) = score(&doc, &system);
        assert_eq!(
            (s.gold, s.system, s.strict, s.relaxed, s.value),
            (3, 2, 2, 2, 1)
        );
        assert!((s.value().recall - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(mismatches.len(), 2);
    }

    #[test]
    fn a_right_value_over_another_extent_is_listed() {
        let doc = parse("<DCT><TIMEX3 value=\"2022-03-01\"></TIMEX3></DCT><TEXT>Pada <TIMEX3 type=\"DATE\" value=\"2022-02-28\">hari Senin</TIMEX3> lalu.</TEXT>").unwrap();
        let mut system = crate::time::tagger::tag_text(&doc.text, "id", doc.dct);
        assert_eq!(system.len(), 1);
        system[0].span.start -= "Pada ".len();
        system[0].surface = "Pada hari Senin".into();
        let (s, mismatches) = score(&doc, &system);
        assert_eq!((s.strict, s.relaxed, s.value), (0, 1, 1));
        assert!(matches!(
            &mismatches[..],
            [Mismatch::Extent { gold_text, text, .. }] if gold_text == "hari Senin" && text == "Pada hari Senin"
        ));
    }
}
