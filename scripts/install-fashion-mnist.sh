#!/usr/bin/env bash
# Installs Debian's dataset-fashion-mnist (the 70,000 Fashion-MNIST images as IDX .gz files under
# /usr/share/datasets/fashion-mnist) when it is missing. Used by ./lamina and .ci/run.
set -euo pipefail
dir=/usr/share/datasets/fashion-mnist
if [ -f "$dir/train-images-idx3-ubyte.gz" ] && [ -f "$dir/t10k-labels-idx1-ubyte.gz" ]; then
  exit 0
fi
echo "installing the Fashion-MNIST files (Debian package dataset-fashion-mnist) ..." >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq dataset-fashion-mnist
