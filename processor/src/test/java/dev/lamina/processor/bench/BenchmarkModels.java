package dev.lamina.processor.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the sources of realistic, valid Lamina models for the benchmark: FashionCnn-like image
 * classifiers with 10 to 20 layer fields (conv stages with batch norm and ReLU, pooling, spatial
 * dropout, a global-average-pool or flatten head, dense layers, dropout), every tenth one with a
 * residual sub-model (itself a {@code @Model} class, counted among the models). The same seed gives
 * the same sources.
 */
final class BenchmarkModels {

    static final String PACKAGE = "bench";

    private final Random random;

    BenchmarkModels(long seed) {
        random = new Random(seed);
    }

    /** {@code count} model sources, by simple class name, in package {@value #PACKAGE}. */
    Map<String, String> generate(int count) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; sources.size() < count; i++) {
            String name = String.format("Model%03d", i);
            boolean residual = i % 10 == 9 && sources.size() + 2 <= count;
            model(name, residual, sources);
        }
        return sources;
    }

    private void model(String name, boolean residual, Map<String, String> sources) {
        int channels = random.nextBoolean() ? 1 : 3;
        int side = random.nextBoolean() ? 28 : 32;
        String input = "{" + channels + ", " + side + ", " + side + "}";
        int targetFields = 10 + random.nextInt(11);
        List<String> fields = new ArrayList<>();
        int filters = 16 << random.nextInt(2);
        int current = channels;
        int stage = 1;
        // Stages of convolutions and pooling while the feature map is large and fields remain.
        while (side >= 8 && fields.size() < targetFields - 5) {
            int convs = 1 + random.nextInt(3);
            for (int c = 1; c <= convs; c++) {
                fields.add(conv(filters) + " Layer conv" + stage + "_" + c + ";");
                current = filters;
            }
            if (residual && stage == 2) {
                String block = name + "Block";
                sources.put(block, block(block, current, side));
                fields.add("@Residual " + block + " res" + stage + ";");
            }
            fields.add((random.nextBoolean() ? "@MaxPool(2)" : "@AvgPool(2)") + " Layer pool" + stage + ";");
            side /= 2;
            filters = Math.min(filters * 2, 256);
            stage++;
        }
        if (random.nextBoolean()) { // after the last batch norm, where spatial dropout belongs
            fields.add("@SpatialDropout(rate = 0.1) Layer sdrop;");
        }
        fields.add(random.nextBoolean() ? "@GlobalAvgPool Layer gap;" : "@Flatten Layer flat;");
        int dense = 1;
        while (fields.size() < targetFields - 1) {
            fields.add("@Dense(units = " + (64 << random.nextInt(3)) + ") @ReLU Layer fc" + dense + ";");
            if (fields.size() < targetFields - 1) {
                fields.add("@Dropout(rate = 0.5) Layer drop" + dense + ";");
            }
            dense++;
        }
        fields.add("@Dense(units = 10) Layer logits;");
        sources.put(name, source(name, input, fields));
    }

    private String conv(int filters) {
        return switch (random.nextInt(3)) {
            case 0 -> "@Conv(filters = " + filters + ", bias = false) @BatchNorm @ReLU";
            case 1 -> "@Conv(filters = " + filters + ", activation = Act.RELU)";
            default -> "@Conv(filters = " + filters + ", kernel = 5, bias = false) @BatchNorm @ReLU";
        };
    }

    private static String block(String name, int channels, int side) {
        return header(name, "{" + channels + ", " + side + ", " + side + "}")
                + "    @Conv(filters = " + channels + ", bias = false) @BatchNorm @ReLU Layer a;\n"
                + "    @Conv(filters = " + channels + ", bias = false) @BatchNorm Layer b;\n"
                + "}\n";
    }

    private static String source(String name, String input, List<String> fields) {
        StringBuilder body = new StringBuilder();
        for (String field : fields) {
            body.append("    ").append(field).append('\n');
        }
        return header(name, input) + body + "}\n";
    }

    private static String header(String name, String input) {
        return "package " + PACKAGE + ";\n\nimport dev.lamina.*;\n\n@Model(input = " + input + ")\npublic class "
                + name + " {\n";
    }
}
