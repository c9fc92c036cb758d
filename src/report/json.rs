//! The JSON format: DESIGN.md's output contract (`version`, `documents`, `claims`,
//! `findings`, `summary`) plus the gate's fields (`notices`, `suppressed`, `suppressions`,
//! `baselined`). Findings of severity `none` appear only with `--all`.

use super::Context;
use crate::claim::Claim;
use crate::finding::{DocumentInfo, Finding, Summary};
use crate::gate::{Notice, UsedSuppression};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    documents: &'a [DocumentInfo],
    claims: &'a [Claim],
    findings: Vec<&'a Finding>,
    summary: &'a Summary,
    notices: &'a [Notice],
    suppressed: usize,
    suppressions: &'a [UsedSuppression],
    baselined: usize,
}

pub(super) fn render(ctx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let r = &ctx.report.report;
    let j = JsonReport {
        version: r.version,
        documents: &r.documents,
        claims: &r.claims,
        findings: ctx.findings().collect(),
        summary: &r.summary,
        notices: &ctx.report.notices,
        suppressed: ctx.report.suppressed,
        suppressions: &ctx.report.suppressions,
        baselined: ctx.report.baselined,
    };
    serde_json::to_writer_pretty(&mut *out, &j)?;
    writeln!(out)
}
