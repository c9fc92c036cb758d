//! HTML character references (`&amp;`, `&euro;`, `&#36;`, `&#x24;`), decoded for the HTML
//! and Markdown readers.

/// Named references readers meet in news pages. `&nbsp;` and the other fixed-width
/// spaces decode to a plain space so figures like `$14&nbsp;billion` read as prose.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("numsp", " "),
    ("puncsp", " "),
    ("hairsp", " "),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
    ("lrm", ""),
    ("rlm", ""),
    ("pound", "£"),
    ("euro", "€"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("curren", "¤"),
    ("dollar", "$"),
    ("percnt", "%"),
    ("permil", "‰"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("minus", "−"),
    ("hyphen", "‐"),
    ("dash", "‐"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("hellip", "…"),
    ("bull", "•"),
    ("middot", "·"),
    ("prime", "′"),
    ("Prime", "″"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("times", "×"),
    ("divide", "÷"),
    ("plusmn", "±"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("half", "½"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("sect", "§"),
    ("para", "¶"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("num", "#"),
    ("excl", "!"),
    ("quest", "?"),
    ("comma", ","),
    ("period", "."),
    ("colon", ":"),
    ("semi", ";"),
    ("lpar", "("),
    ("rpar", ")"),
    ("sol", "/"),
    ("bsol", "\\"),
    ("ast", "*"),
    ("plus", "+"),
    ("equals", "="),
    ("le", "≤"),
    ("ge", "≥"),
    ("ne", "≠"),
    ("asymp", "≈"),
    ("approx", "≈"),
    ("sim", "∼"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("micro", "µ"),
    ("aacute", "á"),
    ("Aacute", "Á"),
    ("agrave", "à"),
    ("Agrave", "À"),
    ("acirc", "â"),
    ("auml", "ä"),
    ("Auml", "Ä"),
    ("atilde", "ã"),
    ("aring", "å"),
    ("aelig", "æ"),
    ("ccedil", "ç"),
    ("Ccedil", "Ç"),
    ("eacute", "é"),
    ("Eacute", "É"),
    ("egrave", "è"),
    ("Egrave", "È"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("iacute", "í"),
    ("igrave", "ì"),
    ("icirc", "î"),
    ("iuml", "ï"),
    ("ntilde", "ñ"),
    ("Ntilde", "Ñ"),
    ("oacute", "ó"),
    ("Oacute", "Ó"),
    ("ograve", "ò"),
    ("ocirc", "ô"),
    ("ouml", "ö"),
    ("Ouml", "Ö"),
    ("otilde", "õ"),
    ("oslash", "ø"),
    ("Oslash", "Ø"),
    ("uacute", "ú"),
    ("ugrave", "ù"),
    ("ucirc", "û"),
    ("uuml", "ü"),
    ("Uuml", "Ü"),
    ("szlig", "ß"),
    ("yacute", "ý"),
    ("yuml", "ÿ"),
    ("scaron", "š"),
    ("Scaron", "Š"),
    ("zcaron", "ž"),
    ("Zcaron", "Ž"),
];

/// Decodes the character reference starting at byte `at` of `s` (which must be `&`):
/// the decoded text and the reference's length in bytes. `None` when `&` does not start
/// a reference, in which case it is literal text.
pub(crate) fn decode_at(s: &str, at: usize) -> Option<(String, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(at) != Some(&b'&') {
        return None;
    }
    let rest = &bytes[at + 1..];
    if rest.first() == Some(&b'#') {
        let (hex, digits_from) = match rest.get(1) {
            Some(b'x') | Some(b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = rest[digits_from..]
            .iter()
            .take(8)
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let text = std::str::from_utf8(&rest[digits_from..digits_from + digits]).ok()?;
        let code = u32::from_str_radix(text, if hex { 16 } else { 10 }).ok()?;
        let mut len = 1 + digits_from + digits;
        if rest.get(digits_from + digits) == Some(&b';') {
            len += 1;
        }
        let c = match code {
            0 => '\u{FFFD}',
            // Windows-1252 quirks browsers honour for pages that mislabel their charset.
            0x80 => '€',
            0x91 => '‘',
            0x92 => '’',
            0x93 => '“',
            0x94 => '”',
            0x96 => '–',
            0x97 => '—',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return Some((c.to_string(), len));
    }
    let name_len = rest
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || rest.get(name_len) != Some(&b';') {
        return None;
    }
    let name = std::str::from_utf8(&rest[..name_len]).ok()?;
    let value = NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .or_else(|| {
            // Upper-case spellings of the common references (`&AMP;`, `&NBSP;`).
            NAMED.iter().find(|(n, _)| {
                n.eq_ignore_ascii_case(name)
                    && n.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
        })
        .map(|(_, v)| *v)?;
    Some((value.to_string(), name_len + 2))
}

/// Decodes every character reference in `s`.
pub(crate) fn decode_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (i, _) in s.match_indices('&') {
        if i < last {
            continue;
        }
        if let Some((text, len)) = decode_at(s, i) {
            out.push_str(&s[last..i]);
            out.push_str(&text);
            last = i + len;
        }
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_references_decode() {
        assert_eq!(
            decode_all("AT&amp;T paid &pound;5&nbsp;bn &mdash; &rsquo;"),
            "AT&T paid £5 bn — ’"
        );
        assert_eq!(decode_all("&euro;3"), "€3");
    }

    #[test]
    fn numeric_references_decode_in_decimal_and_hex() {
        assert_eq!(decode_all("&#36;5 &#x24;6 &#X24;7"), "$5 $6 $7");
    }

    #[test]
    fn unknown_or_unterminated_references_stay_literal() {
        assert_eq!(
            decode_all("R&D & more &bogus; &amp"),
            "R&D & more &bogus; &amp"
        );
    }

    #[test]
    fn out_of_range_code_points_become_replacement_characters() {
        assert_eq!(
            decode_all("&#xD800;&#0;&#99999999;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn decode_at_reports_the_reference_length() {
        assert_eq!(decode_at("x&amp;y", 1), Some(("&".to_string(), 5)));
        assert_eq!(decode_at("&#36", 0), Some(("$".to_string(), 4)));
        assert_eq!(decode_at("&", 0), None);
    }
}
