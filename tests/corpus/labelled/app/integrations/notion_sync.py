from notion_client import Client

# legacy integration (workspace: Acme Docs)
notion_legacy = Client(auth="secret_oGpPtyHdHGaMVgwflkQqMHW6wjmPQ5ZGJ3SR9Xf9pSF")
notion = Client(auth="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")
DATABASE_ID = "856e75706d84ded59590eb770cdf6229"


def pages_updated_since(ts):
    return notion.databases.query(
        database_id=DATABASE_ID,
        filter={"timestamp": "last_edited_time", "last_edited_time": {"after": ts}},
    )["results"]
