package dev.lamina.examples.cli;

import dev.lamina.examples.benchmark.InferenceBenchmark;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.model.LaminaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lamina benchmark predict MODEL_DIR}: inference speed of every engine, in one process. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        showDefaultValues = true,
        header = "Inference speed of a saved model on each engine.",
        description = "Classify the same random images of the model's input size, in one process,"
                + " with the ONNX Runtime predictor, ONNX Runtime called directly (OrtSession), the"
                + " PyTorch predictor, the PyTorch predictor as it was before issue 25, the PyTorch"
                + " forward pass alone and the tensors alone; print images/s at batch 1 and 64 from"
                + " median call times."
                + " Every call runs every variant, the order rotated on each call.")
final class PredictBenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A saved model directory.")
    Path modelDir;

    @Option(names = "--calls", paramLabel = "N", defaultValue = "1000",
            description = "Timed calls at batch 1 (per variant).")
    int calls;

    @Option(names = "--batch-calls", paramLabel = "N", defaultValue = "100",
            description = "Timed calls at batch 64 (per variant).")
    int batchCalls;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "The images' pixels.")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (calls < 1 || batchCalls < 1) {
            throw new InvalidInputException("--calls and --batch-calls must be at least 1; got " + calls
                    + " and " + batchCalls);
        }
        try (LaminaModel model = LaminaModel.load(modelDir)) {
            InferenceBenchmark.run(model, InferenceBenchmark.Settings.of(calls, batchCalls, seed),
                    CliOutput.stdout(spec));
        }
        return LaminaCli.OK;
    }
}
