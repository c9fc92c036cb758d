//! The HTML format: one self-contained page (inline CSS, JS and SVG; nothing loaded from
//! the network) with the sources and counts, a fact matrix (one row per compared subject
//! · quantity, one column per source), a card per finding and a timeline for
//! time-scoped groups. `view` computes what the page says; `template` writes it with
//! maud, which escapes everything taken from the articles.

mod template;
mod view;

use super::Context;
use std::io::{self, Write};

pub(super) fn render(ctx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let page = view::page(ctx);
    out.write_all(template::page(&page).into_string().as_bytes())?;
    writeln!(out)
}
