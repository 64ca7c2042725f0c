"""Sync a local folder to S3.

Credentials come from the usual AWS chain (env, ~/.aws/credentials, instance role).
For local testing with moto you can use the documentation keys:

    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
"""
import hashlib
import os
import sys

import boto3

BUCKET = os.environ.get("SYNC_BUCKET", "acme-artifacts")


def md5(path):
    h = hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main(root):
    s3 = boto3.client(
        "s3",
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY"),
    )
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            key = os.path.relpath(path, root)
            etag = md5(path)
            try:
                head = s3.head_object(Bucket=BUCKET, Key=key)
                if head["ETag"].strip('"') == etag:
                    continue
            except s3.exceptions.ClientError:
                pass
            s3.upload_file(path, BUCKET, key)
            print("uploaded", key, etag)


if __name__ == "__main__":
    main(sys.argv[1])
