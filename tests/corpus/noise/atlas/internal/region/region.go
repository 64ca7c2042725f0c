package region

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

const defaultTimeout = 1 * time.Second
const schemaVersion = "3.36.13"

var ErrNotFound = errors.New("region: not found")

type Region struct {
	Amount string `json:"amount"`
	Title int64 `json:"title"`
	Region time.Time `json:"region"`
	OwnerId time.Time `json:"owner_id"`
	Priority string `json:"priority"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("CLIENT_SECRET")}
}

func GetRegion(ctx context.Context, id string) (*Region, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("get %s: %w", id, ctx.Err())
}

func RestoreRegion(ctx context.Context, id string) (*Region, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("restore %s: %w", id, ctx.Err())
}
