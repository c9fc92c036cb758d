//! Money: a numeral with a currency before it (`$`, `US$`, `HK$`, `c $`, `£`, `€`, `¥`,
//! `USD`, `Rs`, `RM`) or after it (`dollars`, `euros`, `pounds`, `yuan`, `crore rupees`,
//! `USD`), and the period of a rate (`$500 million a year`). Units are ISO 4217 codes
//! where the text says which currency; `$` alone is the configured dollar; a currency
//! named without its country (`rupees`, `francs`) keeps its name.
//!
//! Why: amounts of money are the figures news sources most often disagree on, and a
//! `£` figure must never be compared with a `$` one.

use super::token::Tokens;

/// The ISO code of a currency symbol, `None` for `$` (the configured dollar).
fn symbol(c: char) -> Option<Option<&'static str>> {
    Some(match c {
        '$' => None,
        '£' => Some("GBP"),
        '€' => Some("EUR"),
        '¥' | '￥' => Some("JPY"),
        '₹' => Some("INR"),
        '₩' => Some("KRW"),
        '₽' => Some("RUB"),
        '₺' => Some("TRY"),
        '₪' => Some("ILS"),
        '฿' => Some("THB"),
        '₫' => Some("VND"),
        '₱' => Some("PHP"),
        '₦' => Some("NGN"),
        '₭' => Some("LAK"),
        '₴' => Some("UAH"),
        '₿' => Some("BTC"),
        _ => return None,
    })
}

/// Whether token `i` is a currency symbol.
pub fn is_symbol(t: &Tokens, i: usize) -> bool {
    t.punct(i).is_some_and(|c| symbol(c).is_some())
}

/// Symbols that are written after the amount only (`100元`, `100 ₡`).
fn trailing_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '元' => "CNY",
        '₡' => "CRC",
        '₾' => "GEL",
        '円' => "JPY",
        '원' => "KRW",
        _ => return None,
    })
}

/// A lower-case currency code in tokenized or informal text.
fn lower_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "hkd" => "HKD",
        "sgd" => "SGD",
        "aud" => "AUD",
        "cad" => "CAD",
        "nzd" => "NZD",
        "inr" => "INR",
        "chf" => "CHF",
        "mxn" => "MXN",
        _ => return None,
    })
}

/// Marks a unit that was written in millions (`MUSD`); see [`split_millions`].
const MILLIONS: &str = "*1e6";

/// Splits the millions mark off a unit: (unit, multiplier).
pub fn split_millions(unit: String) -> (String, f64) {
    match unit.strip_suffix(MILLIONS) {
        Some(u) => (u.to_string(), 1e6),
        None => (unit, 1.0),
    }
}

/// A code written with a leading `M` for millions, finance style (`MUSD`, `MEUR`).
fn million_code(w: &str) -> Option<&'static str> {
    let rest = w.strip_prefix('M')?;
    if rest.len() != 3 {
        return None;
    }
    ISO.iter().find(|c| **c == rest).copied()
}

/// The dollar of a country prefix written before `$` (`US$`, `HK$`, `C$`).
fn dollar_prefix(w: &str) -> Option<&'static str> {
    if let Some(c) = lower_code(w) {
        return Some(c);
    }
    Some(match w {
        "US" | "us" | "USD" | "usd" => "USD",
        "HK" | "hk" | "HKD" => "HKD",
        "S" | "SG" | "SGD" => "SGD",
        "A" | "AU" | "AUD" => "AUD",
        "C" | "c" | "CA" | "CAD" | "cad" | "Can" => "CAD",
        "NZ" | "NZD" => "NZD",
        "NT" => "TWD",
        "R" => "BRL",
        "MX" | "Mex" => "MXN",
        _ => return None,
    })
}

const ISO: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "HKD", "SGD", "AUD", "CAD", "NZD", "INR", "CHF", "KRW",
    "BRL", "MXN", "ZAR", "RUB", "TRY", "SEK", "NOK", "DKK", "PLN", "THB", "IDR", "MYR", "PHP",
    "VND", "TWD", "ILS", "AED", "SAR", "NGN", "EGP", "PKR", "BDT", "CZK", "HUF", "BTC", "KES",
];

/// The ISO code of a currency code or abbreviation written as a word (`USD`, `RMB`,
/// `Rs`, `RM`).
fn code_word(w: &str) -> Option<&'static str> {
    if let Some(c) = ISO.iter().find(|c| **c == w) {
        return Some(c);
    }
    Some(match w {
        "RMB" | "rmb" => "CNY",
        "Rs" | "INR" => "INR",
        "RM" => "MYR",
        "Rp" => "IDR",
        "R" => "ZAR",
        "Kc" | "Kč" => "CZK",
        "kn" => "HRK",
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        _ => return None,
    })
}

/// A currency written before a numeral at token `i`: (unit, first token of the numeral).
pub fn prefix(t: &Tokens, i: usize, dollar: &str) -> Option<(String, usize)> {
    if let Some(c) = t.punct(i) {
        let code = symbol(c)?;
        let mut j = i + 1;
        // $US113 billion, $A5m
        let code = match code {
            Some(c) => c.to_string(),
            None => {
                if t.is_word_tok(j) && t.attached(j) && t.is_num(j + 1) && t.attached(j + 1) {
                    if let Some(p) = dollar_prefix(t.s(j)).filter(|_| t.s(j) != "c") {
                        j += 1;
                        p.to_string()
                    } else {
                        dollar.to_string()
                    }
                } else {
                    dollar.to_string()
                }
            }
        };
        return Some((code, j));
    }
    if !t.is_word_tok(i) {
        return None;
    }
    let w = t.s(i);
    // US$, HK$, C$, c $ (tokenized newswire), cad$
    if t.is_punct(i + 1, '$') {
        let spaced_ok = matches!(w, "c" | "C" | "us" | "US" | "HK" | "hk");
        if t.attached(i + 1) || spaced_ok {
            if let Some(code) = dollar_prefix(w) {
                return Some((code.to_string(), i + 2));
            }
        }
        return None;
    }
    if let Some(code) = million_code(w) {
        // "MAUD 60": millions of the currency; the scale is applied by the caller.
        if t.is_num(i + 1) {
            return Some((format!("{code}{MILLIONS}"), i + 1));
        }
        return None;
    }
    // "Y=590 billion": yen in wire copy.
    if w == "Y" && t.is_punct(i + 1, '=') && t.attached(i + 1) && t.is_num(i + 2) {
        return Some(("JPY".to_string(), i + 2));
    }
    let code = code_word(w)?;
    if w == "R" && !rand_amount(t, i + 1) {
        return None;
    }
    let mut j = i + 1;
    if w == "Rs" && t.is_punct(j, '.') && t.attached(j) {
        j += 1;
    }
    if super::numeral::starts_numeral(t, j) {
        return Some((code.to_string(), j));
    }
    None
}

/// Whether the digits at token `j` after a bare `R` are an amount of rand (`R18`, `R 250`,
/// `R3,5-billion`) rather than part of a name (`Audi R8`): two digits or more, or a
/// separator, decimal or scale after one.
pub fn rand_amount(t: &Tokens, j: usize) -> bool {
    t.is_num(j)
        && (t.ndigits(j) >= 2
            || matches!(t.punct(j + 1), Some(',' | '.')) && t.attached(j + 1) && t.is_num(j + 2)
            || !t.attached(j) && t.ndigits(j) >= 1)
}

/// The currency of a country adjective (`canadian`, `hong kong`): (code, words used).
fn nationality(t: &Tokens, i: usize) -> Option<(&'static str, usize)> {
    let a = t.lc(i);
    let b = t.lc(i + 1);
    let two = match (a.as_str(), b.as_str()) {
        ("hong", "kong") => Some("HKD"),
        ("new", "zealand") => Some("NZD"),
        ("new", "taiwan") => Some("TWD"),
        ("south", "african") => Some("ZAR"),
        ("south", "korean") => Some("KRW"),
        ("saudi", "arabian") => Some("SAR"),
        _ => None,
    };
    if let Some(c) = two {
        return Some((c, 2));
    }
    let one = match a.as_str() {
        "us" | "american" => "USD",
        "canadian" => "CAD",
        "australian" => "AUD",
        "singapore" | "singaporean" => "SGD",
        "taiwan" | "taiwanese" => "TWD",
        "chinese" => "CNY",
        "japanese" => "JPY",
        "korean" => "KRW",
        "indian" => "INR",
        "pakistani" => "PKR",
        "turkish" => "TRY",
        "swiss" => "CHF",
        "mexican" => "MXN",
        "brazilian" => "BRL",
        "russian" => "RUB",
        "swedish" => "SEK",
        "norwegian" => "NOK",
        "danish" => "DKK",
        "philippine" => "PHP",
        "thai" => "THB",
        "malaysian" => "MYR",
        "indonesian" => "IDR",
        "egyptian" => "EGP",
        "nigerian" => "NGN",
        "israeli" => "ILS",
        "saudi" => "SAR",
        "british" => "GBP",
        "jamaican" => "JMD",
        _ => return None,
    };
    Some((one, 1))
}

/// What a currency noun names: a code, the configured dollar, a minor unit, or a
/// currency of no stated country (kept by name).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Noun {
    Code(&'static str),
    Dollar,
    Minor(&'static str),
    Named(&'static str),
}

fn noun(w: &str, scaled: bool) -> Option<Noun> {
    Some(match w {
        "dollar" | "dollars" | "bucks" => Noun::Dollar,
        "euro" | "euros" => Noun::Code("EUR"),
        "pound" | "pounds" | "sterling" => Noun::Code("GBP"),
        "yen" => Noun::Code("JPY"),
        "yuan" | "renminbi" | "rmb" => Noun::Code("CNY"),
        "ringgit" => Noun::Code("MYR"),
        "baht" => Noun::Code("THB"),
        "lira" | "liras" => Noun::Code("TRY"),
        "ruble" | "rubles" | "rouble" | "roubles" => Noun::Code("RUB"),
        "shekel" | "shekels" => Noun::Code("ILS"),
        "naira" => Noun::Code("NGN"),
        "reais" => Noun::Code("BRL"),
        "zloty" | "zlotys" => Noun::Code("PLN"),
        "forint" | "forints" => Noun::Code("HUF"),
        "won" if scaled => Noun::Code("KRW"),
        "rand" => Noun::Code("ZAR"),
        "kuna" | "kunas" => Noun::Code("HRK"),
        "koruna" | "korunas" | "koruny" => Noun::Code("CZK"),
        "crown" | "crowns" if scaled => Noun::Named("crown"),
        "sen" => Noun::Minor("sen"),
        "dong" => Noun::Code("VND"),
        "rupee" | "rupees" => Noun::Named("rupee"),
        "franc" | "francs" => Noun::Named("franc"),
        "peso" | "pesos" => Noun::Named("peso"),
        "dinar" | "dinars" => Noun::Named("dinar"),
        "dirham" | "dirhams" => Noun::Named("dirham"),
        "riyal" | "riyals" => Noun::Named("riyal"),
        "krona" | "kronor" | "krone" | "kroner" => Noun::Named("krona"),
        "bitcoin" | "bitcoins" => Noun::Named("bitcoin"),
        "cent" | "cents" => Noun::Minor("cent"),
        "pence" | "p" => Noun::Minor("pence"),
        "penny" | "pennies" => Noun::Minor("penny"),
        "dime" | "dimes" => Noun::Minor("dime"),
        "nickel" | "nickels" => Noun::Minor("nickel"),
        _ => return None,
    })
}

/// A currency written after a numeral ending before token `k`.
#[derive(Debug, Clone, PartialEq)]
pub struct Suffix {
    /// The unit: ISO code, configured dollar, or currency name.
    pub unit: String,
    /// One past the last token of the currency words.
    pub end: usize,
    /// Whether it is a minor unit (cents, pence).
    pub minor: bool,
}

/// The currency after a numeral: `dollars`, `us dollars`, `million euros`, `USD`,
/// `-yen`. `scaled` says whether the numeral had a scale word.
pub fn suffix(t: &Tokens, k: usize, scaled: bool, dollar: &str) -> Option<Suffix> {
    // 100元: CJK currency characters are letters to the tokenizer.
    if let Some(code) = t.s(k).chars().next().and_then(trailing_symbol) {
        if t.s(k).chars().count() == 1 {
            return Some(Suffix {
                unit: code.to_string(),
                end: k + 1,
                minor: false,
            });
        }
    }
    // 10 €, 100 ₡ (a symbol that does not start the next amount)
    if let Some(c) = t
        .punct(k)
        .filter(|&c| trailing_symbol(c).is_some() || symbol(c).is_some())
    {
        let code = trailing_symbol(c).or_else(|| match symbol(c) {
            Some(Some(code)) if !t.is_num(k + 1) => Some(code),
            Some(None) if !t.is_num(k + 1) && !t.is_word_tok(k + 1) => None,
            _ => None,
        });
        let dollar_after = c == '$' && !t.is_num(k + 1) && !t.attached(k + 1);
        return match (code, dollar_after) {
            (Some(code), _) => Some(Suffix {
                unit: code.to_string(),
                end: k + 1,
                minor: false,
            }),
            (None, true) => Some(Suffix {
                unit: dollar.to_string(),
                end: k + 1,
                minor: false,
            }),
            _ => None,
        };
    }
    // 115USD, 10 USD, 20 usd, 30 MUSD (not "3 USD50")
    if t.is_word_tok(k) && !(t.is_num(k + 1) && t.attached(k + 1)) {
        let w = t.s(k);
        let code = ISO
            .iter()
            .find(|c| **c == w)
            .copied()
            .or_else(|| lower_code(w));
        if let Some(code) = code {
            return Some(Suffix {
                unit: code.to_string(),
                end: k + 1,
                minor: false,
            });
        }
        if let Some(code) = million_code(w) {
            return Some(Suffix {
                unit: format!("{code}{MILLIONS}"),
                end: k + 1,
                minor: false,
            });
        }
    }
    let mut j = k;
    if t.is_dash(j) && t.attached(j) && t.attached(j + 1) {
        j += 1;
    }
    if !t.is_word_tok(j) {
        return None;
    }
    // Words written onto the digits ("5G") are not currencies, except pence ("50p").
    let onto = j == k && t.attached(j);
    if (onto && t.s(j) != "p") || (t.s(j) == "p" && !onto) {
        return None;
    }
    let (nat, used) = match nationality(t, j) {
        Some((c, n)) => (Some(c), n),
        None => (None, 0),
    };
    let lc = t.lc(j + used);
    let n = noun(lc.as_str(), scaled || nat.is_some())?;
    if matches!(n, Noun::Code("GBP"))
        && lc.as_str().starts_with("pound")
        && pounds_of_weight(t, j + used, scaled, j > k)
    {
        return None;
    }
    if matches!(n, Noun::Code("GBP")) && lc.as_str().starts_with("pound") && j > 0 {
        // "weighs 200 pounds" is weight.
        let mut b = k;
        while b > 0 && !t.is_word_tok(b - 1) {
            b -= 1;
        }
        let before = t.lc(b.saturating_sub(2));
        if before.as_str().starts_with("weigh")
            || t.lc(b.saturating_sub(1)).as_str().starts_with("weigh")
        {
            return None;
        }
    }
    let mut end = j + used + 1;
    // "pound-feet", "dollar-denominated": the word is part of another compound (but
    // "12-cent-a-share" is a rate).
    if t.is_hyphen(end)
        && t.attached(end)
        && t.is_word_tok(end + 1)
        && t.attached(end + 1)
        && !t.is_any(end + 1, &["a", "an", "per"])
    {
        return None;
    }
    if t.is_word(end, "sterling") {
        end += 1;
    }
    let (unit, minor) = match (n, nat) {
        (Noun::Minor(m), _) => (m.to_string(), true),
        (_, Some(c)) => (c.to_string(), false),
        (Noun::Dollar, None) => (dollar.to_string(), false),
        (Noun::Code(c), None) => (c.to_string(), false),
        (Noun::Named(c), None) => (c.to_string(), false),
    };
    Some(Suffix { unit, end, minor })
}

/// Whether `pounds` at token `p` weighs rather than pays: `200 pounds of cocaine` (an
/// unscaled amount of a substance), `a 2,000-pound bomb` (a hyphenated adjective before
/// a noun that is not a banknote or a fine).
fn pounds_of_weight(t: &Tokens, p: usize, scaled: bool, hyphen: bool) -> bool {
    let e = p + 1;
    if !scaled && t.is_word(e, "of") && !t.is_any(e + 1, &["sterling", "taxpayers", "public"]) {
        return true;
    }
    hyphen
        && t.is_word_tok(e)
        && !t.is_cap(e)
        && !t.is_any(
            e,
            &[
                "note", "notes", "coin", "coins", "fine", "fines", "bill", "voucher", "ticket",
                "tickets", "bet", "fee", "charge", "a", "an", "per", "and", "or", "to", "in",
                "for", "on", "at", "from",
            ],
        )
}

/// The period or base of a rate after an amount: `a year`, `per share`, `annually`.
/// Returns (period, end token).
pub fn per(t: &Tokens, k: usize) -> Option<(String, usize)> {
    let lc = t.lc(k);
    match lc.as_str() {
        "annually" | "yearly" => return Some(("year".into(), k + 1)),
        "monthly" => return Some(("month".into(), k + 1)),
        "weekly" => return Some(("week".into(), k + 1)),
        "daily" => return Some(("day".into(), k + 1)),
        "hourly" => return Some(("hour".into(), k + 1)),
        _ => {}
    }
    let mut j = k;
    if t.is_dash(j) {
        j += 1;
    }
    if !t.is_any(j, &["a", "an", "per", "each"]) {
        return None;
    }
    let mut m = j + 1;
    if t.is_dash(m) {
        m += 1;
    }
    let lc = t.lc(m);
    let unit = match lc.as_str() {
        "year" | "annum" => "year",
        "month" => "month",
        "week" => "week",
        "day" => "day",
        "hour" => "hour",
        "share" => "share",
        "person" | "head" | "capita" => "person",
        "barrel" => "barrel",
        "ton" | "tonne" => "tonne",
        "kilogram" | "kg" => "kg",
        "litre" | "liter" => "litre",
        "gallon" => "gallon",
        "ounce" => "ounce",
        "unit" => "unit",
        "night" => "night",
        _ => return None,
    };
    // "a year earlier" / "a year ago" is a time, not a rate.
    if t.is_any(
        m + 1,
        &[
            "ago", "earlier", "later", "before", "after", "since", "prior", "on",
        ],
    ) {
        return None;
    }
    Some((unit.to_string(), m + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn symbol_and_country_prefixes() {
        let t = tokenize("US$14.3bil");
        assert_eq!(prefix(&t, 0, "USD"), Some(("USD".into(), 2)));
        let t = tokenize("HK$ 10.05 billion");
        assert_eq!(prefix(&t, 0, "USD"), Some(("HKD".into(), 2)));
        let t = tokenize("c $ 16.4 million");
        assert_eq!(prefix(&t, 0, "USD"), Some(("CAD".into(), 2)));
        let t = tokenize("£10.55 billion");
        assert_eq!(prefix(&t, 0, "USD"), Some(("GBP".into(), 1)));
        let t = tokenize("$5bn");
        assert_eq!(prefix(&t, 0, "CAD"), Some(("CAD".into(), 1)));
    }

    #[test]
    fn code_words_need_a_number() {
        let t = tokenize("USD 34.6 million");
        assert_eq!(prefix(&t, 0, "USD"), Some(("USD".into(), 1)));
        let t = tokenize("RM is here");
        assert_eq!(prefix(&t, 0, "USD"), None);
        let t = tokenize("R 18");
        assert_eq!(prefix(&t, 0, "USD"), Some(("ZAR".into(), 1)));
        let t = tokenize("Audi R8");
        assert_eq!(prefix(&t, 1, "USD"), None);
        let t = tokenize("Y=590 billion");
        assert_eq!(prefix(&t, 0, "USD"), Some(("JPY".into(), 2)));
    }

    #[test]
    fn currency_words_after_the_number() {
        let t = tokenize("10 us dollars");
        assert_eq!(
            suffix(&t, 1, false, "USD").map(|s| s.unit),
            Some("USD".into())
        );
        let t = tokenize("323 million euros");
        assert_eq!(
            suffix(&t, 2, true, "USD").map(|s| s.unit),
            Some("EUR".into())
        );
        let t = tokenize("470 pence");
        assert!(suffix(&t, 1, false, "USD").is_some_and(|s| s.minor));
        let t = tokenize("he weighs 200 pounds");
        assert_eq!(suffix(&t, 3, false, "USD"), None);
        let t = tokenize("seized 200 pounds of cocaine");
        assert_eq!(suffix(&t, 2, false, "USD"), None);
        let t = tokenize("a 2,000-pound bomb");
        assert_eq!(suffix(&t, 4, false, "USD"), None);
        let t = tokenize("a 10-pound note");
        assert!(suffix(&t, 2, false, "USD").is_some());
    }

    #[test]
    fn rates_but_not_times() {
        let t = tokenize("a year");
        assert_eq!(per(&t, 0), Some(("year".into(), 2)));
        let t = tokenize("a year earlier");
        assert_eq!(per(&t, 0), None);
    }
}
