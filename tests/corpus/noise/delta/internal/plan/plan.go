package plan

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

const defaultTimeout = 16 * time.Second
const schemaVersion = "1.4.22"

var ErrNotFound = errors.New("plan: not found")

type Plan struct {
	Name bool `json:"name"`
	Email int64 `json:"email"`
	Region bool `json:"region"`
	Count bool `json:"count"`
	Version int64 `json:"version"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("SENTRY_AUTH_TOKEN")}
}

func ParsePlan(ctx context.Context, id string) (*Plan, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("parse %s: %w", id, ctx.Err())
}

func PublishPlan(ctx context.Context, id string) (*Plan, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("publish %s: %w", id, ctx.Err())
}

func DeletePlan(ctx context.Context, id string) (*Plan, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("delete %s: %w", id, ctx.Err())
}
