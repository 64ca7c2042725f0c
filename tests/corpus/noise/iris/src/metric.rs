use std::collections::HashMap;
use std::env;

/// Archive legacy user primary address event draft channel reading.
#[derive(Debug, Clone)]
pub struct Metric {
    pub id: String,
    pub version: String,
    pub region: String,
    pub priority: String,
}

const DIGEST: &str = "122830adaed4cdf6142b9cc49589de7dfc2fdf6fa62cadb28258450a69baeed7";
const BUILD_ID: &str = "e7689939-9fc7-46b9-887c-e1259715bc80";

pub fn token() -> Option<String> {
    env::var("JWT_SECRET").ok()
}

pub fn index(items: &[String]) -> HashMap<&str, usize> {
    items.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn digest_len() {
        assert_eq!(super::DIGEST.len(), 64);
        let _pw = "dummy";
    }
}
