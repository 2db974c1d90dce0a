package dev.lamina.examples.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded generator of random {@code @Model} classes over every annotation and attribute of
 * docs/dsl.md: convolutions (kernel, stride, padding, dilation, bias, activation), dense layers,
 * depthwise convolutions (kernel, stride, padding, multiplier, bias, activation), batch and layer
 * norm, dropout and spatial dropout, max and average pools, global average and max pooling,
 * flatten, the six activations, sub-models (half of them bodies without input), residuals with
 * and without projection, {@code @Model(name)}, {@code @Model(task)} (a binary, multi-label or
 * regression model ends in a dense head its task accepts), a superclass without layers ({@code extends}), and
 * boundary values (sizes of 1, the largest and smallest
 * floats in range). It tracks the shape so that most models it means to be valid are; an {@link Case#injected() injected} case carries one
 * deliberate error (an attribute out of range or changed by float rounding, a bad input, a bad
 * name, a static or enum layer, a superclass with layers, a shape error, a residual that cannot add up, a body that cannot
 * take what its field gives it; and, drawn apart, a task on a building block).
 */
final class ModelGenerator {

    /** One Java source file of a case. */
    record Source(String simpleName, String code) {}

    /**
     * A generated case: its package, files and the model to check.
     *
     * @param extreme whether it uses extreme (valid) values, such as epsilon 3.4e38, under which a
     *     float forward pass may overflow legitimately: the NaN oracle is skipped for it
     * @param injected the deliberate error, or null when the case is meant to be valid
     * @param task the {@code Model.Task} constant the model declares ({@code MULTI_CLASS} when it leaves task out)
     */
    record Case(int id, String packageName, List<Source> sources, String model, String netName, boolean extreme,
                String injected, String task) {}

    private static final String[] ACTS = {"NONE", "RELU", "LEAKY_RELU", "GELU", "SIGMOID", "TANH", "SOFTMAX"};
    private static final String[] ACTIVATIONS = {"@ReLU", "@LeakyReLU", "@GELU", "@Sigmoid", "@Tanh", "@Softmax"};
    private static final String[] INJECTIONS = {
        "filters = 0", "kernel = 0", "stride = 0", "dilation = 0", "units = 0", "rate = 1.0", "rate = -0.1",
        "rate = 0.99999999", "momentum = 1.0", "momentum = 0.99999999", "epsilon = 0", "epsilon = 1e300",
        "epsilon = 1e-46", "alpha = -1", "alpha = 1e39", "input rank 2", "input size 0", "name var",
        "name Model", "name illegal", "dense on feature map", "static layer", "enum constant", "kernel too large",
        "even SAME window", "residual mismatch", "sub-model input mismatch", "residual on Layer", "pool value 0", "body rejects input", "extends layers",
    };

    private final SplittableRandom random;
    /**
     * The draws about {@code @Model(task)}, apart from {@link #random} so that adding them left the
     * cases of every seed as they were.
     */
    private final SplittableRandom taskRandom;
    private final int id;
    private final String pkg;
    private final List<Source> sources = new ArrayList<>();
    private boolean extreme;
    private int subModels;

    private ModelGenerator(long seed, int id) {
        // SplittableRandom mixes its seed: neighbouring ids give unrelated cases (java.util.Random would not)
        this.random = new SplittableRandom(seed * 1_000_003L + id);
        this.taskRandom = new SplittableRandom((seed * 1_000_003L + id) ^ 0x5DEECE66DL);
        this.id = id;
        this.pkg = "fuzz.c" + id;
    }

    /** Case {@code id} of the run seeded with {@code seed}; a quarter of the cases carry an error. */
    static Case generate(long seed, int id) {
        return new ModelGenerator(seed, id).build();
    }

    /** A shape during generation: (c, h, w) for a feature map, (n) for a vector when h == 0. */
    private record Dims(int c, int h, int w) {
        boolean image() {
            return h > 0;
        }

        int n() {
            return c;
        }

        String literal() {
            return image() ? "{" + c + ", " + h + ", " + w + "}" : "{" + c + "}";
        }
    }

    private Case build() {
        String injected = random.nextInt(4) == 0 ? INJECTIONS[random.nextInt(INJECTIONS.length)] : null;
        Dims input = random.nextBoolean()
                ? new Dims(1 + random.nextInt(16), 0, 0)
                : new Dims(1 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(12));
        String name = "M" + id;
        String netName = name + "Net";
        String nameAttribute = "";
        if (random.nextInt(5) == 0) {
            netName = "Custom" + id;
            nameAttribute = ", name = \"" + netName + "\"";
        }
        if (injected != null && injected.startsWith("name ")) {
            netName = switch (injected) {
                case "name var" -> "var";
                case "name Model" -> "Model";
                default -> "9lives";
            };
            nameAttribute = ", name = \"" + netName + "\"";
        }
        String inputLiteral = input.literal();
        if ("input rank 2".equals(injected)) {
            inputLiteral = "{3, 4}";
        } else if ("input size 0".equals(injected)) {
            inputLiteral = input.image() ? "{" + input.c() + ", 0, " + input.w() + "}" : "{0}";
        }
        List<String> fields = new ArrayList<>();
        Dims out = layers(input, fields, 1 + random.nextInt(7), 0);
        // docs/dsl.md, Tasks: a fifth of the models declare another task, and end in a head it accepts
        String task = "MULTI_CLASS";
        String taskAttribute = "";
        if (taskRandom.nextInt(5) == 0) {
            task = new String[] {"BINARY", "MULTI_LABEL", "REGRESSION"}[taskRandom.nextInt(3)];
            taskAttribute = ", task = Model.Task." + task;
            int units = task.equals("BINARY") ? 1 : 1 + taskRandom.nextInt(6);
            fields.add((out.image() ? "@ReLU @GlobalAvgPool " : "") + "@Dense(units = " + units + ") Layer head;");
            out = new Dims(units, 0, 0);
        } else if (taskRandom.nextInt(40) == 0) {
            taskAttribute = ", task = Model.Task.MULTI_CLASS"; // the default, written out
        }
        if (injected == null && taskRandom.nextInt(25) == 0) {
            injected = "task on block";
        }
        if (injected != null && !injected.startsWith("name ") && !injected.startsWith("input ")) {
            inject(injected, out, fields);
        }
        boolean asEnum = "enum constant".equals(injected);
        // docs/dsl.md: a model may extend a class without layers, never one with layers (LayersInSuperclass)
        String superclass = "";
        if ("extends layers".equals(injected)) {
            superclass = " extends " + base("@Dense(units = 2) Layer inherited;");
        } else if (!asEnum && random.nextInt(8) == 0) {
            superclass = " extends " + base("int epochs;");
        }
        StringBuilder code = new StringBuilder("package " + pkg + ";\n\nimport dev.lamina.*;\n\n");
        code.append("@Model(input = ").append(inputLiteral).append(nameAttribute).append(taskAttribute).append(")\n");
        if (asEnum) {
            code.append("public enum ").append(name).append(" {\n    @Dense(units = 2) @ReLU OUT;\n");
            fields.forEach(f -> code.append("    ").append(f).append('\n'));
        } else {
            code.append("public class ").append(name).append(superclass).append(" {\n");
            fields.forEach(f -> code.append("    ").append(f).append('\n'));
        }
        code.append("}\n");
        sources.add(0, new Source(name, code.toString()));
        return new Case(id, pkg, List.copyOf(sources), pkg + "." + name, netName, extreme, injected, task);
    }

    /** Appends {@code count} random valid fields for input {@code in}; returns the output shape. */
    private Dims layers(Dims in, List<String> fields, int count, int depth) {
        Dims d = in;
        for (int i = 0; i < count; i++) {
            String field = "f" + fields.size();
            int choice = random.nextInt(10);
            if (choice == 0 && depth < 2) {
                d = subModel(d, fields, field, depth);
            } else if (choice == 1 && depth == 0) {
                keeper(fields, field); // keeps the shape: the same body at whatever shape it meets
            } else if (d.image()) {
                d = imageLayer(d, fields, field);
            } else {
                d = vectorLayer(d, fields, field);
            }
        }
        return d;
    }

    private Dims imageLayer(Dims d, List<String> fields, String field) {
        int choice = random.nextInt(12);
        int side = Math.min(d.h(), d.w());
        switch (choice) {
            case 0, 1, 2 -> {
                int filters = boundary() ? 1 : 1 + random.nextInt(8);
                int stride = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
                int dilation = 1 + random.nextInt(2);
                int kernel;
                String padding;
                int h;
                int w;
                if (random.nextBoolean()) {
                    kernel = 1 + 2 * random.nextInt(3); // odd: SAME pads symmetrically
                    padding = "Padding.SAME";
                    h = ceilDiv(d.h(), stride);
                    w = ceilDiv(d.w(), stride);
                } else {
                    int maxKernel = (side - 1) / dilation + 1;
                    kernel = 1 + random.nextInt(Math.min(maxKernel, 5));
                    padding = "Padding.VALID";
                    int span = dilation * (kernel - 1) + 1;
                    h = (d.h() - span) / stride + 1;
                    w = (d.w() - span) / stride + 1;
                }
                String act = ACTS[random.nextInt(ACTS.length)];
                fields.add(String.format(Locale.ROOT, "@Conv(filters = %d, kernel = %d, stride = %d, padding = %s,"
                                + " dilation = %d, bias = %b, activation = Act.%s)%s Layer %s;", filters, kernel, stride,
                        padding, dilation, random.nextBoolean(), act, trailing(true), field));
                return new Dims(filters, h, w);
            }
            case 3 -> {
                String kind = random.nextBoolean() ? "@MaxPool" : "@AvgPool";
                int stride = random.nextBoolean() ? -1 : 1 + random.nextInt(3);
                if (random.nextBoolean()) {
                    int value = 1 + 2 * random.nextInt(2);
                    int s = stride == -1 ? value : stride;
                    fields.add(String.format(Locale.ROOT, "%s(value = %d, stride = %d, padding = Padding.SAME) Layer %s;",
                            kind, value, stride, field));
                    return new Dims(d.c(), ceilDiv(d.h(), s), ceilDiv(d.w(), s));
                }
                int value = 1 + random.nextInt(Math.min(side, 3));
                int s = stride == -1 ? value : stride;
                fields.add(String.format(Locale.ROOT, "%s(value = %d, stride = %d) Layer %s;", kind, value, stride,
                        field));
                return new Dims(d.c(), (d.h() - value) / s + 1, (d.w() - value) / s + 1);
            }
            case 4 -> {
                fields.add("@SpatialDropout(rate = " + rate() + ")" + trailing(false) + " Layer " + field + ";");
                return d;
            }
            case 5 -> {
                fields.add(batchNorm() + trailing(false) + " Layer " + field + ";");
                return d;
            }
            case 6 -> {
                fields.add("@GlobalAvgPool" + trailing(false) + " Layer " + field + ";");
                return new Dims(d.c(), 0, 0);
            }
            case 7 -> {
                fields.add("@Flatten Layer " + field + ";");
                return new Dims(d.c() * d.h() * d.w(), 0, 0);
            }
            case 8 -> {
                return depthwiseConv(d, fields, field);
            }
            case 9 -> {
                fields.add("@GlobalMaxPool" + trailing(false) + " Layer " + field + ";");
                return new Dims(d.c(), 0, 0);
            }
            case 10 -> {
                fields.add(layerNorm() + trailing(false) + " Layer " + field + ";");
                return d;
            }
            default -> {
                fields.add(activation() + " Layer " + field + ";");
                return d;
            }
        }
    }

    private Dims vectorLayer(Dims d, List<String> fields, String field) {
        int choice = random.nextInt(7);
        switch (choice) {
            case 0, 1, 2 -> {
                int units = boundary() ? 1 : 1 + random.nextInt(16);
                fields.add(String.format(Locale.ROOT, "@Dense(units = %d, bias = %b, activation = Act.%s)%s Layer %s;",
                        units, random.nextBoolean(), ACTS[random.nextInt(ACTS.length)], trailing(false), field));
                return new Dims(units, 0, 0);
            }
            case 3 -> {
                fields.add("@Dropout(rate = " + rate() + ") Layer " + field + ";");
                return d;
            }
            case 4 -> {
                fields.add(batchNorm() + " Layer " + field + ";");
                return d;
            }
            case 5 -> {
                fields.add(layerNorm() + " Layer " + field + ";");
                return d;
            }
            default -> {
                fields.add(activation() + " Layer " + field + ";");
                return d;
            }
        }
    }

    /** A depthwise convolution: one group per input channel, {@code multiplier} outputs each. */
    private Dims depthwiseConv(Dims d, List<String> fields, String field) {
        int multiplier = 1 + random.nextInt(2);
        int stride = 1 + random.nextInt(random.nextInt(4) == 0 ? 2 : 1);
        int kernel;
        String padding;
        int h;
        int w;
        if (random.nextBoolean()) {
            kernel = 1 + 2 * random.nextInt(2);
            padding = "Padding.SAME";
            h = ceilDiv(d.h(), stride);
            w = ceilDiv(d.w(), stride);
        } else {
            kernel = 1 + random.nextInt(Math.min(Math.min(d.h(), d.w()), 3));
            padding = "Padding.VALID";
            h = (d.h() - kernel) / stride + 1;
            w = (d.w() - kernel) / stride + 1;
        }
        fields.add(String.format(Locale.ROOT, "@DepthwiseConv(kernel = %d, stride = %d, padding = %s, multiplier = %d,"
                        + " bias = %b, activation = Act.%s)%s Layer %s;", kernel, stride, padding, multiplier,
                random.nextBoolean(), ACTS[random.nextInt(ACTS.length)], trailing(true), field));
        return new Dims(d.c() * multiplier, h, w);
    }

    private String layerNorm() {
        return random.nextBoolean() ? "@LayerNorm" : String.format(Locale.ROOT,
                "@LayerNorm(epsilon = %s, center = %b, scale = %b)", random.nextBoolean() ? "1e-5" : "1e-3",
                random.nextBoolean(), random.nextBoolean());
    }

    /** A sub-model class for input {@code d}, used as a plain, residual or projected field. */
    private Dims subModel(Dims d, List<String> fields, String field, int depth) {
        String name = "S" + id + "x" + subModels++;
        List<String> inner = new ArrayList<>();
        int kind = random.nextInt(3);
        Dims out;
        String annotation = "";
        if (kind == 0) { // residual: keeps the shape
            if (d.image()) {
                inner.add("@Conv(filters = " + d.c() + ") @BatchNorm @ReLU Layer a;");
                inner.add("@Conv(filters = " + d.c() + ", kernel = 1) Layer b;");
            } else {
                inner.add("@Dense(units = " + d.n() + ") @ReLU Layer a;");
            }
            out = d;
            annotation = "@Residual" + (random.nextBoolean() ? " @ReLU " : " ");
        } else if (kind == 1 && d.image()) { // projection: stride 2, new channel count
            int filters = 1 + random.nextInt(8);
            inner.add("@Conv(filters = " + filters + ", stride = 2) @BatchNorm Layer a;");
            out = new Dims(filters, ceilDiv(d.h(), 2), ceilDiv(d.w(), 2));
            annotation = "@Residual(projection = true) ";
        } else {
            out = layers(d, inner, 1 + random.nextInt(3), depth + 1);
        }
        // half of them declare no input: a body, shaped by this field (and any copy below)
        addModel(name, random.nextBoolean() ? d.literal() : null, inner);
        fields.add(annotation + name + " " + field + ";");
        // a second copy of the same sub-model, now and then
        if (random.nextInt(4) == 0 && out.equals(d)) {
            fields.add(name + " " + field + "again;");
        }
        return out;
    }

    private void inject(String injected, Dims out, List<String> fields) {
        String f = "bad";
        String line = switch (injected) {
            case "filters = 0" -> out.image() ? "@Conv(filters = 0) Layer " + f + ";" : "@Dense(units = 0) Layer " + f + ";";
            case "kernel = 0" -> out.image() ? "@Conv(filters = 2, kernel = 0) Layer " + f + ";"
                    : "@Dense(units = -3) Layer " + f + ";";
            case "stride = 0" -> out.image() ? "@Conv(filters = 2, stride = 0) Layer " + f + ";"
                    : "@Dense(units = 0, bias = false) Layer " + f + ";";
            case "dilation = 0" -> out.image() ? "@Conv(filters = 2, dilation = 0) Layer " + f + ";"
                    : "@Dropout(rate = 2) Layer " + f + ";";
            case "units = 0" -> "@Flatten @Dense(units = 0) Layer " + f + ";";
            case "rate = 1.0" -> "@Dropout(rate = 1.0) Layer " + f + ";";
            case "rate = -0.1" -> "@Dropout(rate = -0.1) Layer " + f + ";";
            case "rate = 0.99999999" -> out.image() ? "@SpatialDropout(rate = 0.99999999) Layer " + f + ";"
                    : "@Dropout(rate = 0.99999999) Layer " + f + ";";
            case "momentum = 1.0" -> "@BatchNorm(momentum = 1.0) Layer " + f + ";";
            case "momentum = 0.99999999" -> "@BatchNorm(momentum = 0.99999999) Layer " + f + ";";
            case "epsilon = 0" -> "@BatchNorm(epsilon = 0) Layer " + f + ";";
            case "epsilon = 1e300" -> "@BatchNorm(epsilon = 1e300) Layer " + f + ";";
            case "epsilon = 1e-46" -> "@BatchNorm(epsilon = 1e-46) Layer " + f + ";";
            case "alpha = -1" -> "@LeakyReLU(alpha = -1) Layer " + f + ";";
            case "alpha = 1e39" -> "@LeakyReLU(alpha = 1e39) Layer " + f + ";";
            case "dense on feature map" -> out.image() ? "@Dense(units = 3) Layer " + f + ";"
                    : "@MaxPool(2) Layer " + f + ";";
            case "static layer" -> "@Dense(units = 2) static Layer " + f + ";";
            case "enum constant" -> "";
            case "kernel too large" -> out.image()
                    ? "@Conv(filters = 2, kernel = " + (Math.max(out.h(), out.w()) + 1) + ", padding = Padding.VALID) Layer " + f + ";"
                    : "@Conv(filters = 2) Layer " + f + ";";
            case "even SAME window" -> out.image() ? "@Conv(filters = 2, kernel = 2) Layer " + f + ";"
                    : "@GlobalAvgPool Layer " + f + ";";
            case "residual mismatch" -> residualMismatch(out, f);
            case "sub-model input mismatch" -> subModelMismatch(out, f);
            case "residual on Layer" -> "@Residual Layer " + f + ";";
            case "pool value 0" -> out.image() ? "@MaxPool(0) Layer " + f + ";" : "@AvgPool(value = 0) Layer " + f + ";";
            case "body rejects input" -> bodyRejectingInput(out, f);
            case "extends layers" -> ""; // the model's superclass, written in build()
            case "task on block" -> taskOnBlock(f);
            default -> throw new IllegalStateException(injected);
        };
        if (!line.isEmpty()) {
            // at the end, where the generator knows the shape the injection is written for
            fields.add(line);
        }
    }

    private String residualMismatch(Dims out, String field) {
        String name = "R" + id;
        String body = out.image() ? "@Conv(filters = " + (out.c() + 1) + ") Layer a;" : "@Dense(units = " + (out.n() + 1) + ") Layer a;";
        addModel(name, out.literal(), List.of(body));
        return "@Residual " + name + " " + field + ";";
    }

    private String subModelMismatch(Dims out, String field) {
        String name = "W" + id;
        String wrong = out.image() ? "{" + (out.c() + 1) + ", " + out.h() + ", " + out.w() + "}" : "{" + (out.n() + 1) + "}";
        String body = out.image() ? "@Conv(filters = 2) Layer a;" : "@Dense(units = 2) Layer a;";
        addModel(name, wrong, List.of(body));
        // placed at the end: the shape there is known
        return name + " " + field + ";";
    }

    /**
     * The case's shape-keeping body ({@code K<id>}: batch norm and ReLU, no input), written once and
     * used at every place the generator picks it, so one model often feeds it two shapes.
     */
    private void keeper(List<String> fields, String field) {
        String name = "K" + id;
        if (sources.stream().noneMatch(s -> s.simpleName().equals(name))) {
            addModel(name, null, List.of("@BatchNorm @ReLU Layer a;"));
        }
        fields.add(name + " " + field + ";");
    }

    /** A shape-keeping body ({@code T<id>}) that declares a task, which a building block has not (TaskOnBlock). */
    private String taskOnBlock(String field) {
        String name = "T" + id;
        StringBuilder code = new StringBuilder("package " + pkg + ";\n\nimport dev.lamina.*;\n\n");
        code.append("@Model(task = Model.Task.").append(new String[] {"BINARY", "MULTI_LABEL", "REGRESSION"}[taskRandom.nextInt(3)])
                .append(")\npublic class ").append(name).append(" {\n    @BatchNorm Layer a;\n}\n");
        sources.add(new Source(name, code.toString()));
        return name + " " + field + ";";
    }

    /** A body (no input) whose only layer cannot take {@code out}, the shape its field gives it. */
    private String bodyRejectingInput(Dims out, String field) {
        String name = "B" + id;
        String layer = out.image()
                ? "@Conv(filters = 2, kernel = " + (Math.max(out.h(), out.w()) + 1) + ", padding = Padding.VALID) Layer a;"
                : "@MaxPool(2) Layer a;";
        addModel(name, null, List.of(layer));
        return name + " " + field + ";";
    }

    /** A superclass {@code P<id>} (no @Model) of this case's package holding {@code field}; returns its name. */
    private String base(String field) {
        String name = "P" + id;
        sources.add(new Source(name, "package " + pkg + ";\n\nimport dev.lamina.*;\n\npublic abstract class " + name
                + " {\n    " + field + "\n}\n"));
        return name;
    }

    /** Adds a sub-model class {@code name} of this case's package; a body when {@code input} is null. */
    private void addModel(String name, String input, List<String> fields) {
        StringBuilder code = new StringBuilder("package " + pkg + ";\n\nimport dev.lamina.*;\n\n");
        code.append(input == null ? "@Model" : "@Model(input = " + input + ")")
                .append("\npublic class ").append(name).append(" {\n");
        fields.forEach(f -> code.append("    ").append(f).append('\n'));
        code.append("}\n");
        sources.add(new Source(name, code.toString()));
    }

    /** Shape-keeping annotations after a layer on the same field: none, batch norm, an activation. */
    private String trailing(boolean allowBatchNorm) {
        StringBuilder s = new StringBuilder();
        if (allowBatchNorm && random.nextInt(3) == 0) {
            s.append(' ').append(batchNorm());
        }
        if (random.nextInt(3) == 0) {
            s.append(' ').append(activation());
        }
        return s.toString();
    }

    private String batchNorm() {
        if (random.nextBoolean()) {
            return "@BatchNorm";
        }
        String momentum;
        String epsilon;
        if (boundary()) {
            momentum = random.nextBoolean() ? "1e-7" : "0.9999999";
            epsilon = random.nextBoolean() ? "3.4e38" : "1.5e-45";
            extreme = true; // 3.4e38 overflows sums; a sub-normal epsilon may divide 0 by 0 on a constant channel
        } else {
            momentum = String.format(Locale.ROOT, "%.3f", 0.5 + random.nextDouble() * 0.49);
            epsilon = random.nextBoolean() ? "1e-5" : "1e-3";
        }
        return "@BatchNorm(momentum = " + momentum + ", epsilon = " + epsilon + ")";
    }

    private String rate() {
        if (boundary()) {
            return random.nextBoolean() ? "0" : "0.9999999";
        }
        return String.format(Locale.ROOT, "%.2f", random.nextDouble() * 0.9);
    }

    private String activation() {
        String act = ACTIVATIONS[random.nextInt(ACTIVATIONS.length)];
        if (act.equals("@LeakyReLU") && random.nextBoolean()) {
            if (boundary()) {
                extreme = true;
                return "@LeakyReLU(alpha = " + (random.nextBoolean() ? "0" : "3e38") + ")";
            }
            return String.format(Locale.ROOT, "@LeakyReLU(alpha = %.2f)", random.nextDouble() * 0.3);
        }
        return act;
    }

    private boolean boundary() {
        return random.nextInt(8) == 0;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
