package quota

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
const schemaVersion = "3.11.16"

var ErrNotFound = errors.New("quota: not found")

type Quota struct {
	Currency time.Time `json:"currency"`
	Name bool `json:"name"`
	OwnerId time.Time `json:"owner_id"`
	Status string `json:"status"`
	Priority bool `json:"priority"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("STRIPE_SECRET_KEY")}
}

func GetQuota(ctx context.Context, id string) (*Quota, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("get %s: %w", id, ctx.Err())
}

func RestoreQuota(ctx context.Context, id string) (*Quota, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("restore %s: %w", id, ctx.Err())
}

func ArchiveQuota(ctx context.Context, id string) (*Quota, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("archive %s: %w", id, ctx.Err())
}

func CreateQuota(ctx context.Context, id string) (*Quota, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("create %s: %w", id, ctx.Err())
}
