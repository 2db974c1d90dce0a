#!/usr/bin/env bash
# Prepares the GPU check (issue 25, docs/gpu.md#the-prepared-gpu-check): a folder of at most
# 64 MiB that a machine with an NVIDIA GPU, CUDA and a Python torch 2.x (but no Java, Maven or
# network) runs with one command.
#
#   scripts/gpu-check.sh prepare            # here: builds .gpu-check/ (ignored by git)
#   scripts/gpu-check.sh local-dry-run      # here: runs the same check on this CPU (no CUDA), as a test
#   bash scripts/gpu/remote.sh .gpu-check   # there (the device tool: carry .gpu-check)
#
# What the folder holds (all made here from this checkout and the local Maven repository):
#   jre.tar.gz     a jlink'd Java 17 runtime (java.base, java.desktop for ImageIO, java.logging,
#                  java.management, java.naming, java.sql, java.xml, jdk.unsupported, jdk.zipfs),
#                  with the JDK's include/ headers, which the JNI build needs
#   lamina-gpu.jar examples/target/lamina.jar without the CPU libtorch (pytorch-native-cpu)
#   data/          the first TRAIN_N training and TEST_N test images of Fashion-MNIST (IDX .gz)
#   jni/           DJL 0.35.1's PyTorch JNI sources (engines/pytorch/pytorch-native and
#                  api/src/main/native of DJL's repository at tag v0.35.1) and the JNI header
#                  javac -h makes from DJL's PyTorchLibrary class; only used when DJL's own 2.7.1
#                  JNI fails against the machine's libtorch
#   torch_eager.py the same model in PyTorch eager, for the images/s comparison
# The DJL sources come from a local clone of DJL's public repository, given as DJL_SRC (a git
# directory or a work tree that has the v0.35.1 tag); they are never committed here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/.gpu-check"
TRAIN_N="${TRAIN_N:-19200}"   # 300 steps at batch 64
TEST_N="${TEST_N:-2000}"
LIMIT_MIB=64

prepare() {
  local jar="$root/examples/target/lamina.jar"
  if [ ! -f "$jar" ]; then
    echo "gpu-check: building $jar (mvn -B -q package -DskipTests) ..." >&2
    (cd "$root" && mvn -B -q package -DskipTests -Dinvoker.skip=true)
  fi
  local djl="${DJL_SRC:-}"
  if [ -z "$djl" ]; then
    echo "gpu-check: set DJL_SRC to a clone of DJL's repository (with the v0.35.1 tag); docs/gpu.md says how to get one" >&2
    exit 2
  fi
  if [ -e "$out" ] && [ ! -f "$out/.made-by-gpu-check" ]; then
    echo "gpu-check: $out exists and was not made by this script; move it away first" >&2
    exit 2
  fi
  rm -rf "$out"
  mkdir -p "$out/data" "$out/jni"
  touch "$out/.made-by-gpu-check"

  echo "gpu-check: jlink runtime ..." >&2
  local jre
  jre="$(mktemp -d)"
  jlink --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.unsupported,jdk.zipfs \
    --strip-debug --no-man-pages --compress=2 --output "$jre/jre"
  cp -r "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")/include" "$jre/jre/include"
  tar -C "$jre" -czf "$out/jre.tar.gz" jre
  rm -rf "$jre"

  echo "gpu-check: lamina-gpu.jar (lamina.jar without pytorch-native-cpu) ..." >&2
  cp "$jar" "$out/lamina-gpu.jar"
  zip -q -d "$out/lamina-gpu.jar" 'pytorch/*' 'native/lib/*' >/dev/null
  if unzip -l "$out/lamina-gpu.jar" | grep -q 'libtorch_cpu'; then
    echo "gpu-check: the CPU libtorch is still inside lamina-gpu.jar" >&2; exit 1
  fi

  echo "gpu-check: Fashion-MNIST slice ($TRAIN_N train, $TEST_N test) ..." >&2
  /usr/bin/python3 "$root/scripts/gpu/idx_slice.py" /usr/share/datasets/fashion-mnist "$out/data" "$TRAIN_N" "$TEST_N"

  echo "gpu-check: DJL 0.35.1 JNI sources and header ..." >&2
  local src
  src="$(mktemp -d)"
  git --git-dir="$(git -C "$djl" rev-parse --absolute-git-dir 2>/dev/null || echo "$djl")" archive v0.35.1 \
    engines/pytorch/pytorch-native/CMakeLists.txt engines/pytorch/pytorch-native/src/main/native \
    engines/pytorch/pytorch-native/src/main/patch api/src/main/native \
    engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java | tar -C "$src" -x
  mkdir -p "$out/jni/engines/pytorch" "$out/jni/api/src/main"
  cp -r "$src/engines/pytorch/pytorch-native" "$out/jni/engines/pytorch/"
  cp -r "$src/api/src/main/native" "$out/jni/api/src/main/"
  mkdir -p "$src/classes"
  javac -cp "$jar" -h "$out/jni/engines/pytorch/pytorch-native/build/include" -d "$src/classes" \
    "$src/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"
  rm -rf "$src"

  cp "$root/scripts/gpu/torch_eager.py" "$out/"
  local mib
  mib=$(( $(du -sb "$out" | cut -f1) / 1048576 ))
  echo "gpu-check: $out is $mib MiB (limit $LIMIT_MIB)" >&2
  if [ "$mib" -ge "$LIMIT_MIB" ]; then
    echo "gpu-check: $out is over $LIMIT_MIB MiB" >&2; exit 1
  fi
  echo "gpu-check: ready. On the GPU machine run: bash scripts/gpu/remote.sh .gpu-check  (carry .gpu-check)"
}

local_dry_run() {
  [ -f "$out/.made-by-gpu-check" ] || prepare
  local lib
  lib="$root/target/gpu-check-cpu-libtorch"
  if [ ! -f "$lib/libtorch.so" ]; then
    mkdir -p "$lib"
    unzip -q -o -j "$HOME/.m2/repository/ai/djl/pytorch/pytorch-native-cpu/2.7.1/pytorch-native-cpu-2.7.1-linux-x86_64.jar" \
      'pytorch/cpu/linux-x86_64/*' -d "$lib"
  fi
  GPU_CHECK_DRY_RUN_LIBTORCH="$lib" bash "$root/scripts/gpu/remote.sh" "$out"
}

case "${1:-}" in
  prepare) prepare ;;
  local-dry-run) local_dry_run ;;
  *) echo "usage: scripts/gpu-check.sh prepare|local-dry-run" >&2; exit 2 ;;
esac
