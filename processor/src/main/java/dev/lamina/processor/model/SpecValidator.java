package dev.lamina.processor.model;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.diag.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Range checks of annotation attributes and of {@code @Model(input)}, and a task declared on a
 * building block ({@code TaskOnBlock}), on plain specs. Each
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
        return validated(model, taken, new HashMap<>());
    }

    /**
     * As {@link #validate(ModelSpec, Predicate)}, reading and filling {@code memo} (problems by
     * qualified model name, for as long as the caller keeps it: the processor keeps one per
     * round), so that a model used by many models is validated once.
     */
    public static List<Finding> validate(ModelSpec model, Predicate<String> taken, Map<String, List<Finding>> memo) {
        return validated(model, taken, memo);
    }

    /** The model's problems, from {@code memo} when it has them. */
    private static List<Finding> validated(ModelSpec model, Predicate<String> taken,
                                           Map<String, List<Finding>> memo) {
        List<Finding> known = memo.get(model.qualifiedName());
        if (known == null) {
            known = List.copyOf(check(model, taken, memo));
            memo.put(model.qualifiedName(), known);
        }
        return known;
    }

    private static List<Finding> check(ModelSpec model, Predicate<String> taken,
                                       Map<String, List<Finding>> subModels) {
        List<Finding> findings = new ArrayList<>();
        checkInput(model, findings);
        checkTask(model, findings);
        if (!model.inputFromUseSite()) { // a body has no Net: @Model(name) has no effect on it
            checkNetName(model, taken, findings);
        }
        for (LayerSpec layer : model.layers()) {
            layer.checkAttributes(new RangeCheck(layer, findings));
            if (layer instanceof SubModelSpec sub) {
                checkSubModel(sub, taken, subModels, findings);
            }
        }
        return findings;
    }

    /**
     * A sub-model is built by its own Net, which an invalid sub-model does not get (or, when it takes
     * its input from where it is used, by code the outer Net would generate from it): its first
     * error is repeated on the field, so the outer model generates no code from an invalid one.
     */
    private static void checkSubModel(SubModelSpec sub, Predicate<String> taken,
                                      Map<String, List<Finding>> subModels, List<Finding> findings) {
        ModelSpec inner = sub.model();
        validated(inner, taken, subModels).stream().filter(f -> f.severity() == Severity.ERROR).findFirst()
                .ifPresent(first -> findings.add(Problem.subModelInvalid(sub.origin(), sub.name(),
                        sub.residual() ? "@Residual" : "field of type " + inner.simpleName(), inner.simpleName(),
                        inner.input(), first)));
    }

    private static void checkInput(ModelSpec model, List<Finding> findings) {
        if (model.inputFromUseSite()) {
            return; // each use site gives it one, checked by shape inference there
        }
        List<Integer> input = model.input();
        String why = null;
        if (input.size() != 1 && input.size() != 3) {
            why = "It has rank " + input.size() + " but Lamina models take vectors (rank 1) or "
                    + "channels-first images (rank 3)";
        } else if (input.stream().anyMatch(d -> d < 1)) {
            why = "Every size must be at least 1";
        }
        if (why != null) {
            findings.add(Problem.invalidInputShape(model.simpleName(), input, why));
        }
    }

    /** A task belongs to a whole network: on a building block it is an error, never silently ignored. */
    private static void checkTask(ModelSpec model, List<Finding> findings) {
        if (model.task() == ModelTask.MULTI_CLASS || !model.role().isBlock()) {
            return; // the default is every model's, and the processor cannot tell it written from left out
        }
        String block = model.declaredRole() == ModelRole.RESIDUAL_BLOCK
                ? "the main path of a @Residual block (role = " + ModelRole.RESIDUAL_BLOCK.declaration() + ")"
                : model.declaredRole() == ModelRole.BLOCK
                        ? "a building block (role = " + ModelRole.BLOCK.declaration() + ")"
                        : "a building block (a model without input takes it from each model that uses it)";
        findings.add(Problem.taskOnBlock(model.simpleName(), model.task().declaration(), block));
    }

    private static void checkNetName(ModelSpec model, Predicate<String> taken, List<Finding> findings) {
        String name = model.netName();
        String why = whyNotANetName(model, name, taken);
        if (why == null) {
            return;
        }
        String suggestion = suggestedNetName(model, taken);
        if (model.hasDefaultNetName()) {
            // the user wrote no name: quote none, and the Fix is a name that can be written
            findings.add(Problem.invalidDefaultNetName(model.simpleName(), name, why, suggestion));
        } else {
            findings.add(Problem.invalidNetName(model.simpleName(), name, why, suggestion,
                    whyNotANetName(model, ModelSpec.defaultNetName(model.simpleName()), taken) == null));
        }
    }

    /** Why {@code name} cannot name {@code model}'s Net (a sentence without its final period); null when it can. */
    private static String whyNotANetName(ModelSpec model, String name, Predicate<String> taken) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (!isIdentifier(name)) {
            return "It is not a Java identifier";
        } else if (RESERVED.contains(name)) {
            return "It is a Java keyword or a restricted identifier, which cannot name a class";
        } else if (bytes > MAX_NET_NAME_BYTES) {
            return "It is " + bytes + " bytes long in UTF-8 and Lamina allows at most " + MAX_NET_NAME_BYTES
                    + ", so that its .java and .class files fit the file name limits of common file systems";
        } else if (name.equals(model.simpleName())) {
            return "It is the model class's own name, so the two classes would clash";
        } else if (taken.test(name)) {
            return "A class of that name in package '" + model.packageName() + "' would shadow the type " + name
                    + " (of java.lang, of dev.lamina, or a DJL or runtime type generated code uses) in every file of the"
                    + " package, so code that means that type would silently use the generated class or stop"
                    + " compiling";
        }
        return null;
    }

    /**
     * A name the Fix can offer: one that passes every check of {@link #whyNotANetName}, so following
     * the Fix leads to no other finding. The class's name (cut to fit the length limit, at a code
     * point) and a suffix: {@code Net} first.
     */
    static String suggestedNetName(ModelSpec model, Predicate<String> taken) {
        List<String> suffixes = new ArrayList<>(List.of("Net", "Network", "Model"));
        for (int n = 2; n <= 99; n++) {
            suffixes.add("Net" + n);
        }
        for (String suffix : suffixes) {
            String candidate = prefixWithin(model.simpleName(), MAX_NET_NAME_BYTES - suffix.length()) + suffix;
            if (whyNotANetName(model, candidate, taken) == null) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Net name fits " + model.qualifiedName()); // 102 names all taken
    }

    /** The longest prefix of {@code name} of at most {@code maxBytes} UTF-8 bytes, cut between code points. */
    private static String prefixWithin(String name, int maxBytes) {
        int end = 0;
        int bytes = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end);
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().allMatch(Character::isJavaIdentifierPart);
    }
}
