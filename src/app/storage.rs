//! The reader's saved state in IndexedDB: one record per added article, so a
//! full disk refuses only the new ones and never loses what is stored, and one
//! record for the corrections log. Records are the engine's own JSON, read
//! back through [`SavedState::from_json`] so old formats are migrated there.

use dateline_reader::corrections::Correction;
use dateline_reader::saved::{AddedArticle, SavedState, VERSION};
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

fn as_string(value: &JsValue) -> Option<String> {
    value.as_string()
}

/// Everything stored, as a [`SavedState`] (empty on first visit).
pub async fn load() -> Result<SavedState, String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ARTICLES, META], TransactionMode::ReadOnly)
        .map_err(describe)?;
    let articles = tx.object_store(ARTICLES).map_err(describe)?;
    let meta = tx.object_store(META).map_err(describe)?;
    let added: Vec<String> = articles
        .get_all(None, None)
        .map_err(describe)?
        .await
        .map_err(describe)?
        .iter()
        .filter_map(as_string)
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
    let corrections = corrections
        .as_ref()
        .and_then(as_string)
        .unwrap_or_else(|| "[]".into());
    let json = format!(
        "{{\"version\":{format},\"added\":[{}],\"corrections\":{corrections}}}",
        added.join(",")
    );
    SavedState::from_json(&json)
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
