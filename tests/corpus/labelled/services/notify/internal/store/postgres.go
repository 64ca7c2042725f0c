package store

import (
	"database/sql"
	"fmt"

	_ "github.com/lib/pq"
)

// DefaultDSN is used by the integration environment.
const DefaultDSN = "host=pg.integration.internal port=5432 user=notify password=CTsspPQ0dmretHCjoFk9 dbname=notify sslmode=require"

type Store struct{ db *sql.DB }

func Open(dsn string) (*Store, error) {
	if dsn == "" {
		dsn = DefaultDSN
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	db.SetMaxOpenConns(20)
	return &Store{db: db}, nil
}

func (s *Store) Close() error { return s.db.Close() }
