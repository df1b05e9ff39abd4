#!/usr/bin/env bash
# Your documents and the shared library, newest first, with their status.
source "$(dirname "$0")/common.sh"
call "$PRECIS_ASK/api/v1/documents"
