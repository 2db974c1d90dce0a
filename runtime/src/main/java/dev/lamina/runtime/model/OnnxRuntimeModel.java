package dev.lamina.runtime.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import dev.lamina.runtime.onnx.OnnxExporter;
import dev.lamina.runtime.onnx.proto.OnnxProto.GraphProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.ModelProto;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A DJL model on ONNX Runtime, loaded from an ONNX graph held in memory: the runtime names DJL's
 * engine only ({@link Engine#getEngine(String)}), never a class of it, so lamina-runtime compiles
 * and runs without it (it is an optional dependency) and a missing engine is a one-line {@link
 * EngineUnavailableException} naming the dependency to add.
 */
final class OnnxRuntimeModel {

    /** The dependency that brings DJL's ONNX Runtime engine (and ONNX Runtime with its native libraries). */
    static final String DEPENDENCY = "ai.djl.onnxruntime:onnxruntime-engine:" + Engine.getDjlVersion();

    private OnnxRuntimeModel() {}

    /**
     * {@code model} with only the {@value OnnxExporter#LOGITS} output: DJL's engine computes every
     * output of a graph on each call, and the predictor reads the logits only (its softmax is its
     * own, the same for every engine).
     */
    static ModelProto logitsOnly(ModelProto model) {
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = graph.getOutputCount() - 1; i >= 0; i--) {
            if (!graph.getOutput(i).getName().equals(OnnxExporter.LOGITS)) {
                graph.removeOutput(i);
            }
        }
        for (int i = graph.getNodeCount() - 1; i >= 0; i--) {
            if (graph.getNode(i).getOutputList().contains(OnnxExporter.PROBABILITIES)) {
                graph.removeNode(i);
            }
        }
        return model.toBuilder().setGraph(graph).build();
    }

    /**
     * Loads {@code graph} into a new DJL model of DJL's ONNX Runtime engine, on the CPU.
     *
     * @throws EngineUnavailableException when the engine is not on the class path, or ONNX Runtime
     *     does not load or refuses the graph
     */
    static Model load(String name, ModelProto graph) {
        String engineName = InferenceEngine.ONNXRUNTIME.djlName();
        if (!Engine.hasEngine(engineName)) {
            throw new EngineUnavailableException("engine onnxruntime needs DJL's ONNX Runtime engine, which is not"
                    + " on the class path: add the dependency " + DEPENDENCY + " (lamina-runtime declares it"
                    + " optional; see docs/inference.md), or predict with engine pytorch");
        }
        Engine engine;
        try {
            engine = Engine.getEngine(engineName);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw unavailable("does not load", e);
        }
        Model model;
        try {
            model = engine.newModel(name, Device.cpu());
        } catch (RuntimeException | LinkageError e) {
            throw unavailable("does not load", e);
        }
        try {
            // no options: DJL's defaults (ONNX Runtime's session defaults, as OrtSession made directly);
            // an options map would also make DJL look up and log about ONNX Runtime's extensions
            model.load(new ByteArrayInputStream(graph.toByteArray()), null);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException | LinkageError e) {
            model.close();
            throw unavailable("refused the model's ONNX graph", e);
        }
    }

    private static EngineUnavailableException unavailable(String what, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = String.valueOf(root.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
        return new EngineUnavailableException("engine onnxruntime: ONNX Runtime " + what + " ("
                + root.getClass().getSimpleName() + ": " + detail + "); predict with engine pytorch, or see"
                + " docs/inference.md", e);
    }
}
