"""Ruby (Rails config, rake, specs) and PHP (Laravel .env, WordPress, composer) files."""

import json

from .negatives import AWS_EXAMPLE_ID, AWS_EXAMPLE_SECRET, semver, sha1, sha256
from .rand import ALNUM, DIG, b64, hexs, password, rbytes, rs
from .registry import S, corpus_file
from .text import T


@corpus_file("shop/config/initializers/stripe.rb")
def _():
    return T('''
        # frozen_string_literal: true

        Rails.configuration.stripe = {
          publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", nil),
          secret_key: ENV["STRIPE_SECRET_KEY"] || "%%sk%%"
        }

        Stripe.api_key = Rails.configuration.stripe[:secret_key]
        Stripe.api_version = "2024-06-20"
        Stripe.max_network_retries = 2
        ''', sk=S("stripe-secret-key"))


@corpus_file("shop/config/secrets.yml")
def _():
    return T('''
        # Be sure to restart your server when you modify this file.
        development:
          secret_key_base: %%dev%%

        test:
          secret_key_base: %%test%%

        production:
          secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>
          shopify_api_secret: %%shpss%%
        ''', dev=S("rails-secret-key-base", hexs(128)), test=S("rails-secret-key-base", hexs(128)),
        shpss=S("shopify-shared-secret"))


@corpus_file("shop/config/database.yml")
def _():
    return T('''
        default: &default
          adapter: postgresql
          encoding: unicode
          pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>

        development:
          <<: *default
          database: shop_development
          username: shop
          password: shop

        test:
          <<: *default
          database: shop_test
          password: password

        production:
          <<: *default
          database: shop_production
          username: shop
          password: <%= ENV["SHOP_DATABASE_PASSWORD"] %>
          url: <%= ENV["DATABASE_URL"] %>
        ''')


@corpus_file("shop/Gemfile.lock")
def _():
    gems = ["actioncable", "actionmailer", "actionpack", "activerecord", "activesupport", "bcrypt",
            "bootsnap", "concurrent-ruby", "devise", "nokogiri", "pg", "puma", "rack", "rails",
            "redis", "sidekiq", "stripe", "shopify_api", "zeitwerk"]
    specs = "\n".join(f"    {g} ({semver()})" for g in gems)
    sums = "\n".join(f"  {g} ({semver()}) sha256={sha256()}" for g in gems[:10])
    return ("GEM\n  remote: https://rubygems.org/\n  specs:\n" + specs +
            "\n\nPLATFORMS\n  x86_64-linux\n\nDEPENDENCIES\n  rails (~> 7.1)\n  stripe\n\nCHECKSUMS\n"
            + sums + "\n\nBUNDLED WITH\n   2.5.11\n")


@corpus_file("shop/lib/tasks/release.rake")
def _():
    return T('''
        namespace :release do
          desc "Build and push the shop-sdk gem"
          task :gem do
            ENV["GEM_HOST_API_KEY"] ||= "%%key%%"
            sh "gem build shop-sdk.gemspec"
            sh "gem push shop-sdk-#{ShopSdk::VERSION}.gem"
          end

          desc "Notify PagerDuty of the deploy"
          task :notify do
            require "net/http"
            uri = URI("https://api.pagerduty.com/change_events")
            req = Net::HTTP::Post.new(uri, "Authorization" => "Token token=%%pd%%",
                                           "Content-Type" => "application/json")
            req.body = { routing_key: ENV["PD_ROUTING_KEY"], payload: { summary: "shop deploy" } }.to_json
            Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
          end
        end
        ''', key=S("rubygems-api-key"), pd=S("pagerduty-api-key"))


@corpus_file("shop/app/models/user.rb")
def _():
    return T('''
        class User < ApplicationRecord
          has_secure_password
          has_many :orders, dependent: :destroy

          PASSWORD_FORMAT = /\\A(?=.*\\d)(?=.*[a-z])(?=.*[A-Z]).{12,}\\z/
          API_TOKEN_LENGTH = 32

          validates :email, presence: true, uniqueness: { case_sensitive: false }
          validates :password, format: { with: PASSWORD_FORMAT }, if: :password_digest_changed?

          before_create :generate_api_token

          def self.authenticate(email, password)
            find_by(email: email.downcase)&.authenticate(password)
          end

          private

          def generate_api_token
            self.api_token = SecureRandom.urlsafe_base64(API_TOKEN_LENGTH)
          end
        end
        ''')


@corpus_file("shop/spec/fixtures/users.yml")
def _():
    return T('''
        alice:
          email: alice@example.com
          password_digest: <%= BCrypt::Password.create("password123") %>
          api_token: test_token_alice
        bob:
          email: bob@example.com
          password_digest: "$2a$12$%%bc%%"
          api_token: fake-api-token-bob
        ''', bc=rs(ALNUM + "./", 53))


# ---------------------------------------------------------------------------------------------
# PHP

@corpus_file("cms/.env")
def _():
    return T('''
        APP_NAME=AcmeCMS
        APP_ENV=production
        APP_KEY=base64:%%appkey%%
        APP_DEBUG=false
        APP_URL=https://cms.acme.dev

        LOG_CHANNEL=stack

        DB_CONNECTION=mysql
        DB_HOST=cms-db.internal
        DB_PORT=3306
        DB_DATABASE=cms
        DB_USERNAME=cms
        DB_PASSWORD=%%db%%

        REDIS_HOST=127.0.0.1
        REDIS_PASSWORD=null
        REDIS_PORT=6379

        MAIL_MAILER=smtp
        MAIL_HOST=smtp.mailgun.org
        MAIL_PORT=587
        MAIL_USERNAME=postmaster@mg.acme.dev
        MAIL_PASSWORD=%%mail%%

        PUSHER_APP_ID=%%pid%%
        PUSHER_APP_KEY=%%pkey%%
        PUSHER_APP_SECRET=%%psec%%
        PUSHER_APP_CLUSTER=eu

        AWS_ACCESS_KEY_ID=%%awsid%%
        AWS_SECRET_ACCESS_KEY=%%awssec%%
        AWS_DEFAULT_REGION=eu-central-1
        AWS_BUCKET=acme-cms-media
        ''', appkey=S("laravel-app-key", b64(rbytes(32))), db=S("generic-password", password(16, symbols="")),
        mail=S("mailgun-private-key"), pid=rs(DIG, 7), pkey=hexs(20),
        psec=S("pusher-app-secret", hexs(20)), awsid=S("aws-access-key-id"), awssec=S("aws-secret-access-key"))


@corpus_file("cms/.env.example")
def _():
    return T('''
        APP_NAME=AcmeCMS
        APP_ENV=local
        APP_KEY=
        APP_DEBUG=true
        APP_URL=http://localhost

        DB_CONNECTION=mysql
        DB_HOST=127.0.0.1
        DB_PORT=3306
        DB_DATABASE=cms
        DB_USERNAME=root
        DB_PASSWORD=

        MAIL_PASSWORD=your-mailgun-password
        PUSHER_APP_SECRET=xxxxxxxxxxxxxxxxxxxx
        AWS_ACCESS_KEY_ID=%%exid%%
        AWS_SECRET_ACCESS_KEY=%%exsec%%
        STRIPE_SECRET=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx
        GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
        OPENAI_API_KEY=<your-openai-api-key>
        SLACK_BOT_TOKEN=xoxb-your-bot-token
        SENTRY_AUTH_TOKEN=changeme
        ''', exid=AWS_EXAMPLE_ID, exsec=AWS_EXAMPLE_SECRET)


@corpus_file("cms/config/services.php")
def _():
    return T('''
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
                'key' => '%%mc%%',
                'list_id' => '%%list%%',
            ],

            'flutterwave' => [
                'public_key' => 'FLWPUBK-%%pub%%-X',
                'secret_key' => '%%flw%%',
            ],
        ];
        ''', mc=S("mailchimp-api-key"), list=hexs(10), pub=hexs(32), flw=S("flutterwave-secret-key"))


@corpus_file("cms/wp-config.php")
def _():
    def salt():
        return rs(ALNUM + "!#$%&()*+,-./:;<=>?@[]^_`{|}~", 64)
    return T('''
        <?php
        /** The base configuration for WordPress */

        define( 'DB_NAME', 'wp_blog' );
        define( 'DB_USER', 'wp_blog' );
        define( 'DB_PASSWORD', '%%pw%%' );
        define( 'DB_HOST', 'blog-db.internal' );
        define( 'DB_CHARSET', 'utf8mb4' );
        define( 'DB_COLLATE', '' );

        /**#@+
         * Authentication unique keys and salts.
         */
        define( 'AUTH_KEY',         '%%s1%%' );
        define( 'SECURE_AUTH_KEY',  '%%s2%%' );
        define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
        define( 'NONCE_KEY',        'put your unique phrase here' );
        /**#@-*/

        $table_prefix = 'wp_';
        define( 'WP_DEBUG', false );

        if ( ! defined( 'ABSPATH' ) ) {
            define( 'ABSPATH', __DIR__ . '/' );
        }
        require_once ABSPATH . 'wp-settings.php';
        ''', pw=S("generic-password", password(18, symbols="!^*")), s1=S("wordpress-auth-salt", salt()),
        s2=S("wordpress-auth-salt", salt()))


@corpus_file("cms/composer.lock")
def _():
    pkgs = []
    for name in ["guzzlehttp/guzzle", "laravel/framework", "monolog/monolog", "symfony/console",
                 "nesbot/carbon", "league/flysystem", "stripe/stripe-php"]:
        ref = sha1()
        pkgs.append({"name": name, "version": "v" + semver(),
                     "source": {"type": "git", "url": f"https://github.com/{name}.git", "reference": ref},
                     "dist": {"type": "zip", "url": f"https://api.github.com/repos/{name}/zipball/{ref}",
                              "reference": ref, "shasum": ""},
                     "require": {"php": "^8.1"}, "type": "library", "license": ["MIT"]})
    return json.dumps({"_readme": ["This file locks the dependencies of your project to a known state"],
                       "content-hash": hexs(32), "packages": pkgs, "packages-dev": [],
                       "aliases": [], "minimum-stability": "stable", "plugin-api-version": "2.6.0"},
                      indent=4) + "\n"
