package dev.lamina.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.processor.model.BlockRecipe;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.shape.ShapedLayer;
import dev.lamina.processor.shape.ShapedModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The Java expression that builds the DJL block of each layer (its kind's {@link BlockRecipe}), and of
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
    /** Layers added per generated method (a layer's statement is at most some 200 bytes of bytecode). */
    static final int LAYERS_PER_METHOD = 64;

    private final Map<String, String> bodyMethods = new LinkedHashMap<>();
    private final List<ShapedModel> bodies;
    /** Simple names of the sub-models' Nets this Net names (always qualified: see {@link DjlTypes#qualifiedNames()}). */
    private final Set<String> subModelNets = new java.util.TreeSet<>();

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
     * ~760 calls overflows javac's stack), added to {@code method} or, past {@value
     * #LAYERS_PER_METHOD} layers, to the private methods returned ({@link ClassFileLimits}: a method
     * of 7,000 layers is over the class file's 64 KiB). A sub-model is built by its own Net's {@code newBlock()},
     * or, when it takes its input from where it is used, by a private method of this Net, one per
     * such sub-model and input ({@link #bodyMethods()}), so nesting never multiplies the generated
     * code either.
     */
    List<MethodSpec> addNewBlockBody(MethodSpec.Builder method, ShapedModel model, String name) {
        method.addStatement("$T block = new $T()", DjlTypes.NAMED_SEQUENTIAL, DjlTypes.NAMED_SEQUENTIAL);
        List<CodeBlock> adds = model.layers().stream()
                .map(layer -> CodeBlock.of("block.add($S, $L)", layer.spec().name(), layer(layer))).toList();
        List<MethodSpec> parts = ClassFileLimits.addSplit(method, name, DjlTypes.NAMED_SEQUENTIAL, "block", adds,
                LAYERS_PER_METHOD);
        method.addStatement("return block");
        return parts;
    }

    /** The sub-models taking their input from where they are used ({@link ShapedModel#bodiesFromUseSite()}). */
    List<ShapedModel> bodies() {
        return bodies;
    }

    /** The name of the private method that builds {@code body}, one of {@link #bodies()}. */
    String bodyMethod(ShapedModel body) {
        return bodyMethods.get(body.key());
    }

    /** The private methods that build the sub-models taking their input from where they are used. */
    List<MethodSpec> bodyMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        for (ShapedModel body : bodies) {
            String name = bodyMethods.get(body.key());
            MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addJavadoc("A new block of {@link $L}, which takes its input from where it is used, for the input $L.\n",
                            body.spec().qualifiedName(), body.input())
                    .returns(DjlTypes.BLOCK);
            List<MethodSpec> parts = addNewBlockBody(method, body, name);
            methods.add(method.build());
            methods.addAll(parts);
        }
        return methods;
    }

    /**
     * The DJL block expression of one layer: a kind's own recipe ({@link LayerKind#block}) written
     * as Java, or, for a sub-model field, the call that builds the sub-model.
     */
    private CodeBlock layer(ShapedLayer shaped) {
        if (shaped.spec() instanceof SubModelSpec sub) {
            return subModel(sub, shaped);
        }
        return expression(((LayerKind) shaped.spec()).block(shaped.in(), shaped.out()));
    }

    /** A recipe as one Java expression. */
    static CodeBlock expression(BlockRecipe recipe) {
        if (recipe instanceof BlockRecipe.Built built) {
            CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", DjlTypes.of(built.type()));
            for (BlockRecipe.Call call : built.calls()) {
                code.add(".$L($L)", call.method(), arguments(call.args()));
            }
            return code.add(".build()").build();
        } else if (recipe instanceof BlockRecipe.Factory factory) {
            return CodeBlock.of("$T.$L($L)", DjlTypes.of(factory.type()), factory.method(), arguments(factory.args()));
        } else if (recipe instanceof BlockRecipe.Constructed constructed) {
            return CodeBlock.of("new $T($L)", DjlTypes.of(constructed.type()), arguments(constructed.args()));
        }
        throw new IllegalStateException("no Java for the block recipe " + recipe); // a new variant of the sealed three
    }

    private static CodeBlock arguments(List<BlockRecipe.Arg> args) {
        return args.stream().map(BlockCode::argument).collect(CodeBlock.joining(", "));
    }

    private static CodeBlock argument(BlockRecipe.Arg arg) {
        if (arg instanceof BlockRecipe.Arg.IntArg i) {
            return CodeBlock.of("$L", i.value());
        } else if (arg instanceof BlockRecipe.Arg.FloatArg f) {
            return CodeBlock.of("$L", floatLiteral(f.value()));
        } else if (arg instanceof BlockRecipe.Arg.BoolArg b) {
            return CodeBlock.of("$L", b.value());
        } else if (arg instanceof BlockRecipe.Arg.Square square) {
            return square(square.side());
        } else if (arg instanceof BlockRecipe.Arg.Text text) {
            return CodeBlock.of("$S", text.value());
        } else if (arg instanceof BlockRecipe.Arg.Lambda lambda) {
            return CodeBlock.of("$L", lambda.code());
        }
        throw new IllegalStateException("no Java for the block argument " + arg); // a new variant of the sealed six
    }

    private CodeBlock subModel(SubModelSpec sub, ShapedLayer shaped) {
        ModelSpec inner = sub.model();
        CodeBlock main = inner.inputFromUseSite()
                ? CodeBlock.of("$N()", bodyMethods.get(shaped.inside().key()))
                : CodeBlock.of("$T.newBlock()", subModelNet(inner));
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

    /** The Net of a sub-model this Net names, recorded in {@link #subModelNets()}. */
    ClassName subModelNet(ModelSpec inner) {
        ClassName net = netClass(inner);
        subModelNets.add(net.simpleName());
        return net;
    }

    /** Simple names of the sub-models' Nets named so far. */
    Set<String> subModelNets() {
        return subModelNets;
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
