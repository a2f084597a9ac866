//! Spelling variants that name the same thing and that no string rule can
//! guess: official renamings, short forms and transliterations.
//!
//! Each row is the canonical display name followed by its variants, compared
//! after [`super::fold`] (case, accents and dots removed). Metonyms such as
//! Ankara or Washington deliberately stay out: they are places of their own.

pub const VARIANTS: &[&[&str]] = &[
    &[
        "Turkey",
        "Turkiye",
        "Türkiye",
        "Republic of Turkey",
        "Republic of Türkiye",
    ],
    &[
        "United States",
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "United States of America",
        "the United States",
    ],
    &["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    &["Russia", "Russian Federation"],
    &["European Union", "EU", "E.U."],
    &["United Nations", "UN", "U.N."],
    &[
        "NATO",
        "North Atlantic Treaty Organization",
        "North Atlantic Treaty Organisation",
        "Nato",
    ],
    &["Ukraine", "the Ukraine"],
    &["Belarus", "Byelorussia"],
    &["China", "People's Republic of China", "PRC"],
    &["South Korea", "Republic of Korea", "ROK"],
    &[
        "North Korea",
        "DPRK",
        "Democratic People's Republic of Korea",
    ],
    &["Iran", "Islamic Republic of Iran"],
    &["Syria", "Syrian Arab Republic"],
    &["Czech Republic", "Czechia"],
    &["Myanmar", "Burma"],
    &["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    &["Netherlands", "Holland", "The Netherlands"],
    &["United Arab Emirates", "UAE", "U.A.E."],
    &["Saudi Arabia", "KSA", "Kingdom of Saudi Arabia"],
];
