use super::*;

/// Candidates for every occurrence of each (needle, label) in `text`, longest
/// needles first, never overlapping, like a tagger's output.
fn find_all(article: usize, text: &str, needles: &[(&str, Label)]) -> Vec<Candidate> {
    let mut needles = needles.to_vec();
    needles.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let mut out: Vec<Candidate> = Vec::new();
    for (needle, label) in needles.iter().copied() {
        let mut from = 0;
        while let Some(i) = text[from..].find(needle) {
            let start = from + i;
            let end = start + needle.len();
            let bounded = !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '-');
            let span = Span::new(start, end);
            if bounded && !out.iter().any(|c| c.span.overlaps(span)) {
                out.push(Candidate {
                    article,
                    span,
                    label,
                });
            }
            from = end;
        }
    }
    out
}

fn entity_of<'a>(
    entities: &'a [Entity],
    assigned: &[usize],
    cands: &[Candidate],
    texts: &[&str],
    surface: &str,
) -> &'a Entity {
    let i = cands
        .iter()
        .position(|c| c.span.of(texts[c.article]) == surface)
        .unwrap_or_else(|| panic!("no candidate {surface}"));
    &entities[assigned[i]]
}

#[test]
fn country_spellings_link_across_articles_but_capitals_stay_apart() {
    let a = "Turkey bought it. The US objected. Ankara refused. Washington warned Russia's envoy.";
    let b = "Türkiye agreed. Turkiye insists. The U.S. said no.";
    let texts = [a, b];
    let mut cands = find_all(
        0,
        a,
        &[
            ("Turkey", Label::Gpe),
            ("US", Label::Gpe),
            ("Ankara", Label::Gpe),
            ("Washington", Label::Gpe),
            ("Russia's", Label::Gpe),
        ],
    );
    cands.extend(find_all(
        1,
        b,
        &[
            ("Türkiye", Label::Gpe),
            ("Turkiye", Label::Gpe),
            ("U.S.", Label::Gpe),
        ],
    ));
    let (entities, assigned) = link(&texts, &cands);
    let turkey = entity_of(&entities, &assigned, &cands, &texts, "Türkiye");
    assert_eq!(turkey.id, "turkey");
    assert_eq!(turkey.name, "Turkey");
    assert_eq!(turkey.mention_count, 3);
    assert_eq!(turkey.articles, [0, 1]);
    assert_eq!(turkey.aliases, ["Türkiye", "Turkiye"]);
    let us = entity_of(&entities, &assigned, &cands, &texts, "U.S.");
    assert_eq!((us.id.as_str(), us.mention_count), ("united-states", 2));
    let russia = entity_of(&entities, &assigned, &cands, &texts, "Russia's");
    assert_eq!(
        (russia.name.as_str(), russia.id.as_str()),
        ("Russia", "russia")
    );
    let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["turkey", "united-states", "ankara", "washington", "russia"]
    );
}

#[test]
fn surnames_acronyms_and_designator_plurals() {
    let text = "Ismail Demir, chairperson of the Presidency of Defence Industries (SSB), said the S-400s work. \
                Demir added that SSB will buy another S-400.";
    let texts = [text];
    let cands = find_all(
        0,
        text,
        &[
            ("Ismail Demir", Label::Person),
            ("Demir", Label::Person),
            ("Presidency of Defence Industries", Label::Org),
            ("SSB", Label::Org),
            ("S-400s", Label::Product),
            ("S-400", Label::Product),
        ],
    );
    let (entities, assigned) = link(&texts, &cands);
    let demir: Vec<usize> = cands
        .iter()
        .zip(&assigned)
        .filter(|(c, _)| c.label == Label::Person)
        .map(|(_, &e)| e)
        .collect();
    assert_eq!(demir.len(), 2);
    assert_eq!(demir[0], demir[1]);
    assert_eq!(entities[demir[0]].name, "Ismail Demir");
    assert_eq!(entities[demir[0]].id, "ismail-demir");
    let ssb = entity_of(&entities, &assigned, &cands, &texts, "SSB");
    assert_eq!(ssb.name, "Presidency of Defence Industries");
    assert_eq!(ssb.aliases, ["SSB"]);
    let s400 = entity_of(&entities, &assigned, &cands, &texts, "S-400s");
    assert_eq!((s400.name.as_str(), s400.mention_count), ("S-400", 2));
}

#[test]
fn surnames_do_not_cross_articles_and_short_names_do_not_fuzz() {
    let a = "Ismail Demir spoke.";
    let b = "Demir is a common name. Iran and Iraq differ.";
    let texts = [a, b];
    let mut cands = find_all(0, a, &[("Ismail Demir", Label::Person)]);
    cands.extend(find_all(
        1,
        b,
        &[
            ("Demir", Label::Person),
            ("Iran", Label::Gpe),
            ("Iraq", Label::Gpe),
        ],
    ));
    let (entities, _) = link(&texts, &cands);
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ismail Demir", "Demir", "Iran", "Iraq"]);
}

#[test]
fn spelling_variants_of_long_names_merge() {
    let text = "BELARUS DEFENSE MINISTRY said so; the Belarus Defense Ministruy confirmed. \
                Defence Industries and Defense Industries agree.";
    let texts = [text];
    let cands = find_all(
        0,
        text,
        &[
            ("BELARUS DEFENSE MINISTRY", Label::Org),
            ("Belarus Defense Ministruy", Label::Org),
            ("Defence Industries", Label::Org),
            ("Defense Industries", Label::Org),
        ],
    );
    let (entities, _) = link(&texts, &cands);
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Belarus Defense Ministry", "Defence Industries"]);
}

#[test]
fn model_numbers_one_digit_apart_stay_apart() {
    let text = "Crashes of 737 MAX 8 jets preceded the 737 MAX 9 grounding; the Airbus A320 and Airbus A321 differ.";
    let texts = [text];
    let cands = find_all(
        0,
        text,
        &[
            ("737 MAX 8", Label::Product),
            ("737 MAX 9", Label::Product),
            ("Airbus A320", Label::Product),
            ("Airbus A321", Label::Product),
        ],
    );
    let (entities, _) = link(&texts, &cands);
    assert_eq!(entities.len(), 4, "{entities:?}");
}

#[test]
fn folding_and_edit_distance() {
    assert_eq!(fold("  Türkiye's  U.S. "), "turkiye's us");
    assert!(within_one_edit("defense industries", "defence industries"));
    assert!(within_one_edit("ministry", "ministruy"));
    assert!(!within_one_edit("austria", "australia"));
    assert_eq!(
        slug("Countering America's Adversaries Through Sanctions Act"),
        "countering-america-s-adversaries-through-sanctions-act"
    );
    assert_eq!(slug("!!!"), "entity");
}

#[test]
fn dateline_agencies_are_not_acronyms_of_the_place_before_them() {
    let a = "WASHINGTON (AP) — President Joe Biden met the Federal Aviation Administration (FAA). The FAA agreed.";
    let b = "LUSAIL, Qatar (AP) — Lionel Messi won. AP reported it.";
    let texts = [a, b];
    let mut cands = find_all(
        0,
        a,
        &[
            ("WASHINGTON", Label::Gpe),
            ("AP", Label::Org),
            ("Joe Biden", Label::Person),
            ("Federal Aviation Administration", Label::Org),
            ("FAA", Label::Org),
        ],
    );
    cands.extend(find_all(
        1,
        b,
        &[
            ("LUSAIL", Label::Gpe),
            ("Qatar", Label::Gpe),
            ("AP", Label::Org),
            ("Lionel Messi", Label::Person),
        ],
    ));
    let (entities, assigned) = link(&texts, &cands);
    let ap = entity_of(&entities, &assigned, &cands, &texts, "AP");
    assert_eq!((ap.id.as_str(), ap.mention_count), ("ap", 3));
    assert_eq!(ap.articles, [0, 1]);
    let faa = entity_of(&entities, &assigned, &cands, &texts, "FAA");
    assert_eq!(faa.id, "federal-aviation-administration");
    assert_eq!(faa.mention_count, 3);
    let qatar = entity_of(&entities, &assigned, &cands, &texts, "Qatar");
    assert_eq!((qatar.id.as_str(), qatar.mention_count), ("qatar", 1));
}

#[test]
fn acronyms_must_fit_the_name_they_follow() {
    assert!(acronym_fits(
        "FAA",
        "Federal Aviation Administration",
        Label::Org
    ));
    assert!(acronym_fits(
        "UNAMA",
        "UN Assistance Mission in Afghanistan",
        Label::Org
    ));
    assert!(acronym_fits("MoH", "Ministry of Health", Label::Org));
    assert!(acronym_fits(
        "CAATSA",
        "Countering America's Adversaries Through Sanctions Act",
        Label::Law
    ));
    assert!(acronym_fits(
        "SSB",
        "Presidency of Defence Industries",
        Label::Org
    ));
    assert!(!acronym_fits("AP", "WASHINGTON", Label::Gpe));
    assert!(!acronym_fits("AFP", "Paris France", Label::Gpe));
    assert!(!acronym_fits("TTP", "Pakistan", Label::Gpe));
    assert!(!acronym_fits("DMA", "Windsor Framework", Label::Law));
    let long = "Aaaa ".repeat(40);
    assert!(!acronym_fits("AAAAAAAAAB", long.trim(), Label::Law));
}

#[test]
fn a_headline_surname_links_to_the_full_name_that_follows() {
    let text =
        "Biden hosts Zelenskyy\n\nPresident Joe Biden welcomed Volodymyr Zelenskyy. Biden said so.";
    let texts = [text];
    let cands = find_all(
        0,
        text,
        &[
            ("Joe Biden", Label::Person),
            ("Volodymyr Zelenskyy", Label::Person),
            ("Biden", Label::Person),
            ("Zelenskyy", Label::Org),
        ],
    );
    let (entities, assigned) = link(&texts, &cands);
    assert_eq!(entities.len(), 2, "{entities:?}");
    let biden = entity_of(&entities, &assigned, &cands, &texts, "Biden");
    assert_eq!((biden.id.as_str(), biden.mention_count), ("joe-biden", 3));
    let zel = entity_of(&entities, &assigned, &cands, &texts, "Zelenskyy");
    assert_eq!(
        (zel.id.as_str(), zel.mention_count),
        ("volodymyr-zelenskyy", 2)
    );
}

#[test]
fn a_surname_shared_by_two_people_stays_apart_and_dropped_first_names_link() {
    let a = "Joe Biden and Hunter Biden arrived. Biden spoke. Tayyip Erdogan called.";
    let b = "President Recep Tayyip Erdoğan said. Boeing Co. and Boeing agreed.";
    let texts = [a, b];
    let mut cands = find_all(
        0,
        a,
        &[
            ("Joe Biden", Label::Person),
            ("Hunter Biden", Label::Person),
            ("Biden", Label::Person),
            ("Tayyip Erdogan", Label::Person),
        ],
    );
    cands.extend(find_all(
        1,
        b,
        &[
            ("Recep Tayyip Erdoğan", Label::Person),
            ("Boeing Co.", Label::Org),
            ("Boeing", Label::Org),
        ],
    ));
    let (entities, assigned) = link(&texts, &cands);
    let biden = entity_of(&entities, &assigned, &cands, &texts, "Biden");
    assert_eq!((biden.id.as_str(), biden.mention_count), ("biden", 1));
    let erdogan = entity_of(&entities, &assigned, &cands, &texts, "Tayyip Erdogan");
    assert_eq!(erdogan.id, "recep-tayyip-erdogan");
    assert_eq!(
        (erdogan.mention_count, erdogan.articles.clone()),
        (2, vec![0, 1])
    );
    let boeing = entity_of(&entities, &assigned, &cands, &texts, "Boeing");
    assert_eq!(boeing.mention_count, 2);
}

#[test]
fn capital_acronyms_link_to_the_one_name_of_their_initials() {
    let text = "The NTSB is investigating. The National Transportation Safety Board said the FAA and the Federal Aviation Administration agreed. NATO met.";
    let texts = [text];
    let cands = find_all(
        0,
        text,
        &[
            ("NTSB", Label::Org),
            ("National Transportation Safety Board", Label::Org),
            ("FAA", Label::Org),
            ("Federal Aviation Administration", Label::Org),
            ("NATO", Label::Org),
        ],
    );
    let (entities, assigned) = link(&texts, &cands);
    let ntsb = entity_of(&entities, &assigned, &cands, &texts, "NTSB");
    assert_eq!(ntsb.id, "national-transportation-safety-board");
    assert_eq!(ntsb.mention_count, 2);
    let faa = entity_of(&entities, &assigned, &cands, &texts, "FAA");
    assert_eq!(faa.id, "federal-aviation-administration");
    let nato = entity_of(&entities, &assigned, &cands, &texts, "NATO");
    assert_eq!((nato.id.as_str(), nato.mention_count), ("nato", 1));
}

#[test]
fn a_bracketed_acronym_is_short_and_closed_nearby() {
    assert_eq!(bracketed_acronym(" (SSB) said"), Some("SSB"));
    assert_eq!(bracketed_acronym(" (NATO-EU)"), Some("NATO-EU"));
    assert_eq!(bracketed_acronym(" (ABCDEFGHIJK)"), None);
    // No ")" for a long way: not an acronym, and not read to the end.
    let open = format!(" ({}", "AB ".repeat(100_000));
    assert_eq!(bracketed_acronym(&open), None);
    assert_eq!(bracketed_acronym(&format!("{open})")), None);
}

/// Every key one edit from `key` (deletions, substitutions and insertions
/// of a few letters), for checking the near-match index.
fn one_edit_variants(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut out = Vec::new();
    for i in 0..=chars.len() {
        for c in ['a', 'e', 'z', 'ö', ' '] {
            let mut inserted = chars.clone();
            inserted.insert(i, c);
            out.push(inserted.into_iter().collect());
            if i < chars.len() {
                let mut changed = chars.clone();
                changed[i] = c;
                out.push(changed.into_iter().collect());
            }
        }
        if i < chars.len() {
            let mut deleted = chars.clone();
            deleted.remove(i);
            out.push(deleted.into_iter().collect());
        }
    }
    out
}

#[test]
fn a_key_one_edit_away_shares_an_indexed_part() {
    for key in [
        "defense industries",
        "ismail demir",
        "tayyip erdoğan",
        "abcdefgh",
        "abcdefghi",
        "presidency of defence industries",
    ] {
        for variant in one_edit_variants(key) {
            assert!(within_one_edit(key, &variant));
            let len = key.chars().count();
            let mine = parts(key, len);
            let theirs = parts(&variant, len);
            assert!(
                mine.iter().zip(&theirs).any(|(a, b)| a == b),
                "{key:?} and {variant:?}"
            );
        }
    }
}

#[test]
fn among_many_different_names_spelling_variants_and_dropped_first_names_still_link() {
    // Hundreds of different people and organisations (each once), then the
    // variants: the indexes must find the one matching name among them all.
    let syllables = ["ka", "ro", "mi", "ta", "lu", "ven", "dor", "sa"];
    let mut text = String::new();
    let mut needles: Vec<(String, Label)> = Vec::new();
    for i in 0..400 {
        let word = |k: usize| {
            let w: String = (0..3).map(|j| syllables[(k >> (3 * j)) % 8]).collect();
            let mut c = w.chars();
            c.next()
                .unwrap()
                .to_uppercase()
                .chain(c)
                .collect::<String>()
        };
        let person = format!("{} {}", word(i), word(i + 400));
        let org = format!("{} Industries", word(i + 800));
        text.push_str(&format!("{person} met the {org}. "));
        needles.push((person, Label::Person));
        needles.push((org, Label::Org));
    }
    text.push_str("Recep Tayyip Erdogan met the Defence Industries. Tayyip Erdogan met the Defense Industries.");
    needles.push(("Recep Tayyip Erdogan".into(), Label::Person));
    needles.push(("Tayyip Erdogan".into(), Label::Person));
    needles.push(("Defence Industries".into(), Label::Org));
    needles.push(("Defense Industries".into(), Label::Org));
    let needles: Vec<(&str, Label)> = needles.iter().map(|(n, l)| (n.as_str(), *l)).collect();
    let texts = [text.as_str()];
    let cands = find_all(0, &text, &needles);
    let (entities, assigned) = link(&texts, &cands);
    let erdogan = entity_of(&entities, &assigned, &cands, &texts, "Tayyip Erdogan");
    assert_eq!(
        (erdogan.id.as_str(), erdogan.mention_count),
        ("recep-tayyip-erdogan", 2)
    );
    let ssb = entity_of(&entities, &assigned, &cands, &texts, "Defense Industries");
    assert_eq!(ssb.mention_count, 2);
    assert!(entities.len() > 400, "{}", entities.len());
}
