package dev.lamina.processor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.lamina.processor.LaminaProcessor;
import dev.lamina.processor.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The corpus of real-world models ({@link CorpusModels}), compiled in one javac run: every model
 * gets exactly its expected findings, and recall (faults found / faults) and precision (findings
 * that report a labelled fault / findings) are the ones docs/lints.md reports.
 */
class CorpusTest {

    private static final int HEADER = 4;
    private static final Pattern TAG = Pattern.compile("\\[lamina:([A-Za-z]+)\\]");
    private static final Pattern FIELD = Pattern.compile("\\s(\\w+);\\s*$");

    /** Findings per entry name, as {@code Id@field} or {@code Id@SubModel.field}. */
    private static final Map<String, List<String>> ACTUAL = new TreeMap<>();
    /** Trainable parameters per entry name, from the summary of its generated Net. */
    private static final Map<String, Long> PARAMS = new HashMap<>();
    private static final Pattern TRAINABLE = Pattern.compile("Trainable params: ([0-9,]+)");
    private static final Pattern SUMMARY = Pattern.compile("\\[lamina:Summary\\] (\\w+)Net\\b");

    @BeforeAll
    static void compileTheCorpus() {
        List<JavaFileObject> files = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        Map<String, String[]> lines = new HashMap<>();
        for (Corpus.Entry entry : CorpusModels.ALL) {
            for (Map.Entry<String, String> source : entry.sources().entrySet()) {
                String[] body = source.getValue().split("\n");
                files.add(Sources.model(source.getKey(), body));
                owner.put(source.getKey(), entry.name());
                lines.put(source.getKey(), body);
            }
            ACTUAL.put(entry.name(), new ArrayList<>());
        }
        // the summary notes give each generated Net's parameter count (the compilation fails, as some
        // entries have errors, so the generated sources cannot be read back)
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor())
                .withOptions("-Alamina.summary=true")
                .compile(files.toArray(JavaFileObject[]::new));
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            String text = d.getMessage(Locale.ROOT);
            Matcher summary = SUMMARY.matcher(text);
            if (summary.find()) {
                Matcher count = TRAINABLE.matcher(text);
                if (count.find() && ACTUAL.containsKey(summary.group(1))) {
                    PARAMS.put(summary.group(1), Long.parseLong(count.group(1).replace(",", "")));
                }
                continue;
            }
            Matcher tag = TAG.matcher(text);
            if (!tag.find() || d.getSource() == null) {
                continue;
            }
            String file = Path.of(d.getSource().getName()).getFileName().toString().replace(".java", "");
            String line = lines.get(file)[(int) d.getLineNumber() - HEADER - 1];
            Matcher field = FIELD.matcher(line);
            String where = line.startsWith("@Model") ? "@Model" : field.find() ? field.group(1) : "?";
            String prefix = file.equals(owner.get(file)) ? "" : file + ".";
            ACTUAL.get(owner.get(file)).add(tag.group(1) + "@" + prefix + where);
        }
    }

    /**
     * The published architectures, written as their papers or reference code write them: no
     * warning and no note, and exactly the published parameter count.
     */
    @Test
    void everyPublishedArchitectureIsCleanAndHasItsPublishedParameterCount() {
        StringBuilder wrong = new StringBuilder();
        long architectures = 0;
        for (Corpus.Entry entry : CorpusModels.ALL) {
            if (entry.params() == null) {
                continue;
            }
            architectures++;
            if (!ACTUAL.get(entry.name()).isEmpty() || !entry.faults().isEmpty()) {
                wrong.append(entry.name()).append(": findings ").append(ACTUAL.get(entry.name())).append('\n');
            }
            if (!entry.params().equals(PARAMS.get(entry.name()))) {
                wrong.append(entry.name()).append(": ").append(PARAMS.get(entry.name())).append(" trainable parameters, published ")
                        .append(entry.params()).append('\n');
            }
        }
        assertEquals("", wrong.toString());
        assertTrue(architectures >= 15, "architectures: " + architectures);
    }

    @Test
    void theCorpusHasAtLeastFiftyModelsEachWithItsOrigin() {
        assertTrue(CorpusModels.ALL.size() >= 50, "models: " + CorpusModels.ALL.size());
        for (Corpus.Entry entry : CorpusModels.ALL) {
            assertTrue(entry.origin().length() > 20, entry.name());
        }
    }

    @Test
    void everyModelGetsExactlyItsExpectedFindings() {
        StringBuilder wrong = new StringBuilder();
        for (Corpus.Entry entry : CorpusModels.ALL) {
            List<String> expected = entry.findings().stream().sorted().toList();
            List<String> actual = ACTUAL.get(entry.name()).stream().sorted().toList();
            if (!expected.equals(actual)) {
                wrong.append(entry.name()).append(": expected ").append(expected).append(" but was ")
                        .append(actual).append('\n');
            }
        }
        assertEquals("", wrong.toString());
    }

    /** The findings that report a fault: alternatives separated by '|' (one fault reported at two places). */
    private static List<String> reports(Corpus.Fault fault) {
        return fault.detectedBy() == null ? List.of() : List.of(fault.detectedBy().split("\\|"));
    }

    /** The new rules stay silent on the classic architectures written correctly. */
    @Test
    void theNewRulesDoNotFireOnClassicArchitectures() {
        for (String name : List.of("LeNet5", "AlexNet", "Vgg16", "D2lVgg11", "ResNetCifar", "WrnBlocks", "D2lLenet",
                "MobileNetV2", "Xception", "PreActResNet110")) {
            List<String> found = ACTUAL.get(name).stream().filter(f -> f.startsWith("SingleUnitSoftmaxOutput")
                    || f.startsWith("ChannelsLastInput") || f.startsWith("LinearConvBeforePool")).toList();
            assertEquals(List.of(), found, name);
        }
    }

    @Test
    void recallAndPrecisionAreTheOnesDocumented() throws IOException {
        int faults = 0;
        int found = 0;
        int findings = 0;
        int reportingAFault = 0;
        for (Corpus.Entry entry : CorpusModels.ALL) {
            List<String> actual = ACTUAL.get(entry.name());
            for (Corpus.Fault fault : entry.faults()) {
                faults++;
                if (reports(fault).stream().anyMatch(actual::contains)) {
                    found++;
                }
            }
            findings += actual.size();
            reportingAFault += (int) actual.stream()
                    .filter(f -> entry.faults().stream().anyMatch(fault -> reports(fault).contains(f))).count();
        }
        String line = "corpus of " + CorpusModels.ALL.size() + " models: recall " + found + "/" + faults
                + ", precision " + reportingAFault + "/" + findings;
        String docs = Files.readString(Path.of("..", "docs", "lints.md"));
        assertTrue(docs.contains(line), "docs/lints.md should state: " + line);
    }
}
