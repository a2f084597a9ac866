//! The article list: date, source and title of every article the current
//! filters let through, as links that are also deep links.

use super::Data;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub data: Data,
    pub visible: Rc<Vec<usize>>,
    pub open: Option<usize>,
    pub on_open: Callback<String>,
    /// Removes an article the reader added, by id.
    pub on_remove: Callback<String>,
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let total = props.data.corpus.articles.len();
    let items = props.visible.iter().map(|&i| {
        let a = &props.data.corpus.articles[i].article;
        let id = a.id.clone();
        let onclick = props.on_open.reform(move |e: MouseEvent| {
            e.prevent_default();
            id.clone()
        });
        let current = props.open == Some(i);
        let added = props.data.added.contains(&a.id);
        let remove = {
            let id = a.id.clone();
            props.on_remove.reform(move |_: MouseEvent| id.clone())
        };
        html! {
            <li key={a.id.clone()} class={classes!(added.then_some("added"))}>
                <a href={format!("#article={}", a.id)} {onclick}
                    aria-current={current.then_some("true")} class={classes!(current.then_some("current"))}>
                    <span class="item-meta">
                        <time datetime={a.date.to_string()}>{ a.date.to_string() }</time>
                        { " · " }{ if a.source.is_empty() { "Unknown source" } else { &a.source } }
                    </span>
                    <span class="item-title">{ a.title() }</span>
                    if added {
                        <span class="badge">{ "added" }</span>
                    }
                </a>
                if added {
                    <button type="button" class="remove" onclick={remove}
                        aria-label={format!("Remove {}", a.title())} title="Remove this added article">{ "×" }</button>
                }
            </li>
        }
    });
    html! {
        <section class="article-list" aria-label="Articles">
            <h2 class="panel-title">{ "Articles " }
                <span class="count" aria-live="polite">{ format!("{} of {}", props.visible.len(), total) }</span>
            </h2>
            if props.visible.is_empty() {
                <p class="hint">{ "No article matches. Press Esc to clear the selection, or change the search." }</p>
            }
            <ol>{ for items }</ol>
        </section>
    }
}
