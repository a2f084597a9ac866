//! "Your articles": add files or a folder, date undated files, see import
//! progress and messages, export and import the reader's work.

use super::io::{Notice, Progress, Undated};
use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What to download.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Json,
    EntitiesCsv,
    EventsCsv,
}

#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    /// Saved articles are still loading.
    pub loading: bool,
    pub added: usize,
    pub progress: Option<Progress>,
    pub undated: Vec<Undated>,
    pub notices: Vec<Notice>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_state_file: Callback<web_sys::File>,
    pub on_date: Callback<(Undated, NaiveDate)>,
    pub on_export: Callback<ExportKind>,
    pub on_dismiss: Callback<usize>,
}

/// The files chosen in a file input, which is then reset so the same file
/// can be chosen again.
fn take_files(e: &Event) -> Vec<web_sys::File> {
    let input: HtmlInputElement = e.target_unchecked_into();
    let files = input.files().map_or_else(Vec::new, |list| {
        (0..list.length()).filter_map(|i| list.get(i)).collect()
    });
    input.set_value("");
    files
}

#[function_component(Tools)]
pub fn tools(props: &ToolsProps) -> Html {
    let on_files = props.on_files.reform(|e: Event| take_files(&e));
    let on_folder = props.on_files.reform(|e: Event| take_files(&e));
    let on_state = {
        let cb = props.on_state_file.clone();
        Callback::from(move |e: Event| {
            if let Some(f) = take_files(&e).into_iter().next() {
                cb.emit(f);
            }
        })
    };
    let export = |kind| props.on_export.reform(move |_: MouseEvent| kind);
    html! {
        <section class="tools" aria-label="Your articles"
            aria-busy={(props.loading || props.progress.is_some()).to_string()}>
            <h2 class="panel-title">{ "Your articles" }
                <span class="count">{ format!("{} added", props.added) }</span></h2>
            <p class="hint">{ "Add .txt articles (or drop them on the page). They are analysed here and stay in this browser." }</p>
            <div class="tool-row">
                <label class="button">{ "Add files…" }
                    <input type="file" class="visually-hidden" multiple=true accept=".txt,text/plain" onchange={on_files} aria-label="Add article files" />
                </label>
                <label class="button">{ "Add a folder…" }
                    <input type="file" class="visually-hidden" webkitdirectory=true multiple=true onchange={on_folder} aria-label="Add a folder of articles" />
                </label>
            </div>
            if let Some(p) = props.progress {
                <p class="progress" role="status">
                    <progress max={p.total.to_string()} value={p.done.to_string()}></progress>
                    { format!(" Analysing {} of {}…", p.done, p.total) }
                </p>
            }
            { for props.undated.iter().map(|u| undated_form(u, &props.on_date)) }
            <ul class="notices" aria-live="polite">
                { for props.notices.iter().enumerate().map(|(i, n)| {
                    let (class, text) = match n {
                        Notice::Info(t) => ("info", t),
                        Notice::Error(t) => ("error", t),
                    };
                    html! {
                        <li class={classes!("notice-item", class)} role={(class == "error").then_some("alert")}>
                            <span>{ text }</span>
                            <button type="button" class="dismiss" aria-label="Dismiss message"
                                onclick={props.on_dismiss.reform(move |_: MouseEvent| i)}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
            <div class="tool-row">
                <button type="button" onclick={export(ExportKind::Json)}>{ "Export JSON" }</button>
                <button type="button" onclick={export(ExportKind::EntitiesCsv)}>{ "Entities CSV" }</button>
                <button type="button" onclick={export(ExportKind::EventsCsv)}>{ "Events CSV" }</button>
                <label class="button">{ "Import state…" }
                    <input type="file" class="visually-hidden" accept=".json,application/json" onchange={on_state} aria-label="Import a saved state" />
                </label>
            </div>
        </section>
    }
}

/// Asks for the date of a file that has neither header nor written date.
fn undated_form(file: &Undated, on_date: &Callback<(Undated, NaiveDate)>) -> Html {
    let input_id = format!("date-{}", file.path);
    let onsubmit = {
        let file = file.clone();
        let on_date = on_date.clone();
        let input_id = input_id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = gloo::utils::document()
                .get_element_by_id(&input_id)
                .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            if let Ok(date) = NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                on_date.emit((file.clone(), date));
            }
        })
    };
    html! {
        <form class="undated" {onsubmit}>
            <label for={input_id.clone()}>{ format!("{} has no date: when was it published?", file.path) }</label>
            <input id={input_id} type="date" required=true />
            <button type="submit">{ "Add" }</button>
        </form>
    }
}
