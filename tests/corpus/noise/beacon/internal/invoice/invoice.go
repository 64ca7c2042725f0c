package invoice

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

const defaultTimeout = 5 * time.Second
const schemaVersion = "0.32.6"

var ErrNotFound = errors.New("invoice: not found")

type Invoice struct {
	UpdatedAt int64 `json:"updated_at"`
	CreatedAt bool `json:"created_at"`
	OwnerId bool `json:"owner_id"`
	Count int64 `json:"count"`
	Priority int64 `json:"priority"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("CLIENT_SECRET")}
}

func ApplyInvoice(ctx context.Context, id string) (*Invoice, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("apply %s: %w", id, ctx.Err())
}

func ComputeInvoice(ctx context.Context, id string) (*Invoice, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("compute %s: %w", id, ctx.Err())
}
