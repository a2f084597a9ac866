//! The reader's saved state in IndexedDB: one record per added article, so a
//! full disk refuses only the new ones and never loses what is stored, and one
//! record for the corrections log. Records are the engine's own JSON, read
//! back one by one through [`SavedState::from_records`], so old formats are
//! migrated there and one damaged record hides nothing else.

use dateline_reader::corrections::Correction;
use dateline_reader::saved::{AddedArticle, SavedState, Unreadable, VERSION};
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, Query, TransactionMode};
use wasm_bindgen::JsValue;

const DB_NAME: &str = "dateline";
const DB_VERSION: u32 = 1;
const ARTICLES: &str = "articles";
const META: &str = "meta";
const FORMAT_KEY: &str = "format";
const CORRECTIONS_KEY: &str = "corrections";

/// A storage failure, worded for the reader.
fn describe(e: idb::Error) -> String {
    let text = format!("{e:?}");
    if text.contains("QuotaExceeded") {
        "the browser's storage for this page is full: remove some added articles or free space"
            .into()
    } else {
        format!("the browser refused to store it ({text})")
    }
}

async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(describe)?;
    let mut request = factory.open(DB_NAME, Some(DB_VERSION)).map_err(describe)?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            for store in [ARTICLES, META] {
                if !db.store_names().iter().any(|s| s == store) {
                    let _ = db.create_object_store(store, ObjectStoreParams::new());
                }
            }
        }
    });
    request.await.map_err(describe)
}

/// What [`load`] found: the state it could read, and the records it could
/// not (left out and named; see [`load`] for what happens to them).
pub struct Stored {
    pub state: SavedState,
    pub unreadable: Vec<Unreadable>,
}

/// Everything stored, as a [`SavedState`] (empty on first visit). Records are
/// read one by one: a damaged article record is left out, named, and kept
/// in storage as it is (adding a file of the same name replaces it); a
/// damaged corrections log is named and set aside under its own key, so the
/// next correction saved does not overwrite it.
pub async fn load() -> Result<Stored, String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ARTICLES, META], TransactionMode::ReadOnly)
        .map_err(describe)?;
    let articles = tx.object_store(ARTICLES).map_err(describe)?;
    let meta = tx.object_store(META).map_err(describe)?;
    let keys = articles
        .get_all_keys(None, None)
        .map_err(describe)?
        .await
        .map_err(describe)?;
    let values = articles
        .get_all(None, None)
        .map_err(describe)?
        .await
        .map_err(describe)?;
    let added: Vec<(String, Option<String>)> = keys
        .iter()
        .zip(values.iter())
        .map(|(k, v)| {
            (
                k.as_string().unwrap_or_else(|| format!("{k:?}")),
                v.as_string(),
            )
        })
        .collect();
    let get = |key: &str| meta.get(Query::Key(JsValue::from_str(key)));
    let format = get(FORMAT_KEY).map_err(describe)?.await.map_err(describe)?;
    let corrections = get(CORRECTIONS_KEY)
        .map_err(describe)?
        .await
        .map_err(describe)?;
    let format = format
        .and_then(|v| v.as_f64())
        .map_or(VERSION, |v| v as u32);
    // A corrections record that is not text is read as JSON that cannot be
    // a corrections log, so it is named like any other damaged one.
    let corrections_json = corrections
        .as_ref()
        .map(|v| v.as_string().unwrap_or_else(|| "not text".into()));
    let (state, mut unreadable) =
        SavedState::from_records(format, &added, corrections_json.as_deref());
    if let (Some(raw), Some(u)) = (
        corrections,
        unreadable.iter_mut().find(|u| u.record == CORRECTIONS_KEY),
    ) {
        // What happened to the log, for the reader's message.
        u.reason = match set_aside(&db, CORRECTIONS_KEY, &raw).await {
            Ok(()) => format!(
                "{}; they were set aside in this browser's storage, where no new correction \
                 overwrites them",
                u.reason
            ),
            Err(e) => format!(
                "{}; they could not be set aside ({e}), so the next correction replaces them",
                u.reason
            ),
        };
    }
    Ok(Stored { state, unreadable })
}

/// Moves a meta record that cannot be read to a key of its own
/// (`KEY-unreadable-TIME`), where nothing overwrites it.
async fn set_aside(db: &Database, key: &str, raw: &JsValue) -> Result<(), String> {
    let tx = db
        .transaction(&[META], TransactionMode::ReadWrite)
        .map_err(describe)?;
    let meta = tx.object_store(META).map_err(describe)?;
    let aside = format!("{key}-unreadable-{}", js_sys::Date::now());
    meta.put(raw, Some(&JsValue::from_str(&aside)))
        .map_err(describe)?
        .await
        .map_err(describe)?;
    meta.delete(Query::Key(JsValue::from_str(key)))
        .map_err(describe)?
        .await
        .map_err(describe)?;
    tx.commit().map_err(describe)?.await.map_err(describe)?;
    Ok(())
}

/// Stores added articles in one transaction: all of them or, on a full
/// disk, none (what was stored before stays).
pub async fn put_articles(articles: &[AddedArticle]) -> Result<(), String> {
    write(false, articles, None).await
}

/// Replaces the stored corrections log.
pub async fn put_corrections(corrections: &[Correction]) -> Result<(), String> {
    write(false, &[], Some(corrections)).await
}

/// Replaces everything stored with `state` (importing a saved state), in one
/// transaction so a failure leaves the old state intact.
pub async fn replace_all(state: &SavedState) -> Result<(), String> {
    write(true, &state.added, Some(&state.corrections)).await
}

/// Forgets one added article.
pub async fn delete_article(path: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ARTICLES], TransactionMode::ReadWrite)
        .map_err(describe)?;
    let store = tx.object_store(ARTICLES).map_err(describe)?;
    store
        .delete(Query::Key(JsValue::from_str(path)))
        .map_err(describe)?
        .await
        .map_err(describe)?;
    tx.commit().map_err(describe)?.await.map_err(describe)?;
    Ok(())
}

async fn write(
    clear: bool,
    articles: &[AddedArticle],
    corrections: Option<&[Correction]>,
) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ARTICLES, META], TransactionMode::ReadWrite)
        .map_err(describe)?;
    let store = tx.object_store(ARTICLES).map_err(describe)?;
    let meta = tx.object_store(META).map_err(describe)?;
    if clear {
        store.clear().map_err(describe)?.await.map_err(describe)?;
        meta.clear().map_err(describe)?.await.map_err(describe)?;
    }
    let mut records: Vec<(&idb::ObjectStore, String, JsValue)> = Vec::new();
    for a in articles {
        let json = serde_json::to_string(a).map_err(|e| e.to_string())?;
        records.push((&store, a.path.clone(), JsValue::from_str(&json)));
    }
    if let Some(corrections) = corrections {
        let json = serde_json::to_string(corrections).map_err(|e| e.to_string())?;
        records.push((&meta, CORRECTIONS_KEY.into(), JsValue::from_str(&json)));
    }
    records.push((
        &meta,
        FORMAT_KEY.into(),
        JsValue::from_f64(f64::from(VERSION)),
    ));
    for (target, key, value) in records {
        target
            .put(&value, Some(&JsValue::from_str(&key)))
            .map_err(describe)?
            .await
            .map_err(describe)?;
    }
    tx.commit().map_err(describe)?.await.map_err(describe)?;
    Ok(())
}
