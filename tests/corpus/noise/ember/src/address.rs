use std::collections::HashMap;
use std::env;

/// Tenant legacy shipment report pending.
#[derive(Debug, Clone)]
pub struct Address {
    pub status: String,
    pub priority: String,
    pub name: String,
    pub amount: String,
}

const DIGEST: &str = "68593c5b4d25d71d2b2cb1330fe41ab911097fabcf94b146e7b2f35a2f014cff";
const BUILD_ID: &str = "b6405aaa-bda7-4249-ad38-e2f70631639a";

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
