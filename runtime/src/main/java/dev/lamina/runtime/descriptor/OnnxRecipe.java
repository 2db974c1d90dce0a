package dev.lamina.runtime.descriptor;

import java.util.Arrays;
import java.util.List;

/**
 * How ONNX computes one layer, as data its kind wrote at compile time: the nodes, in order, each
 * reading the layer's input, the layer's parameters by key, scalar constants, or the outputs of
 * earlier nodes. Each node's output is named after the layer's path plus its {@link OnnxNode#suffix()};
 * the last node has none, so its output is the layer's. No nodes: the layer is the identity at
 * inference (dropout).
 */
public record OnnxRecipe(List<OnnxNode> nodes) {

    public OnnxRecipe {
        nodes = List.copyOf(nodes);
        if (!nodes.isEmpty() && !nodes.get(nodes.size() - 1).suffix().isEmpty()) {
            throw new IllegalArgumentException("the last node of a recipe is the layer's output and has no suffix");
        }
    }

    /** The identity: no node, the layer's output is its input. */
    public static final OnnxRecipe IDENTITY = new OnnxRecipe(List.of());

    /** A recipe of {@code nodes}. */
    public static OnnxRecipe of(OnnxNode... nodes) {
        return new OnnxRecipe(Arrays.asList(nodes));
    }

    /**
     * One ONNX node.
     *
     * @param op the ONNX operator, e.g. {@code Conv}
     * @param suffix appended to the layer's path to name the node and its output ({@code ""} for the
     *     layer's output itself)
     * @param inputs what it reads, in the operator's input order
     * @param attributes its ONNX attributes, in the order written
     */
    public record OnnxNode(String op, String suffix, List<Input> inputs, List<Attribute> attributes) {
        public OnnxNode {
            inputs = List.copyOf(inputs);
            attributes = List.copyOf(attributes);
        }
    }

    /** A node {@code op} whose output is the layer's output. */
    public static OnnxNode node(String op, List<Input> inputs, Attribute... attributes) {
        return new OnnxNode(op, "", inputs, Arrays.asList(attributes));
    }

    /** An intermediate node {@code op} named after the layer plus {@code "_" + suffix}. */
    public static OnnxNode step(String op, String suffix, List<Input> inputs, Attribute... attributes) {
        return new OnnxNode(op, suffix, inputs, Arrays.asList(attributes));
    }

    /** What a node reads. */
    public sealed interface Input {
        /** The layer's input. */
        record LayerInput() implements Input {}

        /** The layer's DJL parameter {@code key} (e.g. {@code weight}), as an initializer named like DJL names it. */
        record Parameter(String key) implements Input {}

        /** A float scalar initializer named after the layer plus {@code "_" + suffix}. */
        record Constant(String suffix, float value) implements Input {}

        /** The output of an earlier node of the recipe, by its suffix. */
        record Step(String suffix) implements Input {}
    }

    /** The layer's input. */
    public static Input input() {
        return new Input.LayerInput();
    }

    /** The parameter {@code key}. */
    public static Input parameter(String key) {
        return new Input.Parameter(key);
    }

    /** A float scalar. */
    public static Input constant(String suffix, float value) {
        return new Input.Constant(suffix, value);
    }

    /** The output of the earlier node named by {@code suffix}. */
    public static Input earlier(String suffix) {
        return new Input.Step(suffix);
    }

    /** An ONNX attribute. */
    public sealed interface Attribute {
        String name();

        record IntAttribute(String name, long value) implements Attribute {}

        record FloatAttribute(String name, float value) implements Attribute {}

        record IntsAttribute(String name, List<Long> values) implements Attribute {
            public IntsAttribute {
                values = List.copyOf(values);
            }
        }
    }

    /** An {@code INT} attribute. */
    public static Attribute intAttribute(String name, long value) {
        return new Attribute.IntAttribute(name, value);
    }

    /** A {@code FLOAT} attribute. */
    public static Attribute floatAttribute(String name, float value) {
        return new Attribute.FloatAttribute(name, value);
    }

    /** An {@code INTS} attribute. */
    public static Attribute intsAttribute(String name, long... values) {
        return new Attribute.IntsAttribute(name, Arrays.stream(values).boxed().toList());
    }
}
