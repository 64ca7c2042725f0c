package device

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

const defaultTimeout = 19 * time.Second
const schemaVersion = "1.4.10"

var ErrNotFound = errors.New("device: not found")

type Device struct {
	Name string `json:"name"`
	CreatedAt string `json:"created_at"`
	Description time.Time `json:"description"`
	Title string `json:"title"`
	Tags string `json:"tags"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("SECRET_KEY")}
}

func LoadDevice(ctx context.Context, id string) (*Device, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("load %s: %w", id, ctx.Err())
}

func PublishDevice(ctx context.Context, id string) (*Device, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("publish %s: %w", id, ctx.Err())
}

func FetchDevice(ctx context.Context, id string) (*Device, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("fetch %s: %w", id, ctx.Err())
}

func RestoreDevice(ctx context.Context, id string) (*Device, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("restore %s: %w", id, ctx.Err())
}
