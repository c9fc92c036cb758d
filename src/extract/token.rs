//! Tokens: the prose cut into words, digit runs and single punctuation characters with
//! byte offsets. Every extractor family reads tokens instead of raw bytes, so no family
//! can slice a string off a character boundary. One pass, one allocation per text.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (ASCII or any Unicode alphabetic character).
    Word,
    /// ASCII digits.
    Num,
    /// One character that is neither a letter, a digit nor white space.
    Punct,
}

/// One token: a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Letters, digits or punctuation.
    pub kind: TokKind,
    /// Whether white space separates this token from the previous one.
    pub space_before: bool,
}

/// A short ASCII word in lower case: borrowed when it already is, else copied to the
/// stack (no allocation either way).
#[derive(Clone, Copy)]
pub struct Lc<'a> {
    borrowed: &'a str,
    buf: [u8; 20],
    len: u8,
}

impl<'a> Lc<'a> {
    /// The empty word (for tokens that are not short ASCII words).
    pub const EMPTY: Lc<'static> = Lc {
        borrowed: "",
        buf: [0; 20],
        len: 0,
    };

    /// The lower-cased word.
    pub fn as_str(&self) -> &str {
        if self.len == 0 {
            self.borrowed
        } else {
            std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or("")
        }
    }
}

/// The tokens of one text, with helpers that never index out of range.
pub struct Tokens<'a> {
    /// The text the tokens point into.
    pub text: &'a str,
    /// The tokens in order.
    pub toks: Vec<Tok>,
}

/// Cuts `text` into tokens.
pub fn tokenize(text: &str) -> Tokens<'_> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4 + 4);
    let mut i = 0;
    let mut space = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            let start = i;
            let kind = if b.is_ascii_digit() {
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                TokKind::Num
            } else if b.is_ascii_alphabetic() {
                i = word_end(text, i);
                TokKind::Word
            } else {
                i += 1;
                TokKind::Punct
            };
            toks.push(Tok {
                start,
                end: i,
                kind,
                space_before: space,
            });
            space = false;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind = if c.is_alphabetic() {
            i = word_end(text, i);
            TokKind::Word
        } else {
            i += c.len_utf8();
            TokKind::Punct
        };
        toks.push(Tok {
            start,
            end: i,
            kind,
            space_before: space,
        });
        space = false;
    }
    Tokens { text, toks }
}

fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b >= 0x80 {
            match text[i..].chars().next() {
                Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

impl<'a> Tokens<'a> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The kind of token `i`, `None` past the end.
    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The text of token `i` ("" past the end).
    pub fn s(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    /// First byte of token `i` (text length past the end).
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.start)
    }

    /// One past the last byte of token `i` (text length past the end).
    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.end)
    }

    /// Whether token `i` is a word.
    pub fn is_word_tok(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    /// Whether token `i` is a digit run.
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Num)
    }

    /// Whether token `i` is the word `w` (ASCII case-insensitive).
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Word && t.end - t.start == w.len() => self
                .text
                .as_bytes()
                .get(t.start..t.end)
                .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes())),
            _ => false,
        }
    }

    /// Whether token `i` is one of the words `ws`.
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Word => {
                let Some(b) = self.text.as_bytes().get(t.start..t.end) else {
                    return false;
                };
                ws.iter()
                    .any(|w| w.len() == b.len() && b.eq_ignore_ascii_case(w.as_bytes()))
            }
            _ => false,
        }
    }

    /// The punctuation character of token `i`.
    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Punct => {
                let b = *self.text.as_bytes().get(t.start)?;
                if b < 0x80 {
                    Some(char::from(b))
                } else {
                    self.s(i).chars().next()
                }
            }
            _ => None,
        }
    }

    /// Whether token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    /// Whether token `i` is a dash or hyphen of any kind.
    pub fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—' | '‐' | '‑' | '‒' | '−'))
    }

    /// Whether token `i` is a hyphen that joins words (not an en or em dash).
    pub fn is_hyphen(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '‐' | '‑'))
    }

    /// Whether token `i` exists and touches the previous token (no space between).
    pub fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// Whether token `i` starts with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word_tok(i) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i` lower-cased, or empty when it is not a short ASCII word.
    pub fn lc(&self, i: usize) -> Lc<'a> {
        if !self.is_word_tok(i) {
            return Lc::EMPTY;
        }
        let word = self.s(i);
        let s = word.as_bytes();
        if s.len() > 20 {
            return Lc::EMPTY;
        }
        if s.iter().all(u8::is_ascii_lowercase) {
            return Lc {
                borrowed: word,
                buf: [0; 20],
                len: 0,
            };
        }
        if !s.is_ascii() {
            return Lc::EMPTY;
        }
        let mut buf = [0u8; 20];
        for (d, b) in buf.iter_mut().zip(s) {
            *d = b.to_ascii_lowercase();
        }
        Lc {
            borrowed: "",
            buf,
            len: s.len() as u8,
        }
    }

    /// The integer of a digit run of at most 15 digits.
    pub fn int(&self, i: usize) -> Option<u64> {
        if !self.is_num(i) {
            return None;
        }
        let s = self.s(i);
        if s.len() > 15 {
            return None;
        }
        s.parse().ok()
    }

    /// Number of digits of a digit-run token (0 for other tokens).
    pub fn ndigits(&self, i: usize) -> usize {
        if self.is_num(i) {
            self.s(i).len()
        } else {
            0
        }
    }

    /// The text between the end of token `a` and the start of token `b`.
    pub fn gap(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = (self.end(a), self.start(b));
        if s <= e {
            self.text.get(s..e).unwrap_or("")
        } else {
            ""
        }
    }

    /// Whether token `i` ends a sentence or clause (., !, ?, ;, :) or is past the end.
    pub fn is_boundary(&self, i: usize) -> bool {
        i >= self.len() || matches!(self.punct(i), Some('.' | '!' | '?' | ';' | ':'))
    }

    /// Whether token `i` begins a sentence: first token, or after . ! ? or a line break.
    pub fn sentence_start(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        if matches!(self.punct(i - 1), Some('.' | '!' | '?' | '"' | '“' | '”'))
            && !self.is_word_tok(i.saturating_sub(2))
            || matches!(self.punct(i - 1), Some('!' | '?'))
        {
            return true;
        }
        if self.is_punct(i - 1, '.') && self.toks.get(i).is_some_and(|t| t.space_before) {
            return true;
        }
        self.gap(i - 1, i).contains('\n')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_words_digits_and_punctuation() {
        let t = tokenize("US$14.3bil, Zuckerberg’s 28-year-old");
        let parts: Vec<&str> = (0..t.len()).map(|i| t.s(i)).collect();
        assert_eq!(
            parts,
            [
                "US",
                "$",
                "14",
                ".",
                "3",
                "bil",
                ",",
                "Zuckerberg",
                "’",
                "s",
                "28",
                "-",
                "year",
                "-",
                "old"
            ]
        );
        assert!(t.attached(1) && !t.attached(7));
    }

    #[test]
    fn non_breaking_space_is_space() {
        let t = tokenize("14\u{a0}billion");
        assert_eq!(t.len(), 2);
        assert!(!t.attached(1));
    }

    #[test]
    fn lower_cases_short_ascii_words_only() {
        let t = tokenize("Billion Ünïcode");
        assert_eq!(t.lc(0).as_str(), "billion");
        assert_eq!(t.lc(1).as_str(), "");
    }
}
