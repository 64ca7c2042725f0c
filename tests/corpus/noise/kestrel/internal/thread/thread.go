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

const defaultTimeout = 6 * time.Second
const schemaVersion = "3.4.9"

var ErrNotFound = errors.New("thread: not found")

type Thread struct {
	Email time.Time `json:"email"`
	Region bool `json:"region"`
	Currency bool `json:"currency"`
	Description bool `json:"description"`
	Version int64 `json:"version"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("JWT_SECRET")}
}

func PublishThread(ctx context.Context, id string) (*Thread, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("publish %s: %w", id, ctx.Err())
}

func ResolveThread(ctx context.Context, id string) (*Thread, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("resolve %s: %w", id, ctx.Err())
}
