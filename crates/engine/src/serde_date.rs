//! Dates in serialised data: `YYYY-MM-DD` text where people read it (JSON:
//! the `--json` output, exports, saved state) and a day number where only
//! programs do (the binary bundle). Parsing 650,000 date strings was about
//! a fifth of decoding a 100,000-article bundle's boot part, and a day
//! number is 3 bytes where the text is 11.
//!
//! Use as `#[serde(with = "dateline_engine::serde_date")]`.

use chrono::{Datelike, NaiveDate};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Text for a human-readable format, else days since 1 January of year 1.
pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        date.serialize(serializer)
    } else {
        date.num_days_from_ce().serialize(serializer)
    }
}

/// The inverse of [`serialize`]; a day number out of chrono's range is an
/// error, not a panic.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    if deserializer.is_human_readable() {
        NaiveDate::deserialize(deserializer)
    } else {
        let days = i32::deserialize(deserializer)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| D::Error::custom(format!("day number {days} is not a date")))
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dated {
        #[serde(with = "super")]
        date: chrono::NaiveDate,
    }

    #[test]
    fn json_keeps_the_date_as_text() {
        let d = Dated {
            date: chrono::NaiveDate::from_ymd_opt(2021, 3, 3).unwrap(),
        };
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, r#"{"date":"2021-03-03"}"#);
        assert_eq!(serde_json::from_str::<Dated>(&json).unwrap(), d);
        assert!(serde_json::from_str::<Dated>(r#"{"date":"2021-02-30"}"#).is_err());
    }
}
