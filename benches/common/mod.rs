//! Deterministic generator of news-like English for the benchmarks.
//!
//! Everything comes from a small built-in PRNG with a fixed seed and from word lists
//! written here: no external data and no text of the seed articles. The output mixes
//! sentences without any figure with sentences that state money, percentages, counts,
//! ages, years, dates, durations, ordinals, ranges and word numbers, most of them
//! hedged now and then, at about the density of real news (a figure every ~150–300
//! bytes). [`Story`] and [`article_for_outlet`] build clusters of articles about the
//! same entities for the `check` benchmark.

// Each bench binary uses only part of this module.
#![allow(dead_code)]

use std::fmt::Write as _;

/// SplitMix64: tiny, fast, good enough for picking words, and stable across platforms.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % (n.max(1) as u64)) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + (self.next_u64() % (hi - lo + 1))
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// One element of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Alexandr", "Maria", "James", "Priya", "Chen", "Fatima", "Lucas", "Olga", "Kwame", "Sofia",
    "Hiroshi", "Amara", "Daniel", "Leila", "Mateo", "Ingrid", "Ravi", "Grace", "Tomás", "Yuki",
    "Noah", "Aisha", "Pavel", "Elena", "Samuel", "Mei", "Omar", "Clara", "Jonas", "Nadia", "Arjun",
    "Beatriz", "Kofi", "Hannah", "Luis", "Zara", "Erik", "Ana", "Wei",
];

const LAST: &[&str] = &[
    "Wang",
    "Okafor",
    "Henderson",
    "Iyer",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Costa",
    "Petrov",
    "Adeyemi",
    "García",
    "Fischer",
    "Kowalski",
    "Tanaka",
    "O'Brien",
    "Mensah",
    "Haddad",
    "Novak",
    "Bauer",
    "Rossi",
    "Sato",
    "Khan",
    "Dubois",
    "Larsen",
    "Silva",
    "Müller",
    "Zhou",
    "Reyes",
    "Schmidt",
    "Abernathy",
    "Kim",
    "Park",
    "Ivanova",
    "Brennan",
];

const CO_HEAD: &[&str] = &[
    "Northwind",
    "Bluefield",
    "Crescent",
    "Halcyon",
    "Ironbridge",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orchard",
    "Pinnacle",
    "Quarry",
    "Redwood",
    "Solstice",
    "Tidewater",
    "Umbra",
    "Vantage",
    "Westbrook",
    "Zephyr",
    "Atlas",
    "Beacon",
    "Cobalt",
];

const CO_TAIL: &[&str] = &[
    "AI",
    "Labs",
    "Capital",
    "Holdings",
    "Robotics",
    "Energy",
    "Health",
    "Systems",
    "Logistics",
    "Analytics",
    "Motors",
    "Bank",
    "Media",
    "Pharma",
    "Foods",
    "Networks",
];

const PLACES: &[&str] = &[
    "San Francisco",
    "London",
    "Singapore",
    "Lagos",
    "Berlin",
    "São Paulo",
    "Mumbai",
    "Toronto",
    "Sydney",
    "Nairobi",
    "Seoul",
    "Madrid",
    "Chicago",
    "Dubai",
    "Jakarta",
];

const ROLES: &[&str] = &[
    "chief executive",
    "founder",
    "chief financial officer",
    "chairman",
    "president",
    "co-founder",
    "head of research",
    "chief operating officer",
    "board member",
];

const OUTLETS: &[&str] = &[
    "Reuters",
    "the Financial Times",
    "Bloomberg",
    "The Information",
    "the Wall Street Journal",
    "CNBC",
    "the BBC",
    "Nikkei",
    "Le Monde",
    "The Guardian",
    "Axios",
    "TechCrunch",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_ABBR: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

const WORD_NUMS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "twenty-five",
    "thirty",
    "forty",
    "fifty",
    "a hundred",
    "several hundred",
    "two dozen",
    "a dozen",
    "three thousand",
    "one hundred and twenty",
];

const COUNT_NOUNS: &[&str] = &[
    "employees",
    "workers",
    "stores",
    "users",
    "customers",
    "vehicles",
    "flights",
    "homes",
    "patients",
    "jobs",
    "engineers",
    "contracts",
    "subscribers",
    "shares",
    "people",
];

const HEDGES_APPROX: &[&str] = &[
    "about ",
    "around ",
    "roughly ",
    "approximately ",
    "some ",
    "an estimated ",
    "~",
];
const HEDGES_NEARLY: &[&str] = &["nearly ", "almost ", "just under ", "close to "];
const HEDGES_MORE: &[&str] = &["more than ", "over ", "above ", "upwards of "];
const HEDGES_LESS: &[&str] = &["less than ", "under ", "below ", "up to ", "at most "];
const HEDGES_LEAST: &[&str] = &["at least ", "a minimum of "];

/// A hedge before a figure, empty most of the time.
fn hedge(rng: &mut Rng) -> &'static str {
    match rng.below(12) {
        0 | 1 => rng.pick(HEDGES_APPROX),
        2 => rng.pick(HEDGES_NEARLY),
        3 => rng.pick(HEDGES_MORE),
        4 => rng.pick(HEDGES_LESS),
        5 => rng.pick(HEDGES_LEAST),
        _ => "",
    }
}

/// A full name.
pub fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

/// A company name.
pub fn company(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(CO_HEAD), rng.pick(CO_TAIL))
}

/// A money amount as news writes it: currency sign or word, scale words, abbreviations.
pub fn money(rng: &mut Rng) -> String {
    let whole = rng.range(1, 950);
    let frac = rng.range(1, 9);
    let decimal = rng.chance(0.4);
    let num = if decimal {
        format!("{whole}.{frac}")
    } else {
        whole.to_string()
    };
    match rng.below(10) {
        0 => format!("${num} billion"),
        1 => format!("${num} million"),
        2 => format!("US${num}bil"),
        3 => format!("£{num}bn"),
        4 => format!("€{num} million"),
        5 => format!("${num}m"),
        6 => format!("{num} million dollars"),
        7 => {
            let thousands = rng.range(1, 999);
            let units = rng.range(0, 999);
            format!("${thousands},{units:03}")
        }
        8 => format!("¥{whole},{:03} million", rng.range(0, 999)),
        _ => format!("${num} trillion"),
    }
}

/// A percentage with one of its spellings.
pub fn percent(rng: &mut Rng) -> String {
    let whole = rng.range(1, 99);
    let num = if rng.chance(0.3) {
        format!("{whole}.{}", rng.range(1, 9))
    } else {
        whole.to_string()
    };
    match rng.below(6) {
        0 | 1 => format!("{num}%"),
        2 => format!("{num} per cent"),
        3 => format!("{num} percent"),
        4 => format!("{num} percentage points"),
        _ => format!("{num}pc"),
    }
}

/// A count of things, digits or words.
pub fn count(rng: &mut Rng) -> String {
    let noun = rng.pick(COUNT_NOUNS);
    match rng.below(5) {
        0 => format!("{} {noun}", rng.range(2, 999)),
        1 => format!("{},{:03} {noun}", rng.range(1, 99), rng.range(0, 999)),
        2 => format!("{} {noun}", rng.pick(WORD_NUMS)),
        3 => format!("{}.{} million {noun}", rng.range(1, 40), rng.range(1, 9)),
        _ => format!("{} million {noun}", rng.range(1, 300)),
    }
}

/// A day-precise or month-precise date in one of the common styles.
pub fn date(rng: &mut Rng) -> String {
    let m = rng.below(12);
    let d = rng.range(1, 28);
    let y = rng.range(1995, 2026);
    match rng.below(6) {
        0 => format!("{} {d}, {y}", MONTHS[m]),
        1 => format!("{d} {} {y}", MONTHS[m]),
        2 => format!("{} {d}", MONTHS_ABBR[m]),
        3 => format!("{} {y}", MONTHS[m]),
        4 => format!("{y}-{:02}-{d:02}", m + 1),
        _ => format!("{} {d}", MONTHS[m]),
    }
}

/// A year with the preposition news puts before it.
pub fn year(rng: &mut Rng) -> String {
    let y = rng.range(1950, 2030);
    let prep = rng.pick(&["in ", "since ", "by ", "until ", "in late ", "in early "]);
    format!("{prep}{y}")
}

/// A length of time.
pub fn duration(rng: &mut Rng) -> String {
    let unit = rng.pick(&["years", "months", "weeks", "days", "hours", "quarters"]);
    if rng.chance(0.5) {
        format!("{} {unit}", rng.range(2, 36))
    } else {
        format!("{} {unit}", rng.pick(&WORD_NUMS[..12]))
    }
}

/// An ordinal, as a rank or a position.
pub fn ordinal(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => rng
            .pick(&[
                "second-largest",
                "third-biggest",
                "fifth-largest",
                "first",
                "tenth",
            ])
            .to_string(),
        1 => {
            let n = rng.range(1, 99);
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        2 => format!(
            "{} quarter",
            rng.pick(&["first", "second", "third", "fourth"])
        ),
        _ => format!("No. {}", rng.range(1, 20)),
    }
}

/// A range of figures: money, percent, counts or years.
pub fn range(rng: &mut Rng) -> String {
    let a = rng.range(2, 60);
    let b = a + rng.range(1, 40);
    match rng.below(5) {
        0 => format!("between {a} and {b} percent"),
        1 => format!("${a}-{b} million"),
        2 => format!("from {a}0 to {b}0 {}", rng.pick(COUNT_NOUNS)),
        3 => {
            let y = rng.range(1990, 2020);
            format!("{y}–{}", y + rng.range(1, 6))
        }
        _ => format!("{a} to {b} per cent"),
    }
}

/// A person's age as news attaches it to a name.
fn age_phrase(rng: &mut Rng, name: &str, age: u64) -> String {
    match rng.below(4) {
        0 => format!("{name}, {age},"),
        1 => format!("the {age}-year-old {name}"),
        2 => format!("{name}, aged {age},"),
        _ => format!("{name}, who is {age},"),
    }
}

/// Fragments of sentences that state no figure.
const OPENERS: &[&str] = &[
    "Meanwhile, ",
    "However, ",
    "In a statement, ",
    "According to people familiar with the matter, ",
    "Analysts said ",
    "Separately, ",
    "At the same time, ",
    "",
    "",
    "",
    "",
    "",
];
const PLAIN_VERBS: &[&str] = &[
    "declined to comment on",
    "is expected to announce",
    "has been criticised for",
    "did not respond to questions about",
    "welcomed",
    "played down concerns about",
    "is weighing",
    "has pushed back against",
    "confirmed",
    "is still reviewing",
];
const PLAIN_OBJECTS: &[&str] = &[
    "the proposed merger",
    "the regulator's inquiry",
    "its plans for the region",
    "the new leadership team",
    "the restructuring",
    "the lawsuit filed last week",
    "a possible listing",
    "the report",
    "the partnership with local suppliers",
    "growing competition from rivals",
    "the board's decision",
    "the pricing change",
];
const PLAIN_TAILS: &[&str] = &[
    ".",
    ", a spokesperson said.",
    ", according to a person briefed on the talks.",
    " amid a broader slowdown in the sector.",
    ", though details remain scarce.",
    " as investors look for signs of stability.",
    ", people close to the company said.",
];

fn plain_sentence(rng: &mut Rng, out: &mut String, who: &str) {
    out.push_str(rng.pick(OPENERS));
    let _ = write!(
        out,
        "{who} {} {}",
        rng.pick(PLAIN_VERBS),
        rng.pick(PLAIN_OBJECTS)
    );
    if rng.chance(0.35) {
        let _ = write!(
            out,
            "{}{} {} {}",
            rng.pick(&[", while ", ", and ", " after ", ", but "]),
            rng.pick(&[
                "rivals",
                "regulators",
                "its partners",
                "the unions",
                "critics"
            ]),
            rng.pick(PLAIN_VERBS),
            rng.pick(PLAIN_OBJECTS)
        );
    }
    out.push_str(rng.pick(PLAIN_TAILS));
}

/// Appends one sentence (with its trailing space) and returns how many figures it
/// states.
pub fn sentence(rng: &mut Rng, out: &mut String, cast: &Cast) -> usize {
    let p = &cast.people[rng.below(cast.people.len())];
    let c = &cast.companies[rng.below(cast.companies.len())];
    let place = rng.pick(PLACES);
    // Sentences without a figure outnumber the others PLAIN to 14; PLAIN is tuned so
    // that a figure comes every ~200 bytes, as in real news.
    const PLAIN: usize = 50;
    let choice = rng.below(PLAIN + 14);
    if choice < PLAIN {
        let who = if rng.chance(0.5) { c } else { p };
        plain_sentence(rng, out, who);
        out.push(' ');
        return 0;
    }
    let n = match choice - PLAIN {
        0 => {
            let _ = write!(
                out,
                "{c} said revenue rose {}{} to {}{} in the {}.",
                hedge(rng),
                percent(rng),
                hedge(rng),
                money(rng),
                ordinal(rng)
            );
            3
        }
        1 => {
            let _ = write!(
                out,
                "The deal values {c} at {}{}, {} reported on {}.",
                hedge(rng),
                money(rng),
                rng.pick(OUTLETS),
                date(rng)
            );
            2
        }
        2 => {
            let age = rng.range(19, 84);
            let _ = write!(
                out,
                "{} founded {c} {} in {place}.",
                age_phrase(rng, p, age),
                year(rng)
            );
            2
        }
        3 => {
            let _ = write!(
                out,
                "{c} plans to cut {}{}, or {}{} of its workforce, over the next {}.",
                hedge(rng),
                count(rng),
                hedge(rng),
                percent(rng),
                duration(rng)
            );
            3
        }
        4 => {
            let _ = write!(
                out,
                "{p}, the company's {}, owns {}{} stake worth {}{}.",
                rng.pick(ROLES),
                rng.pick(&["a ", "an estimated ", "a roughly ", "a "]),
                percent(rng),
                hedge(rng),
                money(rng)
            );
            2
        }
        5 => {
            let _ = write!(
                out,
                "Shares of {c} have fallen {} since {}, making it the {} worst performer in the index.",
                percent(rng),
                date(rng),
                ordinal(rng)
            );
            3
        }
        6 => {
            let _ = write!(
                out,
                "The firm expects margins of {} over the period, up from {} {}.",
                range(rng),
                percent(rng),
                year(rng)
            );
            3
        }
        7 => {
            let _ = write!(
                out,
                "{p} spent {} at {c} before leaving {}.",
                duration(rng),
                year(rng)
            );
            2
        }
        8 => {
            let _ = write!(
                out,
                "{c} employs {}{} in {place} and {} other cities.",
                hedge(rng),
                count(rng),
                rng.pick(&WORD_NUMS[..10])
            );
            2
        }
        9 => {
            let _ = write!(
                out,
                "The board approved a buyback of up to {} on {}, its {} this year.",
                money(rng),
                date(rng),
                ordinal(rng)
            );
            3
        }
        10 => {
            let _ = write!(
                out,
                "{} of {} said they would back the plan, a survey of {} found.",
                percent(rng),
                rng.pick(&["respondents", "shareholders", "staff", "voters"]),
                count(rng)
            );
            3
        }
        11 => {
            let _ = write!(
                out,
                "In {}, {c} raised {} from investors including {}.",
                rng.range(2005, 2025),
                money(rng),
                company(rng)
            );
            2
        }
        12 => {
            let _ = write!(
                out,
                "\"We are {} years into a {}-year plan,\" {p} told {} in {place}.",
                rng.pick(&WORD_NUMS[..6]),
                rng.range(5, 20),
                rng.pick(OUTLETS)
            );
            2
        }
        _ => {
            let _ = write!(
                out,
                "{c}, the {} {} in {place}, reported {} orders between {} and {}.",
                ordinal(rng),
                rng.pick(&["lender", "carmaker", "retailer", "insurer", "airline"]),
                count(rng),
                date(rng),
                date(rng)
            );
            4
        }
    };
    out.push(' ');
    n
}

/// The people and companies a stretch of text talks about.
#[derive(Debug, Clone)]
pub struct Cast {
    /// Full names.
    pub people: Vec<String>,
    /// Company names.
    pub companies: Vec<String>,
}

impl Cast {
    /// A random cast of a few people and companies.
    pub fn random(rng: &mut Rng) -> Self {
        let people = (0..3).map(|_| person(rng)).collect();
        let companies = (0..3).map(|_| company(rng)).collect();
        Cast { people, companies }
    }
}

/// One generated article of about `target` bytes: a headline, a byline, a dateline and
/// paragraphs of sentences. Returns the text and how many figures were planted.
pub fn article(rng: &mut Rng, target: usize) -> (String, usize) {
    let cast = Cast::random(rng);
    let mut out = String::with_capacity(target + 512);
    let mut figures = 0;
    let _ = writeln!(
        out,
        "{} {} as {}\n",
        cast.companies[0],
        rng.pick(&[
            "weighs sale",
            "shakes up board",
            "bets on growth",
            "faces probe"
        ]),
        rng.pick(&[
            "investors circle",
            "rivals struggle",
            "costs climb",
            "talks stall"
        ])
    );
    let _ = writeln!(
        out,
        "By {}\n{} {}, {}\n",
        person(rng),
        rng.pick(MONTHS),
        rng.range(1, 28),
        rng.range(2015, 2026)
    );
    figures += 1;
    while out.len() < target {
        let sentences = 2 + rng.below(4);
        for _ in 0..sentences {
            figures += sentence(rng, &mut out, &cast);
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out.push_str("\n\n");
    }
    (out, figures)
}

/// Articles of about `article_bytes` each until `total_bytes` is reached, from `seed`.
/// Returns the articles and the number of planted figures.
pub fn corpus(seed: u64, total_bytes: usize, article_bytes: usize) -> (Vec<String>, usize) {
    let mut rng = Rng::new(seed);
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut figures = 0;
    while bytes < total_bytes {
        let (a, f) = article(&mut rng, article_bytes);
        bytes += a.len();
        figures += f;
        docs.push(a);
    }
    (docs, figures)
}

/// A story covered by several outlets: the facts every article reports, some of them
/// changed, hedged or rounded by one outlet.
#[derive(Debug, Clone)]
pub struct Story {
    /// The people and companies of the story.
    pub cast: Cast,
    /// The company's valuation in billions of dollars.
    pub valuation_bn: f64,
    /// The founder's stake, in percent.
    pub stake_pct: u64,
    /// The founder's age.
    pub age: u64,
    /// The founding year.
    pub founded: u64,
    /// Jobs cut.
    pub layoffs: u64,
    /// Publication date shared by the story's articles (`YYYY-MM-DD`).
    pub published: String,
}

impl Story {
    /// A random story.
    pub fn random(rng: &mut Rng) -> Self {
        let published = format!(
            "{}-{:02}-{:02}",
            rng.range(2019, 2026),
            rng.range(1, 12),
            rng.range(1, 28)
        );
        Story {
            cast: Cast::random(rng),
            valuation_bn: rng.range(10, 900) as f64 / 10.0,
            stake_pct: rng.range(5, 60),
            age: rng.range(24, 70),
            founded: rng.range(1990, 2020),
            layoffs: rng.range(2, 90) * 50,
            published,
        }
    }
}

/// How an outlet reports one fact: as stated, hedged, rounded or wrong.
fn variant(rng: &mut Rng) -> u8 {
    match rng.below(10) {
        0..=4 => 0, // as stated
        5 | 6 => 1, // hedged
        7 => 2,     // rounded
        _ => 3,     // conflicting
    }
}

/// One outlet's article about `story`, about `target` bytes: the story's facts (each
/// reported as stated, hedged, rounded or wrongly) among filler sentences with figures
/// of their own. Returns the text, with a Markdown front matter giving the date.
pub fn article_for_outlet(rng: &mut Rng, story: &Story, outlet: usize, target: usize) -> String {
    let s = story;
    let founder = &s.cast.people[0];
    let surname = founder.rsplit(' ').next().unwrap_or(founder);
    let co = &s.cast.companies[0];
    let mut out = String::with_capacity(target + 512);
    let _ = write!(
        out,
        "---\ntitle: {co} {} \npublished: {}\noutlet: {}\n---\n\n",
        rng.pick(&["weighs sale", "cuts jobs", "raises funds", "faces probe"]),
        s.published,
        OUTLETS[outlet % OUTLETS.len()]
    );
    let mut facts: Vec<String> = Vec::new();
    // Valuation.
    let v = s.valuation_bn;
    facts.push(match variant(rng) {
        0 => format!("{co} was valued at ${v:.1} billion in its latest funding round."),
        1 => format!(
            "{co} was valued at {}${v:.1} billion, {} said.",
            rng.pick(&["nearly ", "about ", "roughly ", "more than "]),
            OUTLETS[outlet % OUTLETS.len()]
        ),
        2 => format!("Investors put {co}'s value at ${:.0} billion.", v.round()),
        _ => format!(
            "{co} was valued at ${:.1} billion at the time.",
            v * (1.2 + rng.below(5) as f64 / 10.0)
        ),
    });
    // Stake.
    facts.push(match variant(rng) {
        0 => format!("{founder} owns a {}% stake in {co}.", s.stake_pct),
        1 => format!(
            "{founder} holds an estimated {}% stake in the company.",
            s.stake_pct
        ),
        2 => format!(
            "{founder} owns nearly {}% of {co}.",
            (s.stake_pct + 5) / 10 * 10
        ),
        _ => format!("{founder} owns a {}% stake in {co}.", s.stake_pct + 7),
    });
    // Age.
    facts.push(match variant(rng) {
        0 | 1 => format!(
            "{founder}, {}, the company's founder, started it in a dorm room.",
            s.age
        ),
        2 => format!("The {}-year-old {surname} remains chief executive.", s.age),
        _ => format!("{surname}, {}, remains chief executive.", s.age + 1),
    });
    // Founding year and layoffs.
    facts.push(match variant(rng) {
        3 => format!("{surname} founded {co} in {}.", s.founded + 2),
        _ => format!("{surname} founded {co} in {}.", s.founded),
    });
    facts.push(match variant(rng) {
        0 => format!("{co} said it would lay off {} employees.", s.layoffs),
        1 => format!("{co} will cut about {} jobs.", s.layoffs),
        2 => format!("{co} will cut more than {} jobs.", s.layoffs / 100 * 100),
        _ => format!("{co} said it would lay off {} employees.", s.layoffs * 2),
    });
    let mut filler_cast = s.cast.clone();
    filler_cast.people.truncate(2);
    let mut next_fact = 0;
    while out.len() < target {
        if next_fact < facts.len() && rng.chance(0.5) {
            out.push_str(&facts[next_fact]);
            out.push(' ');
            next_fact += 1;
        }
        for _ in 0..1 + rng.below(3) {
            sentence(rng, &mut out, &filler_cast);
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out.push_str("\n\n");
    }
    for f in &facts[next_fact..] {
        out.push_str(f);
        out.push('\n');
    }
    out
}

/// Time statistics of repeated runs, in seconds: wall time, and the CPU time of the
/// measuring thread where Linux reports it (steadier when other work shares the machine).
#[derive(Debug, Clone)]
pub struct Timing {
    /// Every run's wall time, sorted ascending.
    pub runs: Vec<f64>,
    /// Every run's CPU time on this thread, sorted ascending; empty where unknown.
    pub cpu: Vec<f64>,
}

/// CPU time this thread has run, from `/proc/thread-self/schedstat` (nanoseconds).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

impl Timing {
    /// Times `runs` calls of `f` after `warmup` untimed calls.
    pub fn measure<T>(warmup: usize, runs: usize, mut f: impl FnMut() -> T) -> Self {
        for _ in 0..warmup {
            std::hint::black_box(f());
        }
        let mut wall = Vec::new();
        let mut cpu = Vec::new();
        for _ in 0..runs.max(1) {
            let c0 = thread_cpu_seconds();
            let t = std::time::Instant::now();
            std::hint::black_box(f());
            wall.push(t.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (c0, thread_cpu_seconds()) {
                cpu.push(b - a);
            }
        }
        wall.sort_by(|a, b| a.total_cmp(b));
        cpu.sort_by(|a, b| a.total_cmp(b));
        Timing { runs: wall, cpu }
    }

    /// The fastest run.
    pub fn best(&self) -> f64 {
        self.runs.first().copied().unwrap_or(f64::NAN)
    }

    /// The median run.
    pub fn median(&self) -> f64 {
        median(&self.runs)
    }

    /// The median CPU time of a run, NaN where unknown.
    pub fn median_cpu(&self) -> f64 {
        median(&self.cpu)
    }
}

fn median(v: &[f64]) -> f64 {
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// A `usize` from the environment variable `name`, or `default`.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}
