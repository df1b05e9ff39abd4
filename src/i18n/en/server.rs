//! English: the server's answers and model descriptions (the API's original wording).

use crate::i18n::ServerTexts;

pub(in crate::i18n) const SERVER: ServerTexts = ServerTexts {
    bad_body: |detail| {
        format!(
            "The request could not be read: {detail}. The API page (/api/docs) shows what each \
             route expects."
        )
    },
    bad_query: |detail, expected| {
        format!("The query string could not be read: {detail}. This address takes {expected}.")
    },
    rate_limited: |burst, per_minute, retry_after| {
        format!(
            "You're going fast: Precis takes {burst} summaries in a row and {per_minute} a minute \
             from each person. Try again in {retry_after} s."
        )
    },
    summary_not_found: "That summary doesn't exist or has been deleted.",
    cross_origin: "Precis refused this request because it came from another website. If you \
                   were using Precis, reload its page and try again.",
    internal: "Something went wrong inside Precis. Try again; if it keeps happening, tell the \
               operator.",

    wrong_credentials: "The email or the password is wrong. Check both and try again.",
    email_taken: "An account with that email already exists. Sign in instead, or use another \
                  email.",
    too_many_attempts: |retry_after| {
        format!(
            "Too many sign-in attempts. For your account's safety, wait {retry_after} s before \
             trying again."
        )
    },
    sign_in_required: "Sign in first: this needs an account (scripts: send an API key as \
                       Authorization: Bearer <key>).",
    invalid_api_key: "This API key is not valid: it was revoked, or it is mistyped. Send a key \
                      from the API keys page as Authorization: Bearer <key>.",
    key_not_found: "That API key doesn't exist or has already been revoked.",
    too_many_keys: |max| {
        format!(
            "You already have {max} API keys. Revoke one you no longer use, then create a new one."
        )
    },

    no_such_local_model: |id| {
        format!("There is no local model called “{id}”. Choose one from the list.")
    },
    needs_hf_token: |id| {
        format!(
            "“{id}” runs on HuggingFace, and this Precis has no HuggingFace token. Choose a \
             local model, or ask the operator to set HF_TOKEN."
        )
    },

    upstream_rejected: |model, said, advice| {
        if said.is_empty() {
            format!("HuggingFace rejected the request for {model}. {advice}")
        } else {
            format!("HuggingFace rejected the request for {model}: {said} {advice}")
        }
    },
    adjust_field: |label| format!("Adjust {label} and try again."),
    adjust_anything: "Adjust the text or the parameters and try again.",
    upstream_unauthorized: "HuggingFace rejected this server's access token. Contact the \
                            operator of this Precis to renew it; local models still work \
                            meanwhile.",
    upstream_payment_required: "This server's HuggingFace credits are used up. Contact the \
                                operator to add credits, or choose a local model.",
    model_not_found: |model| {
        format!(
            "HuggingFace has no model called “{model}” (not found). Check the spelling, or \
             choose another model."
        )
    },
    model_retired: |model| {
        format!(
            "“{model}” has been retired on HuggingFace and is no longer available. Choose \
             another model."
        )
    },
    upstream_rate_limited: |secs| {
        format!(
            "HuggingFace is limiting this server's requests (rate limit reached). Try again in \
             {secs} s, or choose a local model."
        )
    },
    model_loading: |model, secs| {
        format!("{model} is warming up on HuggingFace, about {secs} s. Try again then.")
    },
    upstream_error: |model, status| {
        format!(
            "HuggingFace had a problem running {model} (error {status}). Try again in a minute, \
             or choose another model."
        )
    },
    upstream_timeout: |model, secs| {
        format!(
            "{model} did not answer within {secs} s. Try a shorter text or a higher Max time, or \
             try again later."
        )
    },
    upstream_unreachable: "Precis could not reach HuggingFace. Try again in a minute; if it \
                           keeps happening, tell the operator. Local models still work.",
    upstream_bad_response: |model| {
        format!(
            "HuggingFace sent back an unexpected response for {model} that could not be read. \
             Try again, or choose another model."
        )
    },
    busy: |secs| format!("Precis is busy with other people's requests. Try again in {secs} s."),
    engine_failed: "The local engine failed on this text. Try again; if it keeps happening, tell \
                    the operator.",

    textrank_label: "Local · TextRank extract",
    textrank_description: "Runs inside Precis, no internet needed: picks the most central \
                           sentences of your text, word for word.",
    semantic_label: "Local · semantic extract",
    semantic_description: "Runs inside Precis, no internet needed: picks the sentences closest \
                           in meaning to the whole text (MiniLM embeddings), avoiding repeats, \
                           word for word.",
    local_llm_description: "Runs inside Precis, no internet needed: a small language model \
                            writes the summary in its own words. Experimental: it can get facts \
                            wrong, so check it against your text.",
    extract_ignores: "Not used by this model: it picks sentences from your text rather than \
                      writing new words.",
    bart_large_cnn: "BART large, trained on CNN/DailyMail news: a good general default.",
    distilbart_cnn: "A distilled BART: faster, nearly as good on news.",
    pegasus_xsum: "PEGASUS trained on BBC XSum: very short, one-sentence summaries.",
    bart_samsum: "BART trained on SAMSum: made for chats and dialogues.",
    custom_hf_description: |window| {
        format!("A HuggingFace model you named; Precis assumes it reads up to {window} tokens.")
    },
    model_not_installed: |file, command| {
        format!(
            "This model is not installed ({file} is missing from the models folder). The \
             operator can run: {command}"
        )
    },
    embedder_not_installed: |file, command| {
        format!(
            "The embedding model is not installed ({file} is missing from the models folder). \
             The operator can run: {command}"
        )
    },
    model_damaged: |command| {
        format!("This model's file is damaged or unreadable. The operator can run: {command}")
    },
    embedder_damaged: |command| {
        format!(
            "The embedding model's files are damaged or unreadable. The operator can run: \
             {command}"
        )
    },
    model_discovery_failed: |command| {
        format!(
            "Precis could not read its models folder. The operator can check it, or run: \
             {command}"
        )
    },
    model_download_failed: "Precis could not download this model from HuggingFace. The operator \
                            can check the server's network and the model's name in \
                            PRECIS_HF_MODELS.",
};
