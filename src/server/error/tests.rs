//! Every failure the server words: its status, code, field and sentence in every language.

use precis_engine::registry::ModelProblem;

use precis_knowledge::store::StoreError;

use super::*;
use crate::domain::ask::AskProblem;
use crate::domain::errors::Field;
use crate::domain::params::{Param, Reason};
use crate::server::ask::AskError;
use crate::server::providers::catalog::Unavailable;
use crate::server::sort::SortError;

/// A failure the server answers with `code`. Exhaustive: a new code does not compile until
/// it has an example here, and so its sentences in every language (the test below).
fn failure_with(code: ErrorCode) -> Option<AppError> {
    use ErrorCode as C;
    let invalid = |code, field, reason| Some(AppError::Invalid(Invalid::new(code, field, reason)));
    let provider = |source| Some(provider(source));
    let auth = |e| Some(AppError::Auth(e));
    match code {
        C::EmptyText => invalid(code, Field::Text, Reason::EmptyText),
        C::TextTooLong => invalid(
            code,
            Field::Text,
            Reason::TextTooLong {
                chars: 100_001,
                limit: 100_000,
            },
        ),
        C::InvalidParameter => invalid(
            code,
            Field::TopP,
            Reason::OutOfRange {
                param: Param::TopP,
                value: 2.0,
            },
        ),
        C::InvalidRequest => Some(AppError::BadBody("expected value at line 1".into())),
        C::ModelUnavailable => Some(AppError::ModelUnavailable {
            model: "google/pegasus-xsum".into(),
            reason: Unavailable::NeedsToken {
                id: "google/pegasus-xsum".into(),
            },
        }),
        C::UpstreamRejected => provider(ProviderError::Rejected {
            messages: vec!["max_length must be <= 500".into()],
            field: Some(Field::MaxLength),
        }),
        C::UpstreamUnauthorized => provider(ProviderError::Unauthorized { status: 401 }),
        C::UpstreamPaymentRequired => provider(ProviderError::PaymentRequired),
        C::ModelNotFound => provider(ProviderError::ModelNotFound { retired: false }),
        C::UpstreamRateLimited => provider(ProviderError::RateLimited {
            retry_after: Some(30),
        }),
        C::ModelLoading => provider(ProviderError::Loading {
            estimated_time: Some(20.0),
        }),
        C::UpstreamError => provider(ProviderError::Upstream { status: 500 }),
        C::UpstreamTimeout => provider(ProviderError::Timeout { after_secs: 30 }),
        C::UpstreamUnreachable => None, // needs a reqwest error: worded in the next test
        C::UpstreamBadResponse => provider(ProviderError::BadResponse("<html>".into())),
        C::RateLimited => Some(AppError::RateLimited {
            retry_after: 12,
            burst: 5,
            per_minute: 20,
        }),
        C::Busy => provider(ProviderError::Busy { retry_after: 5 }),
        C::NotFound => Some(AppError::NotFound),
        C::Internal => Some(AppError::Internal("disk full".into())),
        C::InvalidEmail => invalid(
            code,
            Field::Email,
            Reason::Account(crate::domain::account::AccountProblem::EmailMalformed),
        ),
        C::WeakPassword => invalid(
            code,
            Field::Password,
            Reason::Account(crate::domain::account::AccountProblem::PasswordRepeated),
        ),
        C::InvalidKeyName => invalid(
            code,
            Field::KeyName,
            Reason::Account(crate::domain::account::AccountProblem::KeyNameControl),
        ),
        C::WrongCredentials => auth(AuthError::WrongCredentials),
        C::EmailTaken => auth(AuthError::EmailTaken),
        C::TooManyAttempts => auth(AuthError::TooManyAttempts { retry_after: 60 }),
        C::SignInRequired => auth(AuthError::SignInRequired),
        C::InvalidApiKey => auth(AuthError::InvalidApiKey),
        C::CrossOrigin => Some(AppError::CrossOrigin),
        C::Network => None, // the browser's own: never sent by the server
        C::InvalidQuery => invalid(
            code,
            Field::Limit,
            Reason::Limit {
                value: "0".into(),
                max: 200,
            },
        ),
        C::EmptyQuestion => ask(AskProblem::EmptyQuestion),
        C::QuestionTooLong => ask(AskProblem::QuestionTooLong {
            chars: 1_001,
            limit: 1_000,
        }),
        C::DocumentTooLarge => ask(AskProblem::DocumentTooLarge {
            bytes: 30 << 20,
            limit: 20 << 20,
        }),
        C::UnsupportedDocument => ask(AskProblem::Unsupported {
            what: "image/png".into(),
        }),
        C::EmptyDocument => ask(AskProblem::EmptyDocument),
        C::ImageOnlyPdf => ask(AskProblem::ImageOnlyPdf),
        C::UnreadableDocument => ask(AskProblem::Encoding),
        C::NoDocuments => Some(AskError::NoDocuments.into()),
        C::SharedDocument => Some(AskError::SharedReadOnly.into()),
        C::StoreUnavailable => {
            Some(AskError::Store(StoreError::Db(sqlx::Error::PoolTimedOut)).into())
        }
        C::UnsupportedImage => sort(SortError::Unsupported {
            format: "GIF".into(),
        }),
        C::CorruptImage => sort(SortError::CorruptImage {
            detail: "unexpected end of file".into(),
        }),
        C::EmptyFile => sort(SortError::EmptyFile),
        C::ImageTooLarge => sort(SortError::ImageTooLarge {
            size: Some((20_000, 12_000)),
        }),
        C::FileTooLarge => sort(SortError::FileTooLarge {
            bytes: Some(31 << 20),
        }),
        C::ImageTooSmall => sort(SortError::TooSmall {
            width: 40,
            height: 30,
        }),
        C::NoWriting => sort(SortError::NoWriting),
        C::PdfWithoutImage => sort(SortError::PdfWithoutImage),
        C::TrainingInProgress => sort(SortError::TrainingInProgress { job: "x".into() }),
        C::OperatorOnly => sort(SortError::OperatorOnly),
        C::DataMissing => sort(SortError::DataMissing {
            detail: "no index.tsv".into(),
        }),
        C::Interrupted => sort(SortError::Interrupted),
    }
}

/// A failure of the classifier.
fn sort(e: SortError) -> Option<AppError> {
    Some(e.into())
}

/// A broken rule of the Ask capability.
fn ask(problem: AskProblem) -> Option<AppError> {
    Some(problem.invalid().into())
}

/// Every code the server sends, and more of the failures behind the same codes.
fn every_failure() -> Vec<AppError> {
    use ErrorCode as C;
    let codes = [
        C::EmptyText,
        C::TextTooLong,
        C::InvalidParameter,
        C::InvalidRequest,
        C::ModelUnavailable,
        C::UpstreamRejected,
        C::UpstreamUnauthorized,
        C::UpstreamPaymentRequired,
        C::ModelNotFound,
        C::UpstreamRateLimited,
        C::ModelLoading,
        C::UpstreamError,
        C::UpstreamTimeout,
        C::UpstreamUnreachable,
        C::UpstreamBadResponse,
        C::RateLimited,
        C::Busy,
        C::NotFound,
        C::Internal,
        C::InvalidEmail,
        C::WeakPassword,
        C::InvalidKeyName,
        C::WrongCredentials,
        C::EmailTaken,
        C::TooManyAttempts,
        C::SignInRequired,
        C::InvalidApiKey,
        C::CrossOrigin,
        C::Network,
        C::InvalidQuery,
        C::EmptyQuestion,
        C::QuestionTooLong,
        C::DocumentTooLarge,
        C::UnsupportedDocument,
        C::EmptyDocument,
        C::ImageOnlyPdf,
        C::UnreadableDocument,
        C::NoDocuments,
        C::SharedDocument,
        C::StoreUnavailable,
        C::UnsupportedImage,
        C::CorruptImage,
        C::EmptyFile,
        C::ImageTooLarge,
        C::FileTooLarge,
        C::ImageTooSmall,
        C::NoWriting,
        C::PdfWithoutImage,
        C::TrainingInProgress,
        C::OperatorOnly,
        C::DataMissing,
        C::Interrupted,
    ];
    let mut out: Vec<AppError> = codes.into_iter().filter_map(failure_with).collect();
    let invalid = |code, field, reason| AppError::Invalid(Invalid::new(code, field, reason));
    out.extend([
        AppError::BadQuery {
            detail: "unknown field `query`".into(),
            expected: "q, model and limit",
        },
        provider(ProviderError::ModelNotFound { retired: true }),
        provider(ProviderError::Rejected {
            messages: vec![],
            field: None,
        }),
        provider(ProviderError::Internal("tensor shape".into())),
        AppError::ModelUnavailable {
            model: "local/x".into(),
            reason: Unavailable::NoSuchLocal {
                id: "local/x".into(),
            },
        },
        invalid(
            ErrorCode::TextTooLong,
            Field::Text,
            Reason::BodyTooLarge {
                kb: 2048,
                max_kb: 1024,
            },
        ),
        invalid(
            ErrorCode::InvalidParameter,
            Field::MinLength,
            Reason::MinOverMax { min: 9, max: 3 },
        ),
        invalid(
            ErrorCode::InvalidRequest,
            Field::Model,
            Reason::ModelId {
                id: "a b".into(),
                problem: crate::domain::models::ModelIdProblem::Characters,
            },
        ),
        invalid(
            ErrorCode::WrongCredentials,
            Field::Password,
            Reason::CurrentPassword,
        ),
        invalid(ErrorCode::InvalidQuery, Field::Model, Reason::ModelFilter),
        invalid(
            ErrorCode::InvalidQuery,
            Field::Before,
            Reason::Before { value: "x".into() },
        ),
        invalid(
            ErrorCode::InvalidQuery,
            Field::Format,
            Reason::Format {
                value: "csv".into(),
            },
        ),
        AppError::Auth(AuthError::KeyNotFound),
        AppError::Auth(AuthError::TooManyKeys),
        AskError::StillIndexing.into(),
        AskError::DocumentNotFound { field: None }.into(),
        AskError::DocumentNotFound {
            field: Some(Field::DocumentIds),
        }
        .into(),
        AskError::EmbedderMissing(ModelProblem::EmbedderDamaged).into(),
        AskError::Store(StoreError::NoDocument("x".into())).into(),
        AppError::NotServed {
            services: crate::server::ask::Services::Ingest,
        },
        AppError::NotServed {
            services: crate::server::ask::Services::Ask,
        },
        AppError::NotServed {
            services: crate::server::ask::Services::Classifier,
        },
        SortError::NotAnImage.into(),
        SortError::CorruptPdf {
            detail: "xref".into(),
        }
        .into(),
        SortError::ImageTooLarge { size: None }.into(),
        SortError::FileTooLarge { bytes: None }.into(),
        SortError::NoFile.into(),
        SortError::UnknownModel {
            name: "resnet".into(),
        }
        .into(),
        SortError::JobNotFound.into(),
        SortError::Busy { retry_after: 5 }.into(),
        SortError::TrainingFailed("nan".into()).into(),
        SortError::Internal("oops".into()).into(),
    ]);
    out.extend(server_failures().into_iter().map(|(e, _, _)| e));
    for problem in [
        AskProblem::TitleTooLong {
            chars: 201,
            limit: 200,
        },
        AskProblem::TopK {
            value: "0".into(),
            max: 20,
        },
        AskProblem::DocumentIds {
            value: "nope".into(),
            max: 100,
        },
        AskProblem::DocumentTooLong {
            chars: 3_000_001,
            limit: 3_000_000,
        },
        AskProblem::DamagedPdf,
        AskProblem::NoFile,
    ] {
        out.push(problem.invalid().into());
    }
    for problem in [
        ModelProblem::NotInstalled,
        ModelProblem::EmbedderNotInstalled {
            file: "config.json",
        },
        ModelProblem::Damaged,
        ModelProblem::EmbedderDamaged,
        ModelProblem::DiscoveryFailed,
        ModelProblem::DownloadFailed,
    ] {
        out.push(AppError::ModelUnavailable {
            model: "local/semantic".into(),
            reason: Unavailable::Model(problem),
        });
    }
    out
}

#[test]
fn every_failure_is_worded_in_every_language() {
    for failure in every_failure() {
        let en = failure.public_in(Lang::En);
        assert!(
            en.message.ends_with(['.', ')']) || en.message.contains("scripts/"),
            "{en:?}"
        );
        for lang in [Lang::Fr, Lang::Pt] {
            let told = failure.public_in(lang);
            assert_eq!(
                (told.code, told.field, told.retry_after),
                (en.code, en.field, en.retry_after)
            );
            assert!(!told.message.trim().is_empty(), "{failure:?} in {lang:?}");
            assert_ne!(
                told.message, en.message,
                "{failure:?} is English in {lang:?}"
            );
        }
    }
}

#[tokio::test]
async fn an_unreachable_upstream_is_worded_in_every_language() {
    let unreachable = reqwest::Client::new()
        .get("http://127.0.0.1:9/")
        .send()
        .await
        .expect_err("nothing listens on port 9");
    let e = provider(ProviderError::Unreachable(unreachable));
    let en = e.public_in(Lang::En).message;
    assert_eq!(e.code(), ErrorCode::UpstreamUnreachable);
    assert_ne!(e.public_in(Lang::Fr).message, en);
    assert_ne!(e.public_in(Lang::Pt).message, en);
}

fn provider(source: ProviderError) -> AppError {
    AppError::Provider {
        model: "facebook/bart-large-cnn".into(),
        source,
    }
}

#[test]
fn every_provider_failure_has_its_status_and_code() {
    let cases = [
        (
            ProviderError::Rejected {
                messages: vec!["x".into()],
                field: None,
            },
            422,
            C::UpstreamRejected,
        ),
        (
            ProviderError::Unauthorized { status: 401 },
            502,
            C::UpstreamUnauthorized,
        ),
        (
            ProviderError::Unauthorized { status: 403 },
            502,
            C::UpstreamUnauthorized,
        ),
        (
            ProviderError::PaymentRequired,
            502,
            C::UpstreamPaymentRequired,
        ),
        (
            ProviderError::ModelNotFound { retired: false },
            404,
            C::ModelNotFound,
        ),
        (
            ProviderError::ModelNotFound { retired: true },
            404,
            C::ModelNotFound,
        ),
        (
            ProviderError::RateLimited {
                retry_after: Some(9),
            },
            503,
            C::UpstreamRateLimited,
        ),
        (
            ProviderError::Loading {
                estimated_time: Some(20.0),
            },
            503,
            C::ModelLoading,
        ),
        (
            ProviderError::Upstream { status: 500 },
            502,
            C::UpstreamError,
        ),
        (
            ProviderError::Timeout { after_secs: 30 },
            504,
            C::UpstreamTimeout,
        ),
        (
            ProviderError::BadResponse("html".into()),
            502,
            C::UpstreamBadResponse,
        ),
        (ProviderError::Busy { retry_after: 5 }, 503, C::Busy),
    ];
    use ErrorCode as C;
    for (source, status, code) in cases {
        let label = format!("{source:?}");
        let e = provider(source);
        assert_eq!(e.status().as_u16(), status, "{label}");
        assert_eq!(e.public_in(Lang::En).code, code, "{label}");
    }
}

#[test]
fn retry_after_reaches_the_header() {
    let e = AppError::RateLimited {
        retry_after: 12,
        burst: 5,
        per_minute: 20,
    };
    let response = e.into_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()[header::RETRY_AFTER], "12");
}

#[test]
fn internals_are_not_shown() {
    let e = AppError::Internal("disk /var/lib/x exploded at 0xdeadbeef".into());
    let public = e.public_in(Lang::En);
    assert!(!public.message.contains("0xdeadbeef"));
    assert_eq!(public.code, ErrorCode::Internal);
}

#[test]
fn own_limit_message_says_going_fast_and_when() {
    let m = AppError::RateLimited {
        retry_after: 3,
        burst: 5,
        per_minute: 20,
    }
    .public_in(Lang::En)
    .message;
    assert!(
        m.contains("going fast") && m.contains("Try again in 3 s"),
        "{m}"
    );
}

#[test]
fn history_query_problems_are_bad_requests_with_their_field() {
    let e: AppError = Invalid::new(
        ErrorCode::InvalidQuery,
        Field::From,
        crate::domain::params::Reason::ModelFilter,
    )
    .into();
    assert_eq!(e.status(), StatusCode::BAD_REQUEST);
    assert_eq!(e.public_in(Lang::En).field, Some(Field::From));
    let e = AppError::BadQuery {
        detail: "unknown field `query`".into(),
        expected: "q and limit",
    };
    assert_eq!(e.status(), StatusCode::BAD_REQUEST);
    let public = e.public_in(Lang::En);
    assert_eq!(public.code, ErrorCode::InvalidQuery);
    assert!(
        public.message.contains("unknown field `query`") && public.message.contains("q and limit")
    );
}

#[test]
fn validation_keeps_its_field() {
    let e: AppError = Invalid::new(
        ErrorCode::InvalidParameter,
        Field::TopP,
        crate::domain::params::Reason::OutOfRange {
            param: crate::domain::params::Param::TopP,
            value: 2.0,
        },
    )
    .into();
    assert_eq!(e.public_in(Lang::En).field, Some(Field::TopP));
    assert_eq!(e.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// Every way the operator's answer server (`PRECIS_ASK_LLM_URL`) fails, with Precis's status
/// and code.
fn server_failures() -> Vec<(AppError, u16, ErrorCode)> {
    use crate::server::ask::answer::remote::ServerFailure as F;
    use ErrorCode as C;
    let said = || "model \"llama3.2:3b\" not found; key sk-secret at http://10.0.0.7".to_string();
    [
        (
            F::Unreachable {
                cause: "connection refused (http://10.0.0.7:11434)".into(),
            },
            502,
            C::UpstreamUnreachable,
        ),
        (F::Timeout { after_secs: 120 }, 504, C::UpstreamTimeout),
        (
            F::Unauthorized {
                status: 401,
                said: said(),
            },
            502,
            C::UpstreamUnauthorized,
        ),
        (
            F::Unauthorized {
                status: 403,
                said: said(),
            },
            502,
            C::UpstreamUnauthorized,
        ),
        (F::ModelNotFound { said: said() }, 404, C::ModelNotFound),
        (
            F::RateLimited {
                retry_after: Some(7),
            },
            503,
            C::UpstreamRateLimited,
        ),
        (
            F::RateLimited { retry_after: None },
            503,
            C::UpstreamRateLimited,
        ),
        (
            F::Refused {
                status: 400,
                said: said(),
            },
            502,
            C::UpstreamError,
        ),
        (
            F::Failed {
                status: 500,
                said: said(),
            },
            502,
            C::UpstreamError,
        ),
        (F::Interrupted { cause: said() }, 502, C::UpstreamError),
        (F::BadResponse { what: said() }, 502, C::UpstreamBadResponse),
    ]
    .into_iter()
    .map(|(failure, status, code)| {
        let e = AskError::AnswerServer {
            model: "server/llama3.2-3b".into(),
            server: "http://10.0.0.7:11434".into(),
            failure,
        };
        (e.into(), status, code)
    })
    .collect()
}

#[test]
fn the_answer_servers_failures_are_its_own_and_tell_nothing_inside() {
    for (e, status, code) in server_failures() {
        assert_eq!(e.status().as_u16(), status, "{e:?}");
        assert_eq!(e.code(), code, "{e:?}");
        for lang in [Lang::En, Lang::Fr, Lang::Pt] {
            let told = e.public_in(lang);
            let m = &told.message;
            assert!(m.contains("server/llama3.2-3b"), "names the model: {m}");
            assert!(!m.contains("HuggingFace"), "not HuggingFace's: {m}");
            for secret in [
                "10.0.0.7",
                "sk-secret",
                "11434",
                "not found;",
                "connection refused",
            ] {
                assert!(!m.contains(secret), "{secret} leaked: {m}");
            }
            if lang == Lang::Fr {
                for mark in [" ;", " :", " ?", " !"] {
                    assert!(!m.contains(mark), "a plain space before {mark}: {m}");
                }
            }
        }
        if code == ErrorCode::UpstreamRateLimited {
            assert!(e.public_in(Lang::En).retry_after.is_some());
        }
        if code == ErrorCode::ModelNotFound {
            assert_eq!(e.public_in(Lang::En).field, Some(Field::Model));
        }
    }
    // what went wrong, and where, is in the log
    let (e, _, _) = &server_failures()[0];
    let logged = e.to_string();
    assert!(logged.contains("http://10.0.0.7:11434") && logged.contains("connection refused"));
}
