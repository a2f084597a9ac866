//! The card shown for the item under the pointer or in keyboard focus: what
//! it is, when, and what choosing it does. Visual only (`aria-hidden`): the
//! focused button's name already says the same to a screen reader.

use super::mirror::event_name;
use crate::app::Data;
use dateline_reader::timeline::Hit;
use yew::prelude::*;

/// An item and where its card goes (plot pixels, below the item).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Card {
    pub hit: Hit,
    pub x: f64,
    pub y: f64,
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub card: Card,
    pub data: Data,
    pub width: f64,
}

/// The card's lines: a heading and a detail.
fn lines(data: &Data, hit: Hit) -> (String, String) {
    let corpus = &data.corpus;
    match hit {
        Hit::Article(i) => corpus.articles.get(i).map_or_else(Default::default, |a| {
            (
                a.article.title().to_string(),
                format!(
                    "{} · {}",
                    a.article.date.format("%-d %B %Y"),
                    a.article.source
                ),
            )
        }),
        Hit::Event(i) => {
            let when = corpus.events.get(i).map(|e| e.when()).unwrap_or_default();
            (when, event_name(data, i))
        }
        Hit::Cluster(from, to) if from == to => (
            format!("More articles on {}", from.format("%-d %B %Y")),
            "Choose to list them".to_string(),
        ),
        Hit::Cluster(from, to) => (
            format!(
                "More articles, {} – {}",
                from.format("%-d %b %Y"),
                to.format("%-d %b %Y")
            ),
            "Choose to list them".to_string(),
        ),
    }
}

#[function_component(CardView)]
pub fn card_view(props: &CardProps) -> Html {
    let (title, detail) = lines(&props.data, props.card.hit);
    const CARD_WIDTH: f64 = 320.0;
    let left = (props.card.x - 12.0).clamp(0.0, (props.width - CARD_WIDTH).max(0.0));
    html! {
        <div class="timeline-card" aria-hidden="true"
            style={format!("left:{left:.0}px;top:{:.0}px;max-width:{CARD_WIDTH:.0}px", props.card.y + 2.0)}>
            <strong>{ title }</strong>
            <span>{ detail }</span>
        </div>
    }
}
