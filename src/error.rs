//! The library's error type: what went wrong, and with which file.

use std::fmt;
use std::path::PathBuf;

/// An error naming the file (or config key) and the problem.
#[derive(Debug)]
pub struct Error {
    /// The file the error is about, when there is one (`-` for standard input).
    pub path: Option<PathBuf>,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// The kinds of error claimcheck reports.
#[derive(Debug)]
pub enum ErrorKind {
    /// The file could not be read.
    Io(std::io::Error),
    /// The file could not be written.
    Write(std::io::Error),
    /// The file holds binary data, not text.
    Binary,
    /// The file is not valid UTF-8; the byte offset of the first bad byte.
    InvalidUtf8(usize),
    /// A JSON or JSONL input could not be parsed (line, message).
    Json(usize, String),
    /// A config file is malformed (message names the key and line).
    Config(String),
    /// Anything else, as a message.
    Other(String),
    /// A problem that does not stop the run (the input is still read), at a line.
    Warning {
        /// 1-based line.
        line: usize,
        /// What is wrong and what happens because of it.
        message: String,
    },
}

impl Error {
    /// An error about `path`.
    pub fn new(path: impl Into<PathBuf>, kind: ErrorKind) -> Self {
        Error {
            path: Some(path.into()),
            kind,
        }
    }

    /// An error about no file in particular.
    pub fn msg(message: impl Into<String>) -> Self {
        Error {
            path: None,
            kind: ErrorKind::Other(message.into()),
        }
    }
}

impl Error {
    /// Whether this is only a warning: the input was still read.
    pub fn is_warning(&self) -> bool {
        matches!(self.kind, ErrorKind::Warning { .. })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let ErrorKind::Warning { line, message } = &self.kind {
            let path = self
                .path
                .as_ref()
                .map_or_else(String::new, |p| format!("{}:{line}: ", p.display()));
            return write!(f, "warning: {path}{message}");
        }
        if let Some(p) = &self.path {
            write!(f, "{}: ", p.display())?;
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            ErrorKind::Write(e) => write!(f, "cannot write: {e}"),
            ErrorKind::Binary => write!(f, "binary file, not text; skipped"),
            ErrorKind::InvalidUtf8(at) => {
                write!(
                    f,
                    "not valid UTF-8 (first bad byte at offset {at}); skipped"
                )
            }
            ErrorKind::Json(line, msg) => write!(f, "invalid JSON on line {line}: {msg}"),
            ErrorKind::Config(msg) => write!(f, "invalid config: {msg}"),
            ErrorKind::Other(msg) => write!(f, "{msg}"),
            ErrorKind::Warning { message, .. } => write!(f, "warning: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) | ErrorKind::Write(e) => Some(e),
            _ => None,
        }
    }
}
