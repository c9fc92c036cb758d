//! JSON and JSONL inputs: one document per record.
//!
//! A record is an object with the article in `text` (or `body`, or `content`), and
//! optionally `id` (string or number), `title`, `published` (or `date`) and `url`. A
//! record without an id is named `<path>#<line>`. A malformed record is an error naming
//! its line; the file's other records still load.

use super::date::normalize_date;
use crate::document::{Document, Format};
use crate::error::{Error, ErrorKind};
use serde_json::{Map, Value};

/// The documents of a JSON Lines file (one object per line, blank lines skipped).
pub fn jsonl_documents(path: &str, source: &str) -> (Vec<Document>, Vec<Error>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    for (i, line) in source.split('\n').enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => push_record(path, line_no, v, &mut docs, &mut errors),
            Err(e) => errors.push(json_error(path, line_no, e.to_string())),
        }
    }
    (docs, errors)
}

/// The documents of a JSON file: an array of records or a single record. Each element
/// of an array is parsed on its own, so one malformed record does not hide the others.
pub fn json_documents(path: &str, source: &str) -> (Vec<Document>, Vec<Error>) {
    let bom = source.len() - source.strip_prefix('\u{feff}').unwrap_or(source).len();
    let body = &source[bom..];
    let trimmed = body.trim_start();
    let lead = bom + body.len() - trimmed.len();
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    if !trimmed.starts_with('[') {
        match serde_json::from_str::<Value>(body) {
            Ok(v) => push_record(path, line_of(source, lead), v, &mut docs, &mut errors),
            Err(_) if looks_like_jsonl(body) => return jsonl_documents(path, source),
            Err(e) => errors.push(json_error(path, e.line(), e.to_string())),
        }
        return (docs, errors);
    }
    let split = split_array(source, lead);
    // Lines are counted incrementally: a large array must not cost a rescan per record.
    let (mut line, mut counted) = (1, 0);
    for (start, end) in split.elements {
        line += memchr::memchr_iter(b'\n', &source.as_bytes()[counted..start]).count();
        counted = start;
        let text = &source[start..end];
        match serde_json::from_str::<Value>(text) {
            Ok(v) => push_record(path, line, v, &mut docs, &mut errors),
            Err(e) => errors.push(json_error(
                path,
                line + e.line().saturating_sub(1),
                e.to_string(),
            )),
        }
    }
    if let Some((at, msg)) = split.problem {
        errors.push(json_error(path, line_of(source, at), msg));
    }
    (docs, errors)
}

/// Several top-level objects, one per line: a JSONL file named `.json`.
fn looks_like_jsonl(body: &str) -> bool {
    let mut lines = body.lines().filter(|l| !l.trim().is_empty());
    let all_objects = lines.clone().all(|l| l.trim_start().starts_with('{'));
    all_objects && lines.nth(1).is_some()
}

fn json_error(path: &str, line: usize, msg: String) -> Error {
    Error::new(path, ErrorKind::Json(line.max(1), msg))
}

/// 1-based line of byte `at`.
fn line_of(source: &str, at: usize) -> usize {
    let at = at.min(source.len());
    memchr::memchr_iter(b'\n', &source.as_bytes()[..at]).count() + 1
}

/// Byte ranges of the top-level elements of a JSON array starting at `open` (a `[`).
struct ArraySplit {
    elements: Vec<(usize, usize)>,
    /// Where and why the array itself is malformed (unclosed, trailing data).
    problem: Option<(usize, String)>,
}

fn split_array(source: &str, open: usize) -> ArraySplit {
    let b = source.as_bytes();
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start: Option<usize> = None;
    let mut i = open + 1;
    let mut closed_at = None;
    while i < b.len() {
        let c = b[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match c {
            b'"' => {
                in_string = true;
                start.get_or_insert(i);
            }
            b'[' | b'{' => {
                depth += 1;
                start.get_or_insert(i);
            }
            b']' | b'}' if depth > 0 => depth -= 1,
            b']' => {
                if let Some(s) = start.take() {
                    elements.push((s, i));
                }
                closed_at = Some(i);
                break;
            }
            b',' if depth == 0 => match start.take() {
                Some(s) => elements.push((s, i)),
                None => elements.push((i, i)),
            },
            c if c.is_ascii_whitespace() => {}
            _ => {
                start.get_or_insert(i);
            }
        }
        i += 1;
    }
    let problem = match closed_at {
        None => {
            if let Some(s) = start.take() {
                elements.push((s, b.len()));
            }
            Some((b.len(), "the array is never closed with `]`".to_string()))
        }
        Some(at) => {
            let rest = &source[at + 1..];
            let trailing = rest.len() - rest.trim_start().len();
            (!rest.trim().is_empty()).then(|| {
                (
                    at + 1 + trailing,
                    "unexpected data after the closing `]`".to_string(),
                )
            })
        }
    };
    ArraySplit { elements, problem }
}

/// Turns one parsed record into a document, or an error naming its line.
fn push_record(
    path: &str,
    line: usize,
    value: Value,
    docs: &mut Vec<Document>,
    errors: &mut Vec<Error>,
) {
    let Value::Object(obj) = value else {
        errors.push(json_error(
            path,
            line,
            format!(
                "expected an object with a `text` field, found {}",
                kind_of(&value)
            ),
        ));
        return;
    };
    let text = ["text", "body", "content"]
        .iter()
        .find_map(|k| obj.get(*k).and_then(Value::as_str));
    let Some(text) = text else {
        errors.push(json_error(
            path,
            line,
            "record has no string `text`, `body` or `content` field".to_string(),
        ));
        return;
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("{path}#{line}"),
    };
    let mut doc = Document::from_text(id, text);
    doc.format = Format::JsonRecord;
    doc.origin = Some((path.to_string(), line));
    doc.title = string_field(&obj, &["title", "headline"]);
    doc.url = string_field(&obj, &["url", "link"]);
    doc.published = string_field(
        &obj,
        &["published", "date", "datePublished", "published_at"],
    )
    .and_then(|d| normalize_date(&d));
    docs.push(doc);
}

fn string_field(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match obj.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_become_documents_and_bad_lines_become_errors() {
        let src = "{\"id\":\"a\",\"text\":\"Paid $5.\",\"published\":\"2025-06-13T10:00:00Z\"}\n\nnot json\n{\"id\":7,\"body\":\"x\"}\n{\"text\":\"no id\"}\n";
        let (docs, errors) = jsonl_documents("f.jsonl", src);
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "7", "f.jsonl#5"]);
        assert_eq!(docs[0].published.as_deref(), Some("2025-06-13"));
        assert_eq!(docs[0].format, Format::JsonRecord);
        assert_eq!(errors.len(), 1);
        assert!(matches!(errors[0].kind, ErrorKind::Json(3, _)));
    }

    #[test]
    fn a_record_without_text_is_an_error_on_its_line() {
        let (docs, errors) = jsonl_documents("f.jsonl", "{\"id\":1}\n[1]\n");
        assert!(docs.is_empty());
        assert!(matches!(errors[0].kind, ErrorKind::Json(1, _)));
        assert!(matches!(errors[1].kind, ErrorKind::Json(2, _)));
    }

    #[test]
    fn json_arrays_give_one_document_per_element_named_by_line() {
        let src = "[\n  {\"text\": \"a, [b]\"},\n  {\"id\": \"x\", \"content\": \"c\"}\n]\n";
        let (docs, errors) = json_documents("f.json", src);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(docs[0].id, "f.json#2");
        assert_eq!(docs[0].text, "a, [b]");
        assert_eq!(docs[1].id, "x");
    }

    #[test]
    fn a_malformed_array_element_does_not_hide_the_others() {
        let src = "[\n{\"text\": \"ok\"},\n{\"text\": nope},\n{\"text\": \"also\"}\n]";
        let (docs, errors) = json_documents("f.json", src);
        assert_eq!(docs.len(), 2);
        assert_eq!(errors.len(), 1);
        assert!(
            matches!(errors[0].kind, ErrorKind::Json(3, _)),
            "{:?}",
            errors[0]
        );
    }

    #[test]
    fn an_unclosed_array_is_reported() {
        let (docs, errors) = json_documents("f.json", "[{\"text\": \"ok\"}");
        assert_eq!(docs.len(), 1);
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn a_single_object_is_one_record() {
        let (docs, errors) =
            json_documents("f.json", "{\"text\": \"ok\", \"date\": \"June 13, 2025\"}");
        assert!(errors.is_empty());
        assert_eq!(docs[0].id, "f.json#1");
        assert_eq!(docs[0].published.as_deref(), Some("2025-06-13"));
    }

    #[test]
    fn jsonl_content_in_a_json_file_is_read_as_jsonl() {
        let (docs, errors) = json_documents("f.json", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
        assert!(errors.is_empty());
        assert_eq!(docs.len(), 2);
    }
}
