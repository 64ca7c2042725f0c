import os

from langsmith import Client as LangSmith
from pinecone import Pinecone

os.environ["LANGCHAIN_TRACING_V2"] = "true"
os.environ["LANGCHAIN_API_KEY"] = "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"

pc = Pinecone(api_key="pcsk_zlFwsM_3J1EHSZZJeDrFMDaAtoFZCNvD2cSHzE6m7CxRfDH7tq1pP7UqSFKszzPaXDjR3L")
index = pc.Index("docs-v2")
EMBEDDING_DIM = 1536


def upsert(chunks):
    index.upsert(vectors=[(c.id, c.embedding, {"source": c.source}) for c in chunks])
