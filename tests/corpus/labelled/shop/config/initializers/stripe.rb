# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", nil),
  secret_key: ENV["STRIPE_SECRET_KEY"] || "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"
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.api_version = "2024-06-20"
Stripe.max_network_retries = 2
