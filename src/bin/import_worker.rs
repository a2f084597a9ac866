//! The import worker (`dateline-import`): reads and tags the articles the
//! reader adds, off the page's main thread. Trunk builds it as a Web Worker
//! (`data-type="worker"` in index.html: `dateline-import.js`, its wasm and
//! `dateline-import_loader.js`); the single-file build starts it from a Blob
//! URL. Only this wasm holds the entity model and the tagger; the reader's
//! own wasm only links tagged articles. Messages: `src/import_protocol.rs`.

#[path = "../import_protocol.rs"]
mod import_protocol;

#[cfg(target_arch = "wasm32")]
mod worker {
    use super::import_protocol::{self as protocol, Reply, Request};
    use dateline_reader::saved::AddedArticle;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// One article (an `AddedArticle` as JSON) read and tagged, its
    /// [`protocol::Outcome`] as JSON. The page calls this directly when it
    /// had to load this module into itself (no worker could start).
    #[wasm_bindgen]
    pub fn analyse(article: &str) -> Result<String, JsError> {
        let added: AddedArticle = protocol::decode(article).map_err(|e| JsError::new(&e))?;
        Ok(protocol::encode(&protocol::analyse(&added)))
    }

    fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
        // Posting a string to the page cannot fail.
        let _ = scope.post_message(&JsValue::from_str(&protocol::encode(reply)));
    }

    /// In a worker: answers requests, one reply per article as it is done.
    /// Loaded into a page (the fallback), it does nothing: the page calls
    /// [`analyse`].
    pub fn start() {
        let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
            return;
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
            let request = event
                .data()
                .as_string()
                .ok_or_else(|| "not a string".to_string())
                .and_then(|text| protocol::decode::<Request>(&text));
            match request {
                Ok(request) => {
                    for (index, added) in request.articles.iter().enumerate() {
                        let outcome = protocol::analyse(added);
                        post(
                            &scope,
                            &Reply::Tagged {
                                job: request.job,
                                index: index as u32,
                                outcome,
                            },
                        );
                    }
                }
                Err(error) => post(&scope, &Reply::Refused { error }),
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page: so does its handler.
        on_message.forget();
        post(&scope, &Reply::Ready);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "dateline-import is the reader's import worker: Trunk builds it for the browser \
         (see index.html); natively, use the `dateline` command."
    );
    std::process::exit(2);
}
