//! How server functions' answers travel: JSON, as with server_fn's own `Json`, but read in the
//! browser from text (`serde_json::from_str`) rather than from bytes.
//!
//! Why: the page also reads JSON from text everywhere else (the server's serialized resources,
//! the summary stream, the REST API's answers), and `serde_json` compiles a separate reader for
//! each type and each source. Reading every answer from text spares the browser bundle a second
//! copy of every answer type's reader (README, "Delivery: first load"). Same bytes on the wire.

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::{de::DeserializeOwned, Serialize};

/// JSON, read from text.
pub struct JsonText;

/// A server function's answer in [`JsonText`]: `#[server(…, output = JsonAnswer)]`.
pub type JsonAnswer = Post<JsonText>;

impl ContentType for JsonText {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonText {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonText {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(output).map(Into::into)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonText {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        // Not UTF-8, so not JSON (and not from Precis). Not read as bytes instead: that would
        // bring the second reader back.
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| serde::de::Error::custom("the answer is not UTF-8 text"))?;
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::errors::{ErrorCode, ErrorResponse, PublicError};

    #[test]
    fn an_answer_is_read_back_as_written() {
        let sent = ErrorResponse::from(PublicError::new(ErrorCode::RateLimited, "Slow down — «é»"));
        let bytes = <JsonText as Encodes<ErrorResponse>>::encode(&sent).unwrap();
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()["error"]["code"],
            "rate_limited"
        );
        let read: ErrorResponse = <JsonText as Decodes<ErrorResponse>>::decode(bytes).unwrap();
        assert_eq!(read, sent);
    }

    #[test]
    fn an_answer_that_is_not_text_is_refused() {
        let not_text = Bytes::from_static(b"\"\xff\xfe\"");
        let e = <JsonText as Decodes<String>>::decode(not_text).unwrap_err();
        assert!(e.to_string().contains("not UTF-8"), "{e}");
        let not_json = Bytes::from_static(b"<html>");
        assert!(<JsonText as Decodes<String>>::decode(not_json).is_err());
    }
}
