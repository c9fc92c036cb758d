//! What the per-document stages (segmentation, extraction, in-document names) produce
//! before names are merged across documents: the unit the pipeline builds claims from
//! and the archive cache keeps on disk.

use crate::claim::Mention;
use crate::resolve::EntityMention;
use crate::segment::Segmentation;

/// What the per-document stages produce before names are merged across documents.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    /// Sentences, segments and chrome.
    pub segmentation: Segmentation,
    /// Every figure, chrome included (filtered when claims are built).
    pub mentions: Vec<Mention>,
    /// Every name, resolved within its story segment.
    pub entities: Vec<EntityMention>,
}
