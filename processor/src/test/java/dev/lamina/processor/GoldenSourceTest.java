package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated source of DSL.md's FashionCnn, compared with a reviewed golden file
 * ({@code src/test/resources/golden/FashionCnnNet.java}). After an intended change of the
 * generator, regenerate it with {@code -Dlamina.golden.update=true} and review the diff.
 */
class GoldenSourceTest {

    static final JavaFileObject FASHION_CNN = Sources.model("FashionCnn",
            "@Model(input = {1, 28, 28})",
            "public class FashionCnn {",
            "    @Conv(filters = 32, kernel = 3) @BatchNorm @ReLU   Layer conv1;",
            "    @Conv(filters = 32, kernel = 3) @BatchNorm @ReLU   Layer conv2;",
            "    @MaxPool(2)                                        Layer pool1;",
            "    @Conv(filters = 64, kernel = 3) @BatchNorm @ReLU   Layer conv3;",
            "    @GlobalAvgPool                                     Layer gap;",
            "    @Dense(units = 128) @ReLU                          Layer fc1;",
            "    @Dropout(rate = 0.5)                               Layer drop1;",
            "    @Dense(units = 10)                                 Layer logits;",
            "}");

    @Test
    void fashionCnnNetMatchesTheGoldenFile() throws IOException {
        Compilation compilation = Sources.compile(FASHION_CNN);
        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("test.FashionCnnNet").orElseThrow()
                .getCharContent(true).toString();
        if (Boolean.getBoolean("lamina.golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden/FashionCnnNet.java"), generated);
        }
        try (InputStream golden = getClass().getResourceAsStream("/golden/FashionCnnNet.java")) {
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), generated);
        }
    }
}
