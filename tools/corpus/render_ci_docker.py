"""CI pipelines (GitHub Actions, GitLab, CircleCI, Buildkite, Bitbucket) and Docker files."""

import json

from .kinds import TOKENS
from .negatives import semver, sha1, sha256
from .rand import b64, password
from .registry import S, corpus_file
from .text import T


@corpus_file(".github/workflows/ci.yml")
def _():
    return T('''
        name: ci
        on:
          push:
            branches: [main]
          pull_request:

        permissions:
          contents: read

        jobs:
          test:
            runs-on: ubuntu-latest
            env:
              DATABASE_URL: postgres://postgres:postgres@localhost:5432/test
              NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
            services:
              postgres:
                image: postgres:16
                env:
                  POSTGRES_PASSWORD: postgres
                ports: ["5432:5432"]
            steps:
              - uses: actions/checkout@%%sha1%% # v4.1.7
              - uses: actions/setup-node@%%sha2%% # v4.0.3
                with:
                  node-version: 20
                  cache: npm
              - run: npm ci
              - run: npm test
              - name: Upload coverage
                uses: codecov/codecov-action@%%sha3%%
                with:
                  token: ${{ secrets.CODECOV_TOKEN }}
        ''', sha1=sha1(), sha2=sha1(), sha3=sha1())


@corpus_file(".github/workflows/release.yml")
def _():
    return T('''
        name: release
        on:
          push:
            tags: ["v*"]

        jobs:
          publish:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-python@v5
                with:
                  python-version: "3.12"
              - run: pip install build twine && python -m build
              - name: Publish
                env:
                  TWINE_USERNAME: __token__
                  TWINE_PASSWORD: %%pypi%%
                run: twine upload dist/*
              - name: Announce
                run: |
                  curl -X POST -H 'Content-type: application/json' \\
                    --data '{"text":"released ${{ github.ref_name }}"}' \\
                    %%hook%%
              - name: Bump homebrew
                env:
                  HOMEBREW_GITHUB_API_TOKEN: %%fg%%
                run: brew bump-formula-pr --tag "${GITHUB_REF_NAME}" acme
        ''', pypi=S("pypi-token"), hook=S("slack-webhook"), fg=S("github-fine-grained-pat"))


@corpus_file(".gitlab-ci.yml")
def _():
    return T('''
        stages: [build, test, deploy]

        variables:
          DOCKER_DRIVER: overlay2
          GITLAB_API_TOKEN: "%%pat%%"

        build:
          stage: build
          image: docker:24
          services: [docker:24-dind]
          script:
            - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
            - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .
            - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"

        trigger-docs:
          stage: deploy
          script:
            - curl -X POST -F token=%%trig%% -F ref=main https://gitlab.acme.dev/api/v4/projects/42/trigger/pipeline
            - 'curl --header "PRIVATE-TOKEN: $GITLAB_API_TOKEN" https://gitlab.acme.dev/api/v4/projects/42/releases'
          only: [main]

        pages:
          stage: deploy
          script:
            - git clone https://gitlab+deploy-token-7:%%deploy%%@gitlab.acme.dev/acme/docs.git
            - echo "feed: https://gitlab.acme.dev/acme/app.atom?feed_token=%%feed%%"
        ''', pat=S("gitlab-pat"), trig=S("gitlab-pipeline-trigger-token"), deploy=S("gitlab-deploy-token"),
        feed=S("gitlab-feed-token"))


@corpus_file(".circleci/config.yml")
def _():
    return T('''
        version: 2.1
        orbs:
          node: circleci/node@5.2.0

        jobs:
          deploy:
            docker:
              - image: cimg/node:20.11
                auth:
                  username: acmebot
                  password: $DOCKERHUB_PASSWORD
            environment:
              CIRCLE_TOKEN: %%cci%%
              TRAVIS_TOKEN: %%travis%%
            steps:
              - checkout
              - run: npx netlify deploy --prod --auth $NETLIFY_AUTH_TOKEN

        workflows:
          main:
            jobs: [deploy]
        ''', cci=S("circleci-pat"), travis=S("travis-ci-token"))


@corpus_file(".buildkite/pipeline.yml")
def _():
    return T('''
        env:
          BUILDKITE_API_TOKEN: "%%bk%%"
          SONAR_TOKEN: %%sq%%
          DATABRICKS_TOKEN: %%db%%

        steps:
          - label: ":hammer: build"
            command: make build
          - label: ":rocket: deploy"
            command: ./ci/deploy.sh
            branches: main
            plugins:
              - docker-login#v2.1.0:
                  username: acmebot
                  password-env: DOCKER_LOGIN_PASSWORD
        ''', bk=S("buildkite-token"), sq=S("sonarqube-project-token"), db=S("databricks-token"))


@corpus_file("bitbucket-pipelines.yml")
def _():
    return T('''
        image: python:3.12

        pipelines:
          default:
            - step:
                name: Test
                caches: [pip]
                script:
                  - pip install -r requirements.txt
                  - pytest -q
          branches:
            main:
              - step:
                  name: Mirror
                  script:
                    - git push https://acme-ci:%%app%%@bitbucket.org/acme/mirror.git HEAD:main
                    - pipe: atlassian/aws-s3-deploy:1.1.0
                      variables:
                        AWS_ACCESS_KEY_ID: $AWS_ACCESS_KEY_ID
                        AWS_SECRET_ACCESS_KEY: $AWS_SECRET_ACCESS_KEY
        ''', app=S("bitbucket-app-password"))


# ---------------------------------------------------------------------------------------------
# Docker

@corpus_file("Dockerfile")
def _():
    pw = password(16, symbols="")
    return T('''
        # syntax=docker/dockerfile:1.7
        FROM node:20.11-alpine@sha256:%%d1%% AS build
        WORKDIR /app
        ENV NPM_TOKEN=%%npm%%
        RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc
        COPY package*.json ./
        RUN npm ci
        COPY . .
        RUN npm run build

        FROM python:3.12-slim@sha256:%%d2%%
        ARG PIP_EXTRA_INDEX_URL=https://ci:%%pw%%@pypi.acme.dev/simple
        RUN pip install --no-cache-dir --extra-index-url "$PIP_EXTRA_INDEX_URL" acme-runtime==%%ver%%
        COPY --from=build /app/dist /srv/www
        USER 10001
        CMD ["python", "-m", "acme_runtime"]
        ''', d1=sha256(), d2=sha256(), npm=S("npm-token"), pw=S("url-password", pw), ver=semver())


@corpus_file("services/notify/Dockerfile")
def _():
    return T('''
        FROM golang:1.22@sha256:%%d1%% AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN --mount=type=cache,target=/go/pkg/mod go mod download
        COPY . .
        RUN --mount=type=secret,id=netrc,target=/root/.netrc CGO_ENABLED=0 go build -o /out/notify ./cmd/notify

        FROM gcr.io/distroless/static@sha256:%%d2%%
        ARG GITHUB_TOKEN
        ENV TWILIO_AUTH_TOKEN=""
        COPY --from=build /out/notify /notify
        ENTRYPOINT ["/notify"]
        ''', d1=sha256(), d2=sha256())


@corpus_file("docker-compose.yml")
def _():
    return T('''
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_USER: app
              POSTGRES_PASSWORD: %%pg%%
              POSTGRES_DB: app
            volumes:
              - pgdata:/var/lib/postgresql/data
          rabbit:
            image: rabbitmq:3-management
            environment:
              - RABBITMQ_DEFAULT_USER=app
              - RABBITMQ_DEFAULT_PASS=%%rmq%%
          api:
            build: .
            depends_on: [db, rabbit]
            environment:
              DATABASE_URL: postgres://app:${POSTGRES_PASSWORD}@db:5432/app
              AMQP_URL: "amqp://app:%%rmq2%%@rabbit:5672/"
              MINIO_ROOT_PASSWORD: "%%minio%%"
        volumes:
          pgdata: {}
        ''', pg=S("generic-password", password(20, symbols="")), rmq=S("generic-password", password(20, symbols="")),
        rmq2=S("amqp-url-password", password(20, symbols="")), minio=S("generic-password", password(24, symbols="")))


@corpus_file("docker-compose.override.yml")
def _():
    return T('''
        services:
          db:
            environment:
              POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}
          api:
            environment:
              DEBUG: "1"
              SECRET_KEY: ${SECRET_KEY:?set SECRET_KEY}
              STRIPE_SECRET_KEY: sk_test_xxxxxxxxxxxxxxxxxxxx
              OPENAI_API_KEY: ${OPENAI_API_KEY}
            ports:
              - "8000:8000"
        ''')


@corpus_file(".docker/config.json")
def _():
    auth1 = "acmebot:" + TOKENS["dockerhub-pat"]()
    auth2 = "ci:" + password(20, symbols="")
    return json.dumps({
        "auths": {
            "https://index.docker.io/v1/": {"auth": S("docker-config-auth", b64(auth1.encode()), decoded=auth1)},
            "registry.acme.dev": {"auth": S("docker-config-auth", b64(auth2.encode()), decoded=auth2)},
            "ghcr.io": {},
        },
        "credsStore": "desktop",
        "currentContext": "default",
    }, indent="\t") + "\n"
