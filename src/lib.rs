//! claimcheck reads several articles about the same story and shows where they disagree
//! on facts.
//!
//! The pipeline, one module per stage, plain data between them:
//!
//! 1. [`load`] turns paths into [`Document`]s (text, Markdown, HTML, JSON/JSONL records),
//!    each with a prose view and a map back to the bytes as read.
//! 2. [`segment`] splits the prose into sentences and story segments, and marks page
//!    chrome that yields no claims.
//! 3. [`mod@extract`] finds every figure in the prose as a [`Mention`]: a value [`Interval`]
//!    with a [`Kind`], unit and [`Qualifier`].
//! 4. [`pipeline`] turns mentions into [`Claim`]s with a subject ([`resolve`]), an
//!    attribute ([`attribute`]) and a time scope ([`timescope`], an [`AsOf`]).
//! 5. [`group`] puts claims about the same subject and attribute together, and [`diff`]
//!    gives each group a [`Verdict`] and [`Severity`], as [`Finding`]s in a [`Report`].
//! 6. [`gate`] applies what a newsroom configured in `claimcheck.toml` ([`config_file`]):
//!    house facts ([`facts`]), ignores and inline suppressions ([`suppress`]), a
//!    [`baseline`] and pull-request mode ([`changed`]).
//!    [`cache`] keeps each document's analysis on disk between runs (`check --cache`).
//!    [`run`] wires it all for the `check` command: [`run::CheckOptions`] (what the flags
//!    say) → [`run::run_check`] → the gated report, its documents, errors and warnings.
//! 7. [`report`] renders a report for people, Markdown, JSON and CI formats;
//!    [`mod@explain`] tells, for one place in a document, how each figure was read and
//!    why it was or was not compared; [`snapshot`] keeps each document's claims in an
//!    insta `.snap` file and says which figures drifted.
//!
//! ```
//! use claimcheck::{extract, Config, Document, Kind, Qualifier};
//!
//! let doc = Document::from_text("a.txt", "Scale was valued at nearly $14 billion.");
//! let claims = extract(&doc, &Config::default());
//! let c = &claims[0];
//! assert_eq!(c.text, "nearly $14 billion");
//! assert_eq!(c.kind, Kind::Money);
//! assert_eq!(c.qualifier, Qualifier::Nearly);
//! assert_eq!(c.unit.as_deref(), Some("USD"));
//! assert_eq!(c.value.high, Some(14e9));
//! ```

pub mod analysis;
pub mod attribute;
pub mod baseline;
pub mod cache;
pub mod changed;
pub mod claim;
pub mod config;
pub mod config_file;
pub mod diff;
pub mod document;
pub mod error;
pub mod explain;
pub mod extract;
pub mod facts;
pub mod finding;
pub mod fingerprint;
pub mod fsio;
pub mod gate;
pub mod group;
pub mod identity;
pub mod load;
pub mod pipeline;
pub mod report;
pub mod resolve;
pub mod run;
pub mod segment;
pub mod snapshot;
pub mod subject;
pub mod suppress;
pub mod text;
pub mod timescope;

pub use claim::{Claim, Interval, Kind, Mention, Qualifier, Span};
pub use config::Config;
pub use document::{Document, Format};
pub use error::{Error, ErrorKind};
pub use finding::{Finding, Report, Severity, Verdict};
pub use identity::time::AsOf;
pub use load::load_paths;
pub use pipeline::{check, extract, extract_all};
