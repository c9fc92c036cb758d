//! Claim identity: what each figure is about. Typed units with their dimension
//! ([`mod@unit`]) and the open quantity a figure states when no lexicon family claims it
//! ([`quantity`]), who owns a figure without a lexicon subject ([`owner`]), what the
//! words around it say it states ([`cues`]: parts, increments, forecasts, offers), and
//! the story a document tells ([`story`]), and the typed time a figure refers to
//! ([`time`]: [`time::AsOf`]). Each is a pure function of a sentence and a figure.

pub mod cues;
pub mod dimension;
pub mod owner;
pub mod quantity;
pub mod story;
pub mod time;
pub mod unit;
