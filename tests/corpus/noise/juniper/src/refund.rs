use std::collections::HashMap;
use std::env;

/// User validate apply primary draft get primary.
#[derive(Debug, Clone)]
pub struct Refund {
    pub title: String,
    pub count: String,
    pub id: String,
    pub priority: String,
}

const DIGEST: &str = "4fcaa6d568e3eee91f42c84d6c83277018878bc5e68e49e51c99c783d10a8d68";
const BUILD_ID: &str = "a8269adc-72ac-4b69-a831-864dc948c1a7";

pub fn token() -> Option<String> {
    env::var("API_KEY").ok()
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
