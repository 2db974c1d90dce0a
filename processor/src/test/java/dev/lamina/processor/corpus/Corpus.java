package dev.lamina.processor.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real-world models translated into the DSL, each with its origin, the faults its source or its
 * code makes known, and the findings Lamina gives it. Translation rules: Keras's
 * {@code Dense(n, activation='softmax')} trained with categorical cross-entropy is written as
 * {@code @Dense(units = n)} (Lamina's loss applies the softmax) unless the softmax is part of the
 * fault; Keras {@code padding='valid'} (its default) as {@code padding = Padding.VALID}; images
 * channels-first unless the entry says it keeps the channels-last input of the source; layers the
 * DSL lacks (local response normalization) are left out and said so.
 */
final class Corpus {

    private Corpus() {}

    /**
     * A fault of a model.
     *
     * @param label what is wrong and where the label comes from
     * @param detectedBy the finding that reports it ({@code Id@field}), or null when Lamina misses it
     */
    record Fault(String label, String detectedBy) {}

    /**
     * One model.
     *
     * @param name class name of the model
     * @param origin where it comes from (file, question, paper)
     * @param sources the model and the sub-models it uses, as source bodies (class declarations)
     * @param findings every Lamina diagnostic on it, as {@code Id@field} ({@code @Model} for the class)
     * @param faults the faults within the DSL's reach
     * @param outOfScope faults of the source outside the DSL (loss, optimizer, data, 1-D layers)
     * @param params the trainable parameter count the model must have (its published count), or
     *     null when the entry is not a published architecture
     */
    record Entry(String name, String origin, Map<String, String> sources, List<String> findings,
                 List<Fault> faults, List<String> outOfScope, Long params) {}

    static final class Builder {
        private final String name;
        private final String origin;
        private final Map<String, String> sources = new java.util.LinkedHashMap<>();
        private final List<String> findings = new ArrayList<>();
        private final List<Fault> faults = new ArrayList<>();
        private final List<String> outOfScope = new ArrayList<>();
        private Long params;

        Builder(String name, String origin, String input, String... fields) {
            this.name = name;
            this.origin = origin;
            sources.put(name, body(name, input, fields));
        }

        /** The trainable parameter count it must have: its published one. */
        Builder params(long trainable) {
            this.params = trainable;
            return this;
        }

        /** A sub-model class the model uses; a null input makes a body (its input from where it is used). */
        Builder uses(String subName, String input, String... fields) {
            sources.put(subName, body(subName, input, fields));
            return this;
        }

        Builder finds(String... idAtField) {
            findings.addAll(List.of(idAtField));
            return this;
        }

        Builder fault(String label, String detectedBy) {
            faults.add(new Fault(label, detectedBy));
            return this;
        }

        Builder outOfScope(String... labels) {
            outOfScope.addAll(List.of(labels));
            return this;
        }

        Entry build() {
            return new Entry(name, origin, sources, List.copyOf(findings), List.copyOf(faults), List.copyOf(outOfScope),
                    params);
        }

        private static String body(String name, String input, String... fields) {
            return (input == null ? "@Model" : "@Model(input = " + input + ")") + "\npublic class " + name + " {\n"
                    + String.join("\n", fields) + "\n}\n";
        }
    }

    static Builder model(String name, String origin, String input, String... fields) {
        return new Builder(name, origin, input, fields);
    }
}
