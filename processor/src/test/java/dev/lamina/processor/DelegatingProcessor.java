package dev.lamina.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Test and benchmark helper: a processor that hands everything to another one, so a subclass
 * can change its environment ({@link #init}) or observe its rounds ({@link #process}).
 */
public class DelegatingProcessor extends AbstractProcessor {

    /** The processor everything is handed to. */
    protected final Processor delegate;

    public DelegatingProcessor(Processor delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        delegate.init(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return delegate.process(annotations, round);
    }
}
