//! The dimensions a figure's unit can measure (currency, percent, count, length, …): a
//! leaf type that claims, units and grouping share. Figures of different dimensions never
//! meet.

use serde::Serialize;

/// What a unit measures. Figures of different dimensions never meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// An amount of money; the currency code is part of the key.
    Currency,
    /// A percentage (0-100).
    Percent,
    /// A difference of percentages.
    PercentagePoint,
    /// Basis points (hundredths of a percentage point), kept apart from percent.
    BasisPoint,
    /// A count of something (the counted noun is the quantity).
    Count,
    /// A length (base: metre).
    Length,
    /// An area (base: square metre).
    Area,
    /// A mass (base: kilogram).
    Mass,
    /// A volume (base: litre).
    Volume,
    /// A speed (base: metre per second).
    Speed,
    /// A length of time (base: second).
    Duration,
    /// A temperature (base: degree Celsius; levels convert with an offset).
    Temperature,
    /// A time of day (base: minutes after midnight, UTC when a zone is known).
    ClockTime,
    /// A person's or thing's age in years.
    Age,
    /// A calendar year.
    Year,
    /// A calendar date.
    Date,
    /// A rank.
    Ordinal,
    /// Energy (base: kilowatt-hour).
    Energy,
    /// Power (base: kilowatt).
    Power,
    /// Torque (base: newton-metre).
    Torque,
    /// Digital storage (base: gigabyte).
    Data,
    /// A bare number with no unit.
    Number,
}

impl Dimension {
    /// The snake_case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Currency => "currency",
            Dimension::Percent => "percent",
            Dimension::PercentagePoint => "percentage_point",
            Dimension::BasisPoint => "basis_point",
            Dimension::Count => "count",
            Dimension::Length => "length",
            Dimension::Area => "area",
            Dimension::Mass => "mass",
            Dimension::Volume => "volume",
            Dimension::Speed => "speed",
            Dimension::Duration => "duration",
            Dimension::Temperature => "temperature",
            Dimension::ClockTime => "clock_time",
            Dimension::Age => "age",
            Dimension::Year => "year",
            Dimension::Date => "date",
            Dimension::Ordinal => "ordinal",
            Dimension::Energy => "energy",
            Dimension::Power => "power",
            Dimension::Torque => "torque",
            Dimension::Data => "data",
            Dimension::Number => "number",
        }
    }

    /// Whether figures of this dimension measure something physical, so that the
    /// dimension alone says what kind of quantity a figure is ("625 feet" is a length).
    pub fn is_measure(self) -> bool {
        matches!(
            self,
            Dimension::Length
                | Dimension::Area
                | Dimension::Mass
                | Dimension::Volume
                | Dimension::Speed
                | Dimension::Duration
                | Dimension::Temperature
                | Dimension::Energy
                | Dimension::Power
                | Dimension::Torque
                | Dimension::Data
        )
    }
}
