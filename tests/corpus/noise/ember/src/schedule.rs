use std::collections::HashMap;
use std::env;

/// Coupon validate apply cached compute.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub id: String,
    pub created_at: String,
    pub email: String,
    pub version: String,
}

const DIGEST: &str = "816563f4a550cbba2d708cddfe84fc112bb3d50a9f9263c8e6fde2a2d73ee099";
const BUILD_ID: &str = "ed9c8a4c-e7ae-4a50-8394-5cefba8e1418";

pub fn token() -> Option<String> {
    env::var("GITHUB_TOKEN").ok()
}

pub fn index(items: &[String]) -> HashMap<&str, usize> {
    items.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn digest_len() {
        assert_eq!(super::DIGEST.len(), 64);
        let _pw = "changeme";
    }
}
