package dev.lamina.runtime.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Pair;
import com.google.protobuf.ByteString;
import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.blocks.NamedSequentialBlock;
import dev.lamina.runtime.blocks.ResidualBlock;
import dev.lamina.runtime.descriptor.LayerDescriptor;
import dev.lamina.runtime.descriptor.NetDescriptor;
import dev.lamina.runtime.descriptor.OnnxRecipe;
import dev.lamina.runtime.descriptor.OnnxRecipe.Attribute;
import dev.lamina.runtime.descriptor.OnnxRecipe.Input;
import dev.lamina.runtime.descriptor.OnnxRecipe.OnnxNode;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the inference graph of a generated Net's initialized block as an ONNX model (opset
 * {@value #OPSET}), from the Net's {@link NetDescriptor}: each layer's nodes are its kind's {@link
 * OnnxRecipe}, written at compile time beside the code that builds its block, and their weights
 * the block's parameters, looked up by the names DJL gives them ({@link Block#getParameters()}).
 * The exporter knows no layer kind: it reads the recipes, walks the descriptor's sub-models (a
 * residual ends in an {@code Add} of its main path and its input or projection), and never looks
 * into DJL's blocks.
 *
 * <p>The graph has one input, {@value #INPUT} {@code (batch, C, H, W)}, and two outputs:
 * {@value #LOGITS}, the block's output, and {@value #PROBABILITIES}, its softmax over axis 1. The
 * batch axis is symbolic ({@value #BATCH}), so any batch size runs. Initializers carry DJL's
 * parameter names ({@code 01conv1_weight}) and nodes the layer paths ({@code 01conv1}).
 *
 * <p>A block that is not the descriptor's (a parameter the descriptor does not name, or one it
 * names missing, another output shape) is an {@link OnnxExportException}; a partial file is never
 * written.
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
    /** Name of the output holding a regression's values in the targets' units ({@link Head#values}). */
    public static final String VALUES = "values";
    /** Name of the symbolic batch axis. */
    public static final String BATCH = "batch";

    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    /** The block's parameters by DJL name, removed as the graph takes them (what is left is not the descriptor's). */
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private Boolean engineCountsPadding;

    private OnnxExporter(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            parameters.put(p.getKey(), p.getValue());
        }
    }

    /**
     * The ONNX model of {@code block}, a block of {@code net} ({@link LaminaNet#newBlock()}).
     *
     * @param net the generated Net whose descriptor says what the block computes
     * @param block an initialized block of it (its parameters are the file's initializers)
     * @param name the graph's name (the model's name)
     * @param metadata written as the model's metadata properties (e.g. class names)
     * @throws OnnxExportException when the block is not one of {@code net}
     */
    public static ModelProto export(LaminaNet net, Block block, String name, Map<String, String> metadata) {
        return export(net.descriptor(), block, name, metadata);
    }

    /**
     * What the graph computes from the block's output, besides {@link #LOGITS}: {@link #SOFTMAX}
     * {@link #PROBABILITIES} (one class out of N), {@link #SIGMOID} {@link #PROBABILITIES}
     * (independent probabilities: binary, multi-label), or {@link #values} ({@code logits * scale +
     * shift}, per output: standardized regression outputs back in the targets' units).
     *
     * @param op {@code Softmax}, {@code Sigmoid} or {@code Affine}
     */
    public record Head(String op, float[] scale, float[] shift) {
        public static final Head SOFTMAX = new Head("Softmax", null, null);
        public static final Head SIGMOID = new Head("Sigmoid", null, null);

        /** {@link #VALUES} = logits * scale + shift, one scale and shift per output. */
        public static Head values(float[] scale, float[] shift) {
            return new Head("Affine", scale.clone(), shift.clone());
        }
    }

    /** {@link #export(LaminaNet, Block, String, Map)} from the descriptor itself. */
    public static ModelProto export(NetDescriptor net, Block block, String name, Map<String, String> metadata) {
        return export(net, block, name, metadata, Head.SOFTMAX);
    }

    /** {@link #export(NetDescriptor, Block, String, Map)} with another {@link Head} than the softmax. */
    public static ModelProto export(NetDescriptor net, Block block, String name, Map<String, String> metadata,
                                    Head head) {
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("the block must be initialized (or loaded) before export");
        }
        Shape inputShape = withBatch(net.input());
        Shape expected = block.getOutputShapes(new Shape[] {inputShape})[0];
        if (!expected.equals(withBatch(net.output()))) {
            throw new OnnxExportException("the block outputs " + expected + " but " + net.model() + " outputs "
                    + withBatch(net.output()) + ": it is not a block of " + net.model() + ". No file was written.");
        }
        OnnxExporter exporter = new OnnxExporter(block);
        String out = exporter.sequence(net.layers(), "", INPUT);
        if (!exporter.parameters.isEmpty()) {
            throw new OnnxExportException("the block has parameters " + new TreeSet<>(exporter.parameters.keySet())
                    + " that no layer of " + net.model() + " has: it is not a block of " + net.model()
                    + ". No file was written.");
        }
        exporter.node("Identity", LOGITS, List.of(out), List.of());
        String headOutput = PROBABILITIES;
        if (head.op().equals("Softmax")) {
            exporter.node("Softmax", PROBABILITIES, List.of(LOGITS), List.of(intAttr("axis", 1)));
        } else if (head.op().equals("Sigmoid")) {
            exporter.node("Sigmoid", PROBABILITIES, List.of(LOGITS), List.of());
        } else {
            headOutput = VALUES;
            exporter.vector(VALUES + "_scale", head.scale());
            exporter.vector(VALUES + "_shift", head.shift());
            exporter.node("Mul", VALUES + "_scaled", List.of(LOGITS, VALUES + "_scale"), List.of());
            exporter.node("Add", VALUES, List.of(VALUES + "_scaled", VALUES + "_shift"), List.of());
        }
        GraphProto.Builder g = exporter.graph.setName(name)
                .addInput(tensorInfo(INPUT, inputShape))
                .addOutput(tensorInfo(LOGITS, expected))
                .addOutput(tensorInfo(headOutput, expected));
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("lamina")
                .setProducerVersion(version())
                .setGraph(g);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    /** Writes {@link #export(LaminaNet, Block, String, Map)} to {@code file}, atomically (a failed export leaves no file). */
    public static void write(Path file, LaminaNet net, Block block, String name, Map<String, String> metadata)
            throws IOException {
        write(file, net, block, name, metadata, Head.SOFTMAX);
    }

    /** {@link #write(Path, LaminaNet, Block, String, Map)} with another {@link Head}. */
    public static void write(Path file, LaminaNet net, Block block, String name, Map<String, String> metadata,
                             Head head) throws IOException {
        ModelProto model = export(net.descriptor(), block, name, metadata, head);
        AtomicFiles.write(file, model::writeTo);
    }

    /** A float vector initializer of shape (N), broadcast over the batch axis. */
    private void vector(String name, float[] values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT).addDims(values.length);
        for (float v : values) {
            t.addFloatData(v);
        }
        graph.addInitializer(t);
    }

    private static Shape withBatch(Shape example) {
        return new Shape(1).addAll(example);
    }

    /** The layers one after the other, children of the block at {@code path}; returns the last output. */
    private String sequence(List<LayerDescriptor> layers, String path, String in) {
        String current = in;
        for (int i = 0; i < layers.size(); i++) {
            LayerDescriptor layer = layers.get(i);
            current = layer(layer, join(path, NamedSequentialBlock.childKey(i, layer.name())), current);
        }
        return current;
    }

    private String layer(LayerDescriptor layer, String path, String in) {
        if (layer instanceof LayerDescriptor.Layer kind) {
            return recipe(kind.onnx(), path, in);
        }
        LayerDescriptor.SubModel sub = (LayerDescriptor.SubModel) layer;
        if (!sub.residual()) {
            return sequence(sub.layers(), path, in);
        }
        String main = sequence(sub.layers(), join(path, NamedSequentialBlock.childKey(0, ResidualBlock.MAIN)), in);
        String skip = sub.projection().isEmpty() ? in
                : sequence(sub.projection(), join(path, NamedSequentialBlock.childKey(1, ResidualBlock.PROJECTION)), in);
        return node("Add", join(path, "add"), List.of(main, skip), List.of());
    }

    /** A layer's nodes: each named {@code path} plus its suffix; the last one's output is the layer's. */
    private String recipe(OnnxRecipe recipe, String path, String in) {
        String out = in; // no node: the identity
        for (OnnxNode n : recipe.nodes()) {
            List<String> inputs = new ArrayList<>();
            for (Input input : n.inputs()) {
                inputs.add(input(input, path, in));
            }
            List<AttributeProto> attributes = new ArrayList<>();
            for (Attribute a : n.attributes()) {
                attributes.add(attribute(a));
            }
            if (n.op().equals("AveragePool")) {
                attributes = averagePoolAsTheEngineComputesIt(attributes);
            }
            out = node(n.op(), join(path, n.suffix()), inputs, attributes);
        }
        return out;
    }

    private String input(Input input, String path, String layerInput) {
        if (input instanceof Input.LayerInput) {
            return layerInput;
        } else if (input instanceof Input.Parameter p) {
            return parameter(path, p.key());
        } else if (input instanceof Input.Constant c) {
            String name = join(path, c.suffix());
            graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(FLOAT).addFloatData(c.value()));
            return name;
        }
        return join(path, ((Input.Step) input).suffix());
    }

    private static AttributeProto attribute(Attribute a) {
        if (a instanceof Attribute.IntAttribute i) {
            return intAttr(i.name(), i.value());
        } else if (a instanceof Attribute.FloatAttribute f) {
            return AttributeProto.newBuilder().setName(f.name()).setType(AttributeProto.AttributeType.FLOAT)
                    .setF(f.value()).build();
        }
        Attribute.IntsAttribute ints = (Attribute.IntsAttribute) a;
        return AttributeProto.newBuilder().setName(ints.name()).setType(AttributeProto.AttributeType.INTS)
                .addAllInts(ints.values()).build();
    }

    /**
     * An {@code AveragePool} with explicit padding counts the padding when the engine does
     * ({@link #engineCountsPadding()}): the file must compute what the trained model computed. The
     * recipe's {@code count_include_pad} is what the block asked for.
     */
    private List<AttributeProto> averagePoolAsTheEngineComputesIt(List<AttributeProto> attributes) {
        boolean padded = attributes.stream().anyMatch(a -> a.getName().equals("pads")
                && a.getIntsList().stream().anyMatch(v -> v != 0));
        if (!padded) {
            return attributes;
        }
        if (engineCountsPadding == null) {
            engineCountsPadding = engineCountsPadding();
        }
        List<AttributeProto> out = new ArrayList<>();
        for (AttributeProto a : attributes) {
            out.add(a.getName().equals("count_include_pad") && engineCountsPadding ? intAttr(a.getName(), 1) : a);
        }
        return out;
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

    /** Takes the block's parameter {@code key} of the layer at {@code path} as an initializer named like DJL names it. */
    private String parameter(String path, String key) {
        String name = join(path, key);
        Parameter p = parameters.remove(name);
        if (p == null || !p.isInitialized()) {
            throw new OnnxExportException("layer '" + path + "' has no " + (p == null ? "" : "initialized ")
                    + "parameter '" + name + "' in the block: it is not a block of this model. No file was written.");
        }
        NDArray array = p.getArray();
        if (array.getDataType() != DataType.FLOAT32) {
            throw new OnnxExportException("layer '" + path + "': parameter '" + key + "' is "
                    + array.getDataType() + "; only float32 models are exported");
        }
        float[] values = array.toFloatArray();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(FLOAT)
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : array.getShape().getShape()) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
        return name;
    }

    private String node(String op, String name, List<String> inputs, List<AttributeProto> attributes) {
        graph.addNode(NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(name)
                .addAllAttribute(attributes));
        return name;
    }

    private static String join(String path, String name) {
        if (name.isEmpty()) {
            return path;
        }
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

    private static String version() {
        String v = OnnxExporter.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }
}
