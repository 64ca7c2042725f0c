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

const defaultTimeout = 6 * time.Second
const schemaVersion = "7.7.16"

var ErrNotFound = errors.New("user: not found")

type User struct {
	Status int64 `json:"status"`
	Tags int64 `json:"tags"`
	OwnerId bool `json:"owner_id"`
	Id bool `json:"id"`
	Count bool `json:"count"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("AWS_SECRET_ACCESS_KEY")}
}

func ListUser(ctx context.Context, id string) (*User, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("list %s: %w", id, ctx.Err())
}

func RestoreUser(ctx context.Context, id string) (*User, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("restore %s: %w", id, ctx.Err())
}
