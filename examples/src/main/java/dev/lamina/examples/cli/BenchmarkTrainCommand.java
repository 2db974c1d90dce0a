package dev.lamina.examples.cli;

import ai.djl.ndarray.types.Shape;
import dev.lamina.examples.benchmark.CpuPeak;
import dev.lamina.examples.benchmark.TrainBenchmark;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.descriptor.LayerDescriptor;
import dev.lamina.runtime.descriptor.NetDescriptor;
import dev.lamina.runtime.train.StepProfile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lamina benchmark train}: training throughput against the machine's fp32 peak. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        defaultValueProvider = TrainingOptions.StandardDefaults.class,
        header = "Training speed of example models against the machine's fp32 peak.",
        description = "Train each model for --warmup + --steps steps of Fashion-MNIST with Lamina's own loop,"
                + " timing each step's phases, and print images/s (median step), achieved GFLOP/s (3 x the"
                + " compile-time forward MACs x 2 FLOPs per image) beside the CPU's fp32 peak (cores x 2 FMA"
                + " units x vector lanes x 2 x GHz, from /proc/cpuinfo), each phase's share of the step, what"
                + " libtorch alone reaches on the model's convolutions (forward + backward through DJL's"
                + " JniUtils), and DJL's dropout against libtorch's on a feature map. See docs/performance.md.")
final class BenchmarkTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--models", paramLabel = "NAME", split = ",", defaultValue = "FashionClassifier,FashionCnn",
            description = "Example models (or qualified @Model class names with --classpath) to train.")
    List<String> models;

    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per step.")
    int batchSize;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed steps (and kernel repetitions) first.")
    int warmup;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100",
            description = "Timed training steps, and timed repetitions of each kernel.")
    int steps;

    @Option(names = "--seed", paramLabel = "N", description = "Initialization and batch order.")
    long seed;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Fashion-MNIST directory. Default: /usr/share/datasets/fashion-mnist.")
    Path dir;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws Exception {
        PrintStream out = CliOutput.stdout(spec);
        if (batchSize < 1 || warmup < 0 || steps < 1) {
            throw new InvalidInputException("--steps must be at least 1, --batch-size at least 1 and --warmup 0 or"
                    + " more; got --steps " + steps + ", --batch-size " + batchSize + ", --warmup " + warmup);
        }
        device.choice();
        List<GeneratedNet> nets = models.stream().map(ModelCatalog::resolve).toList();
        CpuPeak peak = CpuPeak.ofThisMachine();
        out.printf(Locale.ROOT, "Machine: %s, %s; load average %s%n", peak.model(), device.device(), loadAverage());
        out.printf(Locale.ROOT, "fp32 peak: %s%n", peak.formula());
        out.printf(Locale.ROOT, "Training FLOPs per image = 3 x forward MACs (forward, backward to inputs, backward to"
                + " weights) x 2 FLOPs per MAC; batch %d, %d warm-up + %d timed steps, medians%n", batchSize, warmup, steps);
        DataSplits data = TrainingBackend.load(DatasetKind.FASHION_MNIST, dir, 0);
        TrainBenchmark.Settings settings = new TrainBenchmark.Settings(batchSize, warmup, steps, device.device(), seed);
        for (GeneratedNet net : nets) {
            TrainBenchmark.Training run = TrainBenchmark.train(net, data, settings);
            StepProfile p = run.profile();
            out.printf(Locale.ROOT, "%n%s: %.2f M forward MACs per image, %.1f MFLOP per training image%n", run.model(),
                    run.macs() / 1e6, run.flopsPerImage() / 1e6);
            out.printf(Locale.ROOT, "  Lamina train loop: %.1f images/s (median step %.1f ms), %.1f GFLOP/s = %.1f%% of peak%n",
                    run.imagesPerSecond(), 1000 * p.medianStepSeconds(), run.gflops(), 100 * run.gflops() / peak.gflops());
            StringBuilder shares = new StringBuilder("  step time:");
            for (StepProfile.Phase phase : StepProfile.Phase.values()) {
                shares.append(String.format(Locale.ROOT, " %s %.1f%%", phase.name().toLowerCase(Locale.ROOT), 100 * p.share(phase)));
            }
            out.println(shares);
            double bare = TrainBenchmark.bareDjlStep(net, settings);
            out.printf(Locale.ROOT, "  bare DJL step on one fixed batch (no Lamina, no data, no metrics): median %.1f ms;"
                    + " Lamina's median step / bare: %.3f%n", 1000 * bare, p.medianStepSeconds() / bare);
            double outside = p.share(StepProfile.Phase.DATA) + p.share(StepProfile.Phase.METRICS) + p.share(StepProfile.Phase.LOOP);
            out.printf(Locale.ROOT, "  outside libtorch's forward/backward and Adam (data + metrics + loop): %.1f%%%n", 100 * outside);
            NetDescriptor descriptor = net.net().descriptor();
            List<TrainBenchmark.Kernel> kernels = TrainBenchmark.convolutions(descriptor, settings);
            double flops = 0;
            double seconds = 0;
            out.printf(Locale.ROOT, "  libtorch alone on its convolutions (JniUtils.convolution, forward + backward, batch %d):%n",
                    batchSize);
            for (TrainBenchmark.Kernel k : kernels) {
                out.printf(Locale.ROOT, "    %-10s %7.3f ms  %6.1f GFLOP/s%n", k.layer(), 1000 * k.medianSeconds(), k.gflops());
                flops += k.flops();
                seconds += k.medianSeconds();
            }
            out.printf(Locale.ROOT, "    %-10s %7.3f ms  %6.1f GFLOP/s = %.1f%% of peak; the training step spends %.1f%% of its"
                            + " median in them%n", "all", 1000 * seconds, flops / seconds / 1e9, 100 * flops / seconds / 1e9 / peak.gflops(),
                    100 * seconds / p.medianStepSeconds());
        }
        Shape map = firstConvOutput(nets.get(0).net().descriptor(), batchSize);
        if (map != null) {
            Map<String, Double> dropout = TrainBenchmark.dropout(map, 0.5f, settings);
            out.printf(Locale.ROOT, "%nDropout 0.5 on a %s feature map, forward + backward, training on, medians:%n", map);
            dropout.forEach((name, s) -> out.printf(Locale.ROOT, "  %-48s %7.3f ms%n", name, 1000 * s));
            out.printf(Locale.ROOT, "  DJL block / torch::dropout: %.2f; torch::dropout / mask by hand: %.2f;"
                            + " torch::dropout / ReLU: %.2f; torch::dropout / 3x3 conv: %.2f%n",
                    dropout.get(TrainBenchmark.DJL_DROPOUT) / dropout.get(TrainBenchmark.TORCH_DROPOUT),
                    dropout.get(TrainBenchmark.TORCH_DROPOUT) / dropout.get(TrainBenchmark.UNIFORM_MASK),
                    dropout.get(TrainBenchmark.TORCH_DROPOUT) / dropout.get(TrainBenchmark.RELU),
                    dropout.get(TrainBenchmark.TORCH_DROPOUT) / dropout.get(TrainBenchmark.CONV));
        }
        return LaminaCli.OK;
    }

    /** The output of the first convolution of {@code net} with a batch axis, or null if it has none. */
    private static Shape firstConvOutput(NetDescriptor net, int batch) {
        for (LayerDescriptor layer : net.layers()) {
            if (layer instanceof LayerDescriptor.Layer kind && kind.macs() > 0 && kind.out().dimension() == 3) {
                return new Shape(batch).addAll(kind.out());
            }
        }
        return null;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
