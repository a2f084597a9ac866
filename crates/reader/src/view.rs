//! What the reader is looking at, as plain data: the open article, the
//! selected entity, the time range, the search query and hidden entity types.
//! It round-trips through the URL fragment, so every view is a deep link that
//! works on static hosting, and it decides which articles the list shows.

use crate::search::Found;
use chrono::NaiveDate;
use dateline_engine::corpus::Corpus;
use dateline_engine::label::Label;
use std::collections::{BTreeSet, HashMap};

/// The reader's view. Ids, not indices, so a link survives a corpus rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    pub article: Option<String>,
    pub entity: Option<String>,
    /// Inclusive date range from the timeline brush.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// Only articles from this source (as written in their header).
    pub source: Option<String>,
    pub query: String,
    pub hidden: BTreeSet<Label>,
}

impl View {
    /// The URL fragment (without `#`) that restores this view.
    pub fn to_fragment(&self) -> String {
        let mut parts = Vec::new();
        if let Some(a) = &self.article {
            parts.push(format!("article={}", encode(a)));
        }
        if let Some(e) = &self.entity {
            parts.push(format!("entity={}", encode(e)));
        }
        if let Some((from, to)) = self.range {
            parts.push(format!("from={from}&to={to}"));
        }
        if let Some(source) = &self.source {
            parts.push(format!("source={}", encode(source)));
        }
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        if !self.hidden.is_empty() {
            let labels: Vec<&str> = self.hidden.iter().map(|l| l.as_str()).collect();
            parts.push(format!("hide={}", labels.join(",")));
        }
        parts.join("&")
    }

    /// Reads a fragment (with or without `#`); unknown or malformed parts are
    /// ignored so a damaged link still opens the reader.
    pub fn from_fragment(fragment: &str) -> View {
        let mut view = View::default();
        let (mut from, mut to) = (None, None);
        for part in fragment.trim_start_matches('#').split('&') {
            let Some((key, value)) = part.split_once('=') else {
                continue;
            };
            let value = decode(value);
            let date = || NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
            match key {
                "article" if !value.is_empty() => view.article = Some(value),
                "entity" if !value.is_empty() => view.entity = Some(value),
                "source" => view.source = Some(value),
                "from" => from = date(),
                "to" => to = date(),
                "q" => view.query = value,
                "hide" => view.hidden = value.split(',').filter_map(Label::parse).collect(),
                _ => {}
            }
        }
        if let (Some(from), Some(to)) = (from, to) {
            view.range = Some((from.min(to), from.max(to)));
        }
        view
    }

    /// Indices of the articles the list shows: inside the range, mentioning
    /// the selected entity, from the selected source and, when there is a
    /// query, among what it `found`, in its ranking order (corpus order
    /// otherwise).
    pub fn visible_articles(&self, corpus: &Corpus, found: Option<&Found>) -> Vec<usize> {
        let mut visible = self.unsourced(corpus, found);
        if let Some(source) = &self.source {
            visible.retain(|&i| corpus.articles[i].article.source == *source);
        }
        visible
    }

    /// The source facet: every source of the articles the other filters
    /// let through, with how many each has, most first. The source filter
    /// itself is left out, so the reader sees what choosing another gives.
    pub fn source_counts(&self, corpus: &Corpus, found: Option<&Found>) -> Vec<(String, usize)> {
        // Counted by runs of one source (neighbours in date order often
        // share it), so 100,000 articles are not 100,000 hash lookups.
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut run: Option<(&str, usize)> = None;
        for i in self.unsourced(corpus, found) {
            let source = corpus.articles[i].article.source.as_str();
            match &mut run {
                Some((s, n)) if *s == source => *n += 1,
                _ => {
                    if let Some((s, n)) = run.replace((source, 1)) {
                        *counts.entry(s).or_insert(0) += n;
                    }
                }
            }
        }
        if let Some((s, n)) = run {
            *counts.entry(s).or_insert(0) += n;
        }
        let mut counts: Vec<(String, usize)> =
            counts.into_iter().map(|(s, n)| (s.to_owned(), n)).collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }

    /// The visible articles but for the source filter.
    fn unsourced(&self, corpus: &Corpus, found: Option<&Found>) -> Vec<usize> {
        let entity = self
            .entity
            .as_deref()
            .and_then(|id| corpus.entity_index(id));
        let keep = |i: usize| {
            let date = corpus.articles[i].article.date;
            self.range
                .is_none_or(|(from, to)| from <= date && date <= to)
                // The entity's own article list (ascending), not the
                // articles' mentions: it is in the bundle's boot part, so
                // following an entity works before any article text loads.
                && entity.is_none_or(|e| corpus.entities[e].articles.binary_search(&i).is_ok())
        };
        match found {
            Some(found) => found.ranked.iter().copied().filter(|&i| keep(i)).collect(),
            None => (0..corpus.articles.len()).filter(|&i| keep(i)).collect(),
        }
    }

    /// The article `step` places after (or before, if negative) the open one
    /// among `visible`; the first visible one when none is open.
    pub fn step_article(&self, corpus: &Corpus, visible: &[usize], step: isize) -> Option<String> {
        let current = self
            .article
            .as_deref()
            .and_then(|id| corpus.article_index(id))
            .and_then(|i| visible.iter().position(|&v| v == i));
        let next = match current {
            Some(pos) => pos
                .checked_add_signed(step)
                .filter(|&p| p < visible.len())?,
            None => 0,
        };
        visible
            .get(next)
            .map(|&i| corpus.articles[i].article.id.clone())
    }
}

/// Percent-encodes everything but unreserved characters.
/// Articles the list renders before "Show more": more than a screen holds,
/// and few enough that re-ranking them on every search keystroke stays
/// cheap (each row is re-ordered and re-laid out).
pub const LIST_PAGE: usize = 60;

/// Rows of the list kept before the open article when it sits far down the
/// list: enough to see where it is among its neighbours.
pub const ROWS_BEFORE_OPEN: usize = 10;

/// Which rows of the list are in the page: the pages of [`LIST_PAGE`] the
/// reader asked for (`head`), and, when the open article lies beyond them,
/// a window around it (`around_open`: a few rows before it, the pages
/// after it the reader asked for, at least one for `j` to step into), with
/// the rows between left out. Never more than
/// the pages asked plus one window, wherever the open article ranks: a
/// search that put it 40,000th rendered 40,000 rows on every keystroke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRows {
    pub head: std::ops::Range<usize>,
    pub around_open: Option<std::ops::Range<usize>>,
}

impl ListRows {
    /// The rows of a list of `total` articles, `pages` asked for from the
    /// top and `pages_after` after the open article, at `open_at` in it.
    pub fn new(total: usize, pages: usize, open_at: Option<usize>, pages_after: usize) -> ListRows {
        let asked = pages.max(1).saturating_mul(LIST_PAGE).min(total);
        let after = pages_after.max(1).saturating_mul(LIST_PAGE);
        let window = open_at
            .filter(|&at| at < total)
            .map(|at| at.saturating_sub(ROWS_BEFORE_OPEN)..at.saturating_add(1 + after).min(total));
        match window {
            // Near the head (or touching it): one stretch from the top.
            Some(w) if w.start <= asked => ListRows {
                head: 0..asked.max(w.end),
                around_open: None,
            },
            Some(w) => ListRows {
                head: 0..asked,
                around_open: Some(w),
            },
            None => ListRows {
                head: 0..asked,
                around_open: None,
            },
        }
    }

    /// How many rows are left out between the head and the open article.
    pub fn skipped(&self) -> usize {
        self.around_open
            .as_ref()
            .map_or(0, |w| w.start - self.head.end)
    }

    /// The last row in the page, plus one.
    pub fn end(&self) -> usize {
        self.around_open.as_ref().map_or(self.head.end, |w| w.end)
    }
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reverses [`encode`]; `+` is a space as in form encoding; bad escapes stay literal.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || {
            let h = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            u8::from_str_radix(h, 16).ok()
        };
        match (bytes[i], hex()) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The entities the visible articles name, each with how many of them do
/// (entity index, articles), in entity order. From the entities' article
/// lists (the bundle's links part), not the articles' mentions: the panel
/// fills before any text is loaded, and a 100,000-article corpus is 1.6
/// million links, not several million mentions.
pub fn named_in(corpus: &Corpus, visible: &[usize]) -> Vec<(usize, usize)> {
    let shown = article_mask(corpus, visible);
    corpus
        .entities
        .iter()
        .enumerate()
        .filter_map(|(e, entity)| {
            let n = entity
                .articles
                .iter()
                .filter(|&&a| shown.get(a) == Some(&true))
                .count();
            (n > 0).then_some((e, n))
        })
        .collect()
}

/// The events a visible article tells (and that name `entity`, if one is
/// followed), by index, in corpus order: the chronology's and the
/// timeline's events under a filter. A mask of the visible articles, not a
/// hash set: a large corpus has hundreds of thousands of sources to check.
pub fn told_events(corpus: &Corpus, visible: &[usize], entity: Option<usize>) -> Vec<usize> {
    let shown = article_mask(corpus, visible);
    corpus
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.sources
                .iter()
                .any(|s| shown.get(s.article) == Some(&true))
        })
        .filter(|(_, e)| entity.is_none_or(|en| e.entities.contains(&en)))
        .map(|(i, _)| i)
        .collect()
}

/// `mask[a]` is true for the articles in `visible`.
fn article_mask(corpus: &Corpus, visible: &[usize]) -> Vec<bool> {
    let mut mask = vec![false; corpus.articles.len()];
    for &i in visible {
        if let Some(m) = mask.get_mut(i) {
            *m = true;
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_in_counts_the_visible_articles_naming_each_entity() {
        let corpus = crate::testing::seed_corpus();
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        let every = named_in(&corpus, &all);
        assert_eq!(every.len(), corpus.entities.len());
        for &(e, n) in &every {
            assert_eq!(n, corpus.entities[e].articles.len());
        }
        let demir = corpus.entity_index("ismail-demir").unwrap();
        assert!(every.contains(&(demir, 2)), "{every:?}");
        let first = named_in(&corpus, &[0]);
        assert!(first.contains(&(demir, 1)));
        for (e, entity) in corpus.entities.iter().enumerate() {
            let named = entity.articles.contains(&0);
            assert_eq!(first.iter().any(|&(f, _)| f == e), named, "{}", entity.name);
        }
        assert!(named_in(&corpus, &[]).is_empty());
    }

    #[test]
    fn told_events_are_the_events_a_visible_article_tells() {
        let corpus = crate::testing::seed_corpus();
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        let every: Vec<usize> = (0..corpus.events.len()).collect();
        assert_eq!(told_events(&corpus, &all, None), every);
        assert!(told_events(&corpus, &[], None).is_empty());
        let first = told_events(&corpus, &[0], None);
        assert!(!first.is_empty() && first.len() < every.len(), "{first:?}");
        for (i, e) in corpus.events.iter().enumerate() {
            let by_first = e.sources.iter().any(|s| s.article == 0);
            assert_eq!(first.contains(&i), by_first, "event {i}");
        }
        let entity = corpus.events[first[0]].entities[0];
        let involving = told_events(&corpus, &all, Some(entity));
        assert!(involving.contains(&first[0]));
        assert!(involving
            .iter()
            .all(|&i| corpus.events[i].entities.contains(&entity)));
    }

    #[test]
    fn fragments_round_trip() {
        let view = View {
            article: Some("003_113eacf95b61ac4f".into()),
            entity: Some("ismail-demir".into()),
            range: Some((
                NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(),
            )),
            source: Some("UrduPoint.com".into()),
            query: "S-400 & Türkiye".into(),
            hidden: [Label::Norp, Label::Loc].into(),
        };
        let fragment = view.to_fragment();
        assert_eq!(
            fragment,
            "article=003_113eacf95b61ac4f&entity=ismail-demir&from=2021-01-01&to=2022-12-31\
             &source=UrduPoint.com&q=S-400%20%26%20T%C3%BCrkiye&hide=LOC,NORP"
        );
        assert_eq!(View::from_fragment(&format!("#{fragment}")), view);
    }

    #[test]
    fn damaged_fragments_degrade_gracefully() {
        let view = View::from_fragment(
            "#article=&from=2021-13-01&to=2022-01-01&q=a+b%zz&hide=FOO,LAW&junk",
        );
        assert_eq!(view.article, None);
        assert_eq!(view.range, None);
        assert_eq!(view.query, "a b%zz");
        assert_eq!(view.hidden, [Label::Law].into());
        assert_eq!(View::from_fragment(""), View::default());
    }

    #[test]
    fn following_an_entity_lists_exactly_the_articles_that_mention_it() {
        let mut corpus = crate::testing::seed_corpus();
        let ankara = corpus.entity_index("ankara").expect("Ankara is linked");
        let turkey = corpus.entity_index("turkey").expect("Turkey is linked");
        let merge = crate::corrections::Correction::Merge {
            from: crate::corrections::EntityKey::of(&corpus.entities[ankara]),
            into: crate::corrections::EntityKey::of(&corpus.entities[turkey]),
        };
        for step in 0..2 {
            if step == 1 {
                crate::corrections::apply(&mut corpus, std::slice::from_ref(&merge));
            }
            for (e, entity) in corpus.entities.iter().enumerate() {
                let view = View {
                    entity: Some(entity.id.clone()),
                    ..View::default()
                };
                let mentioning: Vec<usize> = (0..corpus.articles.len())
                    .filter(|&i| corpus.articles[i].mentions.iter().any(|m| m.entity == e))
                    .collect();
                assert_eq!(
                    view.visible_articles(&corpus, None),
                    mentioning,
                    "{}",
                    entity.id
                );
            }
        }
    }

    #[test]
    fn the_source_facet_counts_runs_and_returns_of_a_source() {
        let mut corpus = crate::testing::seed_corpus();
        let template = corpus.articles[0].clone();
        corpus.articles = ["A", "A", "B", "A", "C", "C"]
            .iter()
            .map(|s| {
                let mut a = template.clone();
                a.article.source = s.to_string();
                a
            })
            .collect();
        let counts = View::default().source_counts(&corpus, None);
        let expected = [("A", 3), ("C", 2), ("B", 1)].map(|(s, n)| (s.to_string(), n));
        assert_eq!(counts, expected);
    }

    #[test]
    fn the_source_facet_counts_what_the_query_found_and_filters_the_list() {
        let corpus = crate::testing::seed_corpus();
        let search = crate::search::CorpusSearch::new(&corpus, crate::search::Prebuilt::None);
        let sources: Vec<&str> = corpus
            .articles
            .iter()
            .map(|a| a.article.source.as_str())
            .collect();
        let everything = View::default();
        let mut all = everything.source_counts(&corpus, None);
        all.sort();
        let mut expected: Vec<(String, usize)> =
            sources.iter().map(|s| (s.to_string(), 1)).collect();
        expected.sort();
        assert_eq!(all, expected);

        // "pantsir" is only in the 2022 article: one source counts.
        let found = search.find("pantsir ", &corpus, true);
        let counts = everything.source_counts(&corpus, found.as_ref());
        assert_eq!(counts, [(sources[1].to_string(), 1)]);

        // Choosing a source filters the list, not its own facet.
        let chosen = View {
            source: Some(sources[0].to_string()),
            ..View::default()
        };
        assert_eq!(chosen.visible_articles(&corpus, None), [0]);
        assert_eq!(chosen.source_counts(&corpus, None).len(), 2);
        assert_eq!(
            chosen.visible_articles(&corpus, found.as_ref()),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn the_list_renders_a_page_and_always_reaches_past_the_open_article() {
        let rows = |total, pages, open| ListRows::new(total, pages, open, 1);
        assert_eq!(rows(2, 1, None).head, 0..2);
        assert_eq!(rows(10_000, 1, None).head, 0..LIST_PAGE);
        assert_eq!(rows(10_000, 3, None).head, 0..3 * LIST_PAGE);
        assert_eq!(rows(0, 0, None).head, 0..0);
        // Open near the top: one stretch, past it by a page.
        let near = rows(10_000, 1, Some(LIST_PAGE + 5));
        assert_eq!(near.head, 0..2 * LIST_PAGE + 6);
        assert_eq!((near.around_open.clone(), near.skipped()), (None, 0));
    }

    #[test]
    fn an_article_open_far_down_the_list_gets_a_window_not_every_row_before_it() {
        let far = ListRows::new(100_000, 1, Some(40_000), 1);
        assert_eq!(far.head, 0..LIST_PAGE);
        let window = far.around_open.clone().unwrap();
        assert!(window.contains(&40_000));
        assert_eq!(window, 40_000 - ROWS_BEFORE_OPEN..40_001 + LIST_PAGE);
        assert_eq!(far.skipped(), 40_000 - ROWS_BEFORE_OPEN - LIST_PAGE);
        assert_eq!(far.end(), 40_001 + LIST_PAGE);
        let rendered = far.head.len() + window.len();
        assert!(
            rendered <= 2 * LIST_PAGE + ROWS_BEFORE_OPEN + 1,
            "{rendered}"
        );
        // At the very end of the list, and past it.
        let last = ListRows::new(100_000, 1, Some(99_999), 1);
        assert_eq!(last.around_open, Some(99_999 - ROWS_BEFORE_OPEN..100_000));
        assert_eq!(ListRows::new(100, 1, Some(500), 1).head, 0..LIST_PAGE);
        // More pages after it, asked for by scrolling on.
        let more = ListRows::new(100_000, 1, Some(40_000), 3);
        assert_eq!(more.end(), 40_001 + 3 * LIST_PAGE);
    }
}
