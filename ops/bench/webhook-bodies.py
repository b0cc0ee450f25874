#!/usr/bin/env python3
"""Writes N distinct signed sync_end webhooks, one per line (body TAB signature), for webhooks.lua.

Usage: ops/bench/webhook-bodies.py SECRET [N] > /tmp/webhooks.txt
The signature is Fivetran's: upper-case hex HMAC-SHA256 of the raw body, keyed with the webhook secret.
"""
import datetime
import hashlib
import hmac
import sys

secret = sys.argv[1].encode()
count = int(sys.argv[2]) if len(sys.argv) > 2 else 150000
# created now, so the bridge processes them (older than its 24 h dedup window they are dropped as stale)
created = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
for i in range(count):
    body = ('{"event":"sync_end","created":"%s","connector_type":"postgres","connector_id":"wrk_%d",'
            '"connector_name":"pg","sync_id":"wrk-%d","destination_group_id":"g","data":{"status":"SUCCESSFUL"}}'
            % (created, i % 5000, i))
    signature = hmac.new(secret, body.encode(), hashlib.sha256).hexdigest().upper()
    sys.stdout.write(body + '\t' + signature + '\n')
