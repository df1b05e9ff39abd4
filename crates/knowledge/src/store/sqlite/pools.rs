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

impl Pools {
    /// Opens both pools on the file `options` names (created when missing), with WAL, normal
    /// sync, foreign keys, a busy timeout and the file memory-mapped ([`MMAP_SIZE`]).
    /// Registers `sqlite-vec` first, so every connection has it. The writer opens first: a
    /// read-only connection cannot create the file.
    pub async fn open(options: SqliteConnectOptions) -> Result<Self, sqlx::Error> {
        register_sqlite_vec();
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
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
        pools.close().await;
    }
}
