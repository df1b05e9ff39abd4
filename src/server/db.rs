//! The server's SQLite file: accounts, history and the knowledge base, in the two pools of
//! [`Pools`] (one writer, a few readers, WAL).

use std::str::FromStr;

pub use precis_knowledge::store::sqlite::Durability;
use precis_knowledge::store::sqlite::Pools;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::SqlitePool;

#[derive(Clone, Debug)]
pub struct Db {
    pub read: SqlitePool,
    pub write: SqlitePool,
}

impl Db {
    /// Opens the file (created when missing) as the knowledge store opens it too — sqlite-vec
    /// in every connection, memory-mapped — with the default [`Durability`], and brings its
    /// schema up to date.
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        Self::connect_with(url, Durability::default()).await
    }

    /// [`connect`](Self::connect), with commits as durable as `durability` says
    /// (`PRECIS_SQLITE_SYNCHRONOUS`).
    pub async fn connect_with(url: &str, durability: Durability) -> Result<Self, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?;
        let Pools { write, read } = Pools::open_with(options, durability).await?;
        sqlx::migrate!("./migrations").run(&write).await?;
        Ok(Self { read, write })
    }

    /// For `/readyz`: both pools answer.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        sqlx::query("SELECT 1").execute(&self.write).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}

impl From<sqlx::migrate::MigrateError> for super::startup::StartupError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        Self::Database(e.into())
    }
}
