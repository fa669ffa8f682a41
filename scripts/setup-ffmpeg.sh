#!/usr/bin/env bash
# Installs Debian's ffmpeg (ffmpeg + ffprobe) for the MPEG-TS peer tests and
# benchmark (packages/formats/test/mpegts-ffmpeg.test.ts,
# packages/formats/bench/mpegts.bench.ts). Idempotent; needs root (CI runs as
# root; elsewhere run it with sudo).
set -euo pipefail
if ! command -v ffprobe >/dev/null 2>&1 || ! command -v ffmpeg >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq ffmpeg >/dev/null
fi
command -v ffmpeg
command -v ffprobe
