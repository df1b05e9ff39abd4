//! Rules and data shapes shared by the browser and the server: compiled into both.

pub mod account;
pub mod ask;
pub mod date;
pub mod errors;
pub mod history;
pub mod invalid;
pub mod models;
pub mod objects;
pub mod params;
pub mod settings;
pub mod sort;
pub mod stream;
pub mod summary;
pub mod text;
#[cfg(test)]
pub(crate) mod tricky;
pub mod whole;
