//! Claim identity: what each figure is about. Typed units with their dimension
//! ([`mod@unit`]) and the open quantity a figure states when no lexicon family claims it
//! ([`quantity`]), and the story a document tells ([`story`]). Each is a pure function of a sentence and a figure.

pub mod quantity;
pub mod story;
pub mod unit;
