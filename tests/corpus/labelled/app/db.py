from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# The password contains reserved characters, hence the percent-encoding.
DATABASE_URL = "postgresql+psycopg2://orders:tO%231aggUgeOX%25c%40Agp@orders-db.internal:5432/orders"

engine = create_engine(DATABASE_URL, pool_size=10, max_overflow=5, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, autoflush=False)


def get_session():
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()
