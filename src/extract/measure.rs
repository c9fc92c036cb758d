//! Measures: a numeral followed by a unit of measure, spaced or written on (`30 yards`,
//! `8 miles`, `13 kilometers`, `256GB`, `938hp`, `10 tons`, `37.5 degrees`), rates and
//! areas written as one unit (`250 km/h`, `30 miles per hour`, `45m2`, `2,000 sq ft`). The
//! figure stays kind `number`; the unit (singular, lower-case) goes into
//! `Mention::unit` so that `8 miles` is never compared with `8 people`.
//!
//! Why: distances, capacities and weights are stated and contradicted in news like any
//! other figure, and a count noun reading ("8 miles" as a count of miles) would group
//! them with headcounts.

use super::token::Tokens;

/// The unit of a measure word, singular and lower-case.
pub fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "mile" | "miles" | "mi" => "mile",
        "kilometre" | "kilometres" | "kilometer" | "kilometers" | "km" | "kms" => "km",
        "metre" | "metres" | "meter" | "meters" => "metre",
        "centimetre" | "centimetres" | "centimeter" | "centimeters" | "cm" => "cm",
        "millimetre" | "millimetres" | "millimeter" | "millimeters" | "mm" => "mm",
        "foot" | "feet" | "ft" => "foot",
        "inch" | "inches" => "inch",
        "yard" | "yards" => "yard",
        "kilogram" | "kilograms" | "kg" | "kgs" | "kilo" | "kilos" => "kg",
        "gram" | "grams" => "gram",
        "tonne" | "tonnes" => "tonne",
        "ton" | "tons" => "ton",
        "ounce" | "ounces" | "oz" => "ounce",
        "lb" | "lbs" => "lb",
        "litre" | "litres" | "liter" | "liters" => "litre",
        "ml" => "ml",
        "gallon" | "gallons" => "gallon",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" | "ha" => "hectare",
        "degree" | "degrees" => "degree",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "mpg" => "mpg",
        "knot" | "knots" => "knot",
        "milligram" | "milligrams" | "mg" => "mg",
        "pound" | "pounds" => "lb",
        "kbps" => "kbps",
        "mbps" => "mbps",
        "gbps" => "gbps",
        "hz" | "hertz" => "hz",
        "khz" | "kilohertz" => "khz",
        "megahertz" => "mhz",
        "gigahertz" => "ghz",
        "gb" | "gigabyte" | "gigabytes" => "gb",
        "mb" | "megabyte" | "megabytes" => "mb",
        "tb" | "terabyte" | "terabytes" => "tb",
        "mw" | "megawatt" | "megawatts" => "mw",
        "gw" | "gigawatt" | "gigawatts" => "gw",
        "kw" | "kilowatt" | "kilowatts" => "kw",
        "kwh" => "kwh",
        "mwh" => "mwh",
        "gwh" => "gwh",
        "twh" => "twh",
        "ghz" => "ghz",
        "mhz" => "mhz",
        "hp" | "bhp" | "horsepower" => "hp",
        "newton-metre" | "newton-metres" | "newton-meter" | "newton-meters" => "nm",
        "calorie" | "calories" => "calorie",
        _ => return None,
    })
}

/// A unit of measure after a numeral ending before token `k`: (unit, end token).
/// Short symbols (`km`, `GB`) count only when written onto the number or spaced and not
/// followed by another letter-word that would make them an abbreviation of something else.
pub fn suffix(t: &Tokens, k: usize) -> Option<(&'static str, usize)> {
    let j = if t.is_dash(k) && t.attached(k) && t.attached(k + 1) {
        k + 1
    } else {
        k
    };
    // "1,650°C", "40 °F", "104F" is too ambiguous; a degree sign makes a temperature.
    if t.punct(j) == Some('°') {
        let scale = match t.s(j + 1) {
            "C" | "c" if t.attached(j + 1) => "celsius",
            "F" | "f" if t.attached(j + 1) => "fahrenheit",
            _ => return Some(("degree", j + 1)),
        };
        return Some((scale, j + 2));
    }
    // "400Nm", "635 Nm": newton-metres of torque (lower-case "nm" is nanometres).
    if t.s(j) == "Nm" {
        return Some(("nm", j + 1));
    }
    if t.lc(j).as_str() == "lb" && t.is_dash(j + 1) && t.is_word(j + 2, "ft") {
        return Some(("lb-ft", j + 3));
    }
    // "2,000 sq ft", "45 square metres", "3 cubic feet".
    if t.is_any(j, &["sq", "square", "cubic"]) {
        let base = unit_word(t.lc(j + 1).as_str());
        let cubic = t.is_word(j, "cubic");
        let unit = match base? {
            "foot" if cubic => "cubic_foot",
            "metre" if cubic => "cubic_metre",
            "foot" => "sq_ft",
            "metre" => "sq_m",
            "km" => "sq_km",
            "mile" => "sq_mile",
            _ => return None,
        };
        return Some((unit, j + 2));
    }
    let lc = t.lc(j);
    let onto = j == k && t.attached(j);
    let unit = match unit_word(lc.as_str()) {
        Some(u) => u,
        // Symbols too short to stand alone count only written onto the digits: "250g",
        // "2.0l".
        None if onto && lc.as_str() == "g" => "gram",
        None if onto && lc.as_str() == "l" || t.s(j) == "L" => "litre",
        None if onto && t.s(j) == "m" && squared(t, j + 1) => "metre",
        // "-5C", "104F": a capital scale letter written onto the digits.
        None if onto && t.s(j) == "C" => "celsius",
        None if onto && t.s(j) == "F" => "fahrenheit",
        None => return None,
    };
    // "3,500 degrees Fahrenheit", "40 degrees C".
    if unit == "degree" {
        let scale = t.lc(j + 1);
        match scale.as_str() {
            "fahrenheit" | "f" => return Some(("fahrenheit", j + 2)),
            "celsius" | "centigrade" | "c" => return Some(("celsius", j + 2)),
            _ => {}
        }
    }
    // "45m2", "120 km²": areas written with a power.
    if squared(t, j + 1) {
        let area = match unit {
            "metre" => Some("sq_m"),
            "km" => Some("sq_km"),
            "foot" => Some("sq_ft"),
            "mile" => Some("sq_mile"),
            _ => None,
        };
        if let Some(a) = area {
            return Some((a, j + 2));
        }
    }
    // "250 km/h", "30 miles per hour", "8 metres a second": a rate is one unit.
    if let Some((rate, end)) = rate(t, unit, j + 1) {
        return Some((rate, end));
    }
    // "a 10-minute walk" style compounds work for measures too ("a 40-mile drive").
    Some((unit, j + 1))
}

/// Whether token `k` squares the unit before it (`m2`, `km²`).
fn squared(t: &Tokens, k: usize) -> bool {
    t.attached(k) && (t.s(k) == "2" || t.is_punct(k, '²'))
}

/// The unit of a length over a time (or distance over fuel) after `base`, when token `k`
/// starts `/h`, `per hour`, `an hour`: (rate unit, end token).
fn rate(t: &Tokens, base: &str, k: usize) -> Option<(&'static str, usize)> {
    let per = if t.is_punct(k, '/') && t.attached(k) && t.attached(k + 1) {
        match t.lc(k + 1).as_str() {
            "h" | "hr" | "hour" => "hour",
            "s" | "sec" => "second",
            "min" => "minute",
            _ => return None,
        }
    } else if t.is_any(k, &["per", "an", "a"]) {
        match t.lc(k + 1).as_str() {
            "hour" => "hour",
            "second" => "second",
            "minute" => "minute",
            "gallon" => "gallon",
            _ => return None,
        }
    } else {
        return None;
    };
    let unit = match (base, per) {
        ("km", "hour") => "km/h",
        ("km", "second") => "km/s",
        ("mile", "hour") => "mph",
        ("metre", "second") => "m/s",
        ("foot", "second") => "ft/s",
        ("foot", "minute") => "ft/min",
        ("mile", "gallon") => "mpg",
        _ => return None,
    };
    Some((unit, k + 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn spaced_attached_and_hyphenated_units() {
        let t = tokenize("8 miles");
        assert_eq!(suffix(&t, 1), Some(("mile", 2)));
        let t = tokenize("256GB");
        assert_eq!(suffix(&t, 1), Some(("gb", 2)));
        let t = tokenize("a 40-mile drive");
        assert_eq!(suffix(&t, 2), Some(("mile", 4)));
    }

    #[test]
    fn temperatures_carry_their_scale() {
        let t = tokenize("1,650°C");
        assert_eq!(suffix(&t, 3), Some(("celsius", 5)));
        let t = tokenize("3,500 degrees Fahrenheit");
        assert_eq!(suffix(&t, 3), Some(("fahrenheit", 5)));
    }

    #[test]
    fn rates_are_one_unit() {
        let t = tokenize("250 km/h");
        assert_eq!(suffix(&t, 1), Some(("km/h", 4)));
        let t = tokenize("30 miles per hour");
        assert_eq!(suffix(&t, 1), Some(("mph", 4)));
        let t = tokenize("8 metres a second");
        assert_eq!(suffix(&t, 1), Some(("m/s", 4)));
    }

    #[test]
    fn areas_and_glued_symbols() {
        let t = tokenize("45m2");
        assert_eq!(suffix(&t, 1), Some(("sq_m", 3)));
        let t = tokenize("2,000 sq ft");
        assert_eq!(suffix(&t, 3), Some(("sq_ft", 5)));
        let t = tokenize("250g");
        assert_eq!(suffix(&t, 1), Some(("gram", 2)));
        let t = tokenize("250 g");
        assert_eq!(suffix(&t, 1), None);
    }

    #[test]
    fn words_that_are_not_units() {
        let t = tokenize("8 people");
        assert_eq!(suffix(&t, 1), None);
    }
}
