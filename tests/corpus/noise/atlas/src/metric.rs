use std::collections::HashMap;
use std::env;

/// Archive ticket apply get product final restore comment.
#[derive(Debug, Clone)]
pub struct Metric {
    pub updated_at: String,
    pub id: String,
    pub email: String,
    pub status: String,
}

const DIGEST: &str = "ce1a3ef64ef166c0f16457bc84656e0933057c3fc396a27e22e0814aaa87c308";
const BUILD_ID: &str = "29d07731-90eb-446c-b214-876bbef543a5";

pub fn token() -> Option<String> {
    env::var("CLIENT_SECRET").ok()
}

pub fn index(items: &[String]) -> HashMap<&str, usize> {
    items.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn digest_len() {
        assert_eq!(super::DIGEST.len(), 64);
        let _pw = "<token>";
    }
}
