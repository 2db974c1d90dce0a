package dev.lamina.processor.model;

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

    /** An argument, as the generated code writes it. */
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
    }

    /** {@code type.builder()} with {@code calls}, then {@code build()}. */
    static BlockRecipe builder(DjlClass type, Call... calls) {
        return new Built(type, Arrays.asList(calls));
    }

    /** {@code type.method(args)}; see {@link #args}. */
    static BlockRecipe factory(DjlClass type, String method, Object... args) {
        return new Factory(type, method, args(args));
    }

    /** {@code new type(args)}; see {@link #args}. */
    static BlockRecipe constructed(DjlClass type, Object... args) {
        return new Constructed(type, args(args));
    }

    /** The builder call {@code .method(args)}; see {@link #args}. */
    static Call call(String method, Object... args) {
        return new Call(method, args(args));
    }

    /**
     * Arguments from plain values: an {@code Integer}, a {@code Double} (written as a float), a
     * {@code Boolean}, a {@code String}, or an {@link Arg} ({@link Arg.Square}, {@link Arg.Lambda}).
     */
    static List<Arg> args(Object... values) {
        return Arrays.stream(values).map(BlockRecipe::arg).toList();
    }

    private static Arg arg(Object value) {
        if (value instanceof Arg a) {
            return a;
        } else if (value instanceof Integer i) {
            return new Arg.IntArg(i);
        } else if (value instanceof Double d) {
            return new Arg.FloatArg(d);
        } else if (value instanceof Boolean b) {
            return new Arg.BoolArg(b);
        } else if (value instanceof String s) {
            return new Arg.Text(s);
        }
        throw new IllegalArgumentException("not a block argument: " + value);
    }

    /** {@code new Shape(side, side)}. */
    static Arg square(int side) {
        return new Arg.Square(side);
    }
}
