//! Splits a stretch of article text into plain runs, entity mentions and
//! dates, so the reader renders each as a text node, a `<mark>` or a
//! `<time>` without ever treating article text as HTML.

use dateline_engine::corpus::Mention;
use dateline_engine::label::Label;
use dateline_engine::text::Span;
use dateline_engine::timex::Timex;
use std::collections::BTreeSet;

/// One piece of a block, in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    Text(Span),
    /// Index into the article's mentions.
    Mention(usize),
    /// Index into the article's timexes.
    Timex(usize),
}

/// The runs covering `block`. Mentions of `hidden` types are plain text;
/// a date overlapping a mention gives way to it; anything straddling the
/// block's edges is left plain.
pub fn runs(
    block: Span,
    mentions: &[Mention],
    timexes: &[Timex],
    hidden: &BTreeSet<Label>,
) -> Vec<Run> {
    let shown: Vec<(Span, Run)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| block.contains(m.span) && !hidden.contains(&m.label))
        .map(|(i, m)| (m.span, Run::Mention(i)))
        .collect();
    let mut marks: Vec<(Span, Run)> = timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| block.contains(t.span) && !shown.iter().any(|(s, _)| s.overlaps(t.span)))
        .map(|(i, t)| (t.span, Run::Timex(i)))
        .chain(shown.iter().copied())
        .collect();
    marks.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut out = Vec::new();
    let mut at = block.start;
    for (span, run) in marks {
        if span.start < at {
            continue;
        }
        if span.start > at {
            out.push(Run::Text(Span::new(at, span.start)));
        }
        out.push(run);
        at = span.end;
    }
    if at < block.end {
        out.push(Run::Text(Span::new(at, block.end)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_engine::timex::TimexType;

    fn mention(start: usize, end: usize, label: Label) -> Mention {
        Mention {
            span: Span::new(start, end),
            label,
            entity: 0,
        }
    }

    #[test]
    fn runs_cover_the_block_and_dates_yield_to_mentions() {
        let text = "In 2002, Allied Resolve 2022 began in Belarus.";
        let block = Span::new(0, text.len());
        let mentions = [mention(9, 28, Label::Event), mention(38, 45, Label::Gpe)];
        let timexes = [
            Timex {
                span: Span::new(3, 7),
                kind: TimexType::Date,
                value: "2002".into(),
            },
            Timex {
                span: Span::new(24, 28),
                kind: TimexType::Date,
                value: "2022".into(),
            },
        ];
        let got = runs(block, &mentions, &timexes, &BTreeSet::new());
        assert_eq!(
            got,
            [
                Run::Text(Span::new(0, 3)),
                Run::Timex(0),
                Run::Text(Span::new(7, 9)),
                Run::Mention(0),
                Run::Text(Span::new(28, 38)),
                Run::Mention(1),
                Run::Text(Span::new(45, 46)),
            ]
        );
        let hidden = runs(block, &mentions, &timexes, &[Label::Event].into());
        assert!(hidden.contains(&Run::Timex(1)));
        assert!(!hidden.contains(&Run::Mention(0)));
    }

    #[test]
    fn spans_outside_the_block_are_ignored() {
        let block = Span::new(10, 20);
        let got = runs(block, &[mention(5, 12, Label::Org)], &[], &BTreeSet::new());
        assert_eq!(got, [Run::Text(block)]);
    }
}
