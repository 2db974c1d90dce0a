package dev.lamina.processor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Benchmark baseline: a processor that does no analysis and writes, for every {@code @Model}
 * class, the Net source Lamina generated for it earlier. What it costs over {@code -proc:none} is
 * javac's own price for a processor that generates sources (an extra round, parsing and entering
 * the new files), which any code-generating processor pays.
 */
final class CopyingProcessor extends AbstractProcessor {

    private final Map<String, String> netSources;

    /** @param netSources Net source text by the qualified name of its model class */
    CopyingProcessor(Map<String, String> netSources) {
        this.netSources = netSources;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.lamina.*", "javax.annotation.processing.Generated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement model = processingEnv.getElementUtils().getTypeElement("dev.lamina.Model");
        for (Element element : round.getElementsAnnotatedWith(model)) {
            TypeElement type = (TypeElement) element;
            String source = netSources.get(type.getQualifiedName().toString());
            String netName = type.getQualifiedName() + "Net";
            try (Writer writer = processingEnv.getFiler().createSourceFile(netName, type).openWriter()) {
                writer.write(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }
}
