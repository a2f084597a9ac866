//! The open article: typed blocks, highlighted entities and dates, and an
//! entity card on hover or focus. Article text only ever becomes text nodes.

use super::Data;
use dateline_engine::article::BlockKind;
use dateline_engine::corpus::AnalyzedArticle;
use dateline_engine::label::Label;
use dateline_engine::text::Span;
use dateline_engine::timex;
use dateline_reader::highlight::{runs, Run};
use std::collections::BTreeSet;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub data: Data,
    pub open: Option<usize>,
    pub entity: Option<usize>,
    /// A sentence to bring into view.
    pub focus: Option<Span>,
    pub hidden: BTreeSet<Label>,
    pub on_entity: Callback<String>,
}

/// Which entity's card is shown, and where (relative to the article).
#[derive(Clone, Copy, PartialEq)]
struct Card {
    entity: usize,
    left: i32,
    top: i32,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let card = use_state(|| None::<Card>);
    let focus_ref = use_node_ref();
    let article_ref = use_node_ref();
    {
        let focus_ref = focus_ref.clone();
        let article_ref = article_ref.clone();
        use_effect_with((props.open, props.focus), move |_| {
            if let Some(el) = focus_ref.cast::<HtmlElement>() {
                el.scroll_into_view();
            } else if let Some(el) = article_ref.cast::<HtmlElement>() {
                // A newly opened article starts at its headline, not
                // wherever the previous one was scrolled to.
                if el.get_bounding_client_rect().top() < 0.0 {
                    el.scroll_into_view();
                }
            }
        });
    }
    let Some(index) = props.open else {
        return html! {
            <article class="reader empty" aria-label="No article open">
                <h2>{ "Pick an article" }</h2>
                <p>{ "Choose one from the list or the timeline, or press j. Highlighted names are entities: \
                      click one to follow it across the corpus; / searches; Esc clears the selection." }</p>
            </article>
        };
    };
    let analyzed = &props.data.corpus.articles[index];
    let article = &analyzed.article;
    if !props.data.complete {
        return html! {
            <article class="reader" aria-labelledby="reader-title" aria-busy="true">
                <header class="reader-head">
                    <p class="meta"><time datetime={article.date.to_string()}>{ article.date.to_string() }</time></p>
                    <h2 id="reader-title">{ article.title() }</h2>
                </header>
                <p class="hint">{ "Loading the article…" }</p>
            </article>
        };
    }
    let show_card = {
        let card = card.clone();
        Callback::from(move |(entity, el): (usize, HtmlElement)| {
            card.set(Some(Card {
                entity,
                left: el.offset_left(),
                top: el.offset_top() + el.offset_height() + 4,
            }));
        })
    };
    let hide_card = {
        let card = card.clone();
        Callback::from(move |_| card.set(None))
    };
    let ctx = BlockContext {
        analyzed,
        selected: props.entity,
        hidden: &props.hidden,
        data: &props.data,
        on_entity: &props.on_entity,
        show_card: &show_card,
        hide_card: &hide_card,
    };
    let blocks = &article.blocks;
    let mut body = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let block = blocks[i];
        let node_ref = match props.focus {
            Some(f) if block.span.contains(f) => focus_ref.clone(),
            _ => NodeRef::default(),
        };
        let focused = props.focus.is_some_and(|f| block.span.contains(f));
        let class = classes!(focused.then_some("focused"));
        match block.kind {
            BlockKind::Title | BlockKind::RepeatedTitle => {}
            BlockKind::Byline => body.push(html! { <p class="byline">{ ctx.inline(block.span) }</p> }),
            BlockKind::Summary => body.push(html! {
                <p class={classes!("summary", class)} ref={node_ref}>{ ctx.inline(block.span) }</p>
            }),
            BlockKind::Caption => body.push(html! {
                <figure class={classes!("caption", class)} ref={node_ref}>
                    <figcaption><span class="caption-tag">{ "Photo caption" }</span>{ ctx.inline(block.span) }</figcaption>
                </figure>
            }),
            BlockKind::Dateline => {
                let para = blocks.get(i + 1).filter(|b| b.kind == BlockKind::Paragraph);
                let node_ref = match (props.focus, para) {
                    (Some(f), Some(p)) if p.span.contains(f) => focus_ref.clone(),
                    _ => node_ref,
                };
                let focused = focused || para.is_some_and(|p| props.focus.is_some_and(|f| p.span.contains(f)));
                body.push(html! {
                    <p class={classes!(focused.then_some("focused"))} ref={node_ref}>
                        <span class="dateline">{ ctx.inline(block.span) }</span>{ " " }
                        { para.map(|p| ctx.inline(p.span)).unwrap_or_default() }
                    </p>
                });
                if para.is_some() {
                    i += 1;
                }
            }
            BlockKind::Paragraph => body.push(html! {
                <p class={class} ref={node_ref}>{ ctx.inline(block.span) }</p>
            }),
        }
        i += 1;
    }
    let card_html = card.as_ref().map(|c| entity_card(&props.data, *c));
    let title = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .map(|b| ctx.inline(b.span))
        .unwrap_or_default();
    html! {
        <article class="reader" aria-labelledby="reader-title" ref={article_ref}>
            <header class="reader-head">
                <p class="meta">
                    <time datetime={article.date.to_string()}>{ article.date.format("%A %-d %B %Y").to_string() }</time>
                    { " · " }<span class="source">{ display_source(&article.source) }</span>
                    if props.data.added.contains(&article.id) {
                        { " · " }<span class="badge">{ "added by you" }</span>
                    }
                </p>
                <h2 id="reader-title">{ title }</h2>
            </header>
            { for body }
            { card_html.unwrap_or_default() }
        </article>
    }
}

fn display_source(source: &str) -> &str {
    if source.is_empty() {
        "Unknown source"
    } else {
        source
    }
}

struct BlockContext<'a> {
    analyzed: &'a AnalyzedArticle,
    selected: Option<usize>,
    hidden: &'a BTreeSet<Label>,
    data: &'a Data,
    on_entity: &'a Callback<String>,
    show_card: &'a Callback<(usize, HtmlElement)>,
    hide_card: &'a Callback<()>,
}

impl BlockContext<'_> {
    /// The text of `span` with its mentions as `<mark>`s and dates as `<time>`s.
    fn inline(&self, span: Span) -> Html {
        let text = &self.analyzed.article.text;
        let runs = runs(
            span,
            &self.analyzed.mentions,
            &self.analyzed.timexes,
            self.hidden,
        );
        html! {
            { for runs.into_iter().map(|run| match run {
                Run::Text(s) => html! { { s.of(text) } },
                Run::Timex(i) => {
                    let t = &self.analyzed.timexes[i];
                    html! { <time class="timex" datetime={t.value.clone()} title={format!("{} ({})", timex::describe(&t.value, t.kind), t.value)}>{ t.span.of(text) }</time> }
                }
                Run::Mention(i) => self.mark(i),
            }) }
        }
    }

    fn mark(&self, i: usize) -> Html {
        let m = self.analyzed.mentions[i];
        let entity = &self.data.corpus.entities[m.entity];
        let id = entity.id.clone();
        let onclick = self.on_entity.reform(move |_: MouseEvent| id.clone());
        let onkeydown = {
            let id = entity.id.clone();
            let on_entity = self.on_entity.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    on_entity.emit(id.clone());
                }
            })
        };
        let entity_index = m.entity;
        let show = |cb: &Callback<(usize, HtmlElement)>| {
            let cb = cb.clone();
            move |target: HtmlElement| cb.emit((entity_index, target))
        };
        let on_enter = show(self.show_card);
        let on_focus = show(self.show_card);
        let hide = self.hide_card.clone();
        let hide2 = self.hide_card.clone();
        let selected = self.selected == Some(m.entity);
        html! {
            <mark class={classes!("entity", format!("label-{}", m.label.as_str().to_lowercase()), selected.then_some("selected"))}
                data-label={m.label.as_str()} data-entity={entity.id.clone()}
                tabindex="0" role="button" aria-pressed={selected.to_string()}
                aria-label={format!("{} ({})", m.span.of(&self.analyzed.article.text), m.label.description())}
                onclick={onclick} onkeydown={onkeydown}
                onmouseenter={Callback::from(move |e: MouseEvent| on_enter(e.target_unchecked_into()))}
                onfocus={Callback::from(move |e: FocusEvent| on_focus(e.target_unchecked_into()))}
                onmouseleave={Callback::from(move |_: MouseEvent| hide.emit(()))}
                onblur={Callback::from(move |_: FocusEvent| hide2.emit(()))}>
                { m.span.of(&self.analyzed.article.text) }
            </mark>
        }
    }
}

/// Type, aliases, mention count and articles of one entity.
fn entity_card(data: &Data, card: Card) -> Html {
    // The corpus may have been re-analysed (an import, a correction) while
    // the card was open: an entity that is gone shows no card.
    let Some(e) = data.corpus.entities.get(card.entity) else {
        return html! {};
    };
    let titles: Vec<String> = e
        .articles
        .iter()
        .map(|&a| {
            let article = &data.corpus.articles[a].article;
            format!("{} — {}", article.date, article.title())
        })
        .collect();
    html! {
        <div class="entity-card" role="tooltip" style={format!("left:{}px;top:{}px", card.left, card.top)}>
            <p class="card-name">{ &e.name }</p>
            <p class="card-type"><span class={classes!("swatch", format!("label-{}", e.label.as_str().to_lowercase()))}></span>
                { e.label.description() }</p>
            if !e.aliases.is_empty() {
                <p class="card-aliases">{ format!("Also: {}", e.aliases.join(", ")) }</p>
            }
            <p>{ format!("{} mention{} in {} article{}", e.mention_count, plural(e.mention_count), e.articles.len(), plural(e.articles.len())) }</p>
            <ul>{ for titles.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul>
        </div>
    }
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
