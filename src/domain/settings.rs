//! A person's preferences: the page's language and theme, and the model and parameters the
//! studio starts with. Kept per person on the server (anonymous visitors too).

use serde::{Deserialize, Serialize};

use super::params::{Invalid, SummaryParams};

/// Languages the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
    Pt,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Pt];

    /// BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Pt => "pt",
        }
    }

    /// The language's own name, as shown in the picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Pt => "Português",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first supported language of an `Accept-Language` header, by preference weight.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut choices: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let lang = Lang::from_tag(pieces.next()?)?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, lang))
            })
            .collect();
        choices.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        choices.first().map(|c| c.2)
    }
}

/// Light or dark colours; `System` follows the operating system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything a person can set. Missing fields take their defaults, so that settings saved by
/// an older version still load.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct UserSettings {
    /// `None`: chosen from the browser's `Accept-Language`, else English.
    pub lang: Option<Lang>,
    pub theme: Theme,
    /// The model the studio starts with; `None`: the server's default.
    pub default_model: Option<String>,
    /// The parameters the studio starts with; `None`: the model's defaults.
    pub default_params: Option<SummaryParams>,
}

crate::impl_object_only!(UserSettings);

impl UserSettings {
    /// What a save would break (out-of-bounds default parameters, a malformed model id).
    pub fn validate(&self) -> Result<(), Invalid> {
        if let Some(model) = &self.default_model {
            super::models::check_model_id(model)?;
        }
        if let Some(params) = &self.default_params {
            params.validate()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(
            Lang::from_accept_language("fr-CA,fr;q=0.9,en;q=0.8"),
            Some(Lang::Fr)
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,pt-BR;q=0.7,en;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("en;q=0.1, pt"), Some(Lang::Pt));
        assert_eq!(Lang::from_accept_language("de, ja"), None);
        assert_eq!(Lang::from_accept_language("fr;q=0"), None);
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn old_or_partial_settings_still_load() {
        let s: UserSettings = serde_json::from_str(r#"{"theme":"dark"}"#).unwrap();
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.lang, None);
        let round: UserSettings =
            serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(round, s);
    }
}
