#!/usr/bin/env bash
# The GPU check, run on the GPU machine (no Java, Maven or network there) over the folder that
# `scripts/gpu-check.sh prepare` made. Everything it prints also goes to $OUT/gpu-check.log, and
# each step's outcome to $OUT/steps.txt, so a failed step is recorded too.
#
#   bash scripts/gpu/remote.sh .gpu-check
#
# Steps: 1 unpack the Java runtime; 2 find the machine's Python torch, its libtorch and libcudart;
# 3 try DJL's own PyTorch 2.7.1 JNI (cu128) against that libtorch; 4 if that fails, build DJL
# 0.35.1's JNI from its sources against the machine's torch with CMake; 5 train FashionClassifier
# on the GPU (STEPS steps, batch 64): Lamina checks after the first step that every parameter is
# on the GPU; 6 the same model in PyTorch eager; 7 images/s of both.
# GPU_CHECK_DRY_RUN_LIBTORCH=DIR (set by `scripts/gpu-check.sh local-dry-run`) runs steps 1, 3, 5
# and 7 on this CPU with the CPU libtorch 2.7.1 in DIR instead: a test of the folder, not of a GPU.
set -uo pipefail
kit="$(cd "${1:?usage: remote.sh KIT_DIR}" && pwd)"
OUT="${OUT:-$PWD/gpu-check-out}"
mkdir -p "$OUT"
STEPS="${STEPS:-300}"
exec > >(tee -a "$OUT/gpu-check.log") 2>&1
work="$(mktemp -d /tmp/lamina-gpu.XXXXXX)"
dry="${GPU_CHECK_DRY_RUN_LIBTORCH:-}"
step() { echo "== $*"; }
record() { echo "$1: $2" | tee -a "$OUT/steps.txt"; }
started=$(date +%s)

step "1 Java runtime"
tar -C "$work" -xzf "$kit/jre.tar.gz"
export JAVA_HOME="$work/jre"
java="$JAVA_HOME/bin/java"
"$java" -version 2>&1 | head -1
record java ok

if [ -n "$dry" ]; then
  torch_lib="$dry" torch_version=2.7.1 flavor=cpu device=cpu python_torch=""
else
  step "2 the machine's torch and CUDA"
  nvidia-smi -L || true
  read -r torch_dir torch_version cuda < <(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__), torch.__version__.split("+")[0], torch.version.cuda)')
  echo "torch $torch_version at $torch_dir, CUDA $cuda, GPU visible to torch: $(python3 -c 'import torch;print(torch.cuda.is_available())')"
  torch_lib="$torch_dir/lib"
  flavor="cu$(echo "$cuda" | tr -d .)"
  cudart_dirs="$(find "$(dirname "$torch_dir")/nvidia" /usr/local/cuda/lib64 /usr/local/cuda/targets -name 'libcudart.so*' -printf '%h\n' 2>/dev/null | sort -u | tr '\n' ':')"
  export LD_LIBRARY_PATH="${cudart_dirs}${LD_LIBRARY_PATH:-}"
  echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
  device=gpu python_torch="$torch_dir"
  record torch "$torch_version $flavor"
fi

export DJL_OFFLINE=true OPT_OUT_TRACKING=true ENGINE_CACHE_DIR="$work/cache"
export PYTORCH_LIBRARY_PATH="$torch_lib"
lamina() {
  "$java" -Djava.awt.headless=true -Dai.djl.offline=true -DOPT_OUT_TRACKING=true \
    -jar "$kit/lamina-gpu.jar" "$@"
}
smoke() {  # one short training; exit 0 when it trained on the device
  timeout 180 env PYTORCH_VERSION="$1" PYTORCH_FLAVOR="$2" "$java" -Djava.awt.headless=true \
    -Dai.djl.offline=true -jar "$kit/lamina-gpu.jar" train FashionClassifier --device "$device" \
    --epochs 1 --limit-batches 3 --validation 0 --data "$kit/data" --out "$work/smoke-$2-$RANDOM"
}

jni_version=2.7.1 jni_flavor=cu128
if [ -n "$dry" ]; then jni_flavor=cpu; fi
step "3 DJL's own JNI (PyTorch 2.7.1-0.35.1, flavor $jni_flavor) against libtorch $torch_version"
if smoke "$jni_version" "$jni_flavor"; then
  record djl-jni-2.7.1 ok
else
  record djl-jni-2.7.1 "failed (exit $?; the error is above in gpu-check.log)"
  if [ -n "$dry" ]; then record result "dry run failed"; exit 1; fi
  step "4 building DJL 0.35.1's PyTorch JNI against torch $torch_version ($flavor)"
  src="$kit/jni/engines/pytorch/pytorch-native"
  build="$work/jni-build"
  cp -r "$kit/jni" "$work/jni"
  src="$work/jni/engines/pytorch/pytorch-native"
  mkdir -p "$build"
  if (cd "$build" && cmake "$src" -DCMAKE_PREFIX_PATH="$python_torch/share/cmake" -DUSE_CUDA=1 \
        -DCMAKE_BUILD_TYPE=Release -DJAVA_HOME="$JAVA_HOME" -DJAVA_INCLUDE_PATH="$JAVA_HOME/include" \
        -DJAVA_INCLUDE_PATH2="$JAVA_HOME/include/linux" -DJAVA_JVM_LIBRARY="$JAVA_HOME/lib/server/libjvm.so" \
        && cmake --build . --config Release -- -j "$(nproc)"); then
    jni_version="$torch_version" jni_flavor="$flavor"
    mkdir -p "$ENGINE_CACHE_DIR/pytorch/$jni_version-$jni_flavor-linux-x86_64"
    cp "$build/libdjl_torch.so" "$ENGINE_CACHE_DIR/pytorch/$jni_version-$jni_flavor-linux-x86_64/0.35.1-libdjl_torch.so"
    record jni-build ok
    if smoke "$jni_version" "$jni_flavor"; then
      record built-jni ok
    else
      record built-jni "failed (exit $?; the error is above)"; record result failed; exit 1
    fi
  else
    record jni-build "failed (the compiler's error is above)"; record result failed; exit 1
  fi
fi

step "5 Lamina: FashionClassifier, $STEPS steps of 64 on $device"
t0=$(date +%s.%N)
PYTORCH_VERSION="$jni_version" PYTORCH_FLAVOR="$jni_flavor" lamina train FashionClassifier \
  --device "$device" --epochs 1 --limit-batches "$STEPS" --validation 0 --lr-schedule constant \
  --data "$kit/data" --out "$work/run" | tee "$OUT/lamina-train.txt"
rc=${PIPESTATUS[0]}
t1=$(date +%s.%N)
record lamina-train "exit $rc, $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s from JVM start to exit"
cp -r "$work/run" "$OUT/lamina-run" 2>/dev/null || true

step "5b Lamina benchmark (median step time, FashionCnn generated vs hand-written)"
PYTORCH_VERSION="$jni_version" PYTORCH_FLAVOR="$jni_flavor" lamina benchmark --device "$device" \
  --warmup 20 --batches 200 --data "$kit/data" | tee "$OUT/lamina-benchmark.txt"

if [ -z "$dry" ]; then
  step "6 PyTorch eager, the same model"
  python3 "$kit/torch_eager.py" "$kit/data" "$STEPS" 20 cuda | tee "$OUT/torch-eager.txt"
fi
record total "$(( $(date +%s) - started )) s"
