//! Sign-in attempts are limited per account and per client address (governor token buckets),
//! so that a password can't be guessed by trying many, from one address or from many.
//! Every attempt counts, successful or not: a bucket that only counted failures would have to
//! verify the password before refusing, which is the very guess it should stop.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use crate::server::config::LoginLimitSettings;

/// Seconds to wait before the next attempt is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait(pub u64);

#[derive(Clone)]
pub struct LoginLimiter {
    per_account: Arc<DefaultKeyedRateLimiter<String>>,
    per_ip: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

fn quota(burst: u32, every: Duration) -> Quota {
    let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(every)
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(burst)
}

impl LoginLimiter {
    pub fn new(settings: LoginLimitSettings) -> Self {
        Self {
            per_account: Arc::new(DefaultKeyedRateLimiter::keyed(quota(
                settings.account_burst,
                settings.account_every,
            ))),
            per_ip: Arc::new(DefaultKeyedRateLimiter::keyed(quota(
                settings.ip_burst,
                settings.ip_every,
            ))),
        }
    }

    /// Counts one attempt for the address, and for the account when one is named; refuses
    /// when either is out of attempts. `account` is the typed email, lower-cased, whether or not
    /// an account has it (so the answer never says whether it exists).
    pub fn attempt(&self, ip: Option<IpAddr>, account: Option<&str>) -> Result<(), Wait> {
        let clock = DefaultClock::default();
        if let Some(ip) = ip {
            self.per_ip
                .check_key(&ip)
                .map_err(|not_until| Wait(seconds(not_until.wait_time_from(clock.now()))))?;
        }
        if let Some(account) = account {
            self.per_account
                .check_key(&account.to_owned())
                .map_err(|not_until| Wait(seconds(not_until.wait_time_from(clock.now()))))?;
        }
        Ok(())
    }

    /// Forgets idle buckets (called now and then, so memory stays flat).
    pub fn forget_idle(&self) {
        self.per_account.retain_recent();
        self.per_ip.retain_recent();
    }
}

fn seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(account_burst: u32, ip_burst: u32) -> LoginLimiter {
        LoginLimiter::new(LoginLimitSettings {
            account_burst,
            account_every: Duration::from_secs(60),
            ip_burst,
            ip_every: Duration::from_secs(6),
        })
    }

    #[test]
    fn an_account_runs_out_of_attempts_from_any_address() {
        let l = limiter(3, 100);
        for i in 0..3u8 {
            let ip = IpAddr::from([10, 0, 0, i]);
            assert!(l.attempt(Some(ip), Some("ana@example.org")).is_ok());
        }
        let refused = l.attempt(Some(IpAddr::from([10, 0, 0, 9])), Some("ana@example.org"));
        let Err(Wait(secs)) = refused else {
            panic!("fourth attempt accepted")
        };
        assert!((1..=60).contains(&secs), "{secs}");
        // another account is not affected
        assert!(l.attempt(None, Some("bob@example.org")).is_ok());
    }

    #[test]
    fn an_address_runs_out_of_attempts_across_accounts() {
        let l = limiter(100, 2);
        let ip = Some(IpAddr::from([192, 168, 1, 1]));
        assert!(l.attempt(ip, Some("a@x.org")).is_ok());
        assert!(l.attempt(ip, Some("b@x.org")).is_ok());
        assert!(l.attempt(ip, Some("c@x.org")).is_err());
        assert!(l
            .attempt(Some(IpAddr::from([192, 168, 1, 2])), Some("c@x.org"))
            .is_ok());
    }
}
