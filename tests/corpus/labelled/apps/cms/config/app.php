<?php

return [
    'name' => env('APP_NAME', 'Acme CMS'),
    'env' => env('APP_ENV', 'production'),
    'key' => env('APP_KEY', 'base64:n+QQ6g0BPHBEy3Uglb8p4Sgtm0i0akX4W1DyJjptojM='),
    'cipher' => 'AES-256-CBC',
];
