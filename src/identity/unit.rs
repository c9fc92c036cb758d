//! Typed units: what dimension a figure's unit measures, and how to bring a value to the
//! dimension's base unit so that figures written in different units can be compared
//! ("5 miles" against "8 km", "3,500 degrees Fahrenheit" against "1,650°C").
//!
//! Sits between extraction (which records the unit word as written) and grouping (which
//! only compares figures of one dimension). Currencies are never converted: each code
//! is its own comparison key.

use crate::claim::{Interval, Kind};

pub use super::dimension::Dimension;

/// A unit with its dimension and its conversion to the dimension's base unit:
/// `base = value * factor + offset`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// What it measures.
    pub dimension: Dimension,
    /// Multiplier to the base unit.
    pub factor: f64,
    /// Offset added after scaling (temperature levels only).
    pub offset: f64,
}

impl Unit {
    const fn scaled(dimension: Dimension, factor: f64) -> Unit {
        Unit {
            dimension,
            factor,
            offset: 0.0,
        }
    }

    /// A value interval in this unit, brought to the base unit (bounds stay ordered).
    pub fn to_base(&self, v: &Interval) -> Interval {
        let f = |x: Option<f64>| x.map(|x| x * self.factor + self.offset);
        Interval::new(f(v.low), f(v.point), f(v.high))
    }
}

/// Minutes in a day.
const DAY_MINUTES: f64 = 1440.0;

/// A time of day brought into one day (0..1440 minutes) after a zone shift: "3.30 am
/// IST" is 22:00 UTC of the day before.
pub fn wrap_day(v: Interval) -> Interval {
    let Some(p) = v.point else { return v };
    let shift = (p / DAY_MINUTES).floor() * DAY_MINUTES;
    let f = |x: Option<f64>| x.map(|x| x - shift);
    Interval::new(f(v.low), f(v.point), f(v.high))
}

/// Minutes between two times of day, the short way round the clock.
pub fn clock_gap(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(DAY_MINUTES);
    d.min(DAY_MINUTES - d)
}

/// The unit of a measure word as extraction records it (`foot`, `km`, `second`, …).
pub fn measure_unit(word: &str) -> Option<Unit> {
    use Dimension::*;
    let u = |d, f| Some(Unit::scaled(d, f));
    match word {
        "mile" => u(Length, 1609.344),
        "km" => u(Length, 1000.0),
        "metre" => u(Length, 1.0),
        "cm" => u(Length, 0.01),
        "mm" => u(Length, 0.001),
        "foot" => u(Length, 0.3048),
        "inch" => u(Length, 0.0254),
        "yard" => u(Length, 0.9144),
        "nautical_mile" => u(Length, 1852.0),
        "kg" => u(Mass, 1.0),
        "gram" => u(Mass, 0.001),
        "mg" => u(Mass, 1e-6),
        "tonne" => u(Mass, 1000.0),
        "ton" => u(Mass, 907.185),
        "ounce" => u(Mass, 0.028_349_5),
        "lb" => u(Mass, 0.453_592),
        "litre" => u(Volume, 1.0),
        "ml" => u(Volume, 0.001),
        "gallon" => u(Volume, 3.785_41),
        "barrel" => u(Volume, 158.987),
        "acre" => u(Area, 4046.86),
        "hectare" => u(Area, 10_000.0),
        "sq_km" => u(Area, 1e6),
        "sq_mile" => u(Area, 2.589_988e6),
        "sq_ft" => u(Area, 0.092_903),
        "sq_m" => u(Area, 1.0),
        "cubic_metre" => u(Volume, 1000.0),
        "cubic_foot" => u(Volume, 28.316_8),
        "m/s" => u(Speed, 1.0),
        "km/s" => u(Speed, 1000.0),
        "ft/s" => u(Speed, 0.3048),
        "mph" => u(Speed, 0.44704),
        "km/h" => u(Speed, 1.0 / 3.6),
        "knot" => u(Speed, 0.514_444),
        "ft/min" => u(Speed, 0.00508),
        "second" => u(Duration, 1.0),
        "minute" => u(Duration, 60.0),
        "hour" => u(Duration, 3600.0),
        "day" | "night" => u(Duration, 86_400.0),
        "week" => u(Duration, 604_800.0),
        "fortnight" => u(Duration, 1_209_600.0),
        "month" => u(Duration, 2_629_746.0),
        "year" => u(Duration, 31_556_952.0),
        "decade" => u(Duration, 315_569_520.0),
        "century" => u(Duration, 3_155_695_200.0),
        "megayear" => u(Duration, 31_556_952e6),
        "gigayear" => u(Duration, 31_556_952e9),
        "celsius" => u(Temperature, 1.0),
        "fahrenheit" => Some(Unit {
            dimension: Temperature,
            factor: 5.0 / 9.0,
            offset: -32.0 * 5.0 / 9.0,
        }),
        "kwh" => u(Energy, 1.0),
        "mwh" => u(Energy, 1e3),
        "gwh" => u(Energy, 1e6),
        "twh" => u(Energy, 1e9),
        "kw" => u(Power, 1.0),
        "mw" => u(Power, 1e3),
        "gw" => u(Power, 1e6),
        "hp" => u(Power, 0.7457),
        "nm" => u(Torque, 1.0),
        "lb-ft" => u(Torque, 1.355_82),
        "mb" => u(Data, 0.001),
        "gb" => u(Data, 1.0),
        "tb" => u(Data, 1000.0),
        _ => None,
    }
}

/// The typed unit of a figure from its kind and the unit word extraction recorded.
/// Counts, money and percentages keep factor 1 (their key carries the noun or code).
pub fn unit_of(kind: Kind, unit: Option<&str>) -> Unit {
    use Dimension::*;
    let plain = |d| Unit::scaled(d, 1.0);
    match kind {
        Kind::Money => plain(Currency),
        Kind::Percent => match unit {
            Some("percentage_point") => plain(PercentagePoint),
            Some("basis_point") => plain(BasisPoint),
            _ => plain(Percent),
        },
        Kind::Count => match unit.and_then(measure_unit) {
            Some(u) => u,
            None => plain(Count),
        },
        Kind::Age => plain(Age),
        Kind::Year => plain(Year),
        Kind::Date => plain(Date),
        Kind::Ordinal => plain(Ordinal),
        // A time of day in a known zone is compared in UTC minutes.
        Kind::Time => Unit {
            dimension: ClockTime,
            factor: 1.0,
            offset: -f64::from(
                unit.and_then(crate::extract::clock::zone_offset)
                    .unwrap_or(0),
            ),
        },
        Kind::Duration | Kind::Number => match unit {
            Some(w) => measure_unit(w).unwrap_or(plain(Number)),
            None => plain(Number),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(kind: Kind, unit: &str, v: f64) -> f64 {
        unit_of(kind, Some(unit))
            .to_base(&Interval::exact(v))
            .point
            .unwrap()
    }

    #[test]
    fn miles_and_kilometres_meet_in_metres() {
        let miles = base(Kind::Number, "mile", 5.0);
        let km = base(Kind::Number, "km", 8.0);
        assert!((miles - km).abs() / km < 0.01);
    }

    #[test]
    fn fahrenheit_levels_convert_with_an_offset() {
        let f = base(Kind::Number, "fahrenheit", 212.0);
        assert!((f - 100.0).abs() < 1e-9);
    }

    #[test]
    fn counts_and_lengths_are_different_dimensions() {
        assert_eq!(
            unit_of(Kind::Count, Some("people")).dimension,
            Dimension::Count
        );
        assert_eq!(
            unit_of(Kind::Number, Some("mile")).dimension,
            Dimension::Length
        );
    }

    #[test]
    fn times_of_day_meet_in_utc() {
        let ist = base(Kind::Time, "IST", 13.0 * 60.0 + 39.0);
        let utc = base(Kind::Time, "UTC", 8.0 * 60.0 + 9.0);
        assert_eq!(ist, utc);
    }

    #[test]
    fn zone_shifts_wrap_around_midnight() {
        let ist = wrap_day(unit_of(Kind::Time, Some("IST")).to_base(&Interval::exact(210.0)));
        assert_eq!(ist.point, Some(1320.0));
        assert_eq!(clock_gap(1317.0, 3.0), 126.0);
    }

    #[test]
    fn durations_are_in_seconds() {
        assert_eq!(base(Kind::Duration, "minute", 2.0), 120.0);
        assert_eq!(
            unit_of(Kind::Duration, Some("day")).dimension,
            Dimension::Duration
        );
    }
}
