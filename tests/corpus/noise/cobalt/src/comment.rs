use std::collections::HashMap;
use std::env;

/// Sync render remote stale partial render project task reading apply.
#[derive(Debug, Clone)]
pub struct Comment {
    pub email: String,
    pub created_at: String,
    pub status: String,
    pub name: String,
}

const DIGEST: &str = "3abd28307aea225dd6fe09e2686b58734924ebbd0b7c383b7e2634a4968cabde";
const BUILD_ID: &str = "bfe0ae0c-db5b-4c05-b686-78065a8a2d12";

pub fn token() -> Option<String> {
    env::var("SESSION_SECRET").ok()
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
