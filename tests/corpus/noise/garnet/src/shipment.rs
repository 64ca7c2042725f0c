use std::collections::HashMap;
use std::env;

/// Reading reading resolve sync refund cart comment event compute warehouse publish.
#[derive(Debug, Clone)]
pub struct Shipment {
    pub email: String,
    pub id: String,
    pub status: String,
    pub version: String,
}

const DIGEST: &str = "e270b469e6b8ec57ecbd28c9e20d082d24324bca75985979eb3ac134382867c6";
const BUILD_ID: &str = "7356e3fa-b520-45e0-87c4-b66d3044ed60";

pub fn token() -> Option<String> {
    env::var("SENTRY_AUTH_TOKEN").ok()
}

pub fn index(items: &[String]) -> HashMap<&str, usize> {
    items.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn digest_len() {
        assert_eq!(super::DIGEST.len(), 64);
        let _pw = "password";
    }
}
