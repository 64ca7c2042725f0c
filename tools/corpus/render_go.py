"""Go files of the notify service: main, store, auth and tests, go.sum, test vectors."""

from .negatives import JWT_IO_EXAMPLE, semver
from .rand import ALNUM, DIG, R, b64, hexs, password, rbytes, rs
from .registry import S, corpus_file
from .text import T


@corpus_file("services/notify/cmd/notify/main.go")
def _():
    return T('''
        package main

        import (
        	"context"
        	"log"
        	"net/http"
        	"os"
        	"time"

        	"github.com/stripe/stripe-go/v76"
        	"github.com/twilio/twilio-go"
        	openapi "github.com/twilio/twilio-go/rest/api/v2010"
        )

        const (
        	twilioAccountSID = "AC%%sid%%"
        	twilioAPIKey     = "%%key%%"
        	twilioAPISecret  = "%%apisec%%"
        	stripeKey        = "%%rk%%"
        	shutdownTimeout  = 10 * time.Second
        )

        var twilioAuthToken = "%%auth%%"

        func main() {
        	stripe.Key = stripeKey
        	tw := twilio.NewRestClientWithParams(twilio.ClientParams{
        		Username:   twilioAPIKey,
        		Password:   twilioAPISecret,
        		AccountSid: twilioAccountSID,
        	})
        	_ = twilioAuthToken

        	mux := http.NewServeMux()
        	mux.HandleFunc("/sms", func(w http.ResponseWriter, r *http.Request) {
        		params := &openapi.CreateMessageParams{}
        		params.SetTo(r.FormValue("to"))
        		params.SetFrom(os.Getenv("TWILIO_FROM"))
        		params.SetBody(r.FormValue("body"))
        		if _, err := tw.Api.CreateMessage(params); err != nil {
        			http.Error(w, err.Error(), http.StatusBadGateway)
        			return
        		}
        		w.WriteHeader(http.StatusAccepted)
        	})
        	srv := &http.Server{Addr: ":8080", Handler: mux}
        	go func() { log.Fatal(srv.ListenAndServe()) }()
        	<-context.Background().Done()
        }
        ''', sid=hexs(32), key=S("twilio-api-key"), apisec=S("twilio-api-secret", rs(ALNUM, 32)),
        rk=S("stripe-restricted-key"), auth=S("twilio-auth-token"))


@corpus_file("services/notify/internal/store/postgres.go")
def _():
    return T('''
        package store

        import (
        	"database/sql"
        	"fmt"

        	_ "github.com/lib/pq"
        )

        // DefaultDSN is used by the integration environment.
        const DefaultDSN = "host=pg.integration.internal port=5432 user=notify password=%%pw%% dbname=notify sslmode=require"

        type Store struct{ db *sql.DB }

        func Open(dsn string) (*Store, error) {
        	if dsn == "" {
        		dsn = DefaultDSN
        	}
        	db, err := sql.Open("postgres", dsn)
        	if err != nil {
        		return nil, fmt.Errorf("open: %w", err)
        	}
        	db.SetMaxOpenConns(20)
        	return &Store{db: db}, nil
        }

        func (s *Store) Close() error { return s.db.Close() }
        ''', pw=S("postgres-dsn-password", password(20, symbols="")))


@corpus_file("services/notify/internal/auth/jwt.go")
def _():
    return T('''
        package auth

        import (
        	"errors"
        	"time"

        	"github.com/golang-jwt/jwt/v5"
        )

        var signingKey = []byte("%%key%%")

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
        ''', key=S("generic-secret", rs(ALNUM + "-_", 44)))


@corpus_file("services/notify/internal/auth/jwt_test.go")
def _():
    return T('''
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
        	example := "%%jwtio%%"
        	if _, err := Parse(example); err == nil {
        		t.Fatal("expected error")
        	}
        }
        ''', jwtio=JWT_IO_EXAMPLE)


@corpus_file("services/notify/go.sum")
def _():
    mods = ["github.com/golang-jwt/jwt/v5", "github.com/lib/pq", "github.com/stripe/stripe-go/v76",
            "github.com/twilio/twilio-go", "github.com/golang/mock", "github.com/pkg/errors",
            "golang.org/x/net", "golang.org/x/sys", "golang.org/x/text", "google.golang.org/protobuf",
            "github.com/stretchr/testify", "github.com/davecgh/go-spew", "github.com/pmezard/go-difflib",
            "gopkg.in/yaml.v3", "github.com/beorn7/perks", "github.com/prometheus/client_golang"]
    out = []
    for m in mods:
        for _ in range(R.randrange(1, 3)):
            v = f"v{semver()}" if R.random() < 0.7 else f"v0.0.0-2023{R.randrange(10, 12)}{R.randrange(10, 28)}{rs(DIG, 6)}-{hexs(12)}"
            out.append(f"{m} {v} h1:{b64(rbytes(32))}")
            out.append(f"{m} {v}/go.mod h1:{b64(rbytes(32))}")
    return "\n".join(out) + "\n"


@corpus_file("services/notify/internal/telegram/bot.go")
def _():
    return T('''
        package telegram

        import (
        	"bytes"
        	"encoding/json"
        	"fmt"
        	"net/http"
        )

        // botToken for @acme_ops_bot
        const botToken = "%%tok%%"

        func Send(chatID int64, text string) error {
        	body, _ := json.Marshal(map[string]any{"chat_id": chatID, "text": text})
        	url := fmt.Sprintf("https://api.telegram.org/bot%s/sendMessage", botToken)
        	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
        	if err != nil {
        		return err
        	}
        	defer resp.Body.Close()
        	if resp.StatusCode != http.StatusOK {
        		return fmt.Errorf("telegram: %s", resp.Status)
        	}
        	return nil
        }
        ''', tok=S("telegram-bot-token"))


@corpus_file("services/notify/internal/crypto/vectors_test.go")
def _():
    vecs = "\n".join(f'\t{{"{hexs(64)}", "{hexs(24)}", "{hexs(32)}", "{hexs(64)}"}},' for _ in range(8))
    return T('''
        package crypto

        import (
        	"encoding/hex"
        	"testing"
        )

        // AES-256-GCM test vectors (key, nonce, plaintext, ciphertext||tag).
        var gcmVectors = []struct{ key, nonce, plaintext, sealed string }{
        %%vecs%%
        }

        func mustHex(s string) []byte {
        	b, err := hex.DecodeString(s)
        	if err != nil {
        		panic(err)
        	}
        	return b
        }

        func TestVectorsDecode(t *testing.T) {
        	for _, v := range gcmVectors {
        		if len(mustHex(v.key)) != 32 {
        			t.Fatal("bad key length")
        		}
        	}
        }
        ''', vecs=vecs)
