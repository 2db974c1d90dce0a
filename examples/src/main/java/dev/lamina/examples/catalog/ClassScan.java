package dev.lamina.examples.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The top-level classes under a package, read from the jar or classes directory a class was loaded
 * from (the generated Nets of the example models are compiled into the same one as the catalogue).
 */
final class ClassScan {
    private ClassScan() {
    }

    /** Names of the top-level classes in {@code pkg} and its sub-packages, where {@code anchor} lives. */
    static List<String> classesUnder(Class<?> anchor, String pkg) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            return List.of();
        }
        String prefix = pkg.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path root = location.resolve(prefix);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> files = Files.walk(root)) {
                        files.map(f -> location.relativize(f).toString().replace('\\', '/'))
                                .forEach(entry -> addClass(entry, names));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String entry = e.nextElement().getName();
                        if (entry.startsWith(prefix)) {
                            addClass(entry, names);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the model classes: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the model classes: " + e.getMessage(), e);
        }
        return names;
    }

    private static void addClass(String entry, List<String> names) {
        if (entry.endsWith(".class") && !entry.contains("$")) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }
}
