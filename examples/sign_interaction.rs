//! Prints a signed `/join` interaction for the HTTP benchmark (scripts/bench_http.sh): the
//! public key to give the server (`DISCORD_PUBLIC_KEY`), the timestamp, the signature and the
//! body, one per line, in that order. The key pair is derived from the seed given as the first
//! argument (any text), so that a run can be repeated; the timestamp is now.
//!
//! `cargo run --release --example sign_interaction -- my-seed`

use ed25519_dalek::{Signer, SigningKey};
use sha2::{Digest, Sha256};
use std::time::{SystemTime, UNIX_EPOCH};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() {
    let seed = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "scs-bot-bench".into());
    let mut secret = [0u8; 32];
    secret.copy_from_slice(&Sha256::digest(seed.as_bytes()));
    let key = SigningKey::from_bytes(&secret);
    let timestamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        .to_string();
    let body = serde_json::json!({
        "type": 2,
        "id": "1100000000000000001",
        "application_id": "1100000000000000002",
        "token": "bench-interaction-token",
        "version": 1,
        "guild_id": "1100000000000000003",
        "channel_id": "1100000000000000004",
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 8_388_608,
        "member": {
            "user": {"id": "1100000000000000005", "username": "bench", "discriminator": "0"},
            "roles": [], "deaf": false, "mute": false, "flags": 0,
            "joined_at": "2024-01-01T00:00:00.000000+00:00",
            "permissions": "0"
        },
        "data": {"id": "1100000000000000006", "name": "join", "type": 1}
    })
    .to_string();
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body.as_bytes());
    println!("{}", hex(&key.verifying_key().to_bytes()));
    println!("{timestamp}");
    println!("{}", hex(&key.sign(&message).to_bytes()));
    println!("{body}");
}
