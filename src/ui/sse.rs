//! Server-Sent Events, as the page reads a streamed summary: bytes in, the `data` of each
//! complete event out. Plain Rust (no browser API), so it is tested like the rest.
//!
//! Follows the SSE format: lines end in `\n` (or `\r\n`), a blank line ends an event, `data:`
//! lines of one event are joined with `\n`, lines starting with `:` are comments (keep-alives),
//! other fields (`event:`, `id:`, `retry:`) are ignored.

#[derive(Debug, Default)]
pub struct SseParser {
    /// Bytes of the line being received (split on `\n` only, so UTF-8 is never cut).
    line: Vec<u8>,
    /// `data` of the event being received, when it has any.
    data: Option<String>,
}

impl SseParser {
    /// Feeds a chunk of the response body; returns the data of every event it completed.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        for &byte in chunk {
            if byte == b'\n' {
                let line = std::mem::take(&mut self.line);
                self.line_done(&line, &mut out);
            } else {
                self.line.push(byte);
            }
        }
        out
    }

    /// The body ended: an event not closed by a blank line is still delivered.
    pub fn finish(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        let line = std::mem::take(&mut self.line);
        if !line.is_empty() {
            self.line_done(&line, &mut out);
        }
        out.extend(self.data.take());
        out
    }

    fn line_done(&mut self, line: &[u8], out: &mut Vec<String>) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            out.extend(self.data.take());
            return;
        }
        let Some(value) = line.strip_prefix(b"data") else {
            return; // a comment (":…") or a field the page does not use
        };
        let value = match value {
            [] => &[][..],
            [b':', b' ', rest @ ..] | [b':', rest @ ..] => rest,
            _ => return, // "database: …" is not a data line
        };
        let value = String::from_utf8_lossy(value);
        match &mut self.data {
            Some(data) => {
                data.push('\n');
                data.push_str(&value);
            }
            None => self.data = Some(value.into_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_event_per_blank_line() {
        let mut p = SseParser::default();
        let out = p.push(b"data: {\"a\":1}\n\ndata: {\"b\":2}\n\n");
        assert_eq!(out, vec![r#"{"a":1}"#, r#"{"b":2}"#]);
        assert!(p.finish().is_empty());
    }

    #[test]
    fn events_split_across_chunks_and_inside_utf8() {
        let body = "data: {\"text\":\"Précis — été\"}\n\n".as_bytes();
        let mut p = SseParser::default();
        let mut out = Vec::new();
        for chunk in body.chunks(3) {
            out.extend(p.push(chunk));
        }
        assert_eq!(out, vec![r#"{"text":"Précis — été"}"#]);
    }

    #[test]
    fn comments_other_fields_and_crlf_are_handled() {
        let mut p = SseParser::default();
        let out = p.push(b": keep-alive\n\nevent: x\r\nid: 4\r\ndata:no-space\r\n\r\n");
        assert_eq!(out, vec!["no-space"]);
        assert!(p.push(b"database: nope\n\n").is_empty());
    }

    #[test]
    fn data_lines_of_one_event_are_joined() {
        let mut p = SseParser::default();
        assert_eq!(p.push(b"data: a\ndata: b\n\n"), vec!["a\nb"]);
    }

    #[test]
    fn an_unterminated_last_event_is_delivered_at_the_end() {
        let mut p = SseParser::default();
        assert!(p.push(b"data: last").is_empty());
        assert_eq!(p.finish(), vec!["last"]);
    }
}
