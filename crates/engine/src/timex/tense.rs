//! Tense: whether an expression looks back or ahead, guessed from the verbs
//! around it. Like HeidelTime for news, "Tuesday" in a past-tense sentence
//! is the previous Tuesday and in a future one the next. Every token's cue
//! is read once per text, and only in sentences where some expression needs
//! them ([`TenseCues`]); each expression then weighs the cues of its sentence
//! by distance, nearest first, and stops as soon as no farther cue can win,
//! so a sentence of thousands of dates costs no more than thousands of
//! sentences.

use super::pattern::Tok;
use std::cell::OnceCell;

/// The direction a sentence looks in, guessed from its verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// Words that mark a future verb group ("will", "'ll", "is expected to").
const FUTURE_CUES: &[&str] = &["will", "ll", "shall", "would", "tomorrow"];
/// Verbs that point ahead when "to" follows ("plans to", "is set to").
const FUTURE_BEFORE_TO: &[&str] = &[
    "going",
    "plans",
    "plan",
    "planned",
    "planning",
    "expected",
    "expects",
    "scheduled",
    "due",
    "set",
    "supposed",
    "intends",
    "aims",
    "hopes",
    "ready",
];
/// Present-tense verbs of a schedule: in news, "the Games open on 5 August"
/// and "talks resume on Saturday" are announcements of what is to come.
const SCHEDULE_VERBS: &[&str] = &[
    "opens",
    "begins",
    "starts",
    "resumes",
    "reopens",
    "closes",
    "ends",
    "expires",
    "meets",
    "faces",
    "hosts",
    "visits",
    "arrives",
    "returns",
    "launches",
    "kicks",
    "convenes",
    "reconvenes",
    "open",
    "begin",
    "start",
    "resume",
    "reopen",
    "expire",
    "meet",
    "face",
    "host",
    "visit",
    "arrive",
    "convene",
    "reconvene",
];
/// Modal verbs that point ahead unless "have" follows ("might have gone").
/// Not "could" and "can": "could not stop" is as often past ability.
const MODALS: &[&str] = &["might", "may", "should", "must"];
/// Verbs that push something to a later day when "until" follows.
const DEFERRALS: &[&str] = &[
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
    "extended",
    "put",
    "pushed",
];
const PAST_CUES: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "ago",
    "came",
    "went",
    "began",
    "took",
    "made",
    "gave",
    "met",
    "won",
    "lost",
    "fell",
    "rose",
    "left",
    "held",
    "yesterday",
    "saw",
    "brought",
    "paid",
    "sold",
    "bought",
    "built",
    "caught",
    "chose",
    "drew",
    "drove",
    "fought",
    "found",
    "got",
    "grew",
    "heard",
    "kept",
    "knew",
    "led",
    "ran",
    "sent",
    "spent",
    "stood",
    "struck",
    "thought",
    "threw",
    "wrote",
    "became",
    "broke",
    "shot",
    "fled",
    "felt",
    "spoke",
    "became",
    "sought",
    "since",
    "set",
];
/// Reporting verbs govern a whole clause, so they count less than a verb
/// next to the expression ("said he will leave on Friday" is future).
const REPORTING: &[&str] = &[
    "said",
    "told",
    "announced",
    "reported",
    "added",
    "says",
    "say",
];
const PRESENT_CUES: &[&str] = &["is", "are", "am", "does", "do", "has", "have"];
const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "indeed",
    "hundred",
    "proceed",
    "succeed",
    "exceed",
    "red",
    "bed",
    "seed",
    "feed",
    "weed",
    "shed",
    "united",
    "limited",
    "expected",
    "scheduled",
    "planned",
    "proposed",
];

/// Words before an "-ed" word or "plans" that make it an adjective or a
/// noun ("a still unspecified date", "announced plans to"), not a verb.
const NOUN_LEADS: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "still", "newly", "no",
    "any", "new", "further",
];

/// The cue of token `i`, with what the weighing needs to know of it.
fn token_cue(toks: &[Tok], i: usize) -> Option<TokenCue> {
    let (tense, penalty) = cue(toks, i)?;
    let w = toks[i].lower;
    Some(TokenCue {
        tense,
        penalty,
        schedule: SCHEDULE_VERBS.contains(&w),
        would: w == "would",
        reporting: REPORTING.contains(&w),
    })
}

/// A tense cue and how much it is discounted (added to its distance).
fn cue(toks: &[Tok], i: usize) -> Option<(Tense, usize)> {
    let t = toks.get(i)?;
    let w = t.lower;
    let prev = i.checked_sub(1).and_then(|p| toks.get(p)).map(|p| p.lower);
    let to_follows = toks.get(i + 1).is_some_and(|n| n.lower == "to");
    // A participle after a form of "be" or "to" ("will be paid", "is heard")
    // is not a past verb; the "be" says the tense.
    let participle = prev.is_some_and(|p| {
        matches!(
            p,
            "be" | "been" | "being" | "to" | "is" | "are" | "was" | "were" | "am"
        )
    });
    let noun_use = prev.is_some_and(|p| NOUN_LEADS.contains(&p) || p.ends_with("ed"));
    // "as soon as Tuesday": the day is ahead.
    let soon = w == "soon"
        && i.checked_sub(1).is_some_and(|p| toks[p].lower == "as")
        && toks.get(i + 1).is_some_and(|n| n.lower == "as");
    // "postponed until Tuesday": a deferral points past the article's date.
    let deferred = DEFERRALS.contains(&w)
        && (1..=4).any(|k| {
            toks.get(i + k)
                .is_some_and(|n| matches!(n.lower, "until" | "till" | "through"))
        });
    // "expected the 737 MAX to return": the expectation is about what is
    // to come, whatever the tense of "expected".
    let expects_to = matches!(w, "expected" | "expects" | "expect")
        && (2..=5).any(|k| toks.get(i + k).is_some_and(|n| n.lower == "to"))
        && toks[i + 1..]
            .iter()
            .take(4)
            .all(|n| n.is_word() || n.is_digits());
    // "markets open on Monday", not "the open market"; a capital is a name
    // ("Open", "Start") or a sentence start without a subject.
    // A bare form ("open") is a present verb only after a plural subject
    // ("the Olympics open"); after "to", "let" or a modal it is an infinitive.
    let plural_subject = prev.is_some_and(|p| {
        (p.len() > 3 && p.ends_with('s') && !p.ends_with("ss")) || matches!(p, "they" | "we")
    });
    let scheduled = SCHEDULE_VERBS.contains(&w)
        && !t.is_capitalised()
        && (w.ends_with('s') || plural_subject)
        && !prev.is_some_and(|p| NOUN_LEADS.contains(&p));
    let modal = MODALS.contains(&w)
        && !t.is_capitalised()
        && toks.get(i + 1).is_none_or(|n| n.lower != "have");

    // "had been due to expire Friday": a plan in the past perfect was for a
    // day already gone by.
    let had = (1..=2).any(|k| i.checked_sub(k).is_some_and(|p| toks[p].lower == "had"));
    // "were planning to drive": the plan, not the "were", says when.
    let plan_follows = matches!(w, "was" | "were")
        && toks
            .get(i + 1)
            .is_some_and(|n| FUTURE_BEFORE_TO.contains(&n.lower))
        && toks.get(i + 2).is_some_and(|n| n.lower == "to");
    if plan_follows {
        None
    } else if FUTURE_CUES.contains(&w) || soon || deferred || expects_to {
        Some((Tense::Future, 0))
    } else if scheduled || modal {
        Some((Tense::Future, 1))
    } else if w == "effective" && toks.get(i + 1).is_some_and(|n| n.is_capitalised()) {
        // "effective Feb. 1": a change announced ahead of its date.
        Some((Tense::Future, 0))
    } else if to_follows && FUTURE_BEFORE_TO.contains(&w) && !(noun_use && w.starts_with("plan")) {
        Some((if had { Tense::Past } else { Tense::Future }, 1))
    } else if participle {
        None
    } else if REPORTING.contains(&w) {
        let tense = if w.starts_with("say") {
            Tense::Present
        } else {
            Tense::Past
        };
        Some((tense, 3))
    } else if PAST_CUES.contains(&w) {
        Some((Tense::Past, 0))
    } else if present_perfect(toks, i) {
        // "the toll from the tsunami that struck on Sunday has risen": the
        // present perfect reports what is done, as the past does.
        Some((Tense::Past, 1))
    } else if PRESENT_CUES.contains(&w) {
        Some((Tense::Present, 1))
    } else if w.len() > 4
        && w.ends_with("ed")
        && !NOT_PAST_ED.contains(&w)
        && !t.is_capitalised()
        && !prev.is_some_and(|p| NOUN_LEADS.contains(&p))
    {
        Some((Tense::Past, 2))
    } else {
        None
    }
}

/// True if token `i` is "has" or "have" starting a present perfect: a
/// participle follows ("has risen", "have been", "has already closed").
fn present_perfect(toks: &[Tok], i: usize) -> bool {
    if !matches!(toks[i].lower, "has" | "have") {
        return false;
    }
    let next = |k: usize| toks.get(i + k).filter(|t| t.is_word()).map(|t| t.lower);
    let participle = |w: &str| {
        w == "been"
            || (w.len() > 4
                && (w.ends_with("ed") || w.ends_with("en"))
                && !NOT_PAST_ED.contains(&w))
    };
    match next(1) {
        Some("already" | "now" | "also" | "since" | "just" | "not" | "never") => {
            next(2).is_some_and(participle)
        }
        Some(w) => participle(w),
        None => false,
    }
}

/// Extra distance for each comma between a tense cue and the expression.
const CLAUSE_PENALTY: usize = 2;

/// Extra distance for a tense cue to the right of the expression.
const RIGHT_PENALTY: usize = 2;

/// How many tokens may follow a reporting verb that closes its sentence
/// (", the agency said in a statement.").
const ATTRIBUTION_TAIL: usize = 6;

/// A tense cue of one token, with what the weighing needs to know of it.
#[derive(Debug, Clone, Copy)]
struct TokenCue {
    tense: Tense,
    /// How much the cue is discounted (added to its distance).
    penalty: usize,
    /// A schedule verb ("opens"): ignored after the expression.
    schedule: bool,
    /// "would": after the expression it opens another clause.
    would: bool,
    /// A reporting verb ("said"): right next to the expression it wins.
    reporting: bool,
}

/// The tense cues of one sentence, read when an expression in it first
/// needs them.
struct SentenceCues {
    /// Every cue of the sentence, in text order: (token index, cue).
    cues: Vec<(usize, TokenCue)>,
    /// The same without schedule verbs, which say nothing after an
    /// expression ("as February ends"): the cues an expression weighs on
    /// its right.
    later: Vec<(usize, TokenCue)>,
    /// Some token of the sentence is "had".
    had: bool,
}

/// The tense cues of a text's tokens, each read at most once, and only in
/// sentences where some expression needs them.
pub(crate) struct TenseCues {
    /// By sentence number, filled on first use.
    sentences: Vec<OnceCell<SentenceCues>>,
    /// Commas in the tokens before each index, to count the commas between
    /// a cue and an expression in constant time.
    commas_before: Vec<usize>,
}

impl TenseCues {
    pub(crate) fn new(toks: &[Tok]) -> TenseCues {
        let count = toks.last().map_or(0, |t| t.sentence + 1);
        let sentences = (0..count).map(|_| OnceCell::new()).collect();
        let mut commas_before = Vec::with_capacity(toks.len() + 1);
        let mut n = 0;
        commas_before.push(0);
        for t in toks {
            n += usize::from(t.text == ",");
            commas_before.push(n);
        }
        TenseCues {
            sentences,
            commas_before,
        }
    }

    /// The cues of the sentence of token `at` (its tokens are contiguous:
    /// sentence numbers never decrease along the text).
    fn sentence_of(&self, toks: &[Tok], at: usize) -> &SentenceCues {
        let sentence = toks[at].sentence;
        self.sentences[sentence].get_or_init(|| {
            let mut first = at;
            while first > 0 && toks[first - 1].sentence == sentence {
                first -= 1;
            }
            let mut end = at;
            while end < toks.len() && toks[end].sentence == sentence {
                end += 1;
            }
            let cues: Vec<(usize, TokenCue)> = (first..end)
                .filter_map(|i| token_cue(toks, i).map(|c| (i, c)))
                .collect();
            let later = cues.iter().copied().filter(|(_, c)| !c.schedule).collect();
            SentenceCues {
                cues,
                later,
                had: toks[first..end].iter().any(|t| t.lower == "had"),
            }
        })
    }

    /// The direction an expression at tokens `start..end` looks in: the
    /// tense around it, except that the end of a term ("remains in effect
    /// through Tuesday", "funded until Jan. 19") lies ahead unless a past
    /// perfect says the term is over ("had bought shares through Sept. 29",
    /// "Until Thursday, they had not called him a suspect").
    pub(crate) fn direction(&self, toks: &[Tok], start: usize, end: usize) -> Tense {
        let tense = self.around(toks, start, end);
        let Some(lead) = term_end_lead(toks, start) else {
            return tense;
        };
        let past_perfect = self.sentence_of(toks, start).had;
        // "demand lagged well into the summer": "into" follows the verb's time.
        if tense == Tense::Past && (past_perfect || lead == "into") {
            Tense::Past
        } else {
            Tense::Future
        }
    }

    /// The tense of the verb nearest to tokens `start..end` in their sentence.
    pub(crate) fn around(&self, toks: &[Tok], start: usize, end: usize) -> Tense {
        let Some(sentence) = toks.get(start).map(|t| t.sentence) else {
            return Tense::Unknown;
        };
        let cues = self.sentence_of(toks, start);
        // The cues on the left, nearest first, then those on the right,
        // nearest first: the order of the distances, so the first of equal
        // scores wins as before. A cue scores at least its distance (but
        // for a reporting verb right next to the expression), so once the
        // distance reaches the best score no farther cue on that side can
        // beat it.
        let split = cues.cues.partition_point(|&(i, _)| i < start);
        let mut left = cues.cues[..split]
            .iter()
            .rev()
            .map(|&(i, c)| (start - 1 - i, i, c));
        let from = cues.later.partition_point(|&(i, _)| i < end);
        let mut right = cues.later[from..].iter().map(|&(i, c)| (i - end, i, c));
        let mut best: Option<(usize, Tense)> = None;
        for side in [&mut left as &mut dyn Iterator<Item = _>, &mut right] {
            for (distance, i, cue) in side {
                if best.is_some_and(|(b, _)| distance >= b.max(2)) {
                    break;
                }
                let after = i >= end;
                // "as February ends": a schedule verb after the expression has
                // it for subject; it says nothing of when.
                if after && cue.schedule {
                    continue;
                }
                // The verb an expression modifies usually comes before it; a
                // verb after it often belongs to a following clause.
                let mut penalty = cue.penalty + if after { RIGHT_PENALTY } else { 0 };
                // A comma between the two usually closes the clause the
                // expression is in ("approved in March, will enter into force").
                let commas = if after {
                    self.commas_before[i] - self.commas_before[end]
                } else {
                    self.commas_before[start] - self.commas_before[i + 1]
                };
                // "..., forecasters said.": an attribution closing the sentence
                // after a comma frames it and dates none of it (unlike "On
                // Wednesday, Alarcon, head of the assembly, said the boy ...").
                let closes_sentence = toks[i + 1..]
                    .iter()
                    .take(ATTRIBUTION_TAIL)
                    .any(|t| t.sentence != sentence)
                    || toks.len() - i <= ATTRIBUTION_TAIL;
                if after && cue.reporting && commas > 0 && closes_sentence {
                    continue;
                }
                penalty += CLAUSE_PENALTY * commas.min(2);
                // "detaining him on Friday and would not let his family see
                // him": a "would" after the expression opens another clause,
                // often one in the past ("would" as the past of "will").
                if after && cue.would {
                    penalty += 3;
                }
                // "said Tuesday", "said on Tuesday": the reporting verb right
                // next to the expression is the one it modifies.
                let score = if distance <= 1 && cue.reporting {
                    0
                } else {
                    distance + penalty
                };
                if best.is_none_or(|(d, _)| score < d) {
                    best = Some((score, cue.tense));
                }
            }
        }
        best.map_or(Tense::Unknown, |(_, t)| t)
    }
}

/// "until", "till", "through" or "into" in front of an expression, over
/// "at least", "well" and a clock time ("until 6am on 2 January").
fn term_end_lead<'a>(toks: &[Tok<'a>], start: usize) -> Option<&'a str> {
    let skippable = |w: &str| {
        matches!(
            w,
            "at" | "least" | "well" | "on" | "am" | "pm" | "a" | "p" | "m" | "." | ":"
        ) || w.starts_with(|c: char| c.is_ascii_digit())
    };
    (1..=7)
        .filter_map(|k| start.checked_sub(k))
        .map(|i| toks[i].lower)
        .find(|w| !skippable(w))
        .filter(|w| matches!(*w, "until" | "till" | "through" | "into"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_perfect_plans_look_back() {
        let text = "The offer had been due to expire Friday. The offer is due to expire Friday.";
        let mut buf = String::new();
        let all = crate::text::Span::new(0, text.len());
        let toks = super::super::pattern::tokenize(text, all, &mut buf);
        let fridays: Vec<usize> = (0..toks.len())
            .filter(|&i| toks[i].text == "Friday")
            .collect();
        let cues = TenseCues::new(&toks);
        assert_eq!(cues.around(&toks, fridays[0], fridays[0] + 1), Tense::Past);
        assert_eq!(
            cues.around(&toks, fridays[1], fridays[1] + 1),
            Tense::Future
        );
    }

    /// The weighing as first written: every token of the sentence, both
    /// ways, to its ends. The indexed version must agree with it.
    fn around_by_scanning(cues: &TenseCues, toks: &[Tok], start: usize, end: usize) -> Tense {
        let Some(sentence) = toks.get(start).map(|t| t.sentence) else {
            return Tense::Unknown;
        };
        let mut best: Option<(usize, Tense)> = None;
        let left = (0..start)
            .rev()
            .take_while(|&i| toks[i].sentence == sentence)
            .enumerate();
        let right = (end.min(toks.len())..toks.len())
            .take_while(|&i| toks[i].sentence == sentence)
            .enumerate();
        for (distance, i) in left.chain(right) {
            let Some(cue) = token_cue(toks, i) else {
                continue;
            };
            let after = i >= end;
            if after && cue.schedule {
                continue;
            }
            let mut penalty = cue.penalty + if after { RIGHT_PENALTY } else { 0 };
            let commas = if after {
                cues.commas_before[i] - cues.commas_before[end]
            } else {
                cues.commas_before[start] - cues.commas_before[i + 1]
            };
            let closes_sentence = toks[i + 1..]
                .iter()
                .take(ATTRIBUTION_TAIL)
                .any(|t| t.sentence != sentence)
                || toks.len() - i <= ATTRIBUTION_TAIL;
            if after && cue.reporting && commas > 0 && closes_sentence {
                continue;
            }
            penalty += CLAUSE_PENALTY * commas.min(2);
            if after && cue.would {
                penalty += 3;
            }
            let score = if distance <= 1 && cue.reporting {
                0
            } else {
                distance + penalty
            };
            if best.is_none_or(|(d, _)| score < d) {
                best = Some((score, cue.tense));
            }
        }
        best.map_or(Tense::Unknown, |(_, t)| t)
    }

    #[test]
    fn the_nearest_cues_decide_as_a_full_scan_of_the_sentence_would() {
        let mut texts: Vec<String> = [
            include_str!("../../../../assets/corpus/000_fd1aee54e6a12c6a.txt"),
            include_str!("../../../../assets/corpus/003_113eacf95b61ac4f.txt"),
            "The offer had been due to expire Friday, he said. Talks resume on Saturday, officials said, and would end Monday. \
             Markets open on Monday as February ends, the agency said in a statement. \
             It was postponed until Tuesday, but they will meet, said Demir, on Friday.",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // One long sentence: cues far from most of its dates, on both sides,
        // with commas, schedule verbs and reporting verbs in between.
        let mut long = String::from("Hearings were held");
        for k in 0..300 {
            long.push_str(match k % 7 {
                0 => " on Tuesday,",
                1 => " and said Friday",
                2 => " on March 3, 2021 as talks open",
                3 => " in May, would",
                4 => " next week",
                5 => " and will resume Sunday,",
                _ => " on 4 June",
            });
        }
        long.push_str(" and nothing more, the court said.");
        texts.push(long);
        for text in &texts {
            let mut buf = String::new();
            let all = crate::text::Span::new(0, text.len());
            let toks = super::super::pattern::tokenize(text, all, &mut buf);
            let cues = TenseCues::new(&toks);
            for start in 0..toks.len() {
                for end in start + 1..(start + 4).min(toks.len() + 1) {
                    assert_eq!(
                        cues.around(&toks, start, end),
                        around_by_scanning(&cues, &toks, start, end),
                        "{:?} at token {start}..{end}",
                        &text[toks[start].span.start..toks[end - 1].span.end]
                    );
                }
            }
        }
    }

    #[test]
    fn a_past_perfect_anywhere_in_a_long_sentence_ends_a_term() {
        let mut text = String::from("The shares had been held");
        for _ in 0..500 {
            text.push_str(" through Tuesday, and");
        }
        let mut buf = String::new();
        let all = crate::text::Span::new(0, text.len());
        let toks = super::super::pattern::tokenize(&text, all, &mut buf);
        let cues = TenseCues::new(&toks);
        let last = toks.iter().rposition(|t| t.text == "Tuesday").unwrap();
        assert_eq!(cues.direction(&toks, last, last + 1), Tense::Past);
    }
}
