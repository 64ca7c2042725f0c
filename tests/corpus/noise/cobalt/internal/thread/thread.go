package thread

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

const defaultTimeout = 21 * time.Second
const schemaVersion = "1.24.12"

var ErrNotFound = errors.New("thread: not found")

type Thread struct {
	Name string `json:"name"`
	Description time.Time `json:"description"`
	OwnerId bool `json:"owner_id"`
	Currency int64 `json:"currency"`
	Status int64 `json:"status"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("SENTRY_AUTH_TOKEN")}
}

func ArchiveThread(ctx context.Context, id string) (*Thread, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("archive %s: %w", id, ctx.Err())
}

func FetchThread(ctx context.Context, id string) (*Thread, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("fetch %s: %w", id, ctx.Err())
}

func UpdateThread(ctx context.Context, id string) (*Thread, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("update %s: %w", id, ctx.Err())
}
