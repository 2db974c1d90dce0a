package dev.lamina.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.OnnxRecipe;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.shape.ShapedLayer;
import dev.lamina.processor.shape.ShapedModel;
import dev.lamina.processor.tensor.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The Net's layer descriptor ({@code dev.lamina.runtime.descriptor.NetDescriptor}), as plain
 * constructor and factory calls: each layer's kind, attributes ({@link LayerKind#attributes()}),
 * shapes, parameter counts and keys, ONNX recipe ({@link LayerKind#onnx}), and cost (MACs and
 * activations for one example, {@link ShapedLayer#macs}, {@link ShapedLayer#activations}); a sub-model's
 * layers and residual projection. A sub-model with a Net of its own is that Net's {@code
 * descriptor().layers()}; one that takes its input from where it is used gets a private method
 * beside its block's ({@link BlockCode#bodyMethod}). Layers are added {@value #CHUNK} per method,
 * so no method nears the class file's 64 KiB limit whatever the model's length.
 */
final class DescriptorCode {

    /** Layers per generated method (a conv's descriptor is some 300 bytes of bytecode). */
    static final int CHUNK = 16;

    private static final ClassName NET_DESCRIPTOR = DjlTypes.NET_DESCRIPTOR;
    private static final ClassName LAYER_DESCRIPTOR = DjlTypes.LAYER_DESCRIPTOR;
    private static final ClassName ONNX_RECIPE = DjlTypes.ONNX_RECIPE;
    private static final ClassName LAYER = LAYER_DESCRIPTOR.nestedClass("Layer");
    private static final ClassName SUB_MODEL = LAYER_DESCRIPTOR.nestedClass("SubModel");
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ParameterizedTypeName LAYER_LIST = ParameterizedTypeName.get(LIST, LAYER_DESCRIPTOR);

    private final BlockCode blocks;
    private final List<MethodSpec> methods = new ArrayList<>();

    DescriptorCode(BlockCode blocks) {
        this.blocks = blocks;
    }

    /** The public static {@code descriptor()} of the model's Net and the private methods it calls. */
    List<MethodSpec> methods(ShapedModel model) {
        methods.clear();
        String layers = layersMethod(model, "layers");
        methods.add(0, MethodSpec.methodBuilder("descriptor")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Its layers as shaped at compile time: kinds, attributes, shapes, parameters, ONNX recipes, MACs and activations.\n")
                .returns(NET_DESCRIPTOR)
                .addStatement("return new $T($S, $T.$L, $L, $L, $N())", NET_DESCRIPTOR, model.spec().simpleName(),
                        DjlTypes.MODEL_TASK, model.spec().task().name(), shape(model.input()), shape(model.output()),
                        layers)
                .build());
        for (ShapedModel body : blocks.bodies()) {
            layersMethod(body, blocks.bodyMethod(body) + "Layers");
        }
        return List.copyOf(methods);
    }

    /** Adds the method {@code name} returning the model's layers (and its chunks); returns its name. */
    private String layersMethod(ShapedModel model, String name) {
        List<ShapedLayer> layers = model.layers();
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(LAYER_LIST)
                .addStatement("$T layers = new $T<>()", LAYER_LIST, ArrayList.class);
        List<CodeBlock> adds = layers.stream().map(layer -> CodeBlock.of("layers.add($L)", layer(layer))).toList();
        methods.addAll(ClassFileLimits.addSplit(method, name, LAYER_LIST, "layers", adds, CHUNK));
        methods.add(method.addStatement("return layers").build());
        return name;
    }

    private CodeBlock layer(ShapedLayer shaped) {
        if (shaped.spec() instanceof SubModelSpec sub) {
            return subModel(sub, shaped);
        }
        LayerKind kind = (LayerKind) shaped.spec();
        return kind(kind, shaped.in(), shaped.out(), shaped.trainableParams(), shaped.nonTrainableParams());
    }

    /** A layer of a kind; its MACs are its kind's, its activations its output ({@link ShapedLayer#activations}). */
    private static CodeBlock kind(LayerKind kind, TensorShape in, TensorShape out, long trainable, long nonTrainable) {
        OnnxRecipe onnx = kind.onnx(in, out);
        return CodeBlock.of("new $T($S, $S, $L,\n$L, $L, $LL, $LL, $L,\n$L,\n$LL, $LL)", LAYER, kind.name(), kind.kind(),
                attributes(kind.attributes()), shape(in), shape(out), trainable, nonTrainable,
                strings(onnx.parameters()), recipe(onnx), kind.macs(in, out), out.size());
    }

    private CodeBlock subModel(SubModelSpec sub, ShapedLayer shaped) {
        CodeBlock inner = sub.model().inputFromUseSite()
                ? CodeBlock.of("$N()", blocks.bodyMethod(shaped.inside()) + "Layers")
                : CodeBlock.of("$T.descriptor().layers()", blocks.subModelNet(sub.model()));
        CodeBlock projection = CodeBlock.of("$T.of()", LIST);
        if (sub.projection()) {
            int filters = shaped.out().dim(0);
            List<LayerKind> kinds = shaped.projectionLayers();
            long bn = 2L * filters;
            projection = CodeBlock.of("$T.of(\n$L,\n$L)", LIST,
                    kind(kinds.get(0), shaped.in(), shaped.out(), (long) shaped.in().dim(0) * filters, 0),
                    kind(kinds.get(1), shaped.out(), shaped.out(), bn, bn));
        }
        return CodeBlock.of("new $T($S, $S, $S, $L, $L, $LL, $LL,\n$L, $L, $L, $LL, $LL)", SUB_MODEL, sub.name(),
                sub.kind(), sub.model().qualifiedName(), shape(shaped.in()), shape(shaped.out()),
                shaped.trainableParams(), shaped.nonTrainableParams(), inner, sub.residual(), projection,
                shaped.macs(), shaped.activations());
    }

    /** {@code LayerDescriptor.attributes("filters", 32, ...)}. */
    private static CodeBlock attributes(Map<String, Object> attributes) {
        List<CodeBlock> args = new ArrayList<>();
        attributes.forEach((name, value) -> {
            args.add(CodeBlock.of("$S", name));
            args.add(value instanceof String text ? CodeBlock.of("$S", text)
                    : value instanceof Double d ? CodeBlock.of("$L", Double.toString(d))
                    : CodeBlock.of("$L", value));
        });
        return CodeBlock.of("$T.attributes($L)", LAYER_DESCRIPTOR, CodeBlock.join(args, ", "));
    }

    /** The runtime's {@code OnnxRecipe} of the same nodes. */
    static CodeBlock recipe(OnnxRecipe recipe) {
        if (recipe.nodes().isEmpty()) {
            return CodeBlock.of("$T.IDENTITY", ONNX_RECIPE);
        }
        List<CodeBlock> nodes = new ArrayList<>();
        for (OnnxRecipe.Node node : recipe.nodes()) {
            List<CodeBlock> args = new ArrayList<>();
            args.add(CodeBlock.of("$S", node.op()));
            if (!node.suffix().isEmpty()) {
                args.add(CodeBlock.of("$S", node.suffix()));
            }
            args.add(CodeBlock.of("$T.of($L)", LIST,
                    node.inputs().stream().map(DescriptorCode::input).collect(CodeBlock.joining(", "))));
            node.attributes().stream().map(DescriptorCode::attribute).forEach(args::add);
            nodes.add(CodeBlock.of("$T.$L($L)", ONNX_RECIPE, node.suffix().isEmpty() ? "node" : "step",
                    CodeBlock.join(args, ", ")));
        }
        return CodeBlock.of("$T.of($L)", ONNX_RECIPE, CodeBlock.join(nodes, ",\n"));
    }

    private static CodeBlock input(OnnxRecipe.Input input) {
        if (input instanceof OnnxRecipe.Input.LayerInput) {
            return CodeBlock.of("$T.input()", ONNX_RECIPE);
        } else if (input instanceof OnnxRecipe.Input.Parameter p) {
            return CodeBlock.of("$T.parameter($S)", ONNX_RECIPE, p.key());
        } else if (input instanceof OnnxRecipe.Input.Constant c) {
            return CodeBlock.of("$T.constant($S, $L)", ONNX_RECIPE, c.suffix(), BlockCode.floatLiteral(c.value()));
        } else if (input instanceof OnnxRecipe.Input.Step s) {
            return CodeBlock.of("$T.earlier($S)", ONNX_RECIPE, s.suffix());
        }
        throw new IllegalStateException("no Java for the ONNX input " + input); // a new variant of the sealed four
    }

    private static CodeBlock attribute(OnnxRecipe.Attribute attribute) {
        if (attribute instanceof OnnxRecipe.Attribute.IntAttribute i) {
            return CodeBlock.of("$T.intAttribute($S, $L)", ONNX_RECIPE, i.name(), i.value());
        } else if (attribute instanceof OnnxRecipe.Attribute.FloatAttribute f) {
            return CodeBlock.of("$T.floatAttribute($S, $L)", ONNX_RECIPE, f.name(), BlockCode.floatLiteral(f.value()));
        } else if (attribute instanceof OnnxRecipe.Attribute.IntsAttribute ints) {
            return CodeBlock.of("$T.intsAttribute($S, $L)", ONNX_RECIPE, ints.name(),
                    ints.values().stream().map(v -> v + "L").collect(Collectors.joining(", ")));
        }
        throw new IllegalStateException("no Java for the ONNX attribute " + attribute); // a new variant of the sealed three
    }

    private static CodeBlock strings(List<String> values) {
        return CodeBlock.of("$T.of($L)", LIST,
                values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", ")));
    }

    /** {@code new Shape(1, 28, 28)}: one example's shape, no batch axis. */
    private static CodeBlock shape(TensorShape shape) {
        return CodeBlock.of("new $T($L)", DjlTypes.SHAPE,
                shape.dims().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
}
