import requests

BOT = "2903725896:AA8jsHViFIxFVCeJJjE5KRLP-f0_ykDjv5a"
CHAT_ID = -1002953279880


def alert(text):
    requests.post(f"https://api.telegram.org/bot{BOT}/sendMessage",
                  json={"chat_id": CHAT_ID, "text": text, "parse_mode": "HTML"}, timeout=5)
