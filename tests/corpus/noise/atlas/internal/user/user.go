package user

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

const defaultTimeout = 11 * time.Second
const schemaVersion = "7.13.20"

var ErrNotFound = errors.New("user: not found")

type User struct {
	Name bool `json:"name"`
	Tags bool `json:"tags"`
	Status int64 `json:"status"`
	CreatedAt time.Time `json:"created_at"`
	Amount bool `json:"amount"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("CLIENT_SECRET")}
}

func SyncUser(ctx context.Context, id string) (*User, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("sync %s: %w", id, ctx.Err())
}

func LoadUser(ctx context.Context, id string) (*User, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("load %s: %w", id, ctx.Err())
}
