package dev.lamina.runtime.run;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.LaminaNet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds a model's generated Net by the name a person gives it, on a class path of their own (the
 * {@code lamina --classpath} entries, a Maven project's output directory): its {@code @Model}
 * class's simple name ({@code Shapes}), its Net's ({@code ShapesNet}), or either fully qualified
 * ({@code com.example.model.Shapes}). A simple name is looked for in the class folders and jars
 * of {@link #roots()}; the classes are loaded through {@link #loader()}, which must see them and
 * {@code lamina-runtime}.
 *
 * @param loader loads the classes (the thread's context class loader of a tool run on a user's classes)
 * @param roots class folders and jars searched for a simple name; their dependencies need not be listed
 */
public record NetLocator(ClassLoader loader, List<Path> roots) {

    /** Suffix of every generated Net class ({@code <Name>Net}). */
    private static final String NET = "Net";

    /** @throws NullPointerException when {@code loader} is null */
    public NetLocator {
        java.util.Objects.requireNonNull(loader, "loader");
        roots = List.copyOf(roots);
    }

    /**
     * The Net {@code name} names: a qualified name is loaded (with or without {@code Net}), a simple
     * one is looked for in the roots.
     *
     * @param name a model name as a person typed it
     * @return the Net, when exactly one matches
     * @throws InvalidInputException when several models of {@link #roots()} have that simple name
     *     (it lists them: give the qualified name)
     */
    public Optional<LaminaNet> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        if (trimmed.contains(".")) {
            return load(trimmed).or(() -> load(trimmed + NET));
        }
        List<LaminaNet> matches = new ArrayList<>();
        for (String className : classNames()) {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            if (simple.equals(trimmed + NET) || (trimmed.endsWith(NET) && simple.equals(trimmed))) {
                load(className).filter(net -> matches.stream().noneMatch(m -> m.netClass() == net.netClass()))
                        .ifPresent(matches::add);
            }
        }
        if (matches.size() > 1) {
            throw new InvalidInputException("model name '" + trimmed + "' is ambiguous: "
                    + String.join(", ", matches.stream().map(net -> net.netClass().getName()).sorted().toList())
                    + " match it; give the fully qualified name of one");
        }
        return matches.stream().findFirst();
    }

    /**
     * The Net {@code name} names.
     *
     * @param name a model name as a person typed it
     * @param where how the tool names the roots in a message, e.g. {@code target/classes}
     * @return the Net
     * @throws InvalidInputException when none matches (naming {@code name} and listing the models
     *     of the roots) or several do
     */
    public LaminaNet require(String name, String where) {
        return find(name).orElseThrow(() -> {
            List<String> models = available();
            return new InvalidInputException("unknown model '" + name + "': no generated Net of that name in "
                    + where + (models.isEmpty() ? " (it has no @Model classes: are they compiled with the Lamina"
                    + " processor on the annotation processor path?)" : "; its models: " + String.join(", ", models))
                    + ". Give a @Model class's simple or fully qualified name.");
        });
    }

    /** {@return the qualified names of the {@code @Model} classes whose Nets the roots hold, sorted} */
    public List<String> available() {
        TreeSet<String> models = new TreeSet<>();
        for (String className : classNames()) {
            if (className.endsWith(NET)) {
                load(className).ifPresent(net -> models.add(className.substring(0, className.length() - NET.length())));
            }
        }
        return List.copyOf(models);
    }

    /** The top-level classes of the roots, by qualified name. */
    private List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile)
                            .map(file -> root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/"))
                            .forEach(entry -> className(entry).ifPresent(names::add));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list the classes of " + root, e);
                }
            } else if (Files.isRegularFile(root)) {
                try (JarFile jar = new JarFile(root.toFile())) {
                    jar.stream().forEach(entry -> className(entry.getName()).ifPresent(names::add));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the jar " + root, e);
                }
            }
        }
        return names;
    }

    /** {@code com/example/ShapesNet.class} as {@code com.example.ShapesNet}; nested classes and other files: empty. */
    private static Optional<String> className(String entry) {
        if (!entry.endsWith(".class") || entry.contains("$") || entry.endsWith("module-info.class")
                || entry.endsWith("package-info.class") || entry.startsWith("META-INF/")) {
            return Optional.empty();
        }
        return Optional.of(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }

    /** The Net of a qualified class name, when the class exists and is a generated Net. */
    private Optional<LaminaNet> load(String className) {
        try {
            return Optional.of(LaminaNet.of(Class.forName(className, false, loader)));
        } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
