use crate::text::Span;
use crate::timex::{tag, TimexType};
use chrono::NaiveDate;

#[test]
fn every_rule_is_indexed_by_its_first_tokens() {
    let unguarded: Vec<&str> = crate::timex::pattern::members(super::index().unguarded())
        .filter_map(|k| super::RULES.get(k).map(|r| r.name))
        .collect();
    assert!(unguarded.is_empty(), "tried at every token: {unguarded:?}");
    assert!(super::RULES.len() <= 128);
}

/// (text, type, value) of every timex found in `text` for an article dated `date`.
fn run(date: &str, text: &str) -> Vec<(String, TimexType, String)> {
    let anchor = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    tag(text, Span::new(0, text.len()), anchor)
        .into_iter()
        .map(|t| (t.span.of(text).to_string(), t.kind, t.value))
        .collect()
}

fn assert_tags(date: &str, text: &str, want: &[(&str, TimexType, &str)]) {
    let got = run(date, text);
    let want: Vec<(String, TimexType, String)> = want
        .iter()
        .map(|(s, k, v)| (s.to_string(), *k, v.to_string()))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

use TimexType::{Date, Duration, Set, Time};

#[test]
fn clock_times_with_a_time_zone_are_not_years() {
    assert_tags(
        "2021-03-03",
        "Shares rose by 1350 GMT and trading ends at 1400 EDT (1800 GMT), as in 1999; 2575 GMT is no time.",
        &[
            ("1350 GMT", Time, "2021-03-03T13:50Z"),
            ("1400 EDT", Time, "2021-03-03T14:00"),
            ("1999", Date, "1999"),
        ],
    );
}

#[test]
fn rule_names_are_unique() {
    let names: std::collections::HashSet<&str> = super::RULES.iter().map(|r| r.name).collect();
    assert_eq!(names.len(), super::RULES.len());
}

#[test]
fn explicit_dates() {
    assert_tags(
        "2023-06-14",
        "Mon 05th June 2023 | 09:30 AM. The council met on 7th June, 2023 and again on June 9, 2023.",
        &[
            ("Mon 05th June 2023", Date, "2023-06-05"),
            ("09:30 AM", Time, "2023-06-05T09:30"),
            ("7th June, 2023", Date, "2023-06-07"),
            ("June 9, 2023", Date, "2023-06-09"),
        ],
    );
    assert_tags(
        "2023-06-14",
        "HARBOUR TOWN - JUNE 02: Boats gathered. The fair runs from June 20-25. It opened Sept. 3, 1999.",
        &[
            ("JUNE 02", Date, "2023-06-02"),
            ("June 20", Date, "2023-06-20"),
            ("Sept. 3, 1999", Date, "1999-09-03"),
        ],
    );
}

#[test]
fn months_and_years() {
    assert_tags(
        "2023-05-20",
        "In January 2021, prices rose. The mill closed in March. It will reopen in late November. Sales fell in 2019.",
        &[
            ("January 2021", Date, "2021-01"),
            ("March", Date, "2023-03"),
            ("late November", Date, "2023-11"),
            ("2019", Date, "2019"),
        ],
    );
    assert_tags(
        "2023-05-20",
        "The club will open in March.",
        &[("March", Date, "2024-03")],
    );
}

#[test]
fn month_words_that_are_not_months() {
    assert_tags(
        "2023-05-20",
        "Prices may rise. May I ask? The march ended. They march on. Marchers left.",
        &[],
    );
}

#[test]
fn numbers_that_are_not_years() {
    assert_tags(
        "2023-05-20",
        "The S-400 and F-35 cost 1,000 dollars; batch 20230519 of 2500 units shipped in the Harbour Cup 2022.",
        &[],
    );
}

#[test]
fn relative_days_and_weekdays() {
    assert_tags(
        "2022-04-27",
        "The mayor said late Tuesday that the bridge will reopen on Friday. Yesterday it rained; today it is dry.",
        &[
            ("late Tuesday", Date, "2022-04-26"),
            ("Friday", Date, "2022-04-29"),
            ("Yesterday", Date, "2022-04-26"),
            ("today", Date, "2022-04-27"),
        ],
    );
    assert_tags(
        "2022-04-27",
        "Officials spoke on Wednesday. Last week the plant shut; it reopens next month. She called last night.",
        &[
            ("Wednesday", Date, "2022-04-27"),
            ("Last week", Date, "2022-W16"),
            ("next month", Date, "2022-05"),
            ("last night", Time, "2022-04-26TNI"),
        ],
    );
}

#[test]
fn tense_picks_the_weekday_direction() {
    assert_tags(
        "2022-04-27",
        "The envoy said on Monday that the army would withdraw. The talks are expected to resume on Friday.",
        &[("Monday", Date, "2022-04-25"), ("Friday", Date, "2022-04-29")],
    );
    assert_tags(
        "2022-04-27",
        "The ferry will sail in March; it last sailed in June.",
        &[("March", Date, "2023-03"), ("June", Date, "2021-06")],
    );
}

#[test]
fn anaphoric_expressions_count_from_the_last_date() {
    assert_tags(
        "2022-04-27",
        "In 2002, the town built a dam and, five years later, a bridge. Three weeks ago it flooded.",
        &[
            ("2002", Date, "2002"),
            ("five years later", Date, "2007"),
            ("Three weeks ago", Date, "2022-W14"),
        ],
    );
    assert_tags(
        "2021-03-03",
        "Anna Berg 5 minutes ago",
        &[("5 minutes ago", Time, "PAST_REF")],
    );
}

#[test]
fn quarters_decades_seasons() {
    assert_tags(
        "1995-11-02",
        "Third-quarter profit rose, the firm said. In the second quarter of 1994 and in the 1980s it lost money; last fall it grew. The 20th century ended well.",
        &[
            ("Third-quarter", Date, "1995-Q3"),
            ("the second quarter of 1994", Date, "1994-Q2"),
            ("the 1980s", Date, "198"),
            ("last fall", Date, "1994-FA"),
            ("The 20th century", Date, "19"),
        ],
    );
    assert_tags(
        "1995-11-02",
        "The quarter was weak, but fiscal 1996 looks better than the year-earlier quarter.",
        &[
            ("The quarter", Date, "1995-Q3"),
            ("fiscal 1996", Date, "1996"),
            ("the year-earlier quarter", Date, "1994-Q3"),
        ],
    );
}

#[test]
fn quarter_anaphora_follows_the_report_topic() {
    // The report is about the third quarter; an aside about the second
    // does not move what "the year-ago period" and "the latest period" mean.
    assert_tags(
        "2011-11-03",
        "Acme posted third-quarter profit of $5 million. After a weak second quarter, \
         margins recovered. The quarter-to-quarter gain beat the year-ago period, \
         and the latest period had no charges.",
        &[
            ("third-quarter", Date, "2011-Q3"),
            ("second quarter", Date, "2011-Q2"),
            ("the year-ago period", Date, "2010-Q3"),
            ("the latest period", Date, "2011-Q3"),
        ],
    );
}

#[test]
fn durations_and_sets() {
    assert_tags(
        "2020-01-10",
        "The talks lasted three years and the past two weeks were hard. Trains run every week and buses daily; he earns $5 million a year.",
        &[
            ("three years", Duration, "P3Y"),
            ("the past two weeks", Duration, "P2W"),
            ("every week", Set, "P1W"),
            ("daily", Set, "P1D"),
            ("a year", Set, "P1Y"),
        ],
    );
    assert_tags(
        "2020-01-10",
        "A two-hour meeting took nearly an hour longer than the 30-year plan had allowed for several years.",
        &[
            ("two-hour", Duration, "PT2H"),
            ("nearly an hour", Duration, "PT1H"),
            ("30-year", Duration, "P30Y"),
            ("several years", Duration, "PXY"),
        ],
    );
}

#[test]
fn bare_clock_time_is_on_the_day_last_named() {
    assert_tags(
        "2021-03-10",
        "The depot burned on March 3. The first alarm sounded at 6 a.m.",
        &[
            ("March 3", Date, "2021-03-03"),
            ("6 a.m.", Time, "2021-03-03T06:00"),
        ],
    );
}

#[test]
fn the_previous_weekday_counts_from_the_day_named() {
    assert_tags(
        "2021-06-14",
        "Shares fell on Friday, down 3% from the previous Friday.",
        &[
            ("Friday", Date, "2021-06-11"),
            ("the previous Friday", Date, "2021-06-04"),
        ],
    );
    assert_tags(
        "2021-06-14",
        "The plant shut on June 2 and reopened the following Monday.",
        &[
            ("June 2", Date, "2021-06-02"),
            ("the following Monday", Date, "2021-06-07"),
        ],
    );
}

#[test]
fn fiscal_years() {
    assert_tags(
        "2012-05-09",
        "Sales in the current fiscal year should top those of the latest fiscal year. \
         In the fiscal year ended March 31, profit doubled.",
        &[
            ("the current fiscal year", Date, "2012"),
            ("the latest fiscal year", Date, "2011"),
            ("the fiscal year", Duration, "P1Y"),
            ("March 31", Date, "2012-03-31"),
        ],
    );
}

#[test]
fn soon_is_future_only_as_an_adverb() {
    assert_tags(
        "2020-01-10",
        "The mill will soon reopen. Call as soon as you can. The fire was soon out.",
        &[("soon", Date, "FUTURE_REF")],
    );
}

#[test]
fn references_and_times_of_day() {
    assert_tags(
        "2020-01-10",
        "The firm is now bigger and currently hiring; it recently moved. In the past it was small, and in the future it may grow. This morning the CEO spoke at 10 p.m. Tuesday.",
        &[
            ("now", Date, "PRESENT_REF"),
            ("currently", Date, "PRESENT_REF"),
            ("recently", Date, "PAST_REF"),
            ("the past", Date, "PAST_REF"),
            ("the future", Date, "FUTURE_REF"),
            ("This morning", Time, "2020-01-10TMO"),
            ("10 p.m. Tuesday", Time, "2020-01-07T22:00"),
        ],
    );
}

#[test]
fn the_verb_before_an_expression_sets_its_tense() {
    assert_tags(
        "2021-02-10",
        "The ferry line will add crossings by August in regions untouched by the storm.",
        &[("August", Date, "2021-08")],
    );
}

#[test]
fn weekdays_in_present_or_as_soon_as_are_ahead() {
    // 2022-04-27 is a Wednesday.
    assert_tags(
        "2022-04-27",
        "The envoys are meeting Friday. The crew could sail as soon as Monday. The board met Tuesday.",
        &[
            ("Friday", Date, "2022-04-29"),
            ("Monday", Date, "2022-05-02"),
            ("Tuesday", Date, "2022-04-26"),
        ],
    );
}

#[test]
fn durations_with_a_half() {
    assert_tags(
        "2020-01-10",
        "The strike lasted 3 1/2 years; the vote took a minute and a half, the drive half an hour.",
        &[
            ("3 1/2 years", Duration, "P3Y6M"),
            ("a minute and a half", Duration, "PT1M30S"),
            ("half an hour", Duration, "PT30M"),
        ],
    );
}

#[test]
fn clock_time_on_a_date() {
    assert_tags(
        "2021-03-02",
        "Bids are due by 5 p.m. EST, March 9, and the offer ends at noon April 1.",
        &[
            ("5 p.m. EST, March 9", Time, "2021-03-09T17:00"),
            ("noon April 1", Time, "2021-04-01T12:00"),
        ],
    );
}

#[test]
fn sets_of_months_and_weekday_parts() {
    assert_tags(
        "2021-03-02",
        "The fair opens each July; the club meets Thursday evenings.",
        &[
            ("each July", Set, "XXXX-07"),
            ("Thursday evenings", Set, "XXXX-WXX-4TEV"),
        ],
    );
}

#[test]
fn month_tense_cues() {
    assert_tags(
        "2021-10-20",
        "The new rate, effective Feb. 1, was approved. The case is heard in December.",
        &[
            ("Feb. 1", Date, "2022-02-01"),
            ("December", Date, "2021-12"),
        ],
    );
    assert_tags(
        "2021-10-20",
        "The bonus would be paid on a still unspecified date in January.",
        &[("January", Date, "2022-01")],
    );
    assert_tags(
        "2021-10-20",
        "In August, the firm announced plans to sell its mills.",
        &[("August", Date, "2021-08")],
    );
    assert_tags(
        "2022-04-10",
        "Police have been looking for him since the Nov. 2 fire.",
        &[("Nov. 2", Date, "2021-11-02")],
    );
}

#[test]
fn ranges_weeks_of_dates_and_mid_parts() {
    assert_tags(
        "2021-03-02",
        "Repairs take two to three weeks, and the loan runs for the next 12 to 18 months.",
        &[
            ("two to three weeks", Duration, "PXW"),
            ("the next 12 to 18 months", Duration, "PXM"),
        ],
    );
    assert_tags(
        "2021-03-02",
        "Hearings are set for the week of March 15, 2021, or the week of April 5.",
        &[
            ("the week of March 15, 2021", Date, "2021-W11"),
            ("the week of April 5", Date, "2021-W14"),
        ],
    );
    assert_tags(
        "2021-03-02",
        "Shares slid in mid-afternoon yesterday and again at midday.",
        &[
            ("mid-afternoon yesterday", Time, "2021-03-01TAF"),
            ("midday", Time, "2021-03-02T12:00"),
        ],
    );
}

#[test]
fn plans_and_deferrals_point_ahead() {
    assert_tags(
        "2000-01-07",
        "Protesters planned a large demonstration on Saturday and were planning to drive around Miami.",
        &[("Saturday", Date, "2000-01-08")],
    );
    assert_tags(
        "2000-03-30",
        "Officials postponed until Tuesday morning any action on the case.",
        &[("Tuesday morning", Date, "2000-04-04")],
    );
    assert_tags(
        "1998-08-17",
        "On Friday, when Albright set aside her vacation for the hastily planned trip, the department lifted a warning.",
        &[("Friday", Date, "1998-08-14")],
    );
}

#[test]
fn a_month_and_day_keep_the_article_year_after_a_month_of_another_year() {
    assert_tags(
        "1990-08-15",
        "He had rejected the treaty after the August 1988 cease-fire. Iran had condemned the invasion of Kuwait on Aug. 2.",
        &[("August 1988", Date, "1988-08"), ("Aug. 2", Date, "1990-08-02")],
    );
    assert_tags(
        "1999-10-24",
        "He was killed on Oct. 23, 1998, at home. On Oct. 25, the police found the car.",
        &[
            ("Oct. 23, 1998", Date, "1998-10-23"),
            ("Oct. 25", Date, "1998-10-25"),
        ],
    );
}

#[test]
fn last_and_next_with_a_month_and_day() {
    assert_tags(
        "1999-04-19",
        "He was shot to death last Oct. 23 at his home; the trial opens next Feb. 2.",
        &[
            ("last Oct. 23", Date, "1998-10-23"),
            ("next Feb. 2", Date, "2000-02-02"),
        ],
    );
}

#[test]
fn the_year_is_a_date_unless_it_spans_a_period() {
    assert_tags(
        "1989-11-02",
        "For the year, pet food volume was flat. Sales for the year ended Sept. 30 rose.",
        &[
            ("the year", Date, "1989"),
            ("the year", Duration, "P1Y"),
            ("Sept. 30", Date, "1989-09-30"),
        ],
    );
}

#[test]
fn a_month_with_a_relative_or_spelled_out_year_is_one_expression() {
    assert_tags(
        "1998-02-19",
        "In June last year the leaders split; in early October this year they meet again, and in April next year they vote.",
        &[
            ("June last year", Date, "1997-06"),
            ("early October this year", Date, "1998-10"),
            ("April next year", Date, "1999-04"),
        ],
    );
    assert_tags(
        "1998-02-27",
        "January nineteen ninety-seven. Prices peaked in the winter of nineteen ninety-four.",
        &[
            ("January nineteen ninety-seven", Date, "1997-01"),
            ("the winter of nineteen ninety-four", Date, "1994-WI"),
        ],
    );
}

#[test]
fn that_day_needs_a_day_to_refer_to() {
    assert_tags(
        "1989-10-30",
        "The index is based on 1969. Market makers lost on trades made that day.",
        &[("1969", Date, "1969")],
    );
    assert_tags(
        "1999-10-24",
        "He was killed on Oct. 23, 1998. Earlier that day, the family sent a fax.",
        &[
            ("Oct. 23, 1998", Date, "1998-10-23"),
            ("Earlier that day", Date, "1998-10-23"),
        ],
    );
}

#[test]
fn quarters_of_a_whole_are_fractions() {
    assert_tags(
        "1990-08-15",
        "Iraq imports about three-quarters of its food and more than a quarter of its fuel, as it did for three quarters of 1989.",
        &[("three quarters", Duration, "P3Q"), ("1989", Date, "1989")],
    );
}

#[test]
fn lists_of_years_and_of_days() {
    assert_tags(
        "1999-04-19",
        "The car crossed the border in 1994, 1995 and 1997. A 1996 law named for him stands. The summit is on April 24 and 25.",
        &[
            ("1994", Date, "1994"),
            ("1995", Date, "1995"),
            ("1997", Date, "1997"),
            ("1996", Date, "1996"),
            ("April 24", Date, "1999-04-24"),
            ("25", Date, "1999-04-25"),
        ],
    );
    assert_tags(
        "1999-04-19",
        "Sales of 1,995 units and 24 and 25 percent gains.",
        &[],
    );
}

#[test]
fn titles_of_works_are_not_dates() {
    assert_tags(
        "1991-02-25",
        "Baker said on ABC's \"This Week With David Brinkley\" that the poster of ``High Noon'' helped, and high noon comes today.",
        &[("today", Date, "1991-02-25")],
    );
    assert_tags(
        "1989-10-26",
        "\"The question remains.\" Last April, the group planned to buy shares.",
        &[("Last April", Date, "1989-04")],
    );
}

#[test]
fn the_past_decade_is_ten_years_and_several_quarters_a_span() {
    assert_tags(
        "1998-10-25",
        "Threats became routine over the past decade, as in the last decade, after several quarters of losses.",
        &[
            ("the past decade", Duration, "P10Y"),
            ("the last decade", Date, "198"),
            ("several quarters", Duration, "PXQ"),
        ],
    );
}

#[test]
fn year_end_couples_and_prefixed_years() {
    assert_tags(
        "1989-10-30",
        "The deal should close by year-end; the index change is since year-end. Sales may double over the next couple of years and fall within weeks to the post-1959 low.",
        &[
            ("year-end", Date, "1989"),
            ("year-end", Date, "1988"),
            ("the next couple of years", Duration, "P2Y"),
            ("weeks", Duration, "PXW"),
            ("1959", Date, "1959"),
        ],
    );
}

#[test]
fn holidays_by_rule() {
    assert_tags(
        "1998-10-26",
        "Clinic violence will be a theme from now to Election Day. Shops close on Memorial Day, Good Friday and Easter.",
        &[
            ("now", Date, "PRESENT_REF"),
            ("Election Day", Date, "1998-11-03"),
            ("Memorial Day", Date, "1998-05-25"),
            ("Good Friday", Date, "1998-04-10"),
            ("Easter", Date, "1998-04-12"),
        ],
    );
}

#[test]
fn the_next_morning_is_the_day_after_the_day_named() {
    assert_tags(
        "2000-02-24",
        "He was hounded on Tuesday, Feb. 22, and appeared in court the next morning.",
        &[
            ("Tuesday, Feb. 22", Date, "2000-02-22"),
            ("the next morning", Date, "2000-02-23"),
        ],
    );
}

#[test]
fn names_with_today_or_minutes_are_titles() {
    assert_tags(
        "2000-04-17",
        "He told USA Today, ABC News' \"This Week,\" and CBS's ''60 Minutes'' that the case matters today. This is VOA Today.",
        &[("today", Date, "2000-04-17")],
    );
    assert_tags(
        "1989-11-01",
        "It was one of the events of the past century.",
        &[("the past century", Duration, "P100Y")],
    );
}

#[test]
fn quotes_that_open_with_a_date_keep_it() {
    assert_tags(
        "2000-04-17",
        "\"Last Tuesday we met,\" he said. \"January 2000 was hard,\" she said.",
        &[
            ("Last Tuesday", Date, "2000-04-11"),
            ("January 2000", Date, "2000-01"),
        ],
    );
}

#[test]
fn halves_holiday_weeks_and_then_current() {
    assert_tags(
        "1989-10-26",
        "Earnings will be lower for the last half of 1989. Holders may buy at the then current price for the first half hour.",
        &[
            ("the last half of 1989", Date, "1989-H2"),
            ("then current", Date, "PAST_REF"),
        ],
    );
    assert_tags(
        "2000-04-17",
        "Protesters prayed as Easter week began.",
        &[("Easter week", Date, "2000-W16")],
    );
}

#[test]
fn a_historical_quarter_is_not_the_report_topic() {
    assert_tags(
        "1989-10-27",
        "It stopped paying a dividend in the third quarter of 1984. It reported third-quarter net of $68.2 million, up from $66.8 million a year ago.",
        &[
            ("the third quarter of 1984", Date, "1984-Q3"),
            ("third-quarter", Date, "1989-Q3"),
            ("a year ago", Date, "1988-Q3"),
        ],
    );
}

#[test]
fn the_quarter_a_year_ago_and_last_february() {
    assert_tags(
        "1989-10-26",
        "It lost money in the third quarter. For the quarter a year ago, it earned $16.3 million.",
        &[
            ("the third quarter", Date, "1989-Q3"),
            ("the quarter a year ago", Date, "1988-Q3"),
        ],
    );
    assert_tags(
        "1998-03-01",
        "Two helicopters crashed last February.",
        &[("last February", Date, "1997-02")],
    );
}

#[test]
fn numeric_and_iso_dates() {
    assert_tags(
        "2022-04-27",
        "The deal, signed on 2021-12-15, takes effect on 1/15/2023; the rival's on 15/1/2023 and 24.02.2022. Version 1.2.2022-3 is not a date.",
        &[
            ("2021-12-15", Date, "2021-12-15"),
            ("1/15/2023", Date, "2023-01-15"),
            ("15/1/2023", Date, "2023-01-15"),
            ("24.02.2022", Date, "2022-02-24"),
        ],
    );
    assert_tags("2022-04-27", "Call 2021-13-45 or 31/31/2022.", &[]);
}

#[test]
fn financial_shorthand_quarters_and_halves() {
    assert_tags(
        "2022-04-27",
        "Sales rose in Q1 2022 and H2 2021; sales in Q3 will be weaker, as in Q4. The first half of the year was calm. The Audi Q3 and the Q4 e-tron sold well.",
        &[
            ("Q1 2022", Date, "2022-Q1"),
            ("H2 2021", Date, "2021-H2"),
            ("Q3", Date, "2022-Q3"),
            ("Q4", Date, "2022-Q4"),
            ("The first half of the year", Date, "2022-H1"),
        ],
    );
}

#[test]
fn overnight_and_clock_times_on_a_weekday() {
    assert_tags(
        "2022-04-27",
        "Russia launched strikes overnight; the overnight rate held. The blast hit at around 3 a.m. on Sunday.",
        &[
            ("overnight", Time, "2022-04-26TNI"),
            ("around 3 a.m. on Sunday", Time, "2022-04-24T03:00"),
        ],
    );
}

#[test]
fn adjectival_and_modified_durations() {
    assert_tags(
        "1989-10-30",
        "They held a third day-long meeting in a decades-long battle after a weeklong trip. The loan may run for an additional year. Shares fell for eight trading days as the firm moved to a calendar year.",
        &[
            ("day-long", Duration, "P1D"),
            ("decades-long", Duration, "PXY"),
            ("weeklong", Duration, "P1W"),
            ("an additional year", Duration, "P1Y"),
            ("eight trading days", Duration, "P8D"),
        ],
    );
}

#[test]
fn race_times_and_decimals_are_not_clock_times_or_durations() {
    assert_tags(
        "1996-08-30",
        "Thorsett ran 4:11.06 and Masterkova four minutes 6.87 seconds, before a couple of days off and a news conference at 4:30 p.m.",
        &[
            ("four minutes", Duration, "PT4M"),
            ("a couple of days", Duration, "P2D"),
            ("4:30 p.m.", Time, "1996-08-30T16:30"),
        ],
    );
}

#[test]
fn a_would_after_the_day_belongs_to_another_clause() {
    assert_tags(
        "1996-08-31",
        "Police gave no reason for detaining Wang on Friday and would not let his family see him.",
        &[("Friday", Date, "1996-08-30")],
    );
    assert_tags(
        "1996-08-31",
        "Officials said they would meet on Friday.",
        &[("Friday", Date, "1996-09-06")],
    );
}

#[test]
fn into_the_fourth_quarter_looks_ahead() {
    assert_tags(
        "1996-08-30",
        "Traders were awaiting an upturn into the fourth quarter. Profit fell in the fourth quarter.",
        &[
            ("the fourth quarter", Date, "1996-Q4"),
            ("the fourth quarter", Date, "1995-Q4"),
        ],
    );
}

#[test]
fn the_same_period_last_year_and_terms_through_a_month() {
    assert_tags(
        "1989-11-01",
        "It lost money in the third quarter, against a profit for the corresponding period last year. U.K. sales for last year's quarter were flat.",
        &[
            ("the third quarter", Date, "1989-Q3"),
            ("the corresponding period last year", Date, "1988-Q3"),
            ("last year's quarter", Date, "1988-Q3"),
        ],
    );
    assert_tags(
        "1989-10-30",
        "The bank extended loans through January; sales were flat this year through August.",
        &[
            ("January", Date, "1990-01"),
            ("this year", Date, "1989"),
            ("August", Date, "1989-08"),
        ],
    );
}

#[test]
fn review_cases_idioms_names_counts_and_deadlines() {
    assert_tags(
        "2022-04-27",
        "Such change will not happen overnight; he became an overnight celebrity. Russia shelled Kharkiv overnight.",
        &[("overnight", Time, "2022-04-26TNI")],
    );
    assert_tags(
        "2022-04-27",
        "Stocks rallied over the last half-century. Theresa May last year resigned; in May last year prices rose.",
        &[("last year", Date, "2021"), ("May last year", Date, "2021-05")],
    );
    assert_tags(
        "2022-04-27",
        "A two-hour-long meeting, a 30-minute-long video and a decades-long battle.",
        &[
            ("two-hour", Duration, "PT2H"),
            ("30-minute", Duration, "PT30M"),
            ("decades-long", Duration, "PXY"),
        ],
    );
    assert_tags(
        "2022-04-27",
        "Storms struck on April 24 and 25 homes were lost; rates rose 24 and 25 percent; talks ran on April 24 and 25 in Geneva.",
        &[
            ("April 24", Date, "2022-04-24"),
            ("April 24", Date, "2022-04-24"),
            ("25", Date, "2022-04-25"),
        ],
    );
    assert_tags(
        "2022-04-05",
        "Churches were full on Easter.",
        &[("Easter", Date, "2021-04-04")],
    );
    assert_tags(
        "2022-01-10",
        "By year-end, the index had gained 20 percent. The deal will close by year-end.",
        &[("year-end", Date, "2021"), ("year-end", Date, "2022")],
    );
    assert_tags(
        "2025-03-10",
        "He died last Feb. 29, and version 1.2.2022 shipped on 24.02.2022.",
        &[
            ("last Feb. 29", Date, "2024-02-29"),
            ("24.02.2022", Date, "2022-02-24"),
        ],
    );
}

#[test]
fn bare_clock_times_need_a_place_in_the_sentence() {
    assert_tags(
        "1996-08-31",
        "3. Ekimov 1:7 4. Lietti (Italy) MG-Technogym 1:16. They meet at 11:30 and again on March 3, 2021, 17:30.",
        &[
            ("11:30", Time, "1996-08-31T11:30"),
            ("March 3, 2021", Date, "2021-03-03"),
            ("17:30", Time, "2021-03-03T17:30"),
        ],
    );
}

#[test]
fn names_and_table_rows_are_not_sets_or_references() {
    assert_tags(
        "1996-08-31",
        "The China Daily said prices rose daily. Current 1.30 1.35; current talks go on. France led early in the second half.",
        &[("daily", Set, "P1D"), ("current", Date, "PRESENT_REF")],
    );
}

#[test]
fn compound_durations_newspapers_and_ordinal_names() {
    assert_tags(
        "1996-08-31",
        "He won a two hour, 24 minute match; Ludwig finished in 4 hours 48 mins 2 seconds; the term is a year and six months.",
        &[
            ("two hour, 24 minute", Duration, "PT2H24M"),
            ("4 hours 48 mins 2 seconds", Duration, "PT4H48M2S"),
            ("a year and six months", Duration, "P1Y6M"),
        ],
    );
    assert_tags(
        "1996-08-31",
        "June 19-23 Second test. He told the daily Sueddeutsche Zeitung, and the daily said so, that prices rose daily.",
        &[("June 19", Date, "1996-06-19"), ("daily", Set, "P1D")],
    );
}

#[test]
fn glued_meridiems_and_hyphenated_edges() {
    assert_tags(
        "2022-04-27",
        "Growth slowed at end-2021 and in late-2021. The vote is at 3pm, then at 10:30am on Friday; 13pm is no time.",
        &[
            ("end-2021", Date, "2021"),
            ("late-2021", Date, "2021"),
            ("3pm", Time, "2022-04-27T15:00"),
            ("10:30am on Friday", Time, "2022-04-29T10:30"),
        ],
    );
}

#[test]
fn later_that_month_and_days_after_a_coarser_date() {
    assert_tags(
        "2022-04-27",
        "Russia invaded on Feb. 24. Later that month, talks began. In January, troops had massed; two days later, the West responded.",
        &[
            ("Feb. 24", Date, "2022-02-24"),
            ("Later that month", Date, "2022-02"),
            ("January", Date, "2022-01"),
            ("two days", Duration, "P2D"),
        ],
    );
}

#[test]
fn offsets_from_a_named_date_are_one_date() {
    assert_tags(
        "2000-02-24",
        "The day before last Tuesday's hearing, Manuel went to court. Two days after Christmas, talks resumed. \
         The year after 1998 was calm. He served for five years after 2002. Stocks fell eight trading days after Oct. 12.",
        &[
            ("The day before last Tuesday", Date, "2000-02-21"),
            ("Two days after Christmas", Date, "1999-12-27"),
            ("The year after 1998", Date, "1999"),
            ("five years", Duration, "P5Y"),
            ("2002", Date, "2002"),
            ("eight trading days", Duration, "P8D"),
            ("Oct. 12", Date, "1999-10-12"),
        ],
    );
}

#[test]
fn clock_hours_with_a_part_of_day() {
    assert_tags(
        "2000-04-05",
        "The father will leave at 4 in the morning and return by 9 at night. Game 4 in the evening sold out.",
        &[
            ("4 in the morning", Time, "2000-04-05T04:00"),
            ("9 at night", Time, "2000-04-05T21:00"),
        ],
    );
}

#[test]
fn vague_present_and_future_phrases() {
    assert_tags(
        "1989-10-30",
        "Funds may sell junk in the weeks ahead. These days, traders hedge. In the near term, growth slows, \
         but in the long run it works. They will live without it for a while; once in a while it rains.",
        &[
            ("the weeks ahead", Duration, "PXW"),
            ("These days", Date, "PRESENT_REF"),
            ("the near term", Date, "FUTURE_REF"),
            ("a while", Duration, "PXX"),
        ],
    );
}

#[test]
fn counts_with_thousands_separators() {
    assert_tags(
        "2022-04-27",
        "The siege lasted 1,500 days, after 10,000 years of history. The 1,50 days is a typo; 6.87 seconds is a race time.",
        &[
            ("1,500 days", Duration, "P1500D"),
            ("10,000 years", Duration, "P10000Y"),
        ],
    );
}

#[test]
fn unspecified_past_and_future_times() {
    assert_tags(
        "1989-10-30",
        "There were sell programs in past years. Losses will cut taxes in future quarters, \
         and the rest will be raised at a later date.",
        &[
            ("past years", Date, "PAST_REF"),
            ("future quarters", Date, "FUTURE_REF"),
            ("a later date", Date, "FUTURE_REF"),
        ],
    );
}

#[test]
fn holidays_told_on_the_day_and_more_names() {
    assert_tags(
        "2022-12-25",
        "On Christmas Eve, he celebrated Mass. The grid operator said on Christmas Day that power was back. \
         Forecasters expect a wet Boxing Day.",
        &[
            ("Christmas Eve", Date, "2022-12-24"),
            ("Christmas Day", Date, "2022-12-25"),
            ("Boxing Day", Date, "2022-12-26"),
        ],
    );
    assert_tags(
        "2023-11-21",
        "Shoppers spent $9.8 billion on Black Friday and $11.3 billion on Cyber Monday. \
         Orthodox Easter was on April 16; May Day marches turned violent.",
        &[
            ("Black Friday", Date, "2022-11-25"),
            ("Cyber Monday", Date, "2022-11-28"),
            ("Orthodox Easter", Date, "2023-04-16"),
            ("April 16", Date, "2023-04-16"),
            ("May Day", Date, "2023-05-01"),
        ],
    );
    assert_tags(
        "2021-03-02",
        "The pope will visit on Easter Monday, Palm Sunday and Ash Wednesday.",
        &[
            ("Easter Monday", Date, "2021-04-05"),
            ("Palm Sunday", Date, "2021-03-28"),
            ("Ash Wednesday", Date, "2022-03-02"),
        ],
    );
}

#[test]
fn schedules_in_the_present_and_expectations_look_ahead() {
    assert_tags(
        "2015-12-31",
        "The Rio Olympics open on 5 August, and the tournament runs from 10 June.",
        &[
            ("5 August", Date, "2016-08-05"),
            ("10 June", Date, "2016-06-10"),
        ],
    );
    assert_tags(
        "2024-02-29",
        "The Six Nations resumes on Saturday. Storms may disrupt travel on Tuesday. Officials met on Tuesday.",
        &[
            ("Saturday", Date, "2024-03-02"),
            ("Tuesday", Date, "2024-03-05"),
            ("Tuesday", Date, "2024-02-27"),
        ],
    );
    assert_tags(
        "2019-07-15",
        "Boeing said it expected the 737 MAX to return to service in the fourth quarter. \
         American extended its cancellations through Nov. 2.",
        &[
            ("the fourth quarter", Date, "2019-Q4"),
            ("Nov. 2", Date, "2019-11-02"),
        ],
    );
    // Past ability and infinitives do not look ahead.
    assert_tags(
        "2000-01-06",
        "His grandparents could not be located Wednesday. Bush let the offensive begin Saturday.",
        &[
            ("Wednesday", Date, "2000-01-05"),
            ("Saturday", Date, "2000-01-01"),
        ],
    );
}

#[test]
fn a_future_sentence_does_not_follow_a_past_reference_day() {
    assert_tags(
        "2023-11-21",
        "Shoppers spent $11.3 billion on Cyber Monday last year. Sales between Nov. 1 and Dec. 31 are expected to grow.",
        &[
            ("Cyber Monday", Date, "2022-11-28"),
            ("last year", Date, "2022"),
            ("Nov. 1", Date, "2023-11-01"),
            ("Dec. 31", Date, "2023-12-31"),
        ],
    );
}

#[test]
fn a_clock_time_before_its_day_is_one_time() {
    assert_tags(
        "2024-02-29",
        "Parliament rose on 10 March. Clocks go forward at 1am on 31 March; the walkout runs from 7am on 11 April \
         to 7am on 15 April, and the vote is at 3 p.m. on New Year's Eve.",
        &[
            ("10 March", Date, "2024-03-10"),
            ("1am on 31 March", Time, "2024-03-31T01:00"),
            ("7am on 11 April", Time, "2024-04-11T07:00"),
            ("7am on 15 April", Time, "2024-04-15T07:00"),
            ("3 p.m. on New Year's Eve", Time, "2024-12-31T15:00"),
        ],
    );
}

#[test]
fn bare_clock_times_keep_to_their_tense_and_midnight_ends_a_day() {
    assert_tags(
        "2016-11-09",
        "Trump will be sworn in on Jan. 20, 2017. Clinton called Trump to concede at about 2:30 a.m. \
         The last troops left shortly before midnight Monday.",
        &[
            ("Jan. 20, 2017", Date, "2017-01-20"),
            ("about 2:30 a.m.", Time, "2016-11-09T02:30"),
            ("midnight Monday", Time, "2016-11-07T24:00"),
        ],
    );
}

#[test]
fn sets_every_n_units_plural_weekdays_and_quarterly() {
    assert_tags(
        "2021-11-14",
        "Countries must update their pledges every five years. Shops open on Sundays; the fund pays quarterly, \
         not its quarterly dividend. Fridays For Future marched.",
        &[
            ("every five years", Set, "P5Y"),
            ("Sundays", Set, "XXXX-WXX-7"),
            ("quarterly", Set, "P3M"),
        ],
    );
}

#[test]
fn both_days_of_a_range_in_one_month() {
    assert_tags(
        "2023-06-18",
        "The championships run from 19 to 27 August. Voters went to the polls on 11 and 18 June. \
         The conference is in Seattle from May 21 to 23. Between 10 and 14 people came on 3 May.",
        &[
            ("19", Date, "2023-08-19"),
            ("27 August", Date, "2023-08-27"),
            ("11", Date, "2023-06-11"),
            ("18 June", Date, "2023-06-18"),
            ("May 21", Date, "2023-05-21"),
            ("23", Date, "2023-05-23"),
            ("3 May", Date, "2023-05-03"),
        ],
    );
}

#[test]
fn nth_weekday_of_a_month_and_generic_weekdays() {
    assert_tags(
        "2023-03-26",
        "The clocks will go back on the last Sunday in October. Christmas falls on a Monday this year. \
         He appeared on the Today programme. The parade is on the fourth Thursday of November 2024.",
        &[
            ("the last Sunday in October", Date, "2023-10-29"),
            ("Christmas", Date, "2023-12-25"),
            ("this year", Date, "2023"),
            ("the fourth Thursday of November 2024", Date, "2024-11-28"),
        ],
    );
}

#[test]
fn british_times_european_dates_and_the_end_of_a_unit() {
    assert_tags(
        "2024-02-29",
        "Shares closed at 4.30pm and trading resumed at 9.30 a.m.; rates rose 4.45 percent. \
         The report was published on 19-10-2021. The firm aims to hire 500 people by the end of the month.",
        &[
            ("4.30pm", Time, "2024-02-29T16:30"),
            ("9.30 a.m.", Time, "2024-02-29T09:30"),
            ("19-10-2021", Date, "2021-10-19"),
            ("the end of the month", Date, "2024-02"),
        ],
    );
}

#[test]
fn anaphoric_parts_of_days_and_neighbouring_units() {
    assert_tags(
        "2022-12-25",
        "Zelenskiy arrived in Washington on Dec. 21 and addressed Congress that evening. \
         The day before, he had been in Bakhmut. Sales fell in the March quarter, in the spring and autumn.",
        &[
            ("Dec. 21", Date, "2022-12-21"),
            ("that evening", Time, "2022-12-21TEV"),
            ("The day before", Date, "2022-12-20"),
            ("the March quarter", Date, "2022-Q1"),
            ("the spring", Date, "2022-SP"),
            ("autumn", Date, "2022-FA"),
        ],
    );
}

#[test]
fn comparisons_and_the_next_decade() {
    assert_tags(
        "2021-11-14",
        "India pledged net zero by 2070, two decades later than most developed countries. \
         Beijing aims to double its stockpile over the next decade. Growth will pick up next decade.",
        &[
            ("2070", Date, "2070"),
            ("two decades", Duration, "P20Y"),
            ("the next decade", Duration, "P10Y"),
            ("next decade", Date, "203"),
        ],
    );
}

#[test]
fn a_quarter_named_in_an_aside_does_not_date_a_year_ago() {
    assert_tags(
        "2023-11-21",
        "Walmart, which reported third-quarter results last Thursday, will stay closed. \
         Shoppers are expected to travel. Airports are busy. Roads are jammed. \
         Turkey prices have fallen 5.6% from a year ago.",
        &[
            ("third-quarter", Date, "2023-Q3"),
            ("last Thursday", Date, "2023-11-16"),
            ("a year ago", Date, "2022"),
        ],
    );
    assert_tags(
        "1989-10-26",
        "Delta posted net income of $133 million for the third quarter. A year ago, it earned $100 million.",
        &[
            ("the third quarter", Date, "1989-Q3"),
            ("A year ago", Date, "1988-Q3"),
        ],
    );
}

#[test]
fn fortnights() {
    assert_tags(
        "2022-06-15",
        "Talks will end within the next fortnight; a deal is due within a fortnight. The strike began a fortnight ago.",
        &[
            ("the next fortnight", Duration, "P2W"),
            ("a fortnight", Duration, "P2W"),
            ("a fortnight ago", Date, "2022-W22"),
        ],
    );
}

#[test]
fn clauses_and_targets_keep_their_own_time() {
    assert_tags(
        "2024-05-15",
        "The AI Act, approved by lawmakers in March, will enter into force in June.",
        &[("March", Date, "2024-03"), ("June", Date, "2024-06")],
    );
    assert_tags(
        "2025-09-30",
        "The Fed cut rates on Sept. 17, its first cut since December 2024, and signaled more cuts by the end of the year.",
        &[
            ("Sept. 17", Date, "2025-09-17"),
            ("December 2024", Date, "2024-12"),
            ("the end of the year", Date, "2025"),
        ],
    );
    assert_tags(
        "2021-03-02",
        "He was elected in 1975 and came to power at the end of the decade.",
        &[
            ("1975", Date, "1975"),
            ("the end of the decade", Date, "197"),
        ],
    );
}

#[test]
fn rates_are_sets() {
    assert_tags(
        "2022-12-25",
        "The UK will give £250m a month; airlines cancelled 115 flights a day. He stayed for a day. \
         The chip runs 15 million instructions per second.",
        &[
            ("a month", Set, "P1M"),
            ("a day", Set, "P1D"),
            ("a day", Duration, "P1D"),
        ],
    );
}

#[test]
fn a_weekday_of_a_named_week_and_units_from_today() {
    assert_tags(
        "2022-06-15",
        "The bill will be debated on Wednesday next week. Polls open two weeks from today.",
        &[
            ("Wednesday next week", Date, "2022-06-22"),
            ("two weeks from today", Date, "2022-06-29"),
        ],
    );
}

#[test]
fn live_blog_stamps_restated_times_and_future_seasons() {
    assert_tags(
        "2022-10-01",
        "The storm made landfall on Wednesday afternoon.\n\n9:15 a.m. — About 1.4 million people lack power. \
         The stream begins at 7pm BST (2pm ET) on Oct. 26.",
        &[
            ("Wednesday afternoon", Time, "2022-09-28TAF"),
            ("9:15 a.m.", Time, "2022-10-01T09:15"),
            ("7pm BST (2pm ET) on Oct. 26", Time, "2022-10-26T19:00"),
        ],
    );
    assert_tags(
        "2018-12-30",
        "Serena Williams won the final a day earlier. Inter were beaten in the final two years ago. \
         The officials will go on trial in the spring.",
        &[
            ("a day", Duration, "P1D"),
            ("two years ago", Date, "2016"),
            ("the spring", Date, "2019-SP"),
        ],
    );
}

#[test]
fn recurring_parts_of_days_seasons_and_month_span_quarters() {
    assert_tags(
        "2024-08-05",
        "Profit for the April-June quarter rose. She arrived every morning; every spring the days lengthen. \
         A once-a-week injection works.",
        &[
            ("the April-June quarter", Date, "2024-Q2"),
            ("every morning", Set, "XXXX-XX-XXTMO"),
            ("every spring", Set, "XXXX-SP"),
            ("a-week", Set, "P1W"),
        ],
    );
}

#[test]
fn a_year_spelled_out_in_the_sentence_dates_what_follows() {
    assert_tags(
        "2016-07-10",
        "In 2012, the festival was held on June 5. Next year's championships will be held from July 3. \
         He was born in 1950 and married in May. The man was sentenced for his New Year's Eve 2013 robbery.",
        &[
            ("2012", Date, "2012"),
            ("June 5", Date, "2012-06-05"),
            ("Next year", Date, "2017"),
            ("July 3", Date, "2017-07-03"),
            ("1950", Date, "1950"),
            ("May", Date, "1950-05"),
            ("New Year's Eve 2013", Date, "2013-12-31"),
        ],
    );
    // Not across a long clause, nor against the tense.
    assert_tags(
        "1999-02-27",
        "Hungary, invited in July 1997, will join NATO on March 12.",
        &[
            ("July 1997", Date, "1997-07"),
            ("March 12", Date, "1999-03-12"),
        ],
    );
}

#[test]
fn ends_of_terms_and_paired_weekdays() {
    assert_tags(
        "2022-10-01",
        "A curfew remains in effect through at least Tuesday. Roadworks were lifted until 6am on 2 January. \
         Until Thursday, they had not called him a suspect.",
        &[
            ("Tuesday", Date, "2022-10-04"),
            ("6am on 2 January", Time, "2023-01-02T06:00"),
            ("Thursday", Date, "2022-09-29"),
        ],
    );
    assert_tags(
        "2023-11-21",
        "The festival runs from Tuesday to Monday. Storms may disrupt travel on Tuesday and Wednesday. \
         He made statements Friday and Thursday.",
        &[
            ("Tuesday", Date, "2023-11-21"),
            ("Monday", Date, "2023-11-27"),
            ("Tuesday", Date, "2023-11-21"),
            ("Wednesday", Date, "2023-11-22"),
            ("Friday", Date, "2023-11-17"),
            ("Thursday", Date, "2023-11-16"),
        ],
    );
    assert_tags(
        "2015-03-01",
        "Storm dumps record snow on Boston as February ends",
        &[("February", Date, "2015-02")],
    );
}

#[test]
fn the_weekday_after_that() {
    assert_tags(
        "2025-01-01",
        "Gyms fill up again next Monday, and the Monday after that.",
        &[
            ("next Monday", Date, "2025-01-06"),
            ("the Monday after that", Date, "2025-01-13"),
        ],
    );
}

#[test]
fn attribution_tails_zones_possessive_years_and_counted_rates() {
    assert_tags(
        "2024-01-01",
        "The summit opens at 13:00 CEST. A storm is expected to dump snow on Tuesday, forecasters said. \
         Her 1967 paper changed the field. About 300,000 people a year visit.",
        &[
            ("13:00 CEST", Time, "2024-01-01T13:00"),
            ("Tuesday", Date, "2024-01-02"),
            ("1967", Date, "1967"),
            ("a year", Set, "P1Y"),
        ],
    );
}

#[test]
fn the_next_hour() {
    assert_tags(
        "2022-10-01",
        "More updates will follow in the next hour; prices rose over the past hour.",
        &[
            ("the next hour", Duration, "PT1H"),
            ("the past hour", Duration, "PT1H"),
        ],
    );
}

#[test]
fn utc_clock_times_carry_the_z_designator() {
    assert_tags(
        "2009-06-02",
        "Contact was lost at 02:14 UTC on June 1, 2009. The quake hit at 14:28 local time (06:28 UTC). \
         Ships left port at 1800 GMT, and the exercise began at 0600 Zulu. \
         The deadline passed at 12:00 (UTC).",
        &[
            ("02:14 UTC on June 1, 2009", Time, "2009-06-01T02:14Z"),
            ("14:28", Time, "2009-06-01T14:28"),
            ("06:28 UTC", Time, "2009-06-01T06:28Z"),
            ("1800 GMT", Time, "2009-06-01T18:00Z"),
            ("0600 Zulu", Time, "2009-06-01T06:00Z"),
            ("12:00 (UTC)", Time, "2009-06-01T12:00Z"),
        ],
    );
    // Other zones stay local times, and their restatements in brackets are
    // not tagged again.
    assert_tags(
        "2009-06-02",
        "Polls close at 8 p.m. EDT (0000 EST) and results are due by 1350 GMT Wednesday.",
        &[
            ("8 p.m. EDT", Time, "2009-06-02T20:00"),
            ("1350 GMT Wednesday", Time, "2009-06-03T13:50Z"),
        ],
    );
}

#[test]
fn a_weekday_afternoon_or_evening_is_a_time() {
    assert_tags(
        "2008-05-12",
        "A magnitude 7.8 earthquake struck Sichuan province on Monday afternoon. Rescue teams arrived \
         late Sunday evening from Chengdu, and more will arrive Tuesday morning.",
        &[
            ("Monday afternoon", Time, "2008-05-12TAF"),
            ("late Sunday evening", Time, "2008-05-11TEV"),
            ("Tuesday morning", Date, "2008-05-13"),
        ],
    );
}

#[test]
fn hours_later_is_a_vague_duration() {
    assert_tags(
        "2011-07-23",
        "A bomb exploded in Oslo on Friday afternoon, and hours later a gunman opened fire on Utøya. \
         Storm surges hit Tacloban; hours after, the city was cut off. The first days after the attack were chaotic.",
        &[
            ("Friday afternoon", Time, "2011-07-22TAF"),
            ("hours", Duration, "PTXH"),
            ("hours", Duration, "PTXH"),
        ],
    );
}

#[test]
fn hedged_clock_times_and_clock_times_in_local_words() {
    assert_tags(
        "2009-06-01",
        "Flight 447 left Rio at 19:03 local time on Sunday. Its last message came at about 02:14 UTC.",
        &[
            ("19:03 local time on Sunday", Time, "2009-05-31T19:03"),
            ("about 02:14 UTC", Time, "2009-05-31T02:14Z"),
        ],
    );
    assert_tags(
        "2013-02-12",
        "The resignation will take effect at 20:00 Rome time on February 28.",
        &[("20:00 Rome time on February 28", Time, "2013-02-28T20:00")],
    );
}

#[test]
fn the_same_day_needs_a_day_to_count_from() {
    assert_tags(
        "2013-02-15",
        "A meteor exploded over Chelyabinsk on Friday. The asteroid 2012 DA14 passed Earth later the same day. \
         Such events were rare in the distant past.",
        &[
            ("Friday", Date, "2013-02-15"),
            ("2012", Date, "2012"),
            ("the same day", Date, "2013-02-15"),
            ("the distant past", Date, "PAST_REF"),
        ],
    );
}

#[test]
fn a_present_perfect_reports_the_past() {
    assert_tags(
        "2004-12-27",
        "The toll from the tsunami that struck coastal areas around the Indian Ocean on Sunday has risen above 20,000.",
        &[("Sunday", Date, "2004-12-26")],
    );
}

#[test]
fn decades_keep_their_determiner() {
    assert_tags(
        "2009-06-01",
        "Kosmos 2251 had been out of service since the mid-1990s. Growth was strong throughout the 1990s.",
        &[
            ("the mid-1990s", Date, "199"),
            ("the 1990s", Date, "199"),
        ],
    );
}

#[test]
fn a_modified_part_of_the_day_keeps_its_modifier() {
    assert_tags(
        "2009-06-01",
        "The Brazilian Air Force began searching early this morning, after the plane vanished late last night.",
        &[
            ("early this morning", Time, "2009-06-01TMO"),
            ("late last night", Time, "2009-05-31TNI"),
        ],
    );
}

#[test]
fn a_hedged_compound_duration_is_one() {
    assert_tags(
        "2009-07-22",
        "Totality lasted up to 6 minutes and 39 seconds near the Bonin Islands.",
        &[("up to 6 minutes and 39 seconds", Duration, "PT6M39S")],
    );
}

#[test]
fn a_range_of_clock_times_shares_its_zone_and_day() {
    assert_tags(
        "2009-06-02",
        "Polls were open from 19:00 to 21:00 UTC on Monday. Shops shut between 09:00 and 17:00 GMT. \
         The eclipse peaked at 04:00 UTC+1.",
        &[
            ("19:00", Time, "2009-06-01T19:00Z"),
            ("21:00 UTC on Monday", Time, "2009-06-01T21:00Z"),
            ("09:00", Time, "2009-06-01T09:00Z"),
            ("17:00 GMT", Time, "2009-06-01T17:00Z"),
            ("04:00 UTC", Time, "2009-06-01T04:00"),
        ],
    );
}

#[test]
fn at_present_is_now() {
    assert_tags(
        "2010-01-13",
        "At present, about three million people need help. Prices stayed at present levels.",
        &[("present", Date, "PRESENT_REF")],
    );
}

#[test]
fn a_season_naming_the_games_is_no_date() {
    assert_tags(
        "2008-08-09",
        "The Summer Olympics are held every four years; the Winter Games open in Vancouver in the winter of 2010.",
        &[
            ("every four years", Set, "P4Y"),
            ("the winter of 2010", Date, "2010-WI"),
        ],
    );
}

#[test]
fn days_later_are_a_duration_as_in_timebank() {
    assert_tags(
        "2012-07-05",
        "The collider first circulated beams in September 2008, but was shut down nine days later. \
         Two years later it ran again.",
        &[
            ("September 2008", Date, "2008-09"),
            ("nine days", Duration, "P9D"),
            ("Two years later", Date, "2010-09"),
        ],
    );
}

#[test]
fn a_clock_time_is_on_the_last_day_named_even_after_a_year() {
    assert_tags(
        "2012-07-05",
        "Scientists announced on Wednesday that they had found the particle proposed in 1964. \
         The seminar in Geneva began at 9 a.m. local time.",
        &[
            ("Wednesday", Date, "2012-07-04"),
            ("1964", Date, "1964"),
            ("9 a.m.", Time, "2012-07-04T09:00"),
        ],
    );
}

#[test]
fn today_for_our_times_in_general_is_left_unmarked_as_in_timebank() {
    assert_tags(
        "2000-01-07",
        "The case is for today's youth what the blockade was for their parents. \
         Many of today's personal computers use the chip. Today's meeting was cancelled.",
        &[("Today", Date, "2000-01-07")],
    );
}

#[test]
fn clock_times_before_on_a_day_are_on_that_day() {
    assert_tags(
        "2005-10-09",
        "The earthquake struck at 08:50 local time (03:50 UTC) on Saturday. Officials said today that 18,000 had died.",
        &[
            ("08:50", Time, "2005-10-08T08:50"),
            ("03:50 UTC", Time, "2005-10-08T03:50Z"),
            ("Saturday", Date, "2005-10-08"),
            ("today", Date, "2005-10-09"),
        ],
    );
}

#[test]
fn last_as_a_verb_is_no_part_of_the_duration() {
    assert_tags(
        "2020-03-12",
        "Experts warn that the pandemic could last many months. Sales fell over the last six months.",
        &[
            ("many months", Duration, "PXM"),
            ("the last six months", Duration, "P6M"),
        ],
    );
}

#[test]
fn vague_references_in_encyclopedic_news() {
    // TimeBank marks "recently", "now", "currently", "nowadays", "the past"
    // and "the future", "soon"; never "ongoing" or "former".
    assert_tags(
        "2009-11-10",
        "The former mayor said recently that the ongoing talks had failed in the past. \
         Visitors nowadays follow the cobblestones; the city is currently rebuilding and will soon \
         open a museum. Now the question is what the future holds.",
        &[
            ("recently", Date, "PAST_REF"),
            ("the past", Date, "PAST_REF"),
            ("nowadays", Date, "PRESENT_REF"),
            ("currently", Date, "PRESENT_REF"),
            ("soon", Date, "FUTURE_REF"),
            ("Now", Date, "PRESENT_REF"),
            ("the future", Date, "FUTURE_REF"),
        ],
    );
}

#[test]
fn spans_keep_their_determiners_and_modifiers() {
    assert_tags(
        "2011-10-21",
        "Prices doubled over the past three years. The uprising began in mid-February; the rebels \
         entered Tripoli on August 21 and took the compound the following day. Growth stalled in \
         early 2009. The unrest of the late 1990s lasted about two weeks.",
        &[
            ("the past three years", Duration, "P3Y"),
            ("mid-February", Date, "2011-02"),
            ("August 21", Date, "2011-08-21"),
            ("the following day", Date, "2011-08-22"),
            ("early 2009", Date, "2009"),
            ("the late 1990s", Date, "199"),
            ("about two weeks", Duration, "P2W"),
        ],
    );
}

#[test]
fn vague_stretches_of_time_are_durations() {
    assert_tags(
        "1990-08-16",
        "American forces could be in the gulf region for some time, a general said; \"we're there \
         to stay for a fairly lengthy period.\" The talks will take some time. Some families kept \
         their secrets for more than two thousand years.",
        &[
            ("some time", Duration, "PXX"),
            ("a fairly lengthy period", Duration, "PXX"),
            ("more than two thousand years", Duration, "P2000Y"),
        ],
    );
}

#[test]
fn stretches_of_some_units_are_vague_durations() {
    assert_tags(
        "1991-02-25",
        "Thousands of prisoners were taken in the first hours of the ground war. The plan saves \
         fewer lives in the early years. The first days after the attack were chaotic. Over the \
         years the wait grew; the last days of the regime were worse. His car was seen in the \
         weeks before the shooting. In the years that followed, the rebels grew. The days after \
         were calm.",
        &[
            ("the first hours", Duration, "PTXH"),
            ("the early years", Duration, "PXY"),
            ("the years", Duration, "PXY"),
            ("the last days", Duration, "PXD"),
            ("weeks", Duration, "PXW"),
            ("years", Duration, "PXY"),
        ],
    );
}

#[test]
fn that_same_day_is_the_day_last_named() {
    assert_tags(
        "1999-02-06",
        "The doctor was shot on Oct. 23, 1998. His name on the Web site was crossed out that same day.",
        &[
            ("Oct. 23, 1998", Date, "1998-10-23"),
            ("that same day", Date, "1998-10-23"),
        ],
    );
}

#[test]
fn the_early_hours_of_a_weekday_are_its_morning() {
    assert_tags(
        "2011-05-02",
        "The operation was carried out in the early hours of Monday local time. Police arrested \
         him in the early hours of Sunday morning. Troops left in the early hours.",
        &[
            ("the early hours of Monday", Time, "2011-05-02TMO"),
            ("Sunday morning", Date, "2011-05-01"),
        ],
    );
}

#[test]
fn two_quarters_named_together_are_two_dates() {
    assert_tags(
        "1989-10-26",
        "It said 80% of its auction business is usually conducted in the second and fourth \
         quarters. Profit rose in the first and second quarters, while the fourth quarter slowed.",
        &[
            ("second", Date, "XXXX-Q2"),
            ("fourth quarters", Date, "XXXX-Q4"),
            ("first", Date, "1989-Q1"),
            ("second quarters", Date, "1989-Q2"),
            ("the fourth quarter", Date, "1989-Q4"),
        ],
    );
}

#[test]
fn today_is_the_nth_day_of_an_event() {
    assert_tags(
        "1998-03-06",
        "It's the second day of an offensive by the security forces. Monday was the third day of \
         protests. Tomorrow is the first day of the talks.",
        &[
            ("the second day", Date, "1998-03-06"),
            ("Monday", Date, "1998-03-02"),
            ("Tomorrow", Date, "1998-03-07"),
        ],
    );
}

#[test]
fn a_start_to_come_and_a_start_gone_by_whatever_the_verb() {
    assert_tags(
        "2020-03-12",
        "Trump announced a ban on travel from Europe, starting Friday. It was the first since December.",
        &[("Friday", Date, "2020-03-13"), ("December", Date, "2019-12")],
    );
    assert_tags(
        "2026-02-09",
        "It is the third strike this year and the first since December; the new timetable applies beginning Monday.",
        &[
            ("this year", Date, "2026"),
            ("December", Date, "2025-12"),
            ("Monday", Date, "2026-02-09"),
        ],
    );
}

#[test]
fn a_length_of_time_before_earlier_this_year_is_no_offset() {
    assert_tags(
        "2025-04-22",
        "He had been treated in hospital for five weeks earlier this year. A year earlier, he was well.",
        &[
            ("five weeks", Duration, "P5W"),
            ("earlier this year", Date, "2025"),
            ("A year earlier", Date, "2024"),
        ],
    );
}

#[test]
fn an_update_stamp_is_on_the_date_after_its_time() {
    assert_tags(
        "2026-02-09",
        "Trains will run on Tuesday afternoon.\n\nUpdated 14:05 GMT, 9 February 2026",
        &[
            ("Tuesday afternoon", Time, "2026-02-10TAF"),
            ("14:05 GMT", Time, "2026-02-09T14:05Z"),
            ("9 February 2026", Date, "2026-02-09"),
        ],
    );
}

#[test]
fn the_night_after_a_preposition_is_of_the_day_last_named() {
    assert_tags(
        "2021-03-24",
        "The ship ran aground on Tuesday. Tugboats worked through the night to free it, and by the \
         evening of Wednesday it had moved. The night the ship ran aground was windy. In the morning \
         papers it was news.",
        &[
            ("Tuesday", Date, "2021-03-23"),
            ("the night", Time, "2021-03-23TNI"),
            ("Wednesday", Date, "2021-03-24"),
        ],
    );
    // The day of a clock time, though a year came after it.
    assert_tags(
        "2023-10-08",
        "The attack began at 6:30 a.m. on Saturday. It was the deadliest day since 1948. \
         Strikes continued through the night.",
        &[
            ("6:30 a.m. on Saturday", Time, "2023-10-07T06:30"),
            ("1948", Date, "1948"),
            ("the night", Time, "2023-10-07TNI"),
        ],
    );
}

#[test]
fn how_long_something_takes_or_lasts_in_bare_units() {
    assert_tags(
        "2024-11-06",
        "The count could take days to settle. Talks that lasted hours ended. Take years of data.",
        &[("days", Duration, "PXD"), ("hours", Duration, "PTXH")],
    );
}
