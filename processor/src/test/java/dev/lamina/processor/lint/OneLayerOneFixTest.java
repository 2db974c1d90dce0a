package dev.lamina.processor.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One layer, one Fix: when several rules fire on one layer (one annotation, or one
 * {@code activation =} attribute), their Fixes are the same text, or they change different things
 * and commute (each Fix, applied alone, leaves the other finding with its Fix unchanged, and both
 * applied give a model without any Lamina diagnostic). The test compiles a pool of models: every
 * rule's javac triggers and near-misses ({@code <Id>Test.JAVAC}) and {@link #STACKED}, models that
 * put the patterns of several rules on one layer. It then enumerates every pair of rules that can
 * land on one kind of layer (as the pool shows where each rule reports) and requires each pair to
 * be seen on one layer in the pool, or to be declared impossible there with the reason
 * ({@link #EXCLUSIVE}); so a new rule fails here until its pairs are covered.
 */
class OneLayerOneFixTest {

    private static final Pattern TAG = Pattern.compile("\\[lamina:([A-Za-z]+)\\]");

    /** Models that stack the patterns of several rules on one layer, named after the rules they stack. */
    static final List<JavaFileObject> STACKED = List.of(
            // a dropout between the convs of a batch-norm CNN, with a high rate
            JavacCase.image("StackBetweenBnHigh",
                    "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv1;",
                    "    @Dropout(rate = 0.6) Layer drop;",
                    "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;"),
            // two dropouts on a feature map before flatten, the second with a high rate
            JavacCase.image("StackMapsRun",
                    "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                    "    @Dropout(rate = 0.3) Layer drop1;",
                    "    @Dropout(rate = 0.6) Layer drop2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 10) Layer logits;"),
            // two dropouts between convs
            JavacCase.image("StackBetweenRun",
                    "    @Conv(filters = 8) @ReLU Layer conv1;",
                    "    @Dropout(rate = 0.3) Layer drop1;",
                    "    @Dropout(rate = 0.3) Layer drop2;",
                    "    @Conv(filters = 8) @ReLU Layer conv2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;"),
            // two dropouts on the input of a batch-norm MLP
            JavacCase.vector("StackInputRunBn",
                    "    @Dropout(rate = 0.5) Layer drop1;",
                    "    @Dropout(rate = 0.3) Layer drop2;",
                    "    @Dense(units = 32, bias = false) @BatchNorm @ReLU Layer fc;",
                    "    @Dense(units = 10) Layer logits;"),
            // two dropouts on the logits, the first with a high rate
            JavacCase.vector("StackOutputRun",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 10) Layer logits;",
                    "    @Dropout(rate = 0.6) Layer drop1;",
                    "    @Dropout(rate = 0.3) Layer drop2;"),
            // a dropout on the logits before a batch norm
            JavacCase.vector("StackOutputBn",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 10) Layer logits;",
                    "    @Dropout(rate = 0.3) Layer drop;",
                    "    @BatchNorm Layer bn;"),
            // Network in Network's end: a conv of 10 maps, dropped element-wise, then global pooling
            JavacCase.image("StackOutputMaps",
                    "    @Conv(filters = 8) @ReLU Layer conv1;",
                    "    @Conv(filters = 10) Layer conv2;",
                    "    @Dropout(rate = 0.3) Layer drop;",
                    "    @GlobalAvgPool Layer gap;"),
            // a conv with batch norm and no activation before the next conv
            JavacCase.image("StackLinearBias",
                    "    @Conv(filters = 16) @BatchNorm Layer conv1;",
                    "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer conv2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;"),
            // a large flatten head with no activation before the logits
            JavacCase.withFields("StackLinearHead", "{64, 16, 16}",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 128) Layer fc;",
                    "    @Dense(units = 10) Layer logits;"),
            // a conv with batch norm whose only nonlinearity is the max pool
            JavacCase.image("StackPoolBias",
                    "    @Conv(filters = 16) @BatchNorm @MaxPool(2) Layer conv1;",
                    "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer conv2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;"),
            // a one-unit output with a batch norm after it
            JavacCase.vector("StackOneUnitBias",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 1) @BatchNorm Layer out;"),
            // a large flatten head with a batch norm after it
            JavacCase.withFields("StackHeadBias", "{64, 16, 16}",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 128) @BatchNorm @ReLU Layer fc;",
                    "    @Dense(units = 10) Layer logits;"),
            // a dropout on a feature map before flatten, with a batch norm after it
            JavacCase.image("StackMapsBn",
                    "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                    "    @Dropout(rate = 0.3) Layer drop;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 32, bias = false) @BatchNorm @ReLU Layer fc;",
                    "    @Dense(units = 10) Layer logits;"),
            JavacCase.withFields("StackHeadOneUnit", "{64, 128, 128}",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 1) Layer out;"),
            // a softmax after a ReLU on the logits
            JavacCase.vector("StackSoftmaxTwice",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 10) @ReLU @Softmax Layer logits;"),
            // a ReLU on the logits written twice
            JavacCase.vector("StackReluTwice",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 10, activation = Act.RELU) @ReLU Layer logits;"),
            // issue 22, the task rules: two binary logits with a batch norm after them
            binaryBias("@Dense(units = 2) @BatchNorm"),
            // two binary logits after a large flatten head
            binaryHead("@Flatten", "@Dense(units = 2)"),
            // a binary model ending in a conv whose only nonlinearity is the max pool
            binaryPool("@Conv(filters = 8) @MaxPool(2)"),
            // a binary model ending in a conv with a bias before its batch norm
            binaryMap("@Conv(filters = 8) @BatchNorm"));

    /** Pairs of rules that cannot report one layer, with the reason. */
    static final Map<Set<String>, String> EXCLUSIVE = Map.ofEntries(
            Map.entry(Set.of("DropoutBetweenConvs", "DropoutOnFeatureMaps"), "DropoutOnFeatureMaps excludes a dropout between convs"),
            Map.entry(Set.of("DropoutBetweenConvs", "InputDropoutHigh"), "a dropout between convs has a weighted layer before it"),
            Map.entry(Set.of("DropoutOnFeatureMaps", "InputDropoutHigh"), "DropoutOnFeatureMaps excludes the input"),
            Map.entry(Set.of("DropoutRateHigh", "InputDropoutHigh"), "DropoutRateHigh excludes the input"),
            Map.entry(Set.of("DropoutBetweenConvs", "DropoutOnOutput"), "a dropout between convs has a weighted layer after it"),
            Map.entry(Set.of("DropoutOnOutput", "InputDropoutHigh"), "a dropout on the logits has a weighted layer before it"),
            Map.entry(Set.of("LinearConvBeforePool", "MissingActivation"), "max pooling between the layers is a"
                    + " nonlinearity, so MissingActivation does not apply"),
            Map.entry(Set.of("MissingActivation", "SingleUnitSoftmaxOutput"), "the output layer has no weighted layer after it"),
            Map.entry(Set.of("ActivationOnLogits", "DoubleSoftmax"), "one is about softmax, the other about every other activation"),
            Map.entry(Set.of("ActivationOnLogits", "DuplicateActivation"), "merged: DuplicateActivation does not report an"
                    + " activation on the logits, which ActivationOnLogits reports with the Fix that removes it"),
            Map.entry(Set.of("DoubleSoftmax", "DuplicateActivation"), "merged: DuplicateActivation does not report a"
                    + " softmax on the logits, which DoubleSoftmax reports with the Fix that removes it"),
            // issue 22: the task rules divide the output's activations and units by task
            Map.entry(Set.of("ActivationOnLogits", "BoundedRegressionOutput"), "a regression output is not logits:"
                    + " ActivationOnLogits leaves it to BoundedRegressionOutput"),
            Map.entry(Set.of("ActivationOnLogits", "SoftmaxBeforeSigmoidLoss"), "one is about softmax, the other about"
                    + " every other activation"),
            Map.entry(Set.of("BoundedRegressionOutput", "DoubleSoftmax"), "DoubleSoftmax is about multi-class models"),
            Map.entry(Set.of("BoundedRegressionOutput", "SoftmaxBeforeSigmoidLoss"), "one is about regression models,"
                    + " the other about binary and multi-label ones"),
            Map.entry(Set.of("DoubleSoftmax", "SoftmaxBeforeSigmoidLoss"), "DoubleSoftmax is about multi-class models,"
                    + " the other about binary and multi-label ones"),
            Map.entry(Set.of("BoundedRegressionOutput", "DuplicateActivation"), "merged: DuplicateActivation does not"
                    + " report an activation on the output, which BoundedRegressionOutput reports with the Fix that"
                    + " removes it (a leaky ReLU there, one-to-one, is reported by neither)"),
            Map.entry(Set.of("DuplicateActivation", "SoftmaxBeforeSigmoidLoss"), "merged: DuplicateActivation does not"
                    + " report a softmax on the logits, which SoftmaxBeforeSigmoidLoss reports with the Fix that removes it"),
            Map.entry(Set.of("MissingActivation", "MultiUnitBinaryOutput"), "the output layer has no weighted layer after it"),
            Map.entry(Set.of("MissingActivation", "TaskOutputNotVector"), "the last weighted layer has no weighted layer"
                    + " after it"),
            Map.entry(Set.of("MultiUnitBinaryOutput", "SingleUnitSoftmaxOutput"), "one is about binary models, the other"
                    + " about multi-class ones"));

    /**
     * A pair whose Fixes change different things: the model with both, with the {@code first}'s
     * Fix applied, with the {@code second}'s, and with both.
     */
    record Independent(String first, String second, JavaFileObject both, JavaFileObject firstFixed,
                       JavaFileObject secondFixed, JavaFileObject bothFixed) {}

    private static JavaFileObject linearBias(String conv1) {
        return JavacCase.image("StackLinearBias", "    " + conv1 + " Layer conv1;",
                "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer conv2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;");
    }

    private static JavaFileObject poolBias(String conv1) {
        return JavacCase.image("StackPoolBias", "    " + conv1 + " Layer conv1;",
                "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer conv2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;");
    }

    private static JavaFileObject head(String name, String input, String pool, String fc, String out) {
        return JavacCase.withFields(name, input, "    " + pool + " Layer flat;", "    " + fc + " Layer fc;", "    " + out + " Layer logits;");
    }

    private static JavaFileObject oneUnit(String out) {
        return JavacCase.vector("StackOneUnitBias", "    @Dense(units = 32) @ReLU Layer fc;", "    " + out + " Layer out;");
    }

    private static JavaFileObject headOneUnit(String pool, String out) {
        return JavacCase.withFields("StackHeadOneUnit", "{64, 128, 128}", "    " + pool + " Layer flat;", "    " + out + " Layer out;");
    }

    private static final String BINARY = ", task = Model.Task.BINARY";

    private static JavaFileObject binaryBias(String out) {
        return JavacCase.withFields("StackBinaryBias", "{16}" + BINARY, "    @Dense(units = 32) @ReLU Layer fc;",
                "    " + out + " Layer out;");
    }

    private static JavaFileObject binaryHead(String pool, String out) {
        return JavacCase.withFields("StackBinaryHead", "{64, 128, 128}" + BINARY, "    " + pool + " Layer flat;",
                "    " + out + " Layer out;");
    }

    private static JavaFileObject binaryPool(String conv, String... end) {
        return binaryEnd("StackBinaryPool", conv, end);
    }

    private static JavaFileObject binaryMap(String conv, String... end) {
        return binaryEnd("StackBinaryMap", conv, end);
    }

    /** A binary model ending in {@code conv}, then the fields {@code end}. */
    private static JavaFileObject binaryEnd(String name, String conv, String... end) {
        String[] fields = new String[end.length + 1];
        fields[0] = "    " + conv + " Layer conv;";
        for (int i = 0; i < end.length; i++) {
            fields[i + 1] = "    " + end[i];
        }
        return JavacCase.withFields(name, "{1, 28, 28}" + BINARY, fields);
    }

    static final List<Independent> INDEPENDENT = List.of(
            new Independent("RedundantBias", "MissingActivation", linearBias("@Conv(filters = 16) @BatchNorm"),
                    linearBias("@Conv(filters = 16, bias = false) @BatchNorm"),
                    linearBias("@Conv(filters = 16) @BatchNorm @ReLU"),
                    linearBias("@Conv(filters = 16, bias = false) @BatchNorm @ReLU")),
            new Independent("RedundantBias", "LinearConvBeforePool", poolBias("@Conv(filters = 16) @BatchNorm @MaxPool(2)"),
                    poolBias("@Conv(filters = 16, bias = false) @BatchNorm @MaxPool(2)"),
                    poolBias("@Conv(filters = 16) @BatchNorm @ReLU @MaxPool(2)"),
                    poolBias("@Conv(filters = 16, bias = false) @BatchNorm @ReLU @MaxPool(2)")),
            new Independent("RedundantBias", "LargeDenseHead",
                    head("StackHeadBias", "{64, 16, 16}", "@Flatten", "@Dense(units = 128) @BatchNorm @ReLU", "@Dense(units = 10)"),
                    head("StackHeadBias", "{64, 16, 16}", "@Flatten", "@Dense(units = 128, bias = false) @BatchNorm @ReLU",
                            "@Dense(units = 10)"),
                    head("StackHeadBias", "{64, 16, 16}", "@GlobalAvgPool", "@Dense(units = 128) @BatchNorm @ReLU",
                            "@Dense(units = 10)"),
                    head("StackHeadBias", "{64, 16, 16}", "@GlobalAvgPool", "@Dense(units = 128, bias = false) @BatchNorm @ReLU",
                            "@Dense(units = 10)")),
            new Independent("MissingActivation", "LargeDenseHead",
                    head("StackLinearHead", "{64, 16, 16}", "@Flatten", "@Dense(units = 128)", "@Dense(units = 10)"),
                    head("StackLinearHead", "{64, 16, 16}", "@Flatten", "@Dense(units = 128) @ReLU", "@Dense(units = 10)"),
                    head("StackLinearHead", "{64, 16, 16}", "@GlobalAvgPool", "@Dense(units = 128)", "@Dense(units = 10)"),
                    head("StackLinearHead", "{64, 16, 16}", "@GlobalAvgPool", "@Dense(units = 128) @ReLU", "@Dense(units = 10)")),
            new Independent("RedundantBias", "SingleUnitSoftmaxOutput", oneUnit("@Dense(units = 1) @BatchNorm"),
                    oneUnit("@Dense(units = 1, bias = false) @BatchNorm"), oneUnit("@Dense(units = 2) @BatchNorm"),
                    oneUnit("@Dense(units = 2, bias = false) @BatchNorm")),
            new Independent("LargeDenseHead", "SingleUnitSoftmaxOutput", headOneUnit("@Flatten", "@Dense(units = 1)"),
                    headOneUnit("@GlobalAvgPool", "@Dense(units = 1)"), headOneUnit("@Flatten", "@Dense(units = 2)"),
                    headOneUnit("@GlobalAvgPool", "@Dense(units = 2)")),
            new Independent("RedundantBias", "MultiUnitBinaryOutput", binaryBias("@Dense(units = 2) @BatchNorm"),
                    binaryBias("@Dense(units = 2, bias = false) @BatchNorm"), binaryBias("@Dense(units = 1) @BatchNorm"),
                    binaryBias("@Dense(units = 1, bias = false) @BatchNorm")),
            new Independent("LargeDenseHead", "MultiUnitBinaryOutput", binaryHead("@Flatten", "@Dense(units = 2)"),
                    binaryHead("@GlobalAvgPool", "@Dense(units = 2)"), binaryHead("@Flatten", "@Dense(units = 1)"),
                    binaryHead("@GlobalAvgPool", "@Dense(units = 1)")),
            new Independent("LinearConvBeforePool", "TaskOutputNotVector", binaryPool("@Conv(filters = 8) @MaxPool(2)"),
                    binaryPool("@Conv(filters = 8) @ReLU @MaxPool(2)"),
                    binaryPool("@Conv(filters = 8) @MaxPool(2)", "@GlobalAvgPool Layer gap;", "@Dense(units = 1) Layer out;"),
                    binaryPool("@Conv(filters = 8) @ReLU @MaxPool(2)", "@GlobalAvgPool Layer gap;",
                            "@Dense(units = 1) Layer out;")),
            new Independent("RedundantBias", "TaskOutputNotVector", binaryMap("@Conv(filters = 8) @BatchNorm"),
                    binaryMap("@Conv(filters = 8, bias = false) @BatchNorm"),
                    binaryMap("@Conv(filters = 8) @BatchNorm", "@ReLU Layer relu;", "@GlobalAvgPool Layer gap;",
                            "@Dense(units = 1) Layer out;"),
                    binaryMap("@Conv(filters = 8, bias = false) @BatchNorm", "@ReLU Layer relu;",
                            "@GlobalAvgPool Layer gap;", "@Dense(units = 1) Layer out;")));

    /** Rule findings per layer position ({@code file:line:column}), with their Fix texts, by rule id. */
    private static final Map<String, Map<String, String>> AT = new TreeMap<>();
    /** The kind of layer each rule reports on ({@code @Dropout}, {@code activation =}, ...). */
    private static final Map<String, Set<String>> KINDS = new TreeMap<>();

    @BeforeAll
    static void compileThePool() {
        List<List<JavaFileObject>> batches = new ArrayList<>();
        for (JavaFileObject source : pool()) {
            List<JavaFileObject> batch = batches.stream()
                    .filter(b -> b.stream().noneMatch(s -> s.getName().equals(source.getName())))
                    .findFirst().orElse(null);
            if (batch == null) {
                batch = new ArrayList<>();
                batches.add(batch);
            }
            batch.add(source);
        }
        for (List<JavaFileObject> batch : batches) {
            Compilation compilation = Javac.compile(batch.toArray(JavaFileObject[]::new));
            for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
                String message = d.getMessage(Locale.ROOT);
                Matcher tag = TAG.matcher(message);
                if (d.getSource() == null || !tag.find() || Rules.byId(tag.group(1)).isEmpty()) {
                    continue;
                }
                String kind = kindAt(d);
                if (kind == null) {
                    continue; // a use site: a field of a sub-model type, not one layer
                }
                String id = tag.group(1);
                KINDS.computeIfAbsent(id, k -> new TreeSet<>()).add(kind);
                int fix = message.indexOf("Fix: ");
                AT.computeIfAbsent(d.getSource().getName() + ":" + d.getLineNumber() + ":" + d.getColumnNumber(),
                        k -> new TreeMap<>()).put(id, fix < 0 ? "" : message.substring(fix));
            }
        }
    }

    /** Every rule's javac cases and {@link #STACKED}. */
    private static List<JavaFileObject> pool() {
        Map<String, JavaFileObject> sources = new LinkedHashMap<>();
        for (Rule rule : Rules.all()) {
            for (JavacCase c : casesOf(rule.id())) {
                sources.putIfAbsent(content(c.source()), c.source());
            }
        }
        for (JavaFileObject source : STACKED) {
            sources.putIfAbsent(content(source), source);
        }
        return List.copyOf(sources.values());
    }

    private static String content(JavaFileObject source) {
        try {
            return source.getName() + "\n" + source.getCharContent(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<JavacCase> casesOf(String id) {
        try {
            Field field = Class.forName(OneLayerOneFixTest.class.getPackageName() + "." + id + "Test").getDeclaredField("JAVAC");
            field.setAccessible(true);
            return (List<JavacCase>) field.get(null);
        } catch (ReflectiveOperationException e) {
            return List.of(); // LintCompilationTest reports a rule without its cases
        }
    }

    /**
     * What the diagnostic's position holds: the layer annotation ({@code @Dropout}), an attribute's
     * value ({@code activation =}), the model's {@code input}; null for a field of a sub-model type.
     */
    private static String kindAt(Diagnostic<? extends JavaFileObject> d) {
        String line;
        try {
            line = d.getSource().getCharContent(true).toString().split("\n", -1)[(int) d.getLineNumber() - 1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String at = line.substring((int) d.getColumnNumber() - 1);
        Matcher annotation = Pattern.compile("^@(\\w+)").matcher(at);
        if (annotation.find()) {
            String name = annotation.group(1);
            return name.equals("Residual") || name.equals("Model") ? null : "@" + normalized(name);
        }
        if (at.startsWith(".")) {
            return "activation =";
        }
        return at.startsWith("{") ? "input" : null;
    }

    /** Annotations that are one kind of layer for the rules. */
    private static String normalized(String annotation) {
        return switch (annotation) {
            case "SpatialDropout" -> "Dropout";
            case "DepthwiseConv" -> "Conv";
            case "LeakyReLU", "GELU", "Sigmoid", "Tanh", "Softmax" -> "ReLU";
            default -> annotation;
        };
    }

    private static boolean independent(String a, String b) {
        return INDEPENDENT.stream().anyMatch(p -> Set.of(p.first(), p.second()).equals(Set.of(a, b)));
    }

    /** The pairs of rules seen on one layer in the pool. */
    private static Set<Set<String>> seen() {
        Set<Set<String>> pairs = new java.util.HashSet<>();
        for (Map<String, String> fixes : AT.values()) {
            for (String a : fixes.keySet()) {
                for (String b : fixes.keySet()) {
                    if (a.compareTo(b) < 0) {
                        pairs.add(Set.of(a, b));
                    }
                }
            }
        }
        return pairs;
    }

    @Test
    void severalFindingsOnOneLayerGiveOneFixOrFixesThatChangeDifferentThings() {
        StringBuilder wrong = new StringBuilder();
        AT.forEach((where, fixes) -> fixes.forEach((a, fixA) -> fixes.forEach((b, fixB) -> {
            if (a.compareTo(b) < 0 && !fixA.equals(fixB) && !independent(a, b)) {
                wrong.append(where).append(": ").append(a).append(" says '").append(fixA).append("', ").append(b)
                        .append(" says '").append(fixB).append("'\n");
            }
        })));
        assertEquals("", wrong.toString());
    }

    /**
     * Every pair of rules that report the same kind of layer (a dropout, a weighted layer, an
     * activation, ...) is seen on one layer in the pool (and checked above) or declared impossible.
     */
    @Test
    void everyPairOfRulesThatCanShareALayerIsCheckedOrImpossible() {
        assertEquals(Rules.all().size(), KINDS.size(), () -> "rules seen in the pool: " + KINDS.keySet());
        Set<Set<String>> seen = seen();
        List<String> uncovered = new ArrayList<>();
        int pairs = 0;
        for (String a : KINDS.keySet()) {
            for (String b : KINDS.keySet()) {
                if (a.compareTo(b) < 0 && KINDS.get(a).stream().anyMatch(KINDS.get(b)::contains)) {
                    pairs++;
                    Set<String> pair = Set.of(a, b);
                    if (seen.contains(pair) == EXCLUSIVE.containsKey(pair)) {
                        uncovered.add(a + " + " + b + (seen.contains(pair) ? ": declared impossible but seen" : ""));
                    }
                }
            }
        }
        assertEquals(List.of(), uncovered, "pairs neither seen on one layer nor declared impossible");
        assertTrue(pairs >= 44, "pairs: " + pairs);
    }

    private static boolean fires(Compilation compilation, String id) {
        return compilation.diagnostics().stream().anyMatch(d -> d.getMessage(Locale.ROOT).contains("[lamina:" + id + "]"));
    }

    /**
     * Fixes that change different things commute: each alone leaves the other finding, and both
     * together leave no Lamina diagnostic.
     */
    @Test
    void independentFixesCommute() {
        for (Independent pair : INDEPENDENT) {
            String name = pair.first() + " + " + pair.second();
            Compilation both = Javac.compile(pair.both());
            assertTrue(fires(both, pair.first()) && fires(both, pair.second()), name);
            Compilation firstFixed = Javac.compile(pair.firstFixed());
            assertTrue(!fires(firstFixed, pair.first()) && fires(firstFixed, pair.second()), name + ": first's Fix alone");
            Compilation secondFixed = Javac.compile(pair.secondFixed());
            assertTrue(fires(secondFixed, pair.first()) && !fires(secondFixed, pair.second()), name + ": second's Fix alone");
            Compilation bothFixed = Javac.compile(pair.bothFixed());
            Javac.assertLamina(bothFixed);
        }
    }
}
