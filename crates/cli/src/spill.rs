//! Article bodies parked on disk between the two passes of `dateline
//! bundle`: the first pass tags every article and writes its text and
//! blocks here, the second reads them back in reading order to fill the
//! chunks, so a corpus larger than memory still bundles.

use dateline_engine::analysis::Body;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Where one body is in the spill file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parked {
    offset: u64,
    len: u64,
}

impl Parked {
    /// Its size on disk, in bytes (about its text's).
    pub fn bytes(self) -> u64 {
        self.len
    }
}

/// The spill file, removed when dropped: after the build, and also when it
/// stops on an error.
struct Removed(PathBuf);

impl Drop for Removed {
    fn drop(&mut self) {
        // Nothing to do if it is already gone.
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The spill file while bodies are written to it (the first pass).
pub struct Spill {
    path: Removed,
    writer: BufWriter<File>,
    written: u64,
}

/// A body encoded for the spill (see [`encode`]).
pub type Encoded = Vec<u8>;

/// `body` as the spill stores it; done on any thread, then [`Spill::park`]ed.
pub fn encode(body: &Body) -> Encoded {
    postcard::to_allocvec(body).expect("a body serialises")
}

/// True for the name of a spill file, this build's or one a build that was
/// killed (or aborted on a panic, which runs no `Drop`) left behind: the
/// next build into the same folder removes it, so it is never deployed.
pub fn is_spill(name: &str) -> bool {
    name.starts_with(SPILL_PREFIX) && name.ends_with(".tmp")
}

const SPILL_PREFIX: &str = ".dateline-spill-";

impl Spill {
    /// A new spill file in `dir` (a hidden file, named after this process).
    pub fn create(dir: &Path) -> io::Result<Spill> {
        let path = dir.join(format!("{SPILL_PREFIX}{}.tmp", std::process::id()));
        // Read and write: the second pass reads it back through the same handle.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)?;
        Ok(Spill {
            path: Removed(path),
            writer: BufWriter::new(file),
            written: 0,
        })
    }

    /// Appends an encoded body; returns where it is.
    pub fn park(&mut self, encoded: &[u8]) -> io::Result<Parked> {
        self.writer.write_all(encoded)?;
        let parked = Parked {
            offset: self.written,
            len: encoded.len() as u64,
        };
        self.written += parked.len;
        Ok(parked)
    }

    /// Ends the writing; the bodies can be read back, in any order.
    pub fn into_reader(self) -> io::Result<Unspill> {
        let file = self.writer.into_inner().map_err(|e| e.into_error())?;
        Ok(Unspill {
            _path: self.path,
            file,
        })
    }
}

/// The spill file while bodies are read back (the second pass).
pub struct Unspill {
    _path: Removed,
    file: File,
}

impl Unspill {
    /// The body parked at `at`.
    pub fn take(&mut self, at: Parked) -> io::Result<Body> {
        let mut bytes = vec![0; at.len as usize];
        self.file.seek(SeekFrom::Start(at.offset))?;
        self.file.read_exact(&mut bytes)?;
        postcard::from_bytes(&bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_engine::article::{Block, BlockKind};
    use dateline_engine::text::Span;

    fn body(text: &str) -> Body {
        Body {
            text: text.to_string(),
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                span: Span::new(0, text.len()),
            }],
        }
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dateline-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn bodies_come_back_in_any_order_and_the_file_goes_away() {
        let dir = temp_dir("spill");
        let bodies = [
            body("Ankara, Monday."),
            body(""),
            body("Türkiye’s “S-400s”."),
        ];
        let mut spill = Spill::create(&dir).unwrap();
        let parked: Vec<Parked> = bodies
            .iter()
            .map(|b| spill.park(&encode(b)).unwrap())
            .collect();
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        let mut reader = spill.into_reader().unwrap();
        for i in [2, 0, 1, 2] {
            assert_eq!(reader.take(parked[i]).unwrap(), bodies[i]);
        }
        drop(reader);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        std::fs::remove_dir(&dir).unwrap();
    }

    #[test]
    fn a_spill_file_is_known_by_its_name() {
        let dir = temp_dir("spill-name");
        let spill = Spill::create(&dir).unwrap();
        let name = spill
            .path
            .0
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(is_spill(&name), "{name}");
        assert!(!is_spill("chunk-00000-0123456789abcdef.bin") && !is_spill("a.tmp"));
        drop(spill);
        std::fs::remove_dir(&dir).unwrap();
    }

    #[test]
    fn a_spill_dropped_while_written_is_removed_too() {
        let dir = temp_dir("spill-dropped");
        let mut spill = Spill::create(&dir).unwrap();
        spill.park(&encode(&body("text"))).unwrap();
        drop(spill);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        std::fs::remove_dir(&dir).unwrap();
    }
}
