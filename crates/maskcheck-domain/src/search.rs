//! Roster search by Chinese fragments. Text is reduced to its letters and digits and indexed as overlapping
//! two-character grams; a query becomes an FTS5 phrase of its grams, so a two-character fragment such as
//! `口罩` is one index lookup. (FTS5's own trigram tokenizer cannot answer fragments shorter than three
//! characters, and two-character Chinese searches are the common case.)

/// Letters and digits only, half-width, lower-case ASCII: the alphabet both index and query live in.
pub fn search_key(s: &str) -> Vec<char> {
    crate::text::to_half_width(s).chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// The space-separated grams of a text for the index: every overlapping pair, then the last character alone
/// (so a one-character prefix query also finds a character at the very end).
pub fn index_grams(s: &str) -> String {
    let k = search_key(s);
    let mut out = String::with_capacity(k.len() * 7);
    for w in k.windows(2) {
        out.push(w[0]);
        out.push(w[1]);
        out.push(' ');
    }
    if let Some(last) = k.last() {
        out.push(*last);
    }
    out
}

/// The FTS5 query for a user's fragment, or None when it has no letters or digits.
/// Only letters and digits reach the query, so user input cannot inject FTS5 syntax.
pub fn match_query(fragment: &str) -> Option<String> {
    let k = search_key(fragment);
    match k.len() {
        0 => None,
        1 => Some(format!("\"{}\"*", k[0])),
        _ => {
            let grams: Vec<String> = k.windows(2).map(|w| w.iter().collect()).collect();
            Some(format!("\"{}\"", grams.join(" ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_table() {
        for (text, want) in [("南京口罩厂", "南京 京口 口罩 罩厂 厂"), ("A-1 号", "a1 1号 号"), ("厂", "厂"), ("", "")]
        {
            assert_eq!(index_grams(text), want, "{text}");
        }
    }

    #[test]
    fn query_table() {
        for (q, want) in [
            ("口罩", Some("\"口罩\"")),
            ("南京口罩", Some("\"南京 京口 口罩\"")),
            ("罩", Some("\"罩\"*")),
            ("\" OR 1=1 --", Some("\"or r1 11\"")),
            ("  *()", None),
            ("９１３５", Some("\"91 13 35\"")),
        ] {
            assert_eq!(match_query(q).as_deref(), want, "{q}");
        }
    }
}
