package dev.lamina.processor.model;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.diag.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;

/**
 * Range checks of annotation attributes and of {@code @Model(input)}, on plain specs. Each
 * problem is an ERROR whose origin names the attribute, so it is reported on the value itself.
 * Sub-models are checked as models of their own (they are {@code @Model} classes too).
 */
public final class SpecValidator {

    /**
     * Words that cannot name a class: Java's keywords and literals, and the restricted
     * identifiers that cannot name a type ({@code var}, {@code yield}, {@code record}, {@code
     * sealed}, {@code permits}).
     */
    static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "_", "true", "false", "null",
            "var", "yield", "record", "sealed", "permits");

    /**
     * The longest generated class name, in UTF-8 bytes: its {@code .java} and {@code .class} files
     * must fit the 255-byte file names of common file systems, with room for less generous ones.
     */
    static final int MAX_NET_NAME_BYTES = 200;

    private SpecValidator() {}

    /** All range problems of the model's own input and layers (empty when valid). */
    public static List<Finding> validate(ModelSpec model) {
        return validate(model, name -> false);
    }

    /**
     * All range problems of the model's own input and layers, and of its name; {@code taken} says
     * whether a simple name would shadow a type the user's code or the generated code refers to
     * (a {@code java.lang} or {@code dev.lamina} type, or one the Net imports).
     */
    public static List<Finding> validate(ModelSpec model, Predicate<String> taken) {
        return validate(model, taken, new HashMap<>());
    }

    private static List<Finding> validate(ModelSpec model, Predicate<String> taken,
                                          Map<String, List<Finding>> subModels) {
        List<Finding> findings = new ArrayList<>();
        checkInput(model, findings);
        checkNetName(model, taken, findings);
        for (LayerSpec layer : model.layers()) {
            checkLayer(layer, new Checker(layer, findings));
            if (layer instanceof SubModelSpec sub) {
                checkSubModel(sub, taken, subModels, findings);
            }
        }
        return findings;
    }

    /**
     * A sub-model is built by its own Net, which an invalid sub-model does not get: its first
     * error is repeated on the field, so the outer model generates no code calling a missing class.
     */
    private static void checkSubModel(SubModelSpec sub, Predicate<String> taken,
                                      Map<String, List<Finding>> subModels, List<Finding> findings) {
        ModelSpec inner = sub.model();
        List<Finding> innerFindings = subModels.get(inner.qualifiedName());
        if (innerFindings == null) {
            innerFindings = validate(inner, taken, subModels);
            subModels.put(inner.qualifiedName(), innerFindings);
        }
        innerFindings.stream().filter(f -> f.severity() == Severity.ERROR).findFirst()
                .ifPresent(first -> {
                    String rendered = first.render();
                    findings.add(Problem.SUB_MODEL_INVALID.at(sub.origin(), sub.name(),
                            sub.residual() ? "@Residual" : "field of type " + inner.simpleName(), inner.simpleName(),
                            ModelSpec.inputLiteral(inner.input()),
                            rendered.endsWith(".") ? rendered.substring(0, rendered.length() - 1) : rendered,
                            inner.simpleName()));
                });
    }

    private static void checkInput(ModelSpec model, List<Finding> findings) {
        List<Integer> input = model.input();
        String why = null;
        if (input.size() != 1 && input.size() != 3) {
            why = "It has rank " + input.size() + " but Lamina models take vectors (rank 1) or "
                    + "channels-first images (rank 3)";
        } else if (input.stream().anyMatch(d -> d < 1)) {
            why = "Every size must be at least 1";
        }
        if (why != null) {
            findings.add(Problem.INVALID_INPUT_SHAPE.at(Origin.ofModel("input"), model.simpleName(),
                    ModelSpec.inputLiteral(input), why));
        }
    }

    private static void checkNetName(ModelSpec model, Predicate<String> taken, List<Finding> findings) {
        String name = model.netName();
        String why = null;
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (!isIdentifier(name)) {
            why = "It is not a Java identifier";
        } else if (RESERVED.contains(name)) {
            why = "It is a Java keyword or a restricted identifier, which cannot name a class";
        } else if (bytes > MAX_NET_NAME_BYTES) {
            why = "It is " + bytes + " bytes long in UTF-8 and Lamina allows at most " + MAX_NET_NAME_BYTES
                    + ", so that its .java and .class files fit the file name limits of common file systems";
        } else if (name.equals(model.simpleName())) {
            why = "It is the model class's own name, so the two classes would clash";
        } else if (taken.test(name)) {
            why = "A class of that name in package '" + model.packageName() + "' would shadow the type " + name
                    + " (of java.lang, of dev.lamina, or imported by the generated code) in every file of the"
                    + " package, so code that means that type would silently use the generated class or stop"
                    + " compiling";
        }
        if (why != null) {
            findings.add(Problem.INVALID_NET_NAME.at(Origin.ofModel("name"), model.simpleName(), name, why,
                    model.simpleName()));
        }
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().allMatch(Character::isJavaIdentifierPart);
    }

    private static void checkLayer(LayerSpec layer, Checker c) {
        if (layer instanceof ConvSpec conv) {
            c.atLeastOne("filters", conv.filters(), "there must be at least one output channel");
            c.atLeastOne("kernel", conv.kernel(), "the kernel must cover at least one pixel");
            c.atLeastOne("stride", conv.stride(), "the kernel must move forward");
            c.atLeastOne("dilation", conv.dilation(), "taps must be at least one pixel apart");
        } else if (layer instanceof DenseSpec dense) {
            c.atLeastOne("units", dense.units(), "there must be at least one output");
        } else if (layer instanceof PoolSpec pool) {
            c.atLeastOne("value", pool.size(), "the window must cover at least one pixel");
            if (pool.size() >= 1 || pool.stride() != pool.size()) { // else: stride -1 resolved to the bad size
                c.atLeastOne("stride", pool.stride(), "the window must move forward (-1 means the window size)");
            }
        } else if (layer instanceof DropoutSpec dropout) {
            c.checkFloat("rate", dropout.rate(), v -> v >= 0 && v < 1, "in [0, 1)",
                    "it is the probability of dropping, and dropping everything (1) leaves nothing to scale",
                    "use a rate such as 0.1 to 0.5");
        } else if (layer instanceof BatchNormSpec bn) {
            c.checkFloat("momentum", bn.momentum(), v -> v > 0 && v < 1, "in (0, 1)",
                    "it weighs the running statistics against each batch's, and 1 would never update them",
                    "use 0.9 or 0.99");
            c.checkFloat("epsilon", bn.epsilon(), v -> v > 0, "greater than 0",
                    "it keeps the division by the standard deviation finite", "use 1e-5 or 1e-3");
        } else if (layer instanceof ActivationSpec act
                && act.fn() == ActivationFn.LEAKY_RELU && !act.fromAttribute()) {
            c.checkFloat("alpha", act.alpha(), v -> v >= 0, "at least 0",
                    "a negative slope flips the sign of negative inputs", "use 0.01 to 0.3");
        }
    }

    /** Collects range findings for one layer. */
    private record Checker(LayerSpec layer, List<Finding> findings) {

        void atLeastOne(String attribute, int value, String why) {
            check(attribute, value, value >= 1, "at least 1", why, "set " + attribute + " to 1 or more");
        }

        /**
         * A {@code double} attribute the generated code passes to DJL as a {@code float}: it must
         * be in range as written, and stay finite, in range and non-zero (when written non-zero)
         * once rounded to a float, or the model computes something else than it says.
         */
        void checkFloat(String attribute, double value, DoublePredicate inRange, String range, String why,
                        String fix) {
            if (!Double.isFinite(value) || !inRange.test(value)) {
                check(attribute, value, false, range, why, fix);
                return;
            }
            float rounded = (float) value;
            String change = null;
            if (!Float.isFinite(rounded)) {
                change = "which is infinite: the largest float is " + Float.MAX_VALUE;
            } else if (rounded == 0 && value != 0) {
                change = "which is 0: the smallest positive float is " + Float.MIN_VALUE;
            } else if (!inRange.test(rounded)) {
                change = "which is out of range, it must be " + range + ". " + Character.toUpperCase(why.charAt(0))
                        + why.substring(1);
            }
            if (change != null) {
                findings.add(Problem.FLOAT_ROUNDING.at(layer.origin().withAttribute(attribute), layer.name(),
                        layer.origin().annotation(), attribute, value, rounded, change, fix));
            }
        }

        void check(String attribute, Object value, boolean ok, String range, String why, String fix) {
            if (!ok) {
                String whyText = Character.toUpperCase(why.charAt(0)) + why.substring(1);
                findings.add(Problem.ATTRIBUTE_OUT_OF_RANGE.at(layer.origin().withAttribute(attribute),
                        layer.name(), layer.origin().annotation(), attribute, value, range, whyText, fix));
            }
        }
    }
}
