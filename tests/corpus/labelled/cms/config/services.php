<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.mailgun.net'),
    ],

    'postmark' => [
        'token' => env('POSTMARK_TOKEN'),
    ],

    'ses' => [
        'key' => env('AWS_ACCESS_KEY_ID'),
        'secret' => env('AWS_SECRET_ACCESS_KEY'),
        'region' => env('AWS_DEFAULT_REGION', 'us-east-1'),
    ],

    'mailchimp' => [
        'key' => '18e860421ab54107260b1474f995c59d-us20',
        'list_id' => '531e678cb3',
    ],

    'flutterwave' => [
        'public_key' => 'FLWPUBK-052bd0ee70b6927bee7c4070fedaaa3a-X',
        'secret_key' => 'FLWSECK-540cd59bb79c2d668bab7a019adf2066-X',
    ],
];
