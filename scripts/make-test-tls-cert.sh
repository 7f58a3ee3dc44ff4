#!/usr/bin/env bash
# Regenerates the self-signed certificate of test/unit/core/paypro/tls.test.ts (127.0.0.1 only,
# valid for 100 years). Test material only: the key is public on purpose.
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/tls"
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 36500 \
  -subj "/CN=127.0.0.1/O=paypro-pos test (self-signed, untrusted)" \
  -addext "subjectAltName=IP:127.0.0.1" \
  -keyout self-signed.key -out self-signed.crt
