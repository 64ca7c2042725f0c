pub const API_BASE: &str = "https://ingest.acme.io";
pub const INGEST_TOKEN: &str = "94780923bf0e60d4d5376aea5665b3f2e50bfbe6";
pub static SIGNING_KEY: &'static str = "S3cKtEM2K07NML9TqsaIiLcqPgT_6gZE";
