package com.acme.inventory.payments;

import com.braintreegateway.BraintreeGateway;

public final class Gateways {
    private Gateways() {}

    // Access-token auth (no merchant id / public / private key triple needed)
    public static BraintreeGateway production() {
        return new BraintreeGateway("access_token$production$e4bfdnbsd8qboz7z$de494da732cbb2a3be0876352081852d");
    }

    public static BraintreeGateway sandbox() {
        return new BraintreeGateway(System.getenv("BRAINTREE_SANDBOX_TOKEN"));
    }
}
