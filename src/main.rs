//! The Dateline reader: the Yew app Trunk builds for the browser.

#[cfg(target_arch = "wasm32")]
mod app;
/// Messages to and from the import worker (`src/bin/import_worker.rs`).
mod import_protocol;

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "dateline-web is the browser reader: build it with `trunk build --release` \
         (see README.md); natively, use the `dateline` command."
    );
    std::process::exit(2);
}
