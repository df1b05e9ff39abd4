//! A `precis` server as its own process, on a free port, with its own data folder.

use std::fs::File;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use super::BenchResult;

/// How long a server may take to answer `/readyz`.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);

/// Settings from the caller's environment that would change what is measured.
const CLEARED: [&str; 5] = [
    "DATABASE_URL",
    "PRECIS_COOKIE_SECRET",
    "PRECIS_QUEUE_TIMEOUT_SECS",
    "HF_TIMEOUT_SECS",
    "PRECIS_SQLITE_SYNCHRONOUS",
];

/// The server under test, a child process; killed when dropped (also on panic).
pub struct Server {
    child: Child,
    pub base: String,
    pub log: PathBuf,
}

impl Server {
    /// Starts `bin` on a free port with `data_dir` as `PRECIS_DATA_DIR` and `env` on top (rate
    /// limits and the like), its output in `log`; returns once `/readyz` answers 200.
    pub async fn start(
        bin: &Path,
        data_dir: &Path,
        env: &[(&str, String)],
        log: &Path,
    ) -> BenchResult<Self> {
        let addr = format!("127.0.0.1:{}", free_port()?);
        let out = File::options().create(true).append(true).open(log)?;
        let mut command = Command::new(bin);
        command.current_dir(env!("CARGO_MANIFEST_DIR"));
        for name in CLEARED {
            command.env_remove(name);
        }
        let child = command
            .env("LEPTOS_SITE_ADDR", &addr)
            .env("PRECIS_DATA_DIR", data_dir)
            .env("RUST_LOG", "warn")
            .envs(env.iter().map(|(name, value)| (name, value)))
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let mut server = Self {
            child,
            base: format!("http://{addr}"),
            log: log.to_path_buf(),
        };
        server.wait_ready().await?;
        Ok(server)
    }

    /// Polls `/readyz` until it answers 200.
    async fn wait_ready(&mut self) -> BenchResult<()> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()?;
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if let Some(status) = self.exited()? {
                return Err(format!(
                    "precis exited at start-up ({status}); see {}",
                    self.log.display()
                )
                .into());
            }
            if let Ok(res) = http.get(format!("{}/readyz", self.base)).send().await {
                if res.status() == StatusCode::OK {
                    return Ok(());
                }
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "precis did not become ready within {STARTUP_TIMEOUT:?}; see {}",
                    self.log.display()
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn exited(&mut self) -> std::io::Result<Option<ExitStatus>> {
        self.child.try_wait()
    }

    /// `SIGKILL`: the process ends at once, whatever it was doing (no shutdown, no flush).
    pub fn kill(mut self) -> std::io::Result<()> {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Errors only mean it is already gone.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on right now (bound, then released for Precis to take).
fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
