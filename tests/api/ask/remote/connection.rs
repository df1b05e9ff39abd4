//! An answer server on a bare socket, to break the connection mid-answer or to see the app
//! hang up on it when the person cancels.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use super::{ask_stream, chunk, expect_server_error, question, server_app_at};
use crate::ask::HANDBOOK;
use crate::helpers::next_event;

/// An answer server on a bare socket: it reads the request, streams `first` as one chunk of a
/// chunked event stream, then, if `hang`, a chunk every 100 ms until its peer goes away
/// (`gone` fires then), else closes the connection mid-answer.
async fn raw_server(hang: bool) -> (String, oneshot::Receiver<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v1", listener.local_addr().unwrap());
    let (gone, rx) = oneshot::channel();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        read_request(&mut socket).await;
        let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\
                    transfer-encoding: chunked\r\n\r\n";
        socket.write_all(head.as_bytes()).await.unwrap();
        let send = |text: String| format!("{:x}\r\n{text}\r\n", text.len());
        let first = send(chunk("You get 25 days"));
        socket.write_all(first.as_bytes()).await.unwrap();
        let mut sent = 1;
        if hang {
            // until the app hangs up (or 30 s)
            while sent < 300 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                let more = send(chunk(" and more"));
                if socket.write_all(more.as_bytes()).await.is_err() {
                    break;
                }
                sent += 1;
            }
        }
        drop(socket); // no last chunk: the answer breaks off
        let _ = gone.send(sent);
    });
    (url, rx)
}

/// Reads one request (its head, then its `content-length` of body).
async fn read_request(socket: &mut tokio::net::TcpStream) {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = socket.read(&mut buf).await.unwrap();
        assert!(n > 0, "the app sent a whole request");
        seen.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&seen).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let length: usize = text[..end]
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse().ok())?
                })
                .unwrap_or(0);
            if seen.len() >= end + 4 + length {
                return;
            }
        }
    }
}

#[tokio::test]
async fn a_connection_broken_mid_answer_is_told_so() {
    let (url, _gone) = raw_server(false).await;
    let app = server_app_at(&url, &[]).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let error = expect_server_error(user.ask(question()).await, 502, "upstream_error").await;
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("stopped in the middle of the answer"),
        "{error}"
    );
}

#[tokio::test]
async fn closing_the_stream_hangs_up_on_the_answer_server() {
    let (url, gone) = raw_server(true).await;
    let app = server_app_at(&url, &[]).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let mut res = ask_stream(&user).await;
    assert_eq!(res.status(), 200);
    let mut buffer = String::new();
    loop {
        let event = next_event(&mut res, &mut buffer).await.expect("an event");
        if event["type"] == "token" {
            break;
        }
        assert_ne!(event["type"], "error", "{event}");
    }
    drop(res); // the person pressed Cancel
    let sent = tokio::time::timeout(Duration::from_secs(10), gone)
        .await
        .expect("the app hung up on the answer server")
        .unwrap();
    assert!(sent < 100, "{sent} chunks were sent before the app hung up");
}
