package dev.lamina.runtime.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Pair;
import com.google.protobuf.ByteString;
import dev.lamina.runtime.blocks.NamedSequentialBlock;
import dev.lamina.runtime.blocks.ResidualBlock;
import dev.lamina.runtime.blocks.SpatialDropoutBlock;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.onnx.proto.OnnxProto.AttributeProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.GraphProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.ModelProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.NodeProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.TensorProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.TensorShapeProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.TypeProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the inference graph of an initialized DJL block, as Lamina generates them, as an ONNX
 * model (opset {@value #OPSET}): {@code Conv}, {@code BatchNormalization} (not folded: the file
 * keeps the trained statistics as they are), {@code Relu}/{@code LeakyRelu}/{@code Sigmoid}/{@code
 * Tanh}/GELU (as {@code Erf} arithmetic), {@code MaxPool}, {@code AveragePool}, {@code
 * GlobalAveragePool}, {@code GlobalMaxPool}, {@code Flatten}, {@code Gemm}, {@code Softmax}, and {@code Add} for residual
 * connections (with the projection's {@code Conv} and {@code BatchNormalization}); dropout is
 * omitted (it is the identity at inference).
 *
 * <p>The graph has one input, {@value #INPUT} {@code (batch, C, H, W)}, and two outputs:
 * {@value #LOGITS}, the block's output, and {@value #PROBABILITIES}, its softmax over axis 1. The
 * batch axis is symbolic ({@value #BATCH}), so any batch size runs. Initializers carry DJL's
 * parameter names ({@code 01conv1_weight}) and nodes the layer paths ({@code 01conv1}).
 *
 * <p>A block this exporter has no operators for is an {@link OnnxExportException} naming the layer
 * and its DJL class; a partial or approximated file is never written.
 */
public final class OnnxExporter {

    /** The ONNX operator set the file imports. */
    public static final int OPSET = 17;
    /** The ONNX IR version written (8 is the one that goes with opset 17). */
    public static final long IR_VERSION = 8;
    /** Name of the graph's input. */
    public static final String INPUT = "input";
    /** Name of the output holding the block's output (class scores). */
    public static final String LOGITS = "logits";
    /** Name of the output holding the softmax of {@link #LOGITS}. */
    public static final String PROBABILITIES = "probabilities";
    /** Name of the symbolic batch axis. */
    public static final String BATCH = "batch";

    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    private final GraphProto.Builder graph = GraphProto.newBuilder();

    private OnnxExporter() {}

    /**
     * The ONNX model of {@code block}.
     *
     * @param block an initialized block (its parameters are the file's initializers)
     * @param inputShape the input with a batch axis, e.g. {@code (1, 1, 28, 28)}
     * @param name the graph's name (the model's name)
     * @param metadata written as the model's metadata properties (e.g. class names)
     * @throws OnnxExportException when a layer cannot be exported
     */
    public static ModelProto export(Block block, Shape inputShape, String name, Map<String, String> metadata) {
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("the block must be initialized (or loaded) before export");
        }
        OnnxExporter exporter = new OnnxExporter();
        Value out = exporter.emit(block, "", new Value(INPUT, inputShape));
        Shape expected = block.getOutputShapes(new Shape[] {inputShape})[0];
        if (!expected.equals(out.shape())) {
            throw new OnnxExportException("the exported graph computes " + out.shape() + " but the model outputs "
                    + expected + "; this is a bug in the exporter");
        }
        exporter.node("Identity", LOGITS, List.of(out.name()));
        exporter.node("Softmax", PROBABILITIES, List.of(LOGITS), intAttr("axis", 1));
        GraphProto.Builder g = exporter.graph.setName(name)
                .addInput(tensorInfo(INPUT, inputShape))
                .addOutput(tensorInfo(LOGITS, expected))
                .addOutput(tensorInfo(PROBABILITIES, expected));
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("lamina")
                .setProducerVersion(version())
                .setGraph(g);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    /** Writes {@link #export} to {@code file}, atomically (a failed export leaves no file). */
    public static void write(Path file, Block block, Shape inputShape, String name, Map<String, String> metadata)
            throws IOException {
        ModelProto model = export(block, inputShape, name, metadata);
        AtomicFiles.write(file, model::writeTo);
    }

    /** A value of the graph: its name and its shape (batch axis included). */
    private record Value(String name, Shape shape) {}

    private Value emit(Block block, String path, Value in) {
        if (block instanceof NamedSequentialBlock || block instanceof SequentialBlock) {
            Value current = in;
            for (Pair<String, Block> child : block.getChildren()) {
                current = emit(child.getValue(), join(path, child.getKey()), current);
            }
            return current;
        }
        if (block instanceof ResidualBlock) {
            return residual(block, path, in);
        }
        Shape outShape = block.getOutputShapes(new Shape[] {in.shape()})[0];
        String layer = path.isEmpty() ? block.getClass().getSimpleName() : path;
        if (block instanceof Conv2d conv) {
            return new Value(conv(conv, layer, in), outShape);
        } else if (block instanceof Linear) {
            List<String> inputs = new ArrayList<>(List.of(in.name(), param(block, layer, "weight")));
            if (block.getDirectParameters().contains("bias")) {
                inputs.add(param(block, layer, "bias"));
            }
            return new Value(node("Gemm", layer, inputs, intAttr("transB", 1)), outShape);
        } else if (block instanceof BatchNorm bn) {
            return new Value(batchNorm(bn, layer, in), outShape);
        } else if (block instanceof Dropout || block instanceof SpatialDropoutBlock) {
            return in; // the identity at inference
        } else if (block instanceof LambdaBlock lambda) {
            return new Value(lambda(lambda, layer, in), outShape);
        }
        throw unsupported(block, layer, "");
    }

    private Value residual(Block block, String path, Value in) {
        Value main = null;
        Value skip = in;
        for (Pair<String, Block> child : block.getChildren()) {
            Value out = emit(child.getValue(), join(path, child.getKey()), in);
            if (child.getKey().endsWith("main")) {
                main = out;
            } else {
                skip = out;
            }
        }
        if (main == null) {
            throw new OnnxExportException("layer '" + path + "' (ResidualBlock) has no main path");
        }
        return new Value(node("Add", join(path, "add"), List.of(main.name(), skip.name())), main.shape());
    }

    private String conv(Conv2d conv, String layer, Value in) {
        List<String> inputs = new ArrayList<>(List.of(in.name(), param(conv, layer, "weight")));
        if (conv.isIncludeBias()) {
            inputs.add(param(conv, layer, "bias"));
        }
        long[] pad = conv.getPadding().getShape();
        return node("Conv", layer, inputs,
                intsAttr("kernel_shape", conv.getKernelShape().getShape()),
                intsAttr("strides", conv.getStride().getShape()),
                intsAttr("dilations", conv.getDilation().getShape()),
                intsAttr("pads", new long[] {pad[0], pad[1], pad[0], pad[1]}),
                intAttr("group", conv.getGroups()));
    }

    private String batchNorm(BatchNorm bn, String layer, Value in) {
        DjlInternals.BatchNormSettings s = DjlInternals.batchNorm(bn, layer);
        if (s.axis() != 1 || !s.center() || !s.scale()) {
            throw unsupported(bn, layer, " with axis " + s.axis() + ", center " + s.center() + ", scale "
                    + s.scale() + " (only the channel axis 1 with both center and scale is exported)");
        }
        return node("BatchNormalization", layer,
                List.of(in.name(), param(bn, layer, "gamma"), param(bn, layer, "beta"),
                        param(bn, layer, "runningMean"), param(bn, layer, "runningVar")),
                floatAttr("epsilon", s.epsilon()));
    }

    private String lambda(LambdaBlock block, String layer, Value in) {
        String kind = block.getName();
        switch (kind) {
            case "ReLU":
                return node("Relu", layer, List.of(in.name()));
            case "sigmoid":
                return node("Sigmoid", layer, List.of(in.name()));
            case "Tanh":
                return node("Tanh", layer, List.of(in.name()));
            case "LeakyReLU":
                return node("LeakyRelu", layer, List.of(in.name()),
                        floatAttr("alpha", DjlInternals.leakyReluAlpha(block, layer)));
            case "GELU":
                return gelu(layer, in);
            case "softmax":
                // Lamina's @Softmax: LambdaBlock.singleton(x -> x.softmax(1), "softmax")
                return node("Softmax", layer, List.of(in.name()), intAttr("axis", 1));
            case "batchFlatten":
                return node("Flatten", layer, List.of(in.name()), intAttr("axis", 1));
            case "globalAvgPool2d":
                return globalPool("GlobalAveragePool", layer, in);
            case "globalMaxPool2d":
                return globalPool("GlobalMaxPool", layer, in);
            case "maxPool2d": {
                DjlInternals.PoolSettings p = DjlInternals.pool(block, layer, 1);
                return node("MaxPool", layer, List.of(in.name()), poolAttrs(p, p.flags().get(0)));
            }
            case "avgPool2d": {
                DjlInternals.PoolSettings p = DjlInternals.pool(block, layer, 2);
                List<AttributeProto> attrs = new ArrayList<>(Arrays.asList(poolAttrs(p, p.flags().get(0))));
                // Only explicit padding may count: PyTorch never counts the overhang of ceil mode,
                // which ONNX Runtime would with count_include_pad = 1 (so with no padding, 0).
                boolean padded = Arrays.stream(p.padding().getShape()).anyMatch(v -> v != 0);
                boolean countPad = padded && (p.flags().get(1) || engineCountsPadding());
                attrs.add(intAttr("count_include_pad", countPad ? 1 : 0));
                return node("AveragePool", layer, List.of(in.name()), attrs.toArray(AttributeProto[]::new));
            }
            default:
                throw unsupported(block, layer, " named '" + kind + "'");
        }
    }

    /**
     * Whether the engine's average pooling divides by the whole window, padding included, even when
     * asked not to: DJL 0.35.1's PyTorch engine ignores {@code countIncludePad = false} (a (2, 2)
     * window with padding 1 over a 3x3 block of ones gives 0.25 in the corner, not 1). The file must
     * compute what the trained model computed, so this is measured on the engine, not assumed.
     */
    private static boolean engineCountsPadding() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray ones = manager.ones(new Shape(1, 1, 3, 3));
            float corner = Pool.avgPool2d(ones, new Shape(2, 2), new Shape(1, 1), new Shape(1, 1), false, false)
                    .getFloat(0, 0, 0, 0);
            return corner < 0.5f;
        }
    }

    /** A global pool: DJL squeezes the (N, C, 1, 1) result to (N, C), ONNX keeps it, so a Flatten follows. */
    private String globalPool(String op, String layer, Value in) {
        String pooled = node(op, join(layer, "pool"), List.of(in.name()));
        return node("Flatten", layer, List.of(pooled), intAttr("axis", 1));
    }

    private static AttributeProto[] poolAttrs(DjlInternals.PoolSettings p, boolean ceil) {
        long[] pad = p.padding().getShape();
        return new AttributeProto[] {
            intsAttr("kernel_shape", p.kernel().getShape()),
            intsAttr("strides", p.stride().getShape()),
            intsAttr("pads", new long[] {pad[0], pad[1], pad[0], pad[1]}),
            intAttr("ceil_mode", ceil ? 1 : 0)
        };
    }

    /** PyTorch's exact GELU, {@code x * (1 + erf(x / sqrt 2)) / 2}, in opset-13 operators. */
    private String gelu(String layer, Value in) {
        String sqrt2 = scalar(join(layer, "sqrt2"), (float) Math.sqrt(2));
        String one = scalar(join(layer, "one"), 1f);
        String half = scalar(join(layer, "half"), 0.5f);
        String scaled = node("Div", join(layer, "div"), List.of(in.name(), sqrt2));
        String erf = node("Erf", join(layer, "erf"), List.of(scaled));
        String plus = node("Add", join(layer, "add"), List.of(erf, one));
        String times = node("Mul", join(layer, "mul"), List.of(in.name(), plus));
        return node("Mul", layer, List.of(times, half));
    }

    private String scalar(String name, float value) {
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(FLOAT).addFloatData(value));
        return name;
    }

    /** Adds the block's parameter as an initializer named like DJL names it; returns the name. */
    private String param(Block block, String layer, String key) {
        Parameter p = block.getDirectParameters().get(key);
        if (p == null || !p.isInitialized()) {
            throw new OnnxExportException("layer '" + layer + "' (" + block.getClass().getSimpleName()
                    + ") has no initialized parameter '" + key + "'");
        }
        NDArray array = p.getArray();
        if (array.getDataType() != DataType.FLOAT32) {
            throw new OnnxExportException("layer '" + layer + "': parameter '" + key + "' is "
                    + array.getDataType() + "; only float32 models are exported");
        }
        float[] values = array.toFloatArray();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        String name = join(layer, key);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(FLOAT)
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : array.getShape().getShape()) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
        return name;
    }

    private String node(String op, String name, List<String> inputs, AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(name)
                .addAllAttribute(Arrays.asList(attributes)));
        return name;
    }

    private static OnnxExportException unsupported(Block block, String layer, String detail) {
        return new OnnxExportException("layer '" + layer + "' (" + block.getClass().getName() + detail
                + ") cannot be exported to ONNX: the exporter knows Conv2d, Linear, BatchNorm, Dropout,"
                + " SpatialDropoutBlock, ResidualBlock, sequential blocks and DJL's ReLU, LeakyReLU, GELU,"
                + " sigmoid, Tanh, max/avg/global-avg/global-max 2-d pooling, batchFlatten and Lamina's softmax."
                + " No file was written.");
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "_" + name;
    }

    private static ValueInfoProto tensorInfo(String name, Shape shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
        dims.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int i = 1; i < shape.dimension(); i++) {
            dims.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(shape.get(i)));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(dims)))
                .build();
    }

    private static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
                .build();
    }

    private static AttributeProto intsAttr(String name, long[] values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static String version() {
        String v = OnnxExporter.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }
}
