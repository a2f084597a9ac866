//! The canvas's accessible twin: a real button over every marker, "+N"
//! cluster and event bar the scene draws, named as a screen reader should
//! announce it, in reading order, focusable by Tab and the target of clicks.
//! Rendered for the settled viewport only: during a gesture the buttons
//! (transparent) stay where they were until the view settles.

use super::card::Card;
use super::Actions;
use crate::app::Data;
use dateline_reader::timeline::scene::{Cluster, EventBar, Marker, Scene, COLUMN, ROW};
use dateline_reader::timeline::Hit;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MirrorProps {
    pub scene: Rc<Scene>,
    pub data: Data,
    pub actions: Actions,
    /// Shows (or hides) the card of the item in focus.
    pub on_card: Callback<Option<Card>>,
}

/// What a marker is called: its ISO date first, so a screen reader user
/// hears the timeline in order.
pub fn marker_name(data: &Data, article: usize) -> String {
    data.corpus
        .articles
        .get(article)
        .map_or_else(String::new, |a| {
            format!(
                "{} — {} ({})",
                a.article.date,
                a.article.title(),
                a.article.source
            )
        })
}

/// What a cluster is called: how many more, when, and what it does.
pub fn cluster_name(c: &Cluster) -> String {
    let plural = if c.count == 1 { "" } else { "s" };
    if c.from == c.to {
        format!("{} more article{plural} on {}: list them", c.count, c.from)
    } else {
        format!(
            "{} more article{plural} from {} to {}: list them",
            c.count, c.from, c.to
        )
    }
}

/// What an event is called: its value, the sentence that dates it, and
/// how many articles tell it.
pub fn event_name(data: &Data, event: usize) -> String {
    let corpus = &data.corpus;
    let Some(e) = corpus.events.get(event) else {
        return String::new();
    };
    let sentence = e
        .sources
        .first()
        .and_then(|s| Some(s.sentence.of(&corpus.articles.get(s.article)?.article.text)))
        .unwrap_or("");
    let excerpt: String = sentence.chars().take(140).collect();
    let more = if excerpt.len() < sentence.len() {
        "…"
    } else {
        ""
    };
    let n = e.sources.len();
    format!(
        "{}: {excerpt}{more} ({n} source{})",
        e.value,
        if n == 1 { "" } else { "s" }
    )
}

#[function_component(Mirror)]
pub fn mirror(props: &MirrorProps) -> Html {
    let button = |hit: Hit,
                  class: Classes,
                  style: String,
                  name: String,
                  current: bool,
                  at: (f64, f64)| {
        let actions = props.actions.clone();
        let onclick = Callback::from(move |_: MouseEvent| actions.activate(hit));
        let onfocus = props.on_card.reform(move |_: FocusEvent| {
            Some(Card {
                hit,
                x: at.0,
                y: at.1,
            })
        });
        let onblur = props.on_card.reform(|_: FocusEvent| None);
        html! {
            <button type="button" {class} {style} aria-label={name} aria-current={current.then_some("true")}
                {onclick} {onfocus} {onblur}></button>
        }
    };
    let marker = |m: &Marker| {
        button(
            Hit::Article(m.article),
            classes!("marker", m.current.then_some("current")),
            format!("left:{:.1}px;top:{:.0}px", m.x - COLUMN / 2.0, m.y),
            marker_name(&props.data, m.article),
            m.current,
            (m.x, m.y + ROW),
        )
    };
    let cluster = |c: &Cluster| {
        button(
            Hit::Cluster(c.from, c.to),
            classes!("marker-more"),
            format!("left:{:.1}px;top:{:.0}px", c.x - COLUMN / 2.0, c.y),
            cluster_name(c),
            false,
            (c.x, c.y + ROW),
        )
    };
    let scene = &props.scene;
    let event = |e: &EventBar| {
        let (left, right) = (e.x0.max(0.0), e.x1.min(scene.width));
        button(
            Hit::Event(e.event),
            classes!("event"),
            format!(
                "left:{left:.1}px;top:{:.0}px;width:{:.1}px",
                e.y,
                (right - left).max(COLUMN)
            ),
            event_name(&props.data, e.event),
            false,
            (left, e.y + ROW),
        )
    };
    html! {
        <div class="timeline-mirror">
            { for scene.markers.iter().map(marker) }
            { for scene.clusters.iter().map(cluster) }
            { for scene.events.iter().map(event) }
        </div>
    }
}
