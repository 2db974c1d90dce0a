package dev.lamina.processor.model;

import dev.lamina.processor.tensor.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The DJL block a layer kind builds ({@link LayerKind#block}), as data that
 * {@code codegen/BlockCode} writes as one Java expression: a kind says what to build, the code
 * generator how Java spells it. Only values that do not depend on the input go in (DJL infers
 * input sizes itself), except where a kind needs them (a depthwise convolution's groups).
 */
public sealed interface BlockRecipe {

    /** {@code Type.builder().call(args)...build()}. */
    record Built(DjlClass type, List<Call> calls) implements BlockRecipe {
        public Built {
            calls = List.copyOf(calls);
        }
    }

    /** {@code Type.method(args)}: a DJL factory method. */
    record Factory(DjlClass type, String method, List<Arg> args) implements BlockRecipe {
        public Factory {
            args = List.copyOf(args);
        }
    }

    /** {@code new Type(args)}. */
    record Constructed(DjlClass type, List<Arg> args) implements BlockRecipe {
        public Constructed {
            args = List.copyOf(args);
        }
    }

    /** One builder call, {@code .method(args)}. */
    record Call(String method, List<Arg> args) {
        public Call {
            args = List.copyOf(args);
        }
    }

    /**
     * An argument, as the generated code writes it; made by the overloads of {@code of} (chosen by
     * the compiler from the value's type), {@link #square} and {@link #lambda}.
     */
    sealed interface Arg {
        /** An {@code int} literal. */
        record IntArg(int value) implements Arg {}

        /** A {@code float} literal of the value rounded to float, e.g. {@code 0.9f}. */
        record FloatArg(double value) implements Arg {}

        record BoolArg(boolean value) implements Arg {}

        /** A DJL {@code Shape} of a square window: {@code new Shape(side, side)}. */
        record Square(int side) implements Arg {}

        /** A string literal. */
        record Text(String value) implements Arg {}

        /** A lambda over the block's input, as Java source, e.g. {@code x -> x.softmax(1)}. */
        record Lambda(String code) implements Arg {}

        static Arg of(int value) {
            return new IntArg(value);
        }

        /** A {@code float} argument (DJL's blocks compute in float). */
        static Arg of(double value) {
            return new FloatArg(value);
        }

        static Arg of(boolean value) {
            return new BoolArg(value);
        }

        static Arg of(String value) {
            return new Text(value);
        }

        /** {@code new Shape(side, side)}. */
        static Arg square(int side) {
            return new Square(side);
        }

        /** A lambda, as Java source. */
        static Arg lambda(String code) {
            return new Lambda(code);
        }
    }

    /** {@code type.builder()} with {@code calls}, then {@code build()}. */
    static BlockRecipe builder(DjlClass type, Call... calls) {
        return new Built(type, Arrays.asList(calls));
    }

    /** {@code type.method(args)}. */
    static BlockRecipe factory(DjlClass type, String method, Arg... args) {
        return new Factory(type, method, Arrays.asList(args));
    }

    /** {@code new type(args)}. */
    static BlockRecipe constructed(DjlClass type, Arg... args) {
        return new Constructed(type, Arrays.asList(args));
    }

    /** The builder call {@code .method(args)}. */
    static Call call(String method, Arg... args) {
        return new Call(method, Arrays.asList(args));
    }

    /**
     * A DJL {@code Conv2d} sliding the square window {@code w}, with {@code filters} output
     * channels; {@code optGroups} only when the channels are split into groups (the convolution
     * kinds share it).
     */
    static BlockRecipe conv2d(Window w, int filters, int groups, boolean bias) {
        List<Call> calls = new ArrayList<>(List.of(
                call("setKernelShape", Arg.square(w.size())),
                call("optStride", Arg.square(w.stride())),
                call("optPadding", Arg.square(w.pad())),
                call("optDilation", Arg.square(w.dilation())),
                call("setFilters", Arg.of(filters))));
        if (groups != 1) {
            calls.add(call("optGroups", Arg.of(groups)));
        }
        calls.add(call("optBias", Arg.of(bias)));
        return new Built(DjlClass.CONV2D, calls);
    }
}
