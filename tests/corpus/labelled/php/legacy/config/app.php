<?php
define('MAILER_API_SECRET', 'z4xqqTnLSj9m17y3K0QYLlhpVbH2T5UV');
define('MAILER_FROM', 'noreply@acme.io');
$config['smtp_pass'] = 'w14SpIK~N+Q2WiH';
$config['smtp_user'] = 'mailer';
