//! Reader mode for HTML: decides which tokens of a page are the article, the way
//! Readability, trafilatura and boilerpipe do, for the HTML reader (`html.rs`) to render.
//!
//! The token stream becomes a light element tree (implied end tags closed the way browsers
//! close `<p>` and `<li>`). Every block that holds prose scores its ancestors by its length
//! and commas; class and id words (`article-body` up, `related`, `comments` down),
//! `itemprop=articleBody` and `<article>` weigh in as hints, never as rules, and link-heavy
//! blocks lose in proportion to their link text. The best block and its similar siblings
//! are kept; inside them, what is not the story is dropped: related and most-read lists,
//! galleries, share and comment counters, video players, newsletter and ad boxes,
//! elements hidden by attribute, style or hiding class, bylines and datelines (whose date
//! is kept as a fallback publication date).

use super::html::{
    attr, attribute_spans, attributes, span_attr, FastHash, Tok, INLINE_TAG, SKIPPED_TAG, VOID_TAG,
};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Elements that hold no article text, wherever they are.
pub(super) const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "nav", "footer", "header",
    "aside", "form", "title", "head", "button", "select", "datalist", "object", "canvas", "audio",
    "video", "map", "dialog", "embed", "textarea", "input", "label",
];

/// ARIA roles of page chrome.
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alert",
    "toolbar",
    "tablist",
];

/// Elements without content or end tag.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Inline elements: their text belongs to the nearest block around them.
pub(super) const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var", "wbr", "br", "img", "picture", "source", "nobr",
];

/// Class or id words of page chrome that is never the story, even beside a word such as
/// `article` (`related-articles`, `article-comments`).
const CHROME_WORDS: &[&str] = &[
    "comment",
    "related",
    "recommend",
    "share",
    "sharing",
    "social",
    "sponsor",
    "advert",
    "promo",
    "gallery",
    "carousel",
    "slideshow",
    "slider",
    "newsletter",
    "subscribe",
    "signup",
    "outbrain",
    "taboola",
    "popular",
    "trending",
    "mostread",
    "mostpopular",
    "disqus",
    "byline",
    "dateline",
    "timestamp",
    "breadcrumb",
    "pagination",
    "pager",
    "popup",
    "modal",
    "credit",
    "player",
    "video",
    "donate",
    "readmore",
    "moreon",
    "tags",
    "tagged",
    "keywords",
    "ad",
    "ads",
    "adv",
    "adslot",
    "dfp",
];

/// Class or id words of chrome that a word such as `article` or `content` overrules.
const WEAK_CHROME_WORDS: &[&str] = &[
    "sidebar",
    "footer",
    "masthead",
    "banner",
    "widget",
    "menu",
    "meta",
    "author",
    "rail",
    "hidden",
    "hide",
    "invisible",
    "offscreen",
    "sronly",
    "extra",
    "supplemental",
    "skyscraper",
    "shoutbox",
    "combx",
    "community",
    "contact",
    "toolbar",
    "tool",
    "tools",
    "print",
    "masthead",
    "header",
    "nav",
    "navigation",
];

/// Class or id words of the story's own container.
const STORY_WORDS: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "storybody",
    "text",
    "blog",
    "prose",
    "column",
    "hentry",
];

/// How much a block's class and id words say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Hint {
    /// No word either way.
    #[default]
    None,
    /// A story word only.
    Story,
    /// A weak chrome word (a story word overrules it).
    WeakChrome,
    /// A chrome word.
    Chrome,
}

/// One element of the page.
#[derive(Debug, Clone)]
struct Node<'a> {
    name: &'a str,
    parent: usize,
    /// Token index of the start tag (the root has none and starts at 0).
    first: usize,
    /// Token index after the end tag (or after the last token it holds).
    end: usize,
    hint: Hint,
    /// Dropped wherever it is (`<script>`, `hidden`, `role=navigation`, …).
    skip: bool,
    /// `itemprop=articleBody` or a JSON-LD `articleBody` match.
    body_hint: bool,
    /// Inside an `<a>`.
    in_link: bool,
    /// An inline element (its text belongs to the block around it).
    inline: bool,
    /// Visible characters (whitespace left out) in the subtree.
    text: usize,
    /// Of those, inside links.
    link_text: usize,
    commas: usize,
    /// Visible characters whose nearest block is this element.
    own_text: usize,
    own_commas: usize,
    paragraphs: usize,
    images: usize,
    embeds: usize,
    /// A `<time>` element somewhere inside.
    has_time: bool,
    /// Its class or id says it holds a date (`date`, `published`, `timestamp`, …).
    datey: bool,
    /// It is, or holds, an `itemprop=articleBody` or an `<article>`.
    body_inside: bool,
    /// Its `class` attribute, to find siblings of the same kind.
    class: Cow<'a, str>,
    /// Its class or id has a story word, whatever else it has.
    story_word: bool,
    /// Headings inside it whose text is mostly a link: the mark of teaser cards.
    link_headings: usize,
}

impl<'a> Node<'a> {
    fn new(name: &'a str, flags: u16, parent: usize, first: usize, in_link: bool) -> Self {
        Node {
            name,
            parent,
            first,
            end: first,
            hint: Hint::None,
            skip: false,
            body_hint: false,
            in_link,
            inline: flags & INLINE_TAG != 0,
            text: 0,
            link_text: 0,
            commas: 0,
            own_text: 0,
            own_commas: 0,
            paragraphs: 0,
            images: 0,
            embeds: 0,
            has_time: false,
            datey: false,
            body_inside: false,
            class: Cow::Borrowed(""),
            story_word: false,
            link_headings: 0,
        }
    }

    fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link_text as f64 / self.text as f64
        }
    }
}

/// What reader mode decided for a page.
#[derive(Debug, Default)]
pub(super) struct Reading {
    /// Per token: whether it is part of the article.
    pub visible: Vec<bool>,
    /// A visible dateline's date, for a page whose metadata gives none.
    pub dateline: Option<String>,
}

/// Decides which tokens of the page are the article.
pub(super) fn read(src: &str, toks: &[Tok<'_>]) -> Reading {
    let mut nodes = build_tree(src, toks);
    stats(src, toks, &mut nodes);
    let keep = choose(&nodes);
    let mut visible = vec![false; toks.len()];
    for &i in &keep {
        visible[inner(&nodes[i], i)]
            .iter_mut()
            .for_each(|v| *v = true);
    }
    let content_text: usize = keep.iter().map(|&i| nodes[i].text).sum();
    let mut dateline = None;
    // The last range hidden: an element inside it is hidden already (elements come in
    // document order, and nothing is shown again here).
    let mut hidden = 0..0;
    for (i, n) in nodes.iter().enumerate().skip(1) {
        if n.skip {
            if n.first < hidden.start || n.end > hidden.end {
                visible[n.first..n.end].iter_mut().for_each(|v| *v = false);
                hidden = n.first..n.end;
            }
            continue;
        }
        if !visible.get(n.first).copied().unwrap_or(false) {
            continue;
        }
        match drop_reason(&nodes, i, content_text) {
            Drop::Keep => {}
            Drop::Chrome => {
                visible[n.first..n.end].iter_mut().for_each(|v| *v = false);
                hidden = n.first..n.end;
            }
            Drop::Dateline => {
                if dateline.is_none() {
                    dateline = date_of(src, &toks[n.first..n.end]);
                }
                visible[n.first..n.end].iter_mut().for_each(|v| *v = false);
                hidden = n.first..n.end;
            }
        }
    }
    Reading { visible, dateline }
}

/// Why an element inside the article is dropped.
enum Drop {
    Keep,
    Chrome,
    Dateline,
}

fn drop_reason(nodes: &[Node], i: usize, content_text: usize) -> Drop {
    let n = &nodes[i];
    // A block that holds most of the article and says it is the story is the story,
    // whatever else its class says (`article-body comments-open`).
    // A block merely hidden or weakly hinted that holds most of the article is its
    // collapsed rest (`<div class="hideOnInit">` behind a "read more" button).
    let most = n.text * 2 > content_text;
    let bulk = most && (n.story_word || n.hint == Hint::WeakChrome);
    if n.body_hint || bulk {
        return Drop::Keep;
    }
    if n.link_headings >= 2 {
        return Drop::Chrome;
    }
    let inline = n.inline;
    if n.text <= 120
        && ((n.has_time && !inline && !matches!(n.name, "p" | "li" | "td"))
            || (n.datey && n.name != "p"))
    {
        return Drop::Dateline;
    }
    if n.text <= 120 && n.name == "time" && standalone_time(nodes, i) {
        return Drop::Dateline;
    }
    match n.hint {
        Hint::Chrome => {
            return if n.text <= 120 && (n.has_time || n.name == "time") {
                Drop::Dateline
            } else {
                Drop::Chrome
            }
        }
        Hint::WeakChrome if !matches!(n.name, "p") => return Drop::Chrome,
        _ => {}
    }
    if !matches!(
        n.name,
        "div" | "section" | "ul" | "ol" | "table" | "dl" | "figure" | "aside" | "details"
    ) {
        return Drop::Keep;
    }
    // Readability's conditional cleaning: lists of links, image blocks with a word or two,
    // embeds with a caption.
    if n.commas >= 10 {
        return Drop::Keep;
    }
    let ld = n.link_density();
    let list = matches!(n.name, "ul" | "ol" | "dl");
    let story = n.hint == Hint::Story;
    if (n.images > 1 && (n.paragraphs as f64) < 0.5 * n.images as f64 && n.name != "figure")
        || (!list && n.text < 25 && ld > 0.0)
        || (!story && ld > 0.25 && n.text > 0)
        || (story && ld > 0.5)
        || (n.embeds == 1 && n.text < 75)
        || n.embeds > 1
    {
        return Drop::Chrome;
    }
    Drop::Keep
}

/// A `<time>` that is the whole text of its block (a time stamp, not a date in a sentence).
fn standalone_time(nodes: &[Node], i: usize) -> bool {
    let mut p = nodes[i].parent;
    while p != 0 && nodes[p].inline {
        p = nodes[p].parent;
    }
    nodes[p].text <= nodes[i].text + 12
}

/// The date a dateline states: a `<time datetime>` inside it, else its text.
fn date_of(src: &str, toks: &[Tok<'_>]) -> Option<String> {
    let mut text = String::new();
    for t in toks {
        match t {
            Tok::Start {
                name, attrs, end, ..
            } if name == "time" => {
                let a = attributes(src, *attrs, *end);
                if let Some(d) = attr(&a, "datetime").and_then(super::date::normalize_date) {
                    return Some(d);
                }
            }
            Tok::Text(s, e) => {
                text.push(' ');
                text.push_str(&super::entities::decode_all(&src[*s..*e]));
            }
            _ => {}
        }
    }
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (text.len() <= 120)
        .then(|| super::date::normalize_date(&text))
        .flatten()
}

/// The elements that hold the article: the best scored block and its similar siblings,
/// or the page's `<article>`/`<main>`/whole page when no block holds prose.
fn choose(nodes: &[Node]) -> Vec<usize> {
    let mut score = vec![0f64; nodes.len()];
    let mut scored = vec![false; nodes.len()];
    let mut hidden = vec![false; nodes.len()];
    for i in 1..nodes.len() {
        let n = &nodes[i];
        hidden[i] = n.skip
            || hidden[n.parent]
            || (n.hint == Hint::Chrome
                && !n.body_inside
                && !matches!(n.name, "html" | "body" | "main"));
    }
    for i in 1..nodes.len() {
        let n = &nodes[i];
        if hidden[i] || n.own_text < 25 || n.in_link {
            continue;
        }
        let points = 1.0 + n.own_commas as f64 + (n.own_text as f64 / 100.0).min(3.0);
        let mut a = n.parent;
        let mut level = 0;
        while a != 0 && level < 5 {
            if !scored[a] {
                scored[a] = true;
                score[a] = initial_score(&nodes[a]);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            score[a] += points / divider;
            a = nodes[a].parent;
            level += 1;
        }
    }
    for i in 1..nodes.len() {
        if scored[i] {
            score[i] *= 1.0 - nodes[i].link_density();
        }
    }
    let Some(mut top) = (1..nodes.len())
        .filter(|&i| scored[i] && !hidden[i])
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
    else {
        return fallback(nodes);
    };
    // Climb while the parent scores higher (the story split over sibling blocks), and
    // past wrappers that hold nothing else.
    let threshold = score[top] / 3.0;
    let mut last = score[top];
    let mut p = nodes[top].parent;
    while p != 0 && nodes[p].name != "body" {
        if !scored[p] {
            p = nodes[p].parent;
            continue;
        }
        if score[p] < threshold {
            break;
        }
        if score[p] > last {
            top = p;
            break;
        }
        last = score[p];
        p = nodes[p].parent;
    }
    while nodes[top].parent != 0
        && nodes[nodes[top].parent].name != "body"
        && nodes[nodes[top].parent].text == nodes[top].text
    {
        top = nodes[top].parent;
    }
    // Siblings that look like more of the story.
    let parent = nodes[top].parent;
    let bar = (score[top] * 0.2).max(10.0);
    let mut keep = Vec::new();
    for i in 1..nodes.len() {
        let n = &nodes[i];
        if n.parent != parent || hidden[i] || (i != top && n.link_headings >= 2) {
            continue;
        }
        let take = i == top
            || (scored[i] && score[i] + same_class(n, &nodes[top]) * score[top] * 0.2 >= bar)
            || (n.name == "p" && n.link_density() < 0.25 && n.text > 80);
        if take {
            keep.push(i);
        }
    }
    keep
}

fn same_class(a: &Node, b: &Node) -> f64 {
    f64::from(u8::from(!a.class.is_empty() && a.class == b.class))
}

/// The tokens inside an element, its own start and end tags excluded (all of them for
/// the page itself).
fn inner(n: &Node, i: usize) -> Range<usize> {
    if i == 0 {
        return 0..n.end;
    }
    (n.first + 1).min(n.end)..n.end
}

/// No block holds prose: the `<article>` (or `<main>`) with the most text, else the page.
fn fallback(nodes: &[Node]) -> Vec<usize> {
    for container in ["article", "main"] {
        let best = (1..nodes.len())
            .filter(|&i| nodes[i].name == container && !nodes[i].skip && nodes[i].text > 0)
            .reduce(|a, b| if nodes[b].text > nodes[a].text { b } else { a });
        if let Some(i) = best {
            return vec![i];
        }
    }
    vec![0]
}

/// A candidate's starting score: its tag and its class and id words.
fn initial_score(n: &Node) -> f64 {
    let tag = match n.name {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" | "section" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let hint = match n.hint {
        Hint::Story => 25.0,
        Hint::Chrome | Hint::WeakChrome => -25.0,
        Hint::None => 0.0,
    };
    let strong = if n.body_hint {
        50.0
    } else if n.name == "article" {
        10.0
    } else {
        0.0
    };
    tag + hint + strong
}

/// Builds the element tree; node 0 is the page itself.
fn build_tree<'a>(src: &'a str, toks: &'a [Tok<'a>]) -> Vec<Node<'a>> {
    let mut nodes = Vec::with_capacity(toks.len() / 2 + 1);
    nodes.push(Node::new("#page", 0, 0, 0, false));
    nodes[0].end = toks.len();
    let mut stack: Vec<usize> = vec![0];
    let mut cache = HashMap::default();
    let mut spans = Vec::new();
    for (idx, tok) in toks.iter().enumerate() {
        match tok {
            Tok::Start {
                name,
                flags,
                attrs,
                end,
                self_closing,
                ..
            } => {
                let name: &'a str = name;
                close_implied(&mut nodes, &mut stack, name, *flags, idx);
                let parent = *stack.last().unwrap_or(&0);
                let in_link = nodes[parent].in_link || name == "a";
                let mut n = Node::new(name, *flags, parent, idx, in_link);
                n.end = idx + 1;
                classify(src, &mut n, *flags, *attrs, *end, &mut cache, &mut spans);
                let void = *self_closing || flags & VOID_TAG != 0;
                nodes.push(n);
                if !void {
                    stack.push(nodes.len() - 1);
                }
            }
            Tok::End { name, .. } => {
                // Close the nearest open element of that name; a stray end tag is ignored.
                if let Some(pos) = stack
                    .iter()
                    .rposition(|&i| i != 0 && nodes[i].name == *name)
                {
                    for &i in &stack[pos..] {
                        nodes[i].end = idx + 1;
                    }
                    stack.truncate(pos);
                }
            }
            Tok::Text(..) => {}
        }
    }
    for &i in &stack[1..] {
        nodes[i].end = toks.len();
    }
    nodes
}

/// Closes what a new start tag implies closed: a `<p>` before a block, an `<li>` before
/// the next `<li>`, a cell before the next cell.
fn close_implied(nodes: &mut [Node], stack: &mut Vec<usize>, name: &str, flags: u16, idx: usize) {
    let (closes, stop): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol", "menu"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl"]),
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "tr" => (&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
        "option" => (&["option"], &["select", "datalist"]),
        _ if flags & INLINE_TAG == 0 => (&["p"], &[]),
        _ => return,
    };
    let Some(&top) = stack.last() else { return };
    if closes == ["p"] {
        if nodes[top].name == "p" {
            nodes[top].end = idx;
            stack.pop();
        }
        return;
    }
    if let Some(pos) = stack.iter().rposition(|&i| {
        let n = nodes[i].name;
        closes.contains(&n) || stop.contains(&n) || i == 0
    }) {
        let i = stack[pos];
        if closes.contains(&nodes[i].name) {
            for &j in &stack[pos..] {
                nodes[j].end = idx;
            }
            stack.truncate(pos);
        }
    }
}

/// The attributes [`classify`] reads: a tag without any of them says nothing here.
const READ_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "hidden",
    "aria-hidden",
    "style",
    "role",
    "itemprop",
    "rel",
];

/// Reads what a start tag says about its element: dropped outright, or hinted by words.
fn classify<'a>(
    src: &'a str,
    n: &mut Node<'a>,
    flags: u16,
    attrs_at: usize,
    end: usize,
    cache: &mut HashMap<Cow<'a, str>, Words, FastHash>,
    spans: &mut Vec<(&'a str, &'a str)>,
) {
    if flags & SKIPPED_TAG != 0 {
        n.skip = true;
    }
    // Void elements hold no text; most tags carry no attribute that matters here.
    if flags & VOID_TAG != 0 {
        return;
    }
    spans.clear();
    attribute_spans(src, attrs_at, end, spans);
    if !spans
        .iter()
        .any(|(name, _)| READ_ATTRIBUTES.iter().any(|r| name.eq_ignore_ascii_case(r)))
    {
        return;
    }
    let a = &spans[..];
    let style = span_attr(a, "style").map(|s| s.to_ascii_lowercase().replace(' ', ""));
    if span_attr(a, "hidden").is_some()
        || span_attr(a, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || span_attr(a, "role")
            .is_some_and(|r| SKIPPED_ROLES.contains(&r.to_ascii_lowercase().as_str()))
        || style.is_some_and(|s| s.contains("display:none") || s.contains("visibility:hidden"))
    {
        n.skip = true;
    }
    let itemprop = span_attr(a, "itemprop");
    if itemprop.as_deref().is_some_and(|p| {
        p.split_ascii_whitespace()
            .any(|w| w.eq_ignore_ascii_case("articlebody"))
    }) {
        n.body_hint = true;
    }
    if span_attr(a, "rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || itemprop.is_some_and(|p| p.to_ascii_lowercase().contains("author"))
    {
        n.hint = Hint::Chrome;
        return;
    }
    let class = span_attr(a, "class").unwrap_or(Cow::Borrowed(""));
    // Pages repeat a few class values thousands of times: read each once.
    let from_class = match cache.get(class.as_ref()) {
        Some(w) => *w,
        None => {
            let w = Words::of(&class);
            cache.insert(class.clone(), w);
            w
        }
    };
    n.class = class;
    let words = from_class.or(span_attr(a, "id").map_or(Words::default(), |id| Words::of(&id)));
    n.hint = words.hint();
    n.story_word = words.story;
    n.datey = words.datey;
}

/// What the words of a class or id value say (see [`for_each_word`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Words {
    chrome: bool,
    weak: bool,
    story: bool,
    datey: bool,
}

impl Words {
    fn of(value: &str) -> Self {
        let mut w = Words::default();
        if value.is_empty() {
            return w;
        }
        let mut bits = 0u8;
        for_each_word(value, |a, b| bits |= word_kinds(a, b));
        w.chrome = bits & CHROME_KIND != 0;
        w.weak = bits & WEAK_KIND != 0;
        w.story = bits & STORY_KIND != 0;
        w.datey = bits & DATE_KIND != 0;
        w
    }

    fn or(self, o: Words) -> Self {
        Words {
            chrome: self.chrome || o.chrome,
            weak: self.weak || o.weak,
            story: self.story || o.story,
            datey: self.datey || o.datey,
        }
    }

    fn hint(self) -> Hint {
        if self.chrome {
            Hint::Chrome
        } else if self.weak && !self.story {
            Hint::WeakChrome
        } else if self.story {
            Hint::Story
        } else {
            Hint::None
        }
    }
}

/// Class or id words of a time stamp or dateline.
const DATE_WORDS: &[&str] = &[
    "date",
    "dates",
    "time",
    "timestamp",
    "published",
    "pubdate",
    "updated",
    "posted",
    "modified",
    "dateline",
];

const CHROME_KIND: u8 = 1;
const WEAK_KIND: u8 = 2;
const STORY_KIND: u8 = 4;
const DATE_KIND: u8 = 8;

/// The lists a word is one of (see [`is_one_of`]), as `*_KIND` bits. The entries of all
/// four lists are grouped by their first letter once, so a word is compared only with the
/// few that start as it does.
fn word_kinds(a: &[u8], b: &[u8]) -> u8 {
    type Table = Vec<Vec<(&'static str, u8)>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: Table = vec![Vec::new(); 128];
        for (list, kind) in [
            (CHROME_WORDS, CHROME_KIND),
            (WEAK_CHROME_WORDS, WEAK_KIND),
            (STORY_WORDS, STORY_KIND),
            (DATE_WORDS, DATE_KIND),
        ] {
            for w in list {
                let slot = &mut t[usize::from(w.as_bytes()[0] & 0x7f)];
                match slot.iter_mut().find(|(e, _)| e == w) {
                    Some((_, k)) => *k |= kind,
                    None => slot.push((w, kind)),
                }
            }
        }
        t
    });
    let Some(first) = a.first() else { return 0 };
    let Some(slot) = table.get(usize::from(first.to_ascii_lowercase())) else {
        return 0;
    };
    slot.iter()
        .filter(|(w, _)| is_one_of(a, b, &[w]))
        .fold(0, |bits, (_, k)| bits | k)
}

/// Whether the word `a` followed by `b` (ASCII letters and digits of any case; `b` is
/// empty for a single word) is one of `list`: equal to a short entry, or starting with a
/// longer one (`comments` is `comment`, `adverts` is `advert`; `ad` is only `ad`).
fn is_one_of(a: &[u8], b: &[u8], list: &[&str]) -> bool {
    let first = a.first().map(u8::to_ascii_lowercase);
    let len = a.len() + b.len();
    list.iter().any(|w| {
        let w = w.as_bytes();
        // The first byte rules out nearly every entry before a comparison is made.
        if w.first().copied() != first {
            return false;
        }
        if w.len() <= 4 {
            if len != w.len() {
                return false;
            }
        } else if len < w.len() {
            return false;
        }
        if w.len() <= a.len() {
            a[..w.len()].eq_ignore_ascii_case(w)
        } else {
            let (wa, wb) = w.split_at(a.len());
            a.eq_ignore_ascii_case(wa) && b[..wb.len()].eq_ignore_ascii_case(wb)
        }
    })
}

/// Calls `f` with each word of a class or id value, as [`split_words`] splits them, without
/// building strings: `f(word, b"")` for a word, `f(word, next)` for a word and the next
/// one of the same whitespace-separated part (read as joined). Words keep their case.
fn for_each_word(s: &str, mut f: impl FnMut(&[u8], &[u8])) {
    let bytes = s.as_bytes();
    // The previous word of the same part, and the word being read.
    let mut prev: Option<(usize, usize)> = None;
    let mut cur: Option<usize> = None;
    let mut prev_lower = false;
    let mut word = |prev: &mut Option<(usize, usize)>, start: usize, end: usize| {
        let w = &bytes[start..end];
        f(w, b"");
        if let Some((ps, pe)) = *prev {
            f(&bytes[ps..pe], w);
        }
        *prev = Some((start, end));
    };
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = cur.take() {
                word(&mut prev, st, i);
            }
            prev = None;
            prev_lower = false;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            if let Some(st) = cur.take() {
                word(&mut prev, st, i);
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            if let Some(st) = cur.take() {
                word(&mut prev, st, i);
            }
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        cur.get_or_insert(i);
    }
    if let Some(st) = cur {
        word(&mut prev, st, bytes.len());
    }
}

/// The words of class and id values: split at anything but letters and digits and at
/// lower-to-upper case changes (`relatedLinks`), lower-cased; pairs are also joined
/// (`most-read` gives `mostread`, `sr-only` gives `sronly`).
#[cfg(test)]
fn split_words(s: &str) -> Vec<String> {
    let mut parts: Vec<Vec<String>> = Vec::new();
    for token in s.split(|c: char| c.is_whitespace()) {
        let mut words = Vec::new();
        let mut cur = String::new();
        let mut prev_lower = false;
        for c in token.chars() {
            if !c.is_ascii_alphanumeric() {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                prev_lower = false;
                continue;
            }
            if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            cur.push(c.to_ascii_lowercase());
        }
        if !cur.is_empty() {
            words.push(cur);
        }
        parts.push(words);
    }
    let mut out = Vec::new();
    for words in parts {
        for (i, w) in words.iter().enumerate() {
            if let Some(next) = words.get(i + 1) {
                out.push(format!("{w}{next}"));
            }
        }
        out.extend(words);
    }
    out
}

/// Adds up text, links, commas, paragraphs and images for every element.
fn stats(src: &str, toks: &[Tok], nodes: &mut [Node]) {
    // Each token's innermost element, by walking the tree in token order.
    let mut owner = vec![0usize; toks.len()];
    let mut stack: Vec<usize> = vec![0];
    let mut next = 1;
    for (idx, o) in owner.iter_mut().enumerate() {
        while stack.len() > 1 && nodes[*stack.last().unwrap_or(&0)].end <= idx {
            stack.pop();
        }
        while next < nodes.len() && nodes[next].first == idx {
            while stack.len() > 1 && nodes[*stack.last().unwrap_or(&0)].end <= idx {
                stack.pop();
            }
            stack.push(next);
            next += 1;
        }
        *o = *stack.last().unwrap_or(&0);
    }
    for (idx, tok) in toks.iter().enumerate() {
        let Tok::Text(s, e) = tok else { continue };
        let o = owner[idx];
        // Text directly inside a dropped element (a script's or a style sheet's) counts
        // for that element alone, whose counts nothing reads: it is neither the block
        // that owns it nor added to its parent. Not measuring it saves reading every byte
        // of a page's scripts.
        if nodes[o].skip {
            continue;
        }
        let t = &src[*s..*e];
        let len = t.bytes().filter(|c| !c.is_ascii_whitespace()).count();
        let commas = memchr::memchr_iter(b',', t.as_bytes()).count();
        let n = &mut nodes[o];
        n.text += len;
        n.commas += commas;
        if n.in_link {
            n.link_text += len;
        }
        // The nearest block owns the text, unless a dropped element stands between.
        let mut b = o;
        let mut dropped = nodes[b].skip;
        while b != 0 && nodes[b].inline {
            b = nodes[b].parent;
            dropped |= nodes[b].skip;
        }
        if !dropped {
            nodes[b].own_text += len;
            nodes[b].own_commas += commas;
        }
    }
    for i in (1..nodes.len()).rev() {
        match nodes[i].name {
            "p" => nodes[i].paragraphs += 1,
            "img" | "picture" => nodes[i].images += 1,
            "video" | "iframe" | "object" | "embed" | "audio" => nodes[i].embeds += 1,
            "time" => nodes[i].has_time = true,
            _ => {}
        }
        if matches!(nodes[i].name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            && nodes[i].link_text * 2 > nodes[i].text
        {
            nodes[i].link_headings += 1;
        }
        if nodes[i].body_hint || nodes[i].name == "article" {
            nodes[i].body_inside = true;
        }
        let below = nodes[i].body_inside;
        let parent = nodes[i].parent;
        nodes[parent].body_inside |= below;
        if nodes[i].skip {
            continue;
        }
        let (parent, text, link_text, commas) = {
            let n = &nodes[i];
            (n.parent, n.text, n.link_text, n.commas)
        };
        let (paragraphs, images, embeds, has_time, link_headings) = {
            let n = &nodes[i];
            (
                n.paragraphs,
                n.images,
                n.embeds,
                n.has_time,
                n.link_headings,
            )
        };
        let p = &mut nodes[parent];
        p.text += text;
        p.link_text += link_text;
        p.commas += commas;
        p.paragraphs += paragraphs;
        p.images += images;
        p.embeds += embeds;
        p.has_time |= has_time;
        p.link_headings += link_headings;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_split_at_dashes_and_case() {
        let w = split_words("inline-block-related-list commentsDiv sr-only");
        for want in ["related", "comments", "sronly", "div"] {
            assert!(w.iter().any(|x| x == want), "{want} in {w:?}");
        }
    }

    /// The words as [`split_words`] spells them, read the way [`Words::of`] reads them.
    fn words_by_strings(value: &str) -> Words {
        let one = |word: &str, list: &[&str]| {
            list.iter().any(|w| {
                w.as_bytes().first() == word.as_bytes().first()
                    && if w.len() <= 4 {
                        word == *w
                    } else {
                        word.starts_with(w)
                    }
            })
        };
        let mut w = Words::default();
        for word in split_words(value) {
            w.chrome |= one(&word, CHROME_WORDS);
            w.weak |= one(&word, WEAK_CHROME_WORDS);
            w.story |= one(&word, STORY_WORDS);
            w.datey |= one(&word, DATE_WORDS);
        }
        w
    }

    #[test]
    fn words_read_without_strings_as_with_them() {
        for v in [
            "inline-block-related-list commentsDiv sr-only",
            "most-read MostRead mostRead most read",
            "ad-slot AD ads adverts advertising adx",
            "article-body sidebar-aware",
            "story__body storyBody story-body__inner",
            "pub-date pubDate date-time dateTime TimeStamp",
            "a-d-s relatedLinks RELATEDlinks x1Comment 2share",
            "headerNav\u{a0}nav\u{2003}igation caf\u{e9}-related art\u{e9}icle",
            "  -- __ ",
            "sr\tonly sr\nonly read-more more-on moreOn",
            "hide-on-init hideOnInit invisible offscreen toolbar tools",
        ] {
            assert_eq!(Words::of(v), words_by_strings(v), "{v:?}");
            for part in v.split(' ') {
                assert_eq!(Words::of(part), words_by_strings(part), "{part:?}");
            }
        }
    }

    #[test]
    fn chrome_words_beat_story_words_but_weak_ones_do_not() {
        let hint = |s: &str| Words::of(s).hint();
        assert_eq!(hint("related-articles"), Hint::Chrome);
        assert_eq!(hint("article-body sidebar-aware"), Hint::Story);
        assert_eq!(hint("sidebar"), Hint::WeakChrome);
        assert_eq!(hint("header"), Hint::WeakChrome);
        assert_eq!(hint("shadow loaded"), Hint::None);
        assert_eq!(hint("badge"), Hint::None);
        assert_eq!(hint("ad-slot"), Hint::Chrome);
    }
}
