#!/usr/bin/env bash
# Regenerates the test certificates in test/fixtures/tls (see its README.md). Test material only:
# the keys are public on purpose and trusted by nothing but the tests.
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/tls"

# test/unit/core/paypro/tls.test.ts: a self-signed gateway on 127.0.0.1, valid for 100 years.
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 36500 \
  -subj "/CN=127.0.0.1/O=paypro-pos test (self-signed, untrusted)" \
  -addext "subjectAltName=IP:127.0.0.1" \
  -keyout self-signed.key -out self-signed.crt

# test/unit/core/hq/hq-tls.test.ts: a head-office Postgres at 127.0.0.2 / hq.test, its certificate
# signed by a test CA, both valid for 20 years. The CA's key is thrown away: rerun to renew both.
ca_key="$(mktemp)"
trap 'rm -f "$ca_key" hq-server.csr' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 7300 \
  -subj "/CN=paypro-pos test head-office CA (test only)" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "$ca_key" -out hq-ca.crt
openssl req -new -newkey rsa:2048 -nodes -sha256 \
  -subj "/CN=hq.test/O=paypro-pos test (test only)" \
  -keyout hq-server.key -out hq-server.csr
openssl x509 -req -in hq-server.csr -CA hq-ca.crt -CAkey "$ca_key" -CAcreateserial -days 7300 -sha256 \
  -extfile <(printf 'subjectAltName=IP:127.0.0.2,DNS:hq.test\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n') \
  -out hq-server.crt
rm -f hq-ca.srl
