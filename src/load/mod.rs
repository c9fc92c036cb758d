//! Loading: turns paths (files, directories, `-` for standard input) into documents,
//! the first stage of the pipeline.
//!
//! The format comes from the extension (`.txt`, `.md`, `.html`, `.json`, `.jsonl`, …),
//! or from the content when there is none to go by (standard input, unknown extensions).
//! Each format has its own reader that builds the prose view and its map back into the
//! bytes as read. Every bad input becomes an [`Error`] naming the file and the problem
//! while the other inputs still load; nothing here panics on any input.

pub mod date;
mod entities;
mod html;
mod json;
mod markdown;
mod reader;
mod text;
mod view;
pub mod walk;

pub use date::normalize_date;
pub use html::html_document;
pub use json::{json_documents, jsonl_documents};
pub use markdown::markdown_document;
pub use text::text_document;

use crate::document::Document;
use crate::error::{Error, ErrorKind};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this (1 GiB) are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Documents whose prose is longer than this (32 MiB) are refused with an error naming
/// them: analysing one costs up to ~110 bytes of memory per byte of text when it is dense
/// with figures, and a news article is a thousand times shorter.
pub const MAX_DOCUMENT_BYTES: usize = 32 << 20;

/// How much of a file's start is examined to tell text from binary data.
const SNIFF_BYTES: usize = 8 * 1024;

/// The input formats claimcheck reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text.
    Text,
    /// Markdown, optionally with front matter.
    Markdown,
    /// An HTML page.
    Html,
    /// A JSON array of records, or one record.
    Json,
    /// JSON Lines: one record per line.
    Jsonl,
}

impl InputFormat {
    /// The format an extension names (any case), if it names one.
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(InputFormat::Markdown),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "json" => Some(InputFormat::Json),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            _ => None,
        }
    }

    /// The format of `path` by its extension, if it has a known one.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Self::from_extension)
    }
}

/// Guesses the format of `text` from its start: `<` and an HTML tag is HTML, `{` or
/// `[{` is JSON, `---`/`+++` front matter is Markdown, anything else is text.
pub fn sniff_format(text: &str) -> InputFormat {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    for fence in ["---\n", "---\r\n", "+++\n", "+++\r\n"] {
        if t.starts_with(fence) {
            return InputFormat::Markdown;
        }
    }
    let t = t.trim_start();
    if let Some(rest) = t.strip_prefix('<') {
        if looks_like_html_tag(rest) {
            return InputFormat::Html;
        }
    }
    let after = |rest: &str| rest.trim_start().chars().next();
    if let Some(rest) = t.strip_prefix('{') {
        // `{"key"` or `{}`: a JSON object, not prose in braces.
        if matches!(after(rest), Some('"') | Some('}')) {
            return if t.lines().filter(|l| !l.trim().is_empty()).count() > 1
                && t.lines()
                    .filter(|l| !l.trim().is_empty())
                    .all(|l| l.trim_start().starts_with('{'))
            {
                InputFormat::Jsonl
            } else {
                InputFormat::Json
            };
        }
    }
    if let Some(rest) = t.strip_prefix('[') {
        if matches!(after(rest), Some('{') | Some(']')) {
            return InputFormat::Json;
        }
    }
    InputFormat::Text
}

/// Whether the text after a `<` starts an HTML tag, doctype or comment.
fn looks_like_html_tag(rest: &str) -> bool {
    const TAGS: &[&str] = &[
        "!doctype",
        "!--",
        "html",
        "head",
        "body",
        "meta",
        "title",
        "article",
        "main",
        "div",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "span",
        "a",
        "ul",
        "ol",
        "li",
        "table",
        "script",
        "style",
        "link",
        "header",
        "nav",
        "img",
        "br",
        "em",
        "strong",
        "b",
        "i",
        "blockquote",
        "figure",
        "base",
        "?xml",
    ];
    let lower: String = rest
        .chars()
        .take(10)
        .collect::<String>()
        .to_ascii_lowercase();
    TAGS.iter().any(|tag| {
        lower.strip_prefix(tag).is_some_and(|after| {
            tag.starts_with('!')
                || tag.starts_with('?')
                || after
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == '>' || c == '/')
        })
    })
}

/// The documents read from `paths`, sorted by id, and an error for each input that
/// could not be read (the others are still loaded). `-` reads standard input.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Document>, Vec<Error>) {
    load_paths_with_stdin(paths, &mut std::io::stdin().lock())
}

/// [`load_paths`] with `stdin` standing in for standard input.
pub fn load_paths_with_stdin(
    paths: &[PathBuf],
    stdin: &mut dyn Read,
) -> (Vec<Document>, Vec<Error>) {
    let mut loader = Loader::default();
    // Files are listed in input order, read and parsed in parallel, and added in that
    // same order: the result does not depend on which thread finishes first.
    let mut inputs: Vec<Input> = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            if let Some(loaded) = loader.stdin(stdin) {
                inputs.push(Input::Loaded(loaded));
            }
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => loader.errors.push(Error::new(path, ErrorKind::Io(e))),
            Ok(meta) if meta.is_dir() => {
                let (files, errors) = walk::walk_dir(path);
                loader.errors.extend(errors);
                for file in files {
                    let format = InputFormat::from_path(&file);
                    inputs.extend(loader.file(file, format));
                }
            }
            // A FIFO or device would block or never end: refused, never opened.
            Ok(meta) if !meta.is_file() => {
                loader.errors.push(crate::fsio::not_regular(path, &meta))
            }
            Ok(_) => inputs.extend(loader.file(path.clone(), InputFormat::from_path(path))),
        }
    }
    let loaded: Vec<(Vec<Document>, Vec<Error>)> = inputs
        .into_par_iter()
        .map(|input| match input {
            Input::Loaded(loaded) => loaded,
            Input::File(path, format) => {
                let id = path_id(&path);
                match read_limited(&path) {
                    Ok(bytes) => load_bytes(&id, bytes, format),
                    Err(kind) => (Vec::new(), vec![Error::new(id, kind)]),
                }
            }
        })
        .map(refuse_huge)
        .collect();
    for l in loaded {
        loader.add(l);
    }
    loader.finish()
}

/// Moves the documents longer than [`MAX_DOCUMENT_BYTES`] to the errors, by name.
fn refuse_huge((docs, mut errors): (Vec<Document>, Vec<Error>)) -> (Vec<Document>, Vec<Error>) {
    if docs.iter().all(|d| d.text.len() <= MAX_DOCUMENT_BYTES) {
        return (docs, errors);
    }
    let mut kept = Vec::with_capacity(docs.len());
    for d in docs {
        if d.text.len() <= MAX_DOCUMENT_BYTES {
            kept.push(d);
            continue;
        }
        errors.push(Error::new(
            d.id.clone(),
            ErrorKind::Other(format!(
                "document too large to analyse ({} bytes of text; the limit is \
                 {MAX_DOCUMENT_BYTES} bytes per document); skipped",
                d.text.len()
            )),
        ));
    }
    (kept, errors)
}

/// One input to load: a file still to read, or what standard input held.
enum Input {
    /// A file and its format (`None`: sniffed).
    File(PathBuf, Option<InputFormat>),
    /// Documents and errors already read.
    Loaded((Vec<Document>, Vec<Error>)),
}

/// The documents in one input's bytes. `id` names the input (the documents of a JSON
/// file take their ids from their records); `format` is sniffed when `None`.
pub fn load_bytes(
    id: &str,
    bytes: Vec<u8>,
    format: Option<InputFormat>,
) -> (Vec<Document>, Vec<Error>) {
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(kind) => return (Vec::new(), vec![Error::new(id, kind)]),
    };
    let format = format.unwrap_or_else(|| sniff_format(&text));
    let id = id.to_string();
    match format {
        InputFormat::Text => (vec![text_document(id, text)], Vec::new()),
        InputFormat::Markdown => {
            let warnings = markdown::front_matter_problems(&text)
                .into_iter()
                .map(|(line, message)| Error::new(&id, ErrorKind::Warning { line, message }))
                .collect();
            (vec![markdown_document(id, text)], warnings)
        }
        InputFormat::Html => (vec![html_document(id, text)], Vec::new()),
        InputFormat::Json => json_documents(&id, &text),
        InputFormat::Jsonl => jsonl_documents(&id, &text),
    }
}

/// Collects documents and errors across inputs, reading each file once.
#[derive(Default)]
struct Loader {
    docs: Vec<Document>,
    errors: Vec<Error>,
    seen_files: HashSet<PathBuf>,
    seen_stdin: bool,
}

impl Loader {
    fn stdin(&mut self, stdin: &mut dyn Read) -> Option<(Vec<Document>, Vec<Error>)> {
        if std::mem::replace(&mut self.seen_stdin, true) {
            return None;
        }
        let mut bytes = Vec::new();
        match stdin.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
            Err(e) => self.errors.push(Error::new("-", ErrorKind::Io(e))),
            Ok(_) if bytes.len() as u64 > MAX_FILE_BYTES => {
                self.errors.push(too_large("-", None));
            }
            Ok(_) => return Some(load_bytes("-", bytes, None)),
        }
        None
    }

    /// The file to read, unless it was read already (by another path to it).
    fn file(&mut self, path: PathBuf, format: Option<InputFormat>) -> Option<Input> {
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        self.seen_files
            .insert(key)
            .then_some(Input::File(path, format))
    }

    fn add(&mut self, (docs, errors): (Vec<Document>, Vec<Error>)) {
        self.docs.extend(docs);
        self.errors.extend(errors);
    }

    /// Sorts once: documents by id (the first of a repeated id is kept), errors by path
    /// with each file's errors in the order found.
    fn finish(mut self) -> (Vec<Document>, Vec<Error>) {
        let mut ids = HashSet::new();
        let mut docs = Vec::with_capacity(self.docs.len());
        for d in self.docs {
            if ids.insert(d.id.clone()) {
                docs.push(d);
            } else {
                self.errors.push(Error::new(
                    d.id.clone(),
                    ErrorKind::Other(format!(
                        "document id `{}` is used by an earlier document; skipped",
                        d.id
                    )),
                ));
            }
        }
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        self.errors.sort_by(|a, b| a.path.cmp(&b.path));
        (docs, self.errors)
    }
}

/// The id of a file: its path as given, with `/` separators and without a leading
/// `./`, so walking `.` and naming `articles/` give the same ids (and the same baseline
/// fingerprints).
fn path_id(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    };
    let mut id = s.as_str();
    while let Some(rest) = id.strip_prefix("./").filter(|r| !r.is_empty()) {
        id = rest.trim_start_matches('/');
    }
    id.to_string()
}

fn too_large(what: &str, len: Option<u64>) -> Error {
    let size = len.map_or_else(|| "more than 1 GiB".to_string(), |n| format!("{n} bytes"));
    Error::new(
        what,
        ErrorKind::Other(format!(
            "file is too large ({size}; the limit is {MAX_FILE_BYTES} bytes); skipped"
        )),
    )
}

/// Reads a file, refusing it when it is over [`MAX_FILE_BYTES`] (checked before reading,
/// and again while reading in case the file grows).
fn read_limited(path: &Path) -> Result<Vec<u8>, ErrorKind> {
    let file = std::fs::File::open(path).map_err(ErrorKind::Io)?;
    let len = file.metadata().map_err(ErrorKind::Io)?.len();
    if len > MAX_FILE_BYTES {
        return Err(too_large("", Some(len)).kind);
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ErrorKind::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large("", None).kind);
    }
    Ok(bytes)
}

/// The text of `bytes`, or why it is not text: UTF-16, binary data, or invalid UTF-8.
fn decode(bytes: Vec<u8>) -> Result<String, ErrorKind> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ErrorKind::Other(
            "UTF-16 text is not supported; convert it to UTF-8; skipped".to_string(),
        ));
    }
    if looks_binary(&bytes[..bytes.len().min(SNIFF_BYTES)]) {
        return Err(ErrorKind::Binary);
    }
    String::from_utf8(bytes).map_err(|e| ErrorKind::InvalidUtf8(e.utf8_error().valid_up_to()))
}

/// Binary data: a NUL byte, or mostly control characters and invalid UTF-8 sequences.
fn looks_binary(head: &[u8]) -> bool {
    if head.is_empty() {
        return false;
    }
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&c| (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || c == 0x7f)
        .count();
    let mut invalid = 0;
    let mut rest = head;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(_) => break,
            Err(e) => match e.error_len() {
                Some(n) => {
                    invalid += n;
                    rest = &rest[e.valid_up_to() + n..];
                }
                // A character cut off by the end of the sample.
                None => break,
            },
        }
    }
    (control + invalid) * 3 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_recognises_each_format() {
        assert_eq!(sniff_format("<!DOCTYPE html><p>x"), InputFormat::Html);
        assert_eq!(sniff_format("  <P class=a>x</P>"), InputFormat::Html);
        assert_eq!(sniff_format("<3 you"), InputFormat::Text);
        assert_eq!(sniff_format("<note>x</note>"), InputFormat::Text);
        assert_eq!(sniff_format("{\"text\": \"x\"}"), InputFormat::Json);
        assert_eq!(
            sniff_format("{\"text\": \"x\"}\n{\"text\": \"y\"}\n"),
            InputFormat::Jsonl
        );
        assert_eq!(sniff_format("[{\"text\": \"x\"}]"), InputFormat::Json);
        assert_eq!(sniff_format("[Updated] Shares rose 5%"), InputFormat::Text);
        assert_eq!(sniff_format("{braces} in prose"), InputFormat::Text);
        assert_eq!(
            sniff_format("---\ntitle: x\n---\nbody"),
            InputFormat::Markdown
        );
        assert_eq!(
            sniff_format("+++\r\ntitle = 'x'\r\n+++\r\n"),
            InputFormat::Markdown
        );
        assert_eq!(sniff_format("Plain words."), InputFormat::Text);
        assert_eq!(sniff_format(""), InputFormat::Text);
    }

    #[test]
    fn extensions_name_formats_in_any_case() {
        assert_eq!(
            InputFormat::from_extension("MD"),
            Some(InputFormat::Markdown)
        );
        assert_eq!(InputFormat::from_extension("htm"), Some(InputFormat::Html));
        assert_eq!(
            InputFormat::from_extension("jsonl"),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(InputFormat::from_extension("png"), None);
    }

    #[test]
    fn nul_bytes_and_noise_are_binary_but_accents_are_not() {
        assert!(looks_binary(b"abc\0def"));
        assert!(looks_binary(&[
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x01
        ]));
        assert!(!looks_binary("Café costs €5.\n".as_bytes()));
        assert!(!looks_binary(b"Caf\xe9 costs 5 euros, a Latin-1 file.\n"));
        assert!(!looks_binary(b""));
    }

    #[test]
    fn invalid_utf8_reports_the_first_bad_offset() {
        let (docs, errors) = load_bytes("a.txt", b"Caf\xe9 5".to_vec(), None);
        assert!(docs.is_empty());
        assert!(matches!(errors[0].kind, ErrorKind::InvalidUtf8(3)));
    }

    #[test]
    fn utf16_is_refused_with_a_clear_message() {
        let (_, errors) = load_bytes("a.txt", vec![0xFF, 0xFE, b'a', 0], None);
        assert!(errors[0].to_string().contains("UTF-16"));
    }

    #[test]
    fn an_empty_input_is_an_empty_document() {
        let (docs, errors) = load_bytes("e.txt", Vec::new(), Some(InputFormat::Text));
        assert!(errors.is_empty());
        assert_eq!(docs[0].text, "");
    }

    #[test]
    fn ids_never_start_with_dot_slash() {
        assert_eq!(path_id(Path::new("./articles/a.md")), "articles/a.md");
        assert_eq!(path_id(Path::new("././a.md")), "a.md");
        assert_eq!(path_id(Path::new("a.md")), "a.md");
        assert_eq!(path_id(Path::new("../a.md")), "../a.md");
    }

    #[test]
    fn stdin_is_read_once_and_sniffed() {
        let mut input: &[u8] = b"<p>Paid &#36;5.</p>";
        let paths = [PathBuf::from("-"), PathBuf::from("-")];
        let (docs, errors) = load_paths_with_stdin(&paths, &mut input);
        assert!(errors.is_empty());
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "-");
        assert_eq!(docs[0].text, "Paid $5.");
    }
}
