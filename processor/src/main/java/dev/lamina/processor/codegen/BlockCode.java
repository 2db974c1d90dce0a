package dev.lamina.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.ConvSpec;
import dev.lamina.processor.model.DenseSpec;
import dev.lamina.processor.model.DepthwiseConvSpec;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.FlattenSpec;
import dev.lamina.processor.model.GlobalAvgPoolSpec;
import dev.lamina.processor.model.GlobalMaxPoolSpec;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.PoolSpec;
import dev.lamina.processor.model.PoolType;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.shape.ShapedLayer;
import dev.lamina.processor.shape.ShapedModel;
import dev.lamina.processor.shape.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The Java expression that builds the DJL block of each layer kind (a {@code LayerSpec.Visitor}), and of
 * a whole sequence of shaped layers as a {@code NamedSequentialBlock} whose children carry the
 * layers' names. Only shape-independent values are emitted: DJL infers input sizes itself.
 */
final class BlockCode {

    /**
     * The private method of the Net that builds each sub-model taking its input from where it is
     * used ({@link ShapedModel#bodiesFromUseSite()}), by {@link ShapedModel#key()}: such a sub-model
     * has no Net of its own, and what it builds may depend on that input (a depthwise convolution's
     * groups, a projection's filters).
     */
    private final Map<String, String> bodyMethods = new LinkedHashMap<>();
    private final List<ShapedModel> bodies;

    /** The code of {@code model}'s Net. */
    BlockCode(ShapedModel model) {
        bodies = model.bodiesFromUseSite();
        Set<String> taken = new HashSet<>();
        for (ShapedModel body : bodies) {
            String base = Character.toLowerCase(body.spec().simpleName().charAt(0)) + body.spec().simpleName().substring(1)
                    + "For" + body.input().dims().stream().map(String::valueOf).collect(Collectors.joining("x"));
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "_" + n; // the same simple name in another package, fed the same shape
            }
            bodyMethods.put(body.key(), name);
        }
    }

    /**
     * The body of {@code newBlock()}: one statement per layer ({@code block.add("conv1", ...);}),
     * so the generated code stays flat whatever the model's length (a single chained expression of
     * ~760 calls overflows javac's stack). A sub-model is built by its own Net's {@code newBlock()},
     * or, when it takes its input from where it is used, by a private method of this Net, one per
     * such sub-model and input ({@link #bodyMethods()}), so nesting never multiplies the generated
     * code either.
     */
    CodeBlock newBlockBody(ShapedModel model) {
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T block = new $T()", DjlTypes.NAMED_SEQUENTIAL, DjlTypes.NAMED_SEQUENTIAL);
        for (ShapedLayer layer : model.layers()) {
            code.addStatement("block.add($S, $L)", layer.spec().name(), layer(layer));
        }
        return code.addStatement("return block").build();
    }

    /** The private methods that build the sub-models taking their input from where they are used. */
    List<MethodSpec> bodyMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        for (ShapedModel body : bodies) {
            methods.add(MethodSpec.methodBuilder(bodyMethods.get(body.key()))
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addJavadoc("A new block of {@link $L}, which takes its input from where it is used, for the input $L.\n",
                            body.spec().qualifiedName(), body.input())
                    .returns(DjlTypes.BLOCK)
                    .addCode(newBlockBody(body))
                    .build());
        }
        return methods;
    }

    private CodeBlock layer(ShapedLayer shaped) {
        return shaped.spec().accept(expressions, shaped);
    }

    /** The DJL block expression of each kind (the shaped layer gives what DJL cannot infer itself). */
    private final LayerSpec.Visitor<CodeBlock, ShapedLayer> expressions = new LayerSpec.Visitor<>() {
        @Override
        public CodeBlock visitConv(ConvSpec conv, ShapedLayer shaped) {
            return conv(conv);
        }

        @Override
        public CodeBlock visitDepthwiseConv(DepthwiseConvSpec conv, ShapedLayer shaped) {
            return convolution(Window.convolution(conv.kernel(), conv.stride(), conv.dilation(), conv.padding()),
                    shaped.out().dim(0), shaped.in().dim(0), conv.bias());
        }

        @Override
        public CodeBlock visitDense(DenseSpec dense, ShapedLayer shaped) {
            return CodeBlock.of("$T.builder().setUnits($L).optBias($L).build()",
                    DjlTypes.LINEAR, dense.units(), dense.bias());
        }

        @Override
        public CodeBlock visitBatchNorm(BatchNormSpec bn, ShapedLayer shaped) {
            return CodeBlock.of("$T.builder().optMomentum($L).optEpsilon($L).build()",
                    DjlTypes.BATCH_NORM, floatLiteral(bn.momentum()), floatLiteral(bn.epsilon()));
        }

        @Override
        public CodeBlock visitDropout(DropoutSpec dropout, ShapedLayer shaped) {
            return dropout.spatial()
                    ? CodeBlock.of("new $T($L)", DjlTypes.SPATIAL_DROPOUT, floatLiteral(dropout.rate()))
                    : CodeBlock.of("$T.builder().optRate($L).build()", DjlTypes.DROPOUT, floatLiteral(dropout.rate()));
        }

        @Override
        public CodeBlock visitPool(PoolSpec pool, ShapedLayer shaped) {
            return pool(pool);
        }

        @Override
        public CodeBlock visitGlobalAvgPool(GlobalAvgPoolSpec pool, ShapedLayer shaped) {
            return CodeBlock.of("$T.globalAvgPool2dBlock()", DjlTypes.POOL);
        }

        @Override
        public CodeBlock visitGlobalMaxPool(GlobalMaxPoolSpec pool, ShapedLayer shaped) {
            return CodeBlock.of("$T.globalMaxPool2dBlock()", DjlTypes.POOL);
        }

        @Override
        public CodeBlock visitFlatten(FlattenSpec flatten, ShapedLayer shaped) {
            return CodeBlock.of("$T.batchFlattenBlock()", DjlTypes.BLOCKS);
        }

        @Override
        public CodeBlock visitActivation(ActivationSpec act, ShapedLayer shaped) {
            return activation(act);
        }

        @Override
        public CodeBlock visitSubModel(SubModelSpec sub, ShapedLayer shaped) {
            return subModel(sub, shaped);
        }
    };

    private static CodeBlock conv(ConvSpec conv) {
        return convolution(Window.of(conv), conv.filters(), 1, conv.bias());
    }

    /** A DJL {@code Conv2d}; {@code optGroups} only when the channels are split into groups. */
    private static CodeBlock convolution(Window w, int filters, int groups, boolean bias) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.builder().setKernelShape($L).optStride($L).optPadding($L).optDilation($L).setFilters($L)",
                        DjlTypes.CONV2D, square(w.size()), square(w.stride()), square(w.pad()), square(w.dilation()),
                        filters);
        if (groups != 1) {
            code.add(".optGroups($L)", groups);
        }
        return code.add(".optBias($L).build()", bias).build();
    }

    private static CodeBlock pool(PoolSpec pool) {
        Window w = Window.of(pool);
        if (pool.type() == PoolType.MAX) {
            return CodeBlock.of("$T.maxPool2dBlock($L, $L, $L, $L)", DjlTypes.POOL,
                    square(pool.size()), square(pool.stride()), square(w.pad()), w.ceilMode());
        }
        // countIncludePad = false: SAME padding does not dilute the averages at the borders.
        return CodeBlock.of("$T.avgPool2dBlock($L, $L, $L, $L, false)", DjlTypes.POOL,
                square(pool.size()), square(pool.stride()), square(w.pad()), w.ceilMode());
    }

    private static CodeBlock activation(ActivationSpec act) {
        return switch (act.fn()) {
            case RELU -> CodeBlock.of("$T.reluBlock()", DjlTypes.ACTIVATION);
            case LEAKY_RELU -> CodeBlock.of("$T.leakyReluBlock($L)", DjlTypes.ACTIVATION, floatLiteral(act.alpha()));
            case GELU -> CodeBlock.of("$T.geluBlock()", DjlTypes.ACTIVATION);
            case SIGMOID -> CodeBlock.of("$T.sigmoidBlock()", DjlTypes.ACTIVATION);
            case TANH -> CodeBlock.of("$T.tanhBlock()", DjlTypes.ACTIVATION);
            // Axis 1 of (batch, ...): the features of a vector, the channels of a (C, H, W) feature
            // map (per pixel), like Keras's default axis -1 in its channels-last layout.
            case SOFTMAX -> CodeBlock.of("$T.singleton(x -> x.softmax(1), $S)", DjlTypes.LAMBDA_BLOCK, "softmax");
        };
    }

    private CodeBlock subModel(SubModelSpec sub, ShapedLayer shaped) {
        ModelSpec inner = sub.model();
        CodeBlock main = inner.inputFromUseSite()
                ? CodeBlock.of("$N()", bodyMethods.get(shaped.inside().key()))
                : CodeBlock.of("$T.newBlock()", netClass(inner));
        if (!sub.residual()) {
            return main;
        }
        if (!sub.projection()) {
            return CodeBlock.of("new $T($L, null)", DjlTypes.RESIDUAL, main);
        }
        int stride = shaped.projectionStride().orElseThrow();
        CodeBlock projection = CodeBlock.builder()
                .add("new $T()", DjlTypes.NAMED_SEQUENTIAL)
                .add("\n.add($S, $T.builder().setKernelShape($L).optStride($L).setFilters($L).optBias(false).build())",
                        "conv", DjlTypes.CONV2D, square(1), square(stride), shaped.out().dim(0))
                .add("\n.add($S, $T.builder().build())", "bn", DjlTypes.BATCH_NORM)
                .build();
        return CodeBlock.of("new $T($L,\n$L)", DjlTypes.RESIDUAL, main, projection);
    }

    /** The generated Net class of a (sub-)model. */
    static ClassName netClass(ModelSpec model) {
        return ClassName.get(model.packageName(), model.netName());
    }

    private static CodeBlock square(int side) {
        return CodeBlock.of("new $T($L, $L)", DjlTypes.SHAPE, side, side);
    }

    /** A {@code float} literal, e.g. {@code 0.9f} or {@code 1.0E-5f}. */
    static String floatLiteral(double value) {
        return Float.toString((float) value) + "f";
    }
}
