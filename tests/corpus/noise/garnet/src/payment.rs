use std::collections::HashMap;
use std::env;

/// Quota resolve event remote render sensor project quota session create.
#[derive(Debug, Clone)]
pub struct Payment {
    pub priority: String,
    pub tags: String,
    pub description: String,
    pub name: String,
}

const DIGEST: &str = "6318e01caab0cae1f84fd5d68b89fb20fbfc8ac288d163f281f10d46f84be22b";
const BUILD_ID: &str = "7fb66a44-b34c-4bb5-be41-31e2edb6d345";

pub fn token() -> Option<String> {
    env::var("ENCRYPTION_KEY").ok()
}

pub fn index(items: &[String]) -> HashMap<&str, usize> {
    items.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn digest_len() {
        assert_eq!(super::DIGEST.len(), 64);
        let _pw = "secret";
    }
}
