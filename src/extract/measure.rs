//! Measures: a numeral followed by a unit of measure, spaced or written on (`30 yards`,
//! `8 miles`, `13 kilometers`, `256GB`, `938hp`, `10 tons`, `37.5 degrees`). The
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
    let lc = t.lc(j);
    let unit = unit_word(lc.as_str())?;
    // "3,500 degrees Fahrenheit", "40 degrees C".
    if unit == "degree" {
        let scale = t.lc(j + 1);
        match scale.as_str() {
            "fahrenheit" | "f" => return Some(("fahrenheit", j + 2)),
            "celsius" | "centigrade" | "c" => return Some(("celsius", j + 2)),
            _ => {}
        }
    }
    // "a 10-minute walk" style compounds work for measures too ("a 40-mile drive").
    Some((unit, j + 1))
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
    fn words_that_are_not_units() {
        let t = tokenize("8 people");
        assert_eq!(suffix(&t, 1), None);
    }
}
