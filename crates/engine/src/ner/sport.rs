//! Teams named after their city, state or club ground ("Liverpool beat
//! Chelsea 2-1", "Boston won in overtime", "Chennai captain MS Dhoni"):
//! organisations, as CoNLL-2003 and OntoNotes both mark clubs, though the
//! tagger reads the name as the place. National teams stay places: CoNLL
//! marks "Germany beat Italy" LOC, so countries are never retyped.
//!
//! The cues are the words right around the name and, for the weaker ones,
//! a sign that the sentence is about sport (a score, a sports noun); each
//! check looks at a fixed number of tokens, so a sentence costs linear
//! time.

use super::features::Token;
use super::gazetteer;
use super::keys::phrase_key;

/// Verbs of a result or of a side's play, right after a team ("Liverpool
/// beat", "Boston were without", "Kansas City led 10-0").
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "rout",
    "routs",
    "thrash",
    "thrashes",
    "edge",
    "edges",
    "stun",
    "stuns",
    "drew",
    "draw",
    "draws",
    "defeated",
    "edged",
    "thrashed",
    "routed",
    "trounced",
    "crushed",
    "outlasted",
    "rallied",
    "were",
    "host",
    "hosted",
    "visit",
    "visited",
    "led",
    "trailed",
    "won",
    "lost",
    "lose",
    "scored",
    "made",
];

/// Verbs that need the sentence to be about sport to mark a team ("Boston
/// won in overtime", not "Biden won Pennsylvania").
const WEAK_VERBS: &[&str] = &["won", "lost", "lose", "led", "scored", "made", "were"];

/// Words right before a team in a sports sentence ("beat Chelsea 2-1",
/// "joined Los Angeles", "lost to Vegas", "Liverpool v Everton").
const BEFORE_TEAM: &[&str] = &[
    "beat", "beating", "defeated", "rout", "routs", "thrash", "thrashes", "edge", "edges", "stun",
    "stuns", "against", "over", "v", "vs", "vs.", "versus", "joined", "host", "hosts", "hosted",
    "play", "plays", "played", "face", "faces",
];

/// Prepositions of place: a name right after one is where something
/// happened ("in Salzburg 3-2", "fly to London were charged"), whatever
/// follows it.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "to", "from", "into", "near", "of", "outside"];

/// Posts and people of a team written right after its name ("Chennai
/// captain", "Leicester manager", "Boston fans").
const TEAM_PEOPLE: &[&str] = &[
    "captain",
    "skipper",
    "coach",
    "manager",
    "boss",
    "striker",
    "forward",
    "midfielder",
    "defender",
    "goalkeeper",
    "quarterback",
    "pitcher",
    "batsman",
    "bowler",
    "fans",
    "supporters",
];

/// Nouns that make a sentence one about sport.
const SPORT_NOUNS: &[&str] = &[
    "overtime",
    "extra-time",
    "half-time",
    "halftime",
    "goal",
    "goals",
    "innings",
    "inning",
    "wickets",
    "touchdown",
    "penalty",
    "match",
    "game",
    "games",
    "playoffs",
    "play-offs",
    "league",
    "season",
    "title",
    "final",
    "semi-final",
    "quarter-final",
    "derby",
    "champions",
    "championship",
    "series",
    "cup",
    "points",
    "rebounds",
    "saves",
    "homer",
    "run",
    "runs",
    "win",
    "victory",
    "defeat",
];

/// A result written as two small numbers with a hyphen ("2-1", "103-90",
/// "25-22"), not a year range ("2019-20") or a date.
pub(crate) fn score(t: &Token<'_>) -> bool {
    t.raw.split_once('-').is_some_and(|(a, b)| {
        [a, b]
            .iter()
            .all(|n| (1..=3).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()))
    })
}

/// True when the sentence has a score or a sports noun.
pub(crate) fn sporty(sent: &[Token<'_>]) -> bool {
    sent.iter()
        .any(|t| score(t) || SPORT_NOUNS.contains(&t.lower.as_str()))
}

fn lower_in(t: Option<&Token<'_>>, words: &[&str]) -> bool {
    t.is_some_and(|t| words.contains(&t.lower.as_str()))
}

/// True when tokens `s..=e`, a name the tagger read as a place or a group
/// of people, stand where a team does: before a result verb, a score or a
/// team's post, or after a verb of play ("Liverpool beat Chelsea 2-1",
/// "Boston were without a home win", "Chennai captain", "lost to Vegas").
/// `sporty` says whether the sentence is about sport ([`sporty`]), computed
/// once per sentence. A country is never a club.
pub(crate) fn team(sent: &[Token<'_>], s: usize, e: usize, sporty: bool) -> bool {
    let lw: Vec<&str> = sent[s..=e].iter().map(|t| t.lower.as_str()).collect();
    if gazetteer::is_country(phrase_key(&lw)) {
        return false;
    }
    let next = sent.get(e + 1);
    let prev = s.checked_sub(1).and_then(|p| sent.get(p));
    let before2 = s.checked_sub(2).and_then(|p| sent.get(p));
    let subject = !lower_in(prev, PLACE_PREPOSITIONS);
    let verb_after = lower_in(next, RESULT_VERBS) && (sporty || !lower_in(next, WEAK_VERBS));
    let score_after = next.is_some_and(|t| score(t) || t.raw.bytes().all(|c| c.is_ascii_digit()))
        && sporty
        && sent.iter().any(score);
    let people = lower_in(next, TEAM_PEOPLE);
    // "lost to Vegas", "drew 1-1 with Aston Villa".
    let lost_to = lower_in(prev, &["to"]) && lower_in(before2, &["lost", "lose", "losing"]);
    let drew_with = lower_in(prev, &["with"])
        && before2
            .is_some_and(|t| score(t) || matches!(t.lower.as_str(), "drew" | "draw" | "tied"));
    let before = sporty && (lower_in(prev, BEFORE_TEAM) || lost_to || drew_with);
    (subject && (verb_after || score_after || people)) || before
}

/// True when token `t` can be a word of a club's nickname: title case or
/// a number-led word ("Titans", "Super", "49ers").
fn nickname_word(t: &Token<'_>) -> bool {
    let mut cs = t.raw.chars();
    cs.next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && t.raw.chars().any(char::is_lowercase)
        && !t.headline
}

/// Last words of football clubs' names after their town ("Nottingham
/// Forest", "Brighton & Hove Albion", "Tottenham Hotspur").
const CLUB_SUFFIXES: &[&str] = &[
    "forest",
    "albion",
    "hotspur",
    "united",
    "rovers",
    "wanderers",
    "athletic",
    "rangers",
    "celtic",
    "villa",
    "argyle",
    "orient",
    "wednesday",
];

/// True when tokens `s..=e` are a club's full name: a known city or state
/// and a plural nickname of one or two words or a club's last word
/// ("Gujarat Titans", "Mumbai Indians", "Chennai Super Kings", "San
/// Francisco 49ers", "Nottingham Forest"), which the
/// tagger may read as a person's name. A people or party after the place
/// ("Texas Republicans", "Kerala Christians") is no club, and neither is a
/// country's name with one (national sides are places in CoNLL-2003).
pub(crate) fn club_name(sent: &[Token<'_>], s: usize, e: usize) -> bool {
    let lw: Vec<&str> = sent[s..=e].iter().map(|t| t.lower.as_str()).collect();
    let last = lw.last().copied().unwrap_or("");
    if lw.len() < 2 || !(last.ends_with('s') || CLUB_SUFFIXES.contains(&last)) {
        return false;
    }
    (1..lw.len()).any(|cut| {
        let nick = &lw[cut..];
        let place = phrase_key(&lw[..cut]);
        nick.len() <= 2
            && gazetteer::is_gpe(place)
            && !gazetteer::is_country(place)
            && !gazetteer::is_gpe(phrase_key(&lw))
            && !gazetteer::is_norp(phrase_key(nick))
            && sent[s + cut..=e].iter().all(nickname_word)
    })
}

#[cfg(test)]
mod tests {
    use crate::ner::test_support::tag_owned as tag;

    fn label_of<'a>(got: &'a [(String, &'a str)], text: &str) -> Option<&'a str> {
        got.iter().find(|(t, _)| t == text).map(|(_, l)| *l)
    }

    #[test]
    fn clubs_named_after_cities_are_organisations() {
        let got = tag("Arsenal beat Everton 3-0 at the Emirates on Saturday, while Newcastle drew 1-1 with Aston Villa and Leeds lost to Burnley.");
        for club in ["Arsenal", "Everton", "Newcastle", "Aston Villa", "Burnley"] {
            assert_eq!(label_of(&got, club), Some("ORG"), "{club} in {got:?}");
        }
    }

    #[test]
    fn american_teams_by_city_in_results() {
        let got = tag("Denver won in overtime and Philadelphia were without their top scorer, so Toronto coach Darko Rajakovic rested his starters as Milwaukee beat Orlando 112-104.");
        for team in ["Denver", "Philadelphia", "Toronto", "Milwaukee", "Orlando"] {
            assert_eq!(label_of(&got, team), Some("ORG"), "{team} in {got:?}");
        }
    }

    #[test]
    fn headline_results_in_the_present_tense() {
        let got =
            tag("Leeds rout Celtics to reach the final, and Tampa edges Seattle 3-2 in overtime.");
        for team in ["Leeds", "Celtics", "Tampa", "Seattle"] {
            assert_eq!(label_of(&got, team), Some("ORG"), "{team} in {got:?}");
        }
    }

    #[test]
    fn clubs_named_for_a_place_and_a_nickname_are_organisations() {
        let got = tag("Chennai Super Kings beat Gujarat Titans by five wickets, and Mumbai Indians now share the record. Texas Republicans met in Austin. Newcastle lost 3-1 at Nottingham Forest, and the Denver Nuggets beat the Miami Heat 94-89 on Monday.");
        for club in [
            "Chennai Super Kings",
            "Gujarat Titans",
            "Mumbai Indians",
            "Nottingham Forest",
            "Miami Heat",
        ] {
            assert_eq!(label_of(&got, club), Some("ORG"), "{club} in {got:?}");
        }
        assert_ne!(label_of(&got, "Texas Republicans"), Some("ORG"), "{got:?}");
    }

    #[test]
    fn places_and_national_teams_stay_places() {
        let got = tag("Brazil beat Argentina 2-1 in Rio de Janeiro. Fans lined the streets of Manchester on Sunday and flights to Chicago were delayed.");
        for place in ["Brazil", "Argentina", "Manchester", "Chicago"] {
            assert_eq!(label_of(&got, place), Some("GPE"), "{place} in {got:?}");
        }
    }
}
