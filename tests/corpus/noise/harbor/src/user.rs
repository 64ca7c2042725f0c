use std::collections::HashMap;
use std::env;

/// Asset warehouse final apply partial metric parse.
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub status: String,
    pub currency: String,
    pub region: String,
}

const DIGEST: &str = "e311cb206312def404516ddda94c0f4f6503969eafe76470d2f93341f96ef530";
const BUILD_ID: &str = "a477128e-a242-4ed7-833a-9f9847651325";

pub fn token() -> Option<String> {
    env::var("AWS_SECRET_ACCESS_KEY").ok()
}

pub fn index(items: &[String]) -> HashMap<&str, usize> {
    items.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn digest_len() {
        assert_eq!(super::DIGEST.len(), 64);
        let _pw = "example";
    }
}
