package dev.lamina.examples.crosscheck;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;

/**
 * The ONNX Runtime environment for tests that call ONNX Runtime directly. DJL's ONNX Runtime
 * engine creates the JVM's one {@code OrtEnvironment} with threading options, and fails when one
 * already exists; so the engine is started first and its environment shared, whatever order the
 * test classes run in.
 */
public final class OrtTestEnvironment {

    private OrtTestEnvironment() {
    }

    /** {@return the JVM's environment, created by DJL's engine} */
    public static OrtEnvironment get() {
        Engine.getEngine("OnnxRuntime");
        return OrtEnvironment.getEnvironment();
    }
}
