package dev.lamina.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import dev.lamina.processor.diag.Origin;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry of layer kinds cannot silently miss one: every record {@link LayerKind} permits
 * declares its bindings (a static field, which javac cannot require), each binding reads its
 * annotation into that record's kind, and every annotation of lamina-runtime's package {@code dev.lamina} that can sit on
 * a field is either a layer kind or {@code @Residual}.
 */
class LayerKindsTest {

    @Test
    void everyKindDeclaresItsBindingsAndEachReadsItsAnnotationIntoThatKind() throws ReflectiveOperationException {
        assertEquals(Set.of(LayerKind.class, SubModelSpec.class), Set.of(LayerSpec.class.getPermittedSubclasses()));
        int bound = 0;
        for (Class<?> kind : LayerKind.class.getPermittedSubclasses()) {
            assertTrue(kind.isRecord(), kind + " is a record");
            Field field = kind.getDeclaredField("BINDINGS");
            assertTrue(Modifier.isStatic(field.getModifiers()), kind + ".BINDINGS");
            List<?> bindings = (List<?>) field.get(null);
            assertFalse(bindings.isEmpty(), kind + " binds no annotation");
            for (Object binding : bindings) {
                LayerBinding b = (LayerBinding) binding;
                // the annotation with its defaults (1 where it has none): the reader makes this kind first
                List<LayerSpec> out = new ArrayList<>();
                b.reader().read(new Origin("f", b.annotation(), 0, null), defaults(b.annotation()),
                        new Names("f", new HashSet<>()), out);
                assertFalse(out.isEmpty(), b.annotation() + " reads into nothing");
                assertEquals(kind, out.get(0).getClass(), "@" + b.annotation() + " is read by " + kind.getSimpleName());
                bound++;
            }
        }
        assertEquals(bound, LayerKinds.ALL.size(), "LayerKinds.ALL holds exactly the kinds' bindings");
    }

    /** The attribute values of {@code dev.lamina.<annotation>} as the processor reads them, defaults included. */
    private static Attributes defaults(String annotation) throws ClassNotFoundException {
        Map<String, Object> values = new HashMap<>();
        for (Method attribute : Class.forName("dev.lamina." + annotation).getDeclaredMethods()) {
            Object value = attribute.getDefaultValue();
            values.put(attribute.getName(), value == null ? 1 : value instanceof Enum<?> e ? e.name() : value);
        }
        return new Attributes(values);
    }

    @Test
    void everyFieldAnnotationOfTheRuntimeIsKnown() throws Exception {
        List<String> fieldAnnotations = new ArrayList<>();
        for (String simpleName : runtimeTypes()) {
            Class<?> type = Class.forName("dev.lamina." + simpleName);
            Target target = type.getAnnotation(Target.class);
            if (type.isAnnotation() && target != null && Arrays.asList(target.value()).contains(ElementType.FIELD)) {
                fieldAnnotations.add(simpleName);
            }
        }
        assertTrue(fieldAnnotations.contains("Conv"), "found " + fieldAnnotations);
        TreeSet<String> unknown = new TreeSet<>(fieldAnnotations);
        unknown.removeAll(LayerKinds.annotations());
        assertEquals(List.of("Residual"), List.copyOf(unknown),
                "field annotations of dev.lamina that no layer kind binds (Residual is read with its sub-model)");
        assertEquals(LayerKinds.annotations().size(), new TreeSet<>(LayerKinds.annotations()).size(),
                "an annotation bound twice: " + LayerKinds.annotations());
    }

    /** Simple names of the top-level types of package dev.lamina in lamina-runtime's classes (directory or jar). */
    private static List<String> runtimeTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(Class.forName("dev.lamina.Model", false, LayerKindsTest.class.getClassLoader())
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve("dev/lamina"))) {
                files.forEach(f -> entries.add("dev/lamina/" + f.getFileName()));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().forEach(e -> entries.add(e.getName()));
            }
        }
        return entries.stream()
                .filter(e -> e.matches("dev/lamina/[A-Za-z0-9]+\\.class"))
                .map(e -> e.substring("dev/lamina/".length(), e.length() - ".class".length()))
                .toList();
    }
}
