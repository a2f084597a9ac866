//! The bundle decoder on any bytes, as every part kind: a part or a clear
//! error (and a search head that decodes opens as an index or an error).
#![no_main]
use dateline_bundle::Bundle;
use dateline_search::query::Query;
use dateline_search::ranking::search;
use dateline_search::SearchIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    open_parts(data);
    if let Ok(head) = Bundle::decode_search_head(data) {
        if let Ok(index) = SearchIndex::from_head(head.head) {
            let _ = search(&index, &Query::parse("turkey s-4"));
        }
    }
    let _ = Bundle::decode_search_shard(data);
    // The payload alone, behind a valid header for each kind, reaches the
    // decoders past the checksum.
    for kind in 0u8..=5 {
        let framed = frame(kind, data);
        open_parts(&framed);
        if let Ok(head) = Bundle::decode_search_head(&framed) {
            if let Ok(index) = SearchIndex::from_head(head.head) {
                let _ = search(&index, &Query::parse("turkey s-4"));
            }
        }
        let _ = Bundle::decode_search_shard(&framed);
    }
});

/// The boot part, names, links and chunk decoders on `bytes`; a boot part
/// that decodes makes a skeleton.
fn open_parts(bytes: &[u8]) {
    let _ = Bundle::decode_chunk(bytes);
    let _ = Bundle::decode_names(bytes);
    let _ = Bundle::decode_links(bytes);
    if let Ok(boot) = Bundle::decode_boot(bytes) {
        let _ = dateline_bundle::skeleton(&boot);
    }
}

/// `payload` deflated behind a well-formed header of `kind`.
fn frame(kind: u8, payload: &[u8]) -> Vec<u8> {
    let deflated = miniz_oxide::deflate::compress_to_vec(payload, 1);
    let mut out = b"DATELINE".to_vec();
    out.extend_from_slice(&dateline_bundle::FORMAT_VERSION.to_le_bytes());
    out.push(kind);
    out.push(0);
    out.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&deflated).to_le_bytes());
    out.extend_from_slice(&deflated);
    out
}
