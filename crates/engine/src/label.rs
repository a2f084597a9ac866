//! The entity types Dateline highlights.

use serde::{Deserialize, Serialize};
use std::fmt;

/// OntoNotes-style entity type; the owner's labels plus the optional FAC and
/// WORK_OF_ART, so scores line up with OntoNotes-trained peers like spaCy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Label {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Product,
    Event,
    Law,
    Fac,
    WorkOfArt,
}

impl Label {
    /// Every label, in the order the legend shows them.
    pub const ALL: [Label; 10] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Norp,
        Label::Product,
        Label::Event,
        Label::Law,
        Label::Fac,
        Label::WorkOfArt,
    ];

    /// The tag as written in JSON output and `data-label` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Product => "PRODUCT",
            Label::Event => "EVENT",
            Label::Law => "LAW",
            Label::Fac => "FAC",
            Label::WorkOfArt => "WORK_OF_ART",
        }
    }

    /// A reader-facing name for legends and cards.
    pub fn description(self) -> &'static str {
        match self {
            Label::Person => "People",
            Label::Org => "Organisations",
            Label::Gpe => "Countries & cities",
            Label::Loc => "Places",
            Label::Norp => "Nationalities & groups",
            Label::Product => "Products & weapons",
            Label::Event => "Events",
            Label::Law => "Laws & treaties",
            Label::Fac => "Facilities",
            Label::WorkOfArt => "Works",
        }
    }

    /// Parses a tag as written by [`Label::as_str`].
    pub fn parse(tag: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == tag)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_match_serde() {
        for label in Label::ALL {
            assert_eq!(Label::parse(label.as_str()), Some(label));
            let json = serde_json::to_string(&label).unwrap();
            assert_eq!(json, format!("\"{}\"", label.as_str()));
        }
        assert_eq!(Label::parse("MISC"), None);
    }
}
