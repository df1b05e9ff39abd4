//! History you can manage: search, filters, keyset pages, export, and that one person's rows
//! never reach another.

use std::collections::HashSet;

use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{expect_error, spawn_app, TestApp, User};

const BART: &str = "facebook/bart-large-cnn";
const DISTILBART: &str = "sshleifer/distilbart-cnn-12-6";

/// Summarizes `text` with `model`, the mock answering `summary` to this one request.
async fn summarize_as(app: &TestApp, user: &User, model: &str, text: &str, summary: &str) -> i64 {
    Mock::given(method("POST"))
        .and(path(format!("/models/{model}")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!([{ "summary_text": summary }])),
        )
        .with_priority(1)
        .up_to_n_times(1)
        .mount(&app.hf)
        .await;
    user.summarize_id(json!({"text": text, "model": model}))
        .await
}

/// `GET /api/v1/summaries` with `query`.
async fn list_with(user: &User, query: &[(&str, &str)]) -> reqwest::Response {
    user.send(
        user.http
            .get(format!("{}/api/v1/summaries", user.base))
            .query(query),
    )
    .await
}

/// The ids a successful list returns, and its `next_before`.
async fn ids_of(user: &User, query: &[(&str, &str)]) -> (Vec<i64>, Option<i64>) {
    let res = list_with(user, query).await;
    assert_eq!(res.status(), 200, "list {query:?}");
    let page: Value = res.json().await.expect("json");
    let ids = page["summaries"]
        .as_array()
        .expect("summaries")
        .iter()
        .map(|s| s["id"].as_i64().expect("id"))
        .collect();
    (ids, page["next_before"].as_i64())
}

async fn export(user: &User, query: &[(&str, &str)]) -> reqwest::Response {
    user.send(
        user.http
            .get(format!("{}/api/v1/summaries/export", user.base))
            .query(query),
    )
    .await
}

/// The model filter's choices, from the page's server function.
async fn models_of(user: &User) -> Vec<String> {
    let res = user
        .send(
            user.http
                .post(format!("{}/api/ui/history/models", user.base))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(""),
        )
        .await;
    assert_eq!(res.status(), 200);
    res.json().await.expect("a list of models")
}

/// Today's date, UTC, as the export's file name writes it.
fn today() -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_millis() as i64;
    precis::domain::date::Date::from_unix_ms(ms).to_string()
}

async fn set_created_at(app: &TestApp, id: i64, ms: i64) {
    let db = app.db().await;
    let done = sqlx::query("UPDATE summaries SET created_at = ? WHERE id = ?")
        .bind(ms)
        .bind(id)
        .execute(&db)
        .await
        .expect("update");
    assert_eq!(done.rows_affected(), 1);
}

/// The page's server function, with its arguments form-encoded as the browser sends them.
async fn list_from_page(user: &User, form: &str) -> reqwest::Response {
    user.send(
        user.http
            .post(format!("{}/api/ui/history", user.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form.to_string()),
    )
    .await
}

#[tokio::test]
async fn the_page_lists_with_no_filter_set_and_with_some() {
    let app = spawn_app().await;
    let user = app.user();
    let id = summarize_as(
        &app,
        &user,
        BART,
        "Swifts nest under the station roof.",
        "Swifts.",
    )
    .await;
    // no filter set: the browser sends no field at all
    let res = list_from_page(&user, "").await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    assert_eq!(page["summaries"][0]["id"], id);
    assert_eq!(page["next_before"], Value::Null);
    let res = list_from_page(&user, "params[q]=swift&params[limit]=5").await;
    let page: Value = res.json().await.unwrap();
    assert_eq!(page["summaries"][0]["id"], id, "{page}");
    let res = list_from_page(&user, "params[q]=owls").await;
    let page: Value = res.json().await.unwrap();
    assert_eq!(page["summaries"], json!([]));
    // checked on the server too
    let res = list_from_page(&user, "params[from]=2026-02-30").await;
    let error = expect_error(res, 400, "invalid_query").await;
    assert_eq!(error["field"], "from");
}

#[tokio::test]
async fn the_server_renders_the_history_panel_with_its_filters() {
    let app = spawn_app().await;
    let user = app.user();
    summarize_as(
        &app,
        &user,
        BART,
        "Herons fish at the weir every morning.",
        "Herons.",
    )
    .await;
    let res = user.send(user.http.get(format!("{}/", user.base))).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    for expected in [
        "Search history",
        "Model used",
        "All models",
        ">From<",
        ">To<",
        "/api/v1/summaries/export?format=json",
        "/api/v1/summaries/export?format=markdown",
        "Herons fish at the weir every morning",
        "1 summary",
    ] {
        assert!(html.contains(expected), "the page lacks {expected}");
    }
}

#[tokio::test]
async fn search_finds_words_in_texts_and_in_summaries_accents_and_case_aside() {
    let app = spawn_app().await;
    let user = app.user();
    let tram = summarize_as(
        &app,
        &user,
        BART,
        "The Lisbon tram network expanded with two new lines this year.",
        "Trams grow.",
    )
    .await;
    let rain = summarize_as(
        &app,
        &user,
        BART,
        "Rainfall in the northern hills was the highest in a decade.",
        "A wet résumé of the season.",
    )
    .await;
    let cafe = summarize_as(
        &app,
        &user,
        BART,
        "Le CAFÉ de São Tomé ouvre à sept heures.",
        "Horaires du café.",
    )
    .await;

    // in the text only, in the summary only
    assert_eq!(ids_of(&user, &[("q", "lisbon")]).await.0, vec![tram]);
    assert_eq!(ids_of(&user, &[("q", "season")]).await.0, vec![rain]);
    // accents and case folded both ways
    assert_eq!(ids_of(&user, &[("q", "resume")]).await.0, vec![rain]);
    assert_eq!(ids_of(&user, &[("q", "RÉSUMÉ")]).await.0, vec![rain]);
    assert_eq!(ids_of(&user, &[("q", "sao tome cafe")]).await.0, vec![cafe]);
    assert_eq!(ids_of(&user, &[("q", "Café")]).await.0, vec![cafe]);
    // every word must match; the last may be the start of a word
    assert_eq!(ids_of(&user, &[("q", "tram lin")]).await.0, vec![tram]);
    assert_eq!(
        ids_of(&user, &[("q", "lisbon rainfall")]).await.0,
        Vec::<i64>::new()
    );
    // FTS5 operators and punctuation are words, never syntax
    assert_eq!(
        ids_of(&user, &[("q", "lisbon OR rainfall")]).await.0,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids_of(&user, &[("q", "-rain")]).await.0,
        vec![rain],
        "'-' is not NOT"
    );
    for q in [
        "\"",
        "*",
        "NEAR(",
        "lisbon AND",
        "a\"b",
        "(",
        "^",
        "col:x",
        "\u{0}",
        "東京",
    ] {
        let res = list_with(&user, &[("q", q)]).await;
        assert_eq!(res.status(), 200, "q={q:?} is searched, not parsed");
    }
    // punctuation alone does not narrow the list
    assert_eq!(ids_of(&user, &[("q", "*")]).await.0.len(), 3);

    // the list shows where the words matched
    let page: Value = list_with(&user, &[("q", "season")])
        .await
        .json()
        .await
        .unwrap();
    let snippet = page["summaries"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("season"), "{snippet}");
    assert_eq!(
        page["summaries"][0]["title"],
        "Rainfall in the northern hills was the highest…"
    );
}

#[tokio::test]
async fn filters_by_model_and_inclusive_date_range() {
    let app = spawn_app().await;
    let user = app.user();
    let jan = summarize_as(
        &app,
        &user,
        BART,
        "January report on harbour traffic.",
        "Jan.",
    )
    .await;
    let feb = summarize_as(
        &app,
        &user,
        DISTILBART,
        "February report on harbour traffic.",
        "Feb.",
    )
    .await;
    let mar = summarize_as(
        &app,
        &user,
        BART,
        "March report on harbour traffic.",
        "Mar.",
    )
    .await;
    user.list().await; // the records are committed
    let day = |s: &str| precis::domain::date::Date::parse(s).unwrap();
    set_created_at(&app, jan, day("2026-01-10").start_ms()).await;
    // the last millisecond of 15 February
    set_created_at(&app, feb, day("2026-02-15").end_ms() - 1).await;
    set_created_at(&app, mar, day("2026-03-20").start_ms()).await;

    assert_eq!(ids_of(&user, &[("model", BART)]).await.0, vec![mar, jan]);
    assert_eq!(ids_of(&user, &[("model", DISTILBART)]).await.0, vec![feb]);
    assert_eq!(
        ids_of(&user, &[("model", "other/model")]).await.0,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids_of(&user, &[("from", "2026-02-01")]).await.0,
        vec![mar, feb]
    );
    assert_eq!(
        ids_of(&user, &[("to", "2026-02-15")]).await.0,
        vec![feb, jan],
        "to is inclusive"
    );
    assert_eq!(ids_of(&user, &[("to", "2026-02-14")]).await.0, vec![jan]);
    assert_eq!(
        ids_of(&user, &[("from", "2026-02-15"), ("to", "2026-02-15")])
            .await
            .0,
        vec![feb]
    );
    assert_eq!(
        ids_of(&user, &[("from", "2026-03-21")]).await.0,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids_of(&user, &[("model", BART), ("from", "2026-01-11")])
            .await
            .0,
        vec![mar]
    );
    assert_eq!(
        ids_of(
            &user,
            &[("q", "harbour"), ("model", BART), ("to", "2026-01-31")]
        )
        .await
        .0,
        vec![jan]
    );
    assert_eq!(
        models_of(&user).await,
        vec![BART.to_string(), DISTILBART.to_string()]
    );
}

#[tokio::test]
async fn pages_follow_the_cursor_without_duplicates_or_gaps() {
    let app = spawn_app().await;
    app.hf_answers("Same summary.").await;
    let user = app.user();
    let mut all = Vec::new();
    for i in 0..20 {
        let marker = if i % 2 == 0 { "even" } else { "odd" };
        let text = format!("Report number {i} on the {marker} shelf of the archive.");
        all.push(user.summarize_id(json!({ "text": text })).await);
    }
    all.reverse(); // newest first

    // 20 items in pages of 5: exactly 4 pages, the last one says there is no next page
    let mut seen = Vec::new();
    let mut before: Option<i64> = None;
    let mut pages = 0;
    loop {
        let cursor = before.map(|b| b.to_string());
        let mut query = vec![("limit", "5")];
        if let Some(c) = &cursor {
            query.push(("before", c.as_str()));
        }
        let (ids, next) = ids_of(&user, &query).await;
        pages += 1;
        assert!(ids.len() <= 5);
        seen.extend(ids);
        match next {
            Some(n) => before = Some(n),
            None => break,
        }
        assert!(pages < 10, "the cursor must end");
    }
    assert_eq!(pages, 4);
    assert_eq!(seen, all, "every summary once, newest first");

    // a search pages the same way, alone (the index of words drives) or with a filter (the
    // filter's index drives)
    let expected: Vec<i64> = all.iter().copied().step_by(2).collect();
    for filter in [None, Some(("to", "9999-12-31")), Some(("model", BART))] {
        let mut odd = Vec::new();
        let mut next: Option<i64> = None;
        loop {
            let cursor = next.map(|n| n.to_string());
            let mut query = vec![("q", "odd"), ("limit", "3")];
            query.extend(filter);
            if let Some(c) = &cursor {
                query.push(("before", c.as_str()));
            }
            let (ids, more) = ids_of(&user, &query).await;
            odd.extend(ids);
            next = more;
            if next.is_none() {
                break;
            }
            assert!(odd.len() <= 10, "the cursor must end");
        }
        assert_eq!(
            odd, expected,
            "odd reports were made second, fourth…: newest first ({filter:?})"
        );
    }

    // deleting around the cursor shifts nothing: the next page starts right after the cursor
    let (first, next) = ids_of(&user, &[("limit", "5")]).await;
    let next = next.expect("more pages");
    assert_eq!(user.delete(all[5]).await.status(), 204);
    assert_eq!(user.delete(first[0]).await.status(), 204);
    let (second, _) = ids_of(&user, &[("limit", "5"), ("before", &next.to_string())]).await;
    assert_eq!(second, all[6..11].to_vec());
}

#[tokio::test]
async fn bad_query_parameters_are_400_with_a_sentence_naming_the_parameter() {
    let app = spawn_app().await;
    let user = app.user();
    let long = "word ".repeat(60);
    let long_model = "m".repeat(300);
    // (query, the parameter named in `field`, words the sentence must hold)
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: [Case; 9] = [
        (&[("from", "2026-02-30")], "from", "YYYY-MM-DD"),
        (&[("to", "yesterday")], "to", "YYYY-MM-DD"),
        (
            &[("from", "2026-03-01"), ("to", "2026-01-01")],
            "from",
            "after the To date",
        ),
        (&[("before", "abc")], "before", "next_before"),
        (&[("before", "0")], "before", "next_before"),
        (&[("limit", "0")], "limit", "1 to 200"),
        (&[("limit", "500")], "limit", "1 to 200"),
        (&[("q", long.as_str())], "q", "characters"),
        (&[("model", long_model.as_str())], "model", "model id"),
    ];
    for (query, field, words) in cases {
        let error = expect_error(list_with(&user, query).await, 400, "invalid_query").await;
        assert_eq!(error["field"], field, "{query:?}");
        let message = error["message"].as_str().unwrap();
        assert!(message.contains(words), "{query:?}: {message}");
    }
    // an unknown parameter is named, with the ones the route takes
    let error = expect_error(
        list_with(&user, &[("query", "x")]).await,
        400,
        "invalid_query",
    )
    .await;
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("query") && message.contains("before and limit"),
        "{message}"
    );
    // the export checks the same filters, and its format
    let error = expect_error(
        export(&user, &[("format", "pdf")]).await,
        400,
        "invalid_query",
    )
    .await;
    assert_eq!(error["field"], "format");
    let error = expect_error(
        export(&user, &[("to", "2026-13-01")]).await,
        400,
        "invalid_query",
    )
    .await;
    assert_eq!(error["field"], "to");
    let error = expect_error(export(&user, &[("limit", "5")]).await, 400, "invalid_query").await;
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("format (json or markdown)"));
}

#[tokio::test]
async fn json_export_is_the_list_in_full_across_chunks() {
    let app = spawn_app().await;
    let user = app.user();
    let first = summarize_as(
        &app,
        &user,
        BART,
        "The first text, about a garden.",
        "Garden.",
    )
    .await;
    user.list().await;
    // 300 more, straight into the database: more than two of the export's chunks
    let db = app.db().await;
    let owner: String = sqlx::query_scalar("SELECT user_id FROM summaries WHERE id = ?")
        .bind(first)
        .fetch_one(&db)
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    for i in 0..300 {
        let model = if i % 3 == 0 { DISTILBART } else { BART };
        sqlx::query(
            "INSERT INTO summaries (user_id, created_at, completed_at, latency_ms, model, provider, \
             input_text, parameters, outcome, summary) \
             VALUES (?, ?, ?, 5, ?, 'huggingface', ?, '{}', 'ok', ?)",
        )
        .bind(&owner)
        .bind(1_790_000_000_000_i64 + i)
        .bind(1_790_000_000_005_i64 + i)
        .bind(model)
        .bind(format!("Text number {i} about the orchard."))
        .bind(format!("Summary {i}."))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();

    let res = export(&user, &[("format", "json")]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json");
    assert_eq!(
        res.headers()["content-disposition"],
        format!("attachment; filename=\"precis-history-{}.json\"", today()).as_str()
    );
    let exported: Value = res.json().await.expect("the export parses as JSON");
    let exported = exported["summaries"].as_array().unwrap();
    let exported_ids: Vec<i64> = exported.iter().map(|s| s["id"].as_i64().unwrap()).collect();

    let mut listed = Vec::new();
    let mut before: Option<String> = None;
    for page in 0.. {
        assert!(page < 5, "the cursor must end");
        let mut query = vec![("limit", "200")];
        if let Some(b) = &before {
            query.push(("before", b.as_str()));
        }
        let (ids, next) = ids_of(&user, &query).await;
        listed.extend(ids);
        match next {
            Some(n) => before = Some(n.to_string()),
            None => break,
        }
    }
    assert_eq!(listed.len(), 301);
    assert_eq!(
        exported_ids, listed,
        "the export is the list, in the same order"
    );
    let unique: HashSet<_> = exported_ids.iter().collect();
    assert_eq!(unique.len(), 301);
    // each item is the whole summary, as GET /api/v1/summaries/{id} returns it
    let last = exported.last().unwrap();
    assert_eq!(last["id"], first);
    assert_eq!(last["text"], "The first text, about a garden.");
    assert_eq!(last["summary"], "Garden.");
    let one: Value = user.get(first).await.json().await.unwrap();
    assert_eq!(last, &one);

    // filters apply to the export as to the list
    let res = export(&user, &[("q", "garden")]).await;
    let filtered: Value = res.json().await.unwrap();
    assert_eq!(filtered["summaries"].as_array().unwrap().len(), 1);
    let res = export(&user, &[("model", DISTILBART)]).await;
    let filtered: Value = res.json().await.unwrap();
    assert_eq!(filtered["summaries"].as_array().unwrap().len(), 100);
}

#[tokio::test]
async fn markdown_export_is_a_readable_document() {
    let app = spawn_app().await;
    let user = app.user();
    summarize_as(
        &app,
        &user,
        BART,
        "Bees returned to the valley in May.",
        "The bees are back.",
    )
    .await;
    summarize_as(
        &app,
        &user,
        DISTILBART,
        "Wolves were seen near the pass.",
        "Wolves sighted.",
    )
    .await;

    let res = export(&user, &[("format", "markdown")]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "text/markdown; charset=utf-8"
    );
    assert_eq!(
        res.headers()["content-disposition"],
        format!("attachment; filename=\"precis-history-{}.md\"", today()).as_str()
    );
    let doc = res.text().await.unwrap();
    assert!(doc.starts_with("# Precis history\n"), "{doc}");
    let headings: Vec<&str> = doc.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), 2, "{doc}");
    assert!(
        headings[0].contains(DISTILBART) && headings[0].contains(" UTC"),
        "newest first: {doc}"
    );
    assert!(headings[1].contains(BART), "{doc}");
    for expected in [
        "The bees are back.",
        "Wolves sighted.",
        "> Bees returned to the valley in May.",
        "> Wolves were seen near the pass.",
    ] {
        assert!(doc.contains(expected), "{expected} in {doc}");
    }

    let res = export(&user, &[("format", "markdown"), ("q", "bees")]).await;
    let doc = res.text().await.unwrap();
    assert!(
        doc.contains("The bees are back.") && !doc.contains("Wolves"),
        "{doc}"
    );
    assert!(
        doc.contains("search “bees”"),
        "the document says what it holds: {doc}"
    );

    let empty = export(&user, &[("format", "markdown"), ("q", "nothingmatches")]).await;
    assert!(empty.text().await.unwrap().contains("No summaries."));
}

#[tokio::test]
async fn another_persons_rows_never_appear_in_list_search_export_get_or_delete() {
    let app = spawn_app().await;
    let (a, b) = (app.user(), app.user());
    let a_id = summarize_as(
        &app,
        &a,
        DISTILBART,
        "Alice wrote about the harbour lights.",
        "Harbour lights.",
    )
    .await;
    let b_id = summarize_as(
        &app,
        &b,
        BART,
        "Bob wrote about the harbour cranes.",
        "Harbour cranes.",
    )
    .await;

    for (me, mine, theirs) in [(&a, a_id, b_id), (&b, b_id, a_id)] {
        assert_eq!(ids_of(me, &[]).await.0, vec![mine]);
        assert_eq!(ids_of(me, &[("q", "harbour")]).await.0, vec![mine]);
        let other_word = if mine == a_id { "cranes" } else { "lights" };
        assert_eq!(ids_of(me, &[("q", other_word)]).await.0, Vec::<i64>::new());
        // a cursor above the other person's id still only reaches one's own
        let above = (theirs.max(mine) + 1).to_string();
        assert_eq!(ids_of(me, &[("before", &above)]).await.0, vec![mine]);

        let json: Value = export(me, &[]).await.json().await.unwrap();
        let ids: Vec<i64> = json["summaries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, vec![mine]);
        let md = export(me, &[("format", "markdown")])
            .await
            .text()
            .await
            .unwrap();
        assert!(!md.contains(other_word), "{md}");

        expect_error(me.get(theirs).await, 404, "not_found").await;
        expect_error(me.delete(theirs).await, 404, "not_found").await;
    }
    assert_eq!(models_of(&a).await, vec![DISTILBART.to_string()]);
    assert_eq!(models_of(&b).await, vec![BART.to_string()]);

    // B clears everything of B's; A keeps A's, still searchable
    let res = b
        .send(b.http.delete(format!("{}/api/v1/summaries", app.address)))
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(ids_of(&b, &[("q", "harbour")]).await.0, Vec::<i64>::new());
    assert_eq!(ids_of(&a, &[("q", "harbour")]).await.0, vec![a_id]);
    assert_eq!(a.get(a_id).await.status(), 200);
}

#[tokio::test]
async fn deleted_and_cleared_summaries_leave_the_search_index() {
    let app = spawn_app().await;
    let user = app.user();
    let one = summarize_as(
        &app,
        &user,
        BART,
        "Glaciers retreat in the Alps.",
        "Ice loss.",
    )
    .await;
    let two = summarize_as(
        &app,
        &user,
        BART,
        "Glaciers advance in Norway.",
        "Ice gain.",
    )
    .await;
    assert_eq!(ids_of(&user, &[("q", "glaciers")]).await.0, vec![two, one]);
    assert_eq!(user.delete(one).await.status(), 204);
    assert_eq!(ids_of(&user, &[("q", "glaciers")]).await.0, vec![two]);
    // the index holds exactly the successful rows left
    let db = app.db().await;
    let indexed: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM summaries_fts WHERE summaries_fts MATCH '\"glaciers\"'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(indexed, 1);
    let ok = sqlx::query(
        "INSERT INTO summaries_fts (summaries_fts, rank) VALUES ('integrity-check', 1)",
    )
    .execute(&db)
    .await;
    assert!(ok.is_ok(), "the index matches its content: {ok:?}");
    let res = user
        .send(
            user.http
                .delete(format!("{}/api/v1/summaries", app.address)),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(
        ids_of(&user, &[("q", "glaciers")]).await.0,
        Vec::<i64>::new()
    );
}
