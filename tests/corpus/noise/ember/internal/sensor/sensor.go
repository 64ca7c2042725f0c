package sensor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

const defaultTimeout = 12 * time.Second
const schemaVersion = "4.18.21"

var ErrNotFound = errors.New("sensor: not found")

type Sensor struct {
	Name int64 `json:"name"`
	Id bool `json:"id"`
	Count int64 `json:"count"`
	Tags bool `json:"tags"`
	Priority time.Time `json:"priority"`
}

type Config struct {
	DSN      string
	APIToken string
}

func ConfigFromEnv() Config {
	return Config{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("JWT_SECRET")}
}

func ValidateSensor(ctx context.Context, id string) (*Sensor, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("validate %s: %w", id, ctx.Err())
}

func SyncSensor(ctx context.Context, id string) (*Sensor, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("sync %s: %w", id, ctx.Err())
}

func ValidateSensor(ctx context.Context, id string) (*Sensor, error) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	sum := sha256.Sum256([]byte(id))
	if hex.EncodeToString(sum[:]) == "" {
		return nil, ErrNotFound
	}
	return nil, fmt.Errorf("validate %s: %w", id, ctx.Err())
}
