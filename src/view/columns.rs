//! The timeline's events as columns in one binary message.
//!
//! The timeline shows every matching event (100,000 and more), so it cannot take the
//! listing's JSON rows: serialising, sending and parsing them costs seconds. It gets one
//! little-endian buffer instead, decoded in the page without parsing a number:
//!
//! ```text
//! "LTC1"                    4 bytes, magic and version
//! u32  header length        bytes of the JSON header, a multiple of 4 (padded with spaces)
//! header                    JSON: count, actor_refs, place_refs and the string tables
//! i32  id[count]
//! i32  earliest[count]      day number (days since 1970-01-01), NO_DAY when unknown
//! i32  latest[count]
//! i32  precision[count]     index into header.precisions
//! i32  cameo[count]         index into header.cameos
//! i32  modality[count]      index into header.modalities
//! f32  confidence[count]
//! i32  reports[count]       articles reporting the event (1 when not grouped)
//! i32  article[count]       index into header.articles
//! i32  value[count]         index into header.values (the TIMEX3 value), -1 when none
//! i32  actor_start[count+1] event k's participants are actor_start[k]..actor_start[k+1]
//! i32  place_start[count+1]
//! i32  actor[actor_refs]    index into header.actors (the actor each participant counts as)
//! i32  role[actor_refs]     index into header.roles
//! i32  place[place_refs]    index into header.places
//! ```
//!
//! `ui/src/backend/columns.ts` decodes it; `ui/src/backend/columns.sample.bin` (written by
//! the integration tests) keeps the two sides in step.

use serde::{Deserialize, Serialize};

/// The day number written for an unknown bound.
pub const NO_DAY: i32 = i32::MIN;

const MAGIC: &[u8; 4] = b"LTC1";

/// An article as the timeline names it: title and publisher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnArticle {
    pub title: String,
    pub publisher: Option<String>,
}

/// The string tables the columns index into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ColumnTables {
    pub actors: Vec<String>,
    pub roles: Vec<String>,
    pub places: Vec<String>,
    pub cameos: Vec<String>,
    pub precisions: Vec<String>,
    pub modalities: Vec<String>,
    pub values: Vec<String>,
    pub articles: Vec<ColumnArticle>,
}

/// The events matching a query, in date order (undated last), one vector per field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineColumns {
    pub id: Vec<i32>,
    pub earliest: Vec<i32>,
    pub latest: Vec<i32>,
    pub precision: Vec<i32>,
    pub cameo: Vec<i32>,
    pub modality: Vec<i32>,
    pub confidence: Vec<f32>,
    pub reports: Vec<i32>,
    pub article: Vec<i32>,
    pub value: Vec<i32>,
    pub actor_start: Vec<i32>,
    pub place_start: Vec<i32>,
    pub actor: Vec<i32>,
    pub role: Vec<i32>,
    pub place: Vec<i32>,
    pub tables: ColumnTables,
}

#[derive(Serialize, Deserialize)]
struct Header {
    count: usize,
    actor_refs: usize,
    place_refs: usize,
    #[serde(flatten)]
    tables: ColumnTables,
}

/// Why a buffer is not timeline columns.
#[derive(Debug, thiserror::Error)]
#[error("not timeline columns: {0}")]
pub struct ColumnsError(String);

impl TimelineColumns {
    pub fn len(&self) -> usize {
        self.id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }

    /// The binary message described in the module documentation.
    pub fn encode(&self) -> Vec<u8> {
        let header = Header {
            count: self.len(),
            actor_refs: self.actor.len(),
            place_refs: self.place.len(),
            tables: self.tables.clone(),
        };
        let mut json = serde_json::to_vec(&header).expect("the header serialises");
        while json.len() % 4 != 0 {
            json.push(b' ');
        }
        let ints = [
            &self.id,
            &self.earliest,
            &self.latest,
            &self.precision,
            &self.cameo,
            &self.modality,
        ];
        let mut out = Vec::with_capacity(
            8 + json.len() + 4 * (14 * self.len() + 2 * self.actor.len() + self.place.len()),
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(json.len() as u32).to_le_bytes());
        out.extend_from_slice(&json);
        for column in ints {
            put_i32s(&mut out, column);
        }
        for x in &self.confidence {
            out.extend_from_slice(&x.to_le_bytes());
        }
        for column in [
            &self.reports,
            &self.article,
            &self.value,
            &self.actor_start,
            &self.place_start,
            &self.actor,
            &self.role,
            &self.place,
        ] {
            put_i32s(&mut out, column);
        }
        out
    }

    /// Reads a message written by [`TimelineColumns::encode`].
    pub fn decode(bytes: &[u8]) -> Result<Self, ColumnsError> {
        let fail = |what: &str| ColumnsError(what.to_string());
        if bytes.len() < 8 || &bytes[..4] != MAGIC {
            return Err(fail("the magic bytes are missing"));
        }
        let header_len = u32::from_le_bytes(bytes[4..8].try_into().expect("4 bytes")) as usize;
        let header_end = 8usize
            .checked_add(header_len)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| fail("the header runs past the end"))?;
        let header: Header = serde_json::from_slice(&bytes[8..header_end])
            .map_err(|e| ColumnsError(format!("bad header: {e}")))?;
        let mut reader = Reader {
            bytes,
            at: header_end,
        };
        let n = header.count;
        let mut columns = TimelineColumns {
            id: reader.i32s(n)?,
            earliest: reader.i32s(n)?,
            latest: reader.i32s(n)?,
            precision: reader.i32s(n)?,
            cameo: reader.i32s(n)?,
            modality: reader.i32s(n)?,
            confidence: reader
                .i32s(n)?
                .into_iter()
                .map(|bits| f32::from_bits(bits as u32))
                .collect(),
            reports: reader.i32s(n)?,
            article: reader.i32s(n)?,
            value: reader.i32s(n)?,
            actor_start: reader.i32s(n + 1)?,
            place_start: reader.i32s(n + 1)?,
            actor: reader.i32s(header.actor_refs)?,
            role: reader.i32s(header.actor_refs)?,
            place: reader.i32s(header.place_refs)?,
            tables: ColumnTables::default(),
        };
        if reader.at != bytes.len() {
            return Err(fail("bytes are left over after the columns"));
        }
        columns.tables = header.tables;
        Ok(columns)
    }
}

fn put_i32s(out: &mut Vec<u8>, column: &[i32]) {
    for x in column {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn i32s(&mut self, n: usize) -> Result<Vec<i32>, ColumnsError> {
        let end = n
            .checked_mul(4)
            .and_then(|len| self.at.checked_add(len))
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| ColumnsError("a column runs past the end".into()))?;
        let column = self.bytes[self.at..end]
            .chunks_exact(4)
            .map(|c| i32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        self.at = end;
        Ok(column)
    }
}

/// Builds a string table while columns are filled: each distinct string gets one index.
#[derive(Default)]
pub struct Interner {
    index: std::collections::HashMap<String, i32>,
    pub strings: Vec<String>,
}

impl Interner {
    pub fn get(&mut self, s: &str) -> i32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.strings.len() as i32;
        self.strings.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> TimelineColumns {
        TimelineColumns {
            id: vec![7, 9],
            earliest: vec![19052, NO_DAY],
            latest: vec![19052, NO_DAY],
            precision: vec![0, 1],
            cameo: vec![0, 0],
            modality: vec![0, 0],
            confidence: vec![0.75, 0.5],
            reports: vec![2, 1],
            article: vec![0, 0],
            value: vec![-1, 0],
            actor_start: vec![0, 2, 2],
            place_start: vec![0, 0, 1],
            actor: vec![0, 1],
            role: vec![0, 0],
            place: vec![0],
            tables: ColumnTables {
                actors: vec!["Rusia \"Moskow\"".into(), "Ukraina".into()],
                roles: vec!["agent".into()],
                places: vec!["Kharkiv".into()],
                cameos: vec!["04".into()],
                precisions: vec!["day".into(), "month".into()],
                modalities: vec!["asserted".into()],
                values: vec!["2022-03".into()],
                articles: vec![ColumnArticle {
                    title: "Ukraina – Rusia".into(),
                    publisher: None,
                }],
            },
        }
    }

    #[test]
    fn columns_round_trip() {
        let columns = sample();
        let bytes = columns.encode();
        assert_eq!(bytes.len() % 4, 0);
        assert_eq!(TimelineColumns::decode(&bytes).unwrap(), columns);
    }

    #[test]
    fn truncated_columns_are_refused() {
        let bytes = sample().encode();
        for cut in [0, 3, 8, 20, bytes.len() - 4] {
            assert!(
                TimelineColumns::decode(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.extend_from_slice(&[0; 4]);
        assert!(TimelineColumns::decode(&longer).is_err());
    }
}
