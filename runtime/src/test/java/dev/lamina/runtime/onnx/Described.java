package dev.lamina.runtime.onnx;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.lamina.runtime.blocks.NamedSequentialBlock;
import dev.lamina.runtime.blocks.ResidualBlock;
import dev.lamina.runtime.descriptor.LayerDescriptor;
import dev.lamina.runtime.descriptor.NetDescriptor;
import dev.lamina.runtime.descriptor.OnnxRecipe;
import dev.lamina.runtime.descriptor.OnnxRecipe.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A block and its layer descriptor built side by side, as a generated Net builds both, for the
 * exporter's tests. The exporter reads a layer's name, recipe and parameter keys and the model's
 * input and output shapes, not the layers' own shapes and counts: those are left empty here.
 */
final class Described {

    private static final Shape UNREAD = new Shape();

    final NamedSequentialBlock block = new NamedSequentialBlock();
    final List<LayerDescriptor> layers = new ArrayList<>();

    /** Appends {@code child} named {@code name}, computed in ONNX by {@code recipe}. */
    Described add(String name, Block child, OnnxRecipe recipe) {
        block.add(name, child);
        List<String> keys = recipe.nodes().stream().flatMap(n -> n.inputs().stream())
                .filter(i -> i instanceof Input.Parameter).map(i -> ((Input.Parameter) i).key()).distinct().toList();
        layers.add(new LayerDescriptor.Layer(name, "Test", Map.of(), UNREAD, UNREAD, 0, 0, keys, recipe, 0, 0));
        return this;
    }

    /** Appends {@code inner} as a sub-model. */
    Described add(String name, Described inner) {
        block.add(name, inner.block);
        layers.add(new LayerDescriptor.SubModel(name, "Sub", "test.Sub", UNREAD, UNREAD, 0, 0, inner.layers, false,
                List.of(), 0, 0));
        return this;
    }

    /** Appends {@code main} as a residual, with {@code projection} on the skip path unless it is null. */
    Described residual(String name, Described main, Described projection) {
        block.add(name, new ResidualBlock(main.block, projection == null ? null : projection.block));
        layers.add(new LayerDescriptor.SubModel(name, "Residual(Sub)", "test.Sub", UNREAD, UNREAD, 0, 0, main.layers,
                true, projection == null ? List.of() : projection.layers, 0, 0));
        return this;
    }

    /** The descriptor of a model fed {@code input} (one example) and giving {@code output}. */
    NetDescriptor descriptor(Shape input, Shape output) {
        return new NetDescriptor("test", dev.lamina.Model.Task.MULTI_CLASS, input, output, layers);
    }
}
