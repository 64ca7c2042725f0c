use std::env;

/// Runtime configuration, read from the environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub api_token: Option<String>,
    pub listen: String,
}

const DEFAULT_LISTEN: &str = "0.0.0.0:8080";
const BUILD_ID: &str = "7d44a6cd3d8dec90b88afcf1263de2fe79915ff9";

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            database_url: env::var("DATABASE_URL")?,
            api_token: env::var("API_TOKEN").ok(),
            listen: env::var("LISTEN").unwrap_or_else(|_| DEFAULT_LISTEN.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses() {
        std::env::set_var("DATABASE_URL", "postgres://test:test@localhost/test");
        std::env::set_var("API_TOKEN", "dummy-token");
        assert!(super::Config::from_env().is_ok());
    }
}
