package dev.lamina.examples.catalog;

import dev.lamina.runtime.InvalidInputException;
import java.util.List;

/** A model name that names no generated Net; the message lists the models that exist. */
public final class UnknownModelException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> available;

    UnknownModelException(String name, List<String> available) {
        super(message(name, available));
        this.available = List.copyOf(available);
    }

    /** Model names that would have worked. */
    public List<String> available() {
        return available;
    }

    private static String message(String name, List<String> available) {
        if (available.isEmpty()) {
            return "Unknown model '" + name + "', and no generated model classes were found: the"
                    + " Lamina annotation processor did not run on dev.lamina.examples.models"
                    + " (rebuild with `mvn -pl examples -am package`).";
        }
        return "Unknown model '" + name + "'. Give a @Model class name, its generated Net class"
                + " name or a fully qualified class name" + (name.contains(".")
                ? " (a model of your own: put the folder or jar with its compiled classes and its"
                + " generated Net on `lamina --classpath`)" : "") + ". Available: "
                + String.join(", ", available);
    }
}
