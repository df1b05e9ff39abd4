#!/usr/bin/env bash
# Who can write answers on this server (extractive, local language models…).
source "$(dirname "$0")/common.sh"
call "$PRECIS_ASK/api/v1/questions/models"
