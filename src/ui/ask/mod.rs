//! `/ask`: ask your documents. The documents panel (add files or a pasted text, follow their
//! indexing, remove them) beside the questions (a chat-like box, the answers streamed with
//! their citations, the passages found).
//!
//! The server renders the page's frame — panels, labels, the empty answers — in the person's
//! language; the documents, the answer models and every answer are fetched by the browser
//! once the page runs there, over the same JSON API scripts use (`upload`).
//!
//! - [`library`]: the documents' rows and the work that moves them along; [`documents`]: the
//!   panel, with [`paste`] (a pasted text) and [`row`] (a document's row).
//! - [`asking`]: the questions' state; [`question`]: the box; [`answer`]: the answers;
//!   [`citation`]: the passages, with the question's words marked.

mod answer;
mod asking;
mod citation;
mod documents;
mod library;
mod paste;
mod question;
mod row;
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod upload;

use leptos::prelude::*;
use leptos_meta::Title;

use super::prefs::use_prefs;
use answer::Answers;
use asking::Asker;
use documents::DocumentsPanel;
use library::Library;
use question::QuestionBox;

#[component]
pub fn AskPage() -> impl IntoView {
    let prefs = use_prefs();
    let library = Library::new(prefs);
    let asker = Asker::new(prefs);
    provide_context(asker);
    // Effects run only in the browser, once the page is hydrated: the server renders the
    // panels empty, with their labels.
    Effect::new(move || library.load());
    asker.load_models();
    view! {
        <Title text=move || format!("{} — Precis", prefs.t().ask.page_title)/>
        <main id="main" class="ask-page">
            <div class="ask-intro">
                <h2 class="page-title">{prefs.text(|t| t.ask.page_title)}</h2>
                <p class="hint">{prefs.text(|t| t.ask.intro)}</p>
            </div>
            <div class="ask-layout">
                <DocumentsPanel library/>
                <section class="card ask-questions" aria-labelledby="ask-title">
                    <h2 id="ask-title">{prefs.text(|t| t.ask.ask_title)}</h2>
                    <Answers/>
                    <QuestionBox/>
                </section>
            </div>
        </main>
    }
}
