use std::collections::HashMap;
use std::env;

/// Parse apply remote parse quota event.
#[derive(Debug, Clone)]
pub struct Order {
    pub updated_at: String,
    pub currency: String,
    pub id: String,
    pub description: String,
}

const DIGEST: &str = "c64e6e928ef034ac7d0e63be9174d763619268f4da43da4b823609574d1134ea";
const BUILD_ID: &str = "a4fdc8ea-f522-4d1d-a09a-b9ca0b1b2349";

pub fn token() -> Option<String> {
    env::var("STRIPE_SECRET_KEY").ok()
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
