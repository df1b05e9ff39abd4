//! English: the API keys page. The key name's rules are also the server's API answers (plain
//! numbers, as the API has always written them).

use crate::i18n::KeysTexts;

pub(in crate::i18n) const KEYS: KeysTexts = KeysTexts {
    intro: "A script uses a key to summarize and read your history as you. Send it in a header: ",
    intro_after: ". Give each script or machine its own key, so you can revoke one without the \
                  others.",
    your_keys: "Your keys",
    loading: "Loading your keys…",
    none: "No keys yet.",
    revoked: |name| format!("Key “{name}” revoked: requests made with it are refused from now on."),

    name: "Key name",
    name_help: "Name it after the script or machine that will use it, such as “laptop backup \
                script”.",
    create: "Create key",
    creating: "Creating the key…",
    needs_js: "Creating a key needs JavaScript: its secret is shown once, in this page.",
    new_key_title: |name| format!("Your new key “{name}”"),
    copy_now: "Copy it now: this is the only time Precis shows it.",
    store_it: " Store it where your script can read it, such as a password manager or the \
               script's configuration. If you lose it, revoke it and create another.",
    new_api_key: "New API key",
    copied: "Copied to the clipboard.",
    copy_refused: "The browser did not allow copying: select the key and copy it yourself.",

    caption: "Your API keys, newest first",
    col_name: "Name",
    col_key: "Key",
    col_created: "Created",
    col_last_used: "Last used",
    col_actions: "Actions",
    never: "never",
    revoke: "Revoke",
    revoke_label: |name| format!("Revoke “{name}”"),
    revoke_question: |name| format!("Revoke “{name}”? Scripts using it stop working at once."),
    revoke_group: |name| format!("Confirm revoking “{name}”"),
    yes_revoke: "Yes, revoke",
    keep: "Keep",

    name_missing: "Give the key a name, such as the script or machine that will use it.",
    name_too_long: |chars, max| format!("That name is {chars} characters long; keep it to {max}."),
    name_control: "A key's name can't contain control characters such as tabs or line breaks.",
};
