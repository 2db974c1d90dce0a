package dev.lamina.runtime.model;

import dev.lamina.runtime.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which DJL engine a {@link LaminaModel#predictor(InferenceEngine) predictor} computes the forward
 * pass with. Both give a DJL {@code Predictor<Image, Classifications>}, convert and normalize
 * images the same way and turn each image's output row (the block's logits) into probabilities the
 * same way; only the engine that computes the logits differs (they agree within 1e-5).
 */
public enum InferenceEngine {
    /**
     * The default: DJL's PyTorch engine on the block the model was loaded into, the engine it was
     * trained with, on the device of its parameters (a GPU too).
     */
    PYTORCH("PyTorch"),
    /**
     * ONNX Runtime (DJL's {@code onnxruntime-engine}) on the graph {@link
     * dev.lamina.runtime.onnx.OnnxExporter} writes from the loaded model, built in memory when the
     * first such predictor is made (nothing is written into the model's directory); CPU only.
     * Several times faster than {@link #PYTORCH} on the CPU for small networks (docs/performance.md).
     * Needs {@code ai.djl.onnxruntime:onnxruntime-engine} on the class path, an optional
     * dependency of lamina-runtime (docs/inference.md); without it {@link
     * LaminaModel#predictor(InferenceEngine)} throws {@link EngineUnavailableException}.
     */
    ONNXRUNTIME("OnnxRuntime");

    private final String djlName;

    InferenceEngine(String djlName) {
        this.djlName = djlName;
    }

    /** The engine's name in DJL ({@code ai.djl.engine.Engine.getEngine(name)}). */
    public String djlName() {
        return djlName;
    }

    /** The name the command line takes: {@code pytorch}, {@code onnxruntime}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The engine with this name ({@code pytorch}, {@code onnxruntime}; any case).
     *
     * @throws InvalidInputException naming the known engines
     */
    public static InferenceEngine parse(String name) {
        for (InferenceEngine engine : values()) {
            if (engine.id().equalsIgnoreCase(name.trim())) {
                return engine;
            }
        }
        throw new InvalidInputException("unknown inference engine '" + name + "'; known engines: "
                + Arrays.stream(values()).map(InferenceEngine::id).collect(Collectors.joining(", ")));
    }
}
