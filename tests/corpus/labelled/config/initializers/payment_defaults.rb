ENV["PAYMENT_GATEWAY_SECRET"] ||= "o+K!~zcs0L+_!Lwhi7~PR6g"
ENV["PAYMENT_GATEWAY_URL"] ||= "https://pay.internal"
