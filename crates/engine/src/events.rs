//! Dated events for the timeline's second lane: every resolved date in the
//! running text dates the sentence around it. The same event told by several
//! articles (same period, shared entities) is kept once, with all its sources.

use crate::article::BlockKind;
use crate::corpus::{AnalyzedArticle, Event, EventSource};
use crate::text;
use crate::timex;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// Blocks whose dates are events of the story. Bylines and datelines only
/// restate the publication date; a summary repeats a later paragraph.
fn tells_events(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph | BlockKind::Caption | BlockKind::Title
    )
}

/// Minimum share of entities two sentences about the same period must have in
/// common to be taken as the same event.
const SAME_EVENT_OVERLAP: f32 = 0.3;

/// All events of the corpus, ordered by start date.
pub fn collect(articles: &[AnalyzedArticle]) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    for (index, a) in articles.iter().enumerate() {
        let text = &a.article.text;
        for block in a.article.blocks.iter().filter(|b| tells_events(b.kind)) {
            let sentences = text::sentences(text, block.span);
            for t in a.timexes.iter().filter(|t| block.span.contains(t.span)) {
                let Some((start, end)) = timex::interval(&t.value) else {
                    continue;
                };
                let sentence = sentences
                    .iter()
                    .copied()
                    .find(|s| s.contains(t.span))
                    .unwrap_or(block.span);
                let entities: BTreeSet<usize> = a
                    .mentions
                    .iter()
                    .filter(|m| sentence.contains(m.span))
                    .map(|m| m.entity)
                    .collect();
                let source = EventSource {
                    article: index,
                    sentence,
                    timex: t.span,
                };
                merge_or_push(&mut events, start, end, &t.value, source, entities);
            }
        }
    }
    events.sort_by_key(|e| (e.start, e.end));
    events
}

fn merge_or_push(
    events: &mut Vec<Event>,
    start: NaiveDate,
    end: NaiveDate,
    value: &str,
    source: EventSource,
    entities: BTreeSet<usize>,
) {
    let told_in = |e: &Event| {
        e.sources
            .iter()
            .any(|s| s.article == source.article && s.sentence == source.sentence)
    };
    let same = events.iter_mut().find(|e| {
        e.start == start
            && e.end == end
            && (told_in(e) || overlap(&e.entities, &entities) >= SAME_EVENT_OVERLAP)
    });
    match same {
        Some(event) => {
            if !told_in(event) {
                event.sources.push(source);
            }
            let mut all: BTreeSet<usize> = event.entities.iter().copied().collect();
            all.extend(entities);
            event.entities = all.into_iter().collect();
        }
        None => events.push(Event {
            start,
            end,
            value: value.to_string(),
            sources: vec![source],
            entities: entities.into_iter().collect(),
        }),
    }
}

/// Jaccard overlap of two entity sets; two empty sets count as unrelated.
fn overlap(a: &[usize], b: &BTreeSet<usize>) -> f32 {
    let shared = a.iter().filter(|e| b.contains(e)).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(start: (i32, u32, u32), end: (i32, u32, u32)) -> Event {
        let d = |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Event {
            start: d(start),
            end: d(end),
            value: String::new(),
            sources: Vec::new(),
            entities: Vec::new(),
        }
    }

    #[test]
    fn an_event_reads_its_period() {
        assert_eq!(event((2020, 12, 1), (2021, 1, 1)).when(), "December 2020");
    }
}
