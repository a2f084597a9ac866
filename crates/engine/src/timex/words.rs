//! TIMEX3 values read back in plain English, so a reader can check what a
//! relative date was resolved to ("last week" → "the week of 18 April
//! 2022") without knowing the notation.

use super::TimexType;
use chrono::{Datelike, NaiveDate, Weekday};

/// A calendar period `[start, end)` as precisely as it was written:
/// "9 February 2022", "December 2020", "January–March 2021", "the 1990s".
pub fn period_in_words(start: NaiveDate, end: NaiveDate) -> String {
    let days = (end - start).num_days();
    let last = end.pred_opt().unwrap_or(end);
    let whole_months = start.day() == 1 && end.day() == 1;
    let whole_years = whole_months && start.month() == 1 && end.month() == 1;
    let years = end.year() - start.year();
    match days {
        1 => start.format("%-d %B %Y").to_string(),
        7 => format!("the week of {}", start.format("%-d %B %Y")),
        _ if whole_years && years == 1 => start.format("%Y").to_string(),
        _ if whole_years && years == 10 && start.year() % 10 == 0 => {
            format!("the {}s", start.year())
        }
        _ if whole_years => format!("{}–{}", start.year(), last.year()),
        _ if whole_months && days <= 31 => start.format("%B %Y").to_string(),
        // A quarter, a half or a season: "January–March 2021".
        _ if whole_months && start.year() == last.year() => {
            format!("{}–{}", start.format("%B"), last.format("%B %Y"))
        }
        _ if whole_months => format!("{} – {}", start.format("%B %Y"), last.format("%B %Y")),
        _ => format!(
            "{} – {}",
            start.format("%-d %b %Y"),
            last.format("%-d %b %Y")
        ),
    }
}

/// A TIMEX3 value in words: the period of a date ("the week of 18 April
/// 2022", "3 March 2021, 17:00", "25 April 2022, night"), the length of a
/// duration ("5 years", "some days"), the rhythm of a set ("every week",
/// "every Monday"), or "now", "in the past", "in the future". Values it
/// cannot read come back as they are.
pub fn describe(value: &str, kind: TimexType) -> String {
    match value {
        "PRESENT_REF" => return "now".to_string(),
        "PAST_REF" => return "in the past".to_string(),
        "FUTURE_REF" => return "in the future".to_string(),
        _ => {}
    }
    if let Some(length) = duration_in_words(value) {
        return match kind {
            TimexType::Set => every(&length),
            _ => length,
        };
    }
    if let Some(day) = weekly_day(value) {
        return format!("every {day}");
    }
    let Some((start, end)) = super::interval(value) else {
        return value.to_string();
    };
    let period = period_in_words(start, end);
    // A "-WE" value denotes its ISO week; the weekend is its last two days.
    let saturday = start.checked_add_days(chrono::Days::new(5));
    let period = match saturday {
        Some(saturday) if value.ends_with("-WE") => {
            format!("the weekend of {}", saturday.format("%-d %B %Y"))
        }
        _ => period,
    };
    match value.split_once('T').map(|(_, time)| time) {
        Some(time) => format!("{period}, {}", time_of_day(time)),
        None => period,
    }
}

/// "P5Y" → "5 years", "PT2H" → "2 hours", "PXD" → "some days".
fn duration_in_words(value: &str) -> Option<String> {
    let rest = value.strip_prefix('P')?;
    let (clock, rest) = match rest.strip_prefix('T') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let split = rest.find(|c: char| c.is_ascii_alphabetic() && c != 'X')?;
    let (count, unit) = rest.split_at(split);
    let unit = match (clock, unit) {
        (true, "H") => "hour",
        (true, "M") => "minute",
        (true, "S") => "second",
        (false, "Y") => "year",
        (false, "M") => "month",
        (false, "Q") => "quarter",
        (false, "W") => "week",
        (false, "WE") => "weekend",
        (false, "D") => "day",
        _ => return None,
    };
    Some(match count {
        "X" => format!("some {unit}s"),
        "1" => format!("1 {unit}"),
        n if n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty() => format!("{n} {unit}s"),
        _ => return None,
    })
}

/// "1 week" → "every week", "2 weeks" → "every 2 weeks".
fn every(length: &str) -> String {
    match length.strip_prefix("1 ") {
        Some(unit) => format!("every {unit}"),
        None => format!("every {}", length.trim_start_matches("some ")),
    }
}

/// "XXXX-WXX-1" (every Monday) → "Monday".
fn weekly_day(value: &str) -> Option<&'static str> {
    let day = value.strip_prefix("XXXX-WXX-")?;
    let n: u8 = day.get(..1)?.parse().ok()?;
    let weekday = Weekday::try_from(n.checked_sub(1)?).ok()?;
    Some(match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    })
}

/// "17:00" stays as it is; "NI" → "night", "MO" → "morning" and so on.
fn time_of_day(time: &str) -> String {
    match time {
        "MO" => "morning".to_string(),
        "AF" => "afternoon".to_string(),
        "EV" => "evening".to_string(),
        "NI" => "night".to_string(),
        "DT" => "daytime".to_string(),
        "24:00" => "midnight, at the day's end".to_string(),
        "00:00" => "midnight".to_string(),
        clock => clock.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TimexType::{Date, Duration, Set, Time};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_in_words() {
        assert_eq!(
            period_in_words(d(2022, 2, 9), d(2022, 2, 10)),
            "9 February 2022"
        );
        assert_eq!(
            period_in_words(d(2020, 12, 1), d(2021, 1, 1)),
            "December 2020"
        );
        assert_eq!(period_in_words(d(2019, 1, 1), d(2020, 1, 1)), "2019");
        assert_eq!(period_in_words(d(1990, 1, 1), d(2000, 1, 1)), "the 1990s");
        assert_eq!(period_in_words(d(1995, 1, 1), d(2000, 1, 1)), "1995–1999");
        assert_eq!(
            period_in_words(d(2022, 4, 18), d(2022, 4, 25)),
            "the week of 18 April 2022"
        );
        assert_eq!(
            period_in_words(d(2021, 1, 1), d(2021, 4, 1)),
            "January–March 2021"
        );
        assert_eq!(
            period_in_words(d(2021, 12, 1), d(2022, 3, 1)),
            "December 2021 – February 2022"
        );
        assert_eq!(
            period_in_words(d(2022, 4, 23), d(2022, 4, 25)),
            "23 Apr 2022 – 24 Apr 2022"
        );
    }

    #[test]
    fn values_in_words() {
        assert_eq!(describe("2022-W16", Date), "the week of 18 April 2022");
        assert_eq!(describe("2021-03-03T17:00", Time), "3 March 2021, 17:00");
        assert_eq!(describe("2022-04-25TNI", Time), "25 April 2022, night");
        assert_eq!(
            describe("2021-08-30T24:00", Time),
            "30 August 2021, midnight, at the day's end"
        );
        assert_eq!(describe("2021-Q1", Date), "January–March 2021");
        assert_eq!(describe("199", Date), "the 1990s");
        assert_eq!(
            describe("2022-W16-WE", Date),
            "the weekend of 23 April 2022"
        );
        assert_eq!(describe("P5Y", Duration), "5 years");
        assert_eq!(describe("PT2H", Duration), "2 hours");
        assert_eq!(describe("P1D", Duration), "1 day");
        assert_eq!(describe("PXD", Duration), "some days");
        assert_eq!(describe("P1W", Set), "every week");
        assert_eq!(describe("XXXX-WXX-1", Set), "every Monday");
        assert_eq!(describe("PAST_REF", Date), "in the past");
        assert_eq!(describe("XXXX-07", Set), "XXXX-07");
    }
}
