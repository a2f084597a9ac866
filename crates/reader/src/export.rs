//! The reader's work as files: a JSON document with the entities and their
//! mentions, the dated events, and the saved state (added articles and
//! corrections) that restores the view on another machine; and CSV tables of
//! entities and events for spreadsheets.

use crate::saved::SavedState;
use dateline_engine::corpus::Corpus;
use serde::Serialize;

#[derive(Serialize)]
struct MentionOut<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    name: &'a str,
    label: &'a str,
    aliases: &'a [String],
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    article: &'a str,
    sentence: &'a str,
    date_text: &'a str,
}

#[derive(Serialize)]
struct EventOut<'a> {
    value: &'a str,
    start: String,
    end: String,
    sources: Vec<SourceOut<'a>>,
    entities: Vec<&'a str>,
}

/// The export document: `SavedState`'s versioned JSON (so importing it
/// restores the state) with `entities` and `events` added for other tools.
pub fn export_json(corpus: &Corpus, state: &SavedState) -> String {
    let entities: Vec<EntityOut> = corpus
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| EntityOut {
            id: &e.id,
            name: &e.name,
            label: e.label.as_str(),
            aliases: &e.aliases,
            mentions: corpus
                .articles
                .iter()
                .flat_map(|a| {
                    a.mentions
                        .iter()
                        .filter(move |m| m.entity == i)
                        .map(move |m| (a, m))
                })
                .map(|(a, m)| MentionOut {
                    article: &a.article.id,
                    start: m.span.start,
                    end: m.span.end,
                    text: m.span.of(&a.article.text),
                })
                .collect(),
        })
        .collect();
    let events: Vec<EventOut> = corpus
        .events
        .iter()
        .map(|e| EventOut {
            value: &e.value,
            start: e.start.to_string(),
            end: e.end.to_string(),
            sources: e
                .sources
                .iter()
                .map(|s| {
                    let a = &corpus.articles[s.article].article;
                    SourceOut {
                        article: &a.id,
                        sentence: s.sentence.of(&a.text),
                        date_text: s.timex.of(&a.text),
                    }
                })
                .collect(),
            entities: e
                .entities
                .iter()
                .map(|&i| corpus.entities[i].id.as_str())
                .collect(),
        })
        .collect();
    let mut doc: serde_json::Value = serde_json::from_str(&state.to_json()).unwrap_or_default();
    if let Some(map) = doc.as_object_mut() {
        map.insert(
            "entities".into(),
            serde_json::to_value(entities).unwrap_or_default(),
        );
        map.insert(
            "events".into(),
            serde_json::to_value(events).unwrap_or_default(),
        );
    }
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// One row per entity: id, name, type, mentions, articles, aliases.
pub fn entities_csv(corpus: &Corpus) -> String {
    let mut out = String::from("id,name,label,mentions,articles,aliases\n");
    for e in corpus.entities.iter() {
        let row = [
            e.id.clone(),
            e.name.clone(),
            e.label.as_str().to_string(),
            e.mention_count.to_string(),
            e.articles.len().to_string(),
            e.aliases.join("; "),
        ];
        push_row(&mut out, &row);
    }
    out
}

/// One row per event source: period, value, article, date phrase, sentence, entities.
pub fn events_csv(corpus: &Corpus) -> String {
    let mut out = String::from("start,end,value,article,date_text,sentence,entities\n");
    for e in corpus.events.iter() {
        let entities: Vec<&str> = e
            .entities
            .iter()
            .map(|&i| corpus.entities[i].name.as_str())
            .collect();
        for s in &e.sources {
            let a = &corpus.articles[s.article].article;
            let row = [
                e.start.to_string(),
                e.end.to_string(),
                e.value.clone(),
                a.id.clone(),
                s.timex.of(&a.text).to_string(),
                s.sentence.of(&a.text).to_string(),
                entities.join("; "),
            ];
            push_row(&mut out, &row);
        }
    }
    out
}

/// RFC 4180 quoting; cells a spreadsheet would run as a formula get a quote
/// mark in front (article text is untrusted).
fn push_row(out: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            let c = if c.starts_with(['=', '+', '-', '@']) && c.parse::<f64>().is_err() {
                format!("'{c}")
            } else {
                c.clone()
            };
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::seed_corpus as seeds;

    #[test]
    fn json_export_carries_entities_events_and_restorable_state() {
        let corpus = seeds();
        let json = export_json(&corpus, &SavedState::default());
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(doc["version"], crate::saved::VERSION);
        let demir = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == "ismail-demir")
            .unwrap();
        assert_eq!(demir["label"], "PERSON");
        assert_eq!(demir["mentions"].as_array().unwrap().len(), 2);
        assert!(doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["value"] == "2020-12"));
        assert_eq!(SavedState::from_json(&json), Ok(SavedState::default()));
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let corpus = seeds();
        let csv = entities_csv(&corpus);
        assert!(csv.starts_with("id,name,label,mentions,articles,aliases\n"));
        assert!(csv.lines().any(|l| l.starts_with("turkey,Turkey,GPE,")));
        let events = events_csv(&corpus);
        assert!(events.lines().any(|l| l.starts_with("2020-12-01,2021-01-01,2020-12,000_fd1aee54e6a12c6a,December 2020,\"In December 2020, the US")));
        let mut row = String::new();
        push_row(
            &mut row,
            &["=HYPERLINK(\"x\")".into(), "-5".into(), "a,b".into()],
        );
        assert_eq!(row, "\"'=HYPERLINK(\"\"x\"\")\",-5,\"a,b\"\n");
    }
}
