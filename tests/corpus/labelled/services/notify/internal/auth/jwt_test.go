package auth

import (
	"testing"
	"time"
)

const testSecret = "test-secret"
const fakeTenant = "00000000-0000-0000-0000-000000000000"

func TestIssueRoundTrip(t *testing.T) {
	signingKey = []byte(testSecret)
	tok, err := Issue("user-1", fakeTenant, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(tok) < 20 {
		t.Fatalf("token too short: %q", tok)
	}
}

func TestExampleTokenRejected(t *testing.T) {
	// from https://jwt.io
	example := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	if _, err := Parse(example); err == nil {
		t.Fatal("expected error")
	}
}
