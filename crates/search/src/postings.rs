//! Posting lists: for one term, the articles it occurs in and how. Stored as
//! LEB128 varints, articles as gaps from the previous one, so a term in
//! every article costs about two bytes per article.
//!
//! One posting is `gap, fields` where `fields` is the body term frequency
//! shifted left by two, with bit 1 set when the term is in the title and
//! bit 0 when it is in the name of an entity the article mentions. Titles
//! and names are short, so whether the term is there is what counts.

/// How a term occurs in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The article (corpus index).
    pub doc: u32,
    /// Occurrences in the body.
    pub body: u32,
    /// In the title.
    pub title: bool,
    /// In the name of an entity the article mentions.
    pub entity: bool,
}

impl Posting {
    fn fields(self) -> u32 {
        (self.body.min(u32::MAX >> 2) << 2) | (u32::from(self.title) << 1) | u32::from(self.entity)
    }
}

/// Appends the posting list of `postings` (ascending `doc`) to `out`.
pub fn encode(postings: &[Posting], out: &mut Vec<u8>) {
    write_count(postings.len() as u32, out);
    let mut previous = 0;
    for &p in postings {
        let gap = Posting {
            doc: p.doc - previous,
            ..p
        };
        encode_one(gap, out);
        previous = p.doc;
    }
}

/// Appends the number of postings a list holds (it comes first).
pub fn write_count(count: u32, out: &mut Vec<u8>) {
    write_varint(out, count);
}

/// Appends one posting whose `doc` is already the gap from the previous one.
pub fn encode_one(gap: Posting, out: &mut Vec<u8>) {
    write_varint(out, gap.doc);
    write_varint(out, gap.fields());
}

/// Reads the posting list that starts at `at` in `bytes`. A list cut short
/// (a damaged part) ends early instead of panicking.
pub fn decode(bytes: &[u8], at: usize) -> impl Iterator<Item = Posting> + '_ {
    let mut reader = Reader {
        bytes,
        at: at.min(bytes.len()),
    };
    let count = reader.varint().unwrap_or(0);
    let mut doc = 0u32;
    (0..count).map_while(move |_| {
        doc = doc.checked_add(reader.varint()?)?;
        let fields = reader.varint()?;
        Some(Posting {
            doc,
            body: fields >> 2,
            title: fields & 2 != 0,
            entity: fields & 1 != 0,
        })
    })
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            value |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(doc: u32, body: u32, title: bool, entity: bool) -> Posting {
        Posting {
            doc,
            body,
            title,
            entity,
        }
    }

    #[test]
    fn lists_round_trip_and_sit_side_by_side() {
        let first = [posting(0, 3, true, false), posting(7, 0, false, true)];
        let second = [
            posting(5, 1, false, false),
            posting(300_000, 200, true, true),
        ];
        let mut bytes = Vec::new();
        encode(&first, &mut bytes);
        let at = bytes.len();
        encode(&second, &mut bytes);
        assert_eq!(decode(&bytes, 0).collect::<Vec<_>>(), first);
        assert_eq!(decode(&bytes, at).collect::<Vec<_>>(), second);
    }

    #[test]
    fn damaged_lists_end_early() {
        let mut bytes = Vec::new();
        encode(
            &[posting(1, 1, false, false), posting(2, 1, false, false)],
            &mut bytes,
        );
        bytes.truncate(bytes.len() - 1);
        assert_eq!(decode(&bytes, 0).count(), 1);
        assert_eq!(decode(&bytes, 99).count(), 0);
        assert_eq!(decode(&[0xff; 8], 0).count(), 0);
    }
}
