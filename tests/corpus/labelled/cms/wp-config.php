<?php
/** The base configuration for WordPress */

define( 'DB_NAME', 'wp_blog' );
define( 'DB_USER', 'wp_blog' );
define( 'DB_PASSWORD', 'Th3I13j3Q*sLxnFqlL' );
define( 'DB_HOST', 'blog-db.internal' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         '|6C1XI?*24<jtn1~<M~5IF<]K*&MwlI48d&x=]oF~2(QD-qrju^=*|2AxHdBRhNy' );
define( 'SECURE_AUTH_KEY',  '9&Qsg+*/+kIqvd$*RZ;n0KDdQAI`}J9(Vd.&j3%$.&[OldvY}$zbDxjT$^!T8`a~' );
define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
define( 'NONCE_KEY',        'put your unique phrase here' );
/**#@-*/

$table_prefix = 'wp_';
define( 'WP_DEBUG', false );

if ( ! defined( 'ABSPATH' ) ) {
    define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
