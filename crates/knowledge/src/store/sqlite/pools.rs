//! The two pools Precis opens its SQLite file with — the server, the command line, the
//! benchmarks and the tests all open it the same way, here.

use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use super::{register_sqlite_vec, MMAP_SIZE};

/// Connections of the read-only pool: searches and listings run side by side.
const READERS: u32 = 4;
/// How long a request waits for a free connection before it fails.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a connection waits for another process's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// One writer connection (SQLite serialises writes anyway; one connection avoids lock retries
/// and their sleeps) and a few read-only readers; WAL, so readers never wait for the writer.
#[derive(Clone, Debug)]
pub struct Pools {
    pub write: SqlitePool,
    pub read: SqlitePool,
}

/// What a committed write survives: SQLite's `synchronous` setting, in WAL mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous=NORMAL`: a commit is in the WAL file before it returns, so it survives the
    /// process being killed; the WAL is synced at checkpoints, so the last commits before a
    /// power cut or an operating-system crash can be lost (the database stays consistent).
    #[default]
    Normal,
    /// `synchronous=FULL`: the WAL is synced at every commit, so commits survive a power cut
    /// too, at the cost of one sync per transaction.
    Full,
}

impl Durability {
    /// `"normal"` or `"full"` (any case), as operators write the setting.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "normal" => Some(Self::Normal),
            "full" => Some(Self::Full),
            _ => None,
        }
    }

    fn synchronous(self) -> SqliteSynchronous {
        match self {
            Self::Normal => SqliteSynchronous::Normal,
            Self::Full => SqliteSynchronous::Full,
        }
    }
}

impl Pools {
    /// [`open_with`](Self::open_with) the default durability ([`Durability::Normal`]).
    pub async fn open(options: SqliteConnectOptions) -> Result<Self, sqlx::Error> {
        Self::open_with(options, Durability::default()).await
    }

    /// Opens both pools on the file `options` names (created when missing), with WAL, the
    /// `durability` asked for, foreign keys, a busy timeout and the file memory-mapped
    /// ([`MMAP_SIZE`]). Registers `sqlite-vec` first, so every connection has it. The writer
    /// opens first: a read-only connection cannot create the file.
    pub async fn open_with(
        options: SqliteConnectOptions,
        durability: Durability,
    ) -> Result<Self, sqlx::Error> {
        register_sqlite_vec();
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(durability.synchronous())
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .pragma("mmap_size", MMAP_SIZE.to_string());
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options.clone())
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(READERS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options.read_only(true))
            .await?;
        Ok(Self { write, read })
    }

    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_file_is_created_and_the_readers_cannot_write() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("new.db");
        let pools = Pools::open(SqliteConnectOptions::new().filename(&path))
            .await
            .expect("open");
        assert!(path.exists());
        sqlx::query("CREATE TABLE t (x INTEGER)")
            .execute(&pools.write)
            .await
            .expect("the writer writes");
        let refused = sqlx::query("INSERT INTO t VALUES (1)")
            .execute(&pools.read)
            .await;
        assert!(refused.is_err(), "a reader wrote");
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&pools.read)
            .await
            .expect("journal mode");
        assert_eq!(mode, "wal");
        let vec: String = sqlx::query_scalar("SELECT vec_version()")
            .fetch_one(&pools.read)
            .await
            .expect("sqlite-vec is loaded");
        assert!(vec.starts_with('v'), "{vec}");
        // PRAGMA synchronous: 1 is NORMAL, 2 is FULL
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&pools.write)
            .await
            .expect("synchronous");
        assert_eq!(sync, 1);
        pools.close().await;
    }

    #[tokio::test]
    async fn full_durability_syncs_every_commit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let options = SqliteConnectOptions::new().filename(dir.path().join("full.db"));
        let pools = Pools::open_with(options, Durability::Full)
            .await
            .expect("open");
        for pool in [&pools.write, &pools.read] {
            let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(pool)
                .await
                .expect("synchronous");
            assert_eq!(sync, 2);
        }
        pools.close().await;
    }

    #[test]
    fn the_setting_is_read_in_any_case() {
        assert_eq!(Durability::parse("normal"), Some(Durability::Normal));
        assert_eq!(Durability::parse(" FULL "), Some(Durability::Full));
        assert_eq!(Durability::parse("extra"), None);
        assert_eq!(Durability::parse(""), None);
    }
}
