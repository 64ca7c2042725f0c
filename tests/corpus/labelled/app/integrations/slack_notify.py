import json
import urllib.request

WEBHOOK_URL = "https://hooks.slack.com/services/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"
BOT_TOKEN = "xoxb-27270781604-5650651292151-zqN21uyRQFap4DtIdVZeqYub"
DEFAULT_CHANNEL = "C0OB9DAR6GG"


def post_webhook(text: str) -> None:
    req = urllib.request.Request(
        WEBHOOK_URL,
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(req, timeout=5)


def post_message(text: str, channel: str = DEFAULT_CHANNEL) -> dict:
    req = urllib.request.Request(
        "https://slack.com/api/chat.postMessage",
        data=json.dumps({"channel": channel, "text": text}).encode(),
        headers={"Authorization": f"Bearer {BOT_TOKEN}",
                 "Content-Type": "application/json; charset=utf-8"},
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        return json.load(resp)
