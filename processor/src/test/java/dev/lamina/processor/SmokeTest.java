package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void fashion() throws Exception {
        Compilation c = Sources.compile(Sources.model("FashionCnn",
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
                "}"));
        c.diagnostics().forEach(System.out::println);
        assertThat(c).succeeded();
        System.out.println(c.generatedSourceFile("test.FashionCnnNet").get().getCharContent(true));
    }
}
