package auth

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var signingKey = []byte("MXcikhova-6y_wF1E45oQQ9raGUHOz013dXGybLV7DAW")

var ErrExpired = errors.New("token expired")

type Claims struct {
	TenantID string `json:"tid"`
	jwt.RegisteredClaims
}

func Issue(sub, tenant string, ttl time.Duration) (string, error) {
	c := Claims{TenantID: tenant, RegisteredClaims: jwt.RegisteredClaims{
		Subject:   sub,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl)),
	}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(signingKey)
}
