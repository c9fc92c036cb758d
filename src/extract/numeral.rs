//! Numerals: the number itself, before any unit. Digits with thousands separators,
//! decimals and exponents (`1,234.5`, `1e10`), attached and spaced scales (`$5bn`,
//! `14.3 billion`, `10M`, `500 crore`), numbers in words (`twenty-eight`, `one hundred
//! and five`, `half a million`, `a dozen`), fractions (`a third`, `three quarters`,
//! `1/4`) and vague plurals (`tens of thousands`, `hundreds`).
//!
//! Why: every other family (money, percent, counts, ages, durations) is a numeral plus
//! context, so the numeral grammar decides the value and how precisely it was stated.

use super::ordinal::ordinal_word;
use super::token::Tokens;

/// A parsed number and how precisely it was stated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The value in base units (scale applied).
    pub value: f64,
    /// Half the place value of the last stated digit (`14.3 billion` → 0.05e9).
    pub half: f64,
    /// Whether a scale word or suffix was applied (`billion`, `bn`, `k`).
    pub scaled: bool,
    /// The scale applied (1 when none), so that `3 to 5 million` can share it.
    pub scale: f64,
    /// Number of decimal digits written.
    pub decimals: u32,
    /// For a bare run of digits (no sign, separator, decimal or scale), its integer.
    pub plain: Option<u64>,
    /// Whether the number is written in words.
    pub words: bool,
    /// For a vague plural (`thousands`), its bounds.
    pub vague: Option<(f64, f64)>,
    /// Whether the numeral is an ordinal (`21st`, `twenty-fifth`).
    pub ordinal: bool,
    /// Whether the numeral is a fraction (`a third`, `1/4`).
    pub fraction: bool,
}

impl Numeral {
    fn new(start: usize, end: usize, value: f64) -> Self {
        Numeral {
            start,
            end,
            value,
            half: 0.0,
            scaled: false,
            scale: 1.0,
            decimals: 0,
            plain: None,
            words: false,
            vague: None,
            ordinal: false,
            fraction: false,
        }
    }

    /// Whether the numeral covers the rounding of its last digit by default (a decimal
    /// fraction or a scale word).
    pub fn rounded(&self) -> bool {
        self.decimals > 0 || self.scaled
    }
}

/// The multiplier of a scale word written after a number with a space.
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "mln" | "mil" | "mio" => 1e6,
        "billion" | "bn" | "bln" | "bil" => 1e9,
        "trillion" | "tn" | "trn" | "tln" => 1e12,
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// The multiplier of a scale suffix written onto digits (`5bn`, `10M`, `3k`); a bare `m`,
/// `b` or `t` counts only in money (where it cannot be metres or bytes) or upper-case.
pub fn attached_scale(raw: &str, money: bool) -> Option<f64> {
    let lc = raw.to_ascii_lowercase();
    match lc.as_str() {
        "k" | "thousand" => Some(1e3),
        "m" if money || raw == "M" => Some(1e6),
        "b" => Some(1e9),
        "mm" if raw == "MM" => Some(1e6),
        "t" if money => Some(1e12),
        "bil" | "mil" | "tn" | "trn" | "bn" | "mn" | "mln" | "bln" | "million" | "billion"
        | "trillion" | "cr" | "crore" => scale_word(if lc == "cr" { "crore" } else { &lc }),
        _ => None,
    }
}

/// The value of a cardinal number word below one hundred (`seven`, `forty`).
pub fn small_word(w: &str) -> Option<u64> {
    Some(match w {
        "zero" | "nil" | "nought" | "naught" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Whether a lower-cased word can start a number written in words.
pub fn starts_number_word(w: &str) -> bool {
    small_word(w).is_some()
        || matches!(
            w,
            "a" | "an"
                | "half"
                | "quarter"
                | "dozen"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "millions"
                | "billions"
                | "tens"
                | "minus"
                | "negative"
                | "hundred"
                | "thousand"
                | "million"
                | "billion"
                | "trillion"
        )
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    None,
    Unit,
    Ten,
    Hundred,
    Big,
}

/// Parses the numeral starting at token `i`; `money` allows the bare scale suffixes `m`,
/// `b` and `t`.
pub fn parse_numeral(t: &Tokens, i: usize, money: bool) -> Option<Numeral> {
    let word_sign = t.is_any(i, &["minus", "negative"]) && starts_numeral(t, i + 1);
    let dash_sign = matches!(t.punct(i), Some('-' | '−'))
        && t.is_num(i + 1)
        && t.attached(i + 1)
        && (i == 0
            || t.toks[i].space_before
            || matches!(
                t.punct(i - 1),
                Some('(' | '[' | '<' | '>' | '=' | '~' | '$' | '£' | '€' | '¥')
            ));
    let (sign, j) = if word_sign || dash_sign {
        (-1.0, i + 1)
    } else {
        (1.0, i)
    };
    let mut n = if let Some(v) = t.punct(j).and_then(vulgar) {
        let mut n = Numeral::new(j, j + 1, v);
        n.fraction = true;
        n
    } else if t.is_punct(j, '.') && t.is_num(j + 1) && t.attached(j + 1) && !t.attached(j) {
        // ".08"
        let v: f64 = format!("0.{}", t.s(j + 1)).parse().ok()?;
        let mut n = Numeral::new(j, j + 2, v);
        n.decimals = t.ndigits(j + 1) as u32;
        n.half = 0.5 * 10f64.powi(-(n.decimals as i32));
        n
    } else if t.is_num(j) {
        let d = digits(t, j, money)?;
        // "3 hundred and 21", "4 thousand 3 hundred": digits inside a number in words.
        let mixed = t.ndigits(j) <= 3
            && d.plain.is_none()
            && d.decimals == 0
            && !d.ordinal
            && !d.fraction
            && t.end(d.start) == t.end(j);
        match words(t, j).filter(|w| mixed && w.end > d.end) {
            Some(w) => w,
            None => d,
        }
    } else {
        words(t, j)?
    };
    if !n.ordinal && n.vague.is_none() {
        extend(t, &mut n);
    }
    if sign < 0.0 {
        n.start = i;
        n.value = -n.value;
        n.plain = None;
    }
    Some(n)
}

/// The value of a vulgar fraction character (`½`, `¾`).
fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        _ => return None,
    })
}

/// Whether token `i` is a vulgar fraction character.
pub fn is_vulgar(t: &Tokens, i: usize) -> bool {
    t.punct(i).and_then(vulgar).is_some()
}

/// "and a half", "and three quarters" after a number: (fraction, end token).
fn and_fraction(t: &Tokens, k: usize) -> Option<(f64, usize)> {
    if !t.is_word(k, "and") {
        return None;
    }
    let (num, k2) = if t.is_any(k + 1, &["a", "an"]) {
        (1.0, k + 2)
    } else {
        let c = cardinal_plain(t, k + 1)?;
        (c.value(), c.end)
    };
    let (den, _, e) = denominator(t, k2)?;
    (num > 0.0).then_some((num / den, e))
}

/// Continuations that apply to any numeral: a mixed number (`2 1/4`, `2½`), a fraction
/// of a scale (`two thirds of a million`), `X million and a half`, `1 out of 3`,
/// `one in five`.
fn extend(t: &Tokens, n: &mut Numeral) {
    let k = n.end;
    // 2½, 2 1/4
    if n.plain.is_some() {
        if let Some(v) = t.punct(k).and_then(vulgar) {
            n.value += v;
            n.end = k + 1;
            n.plain = None;
            n.fraction = true;
            return;
        }
        if t.is_num(k)
            && (t.is_punct(k + 1, '/') || t.is_punct(k + 1, '⁄'))
            && t.is_num(k + 2)
            && !t.is_punct(k + 3, '/')
            && t.attached(k + 1)
            && t.attached(k + 2)
        {
            let (a, b) = (t.int(k).unwrap_or(0), t.int(k + 2).unwrap_or(0));
            if a < b && b > 0 {
                n.value += a as f64 / b as f64;
                n.end = k + 3;
                n.plain = None;
                n.fraction = true;
                return;
            }
        }
    }
    // two thirds of a million
    if n.fraction && n.value < 1.0 && t.is_word(k, "of") && t.is_any(k + 1, &["a", "an"]) {
        if let Some(s) = scale_word(t.lc(k + 2).as_str()).filter(|s| *s >= 1e3) {
            n.value *= s;
            n.end = k + 3;
            n.scaled = true;
            n.scale = s;
            return;
        }
    }
    // "a quarter million", "three quarters billion"
    if n.fraction && n.value < 1.0 && n.words {
        if let Some(s) = scale_word(t.lc(k).as_str()).filter(|s| *s >= 1e3) {
            n.value *= s;
            n.end = k + 1;
            n.scaled = true;
            n.scale = s;
            return;
        }
    }
    // 3 million and a half
    if n.scaled && n.scale >= 1e3 {
        if let Some((f, e)) = and_fraction(t, k) {
            n.value += f * n.scale;
            n.end = e;
            n.fraction = true;
            return;
        }
    }
    // "1 over 3", "one over twenty" at the end of a phrase
    let small_numerator =
        n.plain.is_some_and(|v| v <= 10) || n.words && !n.scaled && !n.fraction && n.value <= 10.0;
    if small_numerator && t.is_word(k, "over") {
        {
            if let Some(d) = parse_numeral_plain(t, k + 1) {
                let ends = d.end >= t.len()
                    || matches!(t.punct(d.end), Some('.' | ',' | ';' | '?' | '!' | ')'));
                if ends && d.value > 0.0 && !d.ordinal && d.vague.is_none() {
                    n.value /= d.value;
                    n.end = d.end;
                    n.plain = None;
                    n.fraction = true;
                    return;
                }
            }
        }
    }
    // 1 out of 3, one in five
    let small = !n.scaled && !n.fraction && n.value >= 1.0 && n.value <= 100.0;
    if small && n.decimals == 0 {
        let (ok, m) = if t.is_word(k, "out") && t.is_word(k + 1, "of") {
            (true, k + 2)
        } else if t.is_word(k, "in") && n.value <= 10.0 && !t.is_num(k + 1)
            || t.is_word(k, "in") && t.ndigits(k + 1) <= 3 && t.is_num(k + 1) && n.value <= 10.0
        {
            (true, k + 1)
        } else {
            (false, k)
        };
        if ok {
            if let Some(d) = parse_numeral_plain(t, m) {
                if d.value > n.value && d.vague.is_none() && !d.ordinal && !d.fraction {
                    n.value /= d.value;
                    n.end = d.end;
                    n.plain = None;
                    n.fraction = true;
                    n.half = 0.0;
                }
            }
        }
    }
}

/// A numeral without the continuations of [`extend`] (for the second half of one).
fn parse_numeral_plain(t: &Tokens, i: usize) -> Option<Numeral> {
    if t.is_num(i) {
        digits(t, i, false)
    } else {
        words(t, i)
    }
}

/// Whether a numeral can start at token `i`.
pub fn starts_numeral(t: &Tokens, i: usize) -> bool {
    t.is_num(i) || starts_number_word(t.lc(i).as_str())
}

fn digits(t: &Tokens, i: usize, money: bool) -> Option<Numeral> {
    let mut buf = String::with_capacity(24);
    buf.push_str(t.s(i));
    let mut j = i + 1;
    let mut grouped = false;
    if t.ndigits(i) <= 2 {
        // Indian grouping: 12,34,567 (two-digit groups, then a last group of three).
        let mut k = j;
        while t.is_punct(k, ',') && t.attached(k) && t.ndigits(k + 1) == 2 && t.attached(k + 1) {
            k += 2;
        }
        if k > j
            && t.is_punct(k, ',')
            && t.attached(k)
            && t.ndigits(k + 1) == 3
            && t.attached(k + 1)
        {
            let mut m = j;
            while m <= k {
                buf.push_str(t.s(m + 1));
                m += 2;
            }
            j = k + 2;
            grouped = true;
        }
    }
    if t.ndigits(i) <= 3 {
        loop {
            if t.is_punct(j, ',')
                && t.attached(j)
                && t.is_num(j + 1)
                && t.attached(j + 1)
                && t.ndigits(j + 1) == 3
            {
                buf.push_str(t.s(j + 1));
                j += 2;
                grouped = true;
            } else if t.is_num(j)
                && t.ndigits(j) == 3
                && matches!(t.gap(j - 1, j), "\u{202f}" | "\u{a0}" | "\u{2009}" | " ")
                && !(t.attached(j + 1) && (t.is_word_tok(j + 1) || t.is_dash(j + 1)))
            {
                buf.push_str(t.s(j));
                j += 1;
                grouped = true;
            } else {
                break;
            }
        }
    }
    // Dots as thousands separators (`1.234.567`, `1.111,11`): two dotted groups of three,
    // or one before a decimal comma; a single `1.234` stays a decimal.
    if !grouped && t.ndigits(i) <= 3 {
        let mut k = j;
        let mut groups = 0;
        while t.is_punct(k, '.') && t.attached(k) && t.ndigits(k + 1) == 3 && t.attached(k + 1) {
            k += 2;
            groups += 1;
        }
        let decimal_comma = t.is_punct(k, ',')
            && t.attached(k)
            && t.attached(k + 1)
            && matches!(t.ndigits(k + 1), 1 | 2);
        let dotted_on = t.is_punct(k, '.') && t.attached(k) && t.is_num(k + 1);
        if (groups >= 2 || groups == 1 && decimal_comma) && !dotted_on {
            let mut m = j;
            while m < k {
                buf.push_str(t.s(m + 1));
                m += 2;
            }
            j = k;
            grouped = true;
            if decimal_comma {
                buf.push('.');
                buf.push_str(t.s(k + 1));
                let decimals = t.ndigits(k + 1) as u32;
                let value: f64 = buf.parse().ok()?;
                let mut n = Numeral::new(i, k + 2, value);
                n.decimals = decimals;
                n.half = 0.5 * 10f64.powi(-(decimals as i32));
                return Some(spaced_scales(t, n));
            }
        }
    }
    let mut decimals = 0u32;
    if t.is_punct(j, '.') && t.attached(j) && t.is_num(j + 1) && t.attached(j + 1) {
        // "2015.5.13" is a date, not a decimal.
        let dotted_again = t.is_punct(j + 2, '.') && t.attached(j + 2) && t.is_num(j + 3)
            || i >= 2 && t.is_punct(i - 1, '.') && t.attached(i) && t.is_num(i - 2);
        if !dotted_again || grouped {
            buf.push('.');
            buf.push_str(t.s(j + 1));
            decimals = t.ndigits(j + 1) as u32;
            j += 2;
        }
    }
    // A decimal comma: "1,3", "€5,99" (one or two digits after the comma cannot be a
    // thousands group), but not a list such as "1,2,3".
    if !grouped
        && decimals == 0
        && t.ndigits(i) <= 3
        && t.is_punct(j, ',')
        && t.attached(j)
        && t.is_num(j + 1)
        && t.attached(j + 1)
        && t.ndigits(j + 1) <= 2
        && !(t.is_punct(j + 2, ',') && t.attached(j + 2) && t.is_num(j + 3))
        && !(i >= 2 && t.is_punct(i - 1, ',') && t.attached(i) && t.is_num(i - 2))
    {
        buf.push('.');
        buf.push_str(t.s(j + 1));
        decimals = t.ndigits(j + 1) as u32;
        j += 2;
    }
    let mut value: f64 = buf.parse().ok()?;
    let mut n = Numeral::new(i, j, value);
    n.decimals = decimals;
    if !grouped && decimals == 0 && j == i + 1 {
        n.plain = t.int(i);
    }
    // Exponent: 1e10, 1.5E-3.
    if t.is_any(j, &["e"]) && t.attached(j) {
        let (neg, k) = if t.is_dash(j + 1) && t.attached(j + 1) {
            (true, j + 2)
        } else if t.is_punct(j + 1, '+') && t.attached(j + 1) {
            (false, j + 2)
        } else {
            (false, j + 1)
        };
        if t.is_num(k) && t.attached(k) && t.ndigits(k) <= 3 {
            let e = t.int(k).unwrap_or(0) as i32;
            value *= 10f64.powi(if neg { -e } else { e });
            n.value = value;
            n.end = k + 1;
            n.plain = None;
            return Some(n);
        }
    }
    // Powers and scientific notation: 1.1^23, 2.5^-1, 1.3x10^6, 2.48×10−5.
    if let Some((v, e)) = power(t, j, value) {
        n.value = v;
        n.end = e;
        n.plain = None;
        return Some(n);
    }
    // Fraction 1/4 (not a date such as 6/22/2025), or written with the fraction slash
    // (`3⁄8`).
    if (t.is_punct(j, '/') || t.is_punct(j, '⁄') && t.attached(j) && t.attached(j + 1))
        && t.is_num(j + 1)
        && decimals == 0
        && !grouped
        && !(t.is_punct(j + 2, '/') && t.is_num(j + 3))
        && t.ndigits(j + 1) <= 3
    {
        let den = t.int(j + 1).unwrap_or(0);
        if den > 0 && t.ndigits(i) <= 3 {
            n.value = value / den as f64;
            n.end = j + 2;
            n.plain = None;
            n.fraction = true;
            return Some(n);
        }
    }
    // Ordinal suffix: 21st, 10th.
    if t.is_word_tok(j) && t.attached(j) {
        let lc = t.lc(j);
        if matches!(lc.as_str(), "st" | "nd" | "rd" | "th") && decimals == 0 {
            n.end = j + 1;
            n.ordinal = true;
            n.plain = None;
            return Some(n);
        }
        let million = m_is_million(t, j);
        let scale = attached_scale(t.s(j), money).or(million.then_some(1e6));
        if let Some(s) = scale {
            apply_scale(&mut n, s);
            n.end = j + 1;
            return Some(spaced_scales(t, n));
        }
        // "1.6l": a unit written onto a decimal still covers the rounding of its digits.
        if n.decimals > 0 {
            n.half = 0.5 * 10f64.powi(-(n.decimals as i32));
        }
        return Some(n);
    }
    Some(spaced_scales(t, n))
}

/// Whether a lower-case `m` written onto digits at token `j` means millions: a counted
/// noun or a unit of measure follows it (`1.2m people`, `3.4m tonnes`), not a metre.
pub fn m_is_million(t: &Tokens, j: usize) -> bool {
    t.s(j) == "m"
        && !t.attached(j + 1)
        && (super::count::noun_after(t, j + 1, false).is_some()
            || super::measure::unit_word(t.lc(j + 1).as_str()).is_some())
}

/// A signed exponent at token `k`: `23`, `+23`, `-1`, `−5`, `--23`: (exponent, end).
fn exponent(t: &Tokens, mut k: usize) -> Option<(i32, usize)> {
    let mut neg = false;
    while t.attached(k) && (t.is_dash(k) || t.is_punct(k, '+')) && k < t.len() {
        if t.is_dash(k) {
            neg = !neg;
        }
        k += 1;
    }
    if !t.is_num(k) || !t.attached(k) || t.ndigits(k) > 3 {
        return None;
    }
    let e = t.int(k)? as i32;
    Some((if neg { -e } else { e }, k + 1))
}

fn power(t: &Tokens, j: usize, base: f64) -> Option<(f64, usize)> {
    if t.is_punct(j, '^') && t.attached(j) {
        let (e, end) = exponent(t, j + 1)?;
        return Some((base.powi(e), end));
    }
    let times = t.is_punct(j, '×') || t.is_any(j, &["x"]);
    if times && t.attached(j) && t.s(j + 1) == "10" && t.attached(j + 1) {
        let k = if t.is_punct(j + 2, '^') { j + 3 } else { j + 2 };
        let (e, end) = exponent(t, k)?;
        return Some((base * 10f64.powi(e), end));
    }
    None
}

fn apply_scale(n: &mut Numeral, s: f64) {
    let unit = 10f64.powi(-(n.decimals as i32));
    n.value *= s;
    n.half = 0.5 * unit * s;
    n.scaled = true;
    n.scale *= s;
    n.plain = None;
}

/// Scale words after a numeral: `14.3 billion`, `5 hundred thousand`, `3 dozen`.
fn spaced_scales(t: &Tokens, mut n: Numeral) -> Numeral {
    let mut last = 0.0;
    // "$7-billion", "a 4,5-million budget": a large scale joined by a hyphen.
    if t.is_hyphen(n.end)
        && t.attached(n.end)
        && t.attached(n.end + 1)
        && t.is_any(n.end + 1, &["million", "billion", "trillion"])
    {
        n.end += 1;
    }
    loop {
        let j = n.end;
        let lc = t.lc(j);
        let w = lc.as_str();
        let s = if matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs") {
            Some(12.0)
        } else if last == 0.0
            && t.s(j) == "B"
            && !t.attached(j)
            && super::count::noun_after(t, j + 1, false).is_some()
        {
            // "7 B people": a capital B before a counted noun is billions.
            Some(1e9)
        } else if last == 0.0 && matches!(t.s(j), "k" | "K" | "M") && !t.attached(j) {
            // "2.33 k", "1,674,200.5 M": a lone scale letter after the digits.
            let next_is_word = t.is_word_tok(j + 1) && t.attached(j + 1);
            if next_is_word {
                None
            } else if t.s(j) == "M" {
                Some(1e6)
            } else {
                Some(1e3)
            }
        } else {
            scale_word(w)
        };
        match s {
            Some(s) if s > last => {
                // "a 100 million" fine; "1.5 hundred" is not English but harmless.
                apply_scale(&mut n, s);
                last = s;
                n.end = j + 1;
            }
            _ => break,
        }
    }
    if n.half == 0.0 && n.decimals > 0 {
        n.half = 0.5 * 10f64.powi(-(n.decimals as i32));
    }
    n
}

/// The parsed cardinal part of a number in words.
struct Cardinal {
    end: usize,
    total: f64,
    current: f64,
    last: Last,
    last_big: f64,
    article: bool,
    count: usize,
    /// The units and tens since the last `hundred` or scale (what `dozen` multiplies).
    group: f64,
}

impl Cardinal {
    fn value(&self) -> f64 {
        self.total + self.current
    }
}

fn cardinal(t: &Tokens, i: usize) -> Option<Cardinal> {
    cardinal_with(t, i, true)
}

/// A cardinal with no `and` inside (for lookahead).
fn cardinal_plain(t: &Tokens, i: usize) -> Option<Cardinal> {
    cardinal_with(t, i, false)
}

/// A digit run that can stand inside a number in words ("3 hundred and 21").
fn digit_part(t: &Tokens, j: usize) -> Option<u64> {
    if t.ndigits(j) > 3 || (t.attached(j + 1) && matches!(t.punct(j + 1), Some('.' | ',' | '/'))) {
        return None;
    }
    if t.attached(j + 1) && t.is_word_tok(j + 1) {
        return None;
    }
    t.int(j)
}

fn cardinal_with(t: &Tokens, i: usize, allow_and: bool) -> Option<Cardinal> {
    let mut c = Cardinal {
        end: i,
        total: 0.0,
        current: 0.0,
        last: Last::None,
        last_big: f64::INFINITY,
        article: false,
        count: 0,
        group: 0.0,
    };
    let mut j = i;
    let mut joined_by_and = false;
    if t.is_any(i, &["a", "an", "one"]) {
        let n = t.lc(i + 1);
        let next = n.as_str();
        let fraction_next =
            t.is_any(i, &["a", "an"]) && denominator(t, i + 1).is_some_and(|d| !d.1);
        if next == "hundred"
            || next == "dozen"
            || (scale_word(next).is_some() && next.len() > 3)
            || fraction_next
        {
            c.current = 1.0;
            c.last = Last::Unit;
            c.article = t.is_any(i, &["a", "an"]);
            c.end = i + 1;
            c.count = 1;
            j = i + 1;
        } else if t.is_any(i, &["a", "an"]) {
            return None;
        }
    }
    loop {
        let lc = t.lc(j);
        let w = lc.as_str();
        let small = small_word(w).or_else(|| digit_part(t, j).filter(|v| *v < 100));
        if let Some(v) = digit_part(t, j).filter(|v| *v >= 100) {
            if !matches!(c.last, Last::None | Last::Big) {
                break;
            }
            c.current += v as f64;
            c.group = 0.0;
            c.last = Last::Hundred;
        } else if let Some(v) = small {
            let v = v as f64;
            // "one hundred thirty-fifths" is a hundred thirty-fifths: a tens word right
            // before a plural unit ordinal belongs to the denominator, unless `and`
            // joined it to the number ("one hundred and thirty fifths").
            if v >= 20.0
                && v % 10.0 == 0.0
                && matches!(c.last, Last::Hundred | Last::Big)
                && !joined_by_and
            {
                let k = if t.is_dash(j + 1) { j + 2 } else { j + 1 };
                if ordinal_word(t.lc(k).as_str())
                    .is_some_and(|o| o.plural && !o.scale && o.value < 10.0)
                {
                    break;
                }
            }
            let ok = match c.last {
                Last::None | Last::Hundred | Last::Big => true,
                Last::Ten => v < 10.0 && v > 0.0,
                Last::Unit => false,
            };
            if !ok {
                break;
            }
            c.current += v;
            c.group += v;
            c.last = if v >= 20.0 && v % 10.0 == 0.0 {
                Last::Ten
            } else {
                Last::Unit
            };
        } else if w == "hundred" {
            if !matches!(c.last, Last::Unit | Last::Ten) || c.current >= 100.0 {
                break;
            }
            c.current *= 100.0;
            c.group = 0.0;
            c.last = Last::Hundred;
        } else if matches!(w, "dozen" | "dz" | "doz")
            || matches!(w, "dozens" | "dzs" | "dozs") && c.last != Last::None
        {
            if !matches!(c.last, Last::Unit | Last::Ten | Last::Hundred) {
                break;
            }
            // "three hundred and two dozen": the dozen multiplies its own group.
            let g = if c.group > 0.0 { c.group } else { c.current };
            c.current += g * 11.0;
            c.group = 0.0;
            c.last = Last::Hundred;
        } else if let Some(s) = scale_word(w).filter(|&s| s >= 1e3 && w.len() > 3) {
            if c.last == Last::Big && s > c.last_big && c.current == 0.0 {
                // Stacked scales: "three lakh crore", "a thousand million".
                c.total *= s;
                c.last_big = s;
            } else if c.last == Last::None || s >= c.last_big {
                break;
            } else {
                c.total += c.current.max(1.0) * s;
                c.current = 0.0;
                c.group = 0.0;
                c.last_big = s;
                c.last = Last::Big;
            }
        } else {
            break;
        }
        c.count += 1;
        c.end = j + 1;
        j += 1;
        // Connectors between number words.
        // A following word can continue the number unless it is zero or starts a new
        // hundred ("3 hundred and 2 hundred").
        let next_small = |k: usize| {
            let v = small_word(t.lc(k).as_str()).or_else(|| digit_part(t, k));
            // ("5 lakh and 3 crore" are two numbers: a scale as large follows.)
            let larger_scale = c.last == Last::Big
                && scale_word(t.lc(k + 1).as_str()).is_some_and(|s| s >= c.last_big);
            v.is_some_and(|v| v > 0)
                && !(c.last == Last::Hundred && t.is_word(k + 1, "hundred"))
                && !larger_scale
        };
        let hyphen = t.is_dash(j) && c.last == Last::Ten && next_small(j + 1);
        let and = allow_and
            && (t.is_word(j, "and") || t.is_punct(j, '&'))
            && matches!(c.last, Last::Hundred | Last::Big)
            && next_small(j + 1)
            && !next_is_denominator(t, j + 1);
        if hyphen || and {
            j += 1;
        }
        joined_by_and = and;
    }
    if c.count == 0 {
        None
    } else {
        Some(c)
    }
}

fn next_is_denominator(t: &Tokens, i: usize) -> bool {
    // "and two thirds", "and fifty-four hundredths": keep "and" for the fraction step.
    match cardinal_plain(t, i) {
        Some(c) => {
            let k = if t.is_dash(c.end) { c.end + 1 } else { c.end };
            // Only a proper fraction ("and two thirds") stays apart: "one hundred and
            // thirty fifths" is 130 fifths.
            let v = c.value();
            let one = v == 1.0;
            let fits = |d: (f64, bool, usize)| (d.1 || one) && v < d.0;
            denominator(t, k).is_some_and(fits) || denominator(t, c.end).is_some_and(fits)
        }
        None => false,
    }
}

/// A fraction word as a denominator: `half`, `third`, `quarters`, `fifths`.
fn denominator(t: &Tokens, i: usize) -> Option<(f64, bool, usize)> {
    let lc = t.lc(i);
    let w = lc.as_str();
    match w {
        "half" => return Some((2.0, false, i + 1)),
        "halves" => return Some((2.0, true, i + 1)),
        "quarter" => return Some((4.0, false, i + 1)),
        "quarters" => return Some((4.0, true, i + 1)),
        "second" | "seconds" => return None,
        _ => {}
    }
    // Compound: twenty-fifth(s).
    if let Some(tens) = small_word(w).filter(|v| *v >= 20) {
        let k = if t.is_dash(i + 1) { i + 2 } else { i + 1 };
        let o = ordinal_word(t.lc(k).as_str())?;
        if o.value < 10.0 && !o.scale {
            return Some((tens as f64 + o.value, o.plural, k + 1));
        }
        return None;
    }
    let o = ordinal_word(w)?;
    if o.value < 3.0 && !o.scale {
        return None;
    }
    Some((o.value, o.plural, i + 1))
}

fn words(t: &Tokens, i: usize) -> Option<Numeral> {
    let lc = t.lc(i);
    let w = lc.as_str();
    // half a million, half-a-million, half a dozen, quarter million
    if w == "half" || w == "quarter" {
        let f = if w == "half" { 0.5 } else { 0.25 };
        let mut k = i + 1;
        if t.is_dash(k) {
            k += 1;
        }
        if t.is_any(k, &["a", "an"]) {
            k += 1;
            if t.is_dash(k) {
                k += 1;
            }
        }
        let nl = t.lc(k);
        let s = if nl.as_str() == "dozen" {
            Some(12.0)
        } else {
            scale_word(nl.as_str()).filter(|_| nl.as_str().len() > 3)
        };
        if let Some(s) = s {
            let mut n = Numeral::new(i, k + 1, f * s);
            n.words = true;
            n.scaled = s >= 1e3;
            n.half = if n.scaled { 0.05 * s } else { 0.0 };
            return Some(n);
        }
        // "half of the staff", "more than half", "nearly half"
        let hedged = i > 0
            && t.is_any(
                i - 1,
                &[
                    "than", "nearly", "almost", "about", "around", "roughly", "over", "under",
                ],
            );
        if w == "half" && (t.is_word(i + 1, "of") || hedged) {
            let mut n = Numeral::new(i, i + 1, 0.5);
            n.words = true;
            n.fraction = true;
            return Some(n);
        }
        return None;
    }
    // Vague plurals: tens of thousands, hundreds of millions, thousands of, dozens of.
    if let Some(v) = vague(t, i) {
        return Some(v);
    }
    let c = cardinal(t, i)?;
    let value = c.value();
    let end = c.end;
    let mut n = Numeral::new(i, end, value);
    n.words = true;
    // and a half / and two thirds / and fifty-four hundredths
    if let Some((f, e)) = and_fraction(t, end) {
        n.fraction = true;
        let next_big = scale_word(t.lc(e).as_str())
            .filter(|&s| s >= 1e3 && s < c.last_big && c.last == Last::Big);
        if let Some(s) = next_big {
            // "one billion and a half million"
            n.value = c.total + c.current + f * s;
            n.end = e + 1;
        } else if c.last == Last::Big {
            // "five billion and three quarters"
            n.value = c.total + f * c.last_big;
            n.end = e;
        } else {
            // "two and a half million"
            let mut v = c.total + c.current + f;
            let mut e2 = e;
            if let Some(s) = scale_word(t.lc(e).as_str()).filter(|&s| s >= 1e3) {
                v *= s;
                e2 += 1;
                n.scaled = true;
                n.scale = s;
                n.half = 0.05 * s;
            }
            n.value = v;
            n.end = e2;
        }
        return Some(n);
    }
    // "nine point nought four", "two hundred point seventy-one"
    if t.is_word(end, "point") {
        let mut digits = String::new();
        let mut k = end + 1;
        while let Some(d) = small_word(t.lc(k).as_str()).filter(|d| *d < 10) {
            digits.push(char::from(b'0' + d as u8));
            k += 1;
        }
        if digits.is_empty() {
            if let Some(cn) = cardinal_plain(t, k).filter(|c| c.value() < 100.0) {
                digits = format!("{}", cn.value() as u64);
                k = cn.end;
            }
        }
        if !digits.is_empty() {
            if let Ok(f) = format!("0.{digits}").parse::<f64>() {
                n.value = value + f;
                n.end = k;
                n.decimals = digits.len() as u32;
                return Some(n);
            }
        }
    }
    // Fractions: a third, two-thirds, five eighths, one twenty-fifth.
    let k = if t.is_dash(end) && denominator(t, end + 1).is_some() {
        end + 1
    } else {
        end
    };
    if matches!(c.last, Last::Unit | Last::Ten | Last::Hundred | Last::Big) {
        if let Some((den, plural, e)) = denominator(t, k) {
            let ordinal_reading = !plural && (value > 1.0 || c.last != Last::Unit);
            if !ordinal_reading {
                n.value = value / den;
                n.end = e;
                n.fraction = true;
                return Some(n);
            }
        }
        // Ordinals: one hundred twenty-fifth, three trillionth, twenty-first.
        let k = if t.is_dash(end) && t.attached(end) {
            end + 1
        } else {
            k
        };
        if let Some(o) = ordinal_after(t, k) {
            if !(c.last == Last::Unit && value <= 1.0 && o.0 >= 100.0) {
                let v = if o.1 {
                    value * o.0
                } else {
                    c.total + c.current + o.0
                };
                let ok = if o.1 {
                    true
                } else {
                    // "one hundred first", not "280 million first (preferred notes)"
                    c.last == Last::Hundred && t.is_word_tok(c.end - 1)
                        || (c.last == Last::Ten && o.0 < 10.0)
                };
                if ok {
                    n.value = v;
                    n.end = o.2;
                    n.ordinal = true;
                    return Some(n);
                }
            }
        }
    }
    if c.article && c.count == 1 {
        return None;
    }
    if c.last_big.is_finite() || c.last == Last::Hundred && value >= 1e3 {
        n.scaled = true;
        n.scale = if c.last_big.is_finite() && c.current == 0.0 {
            c.last_big
        } else {
            1.0
        };
        n.half = 0.5 * place_of_last_digit(value);
    }
    n.value = value;
    Some(n)
}

/// An ordinal word after a cardinal: (value, multiplies, end).
fn ordinal_after(t: &Tokens, i: usize) -> Option<(f64, bool, usize)> {
    if let Some(tens) = small_word(t.lc(i).as_str()).filter(|v| *v >= 20) {
        let k = if t.is_dash(i + 1) { i + 2 } else { i + 1 };
        let o = ordinal_word(t.lc(k).as_str())?;
        if o.plural || o.scale || o.value >= 10.0 {
            return None;
        }
        return Some((tens as f64 + o.value, false, k + 1));
    }
    let o = ordinal_word(t.lc(i).as_str())?;
    if o.plural {
        return None;
    }
    Some((o.value, o.scale, i + 1))
}

fn place_of_last_digit(v: f64) -> f64 {
    let mut p = 1.0;
    let v = v.abs().round();
    while p < 1e15 && v > 0.0 && (v / (p * 10.0)).fract() == 0.0 {
        p *= 10.0;
    }
    p
}

fn vague(t: &Tokens, i: usize) -> Option<Numeral> {
    let lc = t.lc(i);
    let w = lc.as_str();
    let base = match w {
        "dozens" => 12.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "tens" => 10.0,
        _ => return None,
    };
    // Not after another number ("three hundreds").
    if i > 0 && starts_numeral(t, i - 1) {
        return None;
    }
    if !t.is_word(i + 1, "of") {
        return None;
    }
    let next = t.lc(i + 2);
    let inner = match next.as_str() {
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    };
    let (lo, end) = match inner {
        Some(s) if w == "tens" || w == "hundreds" => (base * s, i + 3),
        _ if w == "tens" => return None,
        _ => (base, i + 1),
    };
    let hi = if w == "dozens" { 120.0 } else { lo * 10.0 };
    let mut n = Numeral::new(i, end, lo);
    n.words = true;
    n.vague = Some((lo, hi));
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn val(s: &str) -> Option<(f64, String)> {
        let t = tokenize(s);
        let n = parse_numeral(&t, 0, true)?;
        let text = &s[t.start(n.start)..t.end(n.end - 1)];
        Some((n.value, text.to_string()))
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(val("100,000 contractors"), Some((1e5, "100,000".into())));
        assert_eq!(val("14.3 billion"), Some((14.3e9, "14.3 billion".into())));
        assert_eq!(val("1,2,3"), Some((1.0, "1".into())));
    }

    #[test]
    fn decimal_commas_and_lone_scale_letters() {
        assert_eq!(val("1,3"), Some((1.3, "1,3".into())));
        assert_eq!(val("2.33 k"), Some((2330.0, "2.33 k".into())));
        assert_eq!(val("1,674,200.5 M").map(|v| v.0), Some(1_674_200_500_000.0));
        assert_eq!(val("1,234").map(|v| v.0), Some(1234.0));
    }

    #[test]
    fn attached_scales() {
        assert_eq!(val("14.3bil").map(|v| v.0), Some(14.3e9));
        assert_eq!(val("90mil").map(|v| v.0), Some(90e6));
        assert_eq!(val("10M").map(|v| v.0), Some(1e7));
        assert_eq!(val("5bn").map(|v| v.0), Some(5e9));
    }

    #[test]
    fn words_numbers() {
        assert_eq!(val("twenty-eight").map(|v| v.0), Some(28.0));
        assert_eq!(val("one hundred and five").map(|v| v.0), Some(105.0));
        assert_eq!(val("half a million").map(|v| v.0), Some(5e5));
        assert_eq!(val("half-a-million").map(|v| v.0), Some(5e5));
        assert_eq!(val("a dozen").map(|v| v.0), Some(12.0));
        assert_eq!(val("half a dozen").map(|v| v.0), Some(6.0));
        assert_eq!(
            val("two thousand and two hundred").map(|v| v.0),
            Some(2200.0)
        );
        assert_eq!(val("one trillion").map(|v| v.0), Some(1e12));
    }

    #[test]
    fn dozens_multiply_their_group_and_scales_stack() {
        assert_eq!(
            val("three hundred and two dozens").map(|v| v.0),
            Some(324.0)
        );
        assert_eq!(val("three lakh crore").map(|v| v.0), Some(3e12));
        assert_eq!(
            val("3 hundred and 2 hundred").map(|v| v.1),
            Some("3 hundred".into())
        );
    }

    #[test]
    fn fractions() {
        assert!(close(val("a third").unwrap().0, 1.0 / 3.0));
        assert!(close(val("three quarters").unwrap().0, 0.75));
        assert!(close(val("five eighths").unwrap().0, 0.625));
        assert!(close(val("1/4").unwrap().0, 0.25));
        assert!(close(val("one and a fourth").unwrap().0, 1.25));
        assert!(close(val("one twenty-fifth").unwrap().0, 0.04));
        assert!(close(val("twenty fifths").unwrap().0, 4.0));
    }

    #[test]
    fn ordinals_in_words() {
        let t = tokenize("one hundred twenty-fifth");
        let n = parse_numeral(&t, 0, false).unwrap();
        assert!(n.ordinal && n.value == 125.0);
    }

    #[test]
    fn vague_plurals_have_bounds() {
        let t = tokenize("tens of thousands of workers");
        let n = parse_numeral(&t, 0, false).unwrap();
        assert_eq!(n.vague, Some((1e4, 1e5)));
        assert_eq!(n.end, 3);
    }

    #[test]
    fn rounding_half_of_last_digit() {
        let t = tokenize("14.3 billion");
        let n = parse_numeral(&t, 0, false).unwrap();
        assert!(close(n.half, 0.05e9));
        let t = tokenize("14 billion");
        assert!(close(parse_numeral(&t, 0, false).unwrap().half, 0.5e9));
    }

    #[test]
    fn lone_article_is_not_a_number() {
        assert_eq!(val("a car"), None);
    }
}
