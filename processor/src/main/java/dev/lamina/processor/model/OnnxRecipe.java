package dev.lamina.processor.model;

import dev.lamina.processor.tensor.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How ONNX computes a layer ({@link LayerKind#onnx}), as data beside its {@link BlockRecipe}:
 * {@code codegen} writes it into the Net's layer descriptor (the runtime's {@code OnnxRecipe}),
 * which the ONNX exporter reads. Nodes run in order; each reads the layer's input, the layer's DJL
 * parameters by key ({@code weight}), float constants, or earlier nodes' outputs; the last node's
 * output is the layer's. No nodes: the identity at inference (dropout).
 */
public record OnnxRecipe(List<Node> nodes) {

    public OnnxRecipe {
        nodes = List.copyOf(nodes);
        if (!nodes.isEmpty() && !nodes.get(nodes.size() - 1).suffix().isEmpty()) {
            throw new IllegalArgumentException("the last node is the layer's output and has no suffix");
        }
    }

    /** The identity: the layer's output is its input. */
    public static final OnnxRecipe IDENTITY = new OnnxRecipe(List.of());

    /**
     * One ONNX node.
     *
     * @param op the ONNX operator, e.g. {@code Conv}
     * @param suffix names the node's output after the layer ({@code layer_suffix}); empty for the
     *     last node, whose output is the layer's
     */
    public record Node(String op, String suffix, List<Input> inputs, List<Attribute> attributes) {
        public Node {
            inputs = List.copyOf(inputs);
            attributes = List.copyOf(attributes);
        }
    }

    /** What a node reads. */
    public sealed interface Input {
        /** The layer's input. */
        record LayerInput() implements Input {}

        /** The layer's DJL parameter {@code key} ({@code weight}, {@code gamma}, ...). */
        record Parameter(String key) implements Input {}

        /** A float scalar constant, named {@code layer_suffix}. */
        record Constant(String suffix, double value) implements Input {}

        /** The output of an earlier node of the recipe. */
        record Step(String suffix) implements Input {}
    }

    /** An ONNX attribute. */
    public sealed interface Attribute {
        String name();

        record IntAttribute(String name, long value) implements Attribute {}

        /** A {@code FLOAT} attribute: the value rounded to float, as the block's float argument is. */
        record FloatAttribute(String name, double value) implements Attribute {}

        record IntsAttribute(String name, List<Long> values) implements Attribute {
            public IntsAttribute {
                values = List.copyOf(values);
            }
        }
    }

    /** A recipe of one node, {@code op} of {@code inputs}. */
    public static OnnxRecipe of(String op, List<Input> inputs, Attribute... attributes) {
        return new OnnxRecipe(List.of(new Node(op, "", inputs, Arrays.asList(attributes))));
    }

    /** The layer's parameter keys, in the order its nodes read them: its DJL block's parameters. */
    public List<String> parameters() {
        List<String> keys = new ArrayList<>();
        for (Node node : nodes) {
            for (Input input : node.inputs()) {
                if (input instanceof Input.Parameter p && !keys.contains(p.key())) {
                    keys.add(p.key());
                }
            }
        }
        return keys;
    }

    static Input input() {
        return new Input.LayerInput();
    }

    static Input parameter(String key) {
        return new Input.Parameter(key);
    }

    static Attribute intAttribute(String name, long value) {
        return new Attribute.IntAttribute(name, value);
    }

    static Attribute floatAttribute(String name, double value) {
        return new Attribute.FloatAttribute(name, value);
    }

    static Attribute intsAttribute(String name, long... values) {
        return new Attribute.IntsAttribute(name, Arrays.stream(values).boxed().toList());
    }

    /** {@code [side, side]}, and {@code [pad, pad, pad, pad]} for ONNX's begin and end pads. */
    private static Attribute square(String name, int side) {
        return intsAttribute(name, side, side);
    }

    private static Attribute pads(int pad) {
        return intsAttribute("pads", pad, pad, pad, pad);
    }

    /**
     * {@code Conv} sliding {@code w} over {@code groups} groups of channels, reading {@code weight}
     * (and {@code bias}): the convolution kinds' recipe ({@link BlockRecipe#conv2d}).
     */
    public static OnnxRecipe conv(Window w, int groups, boolean bias) {
        List<Input> inputs = new ArrayList<>(List.of(input(), parameter("weight")));
        if (bias) {
            inputs.add(parameter("bias"));
        }
        return of("Conv", inputs, square("kernel_shape", w.size()), square("strides", w.stride()),
                square("dilations", w.dilation()), pads(w.pad()), intAttribute("group", groups));
    }

    /** {@code BatchNormalization} with the trained running statistics (not folded into a convolution). */
    public static OnnxRecipe batchNorm(double epsilon) {
        return of("BatchNormalization", List.of(input(), parameter("gamma"), parameter("beta"),
                parameter("runningMean"), parameter("runningVar")), floatAttribute("epsilon", epsilon));
    }

    /**
     * {@code MaxPool} or {@code AveragePool} over {@code w}; an average never counts the padding
     * (the block asks DJL not to; the exporter writes what the engine does, see docs/inference.md).
     */
    public static OnnxRecipe pool(String op, Window w) {
        List<Attribute> attributes = new ArrayList<>(List.of(square("kernel_shape", w.size()),
                square("strides", w.stride()), pads(w.pad()), intAttribute("ceil_mode", w.ceilMode() ? 1 : 0)));
        if (op.equals("AveragePool")) {
            attributes.add(intAttribute("count_include_pad", 0));
        }
        return new OnnxRecipe(List.of(new Node(op, "", List.of(input()), attributes)));
    }

    /**
     * A global pool {@code op}, then {@code Flatten}: DJL's global pools give (N, C), ONNX's keep
     * (N, C, 1, 1).
     */
    public static OnnxRecipe globalPool(String op) {
        return new OnnxRecipe(List.of(new Node(op, "pool", List.of(input()), List.of()),
                new Node("Flatten", "", List.of(new Input.Step("pool")), List.of(intAttribute("axis", 1)))));
    }

    /** {@code Flatten} from axis 1 (the batch axis kept). */
    public static OnnxRecipe flatten() {
        return of("Flatten", List.of(input()), intAttribute("axis", 1));
    }

    /**
     * PyTorch's exact GELU, {@code x * (1 + erf(x / sqrt 2)) / 2}, in opset-13 operators (ONNX has
     * no {@code Gelu} before opset 20).
     */
    public static OnnxRecipe gelu() {
        return new OnnxRecipe(List.of(
                new Node("Div", "div", List.of(input(), new Input.Constant("sqrt2", Math.sqrt(2))), List.of()),
                new Node("Erf", "erf", List.of(new Input.Step("div")), List.of()),
                new Node("Add", "add", List.of(new Input.Step("erf"), new Input.Constant("one", 1)), List.of()),
                new Node("Mul", "mul", List.of(input(), new Input.Step("add")), List.of()),
                new Node("Mul", "", List.of(new Input.Step("mul"), new Input.Constant("half", 0.5)), List.of())));
    }
}
