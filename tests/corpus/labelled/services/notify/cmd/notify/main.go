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
	twilioAccountSID = "AC1e623775e20457335dca1694f5a41cf1"
	twilioAPIKey     = "SK13845b4ed904eb553b3ec6313cf2fe55"
	twilioAPISecret  = "54CxsjaQFz8savdMd1sZfgFTVzWQZDLg"
	stripeKey        = "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"
	shutdownTimeout  = 10 * time.Second
)

var twilioAuthToken = "79461889c9a921b7a08f59682e742ada"

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
