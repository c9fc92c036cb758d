//! Small text helpers shared by the stages that look for phrases near a figure: whole-word
//! matching on lower-cased text.

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekday names, Monday first (chrono's numbering from Monday).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `s[start..end]` stands as whole words: no letter or digit right before or after.
pub fn at_word_boundaries(s: &str, start: usize, end: usize) -> bool {
    let before_ok = s[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after_ok = s[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

/// Offsets where `phrase` occurs in `hay` as whole words.
pub fn find_words<'a>(hay: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    hay.match_indices(phrase)
        .filter_map(move |(i, _)| at_word_boundaries(hay, i, i + phrase.len()).then_some(i))
}

/// Whether `hay` ends with `suffix`, ASCII case ignored (no copy of `hay` is made).
pub fn ends_with_ci(hay: &str, suffix: &str) -> bool {
    hay.len() >= suffix.len()
        && hay
            .get(hay.len() - suffix.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
}

/// Whether `phrase` occurs in `hay` as whole words.
pub fn has_words(hay: &str, phrase: &str) -> bool {
    find_words(hay, phrase).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_words("it is now done", "now"));
        assert!(ends_with_ci("Cases Since", " since") && !ends_with_ci("ince", " since"));
        assert!(!has_words("it is nowhere", "now"));
        assert_eq!(
            find_words("then, at the time then", "then").collect::<Vec<_>>(),
            vec![0, 18]
        );
    }
}
